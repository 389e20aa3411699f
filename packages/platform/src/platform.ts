import path from 'node:path';
import { createGateway, readCommittedSupergraph } from '@local-area-graph/gateway';
import { startEmbeddedPostgres, type RunningPostgres, type SubgraphDatabase } from '@local-area-graph/database';
import { openAndMigrate, serveSubgraph, type Logger, type RunningHttpServer, type SubgraphDefinition } from '@local-area-graph/subgraph-kit';
import { generateDemoArea, type DemoArea, type DemoAreaOptions } from '@local-area-graph/demo-data';
import {
  createCareTeamPassSigner,
  createCareTeamPassVerifier,
  createTokenVerifier,
  generateLocalSigningKey,
  type LocalSigningKey,
  type TrustSettings,
} from '@local-area-graph/trust';
import { SUBGRAPHS } from './subgraphs.js';

export interface PlatformOptions {
  /** Where the embedded PostgreSQL keeps its cluster (only used for subgraphs without an external URL). */
  dataDir: string;
  /** Keep the cluster on stop (`pnpm start`) or delete it (tests). */
  persistent: boolean;
  /** External PostgreSQL per subgraph name; the rest use the embedded server. */
  databaseUrls?: Record<string, string | undefined>;
  /** Port per subgraph name, and for the gateway; 0 picks a free port. */
  ports?: { gateway?: number; subgraphs?: Record<string, number | undefined> };
  host?: string;
  /** Demo data to load into empty databases; false loads nothing. */
  demo?: DemoAreaOptions | false;
  /** Load this area instead of generating one (tests with known data). */
  demoArea?: DemoArea;
  subgraphTimeoutMs?: number;
  /** The supergraph to serve; the committed file by default. */
  supergraphSdl?: string;
  subgraphs?: readonly SubgraphDefinition[];
  /** Which tokens to accept: the gateway and every subgraph verify each request against these. */
  trust: TrustSettings;
  /** The register's key for care-team passes; a fresh one for this run when not given. */
  careTeamKey?: LocalSigningKey;
  logger: Logger;
}

export interface RunningPlatform {
  gatewayUrl: string;
  subgraphs: Record<string, { url: string; database: SubgraphDatabase; stop(): Promise<void> }>;
  postgres: RunningPostgres | null;
  stop(): Promise<void>;
}

/**
 * Brings up the whole platform in this process: PostgreSQL (embedded unless every
 * subgraph has an external URL), each subgraph's database, migrations and demo data
 * (only into an empty database), every subgraph, then the gateway. On any failure,
 * whatever started is stopped again.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const { logger } = options;
  const definitions = options.subgraphs ?? SUBGRAPHS;
  const verifier = createTokenVerifier(options.trust);
  const careTeamKey = options.careTeamKey ?? (await generateLocalSigningKey());
  const careTeamVerifier = createCareTeamPassVerifier({ jwks: careTeamKey.jwks });
  const careTeamSigner = createCareTeamPassSigner(careTeamKey);
  const stoppers: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) {
      try {
        await stop();
      } catch (error) {
        logger.warn({ err: error }, 'error while stopping');
      }
    }
    stoppers.length = 0;
  };

  try {
    const external = options.databaseUrls ?? {};
    let postgres: RunningPostgres | null = null;
    if (definitions.some((definition) => !external[definition.name])) {
      postgres = await startEmbeddedPostgres({
        dataDir: path.resolve(options.dataDir, 'postgres'),
        persistent: options.persistent,
        onLog: (line) => logger.debug({ postgres: line.trim() }),
      });
      const started = postgres;
      stoppers.push(() => started.stop());
      logger.info({ port: postgres.port, dataDir: path.resolve(options.dataDir, 'postgres') }, 'PostgreSQL started');
    }

    let demo: DemoArea | undefined = options.demoArea;
    const running: RunningPlatform['subgraphs'] = {};
    const subgraphUrls: Record<string, string> = {};
    for (const definition of definitions) {
      const log = logger.child({ subgraph: definition.name });
      let url = external[definition.name];
      if (!url) {
        await postgres!.ensureDatabase(definition.name);
        url = postgres!.socketUrlFor(definition.name);
      }
      const database = await openAndMigrate(definition, url, log);
      stoppers.push(() => database.dataSource.destroy());
      if (options.demo !== false && (await definition.isEmpty(database.dataSource))) {
        demo ??= generateDemoArea(options.demo);
        const started = Date.now();
        await definition.seed(database.dataSource, demo);
        log.info({ ms: Date.now() - started }, 'demo data loaded');
      }
      const port = options.ports?.subgraphs?.[definition.name] ?? definition.defaultPort;
      const http: RunningHttpServer = await serveSubgraph(definition, database, {
        port,
        host: options.host,
        logger: log,
        verifier,
        // Only the register may vouch for a team; every subgraph may check.
        careTeam: { verifier: careTeamVerifier, signer: definition.issuesCareTeamPasses ? careTeamSigner : undefined },
      });
      stoppers.push(() => http.close());
      running[definition.name] = { url: http.url, database, stop: () => http.close() };
      subgraphUrls[definition.name] = http.url;
    }

    const gateway = await createGateway({
      supergraphSdl: options.supergraphSdl ?? readCommittedSupergraph(),
      subgraphUrls,
      subgraphTimeoutMs: options.subgraphTimeoutMs ?? 5000,
      verifier,
      logger: logger.child({ component: 'gateway' }),
    }).listen(options.ports?.gateway ?? 4000, options.host);
    stoppers.push(() => gateway.close());

    return { gatewayUrl: gateway.url, subgraphs: running, postgres, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
