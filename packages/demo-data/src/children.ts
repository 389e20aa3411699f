/**
 * One child at a time: identity, school career, SEN history, suspensions and
 * attendance. Everything a child needs comes from its own random stream and a
 * little shared state (UPN serials), so a county of any size is generated in one
 * linear pass and can be streamed.
 */
import { makeTestNhsNumber, makeUpn } from '@local-area-graph/identifiers';
import {
  academicYearLabel,
  academicYearOf,
  dayOf,
  isoOf,
  isWeekend,
  partsOf,
  termsOf,
  weekdaysBetween,
  yearEnd,
  yearStart,
} from './calendar.js';
import { NAMES, type Heritage } from './names.js';
import { createWeightedSampler, poisson, type Random } from './random.js';
import type { SuspensionReasonCode } from './reference.js';
import type { LocalityInfo, SchoolInfo, SchoolKind } from './schools.js';
import type {
  AttendanceRecord,
  ChildRecord,
  EnrolmentRecord,
  SenNeedType,
  SenProvision,
  SenProvisionRecord,
  Sex,
  SuspensionCategory,
  SuspensionRecord,
} from './types.js';

/** Everything generated for one child; ids in the child's other records point at `child.id`. */
export interface DemoChildRecords {
  child: ChildRecord;
  enrolments: EnrolmentRecord[];
  attendance: AttendanceRecord[];
  suspensions: SuspensionRecord[];
  senProvision: SenProvisionRecord[];
}

export interface ChildContext {
  laNumber: number;
  asOf: number;
  currentYear: number;
  localities: readonly LocalityInfo[];
  pickLocality: (random: Random) => LocalityInfo;
  specials: readonly SchoolInfo[];
  prus: readonly SchoolInfo[];
  /** Next UPN serial per establishment and year of allocation. */
  upnSerials: Map<string, number>;
  random: Random;
}

const OPEN = Number.POSITIVE_INFINITY;

interface Stint {
  school: SchoolInfo;
  start: number;
  /** OPEN while on roll at the as-of date. */
  end: number;
}

interface SenSegment {
  provision: SenProvision;
  primary: SenNeedType | null;
  secondary: SenNeedType | null;
  start: number;
  end: number;
}

// Single years of age 0-18: today's ten to fourteen year olds were born in the
// 2010s peak; births have fallen since.
const pickAge = createWeightedSampler(
  [0.93, 0.94, 0.95, 0.97, 0.98, 1, 1, 1.01, 1.02, 1.03, 1.04, 1.05, 1.05, 1.05, 1.04, 1.03, 1.02, 1, 0.98].map(
    (w, age) => [age, w] as const,
  ),
);

type NeedWeights = ReadonlyArray<readonly [SenNeedType, number]>;

// National shares of primary need (DfE, Special educational needs in England).
const SEN_SUPPORT_NEEDS: NeedWeights = [
  ['SLCN', 24], ['SEMH', 20], ['MLD', 15], ['SPLD', 12], ['ASD', 10], ['NSA', 5], ['OTH', 4], ['PD', 3],
  ['HI', 2], ['VI', 1.2], ['SLD', 0.8], ['MSI', 0.4], ['PMLD', 0.1],
];
const EHC_PLAN_NEEDS: NeedWeights = [
  ['ASD', 33], ['SLCN', 21], ['SEMH', 15], ['SLD', 8], ['MLD', 7], ['PD', 4], ['PMLD', 3], ['OTH', 3],
  ['HI', 2], ['SPLD', 2], ['VI', 1], ['MSI', 0.5],
];
// Speech and language needs are identified young and often resolve; SEMH and
// specific learning difficulties surface later.
const PRIMARY_ADJUST: Partial<Record<SenNeedType, number>> = { SLCN: 1.35, SEMH: 0.85, SPLD: 0.8 };
const SECONDARY_ADJUST: Partial<Record<SenNeedType, number>> = { SLCN: 0.55, SEMH: 1.25, SPLD: 1.3 };

