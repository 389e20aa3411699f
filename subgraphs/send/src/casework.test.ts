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
const fieldsOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (result.errors?.[0]?.extensions?.fields as { field: string }[] | undefined)?.map((f) => f.field);

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

describe('correcting a recorded request', () => {
  const CORRECT = `mutation ($input: CorrectEhcRequestInput!) { correctEhcRequest(input: $input) {
    id version receivedDate decisionDate noticeDate finalPlanDate exception caseworker { id } dueDates { finalPlan } issuedWithin20Weeks status
    healthAdvice(asOf: "2026-06-01") { requestedDate receivedDate late } socialCareAdvice(asOf: "2026-06-01") { requestedDate receivedDate } } }`;
  const CASEWORKER_A = '00000000-0000-4000-8000-00000000ca5e';
  const CASEWORKER_B = '00000000-0000-4000-8000-00000000ca5f';

  /** Received 2 March, assessed 10 April (version 2), draft 15 June and final plan 10 July (version 3): the plan starts 10 July. */
  async function issuedRequest() {
    const { childId, request } = await newRequest();
    await subgraph.client.data(DECIDE, { input: { requestId: request.id, expectedVersion: 1, decision: 'ASSESS', date: '2026-04-10' } });
    const plan = await subgraph.client.data(ISSUE, { input: { requestId: request.id, expectedVersion: 2, draftPlanDate: '2026-06-15', finalPlanDate: '2026-07-10', primaryNeed: 'ASD' } });
    return { childId, request, planId: plan.issueEhcPlan.id as string };
  }
  const requestRow = async (id: string) =>
    (await rows(`SELECT to_char(received_date, 'YYYY-MM-DD') AS received, to_char(final_plan_date, 'YYYY-MM-DD') AS final,
                        to_char(health_advice_requested_date, 'YYYY-MM-DD') AS health, version FROM ehc_request WHERE id = $1`, [id]))[0];

  it('records the advice asked for and received, an exception and a caseworker, raising the version, audited with the fields changed', async () => {
    const childId = randomUUID();
    const logged = await subgraph.client.data(RECORD, { input: { childId, receivedDate: '2026-03-02', requestedBy: 'PARENT', localityId: 'dartford', caseworkerId: CASEWORKER_A }, area: AREA });
    const { id } = logged.recordEhcRequest;
    await subgraph.client.data(DECIDE, { input: { requestId: id, expectedVersion: 1, decision: 'ASSESS', date: '2026-04-10' } });
    const corrected = await subgraph.client.data(CORRECT, {
      input: {
        requestId: id, expectedVersion: 2,
        healthAdviceRequestedDate: '2026-04-13', healthAdviceReceivedDate: '2026-05-20', socialCareAdviceRequestedDate: '2026-04-14',
        exception: 'APPOINTMENT_MISSED', caseworkerId: CASEWORKER_B,
      },
    });
    expect(corrected.correctEhcRequest).toMatchObject({
      version: 3, status: 'ASSESSING', exception: 'APPOINTMENT_MISSED', caseworker: { id: CASEWORKER_B },
      healthAdvice: { requestedDate: '2026-04-13', receivedDate: '2026-05-20', late: false },
      socialCareAdvice: { requestedDate: '2026-04-14', receivedDate: null },
    });
    // Null clears what may be cleared: the health advice had not in fact arrived; no caseworker; no exception.
    const cleared = await subgraph.client.data(CORRECT, { input: { requestId: id, expectedVersion: 3, healthAdviceReceivedDate: null, exception: null, caseworkerId: null } });
    expect(cleared.correctEhcRequest).toMatchObject({ version: 4, exception: null, caseworker: null, healthAdvice: { requestedDate: '2026-04-13', receivedDate: null, late: true } });
    const audit = await rows(`SELECT fields FROM access_audit WHERE child_id = $1 AND fields[1] = 'Mutation.correctEhcRequest' ORDER BY id`, [childId]);
    expect(audit.map((r: { fields: string[] }) => r.fields)).toEqual([
      ['Mutation.correctEhcRequest', 'EhcNeedsAssessmentRequest.healthAdviceRequestedDate', 'EhcNeedsAssessmentRequest.healthAdviceReceivedDate',
        'EhcNeedsAssessmentRequest.socialCareAdviceRequestedDate', 'EhcNeedsAssessmentRequest.exception', 'EhcNeedsAssessmentRequest.caseworkerId'],
      ['Mutation.correctEhcRequest', 'EhcNeedsAssessmentRequest.healthAdviceReceivedDate', 'EhcNeedsAssessmentRequest.exception', 'EhcNeedsAssessmentRequest.caseworkerId'],
    ]);
  });

  it('moves the clock with a corrected receipt, and the plan with a corrected final plan date', async () => {
    const { request, planId } = await issuedRequest();
    // Within 20 weeks as recorded (2 March + 140 days = 20 July); the final plan really went out on 24 July.
    const later = await subgraph.client.data(CORRECT, { input: { requestId: request.id, expectedVersion: 3, noticeDate: '2026-06-22', finalPlanDate: '2026-07-24' } });
    expect(later.correctEhcRequest).toMatchObject({ version: 4, noticeDate: '2026-06-22', finalPlanDate: '2026-07-24', issuedWithin20Weeks: false, status: 'PLAN_ISSUED' });
    const [plan] = await rows(`SELECT to_char(start_date, 'YYYY-MM-DD') AS start FROM ehc_plan WHERE id = $1`, [planId]);
    expect(plan.start).toBe('2026-07-24');
    // And it was received on 9 March, not 2 March: due 27 July, so within after all.
    const received = await subgraph.client.data(CORRECT, { input: { requestId: request.id, expectedVersion: 4, receivedDate: '2026-03-09' } });
    expect(received.correctEhcRequest).toMatchObject({ receivedDate: '2026-03-09', dueDates: { finalPlan: '2026-07-27' }, issuedWithin20Weeks: true });
  });

  it('reports every bad field at once, and what cannot be cleared', async () => {
    const { request } = await newRequest();
    const before = await requestRow(request.id);
    const all = await subgraph.client.query(CORRECT, {
      input: { requestId: 'r-1', expectedVersion: 1, receivedDate: null, decisionDate: '2099-01-01', noticeDate: null, finalPlanDate: null, caseworkerId: 'nobody' },
    });
    expect(all.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.requestId' });
    expect(fieldsOf(all)).toEqual(['requestId', 'receivedDate', 'decisionDate', 'noticeDate', 'finalPlanDate', 'caseworkerId']);
    const nothing = await subgraph.client.query(CORRECT, { input: { requestId: request.id, expectedVersion: 1 } });
    expect(fieldsOf(nothing)).toEqual(['requestId']);
    const badCode = await subgraph.client.query(CORRECT, { input: { requestId: request.id, expectedVersion: 1, exception: 'HOLIDAY' } });
    expect(badCode.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await requestRow(request.id)).toEqual(before);
  });

  it('refuses dates for steps not yet recorded', async () => {
    const { request } = await newRequest();
    const result = await subgraph.client.query(CORRECT, {
      input: { requestId: request.id, expectedVersion: 1, decisionDate: '2026-04-01', healthAdviceRequestedDate: '2026-04-02', noticeDate: '2026-05-01', finalPlanDate: '2026-06-01', withdrawnDate: '2026-04-01' },
    });
    expect(fieldsOf(result)).toEqual(['decisionDate', 'withdrawnDate', 'noticeDate', 'finalPlanDate', 'healthAdviceRequestedDate']);
    expect(await requestRow(request.id)).toMatchObject({ version: 1, health: null });
  });

  it('refuses dates out of order, naming the field given', async () => {
    const { request } = await issuedRequest();
    const before = await requestRow(request.id);
    const fields = async (input: Record<string, unknown>) => fieldsOf(await subgraph.client.query(CORRECT, { input: { requestId: request.id, expectedVersion: 3, ...input } }));
    expect(await fields({ receivedDate: '2026-04-11' })).toEqual(['receivedDate']); // after the decision
    expect(await fields({ decisionDate: '2026-06-16' })).toEqual(['decisionDate']); // after the draft
    expect(await fields({ finalPlanDate: '2026-06-14' })).toEqual(['finalPlanDate']); // before the draft
    expect(await fields({ healthAdviceRequestedDate: '2026-04-09' })).toEqual(['healthAdviceRequestedDate']); // before the decision
    expect(await fields({ healthAdviceRequestedDate: '2026-04-12', healthAdviceReceivedDate: '2026-04-11' })).toEqual(['healthAdviceReceivedDate']);
    expect(await fields({ socialCareAdviceReceivedDate: '2026-05-01' })).toEqual(['socialCareAdviceReceivedDate']); // never asked for
    const message = await subgraph.client.query(CORRECT, { input: { requestId: request.id, expectedVersion: 3, receivedDate: '2026-04-11' } });
    expect((message.errors![0]!.extensions!.fields as { message: string }[])[0]!.message).toBe('is after the decision (2026-04-10)');
    expect(await requestRow(request.id)).toEqual(before);
  });

  it('will not move a plan past its first annual review', async () => {
    const { request, planId } = await issuedRequest();
    await subgraph.client.data(REVIEW, { input: { planId, meetingDate: '2026-07-20', outcome: 'MAINTAIN' } });
    const result = await subgraph.client.query(CORRECT, { input: { requestId: request.id, expectedVersion: 3, finalPlanDate: '2026-07-21' } });
    expect(fieldsOf(result)).toEqual(['finalPlanDate']);
    expect(await requestRow(request.id)).toMatchObject({ final: '2026-07-10', version: 3 });
  });

  it('refuses a stale version with CONFLICT, and a role other than the SEND team', async () => {
    const { request } = await issuedRequest();
    const stale = await subgraph.client.query(CORRECT, { input: { requestId: request.id, expectedVersion: 2, finalPlanDate: '2026-07-11' } });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 2, currentVersion: 3 });
    const senco = await subgraph.as({ sub: 'senco', role: 'SENCO', schools: ['118001'] } as never, 'direct-care');
    const refused = await senco.query(CORRECT, { input: { requestId: request.id, expectedVersion: 3, finalPlanDate: '2026-07-11' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await requestRow(request.id)).toMatchObject({ final: '2026-07-10', version: 3 });
    const missing = await subgraph.client.query(CORRECT, { input: { requestId: randomUUID(), expectedVersion: 1, receivedDate: '2026-03-01' } });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('writes neither the request nor its plan when any part fails', async () => {
    const { childId, request, planId } = await issuedRequest();
    await rows(`CREATE FUNCTION refuse_plan_move() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
    await rows('CREATE TRIGGER refuse_plan_move BEFORE UPDATE ON ehc_plan FOR EACH ROW EXECUTE FUNCTION refuse_plan_move()');
    try {
      const result = await subgraph.client.query(CORRECT, { input: { requestId: request.id, expectedVersion: 3, finalPlanDate: '2026-07-17' } });
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await rows('DROP TRIGGER refuse_plan_move ON ehc_plan; DROP FUNCTION refuse_plan_move()');
    }
    expect(await requestRow(request.id)).toMatchObject({ final: '2026-07-10', version: 3 });
    expect((await rows(`SELECT to_char(start_date, 'YYYY-MM-DD') AS start FROM ehc_plan WHERE id = $1`, [planId]))[0].start).toBe('2026-07-10');
    expect((await rows(`SELECT count(*)::int AS n FROM access_audit WHERE child_id = $1 AND 'Mutation.correctEhcRequest' = ANY(fields)`, [childId]))[0].n).toBe(0);
  });
});
