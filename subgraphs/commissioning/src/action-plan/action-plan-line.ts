import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import { Rag } from '../measure/measure-kind.js';
import type { BoardScope } from '../board/board-scope.js';

/** Whether an action-plan line is still being worked on. */
export enum ActionPlanLineStatus {
  OPEN = 'OPEN',
  COMPLETED = 'COMPLETED',
  DROPPED = 'DROPPED',
}
registerEnumType(ActionPlanLineStatus, {
  name: 'ActionPlanLineStatus',
  description: 'Whether an action-plan line is still being worked on, or was closed and how.',
  valuesConfig: {
    OPEN: { description: 'Being worked on: its progress is rated.' },
    COMPLETED: { description: 'Done: closed by the board.' },
    DROPPED: { description: 'Stopped without being done (overtaken, or replaced by another line): closed by the board, with why.' },
  },
});

@Entity('action_plan_line')
@ObjectType({
  description:
    "A line of a workstream's action plan: the recommendation, how and by whom it is delivered, by when, how its impact is measured, and its progress rated red, amber or green with a commentary. Every rating given is kept (ragHistory), with its commentary.",
})
export class ActionPlanLine {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The line's platform id: what updateActionPlanProgress names." })
  id: string;

  @Index()
  @Column('uuid')
  workstreamId: string;

  @Index()
  @Column('uuid', { nullable: true })
  areaOfWeaknessId: string | null;

  @Index()
  @Column('text', { nullable: true })
  localityId: string | null;

  @Column('smallint')
  sortOrder: number;

  @Column('text')
  @Field(() => String, { description: 'The recommendation or action.' })
  recommendation: string;

  @Column('text')
  @Field(() => String, { description: 'How it will be done.' })
  how: string;

  @Column('text')
  @Field(() => String, { description: 'Who does it.' })
  who: string;

  @Column('date')
  @Field(() => LocalDateScalar, { description: 'By when.' })
  byWhen: string;

  @Column('text')
  @Field(() => String, { description: 'How its impact is measured.' })
  impactMeasure: string;

  /** The board's measure its impact is tracked by, when it names one (see measuredBy). */
  @Index()
  @Column('uuid', { nullable: true })
  impactMeasureId: string | null;

  @Column('text')
  @Field(() => ActionPlanLineStatus, { description: 'Whether it is still being worked on, or was completed or dropped.' })
  status: ActionPlanLineStatus;

  @Column('timestamptz', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the board closed it; empty while it is open.' })
  closedAt: Date | null;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was closed, as the board member gave it; empty while it is open.' })
  closedReason: string | null;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'Who closed it, by name; empty while it is open.' })
  closedByName: string | null;

  @Column('text')
  @Field(() => Rag, { description: 'Its progress as last rated.' })
  rag: Rag;

  @Column('text')
  @Field(() => String, { description: 'The commentary given with the latest rating.' })
  commentary: string;

  @Column('timestamptz')
  @Field(() => Date, { description: 'When progress was last updated.' })
  updatedAt: Date;

  @Column('text')
  @Field(() => String, { description: 'Who last updated progress, by name.' })
  updatedByName: string;

  @Column('integer')
  @Field(() => Int, { description: 'Changes with every new rating and when it is closed; send it back as `expectedVersion` so that a change made on a stale read is refused.' })
  version: number;

  /** The board it is shown on (area or locality), so that its impact measure is rated there; not a column. */
  board?: BoardScope;
}

@Entity('rag_change')
@ObjectType({ description: "One rating of an action-plan line's progress: the rating before and after, who gave it, when and why." })
export class RagChange {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The rating's platform id." })
  id: string;

  @Column('uuid')
  lineId: string;

  @Column('text', { nullable: true })
  @Field(() => Rag, { nullable: true, description: 'The rating before; empty for the first rating.' })
  fromRag: Rag | null;

  @Column('text')
  @Field(() => Rag, { description: 'The rating given.' })
  toRag: Rag;

  @Column('text')
  @Field(() => String, { description: 'Why: the commentary given with it.' })
  commentary: string;

  /** The token subject of who made it. */
  @Column('text')
  changedBy: string;

  @Column('text')
  @Field(() => String, { description: 'Who made it, by name.' })
  changedByName: string;

  @Column('timestamptz')
  @Field(() => Date, { description: 'When.' })
  changedAt: Date;
}
