import { describe, expect, it } from 'vitest';
import {
  DISCLOSURE_RULES,
  protectBreakdown,
  protectCount,
  protectTable,
  recoverableCells,
  resolveRule,
  roundToNearest,
  type DisclosureRule,
  type DisclosureThresholds,
  type Figure,
  type ProtectedBreakdown,
  type ProtectedTable,
} from './index.js';
import { pinnedFigures } from './suppression.js';

const RULES: DisclosureRule[] = ['DFE', 'NHS'];

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every run sees the same tables. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mostly small counts, many of them in the sensitive range, some zeros. */
function smallCount(random: () => number, max = 40): number {
  const r = random();
  if (r < 0.25) return 0;
  if (r < 0.65) return 1 + Math.floor(random() * 8);
  return 9 + Math.floor(random() * (max - 8));
}

/**
 * Counts just either side of the NHS threshold, where rounding hides least: 1 beside
 * two 8s under a total of 17 (published c, 10, 10, 15) can only be 1.
 */
function edgeCount(random: () => number): number {
  const choices = [0, 1, 2, 8, 8, 8, 9];
  return choices[Math.floor(random() * choices.length)];
}

function suppressedKeys(record: Record<string, Figure>): string[] {
  return Object.keys(record).filter((key) => record[key].suppressed);
}

/** Every figure of a table with its true count, totals included. */
function tableFigures(table: ProtectedTable, rows: Record<string, Record<string, number>>): Array<[Figure, number]> {
  const rowKeys = Object.keys(table.rows);
  const columnKeys = Object.keys(table.columnTotals);
  const truth = (row: string, column: string) => rows[row][column] ?? 0;
  const out: Array<[Figure, number]> = [];
  for (const row of rowKeys) {
    for (const column of columnKeys) out.push([table.rows[row][column], truth(row, column)]);
    out.push([table.rowTotals[row], columnKeys.reduce((sum, column) => sum + truth(row, column), 0)]);
  }
  for (const column of columnKeys) out.push([table.columnTotals[column], rowKeys.reduce((sum, row) => sum + truth(row, column), 0)]);
  out.push([table.grandTotal, rowKeys.reduce((sum, row) => sum + columnKeys.reduce((s, column) => s + truth(row, column), 0), 0)]);
  return out;
}

/**
 * Primary protection and the never-0 promise: every small true count is withheld, a
 * withheld figure is exactly `c` with no value, and every shown figure is the true
 * count (DfE) or the true count rounded to 5 (NHS).
 */
function expectPrimaryProtection(pairs: Array<[Figure, number]>, rule: DisclosureRule): void {
  const { suppressUpTo, roundTo } = DISCLOSURE_RULES[rule];
  for (const [figure, count] of pairs) {
    if (figure.suppressed) {
      expect(figure).toEqual({ value: null, suppressed: true, symbol: 'c', rounded: false });
      continue;
    }
    expect(count === 0 || count > suppressUpTo, `${rule} shows a true count of ${count}`).toBe(true);
    expect(figure.value).toBe(roundTo === null ? count : roundToNearest(count, roundTo));
    expect(figure.value === null || (figure.value > 0 && figure.value <= suppressUpTo)).toBe(false);
  }
}

/**
 * The plain subtraction attack on exact (DfE) figures, written without the interval
 * reasoning of the package: a row, column or margin with exactly one withheld figure
 * gives it away as total − the shown figures.
 */
function loneSuppressions(table: ProtectedTable): string[] {
  const rowKeys = Object.keys(table.rows);
  const columnKeys = Object.keys(table.columnTotals);
  const lines: Array<[string, Figure[]]> = [
    ...rowKeys.map((row): [string, Figure[]] => [`row ${row}`, [...columnKeys.map((column) => table.rows[row][column]), table.rowTotals[row]]]),
    ...columnKeys.map((column): [string, Figure[]] => [`column ${column}`, [...rowKeys.map((row) => table.rows[row][column]), table.columnTotals[column]]]),
    ['column totals', [...columnKeys.map((column) => table.columnTotals[column]), table.grandTotal]],
    ['row totals', [...rowKeys.map((row) => table.rowTotals[row]), table.grandTotal]],
  ];
  return lines.filter(([, figures]) => figures.filter((f) => f.suppressed).length === 1).map(([name]) => name);
}

/**
 * Every true count consistent with a published breakdown, found by trying them all
 * (no interval arithmetic): the values each withheld figure could take. A figure
 * pinned to one value is recoverable.
 */
