import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type FindOptionsOrder, type ObjectLiteral } from 'typeorm';

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

  /**
   * At most one row per key: `loaders.one(School, 'urn').load(urn)` batches every
   * URN asked for in a tick into one `WHERE urn = ANY(...)` query. Missing keys give null.
   */
  one<E extends ObjectLiteral, C extends keyof E & string>(entity: EntityTarget<E>, column: C): DataLoader<E[C], E | null> {
    const name = `one:${entityName(entity)}.${column}`;
    return this.get(name, () =>
      new DataLoader<E[C], E | null>(async (keys) => {
        const rows = await this.db.getRepository(entity).find({ where: { [column]: In(keys as E[C][]) } as never });
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
        const rows = await this.db.getRepository(entity).find({ where: { [column]: In(keys as E[C][]) } as never, order });
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
