import { runSubgraphMain } from '@local-area-graph/subgraph-kit';
import { commissioning } from './index.js';

// Runs this subgraph on its own (production: one process per subgraph, own database).
await runSubgraphMain(commissioning);
