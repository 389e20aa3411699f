import 'reflect-metadata';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { StatementCounter } from './statement-counter.js';
import { SnakeCaseNamingStrategy } from './naming.js';
import { closePreparedPool } from './prepared.js';

/** A subgraph's data source, which also closes the pool its prepared statements use (see queryPrepared). */
class SubgraphDataSource extends DataSource {
  override async destroy(): Promise<void> {
    await closePreparedPool(this);
    await super.destroy();
  }
}

export interface SubgraphDataSourceOptions {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /**
   * Connections in each of the two pools (TypeORM's, and the one for the prepared
   * statements every request sends); a subgraph is I/O bound, so a handful is enough per replica.
   */
  poolSize?: number;
  /** Statements slower than this are reported to onSlowQuery. */
  slowQueryMs?: number;
  onSlowQuery?: (ms: number, query: string) => void;
}

/** A subgraph's data source together with the counter of the statements it sends. */
export interface SubgraphDatabase {
  dataSource: DataSource;
  statements: StatementCounter;
}

/**
 * Opens a subgraph's own database. The schema is only ever changed by migrations
 * (never `synchronize`), so what runs in production is what the tests ran.
 */
export async function openSubgraphDatabase(options: SubgraphDataSourceOptions): Promise<SubgraphDatabase> {
  const statements = new StatementCounter(options.onSlowQuery);
  const dataSource = new SubgraphDataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    namingStrategy: new SnakeCaseNamingStrategy(),
    logger: statements,
    maxQueryExecutionTime: options.slowQueryMs ?? 500,
    extra: { max: options.poolSize ?? 10, application_name: 'local-area-graph' },
  });
  await dataSource.initialize();
  return { dataSource, statements };
}

/** Applies every pending migration, each in its own transaction. Returns their names. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
