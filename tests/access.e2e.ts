import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type GraphQLResult, type TestClient, type TestPlatform } from '@local-area-graph/test-kit';
import { generateDemoArea, HEALTH_SERVICE_CODES, type DemoArea } from '@local-area-graph/demo-data';
import type { PlatformClaims, Purpose } from '@local-area-graph/trust';

let area: DemoArea;
let kit: TestPlatform;
/** A pupil, where they live, and their school (in another locality, so the two relationships differ). */
let child: { id: string; localityId: string; schoolUrn: string; schoolLocalityId: string };
let otherSchool: string;
/** A locality where the child neither lives nor goes to school. */
let elsewhere: string;
/**
 * A child on a health waiting list (the pupil above need not be), the service and the
 * partner organisation (the trust) of one of their entries, and the other trust.
 */
let patient: { id: string; nhsNumber: string; serviceCode: string; otherServiceCode: string; partnerId: string; otherPartnerId: string };

beforeAll(async () => {
  area = generateDemoArea({ children: 600, seed: 21 });
  kit = await startTestPlatform({ demoArea: area });
  const schoolById = new Map(area.schools.map((s) => [s.urn, s]));
  const enrolment = area.enrolments.find((e) => {
    const pupil = area.children.find((c) => c.id === e.childId)!;
    return e.endDate === null && schoolById.get(e.schoolUrn)!.localityId !== pupil.localityId;
  })!;
  const pupil = area.children.find((c) => c.id === enrolment.childId)!;
  child = { id: pupil.id, localityId: pupil.localityId, schoolUrn: enrolment.schoolUrn, schoolLocalityId: schoolById.get(enrolment.schoolUrn)!.localityId };
  otherSchool = area.schools.find((s) => s.urn !== child.schoolUrn)!.urn;
  elsewhere = area.localities.find((l) => l.id !== child.localityId && l.id !== child.schoolLocalityId)!.id;
  const wait = area.waitingListEntries.find((e) => e.nhsNumber !== area.children.find((c) => c.id === child.id)!.nhsNumber)!;
  const partners = [...new Set(area.waitingListEntries.map((e) => e.partnerId))];
  patient = {
    id: area.children.find((c) => c.nhsNumber === wait.nhsNumber)!.id,
    nhsNumber: wait.nhsNumber,
    serviceCode: wait.serviceCode,
    otherServiceCode: HEALTH_SERVICE_CODES.find((code) => !area.waitingListEntries.some((e) => e.nhsNumber === wait.nhsNumber && e.serviceCode === code))!,
    partnerId: wait.partnerId,
    otherPartnerId: partners.find((p) => p !== wait.partnerId)!,
  };
});
afterAll(async () => kit?.stop());

const REGISTER_FIELDS = ['nhsNumber', 'upn', 'givenName', 'familyName', 'dateOfBirth', 'sex', 'locality', 'age'] as const;
const EDUCATION_FIELDS = ['currentSchool', 'enrolments', 'attendance', 'attendanceSummary', 'suspensions', 'senStatus', 'senHistory'] as const;
const selection = (field: string) => (['locality', 'currentSchool'].includes(field) ? `${field} { __typename }` : ['enrolments', 'attendance', 'suspensions', 'senStatus', 'senHistory', 'attendanceSummary'].includes(field) ? `${field} { __typename }` : field);
const HEALTH_FIELDS = ['waits', 'pastWaits'] as const;
const REGISTER = REGISTER_FIELDS.map(selection).join(' ');
const EDUCATION = `education { ${EDUCATION_FIELDS.map(selection).join(' ')} }`;
const HEALTH = `health { ${HEALTH_FIELDS.map((field) => `${field} { __typename }`).join(' ')} }`;

type Expect = 'allowed' | 'FORBIDDEN';
interface Case {
  who: string;
  claims: () => PlatformClaims;
  purpose?: Purpose | null;
  register: Expect;
  education: Expect;
  /** The patient's waits asked of the health subgraph by NHS number (as the trust's own tools, and a partner's, reach them). */
  health: Expect;
  /**
   * The patient's waits from `child(id:)` through the gateway: the gateway joins them by
   * the NHS number the register gives, so whoever may not see the register cannot reach them.
   */
  healthViaRegister: Expect;
}

