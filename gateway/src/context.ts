import type { Viewer } from '@local-area-graph/trust';

/** What the gateway keeps of each incoming request. */
export interface GatewayContext {
  requestId: string;
  /** Lower-cased incoming headers, of which some are forwarded to subgraphs. */
  headers: Record<string, string | undefined>;
  /** Who is asking, from the verified token (for logs; subgraphs decide access). */
  viewer: Viewer;
}