function adjust(weights: NeedWeights, by: Partial<Record<SenNeedType, number>>): NeedWeights {
  return weights.map(([need, w]) => [need, w * (by[need] ?? 1)] as const);
}

const NEED_SAMPLERS = {
  K: {
    primary: createWeightedSampler(adjust(SEN_SUPPORT_NEEDS, PRIMARY_ADJUST)),
    secondary: createWeightedSampler(adjust(SEN_SUPPORT_NEEDS, SECONDARY_ADJUST)),
  },
  E: {
    primary: createWeightedSampler(adjust(EHC_PLAN_NEEDS, PRIMARY_ADJUST)),
    secondary: createWeightedSampler(adjust(EHC_PLAN_NEEDS, SECONDARY_ADJUST)),
  },
};
/** Chance that a child with an EHC plan and this primary need is placed in a special school (about 40% overall). */
const SPECIAL_PLACEMENT: Partial<Record<SenNeedType, number>> = {
  PMLD: 0.95, SLD: 0.85, MSI: 0.6, ASD: 0.42, SEMH: 0.38, MLD: 0.35, PD: 0.3,
};

const pickReason = createWeightedSampler<SuspensionReasonCode>([
  ['PD', 35], ['VA', 14], ['PP', 12], ['VP', 10], ['PA', 8], ['DA', 4], ['DB', 3], ['BU', 2], ['RA', 2],
  ['WP', 2], ['SM', 1.5], ['MT', 1.5], ['TH', 1], ['AD', 0.5], ['AB', 0.5],
]);
const pickReasonCount = createWeightedSampler([[1, 75], [2, 18], [3, 7]] as const);
// Most suspensions are a day (2 sessions) or two; a few run to several weeks.
const pickFixedSessions = createWeightedSampler([
  [1, 14], [2, 34], [3, 6], [4, 16], [5, 3], [6, 9], [7, 1], [8, 3], [9, 0.5], [10, 6],
  [12, 1], [14, 0.8], [16, 0.4], [20, 0.5], [30, 0.2],
] as const);

// Suspensions per pupil per year before multipliers, chosen so that with the SEN
// (x4.5) and sex multipliers the overall rates are about 9 per 100 in secondary
// and 1.5 in primary.
const MULTIPLIER_MEAN = 1.6;
const SUSPENSION_BASE: Record<SchoolKind, number> = {
  PRIMARY: 0.015 / MULTIPLIER_MEAN,
  SECONDARY: 0.09 / MULTIPLIER_MEAN,
  SPECIAL: 0.03 / MULTIPLIER_MEAN,
  PRU: 0.4,
};
/** Share of suspension events that are permanent exclusions: about 0.1 per 100 pupils a year overall. */
const PERMANENT_SHARE: Partial<Record<SchoolKind, number>> = { PRIMARY: 0.012, SECONDARY: 0.023 };

// Absence: a pupil's underlying rate is log-normal (a long tail of persistent
// absence), scaled by phase, SEN and term; see the calibration in the tests.
const ABSENCE_MEDIAN = 0.057;
const ABSENCE_SPREAD = 0.5;
const SEN_ABSENCE: Record<SenProvision, number> = { N: 1, K: 1.5, E: 2.3 };
const TERM_ABSENCE = { AUTUMN: 0.9, SPRING: 1.05, SUMMER: 1.05 } as const;

function nextWeekday(day: number): number {
  let d = day;
  while (isWeekend(d)) d++;
  return d;
}

function inTerm(day: number): boolean {
  if (isWeekend(day)) return false;
  for (const term of termsOf(academicYearOf(day))) if (day >= term.start && day <= term.end) return true;
  return false;
}

/** A weekday in term time between `from` and `to` when there is one nearby; otherwise any day in range. */
function randomSchoolDay(random: Random, from: number, to: number): number {
  if (to <= from) return from;
  for (let attempt = 0; attempt < 12; attempt++) {
    const day = random.int(from, to);
    if (inTerm(day)) return day;
  }
  return random.int(from, to);
}

function statusAt(segments: readonly SenSegment[], day: number): SenSegment | undefined {
  for (const segment of segments) if (day >= segment.start && day <= segment.end) return segment;
  return undefined;
}

