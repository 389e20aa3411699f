/**
 * Breakdowns and tables: figures that add up to published totals, so that hiding a
 * small count is not enough: it must also not be recoverable by subtraction.
 *
 * Both are modelled alike: a list of counts and a list of groups, each group some
 * member counts and the total they add up to (a breakdown has one group; a table has
 * one per row, one per column, and two more for the margins: the row totals add up to
 * the grand total, and so do the column totals).
 *
 * What "recoverable" means. For each group on its own, an analyst knows every shown
 * count exactly, or, when it is rounded, to within the rounding (and above the
 * suppression threshold); a withheld count is at least 1 (at least 0 when zeros are
 * withheld too) with no upper limit. Adding and subtracting these ranges along the
 * group bounds every withheld count; a withheld count is recoverable when its range
 * shrinks to a single number. With exact counts this catches a group with exactly one
 * withheld figure (total − shown cells), and also, for example, two withheld cells
 * that the total says add up to 2 (so both are 1). With NHS rounding it catches the
 * rare case where the ranges still pin a count: c, 10, 10 under a total of 15 can only
 * be 1 (the total is at most 17 and each 10 at least 8).
 *
 * What is not covered: reasoning across several rows and columns at once (solving the
 * table as a system of equations). That is the DfE's own standard of secondary
 * suppression, and what `recoverableCells` checks.
 */
import {
  assertCount,
  confidentialFigure,
  notAvailableFigure,
  protectCount,
  type Figure,
  type RuleInput,
} from './figure.js';
import { resolveRule, type DisclosureThresholds } from './rules.js';

/** Counts that add up to a total, all as indices into one list of counts. */
export interface SumGroup {
  members: readonly number[];
  total: number;
}

/** A breakdown after protection: each cell and the total. */
export interface ProtectedBreakdown {
  cells: Record<string, Figure>;
  /** `x` when no total was given. */
  total: Figure;
}

/** A two-way table after protection, with its row, column and grand totals. */
export interface ProtectedTable {
  /** Every row has every column; a cell missing from the input is a count of 0. */
  rows: Record<string, Record<string, Figure>>;
  rowTotals: Record<string, Figure>;
  columnTotals: Record<string, Figure>;
  grandTotal: Figure;
}

/** A withheld cell of a breakdown that could be worked out, and its value. `cell` null is the total. */
export interface RecoveredBreakdownCell {
  cell: string | null;
  value: number;
}

/**
 * A withheld cell of a table that could be worked out, and its value. `row` null is
 * the column totals, `column` null the row totals, both null the grand total.
 */
export interface RecoveredTableCell {
  row: string | null;
  column: string | null;
  value: number;
}

type Range = readonly [lo: number, hi: number];

/** What an analyst can know about the true count behind a published figure. */
function rangeOf(figure: Figure, thresholds: DisclosureThresholds): Range {
  if (figure.suppressed) return [thresholds.suppressZero ? 0 : 1, Infinity];
  if (figure.value === null) return [0, Infinity];
  if (!figure.rounded || thresholds.roundTo === null) return [figure.value, figure.value];
  const half = thresholds.roundTo / 2;
  // Anything at or below suppressUpTo would have been withheld, not rounded.
  return [Math.max(Math.ceil(figure.value - half), thresholds.suppressUpTo + 1), Math.ceil(figure.value + half) - 1];
}

/**
 * The withheld figures of one group that the group alone pins to a single value, as
 * [index, value] pairs.
 */
