import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, UrnScalar } from '@local-area-graph/identifiers';
import { AssessmentDecision, RequestedBy, TimelinessException } from '../ehc-request/ehc-request.js';
import { SenNeedType } from '../ehc-plan/sen-need-type.js';
import { AnnualReviewOutcome } from '../annual-review/annual-review.js';

@InputType({ description: 'A new request for an EHC needs assessment, as the SEND team logs it on the day it arrives.' })
export class RecordEhcRequestInput {
  @Field(() => ID, { description: "The child's platform id." })
  childId: string;

  @Field(() => LocalDateScalar, { description: 'The day the request reached the local authority: the statutory clock starts here.' })
  receivedDate: string;

  @Field(() => RequestedBy, { description: 'Who asked.' })
  requestedBy: RequestedBy;

  @Field(() => ID, { description: 'The locality the child lives in today (for locality figures).' })
  localityId: string;

  @Field(() => ID, { nullable: true, description: "The platform id of the SEND caseworker who holds the request (a professional on the register); leave out when none is allocated yet." })
  caseworkerId?: string | null;
}

@InputType({ description: "The local authority's decision on whether to assess (due by week 6), or the request's withdrawal." })
export class RecordAssessmentDecisionInput {
  @Field(() => ID, { description: "The request's platform id." })
  requestId: string;

  @Field(() => Int, { description: 'The request `version` you last read; if someone changed it since, nothing is written (CONFLICT).' })
  expectedVersion: number;

  @Field(() => AssessmentDecision, { description: 'ASSESS, DO_NOT_ASSESS or WITHDRAWN (PENDING is not a decision).' })
  decision: AssessmentDecision;

  @Field(() => LocalDateScalar, { description: 'The day of the decision or withdrawal.' })
  date: string;
}

@InputType({ description: 'The final EHC plan issued after an assessment, with the draft that went to the family before it.' })
export class IssueEhcPlanInput {
  @Field(() => ID, { description: "The request's platform id." })
  requestId: string;

  @Field(() => Int, { description: 'The request `version` you last read.' })
  expectedVersion: number;

  @Field(() => LocalDateScalar, { description: 'The day the draft plan went to the family (due by week 16).' })
  draftPlanDate: string;

  @Field(() => LocalDateScalar, { description: 'The day the final plan was issued (due by week 20); the plan starts that day.' })
  finalPlanDate: string;

  @Field(() => SenNeedType, { description: "The child's primary need." })
  primaryNeed: SenNeedType;

  @Field(() => SenNeedType, { nullable: true, description: 'A secondary need, different from the primary one.' })
  secondaryNeed?: SenNeedType | null;

  @Field(() => UrnScalar, { nullable: true, description: 'The school or setting the plan names, by URN.' })
  placementUrn?: string | null;
}

@InputType({ description: "An EHC plan's annual review meeting and what was decided." })
export class RecordAnnualReviewInput {
  @Field(() => ID, { description: "The plan's platform id." })
  planId: string;

  @Field(() => LocalDateScalar, { description: 'The day of the review meeting.' })
  meetingDate: string;

  @Field(() => AnnualReviewOutcome, { description: 'Amend, cease or maintain the plan.' })
  outcome: AnnualReviewOutcome;
}

/*
 * Every field but the first two is optional: a field left out is left as it is, a
 * field given null is cleared (where it may be), a date given replaces the one recorded.
 */
@InputType({
  description:
    'A correction to a request already recorded: the dates along its statutory clock, its statutory exception, its caseworker. Leave out what stays as it is; give null to clear what may be cleared.',
})
export class CorrectEhcRequestInput {
  @Field(() => ID, { description: "The request's platform id." })
  requestId: string;

  @Field(() => Int, { description: 'The request `version` you last read; if someone changed it since, nothing is written (CONFLICT).' })
  expectedVersion: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the request was really received (cannot be cleared): the statutory clock moves with it.' })
  receivedDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day of the decision to assess or not; only once a decision is recorded, and it cannot be cleared.' })
  decisionDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day health advice was asked for (on or after the decision to assess); null clears it, if none has been received.' })
  healthAdviceRequestedDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the health advice arrived (on or after it was asked for); null marks it still awaited.' })
  healthAdviceReceivedDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day social care advice was asked for (on or after the decision to assess); null clears it, if none has been received.' })
  socialCareAdviceRequestedDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the social care advice arrived (on or after it was asked for); null marks it still awaited.' })
  socialCareAdviceReceivedDate?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The day the draft plan went to the family, or they were told no plan would be issued; only once recorded, and it cannot be cleared.',
  })
  noticeDate?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The day the final plan was issued; only once issued, and it cannot be cleared. A plan that started that day moves with it.',
  })
  finalPlanDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the request was withdrawn; only for a withdrawn request, and it cannot be cleared.' })
  withdrawnDate?: string | null;

  @Field(() => TimelinessException, { nullable: true, description: 'The statutory exception to the 20-week limit that applies; null when none does.' })
  exception?: TimelinessException | null;

  @Field(() => ID, { nullable: true, description: 'The platform id of the SEND caseworker now holding the request; null when none is allocated.' })
  caseworkerId?: string | null;
}
