/**
 * A small seeded PRNG (mulberry32) and the draws the simulation needs. Pure: the same seed gives
 * the same sequence on every machine, which is what makes a simulated population reproducible.
 * Not for anything secret (link tokens, discount codes use node:crypto).
 */

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  chance(p: number): boolean;
  /** an integer in [lo, hi], both included */
  int(lo: number, hi: number): number;
  /** uniform in [lo, hi) */
  between(lo: number, hi: number): number;
  /** exponentially distributed with this mean (memoryless waiting times) */
  exp(mean: number): number;
  /** a key of `weights`, chosen in proportion to its weight */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  pick<T>(items: readonly T[]): T;
}

/** Mixes two integers into a well-spread 32-bit seed, so stream (seed, i) differs from (seed, i + 1). */
export function mixSeed(a: number, b = 0): number {
  let h = (Math.imul(a | 0, 0x9e3779b1) ^ Math.imul(b | 0, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r: Rng = {
    next,
    chance: (p) => next() < p,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    between: (lo, hi) => lo + next() * (hi - lo),
    exp: (mean) => -mean * Math.log(1 - next()),
    weighted(weights) {
      const entries = Object.entries(weights) as Array<[never, number]>;
      let roll = next() * entries.reduce((s, [, w]) => s + w, 0);
      for (const [k, w] of entries) {
        roll -= w;
        if (roll < 0) return k;
      }
      return entries[entries.length - 1]![0];
    },
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
  return r;
}
