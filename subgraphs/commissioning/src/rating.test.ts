import { describe, expect, it } from 'vitest';
import { parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { DisclosureSymbol } from '@local-area-graph/disclosure';
import { rate } from './measure/rating.js';
import { readingOf, REQUIRED_FIGURES, FIGURE_SOURCES } from './figures/figure-sources.js';
import { MeasureKind, MeasureRating, NotRatedReason, TargetDirection } from './measure/measure-kind.js';

const shown = (value: number) => ({ month: '2026-10', value, suppressed: false, symbol: null, rounded: false });
const HIGHER = { value: 0.6, amberThreshold: 0.45, direction: TargetDirection.HIGHER_IS_BETTER };
const LOWER = { value: 10, amberThreshold: 25, direction: TargetDirection.LOWER_IS_BETTER };

describe('rating a figure against its target', () => {
  it('higher is better: green at the target, amber down to and at the threshold, red below it', () => {
    expect(rate(shown(0.61), HIGHER).rating).toBe(MeasureRating.GREEN);
    expect(rate(shown(0.6), HIGHER).rating).toBe(MeasureRating.GREEN);
    expect(rate(shown(0.5999999), HIGHER).rating).toBe(MeasureRating.AMBER);
    expect(rate(shown(0.45), HIGHER).rating).toBe(MeasureRating.AMBER);
    expect(rate(shown(0.4499999), HIGHER).rating).toBe(MeasureRating.RED);
    expect(rate(shown(0), HIGHER).rating).toBe(MeasureRating.RED);
  });

  it('lower is better: green at the target, amber up to and at the threshold, red above it', () => {
    expect(rate(shown(0), LOWER)).toEqual({ rating: MeasureRating.GREEN, notRatedBecause: null });
    expect(rate(shown(10), LOWER).rating).toBe(MeasureRating.GREEN);
    expect(rate(shown(11), LOWER).rating).toBe(MeasureRating.AMBER);
    expect(rate(shown(25), LOWER).rating).toBe(MeasureRating.AMBER);
    expect(rate(shown(26), LOWER).rating).toBe(MeasureRating.RED);
  });

  it('with no amber band, anything short of the target is red', () => {
    const noBand = { value: 10, amberThreshold: 10, direction: TargetDirection.LOWER_IS_BETTER };
    expect(rate(shown(10), noBand).rating).toBe(MeasureRating.GREEN);
    expect(rate(shown(11), noBand).rating).toBe(MeasureRating.RED);
  });

  it('never rates a withheld or missing figure, and says why', () => {
    expect(rate(readingOf('2026-10', { value: null, suppressed: true, symbol: 'CONFIDENTIAL', rounded: false }), LOWER)).toEqual({
      rating: MeasureRating.NOT_RATED,
      notRatedBecause: NotRatedReason.FIGURE_WITHHELD,
    });
    expect(rate(readingOf('2026-10', { value: null, suppressed: false, symbol: 'NOT_APPLICABLE', rounded: false }), HIGHER).notRatedBecause).toBe(NotRatedReason.FIGURE_NOT_AVAILABLE);
    expect(rate(null, HIGHER).notRatedBecause).toBe(NotRatedReason.FIGURE_NOT_AVAILABLE);
    expect(rate(shown(0.7), null)).toEqual({ rating: MeasureRating.NOT_RATED, notRatedBecause: NotRatedReason.NO_TARGET });
  });
});

describe('reading a figure from a representation', () => {
  it('keeps a published figure as it is, rounding flag included', () => {
    expect(readingOf('2026-10', { value: 15, suppressed: false, symbol: null, rounded: true })).toEqual({ month: '2026-10', value: 15, suppressed: false, symbol: null, rounded: true });
    expect(readingOf('2026-10', { value: 0, suppressed: false, symbol: null, rounded: false }).value).toBe(0);
  });

  it('withholds a figure marked suppressed even when a value came with it (a forged or broken representation)', () => {
    for (const json of [{ value: 3, suppressed: true }, { value: 3, suppressed: false, symbol: 'CONFIDENTIAL' }]) {
      expect(readingOf('2026-10', json)).toEqual({ month: '2026-10', value: null, suppressed: true, symbol: DisclosureSymbol.CONFIDENTIAL, rounded: false });
    }
  });

  it('reads anything that is not a finite number as not available, never as 0', () => {
    for (const json of [undefined, null, {}, { value: '12' }, { value: Number.NaN }, { value: null, suppressed: false }]) {
      expect(readingOf('2026-10', json as never)).toMatchObject({ value: null, suppressed: false, symbol: DisclosureSymbol.NOT_AVAILABLE });
    }
  });

  it('requires every owned figure a kind reads, as one field set, and every kind has a source', () => {
    const [operation] = parse(`{ ${REQUIRED_FIGURES} }`).definitions as OperationDefinitionNode[];
    const top = operation!.selectionSet.selections.map((s) => (s as FieldNode).name.value);
    expect(top.sort()).toEqual(['ehcTimelinessLast12Months', 'supportFiguresLast12Months', 'suspensionsLast12Months', 'waitingTimesLast12Months']);
    expect(Object.keys(FIGURE_SOURCES).sort()).toEqual(Object.values(MeasureKind).sort());
  });
});