function bruteForcePins(figures: Figure[], thresholds: DisclosureThresholds, cap: number): Map<number, number> {
  const members = figures.slice(0, -1);
  const total = figures[figures.length - 1];
  // A shown figure could be any count that protectCount would have published as it;
  // a withheld one any count except 0 while zeros are published.
  const candidates = (figure: Figure): number[] => {
    const all = Array.from({ length: cap + 1 }, (_, n) => n);
    if (figure.suppressed) return all.filter((n) => n > 0 || thresholds.suppressZero);
    return all.filter((n) => {
      const published = protectCount(n, thresholds);
      return !published.suppressed && published.value === figure.value;
    });
  };
  const memberCandidates = members.map(candidates);
  const totalCandidates = new Set(candidates(total));
  const seen = figures.map(() => new Set<number>());
  const chosen: number[] = [];
  const walk = (k: number, sum: number) => {
    if (k === members.length) {
      if (!totalCandidates.has(sum)) return;
      chosen.forEach((value, i) => seen[i].add(value));
      seen[members.length].add(sum);
      return;
    }
    for (const value of memberCandidates[k]) {
      chosen[k] = value;
      walk(k + 1, sum + value);
    }
  };
  walk(0, 0);
  const pinned = new Map<number, number>();
  figures.forEach((figure, i) => {
    if (figure.suppressed && seen[i].size === 1) pinned.set(i, [...seen[i]][0]);
  });
  return pinned;
}

describe('protectBreakdown', () => {
  it('DfE: withholds the small cell and the next smallest, so the total cannot give it away', () => {
    const result = protectBreakdown({ K: 3, E: 10, N: 27 }, 40, 'DFE');
    expect(result.cells.K.suppressed).toBe(true);
    expect(result.cells.E.suppressed).toBe(true);
    expect(result.cells.N).toEqual({ value: 27, suppressed: false, symbol: null, rounded: false });
    expect(result.total.value).toBe(40);
    // 40 − 27 = 13 is K + E together: neither is known.
    expect(recoverableCells(result, 'DFE')).toEqual([]);
  });

  it('DfE: two withheld cells that the total says add up to 2 would both be 1, so a third is withheld', () => {
    const result = protectBreakdown({ A: 1, B: 1, C: 10, D: 30 }, 42, 'DFE');
    expect(suppressedKeys(result.cells)).toEqual(['A', 'B', 'C']);
    expect(recoverableCells(result, 'DFE')).toEqual([]);
  });

  it('leaves a breakdown alone when nothing is small', () => {
    const result = protectBreakdown({ A: 6, B: 0, C: 20 }, 26, 'DFE');
    expect(Object.values(result.cells).map((f) => f.value)).toEqual([6, 0, 20]);
    expect(result.total.value).toBe(26);
  });

  it('withholds a total that is itself small, and its cells with it', () => {
    const small = protectBreakdown({ A: 2, B: 1, C: 0 }, 3, 'DFE');
    expect(small.total.suppressed).toBe(true);
    expect(suppressedKeys(small.cells)).toEqual(['A', 'B']);
    expect(small.cells.C.value).toBe(0);
    expect(recoverableCells(small, 'DFE')).toEqual([]);

    const single = protectBreakdown({ A: 4, B: 0 }, 4, 'DFE');
    expect(single.total.suppressed).toBe(true);
    expect(single.cells.A.suppressed).toBe(true);
    expect(recoverableCells(single, 'DFE')).toEqual([]);

    const health = protectBreakdown({ A: 7, B: 0 }, 7, 'NHS');
    expect([health.total.suppressed, health.cells.A.suppressed, health.cells.B.value]).toEqual([true, true, 0]);
  });

  it('NHS: rounds cells and total each on its own, and they need not add up', () => {
    const result = protectBreakdown({ A: 13, B: 13, C: 14 }, 40, 'NHS');
    expect(Object.values(result.cells).map((f) => f.value)).toEqual([15, 15, 15]);
    expect(result.total).toEqual({ value: 40, suppressed: false, symbol: null, rounded: true });
  });

  it('NHS: rounding hides the usual subtraction, so the DfE example needs no second cell', () => {
    const result = protectBreakdown({ K: 3, E: 10, N: 27 }, 40, 'NHS');
    expect(suppressedKeys(result.cells)).toEqual(['K']);
    expect([result.cells.E.value, result.cells.N.value, result.total.value]).toEqual([10, 25, 40]);
    // 40 − 10 − 25 = 5, but the total may be 38 to 42 and the cells 8 to 12 and 23 to 27: K is anything from 1 to 11.
    expect(recoverableCells(result, 'NHS')).toEqual([]);
  });

  it('NHS: withholds a second cell where the rounding still pins a withheld one', () => {
    // Published as c, 10, 10, total 15: the total is at most 17 and each 10 at least 8, so K could only be 1.
    const pinned = { cells: { K: protectCount(1, 'NHS'), E: protectCount(8, 'NHS'), N: protectCount(8, 'NHS') }, total: protectCount(17, 'NHS') };
    expect(recoverableCells(pinned, 'NHS')).toEqual([{ cell: 'K', value: 1 }]);

    const result = protectBreakdown({ K: 1, E: 8, N: 8 }, 17, 'NHS');
    expect(suppressedKeys(result.cells)).toEqual(['K', 'E']);
    expect(recoverableCells(result, 'NHS')).toEqual([]);
  });

  it('publishes no total when none is given, and then needs no secondary suppression', () => {
    const result = protectBreakdown({ K: 3, E: 10, N: 27 }, null, 'DFE');
    expect(suppressedKeys(result.cells)).toEqual(['K']);
    expect(result.total).toEqual({ value: null, suppressed: false, symbol: 'x', rounded: false });
    expect(recoverableCells(result, 'DFE')).toEqual([]);
  });

  it('with zeros sensitive, hides zeros and does not let the total say they are zero', () => {
    const zeros: DisclosureThresholds = { ...DISCLOSURE_RULES.DFE, name: 'DFE with zeros', suppressZero: true };
    const result = protectBreakdown({ A: 0, B: 0, C: 10 }, 10, zeros);
    expect(suppressedKeys(result.cells)).toEqual(['A', 'B', 'C']);
    expect(recoverableCells(result, zeros)).toEqual([]);
  });

  it('refuses cells that do not add up to the total', () => {
    expect(() => protectBreakdown({ A: 10, B: 10 }, 25, 'DFE')).toThrow(/add up to 20, not to the total 25/);
    expect(() => protectBreakdown({ A: -1 }, null, 'DFE')).toThrow(RangeError);
  });

  for (const rule of RULES) {
    it(`${rule}: 500 random breakdowns: no small count shown, nothing recoverable even by trying every possibility`, () => {
      const random = seeded(rule === 'DFE' ? 20260101 : 20260102);
      const thresholds = resolveRule(rule);
      for (let i = 0; i < 500; i++) {
        const size = 1 + Math.floor(random() * 3);
        const cells = Object.fromEntries(Array.from({ length: size }, (_, k) => [`cell${k}`, smallCount(random, 14)]));
        const values = Object.values(cells);
        const total = values.reduce((a, b) => a + b, 0);
        const result = protectBreakdown(cells, total, rule);
        const figures = [...Object.values(result.cells), result.total];
        expectPrimaryProtection(figures.map((figure, k) => [figure, k < size ? values[k] : total]), rule);
        expect(recoverableCells(result, rule), JSON.stringify(cells)).toEqual([]);
        expect([...bruteForcePins(figures, thresholds, 50)], JSON.stringify(cells)).toEqual([]);
      }
    });
  }
});

