export { createGateway } from './gateway.js';
export type { GatewayOptions } from './gateway.js';
export { composeSupergraph, CompositionError } from './compose.js';
export type { Composition, SubgraphForComposition } from './compose.js';
export type { GatewayContext } from './context.js';
export { readCommittedSupergraph, SUPERGRAPH_PATH } from './supergraph-file.js';
export { ABUSE_LIMITS, ABUSE_LIMIT_VARIABLES, DEFAULT_ABUSE_LIMITS, LIMIT_EXCEEDED_CODE, abuseLimitsEnvironment, abuseLimitsFrom, createAbuseLimits } from './limits.js';
export type { AbuseLimitOptions, AbuseLimits } from './limits.js';
