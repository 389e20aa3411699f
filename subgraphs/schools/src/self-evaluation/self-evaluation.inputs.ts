import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, UrnScalar } from '@local-area-graph/identifiers';
import { SelfEvaluationGrade, StatutoryCheckItem } from './framework.js';

@InputType({ description: 'One statement of the framework, graded.' })
export class GradedStatementInput {
  @Field(() => String, { description: 'The statement\'s code, e.g. "LEADERSHIP_1" (see selfEvaluationFramework).' })
  code: string;

  @Field(() => SelfEvaluationGrade, { description: 'How far the statement is true of the school.' })
  grade: SelfEvaluationGrade;

  @Field(() => String, { nullable: true, description: 'The evidence for the grade; required for Developing and Embedded, at most 2,000 characters.' })
  evidence?: string | null;
}

@InputType({ description: 'One item of the statutory checklist, answered.' })
export class StatutoryCheckInput {
  @Field(() => StatutoryCheckItem, { description: 'The duty.' })
  item: StatutoryCheckItem;

  @Field(() => Boolean, { description: 'True when the school meets it.' })
  met: boolean;

  @Field(() => String, { nullable: true, description: 'A note, e.g. when the SEN information report was last published.' })
  note?: string | null;
}

@InputType({ description: 'One line of the school\'s SEND action plan.' })
export class SendActionInput {
  @Field(() => String, { description: 'The target.' })
  target: string;

  @Field(() => String, { description: 'The actions that will meet it.' })
  actions: string;

  @Field(() => String, { description: 'The person responsible, e.g. "SENCO".' })
  personResponsible: string;

  @Field(() => String, { nullable: true, description: 'The resources it needs, when known.' })
  resources?: string | null;

  @Field(() => String, { nullable: true, description: 'The evidence of impact; required with dateCompleted.' })
  evidenceOfImpact?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it was completed, when it already has been; not in the future.' })
  dateCompleted?: string | null;
}

@InputType({ description: "A school's SEND self-evaluation, as its SENCO records it." })
export class RecordSendSelfEvaluationInput {
  @Field(() => UrnScalar, { description: 'The school; a SENCO may only record for their own school.' })
  schoolUrn: string;

  @Field(() => LocalDateScalar, { description: 'The day it was completed; not in the future, and at most once a day per school.' })
  evaluatedDate: string;

  @Field(() => String, { description: 'Who completed it, e.g. "J. Patel, SENCO, with the headteacher".' })
  completedBy: string;

  @Field(() => [GradedStatementInput], { description: 'Every statement of the framework, each exactly once.' })
  statements: GradedStatementInput[];

  @Field(() => [StatutoryCheckInput], { description: 'Every item of the statutory checklist, each exactly once.' })
  checklist: StatutoryCheckInput[];

  @Field(() => [SendActionInput], { description: 'The action plan, in order: up to 20 lines (none is allowed).' })
  actionPlan: SendActionInput[];
}

@InputType({ description: 'An action of a school\'s SEND action plan, now completed.' })
export class CompleteSendActionInput {
  @Field(() => ID, { description: "The action's platform id." })
  actionId: string;

  @Field(() => LocalDateScalar, { description: 'The day it was completed; not in the future.' })
  dateCompleted: string;

  @Field(() => String, { description: 'The evidence that it made a difference, at most 2,000 characters.' })
  evidenceOfImpact: string;

  @Field(() => Int, { description: 'The action\'s `version` as last read; a stale one is refused (CONFLICT).' })
  expectedVersion: number;
}
