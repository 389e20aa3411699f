/**
 * SEN support plans and the needs radar, drawn from each child's own records and
 * their own random stream (so adding them shifted nothing drawn before), plus the
 * schools' readiness ratings, drawn per school.
 *
 * - Every child on SEN support (census K) has an open support plan at their current
 *   school: 1–3 outcomes, 1–3 provision lines, 1–4 termly assess–plan–do–review
 *   cycles; about 1 in 10 plans is past its review date.
 * - Most children on SEN support or with an EHC plan have 1–3 radar assessments over
 *   time, their need highest in the domain of their primary need.
 * - Every school rates its readiness in each domain about twice a year, over 2 years.
 */
import { academicYearOf, isoOf, parseIsoDay } from './calendar.js';
import type { Random } from './random.js';
import type { DemoChildRecords } from './children.js';
import type {
  RadarAssessmentRecord,
  RadarDomain,
  RadarRatingRecord,
  SchoolRecord,
  SenNeedType,
  SettingReadinessRecord,
  SupportPlanCycleRecord,
  SupportPlanOutcomeRecord,
  SupportPlanProvisionRecord,
  SupportPlanRecord,
} from './types.js';

export interface DemoChildSupportRecords {
  supportPlans: SupportPlanRecord[];
  supportPlanOutcomes: SupportPlanOutcomeRecord[];
  supportPlanProvision: SupportPlanProvisionRecord[];
  supportPlanCycles: SupportPlanCycleRecord[];
  radarAssessments: RadarAssessmentRecord[];
  radarRatings: RadarRatingRecord[];
}

/** The five radar domains, in the order the radar draws them. */
export const RADAR_DOMAINS: readonly RadarDomain[] = [
  'COGNITION_AND_LEARNING',
  'COMMUNICATION_AND_INTERACTION',
  'SENSORY_AND_PHYSICAL',
  'SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH',
  'INDEPENDENCE',
];

/** The radar domain a census need type falls in (the four broad areas of need). */
export function domainOfNeed(need: SenNeedType | null): RadarDomain | null {
  switch (need) {
    case 'SLCN':
    case 'ASD':
      return 'COMMUNICATION_AND_INTERACTION';
    case 'SEMH':
      return 'SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH';
    case 'MLD':
    case 'SLD':
    case 'PMLD':
    case 'SPLD':
      return 'COGNITION_AND_LEARNING';
    case 'HI':
    case 'VI':
    case 'MSI':
    case 'PD':
      return 'SENSORY_AND_PHYSICAL';
    default:
      return null;
  }
}

/** A support plan's review is usually termly: 12 weeks. */
export const SUPPORT_PLAN_REVIEW_DAYS = 84;

const OUTCOMES: Record<RadarDomain, readonly string[]> = {
  COGNITION_AND_LEARNING: [
    'Read and understand a short passage at their level without adult help',
    'Use a number line to add and subtract within 20',
    'Write three linked sentences using a word bank',
    'Remember and follow a three-step classroom routine',
  ],
  COMMUNICATION_AND_INTERACTION: [
    'Ask an adult for help using a help card or words',
    'Take turns in a small-group game for ten minutes',
    'Use visual timetable to move between lessons calmly',
    'Say how they feel using the zones of regulation',
  ],
  SENSORY_AND_PHYSICAL: [
    'Use their equipment independently in lessons',
    'Move around the school safely at busy times',
    'Record work using a laptop when handwriting tires them',
  ],
  SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH: [
    'Use a calm-down plan when upset, with a reminder',
    'Stay in class for whole lessons on four days out of five',
    'Name a trusted adult and go to them when worried',
    'Repair a falling-out with a friend with adult support',
  ],
  INDEPENDENCE: [
    'Pack their own bag for the day using a checklist',
    'Travel between lessons without an adult',
    'Manage their own lunch and money at the canteen',
  ],
};

