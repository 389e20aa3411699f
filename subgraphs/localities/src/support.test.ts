import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { startSingleSubgraph, type SingleSubgraph, type TestClient } from '@local-area-graph/test-kit';
import { responseClock, workingDaysToRespond } from '@local-area-graph/working-days';
import { completeMonthsBefore, todayInEngland } from '@local-area-graph/identifiers';
import { localities, Child, LocalArea, Locality, Professional } from './index.js';

// My World assessments, requests for locality support and their plans, written by hand.
const KENT = { code: 'E10000016', laNumber: 886, name: 'Kent' };
// A second area that holds only the crafted figures, so nothing else lands in its sums.
const MEDWAY = { code: 'E06000035', laNumber: 887, name: 'Medway' };
const child = (n: number) => `2b8e8a2e-5a4f-4a55-9a57-3c3f0d7a${String(n).padStart(4, '0')}`;
const pro = (n: number) => `2b8e8a2e-5a4f-4a55-9a57-3c3f0d7b${String(n).padStart(4, '0')}`;
const ids = { amara: child(1), ben: child(2), chloe: child(3) };
const people = { ruth: pro(1), tom: pro(2), val: pro(3) };

async function seed(db: DataSource) {
  await db.getRepository(LocalArea).insert([KENT, MEDWAY]);
  await db.getRepository(Locality).insert([
    { id: 'swale', name: 'Swale', localAreaCode: KENT.code },
    { id: 'dartford', name: 'Dartford', localAreaCode: KENT.code },
    { id: 'chatham', name: 'Chatham', localAreaCode: MEDWAY.code },
    { id: 'gillingham', name: 'Gillingham', localAreaCode: MEDWAY.code },
  ]);
  await db.getRepository(Child).insert([
    { id: ids.amara, nhsNumber: '9990000018', upn: null, givenName: 'Amara', familyName: 'Okafor', dateOfBirth: '2013-03-01', sex: 'F', localityId: 'swale', schoolUrn: '118001' },
    { id: ids.ben, nhsNumber: '9990000026', upn: null, givenName: 'Ben', familyName: 'Adams', dateOfBirth: '2012-08-31', sex: 'M', localityId: 'swale', schoolUrn: '118002' },
    { id: ids.chloe, nhsNumber: '9990000034', upn: null, givenName: 'Chloe', familyName: 'Adams', dateOfBirth: '2014-09-01', sex: 'F', localityId: 'dartford', schoolUrn: '118001' },
  ] as never);
  await db.getRepository(Professional).insert([
    { id: people.ruth, givenName: 'Ruth', familyName: 'Mensah', role: 'Inclusion support lead', agency: 'SEND_SERVICE', email: 'r.mensah@kent.example.org', localityId: 'swale', subject: 'r.mensah@kent.example.org' },
    { id: people.tom, givenName: 'Tom', familyName: 'Hale', role: 'SENCO', agency: 'SCHOOL', email: 't.hale@riverside.example.org', localityId: 'swale', subject: 't.hale@riverside.example.org' },
    { id: people.val, givenName: 'Val', familyName: 'Orme', role: 'Inclusion support lead', agency: 'SEND_SERVICE', email: 'v.orme@kent.example.org', localityId: 'swale', subject: 'v.orme@kent.example.org' },
  ] as never);
}

let subgraph: SingleSubgraph;
let senco: TestClient;
let swaleLead: TestClient;
let dartfordLead: TestClient;
let ruth: TestClient;
beforeAll(async () => {
  subgraph = await startSingleSubgraph(localities, seed);
  senco = await subgraph.as({ sub: 't.hale@riverside.example.org', role: 'SENCO', schools: ['118001'] });
  swaleLead = await subgraph.as({ sub: 'lead.swale', role: 'LOCALITY_LEAD', localities: ['swale'] });
  dartfordLead = await subgraph.as({ sub: 'lead.dartford', role: 'LOCALITY_LEAD', localities: ['dartford'] });
  ruth = await subgraph.as({ sub: 'r.mensah@kent.example.org', role: 'CASEWORKER' });
});
afterAll(async () => subgraph?.stop());

const db = () => subgraph.database.dataSource;
const REQUEST = `id version status receivedAt dueDate dueAt respondedAt workingDaysToRespond respondedInTime responseNotes outcome outcomeDate
  locality { id } assessment { trigger triggerDetail completedBy completedOn school { urn } completedByProfessional { givenName }
    howIGrowAndDevelop { strengths pressures } whatINeedFromThePeopleWhoLookAfterMe { strengths pressures } myWiderWorld { strengths pressures } }
  leadProfessional { professional { givenName } appointedAt endedAt endReason }
  interventions { kind { code name } provider startDate endDate } reviews { reviewDate progress notes reviewedBy }`;
