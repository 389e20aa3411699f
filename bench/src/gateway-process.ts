import path from 'node:path';
import { createGateway, readCommittedSupergraph } from '@local-area-graph/gateway';
import { createLogger } from '@local-area-graph/subgraph-kit';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, createTokenVerifier, loadOrCreateLocalSigningKey } from '@local-area-graph/trust';
import { BENCH_DATA_DIR } from './county.js';

/*
 * Our gateway alone in a process, in front of the platform's running subgraphs: the
 * production shape (infra/README.md), and the fair match for Hive Gateway, which
 * also runs in a process of its own. Subgraph URLs come as JSON in BENCH_SUBGRAPH_URLS.
 */

const dataDir = process.env.BENCH_DATA_DIR ?? BENCH_DATA_DIR;
const key = await loadOrCreateLocalSigningKey(path.join(dataDir, 'keys'));
const running = await createGateway({
  supergraphSdl: readCommittedSupergraph(),
  subgraphUrls: JSON.parse(process.env.BENCH_SUBGRAPH_URLS ?? '{}') as Record<string, string>,
  subgraphTimeoutMs: 5000,
  verifier: createTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: { jwks: key.jwks } }),
  logger: createLogger('bench-gateway', process.env.LOG_LEVEL ?? 'warn'),
}).listen(0, '127.0.0.1');

process.on('disconnect', () => process.exit(0));
process.on('message', async (message: { type: string }) => {
  if (message.type === 'stop') {
    await running.close();
    process.exit(0);
  }
});
process.send!({ type: 'ready', url: running.url });
