import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubgraphDatabase } from '@local-area-graph/database';
import { startSingleSubgraph, type SingleSubgraph } from '@local-area-graph/test-kit';
import { emptyDemoArea } from '@local-area-graph/demo-data';
import type { AnnualReviewRecord, DemoArea, EhcPlanRecord, EhcRequestRecord, SupportPlanCycleRecord, SupportPlanRecord } from '@local-area-graph/demo-data';
import { send } from './index.js';
import { seedSend } from './seed.js';
import { summariseCase, type CaseRequest } from './case/case-rules.js';
import { asStoodOn, isOpenOn, statusOf } from './statutory-clock.js';

// A child's SEND case, one crafted child per stage, read on fixed days.
const uuid = (prefix: string, n: number) => `${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const RIVERSIDE = '118001';
const HILLVIEW = '118002';
const KENT = 'E10000016';
const CASEWORKER_1 = uuid('c', 901);
const CASEWORKER_2 = uuid('c', 902);

const NOBODY = uuid('a', 1); // never had a SEND record
const REFUSED = uuid('a', 2); // a request refused in March
const SUPPORTED = uuid('a', 3); // an open SEN support plan at Riverside
const ASSESSED = uuid('a', 4); // on SEN support, then a request being assessed, health advice awaited
const PLANNED = uuid('a', 5); // SEN support, a request, a plan issued in May 2025 and reviewed
const TRANSFERRED = uuid('a', 6); // a plan transferred in, never reviewed
const CEASED = uuid('a', 7); // a plan that ceased in July

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
  caseworkerId: null,
} as const;

function handMadeArea(): DemoArea {
  const base = { localityId: 'swale', localAreaCode: KENT, requestedBy: 'SCHOOL' } as const;
  const ehcRequests: EhcRequestRecord[] = [
    { ...blank, ...base, id: uuid('d', 2), childId: REFUSED, receivedDate: '2026-02-02', decision: 'N', decisionDate: '2026-03-06', caseworkerId: CASEWORKER_1 },
    {
      ...blank, ...base, id: uuid('d', 4), childId: ASSESSED, receivedDate: '2026-09-04', decision: 'Y', decisionDate: '2026-10-09',
      healthAdviceRequestedDate: '2026-10-12', caseworkerId: CASEWORKER_1,
    },
    {
      ...blank, ...base, id: uuid('d', 5), childId: PLANNED, receivedDate: '2025-01-06', decision: 'Y', decisionDate: '2025-02-14',
      planDecision: 'ISSUE', noticeDate: '2025-05-09', finalPlanDate: '2025-05-23', caseworkerId: CASEWORKER_2,
    },
  ];
  const ehcPlans: EhcPlanRecord[] = [
    { id: uuid('e', 5), childId: PLANNED, requestId: uuid('d', 5), startDate: '2025-05-23', primaryNeed: 'ASD', secondaryNeed: null, placementUrn: HILLVIEW, ceaseDate: null, ceaseReason: null },
    { id: uuid('e', 6), childId: TRANSFERRED, requestId: null, startDate: '2023-03-01', primaryNeed: 'SEMH', secondaryNeed: null, placementUrn: RIVERSIDE, ceaseDate: null, ceaseReason: null },
    { id: uuid('e', 7), childId: CEASED, requestId: null, startDate: '2019-09-02', primaryNeed: 'MLD', secondaryNeed: null, placementUrn: RIVERSIDE, ceaseDate: '2026-07-31', ceaseReason: 'NEEDS_MET_WITHOUT_PLAN' },
  ];
  const annualReviews: AnnualReviewRecord[] = [{ id: uuid('f', 5), planId: uuid('e', 5), meetingDate: '2026-05-11', outcome: 'M' }];
  const plan = (n: number, childId: string, startedDate: string, extra: Partial<SupportPlanRecord> = {}): SupportPlanRecord => ({
    id: uuid('b', n), childId, schoolUrn: RIVERSIDE, startedDate, parentsToldDate: startedDate, childViews: null, parentViews: null, closedDate: null, ...extra,
  });
  const supportPlans: SupportPlanRecord[] = [
    plan(3, SUPPORTED, '2026-01-12'),
    plan(4, ASSESSED, '2025-09-08'),
    plan(5, PLANNED, '2024-09-09', { closedDate: '2025-05-23', closeReason: 'MOVED_TO_EHC_PLAN' }),
  ];
  const cycle = (n: number, planId: string, planDate: string, nextReviewDue: string): SupportPlanCycleRecord => ({
    id: uuid('9', n), planId, assessDate: planDate, planDate, doFromDate: planDate, reviewDate: null, reviewNotes: null, nextReviewDue,
  });
  const supportPlanCycles = [cycle(1, uuid('b', 3), '2026-09-14', '2026-12-07'), cycle(2, uuid('b', 4), '2026-09-21', '2026-12-14')];
  return { ...emptyDemoArea(), ehcRequests, ehcPlans, annualReviews, supportPlans, supportPlanCycles };
}

let subgraph: SingleSubgraph;
let database: SubgraphDatabase;

beforeAll(async () => {
  subgraph = await startSingleSubgraph(send, (db) => seedSend(db, handMadeArea()));
  database = subgraph.database;
});
afterAll(async () => subgraph?.stop());

const CASE = `query ($r: [_Any!]!, $asOf: LocalDate) { _entities(representations: $r) { ... on Child { id send { case(asOf: $asOf) {
  asOf stage stageSince currentPlan { id placement { urn } } openRequest { id } openRequestStatus openRequestWeek openRequestRag
  currentSupportPlan { id } nextKeyDate { date kind overdue } caseworker { id }
} } } } }`;
const children = (...ids: string[]) => ids.map((id) => ({ __typename: 'Child', id }));

async function casesOf(asOf: string | null, ...ids: string[]): Promise<Record<string, any>> {
  const { data, errors } = await subgraph.client.query(CASE, { r: children(...ids), asOf });
  expect(errors).toBeUndefined();
  return Object.fromEntries(data._entities.map((child: any) => [child.id, child.send.case]));
}

const none = { currentPlan: null, openRequest: null, openRequestStatus: null, openRequestWeek: null, openRequestRag: null, currentSupportPlan: null };

describe("a child's SEND case, stage by stage", () => {
  it('reads each stage, since when, with what is behind it, the next key date and the caseworker', async () => {
    const cases = await casesOf('2026-11-20', NOBODY, REFUSED, SUPPORTED, ASSESSED, PLANNED, TRANSFERRED, CEASED);
    expect(cases[NOBODY]).toEqual({ asOf: '2026-11-20', stage: 'NO_SEN', stageSince: null, ...none, nextKeyDate: null, caseworker: null });
    // A refused request leaves no stage open and no caseworker holding the case.
    expect(cases[REFUSED]).toEqual({ asOf: '2026-11-20', stage: 'NO_SEN', stageSince: '2026-03-06', ...none, nextKeyDate: null, caseworker: null });
    expect(cases[SUPPORTED]).toEqual({
      asOf: '2026-11-20', stage: 'SEN_SUPPORT', stageSince: '2026-01-12', ...none, currentSupportPlan: { id: uuid('b', 3) },
      nextKeyDate: { date: '2026-12-07', kind: 'SUPPORT_PLAN_REVIEW', overdue: false }, caseworker: null,
    });
    // Received 4 September: 11 whole weeks on 20 November; health advice asked 12 October is due 23 November, before the
    // support plan's review (14 December) and the week-16 draft (25 December).
    expect(cases[ASSESSED]).toEqual({
      asOf: '2026-11-20', stage: 'EHC_NEEDS_ASSESSMENT', stageSince: '2026-09-04', currentPlan: null,
      openRequest: { id: uuid('d', 4) }, openRequestStatus: 'ASSESSING', openRequestWeek: 11, openRequestRag: 'GREEN',
      currentSupportPlan: { id: uuid('b', 4) }, nextKeyDate: { date: '2026-11-23', kind: 'HEALTH_ADVICE', overdue: false }, caseworker: { id: CASEWORKER_1 },
    });
    expect(cases[PLANNED]).toEqual({
      asOf: '2026-11-20', stage: 'EHC_PLAN', stageSince: '2025-05-23', ...none, currentPlan: { id: uuid('e', 5), placement: { urn: HILLVIEW } },
      nextKeyDate: { date: '2027-05-11', kind: 'ANNUAL_REVIEW', overdue: false }, caseworker: { id: CASEWORKER_2 },
    });
    // Transferred in: no request behind it, so no caseworker is recorded; its first review is long overdue.
    expect(cases[TRANSFERRED]).toMatchObject({ stage: 'EHC_PLAN', stageSince: '2023-03-01', nextKeyDate: { date: '2024-03-01', kind: 'ANNUAL_REVIEW', overdue: true }, caseworker: null });
    expect(cases[CEASED]).toEqual({ asOf: '2026-11-20', stage: 'NO_SEN', stageSince: '2026-07-31', ...none, nextKeyDate: null, caseworker: null });
  });

  it('reads the case as it stood on an earlier day: later steps not taken yet', async () => {
    // 1 October: the decision to assess (9 October) not yet made; due 16 October.
    const october = await casesOf('2026-10-01', ASSESSED);
    expect(october[ASSESSED]).toMatchObject({
      stage: 'EHC_NEEDS_ASSESSMENT', openRequestStatus: 'DECISION_DUE', openRequestWeek: 3, openRequestRag: 'GREEN',
      nextKeyDate: { date: '2026-10-16', kind: 'ASSESSMENT_DECISION', overdue: false },
    });
    // 24 November: the health advice is a day late, and comes first.
    const late = await casesOf('2026-11-24', ASSESSED);
    expect(late[ASSESSED].nextKeyDate).toEqual({ date: '2026-11-23', kind: 'HEALTH_ADVICE', overdue: true });
    // Before the request, the child was on SEN support.
    const august = await casesOf('2026-08-01', ASSESSED);
    expect(august[ASSESSED]).toMatchObject({ stage: 'SEN_SUPPORT', stageSince: '2025-09-08', openRequest: null, caseworker: null });
    // 1 April 2025: assessed, the draft not yet sent (due 28 April); the support plan still open, with no review recorded.
    const april = await casesOf('2025-04-01', PLANNED);
    expect(april[PLANNED]).toEqual({
      asOf: '2025-04-01', stage: 'EHC_NEEDS_ASSESSMENT', stageSince: '2025-01-06', currentPlan: null,
      openRequest: { id: uuid('d', 5) }, openRequestStatus: 'DRAFT_OR_NOTICE_DUE', openRequestWeek: 12, openRequestRag: 'GREEN',
      currentSupportPlan: { id: uuid('b', 5) }, nextKeyDate: { date: '2025-04-28', kind: 'DRAFT_PLAN_OR_NOTICE', overdue: false }, caseworker: { id: CASEWORKER_2 },
    });
    // Before the plan ceased, it was current; before anything at all, nothing.
    expect((await casesOf('2026-07-30', CEASED))[CEASED]).toMatchObject({ stage: 'EHC_PLAN', stageSince: '2019-09-02' });
    expect((await casesOf('2019-01-01', CEASED))[CEASED]).toMatchObject({ stage: 'NO_SEN', stageSince: null });
  });

  it('defaults to today', async () => {
    const today = await casesOf(null, PLANNED);
    expect(today[PLANNED].asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(today[PLANNED].stage).toBe('EHC_PLAN');
  });

  it('costs the same statements for seven children as for two', async () => {
    const cost = async (ids: string[]) => {
      const before = database.statements.count;
      await casesOf('2026-11-20', ...ids);
      return database.statements.count - before;
    };
    // Both sets hold a current plan and an open support plan, so both load reviews and cycles.
    const two = await cost([PLANNED, SUPPORTED]);
    expect(await cost([NOBODY, REFUSED, SUPPORTED, ASSESSED, PLANNED, TRANSFERRED, CEASED])).toBe(two);
  });
});

describe('who sees the case', () => {
  const FIELDS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { send { case { stage } } } } }`;

  it("shows it to the SENCO of the school writing the child's support plan, not another school's, and audits the read", async () => {
    const riverside = await subgraph.as({ sub: 'senco.riverside', role: 'SENCO', schools: [RIVERSIDE] }, 'direct-care');
    const seen = await riverside.query(FIELDS, { r: children(SUPPORTED) });
    expect(seen.errors).toBeUndefined();
    expect(seen.data!._entities[0].send.case.stage).toBe('SEN_SUPPORT');
    const hillview = await subgraph.as({ sub: 'senco.hillview', role: 'SENCO', schools: [HILLVIEW] }, 'direct-care');
    const refused = await hillview.query(FIELDS, { r: children(SUPPORTED) });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused.data!._entities[0].send.case).toBeNull();
    const lead = await subgraph.as({ sub: 'lead', role: 'LOCALITY_LEAD', localities: ['swale'] }, 'direct-care');
    expect((await lead.query(FIELDS, { r: children(SUPPORTED) })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const audit = await database.dataSource.query(`SELECT subject FROM access_audit WHERE child_id = $1 AND 'ChildSend.case' = ANY(fields)`, [SUPPORTED]);
    expect(audit.map((row: { subject: string }) => row.subject)).toContain('senco.riverside');
    expect(audit.map((row: { subject: string }) => row.subject)).not.toContain('senco.hillview');
  });
});

