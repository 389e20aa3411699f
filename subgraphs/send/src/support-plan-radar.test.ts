import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubgraphDatabase } from '@local-area-graph/database';
import { startSingleSubgraph, type SingleSubgraph } from '@local-area-graph/test-kit';
import { emptyDemoArea } from '@local-area-graph/demo-data';
import type {
  DemoArea,
  RadarAssessmentRecord,
  RadarDomain as DomainName,
  RadarRatingRecord,
  SettingReadinessRecord,
  SupportPlanCycleRecord,
  SupportPlanOutcomeRecord,
  SupportPlanProvisionRecord,
  SupportPlanRecord,
} from '@local-area-graph/demo-data';
import { send } from './index.js';
import { seedSend } from './seed.js';
import { buildNeedsRadar, latestReadiness } from './radar/needs-radar.js';
import { RadarDomain, RadarSource } from './radar/radar.js';
import { protectRadarProfile } from './radar/radar-profile.js';
import { currentCycleOf, defaultNextReviewDue, supportReviewOverdue } from './support-plan/review-dates.js';

const uuid = (prefix: string, n: number) => `${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const RIVERSIDE = '118001';
const HILLVIEW = '118002';
const OAKWOOD = '118003';
const DOMAINS: DomainName[] = ['COGNITION_AND_LEARNING', 'COMMUNICATION_AND_INTERACTION', 'SENSORY_AND_PHYSICAL', 'SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH', 'INDEPENDENCE'];

const ZARA = uuid('a', 1); // open support plan at Hillview (and a closed one at Riverside), two radar assessments
const YUSUF = uuid('a', 2); // nothing recorded
/** Twenty children assessed at Oakwood, each with a support plan there. */
const COHORT = Array.from({ length: 20 }, (_, i) => uuid('b', i + 1));
/** Their need in communication and interaction: ten high or very high, ten not. */
const COHORT_NEED = COHORT.map((_, i) => (i < 10 ? (i % 2 ? 4 : 3) : i % 3));
/** Five children whose latest assessment Riverside completed; the first was assessed at Oakwood before. */
const MOVERS = Array.from({ length: 5 }, (_, i) => uuid('d', i + 1));

function handMadeArea(): DemoArea {
  const supportPlans: SupportPlanRecord[] = [
    { id: uuid('c', 1), childId: ZARA, schoolUrn: HILLVIEW, startedDate: '2026-01-05', parentsToldDate: '2026-01-16', childViews: 'I like the quiet room.', parentViews: null, closedDate: null },
    { id: uuid('c', 2), childId: ZARA, schoolUrn: RIVERSIDE, startedDate: '2024-01-10', parentsToldDate: '2024-01-20', childViews: null, parentViews: null, closedDate: '2025-07-20' },
  ];
  const supportPlanOutcomes: SupportPlanOutcomeRecord[] = [
    { id: uuid('e', 2), planId: uuid('c', 1), description: 'Take turns in a small-group game', sortOrder: 2 },
    { id: uuid('e', 1), planId: uuid('c', 1), description: 'Ask an adult for help using a help card', sortOrder: 1 },
  ];
  const supportPlanProvision: SupportPlanProvisionRecord[] = [
    { id: uuid('f', 1), planId: uuid('c', 1), what: 'Social communication group', deliveredBy: 'SENCO', howOften: '1 x 45 minutes a week', sortOrder: 1 },
  ];
  const supportPlanCycles: SupportPlanCycleRecord[] = [
    // No next review given: 12 weeks after the review.
    { id: uuid('1', 1), planId: uuid('c', 1), assessDate: '2026-01-05', planDate: '2026-01-12', doFromDate: '2026-01-14', reviewDate: '2026-04-01', reviewNotes: 'Partly met.', nextReviewDue: null },
    { id: uuid('1', 2), planId: uuid('c', 1), assessDate: '2026-04-01', planDate: '2026-04-08', doFromDate: '2026-04-10', reviewDate: null, reviewNotes: null, nextReviewDue: '2026-07-10' },
  ];
  const radarAssessments: RadarAssessmentRecord[] = [
    { id: uuid('2', 1), childId: ZARA, assessedDate: '2025-03-01', completedBy: 'Class teacher', schoolUrn: RIVERSIDE },
    { id: uuid('2', 2), childId: ZARA, assessedDate: '2026-02-01', completedBy: 'SENCO with parent', schoolUrn: HILLVIEW },
  ];
  const zaraNow: Record<DomainName, [number, number | null]> = {
    COGNITION_AND_LEARNING: [1, null],
    COMMUNICATION_AND_INTERACTION: [4, 2],
    SENSORY_AND_PHYSICAL: [0, 3],
    SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH: [2, 2],
    INDEPENDENCE: [3, 1],
  };
  const radarRatings: RadarRatingRecord[] = [
    ...DOMAINS.map((domain) => ({ assessmentId: uuid('2', 1), domain, need: 2, homeReadiness: null })),
    ...DOMAINS.map((domain) => ({ assessmentId: uuid('2', 2), domain, need: zaraNow[domain][0], homeReadiness: zaraNow[domain][1] })),
  ];
  const settingReadiness: SettingReadinessRecord[] = [
    { id: uuid('3', 1), schoolUrn: HILLVIEW, domain: 'COMMUNICATION_AND_INTERACTION', rating: 1, assessedDate: '2025-06-01' },
    { id: uuid('3', 2), schoolUrn: HILLVIEW, domain: 'COMMUNICATION_AND_INTERACTION', rating: 2, assessedDate: '2026-01-15' },
    { id: uuid('3', 3), schoolUrn: HILLVIEW, domain: 'COGNITION_AND_LEARNING', rating: 3, assessedDate: '2026-01-15' },
    { id: uuid('3', 4), schoolUrn: HILLVIEW, domain: 'SENSORY_AND_PHYSICAL', rating: 2, assessedDate: '2025-06-01' },
    { id: uuid('3', 5), schoolUrn: HILLVIEW, domain: 'SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH', rating: 4, assessedDate: '2025-06-01' },
    // Riverside's rating is not Zara's school's any more.
    { id: uuid('3', 6), schoolUrn: RIVERSIDE, domain: 'INDEPENDENCE', rating: 0, assessedDate: '2026-03-01' },
  ];
  COHORT.forEach((childId, i) => {
    const planId = uuid('4', i + 1);
    supportPlans.push({ id: planId, childId, schoolUrn: OAKWOOD, startedDate: '2026-09-01', parentsToldDate: '2026-09-10', childViews: null, parentViews: null, closedDate: null });
    supportPlanOutcomes.push({ id: uuid('5', i + 1), planId, description: 'Read a short passage without help', sortOrder: 1 });
    supportPlanCycles.push({ id: uuid('6', i + 1), planId, assessDate: '2026-09-01', planDate: '2026-09-08', doFromDate: '2026-09-10', reviewDate: null, reviewNotes: null, nextReviewDue: null });
    radarAssessments.push({ id: uuid('7', i + 1), childId, assessedDate: '2026-10-01', completedBy: 'SENCO', schoolUrn: OAKWOOD });
    for (const domain of DOMAINS) {
      radarRatings.push({ assessmentId: uuid('7', i + 1), domain, need: domain === 'COMMUNICATION_AND_INTERACTION' ? COHORT_NEED[i]! : 1, homeReadiness: null });
    }
  });
  MOVERS.forEach((childId, i) => {
    radarAssessments.push({ id: uuid('8', i + 1), childId, assessedDate: '2026-06-01', completedBy: 'SENCO', schoolUrn: RIVERSIDE });
    for (const domain of DOMAINS) radarRatings.push({ assessmentId: uuid('8', i + 1), domain, need: 4, homeReadiness: null });
  });
  radarAssessments.push({ id: uuid('9', 1), childId: MOVERS[0]!, assessedDate: '2025-06-01', completedBy: 'SENCO', schoolUrn: OAKWOOD });
  for (const domain of DOMAINS) radarRatings.push({ assessmentId: uuid('9', 1), domain, need: 0, homeReadiness: null });
  return {
    ...emptyDemoArea(),
    supportPlans,
    supportPlanOutcomes,
    supportPlanProvision,
    supportPlanCycles,
    radarAssessments,
    radarRatings,
    settingReadiness,
    
  };
}

describe('review dates of a SEN support plan', () => {
  it('defaults the next review to 12 weeks after the review, or after the plan date before one', () => {
    expect(defaultNextReviewDue({ planDate: '2026-01-12', reviewDate: '2026-04-01' })).toBe('2026-06-24');
    expect(defaultNextReviewDue({ planDate: '2026-09-08', reviewDate: null })).toBe('2026-12-01');
  });

  it('takes the cycle planned last as the current one, and is overdue only while open and past due', () => {
    expect(currentCycleOf([{ planDate: '2026-01-12' }, { planDate: '2026-04-08' }])).toEqual({ planDate: '2026-04-08' });
    expect(currentCycleOf([])).toBeNull();
    expect(supportReviewOverdue('2026-07-10', null, '2026-07-10')).toBe(false);
    expect(supportReviewOverdue('2026-07-10', null, '2026-07-11')).toBe(true);
    expect(supportReviewOverdue('2026-07-10', '2026-07-01', '2026-07-11')).toBe(false);
    expect(supportReviewOverdue(null, null, '2026-07-11')).toBe(false);
  });
});

describe('needs radar joining', () => {
  const assessment = { id: 'x', assessedDate: '2026-02-01', schoolUrn: HILLVIEW };

  it('keeps the latest readiness per domain', () => {
    const latest = latestReadiness([
      { domain: RadarDomain.INDEPENDENCE, rating: 1, assessedDate: '2026-01-01' },
      { domain: RadarDomain.INDEPENDENCE, rating: 3, assessedDate: '2026-06-01' },
      { domain: RadarDomain.INDEPENDENCE, rating: 2, assessedDate: '2025-06-01' },
    ]);
    expect(latest.get(RadarDomain.INDEPENDENCE)!.rating).toBe(3);
  });

  it('gives five axes with need minus setting readiness, and no gap when either is missing', () => {
    const radar = buildNeedsRadar(
      assessment,
      [
        { domain: RadarDomain.COMMUNICATION_AND_INTERACTION, need: 4, homeReadiness: 2 },
        { domain: RadarDomain.COGNITION_AND_LEARNING, need: 1, homeReadiness: null },
        { domain: RadarDomain.INDEPENDENCE, need: 3, homeReadiness: null },
      ],
      [
        { domain: RadarDomain.COMMUNICATION_AND_INTERACTION, rating: 2, assessedDate: '2026-01-15' },
        { domain: RadarDomain.COGNITION_AND_LEARNING, rating: 3, assessedDate: '2026-01-15' },
        { domain: RadarDomain.SENSORY_AND_PHYSICAL, rating: 2, assessedDate: '2025-06-01' },
      ],
    );
    expect(radar.axes.map((axis) => axis.domain)).toEqual(DOMAINS);
    const [cognition, communication, sensory, , independence] = radar.axes;
    expect(communication).toEqual({
      domain: 'COMMUNICATION_AND_INTERACTION',
      need: { rating: 4, source: RadarSource.CHILD_ASSESSMENT, asOf: '2026-02-01' },
      settingReadiness: { rating: 2, source: RadarSource.SETTING_SELF_ASSESSMENT, asOf: '2026-01-15' },
      homeReadiness: { rating: 2, source: RadarSource.HOME, asOf: '2026-02-01' },
      gap: 2,
    });
    expect(cognition!.gap).toBe(-2);
    expect(sensory).toMatchObject({ need: null, gap: null });
    expect(independence).toMatchObject({ settingReadiness: null, homeReadiness: null, gap: null });
    expect(radar.school).toEqual({ urn: HILLVIEW });
  });

  it('withholds a small profile and its mean, and shows a true zero', () => {
    const [small, , none] = protectRadarProfile([
      { domain: RadarDomain.COGNITION_AND_LEARNING, children: 5, meanNeed: 2.2, high: 2 },
      { domain: RadarDomain.COMMUNICATION_AND_INTERACTION, children: 6, meanNeed: 2.5, high: 0 },
    ]);
    expect(small).toMatchObject({ childrenAssessed: { value: null, suppressed: true }, meanNeed: { value: null, suppressed: true }, highOrVeryHighNeed: { value: null, suppressed: true } });
    expect(none).toMatchObject({ domain: 'SENSORY_AND_PHYSICAL', childrenAssessed: { value: 0, suppressed: false }, highOrVeryHighNeed: { value: 0 } });
  });
});

let subgraph: SingleSubgraph;
let database: SubgraphDatabase;

const query = async (text: string, variables?: Record<string, unknown>) => subgraph.client.query(text, variables);
const children = (...ids: string[]) => ({ r: ids.map((id) => ({ __typename: 'Child', id })) });

const SUPPORT = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id send {
  supportPlans { id school { urn } startedDate parentsToldDate childViews parentViews closedDate isOpen
    outcomes { description sortOrder } provision { what deliveredBy howOften }
    cycles { id assessDate planDate doFromDate reviewDate reviewNotes nextReviewDue }
    currentCycle { id } nextReviewDue overdueAfter: reviewOverdue(asOf: "2026-07-11") onTime: reviewOverdue(asOf: "2026-07-10") }
  currentSupportPlan { id }
  radarAssessments { id assessedDate completedBy school { urn } ratings { domain need homeReadiness } }
  radar { assessedDate school { urn } axes { domain need { rating source asOf } settingReadiness { rating source asOf } homeReadiness { rating source asOf } gap } }
} } } }`;

