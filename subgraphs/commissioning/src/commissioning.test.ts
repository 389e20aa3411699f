import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSingleSubgraph, type SingleSubgraph, type TestClient } from '@local-area-graph/test-kit';
import { emptyDemoArea, type DemoArea } from '@local-area-graph/demo-data';
import { completeMonthsBefore, todayInEngland } from '@local-area-graph/identifiers';
import { commissioning } from './index.js';
import { isCommissioningEmpty, seedCommissioning } from './seed.js';
import { LocalityResponseMeasure1765000000000 } from './migrations/1765000000000-LocalityResponseMeasure.js';

const uuid = (prefix: string, n: number) => `${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const KENT = 'E10000016';
const WS_C = uuid('1', 1);
const WS_E = uuid('1', 2);
const WS_B = uuid('1', 3);
const M_EHC = uuid('3', 1);
const M_CAMHS = uuid('3', 2);
const M_SALT = uuid('3', 3);
const M_RESPONSE = uuid('3', 4);
const LINE_AREA = uuid('4', 1);
const LINE_DARTFORD = uuid('4', 2);
const LINE_SWALE = uuid('4', 3);
const CHAIR = 'board.chair';
const { months } = completeMonthsBefore(todayInEngland(), 12);

/**
 * Three workstreams of a plan for Kent: B with the 2-working-day locality response
 * (area target 0.9, amber from 0.8, higher is better; dartford's own 0.8, amber from
 * 0.7), C with the 20-week measure (area target 0.6, amber from 0.45, higher is
 * better) and E with CAMHS 52-week waits (area target 10, amber to 25, lower is
 * better; dartford's own 2, amber to 4) and SALT under 18 weeks (no target). Three
 * action-plan lines under C: one for the area, one each for dartford and swale; the
 * area's has been rated twice.
 */
function plan(): DemoArea {
  const target = (n: number, measureId: string, localityId: string | null, value: number, amberThreshold: number, direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER') => ({
    id: uuid('5', n), measureId, localityId, value, amberThreshold, direction, byDate: '2027-03-31', reason: 'Agreed by the board', setBy: CHAIR, setByName: 'Sarah Hammond', setAt: '2026-06-01T10:00:00.000Z',
  });
  const line = (id: string, workstreamId: string, localityId: string | null, sortOrder: number, rag: 'RED' | 'AMBER' | 'GREEN') => ({
    id, workstreamId, areaOfWeaknessId: uuid('2', 6), localityId, sortOrder, recommendation: `Line ${sortOrder}`, how: 'Weekly panel', who: 'Head of SEND assessment', byWhen: '2027-03-31', impactMeasure: 'EHC plans issued within 20 weeks', rag, commentary: 'Started.',
  });
  return {
    ...emptyDemoArea(),
    boardMembers: [
      { id: uuid('6', 1), localAreaCode: KENT, subject: CHAIR, name: 'Sarah Hammond', roleOnBoard: 'Chair' },
      { id: uuid('6', 2), localAreaCode: KENT, subject: 'board.health', name: 'Dr Priya Raman', roleOnBoard: 'Designated Clinical Officer' },
      { id: uuid('6', 3), localAreaCode: 'E06000001', subject: 'other.board', name: 'Someone Else', roleOnBoard: 'Chair of another area' },
    ],
    workstreams: [
      { id: WS_B, localAreaCode: KENT, letter: 'B', title: 'Inclusive practice and outcomes', lead: 'Director of Education' },
      { id: WS_C, localAreaCode: KENT, letter: 'C', title: 'Quality of EHC plans and timeliness', lead: 'Assistant Director, SEND' },
      { id: WS_E, localAreaCode: KENT, letter: 'E', title: 'Service provision: waiting times', lead: 'Designated Clinical Officer' },
    ],
    areasOfWeakness: [
      { id: uuid('2', 3), workstreamId: WS_B, number: 3, description: 'Too many children with SEND are suspended.' },
      { id: uuid('2', 6), workstreamId: WS_C, number: 6, description: 'Too few assessments within 20 weeks.' },
    ],
    measures: [
      { id: M_EHC, workstreamId: WS_C, areaOfWeaknessId: uuid('2', 6), name: 'EHC plans issued within 20 weeks', kind: 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS', serviceCode: null, sortOrder: 1 },
      { id: M_CAMHS, workstreamId: WS_E, areaOfWeaknessId: null, name: 'Waiting 52 weeks or more for CAMHS', kind: 'WAITING_52_WEEKS_OR_MORE', serviceCode: 'CAMHS', sortOrder: 1 },
      { id: M_SALT, workstreamId: WS_E, areaOfWeaknessId: null, name: 'Waiting under 18 weeks for SALT', kind: 'WAITING_UNDER_18_WEEKS', serviceCode: 'SALT', sortOrder: 2 },
      { id: M_RESPONSE, workstreamId: WS_B, areaOfWeaknessId: uuid('2', 3), name: 'Requests for locality support answered within 2 working days', kind: 'LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS', serviceCode: null, sortOrder: 1 },
    ],
    measureTargets: [
      target(1, M_EHC, null, 0.6, 0.45, 'HIGHER_IS_BETTER'),
      target(2, M_CAMHS, null, 10, 25, 'LOWER_IS_BETTER'),
      target(3, M_CAMHS, 'dartford', 2, 4, 'LOWER_IS_BETTER'),
      target(4, M_RESPONSE, null, 0.9, 0.8, 'HIGHER_IS_BETTER'),
      target(5, M_RESPONSE, 'dartford', 0.8, 0.7, 'HIGHER_IS_BETTER'),
    ],
    actionPlanLines: [line(LINE_AREA, WS_C, null, 1, 'AMBER'), line(LINE_DARTFORD, WS_C, 'dartford', 2, 'GREEN'), line(LINE_SWALE, WS_C, 'swale', 3, 'RED')],
    ragChanges: [
      { id: uuid('7', 1), lineId: LINE_AREA, fromRag: null, toRag: 'RED', commentary: 'Backlog growing.', changedBy: CHAIR, changedByName: 'Sarah Hammond', changedAt: '2026-03-01T10:00:00.000Z' },
      { id: uuid('7', 2), lineId: LINE_AREA, fromRag: 'RED', toRag: 'AMBER', commentary: 'Started.', changedBy: 'board.health', changedByName: 'Dr Priya Raman', changedAt: '2026-06-01T10:00:00.000Z' },
    ],
  };
}

type Json = Record<string, unknown>;
const figure = (value: number | null, extra: Json = {}) => ({ value, suppressed: false, symbol: value === null ? 'NOT_APPLICABLE' : null, rounded: false, ...extra });
const WITHHELD = { value: null, suppressed: true, symbol: 'CONFIDENTIAL', rounded: false };

/** The owners' figures as the gateway would hand them over: 12 months, the latest given. */
function figures(latest: { ehc?: Json; camhs?: Json; salt?: Json; suspensions?: Json; response?: Json } = {}): Json {
  const series = <T>(last: T | undefined, other: T) => months.map((month, i) => ({ month, value: i === 11 && last !== undefined ? last : other }));
  return {
    ehcTimelinessLast12Months: series(latest.ehc, figure(0.5)).map(({ month, value }) => ({ month, share: value })),
    waitingTimesLast12Months: [
      { serviceCode: 'CAMHS', months: series(latest.camhs, figure(20, { rounded: true })).map(({ month, value }) => ({ month, over52Weeks: value, shareUnder18Weeks: figure(0.5) })) },
      { serviceCode: 'SALT', months: series(latest.salt, figure(0.8)).map(({ month, value }) => ({ month, over52Weeks: figure(0), shareUnder18Weeks: value })) },
    ],
    suspensionsLast12Months: series(latest.suspensions, figure(3)).map(({ month, value }) => ({ month, ofPupilsWithSen: value })),
    supportFiguresLast12Months: series(latest.response, figure(0.85)).map(({ month, value }) => ({ month, shareAnsweredWithin2WorkingDays: value })),
  };
}
const area = (latest: Parameters<typeof figures>[0] = {}) => ({ __typename: 'LocalArea', code: KENT, ...figures(latest) });
const locality = (id: string, latest: Parameters<typeof figures>[0] = {}) => ({ __typename: 'Locality', id, localArea: { code: KENT }, ...figures(latest) });

const BOARD = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on LocalArea { improvementBoard { ...B } }
  ... on Locality { id improvementBoard { ...B } } } }
  fragment B on ImprovementBoard { asOf months members { name roleOnBoard }
    workstreams { letter title areasOfWeakness { number }
      measures { id name kind serviceCode unit owner figure current { month value suppressed symbol rounded } target { value amberThreshold direction locality { id } }
        rating notRatedBecause trend { month value suppressed } targetHistory { value setByName } }
      actionPlan { id recommendation rag version locality { id } ragHistory { fromRag toRag commentary changedByName } } } }`;

