import { Arg, Field, FieldResolver, Float, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import { EhcNeedsAssessmentRequest } from './ehc-request.js';
import { todayInEngland } from '../calendar.js';
import { Professional } from '../professional/professional.js';
import {
  adviceDueDate,
  adviceLate,
  dueDates,
  excludedFromTimeliness,
  forecastBreachDate,
  issuedWithin20Weeks,
  ragOf,
  statusOf,
  weeksElapsed,
  type AdviceClock,
  type Rag,
  type RequestStatus,
} from '../statutory-clock.js';

@ObjectType({ description: 'The statutory dates of one request, counted in calendar weeks from the day it was received (school holidays do not stop the clock).' })
export class EhcDueDates {
  @Field(() => LocalDateScalar, { description: 'The decision whether to assess is due: 6 weeks after receipt.' })
  decision: string;

  @Field(() => LocalDateScalar, { description: 'The draft plan, or the notice that no plan will be issued, is due: 16 weeks after receipt.' })
  draftOrNotice: string;

  @Field(() => LocalDateScalar, { description: 'The final plan is due: 20 weeks after receipt.' })
  finalPlan: string;
}

export enum EhcRequestStatus {
  DECISION_DUE = 'DECISION_DUE',
  ASSESSING = 'ASSESSING',
  DRAFT_OR_NOTICE_DUE = 'DRAFT_OR_NOTICE_DUE',
  FINAL_PLAN_DUE = 'FINAL_PLAN_DUE',
  PLAN_ISSUED = 'PLAN_ISSUED',
  NOT_ASSESSED = 'NOT_ASSESSED',
  NO_PLAN = 'NO_PLAN',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(EhcRequestStatus, {
  name: 'EhcRequestStatus',
  description: 'Where a request for an EHC needs assessment stands, from the records (the first four are open, the rest closed).',
  valuesConfig: {
    DECISION_DUE: { description: 'Open: waiting for the decision whether to assess (due by week 6).' },
    ASSESSING: { description: 'Open: the local authority is assessing and is still waiting for advice it asked for (health or social care).' },
    DRAFT_OR_NOTICE_DUE: {
      description: 'Open: assessed and every piece of advice asked for has arrived; the next step, a draft plan or a notice not to issue one, is the local authority’s (due by week 16).',
    },
    FINAL_PLAN_DUE: { description: 'Open: the draft plan has gone to the family; the final plan is due by week 20.' },
    PLAN_ISSUED: { description: 'Closed: the final EHC plan was issued.' },
    NOT_ASSESSED: { description: 'Closed: the local authority decided not to assess.' },
    NO_PLAN: { description: 'Closed: assessed, and the local authority decided not to issue a plan.' },
    WITHDRAWN: { description: 'Closed: the request was withdrawn.' },
  },
});

export enum RagRating {
  GREEN = 'GREEN',
  AMBER = 'AMBER',
  RED = 'RED',
}
registerEnumType(RagRating, {
  name: 'RagRating',
  description: 'Red, amber or green: whether an open request is on track to meet its statutory time limits.',
  valuesConfig: {
    GREEN: { description: 'On track.' },
    AMBER: {
      description: 'At risk: within 2 weeks of the next statutory milestone (the week-6 decision, or the week-20 final plan), or past week 16 with neither a draft plan nor a notice not to issue.',
    },
    RED: { description: 'A statutory milestone has passed unmet: no decision after week 6, or no final plan after week 20.' },
  },
});

@ObjectType({ description: 'Advice asked of another service for an EHC needs assessment, and whether it came within the 6 weeks allowed.' })
class AdviceStatus {
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the advice was asked for; empty when it was not.' })
  requestedDate: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it arrived; empty while outstanding.' })
  receivedDate: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it is due: 6 weeks after it was asked for.' })
  dueDate: string | null;

  @Field(() => Boolean, { description: 'True when it came, or is still outstanding, after its due date.' })
  late: boolean;
}

function adviceStatus(advice: AdviceClock, asOf: string): AdviceStatus {
  return { ...advice, dueDate: adviceDueDate(advice), late: adviceLate(advice, asOf) };
}

const AS_OF = { nullable: true, description: 'The day to judge on, e.g. "2026-11-20"; today when left out.' };

@Resolver(() => EhcNeedsAssessmentRequest)
export class EhcNeedsAssessmentRequestResolver {
  @FieldResolver(() => EhcDueDates, { description: 'When each statutory milestone falls due: decision (6 weeks), draft or notice (16 weeks), final plan (20 weeks).' })
  dueDates(@Root() request: EhcNeedsAssessmentRequest): EhcDueDates {
    return dueDates(request.receivedDate);
  }

  @FieldResolver(() => EhcRequestStatus, { description: 'Where the request stands now.' })
  status(@Root() request: EhcNeedsAssessmentRequest): RequestStatus {
    return statusOf(request);
  }

  @FieldResolver(() => Float, { description: 'Calendar weeks from receipt to the day asked about, or to the day the request closed if that came first.' })
  weeksElapsed(
    @Root() request: EhcNeedsAssessmentRequest,
    @Arg('asOf', () => LocalDateScalar, AS_OF) asOf: string | null | undefined,
  ): number {
    return weeksElapsed(request, asOf ?? todayInEngland());
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'True when the final plan was issued within 20 weeks of the request; empty while the request is open or when no plan was issued.',
  })
  issuedWithin20Weeks(@Root() request: EhcNeedsAssessmentRequest): boolean | null {
    return issuedWithin20Weeks(request);
  }

  @FieldResolver(() => RagRating, {
    nullable: true,
    description:
      'Red, amber or green on the day asked about, for an open request: red once a statutory milestone has passed unmet, amber within 2 weeks of one or past week 16 without a draft or notice, else green. Empty once the request is closed.',
  })
  rag(
    @Root() request: EhcNeedsAssessmentRequest,
    @Arg('asOf', () => LocalDateScalar, AS_OF) asOf: string | null | undefined,
  ): Rag | null {
    return ragOf(request, asOf ?? todayInEngland());
  }

  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description:
      'For an open request, the statutory date it will miss if nothing more happens: the week-6 decision date while undecided, otherwise the week-20 final plan date. Empty once closed.',
  })
  forecastBreachDate(@Root() request: EhcNeedsAssessmentRequest): string | null {
    return forecastBreachDate(request);
  }

  @FieldResolver(() => AdviceStatus, { description: 'The advice asked of health services for the assessment, due within 6 weeks of being asked for.' })
  healthAdvice(
    @Root() request: EhcNeedsAssessmentRequest,
    @Arg('asOf', () => LocalDateScalar, AS_OF) asOf: string | null | undefined,
  ): AdviceStatus {
    return adviceStatus({ requestedDate: request.healthAdviceRequestedDate, receivedDate: request.healthAdviceReceivedDate }, asOf ?? todayInEngland());
  }

  @FieldResolver(() => AdviceStatus, { description: "The advice asked of children's social care for the assessment, due within 6 weeks of being asked for." })
  socialCareAdvice(
    @Root() request: EhcNeedsAssessmentRequest,
    @Arg('asOf', () => LocalDateScalar, AS_OF) asOf: string | null | undefined,
  ): AdviceStatus {
    return adviceStatus({ requestedDate: request.socialCareAdviceRequestedDate, receivedDate: request.socialCareAdviceReceivedDate }, asOf ?? todayInEngland());
  }

  @FieldResolver(() => Professional, { nullable: true, description: 'The SEND caseworker holding the request; empty when none is named.' })
  caseworker(@Root() request: EhcNeedsAssessmentRequest): Professional | null {
    return request.caseworkerId === null ? null : { id: request.caseworkerId };
  }

  @FieldResolver(() => Boolean, { description: 'True when a statutory exception applies, so the request is left out of the 20-week timeliness figures.' })
  excludedFromTimeliness(@Root() request: EhcNeedsAssessmentRequest): boolean {
    return excludedFromTimeliness(request);
  }
}
