import type { Reading } from '../figures/figure-sources.js';
import { MeasureRating, NotRatedReason, TargetDirection } from './measure-kind.js';

/** What a rating needs of a target. */
export interface TargetBounds {
  value: number;
  amberThreshold: number;
  direction: TargetDirection;
}

export interface Rated {
  rating: MeasureRating;
  notRatedBecause: NotRatedReason | null;
}

/**
 * A figure against its target. GREEN at the target or better, AMBER from the target to
 * the amber threshold (the threshold itself AMBER), RED beyond it. Compared as the
 * owner published the figure (rounded health counts as rounded), with no rounding
 * here. A withheld or missing figure is NOT_RATED: it is never read as 0.
 */
export function rate(reading: Reading | null, target: TargetBounds | null): Rated {
  if (target === null) return { rating: MeasureRating.NOT_RATED, notRatedBecause: NotRatedReason.NO_TARGET };
  if (reading === null) return { rating: MeasureRating.NOT_RATED, notRatedBecause: NotRatedReason.FIGURE_NOT_AVAILABLE };
  if (reading.suppressed) return { rating: MeasureRating.NOT_RATED, notRatedBecause: NotRatedReason.FIGURE_WITHHELD };
  if (reading.value === null) return { rating: MeasureRating.NOT_RATED, notRatedBecause: NotRatedReason.FIGURE_NOT_AVAILABLE };
  const v = reading.value;
  const higher = target.direction === TargetDirection.HIGHER_IS_BETTER;
  const meets = (bound: number) => (higher ? v >= bound : v <= bound);
  const rating = meets(target.value) ? MeasureRating.GREEN : meets(target.amberThreshold) ? MeasureRating.AMBER : MeasureRating.RED;
  return { rating, notRatedBecause: null };
}
