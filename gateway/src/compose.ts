import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';

export interface SubgraphForComposition {
  name: string;
  /** The URL written into the supergraph; the gateway overrides it at run time. */
  url: string;
  schema: GraphQLSchema;
}

export interface Composition {
  supergraphSdl: string;
  /** Each subgraph's SDL, as written to subgraphs/<name>/schema.graphql. */
  subgraphSdl: Record<string, string>;
}

/** Thrown when the subgraphs do not compose; the message lists every error. */
export class CompositionError extends Error {
  constructor(readonly errors: string[]) {
    super(`Composition failed with ${errors.length} error(s):\n${errors.map((error) => `  - ${error}`).join('\n')}`);
  }
}

/** Composes subgraph schemas into a supergraph with @apollo/composition (Federation 2). */
export function composeSupergraph(subgraphs: SubgraphForComposition[]): Composition {
  const subgraphSdl: Record<string, string> = {};
  for (const subgraph of subgraphs) subgraphSdl[subgraph.name] = `${printSubgraphSchema(subgraph.schema).trim()}\n`;
  const result = composeServices(
    subgraphs.map((subgraph) => ({ name: subgraph.name, url: subgraph.url, typeDefs: parse(subgraphSdl[subgraph.name]!) })),
  );
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return { supergraphSdl: `${result.supergraphSdl.trim()}\n`, subgraphSdl };
}
