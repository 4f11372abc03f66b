/**
 * k-medoids: PAM (Partitioning Around Medoids, Kaufman and Rousseeuw,
 * "Finding Groups in Data", 1990, ch. 2) on a distance matrix, and CLARA
 * (ch. 3) for sets too large for one.
 *
 * Points are indexes 0..n-1, each with a weight: the number of cities that
 * share its profile. Identical profiles are 0 apart, so k-medoids on
 * distinct profiles weighted by their counts minimises the same total as on
 * every city (Kaufman and Rousseeuw's weighted form of the objective), at a
 * fraction of the cost when profiles repeat, as they do when only
 * country-level facts are known. Callers sort cities by id first, so that
 * the result does not depend on input order. Every tie is broken towards the
 * lower index, so the result is fully determined by the distances and
 * weights (and, for CLARA, the random generator).
 *
 * @module
 */
import { drawWithoutReplacement } from "../internal/sample";
import { type CompiledProfiles, profileDistance } from "./profile";

/** Medoids and the assignment of every point to one of them. */
export interface Medoids {
  /** Point index of each medoid, in ascending order. */
  readonly medoids: Int32Array;
  /** For each point, the position in `medoids` of the medoid it belongs to. */
  readonly assignment: Int32Array;
  /** Sum over points of their weight times the distance to their medoid. */
  readonly cost: number;
}

/**
 * A swap is made only when it lowers the total distance by more than this.
 * Distances are on 0..1, so rounding in a sum of n of them is about
 * n * 1e-16; 1e-9 stays far above that noise for any realistic n, and far
 * below any change that means something.
 */
const SWAP_TOLERANCE = 1e-9;

/**
 * Upper bound on swaps, a guard only: every swap lowers the total by more
 * than {@link SWAP_TOLERANCE}, and PAM usually converges in a few times k
 * swaps.
 */
const MAX_SWAPS = 1000;

/**
 * PAM's BUILD: the point with the least total distance to all others, then,
 * one at a time, the point that lowers the total distance most. Returns the
 * first `k` medoids in the order chosen, so BUILD for k is the first k of
 * BUILD for any larger k.
 */
export function build(d: Float64Array, weights: Float64Array, k: number): Int32Array {
  const n = weights.length;
  const medoids = new Int32Array(k);
  const isMedoid = new Uint8Array(n);
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  for (let m = 0; m < k; m++) {
    let best = -1;
    let bestGain = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < n; c++) {
      if (isMedoid[c] === 1) continue;
      const row = c * n;
      let gain = 0;
      if (m === 0) {
        // The first medoid minimises the total distance: maximise its negation.
        for (let o = 0; o < n; o++) gain -= (weights[o] as number) * (d[row + o] as number);
      } else {
        for (let o = 0; o < n; o++) {
          const diff = (nearest[o] as number) - (d[row + o] as number);
          if (diff > 0) gain += (weights[o] as number) * diff;
        }
      }
      if (gain > bestGain) {
        bestGain = gain;
        best = c;
      }
    }
    medoids[m] = best;
    isMedoid[best] = 1;
    const row = best * n;
    for (let o = 0; o < n; o++) {
      const v = d[row + o] as number;
      if (v < (nearest[o] as number)) nearest[o] = v;
    }
  }
  return medoids;
}

/**
 * Each point's nearest medoid (its position in `medoids`), the distance to
 * it, and the distance to the second nearest (Infinity when k = 1).
 */
function nearestTwo(
  d: Float64Array,
  n: number,
  medoids: Int32Array,
  nearest: Int32Array,
  first: Float64Array,
  second: Float64Array,
): void {
  first.fill(Number.POSITIVE_INFINITY);
  second.fill(Number.POSITIVE_INFINITY);
  for (let s = 0; s < medoids.length; s++) {
    const row = (medoids[s] as number) * n;
    for (let o = 0; o < n; o++) {
      const v = d[row + o] as number;
      if (v < (first[o] as number)) {
        second[o] = first[o] as number;
        first[o] = v;
        nearest[o] = s;
      } else if (v < (second[o] as number)) {
        second[o] = v;
      }
    }
  }
}

