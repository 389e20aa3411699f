import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GraphQLClient } from 'graphql-request';
import { startPlatform, type RunningPlatform } from '@local-area-graph/platform';
import { createLogger } from '@local-area-graph/subgraph-kit';
import type { DemoArea, DemoAreaOptions } from '@local-area-graph/demo-data';
import type { SubgraphDefinition } from '@local-area-graph/subgraph-kit';

/** One GraphQL response, errors included (tests assert on them rather than catching). */
export interface GraphQLResult<TData> {
  status: number;
  data: TData | null | undefined;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** A client for one endpoint that never throws on GraphQL errors. */
export class TestClient {
  readonly client: GraphQLClient;

  constructor(
    readonly url: string,
    private readonly headers: Record<string, string> = {},
  ) {
    this.client = new GraphQLClient(url, { headers });
  }

  /** Sends a query and returns data and errors as the server sent them. */
  async query<TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResult<TData>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...this.headers, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: TData | null; errors?: GraphQLResult<TData>['errors'] };
    return { status: response.status, data: body.data, errors: body.errors };
  }

  /** Sends a query and returns its data, failing the test on any error. */
  async data<TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<TData> {
    const result = await this.query<TData>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data as TData;
  }

  /** A client with extra headers on every request (identity, purpose). */
  with(headers: Record<string, string>): TestClient {
    return new TestClient(this.url, { ...this.headers, ...headers });
  }
}

export interface TestPlatformOptions {
  /** Generated demo data to load (a small area by default). */
  demo?: DemoAreaOptions;
  /** Or an exact area to load. */
  demoArea?: DemoArea;
  subgraphTimeoutMs?: number;
  subgraphs?: readonly SubgraphDefinition[];
  supergraphSdl?: string;
}

export interface TestPlatform {
  platform: RunningPlatform;
  gateway: TestClient;
  /** A direct client per subgraph (bypassing the gateway). */
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
  const platform = await startPlatform({
    dataDir,
    persistent: false,
    logger: createLogger('test', process.env.TEST_LOG_LEVEL ?? 'silent'),
    demo: options.demo ?? { children: 400, seed: 7 },
    demoArea: options.demoArea,
    subgraphTimeoutMs: options.subgraphTimeoutMs,
    subgraphs: options.subgraphs,
    supergraphSdl: options.supergraphSdl,
    ports: {
      gateway: 0,
      subgraphs: Object.fromEntries((options.subgraphs ?? (await import('@local-area-graph/platform')).SUBGRAPHS).map((s) => [s.name, 0])),
    },
  });
  return {
    platform,
    gateway: new TestClient(platform.gatewayUrl),
    subgraph: (name) => {
      const running = platform.subgraphs[name];
      if (!running) throw new Error(`No subgraph ${name}`);
      return new TestClient(running.url);
    },
    statementCounts: () => Object.fromEntries(Object.entries(platform.subgraphs).map(([name, s]) => [name, s.database.statements.count])),
    async stop() {
      await platform.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
