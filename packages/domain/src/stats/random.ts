/**
 * A small seeded pseudo-random generator, so that a bootstrap gives the same interval every time
 * it is run on the same data and seed (a published number must be reproducible). xoshiro128**
 * (Blackman & Vigna 2018), its 128-bit state filled from the seed by splitmix32. Not for secrets.
 */

function splitmix32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

export type Random = {
  /** Uniform on [0, 1), 32 bits of resolution. */
  readonly next: () => number;
  /** Uniform whole number in [0, n). */
  readonly below: (n: number) => number;
};

export function seededRandom(seed: number): Random {
  const init = splitmix32(seed);
  let s0 = init();
  let s1 = init();
  let s2 = init();
  let s3 = init();
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  const next = () => nextUint32() / 4294967296;
  return { next, below: (n) => Math.floor(next() * n) };
}
