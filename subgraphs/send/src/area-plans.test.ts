import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSingleSubgraph, type SingleSubgraph } from '@local-area-graph/test-kit';
import { emptyDemoArea } from '@local-area-graph/demo-data';
import type { AnnualReviewRecord, DemoArea, EhcPlanRecord, EhcRequestRecord, RadarAssessmentRecord, RadarRatingRecord } from '@local-area-graph/demo-data';
import { send } from './index.js';
import { seedSend } from './seed.js';

/*
 * Figures over current EHC plans and the radar profile by year group, against crafted
 * data whose answers are worked out by hand below.
 */
const uuid = (prefix: string, n: number) => `${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const KENT = 'E10000016';
const MEDWAY = 'E06000035';
const RIVERSIDE = '118001';
const AS_OF = '2026-06-01';
const DOMAINS = ['COGNITION_AND_LEARNING', 'COMMUNICATION_AND_INTERACTION', 'SENSORY_AND_PHYSICAL', 'SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH', 'INDEPENDENCE'] as const;

const blank = {
  decisionDate: null, healthAdviceRequestedDate: null, healthAdviceReceivedDate: null, socialCareAdviceRequestedDate: null,
  socialCareAdviceReceivedDate: null, planDecision: null, noticeDate: null, finalPlanDate: null, exception: null, withdrawnDate: null,
} as const;

/*
 * On 2026-06-01:
 * Dartford (through requests): ASD ×10 started 2025-01-10, never reviewed: all 10 overdue.
 *   SEMH ×8 started 2025-03-01: 7 reviewed 2026-02-01 (due 2027), 1 reviewed only on
 *   2026-07-01, after the day, so overdue then. SLCN ×3 started 2025-09-01: not yet due.
 *   Not counted: an ASD plan ceased 2026-05-01 and one starting 2026-07-01.
 *   Overdue 11; by need ASD 10, SEMH 8, SLCN 3 (withheld), so SEMH withheld too; total 21.
 * Swale: SLCN ×1 started 2025-01-10, overdue: 1, withheld.
 * Transferred in (no request, so no locality): ASD ×2 started 2024-01-01, one reviewed
 *   2025-12-01 (not due), one never (overdue).
 * Kent: overdue 11 + 1 + 1 = 13; by need ASD 12, SEMH 8, SLCN 4 (withheld), SEMH withheld
 *   as the next smallest, total 24.
 */
function craftedArea(): DemoArea {
  const ehcRequests: EhcRequestRecord[] = [];
  const ehcPlans: EhcPlanRecord[] = [];
  const annualReviews: AnnualReviewRecord[] = [];
  let n = 0;
  const plan = (localityId: string | null, primaryNeed: string, startDate: string, extra: { ceaseDate?: string; reviews?: string[] } = {}) => {
    n += 1;
    const childId = uuid('a', n);
    let requestId: string | null = null;
    if (localityId) {
      requestId = uuid('c', n);
      ehcRequests.push({
        ...blank, id: requestId, childId, localityId, localAreaCode: KENT, receivedDate: '2024-06-03', requestedBy: 'PARENT',
        decision: 'Y', decisionDate: '2024-07-01', planDecision: 'ISSUE', noticeDate: '2024-09-02', finalPlanDate: '2024-10-01',
      });
    }
    const planId = uuid('e', n);
    ehcPlans.push({
      id: planId, childId, requestId, startDate, primaryNeed, secondaryNeed: null, placementUrn: null,
      ceaseDate: extra.ceaseDate ?? null, ceaseReason: extra.ceaseDate ? 'OTHER' : null,
    } as EhcPlanRecord);
    (extra.reviews ?? []).forEach((meetingDate, i) => annualReviews.push({ id: uuid(`${i + 1}`, n), planId, meetingDate, outcome: 'M' }));
  };
  for (let i = 0; i < 10; i++) plan('dartford', 'ASD', '2025-01-10');
  for (let i = 0; i < 7; i++) plan('dartford', 'SEMH', '2025-03-01', { reviews: ['2026-02-01'] });
  plan('dartford', 'SEMH', '2025-03-01', { reviews: ['2026-07-01'] });
  for (let i = 0; i < 3; i++) plan('dartford', 'SLCN', '2025-09-01');
  plan('dartford', 'ASD', '2024-01-01', { ceaseDate: '2026-05-01' });
  plan('dartford', 'ASD', '2026-07-01');
  plan('swale', 'SLCN', '2025-01-10');
  plan(null, 'ASD', '2024-01-01', { reviews: ['2025-12-01'] });
  plan(null, 'ASD', '2024-01-01');

  /*
   * Riverside's radar: six children in year 3 (latest assessments), need in cognition
   * 1, 2, 3, 4, 0, 2 (mean 2; 2 high, withheld with the 4 others), 0 elsewhere; one of
   * them was in year 2 at an earlier assessment, which does not count. Two children in
   * year 5 (withheld, mean too). One child without a year group: left out.
   */
  const radarAssessments: RadarAssessmentRecord[] = [];
  const radarRatings: RadarRatingRecord[] = [];
  let m = 0;
  const assess = (yearGroup: number | null, cognition: number, assessedDate = '2026-03-02', childN = m + 1) => {
    m += 1;
    const id = uuid('d', m);
    radarAssessments.push({ id, childId: uuid('b', childN), assessedDate, completedBy: 'SENCO', schoolUrn: RIVERSIDE, yearGroup });
    for (const domain of DOMAINS) radarRatings.push({ assessmentId: id, domain, need: domain === 'COGNITION_AND_LEARNING' ? cognition : 0, homeReadiness: null });
  };
  [1, 2, 3, 4, 0, 2].forEach((need) => assess(3, need));
  assess(2, 4, '2025-03-03', 1); // child 1's earlier assessment
  assess(5, 4, '2026-03-02', 20);
  assess(5, 3, '2026-03-02', 21);
  assess(null, 4, '2026-03-02', 22);

  return {
    ...emptyDemoArea(),
    ehcRequests,
    ehcPlans,
    annualReviews,
    radarAssessments,
    radarRatings,
  };
}

let subgraph: SingleSubgraph;
beforeAll(async () => {
  subgraph = await startSingleSubgraph(send, (db) => seedSend(db, craftedArea()));
});
afterAll(async () => subgraph?.stop());

const shown = (value: number) => ({ value, suppressed: false });
const withheld = { value: null, suppressed: true };
const FIGURES = `query ($r: [_Any!]!, $asOf: LocalDate) { _entities(representations: $r) {
  ... on Locality { overdueAnnualReviews(asOf: $asOf) { value suppressed } plansByPrimaryNeed(asOf: $asOf) { asOf total { value suppressed } needs { need plans { value suppressed } } } }
  ... on LocalArea { overdueAnnualReviews(asOf: $asOf) { value suppressed } plansByPrimaryNeed(asOf: $asOf) { asOf total { value suppressed } needs { need plans { value suppressed } } } } } }`;
const needsOf = (figure: { needs: { need: string; plans: unknown }[] }) => Object.fromEntries(figure.needs.map((line) => [line.need, line.plans]));

describe('figures over current EHC plans', () => {
  it('counts overdue annual reviews by locality and across the area, transferred plans in the area only', async () => {
    const { data, errors } = await subgraph.client.query(FIGURES, {
      r: [{ __typename: 'Locality', id: 'dartford' }, { __typename: 'Locality', id: 'swale' }, { __typename: 'LocalArea', code: KENT }, { __typename: 'LocalArea', code: MEDWAY }],
      asOf: AS_OF,
    });
    expect(errors).toBeUndefined();
    expect(data._entities.map((e: { overdueAnnualReviews: unknown }) => e.overdueAnnualReviews)).toEqual([shown(11), withheld, shown(13), shown(0)]);
  });

  it('breaks current plans down by primary need, withholding a small cell and the next smallest', async () => {
    const { data } = await subgraph.client.query(FIGURES, {
      r: [{ __typename: 'Locality', id: 'dartford' }, { __typename: 'Locality', id: 'swale' }, { __typename: 'LocalArea', code: KENT }, { __typename: 'LocalArea', code: MEDWAY }],
      asOf: AS_OF,
    });
    const [dartford, swale, kent, medway] = data._entities.map((e: { plansByPrimaryNeed: any }) => e.plansByPrimaryNeed);
    expect(dartford.asOf).toBe(AS_OF);
    expect(dartford.needs.map((line: { need: string }) => line.need)).toEqual(['SPLD', 'MLD', 'SLD', 'PMLD', 'SEMH', 'SLCN', 'HI', 'VI', 'MSI', 'PD', 'ASD', 'OTH']);
    expect(dartford.total).toEqual(shown(21));
    expect(needsOf(dartford)).toMatchObject({ ASD: shown(10), SEMH: withheld, SLCN: withheld, MLD: shown(0) });
    expect(swale.total).toEqual(withheld);
    expect(needsOf(swale)).toMatchObject({ SLCN: withheld, ASD: shown(0) });
    expect(kent.total).toEqual(shown(24));
    expect(needsOf(kent)).toMatchObject({ ASD: shown(12), SEMH: withheld, SLCN: withheld, SPLD: shown(0) });
    expect(medway.total).toEqual(shown(0));
  });

  it('is read by an analyst: figures carry no personal data', async () => {
    const analyst = await subgraph.as({ sub: 'bi', role: 'ANALYST' } as never, 'service-planning');
    const { data, errors } = await analyst.query(FIGURES, { r: [{ __typename: 'LocalArea', code: KENT }], asOf: AS_OF });
    expect(errors).toBeUndefined();
    expect(data._entities[0].plansByPrimaryNeed.total).toEqual(shown(24));
  });
});

describe("a school's needs radar profile by year group", () => {
  it('groups each child by the year group of their latest assessment, withholding small counts and means', async () => {
    const { data, errors } = await subgraph.client.query(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on School { send { needsRadarProfileByYearGroup { yearGroup domains {
        domain childrenAssessed { value suppressed } meanNeed { value suppressed } highOrVeryHighNeed { value suppressed } } } } } } }`,
      { r: [{ __typename: 'School', urn: RIVERSIDE }] },
    );
    expect(errors).toBeUndefined();
    const profile = data._entities[0].send.needsRadarProfileByYearGroup;
    expect(profile.map((p: { yearGroup: number }) => p.yearGroup)).toEqual([3, 5]);
    const [year3, year5] = profile;
    expect(year3.domains).toHaveLength(5);
    expect(year3.domains[0]).toEqual({ domain: 'COGNITION_AND_LEARNING', childrenAssessed: shown(6), meanNeed: shown(2), highOrVeryHighNeed: withheld });
    expect(year3.domains[4]).toEqual({ domain: 'INDEPENDENCE', childrenAssessed: shown(6), meanNeed: shown(0), highOrVeryHighNeed: shown(0) });
    expect(year5.domains[0]).toEqual({ domain: 'COGNITION_AND_LEARNING', childrenAssessed: withheld, meanNeed: withheld, highOrVeryHighNeed: withheld });
  });
});
