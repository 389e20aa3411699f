import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { startEmbeddedPostgres, type SubgraphDatabase } from '@local-area-graph/database';
import { createLogger, openAndMigrate, serveSubgraph, type SubgraphDefinition } from '@local-area-graph/subgraph-kit';
import {
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  createCareTeamPassSigner,
  createCareTeamPassVerifier,
  createTokenVerifier,
  generateLocalSigningKey,
  signToken,
  type PlatformClaims,
  type Purpose,
} from '@local-area-graph/trust';
import { TestClient } from './client.js';

export interface SingleSubgraph {
  /** The subgraph, as an ADMIN asking for direct care. */
  client: TestClient;
  /** The subgraph with no token. */
  anonymous: TestClient;
  /** The subgraph as someone else. */
  as(claims: PlatformClaims, purpose?: Purpose | null): Promise<TestClient>;
  database: SubgraphDatabase;
  url: string;
  stop(): Promise<void>;
}

/**
 * One subgraph on its own throwaway PostgreSQL, migrated, with the data `seed` writes:
 * how a subgraph (a partner's too) tests itself before it joins the platform.
 */
export async function startSingleSubgraph(definition: SubgraphDefinition, seed?: (db: DataSource) => Promise<void>): Promise<SingleSubgraph> {
  const root = await mkdtemp(path.join(os.tmpdir(), `lag-${definition.name}-`));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), persistent: false });
  const logger = createLogger(definition.name, process.env.TEST_LOG_LEVEL ?? 'silent');
  try {
    await postgres.ensureDatabase(definition.name);
    const database = await openAndMigrate(definition, postgres.socketUrlFor(definition.name), logger);
    await seed?.(database.dataSource);
    const key = await generateLocalSigningKey();
    const verifier = createTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: { jwks: key.jwks } });
    const careTeamKey = await generateLocalSigningKey();
    const server = await serveSubgraph(definition, database, {
      port: 0,
      logger,
      verifier,
      careTeam: {
        verifier: createCareTeamPassVerifier({ jwks: careTeamKey.jwks }),
        signer: definition.issuesCareTeamPasses ? createCareTeamPassSigner(careTeamKey) : undefined,
      },
    });
    const headersFor = async (claims: PlatformClaims, purpose: Purpose | null) => {
      const token = await signToken(key.privateKey, key.kid, claims, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE });
      return { authorization: `Bearer ${token}`, ...(purpose ? { 'x-purpose': purpose } : {}) };
    };
    return {
      client: new TestClient(server.url, await headersFor({ sub: 'test.admin', role: 'ADMIN' }, 'direct-care')),
      anonymous: new TestClient(server.url),
      as: async (claims, purpose = 'direct-care') => new TestClient(server.url, await headersFor(claims, purpose)),
      database,
      url: server.url,
      async stop() {
        await server.close();
        await database.dataSource.destroy();
        await postgres.stop();
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}
