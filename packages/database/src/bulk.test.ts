import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Column, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import type { RunningPostgres } from './embedded.js';
import { openSubgraphDatabase, type SubgraphDatabase } from './data-source.js';
import { startThrowawayDatabase, type ThrowawayDatabase } from './throwaway.js';
import { bulkInsert, copyValue } from './bulk.js';
import { queryPrepared } from './prepared.js';

@Entity('probe_row')
class ProbeRow {
  @PrimaryColumn('int') id: number;
  @Column('text', { nullable: true }) note: string | null;
  @Column('text', { array: true }) codes: string[];
  @Column('date') seenOn: string;
  @Column('timestamptz', { nullable: true }) seenAt: Date | null;
  @Column('boolean') flagged: boolean;
  @Column('jsonb', { nullable: true }) extra: object | null;
  @Column('int', { default: 7 }) version: number;
}

class ProbeTable1700000000000 implements MigrationInterface {
  name = 'ProbeTable1700000000000';
  async up(db: QueryRunner) {
    await db.query(`CREATE TABLE probe_row (id int PRIMARY KEY, note text, codes text[] NOT NULL, seen_on date NOT NULL,
      seen_at timestamptz, flagged boolean NOT NULL, extra jsonb, version int NOT NULL DEFAULT 7)`);
  }
  async down(db: QueryRunner) {
    await db.query('DROP TABLE probe_row');
  }
}

let throwaway: ThrowawayDatabase;
let postgres: RunningPostgres;
let database: SubgraphDatabase;
beforeAll(async () => {
  throwaway = await startThrowawayDatabase('bulk', { entities: [ProbeRow], migrations: [ProbeTable1700000000000] });
  ({ postgres, database } = throwaway);
}, 60_000);
afterAll(async () => {
  await throwaway?.stop();
});

describe('bulkInsert (COPY FROM STDIN)', () => {
  it('round-trips awkward text, arrays, dates, booleans, JSON and NULLs, and leaves omitted columns to their default', async () => {
    const awkward = 'tab\there, new\nline, back\\slash, "quotes", {braces}, comma, \r and \\N';
    await database.dataSource.transaction((manager) =>
      bulkInsert(manager, ProbeRow, [
        { id: 1, note: awkward, codes: ['PD', 'a "b"', 'c,d', 'e\\f', '{g}'], seenOn: '2026-01-31', seenAt: new Date('2026-02-01T09:30:00Z'), flagged: true, extra: { k: 'v\tw' } },
        { id: 2, note: null, codes: [], seenOn: '2024-02-29', seenAt: null, flagged: false, extra: null },
      ]),
    );
    const rows = await database.dataSource.query('SELECT id, note, codes, seen_on::text AS seen_on, seen_at, flagged, extra, version FROM probe_row ORDER BY id');
    expect(rows).toEqual([
      { id: 1, note: awkward, codes: ['PD', 'a "b"', 'c,d', 'e\\f', '{g}'], seen_on: '2026-01-31', seen_at: new Date('2026-02-01T09:30:00Z'), flagged: true, extra: { k: 'v\tw' }, version: 7 },
      { id: 2, note: null, codes: [], seen_on: '2024-02-29', seen_at: null, flagged: false, extra: null, version: 7 },
    ]);
  });

  it('is part of the transaction: a failure leaves nothing behind', async () => {
    await expect(
      database.dataSource.transaction(async (manager) => {
        await bulkInsert(manager, ProbeRow, [{ id: 10, codes: [], seenOn: '2026-01-01', flagged: false }]);
        await bulkInsert(manager, ProbeRow, [{ id: 10, codes: [], seenOn: '2026-01-01', flagged: false }]); // duplicate key
      }),
    ).rejects.toThrow(/duplicate key/);
    const [{ count }] = await database.dataSource.query('SELECT count(*)::int AS count FROM probe_row WHERE id = 10');
    expect(count).toBe(0);
  });

  it('loads a hundred thousand rows in one statement', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ id: 1000 + i, codes: ['X'], seenOn: '2025-09-01', flagged: i % 2 === 0 }));
    const before = database.statements.count;
    await database.dataSource.transaction((manager) => bulkInsert(manager, ProbeRow, rows));
    expect(database.statements.count - before).toBeLessThanOrEqual(3); // BEGIN, COPY, COMMIT
    const [{ count }] = await database.dataSource.query('SELECT count(*)::int AS count FROM probe_row WHERE id >= 1000');
    expect(count).toBe(100_000);
  });

  it('formats values as COPY text expects', () => {
    expect(copyValue(null)).toBe('\\N');
    expect(copyValue(true)).toBe('t');
    expect(copyValue(['a', null])).toBe('{"a",NULL}');
    expect(copyValue('a\tb')).toBe('a\\tb');
  });
});

describe('queryPrepared (statements sent on every request)', () => {
  it('answers like query, is counted, is parsed once per connection and planned once, and its pool closes with the data source', async () => {
    const backends = async () =>
      Number((await database.dataSource.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = 'bulk' AND application_name = 'local-area-graph'`))[0].n);
    const open = await backends();
    // One connection per pool, so that the session that prepared the statement is the one asked.
    const single = await openSubgraphDatabase({ url: postgres.urlFor('bulk'), entities: [ProbeRow], migrations: [], poolSize: 1 });
    try {
      const text = 'SELECT id, codes, seen_on FROM probe_row WHERE id = ANY($1) ORDER BY id';
      const before = single.statements.count;
      const rows = await queryPrepared(single.dataSource, text, [[1, 2]]);
      expect(rows).toEqual(await single.dataSource.query(text, [[1, 2]]));
      expect(rows.length).toBeGreaterThan(0);
      await queryPrepared(single.dataSource, text, [[2]]);
      await queryPrepared(single.dataSource, text, [[1]]);
      expect(single.statements.count - before).toBe(4);
      const prepared = await queryPrepared<{ statement: string; generic_plans: string; custom_plans: string }>(
        single.dataSource,
        'SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements',
        [],
      );
      const mine = prepared.filter((row) => row.statement === text);
      expect(mine).toHaveLength(1);
      // One generic plan reused, never a plan per execution (see queryPrepared).
      expect(Number(mine[0]!.custom_plans)).toBe(0);
      expect(Number(mine[0]!.generic_plans)).toBe(3);
      // Only these statements: everything else keeps PostgreSQL's own choice.
      expect(await queryPrepared(single.dataSource, 'SHOW plan_cache_mode', [])).toEqual([{ plan_cache_mode: 'force_generic_plan' }]);
      expect(await single.dataSource.query('SHOW plan_cache_mode')).toEqual([{ plan_cache_mode: 'auto' }]);
      expect(await backends()).toBe(open + 2);
    } finally {
      await single.dataSource.destroy();
    }
    // A backend leaves pg_stat_activity a moment after its client hangs up.
    await expect.poll(backends, { timeout: 5_000 }).toBe(open);
  });
});
