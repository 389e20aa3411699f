import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';

/** What a board changed in the shape of its plan. */
export enum PlanChangeKind {
  WORKSTREAM_CREATED = 'WORKSTREAM_CREATED',
  WORKSTREAM_UPDATED = 'WORKSTREAM_UPDATED',
  WORKSTREAM_RETIRED = 'WORKSTREAM_RETIRED',
  AREA_OF_WEAKNESS_ADDED = 'AREA_OF_WEAKNESS_ADDED',
  AREA_OF_WEAKNESS_RETIRED = 'AREA_OF_WEAKNESS_RETIRED',
  MEASURE_ADDED = 'MEASURE_ADDED',
  MEASURE_RETIRED = 'MEASURE_RETIRED',
  ACTION_PLAN_LINE_ADDED = 'ACTION_PLAN_LINE_ADDED',
  ACTION_PLAN_LINE_CLOSED = 'ACTION_PLAN_LINE_CLOSED',
}
registerEnumType(PlanChangeKind, {
  name: 'PlanChangeKind',
  description: 'What the board changed in the shape of its plan.',
  valuesConfig: {
    WORKSTREAM_CREATED: { description: 'A workstream was started.' },
    WORKSTREAM_UPDATED: { description: "A workstream's title, description or lead was changed." },
    WORKSTREAM_RETIRED: { description: 'A workstream was retired: kept for the history, no longer on the board.' },
    AREA_OF_WEAKNESS_ADDED: { description: 'An area of weakness was put under a workstream.' },
    AREA_OF_WEAKNESS_RETIRED: { description: 'An area of weakness was retired.' },
    MEASURE_ADDED: { description: 'A measure was added, bound to a figure another service owns.' },
    MEASURE_RETIRED: { description: 'A measure was retired: its targets are kept, it is no longer rated on the board.' },
    ACTION_PLAN_LINE_ADDED: { description: 'A line was added to an action plan, with its first rating.' },
    ACTION_PLAN_LINE_CLOSED: { description: 'An action-plan line was closed, completed or dropped.' },
  },
});

@Entity('plan_change')
@ObjectType({ description: "One change a board made to the shape of its plan (a workstream, area of weakness, measure or action-plan line added, changed, retired or closed): what, who, when and why. Kept for ever." })
export class PlanChange {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The change's platform id." })
  id: string;

  @Index()
  @Column('text')
  localAreaCode: string;

  @Column('text')
  @Field(() => PlanChangeKind, { description: 'What was changed.' })
  change: PlanChangeKind;

  @Column('uuid')
  @Field(() => ID, { description: 'The platform id of the workstream, area of weakness, measure or action-plan line it changed.' })
  itemId: string;

  @Column('text')
  @Field(() => String, { description: 'What changed, in words, e.g. "Workstream F: Preparing for adulthood".' })
  summary: string;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'Why, as the board member gave it; empty when none was asked for.' })
  reason: string | null;

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

/** Keeps a change to the plan's shape, in the transaction that makes it. */
export async function recordPlanChange(
  manager: EntityManager,
  ctx: SubgraphContext,
  change: { localAreaCode: string; change: PlanChangeKind; itemId: string; summary: string; reason?: string | null; byName: string; at: Date },
): Promise<void> {
  await manager.getRepository(PlanChange).insert({
    id: randomUUID(),
    localAreaCode: change.localAreaCode,
    change: change.change,
    itemId: change.itemId,
    summary: change.summary,
    reason: change.reason ?? null,
    changedBy: ctx.viewer.subject,
    changedByName: change.byName,
    changedAt: change.at,
  });
}
