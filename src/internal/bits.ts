/**
 * Bit sets of themes: a city's priorities and a topic's themes as one
 * 32-bit integer each, so that shared themes are an `&` and a bit count.
 *
 * @module
 */
import { THEMES } from "../model/taxonomy";

/** Number of set bits of a 32-bit integer (the SWAR population count). */
export function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Bit `t` set for each theme `THEMES[t]` in `themes`; words outside the vocabulary are skipped. */
export function themeMask(themes: readonly string[]): number {
  let mask = 0;
  for (const theme of themes) {
    const t = (THEMES as readonly string[]).indexOf(theme);
    if (t >= 0) mask |= 1 << t;
  }
  return mask;
}
