import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { PoolClient } from 'pg';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/**
 * Loads many rows with PostgreSQL's COPY FROM STDIN, the bulk path: a county's worth
 * of demo data (millions of rows) goes in seconds, where multi-row INSERTs take
 * minutes. Runs on the manager's own connection, so inside a transaction it is part
 * of that transaction (all or nothing).
 *
 * Columns come from the entity's TypeORM metadata; a column that no row gives a value
 * for is left out, so the table's default applies (ids, created_at). A column some rows
 * give and others leave undefined is NULL in those rows.
 */
export async function bulkInsert<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, rows: readonly Partial<E>[]): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns.filter(
    (column) => column.isInsert && !column.isVirtual && rows.some((row) => column.getEntityValue(row as ObjectLiteral) !== undefined),
  );
  const table = metadata.schema ? `"${metadata.schema}"."${metadata.tableName}"` : `"${metadata.tableName}"`;
  const statement = `COPY ${table} (${columns.map((c) => `"${c.databaseName}"`).join(', ')}) FROM STDIN`;

  // COPY goes to the driver directly, past TypeORM; tell the data source's logger, so the
  // statement counter (no-N+1 tests, the benchmark) sees it like any other statement.
  manager.connection.logger.logQuery(statement);
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    await pipeline(Readable.from(copyLines(rows, columns)), client.query(copyFrom(statement)));
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

/** Rows as COPY text-format lines, in batches so the stream is not a million tiny writes. */
function* copyLines(rows: readonly ObjectLiteral[], columns: ColumnMetadata[]): Generator<string> {
  let batch = '';
  for (const row of rows) {
    batch += columns.map((column) => copyValue(toDatabase(column, column.getEntityValue(row)))).join('\t') + '\n';
    if (batch.length > 1 << 16) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

function toDatabase(column: ColumnMetadata, value: unknown): unknown {
  const transformer = column.transformer;
  if (!transformer) return value;
  return Array.isArray(transformer) ? transformer.reduce((v, t) => t.to(v), value) : transformer.to(value);
}

/** One value in COPY's text format: \N for null, backslash escapes, arrays as `{...}` literals. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeText(`{${value.map(arrayElement).join(',')}}`);
  if (typeof value === 'object') return escapeText(JSON.stringify(value));
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return escapeText(String(value));
}

function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return `"${String(value instanceof Date ? value.toISOString() : value).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function escapeText(text: string): string {
  return text.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}
