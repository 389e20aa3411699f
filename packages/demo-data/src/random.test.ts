import { describe, it, expect } from 'vitest';
import { createRandom, createWeightedSampler } from './index.js';

describe('createRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('keeps int within bounds and reaches both ends', () => {
    const random = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = random.int(3, 7);
      expect(Number.isInteger(n) && n >= 3 && n <= 7).toBe(true);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(() => random.int(2, 1)).toThrow(RangeError);
  });

  it('picks and weighs in proportion', () => {
    const random = createRandom(7);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20000; i++) counts[random.weighted([['a', 1], ['b', 3], ['c', 0]] as const)]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
    const sampler = createWeightedSampler([['x', 1], ['y', 1]] as const);
    let x = 0;
    for (let i = 0; i < 10000; i++) if (sampler(random) === 'x') x++;
    expect(x).toBeGreaterThan(4700);
    expect(x).toBeLessThan(5300);
    expect(['p', 'q']).toContain(random.pick(['p', 'q']));
    expect(() => random.pick([])).toThrow(RangeError);
    expect(() => random.weighted([['a', 0]])).toThrow(RangeError);
  });

  it('makes deterministic, distinct v4-shaped UUIDs', () => {
    const uuids = new Set<string>();
    const random = createRandom(99);
    for (let i = 0; i < 20000; i++) {
      const id = random.uuid();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      uuids.add(id);
    }
    expect(uuids.size).toBe(20000);
    expect(createRandom(5).uuid()).toBe(createRandom(5).uuid());
  });

  it('forks independent streams that do not depend on the parent having been used', () => {
    const parent = createRandom(11);
    const before = parent.fork(3).next();
    for (let i = 0; i < 10; i++) parent.next();
    expect(parent.fork(3).next()).toBe(before);
    expect(parent.fork(4).next()).not.toBe(before);
  });

  it('draws standard normals', () => {
    const random = createRandom(3);
    let sum = 0;
    let squares = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const z = random.normal();
      sum += z;
      squares += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.05);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.05);
  });
});
