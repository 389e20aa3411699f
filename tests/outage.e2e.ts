import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, TestClient, type TestPlatform } from '@local-area-graph/test-kit';
import { createGateway, readCommittedSupergraph } from '@local-area-graph/gateway';
import { createLogger, type RunningHttpServer } from '@local-area-graph/subgraph-kit';
import { createTokenVerifier } from '@local-area-graph/trust';

// One agency's outage must never erase another agency's data from an answer.
let kit: TestPlatform;
let silent: http.Server;
let silentUrl: string;
const gateways: RunningHttpServer[] = [];

beforeAll(async () => {
  kit = await startTestPlatform({ demo: { children: 200, seed: 3 } });
  // A subgraph that accepts connections and never answers: a hung service.
  silent = http.createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
  silent?.closeAllConnections();
  silent?.close();
  await kit?.stop();
});

async function gatewayWithSchoolsAt(url: string, timeoutMs: number): Promise<TestClient> {
  const running = await createGateway({
    supergraphSdl: readCommittedSupergraph(),
    subgraphUrls: { localities: kit.platform.subgraphs.localities!.url, schools: url },
    subgraphTimeoutMs: timeoutMs,
    verifier: createTokenVerifier(kit.trust),
    logger: createLogger('gateway', 'silent'),
  }).listen(0);
  gateways.push(running);
  return new TestClient(running.url, { authorization: `Bearer ${await kit.token({ sub: 'test.admin', role: 'ADMIN' })}`, 'x-purpose': 'direct-care' });
}

const PICTURE = '{ children(first: 3) { nodes { id givenName education { currentSchool { name } } } } }';

function expectRegisterWithoutEducation(result: Awaited<ReturnType<TestClient['query']>>, code: string) {
  const nodes = (result.data as any).children.nodes;
  expect(nodes).toHaveLength(3);
  for (const node of nodes) {
    expect(node.givenName).toEqual(expect.any(String));
    expect(node.education).toBeNull();
  }
  expect(result.errors?.length).toBeGreaterThan(0);
  expect(result.errors![0]!.extensions).toMatchObject({ code, serviceName: 'schools' });
  expect(result.errors![0]!.message).toContain('schools');
  // The subgraph's internal address is not part of the answer.
  expect(JSON.stringify(result)).not.toContain('127.0.0.1');
}

describe('when the schools service is down or hung', () => {
  it('still answers the register, with education null and an error naming the service', async () => {
    const gateway = await gatewayWithSchoolsAt('http://127.0.0.1:9/graphql', 2000);
    expectRegisterWithoutEducation(await gateway.query(PICTURE), 'SUBGRAPH_UNAVAILABLE');
  });

  it('gives up on a hung service after the configured timeout', async () => {
    const gateway = await gatewayWithSchoolsAt(silentUrl, 300);
    const started = Date.now();
    const result = await gateway.query(PICTURE);
    expectRegisterWithoutEducation(result, 'SUBGRAPH_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('health and readiness', () => {
  it('every service answers /health and /ready', async () => {
    const urls = [kit.platform.gatewayUrl, ...Object.values(kit.platform.subgraphs).map((s) => s.url)];
    for (const url of urls) {
      expect((await fetch(url.replace('/graphql', '/health'))).status, url).toBe(200);
      expect((await fetch(url.replace('/graphql', '/ready'))).status, url).toBe(200);
    }
  });

  it('a subgraph whose database is gone is alive but not ready', async () => {
    const schools = kit.platform.subgraphs.schools!;
    const ready = schools.url.replace('/graphql', '/ready');
    await schools.database.dataSource.destroy();
    const response = await fetch(ready);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable' });
    expect((await fetch(schools.url.replace('/graphql', '/health'))).status).toBe(200);
    await schools.database.dataSource.initialize();
    expect((await fetch(ready)).status).toBe(200);
  });
});