let subgraph: SingleSubgraph;
let chair: TestClient;
beforeAll(async () => {
  subgraph = await startSingleSubgraph(commissioning, async (db) => {
    expect(await isCommissioningEmpty(db)).toBe(true);
    await seedCommissioning(db, plan());
  });
  chair = await subgraph.as({ sub: CHAIR, role: 'CASEWORKER' }, null);
});
afterAll(async () => subgraph?.stop());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Board = any;
async function boards(...representations: Json[]): Promise<Board[]> {
  const analyst = await subgraph.as({ sub: 'analyst', role: 'ANALYST' }, null);
  const data = await analyst.data(BOARD, { r: representations });
  return data._entities.map((e: Board) => e.improvementBoard);
}
const measure = (board: Board, id: string) => board.workstreams.flatMap((w: Board) => w.measures).find((m: Board) => m.id === id);
const workstream = (board: Board, letter: string) => board.workstreams.find((w: Board) => w.letter === letter);

describe("the board's view", () => {
  it('seeds into an empty database and then reports it is not empty', async () => {
    expect(await isCommissioningEmpty(subgraph.database.dataSource)).toBe(false);
  });

  it("shows the area's workstreams, measures with their owner's figures month by month, targets, action plans and RAG history, to any role", async () => {
    const [board] = await boards(area({ ehc: figure(0.6) }));
    expect(board.asOf).toBe(todayInEngland());
    expect(board.months).toEqual(months);
    // Appointed together: by name.
    expect(board.members).toEqual([{ name: 'Dr Priya Raman', roleOnBoard: 'Designated Clinical Officer' }, { name: 'Sarah Hammond', roleOnBoard: 'Chair' }]);
    expect(board.workstreams.map((w: Board) => w.letter)).toEqual(['B', 'C', 'E']);
    const ehc = measure(board, M_EHC);
    expect(ehc).toMatchObject({
      kind: 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS', unit: 'SHARE', owner: 'send', figure: 'ehcTimeliness(from, to) { share }',
      current: { month: months[11], value: 0.6, suppressed: false, symbol: null, rounded: false },
      target: { value: 0.6, amberThreshold: 0.45, direction: 'HIGHER_IS_BETTER', locality: null },
      rating: 'GREEN', notRatedBecause: null,
      targetHistory: [{ value: 0.6, setByName: 'Sarah Hammond' }],
    });
    expect(ehc.trend).toHaveLength(12);
    expect(ehc.trend[0]).toEqual({ month: months[0], value: 0.5, suppressed: false });
    const camhs = measure(board, M_CAMHS);
    expect(camhs).toMatchObject({ unit: 'COUNT', owner: 'health', serviceCode: 'CAMHS', current: { value: 20, rounded: true }, rating: 'AMBER' });
    expect(measure(board, M_SALT)).toMatchObject({ rating: 'NOT_RATED', notRatedBecause: 'NO_TARGET', target: null, current: { value: 0.8 } });
    const lines = workstream(board, 'C').actionPlan;
    expect(lines.map((l: Board) => [l.recommendation, l.locality?.id ?? null])).toEqual([['Line 1', null], ['Line 2', 'dartford'], ['Line 3', 'swale']]);
    expect(lines[0].ragHistory).toEqual([
      { fromRag: null, toRag: 'RED', commentary: 'Backlog growing.', changedByName: 'Sarah Hammond' },
      { fromRag: 'RED', toRag: 'AMBER', commentary: 'Started.', changedByName: 'Dr Priya Raman' },
    ]);
  });

  it('rates at the boundaries: at the target green, at the amber threshold amber, just past it red', async () => {
    const ehc = [0.61, 0.6, 0.5999, 0.45, 0.4499];
    const camhs = [0, 10, 11, 25, 26];
    const results = await boards(...ehc.map((value, i) => area({ ehc: figure(value), camhs: figure(camhs[i]!) })));
    expect(results.map((b) => measure(b, M_EHC).rating)).toEqual(['GREEN', 'GREEN', 'AMBER', 'AMBER', 'RED']);
    expect(results.map((b) => measure(b, M_CAMHS).rating)).toEqual(['GREEN', 'GREEN', 'AMBER', 'AMBER', 'RED']);
  });

  it('never rates a withheld figure, nor one that did not come, and never shows either as 0', async () => {
    const [withheld, forged, missing] = await boards(
      area({ ehc: WITHHELD, camhs: WITHHELD }),
      // A representation claiming a value beside "suppressed" is withheld all the same.
      area({ ehc: { value: 0.9, suppressed: true, symbol: 'CONFIDENTIAL', rounded: false } }),
      { __typename: 'LocalArea', code: KENT },
    );
    expect(measure(withheld, M_EHC)).toMatchObject({ current: { value: null, suppressed: true, symbol: 'CONFIDENTIAL' }, rating: 'NOT_RATED', notRatedBecause: 'FIGURE_WITHHELD' });
    expect(measure(withheld, M_CAMHS)).toMatchObject({ current: { value: null, suppressed: true }, rating: 'NOT_RATED', notRatedBecause: 'FIGURE_WITHHELD' });
    expect(measure(forged, M_EHC)).toMatchObject({ current: { value: null, suppressed: true }, rating: 'NOT_RATED' });
    expect(measure(missing, M_EHC)).toMatchObject({ current: { month: months[11], value: null, suppressed: false, symbol: 'NOT_AVAILABLE' }, trend: [], rating: 'NOT_RATED', notRatedBecause: 'FIGURE_NOT_AVAILABLE' });
    // No plans issued in the month: a share over nobody is not applicable, so not rated.
    const [none] = await boards(area({ ehc: figure(null) }));
    expect(measure(none, M_EHC)).toMatchObject({ current: { value: null, symbol: 'NOT_APPLICABLE' }, notRatedBecause: 'FIGURE_NOT_AVAILABLE' });
  });

  it("rates a locality on its own figures: a count against its own target only, a share against the area's when it has none", async () => {
    const [dartford, swale] = await boards(locality('dartford', { ehc: figure(0.5), camhs: figure(3) }), locality('swale', { ehc: figure(0.7), camhs: figure(0) }));
    expect(measure(dartford, M_CAMHS)).toMatchObject({ target: { value: 2, locality: { id: 'dartford' } }, rating: 'AMBER', targetHistory: [{ value: 2 }] });
    expect(measure(swale, M_CAMHS)).toMatchObject({ target: null, rating: 'NOT_RATED', notRatedBecause: 'NO_TARGET', current: { value: 0 }, targetHistory: [] });
    expect(measure(dartford, M_EHC)).toMatchObject({ target: { value: 0.6, locality: null }, rating: 'AMBER' });
    expect(measure(swale, M_EHC)).toMatchObject({ rating: 'GREEN' });
    // The area's lines and the locality's own.
    expect(workstream(dartford, 'C').actionPlan.map((l: Board) => l.recommendation)).toEqual(['Line 1', 'Line 2']);
    expect(workstream(swale, 'C').actionPlan.map((l: Board) => l.recommendation)).toEqual(['Line 1', 'Line 3']);
  });

  describe('the 2-working-day locality response (the localities service\'s figure)', () => {
    it("is a share the localities service owns, read from its support figures month by month as published", async () => {
      const [board] = await boards(area({ response: figure(0.93) }));
      const response = measure(board, M_RESPONSE);
      expect(workstream(board, 'B').measures.map((m: Board) => m.id)).toEqual([M_RESPONSE]);
      expect(response).toMatchObject({
        kind: 'LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS', unit: 'SHARE', owner: 'localities', figure: 'supportFigures(from, to) { shareAnsweredWithin2WorkingDays }', serviceCode: null,
        current: { month: months[11], value: 0.93, suppressed: false, symbol: null, rounded: false },
        target: { value: 0.9, amberThreshold: 0.8, direction: 'HIGHER_IS_BETTER', locality: null },
        rating: 'GREEN', notRatedBecause: null,
      });
      expect(response.trend).toHaveLength(12);
      expect(response.trend[0]).toEqual({ month: months[0], value: 0.85, suppressed: false });
    });

    it('rates at the boundaries: at 90% green, just short amber, at the 80% threshold amber, just past it red', async () => {
      const shares = [0.91, 0.9, 0.8999, 0.8, 0.7999, 0];
      const results = await boards(...shares.map((value) => area({ response: figure(value) })));
      expect(results.map((b) => measure(b, M_RESPONSE).rating)).toEqual(['GREEN', 'GREEN', 'AMBER', 'AMBER', 'RED', 'RED']);
    });

    it('never rates a withheld month (too few requests), nor one with no requests, nor one that did not come', async () => {
      const [withheld, forged, none, missing] = await boards(
        area({ response: WITHHELD }),
        area({ response: { value: 1, suppressed: true, symbol: 'CONFIDENTIAL', rounded: false } }),
        area({ response: figure(null) }),
        { __typename: 'LocalArea', code: KENT, ...figures(), supportFiguresLast12Months: undefined },
      );
      expect(measure(withheld, M_RESPONSE)).toMatchObject({ current: { value: null, suppressed: true, symbol: 'CONFIDENTIAL' }, rating: 'NOT_RATED', notRatedBecause: 'FIGURE_WITHHELD', target: { value: 0.9 } });
      expect(measure(forged, M_RESPONSE)).toMatchObject({ current: { value: null, suppressed: true }, rating: 'NOT_RATED', notRatedBecause: 'FIGURE_WITHHELD' });
      expect(measure(none, M_RESPONSE)).toMatchObject({ current: { value: null, suppressed: false, symbol: 'NOT_APPLICABLE' }, rating: 'NOT_RATED', notRatedBecause: 'FIGURE_NOT_AVAILABLE' });
      expect(measure(missing, M_RESPONSE)).toMatchObject({ current: { month: months[11], value: null, symbol: 'NOT_AVAILABLE' }, trend: [], rating: 'NOT_RATED', notRatedBecause: 'FIGURE_NOT_AVAILABLE' });
      // The other owners' figures came: their measures are rated as before.
      expect(measure(missing, M_EHC).rating).not.toBe('NOT_RATED');
    });

    it("rates a locality against its own target, or the area's when it has none (a share compares across places)", async () => {
      const [dartford, swale, withheld] = await boards(
        locality('dartford', { response: figure(0.8) }),
        locality('swale', { response: figure(0.8) }),
        locality('swale', { response: WITHHELD }),
      );
      expect(measure(dartford, M_RESPONSE)).toMatchObject({ target: { value: 0.8, amberThreshold: 0.7, locality: { id: 'dartford' } }, rating: 'GREEN', targetHistory: [{ value: 0.8 }] });
      expect(measure(swale, M_RESPONSE)).toMatchObject({ target: { value: 0.9, locality: null }, rating: 'AMBER', targetHistory: [] });
      expect(measure(withheld, M_RESPONSE)).toMatchObject({ rating: 'NOT_RATED', notRatedBecause: 'FIGURE_WITHHELD' });
    });
  });

  it('costs the same SQL statements for one locality as for ten: every lookup is batched', async () => {
    const cost = async (n: number) => {
      const before = subgraph.database.statements.count;
      await boards(area(), ...Array.from({ length: n }, (_, i) => locality(i === 0 ? 'dartford' : `locality-${i}`)));
      return subgraph.database.statements.count - before;
    };
    const one = await cost(1);
    expect(await cost(10)).toBe(one);
    // Workstreams, members, areas of weakness, measures, targets, target history, action plans, RAG history.
    expect(one).toBeLessThanOrEqual(8);
  });

  it('refuses a locality that comes without its local area (only a direct caller could send one)', async () => {
    const { errors } = await subgraph.client.query(BOARD, { r: [{ __typename: 'Locality', id: 'dartford' }] });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

const UPDATE = `mutation($input: UpdateActionPlanProgressInput!) { updateActionPlanProgress(input: $input) {
  id rag commentary version updatedByName updatedAt ragHistory { fromRag toRag commentary changedByName changedAt } } }`;
const SET_TARGET = `mutation($input: SetMeasureTargetInput!) { setMeasureTarget(input: $input) { id value amberThreshold direction byDate reason setByName locality { id } } }`;
const count = async (table: string) => Number((await subgraph.database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

describe('updating progress on an action-plan line', () => {
  it('a board member rates it, with a commentary; the line and its history change in one transaction', async () => {
    // Rated twice so far: version 2.
    const result = await chair.data(UPDATE, { input: { lineId: LINE_AREA, rag: 'GREEN', commentary: '  Backlog cleared in October.  ', expectedVersion: 2 } });
    const line = result.updateActionPlanProgress;
    expect(line).toMatchObject({ id: LINE_AREA, rag: 'GREEN', commentary: 'Backlog cleared in October.', version: 3, updatedByName: 'Sarah Hammond' });
    expect(line.ragHistory).toHaveLength(3);
    expect(line.ragHistory[2]).toMatchObject({ fromRag: 'AMBER', toRag: 'GREEN', commentary: 'Backlog cleared in October.', changedByName: 'Sarah Hammond' });
    expect(Date.now() - Date.parse(line.ragHistory[2].changedAt)).toBeLessThan(60_000);
    const [row] = await subgraph.database.dataSource.query('SELECT changed_by FROM rag_change WHERE line_id = $1 ORDER BY changed_at DESC LIMIT 1', [LINE_AREA]);
    expect(row.changed_by).toBe(CHAIR);
  });

  it('refuses a stale version with CONFLICT, and writes nothing', async () => {
    const before = await count('rag_change');
    const { data, errors } = await chair.query(UPDATE, { input: { lineId: LINE_AREA, rag: 'RED', commentary: 'Slipped.', expectedVersion: 2 } });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.expectedVersion', expectedVersion: 2, currentVersion: 3 });
    expect(await count('rag_change')).toBe(before);
  });

  it('reports every problem with the input at once, naming each field', async () => {
    const { errors } = await chair.query(UPDATE, { input: { lineId: 'not-an-id', rag: 'GREEN', commentary: ' ', expectedVersion: 0 } });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lineId' });
    expect((errors![0]!.extensions!.fields as { field: string }[]).map((p) => p.field)).toEqual(['lineId', 'commentary', 'expectedVersion']);
    const long = await chair.query(UPDATE, { input: { lineId: LINE_AREA, rag: 'GREEN', commentary: 'x'.repeat(2001), expectedVersion: 2 } });
    expect(long.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.commentary' });
    const bad = await chair.query(UPDATE, { input: { lineId: LINE_AREA, rag: 'PURPLE', commentary: 'x', expectedVersion: 2 } });
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const unknown = await chair.query(UPDATE, { input: { lineId: uuid('9', 9), rag: 'GREEN', commentary: 'x', expectedVersion: 1 } });
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'input.lineId' });
  });

  it("lets only ADMIN and members of the area's board change it; reading is open to all", async () => {
    const before = await count('rag_change');
    for (const claims of [{ sub: 'someone', role: 'CASEWORKER' }, { sub: 'analyst', role: 'ANALYST' }, { sub: 'other.board', role: 'CASEWORKER' }] as const) {
      const client = await subgraph.as(claims, null);
      const { errors } = await client.query(UPDATE, { input: { lineId: LINE_SWALE, rag: 'GREEN', commentary: 'Done.', expectedVersion: 1 } });
      expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.updateActionPlanProgress' });
    }
    expect(await count('rag_change')).toBe(before);
    const admin = await subgraph.as({ sub: 'platform.admin', name: 'Pat Admin', role: 'ADMIN' }, null);
    const done = await admin.data(UPDATE, { input: { lineId: LINE_SWALE, rag: 'AMBER', commentary: 'Recovering.', expectedVersion: 1 } });
    expect(done.updateActionPlanProgress).toMatchObject({ rag: 'AMBER', updatedByName: 'Pat Admin', version: 2 });
  });

  it('keeps the history: the database refuses to change or delete it', async () => {
    const db = subgraph.database.dataSource;
    await expect(db.query("UPDATE rag_change SET commentary = 'rewritten'")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM measure_target')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE rag_change')).rejects.toThrow(/append-only/);
  });
});

describe('setting a target', () => {
  it("a board member sets a locality's target; it becomes current, and the previous ones stay in the history", async () => {
    const input = { measureId: M_CAMHS, localityId: 'swale', value: 1, amberThreshold: 3, direction: 'LOWER_IS_BETTER', byDate: '2027-06-30', reason: "Swale's share of the county target" };
    const set = await chair.data(SET_TARGET, { input });
    expect(set.setMeasureTarget).toMatchObject({ value: 1, amberThreshold: 3, direction: 'LOWER_IS_BETTER', byDate: '2027-06-30', setByName: 'Sarah Hammond', locality: { id: 'swale' } });
    const [swale] = await boards(locality('swale', { camhs: figure(3) }));
    expect(measure(swale, M_CAMHS)).toMatchObject({ target: { value: 1 }, rating: 'AMBER', targetHistory: [{ value: 1 }] });
    await chair.data(SET_TARGET, { input: { ...input, value: 3, amberThreshold: 5, reason: 'Revised after the winter' } });
    const [again] = await boards(locality('swale', { camhs: figure(3) }));
    expect(measure(again, M_CAMHS)).toMatchObject({ target: { value: 3 }, rating: 'GREEN', targetHistory: [{ value: 3 }, { value: 1 }] });
    // The area's target is untouched.
    const [kent] = await boards(area());
    expect(measure(kent, M_CAMHS).target.value).toBe(10);
  });

  it("checks values against the measure's unit and direction, every problem at once, and writes nothing", async () => {
    const before = await count('measure_target');
    const share = await chair.query(SET_TARGET, {
      input: { measureId: M_EHC, localityId: 'Not A Locality', value: 60, amberThreshold: 0.7, direction: 'HIGHER_IS_BETTER', byDate: '2020-01-01', reason: ' ' },
    });
    expect((share.errors![0]!.extensions!.fields as { field: string }[]).map((p) => p.field)).toEqual(['localityId', 'value', 'byDate', 'reason']);
    expect(JSON.stringify(share.errors![0]!.extensions!.fields)).toContain('write 60% as 0.6');
    const wrongSide = await chair.query(SET_TARGET, {
      input: { measureId: M_EHC, value: 0.6, amberThreshold: 0.7, direction: 'HIGHER_IS_BETTER', byDate: '2027-01-01', reason: 'x' },
    });
    expect(wrongSide.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amberThreshold' });
    const countMeasure = await chair.query(SET_TARGET, {
      input: { measureId: M_CAMHS, value: 2.5, amberThreshold: -1, direction: 'LOWER_IS_BETTER', byDate: '2021-02-28', reason: 'x' },
    });
    // Not whole, below 0, and on the better side of the target; and a day gone.
    expect((countMeasure.errors![0]!.extensions!.fields as { field: string }[]).map((p) => p.field)).toEqual(['value', 'amberThreshold', 'amberThreshold', 'byDate']);
    const unknown = await chair.query(SET_TARGET, { input: { measureId: uuid('9', 9), value: 1, amberThreshold: 1, direction: 'LOWER_IS_BETTER', byDate: '2027-01-01', reason: 'x' } });
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'input.measureId' });
    const analyst = await subgraph.as({ sub: 'analyst', role: 'ANALYST' }, null);
    const forbidden = await analyst.query(SET_TARGET, { input: { measureId: M_EHC, value: 0.7, amberThreshold: 0.5, direction: 'HIGHER_IS_BETTER', byDate: '2027-01-01', reason: 'x' } });
    expect(forbidden.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.setMeasureTarget' });
    expect(await count('measure_target')).toBe(before);
  });
});

describe("the board's members", () => {
  const APPOINT = 'mutation($input: AppointBoardMemberInput!) { appointBoardMember(input: $input) { id name roleOnBoard endedAt } }';
  const END = 'mutation($input: EndBoardMembershipInput!) { endBoardMembership(input: $input) { id endedAt } }';

  it('an administrator appoints a member, who may then update the plan, until their membership ends', async () => {
    const admin = await subgraph.as({ sub: 'platform.admin', role: 'ADMIN' }, null);
    const clinician = await subgraph.as({ sub: 'dr.new', role: 'CLINICIAN', services: ['CAMHS'] }, null);
    const tryUpdate = async () => {
      const { data } = await admin.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on LocalArea { improvementBoard { workstreams { actionPlan { id version } } } } } }`, { r: [area()] });
      const line = data!._entities[0].improvementBoard.workstreams.flatMap((w: { actionPlan: { id: string }[] }) => w.actionPlan).find((l: { id: string }) => l.id === LINE_DARTFORD);
      return clinician.query(UPDATE, { input: { lineId: LINE_DARTFORD, rag: 'AMBER', commentary: 'Therapist started.', expectedVersion: line.version } });
    };
    expect((await tryUpdate()).errors![0]!.extensions!.code).toBe('FORBIDDEN');

    const forbidden = await chair.query(APPOINT, { input: { localAreaCode: KENT, subject: 'dr.new', name: 'Dr New', roleOnBoard: 'CAMHS lead' } });
    expect(forbidden.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.appointBoardMember' });
    const blank = await admin.query(APPOINT, { input: { localAreaCode: KENT, subject: ' ', name: '', roleOnBoard: 'x'.repeat(201) } });
    expect((blank.errors![0]!.extensions!.fields as { field: string }[]).map((p) => p.field)).toEqual(['subject', 'name', 'roleOnBoard']);

    const appointed = (await admin.data(APPOINT, { input: { localAreaCode: KENT, subject: 'dr.new', name: 'Dr New', roleOnBoard: 'CAMHS lead' } })).appointBoardMember;
    expect(appointed).toMatchObject({ name: 'Dr New', roleOnBoard: 'CAMHS lead', endedAt: null });
    const twice = await admin.query(APPOINT, { input: { localAreaCode: KENT, subject: 'dr.new', name: 'Dr New', roleOnBoard: 'CAMHS lead' } });
    expect(twice.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.subject' });
    const updated = await tryUpdate();
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateActionPlanProgress.updatedByName).toBe('Dr New');

    expect((await admin.data(END, { input: { memberId: appointed.id } })).endBoardMembership.endedAt).not.toBeNull();
    expect((await admin.query(END, { input: { memberId: appointed.id } })).errors![0]!.extensions!.code).toBe('CONFLICT');
    expect((await tryUpdate()).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const [board] = await boards(area());
    expect(board.members.map((m: { name: string }) => m.name)).not.toContain('Dr New');
  });
});

describe('the locality-response migration', () => {
  const insert = (runner: { query: (sql: string, params: unknown[]) => Promise<unknown> }, kind: string, sortOrder: number) =>
    runner.query(`INSERT INTO measure (id, workstream_id, name, kind, sort_order) VALUES (gen_random_uuid(), $1, 'A measure', $2, $3)`, [WS_B, kind, sortOrder]);

  it('widens the kinds a measure may be bound to, still refuses an unknown one, and will not go back while one uses it', async () => {
    const runner = subgraph.database.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await insert(runner, 'LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS', 50);
      await runner.query('SAVEPOINT before_unknown');
      await expect(insert(runner, 'SHARE_OF_SOMETHING_ELSE', 51)).rejects.toThrow(/measure_kind_check/);
      await runner.query('ROLLBACK TO SAVEPOINT before_unknown');
      // The plan's own measure of the kind (seeded) and the one above: going back would orphan them.
      await expect(new LocalityResponseMeasure1765000000000().down(runner)).rejects.toThrow(/measure_kind_check/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
