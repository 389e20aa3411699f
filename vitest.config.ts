import { defineConfig } from 'vitest/config';

/**
 * Test tiers by file suffix (benchmarks live apart and never run here):
 * `*.test.ts` fast unit and subgraph tests; `*.e2e.ts` through the gateway on real
 * PostgreSQL.
 */
export default defineConfig({
  test: {
    include: ['packages/**/src/**/*.test.ts', 'subgraphs/**/*.test.ts', 'gateway/**/*.test.ts', 'tests/**/*.test.ts', 'tests/**/*.e2e.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Each e2e file starts its own PostgreSQL and platform; two cores run two at once.
    maxWorkers: 2,
  },
});
