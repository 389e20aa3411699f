import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestNhsNumber, todayInEngland } from '@local-area-graph/identifiers';
import { startSingleSubgraph, type SingleSubgraph } from '@local-area-graph/test-kit';
import { emptyDemoArea, HEALTH_SERVICE_PROVIDERS, type HealthServiceCode } from '@local-area-graph/demo-data';
import type { DemoArea, WaitingListEntryRecord } from '@local-area-graph/demo-data';
import { health } from './index.js';
import { seedHealth } from './seed.js';
import { childKeyOf } from './child/child-key.js';
import { ContributingPartner1764750000000 } from './migrations/1764750000000-ContributingPartner.js';

const KENT = 'E10000016';
const uuid = (prefix: string, n: number) => `${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const day = (iso: string, delta: number) => new Date(Date.parse(iso) + delta * 86_400_000).toISOString().slice(0, 10);
const nhs = (n: number) => makeTestNhsNumber(n);

let serial = 0;
function entry(fields: Partial<WaitingListEntryRecord> & Pick<WaitingListEntryRecord, 'serviceCode' | 'referralDate' | 'localityId'>): WaitingListEntryRecord {
  serial += 1;
  // Sent by the trust that provides the service, as the demo data has it.
  const partnerId = HEALTH_SERVICE_PROVIDERS[fields.serviceCode as HealthServiceCode] ?? 'RYY';
  return { id: uuid('e', serial), nhsNumber: nhs(serial), priority: 'ROUTINE', firstContactDate: null, removalDate: null, removalReason: null, localAreaCode: KENT, partnerId, ...fields };
}

const JAN_END = '2026-01-31';
/** Dartford, SALT: ten waiting at 31 January 2026, for 1, 2, 3, 5, 10, 15, 20, 30, 40 and 60 weeks. */
const DARTFORD_WEEKS = [1, 2, 3, 5, 10, 15, 20, 30, 40, 60];

function craftedArea(): DemoArea {
  const waitingListEntries: WaitingListEntryRecord[] = DARTFORD_WEEKS.map((w) => entry({ serviceCode: 'SALT', localityId: 'dartford', referralDate: day(JAN_END, -7 * w) }));
  // Not waiting on 31 January: seen before it, removed before it, referred after it.
  waitingListEntries.push(entry({ serviceCode: 'SALT', localityId: 'dartford', referralDate: '2025-10-01', firstContactDate: '2026-01-15' }));
  waitingListEntries.push(entry({ serviceCode: 'SALT', localityId: 'dartford', referralDate: '2025-10-01', removalDate: '2026-01-20', removalReason: 'MOVED_AWAY' }));
  waitingListEntries.push(entry({ serviceCode: 'SALT', localityId: 'dartford', referralDate: '2026-02-05' }));
  // Swale, CAMHS: 12 under 18 weeks and 8 over at 31 January.
  for (let i = 0; i < 20; i++) waitingListEntries.push(entry({ serviceCode: 'CAMHS', localityId: 'swale', referralDate: day(JAN_END, i < 12 ? -30 : -200) }));
  // Thanet, autism assessment: 16 started in March 2026, 8 within 13 weeks (91 days) of referral.
  for (let i = 0; i < 16; i++) {
    waitingListEntries.push(entry({ serviceCode: 'ASD_ASSESSMENT', localityId: 'thanet', referralDate: day('2026-03-10', i < 8 ? -91 : -92), firstContactDate: '2026-03-10' }));
  }
  waitingListEntries.push(...boundaryEntries(), ...twoPartnerEntries());
  return {
    ...emptyDemoArea(),
    waitingListEntries,
  };
}

/** A service the trust runs without a waiting-time standard (added by the test: the migration's all have one). */
const NO_STANDARD = 'SCHOOL_NURSING';

/**
 * Sevenoaks, waiting on 31 January 2026, at the edges of each service's own standard:
 * 10 SALT (18 weeks) at exactly 126 days and 10 at 127; 10 autism assessments (13 weeks)
 * at exactly 91 days and 10 at 92; 10 for a service with no standard at 300 days.
 */
function boundaryEntries(): WaitingListEntryRecord[] {
  const at = (serviceCode: string, days: number) => Array.from({ length: 10 }, () => entry({ serviceCode, localityId: 'sevenoaks', referralDate: day(JAN_END, -days) }));
  return [...at('SALT', 126), ...at('SALT', 127), ...at('ASD_ASSESSMENT', 91), ...at('ASD_ASSESSMENT', 92), ...at(NO_STANDARD, 300)];
}

/** Tonbridge: one child known to both trusts, waiting for CAMHS (sent by RXY) and seen by SALT (sent by RYY). */
const SHARED_CHILD = nhs(5000);
function twoPartnerEntries(): WaitingListEntryRecord[] {
  return [
    entry({ nhsNumber: SHARED_CHILD, serviceCode: 'CAMHS', localityId: 'tonbridge', referralDate: '2025-11-03' }),
    entry({ nhsNumber: SHARED_CHILD, serviceCode: 'SALT', localityId: 'tonbridge', referralDate: '2025-06-02', firstContactDate: '2025-09-01' }),
  ];
}

let sub: SingleSubgraph;
let area: DemoArea;
beforeAll(async () => {
  area = craftedArea();
  sub = await startSingleSubgraph(health, async (db) => {
    await db.query(`INSERT INTO nhs_service (code, name, provider_ods, standard_weeks) VALUES ($1, 'School nursing', 'RYY', NULL)`, [NO_STANDARD]);
    await seedHealth(db, area);
  });
});
afterAll(async () => sub?.stop());

const FIGURES = `query ($id: ID!, $service: String, $from: LocalDate!, $to: LocalDate!) {
  _entities(representations: [{ __typename: "Locality", id: $id }]) {
    ... on Locality { waitingTimes(serviceCode: $service, from: $from, to: $to) {
      month monthEnd
      waiting { value suppressed rounded }
      medianWeeks { value suppressed } p92Weeks { value suppressed }
      shareUnder18Weeks { value suppressed symbol rounded }
      over52Weeks { value suppressed symbol }
      bands { upTo1 { value suppressed } from1To2 { value suppressed } from18To52 { value suppressed } }
      assessmentStartedWithin13Weeks { value suppressed symbol rounded }
    } }
  }
}`;
const figures = async (id: string, service: string | null, from: string, to: string) =>
  (await sub.client.data(FIGURES, { id, service, from, to }))._entities[0].waitingTimes;

describe('waiting times as of each month end', () => {
  it('computes median and 92nd percentile as percentile_cont over weeks waited, rounding and withholding small counts (NHS)', async () => {
    const [jan, feb] = await figures('dartford', 'SALT', '2026-01-01', '2026-02-28');
    expect(jan.month).toBe('2026-01');
    expect(jan.monthEnd).toBe(JAN_END);
    // Ten waiting (seen, removed and not-yet-referred ones left out), shown rounded to 5.
    expect(jan.waiting).toEqual({ value: 10, suppressed: false, rounded: true });
    // Sorted 1,2,3,5,10,15,20,30,40,60: median at position 4.5 → 12.5; p92 at 8.28 → 40 + 0.28 × 20 = 45.6.
    expect(jan.medianWeeks.value).toBeCloseTo(12.5, 6);
    expect(jan.p92Weeks.value).toBeCloseTo(45.6, 6);
    // 6 under 18 weeks: too few to show the share; 1 over 52 weeks: withheld, never 0.
    expect(jan.shareUnder18Weeks).toMatchObject({ value: null, suppressed: true, symbol: 'CONFIDENTIAL' });
    expect(jan.over52Weeks).toEqual({ value: null, suppressed: true, symbol: 'CONFIDENTIAL' });
    expect(jan.bands.upTo1).toEqual({ value: 0, suppressed: false });
    expect(jan.bands.from1To2).toEqual({ value: null, suppressed: true });
    expect(jan.assessmentStartedWithin13Weeks.symbol).toBe('NOT_APPLICABLE');
    // 28 February: the same ten four weeks on, and the February referral (23 days, 3.29 weeks): median is the sixth of 11, 14 weeks.
    expect(feb.waiting.value).toBe(10);
    expect(feb.medianWeeks.value).toBeCloseTo(14, 6);
  });

  it('publishes a share from counts rounded to 5, and withholds statistics over fewer than 8', async () => {
    const [jan] = await figures('swale', 'CAMHS', '2026-01-01', '2026-01-31');
    // 12 of 20 under 18 weeks: shown as 10 / 20.
    expect(jan.shareUnder18Weeks).toEqual({ value: 0.5, suppressed: false, symbol: null, rounded: true });
    expect(jan.bands.from18To52).toEqual({ value: 10, suppressed: false }); // 8 rounds to 10
    const [dec] = await figures('swale', 'CAMHS', '2025-07-01', '2025-07-31'); // the 8 long waiters only, 4 weeks in
    expect(dec.waiting.value).toBe(10);
    expect(dec.medianWeeks.suppressed).toBe(false);
    const [early] = await figures('dartford', 'SALT', '2025-03-01', '2025-03-31'); // only the 60-week wait had started
    expect(early.waiting).toEqual({ value: null, suppressed: true, rounded: false });
    expect(early.medianWeeks).toEqual({ value: null, suppressed: true });
  });

  it('gives autism assessment the share started within 13 weeks among those seen that month', async () => {
    const months = await figures('thanet', 'ASD_ASSESSMENT', '2026-02-01', '2026-03-31');
    expect(months.map((m: { month: string }) => m.month)).toEqual(['2026-02', '2026-03']);
    expect(months[0].assessmentStartedWithin13Weeks.symbol).toBe('NOT_APPLICABLE'); // nobody seen in February
    // 8 of 16 within 13 weeks: shown as 10 / 15.
    expect(months[1].assessmentStartedWithin13Weeks.value).toBeCloseTo(10 / 15, 6);
    expect(months[1].assessmentStartedWithin13Weeks.rounded).toBe(true);
  });

  it('refuses a backwards range, more than 36 months, and an unknown service naming serviceCode', async () => {
    const ask = (service: string | null, from: string, to: string) => sub.client.query(FIGURES, { id: 'dartford', service, from, to });
    expect((await ask('SALT', '2026-02-01', '2026-01-01')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
    expect((await ask('SALT', '2023-01-01', '2026-01-01')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
    expect((await ask('NOPE', '2026-01-01', '2026-01-31')).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'serviceCode' });
  });

  it('lists the services with their standards', async () => {
    const { nhsServices } = await sub.client.data('{ nhsServices { code name providerOdsCode standardWeeks } }');
    expect(nhsServices.find((s: { code: string }) => s.code === 'ASD_ASSESSMENT')).toMatchObject({ standardWeeks: 13 });
    expect(nhsServices.find((s: { code: string }) => s.code === 'CAMHS')).toMatchObject({ standardWeeks: 18 });
    expect(nhsServices.every((s: { providerOdsCode: string }) => /^R[A-Z0-9]{2}$/.test(s.providerOdsCode))).toBe(true);
  });
});

describe('waiting times of complete months, stored', () => {
  const stored = async (variant: string, key: string): Promise<string[]> =>
    (await sub.database.dataSource.query(`SELECT month FROM month_figure WHERE family = 'waiting-times' AND variant = $1 AND scope_key = $2 ORDER BY month`, [variant, key])).map(
      (row: { month: string }) => row.month,
    );

  it('keeps the complete months asked for, never the current one', async () => {
    const today = todayInEngland();
    const months = await figures('swale', 'CAMHS', '2025-12-01', today);
    expect(months[months.length - 1].month).toBe(today.slice(0, 7));
    const kept = await stored('locality:CAMHS', 'swale');
    expect(kept).toEqual(expect.arrayContaining(months.slice(0, -1).map((m: { month: string }) => m.month)));
    expect(kept).not.toContain(today.slice(0, 7));
  });

  it('follows a wait changed with SQL: the months from its referral month on are computed again', async () => {
    await figures('dartford', 'SALT', '2025-03-01', '2025-03-31');
    expect((await figures('dartford', 'SALT', '2026-01-01', '2026-02-28'))[0].medianWeeks.value).toBeCloseTo(12.5, 6);
    const oneWeek = area.waitingListEntries[0]!; // referred 24 January 2026
    const db = sub.database.dataSource;
    try {
      await db.query(`UPDATE waiting_list_entry SET first_contact_date = '2026-01-30' WHERE id = $1`, [oneWeek.id]);
      // Every service, scope and key of the family, from January 2026 on; March 2025 is kept.
      expect(await stored('locality:SALT', 'dartford')).toEqual(['2025-03']);
      // Seen on 30 January: nine waiting at the month end, 2 to 60 weeks: the median is the fifth, 15 weeks.
      expect((await figures('dartford', 'SALT', '2026-01-01', '2026-02-28'))[0].medianWeeks.value).toBeCloseTo(15, 6);
    } finally {
      await db.query('UPDATE waiting_list_entry SET first_contact_date = NULL WHERE id = $1', [oneWeek.id]);
    }
    expect((await figures('dartford', 'SALT', '2026-01-01', '2026-02-28'))[0].medianWeeks.value).toBeCloseTo(12.5, 6);
  });
});

const WAITS = `query ($nhs: NhsNumber!) { _entities(representations: [{ __typename: "Child", nhsNumber: $nhs }]) {
  ... on Child { health { waits { id status service { code } weeksWaited(asOf: "2026-01-31") standardWeeks breachesStandard(asOf: "2026-01-31") } pastWaits { id status } } } } }`;

describe("a child's waits", () => {
  it('shows current and past waits with weeks waited against the standard', async () => {
    const sixty = area.waitingListEntries[9]!;
    const { _entities } = await sub.client.data(WAITS, { nhs: sixty.nhsNumber });
    expect(_entities[0].health.waits).toEqual([{ id: sixty.id, status: 'WAITING', service: { code: 'SALT' }, weeksWaited: 60, standardWeeks: 18, breachesStandard: true }]);
    const seen = area.waitingListEntries[10]!;
    expect((await sub.client.data(WAITS, { nhs: seen.nhsNumber }))._entities[0].health).toMatchObject({ waits: [], pastWaits: [{ id: seen.id, status: 'SEEN' }] });
  });

  it("lets a clinician see only children referred to their service, and audits the read under the child's health key", async () => {
    const salt = area.waitingListEntries[0]!;
    const camhs = area.waitingListEntries.find((e) => e.serviceCode === 'CAMHS')!;
    const clinician = await sub.as({ sub: 'a.therapist', role: 'CLINICIAN', services: ['SALT'] });
    expect((await clinician.query(WAITS, { nhs: salt.nhsNumber })).data?._entities[0].health.waits).toHaveLength(1);
    const refused = await clinician.query(WAITS, { nhs: camhs.nhsNumber });
    expect(refused.data?._entities[0].health).toEqual({ waits: null, pastWaits: null });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const lead = await sub.as({ sub: 'a.lead', role: 'LOCALITY_LEAD', localities: ['dartford'] });
    expect((await lead.query(WAITS, { nhs: salt.nhsNumber })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const audit = await sub.database.dataSource.query(`SELECT child_id FROM access_audit WHERE subject = 'a.therapist'`);
    expect(audit.map((row: { child_id: string }) => row.child_id)).toEqual([childKeyOf(salt.nhsNumber)]);
  });
});

const SUBMIT = `mutation ($batch: ReferralBatchInput!) { submitReferralUpdates(batch: $batch) { applied replayed accepted refused { index field reason } } }`;

describe('partner referral batches', () => {
  const waiting = () => area.waitingListEntries.filter((e) => e.serviceCode === 'CAMHS');
  const fresh = (n: number) => ({ kind: 'NEW_REFERRAL', nhsNumber: nhs(9000 + n), serviceCode: 'CAMHS', referralDate: '2026-01-05', localityId: 'dover', localAreaCode: KENT });
  const count = async () => Number((await sub.database.dataSource.query('SELECT count(*)::int AS n FROM waiting_list_entry'))[0].n);

  it('applies nothing when any row is bad, and reports every refused row', async () => {
    const before = await count();
    const partner = await sub.as({ sub: 'trust.feed', role: 'PARTNER', partner: 'RXY' });
    const badNhs = `${nhs(9100).slice(0, 9)}${(Number(nhs(9100)[9]) + 1) % 10}`;
    const { submitReferralUpdates: report } = await partner.data(SUBMIT, {
      batch: {
        idempotencyKey: 'bad-1',
        rows: [
          fresh(1),
          { ...fresh(2), nhsNumber: badNhs },
          { kind: 'CLOCK_STOP', entryId: waiting()[0]!.id, firstContactDate: '2099-01-01' },
          { kind: 'REMOVAL', entryId: area.waitingListEntries[10]!.id, removalDate: '2026-02-01', reason: 'OTHER' },
        ],
      },
    });
    expect(report).toMatchObject({ applied: false, replayed: false, accepted: 1 });
    expect(report.refused.map((r: { index: number; field: string }) => [r.index, r.field])).toEqual([[1, 'nhsNumber'], [2, 'firstContactDate'], [3, 'entryId']]);
    expect(await count()).toBe(before);
  });

  it('applies a good batch once, replays it, and refuses the same key with other rows (CONFLICT)', async () => {
    const before = await count();
    const partner = await sub.as({ sub: 'trust.feed', role: 'PARTNER', partner: 'RXY' });
    const batch = { idempotencyKey: 'good-1', rows: [fresh(3), { kind: 'CLOCK_STOP', entryId: waiting()[1]!.id, firstContactDate: '2026-02-02' }] };
    expect((await partner.data(SUBMIT, { batch })).submitReferralUpdates).toEqual({ applied: true, replayed: false, accepted: 2, refused: [] });
    expect((await partner.data(SUBMIT, { batch })).submitReferralUpdates).toEqual({ applied: true, replayed: true, accepted: 2, refused: [] });
    expect(await count()).toBe(before + 1);
    const [row] = await sub.database.dataSource.query('SELECT first_contact_date::text AS d FROM waiting_list_entry WHERE id = $1', [waiting()[1]!.id]);
    expect(row.d).toBe('2026-02-02');
    const other = await partner.query(SUBMIT, { batch: { ...batch, rows: [fresh(4)] } });
    expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await count()).toBe(before + 1);
  });

  it("refuses a clinician writing to another service's list, and roles that do not write", async () => {
    const clinician = await sub.as({ sub: 'a.therapist', role: 'CLINICIAN', services: ['SALT'] });
    const result = await clinician.query(SUBMIT, { batch: { idempotencyKey: 'c-1', rows: [fresh(5)] } });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const analyst = await sub.as({ sub: 'an.analyst', role: 'ANALYST' });
    expect((await analyst.query(SUBMIT, { batch: { idempotencyKey: 'a-1', rows: [fresh(6)] } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const own = await clinician.data(SUBMIT, { batch: { idempotencyKey: 'c-2', rows: [{ ...fresh(7), serviceCode: 'SALT' }] } });
    expect(own.submitReferralUpdates.applied).toBe(true);
  });
});

describe("breaches against each service's own standard", () => {
  const BREACH = `query ($r: [_Any!]!, $asOf: LocalDate) { _entities(representations: $r) { ... on Child { health {
    waits { id service { code } weeksWaited(asOf: $asOf) standardWeeks breachesStandard(asOf: $asOf) }
    pastWaits { id weeksWaited(asOf: $asOf) breachesStandard(asOf: $asOf) } } } } }`;
  const judged = async (entries: WaitingListEntryRecord[], asOf = JAN_END) => {
    const { _entities } = await sub.client.data(BREACH, { r: entries.map((e) => ({ __typename: 'Child', nhsNumber: e.nhsNumber })), asOf });
    return _entities.map((child: { health: { waits: object[]; pastWaits: object[] } }) => [...child.health.waits, ...child.health.pastWaits][0]);
  };
  const sevenoaks = (serviceCode: string, days: number) =>
    area.waitingListEntries.find((e) => e.localityId === 'sevenoaks' && e.serviceCode === serviceCode && e.referralDate === day(JAN_END, -days))!;

  it('breaches 18 weeks from day 127, not at exactly 18 weeks (126 days)', async () => {
    const [at, after] = await judged([sevenoaks('SALT', 126), sevenoaks('SALT', 127)]);
    expect(at).toMatchObject({ service: { code: 'SALT' }, weeksWaited: 18, standardWeeks: 18, breachesStandard: false });
    expect(after).toMatchObject({ weeksWaited: 18, standardWeeks: 18, breachesStandard: true });
  });

  it('judges autism assessment against its own 13 weeks (NICE QS51), not 18: day 91 within, day 92 breached', async () => {
    const [at, after] = await judged([sevenoaks('ASD_ASSESSMENT', 91), sevenoaks('ASD_ASSESSMENT', 92)]);
    expect(at).toMatchObject({ service: { code: 'ASD_ASSESSMENT' }, weeksWaited: 13, standardWeeks: 13, breachesStandard: false });
    expect(after).toMatchObject({ weeksWaited: 13, standardWeeks: 13, breachesStandard: true });
    // The same 92-day wait a week earlier: 85 days, within 13 weeks.
    expect((await judged([sevenoaks('ASD_ASSESSMENT', 92)], day(JAN_END, -7)))[0]).toMatchObject({ weeksWaited: 12, breachesStandard: false });
  });

  it('judges an ended wait by its clock stop: started on day 91 met the standard, on day 92 breached it', async () => {
    // Thanet's assessments, seen on 10 March 2026: 8 referred 91 days before, 8 referred 92.
    const thanet = area.waitingListEntries.filter((e) => e.localityId === 'thanet');
    const [within, late] = await judged([thanet[0]!, thanet[15]!], '2026-11-20');
    expect(within).toEqual({ id: thanet[0]!.id, weeksWaited: 13, breachesStandard: false });
    expect(late).toEqual({ id: thanet[15]!.id, weeksWaited: 13, breachesStandard: true });
  });

  it('says nothing (null, not false) for a service without a standard', async () => {
    const [none] = await judged([sevenoaks(NO_STANDARD, 300)]);
    expect(none).toMatchObject({ service: { code: NO_STANDARD }, weeksWaited: 42, standardWeeks: null, breachesStandard: null });
  });

  const BREACHING = `query ($id: ID!, $service: String) { _entities(representations: [{ __typename: "Locality", id: $id }]) {
    ... on Locality { waitingTimes(serviceCode: $service, from: "2026-01-01", to: "2026-01-31") {
      waiting { value } breachingStandard { value suppressed symbol rounded } shareBreachingStandard { value suppressed symbol rounded } } } } }`;
  const breaching = async (id: string, service: string | null) => (await sub.client.data(BREACHING, { id, service }))._entities[0].waitingTimes[0];

  it('counts waits beyond their own service standard in the month-end figures, each service by its own', async () => {
    // SALT: 10 of 20 past 126 days; autism: 10 of 20 past 91 days.
    for (const service of ['SALT', 'ASD_ASSESSMENT']) {
      expect(await breaching('sevenoaks', service)).toEqual({
        waiting: { value: 20 },
        breachingStandard: { value: 10, suppressed: false, symbol: null, rounded: true },
        shareBreachingStandard: { value: 0.5, suppressed: false, symbol: null, rounded: true },
      });
    }
    // Every service together: 20 of the 40 waiting for a service with a standard; the 10
    // waiting for a service without one are in neither count.
    expect(await breaching('sevenoaks', null)).toEqual({
      waiting: { value: 50 },
      breachingStandard: { value: 20, suppressed: false, symbol: null, rounded: true },
      shareBreachingStandard: { value: 0.5, suppressed: false, symbol: null, rounded: true },
    });
  });

  it('gives not applicable for a service without a standard, and withholds small breach counts (NHS)', async () => {
    const none = await breaching('sevenoaks', NO_STANDARD);
    expect(none.breachingStandard).toEqual({ value: null, suppressed: false, symbol: 'NOT_APPLICABLE', rounded: false });
    expect(none.shareBreachingStandard).toEqual({ value: null, suppressed: false, symbol: 'NOT_APPLICABLE', rounded: false });
    // Dartford SALT at 31 January: 20, 30, 40 and 60 weeks are past 18 (4 of 10): withheld, never 0.
    const dartford = await breaching('dartford', 'SALT');
    expect(dartford.breachingStandard).toEqual({ value: null, suppressed: true, symbol: 'CONFIDENTIAL', rounded: false });
    expect(dartford.shareBreachingStandard).toMatchObject({ value: null, suppressed: true, symbol: 'CONFIDENTIAL' });
  });
});

describe('a partner organisation sees the data it sent, and nothing else', () => {
  const CHILD = `query ($nhs: NhsNumber!) { _entities(representations: [{ __typename: "Child", nhsNumber: $nhs }]) {
    ... on Child { health { waits { id partnerId service { code } } pastWaits { id partnerId service { code } } } } } }`;
  const mental = () => sub.as({ sub: 'rxy.feed', role: 'PARTNER', partner: 'RXY' });
  const community = () => sub.as({ sub: 'ryy.feed', role: 'PARTNER', partner: 'RYY' });
  const [camhs, salt] = [0, 1].map((i) => () => area.waitingListEntries.filter((e) => e.nhsNumber === SHARED_CHILD)[i]!);

  it("shows each trust only its own entries of a child both know, and refuses a child it sent nothing for", async () => {
    expect((await (await mental()).data(CHILD, { nhs: SHARED_CHILD }))._entities[0].health).toEqual({
      waits: [{ id: camhs().id, partnerId: 'RXY', service: { code: 'CAMHS' } }],
      pastWaits: [],
    });
    expect((await (await community()).data(CHILD, { nhs: SHARED_CHILD }))._entities[0].health).toEqual({
      waits: [],
      pastWaits: [{ id: salt().id, partnerId: 'RYY', service: { code: 'SALT' } }],
    });
    // A SALT-only child of Dartford: nothing the mental health trust sent.
    const other = await (await mental()).query(CHILD, { nhs: area.waitingListEntries[0]!.nhsNumber });
    expect(other.data?._entities[0].health).toEqual({ waits: null, pastWaits: null });
    expect(other.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    // Another organisation altogether, and a partner token that names none.
    for (const stranger of [await sub.as({ sub: 'charity', role: 'PARTNER', partner: 'young-carers' }), await sub.as({ sub: 'nobody', role: 'PARTNER' })]) {
      const refused = await stranger.query(CHILD, { nhs: SHARED_CHILD });
      expect(refused.data?._entities[0].health).toEqual({ waits: null, pastWaits: null });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  const LIST = `query ($partner: ID, $status: WaitStatus, $after: String, $first: Int = 5) { partnerWaits(partnerId: $partner, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } waits { nhsNumber entry { id partnerId status referralDate } child { health { waits { id } pastWaits { id } } } } } }`;

  it('lists its own entries newest referral first, page by page, each child an audited read', async () => {
    const ryy = await community();
    const ownWaiting = area.waitingListEntries
      .filter((e) => e.partnerId === 'RYY' && !e.firstContactDate && !e.removalDate)
      .sort((a, b) => (a.referralDate > b.referralDate ? -1 : a.referralDate < b.referralDate ? 1 : a.id > b.id ? -1 : 1));
    const first = await ryy.data(LIST, { status: 'WAITING' });
    const second = await ryy.data(LIST, { status: 'WAITING', after: first.partnerWaits.pageInfo.endCursor });
    expect(first.partnerWaits.totalCount).toBeGreaterThanOrEqual(ownWaiting.length); // the tests' own new referrals may add to it
    const listed = [...first.partnerWaits.waits, ...second.partnerWaits.waits];
    expect(listed).toHaveLength(10);
    expect(listed.every((w: { entry: { partnerId: string; status: string } }) => w.entry.partnerId === 'RYY' && w.entry.status === 'WAITING')).toBe(true);
    const dates = listed.map((w: { entry: { referralDate: string } }) => w.entry.referralDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    // Through the list, the child's health shows the partner's own entries only.
    const shared = (await ryy.data(LIST, { status: 'SEEN', first: 100 })).partnerWaits.waits.find((w: { nhsNumber: string }) => w.nhsNumber === SHARED_CHILD);
    expect(shared?.child.health).toEqual({ waits: [], pastWaits: [{ id: salt().id }] });
    const audited = await sub.database.dataSource.query(`SELECT DISTINCT child_id FROM access_audit WHERE subject = 'ryy.feed' AND 'Query.partnerWaits' = ANY(fields)`);
    expect(audited.map((row: { child_id: string }) => row.child_id)).toContain(childKeyOf(SHARED_CHILD));
  });

  it("refuses another organisation's list, roles that are not partners, and lets an administrator name the partner", async () => {
    const asked = await (await mental()).query(LIST, { partner: 'RYY' });
    expect(asked.data?.partnerWaits ?? null).toBeNull();
    expect(asked.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const client of [await sub.as({ sub: 'a.therapist', role: 'CLINICIAN', services: ['SALT'] }), await sub.as({ sub: 'cw', role: 'CASEWORKER' }), await sub.as({ sub: 'nobody', role: 'PARTNER' })]) {
      expect((await client.query(LIST, {})).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await sub.client.query(LIST, {})).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'partnerId' });
    const admin = await sub.client.data(LIST, { partner: 'RXY', status: 'WAITING' });
    expect(admin.partnerWaits.waits.every((w: { entry: { partnerId: string } }) => w.entry.partnerId === 'RXY')).toBe(true);
  });

  it('records the sender on each entry and batch, reports each row with its entry, and keeps a partner off entries it did not send', async () => {
    const rxy = await mental();
    const rows = [
      { kind: 'NEW_REFERRAL', nhsNumber: nhs(7001), serviceCode: 'ASD_ASSESSMENT', referralDate: '2026-01-05', localityId: 'dover', localAreaCode: KENT },
      { kind: 'CLOCK_STOP', entryId: camhs().id, firstContactDate: '2026-01-20' },
    ];
    const REPORT = `mutation ($batch: ReferralBatchInput!) { submitReferralUpdates(batch: $batch) { applied rows { index kind entryId } refused { index field reason } } }`;
    const applied = (await rxy.data(REPORT, { batch: { idempotencyKey: 'rxy-1', rows } })).submitReferralUpdates;
    expect(applied.applied).toBe(true);
    expect(applied.rows).toEqual([
      { index: 0, kind: 'NEW_REFERRAL', entryId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      { index: 1, kind: 'CLOCK_STOP', entryId: camhs().id },
    ]);
    // Whatever the service, the new entry is the sending partner's.
    const [fresh] = await sub.database.dataSource.query('SELECT partner_id, service_code FROM waiting_list_entry WHERE id = $1', [applied.rows[0].entryId]);
    expect(fresh).toEqual({ partner_id: 'RXY', service_code: 'ASD_ASSESSMENT' });
    const [batch] = await sub.database.dataSource.query(`SELECT partner_id FROM referral_batch WHERE idempotency_key = 'rxy-1'`);
    expect(batch.partner_id).toBe('RXY');
    // The other trust may not stop the clock of RXY's entry, and is not told it exists.
    const foreign = (await (await community()).data(REPORT, { batch: { idempotencyKey: 'ryy-1', rows: [{ kind: 'REMOVAL', entryId: applied.rows[0].entryId, removalDate: '2026-01-21', reason: 'OTHER' }] } }))
      .submitReferralUpdates;
    expect(foreign).toMatchObject({ applied: false, rows: [], refused: [{ index: 0, field: 'entryId', reason: expect.stringContaining('no waiting-list entry your organisation sent') }] });
    // A partner token naming no organisation may not write at all.
    expect((await (await sub.as({ sub: 'nobody', role: 'PARTNER' })).query(REPORT, { batch: { idempotencyKey: 'n-1', rows } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  const BATCHES = `query ($after: String) { referralBatches(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    nodes { idempotencyKey submitter partnerId submittedAt report { applied replayed accepted rows { index kind entryId } } } } }`;

  it('lists its own applied batches with their per-row reports, newest first, and no one else sees them', async () => {
    const rxy = await mental();
    const first = (await rxy.data(BATCHES)).referralBatches;
    const keep = await sub.database.dataSource.query(`SELECT idempotency_key FROM referral_batch WHERE partner_id = 'RXY' ORDER BY submitted_at DESC, idempotency_key DESC`);
    expect(first.totalCount).toBe(keep.length);
    expect(first.totalCount).toBeGreaterThanOrEqual(2); // good-1 from the batch tests, rxy-1 above
    const all = [first.nodes[0]];
    for (let page = first; page.pageInfo.hasNextPage; ) {
      page = (await rxy.data(BATCHES, { after: page.pageInfo.endCursor })).referralBatches;
      all.push(...page.nodes);
    }
    expect(all.map((b: { idempotencyKey: string }) => b.idempotencyKey)).toEqual(keep.map((row: { idempotency_key: string }) => row.idempotency_key));
    expect(all.every((b: { partnerId: string }) => b.partnerId === 'RXY')).toBe(true);
    expect(all.find((b: { idempotencyKey: string }) => b.idempotencyKey === 'rxy-1').report).toMatchObject({ applied: true, replayed: false, accepted: 2, rows: [{ index: 0, kind: 'NEW_REFERRAL' }, { index: 1, kind: 'CLOCK_STOP' }] });
    // The other trust sees none of them; a clinician only the batches they sent; a locality lead none.
    const ryyKeys = (await (await community()).data(BATCHES)).referralBatches.nodes.map((b: { partnerId: string }) => b.partnerId);
    expect(ryyKeys.every((id: string) => id === 'RYY')).toBe(true);
    const clinician = (await (await sub.as({ sub: 'a.therapist', role: 'CLINICIAN', services: ['SALT'] })).data(BATCHES)).referralBatches;
    expect(clinician.nodes.map((b: { submitter: string; partnerId: string | null }) => [b.submitter, b.partnerId])).toEqual([['a.therapist', null]]);
    const lead = await (await sub.as({ sub: 'a.lead', role: 'LOCALITY_LEAD', localities: ['dartford'] })).query(BATCHES);
    expect(lead.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the contributing-partner migration', () => {
  it('gives entries already held the ODS code of the trust that provides their service', async () => {
    const runner = sub.database.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const migration = new ContributingPartner1764750000000();
      await migration.down(runner);
      await migration.up(runner);
      const rows = await runner.query(`SELECT DISTINCT e.service_code, e.partner_id FROM waiting_list_entry e WHERE e.service_code IN ('CAMHS', 'SALT') ORDER BY 1`);
      expect(rows).toEqual([{ service_code: 'CAMHS', partner_id: 'RXY' }, { service_code: 'SALT', partner_id: 'RYY' }]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
