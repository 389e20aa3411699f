import DataLoader from 'dataloader';
import type { DataSource, EntityMetadata, EntityTarget, FindOptionsOrder, ObjectLiteral } from 'typeorm';
import { queryPrepared } from '@local-area-graph/database';

/** One statement that reads an entity's rows by a list of keys, and how its rows become entities. */
interface KeyedSelect<E> {
  sql: string;
  hydrate(row: Record<string, unknown>): E;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function orderClause(metadata: EntityMetadata, order: FindOptionsOrder<ObjectLiteral> | undefined): string {
  if (!order || Object.keys(order).length === 0) return '';
  const terms = Object.entries(order).map(([property, direction]) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property} to order by`);
    const way = typeof direction === 'string' ? direction.toUpperCase() : direction === 1 ? 'ASC' : direction === -1 ? 'DESC' : null;
    if (way !== 'ASC' && way !== 'DESC') throw new Error(`order ${metadata.name}.${property} by ASC or DESC only`);
    return `${quote(column.databaseName)} ${way}`;
  });
  return ` ORDER BY ${terms.join(', ')}`;
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
    const sql = `SELECT ${columns.map((c) => `${quote(c.databaseName)} AS ${quote(c.propertyPath)}`).join(', ')} FROM ${table} WHERE ${quote(key.databaseName)} = ANY($1)${orderClause(metadata, order as FindOptionsOrder<ObjectLiteral>)}`;
    const driver = db.driver;
    select = {
      sql,
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

  private async select<E extends ObjectLiteral>(entity: EntityTarget<E>, column: string, order: FindOptionsOrder<E> | undefined, keys: readonly unknown[]): Promise<E[]> {
    const select = keyedSelect(this.db, entity, column, order);
    const rows = await queryPrepared(this.db, select.sql, [keys]);
    return rows.map((row) => select.hydrate(row));
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
