import 'reflect-metadata';

export { buildFederatedSchema, FEDERATION_SPEC } from './federation.js';
export type { ReferenceResolvers } from './federation.js';
export { createGraphQLHttpServer } from './http-server.js';
export type { GraphQLHttpServerOptions, RunningHttpServer } from './http-server.js';
export { createSubgraphContext } from './context.js';
export type { ContextSettings, SubgraphContext } from './context.js';
export { LoaderRegistry } from './loaders.js';
export { selects } from './selection.js';
export { ErrorCode, assertUuid, badUserInput, createErrorFormatter, isUuid, notFound } from './errors.js';
export { ConfigError, databaseUrlVariable, loadConfigOrExit, logLevelVariable, parseConfig, portVariable } from './config.js';
export { createLogger } from './logger.js';
export type { Logger } from './logger.js';
export { createSubgraphApollo, openAndMigrate, serveSubgraph, startSubgraph } from './subgraph.js';
export type { RunningSubgraph, StartSubgraphOptions, SubgraphDefinition } from './subgraph.js';
export { connectionFrom, decodeCursor, encodeCursor, pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';
export type { PageArgs } from './pagination.js';
export { PageInfo } from './page-info.js';
export { runSubgraphMain, subgraphEnvironment, trustEnvironment } from './main.js';
export { argumentNamingPlugin, argumentAt } from './argument-naming.js';
export { ALLOW, ChildAccess, deny, forbidden, platformDecision } from './access/decisions.js';
export type { AccessDecision, ChildAccessRule } from './access/decisions.js';
export { AccessAudit1764200000000, AuditTrail, AuditWriter, auditWriterFor } from './access/audit.js';
export type { AuditRow } from './access/audit.js';
export { guardPersonalData } from './access/guard.js';
export { CareTeamGrants, byPlatformId } from './access/care-team.js';
export type { CareTeamKey, CareTeamTrust } from './access/care-team.js';
export type { PersonalType } from './access/guard.js';
export { AccessRecord, assertMayReadAccessLog, readAccessLog } from './access/access-log.js';
export { InputCheck, conflict, inTransaction, requireRole } from './writes.js';
export type { InputProblem } from './writes.js';
export { SenNeedType } from './codes/sen-need-type.js';
export {
  MonthFigures1765200000000,
  dropMonthFigureTriggersSql,
  monthFigureTriggersSql,
  monthFiguresLoader,
  zeroFilled,
} from './figures/month-figures.js';
export type { MonthFigureAsk, MonthFigureSource, MonthFigureTriggers, MonthOf } from './figures/month-figures.js';
