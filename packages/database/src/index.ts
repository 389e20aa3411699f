export { startEmbeddedPostgres, ensureDatabase, freePort } from './embedded.js';
export type { EmbeddedPostgresOptions, RunningPostgres } from './embedded.js';
export { openSubgraphDatabase, migrate } from './data-source.js';
export type { SubgraphDataSourceOptions, SubgraphDatabase } from './data-source.js';
export { StatementCounter } from './statement-counter.js';
export { SnakeCaseNamingStrategy } from './naming.js';
export { bulkInsert, copyValue } from './bulk.js';
export { queryPrepared } from './prepared.js';
