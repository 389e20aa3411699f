/** Localities and the schools in them, sized to the number of children. */
import { createWeightedSampler, type Random } from './random.js';
import { HERITAGE_WEIGHTS, type Heritage } from './names.js';
import { SAINTS, SCHOOL_WORDS, type LocalityTemplate } from './places.js';
import type { LocalAreaRecord, LocalityRecord, SchoolPhase, SchoolRecord, SchoolType } from './types.js';

/** How the generator uses a school; finer than GIAS phase because PRUs and special schools take all ages. */
export type SchoolKind = 'PRIMARY' | 'SECONDARY' | 'SPECIAL' | 'PRU';

export interface SchoolInfo {
  record: SchoolRecord;
  kind: SchoolKind;
  locality: LocalityInfo;
}

export interface LocalityInfo {
  record: LocalityRecord;
  template: LocalityTemplate;
  expectedChildren: number;
  schools: Record<SchoolKind, SchoolInfo[]>;
  /** Picks a school of a kind, bigger schools more often; undefined when the locality has none of that kind. */
  pick: Partial<Record<SchoolKind, (random: Random) => SchoolInfo>>;
  pickHeritage: (random: Random) => Heritage;
}

/** About one school per this many children (all ages), as in English counties. */
const CHILDREN_PER_SCHOOL = 500;
const PRIMARY_SHARE = 0.78;
const SECONDARY_SHARE = 0.17;

const PHASE: Record<SchoolKind, SchoolPhase> = {
  PRIMARY: 'PRIMARY',
  SECONDARY: 'SECONDARY',
  SPECIAL: 'SPECIAL',
  PRU: 'ALTERNATIVE_PROVISION',
};

// Kent's real numbering: maintained schools' URNs sit in 118xxx-119xxx, academies
// (which get new URNs on conversion) in 136xxx-149xxx; DfE establishment numbers
// are 2xxx primary, 4xxx secondary, 7xxx special and 1xxx PRU, with 3xxx and 5xxx
// as overflow as in real LAs with many schools.
const URN_RANGES: Record<'MAINTAINED' | 'ACADEMY' | 'OVERFLOW', readonly [number, number]> = {
  MAINTAINED: [118000, 119999],
  ACADEMY: [136000, 149999],
  OVERFLOW: [150000, 999999],
};
const ESTABLISHMENT_RANGES: Record<SchoolKind, ReadonlyArray<readonly [number, number]>> = {
  PRIMARY: [[2000, 2999], [3000, 3999]],
  SECONDARY: [[4000, 4999], [5000, 5999]],
  SPECIAL: [[7000, 7999]],
  PRU: [[1000, 1999]],
};

class UniqueNumbers {
  private readonly used = new Set<number>();

  take(random: Random, ranges: ReadonlyArray<readonly [number, number]>): number {
    for (const [min, max] of ranges) {
      const size = max - min + 1;
      let inRange = 0;
      for (const n of this.used) if (n >= min && n <= max) inRange++;
      // Random probing slows down as a range fills, so move on well before it is full.
      if (inRange > size * 0.8) continue;
      for (;;) {
        const n = random.int(min, max);
        if (!this.used.has(n)) {
          this.used.add(n);
          return n;
        }
      }
    }
    throw new RangeError('ran out of identifiers for schools');
  }
}

interface NameChoice {
  name: string;
  type?: SchoolType;
}

function candidateName(kind: SchoolKind, random: Random, place: string): NameChoice {
  const word = random.pick(SCHOOL_WORDS);
  const saint = random.pick(SAINTS);
  switch (kind) {
    case 'PRIMARY':
      return random.weighted<() => NameChoice>([
        [() => ({ name: `${place} Primary School` }), 24],
        [() => ({ name: `${place} Church of England Primary School` }), 8],
        [() => ({ name: `St ${saint}'s CE Primary School` }), 10],
        [() => ({ name: `St ${saint}'s Catholic Primary School` }), 5],
        [() => ({ name: `${word} Primary School` }), 14],
        [() => ({ name: `${word} Primary Academy`, type: 'ACADEMY' }), 8],
        [() => ({ name: `${place} ${word} Academy`, type: 'ACADEMY' }), 3],
        [() => ({ name: `${word} Community Primary School`, type: 'LA_MAINTAINED' }), 5],
        [() => ({ name: `${place} Free School`, type: 'FREE_SCHOOL' }), 1],
      ])();
    case 'SECONDARY':
      return random.weighted<() => NameChoice>([
        [() => ({ name: `${place} Grammar School` }), 6],
        [() => ({ name: `${place} Grammar School for Girls` }), 3],
        [() => ({ name: `The ${place} Academy`, type: 'ACADEMY' }), 6],
        [() => ({ name: `${word} Academy`, type: 'ACADEMY' }), 8],
        [() => ({ name: `${word} School` }), 5],
        [() => ({ name: `${place} School` }), 5],
        [() => ({ name: `St ${saint}'s Catholic College` }), 2],
        [() => ({ name: `St ${saint}'s Church of England Academy`, type: 'ACADEMY' }), 2],
        [() => ({ name: `${place} Community College`, type: 'LA_MAINTAINED' }), 2],
        [() => ({ name: `${word} High School` }), 3],
      ])();
    case 'SPECIAL':
      return random.chance(0.7) ? { name: `${word} School` } : { name: `${place} ${word} School` };
    case 'PRU':
      return random.chance(0.5)
        ? { name: `${place} Alternative Provision Service` }
        : { name: `The ${word} Centre` };
  }
}

