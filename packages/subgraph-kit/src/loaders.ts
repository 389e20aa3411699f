import DataLoader from 'dataloader';
import type { DataSource, EntityMetadata, EntityTarget, FindOptionsOrder, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { queryPrepared } from '@local-area-graph/database';

/** One statement that reads an entity's rows by a list of keys, and how its rows become entities. */
interface KeyedSelect<E> {
  sql: string;
  /** The same rows with the keys in parameter `$n`, numbered in order, for a statement that reads several lookups at once. */
  numbered(n: number): string;
  /** The rows whose key is in `subquery` (one column), as JSON: what a prefetch reads. */
  whereIn(subquery: string): string;
  hydrate(row: Record<string, unknown>): E;
  /** The table, quoted, and the SQL name of each property. */
  table: string;
  columnOf(property: string): string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The ORDER BY terms of a lookup, naming each column by `name` (its column, or its alias in a subquery). */
function orderTerms(metadata: EntityMetadata, order: FindOptionsOrder<ObjectLiteral> | undefined, name: (column: ColumnMetadata) => string): string[] {
  if (!order) return [];
  return Object.entries(order).map(([property, direction]) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property} to order by`);
    const way = typeof direction === 'string' ? direction.toUpperCase() : direction === 1 ? 'ASC' : direction === -1 ? 'DESC' : null;
    if (way !== 'ASC' && way !== 'DESC') throw new Error(`order ${metadata.name}.${property} by ASC or DESC only`);
    return `${name(column)} ${way}`;
  });
}

/*
 * The SQL of each keyed lookup, written once per entity, column and order from
 * TypeORM's metadata, rows turned into entities by TypeORM's own per-column
 * conversion. Building the same SELECT through TypeORM's query builder on every batch
 * (and an `IN ($1, ..., $n)` list as long as the batch) was a tenth of a subgraph's
 * CPU per child's picture. `= ANY($1)` takes the whole batch as one array parameter.
 */
const keyedSelects = new WeakMap<EntityMetadata, Map<string, KeyedSelect<unknown>>>();

function keyedSelect<E extends ObjectLiteral>(db: DataSource, entity: EntityTarget<E>, column: string, order: FindOptionsOrder<E> | undefined): KeyedSelect<E> {
  const metadata = db.getMetadata(entity);
  let byShape = keyedSelects.get(metadata);
  if (!byShape) keyedSelects.set(metadata, (byShape = new Map()));
  const shape = `${column}:${JSON.stringify(order ?? {})}`;
  let select = byShape.get(shape) as KeyedSelect<E> | undefined;
  if (!select) {
    const key = metadata.findColumnWithPropertyName(column);
    if (!key) throw new Error(`${metadata.name} has no column ${column} to look rows up by`);
    if (metadata.relations.length > 0 || metadata.deleteDateColumn) throw new Error(`${metadata.name} has relations or soft deletes: keyed lookups read plain tables only`);
    const columns = metadata.columns.filter((c) => c.isSelect && !c.isVirtualProperty);
    const table = metadata.schema ? `${quote(metadata.schema)}.${quote(metadata.tableName)}` : quote(metadata.tableName);
    const list = columns.map((c) => `${quote(c.databaseName)} AS ${quote(c.propertyPath)}`).join(', ');
    const where = (n: number) => `FROM ${table} WHERE ${quote(key.databaseName)} = ANY($${n})`;
    const columnOf = (property: string) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`${metadata.name} has no column ${property}`);
      return quote(column.databaseName);
    };
    const byColumn = orderTerms(metadata, order as FindOptionsOrder<ObjectLiteral>, (c) => quote(c.databaseName));
    const byAlias = orderTerms(metadata, order as FindOptionsOrder<ObjectLiteral>, (c) => `t.${quote(c.propertyPath)}`);
    const driver = db.driver;
    select = {
      sql: `SELECT ${list} ${where(1)}${byColumn.length ? ` ORDER BY ${byColumn.join(', ')}` : ''}`,
      // Rows as JSON objects keyed by property, numbered in the lookup's order.
      numbered: (n) => `SELECT row_number() OVER (${byAlias.length ? `ORDER BY ${byAlias.join(', ')}` : ''}) AS n, to_jsonb(t) AS r FROM (SELECT ${list} ${where(n)}) t`,
      whereIn: (subquery) => `SELECT 0::bigint AS n, to_jsonb(t) AS r FROM (SELECT ${list} FROM ${table} WHERE ${quote(key.databaseName)} IN (${subquery})) t`,
      table,
      columnOf,
      hydrate(row) {
        const created = metadata.create() as E;
        for (const c of columns) {
          const value = row[c.propertyPath];
          if (value !== undefined) c.setEntityValue(created, driver.prepareHydratedValue(value, c));
        }
        return created;
      },
    };
    byShape.set(shape, select as KeyedSelect<unknown>);
  }
  return select;
}

interface KeyedPending {
  kind: 'keyed';
  select: KeyedSelect<unknown>;
  keys: readonly unknown[];
  /** `Entity.column`, what prefetches are registered under. */
  source: string;
  resolve: (rows: unknown[]) => void;
  reject: (error: unknown) => void;
}
interface RowsPending {
  kind: 'rows';
  sql: (p: (i: number) => string) => string;
  values: readonly unknown[];
  resolve: (rows: unknown[]) => void;
  reject: (error: unknown) => void;
}
type Pending = KeyedPending | RowsPending;
interface Prefetch {
  id: string;
  /** The related rows of the lookup whose keys are parameter `$n`. */
  sql(n: number): string;
  store(rows: Record<string, unknown>[]): void;
}

/**
 * The DataLoaders of one request. Each lookup is created on first use under a key, so
 * every resolver that asks for "schools by URN" in one request shares one batch and
 * one cache; a new request starts empty, so no data leaks between callers.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(private readonly db: DataSource) {}

  /** A loader by name, made by `create` the first time it is asked for in this request. */
  get<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /** Lookups waiting to be sent: those dispatched in the same tick go as one statement. */
  private pending: Pending[] = [];
  /** What to read along with lookups of an entity by a column (`prefetch`), by `Entity.column`. */
  private readonly prefetches = new Map<string, Prefetch[]>();

  private select<E extends ObjectLiteral>(entity: EntityTarget<E>, column: string, order: FindOptionsOrder<E> | undefined, keys: readonly unknown[]): Promise<E[]> {
    const select = keyedSelect(this.db, entity, column, order) as KeyedSelect<unknown>;
    return this.enqueue<E>({ kind: 'keyed', select, keys, source: `${entityName(entity)}.${column}` });
  }

  private enqueue<R>(entry: Omit<KeyedPending, 'resolve' | 'reject'> | Omit<RowsPending, 'resolve' | 'reject'>): Promise<R[]> {
    return new Promise<R[]>((resolve, reject) => {
      this.pending.push({ ...entry, resolve: resolve as (rows: unknown[]) => void, reject } as Pending);
      // Sent once this turn of the event loop has run out of promise jobs and ticks:
      // DataLoader dispatches its batches on a tick, and the fields of a child resolve a
      // few promise jobs after its access decision. On the next tick those lookups left
      // in a statement of their own.
      if (this.pending.length === 1) setImmediate(() => void this.send());
    });
  }

  /**
   * Rows of a statement of the subgraph's own (a relationship, a rule in SQL), sent in
   * the same statement as the keyed lookups of the same tick. `sql(p)` writes its i-th
   * value (from 1) as `p(i)`. Rows come as JSON gives them (text, numbers, booleans,
   * nested JSON; dates as text), whether sent together or alone, in no set order.
   */
  rows<R extends Record<string, unknown>>(sql: (p: (i: number) => string) => string, values: readonly unknown[]): Promise<R[]> {
    return this.enqueue<R>({ kind: 'rows', sql, values });
  }

  /**
   * From now on in this request, each lookup of `source` by `sourceColumn` also reads the
   * `target` rows its rows point to through `pointer` (a team member's professional, an
   * enrolment's school), in the same statement, into `one(target, targetColumn)`. The
   * resolver that then asks for them finds them there: no second statement, and no
   * second wait. Ask for it only when the operation selects the related record
   * (`selects`), since every row it reads costs the database.
   */
  prefetch<S extends ObjectLiteral, T extends ObjectLiteral>(
    source: EntityTarget<S>,
    sourceColumn: keyof S & string,
    pointer: keyof S & string,
    target: EntityTarget<T>,
    targetColumn: keyof T & string,
  ): void {
    const from = `${entityName(source)}.${sourceColumn}`;
    const id = `${pointer}->${entityName(target)}.${targetColumn}`;
    let list = this.prefetches.get(from);
    if (!list) this.prefetches.set(from, (list = []));
    if (list.some((prefetch) => prefetch.id === id)) return;
    const sourceSelect = keyedSelect(this.db, source, sourceColumn, undefined);
    const targetSelect = keyedSelect(this.db, target, targetColumn, undefined);
    const pointed = (n: number) => `SELECT ${sourceSelect.columnOf(pointer)} FROM ${sourceSelect.table} WHERE ${sourceSelect.columnOf(sourceColumn)} = ANY($${n})`;
    list.push({
      id,
      sql: (n) => targetSelect.whereIn(pointed(n)),
      store: (rows) => {
        const loader = this.one(target, targetColumn);
        for (const row of rows) {
          const entity = targetSelect.hydrate(row);
          loader.prime(entity[targetColumn], entity);
        }
      },
    });
  }

  /*
   * A child's picture asks a subgraph for several kinds of record at once (enrolments,
   * attendance, suspensions, SEN status): one statement for all of them, each lookup's
   * rows as JSON numbered in its own order, instead of one statement each. Every
   * statement is a round trip that wakes PostgreSQL, and that was most of a subgraph's
   * CPU per picture. Should the combined statement fail, each lookup is sent alone, so
   * that an error reaches only the lookup at fault (without its prefetches: the related
   * records are then looked up when asked for, as without one).
   */
  private async send(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const prefetchesOf = batch.map((entry) => (entry.kind === 'keyed' ? (this.prefetches.get(entry.source) ?? []) : []));
    if (batch.length === 1 && prefetchesOf[0]!.length === 0) return this.alone(batch[0]!);
    const parts: string[] = [];
    const owners: { entry: number; prefetch?: Prefetch }[] = [];
    const values: unknown[] = [];
    batch.forEach((entry, i) => {
      if (entry.kind === 'keyed') {
        values.push(entry.keys);
        const n = values.length;
        parts.push(entry.select.numbered(n));
        owners.push({ entry: i });
        for (const prefetch of prefetchesOf[i]!) {
          parts.push(prefetch.sql(n));
          owners.push({ entry: i, prefetch });
        }
      } else {
        const base = values.length;
        values.push(...entry.values);
        parts.push(`SELECT row_number() OVER () AS n, to_jsonb(t) AS r FROM (${entry.sql((k) => `$${base + k}`)}) t`);
        owners.push({ entry: i });
      }
    });
    const text = `SELECT q, r FROM (${parts.map((part, q) => `SELECT ${q} AS q, n, r FROM (${part}) s${q}`).join(' UNION ALL ')}) x ORDER BY q, n`;
    let rows: { q: number; r: Record<string, unknown> }[];
    try {
      rows = await queryPrepared(this.db, text, values);
    } catch {
      await Promise.all(batch.map((entry) => this.alone(entry)));
      return;
    }
    try {
      const results: Record<string, unknown>[][] = parts.map(() => []);
      for (const row of rows) results[row.q]!.push(row.r);
      // Related rows first, so that whatever the lookups' resolvers ask next is there.
      owners.forEach((owner, q) => owner.prefetch?.store(results[q]!));
      owners.forEach((owner, q) => {
        if (owner.prefetch) return;
        const entry = batch[owner.entry]!;
        entry.resolve(entry.kind === 'keyed' ? results[q]!.map((row) => entry.select.hydrate(row)) : results[q]!);
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }

  private async alone(entry: Pending): Promise<void> {
    try {
      if (entry.kind === 'keyed') {
        const rows = await queryPrepared(this.db, entry.select.sql, [entry.keys]);
        entry.resolve(rows.map((row) => entry.select.hydrate(row)));
      } else {
        const rows = await queryPrepared<{ r: Record<string, unknown> }>(this.db, `SELECT to_jsonb(t) AS r FROM (${entry.sql((k) => `$${k}`)}) t`, entry.values);
        entry.resolve(rows.map((row) => row.r));
      }
    } catch (error) {
      entry.reject(error);
    }
  }

  /**
   * At most one row per key: `loaders.one(School, 'urn').load(urn)` batches every
   * URN asked for in a tick into one `WHERE urn = ANY(...)` query. Missing keys give null.
   */
  one<E extends ObjectLiteral, C extends keyof E & string>(entity: EntityTarget<E>, column: C): DataLoader<E[C], E | null> {
    const name = `one:${entityName(entity)}.${column}`;
    return this.get(name, () =>
      new DataLoader<E[C], E | null>(async (keys) => {
        const rows = await this.select(entity, column, undefined, keys);
        const byKey = new Map(rows.map((row) => [row[column], row]));
        return keys.map((key) => byKey.get(key) ?? null);
      }),
    );
  }

  /**
   * Every row per key, in `order`: `loaders.many(Enrolment, 'childId').load(id)`.
   * One query for the whole batch, grouped in memory.
   */
  many<E extends ObjectLiteral, C extends keyof E & string>(
    entity: EntityTarget<E>,
    column: C,
    order?: FindOptionsOrder<E>,
  ): DataLoader<E[C], E[]> {
    const name = `many:${entityName(entity)}.${column}:${JSON.stringify(order ?? {})}`;
    return this.get(name, () =>
      new DataLoader<E[C], E[]>(async (keys) => {
        const rows = await this.select(entity, column, order, keys);
        const byKey = new Map<E[C], E[]>();
        for (const row of rows) {
          const list = byKey.get(row[column]);
          if (list) list.push(row);
          else byKey.set(row[column], [row]);
        }
        return keys.map((key) => byKey.get(key) ?? []);
      }),
    );
  }
}

function entityName(entity: EntityTarget<unknown>): string {
  if (typeof entity === 'function') return entity.name;
  if (typeof entity === 'string') return entity;
  return String((entity as { name?: string }).name ?? entity);
}
