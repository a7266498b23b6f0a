/**
 * A small seeded pseudo-random generator (mulberry32, Tommy Ettinger's public-domain design) so that
 * Monte Carlo results are reproducible: same seed, same numbers. The core never reads a clock or
 * Math.random; callers inject one of these.
 */
export type Rng = () => number;

export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
