import type { SubgraphDefinition } from '@local-area-graph/subgraph-kit';
import { localities } from '@local-area-graph/subgraph-localities';
import { schools } from '@local-area-graph/subgraph-schools';
import { send } from '@local-area-graph/subgraph-send';
import { health } from '@local-area-graph/subgraph-health';
import { commissioning } from '@local-area-graph/subgraph-commissioning';

/**
 * Every subgraph of the platform. A partner's subgraph joins by adding its package
 * as a dependency of this package and one line here; `pnpm compose` then checks that
 * it composes with the rest.
 */
export const SUBGRAPHS: readonly SubgraphDefinition[] = [localities, schools, send, health, commissioning];
