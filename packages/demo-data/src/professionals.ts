/** The practitioners around children: school SENCOs, council, health, social care and voluntary sector staff. */
import { createWeightedSampler, type Random } from './random.js';
import { ADULT_BRITISH, NAMES, type Heritage } from './names.js';
import type { LocalityInfo, SchoolInfo } from './schools.js';
import type { ProfessionalRecord } from './types.js';

/** About one professional per this many children. */
const CHILDREN_PER_PROFESSIONAL = 60;

interface AgencyPlan {
  agency: string;
  weight: number;
  roles: ReadonlyArray<readonly [string, number]>;
  domain: string;
  /** Share of staff who work county-wide rather than in one locality. */
  countyWide: number;
}

const AGENCIES: readonly AgencyPlan[] = [
  {
    agency: 'SEND_SERVICE',
    weight: 22,
    roles: [['SEND caseworker', 45], ['Educational psychologist', 28], ['Inclusion support lead', 17], ['SEND team manager', 10]],
    domain: 'kent.example.org',
    countyWide: 0.2,
  },
  {
    agency: 'HEALTH_SERVICE',
    weight: 18,
    roles: [
      ['Speech and language therapist', 30],
      ['CAMHS clinician', 25],
      ['Occupational therapist', 18],
      ['Community paediatrician', 15],
      ['Physiotherapist', 7],
      ['Designated clinical officer for SEND', 2],
      ['School nurse', 8],
    ],
    domain: 'kentcht.example.org',
    countyWide: 0.3,
  },
  {
    agency: 'SOCIAL_CARE',
    weight: 13,
    roles: [['Social worker', 68], ['Children with disabilities social worker', 22], ['Team manager', 10]],
    domain: 'kent.example.org',
    countyWide: 0.1,
  },
  {
    agency: 'EARLY_HELP',
    weight: 8,
    roles: [['Early help worker', 70], ['Family support worker', 30]],
    domain: 'kent.example.org',
    countyWide: 0.05,
  },
  {
    agency: 'YOUTH_JUSTICE',
    weight: 4,
    roles: [['Youth justice officer', 85], ['Youth justice team manager', 15]],
    domain: 'kent.example.org',
    countyWide: 0.2,
  },
  {
    agency: 'VOLUNTARY_SECTOR',
    weight: 5,
    roles: [['Family support worker', 40], ['Parent carer forum coordinator', 15], ['Young carers worker', 25], ['Advocacy worker', 20]],
    domain: 'kent-family-support.example.org',
    countyWide: 0.4,
  },
];
/** School staff share of all professionals: a SENCO in each school first, then pastoral and inclusion staff. */
const SCHOOL_WEIGHT = 30;
const EXTRA_SCHOOL_ROLES: ReadonlyArray<readonly [string, number]> = [
  ['Assistant SENCO', 40],
  ['Pastoral lead', 30],
  ['Designated safeguarding lead', 20],
  ['Attendance officer', 10],
];

const ADULT_HERITAGE: ReadonlyArray<readonly [Heritage, number]> = [
  ['BRITISH', 80],
  ['SOUTH_ASIAN', 6],
  ['AFRICAN', 5],
  ['EASTERN_EUROPEAN', 4],
  ['NEPALI', 1],
  ['MIDDLE_EASTERN', 2],
  ['EAST_ASIAN', 2],
];

/** An email local part: initial and family name, lower case, ASCII only. */
function emailLocal(givenName: string, familyName: string): string {
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ı/g, 'i')
      .replace(/ł/g, 'l')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  return `${ascii(givenName).charAt(0)}.${ascii(familyName)}`;
}

