import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSingleSubgraph, type SingleSubgraph } from '@local-area-graph/test-kit';
import { emptyDemoArea, type DemoArea, type SenProvisionRecord, type SuspensionRecord } from '@local-area-graph/demo-data';
import { completeMonthsBefore } from '@local-area-graph/identifiers';
import { schools } from './index.js';
import { seedSchools } from './seed.js';
import { todayInEngland } from './calendar.js';

const uuid = (prefix: string, n: number) => `${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const KENT = 'E10000016';
const RIVERSIDE = '118001'; // dartford
const OAKWOOD = '118003'; // swale

/** The last complete month and the one before, where the hand-made suspensions fall. */
const { months, from, to } = completeMonthsBefore(todayInEngland(), 12);
const LAST = months[11]!;
const BEFORE = months[10]!;

/**
 * At Riverside (dartford) in the last complete month: 7 suspensions of pupils with SEN
 * (5 on SEN support, 2 with an EHC plan), 9 of pupils without, one of a pupil whose SEN
 * support ended the day before (without), one permanent exclusion (not counted). The
 * month before: 2 with SEN and 8 without (2 withheld, and 8 with it, or 10 − 8 gives
 * 2 away). At Oakwood (swale): 3 suspensions last month, all withheld.
 */
function area(): DemoArea {
  const suspensions: SuspensionRecord[] = [];
  const senProvision: SenProvisionRecord[] = [];
  let n = 0;
  const suspend = (school: string, day: string, withSen: 'K' | 'E' | null, category: SuspensionRecord['category'] = 'FIXD', senEnded?: string) => {
    n++;
    const childId = uuid('a', n);
    if (withSen) senProvision.push({ id: uuid('c', n), childId, schoolUrn: school, provision: withSen, primaryNeed: 'SEMH', secondaryNeed: null, startDate: '2024-09-01', endDate: senEnded ?? null });
    suspensions.push({ id: uuid('f', n), childId, schoolUrn: school, category, startDate: day, sessions: 2, reasons: ['PD'] });
  };
  for (let i = 0; i < 5; i++) suspend(RIVERSIDE, `${LAST}-0${i + 1}`, 'K');
  for (let i = 0; i < 2; i++) suspend(RIVERSIDE, `${LAST}-1${i}`, 'E', i === 0 ? 'LNCH' : 'FIXD');
  for (let i = 0; i < 9; i++) suspend(RIVERSIDE, `${LAST}-2${i % 8}`, null);
  suspend(RIVERSIDE, `${LAST}-15`, 'K', 'FIXD', `${LAST}-14`);
  suspend(RIVERSIDE, `${LAST}-16`, 'K', 'PERM');
  for (let i = 0; i < 2; i++) suspend(RIVERSIDE, `${BEFORE}-0${i + 1}`, 'K');
  for (let i = 0; i < 8; i++) suspend(RIVERSIDE, `${BEFORE}-1${i}`, null);
  for (let i = 0; i < 3; i++) suspend(OAKWOOD, `${LAST}-0${i + 1}`, 'E');
  return {
    ...emptyDemoArea(),
    schools: [
      { urn: RIVERSIDE, establishmentNumber: '2001', name: 'Riverside Primary School', phase: 'PRIMARY', type: 'LA_MAINTAINED', localityId: 'dartford', localAreaCode: KENT, statutoryLowAge: 4, statutoryHighAge: 11 },
      { urn: OAKWOOD, establishmentNumber: '7001', name: 'Oakwood School', phase: 'SPECIAL', type: 'SPECIAL_SCHOOL', localityId: 'swale', localAreaCode: KENT, statutoryLowAge: 4, statutoryHighAge: 19 },
    ],
    suspensions,
    senProvision,
  };
}

let subgraph: SingleSubgraph;
beforeAll(async () => {
  subgraph = await startSingleSubgraph(schools, (db) => seedSchools(db, area()));
});
afterAll(async () => subgraph?.stop());

const FIELDS = 'month suspensions { value suppressed } ofPupilsWithSen { value suppressed } ofPupilsWithoutSen { value suppressed }';
const shown = (value: number) => ({ value, suppressed: false });
const withheld = { value: null, suppressed: true };

describe('suspensions of pupils with SEN, month by month', () => {
  it('counts suspensions by SEN status on the day, leaves permanent exclusions out, and protects each month as a breakdown', async () => {
    const data = await subgraph.client.data(
      `query($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!) { _entities(representations: $r) {
        ... on Locality { id suspensionsByMonth(from: $from, to: $to) { ${FIELDS} } }
        ... on LocalArea { code suspensionsByMonth(from: $from, to: $to) { ${FIELDS} } } } }`,
      { r: [{ __typename: 'Locality', id: 'dartford' }, { __typename: 'Locality', id: 'swale' }, { __typename: 'LocalArea', code: KENT }], from, to },
    );
    const [dartford, swale, kent] = data._entities;
    expect(dartford.suspensionsByMonth).toHaveLength(12);
    expect(dartford.suspensionsByMonth[11]).toEqual({ month: LAST, suspensions: shown(17), ofPupilsWithSen: shown(7), ofPupilsWithoutSen: shown(10) });
    expect(dartford.suspensionsByMonth[10]).toEqual({ month: BEFORE, suspensions: shown(10), ofPupilsWithSen: withheld, ofPupilsWithoutSen: withheld });
    // A month with none is a true 0.
    expect(dartford.suspensionsByMonth[0]).toEqual({ month: months[0], suspensions: shown(0), ofPupilsWithSen: shown(0), ofPupilsWithoutSen: shown(0) });
    expect(swale.suspensionsByMonth[11]).toEqual({ month: LAST, suspensions: withheld, ofPupilsWithSen: withheld, ofPupilsWithoutSen: shown(0) });
    expect(kent.suspensionsByMonth[11]).toEqual({ month: LAST, suspensions: shown(20), ofPupilsWithSen: shown(10), ofPupilsWithoutSen: shown(10) });
  });

  it('gives the same figures over the last 12 complete months without arguments, for another subgraph to require', async () => {
    const data = await subgraph.client.data(
      `query($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!) { _entities(representations: $r) {
        ... on Locality { byMonth: suspensionsByMonth(from: $from, to: $to) { ${FIELDS} } last12: suspensionsLast12Months { ${FIELDS} } }
        ... on LocalArea { byMonth: suspensionsByMonth(from: $from, to: $to) { ${FIELDS} } last12: suspensionsLast12Months { ${FIELDS} } } } }`,
      { r: [{ __typename: 'Locality', id: 'dartford' }, { __typename: 'LocalArea', code: KENT }], from, to },
    );
    for (const entity of data._entities) {
      expect(entity.last12.map((m: { month: string }) => m.month)).toEqual(months);
      expect(entity.last12).toEqual(entity.byMonth);
    }
  });

  it('refuses a range that runs backwards or spans more than 36 months, naming `to`', async () => {
    for (const [f, t] of [['2026-05-01', '2026-04-01'], ['2023-01-01', '2026-01-31']]) {
      const { errors } = await subgraph.client.query(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on LocalArea { suspensionsByMonth(from: "${f}", to: "${t}") { month } } } }`,
        { r: [{ __typename: 'LocalArea', code: KENT }] },
      );
      expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
    }
  });
});

