import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';

/** A query plan as @apollo/gateway makes it for one operation. */
export type QueryPlan = Parameters<Experimental_DidResolveQueryPlanCallback>[0]['queryPlan'];

/** One subgraph call of a plan: which subgraph, and the entity types it is asked about (none for a root fetch). */
export interface PlannedFetch {
  serviceName: string;
  /** The `... on Type` of an `_entities` fetch's representations, e.g. ["Locality"]. */
  entityTypes: string[];
}

interface PlanNodeLike {
  kind: string;
  nodes?: PlanNodeLike[];
  node?: PlanNodeLike;
  serviceName?: string;
  requires?: { kind: string; typeCondition?: string }[];
  ifClause?: PlanNodeLike;
  elseClause?: PlanNodeLike;
  primary?: PlanNodeLike | { node?: PlanNodeLike };
  deferred?: { node?: PlanNodeLike }[];
  rest?: PlanNodeLike;
}

/**
 * Every subgraph call a plan makes, in plan order. A fetch inside a Flatten over a
 * list is still one call: the gateway sends every entity of the list in one
 * `_entities` request. What tests count to prove an operation's fan-out is bounded.
 */
export function plannedFetches(plan: QueryPlan): PlannedFetch[] {
  const fetches: PlannedFetch[] = [];
  const walk = (node: PlanNodeLike | undefined): void => {
    if (!node) return;
    if (node.kind === 'Fetch') {
      fetches.push({ serviceName: node.serviceName!, entityTypes: (node.requires ?? []).map((r) => r.typeCondition ?? '').filter(Boolean) });
      return;
    }
    for (const child of node.nodes ?? []) walk(child);
    walk(node.node);
    walk(node.ifClause);
    walk(node.elseClause);
    const primary = node.primary as (PlanNodeLike & { node?: PlanNodeLike }) | undefined;
    if (primary) walk(primary.kind ? primary : primary.node);
    for (const deferred of node.deferred ?? []) walk(deferred.node);
    walk(node.rest);
  };
  walk(plan.node as PlanNodeLike | undefined);
  return fetches;
}
