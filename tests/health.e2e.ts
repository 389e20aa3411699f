import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '@local-area-graph/test-kit';
import { generateDemoArea, type DemoArea } from '@local-area-graph/demo-data';

let area: DemoArea;
let kit: TestPlatform;

beforeAll(async () => {
  area = generateDemoArea({ children: 600, seed: 11 });
  kit = await startTestPlatform({ demoArea: area });
});
afterAll(async () => kit?.stop());

const CHILD_WAITS = `query ($id: ID!) { child(id: $id) { givenName health { waits { service { name } weeksWaited } pastWaits { status } } } }`;

describe('health waiting lists through the gateway', () => {
  it('demo waits are keyed by the children\'s NHS numbers, for about a tenth of children', () => {
    const nhsNumbers = new Set(area.children.map((c) => c.nhsNumber));
    expect(area.waitingListEntries.every((e) => nhsNumbers.has(e.nhsNumber))).toBe(true);
    const referred = new Set(area.waitingListEntries.map((e) => e.nhsNumber)).size / area.children.length;
    expect(referred).toBeGreaterThan(0.06);
    expect(referred).toBeLessThan(0.16);
  });

  it("reaches a child's waits from child(id) through the NHS-number key in one query", async () => {
    const wait = area.waitingListEntries.find((e) => e.firstContactDate === null && e.removalDate === null)!;
    const child = area.children.find((c) => c.nhsNumber === wait.nhsNumber)!;
    const { child: picture } = await kit.gateway.data(CHILD_WAITS, { id: child.id });
    expect(picture.givenName).toBe(child.givenName);
    const current = area.waitingListEntries.filter((e) => e.nhsNumber === child.nhsNumber && !e.firstContactDate && !e.removalDate);
    expect(picture.health.waits).toHaveLength(current.length);
    expect(picture.health.waits[0].service.name).toEqual(expect.any(String));
    expect(picture.health.waits[0].weeksWaited).toBeGreaterThanOrEqual(0);
  });

  it('costs the health service the same number of SQL statements for 30 or 60 children', async () => {
    const page = `query ($n: Int!) { children(first: $n) { nodes { id health { waits { service { code } weeksWaited } pastWaits { service { code } weeksWaited } } } } }`;
    const cost = async (n: number) => {
      const before = kit.statementCounts().health!;
      const { children } = await kit.gateway.data(page, { n });
      // The comparison means something only if both pages hold waits, whose services are loaded too.
      expect(children.nodes.some((c: any) => c.health.waits.length + c.health.pastWaits.length > 0), `waits among the first ${n} children`).toBe(true);
      return kit.statementCounts().health! - before;
    };
    await cost(30); // warm up
    expect(await cost(60)).toBe(await cost(30));
  });

  it("costs the same number of SQL statements for a partner's list of 5 or 20 entries with each child's waits", async () => {
    const page = `query ($n: Int!) { partnerWaits(partnerId: "RYY", first: $n) { waits { entry { service { code } breachesStandard } child { health { waits { id } pastWaits { id } } } } } }`;
    const cost = async (n: number) => {
      const before = kit.statementCounts().health!;
      expect((await kit.gateway.data(page, { n })).partnerWaits.waits).toHaveLength(n);
      return kit.statementCounts().health! - before;
    };
    await cost(2); // warm up
    expect(await cost(20)).toBe(await cost(5));
  });

  it('publishes area waiting times as protected figures', async () => {
    const { localArea } = await kit.gateway.data(
      `{ localArea(code: "E10000016") { waitingTimes(serviceCode: "CAMHS", from: "2025-01-01", to: "2025-03-31") { month waiting { value suppressed rounded } medianWeeks { value suppressed } } } }`,
    );
    expect(localArea.waitingTimes.map((m: { month: string }) => m.month)).toEqual(['2025-01', '2025-02', '2025-03']);
    for (const month of localArea.waitingTimes) expect(month.waiting.suppressed || month.waiting.value % 5 === 0).toBe(true);
  });
});

