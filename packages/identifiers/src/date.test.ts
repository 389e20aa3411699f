import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayInEngland } from './date.js';

afterEach(() => {
  vi.useRealTimers();
});

describe("today's date in England", () => {
  it('is the date in London, not UTC', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    expect(todayInEngland(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    // In winter London is on UTC.
    expect(todayInEngland(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('moves on at midnight in London, however often it is asked', () => {
    vi.useFakeTimers({ now: new Date('2026-06-30T22:59:59.000Z') });
    for (let i = 0; i < 5; i++) expect(todayInEngland()).toBe('2026-06-30');
    vi.setSystemTime(new Date('2026-06-30T22:59:59.999Z'));
    expect(todayInEngland()).toBe('2026-06-30');
    vi.setSystemTime(new Date('2026-06-30T23:00:00.000Z'));
    expect(todayInEngland()).toBe('2026-07-01');
    // And back, if the clock is set back.
    vi.setSystemTime(new Date('2026-06-30T12:00:00.000Z'));
    expect(todayInEngland()).toBe('2026-06-30');
  });
});
