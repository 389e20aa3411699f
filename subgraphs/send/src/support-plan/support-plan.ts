import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';

export enum SupportPlanCloseReason {
  NEEDS_MET = 'NEEDS_MET',
  MOVED_TO_EHC_PLAN = 'MOVED_TO_EHC_PLAN',
  LEFT_SCHOOL = 'LEFT_SCHOOL',
  OTHER = 'OTHER',
}
registerEnumType(SupportPlanCloseReason, {
  name: 'SupportPlanCloseReason',
  description: 'Why a SEN support plan closed.',
  valuesConfig: {
    NEEDS_MET: { description: 'The child made good progress: their needs are now met by good teaching, without extra help.' },
    MOVED_TO_EHC_PLAN: { description: 'The child now has an EHC plan, which takes over from SEN support.' },
    LEFT_SCHOOL: { description: 'The child left the school that wrote the plan; a new school starts its own.' },
    OTHER: { description: 'Another reason, given in the notes.' },
  },
});

/**
 * A SEN support plan (school census code K): the school's own plan for a child with
 * special educational needs but no EHC plan, run as the graduated approach's cycles
 * of assess, plan, do and review (SEND Code of Practice 6.44–6.56).
 */
@Entity('support_plan')
@ObjectType({
  description:
    "A child's SEN support plan (school census code K): the school's plan for the outcomes the child is working towards and the extra help they get, reviewed in cycles of assess, plan, do and review, usually every term.",
})
export class SupportPlan {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The plan's platform id." })
  id: string;

  @Index()
  @Column('uuid')
  childId: string;

  /** The URN of the school that wrote the plan and delivers it; shown as `school`. */
  @Index()
  @Column('text')
  schoolUrn: string;

  @Column('date')
  @Field(() => LocalDateScalar, { description: 'The day the plan started: the first assessment of its first cycle.' })
  startedDate: string;

  @Column('date')
  @Field(() => LocalDateScalar, {
    description: 'The day the parents were told their child is receiving SEN support, which the SEND Code of Practice requires.',
  })
  parentsToldDate: string;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: "The child's own views, in their words; empty when not recorded." })
  childViews: string | null;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: "The parents' or carers' views; empty when not recorded." })
  parentViews: string | null;

  @Column('date', { nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the plan closed; empty while it is open.' })
  closedDate: string | null;

  @Column('text', { nullable: true })
  @Field(() => SupportPlanCloseReason, { nullable: true, description: 'Why the plan closed; empty while it is open, and for plans closed before reasons were kept.' })
  closeReason: SupportPlanCloseReason | null;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'What the school noted when it closed the plan; empty when nothing was.' })
  closeNotes: string | null;

  @Column('int', { default: 1 })
  @Field(() => Int, {
    description: 'Raised by every change (a cycle recorded, the plan closed); send it back as `expectedVersion` when you close the plan, so a change made meanwhile by someone else is not lost.',
  })
  version: number;
}

@Entity('support_plan_outcome')
@ObjectType({ description: 'One outcome a SEN support plan works towards, e.g. "Read a short passage without adult help".' })
export class SupportPlanOutcome {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The outcome's platform id." })
  id: string;

  @Index()
  @Column('uuid')
  planId: string;

  @Column('text')
  @Field(() => String, { description: 'What the child will be able to do, in plain words.' })
  description: string;

  @Column('int')
  @Field(() => Int, { description: 'Where the outcome comes in the plan, from 1.' })
  sortOrder: number;
}

@Entity('support_plan_provision')
@ObjectType({ description: 'One line of the extra help a SEN support plan puts in place: what, who delivers it and how often.' })
export class SupportPlanProvision {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The provision line's platform id." })
  id: string;

  @Index()
  @Column('uuid')
  planId: string;

  @Column('text')
  @Field(() => String, { description: 'The help given, e.g. "Small-group phonics catch-up".' })
  what: string;

  @Column('text')
  @Field(() => String, { description: 'Who gives it, e.g. "Teaching assistant".' })
  deliveredBy: string;

  @Column('text')
  @Field(() => String, { description: 'How often and for how long, e.g. "3 x 20 minutes a week".' })
  howOften: string;

  @Column('int')
  @Field(() => Int, { description: 'Where the line comes in the plan, from 1.' })
  sortOrder: number;
}

@Entity('support_plan_cycle')
@ObjectType({
  description:
    "One cycle of a SEN support plan's graduated approach: the child's needs assessed, the plan agreed, the help started, then reviewed (usually termly).",
})
export class SupportPlanCycle {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The cycle's platform id." })
  id: string;

  @Index()
  @Column('uuid')
  planId: string;

  @Column('date')
  @Field(() => LocalDateScalar, { description: "The day the child's needs were assessed for this cycle." })
  assessDate: string;

  @Column('date')
  @Field(() => LocalDateScalar, { description: 'The day the plan for this cycle was agreed.' })
  planDate: string;

  @Column('date')
  @Field(() => LocalDateScalar, { description: 'The day the help started ("do").' })
  doFromDate: string;

  @Column('date', { nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the cycle was reviewed; empty until it is.' })
  reviewDate: string | null;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'What the review found and decided; empty until the cycle is reviewed.' })
  reviewNotes: string | null;

  @Column('date')
  @Field(() => LocalDateScalar, {
    description: 'When the next review is due: as agreed, or else 12 weeks after the review (before one, after the plan date).',
  })
  nextReviewDue: string;
}
