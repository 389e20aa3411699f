/**
 * Locality teams: a school's My World assessment when a child reaches a trigger, the
 * request for support to the locality's single point of contact, its response on the
 * 2-working-day clock (an inclusion support lead appointed lead professional), the
 * team around the child, the coordinated plan's interventions and reviews, and the
 * outcome. Triggers follow the child's own school records: a first suspension, a run
 * of suspensions (alternative provision considered), very low attendance in a term (a
 * reduced timetable); a few families ask to home educate.
 */
import { OutsideCalendarError, addWorkingDays, dateInEngland, responseClock, startOfDayInEngland } from '@local-area-graph/working-days';
import { isWeekend, isoOf, parseIsoDay, termsOf } from './calendar.js';
import type { DemoChildRecords } from './children.js';
import type { DemoChildHealthRecords } from './health.js';
import type { Random } from './random.js';
import type { DemoChildSendRecords } from './send.js';
import type {
  LeadAppointmentRecord,
  MonitoringReviewRecord,
  MyWorldAssessmentRecord,
  MyWorldTrigger,
  PlanInterventionRecord,
  ProfessionalRecord,
  SupportOutcome,
  SupportRequestRecord,
  TeamMembershipRecord,
} from './types.js';

export interface DemoChildLocalityRecords {
  myWorldAssessments: MyWorldAssessmentRecord[];
  supportRequests: SupportRequestRecord[];
  leadAppointments: LeadAppointmentRecord[];
  teamMemberships: TeamMembershipRecord[];
  planInterventions: PlanInterventionRecord[];
  monitoringReviews: MonitoringReviewRecord[];
}

/** The professionals a locality team draws on, looked up once for the whole area. */
export interface LocalityWorkforce {
  inclusionLeads: Map<string | null, ProfessionalRecord[]>;
  caseworkers: Map<string | null, ProfessionalRecord[]>;
  sencoBySchool: Map<string, ProfessionalRecord>;
  clinicians: Map<string, ProfessionalRecord[]>;
}

export function buildLocalityWorkforce(professionals: readonly ProfessionalRecord[]): LocalityWorkforce {
  const byLocality = (role: string) => {
    const map = new Map<string | null, ProfessionalRecord[]>();
    for (const p of professionals.filter((p) => p.role === role)) map.set(p.localityId, [...(map.get(p.localityId) ?? []), p]);
    return map;
  };
  const clinicians = new Map<string, ProfessionalRecord[]>();
  for (const p of professionals.filter((p) => p.agency === 'HEALTH_SERVICE')) clinicians.set(p.role, [...(clinicians.get(p.role) ?? []), p]);
  return {
    inclusionLeads: byLocality('Inclusion support lead'),
    caseworkers: byLocality('SEND caseworker'),
    sencoBySchool: new Map(professionals.filter((p) => p.role === 'SENCO' && p.schoolUrn).map((p) => [p.schoolUrn!, p])),
    clinicians,
  };
}

/** The clinician who would join the team for a child waiting for each service. */
const CLINICIAN_FOR_SERVICE: Record<string, string> = {
  CAMHS: 'CAMHS clinician',
  SALT: 'Speech and language therapist',
  OT: 'Occupational therapist',
  WHEELCHAIR: 'Occupational therapist',
  PHYSIO: 'Physiotherapist',
  ASD_ASSESSMENT: 'Community paediatrician',
  ADHD_ASSESSMENT: 'Community paediatrician',
  COMMUNITY_PAEDIATRICS: 'Community paediatrician',
};

/** Assessments are looked for in the two years before the demo's date. */
const WINDOW_DAYS = 730;

