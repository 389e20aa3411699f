import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubgraphDatabase } from '@local-area-graph/database';
import { startSingleSubgraph, type SingleSubgraph } from '@local-area-graph/test-kit';
import { emptyDemoArea } from '@local-area-graph/demo-data';
import type { AnnualReviewRecord, DemoArea, EhcPlanRecord, EhcRequestRecord } from '@local-area-graph/demo-data';
import { send } from './index.js';
import { isSendEmpty, seedSend } from './seed.js';

/** Deterministic UUIDs: a prefix for the kind of row, a serial number. */
const uuid = (prefix: string, n: number) => `${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const RIVERSIDE = '118001';
const HILLVIEW = '118002';
const OAKWOOD = '118003';
const KENT = 'E10000016';

const AMARA = uuid('a', 1); // plan issued within 20 weeks, names Hillview
const BEN = uuid('a', 2); // plan transferred in, names Riverside, annual review late
const CHLOE = uuid('a', 3); // request waiting for a decision
const DEV = uuid('a', 4); // plan ceased; it named Hillview
const ELLA = uuid('a', 5); // being assessed, past 20 weeks
/** Twenty children with plans at Oakwood, issued in May and June 2025: the timeliness figures. */
const COHORT = Array.from({ length: 20 }, (_, i) => uuid('b', i + 1));

const blank = {
  decisionDate: null,
  healthAdviceRequestedDate: null,
  healthAdviceReceivedDate: null,
  socialCareAdviceRequestedDate: null,
  socialCareAdviceReceivedDate: null,
  planDecision: null,
  noticeDate: null,
  finalPlanDate: null,
  exception: null,
  withdrawnDate: null,
} as const;

function handMadeArea(): DemoArea {
  const ehcRequests: EhcRequestRecord[] = [
    {
      ...blank, id: uuid('c', 1), childId: AMARA, localityId: 'dartford', localAreaCode: KENT, receivedDate: '2025-11-28', requestedBy: 'SCHOOL',
      decision: 'Y', decisionDate: '2026-01-05', healthAdviceRequestedDate: '2026-01-06', healthAdviceReceivedDate: '2026-02-10',
      planDecision: 'ISSUE', noticeDate: '2026-03-13', finalPlanDate: '2026-04-10',
    },
    { ...blank, id: uuid('c', 3), childId: CHLOE, localityId: 'swale', localAreaCode: KENT, receivedDate: '2026-10-30', requestedBy: 'PARENT', decision: 'A' },
    {
      ...blank, id: uuid('c', 5), childId: ELLA, localityId: 'swale', localAreaCode: KENT, receivedDate: '2026-05-01', requestedBy: 'HEALTH',
      decision: 'Y', decisionDate: '2026-06-05', socialCareAdviceRequestedDate: '2026-06-08',
    },
  ];
  const ehcPlans: EhcPlanRecord[] = [
    { id: uuid('e', 1), childId: AMARA, requestId: uuid('c', 1), startDate: '2026-04-20', primaryNeed: 'ASD', secondaryNeed: 'SLCN', placementUrn: HILLVIEW, ceaseDate: null, ceaseReason: null },
    { id: uuid('e', 2), childId: BEN, requestId: null, startDate: '2024-01-15', primaryNeed: 'SEMH', secondaryNeed: null, placementUrn: RIVERSIDE, ceaseDate: null, ceaseReason: null },
    { id: uuid('e', 4), childId: DEV, requestId: null, startDate: '2020-01-06', primaryNeed: 'MLD', secondaryNeed: null, placementUrn: HILLVIEW, ceaseDate: '2024-07-31', ceaseReason: 'NO_LONGER_ENGAGING' },
  ];
  const annualReviews: AnnualReviewRecord[] = [
    { id: uuid('1', 1), planId: uuid('e', 2), meetingDate: '2025-01-10', outcome: 'M' },
    { id: uuid('1', 2), planId: uuid('e', 2), meetingDate: '2024-12-01', outcome: 'A' },
  ];
  // May 2025: 10 within 20 weeks, 8 after. June 2025: one of each (a month too small to show).
  const shapes = [
    ...Array.from({ length: 10 }, () => ({ received: '2025-01-03', final: '2025-05-16' })), // 133 days
    ...Array.from({ length: 8 }, () => ({ received: '2024-11-01', final: '2025-05-16' })), // 196 days
    { received: '2025-02-07', final: '2025-06-20' }, // 133 days
    { received: '2024-12-06', final: '2025-06-20' }, // 196 days
  ];
  COHORT.forEach((childId, i) => {
    const { received, final } = shapes[i]!;
    const requestId = uuid('d', i + 1);
    const notice = new Date(Date.parse(final) - 20 * 86_400_000).toISOString().slice(0, 10);
    const decided = new Date(Date.parse(received) + 30 * 86_400_000).toISOString().slice(0, 10);
    ehcRequests.push({
      ...blank, id: requestId, childId, localityId: 'dartford', localAreaCode: KENT, receivedDate: received, requestedBy: 'PARENT',
      decision: 'Y', decisionDate: decided, planDecision: 'ISSUE', noticeDate: notice, finalPlanDate: final,
    });
    ehcPlans.push({ id: uuid('f', i + 1), childId, requestId, startDate: final, primaryNeed: 'SLD', secondaryNeed: null, placementUrn: OAKWOOD, ceaseDate: null, ceaseReason: null });
    annualReviews.push({ id: uuid('2', i + 1), planId: uuid('f', i + 1), meetingDate: '2026-05-01', outcome: 'M' });
  });
  return {
    ...emptyDemoArea(),
    ehcRequests,
    ehcPlans,
    annualReviews,
  };
}

let subgraph: SingleSubgraph;
let database: SubgraphDatabase;

const query = async (text: string, variables?: Record<string, unknown>) => {
  const { data, errors } = await subgraph.client.query(text, variables);
  return { data, errors };
};

const children = (...ids: string[]) => ({ r: ids.map((id) => ({ __typename: 'Child', id })) });

const CASEWORK = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id send {
  requests { id status receivedDate decision dueDates { decision draftOrNotice finalPlan } issuedWithin20Weeks excludedFromTimeliness
             forecastBreachDate weeksElapsed(asOf: "2026-11-20") rag(asOf: "2026-11-20") }
  plans { id startDate isCurrent placement { urn } request { id } reviews { outcome } lastReview { meetingDate } nextReviewDue }
  currentPlan { id primaryNeed secondaryNeed placement { urn } reviewOverdue(asOf: "2026-06-01") }
} } } }`;

