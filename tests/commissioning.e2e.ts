import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, TestClient, type TestPlatform } from '@local-area-graph/test-kit';
import {
  generateDemoArea,
  type DemoArea,
  type EhcRequestRecord,
  type LeadAppointmentRecord,
  type MyWorldAssessmentRecord,
  type SupportRequestRecord,
  type WaitingListEntryRecord,
} from '@local-area-graph/demo-data';
import { responseClock } from '@local-area-graph/working-days';
import { completeMonthsBefore, todayInEngland } from '@local-area-graph/identifiers';
import { createGateway, plannedFetches, readCommittedSupergraph, type QueryPlan } from '@local-area-graph/gateway';
import { createLogger, type RunningHttpServer } from '@local-area-graph/subgraph-kit';
import { createTokenVerifier } from '@local-area-graph/trust';

// The SEND improvement board through the gateway: one query returns every workstream
// of the area and of each locality with measures rated on figures the send, health,
// schools and localities services own, fetched once per service. A generated area
// (three localities) with hand-made EHC plans, health waits and requests for locality
// support in the last complete month, so that the figures at the boundaries are known.

const KENT = 'E10000016';
const BOARD_VIEW = readFileSync(new URL('../examples/board-view.graphql', import.meta.url), 'utf8');
const { months, from, to } = completeMonthsBefore(todayInEngland(), 12);
const LAST = months[11]!;
const LAST_END = to;
const day = (iso: string, plus: number) => new Date(Date.parse(iso) + plus * 86_400_000).toISOString().slice(0, 10);

let area: DemoArea;
let kit: TestPlatform;
let L1: string;
let L2: string;
let L3: string;
/** A member of Kent's board (the demo's Assistant Director, SEND) and an analyst, through the gateway. */
let member: TestClient;
let analyst: TestClient;

/**
 * EHC plans issued in the last complete month: L1 12 within 20 weeks and 8 after (0.6);
 * L2 2 and 1 (withheld); L3 none (not applicable). The area: 14 of 23.
 * CAMHS waits at the last month end: L1 13 over 52 weeks and 9 under 18 weeks; L2 3
 * over 52 weeks (withheld); L3 none (a true 0).
 * Requests for locality support received in the last complete month: L1 30, 24 answered
 * within 2 working days and 6 late (0.8); L2 3, all in time (withheld); L3 none (not
 * applicable). The area: 27 of 33.
 */
type HandMade = Pick<DemoArea, 'ehcRequests' | 'ehcPlans' | 'annualReviews' | 'waitingListEntries' | 'myWorldAssessments' | 'supportRequests' | 'leadAppointments' | 'planInterventions' | 'monitoringReviews'>;
function handMade(base: DemoArea): HandMade {
  const children = base.children;
  let n = 0;
  const ehcRequests: EhcRequestRecord[] = [];
  const plan = (localityId: string, withinWeeks: boolean) => {
    const final = `${LAST}-${String(10 + (n % 15)).padStart(2, '0')}`;
    const received = day(final, withinWeeks ? -133 : -196);
    ehcRequests.push({
      id: `e0000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, childId: children[n]!.id, localityId, localAreaCode: KENT, receivedDate: received, requestedBy: 'PARENT',
      decision: 'Y', decisionDate: day(received, 30), healthAdviceRequestedDate: null, healthAdviceReceivedDate: null, socialCareAdviceRequestedDate: null, socialCareAdviceReceivedDate: null,
      planDecision: 'ISSUE', noticeDate: day(final, -20), finalPlanDate: final, exception: null, withdrawnDate: null,
    });
  };
  for (let i = 0; i < 12; i++) plan(L1, true);
  for (let i = 0; i < 8; i++) plan(L1, false);
  for (let i = 0; i < 2; i++) plan(L2, true);
  plan(L2, false);
  const waitingListEntries: WaitingListEntryRecord[] = [];
  const wait = (localityId: string, referralDate: string) => {
    waitingListEntries.push({
      id: `f0000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, nhsNumber: children[n]!.nhsNumber, serviceCode: 'CAMHS', referralDate, priority: 'ROUTINE',
      firstContactDate: null, removalDate: null, removalReason: null, localityId, localAreaCode: KENT, partnerId: 'RXY',
    });
  };
  for (let i = 0; i < 13; i++) wait(L1, day(LAST_END, -400));
  for (let i = 0; i < 9; i++) wait(L1, day(LAST_END, -30));
  for (let i = 0; i < 3; i++) wait(L2, day(LAST_END, -500));
  return { ehcRequests, ehcPlans: [], annualReviews: [], waitingListEntries, ...supportRequests(base) };
}