function schoolType(kind: SchoolKind, random: Random, hinted: SchoolType | undefined): SchoolType {
  if (kind === 'SPECIAL') return 'SPECIAL_SCHOOL';
  if (kind === 'PRU') return 'PUPIL_REFERRAL_UNIT';
  if (hinted) return hinted;
  return kind === 'PRIMARY'
    ? random.weighted<SchoolType>([['LA_MAINTAINED', 55], ['ACADEMY', 42], ['FREE_SCHOOL', 3]])
    : random.weighted<SchoolType>([['ACADEMY', 72], ['LA_MAINTAINED', 20], ['FREE_SCHOOL', 8]]);
}

function ageRange(kind: SchoolKind, random: Random): [number, number] {
  switch (kind) {
    case 'PRIMARY':
      return [4, 11];
    case 'SECONDARY':
      return [11, random.chance(0.65) ? 18 : 16];
    case 'SPECIAL':
      return [random.chance(0.3) ? 2 : 4, 19];
    case 'PRU':
      return [5, 16];
  }
}

export interface BuiltArea {
  localities: LocalityInfo[];
  schools: SchoolInfo[];
  pickLocality: (random: Random) => LocalityInfo;
}

/**
 * Chooses localities (all twelve Kent districts at full size, fewer for tiny
 * registers) and builds schools in proportion to each locality's expected
 * children: about one per 500, at least one primary and one secondary each, and
 * special schools and PRUs shared across the area.
 */
export function buildArea(
  area: LocalAreaRecord,
  templates: readonly LocalityTemplate[],
  childCount: number,
  random: Random,
): BuiltArea {
  // Tiny registers would leave most localities with a handful of children.
  const localityCount = Math.min(templates.length, Math.max(1, Math.ceil(childCount / 250)));
  const chosen = templates.slice(0, localityCount);
  const totalPopulation = chosen.reduce((sum, t) => sum + t.population, 0);

  const localities: LocalityInfo[] = chosen.map((template) => ({
    record: { id: template.id, name: template.name, localAreaCode: area.code },
    template,
    expectedChildren: (childCount * template.population) / totalPopulation,
    schools: { PRIMARY: [], SECONDARY: [], SPECIAL: [], PRU: [] },
    pick: {},
    pickHeritage: createWeightedSampler(
      HERITAGE_WEIGHTS.map(([heritage, weight]) => [heritage, weight * (template.heritage?.[heritage] ?? 1)] as const),
    ),
  }));
  const pickLocality = createWeightedSampler(localities.map((l) => [l, l.template.population] as const));

  const plan: Array<[LocalityInfo, SchoolKind]> = [];
  let mainstream = 0;
  for (const locality of localities) {
    const schools = locality.expectedChildren / CHILDREN_PER_SCHOOL;
    const primaries = Math.max(1, Math.round(schools * PRIMARY_SHARE));
    const secondaries = Math.max(1, Math.round(schools * SECONDARY_SHARE));
    for (let i = 0; i < primaries; i++) plan.push([locality, 'PRIMARY']);
    for (let i = 0; i < secondaries; i++) plan.push([locality, 'SECONDARY']);
    mainstream += primaries + secondaries;
  }
  const specials = Math.max(1, Math.round(mainstream / 25));
  const prus = Math.max(1, Math.round(mainstream / 90));
  for (let i = 0; i < specials; i++) plan.push([pickLocality(random), 'SPECIAL']);
  for (let i = 0; i < prus; i++) plan.push([pickLocality(random), 'PRU']);

  const urns = new UniqueNumbers();
  const establishments = new UniqueNumbers();
  const names = new Set<string>();
  const weights = new Map<SchoolInfo, number>();
  const schools: SchoolInfo[] = [];

  for (const [locality, kind] of plan) {
    const places = locality.template.places;
    let choice: NameChoice | undefined;
    for (let attempt = 0; attempt < 60 && !choice; attempt++) {
      // Bigger towns (listed first) get more schools.
      const place = places[Math.min(places.length - 1, Math.floor(places.length * random.next() ** 1.6))]!;
      const candidate = candidateName(kind, random, place);
      if (!names.has(candidate.name)) choice = candidate;
    }
    if (!choice) {
      // Only very large areas get here; number the school within its town.
      const base = candidateName(kind, random, places[0]!);
      let n = 2;
      while (names.has(`${base.name} ${n}`)) n++;
      choice = { ...base, name: `${base.name} ${n}` };
    }
    names.add(choice.name);

    const type = schoolType(kind, random, choice.type);
    const urnRange = type === 'ACADEMY' || type === 'FREE_SCHOOL' ? URN_RANGES.ACADEMY : URN_RANGES.MAINTAINED;
    const [low, high] = ageRange(kind, random);
    const info: SchoolInfo = {
      kind,
      locality,
      record: {
        urn: String(urns.take(random, [urnRange, URN_RANGES.OVERFLOW])),
        establishmentNumber: String(establishments.take(random, ESTABLISHMENT_RANGES[kind])),
        name: choice.name,
        phase: PHASE[kind],
        type,
        localityId: locality.record.id,
        localAreaCode: area.code,
        statutoryLowAge: low,
        statutoryHighAge: high,
      },
    };
    locality.schools[kind].push(info);
    schools.push(info);
    // Rolls vary about threefold between small village schools and large town ones.
    weights.set(info, Math.exp(0.45 * random.normal()));
  }

  for (const locality of localities) {
    for (const kind of Object.keys(locality.schools) as SchoolKind[]) {
      const list = locality.schools[kind];
      if (list.length > 0) locality.pick[kind] = createWeightedSampler(list.map((s) => [s, weights.get(s)!] as const));
    }
  }
  return { localities, schools, pickLocality };
}
