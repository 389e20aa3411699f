/**
 * The records the demo generator produces. Each subgraph's seed takes the part it
 * owns: localities takes the area, localities, children and professionals; schools
 * takes schools, enrolments, attendance, suspensions and SEN provision; send takes
 * EHC needs assessment requests, EHC plans and annual reviews, SEN support plans,
 * needs radar assessments and schools' readiness ratings; schools also take their SEND
 * self-evaluations; commissioning takes the improvement board's workstreams, measures,
 * targets, action plans and members. Ids are
 * deterministic (same seed, same ids) so tests can name known children.
 */

/** A local authority area: ONS code and DfE number (Kent is E10000016 / 886). */
export interface LocalAreaRecord {
  code: string;
  laNumber: number;
  name: string;
}

export interface LocalityRecord {
  /** Stable slug, e.g. "dartford-gravesham". */
  id: string;
  name: string;
  localAreaCode: string;
}

export type Sex = 'F' | 'M';

export interface ChildRecord {
  /** UUID (deterministic from the seed). */
  id: string;
  /** 10 digits from the 999 test range, valid modulus 11. */
  nhsNumber: string;
  /** 13-character UPN with a correct check letter; null before school age. */
  upn: string | null;
  givenName: string;
  familyName: string;
  /** ISO date, yyyy-mm-dd. */
  dateOfBirth: string;
  sex: Sex;
  localityId: string;
}

export interface ProfessionalRecord {
  id: string;
  givenName: string;
  familyName: string;
  /** e.g. "Inclusion support lead", "SENCO", "Educational psychologist". */
  role: string;
  /** SCHOOL | SEND_SERVICE | HEALTH_SERVICE | SOCIAL_CARE | EARLY_HELP | YOUTH_JUSTICE | VOLUNTARY_SECTOR */
  agency: string;
  /** A work email at an example domain, e.g. "a.khan@kent.example.org". */
  email: string;
  localityId: string | null;
  /** The school a member of school staff (a SENCO) works at; absent for other agencies. */
  schoolUrn?: string | null;
}

/** Get Information About Schools phase of education. */
export type SchoolPhase = 'NURSERY' | 'PRIMARY' | 'SECONDARY' | 'ALL_THROUGH' | 'SPECIAL' | 'ALTERNATIVE_PROVISION';
/** Get Information About Schools establishment type group. */
export type SchoolType =
  | 'LA_MAINTAINED'
  | 'ACADEMY'
  | 'FREE_SCHOOL'
  | 'SPECIAL_SCHOOL'
  | 'PUPIL_REFERRAL_UNIT'
  | 'INDEPENDENT';

export interface SchoolRecord {
  /** 6-digit URN. */
  urn: string;
  /** 4-digit DfE establishment number within the LA (used in UPNs and the DfE number 886/xxxx). */
  establishmentNumber: string;
  name: string;
  phase: SchoolPhase;
  type: SchoolType;
  localityId: string;
  localAreaCode: string;
  /** Lowest and highest statutory age taught. */
  statutoryLowAge: number;
  statutoryHighAge: number;
}

export interface EnrolmentRecord {
  id: string;
  childId: string;
  schoolUrn: string;
  /** ISO dates; endDate null while on roll. */
  startDate: string;
  endDate: string | null;
}

export type Term = 'AUTUMN' | 'SPRING' | 'SUMMER';

export interface AttendanceRecord {
  id: string;
  childId: string;
  schoolUrn: string;
  /** e.g. "2025/26". */
  academicYear: string;
  term: Term;
  sessionsPossible: number;
  authorisedAbsence: number;
  unauthorisedAbsence: number;
}

/** School census exclusion category. */
export type SuspensionCategory = 'PERM' | 'FIXD' | 'LNCH';

export interface SuspensionRecord {
  id: string;
  childId: string;
  schoolUrn: string;
  category: SuspensionCategory;
  startDate: string;
  /** Sessions lost (half days); a permanent exclusion counts from its start. */
  sessions: number;
  /** One to three DfE exclusion reason codes, e.g. ["PD", "VA"]. */
  reasons: string[];
}

/** School census SEN provision: N no SEN, K SEN support, E EHC plan. */
export type SenProvision = 'N' | 'K' | 'E';
/** SEN need type codes (SEN2 / school census). NSA only with provision K. */
export type SenNeedType =
  | 'SPLD' | 'MLD' | 'SLD' | 'PMLD' | 'SEMH' | 'SLCN' | 'HI' | 'VI' | 'MSI' | 'PD' | 'ASD' | 'OTH' | 'NSA';