/** The generated requests for locality support give way to hand-made ones (see handMade). */
function supportRequests(base: DemoArea): Pick<HandMade, 'myWorldAssessments' | 'supportRequests' | 'leadAppointments' | 'planInterventions' | 'monitoringReviews'> {
  const lead = base.professionals.find((p) => p.role === 'Inclusion support lead')!;
  const weekdays = Array.from({ length: 20 }, (_, i) => `${LAST}-${String(i + 1).padStart(2, '0')}`).filter((d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()));
  const myWorldAssessments: MyWorldAssessmentRecord[] = [];
  const requests: SupportRequestRecord[] = [];
  const leadAppointments: LeadAppointmentRecord[] = [];
  let n = 0;
  const request = (localityId: string, count: number, late: number) => {
    const children = base.children.filter((c) => c.localityId === localityId).slice(0, count);
    children.forEach((child, i) => {
      n++;
      const receivedAt = new Date(`${weekdays[n % weekdays.length]}T${String(8 + (n % 6)).padStart(2, '0')}:00:00Z`);
      // In time: within the hour. Late: three days after the response fell due.
      const respondedAt = i < late ? new Date(responseClock(receivedAt).dueAt.getTime() + 3 * 86_400_000) : new Date(receivedAt.getTime() + 3_600_000);
      const id = (prefix: string) => `${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      myWorldAssessments.push({
        id: id('a'), childId: child.id, schoolUrn: base.schools[0]!.urn, localityId, trigger: 'FIRST_SUSPENSION', triggerDetail: null,
        growStrengths: 'Enjoys PE', growPressures: 'Angry at break times', careStrengths: 'Close to Gran', carePressures: 'Housing', worldStrengths: 'Football club', worldPressures: 'Moved school',
        completedBy: 'The SENCO', completedByProfessionalId: null, completedOn: receivedAt.toISOString().slice(0, 10),
      });
      leadAppointments.push({ id: id('b'), childId: child.id, professionalId: lead.id, appointedAt: respondedAt.toISOString(), endedAt: null, endReason: null });
      requests.push({
        id: id('c'), childId: child.id, assessmentId: id('a'), localityId, receivedAt: receivedAt.toISOString(), respondedAt: respondedAt.toISOString(), responseNotes: 'Lead professional appointed.',
        leadAppointmentId: id('b'), outcome: null, outcomeDate: null, outcomeNotes: null,
      });
    });
  };
  request(L1, 30, 6);
  request(L2, 3, 0);
  return { myWorldAssessments, supportRequests: requests, leadAppointments, planInterventions: [], monitoringReviews: [] };
}

beforeAll(async () => {
  const base = generateDemoArea({ children: 600, seed: 7 });
  [L1, L2, L3] = base.localities.map((l) => l.id) as [string, string, string];
  area = { ...base, ...handMade(base) };
  kit = await startTestPlatform({ demoArea: area });
  member = await kit.as({ sub: 'board.send', role: 'CASEWORKER' }, null);
  analyst = await kit.as({ sub: 'analyst', role: 'ANALYST' }, null);
});
afterAll(async () => kit?.stop());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const measures = (board: Json): Json[] => board.workstreams.flatMap((w: Json) => w.measures);
const measureNamed = (board: Json, kind: string, serviceCode: string | null = null) => measures(board).find((m) => m.kind === kind && m.serviceCode === serviceCode);
const reading = (month: string, figure: Json) => ({ month, value: figure.value, suppressed: figure.suppressed, symbol: figure.symbol, rounded: figure.rounded });
const FIGURE = '{ value suppressed symbol rounded }';

async function boardView(client: TestClient = analyst): Promise<{ area: Json; localities: Map<string, Json> }> {
  const { localArea } = await client.data(BOARD_VIEW, { laCode: KENT });
  return { area: localArea.improvementBoard, localities: new Map(localArea.localities.map((l: Json) => [l.id, l.improvementBoard])) };
}

/** What each owning subgraph answers when asked directly (not through the gateway), as the board's readings. */
async function ownersDirectly(typename: 'LocalArea' | 'Locality', key: string): Promise<Record<string, Json[]>> {
  const representation = typename === 'LocalArea' ? { __typename: typename, code: key } : { __typename: typename, id: key };
  const ask = async (subgraph: string, selection: string) =>
    (await kit.subgraph(subgraph).data(`query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`, { r: [representation] }))._entities[0];
  const send = await ask('send', `ehcTimeliness(from: "${from}", to: "${to}") { month share ${FIGURE} }`);
  const health = await ask('health', ['CAMHS', 'ASD_ASSESSMENT', 'SALT', 'WHEELCHAIR'].map((code) => `${code}: waitingTimes(serviceCode: "${code}", from: "${from}", to: "${to}") { month over52Weeks ${FIGURE} shareUnder18Weeks ${FIGURE} }`).join(' '));
  const schools = await ask('schools', `suspensionsByMonth(from: "${from}", to: "${to}") { month ofPupilsWithSen ${FIGURE} }`);
  const localities = await ask('localities', `supportFigures(from: "${from}", to: "${to}") { month shareAnsweredWithin2WorkingDays ${FIGURE} }`);
  const answers: Record<string, Json[]> = {
    'EHC_PLANS_ISSUED_WITHIN_20_WEEKS/': send.ehcTimeliness.map((m: Json) => reading(m.month, m.share)),
    'SUSPENSIONS_OF_PUPILS_WITH_SEN/': schools.suspensionsByMonth.map((m: Json) => reading(m.month, m.ofPupilsWithSen)),
    'LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS/': localities.supportFigures.map((m: Json) => reading(m.month, m.shareAnsweredWithin2WorkingDays)),
  };
  for (const code of ['CAMHS', 'ASD_ASSESSMENT', 'SALT', 'WHEELCHAIR']) {
    answers[`WAITING_52_WEEKS_OR_MORE/${code}`] = health[code].map((m: Json) => reading(m.month, m.over52Weeks));
    answers[`WAITING_UNDER_18_WEEKS/${code}`] = health[code].map((m: Json) => reading(m.month, m.shareUnder18Weeks));
  }
  return answers;
}

describe("the board's view through the gateway", () => {
  it('returns every workstream of the area and of each locality, with measures, targets, ratings, trends and action plans, to an analyst', async () => {
    const { area: board, localities } = await boardView();
    expect(board.months).toEqual(months);
    expect(board.workstreams.map((w: Json) => w.letter)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(board.workstreams.flatMap((w: Json) => w.areasOfWeakness.map((a: Json) => a.number))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(measures(board)).toHaveLength(area.measures.length);
    expect(board.workstreams.flatMap((w: Json) => w.actionPlan)).toHaveLength(area.actionPlanLines.length);
    const line = board.workstreams[2].actionPlan[0];
    const history = area.ragChanges.filter((c) => c.lineId === line.id).sort((a, b) => (a.changedAt < b.changedAt ? -1 : 1));
    expect(line.ragHistory.map((c: Json) => [c.fromRag, c.toRag, c.commentary, c.changedByName])).toEqual(history.map((c) => [c.fromRag, c.toRag, c.commentary, c.changedByName]));
    expect(line.rag).toBe(history[history.length - 1]!.toRag);
    expect([...localities.keys()]).toEqual([L1, L2, L3].sort());
    for (const locality of localities.values()) expect(measures(locality)).toHaveLength(area.measures.length);
  });

  it("gives exactly the figures each owning subgraph gives when asked directly, for the area and every locality", async () => {
    const { area: board, localities } = await boardView();
    const boards: [typeof board, 'LocalArea' | 'Locality', string][] = [[board, 'LocalArea', KENT], ...[...localities].map(([id, b]) => [b, 'Locality', id] as [Json, 'Locality', string])];
    for (const [shown, typename, key] of boards) {
      const owners = await ownersDirectly(typename, key);
      for (const m of measures(shown)) {
        const direct = owners[`${m.kind}/${m.serviceCode ?? ''}`]!;
        expect(m.trend, `${key} ${m.name}`).toEqual(direct);
        expect(m.current, `${key} ${m.name}`).toEqual(direct[11]);
      }
    }
    // The hand-made figures, as the owners published them.
    const ehc = (b: Json) => measureNamed(b, 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS').current;
    expect(ehc(board)).toEqual({ month: LAST, value: 14 / 23, suppressed: false, symbol: null, rounded: false });
    expect(ehc(localities.get(L1))).toMatchObject({ value: 0.6, suppressed: false });
    expect(ehc(localities.get(L2))).toEqual({ month: LAST, value: null, suppressed: true, symbol: 'CONFIDENTIAL', rounded: false });
    expect(ehc(localities.get(L3))).toEqual({ month: LAST, value: null, suppressed: false, symbol: 'NOT_APPLICABLE', rounded: false });
    const camhs = (b: Json) => measureNamed(b, 'WAITING_52_WEEKS_OR_MORE', 'CAMHS').current;
    expect(camhs(localities.get(L1))).toEqual({ month: LAST, value: 15, suppressed: false, symbol: null, rounded: true });
    expect(camhs(localities.get(L2))).toMatchObject({ value: null, suppressed: true });
    expect(camhs(localities.get(L3))).toMatchObject({ value: 0, suppressed: false });
    const response = (b: Json) => measureNamed(b, 'LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS').current;
    expect(response(board)).toEqual({ month: LAST, value: 27 / 33, suppressed: false, symbol: null, rounded: false });
    expect(response(localities.get(L1))).toEqual({ month: LAST, value: 0.8, suppressed: false, symbol: null, rounded: false });
    expect(response(localities.get(L2))).toEqual({ month: LAST, value: null, suppressed: true, symbol: 'CONFIDENTIAL', rounded: false });
    expect(response(localities.get(L3))).toEqual({ month: LAST, value: null, suppressed: false, symbol: 'NOT_APPLICABLE', rounded: false });
  });

  it('never rates a withheld figure: NOT_RATED, with the reason, whatever the target', async () => {
    const { localities } = await boardView();
    expect(measureNamed(localities.get(L2), 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS')).toMatchObject({ rating: 'NOT_RATED', notRatedBecause: 'FIGURE_WITHHELD', target: { value: 0.6 } });
    expect(measureNamed(localities.get(L2), 'WAITING_52_WEEKS_OR_MORE', 'CAMHS')).toMatchObject({ rating: 'NOT_RATED', notRatedBecause: 'FIGURE_WITHHELD' });
    expect(measureNamed(localities.get(L3), 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS')).toMatchObject({ rating: 'NOT_RATED', notRatedBecause: 'FIGURE_NOT_AVAILABLE' });
    // A count for the whole area says nothing about one locality: without its own target, not rated.
    expect(measureNamed(localities.get(L3), 'WAITING_52_WEEKS_OR_MORE', 'CAMHS')).toMatchObject({ target: null, rating: 'NOT_RATED', notRatedBecause: 'NO_TARGET' });
    // The 2-working-day response: three requests are too few to publish, none is not applicable.
    expect(measureNamed(localities.get(L2), 'LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS')).toMatchObject({ rating: 'NOT_RATED', notRatedBecause: 'FIGURE_WITHHELD', target: { value: 0.9, locality: { id: L2 } } });
    expect(measureNamed(localities.get(L3), 'LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS')).toMatchObject({ rating: 'NOT_RATED', notRatedBecause: 'FIGURE_NOT_AVAILABLE' });
  });

  it("rates the 2-working-day response against the demo plan's 90% (amber from 80%): the area's 27 of 33 and L1's 0.8 at the threshold are AMBER", async () => {
    const { area: board, localities } = await boardView();
    const response = measureNamed(board, 'LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS');
    expect(board.workstreams.find((w: Json) => w.measures.includes(response)).letter).toBe('B');
    expect(response).toMatchObject({ owner: 'localities', unit: 'SHARE', target: { value: 0.9, amberThreshold: 0.8, direction: 'HIGHER_IS_BETTER', locality: null }, rating: 'AMBER' });
    expect(measureNamed(localities.get(L1), 'LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS')).toMatchObject({ target: { value: 0.9, amberThreshold: 0.8, locality: { id: L1 } }, rating: 'AMBER', notRatedBecause: null });
  });
});

const SET_TARGET = `mutation($input: SetMeasureTargetInput!) { setMeasureTarget(input: $input) { value amberThreshold direction setByName locality { id name } } }`;
const RATING = `query($code: LaCode!) { localArea(code: $code) { improvementBoard { ...M } localities { id improvementBoard { ...M } } } }
  fragment M on ImprovementBoard { workstreams { measures { id kind serviceCode current { value } target { value amberThreshold } rating notRatedBecause } } }`;

describe('rating against targets the board sets, at the boundaries', () => {
  async function ratings(): Promise<{ area: Json; localities: Map<string, Json> }> {
    const { localArea } = await analyst.data(RATING, { code: KENT });
    return { area: localArea.improvementBoard, localities: new Map(localArea.localities.map((l: Json) => [l.id, l.improvementBoard])) };
  }
  const setTarget = async (measureId: string, value: number, amberThreshold: number, direction: string, localityId: string | null = null) => {
    const result = await member.data(SET_TARGET, { input: { measureId, localityId, value, amberThreshold, direction, byDate: '2027-08-31', reason: 'Boundary test' } });
    return result.setMeasureTarget;
  };

  it('a share, higher is better: at the target GREEN, at the amber threshold AMBER, just short of it RED; a locality without its own target is rated against the area\'s', async () => {
    const ehc = measureNamed((await ratings()).area, 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS');
    const value = ehc.current.value as number;
    expect(value).toBe(14 / 23);

    const set = await setTarget(ehc.id, value, 0.5, 'HIGHER_IS_BETTER');
    expect(set).toMatchObject({ value, setByName: 'Mark Ellison', locality: null });
    let now = await ratings();
    expect(measureNamed(now.area, 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS').rating).toBe('GREEN');
    // L1's 0.6 is short of the area's 14/23 and above 0.5.
    expect(measureNamed(now.localities.get(L1), 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS')).toMatchObject({ rating: 'AMBER', target: { value } });

    await setTarget(ehc.id, 0.7, value, 'HIGHER_IS_BETTER');
    now = await ratings();
    expect(measureNamed(now.area, 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS').rating).toBe('AMBER');
    expect(measureNamed(now.localities.get(L1), 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS').rating).toBe('RED');

    await setTarget(ehc.id, 0.7, 0.61, 'HIGHER_IS_BETTER');
    expect(measureNamed((await ratings()).area, 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS').rating).toBe('RED');

    await setTarget(ehc.id, 0.6, 0.5, 'HIGHER_IS_BETTER');
    now = await ratings();
    expect(measureNamed(now.localities.get(L1), 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS').rating).toBe('GREEN');
    // Withheld stays NOT_RATED, with a target or without.
    expect(measureNamed(now.localities.get(L2), 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS').rating).toBe('NOT_RATED');
  });

  it("a count, lower is better, against a locality's own target: the rounded figure as published", async () => {
    const camhs = measureNamed((await ratings()).localities.get(L1), 'WAITING_52_WEEKS_OR_MORE', 'CAMHS');
    expect(camhs.current.value).toBe(15);
    const cases: [number, number, string][] = [[15, 20, 'GREEN'], [14, 15, 'AMBER'], [10, 14, 'RED'], [20, 20, 'GREEN']];
    for (const [value, amber, expected] of cases) {
      const set = await setTarget(camhs.id, value, amber, 'LOWER_IS_BETTER', L1);
      expect(set.locality).toEqual({ id: L1, name: area.localities.find((l) => l.id === L1)!.name });
      expect(measureNamed((await ratings()).localities.get(L1), 'WAITING_52_WEEKS_OR_MORE', 'CAMHS')).toMatchObject({ target: { value, amberThreshold: amber }, rating: expected });
    }
  });

  it('refuses bad targets through the gateway with the field named, and non-members with FORBIDDEN', async () => {
    const camhs = measureNamed((await ratings()).area, 'WAITING_52_WEEKS_OR_MORE', 'CAMHS');
    const bad = await member.query(SET_TARGET, { input: { measureId: camhs.id, value: 0.5, amberThreshold: 3, direction: 'LOWER_IS_BETTER', byDate: '2027-01-01', reason: 'x' } });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.value' });
    const refused = await analyst.query(SET_TARGET, { input: { measureId: camhs.id, value: 5, amberThreshold: 10, direction: 'LOWER_IS_BETTER', byDate: '2027-01-01', reason: 'x' } });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.setMeasureTarget' });
  });
});

describe('progress on the action plan, through the gateway', () => {
  const UPDATE = `mutation($input: UpdateActionPlanProgressInput!) { updateActionPlanProgress(input: $input) { id rag commentary version ragHistory { fromRag toRag commentary changedByName changedAt } } }`;

  it('a member rates a line with a commentary; the history shows who, when and why; bad input and stale versions write nothing', async () => {
    const { area: board } = await boardView();
    const line = board.workstreams[2].actionPlan[0];
    const before = line.ragHistory.length;

    const blank = await member.query(UPDATE, { input: { lineId: line.id, rag: 'GREEN', commentary: '   ', expectedVersion: line.version } });
    expect(blank.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.commentary' });
    const stale = await member.query(UPDATE, { input: { lineId: line.id, rag: 'GREEN', commentary: 'Cleared.', expectedVersion: line.version + 5 } });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: line.version });
    const notMember = await kit.as({ sub: 'someone.else', role: 'CASEWORKER' }, null);
    expect((await notMember.query(UPDATE, { input: { lineId: line.id, rag: 'GREEN', commentary: 'Cleared.', expectedVersion: line.version } })).errors![0]!.extensions!.code).toBe('FORBIDDEN');

    const done = (await member.data(UPDATE, { input: { lineId: line.id, rag: 'GREEN', commentary: 'Backlog cleared; 62% within 20 weeks in October.', expectedVersion: line.version } })).updateActionPlanProgress;
    expect(done).toMatchObject({ rag: 'GREEN', version: line.version + 1 });
    expect(done.ragHistory).toHaveLength(before + 1);
    expect(done.ragHistory[before]).toMatchObject({ fromRag: line.rag, toRag: 'GREEN', commentary: 'Backlog cleared; 62% within 20 weeks in October.', changedByName: 'Mark Ellison' });
    const again = await boardView();
    expect(again.area.workstreams[2].actionPlan[0]).toMatchObject({ rag: 'GREEN', updatedByName: 'Mark Ellison' });
  });
});

describe("a school's SEND self-evaluation, through the gateway", () => {
  const RECORD = `mutation($input: RecordSendSelfEvaluationInput!) { recordSendSelfEvaluation(input: $input) { id evaluatedDate dimensions { dimension grade } } }`;

  it("its SENCO records it; bad input is refused naming each field; the board's summary counts it", async () => {
    const { selfEvaluationFramework } = await analyst.data('{ selfEvaluationFramework { code } }');
    const urn = area.schools[0]!.urn;
    const senco = await kit.as({ sub: `senco.${urn}`, role: 'SENCO', schools: [urn] }, null);
    const input = {
      schoolUrn: urn,
      evaluatedDate: todayInEngland(),
      completedBy: 'SENCO with the headteacher',
      statements: selfEvaluationFramework.map((s: Json) => ({ code: s.code, grade: 'EMBEDDED', evidence: 'Learning walks.' })),
      checklist: ['SENCO_APPOINTED', 'SENCO_QUALIFICATION', 'SEN_INFORMATION_REPORT_PUBLISHED', 'SEN_POLICY_PUBLISHED', 'PARENTS_TOLD_WHEN_PROVISION_STARTS', 'ACCESSIBILITY_PLAN', 'GOVERNOR_FOR_SEND'].map((item) => ({ item, met: true })),
      actionPlan: [{ target: 'Keep it embedded', actions: 'Termly learning walks.', personResponsible: 'SENCO' }],
    };
    const bad = await senco.query(RECORD, { input: { ...input, statements: input.statements.slice(1), actionPlan: [{ target: '', actions: 'x', personResponsible: 'SENCO' }] } });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((bad.errors![0]!.extensions!.fields as Json[]).map((p) => p.field)).toEqual(['statements', 'actionPlan[0].target']);
    const summary = async () => (await analyst.data(`{ localArea(code: "${KENT}") { schoolSelfEvaluationSummary { schoolsEvaluated { value suppressed } } } }`)).localArea.schoolSelfEvaluationSummary.schoolsEvaluated;
    const before = await summary();
    const recorded = (await senco.data(RECORD, { input })).recordSendSelfEvaluation;
    expect(recorded.dimensions.every((d: Json) => d.grade === 'EMBEDDED')).toBe(true);
    const after = await summary();
    if (!before.suppressed && !after.suppressed) expect(after.value - before.value).toBe(area.selfEvaluations.some((e) => e.schoolUrn === urn) ? 0 : 1);
    // An analyst sees the summary, not the school's own evaluation.
    const own = await analyst.query(`{ school(urn: "${urn}") { sendSelfEvaluation { id } } }`);
    expect(own.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'School.sendSelfEvaluation' });
  });
});

/** The operation each fetch of a plan sends to one subgraph, in plan order. */
function fetchOperations(plan: QueryPlan, serviceName: string): string[] {
  const operations: string[] = [];
  JSON.stringify(plan, (_key, value) => {
    if (value && value.kind === 'Fetch' && value.serviceName === serviceName) operations.push(value.operation);
    return value;
  });
  return operations;
}

describe("the board's view costs one fetch per owning subgraph, not one per measure", () => {
  let gateway: RunningHttpServer;
  const plans: QueryPlan[] = [];

  beforeAll(async () => {
    // The platform's own gateway, built again with a hook that hands over each query plan it makes.
    gateway = await createGateway({
      supergraphSdl: readCommittedSupergraph(),
      subgraphUrls: Object.fromEntries(Object.entries(kit.platform.subgraphs).map(([name, s]) => [name, s.url])),
      subgraphTimeoutMs: 5000,
      verifier: createTokenVerifier(kit.trust),
      logger: createLogger('gateway', 'silent'),
      onQueryPlan: (plan) => plans.push(plan),
    }).listen(0);
  });
  afterAll(async () => gateway?.close());

  it('plans a bounded number of subgraph calls for the area and all its localities, and answers the same', async () => {
    const client = new TestClient(gateway.url, { authorization: `Bearer ${await kit.token({ sub: 'analyst', role: 'ANALYST' })}` });
    const before = kit.statementCounts();
    const answer = await client.data(BOARD_VIEW, { laCode: KENT });
    const statements = kit.statementCounts();
    expect(answer).toEqual(await analyst.data(BOARD_VIEW, { laCode: KENT }));

    expect(plans).toHaveLength(1);
    const fetches = plannedFetches(plans[0]!);
    const calls = (service: string) => fetches.filter((f) => f.serviceName === service);
    // One root fetch to localities for the area and its localities, which also brings
    // the figures localities owns that the board requires (the 2-working-day response,
    // and a locality's area): the planner asks them of the subgraph it already calls,
    // so binding that measure added no call. Then the other owners' figures and the
    // schools' summary, once for the area and once for all its localities; then the
    // board, once each. 9 calls, however many measures, workstreams or localities.
    expect(calls('localities')).toHaveLength(1);
    expect(fetchOperations(plans[0]!, 'localities')[0]!.match(/supportFiguresLast12Months/g)).toHaveLength(2);
    for (const owner of ['send', 'health', 'schools']) expect(calls(owner).map((f) => f.entityTypes).sort()).toEqual([['LocalArea'], ['Locality']]);
    expect(calls('commissioning').map((f) => f.entityTypes).sort()).toEqual([['LocalArea'], ['Locality']]);
    expect(fetches).toHaveLength(9);
    expect(measures(answer.localArea.improvementBoard).length * (1 + answer.localArea.localities.length)).toBeGreaterThan(fetches.length);

    // And the commissioning service answers each of its two calls with a handful of
    // statements, one per kind of record (workstreams, members, areas of weakness,
    // measures, targets, action plans, RAG history), whatever the number of localities.
    expect(statements.commissioning! - before.commissioning!).toBeLessThanOrEqual(2 * 8);
  });

  it('plans the same calls when the plan has more measures: the fan-out does not grow with the data', async () => {
    const db = kit.platform.subgraphs.commissioning!.database.dataSource;
    const [{ id: workstreamId }] = await db.query("SELECT id FROM workstream WHERE local_area_code = $1 AND letter = 'E'", [KENT]);
    await db.query(
      `INSERT INTO measure (id, workstream_id, name, kind, service_code, sort_order)
       SELECT gen_random_uuid(), $1, 'Children waiting 52 weeks or more for ' || code, 'WAITING_52_WEEKS_OR_MORE', code, 10 + ordinality
         FROM unnest(ARRAY['SALT', 'OT', 'PHYSIO', 'ADHD_ASSESSMENT', 'WHEELCHAIR', 'COMMUNITY_PAEDIATRICS']) WITH ORDINALITY AS s(code, ordinality)`,
      [workstreamId],
    );
    // A second measure on the localities service's figure: no call to it beyond the root one.
    await db.query(
      `INSERT INTO measure (id, workstream_id, name, kind, sort_order)
       SELECT gen_random_uuid(), id, 'Locality response within 2 working days (second view)', 'LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS', 20 FROM workstream WHERE local_area_code = $1 AND letter = 'D'`,
      [KENT],
    );
    plans.length = 0;
    const client = new TestClient(gateway.url, { authorization: `Bearer ${await kit.token({ sub: 'analyst', role: 'ANALYST' })}` });
    const answer = await client.data(BOARD_VIEW, { laCode: KENT });
    expect(measures(answer.localArea.improvementBoard)).toHaveLength(area.measures.length + 7);
    expect(plannedFetches(plans[0]!)).toHaveLength(9);
    expect(plannedFetches(plans[0]!).filter((f) => f.serviceName === 'localities')).toHaveLength(1);
  });
});

describe('who reads the board', () => {
  it('every signed-in role, personal-data purpose or not; nobody without a token', async () => {
    for (const role of ['ANALYST', 'CLINICIAN', 'PARTNER', 'SENCO', 'LOCALITY_LEAD'] as const) {
      const client = await kit.as({ sub: `reader.${role}`, role }, null);
      const { errors, data } = await client.query(`{ localArea(code: "${KENT}") { improvementBoard { workstreams { letter measures { rating } } } } }`);
      expect(errors, role).toBeUndefined();
      expect(data!.localArea.improvementBoard.workstreams).toHaveLength(5);
    }
    expect((await kit.anonymous.query(`{ localArea(code: "${KENT}") { improvementBoard { months } } }`)).status).toBe(401);
  });
});

describe('a board builds its own plan, through the gateway', () => {
  const CREATE = 'mutation($input: CreateWorkstreamInput!) { createWorkstream(input: $input) { id letter version } }';
  const ADD_AOW = 'mutation($input: AddAreaOfWeaknessInput!) { addAreaOfWeakness(input: $input) { id number } }';
  const ADD_MEASURE = 'mutation($input: AddMeasureInput!) { addMeasure(input: $input) { id kind owner } }';
  const ADD_LINE = 'mutation($input: AddActionPlanLineInput!) { addActionPlanLine(input: $input) { id rag ragHistory { fromRag toRag commentary changedByName } } }';
  const VIEW = `query($code: LaCode!) { localArea(code: $code) { improvementBoard { ...W } localities { id improvementBoard { ...W } } } }
    fragment W on ImprovementBoard {
      workstreams { letter title lead areasOfWeakness { number }
        measures { id name current { value suppressed } target { value amberThreshold } rating notRatedBecause }
        actionPlan { id recommendation rag impactMeasure measuredBy { id rating } ragHistory { toRag commentary changedByName } } }
      planChanges(last: 5) { change summary changedByName } }`;

  it("a member adds workstream F with a weakness, a measure, a target and an action line; the board shows it rated on the owner's figures", async () => {
    const ws = (await member.data(CREATE, { input: { localAreaCode: KENT, letter: 'F', title: 'Preparing for adulthood', description: 'Young people with SEND move on to work, study and a home.', lead: 'Head of 14 to 25' } })).createWorkstream;
    const aow = (await member.data(ADD_AOW, { input: { workstreamId: ws.id, number: 10, description: 'Plans are too late for young people moving on at 16.' } })).addAreaOfWeakness;
    const measure = (await member.data(ADD_MEASURE, { input: { workstreamId: ws.id, areaOfWeaknessId: aow.id, kind: 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS', name: 'EHC plans within 20 weeks, post-16 transfer' } })).addMeasure;
    expect(measure).toMatchObject({ kind: 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS', owner: 'send' });
    await member.data(SET_TARGET, { input: { measureId: measure.id, value: 0.6, amberThreshold: 0.5, direction: 'HIGHER_IS_BETTER', byDate: '2027-08-31', reason: 'In step with the whole area' } });
    const line = (await member.data(ADD_LINE, {
      input: { workstreamId: ws.id, areaOfWeaknessId: aow.id, recommendation: 'Start year 9 reviews with a transfer plan', how: 'Annual review template', who: 'SEND casework lead', byWhen: '2027-03-31', impactMeasureId: measure.id, rag: 'RED', commentary: 'Not started.' },
    })).addActionPlanLine;
    expect(line.ragHistory).toEqual([{ fromRag: null, toRag: 'RED', commentary: 'Not started.', changedByName: 'Mark Ellison' }]);

    const { localArea } = await analyst.data(VIEW, { code: KENT });
    const f = (board: Json) => board.workstreams.find((w: Json) => w.letter === 'F');
    expect(localArea.improvementBoard.workstreams.map((w: Json) => w.letter)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(f(localArea.improvementBoard)).toMatchObject({ title: 'Preparing for adulthood', lead: 'Head of 14 to 25', areasOfWeakness: [{ number: 10 }] });
    // The send service's own figures: the area's 14 of 23 and L1's 0.6 meet 0.6; L2's are withheld.
    expect(f(localArea.improvementBoard).measures).toEqual([{ id: measure.id, name: 'EHC plans within 20 weeks, post-16 transfer', current: { value: 14 / 23, suppressed: false }, target: { value: 0.6, amberThreshold: 0.5 }, rating: 'GREEN', notRatedBecause: null }]);
    const byId = new Map(localArea.localities.map((l: Json) => [l.id, l.improvementBoard]));
    expect(f(byId.get(L1)).measures[0]).toMatchObject({ current: { value: 0.6 }, rating: 'GREEN' });
    expect(f(byId.get(L2)).measures[0]).toMatchObject({ current: { value: null, suppressed: true }, rating: 'NOT_RATED', notRatedBecause: 'FIGURE_WITHHELD' });
    expect(f(localArea.improvementBoard).actionPlan).toEqual([
      { id: line.id, recommendation: 'Start year 9 reviews with a transfer plan', rag: 'RED', impactMeasure: 'EHC plans within 20 weeks, post-16 transfer', measuredBy: { id: measure.id, rating: 'GREEN' }, ragHistory: [{ toRag: 'RED', commentary: 'Not started.', changedByName: 'Mark Ellison' }] },
    ]);
    expect(localArea.improvementBoard.planChanges.map((c: Json) => c.change)).toEqual(['ACTION_PLAN_LINE_ADDED', 'MEASURE_ADDED', 'AREA_OF_WEAKNESS_ADDED', 'WORKSTREAM_CREATED']);
    expect(localArea.improvementBoard.planChanges[0].changedByName).toBe('Mark Ellison');
  });

  it('refuses a non-member with FORBIDDEN and bad input naming the field, writing nothing', async () => {
    const letters = async () => (await analyst.data(`{ localArea(code: "${KENT}") { improvementBoard { workstreams(includeRetired: true) { letter } } } }`)).localArea.improvementBoard.workstreams.length;
    const before = await letters();
    const notMember = await kit.as({ sub: 'someone.else', role: 'CASEWORKER' }, null);
    const refused = await notMember.query(CREATE, { input: { localAreaCode: KENT, letter: 'G', title: 'x', description: 'x' } });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.createWorkstream' });
    const bad = await member.query(CREATE, { input: { localAreaCode: KENT, letter: 'g', title: 'x', description: ' ' } });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.letter' });
    expect((bad.errors![0]!.extensions!.fields as Json[]).map((p) => p.field)).toEqual(['letter', 'description']);
    expect(await letters()).toBe(before);
  });

  it("accepts for a waiting-time measure exactly the services the health service lists (nhsServices)", async () => {
    const { nhsServices } = await analyst.data('{ nhsServices { code } }');
    const { localArea } = await analyst.data(`{ localArea(code: "${KENT}") { improvementBoard { workstreams { id letter } } } }`);
    const e = localArea.improvementBoard.workstreams.find((w: Json) => w.letter === 'E');
    const refused = await member.query(ADD_MEASURE, { input: { workstreamId: e.id, kind: 'WAITING_52_WEEKS_OR_MORE', name: 'Waits', serviceCode: 'NOT_A_SERVICE' } });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.serviceCode' });
    const accepted = refused.errors![0]!.message.match(/one of ([A-Z_, ]+)/)![1]!.split(', ').map((code) => code.trim());
    expect(accepted.sort()).toEqual(nhsServices.map((s: Json) => s.code).sort());
  });
});
