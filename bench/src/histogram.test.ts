import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './histogram.js';

const filled = (values: number[]) => {
  const histogram = new LatencyHistogram();
  for (const value of values) histogram.record(value);
  return histogram;
};

describe('latency percentiles (nearest rank)', () => {
  it('gives the smallest sample that p% of samples are at or below', () => {
    // 1..100 in a shuffled order: the percentiles are the ranks themselves.
    const values = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1);
    const histogram = filled(values);
    expect(histogram.percentile(50)).toBe(50);
    expect(histogram.percentile(95)).toBe(95);
    expect(histogram.percentile(99)).toBe(99);
    expect(histogram.percentile(100)).toBe(100);
    expect(histogram.percentile(0.5)).toBe(1);
  });

  it('never interpolates: a percentile is a latency some request had', () => {
    const histogram = filled([1, 2, 3, 1000]);
    expect(histogram.percentile(50)).toBe(2);
    expect(histogram.percentile(75)).toBe(3);
    expect(histogram.percentile(76)).toBe(1000);
    expect(histogram.summary()).toMatchObject({ count: 4, min: 1, max: 1000, mean: 251.5, p50: 2, p95: 1000, p99: 1000 });
  });

  it('keeps working after more samples arrive (re-sorts, grows past its first buffer)', () => {
    const histogram = filled([5]);
    expect(histogram.percentile(50)).toBe(5);
    for (let i = 0; i < 5000; i++) histogram.record(1);
    expect(histogram.count).toBe(5001);
    expect(histogram.percentile(99.9)).toBe(1);
    expect(histogram.percentile(100)).toBe(5);
  });

  it('counts samples per bucket, upper edge inclusive, the rest in the last', () => {
    expect(filled([0.5, 1, 1.5, 7, 9000]).buckets([1, 5, 10])).toEqual([
      { upToMs: 1, count: 2 },
      { upToMs: 5, count: 1 },
      { upToMs: 10, count: 1 },
      { upToMs: null, count: 1 },
    ]);
  });

  it('refuses nonsense and says nothing about an empty run', () => {
    expect(() => new LatencyHistogram().record(-1)).toThrow(RangeError);
    expect(() => new LatencyHistogram().record(Number.NaN)).toThrow(RangeError);
    expect(() => filled([1]).percentile(0)).toThrow(RangeError);
    expect(() => filled([1]).percentile(101)).toThrow(RangeError);
    expect(new LatencyHistogram().percentile(50)).toBeNaN();
  });
});
