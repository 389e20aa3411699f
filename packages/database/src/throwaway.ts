import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded.js';
import { migrate, openSubgraphDatabase, type SubgraphDataSourceOptions, type SubgraphDatabase } from './data-source.js';

/** A real PostgreSQL of a test's own, with one database migrated, and how to remove it all. */
export interface ThrowawayDatabase {
  postgres: RunningPostgres;
  database: SubgraphDatabase;
  stop(): Promise<void>;
}

/**
 * Starts an embedded PostgreSQL in a temporary folder, creates `name`, opens it through
 * the Unix socket as the platform does and applies `migrations`: what a package's tests
 * need to try its SQL on a real server, never an imitation of one.
 */
export async function startThrowawayDatabase(name: string, options: Pick<SubgraphDataSourceOptions, 'entities' | 'migrations'>): Promise<ThrowawayDatabase> {
  const root = await mkdtemp(path.join(os.tmpdir(), `lag-${name}-`));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), persistent: false });
  try {
    await postgres.ensureDatabase(name);
    const database = await openSubgraphDatabase({ url: postgres.socketUrlFor(name), ...options });
    await migrate(database.dataSource);
    return {
      postgres,
      database,
      async stop() {
        await database.dataSource.destroy();
        await postgres.stop();
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await postgres.stop();
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}
