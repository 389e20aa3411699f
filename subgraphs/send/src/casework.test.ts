import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSingleSubgraph, type SingleSubgraph } from '@local-area-graph/test-kit';
import { send } from './index.js';

// The SEND team's writes along the statutory pathway, against the real migrated schema.
let subgraph: SingleSubgraph;
const AREA = 'E10000016';

beforeAll(async () => {
  subgraph = await startSingleSubgraph(send);
});
afterAll(async () => subgraph?.stop());

const RECORD = `mutation ($input: RecordEhcRequestInput!, $area: LaCode!) {
  recordEhcRequest(input: $input, localAreaCode: $area) { id decision version receivedDate }
}`;
const DECIDE = `mutation ($input: RecordAssessmentDecisionInput!) { recordAssessmentDecision(input: $input) { id decision decisionDate version } }`;
const ISSUE = `mutation ($input: IssueEhcPlanInput!) { issueEhcPlan(input: $input) { id startDate primaryNeed placement { urn } } }`;
const REVIEW = `mutation ($input: RecordAnnualReviewInput!) { recordAnnualReview(input: $input) { id meetingDate outcome } }`;

async function newRequest(childId = randomUUID(), receivedDate = '2026-03-02') {
  const result = await subgraph.client.query(RECORD, { input: { childId, receivedDate, requestedBy: 'PARENT', localityId: 'dartford' }, area: AREA });
  expect(result.errors).toBeUndefined();
  return { childId, request: result.data.recordEhcRequest };
}

const rows = async (sql: string, params: unknown[] = []) => subgraph.database.dataSource.query(sql, params);

describe('recording the statutory pathway', () => {
  it('request, decision, plan and review, each seen on the child and audited', async () => {
    const { childId, request } = await newRequest();
    expect(request).toMatchObject({ decision: 'PENDING', version: 1 });
    const decided = await subgraph.client.data(DECIDE, { input: { requestId: request.id, expectedVersion: 1, decision: 'ASSESS', date: '2026-04-10' } });
    expect(decided.recordAssessmentDecision).toMatchObject({ decision: 'ASSESS', decisionDate: '2026-04-10', version: 2 });
    const plan = await subgraph.client.data(ISSUE, {
      input: { requestId: request.id, expectedVersion: 2, draftPlanDate: '2026-06-15', finalPlanDate: '2026-07-10', primaryNeed: 'ASD', secondaryNeed: 'SLCN', placementUrn: '118001' },
    });
    expect(plan.issueEhcPlan).toMatchObject({ startDate: '2026-07-10', primaryNeed: 'ASD', placement: { urn: '118001' } });
    const review = await subgraph.client.data(REVIEW, { input: { planId: plan.issueEhcPlan.id, meetingDate: '2026-11-02', outcome: 'MAINTAIN' } });
    expect(review.recordAnnualReview).toMatchObject({ meetingDate: '2026-11-02', outcome: 'MAINTAIN' });

    const picture = await subgraph.client.data(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { send { requests { status issuedWithin20Weeks } currentPlan { lastReview { outcome } } } } } }',
      { r: [{ __typename: 'Child', id: childId }] },
    );
    expect(picture._entities[0].send.requests).toEqual([{ status: 'PLAN_ISSUED', issuedWithin20Weeks: true }]);
    expect(picture._entities[0].send.currentPlan.lastReview.outcome).toBe('MAINTAIN');
    const audit = await rows('SELECT fields FROM access_audit WHERE child_id = $1 AND fields[1] LIKE $2 ORDER BY id', [childId, 'Mutation.%']);
    expect(audit.map((r: { fields: string[] }) => r.fields[0])).toEqual([
      'Mutation.recordEhcRequest',
      'Mutation.recordAssessmentDecision',
      'Mutation.issueEhcPlan',
      'Mutation.recordAnnualReview',
    ]);
  });
});

