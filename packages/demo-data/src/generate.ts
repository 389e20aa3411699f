import { academicYearOf, parseIsoDay } from './calendar.js';
import { generateChild, type ChildContext, type DemoChildRecords } from './children.js';
import { KENT, KENT_LOCALITIES } from './places.js';
import { buildProfessionals } from './professionals.js';
import { createRandom } from './random.js';
import { buildArea } from './schools.js';
import { generateChildHealth, type DemoChildHealthRecords, type HealthReferralCounts } from './health.js';
import { generateChildSend, type DemoChildSendRecords } from './send.js';
import { generateChildSupport, generateSettingReadiness, type DemoChildSupportRecords } from './support.js';
import { buildLocalityWorkforce, generateChildLocalitySupport, type DemoChildLocalityRecords } from './locality-support.js';
import { generateSelfEvaluations, type DemoSchoolSelfEvaluations } from './self-evaluation.js';
import { generateImprovementPlan, type DemoImprovementPlan } from './commissioning.js';
import type {
  DemoArea,
  DemoAreaOptions,
  LocalAreaRecord,
  LocalityRecord,
  ProfessionalRecord,
  SchoolRecord,
  SettingReadinessRecord,
} from './types.js';

export const DEFAULT_SEED = 20261124;
export const DEFAULT_CHILDREN = 3000;
export const DEFAULT_AS_OF = '2026-11-20';
/** The 999 test range holds about 909,000 valid NHS numbers, one per child. */
export const MAX_CHILDREN = 900_000;

/**
 * The area-level records, available at once, and the children as a stream: lets
 * a seed write a county of hundreds of thousands of children in batches without
 * holding all of their attendance in memory.
 */
export interface DemoAreaGenerator {
  options: Required<DemoAreaOptions>;
  localArea: LocalAreaRecord;
  localities: LocalityRecord[];
  schools: SchoolRecord[];
  professionals: ProfessionalRecord[];
  /** Each school's readiness in each needs-radar domain, about twice a year over two years. */
  settingReadiness: SettingReadinessRecord[];
  /** Each school's SEND self-evaluations (graded statements, checklist, action plan). */
  selfEvaluations: DemoSchoolSelfEvaluations;
  /** The SEND improvement board's plan: workstreams A to E, measures, targets, action plans, members. */
  improvementPlan: DemoImprovementPlan;
  /** Each child with their records (SEND casework included), in register order. Each call starts afresh and yields the same sequence. */
  children(): Generator<DemoChildRecords & DemoChildSendRecords & DemoChildSupportRecords & DemoChildHealthRecords & DemoChildLocalityRecords, void, undefined>;
}

function resolveOptions(options: DemoAreaOptions): Required<DemoAreaOptions> {
  const resolved = {
    seed: options.seed ?? DEFAULT_SEED,
    children: options.children ?? DEFAULT_CHILDREN,
    asOf: options.asOf ?? DEFAULT_AS_OF,
  };
  if (!Number.isInteger(resolved.children) || resolved.children < 0 || resolved.children > MAX_CHILDREN) {
    throw new RangeError(`children must be an integer from 0 to ${MAX_CHILDREN}, got ${resolved.children}`);
  }
  parseIsoDay(resolved.asOf);
  return resolved;
}

/**
 * Sets up a demo county (Kent) and returns its area-level records plus a stream
 * of children. Same options, same output.
 */
export function createDemoAreaGenerator(options: DemoAreaOptions = {}): DemoAreaGenerator {
  const resolved = resolveOptions(options);
  const asOf = parseIsoDay(resolved.asOf);
  const root = createRandom(resolved.seed);
  const localArea: LocalAreaRecord = { code: KENT.code, laNumber: KENT.laNumber, name: KENT.name };
  const area = buildArea(localArea, KENT_LOCALITIES, resolved.children, root.fork(1));
  const professionals = buildProfessionals(
    resolved.children,
    area.localities,
    area.schools,
    area.pickLocality,
    root.fork(2),
  );
  const childrenRoot = root.fork(3);
  // A stream of its own, so SEND casework never shifts anything drawn before it existed.
  const sendRoot = root.fork(4);
  // Support plans and the needs radar: streams of their own, for the same reason.
  const supportRoot = root.fork(5);
  // Health waiting lists: a stream of their own, for the same reason.
  const healthRoot = root.fork(7);
  // Locality teams: a stream of their own, for the same reason.
  const localityRoot = root.fork(8);
  const workforce = buildLocalityWorkforce(professionals);
  const schools = area.schools.map((s) => s.record);
  const localities = area.localities.map((l) => l.record);

  return {
    options: resolved,
    localArea,
    localities,
    schools,
    professionals,
    settingReadiness: generateSettingReadiness(schools, asOf, root.fork(6)),
    // Streams of their own, so that neither shifts anything drawn before it existed.
    // Streams 8 (locality support) and 9 are taken: each generator has its own, so adding one moves no other.
    selfEvaluations: generateSelfEvaluations(schools, asOf, root.fork(10)),
    improvementPlan: generateImprovementPlan(localArea.code, localities, asOf, root.fork(9)),
    *children() {
      const ctx: ChildContext = {
        laNumber: localArea.laNumber,
        asOf,
        currentYear: academicYearOf(asOf),
        localities: area.localities,
        pickLocality: area.pickLocality,
        specials: area.schools.filter((s) => s.kind === 'SPECIAL'),
        prus: area.schools.filter((s) => s.kind === 'PRU'),
        upnSerials: new Map(),
        random: childrenRoot,
      };
      const caseworkers = professionals.filter((p) => p.agency === 'SEND_SERVICE' && p.role === 'SEND caseworker');
      const sendContext = { asOf, localAreaCode: localArea.code, caseworkers };
      const referralCounts: HealthReferralCounts = new Map();
      for (let i = 0; i < resolved.children; i++) {
        const records = generateChild(ctx, i);
        const health = generateChildHealth(records.child, { asOf, localAreaCode: localArea.code, birthDay: parseIsoDay(records.child.dateOfBirth), referralCounts }, healthRoot.fork(i));
        const send = generateChildSend(records, sendContext, sendRoot.fork(i));
        const locality = generateChildLocalitySupport({ ...records, ...send, ...health }, asOf, workforce, localityRoot.fork(i));
        yield { ...records, ...send, ...generateChildSupport(records, asOf, supportRoot.fork(i)), ...health, ...locality };
      }
    },
  };
}

