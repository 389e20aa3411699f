import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Viewer } from '@local-area-graph/trust';
import { LoaderRegistry } from './loaders.js';

/** What every resolver of every subgraph receives, made fresh for each request. */
export interface SubgraphContext {
  /** The caller's request id (x-request-id), or a new one; it is in every log line. */
  requestId: string;
  logger: Logger;
  /** This subgraph's own database. No subgraph reads another's. */
  db: DataSource;
  loaders: LoaderRegistry;
  /** Who is asking and why, from their verified token; every access decision starts here. */
  viewer: Viewer;
}

export function createSubgraphContext(db: DataSource, logger: Logger, requestId: string, viewer: Viewer): SubgraphContext {
  return { requestId, logger: logger.child({ requestId, subject: viewer.subject }), db, loaders: new LoaderRegistry(db), viewer };
}
