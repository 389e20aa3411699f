import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { startSingleSubgraph, type SingleSubgraph } from '@local-area-graph/test-kit';
import { localities, Child, LocalArea, Locality, Professional } from './index.js';
import { ageOn } from './child/child.resolver.js';

// The child register on its own, with a handful of children written by hand, so every
// expectation below can be checked by eye.
const AREA = { code: 'E10000016', laNumber: 886, name: 'Kent' };
const ids = {
  amara: '0b8e8a2e-5a4f-4a55-9a57-3c3f0d7a0001',
  ben: '0b8e8a2e-5a4f-4a55-9a57-3c3f0d7a0002',
  chloe: '0b8e8a2e-5a4f-4a55-9a57-3c3f0d7a0003',
  dev: '0b8e8a2e-5a4f-4a55-9a57-3c3f0d7a0004',
};
const children = [
  { id: ids.amara, nhsNumber: '9990000018', upn: null, givenName: 'Amara', familyName: 'Okafor', dateOfBirth: '2015-03-01', sex: 'F', localityId: 'dartford', schoolUrn: '118001' },
  { id: ids.ben, nhsNumber: '9990000026', upn: null, givenName: 'Ben', familyName: 'Adams', dateOfBirth: '2012-08-31', sex: 'M', localityId: 'dartford', schoolUrn: '118002' },
  { id: ids.chloe, nhsNumber: '9990000034', upn: null, givenName: 'Chloe', familyName: 'Adams', dateOfBirth: '2018-09-01', sex: 'F', localityId: 'swale', schoolUrn: '118001' },
  { id: ids.dev, nhsNumber: '9990000042', upn: null, givenName: 'Dev', familyName: 'Patel', dateOfBirth: '2020-01-15', sex: 'M', localityId: 'swale', schoolUrn: null },
];

async function seed(db: DataSource) {
  await db.getRepository(LocalArea).insert(AREA);
  await db.getRepository(Locality).insert([
    { id: 'dartford', name: 'Dartford', localAreaCode: AREA.code },
    { id: 'swale', name: 'Swale', localAreaCode: AREA.code },
  ]);
  await db.getRepository(Child).insert(children as never);
  await db.getRepository(Professional).insert({ id: '0b8e8a2e-5a4f-4a55-9a57-3c3f0d7a0100', givenName: 'Ruth', familyName: 'Mensah', role: 'Inclusion support lead', agency: 'EARLY_HELP' as never, email: 'r.mensah@kent.example.org', localityId: 'swale' });
}

let subgraph: SingleSubgraph;
beforeAll(async () => {
  subgraph = await startSingleSubgraph(localities, seed);
});
afterAll(async () => subgraph?.stop());

