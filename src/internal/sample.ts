/**
 * Drawing without replacement, for sampled k-medoids and sampled
 * silhouettes.
 *
 * @module
 */

/**
 * Draws `count` of the first `available` entries of `pool` without
 * replacement: the first `count` steps of a Fisher–Yates shuffle, so that
 * afterwards `pool[0..count)` holds the draws in the order drawn. One call
 * of `random` per draw.
 */
export function drawWithoutReplacement(
  pool: Int32Array,
  available: number,
  count: number,
  random: () => number,
): void {
  for (let t = 0; t < count; t++) {
    const pick = t + Math.floor(random() * (available - t));
    const drawn = pool[pick] as number;
    pool[pick] = pool[t] as number;
    pool[t] = drawn;
  }
}
