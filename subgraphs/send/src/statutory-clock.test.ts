import { describe, expect, it } from 'vitest';
import {
  dueDates,
  excludedFromTimeliness,
  forecastBreachDate,
  issuedWithin20Weeks,
  nextReviewDue,
  ragOf,
  reviewOverdue,
  statusOf,
  weekBandOf,
  weeksElapsed,
  type ClockRequest,
} from './statutory-clock.js';

/** Received on Friday 28 November 2025: the clock runs over Christmas. */
const CHRISTMAS = '2025-11-28';
/** Received on Friday 13 June 2025: the clock runs over the summer holiday. */
const SUMMER = '2025-06-13';

const request = (overrides: Partial<ClockRequest> = {}): ClockRequest => ({
  receivedDate: CHRISTMAS,
  decision: 'A',
  decisionDate: null,
  healthAdviceRequestedDate: null,
  healthAdviceReceivedDate: null,
  socialCareAdviceRequestedDate: null,
  socialCareAdviceReceivedDate: null,
  planDecision: null,
  noticeDate: null,
  finalPlanDate: null,
  exception: null,
  withdrawnDate: null,
  ...overrides,
});

describe('due dates', () => {
  it('counts 6, 16 and 20 calendar weeks from receipt, so each falls on the same weekday', () => {
    expect(dueDates(CHRISTMAS)).toEqual({ decision: '2026-01-09', draftOrNotice: '2026-03-20', finalPlan: '2026-04-17' });
    for (const date of Object.values(dueDates(CHRISTMAS))) expect(new Date(`${date}T12:00:00Z`).getUTCDay()).toBe(5);
  });

  it('does not stop the clock for Christmas or August: exactly 42, 112 and 140 days', () => {
    // 2025-06-13 + 42 days = 25 July; + 112 = 3 October; + 140 = 31 October, holidays or not.
    expect(dueDates(SUMMER)).toEqual({ decision: '2025-07-25', draftOrNotice: '2025-10-03', finalPlan: '2025-10-31' });
    const elapsed = (to: string) => (Date.parse(to) - Date.parse(CHRISTMAS)) / 86_400_000;
    const due = dueDates(CHRISTMAS);
    expect([elapsed(due.decision), elapsed(due.draftOrNotice), elapsed(due.finalPlan)]).toEqual([42, 112, 140]);
  });
});

describe('status, weeks elapsed and 20-week timeliness', () => {
  it('follows a request from receipt to a final plan', () => {
    expect(statusOf(request())).toBe('DECISION_DUE');
    const assessing = request({ decision: 'Y', decisionDate: '2026-01-05', healthAdviceRequestedDate: '2026-01-06' });
    expect(statusOf(assessing)).toBe('ASSESSING');
    const adviceIn = { ...assessing, healthAdviceReceivedDate: '2026-02-10' };
    expect(statusOf(adviceIn)).toBe('DRAFT_OR_NOTICE_DUE');
    const drafted = { ...adviceIn, planDecision: 'ISSUE' as const, noticeDate: '2026-03-16' };
    expect(statusOf(drafted)).toBe('FINAL_PLAN_DUE');
    const issued = { ...drafted, finalPlanDate: '2026-04-17' };
    expect(statusOf(issued)).toBe('PLAN_ISSUED');
    // The last day of week 20 is still within 20 weeks; the day after is not.
    expect(issuedWithin20Weeks(issued)).toBe(true);
    expect(issuedWithin20Weeks({ ...drafted, finalPlanDate: '2026-04-18' })).toBe(false);
    expect(issuedWithin20Weeks(drafted)).toBeNull();
    expect(weeksElapsed(issued, '2026-12-01')).toBe(20);
    expect(weeksElapsed(drafted, '2026-01-09')).toBe(6);
  });

  it('closes refused, withdrawn and no-plan requests', () => {
    expect(statusOf(request({ decision: 'N', decisionDate: '2026-01-08' }))).toBe('NOT_ASSESSED');
    const withdrawn = request({ decision: 'W', withdrawnDate: '2025-12-12' });
    expect(statusOf(withdrawn)).toBe('WITHDRAWN');
    expect(weeksElapsed(withdrawn, '2026-06-01')).toBe(2);
    expect(ragOf(withdrawn, '2026-06-01')).toBeNull();
    expect(forecastBreachDate(withdrawn)).toBeNull();
    expect(issuedWithin20Weeks(withdrawn)).toBeNull();
    const noPlan = request({ decision: 'Y', decisionDate: '2026-01-05', planDecision: 'NO_PLAN', noticeDate: '2026-03-20' });
    expect(statusOf(noPlan)).toBe('NO_PLAN');
    expect(issuedWithin20Weeks(noPlan)).toBeNull();
  });

  it('leaves a request with a statutory exception out of the timeliness figures', () => {
    expect(excludedFromTimeliness(request())).toBe(false);
    expect(excludedFromTimeliness(request({ exception: 'SCHOOL_CLOSURE_PERIOD', receivedDate: SUMMER }))).toBe(true);
  });
});