beforeAll(async () => {
  subgraph = await startSingleSubgraph(send, async (db) => {
    expect(await isSendEmpty(db)).toBe(true);
    await seedSend(db, handMadeArea());
  });
  database = subgraph.database;
});

afterAll(async () => subgraph?.stop());

describe('send subgraph', () => {
  it('seeds into an empty database and then reports it is not empty', async () => {
    expect(await isSendEmpty(database.dataSource)).toBe(false);
  });

  it("adds a child's requests with their statutory clock, plans and current plan to Child", async () => {
    const { data, errors } = await query(CASEWORK, children(AMARA, CHLOE, ELLA));
    expect(errors).toBeUndefined();
    const [amara, chloe, ella] = data._entities.map((child: any) => child.send);
    expect(amara.requests).toEqual([
      {
        id: uuid('c', 1), status: 'PLAN_ISSUED', receivedDate: '2025-11-28', decision: 'ASSESS',
        dueDates: { decision: '2026-01-09', draftOrNotice: '2026-03-20', finalPlan: '2026-04-17' },
        issuedWithin20Weeks: true, excludedFromTimeliness: false, forecastBreachDate: null, weeksElapsed: 19, rag: null,
      },
    ]);
    expect(amara.currentPlan).toEqual({ id: uuid('e', 1), primaryNeed: 'ASD', secondaryNeed: 'SLCN', placement: { urn: HILLVIEW }, reviewOverdue: false });
    expect(amara.plans[0]).toMatchObject({ request: { id: uuid('c', 1) }, reviews: [], lastReview: null, nextReviewDue: '2027-04-20', isCurrent: true });
    // Received 30 October: 3 weeks on 20 November, decision due 11 December.
    expect(chloe.requests[0]).toMatchObject({ status: 'DECISION_DUE', decision: 'PENDING', weeksElapsed: 3, rag: 'GREEN', forecastBreachDate: '2026-12-11' });
    expect(chloe.plans).toEqual([]);
    expect(chloe.currentPlan).toBeNull();
    // Received 1 May: 29 weeks on 20 November, social care advice still awaited.
    expect(ella.requests[0]).toMatchObject({ status: 'ASSESSING', weeksElapsed: 29, rag: 'RED', forecastBreachDate: '2026-09-18', issuedWithin20Weeks: null });
  });

  it('names the placement by URN, counts reviews from the last meeting and flags a late one', async () => {
    const { data, errors } = await query(CASEWORK, children(BEN, DEV));
    expect(errors).toBeUndefined();
    const [ben, dev] = data._entities.map((child: any) => child.send);
    expect(ben.currentPlan).toMatchObject({ placement: { urn: RIVERSIDE }, reviewOverdue: true });
    expect(ben.plans[0]).toMatchObject({ request: null, reviews: [{ outcome: 'MAINTAIN' }, { outcome: 'AMEND' }], lastReview: { meetingDate: '2025-01-10' }, nextReviewDue: '2026-01-10' });
    const early = await query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { send { currentPlan { reviewOverdue(asOf: "2025-12-01") } } } } }`, children(BEN));
    expect(early.data._entities[0].send.currentPlan.reviewOverdue).toBe(false);
    // A ceased plan stays in the history but is no longer current.
    expect(dev.currentPlan).toBeNull();
    expect(dev.plans).toEqual([expect.objectContaining({ id: uuid('e', 4), isCurrent: false, placement: { urn: HILLVIEW } })]);
  });

  it('costs the same statements for 20 children as for 2', async () => {
    const cost = async (ids: string[]) => {
      const before = database.statements.count;
      const { errors } = await query(CASEWORK, children(...ids));
      expect(errors).toBeUndefined();
      return database.statements.count - before;
    };
    const two = await cost(COHORT.slice(0, 2));
    expect(await cost(COHORT)).toBe(two);
  });

  it('counts the current plans naming a school, withholding small counts', async () => {
    const { data, errors } = await query(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on School { urn send { ehcPlansNamingIt { value suppressed } } } } }`,
      { r: [OAKWOOD, HILLVIEW, '100000'].map((urn) => ({ __typename: 'School', urn })) },
    );
    expect(errors).toBeUndefined();
    expect(data._entities).toEqual([
      { urn: OAKWOOD, send: { ehcPlansNamingIt: { value: 20, suppressed: false } } },
      { urn: HILLVIEW, send: { ehcPlansNamingIt: { value: null, suppressed: true } } }, // Amara; Dev's plan has ceased
      { urn: '100000', send: { ehcPlansNamingIt: { value: 0, suppressed: false } } },
    ]);
  });
});

