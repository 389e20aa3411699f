import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import { ProtectedCount, ProtectedStatistic, protectCount, protectRate, protectStatistic, toProtectedCount, toProtectedStatistic } from '@local-area-graph/disclosure';

/** The raw counts of one month end, before disclosure control; never leaves the service. */
export interface WaitingTimesCounts {
  month: string;
  monthEnd: string;
  waiting: number;
  median: number | null;
  p92: number | null;
  under18: number;
  upTo1: number;
  from1To2: number;
  from2To4: number;
  from4To12: number;
  from12To18: number;
  from18To52: number;
  over52: number;
  /** Waiting for a service that has a waiting-time standard, and of them longer than it. */
  withStandard: number;
  breaching: number;
  /** Autism assessments started (clock stops) in the month, and of them within 13 weeks of referral. */
  asdSeen: number;
  asdWithin13: number;
}

@ObjectType({ description: 'Children waiting at a month end by weeks waited (the community health services bands), each count protected (NHS rule: 1 to 7 withheld, others rounded to 5).' })
export class WaitingWeekBands {
  @Field(() => ProtectedCount, { description: 'Waiting less than 1 week.' })
  upTo1: ProtectedCount;
  @Field(() => ProtectedCount, { description: 'Waiting 1 week to under 2 weeks.' })
  from1To2: ProtectedCount;
  @Field(() => ProtectedCount, { description: 'Waiting 2 weeks to under 4 weeks.' })
  from2To4: ProtectedCount;
  @Field(() => ProtectedCount, { description: 'Waiting 4 weeks to under 12 weeks.' })
  from4To12: ProtectedCount;
  @Field(() => ProtectedCount, { description: 'Waiting 12 weeks to under 18 weeks.' })
  from12To18: ProtectedCount;
  @Field(() => ProtectedCount, { description: 'Waiting 18 weeks to under 52 weeks.' })
  from18To52: ProtectedCount;
  @Field(() => ProtectedCount, { description: 'Waiting 52 weeks or more.' })
  over52: ProtectedCount;
}

@ObjectType({
  description:
    'Waiting times on the last day of one month, worked out from each wait\'s referral, first contact and removal dates as they stood that day (not from a snapshot). Counts follow the NHS rule (1 to 7 withheld, others rounded to 5); statistics over fewer than 8 children are withheld.',
})
export class WaitingTimesMonth {
  @Field(() => String, { description: 'The month, written "2026-03".' })
  month: string;

  @Field(() => LocalDateScalar, { description: 'The last day of the month: the day the figures are as of.' })
  monthEnd: string;

  @Field(() => ProtectedCount, { description: 'Children referred by the month end and neither seen nor removed by then.' })
  waiting: ProtectedCount;

  @Field(() => ProtectedStatistic, { description: 'The median weeks waited so far by those waiting at the month end (continuous percentile, weeks as days / 7).' })
  medianWeeks: ProtectedStatistic;

  @Field(() => ProtectedStatistic, { description: 'The 92nd percentile of weeks waited so far by those waiting at the month end (continuous percentile, as PostgreSQL percentile_cont).' })
  p92Weeks: ProtectedStatistic;

  @Field(() => ProtectedStatistic, { description: 'The share of those waiting at the month end who had waited under 18 weeks (the RTT standard is 92%), from counts rounded to 5.' })
  shareUnder18Weeks: ProtectedStatistic;

  @Field(() => ProtectedCount, { description: 'Children waiting 52 weeks or more at the month end.' })
  over52Weeks: ProtectedCount;

  @Field(() => ProtectedCount, {
    description:
      "Children waiting at the month end for longer than their service's own standard (18 weeks; 13 for autism assessment): from day 127, or day 92. Not applicable (z) when no service counted has a standard.",
  })
  breachingStandard: ProtectedCount;

  @Field(() => ProtectedStatistic, {
    description:
      "Of those waiting at the month end for a service with a standard, the share waiting longer than it, from counts rounded to 5. Not applicable (z) when no service counted has a standard.",
  })
  shareBreachingStandard: ProtectedStatistic;

  @Field(() => WaitingWeekBands, { description: 'Those waiting at the month end by weeks waited.' })
  bands: WaitingWeekBands;

  @Field(() => ProtectedStatistic, {
    description:
      'Autism assessment only (NICE QS51): of the assessments started in the month, the share started within 13 weeks of referral. Not applicable (z) for other services or across all services.',
  })
  assessmentStartedWithin13Weeks: ProtectedStatistic;
}

const count = (n: number) => toProtectedCount(protectCount(n, 'NHS'));

/**
 * The counts of a month as they may be published. `autism`: the figures are for the
 * autism assessment service alone. `standards`: some service counted has a waiting-time
 * standard, so breaches of it mean something.
 */
export function protectWaitingTimesMonth(counts: WaitingTimesCounts, autism: boolean, standards: boolean): WaitingTimesMonth {
  const notApplicableFigure = { value: null, suppressed: false, symbol: 'z', rounded: false } as const;
  const notApplicable = toProtectedStatistic(notApplicableFigure);
  return Object.assign(new WaitingTimesMonth(), {
    month: counts.month,
    monthEnd: counts.monthEnd,
    waiting: count(counts.waiting),
    medianWeeks: toProtectedStatistic(protectStatistic(counts.median, counts.waiting, 'NHS')),
    p92Weeks: toProtectedStatistic(protectStatistic(counts.p92, counts.waiting, 'NHS')),
    shareUnder18Weeks: toProtectedStatistic(protectRate(counts.under18, counts.waiting, 'NHS')),
    over52Weeks: count(counts.over52),
    breachingStandard: standards ? count(counts.breaching) : toProtectedCount(notApplicableFigure),
    shareBreachingStandard: standards ? toProtectedStatistic(protectRate(counts.breaching, counts.withStandard, 'NHS')) : notApplicable,
    bands: Object.assign(new WaitingWeekBands(), {
      upTo1: count(counts.upTo1),
      from1To2: count(counts.from1To2),
      from2To4: count(counts.from2To4),
      from4To12: count(counts.from4To12),
      from12To18: count(counts.from12To18),
      from18To52: count(counts.from18To52),
      over52: count(counts.over52),
    }),
    assessmentStartedWithin13Weeks: autism ? toProtectedStatistic(protectRate(counts.asdWithin13, counts.asdSeen, 'NHS')) : notApplicable,
  });
}
