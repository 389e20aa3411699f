import { z } from 'zod';
import { createCareTeamPassSigner, createCareTeamPassVerifier, createTokenVerifier, importCareTeamSigningKey } from '@local-area-graph/trust';
import type { CareTeamTrust } from './access/care-team.js';
import { databaseUrlVariable, loadConfigOrExit, logLevelVariable, portVariable } from './config.js';
import { createLogger } from './logger.js';
import { startSubgraph, type SubgraphDefinition } from './subgraph.js';

/** The environment one subgraph needs when it runs as its own process (production). */
export function subgraphEnvironment(definition: SubgraphDefinition) {
  const prefix = definition.name.toUpperCase();
  return z.object({
    [`${prefix}_DATABASE_URL`]: databaseUrlVariable,
    [`${prefix}_PORT`]: portVariable(definition.defaultPort),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    LOG_LEVEL: logLevelVariable,
    ...trustEnvironment,
    ...(definition.issuesCareTeamPasses ? careTeamSigningEnvironment : definition.childAccess ? careTeamEnvironment : {}),
  });
}

/**
 * The register signs care-team passes with its own private key (never the identity
 * provider's); every other subgraph checks them against the matching public keys.
 */
export const careTeamSigningEnvironment = {
  CARE_TEAM_SIGNING_KEY: z.string().min(1, "the register's private JWK (JSON, with a kid) for signing care-team passes"),
};
export const careTeamEnvironment = {
  CARE_TEAM_JWKS_URL: z.string().url("the URL of the register's care-team public keys (JWKS)"),
};

async function careTeamTrust(definition: SubgraphDefinition, env: Record<string, string | number>): Promise<CareTeamTrust> {
  // A subgraph with no child's personal data (commissioning) has nothing a pass could open.
  if (!definition.issuesCareTeamPasses && !definition.childAccess) return {};
  if (!definition.issuesCareTeamPasses) return { verifier: createCareTeamPassVerifier({ jwksUrl: String(env.CARE_TEAM_JWKS_URL) }) };
  const key = await importCareTeamSigningKey(String(env.CARE_TEAM_SIGNING_KEY));
  return { signer: createCareTeamPassSigner(key) };
}

/** Where tokens are verified against in production: the identity provider's issuer, audience and keys. */
export const trustEnvironment = {
  AUTH_ISSUER: z.string().min(1, 'the token issuer (iss) to accept'),
  AUTH_AUDIENCE: z.string().min(1, 'the token audience (aud) to accept'),
  AUTH_JWKS_URL: z.string().url('the identity provider JWKS URL'),
};

/**
 * Entry point of a subgraph process: validates the environment (every problem
 * printed, exit 1), opens and migrates its database, serves, and stops cleanly on
 * SIGINT or SIGTERM.
 */
export async function runSubgraphMain(definition: SubgraphDefinition): Promise<void> {
  const prefix = definition.name.toUpperCase();
  const env = loadConfigOrExit(subgraphEnvironment(definition)) as Record<string, string | number>;
  const logger = createLogger(definition.name, String(env.LOG_LEVEL));
  const running = await startSubgraph(definition, {
    databaseUrl: String(env[`${prefix}_DATABASE_URL`]),
    port: Number(env[`${prefix}_PORT`]),
    host: String(env.HOST),
    poolSize: Number(env.DATABASE_POOL_SIZE),
    logger,
    careTeam: await careTeamTrust(definition, env),
    verifier: createTokenVerifier({
      issuer: String(env.AUTH_ISSUER),
      audience: String(env.AUTH_AUDIENCE),
      keys: { jwksUrl: String(env.AUTH_JWKS_URL) },
    }),
  });
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