describe('area figures', () => {
  const TIMELINESS = `query ($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!) { _entities(representations: $r) {
    ... on LocalArea { ehcTimeliness(from: $from, to: $to) { month plansIssued { value suppressed } issuedWithin20Weeks { value suppressed }
      issuedAfter20Weeks { value suppressed } exceptionCases { value suppressed } share { value suppressed symbol } } }
    ... on Locality { ehcTimeliness(from: $from, to: $to) { month plansIssued { value } } } } }`;
  const area = { __typename: 'LocalArea', code: KENT };
  const shown = (value: number) => ({ value, suppressed: false });
  const withheld = { value: null, suppressed: true };

  it('gives 20-week timeliness month by month, withholding a small month and its share', async () => {
    const { data, errors } = await query(TIMELINESS, { r: [area, { __typename: 'Locality', id: 'swale' }], from: '2025-05-01', to: '2025-07-31' });
    expect(errors).toBeUndefined();
    expect(data._entities[0].ehcTimeliness).toEqual([
      { month: '2025-05', plansIssued: shown(18), issuedWithin20Weeks: shown(10), issuedAfter20Weeks: shown(8), exceptionCases: shown(0), share: { value: 10 / 18, suppressed: false, symbol: null } },
      { month: '2025-06', plansIssued: withheld, issuedWithin20Weeks: withheld, issuedAfter20Weeks: withheld, exceptionCases: shown(0), share: { value: null, suppressed: true, symbol: 'CONFIDENTIAL' } },
      // Nothing issued: a true zero, and a share over nobody is not applicable.
      { month: '2025-07', plansIssued: shown(0), issuedWithin20Weeks: shown(0), issuedAfter20Weeks: shown(0), exceptionCases: shown(0), share: { value: null, suppressed: false, symbol: 'NOT_APPLICABLE' } },
    ]);
    // Swale's children had no plans issued then.
    expect(data._entities[1].ehcTimeliness.map((m: any) => m.plansIssued.value)).toEqual([0, 0, 0]);
  });

  it('refuses a range that runs backwards or spans more than 36 months, naming the argument', async () => {
    const backwards = await query(TIMELINESS, { r: [area], from: '2025-05-01', to: '2025-04-30' });
    expect(backwards.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
    const tooLong = await query(TIMELINESS, { r: [area], from: '2022-01-01', to: '2025-01-01' });
    expect(tooLong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
    const threeYears = await query(TIMELINESS, { r: [area], from: '2022-01-01', to: '2024-12-31' });
    expect(threeYears.errors).toBeUndefined();
    expect(threeYears.data._entities[0].ehcTimeliness).toHaveLength(36);
  });

  it('bands open requests by weeks since receipt on a given day', async () => {
    const { data, errors } = await query(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on LocalArea { openRequestsByWeekBand(asOf: "2025-03-01") {
        asOf total { value suppressed } under6Weeks { value suppressed } from6To16Weeks { value suppressed } from16To20Weeks { value suppressed } over20Weeks { value suppressed } } } } }`,
      { r: [area] },
    );
    expect(errors).toBeUndefined();
    // 1 under 6 weeks (withheld), 11 at 6–16, 8 at 16–20: the 8 is withheld too, or 20 − 11 would give the 1 away.
    expect(data._entities[0].openRequestsByWeekBand).toEqual({
      asOf: '2025-03-01', total: shown(20), under6Weeks: withheld, from6To16Weeks: shown(11), from16To20Weeks: withheld, over20Weeks: shown(0),
    });
  });
});

describe('who sees SEND casework', () => {
  const FIELDS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id send { currentPlan { id } } } } }`;

  it('lets the SENCO of the school named in a current plan see it, and no other school', async () => {
    const senco = await subgraph.as({ sub: 'senco.hillview', role: 'SENCO', schools: [HILLVIEW] });
    const { data, errors } = await senco.query(FIELDS, children(AMARA, DEV, BEN));
    expect(data!._entities[0].send.currentPlan.id).toBe(uuid('e', 1));
    expect(data!._entities[1].send.currentPlan).toBeNull();
    expect(errors).toHaveLength(2);
    for (const error of errors!) expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: "neither the child's EHC plan nor their SEND support plan is at your school" });
  });

  it('gives a caseworker every child, a locality lead none yet, and an analyst only the figures', async () => {
    const caseworker = await subgraph.as({ sub: 'case.worker', role: 'CASEWORKER' });
    expect((await caseworker.query(FIELDS, children(BEN))).errors).toBeUndefined();
    const lead = await subgraph.as({ sub: 'lead', role: 'LOCALITY_LEAD', localities: ['dartford'] });
    const refused = await lead.query(FIELDS, children(AMARA));
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SEND casework is seen by the SEND team and the school named in the plan' });
    const analyst = await subgraph.as({ sub: 'analyst', role: 'ANALYST' }, null);
    const figures = await analyst.query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on LocalArea { ehcTimeliness(from: "2025-05-01", to: "2025-05-31") { plansIssued { value } } } } }`, { r: [{ __typename: 'LocalArea', code: KENT }] });
    expect(figures.errors).toBeUndefined();
    expect(figures.data!._entities[0].ehcTimeliness[0].plansIssued.value).toBe(18);
  });

  it("records each read in the audit and adds it to the child's access log", async () => {
    await query(FIELDS, children(CHLOE));
    const { data, errors } = await query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on ChildAccessLog { send { subject role fields subgraph } } } }`, {
      r: [{ __typename: 'ChildAccessLog', childId: CHLOE }],
    });
    expect(errors).toBeUndefined();
    expect(data._entities[0].send[0]).toMatchObject({ subject: 'test.admin', role: 'ADMIN', subgraph: 'send' });
    expect(data._entities[0].send.some((record: any) => record.fields.includes('ChildSend.currentPlan'))).toBe(true);
  });
});