function pinnedInGroup(figures: readonly Figure[], group: SumGroup, thresholds: DisclosureThresholds): Array<[number, number]> {
  // A group without members still says its total is 0, but nothing on the platform
  // publishes an empty breakdown beside a withheld zero.
  if (group.members.length === 0) return [];
  const ranges = group.members.map((i) => rangeOf(figures[i], thresholds));
  const [totalLo, totalHi] = rangeOf(figures[group.total], thresholds);
  // Sums of upper limits are kept as a finite part plus a count of unbounded ones,
  // because Infinity − Infinity would be NaN when one member is taken out again.
  let sumLo = 0;
  let finiteHi = 0;
  let unbounded = 0;
  for (const [lo, hi] of ranges) {
    sumLo += lo;
    if (hi === Infinity) unbounded++;
    else finiteHi += hi;
  }
  const pinned: Array<[number, number]> = [];
  group.members.forEach((index, k) => {
    if (!figures[index].suppressed) return;
    const [lo, hi] = ranges[k];
    const othersUnbounded = unbounded - (hi === Infinity ? 1 : 0);
    const othersHi = othersUnbounded > 0 ? Infinity : finiteHi - (hi === Infinity ? 0 : hi);
    const othersLo = sumLo - lo;
    const low = Math.max(lo, totalLo - othersHi);
    const high = Math.min(hi, totalHi - othersLo);
    if (low === high) pinned.push([index, low]);
  });
  if (figures[group.total].suppressed) {
    const low = Math.max(totalLo, sumLo);
    const high = Math.min(totalHi, unbounded > 0 ? Infinity : finiteHi);
    if (low === high) pinned.push([group.total, low]);
  }
  return pinned;
}

/** Every withheld figure that some single group pins, with its value. */
export function pinnedFigures(
  figures: readonly Figure[],
  groups: readonly SumGroup[],
  rule: RuleInput,
): Map<number, number> {
  const thresholds = resolveRule(rule);
  const pinned = new Map<number, number>();
  for (const group of groups) {
    for (const [index, value] of pinnedInGroup(figures, group, thresholds)) pinned.set(index, value);
  }
  return pinned;
}

/**
 * Primary then secondary suppression over counts related by sum groups; the figures
 * to publish, in the same order as `counts`.
 *
 * Primary: every count the rule withholds on its own. Secondary: while some group pins
 * a withheld figure, withhold the smallest non-zero shown member of that group (the
 * least information lost; a zero reveals nobody and hiding it would not help, since a
 * withheld figure is known to be non-zero), or the group's total when every member is
 * already withheld or zero. A figure withheld for one group may leave another group
 * (its column, say) with a lone withheld figure, so the groups are swept again until a
 * sweep withholds nothing; figures are only ever added, so this ends.
 */
export function suppressGroups(counts: readonly number[], groups: readonly SumGroup[], rule: RuleInput): Figure[] {
  const thresholds = resolveRule(rule);
  const figures = counts.map((count) => protectCount(count, thresholds));
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      while (pinnedInGroup(figures, group, thresholds).length > 0) {
        figures[secondaryFor(figures, counts, group)] = confidentialFigure();
        changed = true;
      }
    }
  }
  return figures;
}

function secondaryFor(figures: readonly Figure[], counts: readonly number[], group: SumGroup): number {
  let choice = -1;
  for (const index of group.members) {
    if (figures[index].suppressed || counts[index] === 0) continue;
    if (choice === -1 || counts[index] < counts[choice]) choice = index;
  }
  if (choice !== -1) return choice;
  if (!figures[group.total].suppressed && counts[group.total] !== 0) return group.total;
  // A group can only pin a figure through a shown non-zero member or total, so this
  // is a bug rather than data that cannot be protected.
  throw new Error('disclosure: a group pins a withheld figure but has nothing left to withhold');
}

function valuesOf(record: Record<string, number>, what: string): number[] {
  return Object.entries(record).map(([key, count]) => {
    assertCount(count, `${what} ${JSON.stringify(key)}`);
    return count;
  });
}

