/**
 * The GraphQL shape of a protected figure. Every subgraph that publishes aggregates
 * returns these same types, hence @shareable, and the descriptions are written for
 * the analyst reading the schema, not for the developer.
 */
import 'reflect-metadata';
import { Directive, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Figure, FigureSymbol } from './figure.js';

/** The official statistics symbols for a figure without a value. */
export enum DisclosureSymbol {
  CONFIDENTIAL = 'c',
  NOT_AVAILABLE = 'x',
  NOT_APPLICABLE = 'z',
}

registerEnumType(DisclosureSymbol, {
  name: 'DisclosureSymbol',
  description:
    'Why a figure has no value, using the symbols of UK official statistics. A figure with a symbol is never zero: treat it as unknown.',
  valuesConfig: {
    CONFIDENTIAL: {
      description:
        'c: withheld so that no child or patient can be recognised, because the figure is small or because it could be worked out from other published figures.',
    },
    NOT_AVAILABLE: { description: 'x: not available; the figure is not held or was not collected.' },
    NOT_APPLICABLE: { description: 'z: not applicable; for example an average over nobody.' },
  },
});

const COUNT_DESCRIPTION =
  'A count of children or patients, protected so that no one can be recognised. Small counts (1 to 5 in education figures, 1 to 7 in health figures), ' +
  'and any count that could be worked out by subtracting other published counts from a total, are shown as suppressed (symbol c), never as 0. ' +
  'Health counts are rounded to the nearest 5, so they need not add up to their total. A 0 is a true zero.';

/** A count as every subgraph publishes it; build it with {@link toProtectedCount}. */
@ObjectType('ProtectedCount', { description: COUNT_DESCRIPTION })
@Directive('@shareable')
export class ProtectedCount {
  @Field(() => Int, {
    nullable: true,
    description: 'The count as published; null when it is suppressed (c), not available (x) or not applicable (z). Never 0 in place of a suppressed count.',
  })
  value: number | null;

  @Field(() => Boolean, {
    description: 'True when the count is withheld to protect individuals (symbol c). Treat it as unknown, not as zero, and leave it out of sums.',
  })
  suppressed: boolean;

  @Field(() => DisclosureSymbol, { nullable: true, description: 'Why value is null (c, x or z); null when value is published.' })
  symbol: DisclosureSymbol | null;

  @Field(() => Boolean, {
    description: 'True when value is rounded (health counts, to the nearest 5), so the true count may differ from it by up to 2.',
  })
  rounded: boolean;
}

const STATISTIC_DESCRIPTION =
  'An average, median, percentile, rate or share computed over a group of people, protected so that no one can be recognised. ' +
  'It is suppressed (symbol c) when too few people lie behind it (fewer than 6 in education figures, fewer than 8 in health figures), ' +
  'and a share is also suppressed when the people inside it or outside it would be a suppressed count. Over nobody it is not applicable (symbol z). ' +
  'Shares are between 0 and 1. The number of people behind the figure is deliberately not given.';

/** A statistic or share as every subgraph publishes it; build it with {@link toProtectedStatistic}. */
@ObjectType('ProtectedStatistic', { description: STATISTIC_DESCRIPTION })
@Directive('@shareable')
export class ProtectedStatistic {
  @Field(() => Float, {
    nullable: true,
    description: 'The figure as published, unrounded; null when it is suppressed (c), not available (x) or not applicable (z). Never 0 in place of a suppressed figure.',
  })
  value: number | null;

  @Field(() => Boolean, {
    description: 'True when the figure is withheld because it is based on too few people (symbol c). Treat it as unknown, not as zero.',
  })
  suppressed: boolean;

  @Field(() => DisclosureSymbol, { nullable: true, description: 'Why value is null (c, x or z); null when value is published.' })
  symbol: DisclosureSymbol | null;

  @Field(() => Boolean, {
    description: 'True when value is computed from rounded counts (health shares use counts rounded to the nearest 5), so it is approximate.',
  })
  rounded: boolean;
}

const SYMBOLS: Readonly<Record<FigureSymbol, DisclosureSymbol>> = {
  c: DisclosureSymbol.CONFIDENTIAL,
  x: DisclosureSymbol.NOT_AVAILABLE,
  z: DisclosureSymbol.NOT_APPLICABLE,
};

/**
 * Catches a hand-built Figure that would publish a value beside a symbol, or a
 * suppressed figure as anything but c: the one mistake this package exists to prevent.
 */
function assertConsistent(figure: Figure): void {
  const consistent = figure.suppressed
    ? figure.symbol === 'c' && figure.value === null
    : figure.symbol === null
      ? figure.value !== null
      : figure.symbol !== 'c' && figure.value === null;
  if (!consistent) throw new TypeError(`inconsistent figure ${JSON.stringify(figure)}: a value and a symbol exclude each other`);
}

/**
 * A {@link Figure} from `protectCount`, `protectBreakdown` or `protectTable` as the
 * GraphQL `ProtectedCount`.
 *
 * @throws TypeError when the figure is inconsistent or its value is not a whole number.
 */
export function toProtectedCount(figure: Figure): ProtectedCount {
  assertConsistent(figure);
  if (figure.value !== null && !Number.isInteger(figure.value)) {
    throw new TypeError(`a ProtectedCount must be a whole number, got ${figure.value}; use toProtectedStatistic`);
  }
  return Object.assign(new ProtectedCount(), {
    value: figure.value,
    suppressed: figure.suppressed,
    symbol: figure.symbol === null ? null : SYMBOLS[figure.symbol],
    rounded: figure.rounded,
  });
}

/**
 * A {@link Figure} from `protectStatistic` or `protectRate` as the GraphQL
 * `ProtectedStatistic`.
 *
 * @throws TypeError when the figure is inconsistent.
 */
export function toProtectedStatistic(figure: Figure): ProtectedStatistic {
  assertConsistent(figure);
  return Object.assign(new ProtectedStatistic(), {
    value: figure.value,
    suppressed: figure.suppressed,
    symbol: figure.symbol === null ? null : SYMBOLS[figure.symbol],
    rounded: figure.rounded,
  });
}