describe('bad input is refused, naming every field at fault, and nothing is written', () => {
  it('reports all the problems of one input at once', async () => {
    const before = (await rows('SELECT count(*)::int AS n FROM ehc_request'))[0].n;
    const result = await subgraph.client.query(RECORD, { input: { childId: 'nobody', receivedDate: '2099-01-01', requestedBy: 'PARENT', localityId: ' ' }, area: AREA });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input', field: 'input.childId' });
    expect((result.errors![0]!.extensions!.fields as { field: string }[]).map((f) => f.field)).toEqual(['childId', 'receivedDate', 'localityId']);
    expect((await rows('SELECT count(*)::int AS n FROM ehc_request'))[0].n).toBe(before);
  });

  it('refuses dates out of order, a second decision and a plan for a request not assessed', async () => {
    const { request } = await newRequest();
    const early = await subgraph.client.query(DECIDE, { input: { requestId: request.id, expectedVersion: 1, decision: 'ASSESS', date: '2026-02-01' } });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.date' });
    const notAssessed = await subgraph.client.query(ISSUE, { input: { requestId: request.id, expectedVersion: 1, draftPlanDate: '2026-05-01', finalPlanDate: '2026-05-20', primaryNeed: 'MLD' } });
    expect(notAssessed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.requestId' });
    await subgraph.client.data(DECIDE, { input: { requestId: request.id, expectedVersion: 1, decision: 'DO_NOT_ASSESS', date: '2026-04-01' } });
    const again = await subgraph.client.query(DECIDE, { input: { requestId: request.id, expectedVersion: 2, decision: 'ASSESS', date: '2026-04-02' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.requestId' });
    const [row] = await rows('SELECT decision, version FROM ehc_request WHERE id = $1', [request.id]);
    expect(row).toEqual({ decision: 'N', version: 2 });
  });

  it('refuses NSA on a plan: it exists only for SEN support', async () => {
    const { request } = await newRequest();
    await subgraph.client.data(DECIDE, { input: { requestId: request.id, expectedVersion: 1, decision: 'ASSESS', date: '2026-04-01' } });
    const result = await subgraph.client.query(ISSUE, { input: { requestId: request.id, expectedVersion: 2, draftPlanDate: '2026-06-01', finalPlanDate: '2026-06-20', primaryNeed: 'NSA' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.primaryNeed' });
  });

  it('refuses a second open request for the same child', async () => {
    const { childId } = await newRequest();
    const second = await subgraph.client.query(RECORD, { input: { childId, receivedDate: '2026-03-05', requestedBy: 'SCHOOL', localityId: 'dartford' }, area: AREA });
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    expect((await rows('SELECT count(*)::int AS n FROM ehc_request WHERE child_id = $1', [childId]))[0].n).toBe(1);
  });

  it('rolls the whole change back when any part of it fails', async () => {
    const { request } = await newRequest();
    await subgraph.client.data(DECIDE, { input: { requestId: request.id, expectedVersion: 1, decision: 'ASSESS', date: '2026-04-01' } });
    // Make the plan's INSERT fail after the request's UPDATE has run in the same transaction.
    await rows(`CREATE FUNCTION refuse_plan() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
    await rows('CREATE TRIGGER refuse_plan BEFORE INSERT ON ehc_plan FOR EACH ROW EXECUTE FUNCTION refuse_plan()');
    try {
      const result = await subgraph.client.query(ISSUE, { input: { requestId: request.id, expectedVersion: 2, draftPlanDate: '2026-06-01', finalPlanDate: '2026-06-20', primaryNeed: 'SEMH' } });
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(result)).not.toContain('disk full');
    } finally {
      await rows('DROP TRIGGER refuse_plan ON ehc_plan; DROP FUNCTION refuse_plan()');
    }
    const [row] = await rows('SELECT plan_decision, final_plan_date, version FROM ehc_request WHERE id = $1', [request.id]);
    expect(row).toEqual({ plan_decision: null, final_plan_date: null, version: 2 });
    expect((await rows('SELECT count(*)::int AS n FROM ehc_plan WHERE request_id = $1', [request.id]))[0].n).toBe(0);
    expect((await rows(`SELECT count(*)::int AS n FROM access_audit WHERE request_id IS NOT NULL AND 'Mutation.issueEhcPlan' = ANY(fields)`))[0].n).toBe(
      (await rows(`SELECT count(*)::int AS n FROM ehc_plan`))[0].n,
    );
  });
});

describe('concurrent edits are detected, not lost', () => {
  it('a stale version is refused with CONFLICT and both versions named', async () => {
    const { request } = await newRequest();
    await subgraph.client.data(DECIDE, { input: { requestId: request.id, expectedVersion: 1, decision: 'ASSESS', date: '2026-04-01' } });
    const stale = await subgraph.client.query(ISSUE, { input: { requestId: request.id, expectedVersion: 1, draftPlanDate: '2026-06-01', finalPlanDate: '2026-06-20', primaryNeed: 'SEMH' } });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, currentVersion: 2 });
  });

  it('of two caseworkers deciding the same request at once, exactly one succeeds', async () => {
    const { request } = await newRequest();
    const decide = (decision: string) => subgraph.client.query(DECIDE, { input: { requestId: request.id, expectedVersion: 1, decision, date: '2026-04-01' } });
    const results = await Promise.all([decide('ASSESS'), decide('DO_NOT_ASSESS')]);
    const succeeded = results.filter((r) => !r.errors);
    expect(succeeded).toHaveLength(1);
    expect(results.find((r) => r.errors)!.errors![0]!.extensions!.code).toBe('CONFLICT');
    const [row] = await rows('SELECT decision, version FROM ehc_request WHERE id = $1', [request.id]);
    expect(row.version).toBe(2);
    expect(row.decision).toBe(succeeded[0]!.data.recordAssessmentDecision.decision === 'ASSESS' ? 'Y' : 'N');
  });
});

describe('who may write', () => {
  it('only the SEND team and administrators, and only stating a purpose', async () => {
    const input = { childId: randomUUID(), receivedDate: '2026-03-02', requestedBy: 'SCHOOL', localityId: 'dartford' };
    for (const [claims, purpose] of [
      [{ sub: 'senco', role: 'SENCO', schools: ['118001'] }, 'direct-care'],
      [{ sub: 'bi', role: 'ANALYST' }, 'service-planning'],
      [{ sub: 'cw', role: 'CASEWORKER' }, null],
    ] as const) {
      const client = await subgraph.as(claims as never, purpose);
      const result = await client.query(RECORD, { input, area: AREA });
      expect(result.errors?.[0]?.extensions?.code, claims.role).toBe('FORBIDDEN');
    }
    expect((await rows('SELECT count(*)::int AS n FROM ehc_request WHERE child_id = $1', [input.childId]))[0].n).toBe(0);
    const caseworker = await subgraph.as({ sub: 'cw', role: 'CASEWORKER' }, 'statutory-assessment');
    expect((await caseworker.query(RECORD, { input, area: AREA })).errors).toBeUndefined();
  });
});
