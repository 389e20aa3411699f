import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isSpecifiedScalarType } from 'graphql';
import type { SubgraphDatabase } from '@local-area-graph/database';
import { startSingleSubgraph, type SingleSubgraph } from '@local-area-graph/test-kit';
import { emptyDemoArea } from '@local-area-graph/demo-data';
import type {
  AttendanceRecord,
  DemoArea,
  EnrolmentRecord,
  SenProvisionRecord,
  SuspensionRecord,
} from '@local-area-graph/demo-data';
import { schools } from './index.js';
import { buildSchoolsSchema } from './schema.js';
import { isSchoolsEmpty, seedSchools } from './seed.js';
import { academicYearOf, todayInEngland } from './calendar.js';
import { SUSPENSION_REASONS } from './suspension/suspension-reasons.js';

/** Deterministic UUIDs: a prefix for the kind of row, a serial number. */
const uuid = (prefix: string, n: number) => `${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const RIVERSIDE = '118001';
const HILLVIEW = '118002';
const OAKWOOD = '118003';

/** Children with hand-made records and known figures. */
const AMARA = uuid('a', 1); // moved primary to secondary; EHC plan; persistently absent; one suspension
const BEN = uuid('a', 2); // on roll at Riverside; no SEN; good attendance
const CHLOE = uuid('a', 3); // on roll at Oakwood with a leaving date still to come
const DEV = uuid('a', 4); // left Riverside: on no roll
const ELLA = uuid('a', 5); // known to the register only: no school records at all
const FRED = uuid('a', 6); // used only by the constraint tests, which write rows directly
/** Twenty children of the same shape, for the statement count and for paging. */
const COHORT = Array.from({ length: 20 }, (_, i) => uuid('b', i + 1));

const THIS_YEAR = academicYearOf(todayInEngland());

function handMadeArea(): DemoArea {
  const enrolments: EnrolmentRecord[] = [
    { id: uuid('e', 1), childId: AMARA, schoolUrn: RIVERSIDE, startDate: '2018-09-05', endDate: '2025-07-22' },
    { id: uuid('e', 2), childId: AMARA, schoolUrn: HILLVIEW, startDate: '2025-09-03', endDate: null },
    { id: uuid('e', 3), childId: BEN, schoolUrn: RIVERSIDE, startDate: '2022-09-05', endDate: null },
    { id: uuid('e', 4), childId: CHLOE, schoolUrn: OAKWOOD, startDate: '2020-09-02', endDate: '2099-07-20' },
    { id: uuid('e', 5), childId: DEV, schoolUrn: RIVERSIDE, startDate: '2019-09-04', endDate: '2024-07-19' },
  ];
  const attendance: AttendanceRecord[] = [
    // 2024/25 at Riverside: 4 of 180 missed.
    { id: uuid('d', 1), childId: AMARA, schoolUrn: RIVERSIDE, academicYear: '2024/25', term: 'SUMMER', sessionsPossible: 110, authorisedAbsence: 4, unauthorisedAbsence: 0 },
    { id: uuid('d', 2), childId: AMARA, schoolUrn: RIVERSIDE, academicYear: '2024/25', term: 'AUTUMN', sessionsPossible: 70, authorisedAbsence: 0, unauthorisedAbsence: 0 },
    // This year at Hillview: autumn exactly 10% (persistently absent), spring 15/120.
    { id: uuid('d', 3), childId: AMARA, schoolUrn: HILLVIEW, academicYear: THIS_YEAR, term: 'AUTUMN', sessionsPossible: 100, authorisedAbsence: 6, unauthorisedAbsence: 4 },
    { id: uuid('d', 4), childId: AMARA, schoolUrn: HILLVIEW, academicYear: THIS_YEAR, term: 'SPRING', sessionsPossible: 120, authorisedAbsence: 5, unauthorisedAbsence: 10 },
    { id: uuid('d', 5), childId: BEN, schoolUrn: RIVERSIDE, academicYear: THIS_YEAR, term: 'AUTUMN', sessionsPossible: 100, authorisedAbsence: 3, unauthorisedAbsence: 2 },
  ];
  const suspensions: SuspensionRecord[] = [
    { id: uuid('f', 1), childId: AMARA, schoolUrn: HILLVIEW, category: 'FIXD', startDate: '2026-10-06', sessions: 4, reasons: ['PD', 'VA'] },
    { id: uuid('f', 2), childId: AMARA, schoolUrn: RIVERSIDE, category: 'LNCH', startDate: '2025-03-12', sessions: 1, reasons: ['VP'] },
  ];
  const senProvision: SenProvisionRecord[] = [
    { id: uuid('c', 1), childId: AMARA, schoolUrn: RIVERSIDE, provision: 'K', primaryNeed: 'SEMH', secondaryNeed: null, startDate: '2022-01-10', endDate: '2025-03-31' },
    { id: uuid('c', 2), childId: AMARA, schoolUrn: RIVERSIDE, provision: 'E', primaryNeed: 'SEMH', secondaryNeed: 'SLCN', startDate: '2025-04-01', endDate: null },
    { id: uuid('c', 3), childId: BEN, schoolUrn: RIVERSIDE, provision: 'N', primaryNeed: null, secondaryNeed: null, startDate: '2022-09-05', endDate: null },
  ];
  COHORT.forEach((childId, i) => {
    const n = 100 + i;
    enrolments.push({ id: uuid('e', n), childId, schoolUrn: HILLVIEW, startDate: '2024-09-04', endDate: null });
    attendance.push({ id: uuid('d', n), childId, schoolUrn: HILLVIEW, academicYear: THIS_YEAR, term: 'AUTUMN', sessionsPossible: 100, authorisedAbsence: i % 7, unauthorisedAbsence: i % 5 });
    suspensions.push({ id: uuid('f', n), childId, schoolUrn: HILLVIEW, category: 'FIXD', startDate: '2025-11-03', sessions: 2, reasons: ['DB'] });
    senProvision.push({ id: uuid('c', n), childId, schoolUrn: HILLVIEW, provision: 'K', primaryNeed: 'MLD', secondaryNeed: null, startDate: '2024-09-04', endDate: null });
  });
  return {
    ...emptyDemoArea(),
    schools: [
      { urn: RIVERSIDE, establishmentNumber: '2001', name: 'Riverside Primary School', phase: 'PRIMARY', type: 'LA_MAINTAINED', localityId: 'dartford', localAreaCode: 'E10000016', statutoryLowAge: 4, statutoryHighAge: 11 },
      { urn: HILLVIEW, establishmentNumber: '4001', name: 'Hillview Academy', phase: 'SECONDARY', type: 'ACADEMY', localityId: 'dartford', localAreaCode: 'E10000016', statutoryLowAge: 11, statutoryHighAge: 18 },
      { urn: OAKWOOD, establishmentNumber: '7001', name: 'Oakwood School', phase: 'SPECIAL', type: 'SPECIAL_SCHOOL', localityId: 'swale', localAreaCode: 'E10000016', statutoryLowAge: 4, statutoryHighAge: 19 },
    ],
    enrolments,
    attendance,
    suspensions,
    senProvision,
    
  };
}

interface GraphQLResponse {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

let subgraph: SingleSubgraph;
let database: SubgraphDatabase;

async function query(text: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
  const { data, errors } = await subgraph.client.query(text, variables);
  return { data, errors } as GraphQLResponse;
}

/** Runs a query and returns its data together with the SQL statements it cost. */
async function counted(text: string, variables?: Record<string, unknown>) {
  const before = database.statements.count;
  const result = await query(text, variables);
  return { result, statements: database.statements.count - before };
}

const EDUCATION = `
  query Education($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Child {
        id
        education {
          currentSchool { urn name numberOnRoll { value suppressed } }
          enrolments { id startDate endDate isCurrent school { urn name } }
          attendance { academicYear term school { urn } sessionsPossible sessionsAttended authorisedAbsence unauthorisedAbsence absenceRate persistentlyAbsent }
          attendanceSummary { academicYear sessionsPossible sessionsMissed absenceRate persistentlyAbsent }
          suspensions { id category startDate sessions school { urn } reasons { code description } }
          senStatus { provision primaryNeed secondaryNeed startDate endDate isCurrent school { urn } }
          senHistory { provision primaryNeed secondaryNeed startDate endDate isCurrent }
        }
      }
    }
  }`;

const children = (...ids: string[]) => ({ representations: ids.map((id) => ({ __typename: 'Child', id })) });

beforeAll(async () => {
  subgraph = await startSingleSubgraph(schools, async (db) => {
    expect(await isSchoolsEmpty(db)).toBe(true);
    await seedSchools(db, handMadeArea());
  });
  database = subgraph.database;
});

afterAll(async () => subgraph?.stop());

describe('schools subgraph', () => {
  it('seeds into an empty database and then reports it is not empty', async () => {
    expect(await isSchoolsEmpty(database.dataSource)).toBe(false);
  });

  it('finds a school by URN, with its DfE number, locality and number on roll', async () => {
    const { data, errors } = await query(`{
      school(urn: "${HILLVIEW}") { urn name phase type establishmentNumber dfeNumber statutoryLowAge statutoryHighAge locality { id } numberOnRoll { value suppressed } }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.school).toEqual({
      urn: HILLVIEW,
      name: 'Hillview Academy',
      phase: 'SECONDARY',
      type: 'ACADEMY',
      establishmentNumber: '4001',
      dfeNumber: '886/4001',
      statutoryLowAge: 11,
      statutoryHighAge: 18,
      locality: { id: 'dartford' },
      numberOnRoll: { value: 21, suppressed: false }, // Amara and the cohort of twenty
    });
  });

  it('rejects a malformed URN in the query text as BAD_USER_INPUT', async () => {
    const { data, errors } = await query('{ school(urn: "12345") { name } }');
    expect(data).toBeUndefined();
    expect(errors).toHaveLength(1);
    // The Urn scalar rejects the literal while the query is validated, before any resolver runs.
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', identifier: 'Urn', reason: 'must be 6 digits' });
    expect(errors![0]!.message).toContain('"12345" is not a valid Urn');
  });

  it('rejects a malformed URN passed as a variable as BAD_USER_INPUT', async () => {
    const { errors } = await query('query School($urn: Urn!) { school(urn: $urn) { name } }', { urn: '012345' });
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', identifier: 'Urn' });
    expect(errors![0]!.message).toContain('$urn');
  });

  it('answers an unknown URN with NOT_FOUND naming the argument', async () => {
    const { data, errors } = await query('{ school(urn: "999999") { name } }');
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toEqual({ code: 'NOT_FOUND', argument: 'urn', value: '999999' });
  });

  it('lists schools by name, for the area and for one locality, counting rolls in one statement', async () => {
    const { result, statements } = await counted('{ schools { urn numberOnRoll { value suppressed } } dartford: schools(localityId: "dartford") { name } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.schools).toEqual([
      { urn: HILLVIEW, numberOnRoll: { value: 21, suppressed: false } },
      // One pupil: withheld under the DfE rule, never shown as 0 or 1.
      { urn: OAKWOOD, numberOnRoll: { value: null, suppressed: true } }, // Chloe's leaving date is still to come
      { urn: RIVERSIDE, numberOnRoll: { value: null, suppressed: true } }, // Ben; Amara and Dev have left
    ]);
    expect(result.data!.dartford).toEqual([{ name: 'Hillview Academy' }, { name: 'Riverside Primary School' }]);
    // All schools, schools of one locality, numbers on roll for every school.
    expect(statements).toBe(3);
  });

  it('adds the schools of a locality to the Locality entity', async () => {
    const { data, errors } = await query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Locality { id schools { urn name } } } }',
      { r: [{ __typename: 'Locality', id: 'swale' }, { __typename: 'Locality', id: 'nowhere' }] },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { id: 'swale', schools: [{ urn: OAKWOOD, name: 'Oakwood School' }] },
      { id: 'nowhere', schools: [] },
    ]);
  });

  it('pages through the pupils on roll with keyset cursors', async () => {
    const page = (after: string | null) =>
      query(
        `query($after: String) { school(urn: "${HILLVIEW}") {
          pupils(first: 8, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } enrolment { isCurrent school { urn } } } nodes { id } }
        } }`,
        { after },
      );
    const seen: string[] = [];
    let after: string | null = null;
    const sizes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { data, errors } = await page(after);
      expect(errors).toBeUndefined();
      const pupils = data!.school.pupils;
      expect(pupils.totalCount).toBe(21);
      sizes.push(pupils.edges.length);
      for (const edge of pupils.edges) {
        expect(edge.enrolment).toEqual({ isCurrent: true, school: { urn: HILLVIEW } });
        seen.push(edge.node.id);
      }
      expect(pupils.nodes.map((node: { id: string }) => node.id)).toEqual(pupils.edges.map((edge: any) => edge.node.id));
      if (!pupils.pageInfo.hasNextPage) break;
      after = pupils.pageInfo.endCursor;
    }
    expect(sizes).toEqual([8, 8, 5]);
    expect(seen).toEqual([AMARA, ...COHORT].sort());

    const { errors } = await query(`{ school(urn: "${HILLVIEW}") { pupils(after: "not-a-cursor") { totalCount } } }`);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    const tooMany = await query(`{ school(urn: "${HILLVIEW}") { pupils(first: 5000) { totalCount } } }`);
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it("adds a child's education: schools, attendance maths, suspensions and SEN provision", async () => {
    const { data, errors } = await query(EDUCATION, children(AMARA));
    expect(errors).toBeUndefined();
    const education = data!._entities[0].education;

    expect(education.currentSchool).toEqual({ urn: HILLVIEW, name: 'Hillview Academy', numberOnRoll: { value: 21, suppressed: false } });
    expect(education.enrolments).toEqual([
      { id: uuid('e', 2), startDate: '2025-09-03', endDate: null, isCurrent: true, school: { urn: HILLVIEW, name: 'Hillview Academy' } },
      { id: uuid('e', 1), startDate: '2018-09-05', endDate: '2025-07-22', isCurrent: false, school: { urn: RIVERSIDE, name: 'Riverside Primary School' } },
    ]);

    // Newest first: this year's spring, then autumn, then 2024/25 summer and autumn.
    expect(education.attendance).toEqual([
      { academicYear: THIS_YEAR, term: 'SPRING', school: { urn: HILLVIEW }, sessionsPossible: 120, sessionsAttended: 105, authorisedAbsence: 5, unauthorisedAbsence: 10, absenceRate: 0.125, persistentlyAbsent: true },
      { academicYear: THIS_YEAR, term: 'AUTUMN', school: { urn: HILLVIEW }, sessionsPossible: 100, sessionsAttended: 90, authorisedAbsence: 6, unauthorisedAbsence: 4, absenceRate: 0.1, persistentlyAbsent: true },
      { academicYear: '2024/25', term: 'SUMMER', school: { urn: RIVERSIDE }, sessionsPossible: 110, sessionsAttended: 106, authorisedAbsence: 4, unauthorisedAbsence: 0, absenceRate: 4 / 110, persistentlyAbsent: false },
      { academicYear: '2024/25', term: 'AUTUMN', school: { urn: RIVERSIDE }, sessionsPossible: 70, sessionsAttended: 70, authorisedAbsence: 0, unauthorisedAbsence: 0, absenceRate: 0, persistentlyAbsent: false },
    ]);
    // 25 of 220 sessions missed so far this year.
    expect(education.attendanceSummary).toEqual({
      academicYear: THIS_YEAR,
      sessionsPossible: 220,
      sessionsMissed: 25,
      absenceRate: 25 / 220,
      persistentlyAbsent: true,
    });

    expect(education.suspensions).toEqual([
      {
        id: uuid('f', 1),
        category: 'FIXD',
        startDate: '2026-10-06',
        sessions: 4,
        school: { urn: HILLVIEW },
        reasons: [
          { code: 'PD', description: 'Persistent or general disruptive behaviour' },
          { code: 'VA', description: 'Verbal abuse or threatening behaviour against an adult' },
        ],
      },
      { id: uuid('f', 2), category: 'LNCH', startDate: '2025-03-12', sessions: 1, school: { urn: RIVERSIDE }, reasons: [{ code: 'VP', description: 'Verbal abuse or threatening behaviour against a pupil' }] },
    ]);

    expect(education.senStatus).toEqual({
      provision: 'EHC_PLAN',
      primaryNeed: 'SEMH',
      secondaryNeed: 'SLCN',
      startDate: '2025-04-01',
      endDate: null,
      isCurrent: true,
      school: { urn: RIVERSIDE },
    });
    expect(education.senHistory).toEqual([
      { provision: 'EHC_PLAN', primaryNeed: 'SEMH', secondaryNeed: 'SLCN', startDate: '2025-04-01', endDate: null, isCurrent: true },
      { provision: 'SEN_SUPPORT', primaryNeed: 'SEMH', secondaryNeed: null, startDate: '2022-01-10', endDate: '2025-03-31', isCurrent: false },
    ]);
  });

  it('filters attendance by academic year and sums any year asked for', async () => {
    const { data, errors } = await query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { education {
        attendance(academicYear: "2024/25") { term sessionsPossible }
        attendanceSummary(academicYear: "2024/25") { sessionsPossible sessionsMissed absenceRate persistentlyAbsent }
        none: attendanceSummary(academicYear: "2010/11") { sessionsPossible }
      } } } }`,
      { r: [{ __typename: 'Child', id: AMARA }] },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities[0].education).toEqual({
      attendance: [
        { term: 'SUMMER', sessionsPossible: 110 },
        { term: 'AUTUMN', sessionsPossible: 70 },
      ],
      attendanceSummary: { sessionsPossible: 180, sessionsMissed: 4, absenceRate: 4 / 180, persistentlyAbsent: false },
      none: null,
    });
  });

  it('rejects an academic year that is not YYYY/YY with consecutive years, naming the argument', async () => {
    for (const academicYear of ['2025/27', '2025-26', '25/26', '2025/2026']) {
      const { errors } = await query(
        'query($r: [_Any!]!, $y: String) { _entities(representations: $r) { ... on Child { education { attendance(academicYear: $y) { term } } } } }',
        { r: [{ __typename: 'Child', id: AMARA }], y: academicYear },
      );
      expect(errors?.[0]?.extensions, academicYear).toEqual({ code: 'BAD_USER_INPUT', argument: 'academicYear' });
    }
  });

  it('gives the other children what their records say, and empty answers for a child with none', async () => {
    const { data, errors } = await query(EDUCATION, children(BEN, CHLOE, DEV, ELLA));
    expect(errors).toBeUndefined();
    const [ben, chloe, dev, ella] = data!._entities.map((entity: any) => entity.education);
    expect(ben.currentSchool.urn).toBe(RIVERSIDE);
    expect(ben.attendanceSummary).toEqual({ academicYear: THIS_YEAR, sessionsPossible: 100, sessionsMissed: 5, absenceRate: 0.05, persistentlyAbsent: false });
    expect(ben.senStatus).toMatchObject({ provision: 'NO_SEN', primaryNeed: null, secondaryNeed: null });
    expect(chloe.currentSchool.urn).toBe(OAKWOOD);
    expect(chloe.enrolments[0]).toMatchObject({ endDate: '2099-07-20', isCurrent: true });
    expect(dev.currentSchool).toBeNull();
    expect(dev.enrolments).toHaveLength(1);
    expect(ella).toEqual({
      currentSchool: null,
      enrolments: [],
      attendance: [],
      attendanceSummary: null,
      suspensions: [],
      senStatus: null,
      senHistory: [],
    });
  });

  it('answers a representation whose id is not a platform id with null', async () => {
    const { data, errors } = await query(EDUCATION, children('not-a-uuid', AMARA));
    expect(errors).toBeUndefined();
    expect(data!._entities[0]).toBeNull();
    expect(data!._entities[1].id).toBe(AMARA);
  });

  it('costs the same number of SQL statements for 20 children as for 2 (no N+1)', async () => {
    const two = await counted(EDUCATION, children(...COHORT.slice(0, 2)));
    const twenty = await counted(EDUCATION, children(...COHORT));
    expect(two.result.errors).toBeUndefined();
    expect(twenty.result.errors).toBeUndefined();
    expect(twenty.result.data!._entities).toHaveLength(20);
    expect(twenty.result.data!._entities.every((entity: any) => entity.education.currentSchool.urn === HILLVIEW)).toBe(true);
    expect(twenty.statements).toBe(two.statements);
    // Enrolments, attendance, suspensions and SEN rows by child; schools by URN; numbers
    // on roll; and the one audit INSERT for every child read.
    expect(twenty.statements).toBeLessThanOrEqual(7);
  });
});

describe('schools database constraints', () => {
  const sql = (text: string, parameters: unknown[] = []) => database.dataSource.query(text, parameters);
  const sen = (id: number, provision: string, primary: string | null, secondary: string | null, endDate: string | null = '2020-01-01') =>
    sql(
      `INSERT INTO sen_provision (id, child_id, school_urn, provision, primary_need, secondary_need, start_date, end_date)
       VALUES ($1, $2, $3, $4, $5, $6, '2019-09-01', $7)`,
      [uuid('9', id), FRED, RIVERSIDE, provision, primary, secondary, endDate],
    );

  it('rejects NSA (no specialist assessment) with an EHC plan, and allows it with SEN support', async () => {
    await expect(sen(1, 'E', 'NSA', null)).rejects.toThrow(/sen_provision_nsa_only_with_sen_support/);
    await expect(sen(2, 'E', 'ASD', 'NSA')).rejects.toThrow(/sen_provision_nsa_only_with_sen_support/);
    await expect(sen(3, 'K', 'NSA', null)).resolves.toBeDefined();
  });

  it('keeps need types consistent with the provision', async () => {
    await expect(sen(4, 'N', 'MLD', null)).rejects.toThrow(/sen_provision_needs_match_provision/);
    await expect(sen(5, 'K', null, null)).rejects.toThrow(/sen_provision_needs_match_provision/);
    await expect(sen(6, 'E', 'ASD', 'ASD')).rejects.toThrow(/sen_provision_secondary_differs/);
    await expect(sen(7, 'E', 'ADHD', null)).rejects.toThrow(/sen_provision_primary_need_check/);
    // PostgreSQL reports the first failing check by name; an unknown code fails both of these.
    await expect(sen(8, 'X', null, null)).rejects.toThrow(/sen_provision_(needs_match_provision|provision_check)/);
  });

  it('allows only one current SEN status per child', async () => {
    await expect(sen(9, 'K', 'SLCN', null, null)).resolves.toBeDefined();
    await expect(sen(10, 'E', 'SLCN', null, null)).rejects.toThrow(/sen_provision_one_current_idx/);
  });

  it('rejects absence above possible sessions, negative sessions and a malformed academic year', async () => {
    const attendance = (id: number, year: string, possible: number, authorised: number, unauthorised: number) =>
      sql(
        `INSERT INTO term_attendance (id, child_id, school_urn, academic_year, term, sessions_possible, authorised_absence, unauthorised_absence)
         VALUES ($1, $2, $3, $4, 'AUTUMN', $5, $6, $7)`,
        [uuid('9', id), FRED, RIVERSIDE, year, possible, authorised, unauthorised],
      );
    await expect(attendance(20, '2023/24', 10, 6, 5)).rejects.toThrow(/term_attendance_absence_within_possible/);
    await expect(attendance(21, '2023/24', 10, -1, 0)).rejects.toThrow(/term_attendance_authorised_absence_check/);
    await expect(attendance(22, '2023/25', 10, 0, 0)).rejects.toThrow(/term_attendance_academic_year_format/);
  });

  it('accepts one to three known reason codes on a suspension, and nothing else', async () => {
    const suspension = (id: number, reasons: string[], category = 'FIXD') =>
      sql(
        `INSERT INTO suspension (id, child_id, school_urn, category, start_date, sessions, reasons)
         VALUES ($1, $2, $3, $4, '2024-01-08', 2, $5)`,
        [uuid('9', id), FRED, RIVERSIDE, category, reasons],
      );
    await expect(suspension(30, [])).rejects.toThrow(/suspension_one_to_three_reasons/);
    await expect(suspension(31, ['PD', 'VA', 'VP', 'DB'])).rejects.toThrow(/suspension_one_to_three_reasons/);
    await expect(suspension(32, ['XX'])).rejects.toThrow(/suspension_reason_codes_known/);
    await expect(suspension(33, ['PD'], 'SUSP')).rejects.toThrow(/suspension_category_check/);
    // The migration's list of codes and the descriptions kept as data agree.
    await expect(suspension(34, Object.keys(SUSPENSION_REASONS).slice(0, 3))).resolves.toBeDefined();
    for (const [i, code] of Object.keys(SUSPENSION_REASONS).entries()) {
      await expect(suspension(40 + i, [code]), code).resolves.toBeDefined();
    }
  });

  it('rejects an enrolment that ends before it starts, or at an unknown school', async () => {
    const enrolment = (id: number, urn: string, start: string, end: string | null) =>
      sql('INSERT INTO enrolment (id, child_id, school_urn, start_date, end_date) VALUES ($1, $2, $3, $4, $5)', [uuid('9', id), FRED, urn, start, end]);
    await expect(enrolment(60, RIVERSIDE, '2024-09-04', '2024-09-03')).rejects.toThrow(/enrolment_dates_ordered/);
    await expect(enrolment(61, '100000', '2024-09-04', null)).rejects.toThrow(/enrolment_school_urn_fkey/);
  });
});

describe('schools schema', () => {
  it('describes every type, field, argument and enum value it defines', async () => {
    const schema = await buildSchoolsSchema();
    const missing: string[] = [];
    const federation = (name: string) => name.startsWith('_') || name.startsWith('link__') || name.startsWith('federation__');
    for (const type of Object.values(schema.getTypeMap())) {
      if (federation(type.name) || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
      // type-graphql gives the root Query and Mutation types no description; their fields are checked below.
      if (!type.description && type !== schema.getQueryType() && type !== schema.getMutationType()) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (federation(field.name)) continue;
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('publishes the keys and the census codes behind the SEN enums', async () => {
    const { data } = await query('{ _service { sdl } }');
    const sdl: string = data!._service.sdl;
    expect(sdl).toMatch(/type School\s+@key\(fields: "urn"\)/);
    expect(sdl).toMatch(/type Child\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Locality\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/census code K/);
  });
});
