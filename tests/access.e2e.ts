import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type GraphQLResult, type TestClient, type TestPlatform } from '@local-area-graph/test-kit';
import { generateDemoArea, type DemoArea } from '@local-area-graph/demo-data';
import type { PlatformClaims, Purpose } from '@local-area-graph/trust';
import { randomUUID } from 'node:crypto';
import { getNamedType, isLeafType, type GraphQLObjectType } from 'graphql';
import { SUBGRAPHS } from '@local-area-graph/platform';
import { todayInEngland } from '@local-area-graph/identifiers';
import { childKeyOf } from '@local-area-graph/subgraph-health';

let area: DemoArea;
let kit: TestPlatform;
/**
 * A pupil, where they live, their school (in another locality, so the two
 * relationships differ), the EHC plan naming that school and a wait for an NHS service.
 */
let child: { id: string; nhsNumber: string; localityId: string; schoolUrn: string; schoolLocalityId: string; serviceCode: string; partnerId: string; otherPartnerId: string };
let otherSchool: string;
/** A locality where the child neither lives nor goes to school. */
let elsewhere: string;
/** A professional on the child's team around the child, signed in by their email. */
let teamMember: string;

beforeAll(async () => {
  area = generateDemoArea({ children: 600, seed: 21 });
  const schoolById = new Map(area.schools.map((s) => [s.urn, s]));
  const enrolment = area.enrolments.find((e) => {
    const pupil = area.children.find((c) => c.id === e.childId)!;
    return e.endDate === null && schoolById.get(e.schoolUrn)!.localityId !== pupil.localityId;
  })!;
  const pupil = area.children.find((c) => c.id === enrolment.childId)!;
  // Every service must hold something of this child, so each rule is exercised on real
  // rows: a current EHC plan naming their school, and a wait (both copied from others).
  const plan = area.ehcPlans.find((p) => p.ceaseDate === null)!;
  area.ehcPlans.push({ ...plan, id: randomUUID(), childId: pupil.id, requestId: null, placementUrn: enrolment.schoolUrn });
  const wait = area.waitingListEntries[0]!;
  area.waitingListEntries.push({ ...wait, id: randomUUID(), nhsNumber: pupil.nhsNumber, localityId: pupil.localityId });
  child = {
    id: pupil.id,
    nhsNumber: pupil.nhsNumber,
    localityId: pupil.localityId,
    schoolUrn: enrolment.schoolUrn,
    schoolLocalityId: schoolById.get(enrolment.schoolUrn)!.localityId,
    serviceCode: wait.serviceCode,
    partnerId: wait.partnerId,
    otherPartnerId: [...new Set(area.waitingListEntries.map((e) => e.partnerId))].find((p) => p !== wait.partnerId)!,
  };
  otherSchool = area.schools.find((s) => s.urn !== child.schoolUrn)!.urn;
  elsewhere = area.localities.find((l) => l.id !== child.localityId && l.id !== child.schoolLocalityId)!.id;
  kit = await startTestPlatform({ demoArea: area });
  const professional = area.professionals[0]!;
  teamMember = professional.email;
  await kit.gateway.data('mutation ($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id } }', {
    input: { childId: child.id, professionalId: professional.id, teamRole: 'Youth worker', startDate: todayInEngland() },
  });
});
afterAll(async () => kit?.stop());

/*
 * Every personal field of every subgraph, read from the subgraphs' own schemas, so a
 * field added later joins the matrix without anyone remembering to list it. Each
 * group is what one service holds about a child.
 */
type Group = 'register' | 'education' | 'send' | 'health';
const GROUPS: { group: Group; subgraph: string; type: string; under: string | null; skip: string[] }[] = [
  // The access log and the care-team pass have rules of their own (tested below and in care-team.e2e.ts).
  { group: 'register', subgraph: 'localities', type: 'Child', under: null, skip: ['id', 'accessLog', 'careTeamPass'] },
  { group: 'education', subgraph: 'schools', type: 'ChildEducation', under: 'education', skip: [] },
  { group: 'send', subgraph: 'send', type: 'ChildSend', under: 'send', skip: [] },
  { group: 'health', subgraph: 'health', type: 'ChildHealth', under: 'health', skip: [] },
];
const FIELDS: Record<Group, string[]> = { register: [], education: [], send: [], health: [] };
const SELECTION: Record<Group, string> = { register: '', education: '', send: '', health: '' };