beforeAll(async () => {
  subgraph = await startSingleSubgraph(send, async (db) => seedSend(db, handMadeArea()));
  database = subgraph.database;
});

afterAll(async () => subgraph?.stop());

describe('SEN support plans and the needs radar on Child.send', () => {
  it("gives a child's support plans newest first, with outcomes, provision, cycles and review dates", async () => {
    const { data, errors } = await query(SUPPORT, children(ZARA, YUSUF));
    expect(errors).toBeUndefined();
    const [zara, yusuf] = data._entities.map((child: any) => child.send);
    expect(zara.supportPlans.map((plan: any) => plan.id)).toEqual([uuid('c', 1), uuid('c', 2)]);
    expect(zara.currentSupportPlan).toEqual({ id: uuid('c', 1) });
    const [open, closed] = zara.supportPlans;
    expect(open).toMatchObject({
      school: { urn: HILLVIEW }, startedDate: '2026-01-05', parentsToldDate: '2026-01-16', childViews: 'I like the quiet room.', parentViews: null, isOpen: true,
      outcomes: [{ description: 'Ask an adult for help using a help card', sortOrder: 1 }, { description: 'Take turns in a small-group game', sortOrder: 2 }],
      provision: [{ what: 'Social communication group', deliveredBy: 'SENCO', howOften: '1 x 45 minutes a week' }],
      currentCycle: { id: uuid('1', 2) }, nextReviewDue: '2026-07-10', overdueAfter: true, onTime: false,
    });
    // Newest first; the reviewed cycle's next review defaulted to 12 weeks after its review.
    expect(open.cycles.map((cycle: any) => [cycle.id, cycle.nextReviewDue])).toEqual([[uuid('1', 2), '2026-07-10'], [uuid('1', 1), '2026-06-24']]);
    expect(closed).toMatchObject({ isOpen: false, closedDate: '2025-07-20', cycles: [], currentCycle: null, nextReviewDue: null, overdueAfter: false });
    expect(yusuf).toMatchObject({ supportPlans: [], currentSupportPlan: null, radarAssessments: [], radar: null });
  });

  it('draws the radar from the latest assessment and the latest readiness of the school that completed it', async () => {
    const { data, errors } = await query(SUPPORT, children(ZARA));
    expect(errors).toBeUndefined();
    const { radarAssessments, radar } = data._entities[0].send;
    expect(radarAssessments.map((a: any) => [a.assessedDate, a.school.urn])).toEqual([['2026-02-01', HILLVIEW], ['2025-03-01', RIVERSIDE]]);
    expect(radarAssessments[0].ratings).toHaveLength(5);
    expect(radar.assessedDate).toBe('2026-02-01');
    expect(radar.school).toEqual({ urn: HILLVIEW });
    const axis = (domain: string) => radar.axes.find((a: any) => a.domain === domain);
    expect(axis('COMMUNICATION_AND_INTERACTION')).toEqual({
      domain: 'COMMUNICATION_AND_INTERACTION',
      need: { rating: 4, source: 'CHILD_ASSESSMENT', asOf: '2026-02-01' },
      settingReadiness: { rating: 2, source: 'SETTING_SELF_ASSESSMENT', asOf: '2026-01-15' }, // not the older 1
      homeReadiness: { rating: 2, source: 'HOME', asOf: '2026-02-01' },
      gap: 2,
    });
    expect(axis('COGNITION_AND_LEARNING')).toMatchObject({ need: { rating: 1 }, settingReadiness: { rating: 3 }, homeReadiness: null, gap: -2 });
    // Hillview has not rated independence; Riverside's rating does not count.
    expect(axis('INDEPENDENCE')).toMatchObject({ need: { rating: 3 }, settingReadiness: null, gap: null });
  });

  it('costs the same statements for 20 children as for 2', async () => {
    const cost = async (ids: string[]) => {
      const before = database.statements.count;
      const { errors } = await query(SUPPORT, children(...ids));
      expect(errors).toBeUndefined();
      return database.statements.count - before;
    };
    const two = await cost(COHORT.slice(0, 2));
    expect(await cost(COHORT)).toBe(two);
  });
});