const CASES: Case[] = [
  { who: 'ADMIN', claims: () => ({ sub: 'admin', role: 'ADMIN' }), register: 'allowed', education: 'allowed', health: 'allowed', healthViaRegister: 'allowed' },
  { who: 'ADMIN without a purpose', claims: () => ({ sub: 'admin', role: 'ADMIN' }), purpose: null, register: 'FORBIDDEN', education: 'FORBIDDEN', health: 'FORBIDDEN', healthViaRegister: 'FORBIDDEN' },
  { who: 'CASEWORKER', claims: () => ({ sub: 'cw', role: 'CASEWORKER' }), purpose: 'statutory-assessment', register: 'allowed', education: 'allowed', health: 'allowed', healthViaRegister: 'allowed' },
  { who: "LOCALITY_LEAD of the child's home", claims: () => ({ sub: 'll1', role: 'LOCALITY_LEAD', localities: [child.localityId] }), register: 'allowed', education: 'allowed', health: 'FORBIDDEN', healthViaRegister: 'FORBIDDEN' },
  { who: "LOCALITY_LEAD of the school's locality", claims: () => ({ sub: 'll2', role: 'LOCALITY_LEAD', localities: [child.schoolLocalityId] }), register: 'FORBIDDEN', education: 'allowed', health: 'FORBIDDEN', healthViaRegister: 'FORBIDDEN' },
  { who: "the school's SENCO", claims: () => ({ sub: 'senco1', role: 'SENCO', schools: [child.schoolUrn] }), register: 'allowed', education: 'allowed', health: 'FORBIDDEN', healthViaRegister: 'FORBIDDEN' },
  { who: 'LOCALITY_LEAD of neither', claims: () => ({ sub: 'll3', role: 'LOCALITY_LEAD', localities: [elsewhere] }), register: 'FORBIDDEN', education: 'FORBIDDEN', health: 'FORBIDDEN', healthViaRegister: 'FORBIDDEN' },
  { who: 'another SENCO', claims: () => ({ sub: 'senco2', role: 'SENCO', schools: [otherSchool] }), register: 'FORBIDDEN', education: 'FORBIDDEN', health: 'FORBIDDEN', healthViaRegister: 'FORBIDDEN' },
  { who: "CLINICIAN of the patient's service", claims: () => ({ sub: 'gp', role: 'CLINICIAN', services: [patient.serviceCode] }), register: 'FORBIDDEN', education: 'FORBIDDEN', health: 'allowed', healthViaRegister: 'FORBIDDEN' },
  { who: 'CLINICIAN of another service', claims: () => ({ sub: 'gp2', role: 'CLINICIAN', services: [patient.otherServiceCode] }), register: 'FORBIDDEN', education: 'FORBIDDEN', health: 'FORBIDDEN', healthViaRegister: 'FORBIDDEN' },
  { who: 'ANALYST', claims: () => ({ sub: 'bi', role: 'ANALYST' }), purpose: 'service-planning', register: 'FORBIDDEN', education: 'FORBIDDEN', health: 'FORBIDDEN', healthViaRegister: 'FORBIDDEN' },
  { who: 'PARTNER that sent none of the data', claims: () => ({ sub: 'charity', role: 'PARTNER', partner: 'young-carers' }), register: 'FORBIDDEN', education: 'FORBIDDEN', health: 'FORBIDDEN', healthViaRegister: 'FORBIDDEN' },
  { who: "PARTNER that sent the patient's wait", claims: () => ({ sub: 'trust.feed', role: 'PARTNER', partner: patient.partnerId }), register: 'FORBIDDEN', education: 'FORBIDDEN', health: 'allowed', healthViaRegister: 'FORBIDDEN' },
  { who: 'PARTNER of the other trust', claims: () => ({ sub: 'other.feed', role: 'PARTNER', partner: patient.otherPartnerId }), register: 'FORBIDDEN', education: 'FORBIDDEN', health: 'FORBIDDEN', healthViaRegister: 'FORBIDDEN' },
];