const PROVISION: Record<RadarDomain, ReadonlyArray<readonly [string, string, string]>> = {
  COGNITION_AND_LEARNING: [
    ['Precision teaching of sight words', 'Teaching assistant', '3 x 10 minutes a week'],
    ['Small-group phonics catch-up', 'Teaching assistant', '4 x 20 minutes a week'],
    ['Maths intervention (number sense)', 'Class teacher', '2 x 30 minutes a week'],
  ],
  COMMUNICATION_AND_INTERACTION: [
    ['Speech and language programme set by the NHS therapist', 'Teaching assistant', '3 x 20 minutes a week'],
    ['Social communication group', 'SENCO', '1 x 45 minutes a week'],
    ['Visual timetable and now-and-next board', 'Class teacher', 'Every day'],
  ],
  SENSORY_AND_PHYSICAL: [
    ['Fine motor skills programme', 'Teaching assistant', '3 x 15 minutes a week'],
    ['Sensory circuit before lessons', 'Teaching assistant', 'Every morning, 15 minutes'],
    ['Adjusted seating and enlarged resources', 'Class teacher', 'Every lesson'],
  ],
  SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH: [
    ['Emotional literacy support (ELSA) sessions', 'ELSA-trained assistant', '1 x 30 minutes a week'],
    ['Meet and greet at the start of the day', 'Teaching assistant', 'Every morning, 10 minutes'],
    ['Lunchtime nurture group', 'Pastoral lead', '3 x 30 minutes a week'],
  ],
  INDEPENDENCE: [
    ['Life skills group', 'Teaching assistant', '1 x 60 minutes a week'],
    ['Travel training', 'Pastoral lead', '1 x 45 minutes a week for 6 weeks'],
  ],
};

const CHILD_VIEWS = [
  'I like it when I can work with my helper in the quiet room.',
  'I find it hard when the classroom is noisy.',
  'I want to get better at reading so I can read to my little brother.',
  'I like using the timer so I know when it will finish.',
  'Sometimes I get cross and I do not know why.',
];
const PARENT_VIEWS = [
  'We want them to feel happy coming to school.',
  'Homework causes arguments; short tasks work better at home.',
  'They are anxious on Sunday evenings before the school week.',
  'We are pleased with the progress in reading and want it to continue.',
  'We would like more notice of changes to staff.',
];
const REVIEW_NOTES = [
  'Outcomes partly met; continue the provision and review termly.',
  'Good progress; one outcome met and replaced.',
  'Little progress; provision increased and advice asked from the specialist teaching service.',
  'Outcomes met; keep the plan under review.',
];
const COMPLETED_BY = ['SENCO', 'Class teacher', 'SENCO with parent', 'Educational psychologist', 'Specialist teacher'];

const clamp = (value: number) => Math.max(0, Math.min(4, value));

function schoolOn(records: DemoChildRecords, day: number): string | null {
  const iso = isoOf(day);
  const enrolment = records.enrolments.find((row) => row.startDate <= iso && (row.endDate === null || row.endDate >= iso));
  return enrolment?.schoolUrn ?? null;
}

function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const left = [...items];
  const picked: T[] = [];
  while (picked.length < count && left.length > 0) picked.push(left.splice(random.int(0, left.length - 1), 1)[0]!);
  return picked;
}

/**
 * A child's year group on a day, in the English academic year (September to August):
 * their age on the 31 August that ends the year, minus 5; Reception is 0 and nursery -1.
 * Empty outside nursery to year 14.
 */
export function yearGroupOn(dateOfBirth: string, day: number): number | null {
  const yearEnds = academicYearOf(day) + 1;
  const age = yearEnds - Number(dateOfBirth.slice(0, 4)) - (dateOfBirth.slice(5) > '08-31' ? 1 : 0);
  const yearGroup = age - 5;
  return yearGroup >= -1 && yearGroup <= 14 ? yearGroup : null;
}

