import { createHash } from 'node:crypto';
import pg, { type Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a statement the platform sends on every request (a keyed lookup, the access
 * audit) as a named prepared statement: each pooled connection parses it once and
 * afterwards only binds and executes it, where TypeORM's `query` has PostgreSQL parse
 * and plan the same text again every time. The text must be fixed (parameters only,
 * `= ANY($1)` for lists), so one name always means one text. The data source's logger
 * sees it like any other statement (the statement counter, slow statements). Inside a
 * transaction (an entity manager with its own connection) it is an ordinary statement
 * of that transaction.
 *
 * Named statements go through a pool of their own whose connections keep one generic
 * plan per statement (`plan_cache_mode = force_generic_plan`). Left to choose,
 * PostgreSQL planned a combined lookup afresh on every execution, because its cost
 * guess for a generic plan over `= ANY($n)` arrays came out above that of a plan for
 * one child: planning took 0.7 ms against 0.24 ms of executing, and was over a third of
 * PostgreSQL's CPU for a child's picture. These texts are all keyed lookups by index,
 * whose best plan does not depend on the keys. Every other statement (lists, area
 * figures, writes) keeps PostgreSQL's own choice on the data source's pool.
 */
export async function queryPrepared<R = Record<string, unknown>>(on: DataSource | EntityManager, text: string, values: readonly unknown[]): Promise<R[]> {
  if ('queryRunner' in on && on.queryRunner) return on.query(text, values as unknown[]);
  const db = 'connection' in on ? on.connection : on;
  const pool = preparedPoolOf(db);
  if (!pool) return db.query(text, values as unknown[]);
  db.logger.logQuery(text, values as unknown[]);
  const started = performance.now();
  const name = nameOf(text);
  // Past the bound, a text is sent unnamed: every connection keeps each statement it
  // prepared for as long as it lives, so the set of names must stay small.
  const result = await pool.query(name ? { name, text, values: values as unknown[] } : { text, values: values as unknown[] });
  const ms = performance.now() - started;
  const slowMs = db.options.maxQueryExecutionTime;
  if (slowMs && ms > slowMs) db.logger.logQuerySlow(ms, text, values as unknown[]);
  return result.rows as R[];
}

/** The platform's fixed statements are a few dozen, and the combinations of keyed lookups a few hundred. */
const MOST_PREPARED = 1000;
const names = new Map<string, string>();

/** A statement's name (a digest of its text, so a name never stands for two texts), or null once there are enough. */
function nameOf(text: string): string | null {
  let name = names.get(text);
  if (!name) {
    if (names.size >= MOST_PREPARED) return null;
    name = `lag_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

const preparedPools = new WeakMap<DataSource, Pool>();

/** The data source's pool for named statements, opened on first use with the data source's own settings. */
function preparedPoolOf(db: DataSource): Pool | null {
  let pool = preparedPools.get(db);
  if (!pool) {
    const master = (db.driver as unknown as { master?: Pool & { options: pg.PoolConfig } }).master;
    if (!master || !db.isInitialized) return null;
    const options = [master.options.options, '-c plan_cache_mode=force_generic_plan'].filter(Boolean).join(' ');
    pool = new pg.Pool({ ...master.options, options });
    // An idle connection the server ends (a restart) must not end the process; the next query reconnects.
    pool.on('error', (error) => db.logger.log('warn', `a pooled connection for prepared statements failed: ${error.message}`));
    preparedPools.set(db, pool);
  }
  return pool;
}

/** Closes the named statements' pool of a data source (its `destroy` does this). */
export async function closePreparedPool(db: DataSource): Promise<void> {
  const pool = preparedPools.get(db);
  preparedPools.delete(db);
  await pool?.end();
}
