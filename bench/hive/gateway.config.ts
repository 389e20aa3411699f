import { defineConfig } from '@graphql-hive/gateway';

/*
 * Hive Gateway over the same committed supergraph, for `pnpm bench`'s throughput
 * comparison. The supergraph's join__graph URLs are composition-time placeholders
 * (localhost:4001…); the benchmark passes the running subgraphs' URLs as JSON in
 * BENCH_SUBGRAPH_URLS. It forwards what our gateway forwards: the caller's token,
 * the purpose and the request id (each subgraph verifies the token itself).
 */
const urls = JSON.parse(process.env.BENCH_SUBGRAPH_URLS ?? '{}') as Record<string, string>;
const FORWARDED = ['authorization', 'x-purpose', 'x-request-id'];

export const gatewayConfig = defineConfig({
  transportEntries: Object.fromEntries(Object.entries(urls).map(([name, location]) => [name, { location }])),
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      const headers: Record<string, string> = {};
      for (const name of FORWARDED) {
        const value = request.headers.get(name);
        if (value) headers[name] = value;
      }
      return headers;
    },
  },
  logging: process.env.LOG_LEVEL === 'debug' ? 'debug' : 'warn',
  graphiql: false,
  landingPage: false,
});
