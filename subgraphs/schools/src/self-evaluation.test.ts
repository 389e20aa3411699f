import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSingleSubgraph, type SingleSubgraph, type TestClient } from '@local-area-graph/test-kit';
import {
  emptyDemoArea,
  SELF_EVALUATION_STATEMENT_CODES,
  STATUTORY_CHECK_ITEMS as DEMO_CHECK_ITEMS,
  type DemoArea,
  type SchoolRecord,
  type SelfEvaluationRecord,
  type SelfEvaluationStatementRecord,
  type StatutoryCheckRecord,
} from '@local-area-graph/demo-data';
import { schools } from './index.js';
import { seedSchools } from './seed.js';
import { todayInEngland } from './calendar.js';
import { FRAMEWORK, STATUTORY_CHECK_ITEMS } from './self-evaluation/framework.js';
import { dimensionGrades } from './self-evaluation/self-evaluation.resolver.js';

const KENT = 'E10000016';
const uuid = (prefix: string, n: number) => `${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const school = (urn: string, localityId: string, name: string): SchoolRecord => ({
  urn, establishmentNumber: urn.slice(2), name, phase: 'PRIMARY', type: 'LA_MAINTAINED', localityId, localAreaCode: KENT, statutoryLowAge: 4, statutoryHighAge: 11,
});

/** Eight dartford schools and two in swale; the first is left for the writes. */
const DARTFORD = Array.from({ length: 8 }, (_, i) => school(String(120001 + i), 'dartford', `Dartford School ${i + 1}`));
const SWALE = [school('130001', 'swale', 'Swale School 1'), school('130002', 'swale', 'Swale School 2')];
const WRITER = DARTFORD[0]!.urn;
const OTHER = DARTFORD[1]!.urn;

/**
 * Seven dartford schools (2 to 8) and one swale school evaluated themselves. Dartford:
 * on leadership all 7 embedded; on assess 1 emerging (its other statement embedded),
 * 6 developing; the SEN information report published by 6, not by 1. School 2 also
 * has an older evaluation, all emerging, which the summary must ignore.
 */
function area(): DemoArea {
  const selfEvaluations: SelfEvaluationRecord[] = [];
  const selfEvaluationStatements: SelfEvaluationStatementRecord[] = [];
  const statutoryChecks: StatutoryCheckRecord[] = [];
  const evaluate = (urn: string, n: number, date: string, grade: (code: string) => 'EMERGING' | 'DEVELOPING' | 'EMBEDDED', unmet: string[] = []) => {
    const id = uuid('e', n);
    selfEvaluations.push({ id, schoolUrn: urn, evaluatedDate: date, completedBy: 'SENCO', recordedBy: 'senco' });
    for (const code of SELF_EVALUATION_STATEMENT_CODES) {
      const g = grade(code);
      selfEvaluationStatements.push({ evaluationId: id, code, grade: g, evidence: g === 'EMERGING' ? null : 'Learning walks.' });
    }
    for (const item of DEMO_CHECK_ITEMS) statutoryChecks.push({ evaluationId: id, item, met: !unmet.includes(item), note: unmet.includes(item) ? 'Being written.' : null });
  };
  DARTFORD.slice(1).forEach((s, i) =>
    evaluate(s.urn, i + 1, '2026-06-01', (code) =>
      code.startsWith('LEADERSHIP') ? 'EMBEDDED' : code.startsWith('ASSESS') ? (i === 0 ? (code === 'ASSESS_1' ? 'EMERGING' : 'EMBEDDED') : 'DEVELOPING') : 'DEVELOPING',
      i === 6 ? ['SEN_INFORMATION_REPORT_PUBLISHED'] : [],
    ),
  );
  evaluate(DARTFORD[1]!.urn, 20, '2025-06-01', () => 'EMERGING');
  evaluate(SWALE[0]!.urn, 30, '2026-05-01', () => 'EMBEDDED');
  return { ...emptyDemoArea(), schools: [...DARTFORD, ...SWALE], selfEvaluations, selfEvaluationStatements, statutoryChecks };
}

let subgraph: SingleSubgraph;
let senco: TestClient;
beforeAll(async () => {
  subgraph = await startSingleSubgraph(schools, (db) => seedSchools(db, area()));
  senco = await subgraph.as({ sub: 'senco.writer', role: 'SENCO', schools: [WRITER] }, null);
});
afterAll(async () => subgraph?.stop());

const count = async (table: string) => Number((await subgraph.database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
const rowCounts = async () => Promise.all(['send_self_evaluation', 'send_self_evaluation_statement', 'send_statutory_check', 'send_action'].map(count));

/** A complete, valid self-evaluation: every statement and checklist item once. */
function validInput(overrides: Record<string, unknown> = {}) {
  return {
    schoolUrn: WRITER,
    evaluatedDate: '2026-10-01',
    completedBy: 'J. Patel, SENCO, with the headteacher',
    statements: FRAMEWORK.map((s, i) => (i % 3 === 0 ? { code: s.code, grade: 'EMERGING' } : { code: s.code, grade: i % 3 === 1 ? 'DEVELOPING' : 'EMBEDDED', evidence: 'Plan audit, autumn term.' })),
    checklist: STATUTORY_CHECK_ITEMS.map((item) => ({ item, met: item !== 'ACCESSIBILITY_PLAN', note: item === 'ACCESSIBILITY_PLAN' ? 'Being rewritten.' : null })),
    actionPlan: [
      { target: 'Accessibility plan rewritten', actions: 'Site survey with the site manager; governors approve.', personResponsible: 'Business manager', resources: 'Two days' },
      { target: 'Termly reviews with parents', actions: 'Review calendar set.', personResponsible: 'SENCO', evidenceOfImpact: 'Every review held on time.', dateCompleted: '2026-10-20' },
    ],
    ...overrides,
  };
}

const RECORD = `mutation($input: RecordSendSelfEvaluationInput!) { recordSendSelfEvaluation(input: $input) {
  id evaluatedDate completedBy school { urn }
  statements { code dimension grade evidence text }
  dimensions { dimension grade }
  checklist { item met note }
  actionPlan { id sortOrder target actions personResponsible resources evidenceOfImpact dateCompleted version } } }`;

describe('the framework', () => {
  it('is the one the demo data grades: the same statement codes and checklist items', () => {
    expect(FRAMEWORK.map((s) => s.code)).toEqual(SELF_EVALUATION_STATEMENT_CODES);
    expect(STATUTORY_CHECK_ITEMS).toEqual(DEMO_CHECK_ITEMS);
    expect(FRAMEWORK).toHaveLength(20);
  });

  it('grades a dimension by its weakest statement', () => {
    expect(dimensionGrades([
      { dimension: 'PLAN' as never, grade: 'EMBEDDED' as never },
      { dimension: 'PLAN' as never, grade: 'DEVELOPING' as never },
      { dimension: 'DO' as never, grade: 'EMBEDDED' as never },
    ])).toEqual([{ dimension: 'PLAN', grade: 'DEVELOPING' }, { dimension: 'DO', grade: 'EMBEDDED' }]);
  });
});

describe('recording a self-evaluation', () => {
  it('a SENCO records their school\'s, in one transaction, and reads it back as the latest', async () => {
    const before = await rowCounts();
    const result = await senco.data(RECORD, { input: validInput() });
    const evaluation = result.recordSendSelfEvaluation;
    expect(evaluation).toMatchObject({ evaluatedDate: '2026-10-01', completedBy: 'J. Patel, SENCO, with the headteacher', school: { urn: WRITER } });
    expect(evaluation.statements).toHaveLength(20);
    expect(evaluation.statements[0]).toEqual({ code: 'LEADERSHIP_1', dimension: 'LEADERSHIP', grade: 'EMERGING', evidence: null, text: FRAMEWORK[0]!.text });
    expect(evaluation.dimensions).toHaveLength(10);
    expect(evaluation.dimensions[0]).toEqual({ dimension: 'LEADERSHIP', grade: 'EMERGING' });
    expect(evaluation.checklist.find((c: { item: string }) => c.item === 'ACCESSIBILITY_PLAN')).toEqual({ item: 'ACCESSIBILITY_PLAN', met: false, note: 'Being rewritten.' });
    expect(evaluation.actionPlan.map((a: { sortOrder: number; dateCompleted: string | null; version: number }) => [a.sortOrder, a.dateCompleted, a.version])).toEqual([[1, null, 1], [2, '2026-10-20', 1]]);
    expect(await rowCounts()).toEqual([before[0]! + 1, before[1]! + 20, before[2]! + 7, before[3]! + 2]);
    const read = await senco.data(`{ school(urn: "${WRITER}") { sendSelfEvaluation { id } sendSelfEvaluations { evaluatedDate } } }`);
    expect(read.school.sendSelfEvaluation.id).toBe(evaluation.id);
    const [row] = await subgraph.database.dataSource.query('SELECT recorded_by FROM send_self_evaluation WHERE id = $1', [evaluation.id]);
    expect(row.recorded_by).toBe('senco.writer');
  });

  it('refuses the same school and day twice with CONFLICT, writing nothing', async () => {
    const before = await rowCounts();
    const { errors } = await senco.query(RECORD, { input: validInput() });
    expect(errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.evaluatedDate' });
    expect(await rowCounts()).toEqual(before);
  });

  it('reports every problem with the input at once, naming each field, and writes nothing', async () => {
    const before = await rowCounts();
    const statements = validInput().statements as { code: string; grade: string; evidence?: string }[];
    const { errors } = await senco.query(RECORD, {
      input: validInput({
        evaluatedDate: '2099-01-01',
        completedBy: '  ',
        statements: [
          ...statements.slice(0, 17),
          { code: 'PLAN_1', grade: 'EMBEDDED' }, // twice, and Embedded without evidence
          { code: 'NOT_A_STATEMENT', grade: 'EMERGING' },
        ],
        checklist: (validInput().checklist as { item: string }[]).slice(1),
        actionPlan: [{ target: 'x', actions: '', personResponsible: 'SENCO', dateCompleted: '2026-10-02' }],
      }),
    });
    expect(errors).toHaveLength(1);
    const ext = errors![0]!.extensions!;
    expect(ext.code).toBe('BAD_USER_INPUT');
    expect(ext.field).toBe('input.evaluatedDate');
    const fields = (ext.fields as { field: string; message: string }[]).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining([
      'evaluatedDate', 'completedBy', 'statements[17].evidence', 'statements[18].code', 'statements', 'checklist',
      'actionPlan[0].actions', 'actionPlan[0].evidenceOfImpact',
    ]));
    expect(JSON.stringify(ext.fields)).toContain('grades PLAN_1 2 times');
    expect(JSON.stringify(ext.fields)).toContain('has no grade for COMMUNICATION_AND_COLLABORATION_2');
    expect(JSON.stringify(ext.fields)).toContain('has no answer for SENCO_APPOINTED');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses more than 20 action-plan lines and essays of evidence', async () => {
    const line = { target: 't', actions: 'a', personResponsible: 'p' };
    const { errors } = await senco.query(RECORD, {
      input: validInput({ evaluatedDate: '2026-10-02', actionPlan: Array.from({ length: 21 }, () => line), completedBy: 'x'.repeat(2001) }),
    });
    expect((errors![0]!.extensions!.fields as { field: string }[]).map((p) => p.field)).toEqual(['completedBy', 'actionPlan']);
  });

  it('lets only the school\'s own SENCO or an administrator write: anyone else is FORBIDDEN and nothing is written', async () => {
    const before = await rowCounts();
    const others = [
      await subgraph.as({ sub: 'other.senco', role: 'SENCO', schools: [OTHER] }, null),
      await subgraph.as({ sub: 'caseworker', role: 'CASEWORKER' }),
      await subgraph.as({ sub: 'analyst', role: 'ANALYST' }, null),
    ];
    for (const client of others) {
      const { data, errors } = await client.query(RECORD, { input: validInput({ evaluatedDate: '2026-10-03' }) });
      expect(data).toBeNull();
      expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.recordSendSelfEvaluation' });
    }
    expect(await rowCounts()).toEqual(before);
    const { errors } = await subgraph.client.query(RECORD, { input: validInput({ schoolUrn: '999999', evaluatedDate: '2026-10-03' }) });
    expect(errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'input.schoolUrn' });
  });
});

describe('completing an action', () => {
  const COMPLETE = 'mutation($input: CompleteSendActionInput!) { completeSendAction(input: $input) { id dateCompleted evidenceOfImpact version } }';

  it('records the completion with its evidence, and refuses a stale version, a date before the evaluation and another school\'s SENCO', async () => {
    const { school } = await senco.data(`{ school(urn: "${WRITER}") { sendSelfEvaluation { actionPlan { id version dateCompleted } } } }`);
    const open = school.sendSelfEvaluation.actionPlan.find((a: { dateCompleted: string | null }) => a.dateCompleted === null);
    const input = { actionId: open.id, dateCompleted: '2026-11-01', evidenceOfImpact: 'Governors approved the plan.', expectedVersion: 1 };

    const other = await subgraph.as({ sub: 'other.senco', role: 'SENCO', schools: [OTHER] }, null);
    expect((await other.query(COMPLETE, { input })).errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const early = await senco.query(COMPLETE, { input: { ...input, dateCompleted: '2026-09-01' } });
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dateCompleted' });
    const blank = await senco.query(COMPLETE, { input: { ...input, evidenceOfImpact: ' ', actionId: 'nope' } });
    expect((blank.errors![0]!.extensions!.fields as { field: string }[]).map((p) => p.field)).toEqual(['actionId', 'evidenceOfImpact']);

    const done = await senco.data(COMPLETE, { input });
    expect(done.completeSendAction).toEqual({ id: open.id, dateCompleted: '2026-11-01', evidenceOfImpact: 'Governors approved the plan.', version: 2 });
    const stale = await senco.query(COMPLETE, { input });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, currentVersion: 2 });
  });
});

describe('who reads a school\'s self-evaluation', () => {
  const READ = `{ school(urn: "${OTHER}") { name sendSelfEvaluation { evaluatedDate } } }`;

  it('the SEND team, the school\'s locality lead and an administrator see it; an analyst, another SENCO and another locality\'s lead get FORBIDDEN', async () => {
    for (const claims of [{ role: 'CASEWORKER' }, { role: 'LOCALITY_LEAD', localities: ['dartford'] }, { role: 'ADMIN' }, { role: 'SENCO', schools: [OTHER] }] as const) {
      const client = await subgraph.as({ sub: 'reader', ...claims } as never, null);
      const { data, errors } = await client.query(READ);
      expect(errors).toBeUndefined();
      expect(data!.school.sendSelfEvaluation).toEqual({ evaluatedDate: '2026-06-01' });
    }
    for (const claims of [{ role: 'ANALYST' }, { role: 'SENCO', schools: [WRITER] }, { role: 'LOCALITY_LEAD', localities: ['swale'] }, { role: 'CLINICIAN' }] as const) {
      const client = await subgraph.as({ sub: 'reader', ...claims } as never, null);
      const { data, errors } = await client.query(READ);
      expect(data!.school).toEqual({ name: 'Dartford School 2', sendSelfEvaluation: null });
      expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'School.sendSelfEvaluation' });
    }
  });
});

describe('the summary across schools', () => {
  const SUMMARY = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Locality { schoolSelfEvaluationSummary { ...S } } ... on LocalArea { schoolSelfEvaluationSummary { ...S } } } }
    fragment S on SelfEvaluationSummary { asOf schoolsEvaluated { value suppressed }
      dimensions { dimension emerging { value suppressed } developing { value suppressed } embedded { value suppressed } }
      checklist { item met { value suppressed } notMet { value suppressed } } }`;
  const shown = (value: number) => ({ value, suppressed: false });
  const c = { value: null, suppressed: true };

  it('counts each school\'s latest evaluation by the weakest statement of each dimension, protected, for any role', async () => {
    const analyst = await subgraph.as({ sub: 'analyst', role: 'ANALYST' }, null);
    const data = await analyst.data(SUMMARY, { r: [{ __typename: 'Locality', id: 'dartford' }, { __typename: 'Locality', id: 'swale' }, { __typename: 'LocalArea', code: KENT }] });
    const [dartford, swale, kent] = data._entities.map((e: { schoolSelfEvaluationSummary: unknown }) => e.schoolSelfEvaluationSummary);
    // Seven seeded, plus the one the SENCO recorded above: eight.
    expect(dartford.asOf).toBe(todayInEngland());
    expect(dartford.schoolsEvaluated).toEqual(shown(8));
    const dim = (summary: { dimensions: { dimension: string }[] }, name: string) => summary.dimensions.find((d) => d.dimension === name);
    // Leadership: seven embedded and the new one emerging (withheld, so embedded too).
    expect(dim(dartford, 'LEADERSHIP')).toEqual({ dimension: 'LEADERSHIP', emerging: c, developing: shown(0), embedded: c });
    // Assess: school 2 and the new one emerging (their weakest), six developing; the 6
    // is withheld too, or 8 - 6 - 0 would give the 2 away.
    expect(dim(dartford, 'ASSESS')).toEqual({ dimension: 'ASSESS', emerging: c, developing: c, embedded: shown(0) });
    // Plan: every school developing at worst.
    expect(dim(dartford, 'PLAN')).toEqual({ dimension: 'PLAN', emerging: shown(0), developing: shown(8), embedded: shown(0) });
    expect(dartford.checklist.find((l: { item: string }) => l.item === 'SENCO_APPOINTED')).toEqual({ item: 'SENCO_APPOINTED', met: shown(8), notMet: shown(0) });
    expect(dartford.checklist.find((l: { item: string }) => l.item === 'SEN_INFORMATION_REPORT_PUBLISHED')).toEqual({ item: 'SEN_INFORMATION_REPORT_PUBLISHED', met: c, notMet: c });
    // One school in swale: nothing about it can be read.
    expect(swale.schoolsEvaluated).toEqual(c);
    expect(dim(swale, 'LEADERSHIP')).toEqual({ dimension: 'LEADERSHIP', emerging: shown(0), developing: shown(0), embedded: c });
    expect(kent.schoolsEvaluated).toEqual(shown(9));
    // Across the area, 9 - 8 would give the one emerging school away: the 8 is withheld too.
    expect(dim(kent, 'LEADERSHIP')).toEqual({ dimension: 'LEADERSHIP', emerging: c, developing: shown(0), embedded: c });
    expect(dim(kent, 'PLAN')).toEqual({ dimension: 'PLAN', emerging: shown(0), developing: c, embedded: c });
  });
});
