import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Viewer } from '@local-area-graph/trust';
import { LoaderRegistry } from './loaders.js';
import { ChildAccess, type ChildAccessRule } from './access/decisions.js';
import { AuditTrail } from './access/audit.js';
import { CareTeamGrants, byPlatformId, type CareTeamKey, type CareTeamTrust } from './access/care-team.js';

/** What every resolver of every subgraph receives, made fresh for each request. */
export interface SubgraphContext {
  /** The caller's request id (x-request-id), or a new one; it is in every log line and audit row. */
  requestId: string;
  logger: Logger;
  /** This subgraph's own database. No subgraph reads another's. */
  db: DataSource;
  loaders: LoaderRegistry;
  /** Who is asking and why, from their verified token; every access decision starts here. */
  viewer: Viewer;
  /** Whether the viewer may see a given child's personal data here (batched per request). */
  access: ChildAccess;
  /** The personal-data reads of this request, written to access_audit before the answer leaves. */
  audit: AuditTrail;
  /** The viewer's team-around-the-child relationships shown in this request (care-team passes). */
  careTeam: CareTeamGrants;
}

export interface ContextSettings {
  subgraph: string;
  childAccess?: ChildAccessRule<SubgraphContext>;
  /** The register's keys for care-team passes; without a verifier, passes grant nothing. */
  careTeam?: CareTeamTrust;
  /** How this subgraph names the child a pass is about (its platform id unless it keys children otherwise). */
  careTeamKey?: CareTeamKey;
}

export function createSubgraphContext(db: DataSource, logger: Logger, requestId: string, viewer: Viewer, settings: ContextSettings): SubgraphContext {
  const context = {
    requestId,
    logger: logger.child({ requestId, subject: viewer.subject }),
    db,
    loaders: new LoaderRegistry(db),
    viewer,
    audit: new AuditTrail(viewer, settings.subgraph, requestId),
  } as SubgraphContext;
  context.careTeam = new CareTeamGrants(viewer, settings.careTeam ?? {}, settings.careTeamKey ?? byPlatformId);
  context.access = new ChildAccess(viewer, settings.childAccess as never, context, context.careTeam);
  return context;
}
