/**
 * A small seeded pseudo-random generator, so that Monte Carlo results repeat
 * exactly for a seed on every platform.
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, from the
 * PractRand suite), seeded through splitmix32. Both are public-domain
 * algorithms of a few lines; the library's runtime dependencies (zod, fp-ts)
 * offer no seeded generator.
 *
 * @module
 */

/** Returns a function that yields uniform numbers in [0, 1), fully determined by `seed`. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  const splitmix = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  // Discard the first outputs, as sfc32's author recommends, to mix the seed.
  for (let i = 0; i < 12; i++) next();
  return next;
}
