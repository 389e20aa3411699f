/**
 * The disclosure-control rules of the two statistical traditions the platform
 * publishes under, with every threshold in this one table so that no subgraph keeps
 * its own copy of "5" or "7".
 */

/** Which publisher's convention a figure follows: education (DfE) or health (NHS). */
export type DisclosureRule = 'DFE' | 'NHS';

/**
 * The thresholds of one rule. Pass a {@link DisclosureRule} name for the standard
 * conventions, or a variant such as `{ ...DISCLOSURE_RULES.DFE, suppressZero: true }`
 * where a true zero is itself sensitive.
 */
export interface DisclosureThresholds {
  /** Shown in error messages. */
  readonly name: string;
  /** Counts from 1 to this number are confidential (`c`). */
  readonly suppressUpTo: number;
  /**
   * Whether a count of 0 is confidential too. Both publishers show true zeros: a zero
   * describes no child. Set it where a zero would itself be revealing (a group that
   * everyone is known to belong to, say).
   */
  readonly suppressZero: boolean;
  /** Shown counts are rounded to the nearest multiple of this (halves up); null for exact counts. */
  readonly roundTo: number | null;
  /** The fewest people an average, median, percentile or share may describe. */
  readonly minPeopleForStatistic: number;
}

/**
 * The standard rules. DfE: counts of 1 to 5 are `c`, nothing is rounded, statistics
 * need at least 6 people. NHS (figures below national level, which is everything on
 * this platform): counts of 1 to 7 are `c`, other counts are rounded to the nearest 5,
 * statistics need at least 8 people.
 */
export const DISCLOSURE_RULES: Readonly<Record<DisclosureRule, DisclosureThresholds>> = Object.freeze({
  DFE: Object.freeze({ name: 'DFE', suppressUpTo: 5, suppressZero: false, roundTo: null, minPeopleForStatistic: 6 }),
  NHS: Object.freeze({ name: 'NHS', suppressUpTo: 7, suppressZero: false, roundTo: 5, minPeopleForStatistic: 8 }),
});

/**
 * The thresholds for a rule name, or the given thresholds after checking them.
 *
 * @throws RangeError when custom thresholds are inconsistent, in particular when
 * rounding would show a small non-zero count as 0: a published 0 must always be a
 * true zero, or the 0 beside a `c` would tell the two apart.
 */
export function resolveRule(rule: DisclosureRule | DisclosureThresholds): DisclosureThresholds {
  if (typeof rule === 'string') {
    const thresholds = DISCLOSURE_RULES[rule];
    if (!thresholds) throw new RangeError(`unknown disclosure rule ${JSON.stringify(rule)}; expected DFE or NHS`);
    return thresholds;
  }
  const { name, suppressUpTo, roundTo, minPeopleForStatistic } = rule;
  if (!Number.isInteger(suppressUpTo) || suppressUpTo < 0) {
    throw new RangeError(`${name}: suppressUpTo must be a whole number of at least 0, got ${suppressUpTo}`);
  }
  if (roundTo !== null) {
    if (!Number.isInteger(roundTo) || roundTo < 2) {
      throw new RangeError(`${name}: roundTo must be null or a whole number of at least 2, got ${roundTo}`);
    }
    const largestRoundedToZero = Math.ceil(roundTo / 2) - 1;
    if (suppressUpTo < largestRoundedToZero) {
      throw new RangeError(
        `${name}: rounding to ${roundTo} shows counts up to ${largestRoundedToZero} as 0, so suppressUpTo must be at least ${largestRoundedToZero}`,
      );
    }
  }
  if (!Number.isInteger(minPeopleForStatistic) || minPeopleForStatistic < 1) {
    throw new RangeError(`${name}: minPeopleForStatistic must be a whole number of at least 1, got ${minPeopleForStatistic}`);
  }
  return rule;
}

/**
 * `value` rounded to the nearest multiple of `base`, halves up: with base 5,
 * 8 → 10, 12 → 10, 13 → 15, 7.5 → 10.
 */
export function roundToNearest(value: number, base: number): number {
  return Math.floor(value / base + 0.5) * base;
}
