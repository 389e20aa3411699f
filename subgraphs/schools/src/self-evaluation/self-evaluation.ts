import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import { SelfEvaluationDimension, SelfEvaluationGrade, StatutoryCheckItem } from './framework.js';

@Entity('send_self_evaluation')
@ObjectType({
  description:
    "A school's evaluation of its own SEND provision on one day: every statement of the framework graded Emerging, Developing or Embedded with its evidence, the statutory checklist, and the action plan that follows from it. A school keeps its history; the latest is current.",
})
export class SendSelfEvaluation {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The self-evaluation's platform id." })
  id: string;

  @Index()
  @Column('text')
  schoolUrn: string;

  @Column('date')
  @Field(() => LocalDateScalar, { description: 'The day the school completed the self-evaluation.' })
  evaluatedDate: string;

  @Column('text')
  @Field(() => String, { description: 'Who completed it, as the school names them, e.g. "J. Patel, SENCO, with the headteacher".' })
  completedBy: string;

  /** The token subject of whoever recorded it on the platform (history: who wrote what). */
  @Column('text')
  recordedBy: string;

  @Column('timestamptz')
  @Field(() => Date, { description: 'When it was recorded on the platform.' })
  recordedAt: Date;
}

@Entity('send_self_evaluation_statement')
@ObjectType({ description: 'One statement of the framework as a school graded it, with its evidence.' })
export class SelfEvaluationStatement {
  @PrimaryColumn('uuid')
  evaluationId: string;

  @PrimaryColumn('text', { name: 'statement_code' })
  @Field(() => String, { description: 'The statement\'s code in the framework, e.g. "LEADERSHIP_1".' })
  code: string;

  @Column('text')
  @Field(() => SelfEvaluationDimension, { description: 'The dimension the statement belongs to.' })
  dimension: SelfEvaluationDimension;

  @Column('text')
  @Field(() => SelfEvaluationGrade, { description: 'How far the school judged the statement true of itself.' })
  grade: SelfEvaluationGrade;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'The evidence for the grade; always given for Developing and Embedded.' })
  evidence: string | null;
}

@Entity('send_statutory_check')
@ObjectType({ description: "One item of a school's statutory SEND checklist, answered yes or no." })
export class StatutoryCheck {
  @PrimaryColumn('uuid')
  evaluationId: string;

  @PrimaryColumn('text')
  @Field(() => StatutoryCheckItem, { description: 'The duty checked.' })
  item: StatutoryCheckItem;

  @Column('boolean')
  @Field(() => Boolean, { description: 'True when the school meets it.' })
  met: boolean;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'A note, e.g. the date the SEN information report was last published, or what is being done.' })
  note: string | null;
}

@Entity('send_action')
@ObjectType({ description: "One line of a school's SEND action plan, drawn up from its self-evaluation." })
export class SendAction {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The action's platform id." })
  id: string;

  @Column('uuid')
  evaluationId: string;

  @Column('smallint')
  @Field(() => Int, { description: 'Its place in the plan, from 1.' })
  sortOrder: number;

  @Column('text')
  @Field(() => String, { description: 'The target, e.g. "Every SEN support plan reviewed termly with parents".' })
  target: string;

  @Column('text')
  @Field(() => String, { description: 'The actions that will meet it.' })
  actions: string;

  @Column('text')
  @Field(() => String, { description: 'The person responsible, e.g. "SENCO".' })
  personResponsible: string;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'The resources it needs (time, training, money), when given.' })
  resources: string | null;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'The evidence that it made a difference; given when the action is completed.' })
  evidenceOfImpact: string | null;

  @Column('date', { nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the action was completed; empty while it is open.' })
  dateCompleted: string | null;

  /** Bumped by every change, so that a change made on a stale read is refused. */
  @Column('integer')
  @Field(() => Int, { description: 'Changes whenever the action changes; send it back as `expectedVersion` so a stale change is refused.' })
  version: number;
}
