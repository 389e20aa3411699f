import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, UrnScalar } from '@local-area-graph/identifiers';
import { RadarDomain } from '../radar/radar.js';
import { SupportPlanCloseReason } from './support-plan.js';

@InputType({ description: 'One line of the extra help a SEN support plan puts in place.' })
export class SupportPlanProvisionInput {
  @Field(() => String, { description: 'The help given, e.g. "Small-group phonics catch-up".' })
  what: string;

  @Field(() => String, { description: 'Who gives it, e.g. "Teaching assistant".' })
  deliveredBy: string;

  @Field(() => String, { description: 'How often and for how long, e.g. "3 x 20 minutes a week".' })
  howOften: string;
}

@InputType({ description: "A new SEN support plan, as the child's school (its SENCO) writes it with the child and their family." })
export class StartSupportPlanInput {
  @Field(() => ID, { description: "The child's platform id." })
  childId: string;

  @Field(() => UrnScalar, { description: 'The URN of the school writing the plan and delivering it; a SENCO may only write for their own school.' })
  schoolUrn: string;

  @Field(() => LocalDateScalar, { description: 'The day the plan started: the first assessment of its first cycle.' })
  startedDate: string;

  @Field(() => LocalDateScalar, { description: 'The day the parents were told their child is receiving SEN support (on or after the start).' })
  parentsToldDate: string;

  @Field(() => String, { nullable: true, description: "The child's own views, in their words; leave out when not recorded." })
  childViews?: string | null;

  @Field(() => String, { nullable: true, description: "The parents' or carers' views; leave out when not recorded." })
  parentViews?: string | null;

  @Field(() => [String], { description: 'The outcomes the plan works towards, in order: 1 to 10, none blank.' })
  outcomes: string[];

  @Field(() => [SupportPlanProvisionInput], { description: 'The extra help the plan puts in place, in order: at least one line, every part filled in.' })
  provision: SupportPlanProvisionInput[];
}

@InputType({ description: "One cycle of a SEN support plan's graduated approach: assess, plan, do and, once held, review." })
export class RecordSupportPlanCycleInput {
  @Field(() => ID, { description: "The plan's platform id." })
  planId: string;

  @Field(() => LocalDateScalar, { description: "The day the child's needs were assessed for this cycle." })
  assessDate: string;

  @Field(() => LocalDateScalar, { description: 'The day the plan for this cycle was agreed (on or after the assessment).' })
  planDate: string;

  @Field(() => LocalDateScalar, { description: 'The day the help started (on or after the plan was agreed); may be a day still to come.' })
  doFromDate: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the cycle was reviewed (on or after the help started); leave out until it is.' })
  reviewDate?: string | null;

  @Field(() => String, { nullable: true, description: 'What the review found and decided; only with a review date.' })
  reviewNotes?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When the next review is due, as agreed; left out, 12 weeks after the review (before one, after the plan date).',
  })
  nextReviewDue?: string | null;
}

@InputType({ description: "One domain of a child's needs radar assessment." })
export class RadarRatingInput {
  @Field(() => RadarDomain, { description: 'The domain rated.' })
  domain: RadarDomain;

  @Field(() => Int, { description: "The child's need in the domain: 0 none, 1 low, 2 moderate, 3 high, 4 very high." })
  need: number;

  @Field(() => Int, { nullable: true, description: 'How ready and confident home is in the domain (0 to 4); leave out when the family did not give it.' })
  homeReadiness?: number | null;
}

@InputType({ description: "A needs radar assessment of a child (Valuing SEND), as the school completes it." })
export class RecordRadarAssessmentInput {
  @Field(() => ID, { description: "The child's platform id." })
  childId: string;

  @Field(() => UrnScalar, { description: 'The URN of the school completing the assessment; a SENCO may only record for their own school.' })
  schoolUrn: string;

  @Field(() => LocalDateScalar, { description: 'The day the assessment was completed.' })
  assessedDate: string;

  @Field(() => String, { description: 'Who completed it, e.g. "SENCO" or "Educational psychologist".' })
  completedBy: string;

  @Field(() => Int, { nullable: true, description: "The child's year group when assessed: -1 nursery, 0 Reception, 1 to 14; leave out when not known." })
  yearGroup?: number | null;

  @Field(() => [RadarRatingInput], { description: 'One rating for each of the five domains, each domain once.' })
  ratings: RadarRatingInput[];
}

@InputType({ description: "A school's rating of its own readiness in one domain of the needs radar." })
export class SettingReadinessRatingInput {
  @Field(() => RadarDomain, { description: 'The domain rated.' })
  domain: RadarDomain;

  @Field(() => Int, { description: 'How ready the school is to meet needs in the domain: 0 none, 1 low, 2 moderate, 3 high, 4 very high.' })
  rating: number;
}

@InputType({ description: "A school's self-assessment of its readiness to meet needs, in all five domains of the needs radar." })
export class RecordSettingReadinessInput {
  @Field(() => UrnScalar, { description: 'The URN of the school rating itself; a SENCO may only rate their own school.' })
  schoolUrn: string;

  @Field(() => LocalDateScalar, { description: 'The day the school rated itself.' })
  assessedDate: string;

  @Field(() => [SettingReadinessRatingInput], { description: 'One rating for each of the five domains, each domain once.' })
  ratings: SettingReadinessRatingInput[];
}

@InputType({ description: 'Closing a SEN support plan: the day it closed and why.' })
export class CloseSupportPlanInput {
  @Field(() => ID, { description: "The plan's platform id." })
  planId: string;

  @Field(() => Int, { description: 'The plan `version` you last read; if someone changed it since, nothing is written (CONFLICT).' })
  expectedVersion: number;

  @Field(() => LocalDateScalar, { description: 'The day the plan closed: not in the future, not before it started or before its latest cycle.' })
  closedDate: string;

  @Field(() => SupportPlanCloseReason, { description: 'Why it closed.' })
  reason: SupportPlanCloseReason;

  @Field(() => String, { nullable: true, description: 'What the school notes about the closing; required when the reason is OTHER.' })
  notes?: string | null;
}
