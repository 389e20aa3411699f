import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, prettyFormatQueryPlan, type QueryPlan } from '@apollo/query-planner';
import { Kind, parse, validate, type GraphQLSchema } from 'graphql';

/**
 * What the benchmark knows of the running platform, read from the committed
 * supergraph it serves: the public API (to build and check operations), the
 * subgraphs in it, which types are entities, and the query planner the gateway uses
 * (to make the direct subgraph calls exactly as the gateway would).
 */
export interface SupergraphInfo {
  sdl: string;
  api: GraphQLSchema;
  /** Subgraph names, from the join__Graph enum. */
  subgraphs: string[];
  /** Object types with a @key in some subgraph. */
  entities: Set<string>;
  /** For each field `Type.field`, the subgraphs that resolve it. */
  fieldOwners: Map<string, string[]>;
  plan(operation: string, operationName?: string): QueryPlan;
  formatPlan(plan: QueryPlan): string;
  /** The operation's validation errors against the public API (empty when it is valid). */
  check(operation: string): string[];
}

export function readSupergraph(sdl: string): SupergraphInfo {
  const supergraph = Supergraph.build(sdl);
  const api = supergraph.apiSchema().toGraphQLJSSchema();
  const planner = new QueryPlanner(supergraph);
  const document = parse(sdl);
  const subgraphs: string[] = [];
  const graphNames = new Map<string, string>();
  const entities = new Set<string>();
  const fieldOwners = new Map<string, string[]>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) {
        const join = value.directives?.find((d) => d.name.value === 'join__graph');
        const name = join?.arguments?.find((a) => a.name.value === 'name')?.value;
        if (name?.kind === Kind.STRING) {
          subgraphs.push(name.value);
          graphNames.set(value.name.value, name.value);
        }
      }
    }
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeGraphs: string[] = [];
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'join__type') continue;
      const graph = directive.arguments?.find((a) => a.name.value === 'graph')?.value;
      if (graph?.kind === Kind.ENUM) typeGraphs.push(graphNames.get(graph.value) ?? graph.value);
      if (directive.arguments?.some((a) => a.name.value === 'key')) entities.add(definition.name.value);
    }
    for (const field of definition.fields ?? []) {
      const owners = (field.directives ?? [])
        .filter((d) => d.name.value === 'join__field')
        .filter((d) => !d.arguments?.some((a) => a.name.value === 'external' && a.value.kind === Kind.BOOLEAN && a.value.value))
        .map((d) => d.arguments?.find((a) => a.name.value === 'graph')?.value)
        .map((v) => (v?.kind === Kind.ENUM ? (graphNames.get(v.value) ?? v.value) : ''))
        .filter(Boolean);
      fieldOwners.set(`${definition.name.value}.${field.name.value}`, owners.length > 0 ? owners : [...new Set(typeGraphs)]);
    }
  }
  return {
    sdl,
    api,
    subgraphs,
    entities,
    fieldOwners,
    plan(operation, operationName) {
      return planner.buildQueryPlan(operationFromDocument(supergraph.apiSchema(), parse(operation), { operationName }));
    },
    formatPlan: (plan) => prettyFormatQueryPlan(plan),
    check(operation) {
      try {
        return validate(api, parse(operation)).map((e) => e.message);
      } catch (error) {
        return [(error as Error).message];
      }
    },
  };
}

/** Every subgraph a plan calls, in the order it first calls them. */
export function servicesOf(plan: QueryPlan): string[] {
  const services: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { kind?: string; serviceName?: string; nodes?: unknown[]; node?: unknown };
    if (n.kind === 'Fetch' && n.serviceName && !services.includes(n.serviceName)) services.push(n.serviceName);
    for (const child of n.nodes ?? []) walk(child);
    if (n.node) walk(n.node);
  };
  walk(plan.node);
  return services;
}