export interface SenProvisionRecord {
  id: string;
  childId: string;
  schoolUrn: string;
  provision: SenProvision;
  /** Null when provision is N. */
  primaryNeed: SenNeedType | null;
  secondaryNeed: SenNeedType | null;
  startDate: string;
  /** Null for the current status. */
  endDate: string | null;
}

/** Who asked for an EHC needs assessment. */
export type EhcRequestedBy = 'PARENT' | 'YOUNG_PERSON' | 'SCHOOL' | 'HEALTH' | 'OTHER';
/** SEN2 request outcome: Y assess, N do not assess, A pending, W withdrawn. */
export type EhcRequestDecision = 'Y' | 'N' | 'A' | 'W';
/** Regulation 13(3) exceptions to the 20-week limit. */
export type EhcTimelinessException =
  | 'SCHOOL_CLOSURE_PERIOD'
  | 'EXCEPTIONAL_PERSONAL_CIRCUMSTANCES_CHILD'
  | 'EXCEPTIONAL_PERSONAL_CIRCUMSTANCES_PARENT'
  | 'ABSENT_FROM_AREA'
  | 'APPOINTMENT_MISSED';

/** A request for an EHC needs assessment (SEN2); dates ISO, null until they happen. */
export interface EhcRequestRecord {
  id: string;
  childId: string;
  /** The child's locality when the request came in. */
  localityId: string;
  localAreaCode: string;
  receivedDate: string;
  requestedBy: EhcRequestedBy;
  decision: EhcRequestDecision;
  /** Null while pending (A) and when withdrawn before a decision (W). */
  decisionDate: string | null;
  healthAdviceRequestedDate: string | null;
  healthAdviceReceivedDate: string | null;
  socialCareAdviceRequestedDate: string | null;
  socialCareAdviceReceivedDate: string | null;
  /** Only after an assessment (decision Y). */
  planDecision: 'ISSUE' | 'NO_PLAN' | null;
  /** The draft plan, or the notice not to issue one; set with planDecision. */
  noticeDate: string | null;
  finalPlanDate: string | null;
  exception: EhcTimelinessException | null;
  withdrawnDate: string | null;
  /** The SEND caseworker holding the request (a professional's id); null or left out when none is named. */
  caseworkerId?: string | null;
}

/** An EHC plan (SEN2); needs never NSA. */
export interface EhcPlanRecord {
  id: string;
  childId: string;
  /** Null for a plan transferred in from another local authority. */
  requestId: string | null;
  startDate: string;
  primaryNeed: Exclude<SenNeedType, 'NSA'>;
  secondaryNeed: Exclude<SenNeedType, 'NSA'> | null;
  /** The URN of the school named in the plan. */
  placementUrn: string | null;
  ceaseDate: string | null;
  ceaseReason: string | null;
}

/** An annual review of a plan: SEN2 outcome A amend, C cease, M maintain. */
export interface AnnualReviewRecord {
  id: string;
  planId: string;
  meetingDate: string;
  outcome: 'A' | 'C' | 'M';
}

/** The five domains of the needs radar (Valuing SEND). */
export type RadarDomain =
  | 'COGNITION_AND_LEARNING'
  | 'COMMUNICATION_AND_INTERACTION'
  | 'SENSORY_AND_PHYSICAL'
  | 'SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH'
  | 'INDEPENDENCE';

/**
 * A SEN support plan (census code K): the school's assess, plan, do, review cycle.
 * Dates ISO; closedDate null while the plan is open.
 */
export interface SupportPlanRecord {
  id: string;
  childId: string;
  schoolUrn: string;
  startedDate: string;
  /** The day the parents were told SEN provision started (SEND Code of Practice 6.43). */
  parentsToldDate: string;
  childViews: string | null;
  parentViews: string | null;
  closedDate: string | null;
  /** Why the plan closed; null or left out while open (or when not recorded). */
  closeReason?: SupportPlanCloseReason | null;
  closeNotes?: string | null;
}

/** Why a SEN support plan closed. */
export type SupportPlanCloseReason = 'NEEDS_MET' | 'MOVED_TO_EHC_PLAN' | 'LEFT_SCHOOL' | 'OTHER';

export interface SupportPlanOutcomeRecord {
  id: string;
  planId: string;
  description: string;
  sortOrder: number;
}

