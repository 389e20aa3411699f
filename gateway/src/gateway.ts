import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { createErrorFormatter, createGraphQLHttpServer, type Logger, type RunningHttpServer } from '@local-area-graph/subgraph-kit';
import type { TokenVerifier } from '@local-area-graph/trust';
import type { GatewayContext } from './context.js';
import { ABUSE_LIMITS, createAbuseLimits } from './limits.js';
import { SubgraphSource } from './subgraph-source.js';
import type { QueryPlan } from './query-plan.js';

export interface GatewayOptions {
  /** The committed supergraph (gateway/supergraph.graphql): no introspection at run time. */
  supergraphSdl: string;
  /** Where each subgraph runs now, by service name; overrides the URL composed into the supergraph. */
  subgraphUrls: Record<string, string>;
  /** How long to wait for any one subgraph call before answering without it. */
  subgraphTimeoutMs: number;
  /** Verifies the caller's token before any planning; subgraphs verify it again. */
  verifier: TokenVerifier;
  logger: Logger;
  /** Production: no introspection, no field suggestions. Default: NODE_ENV is `production`. */
  production?: boolean;
  /** Called with the plan of every operation before it runs (tests count an operation's subgraph calls with plannedFetches). */
  onQueryPlan?: (plan: QueryPlan) => void;
}

/**
 * @apollo/gateway answers an unknown operationName, or several operations without one,
 * with HTTP 500 (INVALID_GRAPHQL); it is the caller's mistake, so 400 as the subgraphs answer.
 */
const operationChoicePlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const body = response.body;
        if (body.kind === 'single' && !body.singleResult.data && body.singleResult.errors?.[0]?.extensions?.code === 'INVALID_GRAPHQL') {
          response.http.status = 400;
        }
      },
    };
  },
};

/**
 * One log line per operation naming the person behind it (NDG standard 4: every
 * access attributable), joined to the subgraphs' audit rows by the request id.
 */
function requestLogPlugin(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = Date.now();
      return {
        async willSendResponse({ operationName, response }) {
          const { viewer, requestId } = contextValue;
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors?.length ?? 0) : 0;
          logger.info({ requestId, subject: viewer.subject, role: viewer.role, purpose: viewer.purpose, operationName, errors, ms: Date.now() - started }, 'operation');
        },
      };
    },
  };
}

/**
 * The public endpoint: @apollo/gateway plans each query over the committed
 * supergraph and calls the subgraphs. Built apart from `listen` for in-process tests.
 */
export function createGateway(options: GatewayOptions) {
  const { logger } = options;
  // @apollo/gateway otherwise sends usage metrics to Apollo and probes cloud metadata
  // addresses (AWS, GCP, Azure) to describe the host. A platform holding children's
  // data calls no one it was not configured to call.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const sources: SubgraphSource[] = [];
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    ...(options.onQueryPlan ? { experimental_didResolveQueryPlan: ({ queryPlan }) => options.onQueryPlan!(queryPlan) } : {}),
    buildService: ({ name, url }) => {
      const actual = options.subgraphUrls[name] ?? url;
      if (!actual) throw new Error(`No URL for subgraph ${name}: set ${name.toUpperCase()}_URL.`);
      const source = new SubgraphSource(name, actual, options.subgraphTimeoutMs);
      sources.push(source);
      return source;
    },
    logger: {
      debug: (message) => logger.debug(String(message)),
      info: (message) => logger.info(String(message)),
      warn: (message) => logger.warn(String(message)),
      error: (message) => logger.error(String(message)),
    },
  });
  const limits = createAbuseLimits(ABUSE_LIMITS, { production: options.production ?? process.env.NODE_ENV === 'production' });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Depth, aliases, directives, tokens, cost, batching, introspection (gateway/src/limits.ts).
    ...limits,
    // No cache hints: answers about children are never cached, and the hint plugin would
    // read every subgraph answer's cache-control header for a policy no one uses.
    plugins: [...(limits.plugins ?? []), operationChoicePlugin, requestLogPlugin(logger), ApolloServerPluginCacheControlDisabled()],
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter((error) => logger.error({ err: error }, 'unexpected gateway error')),
  });
  const server = createGraphQLHttpServer<GatewayContext>({
    apollo,
    logger,
    context: async (request, requestId) => {
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      headers['x-request-id'] = requestId;
      // Refuse an unsigned or badly signed request here, before any subgraph is called.
      const viewer = await options.verifier.verify(headers.authorization, headers['x-purpose']);
      return { requestId, headers, viewer };
    },
  });
  return {
    async listen(port: number, host?: string): Promise<RunningHttpServer> {
      const running = await server.listen(port, host);
      return {
        ...running,
        async close() {
          await running.close();
          // The kept-alive connections to the subgraphs go with the gateway.
          for (const source of sources) source.close();
        },
      };
    },
  };
}