describe("the trust's reads in a child's access log", () => {
  it("are listed under health, reached through the child's NHS number", async () => {
    const wait = area.waitingListEntries.find((e) => e.firstContactDate === null && e.removalDate === null)!;
    const child = area.children.find((c) => c.nhsNumber === wait.nhsNumber)!;
    // A caseworker may follow a child from the register to their waits (a clinician may
    // not see the register, so cannot reach the NHS number key from a platform id).
    const caseworker = await kit.as({ sub: 'k.okafor', role: 'CASEWORKER' }, 'statutory-assessment');
    const requestId = `health-log-${Math.random()}`;
    const seen = await caseworker.query(CHILD_WAITS, { id: child.id }, { 'x-request-id': requestId });
    expect(seen.data.child.health.waits.length).toBeGreaterThan(0);
    const log = await kit.gateway.data(`query ($id: ID!) { child(id: $id) { accessLog { health { subject role purpose fields requestId } } } }`, { id: child.id });
    expect(log.child.accessLog.health.filter((r: { requestId: string }) => r.requestId === requestId)).toEqual([
      { subject: 'k.okafor', role: 'CASEWORKER', purpose: 'statutory-assessment', fields: expect.arrayContaining(['ChildHealth.waits']), requestId },
    ]);
    // The NHS number that joins the log is itself refused to anyone who may not read the log.
    const lead = await kit.as({ sub: 'll', role: 'LOCALITY_LEAD', localities: [child.localityId] }, 'direct-care', 'localities');
    const probe = await lead.query('query ($r: [_Any!]!) { _entities(representations: $r) { ... on ChildAccessLog { nhsNumber } } }', {
      r: [{ __typename: 'ChildAccessLog', childId: child.id }],
    });
    expect(JSON.stringify(probe.data ?? null)).not.toContain(child.nhsNumber);
    expect(probe.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe("a clinician's own waiting list", () => {
  const LIST = `query ($service: String!, $after: String) { waitingList(serviceCode: $service, first: 2, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } waiting { nhsNumber entry { referralDate status } } } }`;

  it('lists the children still waiting for their service, longest wait first, page by page, each read audited', async () => {
    const waitingFor = (code: string) =>
      area.waitingListEntries
        .filter((e) => e.serviceCode === code && !e.firstContactDate && !e.removalDate)
        .sort((a, b) => (a.referralDate < b.referralDate ? -1 : a.referralDate > b.referralDate ? 1 : a.id < b.id ? -1 : 1));
    // The service with the longest list in the demo area, so the list runs to two pages.
    const service = [...new Set(area.waitingListEntries.map((e) => e.serviceCode))].sort((a, b) => waitingFor(b).length - waitingFor(a).length)[0]!;
    const expected = waitingFor(service);
    expect(expected.length).toBeGreaterThan(2);
    const clinician = await kit.as({ sub: 'dr.ali', role: 'CLINICIAN', services: [service] });
    const requestId = `list-${Math.random()}`;
    const first = await clinician.query(LIST, { service }, { 'x-request-id': requestId });
    expect(first.errors).toBeUndefined();
    expect(first.data.waitingList.totalCount).toBe(expected.length);
    const second = await clinician.data(LIST, { service, after: first.data.waitingList.pageInfo.endCursor });
    const listed = [...first.data.waitingList.waiting, ...second.waitingList.waiting];
    expect(listed.map((w: { nhsNumber: string }) => w.nhsNumber)).toEqual(expected.slice(0, listed.length).map((e) => e.nhsNumber));
    expect(listed.every((w: { entry: { status: string } }) => w.entry.status === 'WAITING')).toBe(true);
    const [{ count }] = await kit.platform.subgraphs.health!.database.dataSource.query(
      `SELECT count(*)::int AS count FROM access_audit WHERE request_id = $1 AND fields = ARRAY['Query.waitingList']`,
      [requestId],
    );
    expect(count).toBe(new Set(first.data.waitingList.waiting.map((w: { nhsNumber: string }) => w.nhsNumber)).size);
  });

  it("is refused for another service's list, to analysts, and without a purpose", async () => {
    for (const client of [
      await kit.as({ sub: 'dr.ali', role: 'CLINICIAN', services: ['SALT'] }),
      await kit.as({ sub: 'bi', role: 'ANALYST' }, 'service-planning'),
      await kit.as({ sub: 'dr.ali', role: 'CLINICIAN', services: ['CAMHS'] }, null),
    ]) {
      const result = await client.query(LIST, { service: 'CAMHS' });
      expect(result.data?.waitingList ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await kit.gateway.query(LIST, { service: 'DENTISTRY' })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'serviceCode' });
  });
});