/**
 * A breakdown of a count into categories (children by primary need, say), protected
 * as one: cells of 1–5 (DfE) or 1–7 (NHS) are withheld, and then, where the total
 * minus the shown cells would give a withheld cell away, the next smallest non-zero
 * cell too (or the total itself). A total small enough to withhold is withheld, and its
 * cells then must not add up to it either. Under NHS the cells and the total are
 * rounded to the nearest 5 each on its own, so rounded cells need not add up to the
 * rounded total; the rounding hides most subtractions, and further cells are withheld
 * only where the ranges still pin a withheld count.
 *
 * `total` null means no total is published (the result's total is `x`); then only the
 * cells' own sizes matter.
 *
 * @example
 * protectBreakdown({ K: 3, E: 10, N: 27 }, 40, 'DFE')
 * // K is c (3 is 1–5); E is c as well, or 40 − 27 − 10 would give K away; N 27, total 40.
 *
 * @throws RangeError when a count is not a whole number of at least 0, or when the
 * cells do not add up to the total: put children in no category in an explicit cell
 * ("Not recorded"), or the protection would reason about the wrong sum.
 */
export function protectBreakdown(cells: Record<string, number>, total: number | null, rule: RuleInput): ProtectedBreakdown {
  const thresholds = resolveRule(rule);
  const keys = Object.keys(cells);
  const values = valuesOf(cells, 'breakdown cell');
  if (total === null) {
    return {
      cells: Object.fromEntries(keys.map((key, i) => [key, protectCount(values[i], thresholds)])),
      total: notAvailableFigure(),
    };
  }
  assertCount(total, 'a breakdown total');
  const sum = values.reduce((a, b) => a + b, 0);
  if (sum !== total) {
    throw new RangeError(`breakdown cells add up to ${sum}, not to the total ${total}; add a cell for the rest`);
  }
  const figures = suppressGroups([...values, total], [breakdownGroup(keys.length)], thresholds);
  return {
    cells: Object.fromEntries(keys.map((key, i) => [key, figures[i]])),
    total: figures[keys.length],
  };
}

function breakdownGroup(size: number): SumGroup {
  return { members: Array.from({ length: size }, (_, i) => i), total: size };
}

/**
 * Where each figure of an R × C table sits in one flat list: the cells row by row,
 * then the R row totals, the C column totals and the grand total.
 */
function tableLayout(rowCount: number, columnCount: number) {
  const cell = (r: number, c: number) => r * columnCount + c;
  const rowTotal = (r: number) => rowCount * columnCount + r;
  const columnTotal = (c: number) => rowCount * columnCount + rowCount + c;
  const grandTotal = rowCount * columnCount + rowCount + columnCount;
  const rows = Array.from({ length: rowCount }, (_, r) => r);
  const columns = Array.from({ length: columnCount }, (_, c) => c);
  const groups: SumGroup[] = [
    ...rows.map((r) => ({ members: columns.map((c) => cell(r, c)), total: rowTotal(r) })),
    ...columns.map((c) => ({ members: rows.map((r) => cell(r, c)), total: columnTotal(c) })),
    { members: columns.map(columnTotal), total: grandTotal },
    { members: rows.map(rowTotal), total: grandTotal },
  ];
  return { cell, rowTotal, columnTotal, grandTotal, size: grandTotal + 1, groups };
}

/**
 * A two-way table of counts (children by locality and primary need, say) with row,
 * column and grand totals computed from it, protected as one: primary suppression of
 * each small count (totals included), then secondary suppression across rows and
 * columns to a fixed point.
 *
 * The heuristic, as the DfE applies it: any row or column (the margins included) that
 * gives a withheld figure away (with exact counts, one that has exactly one withheld
 * figure) has its smallest non-zero shown cell withheld too, or its total when there is
 * none; that can leave the crossing column or row with a lone withheld figure, so the
 * sweep repeats until nothing changes. It does not look for the fewest withheld cells
 * overall, and it does not defend against solving the whole table as a system of
 * equations. Under NHS every figure, totals included, is rounded on its own.
 *
 * A cell missing from a row is a count of 0, as a GROUP BY leaves it out; the columns
 * are every key of every row, in the order first seen.
 *
 * @throws RangeError when a count is not a whole number of at least 0.
 */
