import { createHash } from 'node:crypto';
import DataLoader from 'dataloader';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { lastDayOf, monthsBetween, todayInEngland } from '@local-area-graph/identifiers';
import type { LoaderRegistry } from '../loaders.js';

/*
 * Month figures, stored. A figure for a complete month (waits at its month end,
 * requests received in it) is a pure function of the source rows and the month, so
 * once computed it is kept in the subgraph's `month_figure` table and read back,
 * until a write to a source row that can change it deletes it. The month we are in
 * is never stored: it is computed live, as are months a range only partly covers.
 *
 * Invalidation is done by the database (statement triggers on every source table,
 * `monthFigureTriggersSql`), so every write path keeps the store true: the API's
 * writes, partners' batches, COPY loads, and tests writing crafted rows with SQL.
 *
 * Races: a fill takes an exclusive advisory lock on its family, and every trigger
 * the shared one. A fill therefore either waits for a concurrent write to commit
 * (and computes from a snapshot taken after it), or commits first, and the write's
 * trigger, waiting for it, then deletes what it stored. Writers do not wait for each
 * other. The fill is one statement (`month_figure_fill`): the lock, a look at what
 * another fill stored meanwhile, the computation in a snapshot taken after the lock,
 * and the INSERT of every month asked for, zeros included, all in one round trip.
 *
 * A transaction that has written a source table holds the shared lock until it ends:
 * never read month figures from inside one, or a fill (on another connection) would
 * wait for it for ever.
 *
 * Stored rows carry a digest of the SQL that computed them (and of the zero month), so
 * that a change to how a family is computed is never answered from rows the old SQL
 * stored: they are not read, and the next fill deletes them.
 */

/** One set of figures asked for: a variant of the family (e.g. "locality:CAMHS") and a scope's key (a locality id, an area code). */
export interface MonthFigureAsk {
  variant: string;
  key: string;
}

/** A figure set's figures of one month. */
export type MonthOf<F> = F & { month: string };

/**
 * A family of month figures: how they are computed, and what a month with nothing is.
 * `F` is the raw figures of one month (counts before disclosure control), stored as JSON.
 */
export interface MonthFigureSource<F extends object> {
  /** Names the figures, lower case and hyphens ("waiting-times"): the key of its stored rows, its lock and its triggers. */
  family: string;
  /** The figures of a month with no rows (a true zero), stored too so that empty months are not computed again. */
  zero: F;
  /**
   * True when a month's figures depend on where `from` and `to` fall inside it (a range
   * from the 15th counts half a month): only months wholly inside the range are stored,
   * the first and last are computed live. False when every month is counted whole.
   */
  partialMonths?: boolean;
  /**
   * One SQL statement computing the figures of the asked variants and keys for every
   * month from the one `from` falls in to the one `to` falls in. Its one parameter is
   * `args(...)` as JSON: write it `$1::jsonb`. It returns `variant text, scope_key text,
   * month text ("YYYY-MM"), figures jsonb, final boolean`; rows it leaves out are zero
   * months. `final` false marks figures that may still change with nothing written
   * (a request not yet answered nor yet due): they are answered but not stored.
   */
  sql: string;
  /**
   * The statement's parameter, in the shape its SQL reads: the asks, the first and last
   * days to count, and today in England (for the current month, computed live).
   */
  args(asks: readonly MonthFigureAsk[], from: string, to: string, today: string): object;
}

const FAMILY = /^[a-z][a-z0-9-]*$/;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;


/**
 * Rows by key and month, every month of every key present: a month with no row is
 * `zero`, a true zero. What a month-by-month GROUP BY needs before it is answered.
 */
export function zeroFilled<R extends { key: string; month: string }, F extends object>(
  keys: readonly string[],
  months: readonly string[],
  rows: readonly R[],
  zero: F,
  figuresOf: (row: R) => F,
): MonthOf<F>[][] {
  const found = new Map(rows.map((row) => [`${row.key}\u0000${row.month}`, row]));
  return keys.map((key) =>
    months.map((month) => {
      const row = found.get(`${key}\u0000${month}`);
      return { ...(row ? figuresOf(row) : zero), month };
    }),
  );
}

interface FigureRow {
  variant: string;
  scope_key: string;
  month: string;
  figures: object;
  final?: boolean;
}

