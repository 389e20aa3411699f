import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, TestClient, type TestPlatform } from '@local-area-graph/test-kit';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, generateLocalSigningKey, signToken } from '@local-area-graph/trust';

let kit: TestPlatform;
let childId: string;

beforeAll(async () => {
  kit = await startTestPlatform({ demo: { children: 100, seed: 5 } });
  childId = ((await kit.gateway.data('{ children(first: 1) { nodes { id } } }')) as any).children.nodes[0].id;
});
afterAll(async () => kit?.stop());

const ROOT = '{ localAreas { name } }';
const ENTITIES = (id: string) => ({ query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id } } }', variables: { r: [{ __typename: 'Child', id }] } });

/** Every way a token can be wrong, as headers. */
async function badCredentials(): Promise<[string, Record<string, string>][]> {
  const stranger = await generateLocalSigningKey();
  const sign = (options: { audience?: string; issuer?: string; ttlSeconds?: number }, key = stranger) =>
    signToken(key.privateKey, key.kid, { sub: 'someone', role: 'ADMIN' }, { issuer: options.issuer ?? LOCAL_ISSUER, audience: options.audience ?? LOCAL_AUDIENCE, ttlSeconds: options.ttlSeconds });
  const valid = await kit.token({ sub: 'someone', role: 'ADMIN' });
  const [header, payload] = valid.split('.');
  const forged = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'ADMIN', sub: 'mallory' })).toString('base64url')}.${valid.split('.')[2]}`;
  return [
    ['no token', {}],
    ['not a bearer token', { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` }],
    ['garbage', { authorization: 'Bearer not.a.jwt' }],
    ['signed by a key the platform does not trust', { authorization: `Bearer ${await sign({})}` }],
    ['a changed payload', { authorization: `Bearer ${forged}` }],
    ['expired', { authorization: `Bearer ${await kit.token({ sub: 'someone', role: 'ADMIN' }, -120)}` }],
    ['an unsigned token (alg none)', { authorization: `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.` }],
  ];
}

describe('every request carries a valid signed token', () => {
  it('the gateway refuses each bad credential with UNAUTHENTICATED (401) before planning', async () => {
    for (const [why, headers] of await badCredentials()) {
      const result = await new TestClient(kit.platform.gatewayUrl, headers).query(ROOT);
      expect(result.status, why).toBe(401);
      expect(result.errors?.[0]?.extensions?.code, why).toBe('UNAUTHENTICATED');
      expect(result.data ?? null, why).toBeNull();
    }
  });

  it('every subgraph refuses them too, for root fields and for _entities', async () => {
    const credentials = await badCredentials();
    for (const name of Object.keys(kit.platform.subgraphs)) {
      for (const [why, headers] of credentials) {
        const client = new TestClient(kit.platform.subgraphs[name]!.url, headers);
        const { query, variables } = ENTITIES(childId);
        for (const result of [await client.query(name === 'localities' ? ROOT : '{ schools { name } }'), await client.query(query, variables)]) {
          expect(result.status, `${name}: ${why}`).toBe(401);
          expect(result.errors?.[0]?.extensions?.code, `${name}: ${why}`).toBe('UNAUTHENTICATED');
        }
      }
    }
  });

  it('a valid token is accepted by the gateway and by a subgraph directly', async () => {
    expect((await kit.gateway.query(ROOT)).errors).toBeUndefined();
    const { query, variables } = ENTITIES(childId);
    const direct = await kit.subgraph('schools').query(query, variables);
    expect(direct.errors).toBeUndefined();
    expect((direct.data as any)._entities[0].id).toBe(childId);
  });

  it('refuses a purpose the platform does not know', async () => {
    const client = await kit.as({ sub: 'someone', role: 'ADMIN' }, 'curiosity' as never);
    const result = await client.query(ROOT);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST', header: 'x-purpose' });
  });
});
