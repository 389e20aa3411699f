/**
 * A small seeded PRNG (sfc32, seeded through splitmix32). Not cryptographic: it
 * exists so that demo data is identical on every machine and every run.
 */

/** A deterministic source of random values. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A uniformly chosen element; throws on an empty list. */
  pick<T>(items: readonly T[]): T;
  /** A value chosen with probability proportional to its weight; throws when no weight is positive. */
  weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T;
  /** A version 4 shaped UUID (random bits from this generator, version and variant bits set). */
  uuid(): string;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A standard normal deviate (mean 0, standard deviation 1). */
  normal(): number;
  /**
   * An independent generator derived from this one's seed and `key`, unaffected by
   * how many values this one has produced. Lets each child have its own stream, so
   * adding a draw for one child does not shift every child after it.
   */
  fork(key: number): Random;
}

function splitmix32(state: number): () => number {
  let s = state | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let t = s ^ (s >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(word: number): string {
  return HEX[word >>> 24]! + HEX[(word >>> 16) & 0xff]! + HEX[(word >>> 8) & 0xff]! + HEX[word & 0xff]!;
}

class Sfc32 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | undefined;

  constructor(private readonly seedHash: number) {
    const mix = splitmix32(seedHash);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    // sfc32's first outputs are correlated with nearby seeds until the state mixes.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.uint32() / 4294967296;
  }

  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, weight] of pairs) total += weight > 0 ? weight : 0;
    if (!(total > 0)) throw new RangeError('weighted needs at least one positive weight');
    let r = this.next() * total;
    for (const [value, weight] of pairs) {
      if (weight <= 0) continue;
      r -= weight;
      if (r < 0) return value;
    }
    // Floating-point rounding can leave r at a hair above zero.
    for (let i = pairs.length - 1; i >= 0; i--) if (pairs[i]![1] > 0) return pairs[i]![0];
    throw new Error('unreachable');
  }

  uuid(): string {
    const w0 = this.uint32();
    const w1 = ((this.uint32() & 0xffff0fff) | 0x00004000) >>> 0;
    const w2 = ((this.uint32() & 0x3fffffff) | 0x80000000) >>> 0;
    const w3 = this.uint32();
    const h1 = hex32(w1);
    const h2 = hex32(w2);
    return `${hex32(w0)}-${h1.slice(0, 4)}-${h1.slice(4)}-${h2.slice(0, 4)}-${h2.slice(4)}${hex32(w3)}`;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  normal(): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return spare;
    }
    // Box-Muller; 1 - next() keeps the logarithm away from zero.
    const r = Math.sqrt(-2 * Math.log(1 - this.next()));
    const theta = 2 * Math.PI * this.next();
    this.spareNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  fork(key: number): Random {
    // An odd multiplier keeps key -> hash one-to-one for a given seed, so distinct
    // keys never share a stream.
    return new Sfc32((Math.imul(this.seedHash ^ 0x5bd1e995, 0x01000193) + Math.imul(key | 0, 0x9e3779b1)) | 0);
  }
}

function hashSeed(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const whole = Math.trunc(seed);
  const low = whole >>> 0;
  const high = Math.floor(whole / 4294967296) >>> 0;
  return (low ^ Math.imul(high, 0x85ebca6b)) | 0;
}

/** A deterministic random generator: the same seed always yields the same sequence. */
export function createRandom(seed: number): Random {
  return new Sfc32(hashSeed(seed));
}

/**
 * A sampler over a fixed weighted table, for hot paths: builds cumulative weights
 * once and binary-searches them, instead of summing the table on every draw.
 */
export function createWeightedSampler<T>(pairs: ReadonlyArray<readonly [T, number]>): (random: Random) => T {
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, weight] of pairs) {
    if (!(weight > 0)) continue;
    total += weight;
    values.push(value);
    cumulative.push(total);
  }
  if (values.length === 0) throw new RangeError('createWeightedSampler needs at least one positive weight');
  return (random) => {
    const r = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return values[lo]!;
  };
}

/** A Poisson-distributed count with mean `mean` (Knuth's method; fine for the small means used here). */
export function poisson(random: Random, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random.next();
  while (p > limit) {
    k++;
    p *= random.next();
  }
  return k;
}