describe('recoverableCells agrees with trying every possibility', () => {
  for (const rule of RULES) {
    it(`${rule}: on 400 random publications, safe or not`, () => {
      const random = seeded(rule === 'DFE' ? 7 : 8);
      const thresholds = resolveRule(rule);
      let pinnedSeen = 0;
      for (let i = 0; i < 400; i++) {
        const size = 1 + Math.floor(random() * (rule === 'NHS' ? 4 : 3));
        const values = Array.from({ length: size }, () => (rule === 'NHS' ? edgeCount(random) : smallCount(random, 14)));
        const counts = [...values, values.reduce((a, b) => a + b, 0)];
        // Primary suppression only, plus withheld non-zero figures at random: often unsafe.
        const figures = counts.map((count) => (count > 0 && random() < (rule === 'NHS' ? 0.1 : 0.25) ? protectCount(1, rule) : protectCount(count, rule)));
        const published: ProtectedBreakdown = {
          cells: Object.fromEntries(figures.slice(0, -1).map((figure, k) => [`cell${k}`, figure])),
          total: figures[size],
        };
        const expected = [...bruteForcePins(figures, thresholds, 50)].map(([index, value]) => ({
          cell: index === size ? null : `cell${index}`,
          value,
        }));
        const sortKey = (r: { cell: string | null }) => r.cell ?? '~';
        const actual = recoverableCells(published, rule);
        expect([...actual].sort((a, b) => sortKey(a).localeCompare(sortKey(b))), JSON.stringify(counts)).toEqual(
          expected.sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
        );
        pinnedSeen += expected.length;
      }
      // The comparison means something only if unsafe publications came up.
      expect(pinnedSeen).toBeGreaterThan(rule === 'NHS' ? 5 : 20);
    });
  }

  it('pinnedFigures reports nothing for a fully shown group', () => {
    const figures = [6, 7, 13].map((n) => protectCount(n, 'DFE'));
    expect(pinnedFigures(figures, [{ members: [0, 1], total: 2 }], 'DFE').size).toBe(0);
  });
});

