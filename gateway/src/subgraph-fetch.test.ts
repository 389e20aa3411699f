import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSubgraphFetcher, SubgraphCallError } from './subgraph-fetch.js';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: http.RequestListener): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  const server = http.createServer(handler);
  server.on('connection', () => connections++);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, connections: () => connections };
}

const graphqlAnswer: http.RequestListener = (request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(JSON.stringify({ data: { echo: JSON.parse(body), purpose: request.headers['x-purpose'] ?? null } }));
  });
};

describe('the gateway’s subgraph client', () => {
  it('posts the body and headers and reads the whole answer', async () => {
    const { url } = await serve(graphqlAnswer);
    const fetcher = createSubgraphFetcher({ timeoutMs: 2000 });
    const answer = await fetcher(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-purpose': 'direct-care' }, body: JSON.stringify({ query: '{ a }', name: 'Zoë' }) });
    expect(answer.ok).toBe(true);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(await answer.json()).toEqual({ data: { echo: { query: '{ a }', name: 'Zoë' }, purpose: 'direct-care' } });
    fetcher.close();
  });

  it('keeps its connections open between calls', async () => {
    const { url, connections } = await serve(graphqlAnswer);
    const fetcher = createSubgraphFetcher({ timeoutMs: 2000 });
    for (let i = 0; i < 20; i++) await fetcher(url, { method: 'POST', body: '{}' });
    expect(connections()).toBe(1);
    fetcher.close();
  });

  it('hands on an error status with its body, for the gateway to report', async () => {
    const { url } = await serve((_request, response) => {
      response.statusCode = 400;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT' } }] }));
    });
    const fetcher = createSubgraphFetcher({ timeoutMs: 2000 });
    const answer = await fetcher(url, { method: 'POST', body: '{}' });
    expect(answer.ok).toBe(false);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    fetcher.close();
  });

  it('times out a subgraph that sends its headers and then hangs', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data":');
    });
    const fetcher = createSubgraphFetcher({ timeoutMs: 200 });
    const started = Date.now();
    const error = await fetcher(url, { method: 'POST', body: '{}' }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(SubgraphCallError);
    expect((error as SubgraphCallError).timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    fetcher.close();
  });

  it('tells an unreachable subgraph from a slow one', async () => {
    const { url } = await serve(graphqlAnswer);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const fetcher = createSubgraphFetcher({ timeoutMs: 2000 });
    const error = await fetcher(url, { method: 'POST', body: '{}' }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(SubgraphCallError);
    expect((error as SubgraphCallError).timedOut).toBe(false);
    fetcher.close();
  });
});