/** Each point's nearest medoid (its position in `medoids`), the distance to it, and to the second nearest. */
interface NearestTwo {
  readonly nearest: Int32Array;
  readonly first: Float64Array;
  readonly second: Float64Array;
}

/**
 * The change of total distance when candidate `c` replaces each medoid, in
 * one pass over the points (FastPAM1): returns the part every swap shares
 * (points that move to `c` whichever medoid leaves) and writes the part of
 * the swap with the medoid at position s into `delta[s]`.
 */
function swapChanges(
  d: Float64Array,
  weights: Float64Array,
  c: number,
  { nearest, first, second }: NearestTwo,
  delta: Float64Array,
): number {
  const n = weights.length;
  delta.fill(0);
  let shared = 0;
  const row = c * n;
  for (let o = 0; o < n; o++) {
    const toCandidate = d[row + o] as number;
    const current = first[o] as number;
    const weight = weights[o] as number;
    if (toCandidate < current) {
      shared += weight * (toCandidate - current);
    } else {
      // Only the removal of o's own medoid moves it: to c or to its second nearest.
      const fallback = second[o] as number;
      const slot = nearest[o] as number;
      delta[slot] = (delta[slot] as number) + weight * (Math.min(toCandidate, fallback) - current);
    }
  }
  return shared;
}

/**
 * PAM's SWAP from the given medoids: repeatedly make the single swap of a
 * medoid for a non-medoid that lowers the total distance most, until none
 * lowers it. The change of every swap for one candidate is computed in one
 * pass over the points (Schubert and Rousseeuw, "Faster k-Medoids
 * Clustering", SISAP 2019, FastPAM1), so an iteration costs O(n²) rather
 * than O(k n²), and chooses the same swap as the original PAM.
 */
export function swap(d: Float64Array, weights: Float64Array, initial: Int32Array): Medoids {
  const n = weights.length;
  const k = initial.length;
  const medoids = Int32Array.from(initial);
  const isMedoid = new Uint8Array(n);
  for (const m of medoids) isMedoid[m] = 1;
  const nearest = new Int32Array(n);
  const first = new Float64Array(n);
  const second = new Float64Array(n);
  const delta = new Float64Array(k);
  nearestTwo(d, n, medoids, nearest, first, second);

  for (let iteration = 0; iteration < MAX_SWAPS; iteration++) {
    let bestChange = -SWAP_TOLERANCE;
    let bestCandidate = -1;
    let bestSlot = -1;
    for (let c = 0; c < n; c++) {
      if (isMedoid[c] === 1) continue;
      const shared = swapChanges(d, weights, c, { nearest, first, second }, delta);
      for (let s = 0; s < k; s++) {
        const change = shared + (delta[s] as number);
        if (change < bestChange) {
          bestChange = change;
          bestCandidate = c;
          bestSlot = s;
        }
      }
    }
    if (bestCandidate < 0) break;
    isMedoid[medoids[bestSlot] as number] = 0;
    medoids[bestSlot] = bestCandidate;
    isMedoid[bestCandidate] = 1;
    nearestTwo(d, n, medoids, nearest, first, second);
  }
  return assign(medoids, weights, (medoid, o) => d[medoid * n + o] as number);
}

/**
 * Assigns every point to its nearest medoid; a medoid always to itself, and
 * a point equally near two medoids to the one of lower index. Medoids are
 * returned sorted, so the assignment depends on the set of medoids only.
 */