export function protectTable(rows: Record<string, Record<string, number>>, rule: RuleInput): ProtectedTable {
  const thresholds = resolveRule(rule);
  const rowKeys = Object.keys(rows);
  const columnKeys = [...new Set(rowKeys.flatMap((row) => Object.keys(rows[row])))];
  const layout = tableLayout(rowKeys.length, columnKeys.length);
  const counts = new Array<number>(layout.size).fill(0);
  rowKeys.forEach((row, r) => {
    columnKeys.forEach((column, c) => {
      const count = rows[row][column] ?? 0;
      assertCount(count, `table cell ${JSON.stringify(row)} × ${JSON.stringify(column)}`);
      counts[layout.cell(r, c)] = count;
      counts[layout.rowTotal(r)] += count;
      counts[layout.columnTotal(c)] += count;
      counts[layout.grandTotal] += count;
    });
  });
  const figures = suppressGroups(counts, layout.groups, thresholds);
  return {
    rows: Object.fromEntries(
      rowKeys.map((row, r) => [row, Object.fromEntries(columnKeys.map((column, c) => [column, figures[layout.cell(r, c)]]))]),
    ),
    rowTotals: Object.fromEntries(rowKeys.map((row, r) => [row, figures[layout.rowTotal(r)]])),
    columnTotals: Object.fromEntries(columnKeys.map((column, c) => [column, figures[layout.columnTotal(c)]])),
    grandTotal: figures[layout.grandTotal],
  };
}

/**
 * The withheld figures of a published table or breakdown that an analyst could work
 * out from a single row or column (or the breakdown's one sum) and its total, with the
 * values they would find. Empty for anything {@link protectTable} or
 * {@link protectBreakdown} returns; use it to audit figures protected elsewhere or by
 * hand. It sees only what is published, as an analyst would.
 */
export function recoverableCells(published: ProtectedTable, rule: RuleInput): RecoveredTableCell[];
export function recoverableCells(published: ProtectedBreakdown, rule: RuleInput): RecoveredBreakdownCell[];
export function recoverableCells(
  published: ProtectedTable | ProtectedBreakdown,
  rule: RuleInput,
): RecoveredTableCell[] | RecoveredBreakdownCell[] {
  if ('cells' in published) {
    const keys = Object.keys(published.cells);
    // An unpublished total relates nothing.
    if (published.total.symbol === 'x') return [];
    const figures = [...keys.map((key) => published.cells[key]), published.total];
    const pinned = pinnedFigures(figures, [breakdownGroup(keys.length)], rule);
    return [...pinned].map(([index, value]) => ({ cell: index === keys.length ? null : keys[index], value }));
  }
  const rowKeys = Object.keys(published.rows);
  const columnKeys = Object.keys(published.columnTotals);
  const layout = tableLayout(rowKeys.length, columnKeys.length);
  const figures: Figure[] = new Array<Figure>(layout.size);
  const addresses: Array<{ row: string | null; column: string | null }> = new Array(layout.size);
  rowKeys.forEach((row, r) => {
    columnKeys.forEach((column, c) => {
      figures[layout.cell(r, c)] = published.rows[row][column] ?? notAvailableFigure();
      addresses[layout.cell(r, c)] = { row, column };
    });
    figures[layout.rowTotal(r)] = published.rowTotals[row];
    addresses[layout.rowTotal(r)] = { row, column: null };
  });
  columnKeys.forEach((column, c) => {
    figures[layout.columnTotal(c)] = published.columnTotals[column];
    addresses[layout.columnTotal(c)] = { row: null, column };
  });
  figures[layout.grandTotal] = published.grandTotal;
  addresses[layout.grandTotal] = { row: null, column: null };
  return [...pinnedFigures(figures, layout.groups, rule)].map(([index, value]) => ({ ...addresses[index], value }));
}