describe('protectTable', () => {
  it('computes the totals and protects a table with nothing small as it is', () => {
    const table = protectTable({ North: { SEMH: 12, ASD: 20 }, South: { SEMH: 9, ASD: 0 } }, 'DFE');
    expect(table.rows.North.SEMH.value).toBe(12);
    expect(table.rows.South.ASD.value).toBe(0);
    expect(table.rowTotals.South.value).toBe(9);
    expect(table.columnTotals.ASD.value).toBe(20);
    expect(table.grandTotal.value).toBe(41);
  });

  it('treats a cell missing from a row as 0', () => {
    const table = protectTable({ North: { SEMH: 12 }, South: { ASD: 20 } }, 'DFE');
    expect(table.rows.North.ASD.value).toBe(0);
    expect(Object.keys(table.columnTotals)).toEqual(['SEMH', 'ASD']);
  });

  it('suppresses across rows and columns, sweeping again when a later choice breaks an earlier row', () => {
    const rows = {
      A: { X: 3, Y: 10, Z: 20 },
      B: { X: 12, Y: 40, Z: 30 },
      C: { X: 14, Y: 15, Z: 25 },
    };
    const table = protectTable(rows, 'DFE');
    const withheld = Object.keys(rows).flatMap((row) => suppressedKeys(table.rows[row]).map((column) => `${row}${column}`));
    // Sweep 1: row A hides AY beside AX; column X hides BX and column Y hides CY, which
    // leaves rows B and C, already passed, with one withheld cell each.
    // Sweep 2: row B hides BZ, row C hides CX; column Z now has BZ alone and hides AZ.
    // Sweep 3 changes nothing.
    expect(withheld.sort()).toEqual(['AX', 'AY', 'AZ', 'BX', 'BZ', 'CX', 'CY']);
    expect(Object.values(table.rowTotals).every((f) => !f.suppressed)).toBe(true);
    expect(recoverableCells(table, 'DFE')).toEqual([]);
    expect(loneSuppressions(table)).toEqual([]);
  });

  it('withholds a row total that is small, and then a second row total so the grand total cannot give it away', () => {
    const rows = { A: { X: 2, Y: 1 }, B: { X: 10, Y: 20 }, C: { X: 30, Y: 40 } };
    const table = protectTable(rows, 'DFE');
    expect(table.rowTotals.A.suppressed).toBe(true);
    expect(table.rowTotals.B.suppressed).toBe(true);
    expect(recoverableCells(table, 'DFE')).toEqual([]);
    expect(loneSuppressions(table)).toEqual([]);
    expectPrimaryProtection(tableFigures(table, rows), 'DFE');
  });

  it('reports what a careless publication would give away', () => {
    const careless: ProtectedTable = {
      rows: { A: { X: protectCount(3, 'DFE'), Y: protectCount(10, 'DFE') } },
      rowTotals: { A: protectCount(13, 'DFE') },
      columnTotals: { X: protectCount(3, 'DFE'), Y: protectCount(10, 'DFE') },
      grandTotal: protectCount(13, 'DFE'),
    };
    expect(recoverableCells(careless, 'DFE')).toEqual([
      { row: 'A', column: 'X', value: 3 },
      { row: null, column: 'X', value: 3 },
    ]);
  });

  for (const rule of RULES) {
    it(`${rule}: 500 random small tables: no small count shown, never 0 for c, nothing recoverable from one row or column`, () => {
      const random = seeded(rule === 'DFE' ? 1 : 2);
      let secondary = 0;
      for (let i = 0; i < 500; i++) {
        // Under NHS rounding hides most subtractions; half the tables sit at the threshold so that some do not.
        const count = rule === 'NHS' && i % 2 === 1 ? () => edgeCount(random) : () => smallCount(random);
        const rowCount = 1 + Math.floor(random() * 4);
        const columnCount = 1 + Math.floor(random() * 4);
        const rows = Object.fromEntries(
          Array.from({ length: rowCount }, (_, r) => [
            `r${r}`,
            Object.fromEntries(Array.from({ length: columnCount }, (_, c) => [`c${c}`, count()])),
          ]),
        );
        const table = protectTable(rows, rule);
        const pairs = tableFigures(table, rows);
        expectPrimaryProtection(pairs, rule);
        expect(recoverableCells(table, rule), JSON.stringify(rows)).toEqual([]);
        if (rule === 'DFE') expect(loneSuppressions(table), JSON.stringify(rows)).toEqual([]);
        secondary += pairs.filter(([figure, count]) => figure.suppressed && count > DISCLOSURE_RULES[rule].suppressUpTo).length;
      }
      // The random tables must actually exercise secondary suppression.
      expect(secondary).toBeGreaterThan(rule === 'DFE' ? 100 : 20);
    });
  }
});
