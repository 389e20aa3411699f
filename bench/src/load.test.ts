import { describe, expect, it } from 'vitest';
import { graphqlError, runLoad } from './load.js';

describe('the load generator', () => {
  it('runs the asked number of tasks, N at a time, after a warm-up it does not record', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    const result = await runLoad({
      concurrency: 4,
      requests: 40,
      warmup: 8,
      task: async (i) => {
        seen.push(i);
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 1));
        running--;
        return i % 10 === 9 ? 'boom' : undefined;
      },
    });
    expect(result.requests).toBe(40);
    expect(result.warmup).toBe(8);
    expect(seen).toHaveLength(48);
    expect(most).toBe(4);
    // Indexes go on from the warm-up, so measured tasks ask about other children.
    expect(new Set(seen).size).toBe(48);
    expect(result.errors).toBe(result.errorKinds.boom);
    expect(result.latencyMs.count).toBe(40);
    expect(result.latencyMs.p50).toBeGreaterThan(0);
    expect(result.rps).toBeGreaterThan(0);
  });

  it('stops at the deadline, and counts a thrown task as an error', async () => {
    const result = await runLoad({
      concurrency: 2,
      durationMs: 50,
      task: async () => {
        await new Promise((r) => setTimeout(r, 5));
        throw new Error('refused');
      },
    });
    expect(result.requests).toBeGreaterThan(0);
    expect(result.requests).toBeLessThan(40);
    expect(result.errors).toBe(result.requests);
    expect(Object.keys(result.errorKinds)).toEqual(['thrown: refused']);
  });

  it('needs a number of requests or a duration', async () => {
    await expect(runLoad({ concurrency: 1, task: async () => undefined })).rejects.toThrow(/requests or durationMs/);
  });

  it('reads a GraphQL answer: any status but 200, or any error, is an error', () => {
    expect(graphqlError({ status: 200, body: '{"data":{"child":{"id":"1"}}}' })).toBeUndefined();
    expect(graphqlError({ status: 200, body: '{"data":{"child":null},"errors":[{"message":"no","path":["child","education"],"extensions":{"code":"FORBIDDEN"}}]}' })).toBe(
      'FORBIDDEN at child.education: no',
    );
    expect(graphqlError({ status: 401, body: '{"errors":[{"message":"Not signed in","extensions":{"code":"UNAUTHENTICATED"}}]}' })).toBe('HTTP 401: UNAUTHENTICATED: Not signed in');
    expect(graphqlError({ status: 502, body: 'Bad gateway' })).toBe('HTTP 502: Bad gateway');
  });
});
