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
  const st = seededState(seed);
  return () => {
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
}

/**
 * The same stream as {@link seededRandom} for the same seed, taken in blocks:
 * the returned function writes the next `count` numbers to `out[0..count)`.
 * A block keeps the generator's state in local variables for its whole loop
 * instead of loading and storing it on every call, which roughly halves the
 * cost of a bootstrap's draws.
 */
export function seededUniforms(seed: number): (out: Float64Array, count: number) => void {
  const st = seededState(seed);
  return (out, count) => fillUniforms(st, out, count);
}

/** Advances sfc32's state `st` by `count` outputs, written to `out[0..count)`. */
function fillUniforms(st: Uint32Array, out: Float64Array, count: number): void {
  let a = st[0] as number;
  let b = st[1] as number;
  let c = st[2] as number;
  let d = st[3] as number;
  for (let i = 0; i < count; i++) {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = (b ^ (b >>> 9)) >>> 0;
    b = (c + (c << 3)) >>> 0;
    c = (((c << 21) | (c >>> 11)) + t) >>> 0;
    out[i] = t / 4294967296;
  }
  st[0] = a;
  st[1] = b;
  st[2] = c;
  st[3] = d;
}

/**
 * sfc32's four words of state for `seed`, seeded through splitmix32, with its
 * first 12 outputs discarded to mix the seed, as its author recommends. The
 * words live in a typed array: as closure variables, values above 2^30 would
 * be boxed as heap numbers on every call (a third of the cost of a
 * bootstrap). A Uint32Array store wraps modulo 2^32, as >>> 0 does.
 */
/** Scratch space for the outputs a new generator discards. */
const WARM_UP = new Float64Array(12);

function seededState(seed: number): Uint32Array {
  let state = seed >>> 0;
  const splitmix = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const st = new Uint32Array([splitmix(), splitmix(), splitmix(), splitmix()]);
  fillUniforms(st, WARM_UP, WARM_UP.length);
  return st;
}
