import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CountyManifest } from './county.js';
import type { SupergraphInfo } from './supergraph.js';

/**
 * The commissioning board's view for the whole county: the example operation the
 * commissioning subgraph ships (examples/board-view.graphql, or another
 * examples/*board*.graphql), once that subgraph is in the running supergraph and the
 * operation is valid against it. Otherwise why it cannot run, so that the benchmark
 * prints "not available: <reason>" rather than measuring something else.
 */
export function boardOperation(
  info: Pick<SupergraphInfo, 'subgraphs' | 'check'>,
  county: Pick<CountyManifest, 'localAreaCode' | 'asOf'>,
  examplesDir: string,
): { operation: string; variables: Record<string, unknown>; file: string } | { unavailable: string } {
  if (!info.subgraphs.includes('commissioning')) return { unavailable: 'the commissioning subgraph is not in the supergraph' };
  const candidates = ['board-view.graphql', ...(existsSync(examplesDir) ? readdirSync(examplesDir).filter((f) => /board/i.test(f) && f.endsWith('.graphql')).sort() : [])];
  const file = candidates.find((f) => existsSync(path.join(examplesDir, f)));
  if (!file) return { unavailable: 'no board operation in examples/ (board-view.graphql)' };
  const operation = readFileSync(path.join(examplesDir, file), 'utf8');
  const problems = info.check(operation);
  if (problems.length) return { unavailable: `examples/${file} does not validate: ${problems.join('; ')}` };
  const variables: Record<string, unknown> = {};
  for (const match of operation.matchAll(/\$(\w+)\s*:\s*\[?\s*(\w+)(!?)/g)) {
    const [, name, type, required] = match;
    if (type === 'LaCode' || /^(laCode|localAreaCode|areaCode)$/i.test(name!)) variables[name!] = county.localAreaCode;
    else if (type === 'LocalDate') variables[name!] = county.asOf;
    else if (required) return { unavailable: `examples/${file} needs $${name} (${type}), which the benchmark cannot fill` };
  }
  return { operation, variables, file: `examples/${file}` };
}