const GROW_STRENGTHS = [
  'Enjoys practical subjects, especially PE and design technology',
  'Reads well and likes stories about animals',
  'Kind to younger children; a natural helper in class',
  'Good at art and proud of their drawings',
  'Works hard in maths when working one to one',
  'Loves football and plays for a local club',
];
const GROW_PRESSURES = [
  'Finds unstructured times (break, lunch) hard and gets into conflict',
  'Struggles to manage anger when frustrated; leaves lessons',
  'Anxious about school; complains of stomach aches on Monday mornings',
  'Falling behind in reading; avoids written work',
  'Sleeping poorly and tired in the mornings',
  'Difficulty following instructions with several steps',
];
const CARE_STRENGTHS = [
  'Mum is keen to work with school and attends meetings',
  'Dad collects from school every day and knows the staff',
  'Grandparents give regular, stable care after school',
  'Parents have used early help before and found it useful',
  'A warm relationship with their older sister',
];
const CARE_PRESSURES = [
  'Mum works nights; mornings are rushed and breakfast is often missed',
  'Parents recently separated; contact arrangements are unsettled',
  'Parent has their own mental health difficulties and finds routines hard',
  'Boundaries at home are inconsistent; screen time late into the night',
  'Parent finds it hard to get to meetings at school',
];
const WORLD_STRENGTHS = [
  'Good friends in the street and at a local youth club',
  'Attends a local scouts group most weeks',
  'Settled at school since Reception with a trusted teaching assistant',
  'Family is part of a supportive faith community',
  'Enjoys swimming at the leisure centre with a cousin',
];
const WORLD_PRESSURES = [
  'Family in temporary housing since the summer',
  'Money is very tight; the family uses the food bank',
  'Spending time with older young people in the town centre late at night',
  'Few friends at school; has been left out of groups',
  'A long journey to school since the family moved',
];
const OTHER_DETAILS = ['Sudden drop in attendance after a bereavement', 'Concerns raised by the school nurse', 'Repeated incidents on the school bus'];
const RESPONSE_NOTES = [
  'Inclusion support lead allocated; team around the child meeting booked.',
  'Lead professional will visit the family and the school this week.',
  'Allocated; first meeting with parent and SENCO arranged.',
];
const REVIEW_NOTES = ['Plan reviewed with the family and school.', 'Attendance and behaviour log checked; plan continues.', 'Provider reports good engagement.', 'Parent finding the programme helpful.'];

/** Which interventions fit which trigger, and who provides them. */
const INTERVENTIONS_FOR: Record<MyWorldTrigger, ReadonlyArray<readonly [string, number]>> = {
  FIRST_SUSPENSION: [['MENTORING', 5], ['TRAUMA_INFORMED_NURTURE', 4], ['PARENTING_PROGRAMME', 3], ['COUNSELLING', 2], ['EXPLOITATION_AND_HARMFUL_BEHAVIOUR', 1], ['PLAY_AND_ART_THERAPY', 1]],
  ALTERNATIVE_PROVISION_CONSIDERED: [['MENTORING', 4], ['EXPLOITATION_AND_HARMFUL_BEHAVIOUR', 3], ['TRAUMA_INFORMED_NURTURE', 3], ['EDUCATIONAL_PSYCHOLOGY', 3], ['MEDIATION', 2], ['YOUTH_WORK', 2]],
  REDUCED_TIMETABLE: [['ATTENDANCE_SUPPORT', 5], ['FAMILY_SUPPORT', 3], ['COUNSELLING', 2], ['EDUCATIONAL_PSYCHOLOGY', 2], ['PARENTING_PROGRAMME', 2]],
  REQUEST_TO_HOME_EDUCATE: [['MEDIATION', 5], ['FAMILY_SUPPORT', 3], ['COUNSELLING', 2]],
  OTHER: [['FAMILY_SUPPORT', 3], ['COUNSELLING', 3], ['PLAY_AND_ART_THERAPY', 2], ['PARENTING_PROGRAMME', 2]],
};
const PROVIDERS: Record<string, readonly string[]> = {
  PARENTING_PROGRAMME: ['Kent Family Support: Triple P', 'Early Help parenting team'],
  SPEECH_AND_LANGUAGE: ['Kent Community Health speech and language therapy'],
  MENTORING: ['Kent Youth Mentoring', 'School learning mentor'],
  TRAUMA_INFORMED_NURTURE: ['School nurture group', 'Inclusion support service'],
  COUNSELLING: ['Kent Young Minds counselling', 'School counsellor'],
  PLAY_AND_ART_THERAPY: ['Creative Therapies Kent'],
  MEDIATION: ['Kent Family Mediation'],
  EXPLOITATION_AND_HARMFUL_BEHAVIOUR: ['Youth justice prevention team', 'Safer Kent exploitation service'],
  FAMILY_SUPPORT: ['Early Help family support worker'],
  ATTENDANCE_SUPPORT: ['Inclusion and attendance service'],
  EDUCATIONAL_PSYCHOLOGY: ['Kent Educational Psychology Service'],
  YOUTH_WORK: ['District youth service'],
  OTHER: ['Voluntary sector partner'],
};