const SUBMIT = `mutation ($input: SubmitMyWorldAssessmentInput!) { submitMyWorldAssessment(input: $input) { ${REQUEST} } }`;
const RESPOND = `mutation ($input: RecordLocalityResponseInput!) { recordLocalityResponse(input: $input) { ${REQUEST} } }`;
const ADD = `mutation ($input: AddInterventionInput!) { addIntervention(input: $input) { ${REQUEST} } }`;
const REVIEW = `mutation ($input: RecordMonitoringReviewInput!) { recordMonitoringReview(input: $input) { ${REQUEST} } }`;
const OUTCOME = `mutation ($input: RecordSupportOutcomeInput!) { recordSupportOutcome(input: $input) { ${REQUEST} } }`;
const sides = {
  howIGrowAndDevelop: { strengths: 'Loves football and art', pressures: 'Struggles to manage anger at break times' },
  whatINeedFromThePeopleWhoLookAfterMe: { strengths: 'Mum is keen to work with school', pressures: 'Mum works nights; mornings are chaotic' },
  myWiderWorld: { strengths: 'Good friends in the street', pressures: 'Family in temporary housing since September' },
};
const assessment = (extra: Record<string, unknown> = {}) => ({
  childId: ids.amara,
  schoolUrn: '118001',
  trigger: 'FIRST_SUSPENSION',
  ...sides,
  completedBy: 'Tom Hale, SENCO',
  completedOn: '2026-11-19',
  // Friday 20 November 2026, 15:30 GMT: due by the end of Tuesday 24 November.
  sentAt: '2026-11-20T15:30:00.000Z',
  ...extra,
});
const fieldsOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (result.errors?.[0]?.extensions?.fields as { field: string }[] | undefined)?.map((f) => f.field);

