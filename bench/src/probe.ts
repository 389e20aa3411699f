import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SUPERGRAPH_PATH } from '@local-area-graph/gateway';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadOrCreateLocalSigningKey, signToken } from '@local-area-graph/trust';
import { BENCH_DATA_DIR, REPO_ROOT, readManifest } from './county.js';
import { graphqlError, keepAliveAgent, postJson, runLoad } from './load.js';
import { pictureOperation, pictureSelection } from './picture.js';
import { collectLines, cpuSecondsOf, forkTs, platformStatements, postgresCpuSeconds, postmasterOf, stopProcess, waitForMessage, type PlatformMessage, type PlatformReady } from './processes.js';
import { readSupergraph } from './supergraph.js';

/*
 * `pnpm bench:probe`: a short look at one change, between full `pnpm bench` runs, on
 * the county `pnpm bench` loaded. Starts the platform, asks for the child's picture
 * (or the compact example with --compact) and prints the SQL statements each subgraph
 * sends per picture (their text goes to --statements), then p50/p95 and the CPU each
 * picture costs the platform and PostgreSQL (and the gateway alone, with --standalone), at
 * --clients concurrent clients (1 unless told). --profile
 * writes V8 CPU profiles to .data/bench/profiles. Figures only: no goals, no results file.
 */

const { values: flags } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000' },
    clients: { type: 'string', default: '1' },
    compact: { type: 'boolean', default: false },
    standalone: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    statements: { type: 'string', default: path.join(BENCH_DATA_DIR, 'probe-statements.json') },
  },
});
const requests = Number(flags.requests);
const clients = Number(flags.clients);
for (const [flag, value] of [['--requests', requests], ['--clients', clients]] as const) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} takes a whole number of 1 or more`);
}
const manifest = readManifest(BENCH_DATA_DIR);
if (!manifest) throw new Error('no county in .data/bench: run `pnpm bench` once first');
const profile = flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(BENCH_DATA_DIR, 'profiles')}`] : [];
const env = { BENCH_DATA_DIR, GRAPHQL_MAX_COST: '1000000', LOG_LEVEL: 'warn' };

const platform = forkTs('platform-process.ts', [], env, profile);
collectLines(platform.stderr, (line) => process.stderr.write(`[platform] ${line}\n`));
const ready = await waitForMessage<PlatformReady>(platform, 'ready', 180_000, 'the platform');
let url = new URL(ready.gatewayUrl);
const gateway = flags.standalone ? forkTs('gateway-process.ts', [], { ...env, BENCH_SUBGRAPH_URLS: JSON.stringify(ready.subgraphUrls) }, profile) : null;
if (gateway) url = new URL((await waitForMessage<{ type: 'ready'; url: string }>(gateway, 'ready', 60_000, 'the gateway')).url);

try {
  const supergraph = readSupergraph(readFileSync(SUPERGRAPH_PATH, 'utf8'));
  const operation = flags.compact ? readFileSync(path.join(REPO_ROOT, 'examples', 'child-picture.graphql'), 'utf8') : pictureOperation(pictureSelection(supergraph.api, supergraph.entities, supergraph.fieldOwners));
  const key = await loadOrCreateLocalSigningKey(path.join(BENCH_DATA_DIR, 'keys'));
  const sample = manifest.sample.slice(0, 1000);
  const headers = new Map<string, Record<string, string>>();
  for (const child of sample) {
    const token = await signToken(key.privateKey, key.kid, { sub: child.subject, role: 'LOCALITY_LEAD', localities: [child.localityId] }, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, ttlSeconds: 3600 });
    headers.set(child.id, { authorization: `Bearer ${token}`, 'x-purpose': 'direct-care' });
  }
  const agent = keepAliveAgent(Math.max(8, clients));
  const ask = async (n: number) => {
    const child = sample[n % sample.length]!;
    const body = JSON.stringify({ query: operation, variables: flags.compact ? { childId: child.id } : { id: child.id } });
    return graphqlError(await postJson(url, body, headers.get(child.id)!, agent));
  };

  const statements = () => platformStatements(platform);
  await ask(0);
  platform.send({ type: 'record' } satisfies PlatformMessage);
  const before = await statements();
  const counted = 20;
  for (let i = 1; i <= counted; i++) await ask(i);
  const after = await statements();
  writeFileSync(flags.statements!, JSON.stringify(after.recorded, null, 1));
  console.log(`SQL statements per picture: ${Object.keys(after.counts).map((name) => `${name} ${((after.counts[name]! - before.counts[name]!) / counted).toFixed(1)}`).join(', ')} (their text: ${flags.statements})`);

  await runLoad({ concurrency: 1, requests: 100, task: ask });
  const postmaster = postmasterOf(ready.postgresDataDir);
  const cpu = () => ({ platform: cpuSecondsOf(platform.pid!), gateway: gateway ? cpuSecondsOf(gateway.pid!) : 0, postgres: postmaster ? postgresCpuSeconds(postmaster) : NaN });
  const start = cpu();
  const result = await runLoad({ concurrency: clients, requests, task: ask });
  const end = cpu();
  const perRequest = (seconds: number) => ((seconds * 1000) / requests).toFixed(2);
  console.log(
    `${clients} client${clients === 1 ? '' : 's'}, ${requests} pictures: p50 ${result.latencyMs.p50.toFixed(2)} ms, p95 ${result.latencyMs.p95.toFixed(2)} ms, ${result.rps.toFixed(1)} req/s, ${result.errors} errors; ` +
      `CPU per picture: ${gateway ? `subgraphs ${perRequest(end.platform - start.platform)} ms, gateway ${perRequest(end.gateway - start.gateway)} ms` : `platform ${perRequest(end.platform - start.platform)} ms`}, PostgreSQL ${perRequest(end.postgres - start.postgres)} ms`,
  );
} finally {
  if (gateway) await stopProcess(gateway);
  await stopProcess(platform, 60_000);
}
process.exit(0);