const DELAY: ReadonlyArray<readonly [number, number]> = [[0, 25], [1, 36], [2, 24], [3, 8], [4, 4], [5, 2], [7, 1]];
const PROGRESS: ReadonlyArray<readonly [MonitoringReviewRecord['progress'], number]> = [['GOOD_PROGRESS', 4], ['SOME_PROGRESS', 5], ['NO_PROGRESS', 2], ['CONCERNS_INCREASED', 1]];

function outcomeWeights(trigger: MyWorldTrigger, senSupport: boolean): ReadonlyArray<readonly [SupportOutcome, number]> {
  return [
    ['NEEDS_MET_ATTENDANCE_IMPROVED', trigger === 'REDUCED_TIMETABLE' ? 40 : 18],
    ['NEEDS_MET_READY_TO_LEARN', 20],
    ['NEEDS_MET_ON_TRACK', 18],
    ['JOINT_DECISION_SHORT_TERM_NURTURE', 10],
    ['JOINT_DECISION_EHC_NEEDS_ASSESSMENT', senSupport ? 16 : 4],
    ['JOINT_DECISION_SCHOOL_MOVE', 6],
    ['JOINT_DECISION_ALTERNATIVE_PROVISION', trigger === 'ALTERNATIVE_PROVISION_CONSIDERED' ? 22 : 5],
  ];
}

/** An instant on a date in England, minutes after midnight there. */
function instant(day: number, minutes: number): Date {
  return new Date(startOfDayInEngland(isoOf(day)).getTime() + minutes * 60_000);
}

const weekdayOnOrAfter = (day: number): number => (isWeekend(day) ? weekdayOnOrAfter(day + 1) : day);

interface Trigger {
  trigger: MyWorldTrigger;
  day: number;
  schoolUrn: string;
}

function findTrigger(records: DemoChildRecords, from: number, asOf: number, random: Random): Trigger | null {
  const suspensions = [...records.suspensions].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const first = suspensions[0];
  if (first && parseIsoDay(first.startDate) >= from && random.chance(0.5)) {
    return { trigger: 'FIRST_SUSPENSION', day: parseIsoDay(first.startDate) + random.int(1, 8), schoolUrn: first.schoolUrn };
  }
  const recent = suspensions.filter((s) => parseIsoDay(s.startDate) >= from);
  if (recent.length >= 3 && random.chance(0.45)) {
    return { trigger: 'ALTERNATIVE_PROVISION_CONSIDERED', day: parseIsoDay(recent[2]!.startDate) + random.int(2, 15), schoolUrn: recent[2]!.schoolUrn };
  }
  for (const term of records.attendance) {
    const absence = (term.authorisedAbsence + term.unauthorisedAbsence) / Math.max(1, term.sessionsPossible);
    if (absence < 0.25 || !random.chance(0.3)) continue;
    const dates = termsOf(Number(term.academicYear.slice(0, 4))).find((t) => t.term === term.term)!;
    const day = random.int(dates.start + 20, Math.max(dates.start + 20, dates.end - 10));
    if (day >= from && day <= asOf) return { trigger: 'REDUCED_TIMETABLE', day, schoolUrn: term.schoolUrn };
  }
  const current = records.enrolments.find((e) => e.endDate === null);
  if (current && random.chance(0.006)) {
    return { trigger: random.chance(0.4) ? 'REQUEST_TO_HOME_EDUCATE' : 'OTHER', day: random.int(from, asOf), schoolUrn: current.schoolUrn };
  }
  return null;
}

