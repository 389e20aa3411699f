import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';

/** One kind of support on the locality's menu. Kept as data (the intervention_kind table). */
@Entity('intervention_kind')
@ObjectType({ description: "One kind of support on the locality's menu of interventions, e.g. a parenting programme or mentoring." })
export class InterventionKind {
  @PrimaryColumn('text')
  @Field(() => ID, { description: 'Its code, e.g. "PARENTING_PROGRAMME"; never changes meaning.' })
  code: string;

  @Column('text')
  @Field(() => String, { description: 'Its name, as families and schools see it.' })
  name: string;

  @Column('text')
  @Field(() => String, { description: 'What it is.' })
  description: string;

  @Column('smallint')
  @Field(() => Int, { description: 'Where it comes on the menu.' })
  sortOrder: number;
}

/** One intervention in a coordinated plan; reached only through its (guarded) request. */
@Entity('plan_intervention')
@Index(['requestId', 'startDate'])
@Index(['kindCode'])
@ObjectType({ description: 'One intervention in a coordinated plan: what, from whom, from when to when.' })
export class PlanIntervention {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'The id of the intervention.' })
  id: string;

  @Column('uuid')
  requestId: string;

  @Column('text')
  kindCode: string;

  @Column('text')
  @Field(() => String, { description: 'Who provides it, e.g. "Swale Early Help" or a named charity.' })
  provider: string;

  @Column('date')
  @Field(() => LocalDateScalar, { description: 'The day it starts (or started).' })
  startDate: string;

  @Column('date', { nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it ends (or ended); empty while open-ended.' })
  endDate: string | null;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'What the plan says about it.' })
  notes: string | null;

  @Column('text')
  addedBy: string;
}

export enum ReviewProgress {
  GOOD_PROGRESS = 'GOOD_PROGRESS',
  SOME_PROGRESS = 'SOME_PROGRESS',
  NO_PROGRESS = 'NO_PROGRESS',
  CONCERNS_INCREASED = 'CONCERNS_INCREASED',
}
registerEnumType(ReviewProgress, {
  name: 'ReviewProgress',
  description: 'What a monitoring review found.',
  valuesConfig: {
    GOOD_PROGRESS: { description: 'Good progress towards the plan\'s aims.' },
    SOME_PROGRESS: { description: 'Some progress.' },
    NO_PROGRESS: { description: 'No progress yet.' },
    CONCERNS_INCREASED: { description: 'Things have got worse; the plan needs to change.' },
  },
});

/** A monitoring review of a coordinated plan; reached only through its (guarded) request. */
@Entity('monitoring_review')
@Index(['requestId', 'reviewDate'])
@ObjectType({ description: 'A monitoring review of a coordinated plan: when, what it found, and notes.' })
export class MonitoringReview {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'The id of the review.' })
  id: string;

  @Column('uuid')
  requestId: string;

  @Column('date')
  @Field(() => LocalDateScalar, { description: 'The day of the review.' })
  reviewDate: string;

  @Column('text')
  @Field(() => ReviewProgress, { description: 'What the review found.' })
  progress: ReviewProgress;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'What was agreed.' })
  notes: string | null;

  @Column('text')
  @Field(() => String, { description: 'Who recorded it: the person named in their sign-in.' })
  reviewedBy: string;
}
