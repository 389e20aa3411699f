import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import { EhcPlan } from '../ehc-plan/ehc-plan.js';
import { EhcNeedsAssessmentRequest } from '../ehc-request/ehc-request.js';
import { EhcRequestStatus, RagRating } from '../ehc-request/ehc-request.resolver.js';
import { SupportPlan } from '../support-plan/support-plan.js';
import { Professional } from '../professional/professional.js';
import type { KeyDateKind, Stage } from './case-rules.js';
import type { Rag, RequestStatus } from '../statutory-clock.js';

export enum SendStage {
  NO_SEN = 'NO_SEN',
  SEN_SUPPORT = 'SEN_SUPPORT',
  EHC_NEEDS_ASSESSMENT = 'EHC_NEEDS_ASSESSMENT',
  EHC_PLAN = 'EHC_PLAN',
}
registerEnumType(SendStage, {
  name: 'SendStage',
  description: 'Where a child is in the SEND journey, as the SEND records show it: the furthest step they are on now.',
  valuesConfig: {
    NO_SEN: {
      description:
        'No SEND record open here: no EHC plan, no open request for an assessment, no open SEN support plan. (The school census may still record SEN; the school keeps that.)',
    },
    SEN_SUPPORT: { description: 'SEN support (census code K): the school runs a SEN support plan of assess, plan, do and review.' },
    EHC_NEEDS_ASSESSMENT: { description: 'An EHC needs assessment has been asked for, or is under way: the 20-week statutory clock is running.' },
    EHC_PLAN: { description: 'The child has an EHC plan the local authority maintains (census code E).' },
  },
});

export enum SendKeyDateKind {
  ASSESSMENT_DECISION = 'ASSESSMENT_DECISION',
  HEALTH_ADVICE = 'HEALTH_ADVICE',
  SOCIAL_CARE_ADVICE = 'SOCIAL_CARE_ADVICE',
  DRAFT_PLAN_OR_NOTICE = 'DRAFT_PLAN_OR_NOTICE',
  FINAL_PLAN = 'FINAL_PLAN',
  ANNUAL_REVIEW = 'ANNUAL_REVIEW',
  SUPPORT_PLAN_REVIEW = 'SUPPORT_PLAN_REVIEW',
}
registerEnumType(SendKeyDateKind, {
  name: 'SendKeyDateKind',
  description: 'What falls due on a key date of a SEND case.',
  valuesConfig: {
    ASSESSMENT_DECISION: { description: 'The decision whether to assess: 6 weeks after the request was received.' },
    HEALTH_ADVICE: { description: 'Health advice asked for the assessment: 6 weeks after it was asked for.' },
    SOCIAL_CARE_ADVICE: { description: 'Social care advice asked for the assessment: 6 weeks after it was asked for.' },
    DRAFT_PLAN_OR_NOTICE: { description: 'The draft plan, or the notice that no plan will be issued: 16 weeks after the request.' },
    FINAL_PLAN: { description: 'The final EHC plan: 20 weeks after the request.' },
    ANNUAL_REVIEW: { description: "The EHC plan's annual review: 12 months after the last one, or after the plan started." },
    SUPPORT_PLAN_REVIEW: { description: "The SEN support plan's next review, as agreed (usually each term)." },
  },
});

@ObjectType({ description: 'A date a SEND case must meet next, and what falls due on it.' })
export class SendKeyDate {
  @Field(() => LocalDateScalar, { description: 'The day it is due.' })
  date: string;

  @Field(() => SendKeyDateKind, { description: 'What is due.' })
  kind: KeyDateKind;

  @Field(() => Boolean, { description: 'True when the day has passed and it is still to be done.' })
  overdue: boolean;
}

/** Built whole by ChildSend.case from the child's batched records; no field of its own loads anything. */
@ObjectType({
  description:
    "A child's SEND case at a glance, on a given day: their stage in the SEND journey and since when, the EHC plan, open request and SEN support plan behind it, the next date the case must meet, and the caseworker holding it.",
})
export class SendCase {
  @Field(() => LocalDateScalar, { description: 'The day the case is read on.' })
  asOf: string;

  @Field(() => SendStage, { description: 'Where the child is in the SEND journey.' })
  stage: Stage;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'The day the stage began: the plan started, the request was received or the support plan started. At NO_SEN, the day their last SEND record ended; empty if there has never been one.',
  })
  stageSince: string | null;

  @Field(() => EhcPlan, { nullable: true, description: 'The EHC plan maintained on the day; empty when there is none.' })
  currentPlan: EhcPlan | null;

  @Field(() => EhcNeedsAssessmentRequest, { nullable: true, description: 'The request for an EHC needs assessment still open on the day; empty when there is none.' })
  openRequest: EhcNeedsAssessmentRequest | null;

  @Field(() => EhcRequestStatus, { nullable: true, description: 'Where the open request stood on the day; empty when there is none.' })
  openRequestStatus: RequestStatus | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Whole weeks since the open request was received, on the day (0 in its first week; the final plan is due by week 20); empty when there is none.',
  })
  openRequestWeek: number | null;

  @Field(() => RagRating, { nullable: true, description: 'Red, amber or green for the open request on the day; empty when there is none.' })
  openRequestRag: Rag | null;

  @Field(() => SupportPlan, { nullable: true, description: 'The SEN support plan open on the day; empty when there is none.' })
  currentSupportPlan: SupportPlan | null;

  @Field(() => SendKeyDate, {
    nullable: true,
    description:
      "The earliest step still to be taken: the open request's next statutory milestone or advice awaited, the plan's annual review, or the support plan's review. An overdue one comes first. Empty when nothing is due.",
  })
  nextKeyDate: SendKeyDate | null;

  @Field(() => Professional, {
    nullable: true,
    description: 'The SEND caseworker holding the case: the one named on the open request, else on the request behind the current plan; empty when none is recorded.',
  })
  caseworker: Professional | null;
}
