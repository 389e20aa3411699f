import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestNhsNumber } from '@local-area-graph/identifiers';
import { startSingleSubgraph, type SingleSubgraph } from '@local-area-graph/test-kit';
import { emptyDemoArea } from '@local-area-graph/demo-data';
import type { DemoArea, WaitingListEntryRecord } from '@local-area-graph/demo-data';
import { health } from './index.js';
import { seedHealth } from './seed.js';
import { childKeyOf } from './child/child-key.js';

const KENT = 'E10000016';
const uuid = (prefix: string, n: number) => `${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const day = (iso: string, delta: number) => new Date(Date.parse(iso) + delta * 86_400_000).toISOString().slice(0, 10);
const nhs = (n: number) => makeTestNhsNumber(n);

let serial = 0;
function entry(fields: Partial<WaitingListEntryRecord> & Pick<WaitingListEntryRecord, 'serviceCode' | 'referralDate' | 'localityId'>): WaitingListEntryRecord {
  serial += 1;
  return { id: uuid('e', serial), nhsNumber: nhs(serial), priority: 'ROUTINE', firstContactDate: null, removalDate: null, removalReason: null, localAreaCode: KENT, ...fields };
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
  return {
    ...emptyDemoArea(),
    waitingListEntries,
  };
}

let sub: SingleSubgraph;
let area: DemoArea;
beforeAll(async () => {
  area = craftedArea();
  sub = await startSingleSubgraph(health, (db) => seedHealth(db, area));
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
