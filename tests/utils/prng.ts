/**
 * A tiny seeded PRNG (mulberry32) for fuzz tests: the same seed gives the same sequence on every
 * machine, so a failing run is replayed from the seed it prints.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Random {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, maxExclusive); 0 when maxExclusive <= 0. */
  int(maxExclusive: number): number;
  /** An integer in [min, max]. */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A short string of letters, spaces and a few accented characters (both languages get exercised). */
  text(maxLength: number): string;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz     áéíóúñ¿¡';

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (maxExclusive: number) => (maxExclusive <= 0 ? 0 : Math.floor(next() * maxExclusive));
  return {
    seed,
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
      return items[int(items.length)];
    },
    text(maxLength) {
      const length = 1 + int(maxLength);
      let out = '';
      for (let i = 0; i < length; i += 1) out += ALPHABET[int(ALPHABET.length)];
      return out;
    },
  };
}
