import type { LoadResult } from './load.js';
import type { LoadTimings } from './county.js';

/** Everything one `pnpm bench` run measured: written to bench/results/latest.json and rendered to latest.md. */
export interface BenchReport {
  date: string;
  command: string;
  commit: string;
  machine: Machine;
  county: CountyReport;
  platform: { subgraphs: string[]; settings: Record<string, string> };
  picture?: PictureReport;
  scenarios: ScenarioReport[];
  ratios: Ratio[];
  statements?: StatementReport;
  memory?: MemoryReport;
  goals: Goal[];
  notes: string[];
}

export interface Machine {
  os: string;
  cpuModel: string;
  cpus: number;
  totalMemoryBytes: number;
  node: string;
  /** 1-minute load average when the run started (other work on the machine skews every figure). */
  loadAverageAtStart: number;
}

export interface CountyReport {
  children: number;
  seed: number;
  asOf: string;
  localities: number;
  schools: number;
  rows: Record<string, number>;
  /** True when this run generated and loaded it; false when it was there already. */
  loadedThisRun: boolean;
  /** The load's timings (this run's, or the one that made the cluster). */
  load: LoadTimings;
  /** Wall time of the loader process this run, start to exit. */
  loaderWallMs: number;
}

export interface PictureReport {
  operation: string;
  fields: number;
  /** Subgraphs the gateway's plan calls for it. */
  subgraphs: string[];
  /** Subgraphs in the supergraph that add nothing to a child's picture. */
  notInPicture: string[];
  leftOut: { path: string; reason: string }[];
  plan: string;
  sampleChildren: number;
}

export interface ScenarioReport {
  id: string;
  title: string;
  status: 'ran' | 'not available' | 'failed';
  reason?: string;
  load?: LoadResult;
  /** CPU used during the run, in cores (1 = one core busy the whole time), per process. */
  cpuCores?: Record<string, number>;
  /** CPU milliseconds each process spent per request (warm-up included in both). */
  cpuMsPerRequest?: Record<string, number>;
  loadAverage?: number;
  details?: Record<string, unknown>;
}

export interface Ratio {
  name: string;
  value: number | null;
  formula: string;
}

export interface StatementReport {
  viewer: string;
  operation: string;
  /** Statements per subgraph (and in total) for one page of each size. */
  bySize: Record<string, Record<string, number>>;
  grows: boolean;
}

export interface MemoryReport {
  platformRssBytes: number;
  platformPeakRssBytes: number;
  postgres?: { processes: number; pssBytes: number; rssSumBytes: number };
  others: Record<string, { rssBytes: number; peakRssBytes: number }>;
}

export interface Goal {
  goal: string;
  target: string;
  measured: string;
  status: 'MET' | 'MISSED' | 'NOT RUN';
  reason?: string;
}

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The scenarios as a table: one row each, latency in ms. */
export function scenarioTable(scenarios: ScenarioReport[]): string {
  const rows = scenarios.map((s) => {
    if (!s.load) return `| ${s.title} | ${s.status}${s.reason ? `: ${s.reason}` : ''} | | | | | | |`;
    const l = s.load;
    return `| ${s.title} | ${l.concurrency} | ${l.requests} | ${ms(l.latencyMs.p50)} | ${ms(l.latencyMs.p95)} | ${ms(l.latencyMs.p99)} | ${l.rps.toFixed(1)} | ${l.errors} |`;
  });
  return ['| scenario | clients | requests | p50 ms | p95 ms | p99 ms | req/s | errors |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n');
}

