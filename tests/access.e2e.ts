import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type GraphQLResult, type TestClient, type TestPlatform } from '@local-area-graph/test-kit';
import { generateDemoArea, type DemoArea } from '@local-area-graph/demo-data';
import type { PlatformClaims, Purpose } from '@local-area-graph/trust';

let area: DemoArea;
let kit: TestPlatform;
/** A pupil, where they live, and their school (in another locality, so the two relationships differ). */
let child: { id: string; localityId: string; schoolUrn: string; schoolLocalityId: string };
let otherSchool: string;
/** A locality where the child neither lives nor goes to school. */
let elsewhere: string;

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
});
afterAll(async () => kit?.stop());

const REGISTER_FIELDS = ['nhsNumber', 'upn', 'givenName', 'familyName', 'dateOfBirth', 'sex', 'locality', 'age'] as const;
const EDUCATION_FIELDS = ['currentSchool', 'enrolments', 'attendance', 'attendanceSummary', 'suspensions', 'senStatus', 'senHistory'] as const;
const selection = (field: string) => (['locality', 'currentSchool'].includes(field) ? `${field} { __typename }` : ['enrolments', 'attendance', 'suspensions', 'senStatus', 'senHistory', 'attendanceSummary'].includes(field) ? `${field} { __typename }` : field);
const REGISTER = REGISTER_FIELDS.map(selection).join(' ');
const EDUCATION = `education { ${EDUCATION_FIELDS.map(selection).join(' ')} }`;

type Expect = 'allowed' | 'FORBIDDEN';
interface Case {
  who: string;
  claims: () => PlatformClaims;
  purpose?: Purpose | null;
  register: Expect;
  education: Expect;
}

const CASES: Case[] = [
  { who: 'ADMIN', claims: () => ({ sub: 'admin', role: 'ADMIN' }), register: 'allowed', education: 'allowed' },
  { who: 'ADMIN without a purpose', claims: () => ({ sub: 'admin', role: 'ADMIN' }), purpose: null, register: 'FORBIDDEN', education: 'FORBIDDEN' },
  { who: 'CASEWORKER', claims: () => ({ sub: 'cw', role: 'CASEWORKER' }), purpose: 'statutory-assessment', register: 'allowed', education: 'allowed' },
  { who: "LOCALITY_LEAD of the child's home", claims: () => ({ sub: 'll1', role: 'LOCALITY_LEAD', localities: [child.localityId] }), register: 'allowed', education: 'allowed' },
  { who: "LOCALITY_LEAD of the school's locality", claims: () => ({ sub: 'll2', role: 'LOCALITY_LEAD', localities: [child.schoolLocalityId] }), register: 'FORBIDDEN', education: 'allowed' },
  { who: "the school's SENCO", claims: () => ({ sub: 'senco1', role: 'SENCO', schools: [child.schoolUrn] }), register: 'allowed', education: 'allowed' },
  { who: 'LOCALITY_LEAD of neither', claims: () => ({ sub: 'll3', role: 'LOCALITY_LEAD', localities: [elsewhere] }), register: 'FORBIDDEN', education: 'FORBIDDEN' },
  { who: 'another SENCO', claims: () => ({ sub: 'senco2', role: 'SENCO', schools: [otherSchool] }), register: 'FORBIDDEN', education: 'FORBIDDEN' },
  { who: 'CLINICIAN', claims: () => ({ sub: 'gp', role: 'CLINICIAN', services: ['CAMHS'] }), register: 'FORBIDDEN', education: 'FORBIDDEN' },
  { who: 'ANALYST', claims: () => ({ sub: 'bi', role: 'ANALYST' }), purpose: 'service-planning', register: 'FORBIDDEN', education: 'FORBIDDEN' },
  { who: 'PARTNER', claims: () => ({ sub: 'charity', role: 'PARTNER', partner: 'young-carers' }), register: 'FORBIDDEN', education: 'FORBIDDEN' },
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
    });
  }

  it('without a token nothing answers: UNAUTHENTICATED at the gateway and at each subgraph', async () => {
    const query = `query ($id: ID!) { child(id: $id) { id givenName } }`;
    const results = [await kit.anonymous.query(query, { id: child.id })];
    for (const name of ['localities', 'schools']) {
      const url = kit.platform.subgraphs[name]!.url;
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [{ __typename: 'Child', id: child.id }] } }) });
      results.push({ status: response.status, ...((await response.json()) as object) } as GraphQLResult<unknown>);
    }
    for (const result of results) expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
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