describe('a request for locality support, from My World assessment to outcome', () => {
  let request: { id: string; version: number };

  it('a SENCO submits a My World assessment for a pupil of their school; the 2-working-day clock starts', async () => {
    const result = await senco.query(SUBMIT, { input: assessment() });
    expect(result.errors).toBeUndefined();
    const submitted = result.data.submitMyWorldAssessment;
    expect(submitted).toMatchObject({
      version: 1,
      status: 'AWAITING_RESPONSE',
      receivedAt: '2026-11-20T15:30:00.000Z',
      dueDate: '2026-11-24',
      dueAt: '2026-11-25T00:00:00.000Z',
      respondedAt: null,
      workingDaysToRespond: null,
      // Its due time is in the past, so unanswered it is already late.
      respondedInTime: false,
      locality: { id: 'swale' },
      assessment: { trigger: 'FIRST_SUSPENSION', triggerDetail: null, completedBy: 'Tom Hale, SENCO', completedOn: '2026-11-19', school: { urn: '118001' }, completedByProfessional: { givenName: 'Tom' }, ...sides },
      leadProfessional: null,
      interventions: [],
    });
    request = submitted;
    const audit = await db().query(`SELECT subject, fields FROM access_audit WHERE child_id = $1 AND 'Mutation.submitMyWorldAssessment' = ANY(fields)`, [ids.amara]);
    expect(audit).toEqual([{ subject: 't.hale@riverside.example.org', fields: ['Mutation.submitMyWorldAssessment'] }]);
  });

  it('refuses a second open request for the same child, and anyone but the school, the locality or an administrator', async () => {
    expect((await senco.query(SUBMIT, { input: assessment() })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.childId' });
    // Ben is not on the roll of 118001; 118002 is not Tom's school; Chloe lives in Dartford.
    expect((await senco.query(SUBMIT, { input: assessment({ childId: ids.ben }) })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await senco.query(SUBMIT, { input: assessment({ childId: ids.ben, schoolUrn: '118002' }) })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await swaleLead.query(SUBMIT, { input: assessment({ childId: ids.chloe }) })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ruth.query(SUBMIT, { input: assessment({ childId: ids.ben }) })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('checks every field at once and writes nothing', async () => {
    const bad = await swaleLead.query(SUBMIT, {
      input: assessment({
        childId: ids.ben,
        trigger: 'OTHER',
        myWiderWorld: { strengths: ' ', pressures: 'Housing' },
        completedOn: '2026-11-21',
        sentAt: '2026-11-20T12:00:00Z',
      }),
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.triggerDetail' });
    expect(fieldsOf(bad)).toEqual(['triggerDetail', 'myWiderWorld.strengths', 'sentAt']);
    const future = await swaleLead.query(SUBMIT, { input: assessment({ childId: ids.ben, sentAt: '2099-01-05T10:00:00Z' }) });
    expect(fieldsOf(future)).toEqual(['sentAt']);
    const outside = await swaleLead.query(SUBMIT, { input: assessment({ childId: ids.ben, completedOn: '2018-12-01', sentAt: '2018-12-03T10:00:00Z' }) });
    expect(outside.errors?.[0]?.message).toMatch(/working-day calendar/);
    expect(await db().query('SELECT count(*)::int AS n FROM support_request WHERE child_id = $1', [ids.ben])).toEqual([{ n: 0 }]);
    expect(await db().query('SELECT count(*)::int AS n FROM my_world_assessment WHERE child_id = $1', [ids.ben])).toEqual([{ n: 0 }]);
  });

  it('the response appoints the lead professional in the same transaction; an unknown professional writes nothing', async () => {
    const unknown = await swaleLead.query(RESPOND, { input: { requestId: request.id, expectedVersion: 1, leadProfessionalId: pro(99), respondedAt: '2026-11-23T10:00:00Z' } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'input.leadProfessionalId' });
    expect(await db().query('SELECT responded_at FROM support_request WHERE id = $1', [request.id])).toEqual([{ responded_at: null }]);
    expect((await dartfordLead.query(RESPOND, { input: { requestId: request.id, expectedVersion: 1, leadProfessionalId: people.ruth } })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await swaleLead.query(RESPOND, { input: { requestId: request.id, expectedVersion: 1, leadProfessionalId: people.ruth, respondedAt: '2026-11-20T15:00:00Z' } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.respondedAt' });

    // Monday 23 November: 1 working day after the Friday it arrived.
    const answered = await swaleLead.data(RESPOND, { input: { requestId: request.id, expectedVersion: 1, leadProfessionalId: people.ruth, respondedAt: '2026-11-23T10:00:00Z', notes: 'Ruth will meet Mum on Thursday.' } });
    expect(answered.recordLocalityResponse).toMatchObject({
      version: 2,
      status: 'PLAN_OPEN',
      respondedAt: '2026-11-23T10:00:00.000Z',
      workingDaysToRespond: 1,
      respondedInTime: true,
      responseNotes: 'Ruth will meet Mum on Thursday.',
      leadProfessional: { professional: { givenName: 'Ruth' }, appointedAt: '2026-11-23T10:00:00.000Z', endedAt: null },
    });
    const picture = await swaleLead.data(`query ($id: ID!) { child(id: $id) { leadProfessional { givenName } team { teamRole startDate professional { givenName } } supportRequests { id status } myWorldAssessments { trigger } } }`, { id: ids.amara });
    expect(picture.child).toEqual({
      leadProfessional: { givenName: 'Ruth' },
      team: [{ teamRole: 'Lead professional', startDate: '2026-11-23', professional: { givenName: 'Ruth' } }],
      supportRequests: [{ id: request.id, status: 'PLAN_OPEN' }],
      myWorldAssessments: [{ trigger: 'FIRST_SUSPENSION' }],
    });
    request = answered.recordLocalityResponse;
  });

  it('refuses a response on a stale version or a second response', async () => {
    expect((await swaleLead.query(RESPOND, { input: { requestId: request.id, expectedVersion: 1, leadProfessionalId: people.val } })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect((await swaleLead.query(RESPOND, { input: { requestId: request.id, expectedVersion: 2, leadProfessionalId: people.val } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.requestId' });
  });

  it('the lead professional adds interventions from the menu and records reviews', async () => {
    const menu = await ruth.data('{ interventionMenu { code name } }');
    expect(menu.interventionMenu.map((k: { code: string }) => k.code).slice(0, 8)).toEqual([
      'PARENTING_PROGRAMME', 'SPEECH_AND_LANGUAGE', 'MENTORING', 'TRAUMA_INFORMED_NURTURE', 'COUNSELLING', 'PLAY_AND_ART_THERAPY', 'MEDIATION', 'EXPLOITATION_AND_HARMFUL_BEHAVIOUR',
    ]);
    const bad = await ruth.query(ADD, { input: { requestId: request.id, kindCode: 'ASTROLOGY', provider: 'x', startDate: '2026-11-01', endDate: '2026-10-01' } });
    expect(fieldsOf(bad)).toEqual(['endDate']);
    const unknownKind = await ruth.query(ADD, { input: { requestId: request.id, kindCode: 'ASTROLOGY', provider: 'x', startDate: '2026-11-01' } });
    expect(fieldsOf(unknownKind)).toEqual(['kindCode', 'startDate']);
    await ruth.data(ADD, { input: { requestId: request.id, kindCode: 'MENTORING', provider: 'Swale Youth Mentoring', startDate: '2026-11-24' } });
    const added = await ruth.data(ADD, { input: { requestId: request.id, kindCode: 'PARENTING_PROGRAMME', provider: 'Kent Family Support', startDate: '2026-11-23', endDate: '2027-01-29' } });
    expect(added.addIntervention.interventions).toEqual([
      { kind: { code: 'PARENTING_PROGRAMME', name: 'Parenting programme' }, provider: 'Kent Family Support', startDate: '2026-11-23', endDate: '2027-01-29' },
      { kind: { code: 'MENTORING', name: 'Mentoring' }, provider: 'Swale Youth Mentoring', startDate: '2026-11-24', endDate: null },
    ]);
    const reviewed = await ruth.data(REVIEW, { input: { requestId: request.id, reviewDate: '2026-11-24', progress: 'SOME_PROGRESS', notes: 'Calmer at break.' } });
    expect(reviewed.recordMonitoringReview.reviews).toEqual([{ reviewDate: '2026-11-24', progress: 'SOME_PROGRESS', notes: 'Calmer at break.', reviewedBy: 'r.mensah@kent.example.org' }]);
    expect(reviewed.recordMonitoringReview.version).toBe(5);
    // The SENCO is not the lead: they may not change the plan.
    expect((await senco.query(REVIEW, { input: { requestId: request.id, reviewDate: '2026-11-24', progress: 'GOOD_PROGRESS' } })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    request = reviewed.recordMonitoringReview;
  });

  it('records the outcome: needs met ends the lead professional, the open interventions and their team place', async () => {
    const early = await swaleLead.query(OUTCOME, { input: { requestId: request.id, expectedVersion: request.version, outcome: 'NEEDS_MET_ATTENDANCE_IMPROVED', outcomeDate: '2026-11-20' } });
    expect(fieldsOf(early)).toEqual(['outcomeDate']);
    const closed = await swaleLead.data(OUTCOME, { input: { requestId: request.id, expectedVersion: request.version, outcome: 'NEEDS_MET_ATTENDANCE_IMPROVED', outcomeDate: '2026-11-24' } });
    expect(closed.recordSupportOutcome).toMatchObject({
      status: 'CLOSED',
      outcome: 'NEEDS_MET_ATTENDANCE_IMPROVED',
      outcomeDate: '2026-11-24',
      leadProfessional: { professional: { givenName: 'Ruth' }, endedAt: '2026-11-25T00:00:00.000Z', endReason: 'SUPPORT_ENDED' },
      interventions: [{ endDate: '2027-01-29' }, { endDate: '2026-11-24' }],
    });
    const child = await swaleLead.data(`query ($id: ID!) { child(id: $id) { leadProfessional { givenName } team { endDate } } }`, { id: ids.amara });
    expect(child.child).toEqual({ leadProfessional: null, team: [{ endDate: '2026-11-24' }] });
    // Closed: nothing more to add, and the SENCO may send a new request.
    expect(fieldsOf(await swaleLead.query(REVIEW, { input: { requestId: request.id, reviewDate: '2026-11-24', progress: 'GOOD_PROGRESS' } }))).toEqual(['requestId']);
    expect((await senco.query(SUBMIT, { input: assessment({ trigger: 'REDUCED_TIMETABLE', completedOn: '2026-11-24', sentAt: '2026-11-24T09:00:00Z' }) })).errors).toBeUndefined();
  });

  it('two responses at once: one appoints, the other is refused; one lead', async () => {
    const submitted = await swaleLead.data(SUBMIT, { input: assessment({ childId: ids.ben, schoolUrn: '118002', completedOn: '2026-11-23', sentAt: '2026-11-23T09:00:00Z' }) });
    const requestId = submitted.submitMyWorldAssessment.id;
    const results = await Promise.all([
      swaleLead.query(RESPOND, { input: { requestId, expectedVersion: 1, leadProfessionalId: people.ruth, respondedAt: '2026-11-23T11:00:00Z' } }),
      subgraph.client.query(RESPOND, { input: { requestId, expectedVersion: 1, leadProfessionalId: people.val, respondedAt: '2026-11-23T11:00:00Z' } }),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)!.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT' });
    expect(await db().query('SELECT count(*)::int AS n FROM lead_professional_appointment WHERE child_id = $1 AND ended_at IS NULL', [ids.ben])).toEqual([{ n: 1 }]);
  });
});

// Crafted figures for Medway, every answer worked out by hand. Easter 2026: Good Friday 3 April, Easter Monday 6 April.
interface Crafted {
  locality: string;
  receivedAt: string;
  respondedAt: string | null;
  /** Working days to respond, by hand. */
  days: number | null;
  outcome?: [string, string];
}
const CRAFTED: Crafted[] = [
  // Chatham, April 2026, answered in time.
  { locality: 'chatham', receivedAt: '2026-04-01T09:00:00Z', respondedAt: '2026-04-01T14:00:00Z', days: 0, outcome: ['NEEDS_MET_ON_TRACK', '2026-04-28'] },
  { locality: 'chatham', receivedAt: '2026-04-02T15:00:00Z', respondedAt: '2026-04-07T09:00:00Z', days: 1, outcome: ['NEEDS_MET_READY_TO_LEARN', '2026-05-11'] },
  // Good Friday itself: counts from Tuesday 7 April.
  { locality: 'chatham', receivedAt: '2026-04-03T10:00:00Z', respondedAt: '2026-04-09T16:00:00Z', days: 2, outcome: ['NEEDS_MET_READY_TO_LEARN', '2026-05-12'] },
  { locality: 'chatham', receivedAt: '2026-04-13T08:00:00Z', respondedAt: '2026-04-13T12:00:00Z', days: 0, outcome: ['JOINT_DECISION_EHC_NEEDS_ASSESSMENT', '2026-05-20'] },
  // A Saturday: counts from Monday 20 April.
  { locality: 'chatham', receivedAt: '2026-04-18T10:00:00Z', respondedAt: '2026-04-21T10:00:00Z', days: 1, outcome: ['NEEDS_MET_ATTENDANCE_IMPROVED', '2026-06-01'] },
  // 23:30 BST on the due day is still in time.
  { locality: 'chatham', receivedAt: '2026-04-21T16:30:00Z', respondedAt: '2026-04-23T22:30:00Z', days: 2, outcome: ['NEEDS_MET_ATTENDANCE_IMPROVED', '2026-06-02'] },
  // Late.
  { locality: 'chatham', receivedAt: '2026-04-01T09:00:00Z', respondedAt: '2026-04-08T10:00:00Z', days: 3, outcome: ['NEEDS_MET_ATTENDANCE_IMPROVED', '2026-06-03'] },
  { locality: 'chatham', receivedAt: '2026-04-02T15:00:00Z', respondedAt: '2026-04-09T09:00:00Z', days: 3, outcome: ['NEEDS_MET_ATTENDANCE_IMPROVED', '2026-06-04'] },
  { locality: 'chatham', receivedAt: '2026-04-13T08:00:00Z', respondedAt: '2026-04-17T08:00:00Z', days: 4, outcome: ['NEEDS_MET_ATTENDANCE_IMPROVED', '2026-06-05'] },
  { locality: 'chatham', receivedAt: '2026-04-13T08:00:00Z', respondedAt: '2026-04-20T08:00:00Z', days: 5, outcome: ['NEEDS_MET_ATTENDANCE_IMPROVED', '2026-06-08'] },
  { locality: 'chatham', receivedAt: '2026-04-13T08:00:00Z', respondedAt: '2026-04-22T08:00:00Z', days: 7, outcome: ['JOINT_DECISION_SCHOOL_MOVE', '2026-06-09'] },
  // Never answered, long past due.
  { locality: 'chatham', receivedAt: '2026-04-13T08:00:00Z', respondedAt: null, days: null },
  // Gillingham, April 2026: two, both in time.
  { locality: 'gillingham', receivedAt: '2026-04-14T09:00:00Z', respondedAt: '2026-04-14T15:00:00Z', days: 0 },
  { locality: 'gillingham', receivedAt: '2026-04-15T09:00:00Z', respondedAt: '2026-04-16T09:00:00Z', days: 1 },
];

/** Writes crafted requests, each for a child of its own numbered from `first`. */
async function writeCrafted(db: DataSource, rows: readonly Crafted[] = CRAFTED, first = 0) {
  for (const [j, row] of rows.entries()) {
    const i = first + j;
    const childId = child(100 + i);
    await db.query(`INSERT INTO child (id, nhs_number, given_name, family_name, date_of_birth, sex, locality_id) VALUES ($1, $2, 'Crafted', $3, '2014-01-01', 'U', $4)`, [
      childId,
      `99910${String(i).padStart(5, '0')}`,
      `Child ${i}`,
      row.locality,
    ]);
    const assessmentId = randomUUID();
    await db.query(
      `INSERT INTO my_world_assessment (id, child_id, school_urn, locality_id, trigger, grow_strengths, grow_pressures, care_strengths, care_pressures, world_strengths, world_pressures, completed_by, completed_on, submitted_by)
       VALUES ($1, $2, '887001', $3, 'OTHER', 's', 'p', 's', 'p', 's', 'p', 'A SENCO', $4, 'seed')`,
      [assessmentId, childId, row.locality, row.receivedAt.slice(0, 10)],
    );
    let appointment: string | null = null;
    if (row.respondedAt) {
      appointment = randomUUID();
      await db.query(`INSERT INTO lead_professional_appointment (id, child_id, professional_id, appointed_at, appointed_by) VALUES ($1, $2, $3, $4, 'seed')`, [appointment, childId, people.val, row.respondedAt]);
    }
    await db.query(
      `INSERT INTO support_request (id, child_id, assessment_id, locality_id, received_at, due_at, responded_at, lead_appointment_id, outcome, outcome_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [randomUUID(), childId, assessmentId, row.locality, row.receivedAt, responseClock(new Date(row.receivedAt)).dueAt, row.respondedAt, appointment, row.outcome?.[0] ?? null, row.outcome?.[1] ?? null],
    );
  }
}

describe('support figures per locality and month, on crafted data', () => {
  const FIGURES = `{ c: locality(id: "chatham") { supportFigures(from: "2026-04-01", to: "2026-06-30") { ...month } }
    g: locality(id: "gillingham") { supportFigures(from: "2026-04-01", to: "2026-04-30") { ...month } }
    area: localArea(code: "E06000035") { supportFigures(from: "2026-04-01", to: "2026-04-30") { ...month } } }
    fragment month on LocalitySupportMonth { month requestsReceived { value suppressed } shareAnsweredWithin2WorkingDays { value suppressed symbol }
      medianWorkingDaysToRespond { value suppressed symbol } plansOpen { value suppressed } outcomesRecorded { value suppressed } outcomes { outcome requests { value suppressed } } }`;
  const shown = (value: number) => ({ value, suppressed: false });
  const withheld = { value: null, suppressed: true };
  let figures: Record<string, { supportFigures: Record<string, unknown>[] }>;
  const outcomes = (figures: { outcomes: { outcome: string; requests: unknown }[] }) => Object.fromEntries(figures.outcomes.map((o) => [o.outcome, o.requests]));

  beforeAll(async () => {
    await writeCrafted(db());
    const analyst = await subgraph.as({ sub: 'analyst', role: 'ANALYST' }, null);
    figures = await analyst.data(FIGURES);
  });

  it('the database counts working days as the clock does', async () => {
    const rows: { received_at: Date; responded_at: Date; days: number }[] = await db().query(
      `SELECT r.received_at, r.responded_at,
              GREATEST(0, (p.working_day_number + (NOT p.working)::int) - (c.working_day_number + (NOT c.working)::int)) AS days
         FROM support_request r JOIN working_day c ON c.day = r.received_day JOIN working_day p ON p.day = r.responded_day
         JOIN locality l ON l.id = r.locality_id WHERE l.local_area_code = 'E06000035' ORDER BY r.received_at, r.responded_at`,
    );
    for (const row of rows) expect(row.days).toBe(workingDaysToRespond(row.received_at, row.responded_at));
    const byHand = CRAFTED.filter((c) => c.respondedAt).map((c) => [c.receivedAt, c.respondedAt, c.days]);
    for (const [receivedAt, respondedAt, days] of byHand) expect(workingDaysToRespond(new Date(receivedAt as string), new Date(respondedAt as string))).toBe(days);
  });

  it('Chatham in April: 12 received, 6 of 12 answered within 2 working days, median 2, 10 plans open', () => {
    const [april] = figures.c!.supportFigures as never[];
    expect(april).toMatchObject({
      month: '2026-04',
      requestsReceived: shown(12),
      // 6 in time; 5 late and 1 never answered.
      shareAnsweredWithin2WorkingDays: { value: 0.5, suppressed: false },
      // 0, 0, 1, 1, 2, 2, 3, 3, 4, 5, 7.
      medianWorkingDaysToRespond: { value: 2, suppressed: false },
      // 11 answered, 1 closed on 28 April.
      plansOpen: shown(10),
      outcomesRecorded: withheld,
    });
    expect(outcomes(april)).toMatchObject({ NEEDS_MET_ON_TRACK: withheld, NEEDS_MET_READY_TO_LEARN: shown(0), JOINT_DECISION_SCHOOL_MOVE: shown(0) });
  });

  it('May and June: nothing received, plans closing; a small outcome is withheld, and so is the one that would reveal it', () => {
    const [, may, june] = figures.c!.supportFigures as never[];
    expect(may).toMatchObject({
      month: '2026-05',
      requestsReceived: shown(0),
      shareAnsweredWithin2WorkingDays: { value: null, suppressed: false, symbol: 'NOT_APPLICABLE' },
      medianWorkingDaysToRespond: { value: null, suppressed: false, symbol: 'NOT_APPLICABLE' },
      plansOpen: shown(7),
      outcomesRecorded: withheld,
    });
    expect(outcomes(may)).toMatchObject({ NEEDS_MET_READY_TO_LEARN: withheld, JOINT_DECISION_EHC_NEEDS_ASSESSMENT: withheld });
    // 6 attendance improved and 1 school move: the 1 is withheld, so the 6 is too, or 7 − 6 would give it away.
    expect(june).toMatchObject({ month: '2026-06', plansOpen: shown(0), outcomesRecorded: shown(7) });
    expect(outcomes(june)).toMatchObject({ NEEDS_MET_ATTENDANCE_IMPROVED: withheld, JOINT_DECISION_SCHOOL_MOVE: withheld, NEEDS_MET_ON_TRACK: shown(0) });
  });

  it('Gillingham: two requests, every figure withheld; the area adds both localities', () => {
    expect(figures.g!.supportFigures[0]).toMatchObject({
      requestsReceived: withheld,
      shareAnsweredWithin2WorkingDays: { value: null, suppressed: true, symbol: 'CONFIDENTIAL' },
      medianWorkingDaysToRespond: { value: null, suppressed: true, symbol: 'CONFIDENTIAL' },
      plansOpen: withheld,
    });
    // 14 received; 8 of 14 in time; median of 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 5, 7 is 2; 12 plans open.
    expect(figures.area!.supportFigures[0]).toMatchObject({
      requestsReceived: shown(14),
      shareAnsweredWithin2WorkingDays: { value: 8 / 14, suppressed: false },
      medianWorkingDaysToRespond: { value: 2, suppressed: false },
      plansOpen: shown(12),
    });
  });

  it('figures are in three statements whatever the number of localities, and refuse a reversed or too long range', async () => {
    const before = subgraph.database.statements.count;
    await subgraph.client.data(`{ localArea(code: "E06000035") { localities { supportFigures(from: "2026-04-01", to: "2026-06-30") { month } } } }`);
    expect(subgraph.database.statements.count - before).toBeLessThanOrEqual(6);
    const reversed = await subgraph.client.query(`{ locality(id: "chatham") { supportFigures(from: "2026-06-01", to: "2026-04-01") { month } } }`);
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
    const long = await subgraph.client.query(`{ locality(id: "chatham") { supportFigures(from: "2020-01-01", to: "2026-04-01") { month } } }`);
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
  });
});

describe('support figures over the last 12 complete months, for another subgraph to require', () => {
  const { months, from, to } = completeMonthsBefore(todayInEngland(), 12);
  const LAST = months[11]!;
  const FIELDS = `month requestsReceived { value suppressed symbol } shareAnsweredWithin2WorkingDays { value suppressed symbol rounded }
    medianWorkingDaysToRespond { value suppressed symbol } plansOpen { value suppressed } outcomesRecorded { value suppressed } outcomes { outcome requests { value suppressed } }`;
  const BOTH = `query($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!) { _entities(representations: $r) {
    ... on Locality { id ranged: supportFigures(from: $from, to: $to) { ${FIELDS} } last12: supportFiguresLast12Months { ${FIELDS} } }
    ... on LocalArea { code ranged: supportFigures(from: $from, to: $to) { ${FIELDS} } last12: supportFiguresLast12Months { ${FIELDS} } } } }`;
  const representations = [
    { __typename: 'Locality', id: 'chatham' },
    { __typename: 'Locality', id: 'gillingham' },
    { __typename: 'LocalArea', code: MEDWAY.code },
  ];

  beforeAll(async () => {
    // Chatham in the last complete month: 12 requests on weekdays, 6 answered an hour after
    // they came in and 6 three days after they fell due.
    const rows: Crafted[] = [];
    for (let d = 1; rows.length < 12; d++) {
      const receivedAt = new Date(`${LAST}-${String(d).padStart(2, '0')}T10:00:00Z`);
      if ([0, 6].includes(receivedAt.getUTCDay())) continue;
      const late = rows.length % 2 === 1;
      const respondedAt = late ? new Date(responseClock(receivedAt).dueAt.getTime() + 3 * 86_400_000) : new Date(receivedAt.getTime() + 3_600_000);
      rows.push({ locality: 'chatham', receivedAt: receivedAt.toISOString(), respondedAt: respondedAt.toISOString(), days: null });
    }
    await writeCrafted(db(), rows, CRAFTED.length);
  });

  it('gives the 12 complete months before this one, the same figures as supportFigures over them, for a locality and an area', async () => {
    const analyst = await subgraph.as({ sub: 'analyst', role: 'ANALYST' }, null);
    const data = await analyst.data(BOTH, { r: representations, from, to });
    for (const entity of data._entities) {
      expect(entity.last12.map((m: { month: string }) => m.month)).toEqual(months);
      expect(entity.last12).toEqual(entity.ranged);
    }
    const [chatham, gillingham, area] = data._entities;
    expect(chatham.last12[11]).toMatchObject({ month: LAST, requestsReceived: { value: 12, suppressed: false }, shareAnsweredWithin2WorkingDays: { value: 0.5, suppressed: false, symbol: null } });
    // Nothing sent to Gillingham that month: a share over no requests is not applicable, not 0.
    expect(gillingham.last12[11].shareAnsweredWithin2WorkingDays).toEqual({ value: null, suppressed: false, symbol: 'NOT_APPLICABLE', rounded: false });
    expect(area.last12[11]).toMatchObject({ requestsReceived: { value: 12 }, shareAnsweredWithin2WorkingDays: { value: 0.5 } });
  });

  it('is answered by the same batch as supportFigures over the window: asking both costs no more SQL than asking one', async () => {
    const cost = async (query: string, variables: Record<string, unknown>) => {
      const before = subgraph.database.statements.count;
      await subgraph.client.data(query, variables);
      return subgraph.database.statements.count - before;
    };
    const ranged = await cost(`query($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!) { _entities(representations: $r) {
      ... on Locality { supportFigures(from: $from, to: $to) { month } } ... on LocalArea { supportFigures(from: $from, to: $to) { month } } } }`, { r: representations, from, to });
    expect(await cost(BOTH, { r: representations, from, to })).toBe(ranged);
  });
});

describe('support figures of complete months, stored', () => {
  const [month, next] = completeMonthsBefore(todayInEngland(), 2).months as [string, string];
  const stored = async (): Promise<Record<string, unknown>> =>
    Object.fromEntries(
      (await db().query(`SELECT month, figures FROM month_figure WHERE family = 'support-figures' AND variant = 'locality' AND scope_key = 'gillingham' AND month IN ($1, $2)`, [month, next])).map(
        (row: { month: string; figures: unknown }) => [row.month, row.figures],
      ),
    );
  const ask = async () =>
    (await subgraph.client.data(`{ locality(id: "gillingham") { supportFigures(from: "${month}-01", to: "${next}-01") { month requestsReceived { value suppressed } } } }`)).locality
      .supportFigures;

  it('leaves a month with a request neither answered nor yet due unstored, and stores it once its time has run out', async () => {
    await writeCrafted(db(), [{ locality: 'gillingham', receivedAt: `${month}-10T10:00:00Z`, respondedAt: null, days: null }], 60);
    // Its 2 working days made to run into the future: whether it is answered in time is not known yet.
    await db().query(`UPDATE support_request SET due_at = now() + interval '10 days' WHERE child_id = $1`, [child(160)]);
    expect((await ask()).map((m: { month: string }) => m.month)).toEqual([month, next]);
    expect(await stored()).toEqual({ [next]: expect.objectContaining({ received: 0 }) });
    await db().query(`UPDATE support_request SET due_at = received_at + interval '1 day' WHERE child_id = $1`, [child(160)]);
    await ask();
    expect((await stored())[month]).toMatchObject({ received: 1, decided: 1, inTime: 0, answered: 0, medianWorkingDays: null });
  });
});
