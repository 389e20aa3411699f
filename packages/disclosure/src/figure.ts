/**
 * Single figures: a count, a statistic over people, a share. Breakdowns and tables,
 * where figures can be worked out from one another, are in `suppression.ts`.
 */
import { resolveRule, roundToNearest, type DisclosureRule, type DisclosureThresholds } from './rules.js';

/** Why a figure has no value: `c` confidential, `x` not available, `z` not applicable. */
export type FigureSymbol = 'c' | 'x' | 'z';

/**
 * A figure as it may be published. `value` is null whenever `symbol` is set, so a
 * suppressed figure can never be mistaken for 0.
 */
export interface Figure {
  /** The published value; null when suppressed (`c`), not available (`x`) or not applicable (`z`). */
  value: number | null;
  /** True when the figure is withheld to protect individuals; then `symbol` is `c`. */
  suppressed: boolean;
  /** Why `value` is null, or null when a value is published. */
  symbol: FigureSymbol | null;
  /** True when `value` is rounded, or computed from rounded counts, and so may differ from the true figure. */
  rounded: boolean;
}

/** A rule name or custom thresholds; every function here accepts either. */
export type RuleInput = DisclosureRule | DisclosureThresholds;

/** A published value. */
export function shownFigure(value: number, rounded = false): Figure {
  return { value, suppressed: false, symbol: null, rounded };
}

/** A figure withheld to protect individuals (`c`). */
export function confidentialFigure(): Figure {
  return { value: null, suppressed: true, symbol: 'c', rounded: false };
}

/** A figure that is not held (`x`). */
export function notAvailableFigure(): Figure {
  return { value: null, suppressed: false, symbol: 'x', rounded: false };
}

/** A figure that does not apply, such as an average over nobody (`z`). */
export function notApplicableFigure(): Figure {
  return { value: null, suppressed: false, symbol: 'z', rounded: false };
}

/** @throws RangeError unless `n` is a whole number of at least 0. */
export function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number of at least 0, got ${n}`);
}

/** True when a count would be withheld under these thresholds. */
export function isConfidentialCount(count: number, thresholds: DisclosureThresholds): boolean {
  return count === 0 ? thresholds.suppressZero : count <= thresholds.suppressUpTo;
}

/**
 * A count of people (children, pupils, patients) as it may be published: `c` when it
 * is small enough to identify someone (DfE 1–5, NHS 1–7), rounded to the nearest 5
 * under NHS, 0 shown as 0 (unless the thresholds say zeros are sensitive), `x` when
 * the count is not held.
 *
 * A count alone can still be worked out from a published total and its neighbours;
 * counts that share a total go through {@link protectBreakdown} or {@link protectTable}.
 *
 * @throws RangeError when `count` is not a whole number of at least 0.
 */
export function protectCount(count: number | null, rule: RuleInput): Figure {
  const thresholds = resolveRule(rule);
  if (count === null) return notAvailableFigure();
  assertCount(count, 'a count');
  if (isConfidentialCount(count, thresholds)) return confidentialFigure();
  // A shown 0 is exact: resolveRule guarantees every count that would round to 0 is withheld.
  if (thresholds.roundTo === null || count === 0) return shownFigure(count);
  return shownFigure(roundToNearest(count, thresholds.roundTo), true);
}

/**
 * An average, median, percentile or share computed over `peopleCount` people, as it
 * may be published: `c` when fewer people than the rule allows lie behind it (DfE
 * fewer than 6, NHS fewer than 8), because a statistic about two children describes
 * each of them; `z` over nobody; `x` when the value is not held. Statistics are never
 * rounded here: format decimals where they are shown.
 *
 * @throws RangeError when `peopleCount` is not a whole number of at least 0 or `value` is not finite.
 */
export function protectStatistic(value: number | null, peopleCount: number, rule: RuleInput): Figure {
  const thresholds = resolveRule(rule);
  assertCount(peopleCount, 'the number of people behind a statistic');
  if (peopleCount === 0) return thresholds.suppressZero ? confidentialFigure() : notApplicableFigure();
  if (peopleCount < thresholds.minPeopleForStatistic) return confidentialFigure();
  if (value === null) return notAvailableFigure();
  if (!Number.isFinite(value)) throw new RangeError(`a statistic must be a finite number, got ${value}`);
  return shownFigure(value);
}

/**
 * The share `numerator / denominator` (0 to 1) as it may be published: `x` when either
 * count is not held, `z` when the denominator is 0, and `c` when the numerator, the
 * denominator or the rest (denominator − numerator) would be withheld as a count.
 * The rest counts too because 28 of 30 reveals the 2 children outside the share as
 * surely as 2 of 30 reveals the 2 inside it.
 *
 * Under a rounding rule (NHS) the share is computed from the rounded counts and marked
 * `rounded`, so that it cannot be used to undo the rounding of the counts published
 * beside it.
 *
 * @throws RangeError when a count is not a whole number of at least 0 or the numerator exceeds the denominator.
 */
export function protectRate(numerator: number | null, denominator: number | null, rule: RuleInput): Figure {
  const thresholds = resolveRule(rule);
  if (numerator === null || denominator === null) return notAvailableFigure();
  assertCount(numerator, 'a numerator');
  assertCount(denominator, 'a denominator');
  if (numerator > denominator) {
    throw new RangeError(`a share's numerator (${numerator}) cannot exceed its denominator (${denominator})`);
  }
  if (denominator === 0) return thresholds.suppressZero ? confidentialFigure() : notApplicableFigure();
  if (
    isConfidentialCount(numerator, thresholds) ||
    isConfidentialCount(denominator, thresholds) ||
    isConfidentialCount(denominator - numerator, thresholds)
  ) {
    return confidentialFigure();
  }
  if (thresholds.roundTo === null) return shownFigure(numerator / denominator);
  const shownNumerator = protectCount(numerator, thresholds).value ?? 0;
  const shownDenominator = protectCount(denominator, thresholds).value ?? 0;
  return shownFigure(shownNumerator / shownDenominator, true);
}
