import { CompositionError } from '@local-area-graph/gateway';
import { composePlatform, compositionIsCurrent, writeComposition } from './compose.js';

// `pnpm compose` writes the supergraph and each subgraph's SDL; `--check` only
// reports (exit 1) when the committed files are stale, for CI.
const check = process.argv.includes('--check');
try {
  const composition = await composePlatform();
  if (check) {
    const stale = compositionIsCurrent(composition);
    if (stale.length > 0) {
      console.error(`Stale, run \`pnpm compose\`:\n${stale.map((file) => `  ${file}`).join('\n')}`);
      process.exit(1);
    }
    console.log('Supergraph and subgraph schemas are current.');
  } else {
    for (const file of writeComposition(composition)) console.log(`wrote ${file}`);
  }
  process.exit(0);
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
}