export function assign(
  chosen: Int32Array,
  weights: Float64Array,
  distance: (medoid: number, point: number) => number,
): Medoids {
  const n = weights.length;
  const medoids = Int32Array.from(chosen).sort();
  const k = medoids.length;
  const assignment = new Int32Array(n);
  const best = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  for (let s = 0; s < k; s++) {
    const m = medoids[s] as number;
    for (let o = 0; o < n; o++) {
      const v = distance(m, o);
      if (v < (best[o] as number)) {
        best[o] = v;
        assignment[o] = s;
      }
    }
  }
  for (let s = 0; s < k; s++) {
    const m = medoids[s] as number;
    assignment[m] = s;
    best[m] = 0;
  }
  let cost = 0;
  for (let o = 0; o < n; o++) cost += (weights[o] as number) * (best[o] as number);
  return { medoids, assignment, cost };
}

/** PAM (BUILD then SWAP) for k medoids on an n-by-n matrix. */
export function pam(d: Float64Array, weights: Float64Array, k: number): Medoids {
  return swap(d, weights, build(d, weights, k));
}

/**
 * Number of samples CLARA draws: 10. Kaufman and Rousseeuw's CLARA and
 * FastCLARA (Schubert and Rousseeuw 2019) draw 5; the R `cluster` package's
 * documentation calls 5 "rather small" and advises more. On the 2,000
 * largest places of the gazetteer, 10 samples brought CLARA's total distance
 * within 2% of PAM's for k from 2 to 10, against up to 13% with 5 samples of
 * 80 + 4k. Each later sample also holds the best medoids so far, so the
 * result can only improve from one sample to the next.
 *
 * @example
 * // Above PAM_MAX_POINTS distinct profiles, formCohorts keeps the best of CLARA_SAMPLES samples.
 * @category Cohorts
 */
export const CLARA_SAMPLES = 10;

/**
 * Size of each CLARA sample: 160 + 8k cities (at most all of them), twice
 * FastCLARA's default 80 + 4k, itself twice Kaufman and Rousseeuw's
 * 40 + 2k: larger samples give better medoids, and a sample's matrix stays
 * small (240² entries for k = 10).
 */
export function claraSampleSize(n: number, k: number): number {
  return Math.min(n, 160 + 8 * k);
}

/**
 * CLARA: PAM on {@link CLARA_SAMPLES} random samples (points drawn with
 * equal chance, each keeping its weight), each assignment of all points
 * scored by its weighted total distance; the best is kept (ties: the earlier
 * sample). Distances are computed as needed, never as an n-by-n matrix.
 * `random` yields uniform numbers in [0, 1).
 */
export function clara(
  profiles: CompiledProfiles,
  weights: Float64Array,
  k: number,
  random: () => number,
): Medoids {
  const n = profiles.size;
  const size = claraSampleSize(n, k);
  const distance = (i: number, j: number) => profileDistance(profiles, i, j);
  const pool = new Int32Array(n);
  let best: Medoids | undefined;
  for (let s = 0; s < CLARA_SAMPLES; s++) {
    const inSample = new Uint8Array(n);
    const sample: number[] = [];
    if (best !== undefined) {
      for (const m of best.medoids) {
        inSample[m] = 1;
        sample.push(m);
      }
    }
    let available = 0;
    for (let i = 0; i < n; i++) if (inSample[i] === 0) pool[available++] = i;
    const draws = size - sample.length;
    drawWithoutReplacement(pool, available, draws, random);
    for (let t = 0; t < draws; t++) sample.push(pool[t] as number);
    sample.sort((x, y) => x - y);
    const m = sample.length;
    const local = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        const v = distance(sample[i] as number, sample[j] as number);
        local[i * m + j] = v;
        local[j * m + i] = v;
      }
    }
    const found = pam(
      local,
      Float64Array.from(sample, (i) => weights[i] as number),
      k,
    );
    const medoids = found.medoids.map((i) => sample[i] as number);
    const candidate = assign(medoids, weights, distance);
    if (best === undefined || candidate.cost < best.cost) best = candidate;
  }
  return best as Medoids;
}
