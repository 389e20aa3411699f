import { isoOf } from './calendar.js';
import type { Random } from './random.js';
import type { ChildRecord, HealthRemovalReason, WaitingListEntryRecord } from './types.js';

/** The community and specialist services children wait for. */
export const HEALTH_SERVICE_CODES = [
  'CAMHS',
  'SALT',
  'OT',
  'PHYSIO',
  'ASD_ASSESSMENT',
  'ADHD_ASSESSMENT',
  'WHEELCHAIR',
  'COMMUNITY_PAEDIATRICS',
] as const;
export type HealthServiceCode = (typeof HEALTH_SERVICE_CODES)[number];

/**
 * The NHS trust (ODS code) that provides each service, as the health subgraph's reference
 * data has it: Kent and Medway's mental health trust runs CAMHS, the community trust the
 * rest. Each trust sends its own waiting-list updates, so this is also the partner id of
 * the organisation that contributed each entry.
 */
export const HEALTH_SERVICE_PROVIDERS: Readonly<Record<HealthServiceCode, string>> = {
  CAMHS: 'RXY',
  SALT: 'RYY',
  OT: 'RYY',
  PHYSIO: 'RYY',
  ASD_ASSESSMENT: 'RYY',
  ADHD_ASSESSMENT: 'RYY',
  WHEELCHAIR: 'RYY',
  COMMUNITY_PAEDIATRICS: 'RYY',
};

/**
 * How often each service is the one referred to, and the median weeks a routine referral
 * waits for it. Shaped like England's community waiting lists: autism assessment and CAMHS
 * wait longest (most of those waiting, over a year), therapies a few months.
 */
const SERVICES: ReadonlyArray<readonly [HealthServiceCode, number, number]> = [
  ['CAMHS', 22, 50],
  ['SALT', 20, 10],
  ['ASD_ASSESSMENT', 15, 66],
  ['ADHD_ASSESSMENT', 9, 18],
  ['OT', 10, 8],
  ['PHYSIO', 8, 6],
  ['COMMUNITY_PAEDIATRICS', 11, 14],
  ['WHEELCHAIR', 5, 8],
];
/**
 * Shape of waits around a service's median (log-logistic, shape 2.4): most within half to
 * twice the median, and a long tail of waits over a year, as real lists have.
 */
const WAIT_SHAPE = 2.4;
/** Steps through (0, 1) evenly whatever the number of referrals (golden ratio), so a small area still gets a list shaped like a large one. */
const GOLDEN = 0.6180339887498949;
const REMOVALS: ReadonlyArray<readonly [HealthRemovalReason, number]> = [
  ['NO_LONGER_REQUIRED', 4],
  ['DID_NOT_ATTEND', 3],
  ['MOVED_AWAY', 2],
  ['TRANSFERRED', 1],
];

/**
 * About 9% of children are referred in any three years, a few twice; with the waits
 * carried over from before the history starts, about 12% have an entry in the data kept.
 */
const REFERRED_SHARE_PER_YEAR = 0.035;
/** Three years of history that a board can read month by month. */
const HISTORY_DAYS = 3 * 365;
/**
 * Referrals are drawn from this long before the history starts, so that its first month
 * already holds the backlog of long waits a real list carries (a list that began empty
 * three years ago would show waits growing from nothing). Waits that ended before the
 * history starts are not kept.
 */
const RUN_IN_DAYS = 3 * 365;
/** Waits lengthen over the years: a referral made at the start of the run-in waits this share of one made today. */
const EARLIEST_WAIT_FACTOR = 0.75;

/**
 * The area's referrals so far, per service: each referral's wait is taken at the next
 * point of a low-discrepancy sequence through the service's wait distribution rather
 * than drawn at random, so the few dozen children waiting in a small demo area are not
 * all short or all long waits by chance.
 */
export type HealthReferralCounts = Map<HealthServiceCode, number>;

export interface DemoChildHealthRecords {
  waitingListEntries: WaitingListEntryRecord[];
}

/**
 * A child's waits for community and specialist health services, keyed by their NHS
 * number (the only identifier the trust holds). Clock start is the referral; clock
 * stop the first contact; some leave the list without being seen. Each entry names the
 * trust that sent it (`partnerId`: the providing trust's ODS code).
 */
export function generateChildHealth(
  child: ChildRecord,
  context: { asOf: number; localAreaCode: string; birthDay: number; referralCounts: HealthReferralCounts },
  random: Random,
): DemoChildHealthRecords {
  const waitingListEntries: WaitingListEntryRecord[] = [];
  const historyStart = context.asOf - HISTORY_DAYS;
  const windowStart = historyStart - RUN_IN_DAYS;
  const years = (HISTORY_DAYS + RUN_IN_DAYS) / 365;
  if (!random.chance(REFERRED_SHARE_PER_YEAR * years)) return { waitingListEntries };
  const referrals = random.chance(0.15) ? 2 : 1;
  for (let i = 0; i < referrals; i++) {
    const [serviceCode, , medianWeeks] = random.weighted(SERVICES.map((s) => [s, s[1]] as const));
    // Drawn over the whole window, then dropped before the child's first two months, so
    // that a young child is no likelier to be referred in any one year than an older one.
    const referral = random.int(windowStart, context.asOf);
    const urgent = random.chance(0.1);
    const removed = random.chance(0.08);
    const lengthening = EARLIEST_WAIT_FACTOR + ((1 - EARLIEST_WAIT_FACTOR) * (referral - windowStart)) / (context.asOf - windowStart);
    const k = context.referralCounts.get(serviceCode) ?? 0;
    context.referralCounts.set(serviceCode, k + 1);
    const quantile = (k + 1) * GOLDEN % 1 || 0.5;
    const weeks = medianWeeks * lengthening * (quantile / (1 - quantile)) ** (1 / WAIT_SHAPE) * (urgent ? 0.25 : 1);
    const end = referral + Math.max(1, Math.round(weeks * 7));
    // Not yet born, or ended before the history starts: not part of the three years kept.
    if (referral < context.birthDay + 60 || end < historyStart) continue;
    const happened = end <= context.asOf;
    waitingListEntries.push({
      id: random.uuid(),
      nhsNumber: child.nhsNumber,
      serviceCode,
      referralDate: isoOf(referral),
      priority: urgent ? 'URGENT' : 'ROUTINE',
      firstContactDate: happened && !removed ? isoOf(end) : null,
      removalDate: happened && removed ? isoOf(end) : null,
      removalReason: happened && removed ? random.weighted(REMOVALS) : null,
      localityId: child.localityId,
      localAreaCode: context.localAreaCode,
      partnerId: HEALTH_SERVICE_PROVIDERS[serviceCode],
    });
  }
  return { waitingListEntries };
}
