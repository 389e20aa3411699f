import type { OwnedFigures } from '../figures/figure-sources.js';

/**
 * The board being shown: the whole local area, or one locality of it, with the
 * owners' figures for that area or locality (from the representation). Carried down
 * to workstreams and measures, which are rated on these figures.
 */
export interface BoardScope {
  localAreaCode: string;
  /** Null for the whole area. */
  localityId: string | null;
  figures: OwnedFigures;
  /** The day the board is shown on (today); its months are the 12 complete months before. */
  asOf: string;
}
