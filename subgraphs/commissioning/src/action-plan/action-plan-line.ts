import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import { Rag } from '../measure/measure-kind.js';

@Entity('action_plan_line')
@ObjectType({
  description:
    "A line of a workstream's action plan: the recommendation, how and by whom it is delivered, by when, how its impact is measured, and its progress rated red, amber or green with a commentary. Every rating given is kept (ragHistory), with its commentary.",
})
export class ActionPlanLine {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The line's platform id: what updateActionPlanProgress names." })
  id: string;

  @Column('uuid')
  workstreamId: string;

  @Column('uuid', { nullable: true })
  areaOfWeaknessId: string | null;

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
  @Field(() => Int, { description: 'Changes with every new rating; send it back as `expectedVersion` so that a change made on a stale read is refused.' })
  version: number;
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
