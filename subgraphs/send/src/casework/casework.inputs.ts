import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, UrnScalar } from '@local-area-graph/identifiers';
import { AssessmentDecision, RequestedBy } from '../ehc-request/ehc-request.js';
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