const cell = (variant: string, key: string, month: string) => `${variant}\u0000${key}\u0000${month}`;

const definitions = new WeakMap<MonthFigureSource<object>, string>();
/** Which SQL (and zero) a stored row was computed by. */
function definitionOf(source: MonthFigureSource<object>): string {
  let definition = definitions.get(source);
  if (!definition) {
    definition = createHash('sha256').update(source.sql).update('\u0000').update(JSON.stringify(source.zero)).digest('hex').slice(0, 16);
    definitions.set(source, definition);
  }
  return definition;
}

/**
 * The figures of every month from the one `from` falls in to the one `to` falls in,
 * per ask, oldest first, for every ask of a request in one batch: stored months in one
 * statement, missing ones filled in one more, the current month (and any month the
 * range covers in part) computed live in one more.
 */
export function monthFiguresLoader<F extends object>(
  ctx: { db: DataSource; loaders: LoaderRegistry },
  source: MonthFigureSource<F>,
  from: string,
  to: string,
  today: string = todayInEngland(),
): DataLoader<MonthFigureAsk, MonthOf<F>[], string> {
  return ctx.loaders.get(`monthFigures:${source.family}:${from}:${to}:${today}`, () =>
    new DataLoader<MonthFigureAsk, MonthOf<F>[], string>((asks) => loadMonthFigures(ctx.db, source, asks, from, to, today), {
      cacheKeyFn: (ask) => `${ask.variant}\u0000${ask.key}`,
    }),
  );
}

async function loadMonthFigures<F extends object>(
  db: DataSource,
  source: MonthFigureSource<F>,
  asks: readonly MonthFigureAsk[],
  from: string,
  to: string,
  today: string,
): Promise<MonthOf<F>[][]> {
  const months = monthsBetween(from, to);
  const definition = definitionOf(source);
  const current = today.slice(0, 7);
  const whole = (month: string) => !source.partialMonths || (from <= `${month}-01` && to >= lastDayOf(month));
  const stored = new Set(months.filter((month) => month < current && whole(month)));
  const found = new Map<string, object>();
  const keep = (rows: readonly FigureRow[]) => {
    for (const row of rows) found.set(cell(row.variant, row.scope_key, row.month), row.figures);
  };

  const read = async () => {
    if (stored.size === 0) return;
    const first = months.find((month) => stored.has(month))!;
    const last = months.findLast((month) => stored.has(month))!;
    keep(
      await db.query(
        `SELECT f.variant, f.scope_key, f.month, f.figures
           FROM unnest($2::text[], $3::text[]) AS a(variant, scope_key)
           JOIN month_figure f ON f.family = $1 AND f.definition = $6 AND f.variant = a.variant AND f.scope_key = a.scope_key AND f.month BETWEEN $4 AND $5`,
        [source.family, asks.map((ask) => ask.variant), asks.map((ask) => ask.key), first, last, definition],
      ),
    );
  };

  // Runs of months that are not stored (the current month on, a partly covered first or
  // last month), each computed over the days the range covers of it.
  const live = async () => {
    const runs: string[][] = [];
    for (const [i, month] of months.entries()) {
      if (stored.has(month)) continue;
      const run = runs[runs.length - 1];
      if (run && months[i - 1] === run[run.length - 1]) run.push(month);
      else runs.push([month]);
    }
    await Promise.all(
      runs.map(async (run) => {
        const runFrom = [from, `${run[0]}-01`].sort()[1]!;
        const runTo = [to, lastDayOf(run[run.length - 1]!)].sort()[0]!;
        keep(await db.query(source.sql, [JSON.stringify(source.args(asks, runFrom, runTo, today))]));
      }),
    );
  };

  await Promise.all([read(), live()]);

  const missing = asks.flatMap((ask) => [...stored].filter((month) => !found.has(cell(ask.variant, ask.key, month))).map((month) => ({ variant: ask.variant, scope_key: ask.key, month })));
  if (missing.length > 0) {
    const missingAsks = new Map(missing.map((m) => [`${m.variant}\u0000${m.scope_key}`, { variant: m.variant, key: m.scope_key }]));
    const first = missing.reduce((a, m) => (m.month < a ? m.month : a), missing[0]!.month);
    const last = missing.reduce((a, m) => (m.month > a ? m.month : a), missing[0]!.month);
    const args = source.args([...missingAsks.values()], `${first}-01`, lastDayOf(last), today);
    keep(
      await db.query(`SELECT variant, scope_key, month, figures FROM month_figure_fill($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb)`, [
        source.family,
        definition,
        source.sql,
        JSON.stringify(args),
        JSON.stringify(missing),
        JSON.stringify(source.zero),
      ]),
    );
  }

  return asks.map((ask) => months.map((month) => ({ ...((found.get(cell(ask.variant, ask.key, month)) as F | undefined) ?? source.zero), month })));
}

