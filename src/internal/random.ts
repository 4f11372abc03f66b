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
  // The four words of state live in a typed array: as closure variables, values
  // above 2^30 would be boxed as heap numbers on every call (a third of the
  // cost of a bootstrap). A Uint32Array store wraps modulo 2^32, as >>> 0 does.
  const st = new Uint32Array([splitmix(), splitmix(), splitmix(), splitmix()]);
  const next = () => {
    const a = st[0] as number;
    const b = st[1] as number;
    const c = st[2] as number;
    const d = st[3] as number;
    const t = (((a + b) >>> 0) + d) >>> 0;
    st[3] = d + 1;
    st[0] = b ^ (b >>> 9);
    st[1] = c + (c << 3);
    st[2] = (((c << 21) | (c >>> 11)) + t) >>> 0;
    return t / 4294967296;
  };
  // Discard the first outputs, as sfc32's author recommends, to mix the seed.
  for (let i = 0; i < 12; i++) next();
  return next;
}