function provisionAt(segments: readonly SenSegment[], day: number): SenProvision {
  return statusAt(segments, day)?.provision ?? 'N';
}

function pickNeeds(
  random: Random,
  provision: 'K' | 'E',
  secondaryPhase: boolean,
): { primary: SenNeedType; secondary: SenNeedType | null } {
  const sampler = NEED_SAMPLERS[provision][secondaryPhase ? 'secondary' : 'primary'];
  const primary = sampler(random);
  let secondary: SenNeedType | null = null;
  if (primary !== 'NSA' && random.chance(0.3)) {
    for (let attempt = 0; attempt < 20 && secondary === null; attempt++) {
      const candidate = sampler(random);
      if (candidate !== primary && candidate !== 'NSA') secondary = candidate;
    }
  }
  return { primary, secondary };
}

function pickSchool(ctx: ChildContext, random: Random, home: LocalityInfo, kind: SchoolKind): SchoolInfo {
  const own = home.pick[kind];
  if (own) return own(random);
  const pool = kind === 'SPECIAL' ? ctx.specials : kind === 'PRU' ? ctx.prus : [];
  if (pool.length > 0) return random.pick(pool);
  // Every locality has a primary and a secondary, so this only serves odd templates.
  for (const locality of ctx.localities) if (locality.pick[kind]) return locality.pick[kind]!(random);
  throw new Error(`no ${kind} school in the area`);
}

