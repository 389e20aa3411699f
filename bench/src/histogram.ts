/**
 * Every latency of a run, kept exactly (a run is at most a few hundred thousand
 * requests), with percentiles by the nearest-rank method: p50 is the smallest
 * value that at least half of the samples are at or below. No interpolation, so a
 * reported p99 is a latency some request really had.
 */
export class LatencyHistogram {
  private samples = new Float64Array(1024);
  private size = 0;
  private sorted = true;

  /** Records one latency, in milliseconds. */
  record(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency must be a finite, non-negative number of ms, got ${ms}`);
    if (this.size === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2);
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.size++] = ms;
    this.sorted = false;
  }

  get count(): number {
    return this.size;
  }

  private view(): Float64Array {
    const view = this.samples.subarray(0, this.size);
    if (!this.sorted) {
      view.sort();
      this.sorted = true;
    }
    return view;
  }

  /** The p-th percentile (0 < p <= 100), nearest rank; NaN with no samples. */
  percentile(p: number): number {
    if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
    if (this.size === 0) return Number.NaN;
    const rank = Math.ceil((p / 100) * this.size);
    return this.view()[Math.min(this.size, Math.max(1, rank)) - 1]!;
  }

  summary(): LatencySummary {
    if (this.size === 0) return { count: 0, min: NaN, mean: NaN, p50: NaN, p95: NaN, p99: NaN, max: NaN };
    const view = this.view();
    let total = 0;
    for (const value of view) total += value;
    return {
      count: this.size,
      min: view[0]!,
      mean: total / this.size,
      p50: this.percentile(50),
      p95: this.percentile(95),
      p99: this.percentile(99),
      max: view[this.size - 1]!,
    };
  }

  /**
   * How many samples fall in each bucket: [0, e0], (e0, e1], …, (e_last, ∞). For a
   * glance at the shape (a long tail, two humps) beside the percentiles.
   */
  buckets(edges: readonly number[] = DEFAULT_BUCKET_EDGES_MS): { upToMs: number | null; count: number }[] {
    const view = this.view();
    const counts = new Array<number>(edges.length + 1).fill(0);
    let bucket = 0;
    for (const value of view) {
      while (bucket < edges.length && value > edges[bucket]!) bucket++;
      counts[bucket]!++;
    }
    return counts.map((count, i) => ({ upToMs: i < edges.length ? edges[i]! : null, count }));
  }
}

export interface LatencySummary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export const DEFAULT_BUCKET_EDGES_MS = [1, 2, 5, 10, 20, 50, 100, 150, 250, 500, 1000, 2000, 5000];