beforeAll(async () => {
  for (const { group, subgraph, type, skip } of GROUPS) {
    const schema = await SUBGRAPHS.find((s) => s.name === subgraph)!.buildSchema();
    const object = schema.getType(type) as GraphQLObjectType;
    const fields = Object.values(object.getFields()).filter((f) => !skip.includes(f.name) && !f.args.some((a) => a.type.toString().endsWith('!')));
    FIELDS[group] = fields.map((f) => f.name);
    SELECTION[group] = fields.map((f) => (isLeafType(getNamedType(f.type)) ? f.name : `${f.name} { __typename }`)).join(' ');
  }
});

type Expect = 'allowed' | 'FORBIDDEN';
interface Case {
  who: string;
  claims: () => PlatformClaims;
  purpose?: Purpose | null;
  expect: Record<Group, Expect>;
}
const A: Expect = 'allowed';
const F: Expect = 'FORBIDDEN';
const all = (e: Expect) => ({ register: e, education: e, send: e, health: e });

const CASES: Case[] = [
  { who: 'ADMIN', claims: () => ({ sub: 'admin', role: 'ADMIN' }), expect: all(A) },
  { who: 'ADMIN without a purpose', claims: () => ({ sub: 'admin', role: 'ADMIN' }), purpose: null, expect: all(F) },
  { who: 'CASEWORKER', claims: () => ({ sub: 'cw', role: 'CASEWORKER' }), purpose: 'statutory-assessment', expect: all(A) },
  { who: "LOCALITY_LEAD of the child's home", claims: () => ({ sub: 'll1', role: 'LOCALITY_LEAD', localities: [child.localityId] }), expect: { register: A, education: A, send: F, health: F } },
  { who: "LOCALITY_LEAD of the school's locality", claims: () => ({ sub: 'll2', role: 'LOCALITY_LEAD', localities: [child.schoolLocalityId] }), expect: { register: F, education: A, send: F, health: F } },
  { who: "the school's SENCO", claims: () => ({ sub: 'senco1', role: 'SENCO', schools: [child.schoolUrn] }), expect: { register: A, education: A, send: A, health: F } },
  { who: 'LOCALITY_LEAD of neither', claims: () => ({ sub: 'll3', role: 'LOCALITY_LEAD', localities: [elsewhere] }), expect: all(F) },
  { who: 'another SENCO', claims: () => ({ sub: 'senco2', role: 'SENCO', schools: [otherSchool] }), expect: all(F) },
  { who: "a CLINICIAN of the child's service", claims: () => ({ sub: 'slt1', role: 'CLINICIAN', services: [child.serviceCode] }), expect: { register: F, education: F, send: F, health: A } },
  { who: 'a CLINICIAN of another service', claims: () => ({ sub: 'gp', role: 'CLINICIAN', services: ['NO_SUCH_SERVICE'] }), expect: all(F) },
  { who: 'ANALYST', claims: () => ({ sub: 'bi', role: 'ANALYST' }), purpose: 'service-planning', expect: all(F) },
  { who: 'PARTNER that sent none of the data', claims: () => ({ sub: 'charity', role: 'PARTNER', partner: 'young-carers' }), expect: all(F) },
  // A trust's partner feed sees the waits it sent itself, and nothing else.
  { who: "PARTNER that sent the child's wait", claims: () => ({ sub: 'trust.feed', role: 'PARTNER', partner: child.partnerId }), expect: { register: F, education: F, send: F, health: A } },
  { who: 'PARTNER of another trust', claims: () => ({ sub: 'other.feed', role: 'PARTNER', partner: child.otherPartnerId }), expect: all(F) },
  // Their role alone opens nothing; their place on the team opens everything (through the gateway, which carries the register's pass).
  { who: "a LOCALITY_LEAD elsewhere on the child's team", claims: () => ({ sub: teamMember, role: 'LOCALITY_LEAD', localities: [elsewhere] }), expect: all(A) },
];
const ON_TEAM = CASES.length - 1;

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

