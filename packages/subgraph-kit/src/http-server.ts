import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from 'pino';

export interface GraphQLHttpServerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  logger: Logger;
  /** Builds the per-request context from the incoming request. */
  context: (request: IncomingMessage, requestId: string) => Promise<TContext>;
  /** Resolves when the service can answer (its database is reachable, say); throws otherwise. */
  readiness?: () => Promise<void>;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
}

/** A started HTTP server: its GraphQL URL and how to stop it. */
export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  // Plain stream events: an async iterator over the request made promises for every chunk
  // of every request, gateway and subgraphs alike.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        request.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!refused) resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/**
 * Serves an Apollo Server on plain node:http with `/graphql`, `/health` (liveness:
 * the process answers) and `/ready` (readiness: it can reach what it depends on).
 * Kept apart from `listen` so tests start services in-process on free ports.
 */
export function createGraphQLHttpServer<TContext extends BaseContext>(options: GraphQLHttpServerOptions<TContext>) {
  const { apollo, logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 2 * 1024 * 1024;

  const handler = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return sendJson(response, 200, { status: 'ok' });
    if (url.pathname === '/ready') {
      try {
        await options.readiness?.();
        return sendJson(response, 200, { status: 'ready' });
      } catch (error) {
        // The cause (a host, a port, a database user) goes to the log, not to the caller.
        logger.warn({ err: error }, 'not ready');
        return sendJson(response, 503, { status: 'unavailable', reason: 'a service it depends on cannot be reached' });
      }
    }
    if (url.pathname !== '/graphql') return sendJson(response, 404, { error: 'Not found: GraphQL is served at /graphql' });

    const requestId = String(request.headers['x-request-id'] ?? randomUUID());
    response.setHeader('x-request-id', requestId);
    let body: unknown;
    try {
      const raw = await readBody(request, maxBodyBytes);
      const contentType = String(request.headers['content-type'] ?? '');
      body = raw && contentType.includes('json') ? JSON.parse(raw) : raw;
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        // The rest of the body is never read, so this connection cannot carry another request.
        response.setHeader('connection', 'close');
        return sendJson(response, 413, { errors: [{ message: 'Request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      }
      return sendJson(response, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    try {
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
        context: () => options.context(request, requestId),
      });
      for (const [name, value] of result.headers) response.setHeader(name, value);
      response.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        response.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
    } catch (error) {
      logger.error({ err: error, requestId }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else response.end();
    }
  };

  const server = http.createServer((request, response) => {
    handler(request, response).catch((error) => {
      logger.error({ err: error }, 'unhandled request error');
      if (!response.headersSent) sendJson(response, 500, { error: 'Internal server error' });
    });
  });
  // Gateways keep connections to subgraphs open; outlive their idle timeout.
  server.keepAliveTimeout = 65_000;

  return {
    async listen(port: number, host = '127.0.0.1'): Promise<RunningHttpServer> {
      await apollo.start();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const actual = (server.address() as AddressInfo).port;
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      return {
        url: `http://${shownHost}:${actual}/graphql`,
        port: actual,
        async close() {
          server.closeIdleConnections();
          await new Promise<void>((resolve) => server.close(() => resolve()));
          await apollo.stop();
        },
      };
    },
  };
}
