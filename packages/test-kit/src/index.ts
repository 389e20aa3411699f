import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TestClient } from './client.js';
import { startPlatform, type RunningPlatform } from '@local-area-graph/platform';
import { createLogger } from '@local-area-graph/subgraph-kit';
import type { DemoArea, DemoAreaOptions } from '@local-area-graph/demo-data';
import type { SubgraphDefinition } from '@local-area-graph/subgraph-kit';
import {
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  generateLocalSigningKey,
  signToken,
  type PlatformClaims,
  type Purpose,
  type TrustSettings,
} from '@local-area-graph/trust';

export { TestClient } from './client.js';
export type { GraphQLResult } from './client.js';
export { startSingleSubgraph } from './single-subgraph.js';
export type { SingleSubgraph } from './single-subgraph.js';

export interface TestPlatformOptions {
  /** Generated demo data to load (a small area by default). */
  demo?: DemoAreaOptions;
  /** Or an exact area to load. */
  demoArea?: DemoArea;
  subgraphTimeoutMs?: number;
  subgraphs?: readonly SubgraphDefinition[];
  supergraphSdl?: string;
  /** An external PostgreSQL for some subgraphs, as <NAME>_DATABASE_URL gives in production. */
  databaseUrls?: Record<string, string>;
}

export interface TestPlatform {
  platform: RunningPlatform;
  /** The gateway, as an ADMIN asking for direct care. */
  gateway: TestClient;
  /** The gateway with no token at all. */
  anonymous: TestClient;
  /** The trust settings the platform runs with (for gateways a test builds itself). */
  trust: TrustSettings;
  /** A token for these claims, signed by the platform's test key. */
  token(claims: PlatformClaims, ttlSeconds?: number): Promise<string>;
  /** The gateway (or a subgraph, by name) as someone else, asking for a purpose. */
  as(claims: PlatformClaims, purpose?: Purpose | null, subgraph?: string): Promise<TestClient>;
  /** A direct client per subgraph (bypassing the gateway), as an ADMIN asking for direct care. */
  subgraph(name: string): TestClient;
  /** SQL statements sent by each subgraph so far; diff two readings to count one operation's cost. */
  statementCounts(): Record<string, number>;
  stop(): Promise<void>;
}

/**
 * Starts a throwaway real PostgreSQL, every subgraph and the gateway in this process
 * on free ports, loads known data and hands back clients. Every cross-subgraph test
 * uses this, so they all run the platform exactly as `pnpm start` does.
 */
export async function startTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lag-test-'));
  // A fresh signing key per test platform: tokens from one never open another.
  const key = await generateLocalSigningKey();
  const trust: TrustSettings = { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: { jwks: key.jwks } };
  const token = (claims: PlatformClaims, ttlSeconds?: number) =>
    signToken(key.privateKey, key.kid, claims, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, ttlSeconds });
  const adminHeaders = { authorization: `Bearer ${await token({ sub: 'test.admin', role: 'ADMIN' }, 4 * 3600)}`, 'x-purpose': 'direct-care' };
  const platform = await startPlatform({
    trust,
    dataDir,
    persistent: false,
    logger: createLogger('test', process.env.TEST_LOG_LEVEL ?? 'silent'),
    demo: options.demo ?? { children: 400, seed: 7 },
    demoArea: options.demoArea,
    subgraphTimeoutMs: options.subgraphTimeoutMs,
    subgraphs: options.subgraphs,
    supergraphSdl: options.supergraphSdl,
    databaseUrls: options.databaseUrls,
    ports: {
      gateway: 0,
      subgraphs: Object.fromEntries((options.subgraphs ?? (await import('@local-area-graph/platform')).SUBGRAPHS).map((s) => [s.name, 0])),
    },
  });
  const urlOf = (subgraph?: string) => {
    if (!subgraph) return platform.gatewayUrl;
    const running = platform.subgraphs[subgraph];
    if (!running) throw new Error(`No subgraph ${subgraph}`);
    return running.url;
  };
  return {
    platform,
    trust,
    token,
    gateway: new TestClient(platform.gatewayUrl, adminHeaders),
    anonymous: new TestClient(platform.gatewayUrl),
    async as(claims, purpose = 'direct-care', subgraph) {
      const headers: Record<string, string> = { authorization: `Bearer ${await token(claims)}` };
      if (purpose) headers['x-purpose'] = purpose;
      return new TestClient(urlOf(subgraph), headers);
    },
    subgraph: (name) => new TestClient(urlOf(name), adminHeaders),
    statementCounts: () => Object.fromEntries(Object.entries(platform.subgraphs).map(([name, s]) => [name, s.database.statements.count])),
    async stop() {
      await platform.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