describe('who sees what: every role against every personal field of every subgraph', () => {
  it('the matrix covers every service and a good number of fields', () => {
    for (const group of ['register', 'education', 'send', 'health'] as const) expect(FIELDS[group].length, group).toBeGreaterThan(1);
  });

  for (const c of CASES) {
    it(`${c.who}, through the gateway`, async () => {
      const query = `query ($id: ID!) { child(id: $id) { id ${SELECTION.register} education { ${SELECTION.education} } send { ${SELECTION.send} } health { ${SELECTION.health} } } }`;
      const result = await (await clientFor(c)).query(query, { id: child.id });
      expect(result.data?.child?.id, c.who).toBe(child.id);
      if (!result.data) return;
      for (const { group, under } of GROUPS) {
        const object = under ? result.data.child[under] : result.data.child;
        // The trust is reached by the NHS number on the register: withheld there, the
        // gateway has no key to ask with, and the register's FORBIDDEN says why.
        if (group === 'health' && c.expect.register === F) {
          expect(object, `${c.who}: health without the NHS number`).toBeNull();
          continue;
        }
        check(result, object, under ? ['child', under] : ['child'], FIELDS[group], c.expect[group], c.who);
      }
      // Nothing leaks a stack trace or an internal address, whatever was refused.
      expect(JSON.stringify(result)).not.toMatch(/127\.0\.0\.1|at .*\.ts:\d+|SELECT /);
    });

    // Asked directly, a service knows nothing of the team unless shown the register's pass (care-team.e2e.ts).
    if (c === CASES[ON_TEAM]) continue;
    it(`${c.who}, directly at each subgraph: root fields and _entities`, async () => {
      const localities = await clientFor(c, 'localities');
      const root = await localities.query(`query ($id: ID!) { child(id: $id) { id ${SELECTION.register} } }`, { id: child.id });
      check(root, root.data?.child, ['child'], FIELDS.register, c.expect.register, `${c.who} (localities root)`);
      for (const { group, subgraph, under } of GROUPS) {
        const key = group === 'health' ? { nhsNumber: child.nhsNumber } : { id: child.id };
        const selection = under ? `${under} { ${SELECTION[group]} }` : `id ${SELECTION[group]}`;
        const result = await (await clientFor(c, subgraph)).query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { ${selection} } } }`, {
          r: [{ __typename: 'Child', ...key }],
        });
        const entity = result.data?._entities?.[0];
        check(result, under ? entity?.[under] : entity, under ? ['_entities', 0, under] : ['_entities', 0], FIELDS[group], c.expect[group], `${c.who} (${subgraph} _entities)`);
      }
    });
  }

  it('without a token nothing answers: UNAUTHENTICATED at the gateway and at each subgraph', async () => {
    const query = `query ($id: ID!) { child(id: $id) { id givenName } }`;
    const results = [await kit.anonymous.query(query, { id: child.id })];
    for (const name of Object.keys(kit.platform.subgraphs)) {
      const url = kit.platform.subgraphs[name]!.url;
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [{ __typename: 'Child', id: child.id }] } }) });
      results.push({ status: response.status, ...((await response.json()) as object) } as GraphQLResult<unknown>);
    }
    expect(results.length).toBeGreaterThanOrEqual(5);
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
    const shared = area.children.find((c) => c.id !== child.id && known(c.nhsNumber, 'RYY') && !known(c.nhsNumber, 'RXY'))!;
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

  it('records exactly the personal fields each request resolved, in every service: one to one', async () => {
    // For each role, a few fields of each service: what the answer holds must be what the audit says.
    const cases: [Case, Record<Group, string[]>][] = [
      [CASES[0]!, { register: ['givenName', 'dateOfBirth'], education: ['attendance', 'senStatus'], send: FIELDS.send.slice(0, 2), health: ['waits'] }],
      [CASES[2]!, { register: ['nhsNumber'], education: ['currentSchool'], send: FIELDS.send.slice(-2), health: ['waits', 'pastWaits'] }],
      [CASES[3]!, { register: ['familyName', 'nhsNumber'], education: ['suspensions'], send: FIELDS.send.slice(0, 1), health: ['waits'] }],
      [CASES[5]!, { register: ['upn'], education: ['currentSchool', 'enrolments'], send: FIELDS.send.slice(0, 3), health: ['pastWaits'] }],
      [CASES[8]!, { register: ['givenName', 'nhsNumber'], education: ['senStatus'], send: FIELDS.send.slice(0, 1), health: ['waits'] }],
      [CASES[CASES.length - 1]!, { register: ['givenName', 'nhsNumber'], education: ['senStatus'], send: FIELDS.send.slice(0, 2), health: ['waits'] }],
    ];
    const pick = (group: Group, fields: string[]) =>
      fields.map((field) => SELECTION[group].split(/ (?=[a-zA-Z])/).find((s) => s === field || s.startsWith(`${field} {`))!).join(' ');
    const keyOf: Record<Group, string> = { register: child.id, education: child.id, send: child.id, health: childKeyOf(child.nhsNumber) };
    let answered = 0;
    for (const [c, wanted] of cases) {
      const requestId = `audit-${c.who}-${Math.random()}`;
      const query = `query ($id: ID!) { child(id: $id) { id ${pick('register', wanted.register)} education { ${pick('education', wanted.education)} } send { ${pick('send', wanted.send)} } health { ${pick('health', wanted.health)} } } }`;
      const result = await (await clientFor(c)).query(query, { id: child.id }, { 'x-request-id': requestId });
      // What the answer actually holds: every personal field that came back without an error.
      const erroredPaths = new Set((result.errors ?? []).map((e) => e.path?.join('.')));
      const resolved = new Set<string>();
      for (const { group, subgraph, type, under } of GROUPS) {
        const parent = under ? result.data?.child?.[under] : result.data?.child;
        if (!parent) continue;
        for (const field of wanted[group]) {
          if (!erroredPaths.has([...(under ? ['child', under] : ['child']), field].join('.'))) resolved.add(`${subgraph}:${type}.${field}`);
        }
      }
      // The trust is reached through the NHS number: the gateway reads it from the register
      // to ask for the waits, so the register rightly records that it released it.
      if (wanted.health.length > 0 && !erroredPaths.has('child.nhsNumber')) resolved.add('localities:Child.nhsNumber');
      const audited = new Set<string>();
      for (const { group, subgraph } of GROUPS) {
        for (const row of await auditRows(subgraph, requestId)) {
          expect(row).toMatchObject({ subject: c.claims().sub, role: c.claims().role, child_id: keyOf[group], subgraph });
          expect(row.purpose).toBe(c.purpose ?? 'direct-care');
          for (const field of row.fields) audited.add(`${subgraph}:${field}`);
        }
      }
      expect([...audited].sort(), c.who).toEqual([...resolved].sort());
      answered += resolved.size;
    }
    // The comparison is not vacuous: many fields were answered, in every service.
    expect(answered).toBeGreaterThan(25);
  });

  it("withholds a service's answer when its reads cannot be recorded, and only that service's", async () => {
    const health = kit.platform.subgraphs.health!.database.dataSource;
    await health.query('ALTER TABLE access_audit RENAME TO access_audit_unreachable');
    try {
      const result = await kit.gateway.query(`query ($id: ID!) { child(id: $id) { givenName health { ${SELECTION.health} } } }`, { id: child.id });
      expect(typeof result.data?.child?.givenName).toBe('string');
      expect(result.data?.child?.health ?? null).toBeNull();
      expect(result.errors?.map((e) => e.extensions?.code)).toContain('AUDIT_UNAVAILABLE');
      expect(JSON.stringify(result)).not.toMatch(/referralDate|serviceCode/);
    } finally {
      await health.query('ALTER TABLE access_audit_unreachable RENAME TO access_audit');
    }
    // Recorded again as soon as it can be.
    const result = await kit.gateway.query(`query ($id: ID!) { child(id: $id) { health { ${SELECTION.health} } } }`, { id: child.id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.child?.health).not.toBeNull();
  });

  it('keeps each row with its own request when many requests are answered at once', async () => {
    const requests = Array.from({ length: 16 }, (_, i) => `together-${i}-${Math.random()}`);
    const viewers = requests.map((_, i) => ({ sub: `lead.${i}@kent.example.org`, role: 'LOCALITY_LEAD' as const, localities: [child.localityId] }));
    await Promise.all(
      requests.map(async (requestId, i) => {
        const client = await kit.as(viewers[i]!);
        const result = await client.query('query ($id: ID!) { child(id: $id) { givenName education { senStatus { provision } } } }', { id: child.id }, { 'x-request-id': requestId });
        expect(result.errors).toBeUndefined();
      }),
    );
    for (const [i, requestId] of requests.entries()) {
      for (const [subgraph, field] of [['localities', 'Child.givenName'], ['schools', 'ChildEducation.senStatus']] as const) {
        const rows = await auditRows(subgraph, requestId);
        expect(rows, `${subgraph} ${requestId}`).toHaveLength(1);
        expect(rows[0]).toMatchObject({ subject: viewers[i]!.sub, role: 'LOCALITY_LEAD', child_id: child.id });
        expect(rows[0].fields).toContain(field);
      }
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
