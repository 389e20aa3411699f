import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, TestClient, type GraphQLResult, type TestPlatform } from '@local-area-graph/test-kit';
import { ABUSE_LIMITS, createGateway, readCommittedSupergraph } from '@local-area-graph/gateway';
import { createLogger, type RunningHttpServer } from '@local-area-graph/subgraph-kit';
import { createTokenVerifier } from '@local-area-graph/trust';

// Abuse limits refuse an operation at the gateway before any subgraph sees it. To
// prove "before", two gateways of their own call the subgraphs through a proxy that
// counts every request: a refused operation leaves the count at zero.
let kit: TestPlatform;
let development: TestClient;
let production: TestClient;
let headers: Record<string, string>;
const proxies: http.Server[] = [];
const gateways: RunningHttpServer[] = [];
let subgraphRequests = 0;

/** A proxy in front of one subgraph that counts the requests it passes on. */
async function countingProxy(target: string): Promise<string> {
  const url = new URL(target);
  const proxy = http.createServer((request, response) => {
    subgraphRequests += 1;
    const upstream = http.request(
      { hostname: url.hostname, port: url.port, path: request.url, method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxies.push(proxy);
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${url.pathname}`;
}

async function gatewayThroughProxies(subgraphUrls: Record<string, string>, isProduction: boolean): Promise<TestClient> {
  const running = await createGateway({
    supergraphSdl: readCommittedSupergraph(),
    subgraphUrls,
    subgraphTimeoutMs: 5000,
    verifier: createTokenVerifier(kit.trust),
    logger: createLogger('gateway', 'silent'),
    production: isProduction,
  }).listen(0);
  gateways.push(running);
  return new TestClient(running.url, headers);
}

beforeAll(async () => {
  kit = await startTestPlatform({ demo: { children: 200, seed: 5 } });
  headers = { authorization: `Bearer ${await kit.token({ sub: 'test.admin', role: 'ADMIN' })}`, 'x-purpose': 'direct-care' };
  const subgraphUrls: Record<string, string> = {};
  for (const [name, subgraph] of Object.entries(kit.platform.subgraphs)) subgraphUrls[name] = await countingProxy(subgraph.url);
  development = await gatewayThroughProxies(subgraphUrls, false);
  production = await gatewayThroughProxies(subgraphUrls, true);
});
afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
  for (const proxy of proxies) {
    proxy.closeAllConnections();
    proxy.close();
  }
  await kit?.stop();
});

/** Sends one operation and returns its answer with the subgraph requests it caused. */
async function send(client: TestClient, query: string, variables?: Record<string, unknown>) {
  const before = subgraphRequests;
  const result = await client.query(query, variables);
  return { ...result, subgraphRequests: subgraphRequests - before };
}

/** The refusal for `limit`, failing the test when it is missing. */
function refusal(result: GraphQLResult<unknown>, limit: string) {
  const error = result.errors?.find((e) => e.extensions?.limit === limit);
  expect(error, JSON.stringify(result.errors)).toBeDefined();
  return error!;
}

const A_CHILD = '00000000-0000-4000-8000-000000000000';
const { maxDepth, maxAliases, maxDirectives, maxTokens, maxCost } = ABUSE_LIMITS;

describe('the counting proxies (control)', () => {
  it('see the requests of an operation within every limit', async () => {
    const result = await send(development, '{ children(first: 2) { nodes { id givenName education { currentSchool { name } } } } }');
    expect(result.errors).toBeUndefined();
    expect((result.data as any).children.nodes).toHaveLength(2);
    expect(result.subgraphRequests).toBeGreaterThan(0);
  });
});

describe('abuse limits refuse an operation before any subgraph is called', () => {
  it('refuses a query deeper than the depth limit', async () => {
    // child > education > currentSchool > pupils > edges > node > ... : 12 levels, round and round.
    const query = `query ($id: ID!) { child(id: $id) { education { currentSchool { pupils(first: 1) { edges { node {
      education { currentSchool { pupils(first: 1) { edges { node { id } } } } } } } } } } } }`;
    const result = await send(development, query, { id: A_CHILD });
    expect(result.status).toBe(400);
    const error = refusal(result, 'depth');
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', maximum: maxDepth, found: 12 });
    expect(error.message).toBe(`Query depth limit of ${maxDepth} exceeded, found 12.`);
    expect(result.data ?? null).toBeNull();
    expect(result.subgraphRequests).toBe(0);
  });

  it('refuses an alias flood', async () => {
    const aliases = Array.from({ length: maxAliases + 1 }, (_, i) => `a${i}: localAreas { code }`).join(' ');
    const result = await send(development, `{ ${aliases} }`);
    expect(result.status).toBe(400);
    const error = refusal(result, 'aliases');
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', maximum: maxAliases, found: maxAliases + 1 });
    expect(error.message).toBe(`Aliases limit of ${maxAliases} exceeded, found ${maxAliases + 1}.`);
    expect(result.subgraphRequests).toBe(0);
  });

  it('refuses a directive flood', async () => {
    const result = await send(development, `{ localAreas { code ${'@include(if: true) '.repeat(maxDirectives + 1)} } }`);
    expect(result.status).toBe(400);
    const error = refusal(result, 'directives');
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', maximum: maxDirectives, found: maxDirectives + 1 });
    expect(error.message).toContain(`Directives limit of ${maxDirectives} exceeded`);
    expect(result.subgraphRequests).toBe(0);
  });

  it('refuses a document of more tokens than the limit while parsing it', async () => {
    const result = await send(development, `{ localAreas { ${'code '.repeat(maxTokens)} } }`);
    expect(result.status).toBe(400);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
    expect(result.errors![0]!.message).toContain(`${maxTokens} tokens`);
    expect(result.subgraphRequests).toBe(0);
  });

  it('refuses a cost bomb of nested lists written in the query', async () => {
    // Every pupil of the school of each of 100 children: 10,000 rows from 30 tokens.
    const result = await send(development, '{ children(first: 100) { nodes { education { currentSchool { pupils(first: 100) { edges { node { id } } } } } } } }');
    expect(result.status).toBe(400);
    const error = refusal(result, 'cost');
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', maximum: maxCost });
    expect(error.extensions!.found as number).toBeGreaterThan(maxCost);
    expect(error.message).toMatch(new RegExp(`^Query Cost limit of ${maxCost} exceeded, found [\\d.]+\\.$`));
    expect(result.subgraphRequests).toBe(0);
  });

  it('costs page sizes sent as variables, or left to the default, as they will be served', async () => {
    const bomb = 'query ($outer: Int, $inner: Int) { children(first: $outer) { nodes { education { currentSchool { pupils(first: $inner) { edges { node { id } } } } } } } }';
    const refused = await send(development, bomb, { outer: 100, inner: 100 });
    expect(refusal(refused, 'cost').extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', maximum: maxCost });
    expect(refused.status).toBe(400);
    expect(refused.subgraphRequests).toBe(0);

    // No `first` at all: each page is the subgraphs' default size (50).
    const defaults = await send(development, '{ children { nodes { education { currentSchool { pupils { edges { node { id } } } } } } } }');
    refusal(defaults, 'cost');
    expect(defaults.subgraphRequests).toBe(0);

    // The same operation with small pages is served.
    const served = await send(development, bomb, { outer: 2, inner: 2 });
    expect(served.errors).toBeUndefined();
    expect(served.subgraphRequests).toBeGreaterThan(0);
  });

  it('lets a page of 100 children with their education through', async () => {
    const page = `query ($first: Int) { children(first: $first) {
      nodes { id givenName locality { name } education { currentSchool { name locality { name } } attendance { absenceRate } senStatus { provision } } } } }`;
    const result = await send(development, page, { first: 100 });
    expect(result.errors).toBeUndefined();
    expect((result.data as any).children.nodes).toHaveLength(100);
  });

  it('refuses a batch of operations (a JSON array) with BAD_REQUEST', async () => {
    const before = subgraphRequests;
    const response = await fetch(development.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify([{ query: '{ localAreas { code } }' }, { query: '{ localAreas { name } }' }]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } });
    expect(subgraphRequests - before).toBe(0);
  });
});

describe('in production', () => {
  it('refuses introspection', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Child") { fields { name } } }']) {
      const result = await send(production, query);
      expect(result.status, query).toBe(400);
      expect(result.errors?.[0]?.extensions, query).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
      expect(result.errors?.[0]?.message, query).toMatch(/introspection is not allowed/);
      expect(result.subgraphRequests).toBe(0);
    }
  });

  it('does not suggest field, argument or type names', async () => {
    for (const query of ['{ localAreas { cod } }', '{ child(i: "x") { id } }', 'query ($id: ID!) { child(id: $id) { ... on Chil { id } } }']) {
      const result = await send(production, query);
      expect(result.status, query).toBe(400);
      expect(result.errors?.length, query).toBeGreaterThan(0);
      for (const error of result.errors!) {
        expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(error.message).not.toMatch(/Did you mean/);
        expect(error.message).not.toMatch(/\?$/);
      }
      expect(result.subgraphRequests).toBe(0);
    }
    const field = await send(production, '{ localAreas { cod } }');
    expect(field.errors![0]!.message).toBe('Cannot query field "cod" on type "LocalArea".');
  });

  it('still applies every limit and serves ordinary operations', async () => {
    const aliases = Array.from({ length: maxAliases + 1 }, (_, i) => `a${i}: localAreas { code }`).join(' ');
    expect(refusal(await send(production, `{ ${aliases} }`), 'aliases').extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    const served = await send(production, '{ localAreas { code name } }');
    expect(served.errors).toBeUndefined();
    expect(served.subgraphRequests).toBeGreaterThan(0);
  });
});

describe('in development', () => {
  it('answers introspection from the gateway alone, and suggests names', async () => {
    const introspection = await send(development, '{ __schema { queryType { name } } }');
    expect(introspection.errors).toBeUndefined();
    expect((introspection.data as any).__schema.queryType.name).toBe('Query');
    expect(introspection.subgraphRequests).toBe(0);
    const misspelt = await send(development, '{ localAreas { cod } }');
    expect(misspelt.errors![0]!.message).toMatch(/Did you mean "code"\?/);
  });
});
