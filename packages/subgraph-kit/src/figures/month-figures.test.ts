import 'reflect-metadata';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { startThrowawayDatabase, type SubgraphDatabase, type ThrowawayDatabase } from '@local-area-graph/database';
import { monthsBetween, todayInEngland } from '@local-area-graph/identifiers';
import { LoaderRegistry } from '../loaders.js';
import { lastDayOf } from '@local-area-graph/identifiers';
import { MonthFigures1765200000000, monthFigureTriggersSql, monthFiguresLoader, zeroFilled, type MonthFigureAsk, type MonthFigureSource } from './month-figures.js';

/*
 * A toy family on real PostgreSQL: events of a kind in an area. At each month end,
 * `soFar` counts the events that happened by then (so a row changes every month from
 * its own on, as a wait does), `inMonth` those of the month within the range asked.
 * Every computation takes a number from a sequence, so the tests count them.
 */
class ProbeEvents1799000000000 implements MigrationInterface {
  name = 'ProbeEvents1799000000000';
  async up(db: QueryRunner) {
    await db.query(`
      CREATE TABLE probe_event (id int PRIMARY KEY, area text NOT NULL, kind text NOT NULL, happened_on date, settled boolean NOT NULL DEFAULT true);
      CREATE TABLE probe_kind (code text PRIMARY KEY);
      CREATE SEQUENCE probe_computes;
      ${monthFigureTriggersSql({ family: 'probe-events', table: 'probe_event', monthColumns: ['happened_on'] })}
      ${monthFigureTriggersSql({ family: 'probe-events', table: 'probe_kind', monthColumns: [] })}
      ${monthFigureTriggersSql({ family: 'probe-partial', table: 'probe_event', monthColumns: ['happened_on'] })}
    `);
  }
  async down() {}
}

let sleep = 0;
interface Probe {
  soFar: number;
  inMonth: number;
}
const probe: MonthFigureSource<Probe> = {
  family: 'probe-events',
  zero: { soFar: 0, inMonth: 0 },
  sql: `WITH calls AS MATERIALIZED (SELECT nextval('probe_computes'), pg_sleep(($1::jsonb->>'sleep')::float)),
             asks AS (SELECT * FROM jsonb_to_recordset($1::jsonb->'asks') AS a(variant text, key text)),
             months AS (SELECT d::date AS start, (d + interval '1 month - 1 day')::date AS last
                          FROM generate_series(date_trunc('month', ($1::jsonb->>'from')::date), date_trunc('month', ($1::jsonb->>'to')::date), interval '1 month') AS d)
        SELECT a.variant, a.key AS scope_key, to_char(m.start, 'YYYY-MM') AS month,
               jsonb_build_object('soFar', count(*), 'inMonth', count(*) FILTER (WHERE e.happened_on BETWEEN GREATEST(m.start, ($1::jsonb->>'from')::date) AND LEAST(m.last, ($1::jsonb->>'to')::date))) AS figures,
               bool_and(e.settled OR e.happened_on < m.start) AS final
          FROM months m CROSS JOIN calls
          JOIN probe_event e ON e.happened_on <= m.last
          JOIN asks a ON a.key = e.area AND a.variant IN ('*', e.kind)
         GROUP BY 1, 2, 3`,
  args: (asks, from, to) => ({ asks, from, to, sleep }),
};
const partial: MonthFigureSource<Probe> = { ...probe, family: 'probe-partial', partialMonths: true };

/** The month `n` months before the one we are in, "YYYY-MM". */
function ago(n: number): string {
  const today = todayInEngland();
  const m = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - n;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}
