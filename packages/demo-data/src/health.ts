import { isoOf } from './calendar.js';
import type { Random } from './random.js';
import type { ChildRecord, HealthRemovalReason, WaitingListEntryRecord } from './types.js';

/** The community and specialist services children wait for, with the demo's typical wait (weeks, routine). */
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

/** How often each service is the one referred to, and its mean wait in weeks (exponential, so a long tail). */
const SERVICES: ReadonlyArray<readonly [(typeof HEALTH_SERVICE_CODES)[number], number, number]> = [
  ['CAMHS', 22, 48],
  ['SALT', 20, 13],
  ['ASD_ASSESSMENT', 15, 70],
  ['ADHD_ASSESSMENT', 9, 60],
  ['OT', 10, 11],
  ['PHYSIO', 8, 9],
  ['COMMUNITY_PAEDIATRICS', 11, 26],
  ['WHEELCHAIR', 5, 15],
];
const REMOVALS: ReadonlyArray<readonly [HealthRemovalReason, number]> = [
  ['NO_LONGER_REQUIRED', 4],
  ['DID_NOT_ATTEND', 3],
  ['MOVED_AWAY', 2],
  ['TRANSFERRED', 1],
];

/** About 8–10% of children are referred in the three years before `asOf`; a few twice. */
const REFERRED_SHARE = 0.09;
const HISTORY_DAYS = 3 * 365;

export interface DemoChildHealthRecords {
  waitingListEntries: WaitingListEntryRecord[];
}

/**
 * A child's waits for community and specialist health services, keyed by their NHS
 * number (the only identifier the trust holds). Clock start is the referral; clock
 * stop the first contact; some leave the list without being seen.
 */
export function generateChildHealth(
  child: ChildRecord,
  context: { asOf: number; localAreaCode: string; birthDay: number },
  random: Random,
): DemoChildHealthRecords {
  const waitingListEntries: WaitingListEntryRecord[] = [];
  if (!random.chance(REFERRED_SHARE)) return { waitingListEntries };
  const referrals = random.chance(0.15) ? 2 : 1;
  const earliest = Math.max(context.asOf - HISTORY_DAYS, context.birthDay + 60);
  if (earliest >= context.asOf) return { waitingListEntries };
  for (let i = 0; i < referrals; i++) {
    const [serviceCode, , meanWeeks] = random.weighted(SERVICES.map((s) => [s, s[1]] as const));
    const referral = random.int(earliest, context.asOf);
    const urgent = random.chance(0.1);
    const waitDays = Math.max(1, Math.round(-Math.log(1 - random.next()) * meanWeeks * 7 * (urgent ? 0.25 : 1)));
    const end = referral + waitDays;
    const removed = random.chance(0.08);
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
    });
  }
  return { waitingListEntries };
}