/** Asserts each field is present (allowed) or null with a FORBIDDEN error at its path. */
function check(result: GraphQLResult<any>, object: any, pathPrefix: (string | number)[], fields: readonly string[], expected: Expect, label: string) {
  for (const field of fields) {
    const path = [...pathPrefix, field].join('.');
    const error = result.errors?.find((e) => e.path?.join('.') === path);
    if (expected === 'allowed') {
      expect(error, `${label}: ${path} should be allowed`).toBeUndefined();
    } else {
      expect(object?.[field] ?? null, `${label}: ${path} should be null`).toBeNull();
      expect(error?.extensions?.code, `${label}: ${path} should be FORBIDDEN`).toBe('FORBIDDEN');
    }
  }
}

/**
 * Through the gateway, the patient's waits are present, or refused: either the health
 * subgraph refuses each field, or the register refuses the NHS number that joins them
 * (then `health` is null, with FORBIDDEN on `Child.nhsNumber`).
 */
function checkHealthViaRegister(result: GraphQLResult<any>, expected: Expect, label: string) {
  if (expected === 'allowed' || result.data?.child?.health) {
    check(result, result.data?.child?.health, ['child', 'health'], HEALTH_FIELDS, expected, `${label} (health through the gateway)`);
    return;
  }
  expect(result.data?.child?.health ?? null, `${label}: child.health should be null`).toBeNull();
  const key = result.errors?.find((e) => e.path?.join('.') === 'child.nhsNumber');
  expect(key?.extensions?.code, `${label}: the NHS number joining child.health should be FORBIDDEN`).toBe('FORBIDDEN');
}

async function clientFor(c: Case, subgraph?: string): Promise<TestClient> {
  return kit.as(c.claims(), c.purpose === undefined ? 'direct-care' : c.purpose, subgraph);
}