const dayOf = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}`;

let throwaway: ThrowawayDatabase;
let database: SubgraphDatabase;
const db = () => database.dataSource;
beforeAll(async () => {
  throwaway = await startThrowawayDatabase('figures', { entities: [], migrations: [MonthFigures1765200000000, ProbeEvents1799000000000] });
  database = throwaway.database;
}, 60_000);
afterAll(async () => {
  await throwaway?.stop();
});

let nextId = 0;
async function event(area: string, kind: string, happenedOn: string | null, settled = true): Promise<number> {
  nextId += 1;
  await db().query('INSERT INTO probe_event (id, area, kind, happened_on, settled) VALUES ($1, $2, $3, $4, $5)', [nextId, area, kind, happenedOn, settled]);
  return nextId;
}
const NORTH: MonthFigureAsk = { variant: '*', key: 'north' };
const SOUTH_A: MonthFigureAsk = { variant: 'a', key: 'south' };
/** A request's loader (a new registry: nothing cached from an earlier request). */
const load = (ask: MonthFigureAsk, from: string, to: string, source = probe) => monthFiguresLoader({ db: db(), loaders: new LoaderRegistry(db()) }, source, from, to).load(ask);
const computations = async () => Number((await db().query('SELECT last_value FROM probe_computes'))[0].last_value);
const storedMonths = async (family = 'probe-events') =>
  (await db().query(`SELECT DISTINCT month FROM month_figure WHERE family = $1 ORDER BY month`, [family])).map((r: { month: string }) => r.month);
const soFar = (months: { soFar: number }[]) => months.map((m) => m.soFar);
/** Stored months m(6) to m(1) of both asks, filled. */
const fillSixMonths = async () => {
  await load(NORTH, `${ago(6)}-01`, lastDayOf(ago(1)));
  await load(SOUTH_A, `${ago(6)}-01`, lastDayOf(ago(1)));
};

beforeEach(async () => {
  sleep = 0;
  await db().query('TRUNCATE probe_event, probe_kind');
  expect(await storedMonths()).toEqual([]);
  await event('north', 'a', dayOf(ago(5), 10));
  await event('north', 'b', dayOf(ago(3), 3));
  await event('south', 'b', dayOf(ago(4), 20)); // not of kind a: south/a has nothing, every month a zero
});

describe('month figures, stored', () => {
  it('stores every complete month asked for, zeros included, and never the current month', async () => {
    const loaders = new LoaderRegistry(db());
    const before = database.statements.count;
    const [north, south] = await Promise.all([NORTH, SOUTH_A].map((ask) => monthFiguresLoader({ db: db(), loaders }, probe, `${ago(6)}-01`, todayInEngland()).load(ask)));
    expect(north!.map((m) => m.month)).toEqual(monthsBetween(`${ago(6)}-01`, todayInEngland()));
    expect(soFar(north!)).toEqual([0, 1, 1, 2, 2, 2, 2]);
    expect(north![5]).toEqual({ month: ago(1), soFar: 2, inMonth: 0 });
    expect(south!.every((m) => m.soFar === 0 && m.inMonth === 0)).toBe(true);
    // One batch: the stored months read, the current month computed live, the missing months filled.
    expect(database.statements.count - before).toBe(3);
    const rows = await db().query(`SELECT variant, scope_key, month, figures FROM month_figure WHERE family = 'probe-events' ORDER BY 1, 2, 3`);
    expect(rows).toHaveLength(12);
    expect(rows.map((r: { month: string }) => r.month)).not.toContain(ago(0));
    expect(rows.filter((r: { scope_key: string }) => r.scope_key === 'south').map((r: { figures: Probe }) => r.figures)).toEqual(Array(6).fill({ soFar: 0, inMonth: 0 }));
  });

  it('reads stored months back in one statement for every variant and key of a batch, computing nothing', async () => {
    await fillSixMonths();
    const computed = await computations();
    // A stored figure changed behind the store's back is what comes back: it is read, not computed.
    await db().query(`UPDATE month_figure SET figures = '{"soFar": 99, "inMonth": 0}' WHERE family = 'probe-events' AND scope_key = 'north' AND month = $1`, [ago(4)]);
    const loaders = new LoaderRegistry(db());
    const before = database.statements.count;
    const [north, south] = await Promise.all([NORTH, SOUTH_A].map((ask) => monthFiguresLoader({ db: db(), loaders }, probe, `${ago(6)}-01`, lastDayOf(ago(1))).load(ask)));
    expect(database.statements.count - before).toBe(1);
    expect(await computations()).toBe(computed);
    expect(soFar(north!)).toEqual([0, 1, 99, 2, 2, 2]);
    expect(soFar(south!)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('a write made with SQL deletes exactly the stored months from its month on, old or new version, whichever is earlier', async () => {
    await fillSixMonths();
    const complete = monthsBetween(`${ago(6)}-01`, lastDayOf(ago(1)));
    const from = (n: number) => complete.filter((month) => month < ago(n));

    // Another area, another kind: every variant and key of the family from its month on.
    const id = await event('east', 'c', dayOf(ago(3), 28));
    expect(await storedMonths()).toEqual(from(3));
    expect(soFar(await load(NORTH, `${ago(6)}-01`, lastDayOf(ago(1))))).toEqual([0, 1, 1, 2, 2, 2]);

    await fillSixMonths();
    await db().query('UPDATE probe_event SET happened_on = $2 WHERE id = $1', [id, dayOf(ago(5), 1)]); // moved earlier: from the new month
    expect(await storedMonths()).toEqual(from(5));
    await fillSixMonths();
    await db().query('UPDATE probe_event SET happened_on = $2 WHERE id = $1', [id, dayOf(ago(2), 1)]); // moved later: from the old month
    expect(await storedMonths()).toEqual(from(5));
    await fillSixMonths();
    await db().query('DELETE FROM probe_event WHERE id = $1', [id]);
    expect(await storedMonths()).toEqual(from(2));

    // A statement that writes no row deletes nothing.
    await fillSixMonths();
    await db().query(`UPDATE probe_event SET kind = 'z' WHERE false`);
    await db().query(`INSERT INTO probe_kind SELECT 'z' WHERE false`);
    expect(await storedMonths()).toEqual(complete);

    // The figures are those of the rows as they now are.
    await db().query(`UPDATE probe_event SET happened_on = $1 WHERE area = 'north' AND kind = 'b'`, [dayOf(ago(1), 9)]);
    expect(soFar(await load(NORTH, `${ago(6)}-01`, lastDayOf(ago(1))))).toEqual([0, 1, 1, 1, 1, 2]);
  });

  it('a row without a date, a write to a lookup table and TRUNCATE delete every month; other families keep theirs', async () => {
    await db().query(`INSERT INTO month_figure (family, definition, variant, scope_key, month, figures) VALUES ('other', 'd', '*', 'north', $1, '{}')`, [ago(3)]);
    const fillBoth = async () => {
      await fillSixMonths();
      await load(NORTH, `${ago(6)}-01`, lastDayOf(ago(1)), partial);
      expect(await storedMonths('probe-partial')).toHaveLength(6);
    };
    await fillBoth();
    await event('north', 'a', null);
    expect([await storedMonths(), await storedMonths('probe-partial')]).toEqual([[], []]);
    await fillBoth();
    await db().query(`INSERT INTO probe_kind VALUES ('a')`); // feeds probe-events only
    expect([await storedMonths(), (await storedMonths('probe-partial')).length]).toEqual([[], 6]);
    await fillBoth();
    await db().query('TRUNCATE probe_event');
    expect([await storedMonths(), await storedMonths('probe-partial')]).toEqual([[], []]);
    expect(await storedMonths('other')).toEqual([ago(3)]);
  });

  it('never answers from rows stored by an earlier definition of the figures, and the next fill deletes them', async () => {
    await fillSixMonths();
    const tenfold: MonthFigureSource<Probe> = { ...probe, sql: probe.sql.replace("'soFar', count(*)", "'soFar', 10 * count(*)") };
    expect(soFar(await load(NORTH, `${ago(6)}-01`, lastDayOf(ago(1)), tenfold))).toEqual([0, 10, 10, 20, 20, 20]);
    const definitions = await db().query(`SELECT DISTINCT definition FROM month_figure WHERE family = 'probe-events'`);
    expect(definitions).toHaveLength(1);
    expect(soFar(await load(NORTH, `${ago(6)}-01`, lastDayOf(ago(1))))).toEqual([0, 1, 1, 2, 2, 2]);
  });

  it('a write in progress holds a fill back until it commits, and the fill then counts it', async () => {
    const writer = db().createQueryRunner();
    await writer.connect();
    try {
      await writer.startTransaction();
      await writer.query(`INSERT INTO probe_event (id, area, kind, happened_on) VALUES (9001, 'north', 'a', $1)`, [dayOf(ago(4), 2)]);
      let settled = false;
      const filling = load(NORTH, `${ago(6)}-01`, lastDayOf(ago(1))).finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(settled).toBe(false);
      await writer.commitTransaction();
      expect(soFar(await filling)).toEqual([0, 1, 2, 3, 3, 3]);
      expect(soFar(await load(NORTH, `${ago(6)}-01`, lastDayOf(ago(1))))).toEqual([0, 1, 2, 3, 3, 3]);
    } finally {
      if (writer.isTransactionActive) await writer.rollbackTransaction();
      await writer.release();
    }
  });

  it('a write during a fill waits for it, then deletes what the fill stored from its month on', async () => {
    sleep = 1;
    const filling = load(NORTH, `${ago(6)}-01`, lastDayOf(ago(1)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    let filled = false;
    void filling.then(() => (filled = true));
    await event('north', 'a', dayOf(ago(4), 2)); // its trigger waits for the fill's lock
    expect(filled).toBe(true);
    // The fill's snapshot was taken before the write: its answer and what it stored do not count it...
    expect(soFar(await filling)).toEqual([0, 1, 1, 2, 2, 2]);
    // ...so the write deleted what it stored from the write's month on.
    expect(await storedMonths()).toEqual([ago(6), ago(5)]);
    sleep = 0;
    expect(soFar(await load(NORTH, `${ago(6)}-01`, lastDayOf(ago(1))))).toEqual([0, 1, 2, 3, 3, 3]);
  });

  it('two fills at once compute once: the second finds the months stored when it gets the lock', async () => {
    sleep = 0.5;
    const computed = await computations();
    const [a, b] = await Promise.all([load(NORTH, `${ago(6)}-01`, lastDayOf(ago(1))), load(NORTH, `${ago(6)}-01`, lastDayOf(ago(1)))]);
    expect(await computations()).toBe(computed + 1);
    expect(a).toEqual(b);
  });

  it('answers figures that may still change with nothing written, but does not store them', async () => {
    await event('north', 'a', dayOf(ago(2), 5), false);
    expect(soFar(await load(NORTH, `${ago(6)}-01`, lastDayOf(ago(1))))).toEqual([0, 1, 1, 2, 3, 3]);
    expect(await storedMonths()).toEqual([ago(6), ago(5), ago(4), ago(3), ago(1)]);
  });

  it('stores only the months a range covers whole when its figures depend on the days covered', async () => {
    await event('north', 'a', dayOf(ago(5), 20));
    const months = await load(NORTH, dayOf(ago(5), 15), dayOf(ago(2), 10), partial);
    expect(months.map((m) => [m.month, m.soFar, m.inMonth])).toEqual([
      [ago(5), 2, 1], // only the event from the 15th on
      [ago(4), 2, 0],
      [ago(3), 3, 1],
      [ago(2), 3, 0],
    ]);
    expect(await storedMonths('probe-partial')).toEqual([ago(4), ago(3)]);
    // The whole month is stored apart from the part, and is read back as itself.
    expect((await load(NORTH, `${ago(5)}-01`, lastDayOf(ago(5)), partial))[0]).toEqual({ month: ago(5), soFar: 2, inMonth: 2 });
  });
});

describe('zeroFilled', () => {
  it('gives every month of every key, in order, a month without a row its zero', () => {
    const rows = [
      { key: 'b', month: '2026-02', n: 3 },
      { key: 'a', month: '2026-01', n: 1 },
    ];
    expect(zeroFilled(['a', 'b'], ['2026-01', '2026-02'], rows, { n: 0 }, (row) => ({ n: row.n }))).toEqual([
      [
        { month: '2026-01', n: 1 },
        { month: '2026-02', n: 0 },
      ],
      [
        { month: '2026-01', n: 0 },
        { month: '2026-02', n: 3 },
      ],
    ]);
  });
});
