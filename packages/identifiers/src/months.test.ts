import { describe, expect, it } from 'vitest';
import { completeMonthsBefore, lastDayOf, monthsBetween } from './index.js';

describe('completeMonthsBefore', () => {
  it('gives the complete months before the current one, oldest first', () => {
    expect(completeMonthsBefore('2026-11-25', 12)).toEqual({
      from: '2025-11-01',
      to: '2026-10-31',
      months: ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'],
    });
  });

  it('crosses the new year and ends on the last day of February', () => {
    expect(completeMonthsBefore('2024-01-01', 1)).toEqual({ from: '2023-12-01', to: '2023-12-31', months: ['2023-12'] });
    expect(completeMonthsBefore('2024-03-31', 2)).toEqual({ from: '2024-01-01', to: '2024-02-29', months: ['2024-01', '2024-02'] });
    expect(completeMonthsBefore('2026-03-01', 1).to).toBe('2026-02-28');
  });

  it('refuses a count that is not a sensible number of months', () => {
    for (const count of [0, -1, 1.5, 121]) expect(() => completeMonthsBefore('2026-11-25', count)).toThrow(RangeError);
  });
});

describe('monthsBetween', () => {
  it('lists every month from the first date to the last, across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
  });

  it('is empty when the last date comes first', () => {
    expect(monthsBetween('2026-04-01', '2026-03-31')).toEqual([]);
  });
});

describe('lastDayOf', () => {
  it('knows month lengths and leap years', () => {
    expect(['2026-01', '2026-02', '2028-02', '2100-02', '2026-04', '2026-12'].map(lastDayOf)).toEqual(['2026-01-31', '2026-02-28', '2028-02-29', '2100-02-28', '2026-04-30', '2026-12-31']);
  });
});
