import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSingleSubgraph, type SingleSubgraph, type TestClient } from '@local-area-graph/test-kit';
import { send } from './index.js';

// The school's writes for SEN support and the needs radar, against the real migrated schema.
let subgraph: SingleSubgraph;
let senco: TestClient;
let otherSenco: TestClient;
const RIVERSIDE = '118001';
const HILLVIEW = '118002';
const DOMAINS = ['COGNITION_AND_LEARNING', 'COMMUNICATION_AND_INTERACTION', 'SENSORY_AND_PHYSICAL', 'SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH', 'INDEPENDENCE'];

beforeAll(async () => {
  subgraph = await startSingleSubgraph(send);
  senco = await subgraph.as({ sub: 'senco.riverside', role: 'SENCO', schools: [RIVERSIDE] } as never, 'direct-care');
  otherSenco = await subgraph.as({ sub: 'senco.hillview', role: 'SENCO', schools: [HILLVIEW] } as never, 'direct-care');
});
afterAll(async () => subgraph?.stop());

const START = `mutation ($input: StartSupportPlanInput!) { startSupportPlan(input: $input) {
  id startedDate parentsToldDate childViews parentViews isOpen school { urn } outcomes { description sortOrder } provision { what deliveredBy howOften sortOrder } } }`;
const CYCLE = `mutation ($input: RecordSupportPlanCycleInput!) { recordSupportPlanCycle(input: $input) {
  id assessDate planDate doFromDate reviewDate reviewNotes nextReviewDue } }`;
const RADAR = `mutation ($input: RecordRadarAssessmentInput!) { recordRadarAssessment(input: $input) {
  id assessedDate completedBy yearGroup school { urn } ratings { domain need homeReadiness } } }`;
const READINESS = `mutation ($input: RecordSettingReadinessInput!) { recordSettingReadiness(input: $input) { domain rating assessedDate } }`;

const rows = async (sql: string, params: unknown[] = []) => subgraph.database.dataSource.query(sql, params);
const count = async (sql: string, params: unknown[] = []) => (await rows(sql, params))[0].n as number;
const fieldsOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (result.errors?.[0]?.extensions?.fields as { field: string }[] | undefined)?.map((f) => f.field);

const planInput = (childId: string = randomUUID(), extra: Record<string, unknown> = {}) => ({
  childId,
  schoolUrn: RIVERSIDE,
  startedDate: '2026-01-12',
  parentsToldDate: '2026-01-14',
  childViews: 'I like reading with Miss Khan.',
  parentViews: null,
  outcomes: ['Read a short passage without adult help', 'Ask for help when stuck'],
  provision: [
    { what: 'Small-group phonics catch-up', deliveredBy: 'Teaching assistant', howOften: '3 x 20 minutes a week' },
    { what: 'Social stories', deliveredBy: 'SENCO', howOften: 'Weekly' },
  ],
  ...extra,
});
const ratings = (need = 2) => DOMAINS.map((domain, i) => ({ domain, need: (need + i) % 5, homeReadiness: i === 0 ? null : 3 }));

async function startPlan(childId = randomUUID(), client: TestClient = senco) {
  const result = await client.query(START, { input: planInput(childId) });
  expect(result.errors).toBeUndefined();
  return { childId, plan: result.data.startSupportPlan };
}

