import { Field, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';

@InputType({ description: 'A professional joining the team around a child.' })
export class AddTeamMemberInput {
  @Field(() => ID, { description: "The child's platform id." })
  childId: string;

  @Field(() => ID, { description: "The professional's platform id." })
  professionalId: string;

  @Field(() => String, { description: 'What they will do for this child, e.g. "SENCO" or "Speech and language therapist".' })
  teamRole: string;

  @Field(() => LocalDateScalar, { description: 'The first day they are on the team (today or earlier).' })
  startDate: string;
}

@InputType({ description: 'A professional leaving the team around a child.' })
export class EndTeamMembershipInput {
  @Field(() => ID, { description: 'The id of their place on the team (`TeamMember.id`).' })
  membershipId: string;

  @Field(() => LocalDateScalar, { description: 'Their last day on the team (today or earlier, not before they joined).' })
  endDate: string;
}

@InputType({ description: "Appointing a child's lead professional. The previous lead, if any, hands over at the same moment." })
export class AppointLeadProfessionalInput {
  @Field(() => ID, { description: "The child's platform id." })
  childId: string;

  @Field(() => ID, { description: "The professional's platform id; they join the team around the child if they are not on it." })
  professionalId: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the appointment took effect; now if not given. Never in the future, never before the current lead was appointed.' })
  appointedAt?: Date | null;
}
