import path from 'node:path';
import { startPlatform } from '@local-area-graph/platform';
import { createLogger } from '@local-area-graph/subgraph-kit';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadOrCreateLocalSigningKey } from '@local-area-graph/trust';
import { BENCH_DATA_DIR } from './county.js';
import type { PlatformMessage, PlatformReady } from './processes.js';

/*
 * The platform under test, in a process of its own so that its resident memory is its
 * own (not the load generator's, not the county generator's): PostgreSQL on the
 * county cluster, every subgraph and the gateway, as `pnpm start` runs them, with
 * demo loading off. Talks to the benchmark over IPC: `ready` once serving, the
 * subgraphs' SQL statement counts on request, and a clean stop.
 */

const dataDir = process.env.BENCH_DATA_DIR ?? BENCH_DATA_DIR;
const keys = path.join(dataDir, 'keys');
const key = await loadOrCreateLocalSigningKey(keys);
const logger = createLogger('bench-platform', process.env.LOG_LEVEL ?? 'warn');
const platform = await startPlatform({
  trust: { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: { jwks: key.jwks } },
  careTeamKey: await loadOrCreateLocalSigningKey(keys, 'care-team-key.json'),
  dataDir,
  persistent: true,
  demo: false,
  host: '127.0.0.1',
  logger,
  ports: { gateway: 0, subgraphs: Object.fromEntries((await import('@local-area-graph/platform')).SUBGRAPHS.map((s) => [s.name, 0])) },
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await platform.stop();
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());
// The benchmark died: never leave PostgreSQL running on the county cluster.
process.on('disconnect', () => void stop());

process.on('message', (message: PlatformMessage) => {
  if (message.type === 'statements') {
    const counts = Object.fromEntries(Object.entries(platform.subgraphs).map(([name, s]) => [name, s.database.statements.count]));
    const recorded = Object.fromEntries(Object.entries(platform.subgraphs).map(([name, s]) => [name, [...s.database.statements.recorded()]]));
    process.send!({ type: 'statements', id: message.id, counts, recorded });
  } else if (message.type === 'record') {
    // `pnpm bench:probe` shows what a picture sends: each statement's text from now on.
    for (const s of Object.values(platform.subgraphs)) s.database.statements.record();
  } else if (message.type === 'stop') {
    void stop();
  }
});

const ready: PlatformReady = {
  type: 'ready',
  gatewayUrl: platform.gatewayUrl,
  subgraphUrls: Object.fromEntries(Object.entries(platform.subgraphs).map(([name, s]) => [name, s.url])),
  postgresPort: platform.postgres?.port ?? null,
  postgresDataDir: path.join(path.resolve(dataDir), 'postgres'),
};
process.send!(ready);
