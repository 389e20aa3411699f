import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { argumentNamingPlugin } from './argument-naming.js';
import type { GraphQLSchema } from 'graphql';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import type { Logger } from 'pino';
import type { TokenVerifier } from '@local-area-graph/trust';
import { migrate, openSubgraphDatabase, type SubgraphDatabase } from '@local-area-graph/database';
import { createSubgraphContext, type SubgraphContext } from './context.js';
import { createErrorFormatter } from './errors.js';
import type { ChildAccessRule } from './access/decisions.js';
import type { CareTeamKey, CareTeamTrust } from './access/care-team.js';
import { auditPlugin } from './access/audit-plugin.js';
import { createGraphQLHttpServer, type RunningHttpServer } from './http-server.js';

/**
 * What a subgraph folder exports. The platform, the composition script and the test
 * kit only ever use this, so a partner's subgraph joins by providing one.
 */
export interface SubgraphDefinition {
  /** Short lower-case name: the database name, the `<NAME>_DATABASE_URL` variable, the service name in the supergraph. */
  name: string;
  /** Port used by `pnpm start` unless `<NAME>_PORT` says otherwise. */
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  /** Builds this subgraph's Federation 2 schema (see buildFederatedSchema). */
  buildSchema(): Promise<GraphQLSchema>;
  /**
   * Loads demo data into an empty, migrated database. `demo` is the generated area
   * (see @local-area-graph/demo-data); each subgraph takes the part it owns.
   */
  seed(db: DataSource, demo: unknown): Promise<void>;
  /** True when the database holds no data yet (so the demo data may be loaded). */
  isEmpty(db: DataSource): Promise<boolean>;
  /**
   * Who may see a child's personal data held here, for the roles that depend on a
   * relationship this subgraph knows (see access/decisions.ts). Without one, only
   * ADMIN sees personal data.
   */
  childAccess?: ChildAccessRule<SubgraphContext>;
  /**
   * How this subgraph names the child a care-team pass is about, when it does not key
   * children by platform id (health knows them by NHS number only).
   */
  careTeamKey?: CareTeamKey;
  /** The register, which knows the team around the child: it signs care-team passes, the others check them. */
  issuesCareTeamPasses?: boolean;
}

export interface StartSubgraphOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  logger: Logger;
  /** Verifies every request's token: a subgraph never trusts a bare header, even from the gateway. */
  verifier: TokenVerifier;
  /** The register's keys for care-team passes (see access/care-team.ts). */
  careTeam?: CareTeamTrust;
  /** Database connections in this replica's pool. */
  poolSize?: number;
}

/** A subgraph running in this process. */
export interface RunningSubgraph {
  name: string;
  url: string;
  database: SubgraphDatabase;
  stop(): Promise<void>;
}

/** Opens the subgraph's database and applies its migrations. */
export async function openAndMigrate(definition: SubgraphDefinition, databaseUrl: string, logger: Logger, poolSize?: number) {
  const database = await openSubgraphDatabase({
    url: databaseUrl,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize,
    onSlowQuery: (ms, query) => logger.warn({ ms, query: query.slice(0, 500) }, 'slow SQL statement'),
  });
  const applied = await migrate(database.dataSource);
  if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
  return database;
}

/** Builds the Apollo Server for a subgraph schema, with the platform's error policy. */
export function createSubgraphApollo(schema: GraphQLSchema, logger: Logger): ApolloServer<SubgraphContext> {
  return new ApolloServer<SubgraphContext>({
    schema,
    // Stack traces and SQL never leave the service; they go to the log.
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter((error) => logger.error({ err: error }, 'unexpected error')),
    // Federated tracing (ftv1) is for Apollo's hosted studio, which this platform does not use.
    // Cache hints neither: personal answers are never cached, and the hint plugin would
    // wrap every field's resolver of every request (a fifth of a picture's execution).
    plugins: [argumentNamingPlugin, auditPlugin, ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Starts a subgraph against an existing, migrated database. */
export async function serveSubgraph(
  definition: SubgraphDefinition,
  database: SubgraphDatabase,
  options: { port: number; host?: string; logger: Logger; verifier: TokenVerifier; careTeam?: CareTeamTrust },
): Promise<RunningHttpServer> {
  const schema = await definition.buildSchema();
  const apollo = createSubgraphApollo(schema, options.logger);
  const server = createGraphQLHttpServer<SubgraphContext>({
    apollo,
    logger: options.logger,
    // Runs before any resolver, `_entities` included: no valid token, no answer (401).
    context: async (request, requestId) => {
      const viewer = await options.verifier.verify(header(request.headers.authorization), header(request.headers['x-purpose']));
      return createSubgraphContext(database.dataSource, options.logger, requestId, viewer, {
        subgraph: definition.name,
        childAccess: definition.childAccess,
        careTeam: options.careTeam,
        careTeamKey: definition.careTeamKey,
      });
    },
    readiness: async () => {
      await database.dataSource.query('SELECT 1');
    },
  });
  return server.listen(options.port, options.host);
}

/** Opens, migrates and serves one subgraph: what a subgraph's own `main.ts` runs. */
export async function startSubgraph(definition: SubgraphDefinition, options: StartSubgraphOptions): Promise<RunningSubgraph> {
  const database = await openAndMigrate(definition, options.databaseUrl, options.logger, options.poolSize);
  const http = await serveSubgraph(definition, database, options);
  options.logger.info({ url: http.url }, `${definition.name} subgraph ready`);
  return {
    name: definition.name,
    url: http.url,
    database,
    async stop() {
      await http.close();
      await database.dataSource.destroy();
    },
  };
}