export interface SupportPlanProvisionRecord {
  id: string;
  planId: string;
  what: string;
  deliveredBy: string;
  /** e.g. "3 x 20 minutes a week". */
  howOften: string;
  sortOrder: number;
}

/** One assess, plan, do, review cycle; assess <= plan <= doFrom <= review. */
export interface SupportPlanCycleRecord {
  id: string;
  planId: string;
  assessDate: string;
  planDate: string;
  doFromDate: string;
  /** Null until the cycle is reviewed. */
  reviewDate: string | null;
  reviewNotes: string | null;
  /** Null means the default: 12 weeks after the review, or after the plan date before one. */
  nextReviewDue: string | null;
}

/** A child's needs radar: who completed it, where, and when. */
export interface RadarAssessmentRecord {
  id: string;
  childId: string;
  assessedDate: string;
  completedBy: string;
  /** The setting that completed it. */
  schoolUrn: string | null;
  /** The child's year group when assessed (-1 nursery, 0 Reception, 1 to 14); empty or left out when not known. */
  yearGroup?: number | null;
}

/** One domain of a child's radar: need 0–4, home readiness 0–4 when the family gave it. */
export interface RadarRatingRecord {
  assessmentId: string;
  domain: RadarDomain;
  need: number;
  homeReadiness: number | null;
}

/** A school's readiness to meet needs in one domain, rated 0–4, reviewed about twice a year. */
export interface SettingReadinessRecord {
  id: string;
  schoolUrn: string;
  domain: RadarDomain;
  rating: number;
  assessedDate: string;
}

/** Why a child left a health waiting list without being seen. */
export type HealthRemovalReason = 'NO_LONGER_REQUIRED' | 'DID_NOT_ATTEND' | 'MOVED_AWAY' | 'TRANSFERRED' | 'OTHER';

/**
 * A child's wait for a community or specialist health service (the health
 * subgraph). Keyed by NHS number only: the trust does not hold the platform id.
 * Dates ISO; a wait ends with a first contact (clock stop) or a removal, never both.
 */
export interface WaitingListEntryRecord {
  id: string;
  nhsNumber: string;
  /** e.g. CAMHS, SALT, ASD_ASSESSMENT. */
  serviceCode: string;
  /** Clock start. */
  referralDate: string;
  priority: 'ROUTINE' | 'URGENT';
  /** Clock stop; null while waiting or when removed. */
  firstContactDate: string | null;
  removalDate: string | null;
  removalReason: HealthRemovalReason | null;
  /** The child's locality when referred (figures are reported under it). */
  localityId: string;
  localAreaCode: string;
  /**
   * The partner organisation that contributed the entry (the `partner` claim of the
   * trust's token; an NHS trust's ODS code, e.g. RXY). A PARTNER sees only its own.
   */
  partnerId: string;
}

/** What made a school complete a My World assessment (Walsall's locality triggers). */
export type MyWorldTrigger = 'FIRST_SUSPENSION' | 'ALTERNATIVE_PROVISION_CONSIDERED' | 'REDUCED_TIMETABLE' | 'REQUEST_TO_HOME_EDUCATE' | 'OTHER';

/** A school's My World assessment of a child: the three sides of the triangle, each with strengths and pressures. */
export interface MyWorldAssessmentRecord {
  id: string;
  childId: string;
  schoolUrn: string;
  /** The child's locality: the one whose single point of contact it was sent to. */
  localityId: string;
  trigger: MyWorldTrigger;
  triggerDetail: string | null;
  growStrengths: string;
  growPressures: string;
  careStrengths: string;
  carePressures: string;
  worldStrengths: string;
  worldPressures: string;
  /** As signed, e.g. "Aisha Khan, SENCO". */
  completedBy: string;
  completedByProfessionalId: string | null;
  completedOn: string;
}

export type SupportOutcome =
  | 'NEEDS_MET_ATTENDANCE_IMPROVED'
  | 'NEEDS_MET_READY_TO_LEARN'
  | 'NEEDS_MET_ON_TRACK'
  | 'JOINT_DECISION_SHORT_TERM_NURTURE'
  | 'JOINT_DECISION_EHC_NEEDS_ASSESSMENT'
  | 'JOINT_DECISION_SCHOOL_MOVE'
  | 'JOINT_DECISION_ALTERNATIVE_PROVISION';

