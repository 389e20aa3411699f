/**
 * The statutory clock of an EHC needs assessment (SEND Regulations 2014 and the SEND
 * Code of Practice, chapter 9), as pure functions over 'yyyy-mm-dd' dates.
 *
 * The weeks are calendar weeks counted from the day the request was received: the
 * regulations set limits in weeks, not in school or working weeks, so Christmas and
 * the summer holiday do not stop the clock. Time lost to a school closure is allowed
 * for only through the Regulation 13(3) exceptions, which take a request out of the
 * 20-week timeliness figure rather than moving its dates.
 */

const DAY_MS = 86_400_000;

/** Days after receipt of each milestone: 6, 16 and 20 calendar weeks. */
export const DECISION_DAYS = 6 * 7;
export const DRAFT_OR_NOTICE_DAYS = 16 * 7;
export const FINAL_PLAN_DAYS = 20 * 7;
/** How close to a milestone a request turns amber. */
export const AMBER_WARNING_DAYS = 14;

const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return isoOf(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** What the clock needs of a request; the entity satisfies it. */
export interface ClockRequest {
  receivedDate: string;
  /** SEN2 request outcome: Y assess, N do not assess, A pending, W withdrawn. */
  decision: 'Y' | 'N' | 'A' | 'W';
  decisionDate: string | null;
  healthAdviceRequestedDate: string | null;
  healthAdviceReceivedDate: string | null;
  socialCareAdviceRequestedDate: string | null;
  socialCareAdviceReceivedDate: string | null;
  planDecision: 'ISSUE' | 'NO_PLAN' | null;
  noticeDate: string | null;
  finalPlanDate: string | null;
  exception: string | null;
  withdrawnDate: string | null;
}

export interface DueDates {
  decision: string;
  draftOrNotice: string;
  finalPlan: string;
}

export function dueDates(receivedDate: string): DueDates {
  return {
    decision: addDays(receivedDate, DECISION_DAYS),
    draftOrNotice: addDays(receivedDate, DRAFT_OR_NOTICE_DAYS),
    finalPlan: addDays(receivedDate, FINAL_PLAN_DAYS),
  };
}

export type RequestStatus =
  | 'DECISION_DUE'
  | 'ASSESSING'
  | 'DRAFT_OR_NOTICE_DUE'
  | 'FINAL_PLAN_DUE'
  | 'PLAN_ISSUED'
  | 'NOT_ASSESSED'
  | 'NO_PLAN'
  | 'WITHDRAWN';

/**
 * Where a request stands on the records alone (no "as of"). ASSESSING and
 * DRAFT_OR_NOTICE_DUE split the assessment by whose move it is: advice the local
 * authority asked for is still awaited, or every piece has come in and the next step
 * (a draft plan or a notice not to issue) is the local authority's own.
 */
export function statusOf(request: ClockRequest): RequestStatus {
  if (request.withdrawnDate !== null || request.decision === 'W') return 'WITHDRAWN';
  if (request.decision === 'A') return 'DECISION_DUE';
  if (request.decision === 'N') return 'NOT_ASSESSED';
  if (request.planDecision === 'NO_PLAN') return 'NO_PLAN';
  if (request.finalPlanDate !== null) return 'PLAN_ISSUED';
  if (request.planDecision === 'ISSUE') return 'FINAL_PLAN_DUE';
  const awaited =
    (request.healthAdviceRequestedDate !== null && request.healthAdviceReceivedDate === null) ||
    (request.socialCareAdviceRequestedDate !== null && request.socialCareAdviceReceivedDate === null);
  return awaited ? 'ASSESSING' : 'DRAFT_OR_NOTICE_DUE';
}

const OPEN: ReadonlySet<RequestStatus> = new Set(['DECISION_DUE', 'ASSESSING', 'DRAFT_OR_NOTICE_DUE', 'FINAL_PLAN_DUE']);

export function isOpen(request: ClockRequest): boolean {
  return OPEN.has(statusOf(request));
}

/** The day a closed request stopped its clock; null while it is open. */
export function closedOn(request: ClockRequest): string | null {
  switch (statusOf(request)) {
    case 'WITHDRAWN':
      return request.withdrawnDate ?? request.decisionDate;
    case 'NOT_ASSESSED':
      return request.decisionDate;
    case 'NO_PLAN':
      return request.noticeDate;
    case 'PLAN_ISSUED':
      return request.finalPlanDate;
    default:
      return null;
  }
}

/** Weeks from receipt to `asOf`, or to the day the request closed if that came first. */
export function weeksElapsed(request: ClockRequest, asOf: string): number {
  const closed = closedOn(request);
  const end = closed !== null && closed < asOf ? closed : asOf;
  return daysBetween(request.receivedDate, end) / 7;
}

/** True when the final plan came within 20 weeks; null while open or when no plan was issued. */
export function issuedWithin20Weeks(request: ClockRequest): boolean | null {
  if (statusOf(request) !== 'PLAN_ISSUED') return null;
  return daysBetween(request.receivedDate, request.finalPlanDate!) <= FINAL_PLAN_DAYS;
}

/** A Regulation 13(3) exception takes the request out of the 20-week timeliness figure. */
export function excludedFromTimeliness(request: ClockRequest): boolean {
  return request.exception !== null;
}

/**
 * The milestone an open request must meet next to stay within the law: the decision
 * (week 6) while it is undecided, otherwise the final plan (week 20). The week-16
 * draft or notice is a warning sign, not a separate breach date, because the final
 * plan follows the draft by at least 15 days of comment.
 */
export function forecastBreachDate(request: ClockRequest): string | null {
  if (!isOpen(request)) return null;
  const due = dueDates(request.receivedDate);
  return request.decision === 'A' ? due.decision : due.finalPlan;
}

export type Rag = 'GREEN' | 'AMBER' | 'RED';

/**
 * Red, amber or green for an open request on `asOf`; null once it is closed.
 * - RED: a statutory milestone has passed unmet: undecided after week 6, or no final
 *   plan after week 20.
 * - AMBER: within 14 days of that milestone, or past week 16 with neither a draft
 *   plan nor a notice not to issue (the final plan can then hardly make week 20).
 * - GREEN: on track.
 */
export function ragOf(request: ClockRequest, asOf: string): Rag | null {
  if (!isOpen(request)) return null;
  const due = dueDates(request.receivedDate);
  const milestone = forecastBreachDate(request)!;
  if (asOf > milestone || (request.decision === 'A' && asOf > due.finalPlan)) return 'RED';
  if (daysBetween(asOf, milestone) <= AMBER_WARNING_DAYS) return 'AMBER';
  if (asOf > due.draftOrNotice && request.planDecision === null) return 'AMBER';
  return 'GREEN';
}

/** Week bands of open requests, as boards read them: 0–6, 6–16, 16–20 and over 20 weeks. */
export type WeekBand = 'UNDER_6' | 'FROM_6_TO_16' | 'FROM_16_TO_20' | 'OVER_20';

export function weekBandOf(weeks: number): WeekBand {
  if (weeks < 6) return 'UNDER_6';
  if (weeks < 16) return 'FROM_6_TO_16';
  if (weeks <= 20) return 'FROM_16_TO_20';
  return 'OVER_20';
}

/** The same day a year later; 29 February becomes 28 February. */
export function oneYearAfter(date: string): string {
  const year = Number(date.slice(0, 4)) + 1;
  const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${year}-${monthDay}`;
}

/** A plan is reviewed at least every 12 months: from the last review meeting, or from its start. */
export function nextReviewDue(startDate: string, lastMeetingDate: string | null): string {
  return oneYearAfter(lastMeetingDate ?? startDate);
}

/** Overdue when the review date has passed and the plan is still maintained on `asOf`. */
export function reviewOverdue(nextDue: string, ceaseDate: string | null, asOf: string): boolean {
  const maintained = ceaseDate === null || ceaseDate > asOf;
  return maintained && asOf > nextDue;
}

/** Health and social care advice is due within 6 weeks of being asked for (SEND Regulations 2014, reg. 8). */
export const ADVICE_DAYS = 6 * 7;

export interface AdviceClock {
  requestedDate: string | null;
  receivedDate: string | null;
}

/** When advice asked for is due; empty when none was asked for. */
export function adviceDueDate(advice: AdviceClock): string | null {
  return advice.requestedDate ? addDays(advice.requestedDate, ADVICE_DAYS) : null;
}

/**
 * Late advice, the weakness Kent's inspection named: asked for, and not received by
 * its due date (judged on `asOf` while outstanding, on the day it came otherwise).
 */
export function adviceLate(advice: AdviceClock, asOf: string): boolean {
  const due = adviceDueDate(advice);
  if (!due) return false;
  return (advice.receivedDate ?? asOf) > due;
}

/**
 * The request as its records stood at the end of `asOf`: every step dated after that
 * day not yet taken (a decision made later is still pending, a plan issued later still
 * due). Lets the clock be read for any past day, e.g. "where was this case on 1 June".
 */
export function asStoodOn<R extends ClockRequest>(request: R, asOf: string): R {
  const by = (date: string | null) => (date !== null && date <= asOf ? date : null);
  const decisionDate = by(request.decisionDate);
  const withdrawnDate = by(request.withdrawnDate);
  const decided = request.decision === 'W' ? withdrawnDate !== null : request.decision === 'A' || decisionDate !== null;
  const decision = decided ? request.decision : 'A';
  const noticeDate = decision === 'Y' ? by(request.noticeDate) : null;
  const planDecision = noticeDate !== null ? request.planDecision : null;
  return {
    ...request,
    decision,
    decisionDate: decision === 'Y' || decision === 'N' ? decisionDate : null,
    withdrawnDate: decision === 'W' || decision === 'Y' ? withdrawnDate : null,
    healthAdviceRequestedDate: by(request.healthAdviceRequestedDate),
    healthAdviceReceivedDate: by(request.healthAdviceReceivedDate),
    socialCareAdviceRequestedDate: by(request.socialCareAdviceRequestedDate),
    socialCareAdviceReceivedDate: by(request.socialCareAdviceReceivedDate),
    planDecision,
    noticeDate,
    finalPlanDate: planDecision === 'ISSUE' ? by(request.finalPlanDate) : null,
  } as R;
}

/** Open on `asOf`: received by then, and not closed by the end of that day. */
export function isOpenOn(request: ClockRequest, asOf: string): boolean {
  return request.receivedDate <= asOf && isOpen(asStoodOn(request, asOf));
}
