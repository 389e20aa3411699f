import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

/**
 * Test tiers by file suffix (benchmarks live apart and never run here):
 * `*.test.ts` fast unit and single-subgraph tests; `*.e2e.ts` through the gateway on
 * real PostgreSQL.
 */
export default defineConfig({
  resolve: {
    // Vite would load graphql's ESM build for workspace sources while type-graphql and
    // @apollo/* load its CommonJS build through Node: two copies, and type-graphql's
    // `instanceof GraphQLScalarType` fails. One copy for everybody.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql', { paths: [new URL('./packages/subgraph-kit', import.meta.url).pathname] }) }],
  },
  test: {
    include: ['packages/**/src/**/*.test.ts', 'subgraphs/**/*.test.ts', 'gateway/**/*.test.ts', 'tests/**/*.test.ts', 'tests/**/*.e2e.ts', 'bench/src/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Each e2e file starts its own PostgreSQL and platform; two cores run two at once.
    maxWorkers: 2,
  },
});
