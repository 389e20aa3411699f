import { Field, ID, InputType } from 'type-graphql';
import { LaCodeScalar } from '@local-area-graph/identifiers';

@InputType({ description: "Someone joining a local area's SEND improvement board." })
export class AppointBoardMemberInput {
  @Field(() => LaCodeScalar, { description: "The area whose board they join, e.g. E10000016." })
  localAreaCode: string;

  @Field(() => String, { description: "Their login: the subject (`sub`) of the tokens their identity provider issues them." })
  subject: string;

  @Field(() => String, { description: 'Their name, as the plan\'s history will show it.' })
  name: string;

  @Field(() => String, { description: 'What they do for the board, e.g. "Workstream C lead".' })
  roleOnBoard: string;
}

@InputType({ description: "Someone leaving a local area's SEND improvement board." })
export class EndBoardMembershipInput {
  @Field(() => ID, { description: "The membership's platform id." })
  memberId: string;
}
