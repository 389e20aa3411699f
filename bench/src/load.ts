import http from 'node:http';
import { LatencyHistogram, type LatencySummary } from './histogram.js';

/**
 * The benchmark's load generator: N clients, each sending its next request as soon
 * as the last one is answered (closed loop), over keep-alive connections, for a
 * number of requests or a length of time, after a warm-up that is not recorded.
 * A task is one timed unit of work (one HTTP request, or several for the direct
 * critical path); it returns an error description, or nothing when it succeeded.
 */
export type Task = (index: number) => Promise<string | void>;

export interface LoadOptions {
  /** Clients sending at once. */
  concurrency: number;
  /** Stop after this many measured tasks… */
  requests?: number;
  /** …or after this long, whichever comes first (one of them is required). */
  durationMs?: number;
  /** Tasks run first and not recorded (connections opened, caches and JIT warm). */
  warmup?: number;
  task: Task;
}

export interface LoadResult {
  concurrency: number;
  requests: number;
  /** Tasks run before measuring (not in the figures). */
  warmup: number;
  errors: number;
  /** Each distinct error, with how many times it happened. */
  errorKinds: Record<string, number>;
  elapsedMs: number;
  rps: number;
  latencyMs: LatencySummary;
  histogram: { upToMs: number | null; count: number }[];
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (!options.requests && !options.durationMs) throw new Error('runLoad needs requests or durationMs');
  if (!(options.concurrency >= 1)) throw new Error('concurrency must be at least 1');
  let index = 0;
  const warmup = options.warmup ?? 0;
  if (warmup > 0) {
    let started = 0;
    await Promise.all(
      Array.from({ length: Math.min(options.concurrency, warmup) }, async () => {
        while (started < warmup) {
          started++;
          await options.task(index++).catch(() => undefined);
        }
      }),
    );
  }

  const histogram = new LatencyHistogram();
  const errorKinds: Record<string, number> = {};
  let errors = 0;
  let issued = 0;
  const limit = options.requests ?? Number.POSITIVE_INFINITY;
  const begin = performance.now();
  const deadline = options.durationMs ? begin + options.durationMs : Number.POSITIVE_INFINITY;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (issued < limit && performance.now() < deadline) {
        issued++;
        const at = performance.now();
        let error: string | void;
        try {
          error = await options.task(index++);
        } catch (thrown) {
          error = `thrown: ${(thrown as Error).message}`;
        }
        histogram.record(performance.now() - at);
        if (error) {
          errors++;
          errorKinds[error] = (errorKinds[error] ?? 0) + 1;
        }
      }
    }),
  );
  const elapsedMs = performance.now() - begin;
  return {
    concurrency: options.concurrency,
    requests: histogram.count,
    warmup,
    errors,
    errorKinds,
    elapsedMs,
    rps: histogram.count / (elapsedMs / 1000),
    latencyMs: histogram.summary(),
    histogram: histogram.buckets(),
  };
}

/** Keep-alive connections, as many as there are clients, reused for every request. */
export function keepAliveAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

export interface HttpAnswer {
  status: number;
  body: string;
}

/** POSTs a JSON body and reads the whole answer. */
export function postJson(url: URL, body: string, headers: Record<string, string>, agent: http.Agent, timeoutMs = 30_000): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * What was wrong with a GraphQL answer, or nothing: any HTTP status but 200, or any
 * entry in `errors` (a FORBIDDEN field is an error too: the benchmark only asks for
 * what its callers may see). Parses the body only when it mentions errors.
 */
export function graphqlError(answer: HttpAnswer): string | undefined {
  if (answer.status !== 200) return `HTTP ${answer.status}: ${firstError(answer.body) ?? answer.body.slice(0, 120)}`;
  if (!answer.body.includes('"errors"')) return undefined;
  return firstError(answer.body);
}

function firstError(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { errors?: { message?: string; path?: unknown[]; extensions?: { code?: string } }[] };
    const error = parsed.errors?.[0];
    if (!error) return undefined;
    const where = error.path ? ` at ${error.path.filter((p) => typeof p === 'string').join('.')}` : '';
    return `${error.extensions?.code ?? 'ERROR'}${where}: ${String(error.message).slice(0, 160)}`;
  } catch {
    return undefined;
  }
}
