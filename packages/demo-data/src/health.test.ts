import { describe, expect, it } from 'vitest';
import { DEFAULT_AS_OF, generateDemoArea, HEALTH_SERVICE_PROVIDERS, type DemoArea, type HealthServiceCode, type WaitingListEntryRecord } from './index.js';

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);
const waitingOn = (entry: WaitingListEntryRecord, day: string) =>
  entry.referralDate <= day && (entry.firstContactDate === null || entry.firstContactDate > day) && (entry.removalDate === null || entry.removalDate > day);

/** The last day of each of the `count` whole months before `day`'s month, oldest first. */
function monthEndsBefore(day: string, count: number): string[] {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(year, month - 1 - (count - 1 - i), 0)).toISOString().slice(0, 10));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** What a board would read off the lists on `day`. */
function shapeOn(area: DemoArea, day: string) {
  const waiting = area.waitingListEntries.filter((e) => waitingOn(e, day));
  const longest = new Map<string, number>();
  for (const e of waiting) longest.set(e.nhsNumber, Math.max(longest.get(e.nhsNumber) ?? 0, daysBetween(e.referralDate, day)));
  const weeksByService = new Map<string, number[]>();
  for (const e of waiting) weeksByService.set(e.serviceCode, [...(weeksByService.get(e.serviceCode) ?? []), daysBetween(e.referralDate, day) / 7]);
  // Only services with a median the NHS rule would publish (8 or more waiting).
  const medians = [...weeksByService].filter(([, weeks]) => weeks.length >= 8).map(([code, weeks]) => [code, median(weeks)] as const).sort((a, b) => b[1] - a[1]);
  return {
    childrenWaiting: longest.size,
    shareOverAYear: [...longest.values()].filter((days) => days >= 364).length / longest.size,
    longestMedians: medians.slice(0, 2).map(([code]) => code).sort(),
    medians,
  };
}

describe('the demo waiting lists are shaped like England’s', () => {
  const area = generateDemoArea();

  it('has about a quarter of the children on community waiting lists waiting over a year at the reference date', () => {
    const shape = shapeOn(area, DEFAULT_AS_OF);
    // About 2.5% of children wait for community services in England; a few dozen here.
    expect(shape.childrenWaiting).toBeGreaterThan(0.01 * area.children.length);
    expect(shape.childrenWaiting).toBeLessThan(0.04 * area.children.length);
    expect(shape.shareOverAYear).toBeGreaterThanOrEqual(0.18);
    expect(shape.shareOverAYear).toBeLessThanOrEqual(0.32);
  });

  it('has autism assessment and CAMHS with the longest median waits', () => {
    const shape = shapeOn(area, DEFAULT_AS_OF);
    expect(shape.medians.length).toBeGreaterThanOrEqual(3);
    expect(shape.longestMedians).toEqual(['ASD_ASSESSMENT', 'CAMHS']);
  });

  it('holds three years of history: lists already carrying their backlog at the first month end, referrals and clock stops every month', () => {
    const monthEnds = monthEndsBefore(DEFAULT_AS_OF, 36);
    expect(monthEnds[0]).toBe('2023-11-30');
    expect(monthEnds[35]).toBe('2026-10-31');
    const waitingAt = monthEnds.map((day) => area.waitingListEntries.filter((e) => waitingOn(e, day)).length);
    const now = area.waitingListEntries.filter((e) => waitingOn(e, DEFAULT_AS_OF)).length;
    // Not a list growing from nothing three years ago: every month end holds at least half of today's.
    for (const count of waitingAt) expect(count).toBeGreaterThanOrEqual(now / 2);
    // Long waits already at the first month end, referred before the history starts.
    expect(area.waitingListEntries.some((e) => waitingOn(e, monthEnds[0]!) && daysBetween(e.referralDate, monthEnds[0]!) >= 364)).toBe(true);
    for (const end of monthEnds) {
      const month = end.slice(0, 7);
      expect(area.waitingListEntries.some((e) => e.referralDate.startsWith(month)), `referrals in ${month}`).toBe(true);
      expect(area.waitingListEntries.some((e) => e.firstContactDate?.startsWith(month)), `clock stops in ${month}`).toBe(true);
    }
    // Nothing kept that ended before the three years.
    expect(area.waitingListEntries.every((e) => (e.firstContactDate ?? e.removalDate ?? DEFAULT_AS_OF) >= monthEnds[0]!.slice(0, 8) + '01')).toBe(true);
  });

  it('has every entry sent by the trust that provides its service, with its dates in order', () => {
    for (const e of area.waitingListEntries) {
      expect(e.partnerId).toBe(HEALTH_SERVICE_PROVIDERS[e.serviceCode as HealthServiceCode]);
      const end = e.firstContactDate ?? e.removalDate;
      if (end) expect(e.referralDate <= end && end <= DEFAULT_AS_OF).toBe(true);
      expect(e.firstContactDate === null || e.removalDate === null).toBe(true);
    }
    expect(new Set(area.waitingListEntries.map((e) => e.partnerId))).toEqual(new Set(['RXY', 'RYY']));
  });

  it('keeps the shape in a larger area, where chance plays less part', () => {
    const shape = shapeOn(generateDemoArea({ children: 15_000, seed: 1 }), DEFAULT_AS_OF);
    expect(shape.shareOverAYear).toBeGreaterThanOrEqual(0.21);
    expect(shape.shareOverAYear).toBeLessThanOrEqual(0.29);
    expect(shape.longestMedians).toEqual(['ASD_ASSESSMENT', 'CAMHS']);
  });
});