/**
 * A request for locality support, sent with a My World assessment. Instants are ISO
 * date-times (UTC); the due time follows from `receivedAt` and the working-day calendar.
 */
export interface SupportRequestRecord {
  id: string;
  childId: string;
  assessmentId: string;
  localityId: string;
  receivedAt: string;
  /** Null while awaiting a response; set with leadAppointmentId. */
  respondedAt: string | null;
  responseNotes: string | null;
  leadAppointmentId: string | null;
  outcome: SupportOutcome | null;
  outcomeDate: string | null;
  outcomeNotes: string | null;
}

/** A spell as a child's lead professional, [appointedAt, endedAt). */
export interface LeadAppointmentRecord {
  id: string;
  childId: string;
  professionalId: string;
  appointedAt: string;
  endedAt: string | null;
  endReason: 'HANDED_OVER' | 'LEFT_TEAM' | 'SUPPORT_ENDED' | null;
}

/** A place on a child's team around the child; endDate inclusive, null while on it. */
export interface TeamMembershipRecord {
  id: string;
  childId: string;
  professionalId: string;
  teamRole: string;
  startDate: string;
  endDate: string | null;
}

/** An intervention in a coordinated plan; kindCode is on the locality's menu. */
export interface PlanInterventionRecord {
  id: string;
  requestId: string;
  kindCode: string;
  provider: string;
  startDate: string;
  endDate: string | null;
  notes: string | null;
}

export interface MonitoringReviewRecord {
  id: string;
  requestId: string;
  reviewDate: string;
  progress: 'GOOD_PROGRESS' | 'SOME_PROGRESS' | 'NO_PROGRESS' | 'CONCERNS_INCREASED';
  notes: string | null;
}

/* Schools' SEND self-evaluations (the schools subgraph). */

/** Emerging, Developing or Embedded: how far a self-evaluation statement is true of the school. */
export type SelfEvaluationGrade = 'EMERGING' | 'DEVELOPING' | 'EMBEDDED';

/** A school's SEND self-evaluation on one day. */
export interface SelfEvaluationRecord {
  id: string;
  schoolUrn: string;
  evaluatedDate: string;
  /** Who completed it, as the school names them. */
  completedBy: string;
  /** The token subject who recorded it on the platform. */
  recordedBy: string;
}

/** One framework statement as the school graded it; evidence always given above Emerging. */
export interface SelfEvaluationStatementRecord {
  evaluationId: string;
  /** e.g. "LEADERSHIP_1" (the schools subgraph's framework). */
  code: string;
  grade: SelfEvaluationGrade;
  evidence: string | null;
}

/** One item of the statutory checklist, answered. */
export interface StatutoryCheckRecord {
  evaluationId: string;
  /** e.g. "SENCO_APPOINTED". */
  item: string;
  met: boolean;
  note: string | null;
}

/** One line of a school's SEND action plan. */
export interface SendActionRecord {
  id: string;
  evaluationId: string;
  sortOrder: number;
  target: string;
  actions: string;
  personResponsible: string;
  resources: string | null;
  /** Given when completed. */
  evidenceOfImpact: string | null;
  dateCompleted: string | null;
}

/* The SEND improvement board's plan (the commissioning subgraph). */

export type Rag = 'RED' | 'AMBER' | 'GREEN';

/** A workstream of a local area's improvement plan, e.g. Kent's "C: quality and timeliness of EHC plans". */
export interface WorkstreamRecord {
  id: string;
  localAreaCode: string;
  /** "A" to "E" in Kent's plan. */
  letter: string;
  title: string;
  /** Who leads it for the board, e.g. "Assistant Director, SEND". */
  lead: string;
}

/** One area of weakness an inspection found, under the workstream that answers it. */
export interface AreaOfWeaknessRecord {
  id: string;
  workstreamId: string;
  /** Its number in the inspection letter, 1 to 9 in Kent's. */
  number: number;
  description: string;
}

/** Which figure a measure is bound to (each owned by another subgraph). */
export type MeasureKind =
  | 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS'
  | 'WAITING_52_WEEKS_OR_MORE'
  | 'WAITING_UNDER_18_WEEKS'
  | 'SUSPENSIONS_OF_PUPILS_WITH_SEN'
  | 'LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS';

/** A measure the board tracks a workstream by. */
export interface MeasureRecord {
  id: string;
  workstreamId: string;
  areaOfWeaknessId: string | null;
  name: string;
  kind: MeasureKind;
  /** The NHS service, for waiting-time measures; null otherwise. */
  serviceCode: string | null;
  sortOrder: number;
}

