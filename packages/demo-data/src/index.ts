/**
 * Deterministic demo data for a local area: Kent's localities, schools, children,
 * professionals, enrolments, SEN provision, attendance and suspensions, SEND casework,
 * health waits, schools' self-evaluations and the improvement board's plan, shaped by
 * national statistics and using only test-range identifiers.
 */
export type * from './types.js';
export {
  generateDemoArea,
  emptyDemoArea,
  createDemoAreaGenerator,
  DEFAULT_SEED,
  DEFAULT_CHILDREN,
  DEFAULT_AS_OF,
  MAX_CHILDREN,
  type DemoAreaGenerator,
} from './generate.js';
export type { DemoChildRecords } from './children.js';
export type { DemoChildSendRecords } from './send.js';
export { HEALTH_SERVICE_CODES, HEALTH_SERVICE_PROVIDERS, type HealthServiceCode, type DemoChildHealthRecords } from './health.js';
export type { DemoChildLocalityRecords } from './locality-support.js';
export { RADAR_DOMAINS, SUPPORT_PLAN_REVIEW_DAYS, domainOfNeed, type DemoChildSupportRecords } from './support.js';
export { SELF_EVALUATION_STATEMENT_CODES, STATUTORY_CHECK_ITEMS, type DemoSchoolSelfEvaluations } from './self-evaluation.js';
export { DEMO_BOARD_MEMBERS, type DemoImprovementPlan } from './commissioning.js';
export { createRandom, createWeightedSampler, type Random } from './random.js';
export {
  SUSPENSION_REASONS,
  SEN_NEED_TYPES,
  SEN_PROVISIONS,
  SUSPENSION_CATEGORIES,
  type CodedValue,
  type SuspensionReasonCode,
} from './reference.js';
export { KENT, KENT_LOCALITIES, type LocalityTemplate } from './places.js';
