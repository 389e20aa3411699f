import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres, type SubgraphDatabase } from '@local-area-graph/database';
import { generateDemoArea, type DemoArea } from '@local-area-graph/demo-data';
import { SUBGRAPHS } from '@local-area-graph/platform';
import { createLogger, openAndMigrate, type SubgraphDefinition } from '@local-area-graph/subgraph-kit';
import { todayInEngland } from '@local-area-graph/identifiers';
import {
  BENCH_DATA_DIR,
  COUNTY_CHILDREN,
  COUNTY_SEED,
  benchUuid,
  chooseSample,
  manifestPath,
  readManifest,
  type CountyManifest,
  type LoadTimings,
  type SampleChild,
} from './county.js';

/*
 * The county loader, run as its own process by `pnpm bench` (so the generator's
 * two gigabytes never count against the platform's resident memory). It makes sure
 * the county cluster in .data/bench/postgres holds the county: every subgraph's
 * database migrated, and each empty one loaded from the generator with COPY (the
 * subgraphs' own seeds, through bulkInsert). A subgraph added since the last load
 * (an empty database) is loaded from the same seed and date, so it matches the rest.
 * The last line it prints is `COUNTY <json>`: what it loaded and how long it took.
 */

const { values } = parseArgs({
  options: {
    children: { type: 'string', default: String(COUNTY_CHILDREN) },
    seed: { type: 'string', default: String(COUNTY_SEED) },
    'data-dir': { type: 'string', default: BENCH_DATA_DIR },
  },
});
const children = Number(values.children);
const seed = Number(values.seed);
const dataDir = path.resolve(values['data-dir']!);
const logger = createLogger('bench-loader', process.env.LOG_LEVEL ?? 'error');
const started = performance.now();
const say = (line: string) => process.stderr.write(`[county] ${line}\n`);

let manifest = readManifest(dataDir);
if (manifest && (manifest.children !== children || manifest.seed !== seed)) {
  say(`the cluster holds ${manifest.children} children (seed ${manifest.seed}); ${children} (seed ${seed}) asked for: starting again`);
  manifest = null;
}
if (!manifest) {
  // No manifest: whatever is there did not finish loading; start from nothing.
  await rm(path.join(dataDir, 'postgres'), { recursive: true, force: true });
  await rm(manifestPath(dataDir), { force: true });
}
await mkdir(dataDir, { recursive: true });

const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), persistent: true });
const databases = new Map<string, SubgraphDatabase>();
try {
  const empty: SubgraphDefinition[] = [];
  for (const definition of SUBGRAPHS) {
    await postgres.ensureDatabase(definition.name);
    const database = await openAndMigrate(definition, postgres.socketUrlFor(definition.name), logger.child({ subgraph: definition.name }), 4);
    databases.set(definition.name, database);
    if (await definition.isEmpty(database.dataSource)) empty.push(definition);
  }

  const timings: LoadTimings = { loaded: empty.map((d) => d.name), generateMs: 0, seedMs: {}, teamMs: 0, analyzeMs: 0, totalMs: 0, peakRssBytes: 0 };
  if (empty.length > 0) {
    const asOf = manifest?.asOf ?? todayInEngland();
    say(`generating ${children.toLocaleString('en-GB')} children (seed ${seed}, as of ${asOf}) for ${empty.map((d) => d.name).join(', ')}`);
    let mark = performance.now();
    const area = generateDemoArea({ children, seed, asOf });
    timings.generateMs = Math.round(performance.now() - mark);
    say(`generated in ${(timings.generateMs / 1000).toFixed(1)} s; loading with COPY`);

    // Each subgraph's own seed (COPY through bulkInsert), all at once: each has its own
    // database and connection, so PostgreSQL ingests on one core while Node encodes on the other.
    await Promise.all(
      empty.map(async (definition) => {
        const at = performance.now();
        await definition.seed(databases.get(definition.name)!.dataSource, area);
        timings.seedMs[definition.name] = Math.round(performance.now() - at);
        say(`${definition.name} loaded in ${(timings.seedMs[definition.name]! / 1000).toFixed(1)} s`);
      }),
    );

    const sample = chooseSample(area);
    if (empty.some((d) => d.name === 'localities')) {
      mark = performance.now();
      await placeLeadsOnTeams(databases.get('localities')!, sample, asOf);
      timings.teamMs = Math.round(performance.now() - mark);
    }

    // Fresh statistics and visibility maps before anyone plans a query on these tables.
    mark = performance.now();
    await Promise.all(empty.map((d) => databases.get(d.name)!.dataSource.query('VACUUM (ANALYZE)')));
    timings.analyzeMs = Math.round(performance.now() - mark);

    timings.totalMs = Math.round(performance.now() - started);
    timings.peakRssBytes = peakRss();
    const written: CountyManifest = {
      seed,
      children,
      asOf,
      localAreaCode: area.localArea.code,
      localities: area.localities.length,
      schools: area.schools.length,
      rows: rowCounts(area),
      sample,
      lastLoad: timings,
    };
    await writeFile(manifestPath(dataDir), JSON.stringify(written, null, 1));
    say(`county ready in ${(timings.totalMs / 1000).toFixed(1)} s`);
  } else {
    timings.totalMs = Math.round(performance.now() - started);
    timings.peakRssBytes = peakRss();
    say('county already loaded');
  }
  process.stdout.write(`COUNTY ${JSON.stringify(timings)}\n`);
} finally {
  for (const database of databases.values()) await database.dataSource.destroy();
  await postgres.stop();
}
// Run with an IPC channel by the benchmark, which would otherwise keep this process alive.
process.exit(0);

/**
 * Puts each sampled child's locality professional on the child's team around the
 * child (from the day the area is as of), as a locality lead would with
 * `addTeamMember`: one statement for the whole sample. Ids are deterministic.
 */
async function placeLeadsOnTeams(database: SubgraphDatabase, sample: SampleChild[], asOf: string): Promise<void> {
  await database.dataSource.query(
    `INSERT INTO team_membership (id, child_id, professional_id, team_role, start_date, added_by)
     SELECT s.id, s.child_id, p.id, 'Locality lead (benchmark)', $3::date - 30, 'bench'
       FROM unnest($1::uuid[], $2::uuid[], $4::text[]) AS s(id, child_id, subject)
       JOIN professional p ON p.subject = s.subject`,
    [sample.map((s) => benchUuid(`team:${s.id}`)), sample.map((s) => s.id), asOf, sample.map((s) => s.subject)],
  );
}

function rowCounts(area: DemoArea): Record<string, number> {
  return Object.fromEntries(Object.entries(area).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, (v as unknown[]).length]));
}

/** The process's peak resident set (VmHWM), bytes. */
function peakRss(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
    return kb * 1024;
  } catch {
    return process.memoryUsage().rss;
  }
}