function familyChecked(family: string): string {
  if (!FAMILY.test(family)) throw new Error(`month figure family "${family}": lower case letters, digits and hyphens, starting with a letter`);
  return family;
}

/** What a source table's triggers are told: which family to invalidate, from which rows' months. */
export interface MonthFigureTriggers {
  /** The family the table's rows feed. */
  family: string;
  /** The source table. */
  table: string;
  /**
   * Date columns of the table, the earliest of which (in the old and the new version of
   * each row written) is the first month the row can change: every stored month from it
   * on is deleted. None: a write to the table can change every month (a lookup table).
   * A row whose columns are all NULL changes every month too.
   */
  monthColumns: readonly string[];
}

const EVENTS = [
  ['insert', 'INSERT', 'REFERENCING NEW TABLE AS new_rows'],
  ['update', 'UPDATE', 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['delete', 'DELETE', 'REFERENCING OLD TABLE AS old_rows'],
  ['truncate', 'TRUNCATE', ''],
] as const;

const triggerName = (family: string, event: string) => `month_figure_${family.replace(/-/g, '_')}_${event}`;

/**
 * SQL for a subgraph's migration: the triggers that keep `family`'s stored months
 * true when `table` is written, one per event (PostgreSQL allows transition tables
 * only on single-event triggers). The SQL is frozen with the migration that runs it:
 * change what it writes only by adding another helper.
 */
export function monthFigureTriggersSql({ family, table, monthColumns }: MonthFigureTriggers): string {
  familyChecked(family);
  for (const name of [table, ...monthColumns]) if (!IDENTIFIER.test(name)) throw new Error(`"${name}" is not a plain SQL identifier`);
  return EVENTS.map(
    ([event, op, referencing]) =>
      `CREATE TRIGGER ${triggerName(family, event)} AFTER ${op} ON ${table} ${referencing} FOR EACH STATEMENT ` +
      `EXECUTE FUNCTION month_figure_invalidate('${family}', '${monthColumns.join(',')}');`,
  ).join('\n');
}

/** The down migration of `monthFigureTriggersSql`. */
export function dropMonthFigureTriggersSql({ family, table }: Pick<MonthFigureTriggers, 'family' | 'table'>): string {
  familyChecked(family);
  if (!IDENTIFIER.test(table)) throw new Error(`"${table}" is not a plain SQL identifier`);
  return EVENTS.map(([event]) => `DROP TRIGGER ${triggerName(family, event)} ON ${table};`).join('\n');
}

/**
 * The store every subgraph with month figures keeps in its own database (include it in
 * the subgraph's migrations, before the migration that adds its triggers): the
 * `month_figure` table, the trigger function that deletes stored months a write can
 * change, and the fill function. Written out here once, and never changed: a new
 * need is a new migration.
 */
export class MonthFigures1765200000000 implements MigrationInterface {
  name = 'MonthFigures1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE month_figure (
        family       text NOT NULL CHECK (family ~ '^[a-z][a-z0-9-]*$'),
        -- A digest of the SQL that computed the row: rows of another are never read.
        definition   text NOT NULL,
        variant      text NOT NULL,
        scope_key    text NOT NULL,
        -- "YYYY-MM", compared byte by byte whatever the database's collation.
        month        text COLLATE "C" NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        figures      jsonb NOT NULL,
        computed_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (family, definition, variant, scope_key, month)
      );
      -- What a trigger deletes: a family's months from one on.
      CREATE INDEX month_figure_family_month_idx ON month_figure (family, month);

      -- Statement trigger on a source table: TG_ARGV[0] the family, TG_ARGV[1] the date
      -- columns (comma-separated; empty: every month). Deletes the family's stored months
      -- from the earliest month any row written (old or new version) falls in.
      CREATE FUNCTION month_figure_invalidate() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        family_name text := TG_ARGV[0];
        columns text := TG_ARGV[1];
        rows_written bigint := 0;
        since date := 'infinity';
        every_month boolean := TG_OP = 'TRUNCATE' OR columns = '';
        transition text;
        n bigint;
        earliest date;
        undated bigint;
      BEGIN
        IF TG_OP <> 'TRUNCATE' THEN
          FOREACH transition IN ARRAY CASE TG_OP WHEN 'INSERT' THEN ARRAY['new_rows'] WHEN 'DELETE' THEN ARRAY['old_rows'] ELSE ARRAY['old_rows', 'new_rows'] END LOOP
            IF columns = '' THEN
              EXECUTE format('SELECT count(*) FROM %I', transition) INTO n;
            ELSE
              EXECUTE format('SELECT count(*), min(LEAST(%1$s)), count(*) FILTER (WHERE LEAST(%1$s) IS NULL) FROM %2$I', columns, transition)
                INTO n, earliest, undated;
              IF undated > 0 THEN every_month := true; END IF;
              since := LEAST(since, earliest);
            END IF;
            rows_written := rows_written + n;
          END LOOP;
          IF rows_written = 0 THEN RETURN NULL; END IF;
        END IF;
        PERFORM pg_advisory_xact_lock_shared(hashtext('month_figure'), hashtext(family_name));
        IF every_month THEN
          DELETE FROM month_figure WHERE family = family_name;
        ELSE
          DELETE FROM month_figure WHERE family = family_name AND month >= to_char(since, 'YYYY-MM');
        END IF;
        RETURN NULL;
      END $$;

      -- Fills missing months: p_compute is the family's statement (its $1 is p_args),
      -- p_definition its digest, p_missing the (variant, scope_key, month) rows to store,
      -- p_zero a month with nothing. Returns the figures computed, or, when another fill
      -- stored every missing month while this one waited for the lock, the stored ones.
      CREATE FUNCTION month_figure_fill(p_family text, p_definition text, p_compute text, p_args jsonb, p_missing jsonb, p_zero jsonb)
        RETURNS TABLE (variant text, scope_key text, month text, figures jsonb) LANGUAGE plpgsql AS $$
      #variable_conflict use_column
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('month_figure'), hashtext(p_family));
        -- Rows an earlier definition of the family stored are never read again.
        DELETE FROM month_figure f WHERE f.family = p_family AND f.definition <> p_definition;
        IF NOT EXISTS (
          SELECT 1 FROM jsonb_to_recordset(p_missing) AS m(variant text, scope_key text, month text)
           WHERE NOT EXISTS (SELECT 1 FROM month_figure f WHERE f.family = p_family AND f.definition = p_definition AND f.variant = m.variant AND f.scope_key = m.scope_key AND f.month = m.month)
        ) THEN
          RETURN QUERY
            SELECT f.variant, f.scope_key, f.month::text, f.figures
              FROM jsonb_to_recordset(p_missing) AS m(variant text, scope_key text, month text)
              JOIN month_figure f ON f.family = p_family AND f.definition = p_definition AND f.variant = m.variant AND f.scope_key = m.scope_key AND f.month = m.month;
          RETURN;
        END IF;
        -- A statement of its own, so its snapshot is taken after the lock.
        RETURN QUERY EXECUTE format(
          'WITH computed AS MATERIALIZED (%s),
                stored AS (
                  INSERT INTO month_figure (family, definition, variant, scope_key, month, figures)
                  SELECT $2, $5, m.variant, m.scope_key, m.month, coalesce(c.figures, $3)
                    FROM jsonb_to_recordset($4) AS m(variant text, scope_key text, month text)
                    LEFT JOIN computed c ON c.variant = m.variant AND c.scope_key = m.scope_key AND c.month = m.month
                   WHERE c.final IS NOT FALSE
                  ON CONFLICT DO NOTHING)
           SELECT variant, scope_key, month, figures FROM computed', p_compute)
          USING p_args, p_family, p_zero, p_missing, p_definition;
      END $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION month_figure_fill(text, text, text, jsonb, jsonb, jsonb); DROP FUNCTION month_figure_invalidate(); DROP TABLE month_figure;');
  }
}
