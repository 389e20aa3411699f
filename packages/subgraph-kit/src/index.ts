import 'reflect-metadata';

export { buildFederatedSchema, FEDERATION_SPEC } from './federation.js';
export type { ReferenceResolvers } from './federation.js';
export { createGraphQLHttpServer } from './http-server.js';
export type { GraphQLHttpServerOptions, RunningHttpServer } from './http-server.js';
export { createSubgraphContext } from './context.js';
export type { SubgraphContext } from './context.js';
export { LoaderRegistry } from './loaders.js';
export { ErrorCode, assertUuid, badUserInput, createErrorFormatter, notFound } from './errors.js';
export { ConfigError, databaseUrlVariable, loadConfigOrExit, logLevelVariable, parseConfig, portVariable } from './config.js';
export { createLogger } from './logger.js';
export type { Logger } from './logger.js';
export { createSubgraphApollo, openAndMigrate, serveSubgraph, startSubgraph } from './subgraph.js';
export type { RunningSubgraph, StartSubgraphOptions, SubgraphDefinition } from './subgraph.js';
export { connectionFrom, decodeCursor, encodeCursor, pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';
export type { PageArgs } from './pagination.js';
export { PageInfo } from './page-info.js';
export { runSubgraphMain, subgraphEnvironment } from './main.js';