describe('a SENCO records SEN support and the needs radar', () => {
  it('starts a plan with its outcomes and provision in order, audited', async () => {
    const { childId, plan } = await startPlan();
    expect(plan).toMatchObject({
      startedDate: '2026-01-12',
      parentsToldDate: '2026-01-14',
      childViews: 'I like reading with Miss Khan.',
      parentViews: null,
      isOpen: true,
      school: { urn: RIVERSIDE },
      outcomes: [
        { description: 'Read a short passage without adult help', sortOrder: 1 },
        { description: 'Ask for help when stuck', sortOrder: 2 },
      ],
      provision: [
        { what: 'Small-group phonics catch-up', deliveredBy: 'Teaching assistant', howOften: '3 x 20 minutes a week', sortOrder: 1 },
        { what: 'Social stories', deliveredBy: 'SENCO', howOften: 'Weekly', sortOrder: 2 },
      ],
    });
    const audit = await rows(`SELECT fields FROM access_audit WHERE child_id = $1`, [childId]);
    expect(audit.map((r: { fields: string[] }) => r.fields)).toEqual([['Mutation.startSupportPlan']]);
    // The SENCO now sees the child, through the open plan at their school.
    const seen = await senco.query('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { send { currentSupportPlan { id } } } } }', {
      r: [{ __typename: 'Child', id: childId }],
    });
    expect(seen.data._entities[0].send.currentSupportPlan.id).toBe(plan.id);
  });

  it('records cycles, defaulting the next review to 12 weeks on, or as agreed', async () => {
    const { childId, plan } = await startPlan();
    const first = await senco.data(CYCLE, { input: { planId: plan.id, assessDate: '2026-01-12', planDate: '2026-01-19', doFromDate: '2026-01-26' } });
    expect(first.recordSupportPlanCycle).toMatchObject({ reviewDate: null, reviewNotes: null, nextReviewDue: '2026-04-13' }); // plan date + 84 days
    const reviewed = await senco.data(CYCLE, {
      input: { planId: plan.id, assessDate: '2026-04-13', planDate: '2026-04-20', doFromDate: '2026-04-21', reviewDate: '2026-05-01', reviewNotes: 'Reading up a level.' },
    });
    expect(reviewed.recordSupportPlanCycle).toMatchObject({ reviewDate: '2026-05-01', reviewNotes: 'Reading up a level.', nextReviewDue: '2026-07-24' });
    const agreed = await senco.data(CYCLE, { input: { planId: plan.id, assessDate: '2026-05-04', planDate: '2026-05-05', doFromDate: '2026-05-06', nextReviewDue: '2026-06-01' } });
    expect(agreed.recordSupportPlanCycle.nextReviewDue).toBe('2026-06-01');
    expect(await count(`SELECT count(*)::int AS n FROM access_audit WHERE child_id = $1 AND 'Mutation.recordSupportPlanCycle' = ANY(fields)`, [childId])).toBe(3);
  });

  it("records a child's radar assessment with its year group, and the school's readiness", async () => {
    const childId = randomUUID();
    const result = await senco.data(RADAR, { input: { childId, schoolUrn: RIVERSIDE, assessedDate: '2026-02-03', completedBy: 'SENCO', yearGroup: 4, ratings: ratings() } });
    expect(result.recordRadarAssessment).toMatchObject({ assessedDate: '2026-02-03', completedBy: 'SENCO', yearGroup: 4, school: { urn: RIVERSIDE } });
    expect(result.recordRadarAssessment.ratings).toHaveLength(5);
    expect(result.recordRadarAssessment.ratings.find((r: { domain: string }) => r.domain === 'COGNITION_AND_LEARNING')).toEqual({ domain: 'COGNITION_AND_LEARNING', need: 2, homeReadiness: null });
    expect(await count(`SELECT count(*)::int AS n FROM access_audit WHERE child_id = $1 AND fields = ARRAY['Mutation.recordRadarAssessment']`, [childId])).toBe(1);

    const auditBefore = await count('SELECT count(*)::int AS n FROM access_audit');
    const ready = await senco.data(READINESS, {
      input: { schoolUrn: RIVERSIDE, assessedDate: '2026-02-10', ratings: [...DOMAINS].reverse().map((domain, i) => ({ domain, rating: i % 5 })) },
    });
    expect(ready.recordSettingReadiness.map((r: { domain: string }) => r.domain)).toEqual(DOMAINS);
    expect(ready.recordSettingReadiness[0]).toEqual({ domain: 'COGNITION_AND_LEARNING', rating: 4, assessedDate: '2026-02-10' });
    // Not personal data: no audit row.
    expect(await count('SELECT count(*)::int AS n FROM access_audit')).toBe(auditBefore);
    // The same day again is already recorded.
    const again = await senco.query(READINESS, { input: { schoolUrn: RIVERSIDE, assessedDate: '2026-02-10', ratings: DOMAINS.map((domain) => ({ domain, rating: 1 })) } });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('bad input is refused, naming every field at fault, and nothing is written', () => {
  it('reports every problem of a new plan at once', async () => {
    const before = await count('SELECT count(*)::int AS n FROM support_plan');
    const result = await senco.query(START, {
      input: planInput('nobody', {
        startedDate: '2099-01-01',
        parentsToldDate: '2099-01-01',
        outcomes: ['Read', ' '],
        provision: [{ what: '', deliveredBy: 'TA', howOften: ' ' }],
      }),
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input', field: 'input.childId' });
    expect(fieldsOf(result)).toEqual(['childId', 'startedDate', 'parentsToldDate', 'outcomes[1]', 'provision[0].what', 'provision[0].howOften']);
    const told = await senco.query(START, { input: planInput(randomUUID(), { parentsToldDate: '2026-01-01', outcomes: Array.from({ length: 11 }, (_, i) => `Outcome ${i}`), provision: [] }) });
    expect(fieldsOf(told)).toEqual(['parentsToldDate', 'outcomes', 'provision']);
    const none = await senco.query(START, { input: planInput(randomUUID(), { outcomes: [] }) });
    expect(fieldsOf(none)).toEqual(['outcomes']);
    expect(await count('SELECT count(*)::int AS n FROM support_plan')).toBe(before);
  });

  it('refuses cycle dates out of order, notes without a review and a next review not after it', async () => {
    const { plan } = await startPlan();
    const result = await senco.query(CYCLE, {
      input: { planId: plan.id, assessDate: '2026-03-10', planDate: '2026-03-01', doFromDate: '2026-02-01', reviewNotes: 'Early days', nextReviewDue: '2026-02-20' },
    });
    expect(fieldsOf(result)).toEqual(['planDate', 'doFromDate', 'reviewNotes', 'nextReviewDue']);
    const reviewEarly = await senco.query(CYCLE, { input: { planId: plan.id, assessDate: '2026-03-01', planDate: '2026-03-02', doFromDate: '2026-03-03', reviewDate: '2026-03-02' } });
    expect(fieldsOf(reviewEarly)).toEqual(['reviewDate']);
    const beforePlan = await senco.query(CYCLE, { input: { planId: plan.id, assessDate: '2025-12-01', planDate: '2026-03-02', doFromDate: '2026-03-03' } });
    expect(fieldsOf(beforePlan)).toEqual(['assessDate']);
    const missing = await senco.query(CYCLE, { input: { planId: randomUUID(), assessDate: '2026-03-01', planDate: '2026-03-02', doFromDate: '2026-03-03' } });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await count('SELECT count(*)::int AS n FROM support_plan_cycle WHERE plan_id = $1', [plan.id])).toBe(0);
  });

  it('refuses a cycle on a closed plan', async () => {
    const { plan } = await startPlan();
    await rows(`UPDATE support_plan SET closed_date = '2026-02-01' WHERE id = $1`, [plan.id]);
    const result = await senco.query(CYCLE, { input: { planId: plan.id, assessDate: '2026-01-12', planDate: '2026-01-13', doFromDate: '2026-01-14' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.planId' });
  });

  it('refuses radar ratings missing a domain, rating one twice or out of range', async () => {
    const childId = randomUUID();
    const bad = ratings().slice(0, 4);
    bad.push({ domain: 'COGNITION_AND_LEARNING', need: 5, homeReadiness: -1 });
    const result = await senco.query(RADAR, { input: { childId, schoolUrn: RIVERSIDE, assessedDate: '2026-02-03', completedBy: ' ', yearGroup: 15, ratings: bad } });
    expect(fieldsOf(result)).toEqual(['completedBy', 'yearGroup', 'ratings', 'ratings', 'ratings[4].need', 'ratings[4].homeReadiness']);
    expect((result.errors![0]!.extensions!.fields as { message: string }[]).slice(2, 4).map((f) => f.message)).toEqual([
      'rates COGNITION_AND_LEARNING 2 times, not once',
      'has no rating for INDEPENDENCE',
    ]);
    const readiness = await senco.query(READINESS, { input: { schoolUrn: RIVERSIDE, assessedDate: '2026-02-11', ratings: DOMAINS.slice(1).map((domain) => ({ domain, rating: 7 })) } });
    expect(fieldsOf(readiness)).toEqual(['ratings', 'ratings[0].rating', 'ratings[1].rating', 'ratings[2].rating', 'ratings[3].rating']);
    expect(await count('SELECT count(*)::int AS n FROM radar_assessment WHERE child_id = $1', [childId])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM setting_readiness WHERE assessed_date = '2026-02-11'`)).toBe(0);
  });

  it('rolls the whole plan back when any part of it fails', async () => {
    const childId = randomUUID();
    // Make the provision INSERT fail after the plan and its outcomes are written in the same transaction.
    await rows(`CREATE FUNCTION refuse_provision() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
    await rows('CREATE TRIGGER refuse_provision BEFORE INSERT ON support_plan_provision FOR EACH ROW EXECUTE FUNCTION refuse_provision()');
    try {
      const result = await senco.query(START, { input: planInput(childId) });
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(result)).not.toContain('disk full');
    } finally {
      await rows('DROP TRIGGER refuse_provision ON support_plan_provision; DROP FUNCTION refuse_provision()');
    }
    expect(await count('SELECT count(*)::int AS n FROM support_plan WHERE child_id = $1', [childId])).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM support_plan_outcome o LEFT JOIN support_plan p ON p.id = o.plan_id WHERE p.id IS NULL')).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM access_audit WHERE child_id = $1', [childId])).toBe(0);
  });
});

describe('one open plan per child', () => {
  it('refuses a second open plan with CONFLICT, and allows a new one once the first has closed', async () => {
    const { childId, plan } = await startPlan();
    const second = await senco.query(START, { input: planInput(childId) });
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.childId' });
    expect(await count('SELECT count(*)::int AS n FROM support_plan WHERE child_id = $1', [childId])).toBe(1);
    await rows(`UPDATE support_plan SET closed_date = '2026-02-01' WHERE id = $1`, [plan.id]);
    expect((await senco.query(START, { input: planInput(childId, { startedDate: '2026-02-02', parentsToldDate: '2026-02-02' }) })).errors).toBeUndefined();
  });

  it('of two plans started at once for the same child, exactly one is written', async () => {
    const childId = randomUUID();
    const results = await Promise.all([senco.query(START, { input: planInput(childId) }), subgraph.client.query(START, { input: planInput(childId) })]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)!.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await count('SELECT count(*)::int AS n FROM support_plan WHERE child_id = $1', [childId])).toBe(1);
  });
});

describe('who may write', () => {
  it("refuses a SENCO writing for another school, and writes nothing", async () => {
    const childId = randomUUID();
    const plan = await otherSenco.query(START, { input: planInput(childId) });
    expect(plan.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.startSupportPlan' });
    const radar = await otherSenco.query(RADAR, { input: { childId, schoolUrn: RIVERSIDE, assessedDate: '2026-02-03', completedBy: 'SENCO', ratings: ratings() } });
    expect(radar.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const readiness = await otherSenco.query(READINESS, { input: { schoolUrn: RIVERSIDE, assessedDate: '2026-03-01', ratings: DOMAINS.map((domain) => ({ domain, rating: 2 })) } });
    expect(readiness.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A cycle on Riverside's plan, from Hillview's SENCO.
    const { plan: riverside } = await startPlan();
    const cycle = await otherSenco.query(CYCLE, { input: { planId: riverside.id, assessDate: '2026-01-12', planDate: '2026-01-13', doFromDate: '2026-01-14' } });
    expect(cycle.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await count('SELECT count(*)::int AS n FROM support_plan WHERE child_id = $1', [childId])).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM radar_assessment WHERE child_id = $1', [childId])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM setting_readiness WHERE assessed_date = '2026-03-01'`)).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM support_plan_cycle WHERE plan_id = $1', [riverside.id])).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM access_audit WHERE child_id = $1', [childId])).toBe(0);
  });

  it('lets the SEND team help with plans but not rate a school, and refuses other roles and a missing purpose', async () => {
    const caseworker = await subgraph.as({ sub: 'cw', role: 'CASEWORKER' } as never, 'statutory-assessment');
    expect((await caseworker.query(START, { input: planInput() })).errors).toBeUndefined();
    const readiness = await caseworker.query(READINESS, { input: { schoolUrn: RIVERSIDE, assessedDate: '2026-03-02', ratings: DOMAINS.map((domain) => ({ domain, rating: 2 })) } });
    expect(readiness.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const childId = randomUUID();
    for (const [claims, purpose] of [
      [{ sub: 'bi', role: 'ANALYST' }, 'service-planning'],
      [{ sub: 'lead', role: 'LOCALITY_LEAD', localities: ['dartford'] }, 'direct-care'],
      [{ sub: 'senco.riverside', role: 'SENCO', schools: [RIVERSIDE] }, null],
    ] as const) {
      const client = await subgraph.as(claims as never, purpose);
      expect((await client.query(START, { input: planInput(childId) })).errors?.[0]?.extensions?.code, claims.role).toBe('FORBIDDEN');
    }
    expect(await count('SELECT count(*)::int AS n FROM support_plan WHERE child_id = $1', [childId])).toBe(0);
  });
});

describe('closing a SEN support plan', () => {
  const CLOSE = `mutation ($input: CloseSupportPlanInput!) { closeSupportPlan(input: $input) { id isOpen closedDate closeReason closeNotes version } }`;
  const VERSION = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { send { currentSupportPlan { id version } supportPlans { id closedDate } } } } }';
  const planRow = async (id: string) => (await rows(`SELECT to_char(closed_date, 'YYYY-MM-DD') AS closed, close_reason AS reason, version FROM support_plan WHERE id = $1`, [id]))[0];

  it('closes an open plan with its reason, raising its version, audited; the child may then start another', async () => {
    const { childId, plan } = await startPlan();
    const read = await senco.data(VERSION, { r: [{ __typename: 'Child', id: childId }] });
    expect(read._entities[0].send.currentSupportPlan).toEqual({ id: plan.id, version: 1 });
    // A cycle changes the plan: its version goes up.
    await senco.data(CYCLE, { input: { planId: plan.id, assessDate: '2026-01-12', planDate: '2026-01-19', doFromDate: '2026-01-26', reviewDate: '2026-04-20' } });
    const closed = await senco.data(CLOSE, { input: { planId: plan.id, expectedVersion: 2, closedDate: '2026-07-17', reason: 'NEEDS_MET', notes: ' Reading at age-related expectations. ' } });
    expect(closed.closeSupportPlan).toEqual({
      id: plan.id, isOpen: false, closedDate: '2026-07-17', closeReason: 'NEEDS_MET', closeNotes: 'Reading at age-related expectations.', version: 3,
    });
    const audit = await rows(`SELECT fields FROM access_audit WHERE child_id = $1 AND fields[1] LIKE 'Mutation.%' ORDER BY id`, [childId]);
    expect(audit.map((r: { fields: string[] }) => r.fields[0])).toEqual(['Mutation.startSupportPlan', 'Mutation.recordSupportPlanCycle', 'Mutation.closeSupportPlan']);
    // No open plan now, so a new one may start, by the caseworker say, with no SENCO left to see the closed one.
    const caseworker = await subgraph.as({ sub: 'cw', role: 'CASEWORKER' } as never, 'statutory-assessment');
    const after = await caseworker.data(VERSION, { r: [{ __typename: 'Child', id: childId }] });
    expect(after._entities[0].send).toEqual({ currentSupportPlan: null, supportPlans: [{ id: plan.id, closedDate: '2026-07-17' }] });
    expect((await senco.query(START, { input: planInput(childId, { startedDate: '2026-09-07', parentsToldDate: '2026-09-07' }) })).errors).toBeUndefined();
  });

  it('refuses a stale version with CONFLICT and writes nothing', async () => {
    const { plan } = await startPlan();
    await senco.data(CYCLE, { input: { planId: plan.id, assessDate: '2026-01-12', planDate: '2026-01-19', doFromDate: '2026-01-26' } });
    const stale = await senco.query(CLOSE, { input: { planId: plan.id, expectedVersion: 1, closedDate: '2026-03-01', reason: 'LEFT_SCHOOL' } });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, currentVersion: 2 });
    expect(await planRow(plan.id)).toEqual({ closed: null, reason: null, version: 2 });
  });

  it('reports every bad field at once, and refuses dates out of order, a plan already closed and an unknown plan', async () => {
    const { plan } = await startPlan();
    const all = await senco.query(CLOSE, { input: { planId: 'plan-1', expectedVersion: 1, closedDate: '2099-01-01', reason: 'OTHER', notes: '  ' } });
    expect(all.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.planId' });
    expect(fieldsOf(all)).toEqual(['planId', 'closedDate', 'notes']);
    const notADate = await senco.query(CLOSE, { input: { planId: plan.id, expectedVersion: 1, closedDate: '2026-02-30', reason: 'NEEDS_MET' } });
    expect(notADate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknownReason = await senco.query(CLOSE, { input: { planId: plan.id, expectedVersion: 1, closedDate: '2026-03-01', reason: 'BORED' } });
    expect(unknownReason.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const beforeStart = await senco.query(CLOSE, { input: { planId: plan.id, expectedVersion: 1, closedDate: '2026-01-11', reason: 'NEEDS_MET' } });
    expect(fieldsOf(beforeStart)).toEqual(['closedDate']);
    await senco.data(CYCLE, { input: { planId: plan.id, assessDate: '2026-01-12', planDate: '2026-01-19', doFromDate: '2026-01-26', reviewDate: '2026-04-20' } });
    const beforeReview = await senco.query(CLOSE, { input: { planId: plan.id, expectedVersion: 2, closedDate: '2026-04-19', reason: 'MOVED_TO_EHC_PLAN' } });
    expect(fieldsOf(beforeReview)).toEqual(['closedDate']);
    expect((beforeReview.errors![0]!.extensions!.fields as { message: string }[])[0]!.message).toBe("is before the plan's latest cycle (2026-04-20)");
    expect(await planRow(plan.id)).toEqual({ closed: null, reason: null, version: 2 });

    await senco.data(CLOSE, { input: { planId: plan.id, expectedVersion: 2, closedDate: '2026-04-20', reason: 'MOVED_TO_EHC_PLAN' } });
    const again = await senco.query(CLOSE, { input: { planId: plan.id, expectedVersion: 3, closedDate: '2026-05-01', reason: 'NEEDS_MET' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.planId' });
    expect(await planRow(plan.id)).toEqual({ closed: '2026-04-20', reason: 'MOVED_TO_EHC_PLAN', version: 3 });
    const missing = await senco.query(CLOSE, { input: { planId: randomUUID(), expectedVersion: 1, closedDate: '2026-05-01', reason: 'NEEDS_MET' } });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("refuses another school's SENCO and other roles, writing nothing", async () => {
    const { plan } = await startPlan();
    const input = { planId: plan.id, expectedVersion: 1, closedDate: '2026-03-01', reason: 'LEFT_SCHOOL' };
    expect((await otherSenco.query(CLOSE, { input })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.closeSupportPlan' });
    const analyst = await subgraph.as({ sub: 'bi', role: 'ANALYST' } as never, 'service-planning');
    expect((await analyst.query(CLOSE, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await planRow(plan.id)).toEqual({ closed: null, reason: null, version: 1 });
  });

  it('leaves the plan open when its audit row cannot be written', async () => {
    const { childId, plan } = await startPlan();
    await rows(`CREATE FUNCTION refuse_close_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF 'Mutation.closeSupportPlan' = ANY(NEW.fields) THEN RAISE EXCEPTION 'audit down'; END IF; RETURN NEW; END $$`);
    await rows('CREATE TRIGGER refuse_close_audit BEFORE INSERT ON access_audit FOR EACH ROW EXECUTE FUNCTION refuse_close_audit()');
    try {
      const result = await senco.query(CLOSE, { input: { planId: plan.id, expectedVersion: 1, closedDate: '2026-03-01', reason: 'LEFT_SCHOOL' } });
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await rows('DROP TRIGGER refuse_close_audit ON access_audit; DROP FUNCTION refuse_close_audit()');
    }
    expect(await planRow(plan.id)).toEqual({ closed: null, reason: null, version: 1 });
    expect(await count(`SELECT count(*)::int AS n FROM access_audit WHERE child_id = $1 AND 'Mutation.closeSupportPlan' = ANY(fields)`, [childId])).toBe(0);
  });
});
