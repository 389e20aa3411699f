import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { z } from 'zod';
import { createLogger, loadConfigOrExit, logLevelVariable, portVariable, trustEnvironment } from '@local-area-graph/subgraph-kit';
import { createTokenVerifier } from '@local-area-graph/trust';
import { createGateway } from './gateway.js';
import { SUPERGRAPH_PATH } from './supergraph-file.js';

// The gateway as its own process (production). Subgraph URLs come from
// <NAME>_URL variables, one per subgraph named in the supergraph.
const environment = z.object({
  GATEWAY_PORT: portVariable(4000),
  HOST: z.string().default('0.0.0.0'),
  SUPERGRAPH_PATH: z.string().default(SUPERGRAPH_PATH),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
  LOG_LEVEL: logLevelVariable,
  ...trustEnvironment,
});
const env = loadConfigOrExit(environment);
const supergraphSdl = readFileSync(env.SUPERGRAPH_PATH, 'utf8');

// The join__Graph enum lists every subgraph: each needs a URL.
const names = [...supergraphSdl.matchAll(/join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g)].map((m) => m[1]!);
parse(supergraphSdl);
const missing = names.filter((name) => !process.env[`${name.toUpperCase()}_URL`]);
if (missing.length > 0) {
  process.stderr.write(`Invalid configuration:\n${missing.map((name) => `  - ${name.toUpperCase()}_URL: required (URL of the ${name} subgraph)`).join('\n')}\n`);
  process.exit(1);
}
const logger = createLogger('gateway', env.LOG_LEVEL);
const running = await createGateway({
  supergraphSdl,
  subgraphUrls: Object.fromEntries(names.map((name) => [name, process.env[`${name.toUpperCase()}_URL`]!])),
  subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
  verifier: createTokenVerifier({ issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE, keys: { jwksUrl: env.AUTH_JWKS_URL } }),
  logger,
}).listen(env.GATEWAY_PORT, env.HOST);
logger.info({ url: running.url }, 'gateway ready');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await running.close();
    process.exit(0);
  });
}
