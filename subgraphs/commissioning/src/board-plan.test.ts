import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSingleSubgraph, type SingleSubgraph, type TestClient } from '@local-area-graph/test-kit';
import { emptyDemoArea, type DemoArea } from '@local-area-graph/demo-data';
import { completeMonthsBefore, todayInEngland } from '@local-area-graph/identifiers';
import { commissioning } from './index.js';
import { seedCommissioning } from './seed.js';

// A board builds its own plan: workstreams, areas of weakness, measures and action-plan
// lines, each write one transaction with its history, every input problem named at once.

const uuid = (prefix: string, n: number) => `${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const KENT = 'E10000016';
const WS_C = uuid('1', 1);
const AOW_6 = uuid('2', 6);
const M_EHC = uuid('3', 1);
const LINE_C = uuid('4', 1);
const CHAIR = 'board.chair';
const { months } = completeMonthsBefore(todayInEngland(), 12);
const tomorrowish = '2099-12-31';

/** Kent's board (a chair), another area's member, and workstream C with weakness 6, a measure and one open line. */
function plan(): DemoArea {
  return {
    ...emptyDemoArea(),
    boardMembers: [
      { id: uuid('6', 1), localAreaCode: KENT, subject: CHAIR, name: 'Sarah Hammond', roleOnBoard: 'Chair' },
      { id: uuid('6', 2), localAreaCode: 'E06000001', subject: 'other.board', name: 'Someone Else', roleOnBoard: 'Chair of another area' },
    ],
    workstreams: [{ id: WS_C, localAreaCode: KENT, letter: 'C', title: 'Quality of EHC plans and timeliness', lead: 'Assistant Director, SEND' }],
    areasOfWeakness: [{ id: AOW_6, workstreamId: WS_C, number: 6, description: 'Too few assessments within 20 weeks.' }],
    measures: [{ id: M_EHC, workstreamId: WS_C, areaOfWeaknessId: AOW_6, name: 'EHC plans issued within 20 weeks', kind: 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS', serviceCode: null, sortOrder: 1 }],
    measureTargets: [],
    actionPlanLines: [
      { id: LINE_C, workstreamId: WS_C, areaOfWeaknessId: AOW_6, localityId: null, sortOrder: 1, recommendation: 'Weekly panel', how: 'Panel', who: 'Head of SEND', byWhen: '2027-03-31', impactMeasure: 'EHC plans issued within 20 weeks', rag: 'AMBER', commentary: 'Started.' },
    ],
    ragChanges: [],
  };
}

type Json = Record<string, unknown>;
const figure = (value: number) => ({ value, suppressed: false, symbol: null, rounded: false });
/** The owners' figures as the gateway hands them over: SALT under 18 weeks at 0.7 every month. */
const figures = (): Json => ({
  ehcTimelinessLast12Months: months.map((month) => ({ month, share: figure(0.5) })),
  waitingTimesLast12Months: [{ serviceCode: 'SALT', months: months.map((month) => ({ month, over52Weeks: figure(0), shareUnder18Weeks: figure(0.7) })) }],
  suspensionsLast12Months: months.map((month) => ({ month, ofPupilsWithSen: figure(3) })),
  supportFiguresLast12Months: months.map((month) => ({ month, shareAnsweredWithin2WorkingDays: figure(0.85) })),
});

const BOARD = `query($r: [_Any!]!, $retired: Boolean!, $closed: Boolean!) { _entities(representations: $r) {
  ... on LocalArea { improvementBoard { ...B } } ... on Locality { improvementBoard { ...B } } } }
  fragment B on ImprovementBoard {
    workstreams(includeRetired: $retired) { id letter title description lead version retiredAt
      areasOfWeakness(includeRetired: $retired) { id number description retiredAt }
      measures(includeRetired: $retired) { id name kind serviceCode retiredAt areaOfWeakness { number } current { value } target { value } rating }
      actionPlan(includeClosed: $closed) { id recommendation who byWhen impactMeasure rag commentary status closedAt closedReason closedByName version
        locality { id } areaOfWeakness { number } measuredBy { id name current { value } rating } ragHistory { fromRag toRag commentary changedByName } } }
    planChanges(last: 100) { change itemId summary reason changedByName changedAt } }`;

let subgraph: SingleSubgraph;
let chair: TestClient;
let analyst: TestClient;
let otherBoard: TestClient;
beforeAll(async () => {
  subgraph = await startSingleSubgraph(commissioning, (db) => seedCommissioning(db, plan()));
  chair = await subgraph.as({ sub: CHAIR, role: 'CASEWORKER' }, null);
  analyst = await subgraph.as({ sub: 'analyst', role: 'ANALYST' }, null);
  otherBoard = await subgraph.as({ sub: 'other.board', role: 'CASEWORKER' }, null);
});
afterAll(async () => subgraph?.stop());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Board = any;
async function board({ retired = false, closed = false, localityId = null as string | null } = {}): Promise<Board> {
  const representation = localityId === null ? { __typename: 'LocalArea', code: KENT, ...figures() } : { __typename: 'Locality', id: localityId, localArea: { code: KENT }, ...figures() };
  return (await analyst.data(BOARD, { r: [representation], retired, closed }))._entities[0].improvementBoard;
}
const letterOf = (b: Board, letter: string) => b.workstreams.find((w: Board) => w.letter === letter);
const fields = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => (result.errors![0]!.extensions!.fields as { field: string }[]).map((p) => p.field);
const TABLES = ['workstream', 'area_of_weakness', 'measure', 'action_plan_line', 'rag_change', 'measure_target', 'plan_change'];
async function counts(): Promise<Record<string, number>> {
  const [row] = await subgraph.database.dataSource.query(`SELECT ${TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`);
  return row;
}
/** Runs the refused writes and checks that none of them wrote anything. */
async function writesNothing(refused: () => Promise<void>): Promise<void> {
  const before = await counts();
  await refused();
  expect(await counts()).toEqual(before);
}

const CREATE = 'mutation($input: CreateWorkstreamInput!) { createWorkstream(input: $input) { id letter title description lead version retiredAt } }';
const UPDATE = 'mutation($input: UpdateWorkstreamInput!) { updateWorkstream(input: $input) { id title description lead version } }';
const RETIRE = 'mutation($input: RetireWorkstreamInput!) { retireWorkstream(input: $input) { id retiredAt } }';
const ADD_AOW = 'mutation($input: AddAreaOfWeaknessInput!) { addAreaOfWeakness(input: $input) { id number description retiredAt } }';
const RETIRE_AOW = 'mutation($input: RetireAreaOfWeaknessInput!) { retireAreaOfWeakness(input: $input) { id retiredAt } }';
const ADD_MEASURE = 'mutation($input: AddMeasureInput!) { addMeasure(input: $input) { id name kind serviceCode unit owner retiredAt areaOfWeakness { number } } }';
const RETIRE_MEASURE = 'mutation($input: RetireMeasureInput!) { retireMeasure(input: $input) { id retiredAt } }';
const SET_TARGET = 'mutation($input: SetMeasureTargetInput!) { setMeasureTarget(input: $input) { id } }';
const ADD_LINE = `mutation($input: AddActionPlanLineInput!) { addActionPlanLine(input: $input) {
  id recommendation impactMeasure rag commentary status version updatedByName locality { id } ragHistory { fromRag toRag commentary changedByName } } }`;
const CLOSE_LINE = 'mutation($input: CloseActionPlanLineInput!) { closeActionPlanLine(input: $input) { id status closedAt closedReason closedByName version } }';
const PROGRESS = 'mutation($input: UpdateActionPlanProgressInput!) { updateActionPlanProgress(input: $input) { id } }';

const F = { localAreaCode: KENT, letter: 'F', title: 'Preparing for adulthood', description: 'Young people with SEND move into adult life with work, a home and friends.' };
let wsF: string;
let aow10: string;
let saltMeasure: string;
let lineF: string;

describe('workstreams', () => {
  it('refuses a caller who is neither ADMIN nor on the area\'s board, and writes nothing', async () => {
    await writesNothing(async () => {
      for (const client of [analyst, otherBoard]) {
        const { errors } = await client.query(CREATE, { input: F });
        expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.createWorkstream' });
      }
    });
  });

  it('reports every problem with a new workstream at once, naming each field, and writes nothing', async () => {
    await writesNothing(async () => {
      const bad = await chair.query(CREATE, { input: { localAreaCode: KENT, letter: 'f1', title: ' ', description: 'x'.repeat(2001), lead: '  ' } });
      expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.letter' });
      expect(fields(bad)).toEqual(['letter', 'title', 'description', 'lead']);
      const taken = await chair.query(CREATE, { input: { ...F, letter: 'C' } });
      expect(taken.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.letter' });
      const badArea = await chair.query(CREATE, { input: { ...F, localAreaCode: 'Kent' } });
      expect(badArea.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    });
  });

  it("a board member creates one: in letter order on the board, no lead until named, in the plan's history", async () => {
    const created = (await chair.data(CREATE, { input: { ...F, title: '  Preparing for adulthood ' } })).createWorkstream;
    expect(created).toMatchObject({ letter: 'F', title: 'Preparing for adulthood', description: F.description, lead: null, version: 1, retiredAt: null });
    wsF = created.id;
    const shown = await board();
    expect(shown.workstreams.map((w: Board) => w.letter)).toEqual(['C', 'F']);
    expect(letterOf(shown, 'F')).toMatchObject({ areasOfWeakness: [], measures: [], actionPlan: [] });
    expect(shown.planChanges[0]).toMatchObject({ change: 'WORKSTREAM_CREATED', itemId: wsF, summary: 'Workstream F: Preparing for adulthood', reason: null, changedByName: 'Sarah Hammond' });
    const [row] = await subgraph.database.dataSource.query('SELECT changed_by FROM plan_change WHERE item_id = $1', [wsF]);
    expect(row.changed_by).toBe(CHAIR);
    // ADMIN may start one for an area with no board yet.
    const admin = await subgraph.as({ sub: 'platform.admin', name: 'Pat Admin', role: 'ADMIN' }, null);
    expect((await admin.data(CREATE, { input: { ...F, localAreaCode: 'E06000001', lead: 'Director' } })).createWorkstream).toMatchObject({ letter: 'F', lead: 'Director' });
  });

  it('updates title, description and lead on the version read; a stale version is CONFLICT; bad input names the field', async () => {
    await writesNothing(async () => {
      const bad = await chair.query(UPDATE, { input: { workstreamId: 'nope', title: '', expectedVersion: 0 } });
      expect(fields(bad)).toEqual(['workstreamId', 'title', 'expectedVersion']);
      const nothing = await chair.query(UPDATE, { input: { workstreamId: wsF, expectedVersion: 1 } });
      expect(nothing.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.workstreamId' });
      const stale = await chair.query(UPDATE, { input: { workstreamId: wsF, lead: 'Head of 14 to 25', expectedVersion: 7 } });
      expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.expectedVersion', currentVersion: 1 });
      const unknown = await chair.query(UPDATE, { input: { workstreamId: uuid('9', 9), lead: 'x', expectedVersion: 1 } });
      expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'input.workstreamId' });
      const forbidden = await otherBoard.query(UPDATE, { input: { workstreamId: wsF, lead: 'x', expectedVersion: 1 } });
      expect(forbidden.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.updateWorkstream' });
    });
    const named = (await chair.data(UPDATE, { input: { workstreamId: wsF, lead: 'Head of 14 to 25', expectedVersion: 1 } })).updateWorkstream;
    expect(named).toMatchObject({ title: 'Preparing for adulthood', lead: 'Head of 14 to 25', version: 2 });
    const retitled = (await chair.data(UPDATE, { input: { workstreamId: wsF, title: 'Preparation for adulthood', lead: null, expectedVersion: 2 } })).updateWorkstream;
    expect(retitled).toMatchObject({ title: 'Preparation for adulthood', description: F.description, lead: null, version: 3 });
    expect((await board()).planChanges[0]).toMatchObject({ change: 'WORKSTREAM_UPDATED', summary: 'Workstream F: title was "Preparing for adulthood"; lead was "Head of 14 to 25"' });
  });
});

describe('areas of weakness and measures', () => {
  it('adds an area of weakness by its number in the findings, unique across the area; bad input and strangers write nothing', async () => {
    await writesNothing(async () => {
      const bad = await chair.query(ADD_AOW, { input: { workstreamId: wsF, number: 0, description: ' ' } });
      expect(fields(bad)).toEqual(['number', 'description']);
      const taken = await chair.query(ADD_AOW, { input: { workstreamId: wsF, number: 6, description: 'Again' } });
      expect(taken.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.number' });
      expect(taken.errors![0]!.message).toContain('under workstream C');
      const forbidden = await analyst.query(ADD_AOW, { input: { workstreamId: wsF, number: 10, description: 'x' } });
      expect(forbidden.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.addAreaOfWeakness' });
    });
    const added = (await chair.data(ADD_AOW, { input: { workstreamId: wsF, number: 10, description: 'Too few young people with an EHC plan move on to work or study.' } })).addAreaOfWeakness;
    expect(added).toMatchObject({ number: 10, retiredAt: null });
    aow10 = added.id;
    expect(letterOf(await board(), 'F').areasOfWeakness).toEqual([{ id: aow10, number: 10, description: added.description, retiredAt: null }]);
  });

  it("adds a measure bound to a figure that exists: a waiting-time kind names one of the health service's services, no other kind names one", async () => {
    await writesNothing(async () => {
      const noService = await chair.query(ADD_MEASURE, { input: { workstreamId: wsF, kind: 'WAITING_UNDER_18_WEEKS', name: ' ' } });
      expect(fields(noService)).toEqual(['name', 'serviceCode']);
      expect(noService.errors![0]!.message).toContain('CAMHS, SALT');
      const unknown = await chair.query(ADD_MEASURE, { input: { workstreamId: wsF, kind: 'WAITING_52_WEEKS_OR_MORE', name: 'X-ray waits', serviceCode: 'XRAY' } });
      expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.serviceCode' });
      const extra = await chair.query(ADD_MEASURE, { input: { workstreamId: wsF, kind: 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS', name: 'EHC', serviceCode: 'CAMHS' } });
      expect(extra.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.serviceCode' });
      const badKind = await chair.query(ADD_MEASURE, { input: { workstreamId: wsF, kind: 'SOMETHING_ELSE', name: 'x' } });
      expect(badKind.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      // Weakness 6 is workstream C's, not F's.
      const elsewhere = await chair.query(ADD_MEASURE, { input: { workstreamId: wsF, areaOfWeaknessId: AOW_6, kind: 'WAITING_UNDER_18_WEEKS', name: 'SALT', serviceCode: 'SALT' } });
      expect(elsewhere.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.areaOfWeaknessId' });
      const forbidden = await otherBoard.query(ADD_MEASURE, { input: { workstreamId: wsF, kind: 'WAITING_UNDER_18_WEEKS', name: 'SALT', serviceCode: 'SALT' } });
      expect(forbidden.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.addMeasure' });
    });
    const input = { workstreamId: wsF, areaOfWeaknessId: aow10, kind: 'WAITING_UNDER_18_WEEKS', name: 'Waiting under 18 weeks for speech and language therapy', serviceCode: 'SALT' };
    const added = (await chair.data(ADD_MEASURE, { input })).addMeasure;
    expect(added).toMatchObject({ kind: 'WAITING_UNDER_18_WEEKS', serviceCode: 'SALT', unit: 'SHARE', owner: 'health', retiredAt: null, areaOfWeakness: { number: 10 } });
    saltMeasure = added.id;
    // Shown at once, on the owner's figure, not rated until the board sets a target.
    expect(letterOf(await board(), 'F').measures[0]).toMatchObject({ id: saltMeasure, current: { value: 0.7 }, target: null, rating: 'NOT_RATED' });
    await chair.data(SET_TARGET, { input: { measureId: saltMeasure, value: 0.8, amberThreshold: 0.6, direction: 'HIGHER_IS_BETTER', byDate: tomorrowish, reason: 'Halve the long waits' } });
    expect(letterOf(await board(), 'F').measures[0]).toMatchObject({ target: { value: 0.8 }, rating: 'AMBER' });
  });
});

describe('action-plan lines', () => {
  const line = (over: Json = {}) => ({
    workstreamId: wsF, areaOfWeaknessId: aow10, localityId: 'dartford', recommendation: 'Supported internships in every district', how: 'With the FE colleges and employers',
    who: 'Head of 14 to 25', byWhen: tomorrowish, impactMeasureId: saltMeasure, rag: 'AMBER', commentary: 'Two colleges signed up.', ...over,
  });

  it('reports every problem at once, refuses strangers, and writes nothing', async () => {
    await writesNothing(async () => {
      const bad = await chair.query(ADD_LINE, {
        input: line({ localityId: 'Dartford!', recommendation: ' ', who: 'x'.repeat(201), byWhen: '2020-01-01', impactMeasureId: null, impactMeasure: null, commentary: '' }),
      });
      expect(fields(bad)).toEqual(['localityId', 'recommendation', 'who', 'byWhen', 'impactMeasure', 'commentary']);
      const noMeasure = await chair.query(ADD_LINE, { input: line({ impactMeasureId: uuid('9', 9), areaOfWeaknessId: AOW_6 }) });
      expect(fields(noMeasure)).toEqual(['areaOfWeaknessId', 'impactMeasureId']);
      const badRag = await chair.query(ADD_LINE, { input: line({ rag: 'PURPLE' }) });
      expect(badRag.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      const unknown = await chair.query(ADD_LINE, { input: line({ workstreamId: uuid('9', 9) }) });
      expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'input.workstreamId' });
      const forbidden = await otherBoard.query(ADD_LINE, { input: line() });
      expect(forbidden.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.addActionPlanLine' });
    });
  });

  it('is written whole or not at all: when its history cannot be kept, neither the line nor its first rating is written', async () => {
    const db = subgraph.database.dataSource;
    await db.query(`CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
      CREATE TRIGGER test_refuse BEFORE INSERT ON plan_change FOR EACH ROW EXECUTE FUNCTION test_refuse();`);
    try {
      await writesNothing(async () => {
        const { errors } = await chair.query(ADD_LINE, { input: line() });
        expect(errors).toHaveLength(1);
      });
    } finally {
      await db.query('DROP TRIGGER test_refuse ON plan_change; DROP FUNCTION test_refuse();');
    }
  });

  it("a board member adds one, with its first rating as the first entry of its history, its impact measure rated on the board", async () => {
    const added = (await chair.data(ADD_LINE, { input: line() })).addActionPlanLine;
    expect(added).toMatchObject({
      impactMeasure: 'Waiting under 18 weeks for speech and language therapy', rag: 'AMBER', commentary: 'Two colleges signed up.', status: 'OPEN', version: 1,
      updatedByName: 'Sarah Hammond', locality: { id: 'dartford' }, ragHistory: [{ fromRag: null, toRag: 'AMBER', commentary: 'Two colleges signed up.', changedByName: 'Sarah Hammond' }],
    });
    lineF = added.id;
    const shown = letterOf(await board({ localityId: 'dartford' }), 'F').actionPlan;
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ id: lineF, areaOfWeakness: { number: 10 }, measuredBy: { id: saltMeasure, current: { value: 0.7 }, rating: 'AMBER' } });
    // Another locality's board does not show dartford's own line.
    expect(letterOf(await board({ localityId: 'swale' }), 'F').actionPlan).toEqual([]);
    // In words only, for the whole area.
    const words = (await chair.data(ADD_LINE, { input: line({ localityId: null, impactMeasureId: null, impactMeasure: 'Destinations survey' }) })).addActionPlanLine;
    expect(words).toMatchObject({ impactMeasure: 'Destinations survey', locality: null });
    await chair.data(CLOSE_LINE, { input: { lineId: words.id, closedAs: 'DROPPED', reason: 'Merged into the internships line.', expectedVersion: 1 } });
  });

  it('a workstream with an open line cannot be retired: CONFLICT, nothing written', async () => {
    await writesNothing(async () => {
      const { errors } = await chair.query(RETIRE, { input: { workstreamId: wsF, reason: 'Merged into B' } });
      expect(errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.workstreamId' });
      expect(errors![0]!.message).toBe('Workstream F has 1 open action-plan line: complete or drop it first.');
    });
  });

  it('closes a line completed or dropped, with why, on the version read; it is then shown only when asked for', async () => {
    await writesNothing(async () => {
      const bad = await chair.query(CLOSE_LINE, { input: { lineId: 'x', closedAs: 'COMPLETED', reason: ' ', expectedVersion: 0 } });
      expect(fields(bad)).toEqual(['lineId', 'reason', 'expectedVersion']);
      const stale = await chair.query(CLOSE_LINE, { input: { lineId: lineF, closedAs: 'COMPLETED', reason: 'Done', expectedVersion: 3 } });
      expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.expectedVersion', currentVersion: 1 });
      const open = await chair.query(CLOSE_LINE, { input: { lineId: lineF, closedAs: 'OPEN', reason: 'Done', expectedVersion: 1 } });
      expect(open.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      const forbidden = await analyst.query(CLOSE_LINE, { input: { lineId: lineF, closedAs: 'COMPLETED', reason: 'Done', expectedVersion: 1 } });
      expect(forbidden.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.closeActionPlanLine' });
    });
    const closed = (await chair.data(CLOSE_LINE, { input: { lineId: lineF, closedAs: 'COMPLETED', reason: ' Every district has internships. ', expectedVersion: 1 } })).closeActionPlanLine;
    expect(closed).toMatchObject({ status: 'COMPLETED', closedReason: 'Every district has internships.', closedByName: 'Sarah Hammond', version: 2 });
    expect(closed.closedAt).not.toBeNull();
    await writesNothing(async () => {
      const again = await chair.query(CLOSE_LINE, { input: { lineId: lineF, closedAs: 'DROPPED', reason: 'x', expectedVersion: 2 } });
      expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.lineId' });
      const rated = await chair.query(PROGRESS, { input: { lineId: lineF, rag: 'GREEN', commentary: 'x', expectedVersion: 2 } });
      expect(rated.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.lineId' });
    });
    expect(letterOf(await board(), 'F').actionPlan).toEqual([]);
    const all = letterOf(await board({ closed: true }), 'F').actionPlan;
    expect(all.map((l: Board) => l.status)).toEqual(['COMPLETED', 'DROPPED']);
    expect((await board()).planChanges.slice(0, 2)).toMatchObject([
      { change: 'ACTION_PLAN_LINE_CLOSED', itemId: lineF, reason: 'Every district has internships.' },
      { change: 'ACTION_PLAN_LINE_CLOSED', reason: 'Merged into the internships line.' },
    ]);
  });
});

describe('retiring', () => {
  it('an area of weakness a current measure tracks cannot be retired; once the measure is retired it can, and both are kept', async () => {
    await writesNothing(async () => {
      const tracked = await chair.query(RETIRE_AOW, { input: { areaOfWeaknessId: aow10, reason: 'Resolved' } });
      expect(tracked.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.areaOfWeaknessId' });
      expect(tracked.errors![0]!.message).toContain('0 open action-plan line(s) and 1 current measure(s)');
      const bad = await chair.query(RETIRE_MEASURE, { input: { measureId: 'x', reason: '' } });
      expect(fields(bad)).toEqual(['measureId', 'reason']);
      const forbidden = await otherBoard.query(RETIRE_MEASURE, { input: { measureId: saltMeasure, reason: 'Resolved' } });
      expect(forbidden.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.retireMeasure' });
    });
    expect((await chair.data(RETIRE_MEASURE, { input: { measureId: saltMeasure, reason: 'Therapy waits moved to workstream E' } })).retireMeasure.retiredAt).not.toBeNull();
    await writesNothing(async () => {
      const twice = await chair.query(RETIRE_MEASURE, { input: { measureId: saltMeasure, reason: 'Again' } });
      expect(twice.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.measureId' });
      const target = await chair.query(SET_TARGET, { input: { measureId: saltMeasure, value: 0.9, amberThreshold: 0.8, direction: 'HIGHER_IS_BETTER', byDate: tomorrowish, reason: 'x' } });
      expect(target.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.measureId' });
      const forbidden = await analyst.query(RETIRE_AOW, { input: { areaOfWeaknessId: aow10, reason: 'Resolved' } });
      expect(forbidden.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.retireAreaOfWeakness' });
    });
    await chair.data(RETIRE_AOW, { input: { areaOfWeaknessId: aow10, reason: 'The re-inspection found it resolved' } });
    const current = letterOf(await board(), 'F');
    expect(current).toMatchObject({ areasOfWeakness: [], measures: [] });
    const kept = letterOf(await board({ retired: true }), 'F');
    expect(kept.areasOfWeakness).toMatchObject([{ id: aow10, number: 10 }]);
    expect(kept.areasOfWeakness[0].retiredAt).not.toBeNull();
    expect(kept.measures).toMatchObject([{ id: saltMeasure, target: { value: 0.8 } }]);
    // The number may be used again once the old one is retired.
    expect((await chair.data(ADD_AOW, { input: { workstreamId: wsF, number: 10, description: 'Reworded' } })).addAreaOfWeakness.number).toBe(10);
  });

  it('a workstream with every line closed is retired: kept for the history, off the board, nothing more under it, its letter free again', async () => {
    await writesNothing(async () => {
      const blank = await chair.query(RETIRE, { input: { workstreamId: wsF, reason: '  ' } });
      expect(blank.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
      const forbidden = await otherBoard.query(RETIRE, { input: { workstreamId: wsF, reason: 'Merged' } });
      expect(forbidden.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.retireWorkstream' });
    });
    expect((await chair.data(RETIRE, { input: { workstreamId: wsF, reason: 'Merged into workstream B' } })).retireWorkstream.retiredAt).not.toBeNull();
    expect((await board()).workstreams.map((w: Board) => w.letter)).toEqual(['C']);
    const all = await board({ retired: true, closed: true });
    expect(all.workstreams.map((w: Board) => [w.letter, w.retiredAt === null])).toEqual([['C', true], ['F', false]]);
    expect(letterOf(all, 'F').actionPlan).toHaveLength(2);
    expect(all.planChanges[0]).toMatchObject({ change: 'WORKSTREAM_RETIRED', itemId: wsF, reason: 'Merged into workstream B', changedByName: 'Sarah Hammond' });
    await writesNothing(async () => {
      const under = await chair.query(ADD_MEASURE, { input: { workstreamId: wsF, kind: 'SUSPENSIONS_OF_PUPILS_WITH_SEN', name: 'Suspensions' } });
      expect(under.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.workstreamId' });
      const updated = await chair.query(UPDATE, { input: { workstreamId: wsF, lead: 'x', expectedVersion: 3 } });
      expect(updated.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.workstreamId' });
    });
    const again = (await chair.data(CREATE, { input: F })).createWorkstream;
    expect(again.id).not.toBe(wsF);
    expect((await board()).workstreams.map((w: Board) => w.letter)).toEqual(['C', 'F']);
  });

  it("keeps the plan's history: the database refuses to change or delete it", async () => {
    const db = subgraph.database.dataSource;
    await expect(db.query("UPDATE plan_change SET reason = 'rewritten'")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM plan_change')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE plan_change')).rejects.toThrow(/append-only/);
  });

  it('refuses a planChanges page outside 1 to 100, naming the argument', async () => {
    const { errors } = await analyst.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on LocalArea { improvementBoard { planChanges(last: 0) { summary } } } } }`, {
      r: [{ __typename: 'LocalArea', code: KENT, ...figures() }],
    });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'last' });
  });
});