export function renderMarkdown(report: BenchReport): string {
  const out: string[] = [];
  const m = report.machine;
  out.push('# Benchmark results (`pnpm bench`)', '');
  out.push('Written by `pnpm bench` (bench/src/main.ts); the last run replaces it. Goals are from issue #9; the README\'s "Benchmarks" section says what each scenario does.', '');
  out.push(`- Date: ${report.date}`);
  out.push(`- Command: \`${report.command}\``);
  out.push(`- Commit: ${report.commit}`);
  out.push(`- Machine: ${m.os}, ${m.cpus} × ${m.cpuModel}, ${mb(m.totalMemoryBytes)} memory, Node ${m.node}; load average ${m.loadAverageAtStart.toFixed(2)} when the run started${m.loadAverageAtStart > m.cpus * 0.5 ? ' (the machine was busy with other work: figures are pessimistic)' : ''}`);
  const c = report.county;
  out.push(
    `- County: ${c.children.toLocaleString('en-GB')} children, ${c.localities} localities, ${c.schools} schools (seed ${c.seed}, as of ${c.asOf}); ${Object.entries(c.rows)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n.toLocaleString('en-GB')}`)
      .join(', ')}`,
  );
  out.push(
    `- County load: ${c.loadedThisRun ? 'this run' : 'an earlier run (the cluster was there)'}: generate ${(c.load.generateMs / 1000).toFixed(1)} s, COPY ${Object.entries(c.load.seedMs)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
      .join(', ')} (in parallel), VACUUM ANALYZE ${(c.load.analyzeMs / 1000).toFixed(1)} s; total ${(c.load.totalMs / 1000).toFixed(1)} s, loader peak RSS ${mb(c.load.peakRssBytes)}`,
  );
  out.push(`- Platform: subgraphs ${report.platform.subgraphs.join(', ')}; ${Object.entries(report.platform.settings).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  out.push('');

  out.push('## Goals', '', '| goal | target | measured | status | reason when missed |', '| --- | --- | --- | --- | --- |');
  for (const g of report.goals) out.push(`| ${g.goal} | ${g.target} | ${g.measured} | ${g.status} | ${g.reason ?? ''} |`);
  out.push('');

  out.push('## Scenarios', '', scenarioTable(report.scenarios), '');
  for (const s of report.scenarios) {
    const extra: string[] = [];
    if (s.cpuCores) extra.push(`CPU (cores busy): ${Object.entries(s.cpuCores).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
    if (s.cpuMsPerRequest) extra.push(`CPU ms per request: ${Object.entries(s.cpuMsPerRequest).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
    if (s.loadAverage !== undefined) extra.push(`load average ${s.loadAverage.toFixed(2)}`);
    if (s.load && s.load.errors > 0) extra.push(`errors: ${Object.entries(s.load.errorKinds).map(([k, n]) => `${n} × ${k}`).join('; ')}`);
    if (s.details) for (const [k, v] of Object.entries(s.details)) extra.push(`${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
    if (extra.length) out.push(`- **${s.title}**: ${extra.join('; ')}`);
  }
  out.push('');

  out.push('## Ratios', '', '| ratio | value | how |', '| --- | ---: | --- |');
  for (const r of report.ratios) out.push(`| ${r.name} | ${r.value === null ? '–' : r.value.toFixed(2)} | ${r.formula} |`);
  out.push('');

  if (report.statements) {
    const st = report.statements;
    const sizes = Object.keys(st.bySize);
    const services = Object.keys(st.bySize[sizes[0]!] ?? {});
    out.push('## SQL statements per page of children', '', `As ${st.viewer}; ${st.grows ? '**the count grows with the page size**' : 'the count does not grow with the page size'}.`, '');
    out.push(`| page size | ${services.join(' | ')} |`, `| ---: | ${services.map(() => '---:').join(' | ')} |`);
    for (const size of sizes) out.push(`| ${size} | ${services.map((s) => st.bySize[size]![s]).join(' | ')} |`);
    out.push('', '```graphql', st.operation.trim(), '```', '');
  }

  if (report.memory) {
    const mem = report.memory;
    out.push('## Memory', '');
    out.push(`- Platform process (every subgraph and the gateway, \`startPlatform\`): ${mb(mem.platformRssBytes)} resident at the end, ${mb(mem.platformPeakRssBytes)} at its peak`);
    if (mem.postgres) out.push(`- PostgreSQL (${mem.postgres.processes} processes): ${mb(mem.postgres.pssBytes)} proportional set size (shared buffers counted once); resident sets added up ${mb(mem.postgres.rssSumBytes)}`);
    for (const [name, v] of Object.entries(mem.others)) out.push(`- ${name}: ${mb(v.rssBytes)} resident, ${mb(v.peakRssBytes)} at its peak`);
    out.push('');
  }

  if (report.picture) {
    const p = report.picture;
    out.push('## The child\'s picture', '');
    out.push(`${p.fields} fields from ${p.subgraphs.join(', ')} (the gateway's plan), asked of ${p.sampleChildren.toLocaleString('en-GB')} different children, each by a LOCALITY_LEAD of the child's locality who is on the child's team around the child (purpose direct-care).${p.notInPicture.length ? ` Subgraphs that add nothing to a child: ${p.notInPicture.join(', ')}.` : ''}`);
    if (p.leftOut.length) out.push('', 'Left out because the locality lead may not see them:', ...p.leftOut.map((l) => `- \`${l.path}\`: ${l.reason}`));
    out.push('', '<details><summary>Operation and query plan</summary>', '', '```graphql', p.operation.trim(), '```', '', '```', p.plan.trim(), '```', '', '</details>', '');
  }

  if (report.notes.length) out.push('## Notes', '', ...report.notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}