describe('the case rules, as pure functions', () => {
  const request = (overrides: Partial<CaseRequest> = {}): CaseRequest => ({
    id: 'r', receivedDate: '2026-01-05', decision: 'A', ...blank, ...overrides,
  });

  it('reads a request as it stood: steps dated later not taken', () => {
    const issued = request({ decision: 'Y', decisionDate: '2026-02-10', healthAdviceRequestedDate: '2026-02-12', healthAdviceReceivedDate: '2026-03-20', planDecision: 'ISSUE', noticeDate: '2026-04-24', finalPlanDate: '2026-05-22' });
    expect(statusOf(asStoodOn(issued, '2026-05-22'))).toBe('PLAN_ISSUED');
    expect(statusOf(asStoodOn(issued, '2026-05-21'))).toBe('FINAL_PLAN_DUE');
    expect(statusOf(asStoodOn(issued, '2026-03-19'))).toBe('ASSESSING');
    expect(statusOf(asStoodOn(issued, '2026-03-20'))).toBe('DRAFT_OR_NOTICE_DUE');
    expect(statusOf(asStoodOn(issued, '2026-02-09'))).toBe('DECISION_DUE');
    const withdrawn = request({ decision: 'W', withdrawnDate: '2026-01-20' });
    expect(statusOf(asStoodOn(withdrawn, '2026-01-19'))).toBe('DECISION_DUE');
    expect(isOpenOn(withdrawn, '2026-01-20')).toBe(false);
    expect(isOpenOn(withdrawn, '2026-01-04')).toBe(false); // not yet received
  });

  it('puts an EHC plan before an open request, and that before SEN support', () => {
    const plan = { id: 'p', requestId: null, startDate: '2024-01-01', ceaseDate: null };
    const supportPlan = { id: 's', startedDate: '2025-09-01', closedDate: null };
    const records = { requests: [request({ caseworkerId: 'cw' })], plans: [plan], supportPlans: [supportPlan], currentPlanReviewDates: [], currentSupportPlanCycles: [] };
    const all = summariseCase(records, '2026-01-20');
    // A re-assessment of a child with a plan: still at EHC_PLAN, the request shown, its caseworker named.
    expect(all).toMatchObject({ stage: 'EHC_PLAN', stageSince: '2024-01-01', openRequest: { id: 'r' }, currentSupportPlan: { id: 's' }, caseworkerId: 'cw' });
    // The plan's review (1 January 2025) is long overdue: it comes before the request's decision (16 February).
    expect(all.nextKeyDate).toEqual({ date: '2025-01-01', kind: 'ANNUAL_REVIEW', overdue: true });
    expect(summariseCase({ ...records, plans: [] }, '2026-01-20')).toMatchObject({ stage: 'EHC_NEEDS_ASSESSMENT', stageSince: '2026-01-05' });
    expect(summariseCase({ ...records, plans: [], requests: [] }, '2026-01-20')).toMatchObject({ stage: 'SEN_SUPPORT', stageSince: '2025-09-01', nextKeyDate: null });
  });

  it('on one day, a statutory date comes before a review', () => {
    const summary = summariseCase(
      { requests: [request()], plans: [], supportPlans: [{ id: 's', startedDate: '2025-09-01', closedDate: null }], currentPlanReviewDates: [], currentSupportPlanCycles: [{ planDate: '2026-01-02', nextReviewDue: '2026-02-16' }] },
      '2026-01-20',
    );
    expect(summary.nextKeyDate).toEqual({ date: '2026-02-16', kind: 'ASSESSMENT_DECISION', overdue: false });
  });
});