/** A school's email domain, e.g. "oakfield-academy.example.org". */
function schoolDomain(name: string): string {
  const slug = name
    .replace(/\bSchool\b/g, '')
    .replace(/'/g, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug}.example.org`;
}

/**
 * About one professional per 60 children (at least one of each agency). Every
 * school gets its SENCO before any school gets a second member of staff.
 */
export function buildProfessionals(
  childCount: number,
  localities: readonly LocalityInfo[],
  schools: readonly SchoolInfo[],
  pickLocality: (random: Random) => LocalityInfo,
  random: Random,
): ProfessionalRecord[] {
  const total = Math.max(AGENCIES.length + 1, Math.round(childCount / CHILDREN_PER_PROFESSIONAL));
  const pickAgency = createWeightedSampler<AgencyPlan | 'SCHOOL'>([
    ['SCHOOL', SCHOOL_WEIGHT],
    ...AGENCIES.map((a) => [a, a.weight] as const),
  ]);
  const pickHeritage = createWeightedSampler(ADULT_HERITAGE);
  const emails = new Set<string>();
  const professionals: ProfessionalRecord[] = [];
  // Shuffled so that a small county's SENCOs are not all in the first locality.
  const schoolOrder = [...schools];
  for (let i = schoolOrder.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [schoolOrder[i], schoolOrder[j]] = [schoolOrder[j]!, schoolOrder[i]!];
  }
  let schoolStaff = 0;

  for (let i = 0; i < total; i++) {
    // The first few guarantee every agency appears even in a tiny county.
    const plan = i <= AGENCIES.length ? (i === 0 ? 'SCHOOL' : AGENCIES[i - 1]!) : pickAgency(random);
    const heritage = pickHeritage(random);
    const names = heritage === 'BRITISH' ? ADULT_BRITISH : NAMES[heritage];
    // Most of the children's workforce is women.
    const givenName = random.pick(random.chance(0.78) ? names.girls : names.boys);
    const familyName = random.pick(names.family);

    let role: string;
    let agency: string;
    let domain: string;
    let localityId: string | null;
    let schoolUrn: string | null = null;
    if (plan === 'SCHOOL' && schoolOrder.length > 0) {
      const school = schoolOrder[schoolStaff % schoolOrder.length]!;
      role = schoolStaff < schoolOrder.length ? 'SENCO' : random.weighted(EXTRA_SCHOOL_ROLES);
      schoolStaff++;
      agency = 'SCHOOL';
      domain = schoolDomain(school.record.name);
      localityId = school.locality.record.id;
      schoolUrn = school.record.urn;
    } else {
      const agencyPlan = plan === 'SCHOOL' ? AGENCIES[0]! : plan;
      role = random.weighted(agencyPlan.roles);
      agency = agencyPlan.agency;
      domain = agencyPlan.domain;
      localityId = localities.length > 0 && !random.chance(agencyPlan.countyWide) ? pickLocality(random).record.id : null;
    }

    const local = emailLocal(givenName, familyName);
    let email = `${local}@${domain}`;
    for (let n = 2; emails.has(email); n++) email = `${local}${n}@${domain}`;
    emails.add(email);

    professionals.push({ id: random.uuid(), givenName, familyName, role, agency, email, localityId, ...(schoolUrn ? { schoolUrn } : {}) });
  }

  // Every locality team has an inclusion support lead: the lead professional its single
  // point of contact appoints. From a stream of its own, so no one above changes.
  const teams = random.fork(1_000);
  for (const locality of localities) {
    if (professionals.some((p) => p.role === 'Inclusion support lead' && p.localityId === locality.record.id)) continue;
    const names = ADULT_BRITISH;
    const givenName = teams.pick(teams.chance(0.78) ? names.girls : names.boys);
    const familyName = teams.pick(names.family);
    const local = emailLocal(givenName, familyName);
    let email = `${local}@kent.example.org`;
    for (let n = 2; emails.has(email); n++) email = `${local}${n}@kent.example.org`;
    emails.add(email);
    professionals.push({ id: teams.uuid(), givenName, familyName, role: 'Inclusion support lead', agency: 'SEND_SERVICE', email, localityId: locality.record.id });
  }
  return professionals;
}
