import http from 'node:http';
import https from 'node:https';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

// The fetcher the gateway's data sources accept (@apollo/utils.fetcher's types, as the gateway exports them).
type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/** Why a subgraph call failed before an answer came: the gateway names it in its error. */
export class SubgraphCallError extends Error {
  constructor(
    message: string,
    readonly timedOut: boolean,
  ) {
    super(message);
    this.name = timedOut ? 'TimeoutError' : 'SubgraphCallError';
  }
}

/** A subgraph's whole answer, read before it is handed on (so the timeout covers the body too). */
class SubgraphResponse implements FetcherResponse {
  readonly redirected = false;
  readonly bodyUsed = false;
  readonly ok: boolean;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: Headers,
    private readonly body: string,
  ) {
    this.ok = status >= 200 && status < 300;
  }

  async text(): Promise<string> {
    return this.body;
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(this.body, 'utf8');
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
  clone(): FetcherResponse {
    return new SubgraphResponse(this.url, this.status, this.statusText, new Headers(this.headers), this.body);
  }
}

/**
 * The gateway's HTTP client for its subgraphs: Node's own `http.request` over
 * keep-alive connections, a pool per subgraph. Node's `fetch` (undici behind WHATWG
 * streams) cost the gateway about a tenth of its CPU per child's picture, for four
 * small JSON posts to hosts it already knows. `timeoutMs` covers the whole call, from
 * the request to the last byte of the answer; a call that is not answered in time is
 * abandoned and its connection closed.
 */
export function createSubgraphFetcher(options: { timeoutMs: number; maxSockets?: number }): Fetcher & { close(): void } {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64, scheduling: 'lifo' as const };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };
  const fetcher = (url: string, init: FetcherRequestInit = {}): Promise<FetcherResponse> =>
    new Promise<FetcherResponse>((resolve, reject) => {
      const target = new URL(url);
      const protocol = target.protocol as keyof typeof agents;
      if (!agents[protocol]) return reject(new SubgraphCallError(`unsupported protocol ${target.protocol}`, false));
      const body = init.body ?? '';
      const request = (protocol === 'https:' ? https : http).request(target, {
        method: init.method ?? 'POST',
        headers: { ...init.headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: agents[protocol],
      });
      const timer = setTimeout(() => request.destroy(new SubgraphCallError(`no answer within ${options.timeoutMs} ms`, true)), options.timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(error instanceof SubgraphCallError ? error : new SubgraphCallError(error.message, false));
      };
      request.on('error', fail);
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('aborted', () => fail(new SubgraphCallError('the answer was cut off', false)));
        response.on('end', () => {
          clearTimeout(timer);
          const headers = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          resolve(new SubgraphResponse(url, response.statusCode ?? 0, response.statusMessage ?? '', headers, Buffer.concat(chunks).toString('utf8')));
        });
      });
      request.end(body);
    });
  return Object.assign(fetcher, {
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  });
}