export function generateChildSupport(records: DemoChildRecords, asOf: number, random: Random): DemoChildSupportRecords {
  const out: DemoChildSupportRecords = {
    supportPlans: [],
    supportPlanOutcomes: [],
    supportPlanProvision: [],
    supportPlanCycles: [],
    radarAssessments: [],
    radarRatings: [],
  };
  const current = records.senProvision.find((row) => row.endDate === null);
  if (!current || current.provision === 'N') return out;
  const child = records.child.id;
  const primary = domainOfNeed(current.primaryNeed) ?? random.pick(RADAR_DOMAINS.slice(0, 4));
  const secondary = domainOfNeed(current.secondaryNeed);
  const enrolment = records.enrolments.find((row) => row.endDate === null);

  if (current.provision === 'K') {
    const schoolUrn = enrolment?.schoolUrn ?? current.schoolUrn;
    const earliest = Math.max(parseIsoDay(current.startDate), enrolment ? parseIsoDay(enrolment.startDate) : 0);
    // Built backwards from the open cycle: its plan date, then a review every term before it.
    const overdue = random.chance(0.1);
    const lastPlan = overdue ? asOf - SUPPORT_PLAN_REVIEW_DAYS - random.int(3, 40) : asOf - random.int(7, 80);
    const planDates = [lastPlan];
    const wanted = random.int(1, 4);
    while (planDates.length < wanted) {
      const earlier = planDates[0]! - random.int(84, 98);
      if (earlier - 10 < earliest) break;
      planDates.unshift(earlier);
    }
    const planId = random.uuid();
    const cycles: SupportPlanCycleRecord[] = planDates.map((planDate) => ({
      id: random.uuid(),
      planId,
      assessDate: isoOf(planDate - random.int(3, 10)),
      planDate: isoOf(planDate),
      doFromDate: isoOf(planDate + random.int(0, 5)),
      reviewDate: null,
      reviewNotes: null,
      nextReviewDue: isoOf(planDate + SUPPORT_PLAN_REVIEW_DAYS),
    }));
    // Each review is the next cycle's assessment.
    for (let i = 0; i < cycles.length - 1; i++) {
      const cycle = cycles[i]!;
      cycle.reviewDate = cycles[i + 1]!.assessDate;
      cycle.reviewNotes = random.pick(REVIEW_NOTES);
      cycle.nextReviewDue = isoOf(parseIsoDay(cycle.reviewDate) + SUPPORT_PLAN_REVIEW_DAYS);
    }
    const first = cycles[0]!;
    out.supportPlans.push({
      id: planId,
      childId: child,
      schoolUrn,
      startedDate: first.assessDate,
      parentsToldDate: isoOf(Math.min(asOf, parseIsoDay(first.doFromDate) + random.int(0, 7))),
      childViews: random.chance(0.8) ? random.pick(CHILD_VIEWS) : null,
      parentViews: random.chance(0.85) ? random.pick(PARENT_VIEWS) : null,
      closedDate: null,
    });
    const domains = secondary && secondary !== primary ? [primary, secondary] : [primary];
    const outcomes = pickSome(random, domains.flatMap((domain) => OUTCOMES[domain]), random.int(1, 3));
    outcomes.forEach((description, i) => out.supportPlanOutcomes.push({ id: random.uuid(), planId, description, sortOrder: i + 1 }));
    const provision = pickSome(random, domains.flatMap((domain) => PROVISION[domain]), random.int(1, 3));
    provision.forEach(([what, deliveredBy, howOften], i) =>
      out.supportPlanProvision.push({ id: random.uuid(), planId, what, deliveredBy, howOften, sortOrder: i + 1 }),
    );
    out.supportPlanCycles.push(...cycles);
  }

  // The needs radar, for most children on SEN support or with a plan.
  if (!random.chance(0.85)) return out;
  const severity = current.provision === 'E' ? 1 : 0;
  const count = random.int(1, 3);
  let day = asOf - random.int(10, 200);
  const days = [day];
  for (let i = 1; i < count; i++) {
    day -= random.int(180, 365);
    if (day < parseIsoDay(records.child.dateOfBirth) + 3 * 365) break;
    days.unshift(day);
  }
  let needs = RADAR_DOMAINS.map((domain) => {
    if (domain === primary) return clamp(random.int(2, 3) + severity);
    if (domain === secondary) return clamp(random.int(1, 3) + severity);
    if (domain === 'INDEPENDENCE') return clamp(random.int(0, 2) + severity);
    return random.weighted<number>([[0, 4], [1, 4], [2, 2]]);
  });
  const parentTakesPart = random.chance(0.7);
  for (const assessed of days) {
    const id = random.uuid();
    out.radarAssessments.push({
      id,
      childId: child,
      assessedDate: isoOf(assessed),
      completedBy: random.pick(COMPLETED_BY),
      schoolUrn: schoolOn(records, assessed) ?? enrolment?.schoolUrn ?? null,
      yearGroup: yearGroupOn(records.child.dateOfBirth, assessed),
    });
    RADAR_DOMAINS.forEach((domain, i) =>
      out.radarRatings.push({
        assessmentId: id,
        domain,
        need: needs[i]!,
        homeReadiness: parentTakesPart ? random.int(1, 4) : null,
      }),
    );
    // Needs move a little between assessments.
    needs = needs.map((need) => clamp(need + random.weighted<number>([[-1, 2], [0, 6], [1, 2]])));
  }
  return out;
}

/**
 * Each school's readiness in each domain, reviewed about every six months over the
 * last two years; special schools start readier.
 */
export function generateSettingReadiness(schools: readonly SchoolRecord[], asOf: number, random: Random): SettingReadinessRecord[] {
  const rows: SettingReadinessRecord[] = [];
  schools.forEach((school, s) => {
    const stream = random.fork(s);
    for (const domain of RADAR_DOMAINS) {
      let rating = school.phase === 'SPECIAL' ? stream.int(3, 4) : stream.int(1, 3);
      for (let review = 0; review < 4; review++) {
        const day = asOf - 730 + review * 182 + stream.int(0, 40);
        rows.push({ id: stream.uuid(), schoolUrn: school.urn, domain, rating, assessedDate: isoOf(day) });
        rating = clamp(rating + stream.weighted<number>([[-1, 1], [0, 5], [1, 2]]));
      }
    }
  });
  return rows;
}
