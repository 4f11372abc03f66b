/**
 * The stratified percentile bootstrap behind every interval of an evaluation.
 *
 * Each replicate draws, with replacement, as many members as there are
 * members and as many non-members as there are non-members (Efron and
 * Tibshirani, *An Introduction to the Bootstrap*, 1993, ch. 13: the
 * percentile interval), so that every replicate has the prevalence of the
 * data and AUC, average precision and precision at k stay defined. A draw is
 * kept as a weight per place (how often it was drawn), which the metrics
 * accept directly.
 *
 * @module
 */
import { seededUniforms } from "../internal/random";

/** An interval estimate: the figure on the data and its bootstrap percentile interval. @category Evaluation */
export interface Estimate {
  /** The figure on the data as given. */
  readonly estimate: number;
  /** The lower end of the percentile interval. */
  readonly low: number;
  /** The upper end of the percentile interval. */
  readonly high: number;
}

/**
 * A 32-bit FNV-1a hash of a string, mixed with a seed: the seed of one
 * list's replicates, so that a list's intervals do not depend on which other
 * lists are evaluated, nor on their order.
 */
export function hashSeed(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Draws replicate weights: members resampled among members, non-members among non-members. */
export interface Resampler {
  /**
   * Fills `weights` (one per place) with a fresh replicate's draw counts and
   * writes the places drawn, each once, to `drawn` (in the order first
   * drawn); returns how many there are.
   */
  next(weights: Float64Array, drawn: Int32Array): number;
}

/**
 * A resampler over places split by `member`, seeded. The draws come from the
 * seed's stream in blocks (`seededUniforms`: the same numbers `seededRandom`
 * gives one by one), members first, then non-members. Between two calls with
 * the same arrays, only the places the last replicate drew are reset.
 */
export function stratifiedResampler(member: Uint8Array, seed: number): Resampler {
  const members: number[] = [];
  const others: number[] = [];
  for (let i = 0; i < member.length; i++) (member[i] === 1 ? members : others).push(i);
  const strata = [Int32Array.from(members), Int32Array.from(others)];
  const uniforms = seededUniforms(seed);
  const block = new Float64Array(Math.max(members.length, others.length));
  let count = 0;
  let last: { weights: Float64Array; drawn: Int32Array } | undefined;
  return {
    next(weights, drawn) {
      if (last !== undefined && last.weights === weights && last.drawn === drawn) {
        for (let k = 0; k < count; k++) weights[drawn[k] as number] = 0;
      } else {
        weights.fill(0);
        last = { weights, drawn };
      }
      count = 0;
      for (const stratum of strata) {
        const m = stratum.length;
        uniforms(block, m);
        for (let k = 0; k < m; k++) {
          const index = stratum[Math.floor((block[k] as number) * m)] as number;
          const before = weights[index] as number;
          if (before === 0) drawn[count++] = index;
          weights[index] = before + 1;
        }
      }
      return count;
    },
  };
}

/**
 * The q-quantile of sorted values by linear interpolation between order
 * statistics (Hyndman and Fan's type 7, numpy's default).
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

/**
 * The estimate with the percentile interval of its replicates at `level`.
 * A percentile interval can miss its own estimate when the replicates are
 * few and skewed (a handful of members, many ties); the interval is then
 * widened to reach the estimate, so that it always contains it.
 */
export function percentileInterval(
  estimate: number,
  replicates: Float64Array,
  level: number,
): Estimate {
  const finite = Float64Array.from(replicates.filter((value) => Number.isFinite(value)));
  finite.sort();
  const tail = (1 - level) / 2;
  const low = quantileSorted(finite, tail);
  const high = quantileSorted(finite, 1 - tail);
  if (!Number.isFinite(estimate)) return { estimate, low: Number.NaN, high: Number.NaN };
  return {
    estimate,
    low: Number.isNaN(low) ? estimate : Math.min(low, estimate),
    high: Number.isNaN(high) ? estimate : Math.max(high, estimate),
  };
}