describe('suspensions of complete months, stored', () => {
  const stored = async (): Promise<string[]> =>
    (await subgraph.database.dataSource.query(`SELECT month FROM month_figure WHERE family = 'suspensions' AND variant = 'locality' AND scope_key = 'dartford' ORDER BY month`)).map(
      (row: { month: string }) => row.month,
    );
  const last = async () =>
    (await subgraph.client.data(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Locality { suspensionsLast12Months { ${FIELDS} } } } }`, { r: [{ __typename: 'Locality', id: 'dartford' }] }))
      ._entities[0].suspensionsLast12Months[11];

  it('follows a SEN provision changed with SQL: its pupils\' suspensions from its start on are counted again', async () => {
    expect(await last()).toEqual({ month: LAST, suspensions: shown(17), ofPupilsWithSen: shown(7), ofPupilsWithoutSen: shown(10) });
    expect(await stored()).toEqual(months);
    const db = subgraph.database.dataSource;
    // The first pupil's SEN support ends the day they were suspended: that day they had none.
    const provision = uuid('c', 1);
    try {
      await db.query(`UPDATE sen_provision SET end_date = $2 WHERE id = $1`, [provision, `${LAST}-01`]);
      expect(await stored()).toEqual([]); // started in 2024: every stored month from then on
      expect(await last()).toEqual({ month: LAST, suspensions: shown(17), ofPupilsWithSen: shown(6), ofPupilsWithoutSen: shown(11) });
    } finally {
      await db.query('UPDATE sen_provision SET end_date = NULL WHERE id = $1', [provision]);
    }
    expect(await last()).toEqual({ month: LAST, suspensions: shown(17), ofPupilsWithSen: shown(7), ofPupilsWithoutSen: shown(10) });
  });

  it('stores only the whole months of a range that starts or ends inside a month', async () => {
    await subgraph.database.dataSource.query(`DELETE FROM month_figure`);
    const data = await subgraph.client.data(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Locality { suspensionsByMonth(from: "${months[9]}-15", to: "${LAST}-10") { ${FIELDS} } } } }`,
      { r: [{ __typename: 'Locality', id: 'dartford' }] },
    );
    // From the 10th of the last month on nothing is counted: 5 on SEN support from the 1st to the 5th, 1 with a plan on the 10th.
    expect(data._entities[0].suspensionsByMonth[2]).toEqual({ month: LAST, suspensions: shown(6), ofPupilsWithSen: shown(6), ofPupilsWithoutSen: shown(0) });
    expect(await stored()).toEqual([BEFORE]);
  });
});
