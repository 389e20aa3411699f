import type { FetchNode, PlanNode, QueryPlan, QueryPlanSelectionNode } from '@apollo/query-planner';

/**
 * The subgraph calls of a query plan made directly, with none of the gateway's work
 * around them (no token check, parsing, validation, planning or shaping of the
 * answer): each fetch the plan holds, in the plan's order, its parallel fetches in
 * parallel, each `_entities` fetch given the representations the gateway would send
 * (typename, key and @requires fields, such as the register's careTeamPass, taken
 * from the answers before it). Its time is the critical path of the plan; the
 * gateway's overhead is what the gateway takes beyond it.
 */
export type SendFetch = (service: string, body: string) => Promise<{ data?: Record<string, unknown> | null; errors?: unknown[] }>;

export interface DirectResult {
  data: Record<string, unknown>;
  /** The first error any fetch answered, if one did. */
  error?: string;
  /** Milliseconds each fetch took, by fetch order in the plan (`service#n`). */
  fetchMs: Record<string, number>;
}

/** Fails fast on plan features this executor does not carry out (the benchmark then says so). */
export function assertExecutable(plan: QueryPlan): void {
  const walk = (node: PlanNode | undefined) => {
    if (!node) return;
    switch (node.kind) {
      case 'Sequence':
      case 'Parallel':
        node.nodes.forEach(walk);
        return;
      case 'Flatten':
        walk(node.node);
        return;
      case 'Fetch':
        if (node.inputRewrites?.length || node.outputRewrites?.length || node.contextRewrites?.length) {
          throw new Error(`the plan's fetch to ${node.serviceName} rewrites its data, which the direct executor does not do`);
        }
        return;
      default:
        throw new Error(`the plan holds a ${node.kind} node, which the direct executor does not do`);
    }
  };
  if (plan.node?.kind === 'Subscription') throw new Error('a subscription plan');
  walk(plan.node as PlanNode | undefined);
}

export async function executeDirect(plan: QueryPlan, variables: Record<string, unknown>, send: SendFetch): Promise<DirectResult> {
  const data: Record<string, unknown> = {};
  const fetchMs: Record<string, number> = {};
  let error: string | undefined;
  let fetchIndex = 0;

  const runFetch = async (node: FetchNode, entities: Record<string, unknown>[] | null) => {
    const label = `${node.serviceName}#${fetchIndex++}`;
    const fetchVariables: Record<string, unknown> = {};
    for (const name of node.variableUsages ?? []) if (name in variables) fetchVariables[name] = variables[name];
    let targets: Record<string, unknown>[] = [];
    if (entities) {
      const representations: Record<string, unknown>[] = [];
      for (const entity of entities) {
        const representation = node.requires ? pick(entity, node.requires) : undefined;
        if (representation) {
          representations.push(representation);
          targets.push(entity);
        }
      }
      if (representations.length === 0) return;
      fetchVariables.representations = representations;
    }
    const body = JSON.stringify({ query: node.operation, operationName: node.operationName, variables: fetchVariables });
    const at = performance.now();
    const answer = await send(node.serviceName, body);
    fetchMs[label] = performance.now() - at;
    if (answer.errors?.length && !error) error = `${node.serviceName}: ${describe(answer.errors[0])}`;
    if (!answer.data) return;
    if (entities) {
      const returned = (answer.data._entities ?? []) as (Record<string, unknown> | null)[];
      targets.forEach((target, i) => {
        const value = returned[i];
        if (value) merge(target, value);
      });
    } else {
      merge(data, answer.data);
    }
  };

  const run = async (node: PlanNode | undefined, path: (string | number)[] | null): Promise<void> => {
    if (!node) return;
    switch (node.kind) {
      case 'Sequence':
        for (const child of node.nodes) await run(child, path);
        return;
      case 'Parallel':
        await Promise.all(node.nodes.map((child) => run(child, path)));
        return;
      case 'Flatten':
        return run(node.node, node.path);
      case 'Fetch':
        return runFetch(node, path ? objectsAt(data, path) : null);
      default:
        throw new Error(`unsupported plan node ${node.kind}`);
    }
  };
  await run(plan.node as PlanNode | undefined, null);
  return { data, error, fetchMs };
}

/** The objects at a flatten path; `@` walks into every element of a list. */
export function objectsAt(root: unknown, path: readonly (string | number)[]): Record<string, unknown>[] {
  let current: unknown[] = [root];
  for (const step of path) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || value === undefined) continue;
      if (step === '@') {
        if (Array.isArray(value)) next.push(...value);
      } else {
        next.push((value as Record<string, unknown>)[step]);
      }
    }
    current = next;
  }
  return current.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v));
}

/**
 * The representation of an entity: the fields the fetch requires (type conditions
 * checked against __typename). Undefined when a required field is missing, as the
 * gateway then leaves the entity out of the fetch.
 */
export function pick(value: Record<string, unknown>, selections: readonly QueryPlanSelectionNode[]): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const selection of selections) {
    if (selection.kind === 'InlineFragment') {
      if (selection.typeCondition && value.__typename !== selection.typeCondition) continue;
      const inner = pick(value, selection.selections);
      if (!inner) return undefined;
      Object.assign(out, inner);
    } else {
      const key = selection.alias ?? selection.name;
      const field = value[key];
      if (field === undefined) return undefined;
      if (field === null || !selection.selections) out[selection.name] = field;
      else if (Array.isArray(field)) out[selection.name] = field.map((item) => (item && typeof item === 'object' ? pick(item as Record<string, unknown>, selection.selections!) : item));
      else {
        const inner = pick(field as Record<string, unknown>, selection.selections);
        if (!inner) return undefined;
        out[selection.name] = inner;
      }
    }
  }
  return out;
}

/** Deep merge of a fetch's answer into what is known already (objects key by key, lists element by element). */
export function merge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (Array.isArray(existing) && Array.isArray(value) && existing.length === value.length) {
      value.forEach((item, i) => {
        if (item && typeof item === 'object' && existing[i] && typeof existing[i] === 'object') merge(existing[i] as Record<string, unknown>, item as Record<string, unknown>);
        else existing[i] = item;
      });
    } else if (existing && value && typeof existing === 'object' && typeof value === 'object' && !Array.isArray(existing) && !Array.isArray(value)) {
      merge(existing as Record<string, unknown>, value as Record<string, unknown>);
    } else {
      target[key] = value;
    }
  }
}

function describe(error: unknown): string {
  const e = error as { message?: string; extensions?: { code?: string }; path?: unknown[] };
  return `${e.extensions?.code ?? 'ERROR'}${e.path ? ` at ${e.path.join('.')}` : ''}: ${String(e.message).slice(0, 160)}`;
}
