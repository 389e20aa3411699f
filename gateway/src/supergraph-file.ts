import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The committed supergraph the gateway serves (written by `pnpm compose`). */
export const SUPERGRAPH_PATH = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

export function readCommittedSupergraph(): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8');
}
