/**
 * The demo generator's seeded randomness: xoshiro128** (Blackman & Vigna 2018) with one
 * independent stream per (seed, stream number). Each synthetic patient draws from its own stream,
 * so a patient does not depend on how the work is batched or on the patients before it, and ids
 * come from the stream and a synthetic timestamp, never from the clock or crypto: the same seed
 * gives the same rows, ids included. Not for secrets.
 *
 * Why not the domain's `seededRandom(seed)`: it takes one 32-bit seed, and 100k patients seeded
 * from 32-bit hashes would collide by the birthday bound (and share ids). Here the first state
 * word is a bijection of the stream number for a given seed, so two streams never start equal.
 */

/** The murmur3 32-bit finaliser: a bijection on 32-bit words that mixes every bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * A seeded stream. A class rather than closures: one is made per patient, and methods on the
 * prototype cost nothing to create.
 */
export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number | null = null;

  constructor(seed: number, stream: number) {
    // The stream number goes through an odd multiplier and fmix32, both bijections, so distinct
    // streams of one seed have distinct first state words; the seed perturbs all four words.
    const k = fmix32(seed >>> 0);
    this.s0 = fmix32((Math.imul(stream >>> 0, 0x9e3779b1) + k) >>> 0);
    this.s1 = fmix32((this.s0 ^ 0x6a09e667 ^ Math.imul(k, 3)) >>> 0);
    this.s2 = fmix32((this.s1 ^ 0xbb67ae85 ^ fmix32(Math.floor(seed / 4294967296))) >>> 0);
    this.s3 = fmix32((this.s2 ^ 0x3c6ef372) >>> 0);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s3 = 1; // the one state xoshiro cannot leave
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform on [0, 1), 32 bits of resolution. */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform whole number in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** Uniform on [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  normal(mean = 0, sd = 1): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return mean + sd * s;
    }
    // Box–Muller; 1 − u keeps the logarithm finite.
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return mean + sd * r * Math.cos(2 * Math.PI * v);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let total = 0;
    for (const [, w] of entries) total += w;
    let x = this.next() * total;
    for (const [key, w] of entries) {
      x -= w;
      if (x < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }

  /** A UUIDv7-shaped id: `ms` in the 48-bit time field, version 7, variant 1, 74 bits from here. */
  uuid(ms: number): string {
    const hi = Math.floor(ms / 0x10000); // top 32 of the 48 time bits
    const lo = ms & 0xffff;
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    return (
      `${hex(hi, 24)}${hex(hi, 16)}${hex(hi, 8)}${hex(hi, 0)}-${hex(lo, 8)}${hex(lo, 0)}-` +
      `${HEX[0x70 | ((a >>> 24) & 0x0f)]}${hex(a, 16)}-${HEX[0x80 | ((a >>> 8) & 0x3f)]}${hex(a, 0)}-` +
      `${hex(b, 24)}${hex(b, 16)}${hex(b, 8)}${hex(b, 0)}${hex(c, 24)}${hex(c, 16)}`
    );
  }
}

const hex = (x: number, shift: number): string => HEX[(x >>> shift) & 0xff]!;

export function createRandom(seed: number, stream: number): Random {
  return new Random(seed, stream);
}
