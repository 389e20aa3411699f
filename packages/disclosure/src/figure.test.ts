import { describe, expect, it } from 'vitest';
import {
  DISCLOSURE_RULES,
  protectCount,
  protectRate,
  protectStatistic,
  resolveRule,
  roundToNearest,
  type DisclosureThresholds,
  type Figure,
} from './index.js';

const shown = (value: number, rounded = false): Figure => ({ value, suppressed: false, symbol: null, rounded });
const c: Figure = { value: null, suppressed: true, symbol: 'c', rounded: false };
const x: Figure = { value: null, suppressed: false, symbol: 'x', rounded: false };
const z: Figure = { value: null, suppressed: false, symbol: 'z', rounded: false };

describe('the rule table', () => {
  it('holds the DfE and NHS thresholds', () => {
    expect(DISCLOSURE_RULES.DFE).toMatchObject({ suppressUpTo: 5, suppressZero: false, roundTo: null, minPeopleForStatistic: 6 });
    expect(DISCLOSURE_RULES.NHS).toMatchObject({ suppressUpTo: 7, suppressZero: false, roundTo: 5, minPeopleForStatistic: 8 });
    expect(Object.isFrozen(DISCLOSURE_RULES.DFE)).toBe(true);
  });

  it('refuses custom thresholds under which rounding would show a small count as 0', () => {
    expect(() => resolveRule({ ...DISCLOSURE_RULES.NHS, suppressUpTo: 1 })).toThrow(/shows counts up to 2 as 0/);
    expect(() => resolveRule({ ...DISCLOSURE_RULES.DFE, suppressUpTo: -1 })).toThrow(RangeError);
    expect(() => resolveRule({ ...DISCLOSURE_RULES.DFE, minPeopleForStatistic: 0 })).toThrow(RangeError);
    expect(() => resolveRule('ONS' as never)).toThrow(/unknown disclosure rule/);
  });

  it('rounds to the nearest 5 with halves up', () => {
    expect([8, 10, 12, 13, 15, 17, 18, 22.5, 7.5, 2.4].map((n) => roundToNearest(n, 5))).toEqual([10, 10, 10, 15, 15, 15, 20, 25, 10, 0]);
  });
});

describe('protectCount', () => {
  const counts = Array.from({ length: 13 }, (_, n) => n);

  it('DfE: 1 to 5 are c, 0 and 6 upwards are shown exactly', () => {
    expect(counts.map((n) => protectCount(n, 'DFE'))).toEqual([
      shown(0), c, c, c, c, c, shown(6), shown(7), shown(8), shown(9), shown(10), shown(11), shown(12),
    ]);
  });

  it('NHS: 1 to 7 are c, 0 is shown, 8 upwards are rounded to the nearest 5', () => {
    expect(counts.map((n) => protectCount(n, 'NHS'))).toEqual([
      shown(0), c, c, c, c, c, c, c, shown(10, true), shown(10, true), shown(10, true), shown(10, true), shown(10, true),
    ]);
    expect(protectCount(13, 'NHS')).toEqual(shown(15, true));
    expect(protectCount(1234, 'NHS')).toEqual(shown(1235, true));
  });

  it('gives x for a count that is not held, and refuses nonsense', () => {
    expect(protectCount(null, 'DFE')).toEqual(x);
    expect(() => protectCount(-1, 'DFE')).toThrow(RangeError);
    expect(() => protectCount(2.5, 'DFE')).toThrow(RangeError);
    expect(() => protectCount(Number.NaN, 'NHS')).toThrow(RangeError);
  });

  it('withholds zeros too when the thresholds say so', () => {
    const zerosSensitive: DisclosureThresholds = { ...DISCLOSURE_RULES.DFE, name: 'DFE with zeros', suppressZero: true };
    expect(protectCount(0, zerosSensitive)).toEqual(c);
    expect(protectCount(6, zerosSensitive)).toEqual(shown(6));
  });

  it('never publishes a withheld count as a number', () => {
    for (const rule of ['DFE', 'NHS'] as const) {
      for (let n = 0; n <= 50; n++) {
        const figure = protectCount(n, rule);
        if (figure.suppressed) expect(figure).toEqual(c);
        else expect(figure.value).not.toBeNull();
      }
    }
  });
});

describe('protectStatistic', () => {
  it('NHS: no average over 7 people, an average over 8', () => {
    expect(protectStatistic(12.25, 7, 'NHS')).toEqual(c);
    expect(protectStatistic(12.25, 8, 'NHS')).toEqual(shown(12.25));
  });

  it('DfE: no average over 5 people, an average over 6', () => {
    expect(protectStatistic(0.875, 5, 'DFE')).toEqual(c);
    expect(protectStatistic(0.875, 6, 'DFE')).toEqual(shown(0.875));
  });

  it('is not applicable over nobody, not available when not held, and keeps decimals', () => {
    expect(protectStatistic(null, 0, 'DFE')).toEqual(z);
    expect(protectStatistic(3, 0, 'NHS')).toEqual(z);
    expect(protectStatistic(null, 20, 'NHS')).toEqual(x);
    expect(protectStatistic(null, 3, 'NHS')).toEqual(c);
    expect(protectStatistic(Math.PI, 100, 'NHS')).toEqual(shown(Math.PI));
    expect(protectStatistic(0, 100, 'DFE')).toEqual(shown(0));
  });

  it('refuses nonsense', () => {
    expect(() => protectStatistic(1, -1, 'DFE')).toThrow(RangeError);
    expect(() => protectStatistic(Number.POSITIVE_INFINITY, 10, 'DFE')).toThrow(RangeError);
  });
});

describe('protectRate', () => {
  it('DfE: a share of a count that would be withheld is withheld, inside or outside the share', () => {
    expect(protectRate(10, 40, 'DFE')).toEqual(shown(0.25));
    expect(protectRate(3, 40, 'DFE')).toEqual(c);
    expect(protectRate(37, 40, 'DFE')).toEqual(c);
    expect(protectRate(6, 40, 'DFE')).toEqual(shown(0.15));
    expect(protectRate(2, 4, 'DFE')).toEqual(c);
    expect(protectRate(0, 4, 'DFE')).toEqual(c);
  });

  it('shows true zeros and whole groups', () => {
    expect(protectRate(0, 40, 'DFE')).toEqual(shown(0));
    expect(protectRate(40, 40, 'DFE')).toEqual(shown(1));
  });

  it('is not applicable over nobody and not available when a count is not held', () => {
    expect(protectRate(0, 0, 'DFE')).toEqual(z);
    expect(protectRate(null, 40, 'NHS')).toEqual(x);
    expect(protectRate(3, null, 'NHS')).toEqual(x);
  });

  it('NHS: withholds below 8 and computes from rounded counts so the rounding cannot be undone', () => {
    expect(protectRate(7, 40, 'NHS')).toEqual(c);
    expect(protectRate(33, 40, 'NHS')).toEqual(c);
    expect(protectRate(12, 40, 'NHS')).toEqual(shown(0.25, true));
    expect(protectRate(8, 16, 'NHS')).toEqual(shown(10 / 15, true));
  });

  it('refuses a numerator above its denominator', () => {
    expect(() => protectRate(41, 40, 'DFE')).toThrow(/cannot exceed/);
  });
});
