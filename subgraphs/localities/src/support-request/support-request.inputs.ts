import { Field, GraphQLISODateTime, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, UrnScalar } from '@local-area-graph/identifiers';
import { MyWorldTrigger } from '../my-world/my-world-assessment.js';
import { ReviewProgress } from './intervention.js';
import { SupportOutcome } from './support-request.js';

@InputType({ description: 'One side of the My World triangle.' })
export class MyWorldSideInput {
  @Field(() => String, { description: 'What is going well.' })
  strengths: string;

  @Field(() => String, { description: 'What is hard or worrying.' })
  pressures: string;
}

@InputType({ description: "A school's My World assessment, sent to the locality's single point of contact as a request for support." })
export class SubmitMyWorldAssessmentInput {
  @Field(() => ID, { description: "The child's platform id." })
  childId: string;

  @Field(() => UrnScalar, { description: 'The URN of the school completing it (a SENCO: their own school, where the child is on roll).' })
  schoolUrn: string;

  @Field(() => MyWorldTrigger, { description: 'What made the school complete it.' })
  trigger: MyWorldTrigger;

  @Field(() => String, { nullable: true, description: 'The trigger in the school\'s words; required when the trigger is OTHER.' })
  triggerDetail?: string | null;

  @Field(() => MyWorldSideInput, { description: 'How I grow and develop.' })
  howIGrowAndDevelop: MyWorldSideInput;

  @Field(() => MyWorldSideInput, { description: 'What I need from the people who look after me.' })
  whatINeedFromThePeopleWhoLookAfterMe: MyWorldSideInput;

  @Field(() => MyWorldSideInput, { description: 'My wider world.' })
  myWiderWorld: MyWorldSideInput;

  @Field(() => String, { description: 'Who completed it, as they sign it (name and role).' })
  completedBy: string;

  @Field(() => LocalDateScalar, { description: 'The day it was completed (today or earlier).' })
  completedOn: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "When it reached the locality's single point of contact; now if not given. Starts the 2-working-day clock." })
  sentAt?: Date | null;
}

@InputType({ description: "The locality's response to a request for support: the lead professional it appoints." })
export class RecordLocalityResponseInput {
  @Field(() => ID, { description: 'The request.' })
  requestId: string;

  @Field(() => Int, { description: 'The `version` of the request you read; a change made since is refused (CONFLICT).' })
  expectedVersion: number;

  @Field(() => ID, { description: 'The professional appointed lead professional, usually an inclusion support lead of the locality.' })
  leadProfessionalId: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the locality responded; now if not given.' })
  respondedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'The response in the locality\'s words.' })
  notes?: string | null;
}

@InputType({ description: 'An intervention from the menu added to a coordinated plan.' })
export class AddInterventionInput {
  @Field(() => ID, { description: 'The request whose plan it joins.' })
  requestId: string;

  @Field(() => String, { description: 'Its code on the menu (`interventionMenu`), e.g. "MENTORING".' })
  kindCode: string;

  @Field(() => String, { description: 'Who provides it.' })
  provider: string;

  @Field(() => LocalDateScalar, { description: 'The day it starts; not before the request was received.' })
  startDate: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it is planned to end; not before it starts.' })
  endDate?: string | null;

  @Field(() => String, { nullable: true, description: 'What the plan says about it.' })
  notes?: string | null;
}

@InputType({ description: 'A monitoring review of a coordinated plan.' })
export class RecordMonitoringReviewInput {
  @Field(() => ID, { description: 'The request whose plan was reviewed.' })
  requestId: string;

  @Field(() => LocalDateScalar, { description: 'The day of the review (today or earlier, not before the response).' })
  reviewDate: string;

  @Field(() => ReviewProgress, { description: 'What the review found.' })
  progress: ReviewProgress;

  @Field(() => String, { nullable: true, description: 'What was agreed.' })
  notes?: string | null;
}

@InputType({ description: "The outcome of a locality's coordinated support." })
export class RecordSupportOutcomeInput {
  @Field(() => ID, { description: 'The request.' })
  requestId: string;

  @Field(() => Int, { description: 'The `version` of the request you read; a change made since is refused (CONFLICT).' })
  expectedVersion: number;

  @Field(() => SupportOutcome, { description: 'How it ended.' })
  outcome: SupportOutcome;

  @Field(() => LocalDateScalar, { description: 'The day it was agreed (today or earlier, not before the response).' })
  outcomeDate: string;

  @Field(() => String, { nullable: true, description: 'The outcome in the team\'s words.' })
  notes?: string | null;
}
