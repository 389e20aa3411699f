import { Field, ObjectType } from 'type-graphql';
import { ProtectedCount, ProtectedStatistic, protectBreakdown, protectCount, protectRate, protectStatistic, toProtectedCount, toProtectedStatistic } from '@local-area-graph/disclosure';
import { SupportOutcome } from '../support-request/support-request.js';

@ObjectType({ description: 'How many requests ended with one outcome in a month.' })
export class SupportOutcomeCount {
  @Field(() => SupportOutcome, { description: 'The outcome.' })
  outcome: SupportOutcome;

  @Field(() => ProtectedCount, { description: 'Requests that ended with it in the month.' })
  requests: ProtectedCount;
}

@ObjectType({
  description:
    "A locality's requests for support in one calendar month: how many came in, how quickly the single point of contact answered, how many coordinated plans were open and how they ended. Counts of 1 to 5 are withheld (DfE rule), with another withheld where a total would reveal them; a share or median over fewer than 6 requests is withheld.",
})
export class LocalitySupportMonth {
  @Field(() => String, { description: 'The month, written "2026-04" (dates in England).' })
  month: string;

  @Field(() => ProtectedCount, { description: 'Requests for support received in the month.' })
  requestsReceived: ProtectedCount;

  @Field(() => ProtectedStatistic, {
    description:
      'Share of the requests received in the month that were answered within 2 working days, from 0 to 1. Requests still inside their 2 working days without an answer are left out until they are answered or their time runs out.',
  })
  shareAnsweredWithin2WorkingDays: ProtectedStatistic;

  @Field(() => ProtectedStatistic, {
    description: 'Median working days to respond to the requests received in the month and answered (0 = the day it counts as received; weekends and bank holidays in England not counted).',
  })
  medianWorkingDaysToRespond: ProtectedStatistic;

  @Field(() => ProtectedCount, { description: 'Coordinated plans open at the end of the month (today, for the current month): answered, without an outcome yet.' })
  plansOpen: ProtectedCount;

  @Field(() => ProtectedCount, { description: 'Requests that ended with an outcome in the month.' })
  outcomesRecorded: ProtectedCount;

  @Field(() => [SupportOutcomeCount], { description: 'The outcomes recorded in the month, by kind, every kind listed.' })
  outcomes: SupportOutcomeCount[];
}

/** The raw figures of one month, as the SQL returns them. */
export interface SupportMonthCounts {
  month: string;
  received: number;
  /** Answered, or past due without an answer: the requests whose timeliness is known. */
  decided: number;
  inTime: number;
  answered: number;
  medianWorkingDays: number | null;
  plansOpen: number;
  outcomes: Partial<Record<SupportOutcome, number>>;
}

export function protectSupportMonth(counts: SupportMonthCounts): LocalitySupportMonth {
  const cells = Object.fromEntries(Object.values(SupportOutcome).map((outcome) => [outcome, counts.outcomes[outcome] ?? 0]));
  const total = Object.values(cells).reduce((a, b) => a + b, 0);
  const outcomes = protectBreakdown(cells, total, 'DFE');
  return {
    month: counts.month,
    requestsReceived: toProtectedCount(protectCount(counts.received, 'DFE')),
    shareAnsweredWithin2WorkingDays: toProtectedStatistic(protectRate(counts.inTime, counts.decided, 'DFE')),
    medianWorkingDaysToRespond: toProtectedStatistic(protectStatistic(counts.medianWorkingDays, counts.answered, 'DFE')),
    plansOpen: toProtectedCount(protectCount(counts.plansOpen, 'DFE')),
    outcomesRecorded: toProtectedCount(outcomes.total),
    outcomes: Object.values(SupportOutcome).map((outcome) => ({ outcome, requests: toProtectedCount(outcomes.cells[outcome]!) })),
  };
}
