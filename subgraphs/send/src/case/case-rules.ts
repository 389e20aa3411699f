/**
 * A child's SEND case in one line: where they are in the SEND journey and what is due
 * next, as pure functions over their records and a day to judge on ('yyyy-mm-dd').
 * Records dated after that day do not count yet, so the case can be read for any day.
 */
import { isCurrent } from '../calendar.js';
import { currentCycleOf } from '../support-plan/review-dates.js';
import {
  adviceDueDate,
  asStoodOn,
  closedOn,
  dueDates,
  isOpenOn,
  nextReviewDue,
  ragOf,
  statusOf,
  weeksElapsed,
  type ClockRequest,
  type Rag,
  type RequestStatus,
} from '../statutory-clock.js';

export type Stage = 'NO_SEN' | 'SEN_SUPPORT' | 'EHC_NEEDS_ASSESSMENT' | 'EHC_PLAN';

export type KeyDateKind =
  | 'ASSESSMENT_DECISION'
  | 'HEALTH_ADVICE'
  | 'SOCIAL_CARE_ADVICE'
  | 'DRAFT_PLAN_OR_NOTICE'
  | 'FINAL_PLAN'
  | 'ANNUAL_REVIEW'
  | 'SUPPORT_PLAN_REVIEW';

/** When two key dates fall on one day, the statutory one comes first. */
const KIND_ORDER: readonly KeyDateKind[] = [
  'ASSESSMENT_DECISION',
  'HEALTH_ADVICE',
  'SOCIAL_CARE_ADVICE',
  'DRAFT_PLAN_OR_NOTICE',
  'FINAL_PLAN',
  'ANNUAL_REVIEW',
  'SUPPORT_PLAN_REVIEW',
];

export interface KeyDate {
  date: string;
  kind: KeyDateKind;
  /** The day has passed and the step is still to be taken. */
  overdue: boolean;
}

export interface CaseRequest extends ClockRequest {
  id: string;
  caseworkerId: string | null;
}
export interface CasePlan {
  id: string;
  requestId: string | null;
  startDate: string;
  ceaseDate: string | null;
}
export interface CaseSupportPlan {
  id: string;
  startedDate: string;
  closedDate: string | null;
}
export interface CaseCycle {
  planDate: string;
  nextReviewDue: string;
}

/** The plan maintained on `asOf` (the most recently started, should there be two). */
export function currentPlanOn<P extends CasePlan>(plans: readonly P[], asOf: string): P | null {
  return latest(plans.filter((plan) => plan.startDate <= asOf && isCurrent(plan.ceaseDate, asOf)), (plan) => plan.startDate);
}

/** The SEN support plan open on `asOf`. */
export function openSupportPlanOn<S extends CaseSupportPlan>(plans: readonly S[], asOf: string): S | null {
  return latest(plans.filter((plan) => plan.startedDate <= asOf && isCurrent(plan.closedDate, asOf)), (plan) => plan.startedDate);
}

/** The request open on `asOf` (the most recently received, should there be two). */
export function openRequestOn<R extends CaseRequest>(requests: readonly R[], asOf: string): R | null {
  return latest(requests.filter((request) => isOpenOn(request, asOf)), (request) => request.receivedDate);
}

function latest<T>(items: readonly T[], dateOf: (item: T) => string): T | null {
  return items.reduce<T | null>((best, item) => (best === null || dateOf(item) > dateOf(best) ? item : best), null);
}

export interface CaseSummary<R, P, S> {
  asOf: string;
  stage: Stage;
  /** The day the stage began; empty at NO_SEN for a child this service has never had a record of. */
  stageSince: string | null;
  currentPlan: P | null;
  openRequest: R | null;
  openRequestStatus: RequestStatus | null;
  /** Whole weeks since the open request was received. */
  openRequestWeek: number | null;
  openRequestRag: Rag | null;
  currentSupportPlan: S | null;
  nextKeyDate: KeyDate | null;
  caseworkerId: string | null;
}

export interface CaseRecords<R, P, S> {
  requests: readonly R[];
  plans: readonly P[];
  supportPlans: readonly S[];
  /** Meeting dates of the current plan's annual reviews (others are ignored). */
  currentPlanReviewDates: readonly string[];
  /** Cycles of the open support plan (others are ignored). */
  currentSupportPlanCycles: readonly CaseCycle[];
}

