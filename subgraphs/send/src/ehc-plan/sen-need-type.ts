/**
 * The shared SEN need type codes (see the subgraph kit). A plan never records NSA: the
 * mutations refuse it and the database's CHECK does too.
 */
export { SenNeedType } from '@local-area-graph/subgraph-kit';