describe('the child register', () => {
  it('finds a child by platform id and by NHS number', async () => {
    const byId = await subgraph.client.data(`query ($id: ID!) { child(id: $id) { nhsNumber givenName familyName sex locality { name localArea { laNumber } } } }`, { id: ids.amara });
    expect(byId.child).toEqual({ nhsNumber: '9990000018', givenName: 'Amara', familyName: 'Okafor', sex: 'FEMALE', locality: { name: 'Dartford', localArea: { laNumber: 886 } } });
    const byNhs = await subgraph.client.data('{ childByNhsNumber(nhsNumber: "9990000034") { id } }');
    expect(byNhs.childByNhsNumber.id).toBe(ids.chloe);
  });

  it('counts ages as people count birthdays', () => {
    expect(ageOn('2012-08-31', '2026-08-30')).toBe(13);
    expect(ageOn('2012-08-31', '2026-08-31')).toBe(14);
    expect(ageOn('2016-02-29', '2026-02-28')).toBe(9);
    expect(ageOn('2016-02-29', '2026-03-01')).toBe(10);
  });

  it('pages the register in surname order, for one locality or the whole area', async () => {
    const page = async (after: string | null, localityId?: string) =>
      (await subgraph.client.data(`query ($after: String, $l: ID) { children(first: 2, after: $after, localityId: $l) { totalCount pageInfo { hasNextPage endCursor } nodes { givenName } } }`, { after, l: localityId })).children;
    const first = await page(null);
    expect(first).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true }, nodes: [{ givenName: 'Ben' }, { givenName: 'Chloe' }] });
    const second = await page(first.pageInfo.endCursor);
    expect(second).toMatchObject({ pageInfo: { hasNextPage: false }, nodes: [{ givenName: 'Amara' }, { givenName: 'Dev' }] });
    expect((await page(null, 'swale')).nodes.map((n: { givenName: string }) => n.givenName)).toEqual(['Chloe', 'Dev']);
  });

  it('answers unknown ids with NOT_FOUND and bad ones with BAD_USER_INPUT, naming the argument', async () => {
    const unknown = await subgraph.client.query('{ child(id: "0b8e8a2e-5a4f-4a55-9a57-3c3f0d7a9999") { id } }');
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
    const bad = await subgraph.client.query('{ childByNhsNumber(nhsNumber: "9990000019") { id } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'nhsNumber' });
    const badCursor = await subgraph.client.query(`{ children(after: "${Buffer.from(JSON.stringify(['Adams', 'Ben', "x' OR 1=1"])).toString('base64url')}") { totalCount } }`);
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('resolves children for other subgraphs by either key, in one statement per key', async () => {
    const entities = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id givenName } } }`;
    const run = async (representations: object[]) => {
      const before = subgraph.database.statements.count;
      const result = await subgraph.client.data(entities, { r: representations });
      return { result, statements: subgraph.database.statements.count - before };
    };
    const two = await run([{ __typename: 'Child', id: ids.amara }, { __typename: 'Child', nhsNumber: '9990000026' }]);
    const four = await run([...children.map((c) => ({ __typename: 'Child', id: c.id })), ...children.map((c) => ({ __typename: 'Child', nhsNumber: c.nhsNumber }))]);
    expect(two.result._entities.map((e: { givenName: string }) => e.givenName)).toEqual(['Amara', 'Ben']);
    expect(four.result._entities).toHaveLength(8);
    expect(four.statements).toBe(two.statements);
  });
});

describe('who sees the register', () => {
  const NAMES = `query ($ids: [_Any!]!) { _entities(representations: $ids) { ... on Child { id givenName } } }`;
  const all = { ids: children.map((c) => ({ __typename: 'Child', id: c.id })) };
  const visible = (result: { data?: { _entities: { id: string; givenName: string | null }[] } | null }) =>
    result.data!._entities.filter((e) => e.givenName !== null).map((e) => e.id);

  it('a locality lead sees the children living in their localities', async () => {
    const lead = await subgraph.as({ sub: 'lead', role: 'LOCALITY_LEAD', localities: ['swale'] });
    const result = await lead.query(NAMES, all);
    expect(visible(result)).toEqual([ids.chloe, ids.dev]);
    expect(result.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    expect((await lead.data('{ children { totalCount } }')).children.totalCount).toBe(2);
  });

  it("a SENCO sees the children the register records at their school, and lists only them", async () => {
    const senco = await subgraph.as({ sub: 'senco', role: 'SENCO', schools: ['118001'] });
    expect(visible(await senco.query(NAMES, all))).toEqual([ids.amara, ids.chloe]);
    expect((await senco.data('{ children { nodes { givenName } } }')).children.nodes.map((n: { givenName: string }) => n.givenName)).toEqual(['Chloe', 'Amara']);
  });

  it('no purpose, no personal data; and a professional record is not a child record', async () => {
    const admin = await subgraph.as({ sub: 'admin', role: 'ADMIN' }, null);
    expect(visible(await admin.query(NAMES, all))).toEqual([]);
    const locality = await admin.data('{ locality(id: "swale") { professionals { role agency } } }');
    expect(locality.locality.professionals).toEqual([{ role: 'Inclusion support lead', agency: 'EARLY_HELP' }]);
  });
});