/** Generates the `index`-th child of the register. */
export function generateChild(ctx: ChildContext, index: number): DemoChildRecords {
  const random = ctx.random.fork(index);
  const { asOf } = ctx;
  const id = random.uuid();
  const locality = ctx.pickLocality(random);

  // Date of birth: a year of age, then a day within it, counted back from asOf.
  const age = pickAge(random);
  const today = partsOf(asOf);
  const latest = dayOf(today.year - age, today.month, today.day);
  const earliest = dayOf(today.year - age - 1, today.month, today.day) + 1;
  const dateOfBirth = random.int(earliest, latest);
  const sex: Sex = random.chance(0.512) ? 'M' : 'F';
  const boy = sex === 'M';

  const heritage = locality.pickHeritage(random);
  // Some children's parents come from different backgrounds.
  const familyHeritage: Heritage = random.chance(0.05) ? locality.pickHeritage(random) : heritage;
  const givenName = random.pick(boy ? NAMES[heritage].boys : NAMES[heritage].girls);
  const familyName = random.pick(NAMES[familyHeritage].family);

  // English cohorts run September to August: Reception is the academic year
  // starting when the child is already four on 31 August.
  const reception = academicYearOf(dateOfBirth) + 5;
  const primaryEnd = yearEnd(reception + 6);
  const secondaryStart = yearStart(reception + 7);
  const secondaryEnd = yearEnd(reception + 11);
  const sixthFormEnd = yearEnd(reception + 13);

  let stints: Stint[] = [];
  const addPhase = (kind: 'PRIMARY' | 'SECONDARY', start: number, end: number, moveChance: number) => {
    const home = random.chance(kind === 'PRIMARY' ? 0.93 : 0.87) ? locality : ctx.pickLocality(random);
    const school = pickSchool(ctx, random, home, kind);
    const last = Math.min(end, asOf);
    if (random.chance(moveChance) && last - start > 120) {
      const leave = randomSchoolDay(random, start + 40, last - 40);
      const join = randomSchoolDay(random, leave + 1, leave + 15);
      let other = school;
      for (let attempt = 0; attempt < 8 && other === school; attempt++) {
        other = pickSchool(ctx, random, random.chance(0.6) ? locality : ctx.pickLocality(random), kind);
      }
      if (other !== school && join < end) {
        stints.push({ school, start, end: leave }, { school: other, start: join, end });
        return;
      }
    }
    stints.push({ school, start, end });
  };

  const receptionStart = yearStart(reception);
  if (receptionStart <= asOf) {
    // Most start in Reception; the rest moved into the area later.
    const arrival = random.chance(0.9)
      ? receptionStart
      : randomSchoolDay(random, receptionStart, Math.min(asOf, secondaryEnd));
    if (arrival <= primaryEnd) addPhase('PRIMARY', arrival, primaryEnd, 0.1);
    if (secondaryStart <= asOf && arrival <= secondaryEnd) {
      addPhase('SECONDARY', Math.max(arrival, secondaryStart), secondaryEnd, 0.07);
    }
  }

  // SEN status as of now, or as of leaving school for those who have left.
  const segments: SenSegment[] = [];
  if (stints.length > 0) {
    const firstStart = stints[0]!.start;
    const reference = Math.min(asOf, stints[stints.length - 1]!.end);
    const yearGroup = academicYearOf(reference) - reception;
    const secondaryPhase = yearGroup >= 7;
    // EHC plans accumulate through primary; SEN support is identified from Year 1.
    const ehcFactor = Math.min(1.15, 0.5 + 0.12 * yearGroup);
    const supportFactor = yearGroup <= 0 ? 0.6 : yearGroup === 1 ? 0.85 : yearGroup <= 8 ? 1.1 : 0.95;
    // Boys are about twice as likely as girls to have SEN.
    const pE = (boy ? 0.04 : 0.02) * ehcFactor;
    const pK = (boy ? 0.16 : 0.08) * supportFactor;
    const r = random.next();
    const provision: SenProvision = r < pE ? 'E' : r < pE + pK ? 'K' : 'N';

    if (provision === 'E') {
      const needs = pickNeeds(random, 'E', secondaryPhase);
      const planned = random.chance(0.2) || reference - firstStart < 60;
      const eStart = planned ? firstStart : randomSchoolDay(random, firstStart + 30, reference - 14);
      if (eStart - firstStart > 120 && random.chance(0.55)) {
        // Most plans follow a spell of SEN support, often for the same need.
        const kStart = randomSchoolDay(random, firstStart, eStart - 60);
        const earlier = random.chance(0.6) && needs.primary !== 'NSA'
          ? { primary: needs.primary, secondary: null }
          : pickNeeds(random, 'K', false);
        segments.push({ provision: 'K', ...earlier, start: kStart, end: eStart - 1 });
      }
      segments.push({ provision: 'E', ...needs, start: eStart, end: OPEN });

      if (random.chance(SPECIAL_PLACEMENT[needs.primary] ?? 0.15)) {
        // A special school place usually starts at the next term after the plan.
        const placement = eStart === firstStart ? firstStart : nextTermStart(eStart);
        if (placement <= Math.min(asOf, stints[stints.length - 1]!.end)) {
          stints = stints.filter((s) => s.start < placement);
          for (const s of stints) if (s.end >= placement) s.end = placement - 1;
          const special = locality.schools.SPECIAL.length > 0 && random.chance(0.7)
            ? pickSchool(ctx, random, locality, 'SPECIAL')
            : random.pick(ctx.specials);
          stints.push({ school: special, start: placement, end: sixthFormEnd });
        }
      }
    } else if (provision === 'K') {
      const needs = pickNeeds(random, 'K', secondaryPhase);
      segments.push({ provision: 'K', ...needs, start: randomSchoolDay(random, firstStart, reference), end: OPEN });
    } else if (reference - firstStart > 240 && random.chance(0.07)) {
      // Came off SEN support.
      const kStart = randomSchoolDay(random, firstStart, reference - 180);
      const kEnd = randomSchoolDay(random, kStart + 90, reference - 1);
      segments.push({ provision: 'K', ...pickNeeds(random, 'K', false), start: kStart, end: kEnd });
      segments.push({ provision: 'N', primary: null, secondary: null, start: kEnd + 1, end: OPEN });
    } else {
      segments.push({ provision: 'N', primary: null, secondary: null, start: firstStart, end: OPEN });
    }
  }

  // A few are withdrawn to home education or go missing from education.
  const current = stints[stints.length - 1];
  const windowStart = yearStart(ctx.currentYear - 2);
  if (current && current.end > asOf && current.start < asOf - 40 && current.school.kind !== 'SPECIAL' && random.chance(0.012)) {
    current.end = randomSchoolDay(random, Math.max(current.start + 20, windowStart), asOf - 1);
  }
  clip(stints, asOf);

  // Latent disengagement links absence and suspension.
  const disengagement = random.normal();
  const suspensionPropensity = Math.exp(0.6 * disengagement + 0.8 * random.normal() - 0.5);

  const suspensions: SuspensionRecord[] = [];
  let excluded = false;
  for (let k = 0; k < stints.length; k++) {
    const stint = stints[k]!;
    const from = Math.max(stint.start, windowStart);
    const to = Math.min(stint.end, asOf);
    let permanent = false;
    for (let year = academicYearOf(from); year <= ctx.currentYear && !permanent; year++) {
      const yFrom = Math.max(from, yearStart(year));
      const yTo = Math.min(to, yearEnd(year));
      if (yFrom > yTo) continue;
      const fraction = weekdaysBetween(yFrom, yTo) / weekdaysBetween(yearStart(year), yearEnd(year));
      const kind = stint.school.kind;
      const senMultiplier = provisionAt(segments, yFrom) === 'N' ? 1 : 4.5;
      const mean =
        kind === 'PRU'
          ? SUSPENSION_BASE.PRU * suspensionPropensity * fraction
          : SUSPENSION_BASE[kind] * senMultiplier * (boy ? 1.45 : 0.55) * suspensionPropensity * fraction;
      const count = poisson(random, mean);
      if (count === 0) continue;
      const days: number[] = [];
      for (let i = 0; i < count; i++) days.push(nextWeekdayWithin(randomSchoolDay(random, yFrom, yTo), yTo));
      days.sort((a, b) => a - b);
      const yearGroup = year - reception;
      for (const day of days) {
        let category: SuspensionCategory = 'FIXD';
        const permanentShare = PERMANENT_SHARE[kind] ?? 0;
        if (!excluded && yearGroup >= 1 && random.chance(permanentShare)) category = 'PERM';
        else if (random.chance(0.03)) category = 'LNCH';
        suspensions.push({
          id: random.uuid(),
          childId: id,
          schoolUrn: stint.school.record.urn,
          category,
          startDate: isoOf(day),
          // A permanent exclusion counts the five school days before alternative
          // provision must start.
          sessions: category === 'FIXD' ? pickFixedSessions(random) : category === 'LNCH' ? 1 : 10,
          reasons: pickReasons(random),
        });
        if (category === 'PERM') {
          excluded = true;
          permanent = true;
          stint.end = day;
          stints.length = k + 1;
          const pruStart = nextWeekday(day + 7);
          if (pruStart <= asOf && pruStart <= secondaryEnd) {
            const pru = pickSchool(ctx, random, locality, 'PRU');
            stints.push({ school: pru, start: pruStart, end: secondaryEnd > asOf ? OPEN : secondaryEnd });
          }
          break;
        }
      }
    }
  }

  // Attendance for each term of the last three academic years on roll.
  const absenceBase = ABSENCE_MEDIAN * Math.exp(ABSENCE_SPREAD * disengagement);
  const unauthorisedBase = 0.15 + 0.07 * random.normal();
  const attendance: AttendanceRecord[] = [];
  for (const stint of stints) {
    const last = Math.min(stint.end, asOf);
    const firstYear = Math.max(ctx.currentYear - 2, academicYearOf(stint.start));
    const lastYear = Math.min(ctx.currentYear, academicYearOf(last));
    for (let year = firstYear; year <= lastYear; year++) {
      for (const term of termsOf(year)) {
        const from = Math.max(term.start, stint.start);
        const to = Math.min(term.end, last);
        if (from > to) continue;
        const sessionsPossible = Math.round((term.sessions * weekdaysBetween(from, to)) / term.weekdays);
        if (sessionsPossible <= 0) continue;
        const yearGroup = year - reception;
        const kind = stint.school.kind;
        const phase =
          kind === 'PRIMARY' ? 0.8 : kind === 'SECONDARY' ? 1.1 + 0.06 * (yearGroup - 7) : kind === 'PRU' ? 3 : 1;
        const rate = Math.min(
          0.95,
          absenceBase *
            phase *
            SEN_ABSENCE[provisionAt(segments, (from + to) >> 1)] *
            TERM_ABSENCE[term.term] *
            Math.exp(0.35 * random.normal() - 0.06),
        );
        const absent = Math.min(sessionsPossible, Math.round(sessionsPossible * rate));
        // Higher absence is more often unauthorised (truancy, holidays in term time).
        const share = Math.min(0.98, Math.max(0.02, unauthorisedBase + 1.5 * rate + 0.06 * random.normal()));
        const unauthorisedAbsence = Math.round(absent * share);
        attendance.push({
          id: random.uuid(),
          childId: id,
          schoolUrn: stint.school.record.urn,
          academicYear: academicYearLabel(year),
          term: term.term,
          sessionsPossible,
          authorisedAbsence: absent - unauthorisedAbsence,
          unauthorisedAbsence,
        });
      }
    }
  }

  // SEN rows are recorded by the school the child was at; N only for the current place.
  const senProvision: SenProvisionRecord[] = [];
  for (const stint of stints) {
    for (const segment of segments) {
      if (segment.provision === 'N' && (stint.end !== OPEN || segment.end !== OPEN)) continue;
      const start = Math.max(stint.start, segment.start);
      const end = Math.min(stint.end, segment.end);
      if (start > end) continue;
      senProvision.push({
        id: random.uuid(),
        childId: id,
        schoolUrn: stint.school.record.urn,
        provision: segment.provision,
        primaryNeed: segment.primary,
        secondaryNeed: segment.secondary,
        startDate: isoOf(start),
        endDate: end === OPEN ? null : isoOf(end),
      });
    }
  }

  const enrolments: EnrolmentRecord[] = stints.map((stint) => ({
    id: random.uuid(),
    childId: id,
    schoolUrn: stint.school.record.urn,
    startDate: isoOf(stint.start),
    endDate: stint.end === OPEN ? null : isoOf(stint.end),
  }));

  let upn: string | null = null;
  if (stints.length > 0) {
    // The first school allocates the UPN in the year the child joins it.
    const first = stints[0]!;
    const year = partsOf(first.start).year;
    const establishmentNumber = first.school.record.establishmentNumber;
    const key = `${establishmentNumber}/${year}`;
    const serial = ctx.upnSerials.get(key) ?? 0;
    if (serial > 999) throw new RangeError(`more than 1000 UPNs allocated by establishment ${key}`);
    ctx.upnSerials.set(key, serial + 1);
    upn = makeUpn({ laNumber: ctx.laNumber, establishmentNumber, year, serial });
  }

  return {
    child: {
      id,
      nhsNumber: makeTestNhsNumber(index),
      upn,
      givenName,
      familyName,
      dateOfBirth: isoOf(dateOfBirth),
      sex,
      localityId: locality.record.id,
    },
    enrolments,
    attendance,
    suspensions,
    senProvision,
  };
}

function nextTermStart(day: number): number {
  const year = academicYearOf(day);
  for (const term of [...termsOf(year), ...termsOf(year + 1)]) if (term.start >= day) return term.start;
  throw new Error('unreachable: a term always starts within a year');
}

function nextWeekdayWithin(day: number, last: number): number {
  const next = nextWeekday(day);
  return next <= last ? next : day;
}

function pickReasons(random: Random): string[] {
  const count = pickReasonCount(random);
  const reasons: string[] = [];
  for (let attempt = 0; reasons.length < count && attempt < 20; attempt++) {
    const reason = pickReason(random);
    if (!reasons.includes(reason)) reasons.push(reason);
  }
  return reasons;
}

/** Drops stints that have not started by `asOf` and opens those still running. */
function clip(stints: Stint[], asOf: number): void {
  for (let i = stints.length - 1; i >= 0; i--) {
    const stint = stints[i]!;
    if (stint.start > asOf || stint.end < stint.start) stints.splice(i, 1);
    else if (stint.end > asOf) stint.end = OPEN;
  }
}
