import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
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
 */
export async function queryPrepared<R = Record<string, unknown>>(on: DataSource | EntityManager, text: string, values: readonly unknown[]): Promise<R[]> {
  if ('queryRunner' in on && on.queryRunner) return on.query(text, values as unknown[]);
  const db = 'connection' in on ? on.connection : on;
  const pool = (db.driver as unknown as { master?: Pool }).master;
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
