import { describe, expect, it } from 'vitest';
import { generateDemoArea } from '@local-area-graph/demo-data';
import { CASELOAD, benchUuid, chooseSample } from './county.js';

describe("the county loader's sample", () => {
  const area = generateDemoArea({ children: 1500, seed: 9 });

  it('is the same for the same seed, and spreads over the register', () => {
    const first = chooseSample(area, 100);
    const again = chooseSample(generateDemoArea({ children: 1500, seed: 9 }), 100);
    expect(again).toEqual(first);
    expect(first).toHaveLength(100);
    expect(new Set(first.map((c) => c.id)).size).toBe(100);
    expect(new Set(first.map((c) => c.localityId)).size).toBeGreaterThan(3);
  });

  it('pairs each child with a professional of their own locality, signed in by work email', () => {
    const localityOf = new Map(area.professionals.map((p) => [p.email, p.localityId]));
    for (const child of chooseSample(area, 100)) {
      expect(localityOf.get(child.subject)).toBe(child.localityId);
      expect(area.children.find((c) => c.id === child.id)?.nhsNumber).toBe(child.nhsNumber);
    }
  });

  it('gives each lead a caseload of children of their locality', () => {
    const sample = chooseSample(area, 400);
    const caseloads = new Map<string, number>();
    for (const child of sample) caseloads.set(child.subject, (caseloads.get(child.subject) ?? 0) + 1);
    // Every lead but the last of each locality has a full caseload.
    expect(Math.max(...caseloads.values())).toBe(CASELOAD);
    expect(caseloads.size).toBeLessThan(sample.length / (CASELOAD / 2));
  });

  it('makes the same team-place ids every time, as UUIDs', () => {
    expect(benchUuid('team:a')).toBe(benchUuid('team:a'));
    expect(benchUuid('team:a')).not.toBe(benchUuid('team:b'));
    expect(benchUuid('team:a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
