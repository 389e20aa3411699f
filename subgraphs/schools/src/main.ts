import { runSubgraphMain } from '@local-area-graph/subgraph-kit';
import { schools } from './index.js';

// Runs this subgraph on its own (production: one process per subgraph, own database).
await runSubgraphMain(schools);
