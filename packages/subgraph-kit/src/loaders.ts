import DataLoader from 'dataloader';
import type { DataSource, EntityMetadata, EntityTarget, FindOptionsOrder, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { queryPrepared } from '@local-area-graph/database';

/** One statement that reads an entity's rows by a list of keys, and how its rows become entities. */
interface KeyedSelect<E> {
  sql: string;
  /** The same rows with the keys in parameter `$n`, numbered in order, for a statement that reads several lookups at once. */
  numbered(n: number): string;
  hydrate(row: Record<string, unknown>): E;
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
    const byColumn = orderTerms(metadata, order as FindOptionsOrder<ObjectLiteral>, (c) => quote(c.databaseName));
    const byAlias = orderTerms(metadata, order as FindOptionsOrder<ObjectLiteral>, (c) => `t.${quote(c.propertyPath)}`);
    const driver = db.driver;
    select = {
      sql: `SELECT ${list} ${where(1)}${byColumn.length ? ` ORDER BY ${byColumn.join(', ')}` : ''}`,
      // Rows as JSON objects keyed by property, numbered in the lookup's order.
      numbered: (n) => `SELECT row_number() OVER (${byAlias.length ? `ORDER BY ${byAlias.join(', ')}` : ''}) AS n, to_jsonb(t) AS r FROM (SELECT ${list} ${where(n)}) t`,
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

  /** Keyed lookups waiting to be sent: those dispatched in the same tick go as one statement. */
  private pending: { select: KeyedSelect<unknown>; keys: readonly unknown[]; resolve: (rows: unknown[]) => void; reject: (error: unknown) => void }[] = [];

  private select<E extends ObjectLiteral>(entity: EntityTarget<E>, column: string, order: FindOptionsOrder<E> | undefined, keys: readonly unknown[]): Promise<E[]> {
    const select = keyedSelect(this.db, entity, column, order) as KeyedSelect<unknown>;
    return new Promise<E[]>((resolve, reject) => {
      this.pending.push({ select, keys, resolve: resolve as (rows: unknown[]) => void, reject });
      // DataLoader dispatches every loader asked in one tick on the next; so does this,
      // after them, so all their lookups are there.
      if (this.pending.length === 1) process.nextTick(() => void this.send());
    });
  }

  /*
   * A child's picture asks a subgraph for several kinds of record at once (enrolments,
   * attendance, suspensions, SEN status): one statement for all of them, each lookup's
   * rows as JSON numbered in its own order, instead of one statement each. Every
   * statement is a round trip that wakes PostgreSQL, and that was most of a subgraph's
   * CPU per picture. Should the combined statement fail, each lookup is sent alone, so
   * that an error reaches only the lookup at fault.
   */
  private async send(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const alone = async (entry: (typeof batch)[number]) => {
      try {
        const rows = await queryPrepared(this.db, entry.select.sql, [entry.keys]);
        entry.resolve(rows.map((row) => entry.select.hydrate(row)));
      } catch (error) {
        entry.reject(error);
      }
    };
    if (batch.length === 1) return alone(batch[0]!);
    const text = `SELECT q, r FROM (${batch.map((entry, i) => `SELECT ${i} AS q, n, r FROM (${entry.select.numbered(i + 1)}) s${i}`).join(' UNION ALL ')}) x ORDER BY q, n`;
    let rows: { q: number; r: Record<string, unknown> }[];
    try {
      rows = await queryPrepared(this.db, text, batch.map((entry) => entry.keys));
    } catch {
      await Promise.all(batch.map(alone));
      return;
    }
    try {
      const results: unknown[][] = batch.map(() => []);
      for (const row of rows) results[row.q]!.push(batch[row.q]!.select.hydrate(row.r));
      batch.forEach((entry, i) => entry.resolve(results[i]!));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
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