/**
 * A complete, deterministic demo county: Kent (E10000016, DfE 886) with up to
 * twelve district localities, schools scaled to the children, and children aged
 * 0–18 with test-range NHS numbers, valid UPNs, enrolments, SEN provision in
 * national proportions, three years of termly attendance and suspensions, and the
 * local authority's SEND casework (EHC needs assessment requests, plans, reviews),
 * schools' SEND self-evaluations and the SEND improvement board's plan (Kent's
 * workstreams A to E).
 * Linear in the number of children; 300,000 children take a few seconds.
 */
export function generateDemoArea(options: DemoAreaOptions = {}): DemoArea {
  const generator = createDemoAreaGenerator(options);
  const area: DemoArea = {
    localArea: generator.localArea,
    localities: generator.localities,
    schools: generator.schools,
    children: [],
    professionals: generator.professionals,
    enrolments: [],
    attendance: [],
    suspensions: [],
    senProvision: [],
    ehcRequests: [],
    ehcPlans: [],
    annualReviews: [],
    supportPlans: [],
    supportPlanOutcomes: [],
    supportPlanProvision: [],
    supportPlanCycles: [],
    radarAssessments: [],
    radarRatings: [],
    settingReadiness: generator.settingReadiness,
    waitingListEntries: [],
    myWorldAssessments: [],
    supportRequests: [],
    leadAppointments: [],
    teamMemberships: [],
    planInterventions: [],
    monitoringReviews: [],
    ...generator.selfEvaluations,
    ...generator.improvementPlan,
  };
  for (const records of generator.children()) {
    area.children.push(records.child);
    area.enrolments.push(...records.enrolments);
    area.attendance.push(...records.attendance);
    area.suspensions.push(...records.suspensions);
    area.senProvision.push(...records.senProvision);
    area.ehcRequests!.push(...records.ehcRequests);
    area.ehcPlans!.push(...records.ehcPlans);
    area.annualReviews!.push(...records.annualReviews);
    area.supportPlans.push(...records.supportPlans);
    area.supportPlanOutcomes.push(...records.supportPlanOutcomes);
    area.supportPlanProvision.push(...records.supportPlanProvision);
    area.supportPlanCycles.push(...records.supportPlanCycles);
    area.radarAssessments.push(...records.radarAssessments);
    area.radarRatings.push(...records.radarRatings);
    area.waitingListEntries.push(...records.waitingListEntries);
    area.myWorldAssessments!.push(...records.myWorldAssessments);
    area.supportRequests!.push(...records.supportRequests);
    area.leadAppointments!.push(...records.leadAppointments);
    area.teamMemberships!.push(...records.teamMemberships);
    area.planInterventions!.push(...records.planInterventions);
    area.monitoringReviews!.push(...records.monitoringReviews);
  }
  return area;
}

/**
 * An area with nothing in it but Kent: what a test that writes its own records starts
 * from (`{ ...emptyDemoArea(), schools: [...] }`), so a new kind of record never
 * breaks every hand-made area.
 */
export function emptyDemoArea(): DemoArea {
  return {
    localArea: { code: 'E10000016', laNumber: 886, name: 'Kent' },
    localities: [],
    schools: [],
    children: [],
    professionals: [],
    enrolments: [],
    attendance: [],
    suspensions: [],
    senProvision: [],
    ehcRequests: [],
    ehcPlans: [],
    annualReviews: [],
    supportPlans: [],
    supportPlanOutcomes: [],
    supportPlanProvision: [],
    supportPlanCycles: [],
    radarAssessments: [],
    radarRatings: [],
    settingReadiness: [],
    waitingListEntries: [],
    myWorldAssessments: [],
    supportRequests: [],
    leadAppointments: [],
    teamMemberships: [],
    planInterventions: [],
    monitoringReviews: [],
    selfEvaluations: [],
    selfEvaluationStatements: [],
    statutoryChecks: [],
    sendActions: [],
    workstreams: [],
    areasOfWeakness: [],
    measures: [],
    measureTargets: [],
    actionPlanLines: [],
    ragChanges: [],
    boardMembers: [],
  };
}
