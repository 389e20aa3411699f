import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, type DemoArea } from '@local-area-graph/demo-data';

/** The repository root (bench/src/ is two levels down). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the county cluster, its manifest and the bench's signing keys live (git-ignored, like all of `.data`). */
export const BENCH_DATA_DIR = process.env.BENCH_DATA_DIR ?? path.join(REPO_ROOT, '.data', 'bench');

/** The county of issue #9: 300,000 children, Kent's twelve localities, about 600 schools. */
export const COUNTY_CHILDREN = 300_000;
export const COUNTY_SEED = DEFAULT_SEED;

/** Children in the benchmark's sample: the picture is asked of many different children, each with a lead on their team. */
export const SAMPLE_SIZE = 5_000;

/**
 * A child the benchmark asks about, and the locality lead who asks: a professional of
 * the child's locality placed on the child's team around the child, so that as a
 * LOCALITY_LEAD they see the register and education by role and SEND and health
 * through the register's care-team pass (what a locality worker on the team sees).
 */
export interface SampleChild {
  id: string;
  nhsNumber: string;
  localityId: string;
  /** The lead's sign-in (`sub`): their work email, as the register records it. */
  subject: string;
}

/** What the loader leaves beside the cluster, so the benchmark knows what it is running on. */
export interface CountyManifest {
  seed: number;
  children: number;
  /** The day the area was generated as of. */
  asOf: string;
  localAreaCode: string;
  localities: number;
  schools: number;
  /** Rows per kind of record the generator made. */
  rows: Record<string, number>;
  sample: SampleChild[];
  /** The last load: what was loaded and how long each part took. */
  lastLoad: LoadTimings;
}

export interface LoadTimings {
  /** Subgraphs whose database was empty and got loaded by this run (all of them on a first run). */
  loaded: string[];
  generateMs: number;
  seedMs: Record<string, number>;
  teamMs: number;
  analyzeMs: number;
  totalMs: number;
  /** Peak resident memory of the loader process, bytes. */
  peakRssBytes: number;
}

export const manifestPath = (dataDir: string) => path.join(dataDir, 'county.json');

export function readManifest(dataDir: string): CountyManifest | null {
  const file = manifestPath(dataDir);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CountyManifest;
  } catch {
    return null;
  }
}

/**
 * Children on each asking lead's caseload. A locality lead works with a caseload of
 * children over weeks, signed in once a working day: the picture is asked about many
 * different children, by a few hundred leads whose sign-in is used again and again,
 * not by a new person (a token never seen before) for nearly every child.
 */
export const CASELOAD = 40;

/**
 * The benchmark's sample, chosen from the generated area alone (same seed, same
 * sample): every n-th child of the register, each paired with a professional based
 * in the child's locality, the next professional after every CASELOAD children of
 * that locality, so the picture is asked about many different children by many
 * leads, each with a caseload. The loader records the team places.
 */
export function chooseSample(area: Pick<DemoArea, 'children' | 'professionals'>, size = SAMPLE_SIZE): SampleChild[] {
  const byLocality = new Map<string, { email: string }[]>();
  for (const professional of area.professionals) {
    if (!professional.localityId || !professional.email) continue;
    const list = byLocality.get(professional.localityId) ?? [];
    list.push({ email: professional.email });
    byLocality.set(professional.localityId, list);
  }
  const step = Math.max(1, Math.floor(area.children.length / size));
  const turn = new Map<string, number>();
  const sample: SampleChild[] = [];
  for (let i = 0; i < area.children.length && sample.length < size; i += step) {
    const child = area.children[i]!;
    const staff = byLocality.get(child.localityId);
    if (!staff?.length) continue;
    const next = turn.get(child.localityId) ?? 0;
    turn.set(child.localityId, next + 1);
    sample.push({ id: child.id, nhsNumber: child.nhsNumber, localityId: child.localityId, subject: staff[Math.floor(next / CASELOAD) % staff.length]!.email });
  }
  return sample;
}

/** A deterministic UUID for a team place the benchmark adds (so a reload makes the same rows). */
export function benchUuid(text: string): string {
  const hex = createHash('sha256').update(`bench:${text}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