/**
 * The stage is the furthest step of the SEND journey the child is on today:
 * an EHC plan, else an EHC needs assessment (a request open), else SEN support (a
 * support plan open), else none. The next key date is the earliest step still to be
 * taken across them (an overdue one first, since it comes earliest): the request's next
 * statutory milestone and any advice awaited, the plan's annual review, the support
 * plan's next review. The caseworker is the one holding the open request, else the one
 * who held the request behind the current plan.
 */
export function summariseCase<R extends CaseRequest, P extends CasePlan, S extends CaseSupportPlan>(
  records: CaseRecords<R, P, S>,
  asOf: string,
): CaseSummary<R, P, S> {
  const currentPlan = currentPlanOn(records.plans, asOf);
  const openRequest = openRequestOn(records.requests, asOf);
  const currentSupportPlan = openSupportPlanOn(records.supportPlans, asOf);
  const view = openRequest === null ? null : asStoodOn(openRequest, asOf);

  const [stage, stageSince]: [Stage, string | null] = currentPlan
    ? ['EHC_PLAN', currentPlan.startDate]
    : openRequest
      ? ['EHC_NEEDS_ASSESSMENT', openRequest.receivedDate]
      : currentSupportPlan
        ? ['SEN_SUPPORT', currentSupportPlan.startedDate]
        : ['NO_SEN', lastEnded(records, asOf)];

  const keyDates: Omit<KeyDate, 'overdue'>[] = [];
  if (view !== null) keyDates.push(...requestKeyDates(view));
  if (currentPlan !== null) {
    const lastMeeting = records.currentPlanReviewDates.filter((date) => date <= asOf).reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);
    keyDates.push({ date: nextReviewDue(currentPlan.startDate, lastMeeting), kind: 'ANNUAL_REVIEW' });
  }
  if (currentSupportPlan !== null) {
    const cycle = currentCycleOf(records.currentSupportPlanCycles.filter((c) => c.planDate <= asOf));
    if (cycle !== null) keyDates.push({ date: cycle.nextReviewDue, kind: 'SUPPORT_PLAN_REVIEW' });
  }
  keyDates.sort((a, b) => (a.date === b.date ? KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) : a.date < b.date ? -1 : 1));
  const next = keyDates[0];

  const planRequest = currentPlan?.requestId ? records.requests.find((request) => request.id === currentPlan.requestId) : undefined;
  return {
    asOf,
    stage,
    stageSince,
    currentPlan,
    openRequest,
    openRequestStatus: view === null ? null : statusOf(view),
    openRequestWeek: view === null ? null : Math.floor(weeksElapsed(view, asOf)),
    openRequestRag: view === null ? null : ragOf(view, asOf),
    currentSupportPlan,
    nextKeyDate: next ? { ...next, overdue: next.date < asOf } : null,
    caseworkerId: openRequest?.caseworkerId ?? planRequest?.caseworkerId ?? null,
  };
}

/** What an open request (as it stood) must do next: its statutory milestone, and any advice still awaited. */
function requestKeyDates(request: ClockRequest): Omit<KeyDate, 'overdue'>[] {
  const due = dueDates(request.receivedDate);
  const dates: Omit<KeyDate, 'overdue'>[] = [];
  if (request.decision === 'A') return [{ date: due.decision, kind: 'ASSESSMENT_DECISION' }];
  if (request.planDecision === 'ISSUE') return [{ date: due.finalPlan, kind: 'FINAL_PLAN' }];
  dates.push({ date: due.draftOrNotice, kind: 'DRAFT_PLAN_OR_NOTICE' });
  const health = { requestedDate: request.healthAdviceRequestedDate, receivedDate: request.healthAdviceReceivedDate };
  const care = { requestedDate: request.socialCareAdviceRequestedDate, receivedDate: request.socialCareAdviceReceivedDate };
  if (health.requestedDate !== null && health.receivedDate === null) dates.push({ date: adviceDueDate(health)!, kind: 'HEALTH_ADVICE' });
  if (care.requestedDate !== null && care.receivedDate === null) dates.push({ date: adviceDueDate(care)!, kind: 'SOCIAL_CARE_ADVICE' });
  return dates;
}

/** The day the child's last SEND record ended by `asOf`: a plan ceased, a support plan closed, a request closed. */
function lastEnded(records: CaseRecords<CaseRequest, CasePlan, CaseSupportPlan>, asOf: string): string | null {
  const ends = [
    ...records.plans.map((plan) => plan.ceaseDate),
    ...records.supportPlans.map((plan) => plan.closedDate),
    ...records.requests.filter((request) => request.receivedDate <= asOf).map((request) => closedOn(asStoodOn(request, asOf))),
  ].filter((date): date is string => date !== null && date <= asOf);
  return ends.reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);
}