describe("a school's readiness and needs radar profile", () => {
  const PROFILE = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on School { urn send {
    settingReadiness { domain rating assessedDate }
    needsRadarProfile { domain childrenAssessed { value suppressed } meanNeed { value suppressed symbol } highOrVeryHighNeed { value suppressed } } } } } }`;
  const schools = (...urns: string[]) => ({ r: urns.map((urn) => ({ __typename: 'School', urn })) });

  it("gives the school's latest readiness per domain", async () => {
    const { data, errors } = await query(PROFILE, schools(HILLVIEW));
    expect(errors).toBeUndefined();
    expect(data._entities[0].send.settingReadiness).toEqual([
      { domain: 'COGNITION_AND_LEARNING', rating: 3, assessedDate: '2026-01-15' },
      { domain: 'COMMUNICATION_AND_INTERACTION', rating: 2, assessedDate: '2026-01-15' },
      { domain: 'SENSORY_AND_PHYSICAL', rating: 2, assessedDate: '2025-06-01' },
      { domain: 'SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH', rating: 4, assessedDate: '2025-06-01' },
    ]);
  });

  it("profiles each child's latest assessment once, withholding small counts and means over fewer than 6", async () => {
    const { data, errors } = await query(PROFILE, schools(OAKWOOD, RIVERSIDE, '100000'));
    expect(errors).toBeUndefined();
    const [oakwood, riverside, none] = data._entities.map((school: any) => school.send.needsRadarProfile);
    const communication = oakwood.find((p: any) => p.domain === 'COMMUNICATION_AND_INTERACTION');
    // The mover's older Oakwood assessment does not count: 20 children, not 21.
    expect(communication.childrenAssessed).toEqual({ value: 20, suppressed: false });
    expect(communication.meanNeed.value).toBeCloseTo(COHORT_NEED.reduce((a, b) => a + b, 0) / 20, 10);
    expect(communication.highOrVeryHighNeed).toEqual({ value: 10, suppressed: false });
    expect(oakwood.find((p: any) => p.domain === 'INDEPENDENCE')).toMatchObject({ meanNeed: { value: 1 }, highOrVeryHighNeed: { value: 0 } });
    for (const domain of riverside) {
      expect(domain).toMatchObject({ childrenAssessed: { value: null, suppressed: true }, meanNeed: { value: null, suppressed: true, symbol: 'CONFIDENTIAL' } });
    }
    expect(none[0]).toMatchObject({ childrenAssessed: { value: 0, suppressed: false }, meanNeed: { value: null, symbol: 'NOT_APPLICABLE' } });
  });

  it('lets an analyst read the profile', async () => {
    const analyst = await subgraph.as({ sub: 'analyst', role: 'ANALYST' }, null);
    const { errors } = await analyst.query(PROFILE, schools(OAKWOOD));
    expect(errors).toBeUndefined();
  });
});

describe('who sees support plans and the radar', () => {
  const FIELDS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id send { currentSupportPlan { id } radar { assessedDate } } } } }`;

  it("lets the SENCO of the school writing a child's open support plan see the child, and not a former school's", async () => {
    const hillview = await subgraph.as({ sub: 'senco.hillview', role: 'SENCO', schools: [HILLVIEW] });
    const seen = await hillview.query(FIELDS, children(ZARA));
    expect(seen.errors).toBeUndefined();
    expect(seen.data!._entities[0].send).toEqual({ currentSupportPlan: { id: uuid('c', 1) }, radar: { assessedDate: '2026-02-01' } });

    const riverside = await subgraph.as({ sub: 'senco.riverside', role: 'SENCO', schools: [RIVERSIDE] });
    const refused = await riverside.query(FIELDS, children(ZARA));
    expect(refused.errors!.length).toBeGreaterThan(0);
    for (const error of refused.errors!) expect(error.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused.data!._entities[0].send.currentSupportPlan).toBeNull();
  });
});