/** A target the board set for a measure; the latest per measure and scope is current. */
export interface MeasureTargetRecord {
  id: string;
  measureId: string;
  /** Null for the whole area; a locality's own target otherwise. */
  localityId: string | null;
  value: number;
  /** The value from which the measure is AMBER rather than RED. */
  amberThreshold: number;
  direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
  byDate: string;
  reason: string;
  setBy: string;
  setByName: string;
  /** ISO timestamp. */
  setAt: string;
}

/** A line of a workstream's action plan; `rag` and `commentary` are its latest progress update. */
export interface ActionPlanLineRecord {
  id: string;
  workstreamId: string;
  areaOfWeaknessId: string | null;
  /** Null for the whole area; one locality's line otherwise. */
  localityId: string | null;
  sortOrder: number;
  recommendation: string;
  how: string;
  who: string;
  byWhen: string;
  impactMeasure: string;
  rag: Rag;
  commentary: string;
}

/** One progress update of an action-plan line: its RAG, who changed it, when and why. */
export interface RagChangeRecord {
  id: string;
  lineId: string;
  /** Null for the line's first rating. */
  fromRag: Rag | null;
  toRag: Rag;
  commentary: string;
  changedBy: string;
  changedByName: string;
  /** ISO timestamp. */
  changedAt: string;
}

/** Someone who sits on a local area's SEND improvement board and may update its plan. */
export interface BoardMemberRecord {
  id: string;
  localAreaCode: string;
  /** Their token's subject (`sub`). */
  subject: string;
  name: string;
  /** What they do for the board, e.g. "Workstream C lead". */
  roleOnBoard: string;
}

export interface DemoArea {
  localArea: LocalAreaRecord;
  localities: LocalityRecord[];
  schools: SchoolRecord[];
  children: ChildRecord[];
  professionals: ProfessionalRecord[];
  enrolments: EnrolmentRecord[];
  attendance: AttendanceRecord[];
  suspensions: SuspensionRecord[];
  senProvision: SenProvisionRecord[];
  /* SEND casework (the send subgraph). */
  ehcRequests: EhcRequestRecord[];
  ehcPlans: EhcPlanRecord[];
  annualReviews: AnnualReviewRecord[];
  /* SEN support plans and the needs radar (the send subgraph). */
  supportPlans: SupportPlanRecord[];
  supportPlanOutcomes: SupportPlanOutcomeRecord[];
  supportPlanProvision: SupportPlanProvisionRecord[];
  supportPlanCycles: SupportPlanCycleRecord[];
  radarAssessments: RadarAssessmentRecord[];
  radarRatings: RadarRatingRecord[];
  settingReadiness: SettingReadinessRecord[];
  /* Waits for community and specialist health services (the health subgraph). */
  waitingListEntries: WaitingListEntryRecord[];
  /*
   * Locality teams (the localities subgraph): My World assessments, requests for
   * support and their plans, lead professionals and teams around children. Optional
   * so that an area made by hand without them stays valid.
   */
  myWorldAssessments?: MyWorldAssessmentRecord[];
  supportRequests?: SupportRequestRecord[];
  leadAppointments?: LeadAppointmentRecord[];
  teamMemberships?: TeamMembershipRecord[];
  planInterventions?: PlanInterventionRecord[];
  monitoringReviews?: MonitoringReviewRecord[];
  /* Schools' SEND self-evaluations (the schools subgraph). */
  selfEvaluations: SelfEvaluationRecord[];
  selfEvaluationStatements: SelfEvaluationStatementRecord[];
  statutoryChecks: StatutoryCheckRecord[];
  sendActions: SendActionRecord[];
  /* The SEND improvement board's plan (the commissioning subgraph). */
  workstreams: WorkstreamRecord[];
  areasOfWeakness: AreaOfWeaknessRecord[];
  measures: MeasureRecord[];
  measureTargets: MeasureTargetRecord[];
  actionPlanLines: ActionPlanLineRecord[];
  ragChanges: RagChangeRecord[];
  boardMembers: BoardMemberRecord[];
}

export interface DemoAreaOptions {
  /** PRNG seed; the same seed gives byte-identical output. Default 20261124. */
  seed?: number;
  /** Number of children on the register. Default 3000. */
  children?: number;
  /** The date the data is "as of" (ISO). Default "2026-11-20". */
  asOf?: string;
}