describe('who sees what: every role against every personal field', () => {
  for (const c of CASES) {
    it(`${c.who}, through the gateway`, async () => {
      const result = await (await clientFor(c)).query(`query ($id: ID!) { child(id: $id) { id ${REGISTER} ${EDUCATION} } }`, { id: child.id });
      expect(result.data?.child?.id, c.who).toBe(child.id);
      if (!result.data) return;
      check(result, result.data.child, ['child'], REGISTER_FIELDS, c.register, c.who);
      check(result, result.data.child.education, ['child', 'education'], EDUCATION_FIELDS, c.education, c.who);
      // Nothing leaks a stack trace or an internal address, whatever was refused.
      expect(JSON.stringify(result)).not.toMatch(/127\.0\.0\.1|at .*\.ts:\d+|SELECT /);
      const waits = await (await clientFor(c)).query(`query ($id: ID!) { child(id: $id) { id ${HEALTH} } }`, { id: patient.id });
      expect(waits.data?.child?.id, c.who).toBe(patient.id);
      checkHealthViaRegister(waits, c.healthViaRegister, c.who);
      expect(JSON.stringify(waits)).not.toMatch(/127\.0\.0\.1|at .*\.ts:\d+|SELECT /);
    });

    it(`${c.who}, directly at each subgraph: root fields and _entities`, async () => {
      const localities = await clientFor(c, 'localities');
      const root = await localities.query(`query ($id: ID!) { child(id: $id) { id ${REGISTER} } }`, { id: child.id });
      check(root, root.data?.child, ['child'], REGISTER_FIELDS, c.register, `${c.who} (localities root)`);
      const entitiesQuery = (fields: string) => `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id ${fields} } } }`;
      const representations = { r: [{ __typename: 'Child', id: child.id }] };
      const registerEntities = await localities.query(entitiesQuery(REGISTER), representations);
      check(registerEntities, registerEntities.data?._entities?.[0], ['_entities', 0], REGISTER_FIELDS, c.register, `${c.who} (localities _entities)`);
      const schools = await clientFor(c, 'schools');
      const educationEntities = await schools.query(entitiesQuery(EDUCATION), representations);
      check(educationEntities, educationEntities.data?._entities?.[0]?.education, ['_entities', 0, 'education'], EDUCATION_FIELDS, c.education, `${c.who} (schools _entities)`);
      // The trust knows the child by NHS number only.
      const health = await clientFor(c, 'health');
      const healthEntities = await health.query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { nhsNumber ${HEALTH} } } }`, {
        r: [{ __typename: 'Child', nhsNumber: patient.nhsNumber }],
      });
      check(healthEntities, healthEntities.data?._entities?.[0]?.health, ['_entities', 0, 'health'], HEALTH_FIELDS, c.health, `${c.who} (health _entities)`);
    });
  }

  it('without a token nothing answers: UNAUTHENTICATED at the gateway and at each subgraph', async () => {
    const query = `query ($id: ID!) { child(id: $id) { id givenName } }`;
    const results = [await kit.anonymous.query(query, { id: child.id })];
    for (const name of ['localities', 'schools', 'health']) {
      const url = kit.platform.subgraphs[name]!.url;
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [{ __typename: 'Child', id: child.id }] } }) });
      results.push({ status: response.status, ...((await response.json()) as object) } as GraphQLResult<unknown>);
    }
    for (const result of results) expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe("a partner organisation sees the data it sent, and not another partner's", () => {
  const WAITS = `query ($status: WaitStatus) { partnerWaits(status: $status, first: 100) { totalCount waits { nhsNumber
    entry { id partnerId } child { health { waits { id partnerId } pastWaits { id partnerId } } } } } }`;
  const SUBMIT = `mutation ($batch: ReferralBatchInput!) { submitReferralUpdates(batch: $batch) { applied refused { field reason } rows { kind entryId } } }`;

  it("through the gateway: its own list, the child's waits it sent and not the other trust's, and its own batches", async () => {
    // A child only the community trust (RYY) knows; the mental health trust (RXY) then refers them.
    const known = (nhsNumber: string, partnerId: string) => area.waitingListEntries.some((e) => e.nhsNumber === nhsNumber && e.partnerId === partnerId);
    const shared = area.children.find((c) => c.id !== patient.id && known(c.nhsNumber, 'RYY') && !known(c.nhsNumber, 'RXY'))!;
    const rxy = await kit.as({ sub: 'rxy.feed', role: 'PARTNER', partner: 'RXY' });
    const ryy = await kit.as({ sub: 'ryy.feed', role: 'PARTNER', partner: 'RYY' });
    const listed = async (client: TestClient) => (await client.data<any>(WAITS)).partnerWaits.waits.filter((w: any) => w.nhsNumber === shared.nhsNumber);
    expect(await listed(rxy)).toEqual([]);

    const { submitReferralUpdates: report } = await rxy.data<any>(SUBMIT, {
      batch: {
        idempotencyKey: 'access-shared-1',
        rows: [{ kind: 'NEW_REFERRAL', nhsNumber: shared.nhsNumber, serviceCode: 'CAMHS', referralDate: '2026-01-05', localityId: shared.localityId, localAreaCode: area.localArea.code }],
      },
    });
    expect(report).toMatchObject({ applied: true, refused: [], rows: [{ kind: 'NEW_REFERRAL' }] });
    const entryId = report.rows[0].entryId;

    // RXY: its new entry, and through it the child's health holds nothing RYY sent.
    const mine = await listed(rxy);
    expect(mine.map((w: any) => w.entry)).toEqual([{ id: entryId, partnerId: 'RXY' }]);
    expect(mine[0].child.health).toEqual({ waits: [{ id: entryId, partnerId: 'RXY' }], pastWaits: [] });
    // RYY: its own entries of the same child, without RXY's.
    const theirs = await listed(ryy);
    const ryyEntries = area.waitingListEntries.filter((e) => e.nhsNumber === shared.nhsNumber && e.partnerId === 'RYY');
    expect(theirs.map((w: any) => w.entry.id).sort()).toEqual(ryyEntries.map((e) => e.id).sort());
    for (const w of theirs) {
      const seen = [...w.child.health.waits, ...w.child.health.pastWaits];
      expect(seen.map((e: any) => e.partnerId).every((p: string) => p === 'RYY')).toBe(true);
      expect(seen.map((e: any) => e.id)).not.toContain(entryId);
    }
    // Every entry a partner lists is its own; it may not ask for the other's list.
    expect((await rxy.data<any>(WAITS)).partnerWaits.waits.every((w: any) => w.entry.partnerId === 'RXY')).toBe(true);
    const asked = await ryy.query('{ partnerWaits(partnerId: "RXY") { totalCount } }');
    expect(asked.data?.partnerWaits ?? null).toBeNull();
    expect(asked.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Nor does a partner get the register through its list.
    const named = await rxy.query('{ partnerWaits(first: 1) { waits { child { givenName } } } }');
    expect(named.errors?.some((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    expect(JSON.stringify(named.data)).not.toContain(shared.givenName);

    // Its batches, with the entry each row made; the other trust's list of batches does not hold it.
    const BATCHES = '{ referralBatches(first: 50) { nodes { idempotencyKey partnerId report { rows { entryId } } } } }';
    const batches = (await rxy.data<any>(BATCHES)).referralBatches.nodes;
    expect(batches.find((b: any) => b.idempotencyKey === 'access-shared-1')).toEqual({ idempotencyKey: 'access-shared-1', partnerId: 'RXY', report: { rows: [{ entryId }] } });
    expect((await ryy.data<any>(BATCHES)).referralBatches.nodes.map((b: any) => b.idempotencyKey)).not.toContain('access-shared-1');
  });
});

describe('lists show only the children a role may see', () => {
  it("a locality lead lists their localities' children only, and may not list another locality", async () => {
    const lead = await kit.as({ sub: 'll1', role: 'LOCALITY_LEAD', localities: [child.localityId] });
    const mine = await lead.data<any>('{ children(first: 500) { totalCount nodes { locality { id } } } }');
    expect(mine.children.totalCount).toBe(area.children.filter((c) => c.localityId === child.localityId).length);
    expect(mine.children.nodes.every((n: any) => n.locality.id === child.localityId)).toBe(true);
    const other = area.localities.find((l) => l.id !== child.localityId)!;
    const refused = await lead.query('query ($l: ID) { children(localityId: $l) { totalCount } }', { l: other.id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("an analyst may not list children, nor a school's pupils", async () => {
    const analyst = await kit.as({ sub: 'bi', role: 'ANALYST' }, 'service-planning');
    const list = await analyst.query('{ children { totalCount } }');
    expect(list.data?.children ?? null).toBeNull();
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const pupils = await analyst.query('query ($urn: Urn!) { school(urn: $urn) { name numberOnRoll { value } pupils { totalCount } } }', { urn: child.schoolUrn });
    expect(pupils.data?.school?.name).toEqual(expect.any(String));
    expect(pupils.data?.school?.pupils).toBeNull();
    expect(pupils.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("a SENCO lists their own school's pupils, not another school's", async () => {
    const senco = await kit.as({ sub: 'senco1', role: 'SENCO', schools: [child.schoolUrn] });
    const own = await senco.data<any>('query ($urn: Urn!) { school(urn: $urn) { pupils(first: 500) { nodes { id givenName } } } }', { urn: child.schoolUrn });
    expect(own.school.pupils.nodes.map((n: any) => n.id)).toContain(child.id);
    expect(own.school.pupils.nodes.every((n: any) => typeof n.givenName === 'string')).toBe(true);
    const other = await senco.query('query ($urn: Urn!) { school(urn: $urn) { pupils { totalCount } } }', { urn: otherSchool });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the access audit', () => {
  const auditRows = async (subgraph: string, requestId: string) =>
    kit.platform.subgraphs[subgraph]!.database.dataSource.query(
      'SELECT subject, role, purpose, child_id, fields, subgraph FROM access_audit WHERE request_id = $1 ORDER BY child_id',
      [requestId],
    );

  it('records exactly the personal fields each request resolved: one to one', async () => {
    const cases: [Case, string][] = [
      [CASES[0]!, `query ($id: ID!) { child(id: $id) { id givenName dateOfBirth education { attendance { term } senStatus { provision } } } }`],
      [CASES[3]!, `query ($id: ID!) { child(id: $id) { id familyName nhsNumber education { suspensions { category } } } }`],
      [CASES[5]!, `query ($id: ID!) { child(id: $id) { id upn education { currentSchool { name } enrolments { startDate } } } }`],
      [CASES[8]!, `query ($id: ID!) { child(id: $id) { id givenName education { senStatus { provision } } } }`],
    ];
    for (const [c, query] of cases) {
      const requestId = `audit-${c.who}-${Math.random()}`;
      const client = await clientFor(c);
      const result = await client.query(query, { id: child.id }, { 'x-request-id': requestId });
      // What the answer actually holds: every personal field that came back without an error.
      const resolved = new Set<string>();
      const errored = new Set((result.errors ?? []).map((e) => e.path?.slice(-1)[0]));
      for (const field of REGISTER_FIELDS) if (query.includes(` ${field}`) && !errored.has(field)) resolved.add(`localities:Child.${field}`);
      for (const field of EDUCATION_FIELDS) if (query.includes(`${field} {`) && !errored.has(field)) resolved.add(`schools:ChildEducation.${field}`);
      const audited = new Set<string>();
      for (const subgraph of ['localities', 'schools']) {
        for (const row of await auditRows(subgraph, requestId)) {
          expect(row).toMatchObject({ subject: c.claims().sub, role: c.claims().role, child_id: child.id, subgraph });
          expect(row.purpose).toBe(c.purpose ?? 'direct-care');
          for (const field of row.fields) audited.add(`${subgraph}:${field}`);
        }
      }
      expect([...audited].sort(), c.who).toEqual([...resolved].sort());
    }
  });

  it('cannot be changed, not even by the database owner', async () => {
    const db = kit.platform.subgraphs.localities!.database.dataSource;
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM access_audit');
    expect(count).toBeGreaterThan(0);
    await expect(db.query("UPDATE access_audit SET subject = 'someone-else'")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM access_audit')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE access_audit')).rejects.toThrow(/append-only/);
    const [{ count: after }] = await db.query('SELECT count(*)::int AS count FROM access_audit');
    expect(after).toBe(count);
  });
});

describe("a child's access log", () => {
  it('shows an administrator who looked, in every service, with role, purpose and fields', async () => {
    const senco = await kit.as({ sub: 'senco.log', role: 'SENCO', schools: [child.schoolUrn] }, 'safeguarding');
    const requestId = `log-${Math.random()}`;
    await senco.query('query ($id: ID!) { child(id: $id) { givenName education { senStatus { provision } } } }', { id: child.id }, { 'x-request-id': requestId });
    const log = await kit.gateway.data(
      'query ($id: ID!) { child(id: $id) { accessLog { localities { subject role purpose fields requestId at } schools { subject role purpose fields requestId } } } }',
      { id: child.id },
    );
    const mine = (records: any[]) => records.filter((r) => r.requestId === requestId);
    expect(mine(log.child.accessLog.localities)).toEqual([
      expect.objectContaining({ subject: 'senco.log', role: 'SENCO', purpose: 'safeguarding', fields: ['Child.givenName'] }),
    ]);
    expect(mine(log.child.accessLog.schools)).toEqual([
      expect.objectContaining({ subject: 'senco.log', role: 'SENCO', purpose: 'safeguarding', fields: ['ChildEducation.senStatus'] }),
    ]);
  });

  it('is refused to anyone else, through the gateway and directly at a subgraph', async () => {
    const lead = await kit.as({ sub: 'll1', role: 'LOCALITY_LEAD', localities: [child.localityId] });
    const viaGateway = await lead.query('query ($id: ID!) { child(id: $id) { givenName accessLog { localities { subject } } } }', { id: child.id });
    expect(viaGateway.data.child.givenName).toEqual(expect.any(String));
    expect(viaGateway.data.child.accessLog).toBeNull();
    expect(viaGateway.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const direct = await kit.as({ sub: 'senco1', role: 'SENCO', schools: [child.schoolUrn] }, 'direct-care', 'schools');
    const entities = await direct.query('query ($r: [_Any!]!) { _entities(representations: $r) { ... on ChildAccessLog { schools { subject } } } }', {
      r: [{ __typename: 'ChildAccessLog', childId: child.id }],
    });
    expect(entities.data._entities[0].schools).toBeNull();
    expect(entities.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