describe('red, amber, green and the forecast breach date', () => {
  const undecided = request();
  const assessing = request({ decision: 'Y', decisionDate: '2026-01-05', healthAdviceRequestedDate: '2026-01-06' });

  it('rates an undecided request against the week-6 decision', () => {
    expect(forecastBreachDate(undecided)).toBe('2026-01-09');
    expect(ragOf(undecided, '2025-12-01')).toBe('GREEN');
    expect(ragOf(undecided, '2025-12-26')).toBe('AMBER'); // 14 days before week 6
    expect(ragOf(undecided, '2026-01-09')).toBe('AMBER'); // the due day itself
    expect(ragOf(undecided, '2026-01-10')).toBe('RED');
  });

  it('rates an assessment against week 16 and the week-20 final plan', () => {
    expect(forecastBreachDate(assessing)).toBe('2026-04-17');
    expect(ragOf(assessing, '2026-02-01')).toBe('GREEN');
    expect(ragOf(assessing, '2026-03-20')).toBe('GREEN'); // week 16 exactly
    expect(ragOf(assessing, '2026-03-21')).toBe('AMBER'); // past week 16, no draft or notice
    const drafted = { ...assessing, healthAdviceReceivedDate: '2026-02-01', planDecision: 'ISSUE' as const, noticeDate: '2026-03-13' };
    expect(ragOf(drafted, '2026-03-21')).toBe('GREEN'); // draft out, four weeks left
    expect(ragOf(drafted, '2026-04-03')).toBe('AMBER');
    expect(ragOf(drafted, '2026-04-18')).toBe('RED');
  });
});

describe('annual reviews and week bands', () => {
  it('falls due 12 months after the last meeting, or after the plan started', () => {
    expect(nextReviewDue('2024-03-01', null)).toBe('2025-03-01');
    expect(nextReviewDue('2024-03-01', '2025-02-10')).toBe('2026-02-10');
    expect(nextReviewDue('2024-02-29', null)).toBe('2025-02-28');
    expect(reviewOverdue('2026-02-10', null, '2026-02-10')).toBe(false);
    expect(reviewOverdue('2026-02-10', null, '2026-02-11')).toBe(true);
    expect(reviewOverdue('2026-02-10', '2026-01-31', '2026-03-01')).toBe(false); // ceased: nothing to review
  });

  it('bands open requests by weeks since receipt', () => {
    expect([0, 5.9, 6, 15.9, 16, 20, 20.1].map(weekBandOf)).toEqual(['UNDER_6', 'UNDER_6', 'FROM_6_TO_16', 'FROM_6_TO_16', 'FROM_16_TO_20', 'FROM_16_TO_20', 'OVER_20']);
  });
});

describe('advice from health and social care', () => {
  it('is due 6 weeks after it was asked for, and late if it comes after that', async () => {
    const { adviceDueDate, adviceLate } = await import('./statutory-clock.js');
    // Asked for on Friday 19 December 2025: due Friday 30 January 2026, Christmas included.
    const asked = { requestedDate: '2025-12-19', receivedDate: null };
    expect(adviceDueDate(asked)).toBe('2026-01-30');
    expect(adviceLate(asked, '2026-01-30')).toBe(false);
    expect(adviceLate(asked, '2026-01-31')).toBe(true);
    expect(adviceLate({ ...asked, receivedDate: '2026-01-29' }, '2026-06-01')).toBe(false);
    expect(adviceLate({ ...asked, receivedDate: '2026-02-02' }, '2026-06-01')).toBe(true);
    expect(adviceDueDate({ requestedDate: null, receivedDate: null })).toBeNull();
    expect(adviceLate({ requestedDate: null, receivedDate: null }, '2026-06-01')).toBe(false);
  });
});