/**
 * A child's locality support, if any: at most one request in the two years before
 * `asOf`. Empty for most children (a few percent of pupils a year reach a trigger and
 * the school asks the locality).
 */
export function generateChildLocalitySupport(
  records: DemoChildRecords & DemoChildSendRecords & DemoChildHealthRecords,
  asOf: number,
  workforce: LocalityWorkforce,
  random: Random,
): DemoChildLocalityRecords {
  const empty: DemoChildLocalityRecords = { myWorldAssessments: [], supportRequests: [], leadAppointments: [], teamMemberships: [], planInterventions: [], monitoringReviews: [] };
  const found = findTrigger(records, asOf - WINDOW_DAYS, asOf, random);
  if (!found) return empty;
  const { child } = records;
  const completedOn = weekdayOnOrAfter(found.day);
  const sentDay = completedOn + (random.chance(0.7) ? 0 : 1);
  if (sentDay > asOf) return empty;
  const senco = workforce.sencoBySchool.get(found.schoolUrn) ?? null;
  const sentAt = instant(sentDay, random.int(8 * 60, 17 * 60));
  let clock;
  try {
    clock = responseClock(sentAt);
  } catch (error) {
    // A demo dated beyond the bank holiday calendar gets no requests there, rather than wrong clocks.
    if (error instanceof OutsideCalendarError) return empty;
    throw error;
  }

  const assessment: MyWorldAssessmentRecord = {
    id: random.uuid(),
    childId: child.id,
    schoolUrn: found.schoolUrn,
    localityId: child.localityId,
    trigger: found.trigger,
    triggerDetail: found.trigger === 'OTHER' ? random.pick(OTHER_DETAILS) : null,
    growStrengths: random.pick(GROW_STRENGTHS),
    growPressures: random.pick(GROW_PRESSURES),
    careStrengths: random.pick(CARE_STRENGTHS),
    carePressures: random.pick(CARE_PRESSURES),
    worldStrengths: random.pick(WORLD_STRENGTHS),
    worldPressures: random.pick(WORLD_PRESSURES),
    completedBy: senco ? `${senco.givenName} ${senco.familyName}, SENCO` : 'The SENCO',
    completedByProfessionalId: senco?.id ?? null,
    completedOn: isoOf(completedOn),
  };
  const request: SupportRequestRecord = {
    id: random.uuid(),
    childId: child.id,
    assessmentId: assessment.id,
    localityId: child.localityId,
    receivedAt: sentAt.toISOString(),
    respondedAt: null,
    responseNotes: null,
    leadAppointmentId: null,
    outcome: null,
    outcomeDate: null,
    outcomeNotes: null,
  };
  const result: DemoChildLocalityRecords = { ...empty, myWorldAssessments: [assessment], supportRequests: [request] };

  const leads = workforce.inclusionLeads.get(child.localityId) ?? workforce.inclusionLeads.get(null) ?? [];
  if (leads.length === 0) return result;
  const delay = random.weighted(DELAY);
  let respondedAt: Date;
  try {
    const day = parseIsoDay(addWorkingDays(clock.dayZero, delay));
    respondedAt = instant(day, random.int(9 * 60, 17 * 60));
  } catch (error) {
    if (error instanceof OutsideCalendarError) return result;
    throw error;
  }
  if (respondedAt < clock.countsFrom) respondedAt = new Date(clock.countsFrom.getTime() + random.int(30, 180) * 60_000);
  if (respondedAt.getTime() >= instant(asOf, 17 * 60).getTime()) return result;
  const respondedDay = parseIsoDay(dateInEngland(respondedAt));
  const lead = random.pick(leads);

  // The outcome, if it has come by the demo's date: 8 to 20 weeks of coordinated support.
  const outcomeDay = weekdayOnOrAfter(respondedDay + random.int(56, 140));
  const closed = outcomeDay <= asOf;
  const senSupport = records.senProvision.some((p) => p.endDate === null && p.provision === 'K');
  const outcome = closed ? random.weighted(outcomeWeights(found.trigger, senSupport)) : null;
  const supportEnded = outcome !== null && outcome.startsWith('NEEDS_MET_');

  const appointment: LeadAppointmentRecord = {
    id: random.uuid(),
    childId: child.id,
    professionalId: lead.id,
    appointedAt: respondedAt.toISOString(),
    endedAt: supportEnded ? startOfDayInEngland(isoOf(outcomeDay + 1)).toISOString() : null,
    endReason: supportEnded ? 'SUPPORT_ENDED' : null,
  };
  Object.assign(request, {
    respondedAt: respondedAt.toISOString(),
    responseNotes: random.pick(RESPONSE_NOTES),
    leadAppointmentId: appointment.id,
    outcome,
    outcomeDate: closed ? isoOf(outcomeDay) : null,
    outcomeNotes: closed ? (supportEnded ? 'Agreed with the family and school that the plan has done its job.' : 'Joint decision at the team around the child review.') : null,
  });
  result.leadAppointments.push(appointment);

  // The team around the child, from the day of the response: the lead, the school's
  // SENCO, a SEND caseworker when the child has an EHC plan, and a clinician for each
  // service the child is waiting for.
  const start = isoOf(respondedDay);
  const end = supportEnded ? isoOf(outcomeDay) : null;
  const members = new Map<string, string>([[lead.id, 'Lead professional']]);
  if (senco) members.set(senco.id, 'SENCO');
  const hasPlan = records.ehcPlans.some((p) => p.startDate <= start && (p.ceaseDate === null || p.ceaseDate > start));
  const caseworkers = workforce.caseworkers.get(child.localityId) ?? workforce.caseworkers.get(null) ?? [];
  if (hasPlan && caseworkers.length > 0) {
    const caseworker = random.pick(caseworkers);
    if (!members.has(caseworker.id)) members.set(caseworker.id, 'SEND caseworker');
  }
  for (const wait of records.waitingListEntries) {
    if (wait.referralDate > start || (wait.removalDate !== null && wait.removalDate <= start)) continue;
    const clinicians = workforce.clinicians.get(CLINICIAN_FOR_SERVICE[wait.serviceCode] ?? '') ?? [];
    if (clinicians.length === 0) continue;
    const clinician = random.pick(clinicians);
    if (!members.has(clinician.id)) members.set(clinician.id, clinician.role);
  }
  for (const [professionalId, teamRole] of members) {
    result.teamMemberships.push({ id: random.uuid(), childId: child.id, professionalId, teamRole, startDate: start, endDate: end });
  }

  // The coordinated plan: one to three interventions starting within a fortnight.
  const kinds = new Set<string>();
  const count = random.weighted([[1, 3], [2, 4], [3, 2]] as const);
  const menu = INTERVENTIONS_FOR[found.trigger];
  for (let i = 0; i < count; i++) kinds.add(random.weighted(menu));
  if (records.senProvision.some((p) => p.endDate === null && p.primaryNeed === 'SLCN')) kinds.add('SPEECH_AND_LANGUAGE');
  for (const kindCode of kinds) {
    const startDay = weekdayOnOrAfter(respondedDay + random.int(3, 15));
    if (closed && startDay > outcomeDay) continue;
    const plannedEnd = startDay + random.int(6, 12) * 7;
    result.planInterventions.push({
      id: random.uuid(),
      requestId: request.id,
      kindCode,
      provider: random.pick(PROVIDERS[kindCode] ?? PROVIDERS.OTHER!),
      startDate: isoOf(startDay),
      endDate: isoOf(closed ? Math.min(plannedEnd, outcomeDay) : plannedEnd),
      notes: null,
    });
  }

  // Monitoring reviews about every six weeks until the outcome (or the demo's date).
  const lastReview = closed ? outcomeDay : asOf;
  for (let day = weekdayOnOrAfter(respondedDay + 42); day <= lastReview; day = weekdayOnOrAfter(day + 42)) {
    result.monitoringReviews.push({ id: random.uuid(), requestId: request.id, reviewDate: isoOf(day), progress: random.weighted(PROGRESS), notes: random.pick(REVIEW_NOTES) });
  }
  return result;
}
