import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeSupergraph, SUPERGRAPH_PATH, type Composition } from '@local-area-graph/gateway';
import type { SubgraphDefinition } from '@local-area-graph/subgraph-kit';
import { SUBGRAPHS } from './subgraphs.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Where a subgraph's committed SDL lives. */
export const subgraphSchemaPath = (name: string) => `${REPO_ROOT}subgraphs/${name}/schema.graphql`;

/** Composes every subgraph's current schema; URLs are the local defaults (the gateway overrides them). */
export async function composePlatform(definitions: readonly SubgraphDefinition[] = SUBGRAPHS): Promise<Composition> {
  const subgraphs = await Promise.all(
    definitions.map(async (definition) => ({
      name: definition.name,
      url: `http://localhost:${definition.defaultPort}/graphql`,
      schema: await definition.buildSchema(),
    })),
  );
  return composeSupergraph(subgraphs);
}

/** Each file that differs from what composition produces now (empty when all are current). */
export function compositionIsCurrent(composition: Composition): string[] {
  const stale: string[] = [];
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  };
  if (read(SUPERGRAPH_PATH) !== composition.supergraphSdl) stale.push(SUPERGRAPH_PATH);
  for (const [name, sdl] of Object.entries(composition.subgraphSdl)) {
    if (read(subgraphSchemaPath(name)) !== sdl) stale.push(subgraphSchemaPath(name));
  }
  return stale;
}

export function writeComposition(composition: Composition): string[] {
  writeFileSync(SUPERGRAPH_PATH, composition.supergraphSdl);
  const written = [SUPERGRAPH_PATH];
  for (const [name, sdl] of Object.entries(composition.subgraphSdl)) {
    writeFileSync(subgraphSchemaPath(name), sdl);
    written.push(subgraphSchemaPath(name));
  }
  return written;
}
