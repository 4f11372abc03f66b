/**
 * Cohorts: cities grouped by how alike their profiles are (k-medoids on the
 * Gower distance), each described by what sets it apart.
 *
 * @module
 */

import * as E from "fp-ts/Either";
import * as z from "zod/mini";
import { compareIds } from "../internal/order";
import { seededRandom } from "../internal/random";
import { drawWithoutReplacement } from "../internal/sample";
import { type ValidationError, validationError } from "../model/errors";
import { parseWithSchema } from "../model/parse";
import type { City } from "../model/schemas";
import {
  countLevels,
  type DistinctiveLevel,
  describeGroup,
  distinctiveLevels,
  meanKnownShare,
} from "./describe";
import { readCities } from "./members";
import { build, clara, type Medoids, swap } from "./pam";
import {
  compileProfiles,
  type DistinctProfiles,
  distanceMatrix,
  distanceRow,
  distinctProfiles,
  eachCity,
  profileDistance,
} from "./profile";
import { type Partition, silhouettes, weightedMean } from "./silhouette";

/**
 * The most cohorts `formCohorts` forms: 50. More is no longer a grouping a
 * platform can convene, and PAM's cost grows with k (at 50 and 2,000 cities,
 * about a second).
 *
 * @example
 * formCohorts(cities, { k: 51, seed: 1 }); // Left: k: must be at most 50; got 51
 * @category Cohorts
 */
export const MAX_COHORTS = 50;

/**
 * When `k` is not given, `formCohorts` tries every k from 2 to the least of
 * `maxK`, n - 1 and the number of distinct profiles, and `maxK` defaults to
 * 10: beyond ten cohorts a platform's groups get too small to convene and
 * their descriptions blur. The mean silhouette needs at least two cohorts
 * and one city more than cohorts; more cohorts than distinct profiles would
 * only split identical cities.
 *
 * @example
 * formCohorts(cities, { seed: 1 });          // tries k = 2..10
 * formCohorts(cities, { seed: 1, maxK: 4 }); // tries k = 2..4
 * @category Cohorts
 */
export const DEFAULT_MAX_K = 10;

/**
 * Up to this many points `formCohorts` runs PAM on the full distance matrix
 * (2,000: a 32 MB `Float64Array`, and a few seconds for every k from 2 to 10
 * on one core); above it, CLARA on samples, computing distances as needed. Points are distinct profiles: cities with identical profiles are
 * 0 apart and are grouped as one point weighted by their count, so 4,000
 * places known only by country-level facts and tier (about 90 distinct
 * profiles) run exact PAM in milliseconds.
 *
 * @example
 * // The 4,043 gazetteer places of 100,000 people or more have 92 distinct profiles:
 * formCohorts(places, { seed: 1 }); // Right({ method: "pam", distinctProfiles: 92, … })
 * @category Cohorts
 */
export const PAM_MAX_POINTS = 2000;

/**
 * Up to this many points (distinct profiles) silhouettes are exact (every
 * pair, about 12.5 million distances at 5,000); above it they are estimated
 * on a seeded sample of {@link SILHOUETTE_SAMPLE_SIZE} points plus every
 * medoid, with distances within the sample, as scikit-learn's
 * `silhouette_score` does with `sample_size`.
 *
 * @example
 * result.silhouetteMethod; // "exact" up to 5,000 distinct profiles, "sampled" above
 * @category Cohorts
 */
export const SILHOUETTE_EXACT_MAX = 5000;

/**
 * Points in the silhouette sample above {@link SILHOUETTE_EXACT_MAX}.
 *
 * @example
 * // Above 5,000 distinct profiles, silhouettes rest on 2,000 of them plus every medoid.
 * @category Cohorts
 */
export const SILHOUETTE_SAMPLE_SIZE = 2000;

const cohortCount = /* @__PURE__ */ (() => z.int().check(z.gte(1), z.lte(MAX_COHORTS)))();

const FormCohortsOptionsSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      k: z.optional(cohortCount),
      maxK: z.optional(cohortCount),
      seed: z.int().check(z.gte(0), z.lte(0xffffffff)),
    })
    .check(
      z.refine((options) => options.k === undefined || options.maxK === undefined, {
        error: "must not be given with k: maxK bounds the search for k when k is left out",
        path: ["maxK"],
      }),
    ))();

/**
 * Options of {@link formCohorts}.
 *
 * - `k`: the number of cohorts, a whole number from 1 to {@link MAX_COHORTS}
 *   and at most the number of cities. Left out, it is chosen by the mean
 *   silhouette over 2..min(`maxK`, n - 1) (see {@link DEFAULT_MAX_K}).
 * - `maxK`: the largest k tried when `k` is left out (default 10); not with `k`.
 * - `seed`: an unsigned 32-bit integer, required. It drives CLARA's samples
 *   above {@link PAM_MAX_POINTS} distinct profiles and the silhouette sample
 *   above {@link SILHOUETTE_EXACT_MAX}; the same seed and cities give the
 *   same cohorts. Below those sizes the result does not depend on it.
 *
 * @example
 * const options: FormCohortsOptions = { seed: 7 };         // k chosen by silhouette
 * const four: FormCohortsOptions = { k: 4, seed: 7 };      // exactly four cohorts
 * @category Cohorts
 */
export type FormCohortsOptions = z.input<typeof FormCohortsOptionsSchema>;

/**
 * One cohort of {@link formCohorts}.
 *
 * @example
 * { id: "cohort-2", medoidId: "gb-bradford", memberIds: ["gb-bradford", "gb-coventry", …],
 *   silhouette: 1,
 *   description: "tertiary cities with pragmatic mayors and no international office prioritising housing",
 *   distinctive: [{ field: "resources.nationalTier", level: "tertiary", share: 1, overallShare: 0.33 }, …] }
 * @category Cohorts
 */
export interface Cohort {
  /** `cohort-1`, `cohort-2`, …, largest cohort first (ties by medoid id). */
  readonly id: string;
  /** The member whose total distance to the other members is least: the cohort's most typical city (among identical profiles, the lowest id). */
  readonly medoidId: string;
  /** Member ids, sorted. */
  readonly memberIds: readonly string[];
  /** Mean silhouette of its members, from -1 to 1 (0 for a cohort of one). */
  readonly silhouette: number;
  /** What sets it apart, as a lower-case noun phrase: "high-income secondary cities in centralized liberal democracies". */
  readonly description: string;
  /** The levels the description is built from, strongest first. */
  readonly distinctive: readonly DistinctiveLevel[];
}

/**
 * The mean silhouette of the cohorts formed for one k.
 *
 * @example
 * result.candidates; // [{ k: 2, silhouette: 0.82 }, { k: 3, silhouette: 1 }]: k = 3 kept
 * @category Cohorts
 */
export interface SilhouetteByK {
  readonly k: number;
  readonly silhouette: number;
}

/**
 * The outcome of {@link formCohorts}.
 *
 * @example
 * { k: 3, method: "pam", distinctProfiles: 3, cost: 0, silhouette: 1, silhouetteMethod: "exact",
 *   candidates: [{ k: 2, silhouette: 0.82 }, { k: 3, silhouette: 1 }], cohorts: […] }
 * @category Cohorts
 */
export interface CohortResult {
  /** Number of cohorts formed. */
  readonly k: number;
  /** `"pam"` up to {@link PAM_MAX_POINTS} points, `"clara"` above. */
  readonly method: "pam" | "clara";
  /** Number of distinct profiles among the cities. */
  readonly distinctProfiles: number;
  /** Sum over cities of the distance to their cohort's medoid: what k-medoids minimises. */
  readonly cost: number;
  /** Mean silhouette over all cities (0 with fewer than two cohorts). */
  readonly silhouette: number;
  /** `"exact"` up to {@link SILHOUETTE_EXACT_MAX} points, `"sampled"` above. */
  readonly silhouetteMethod: "exact" | "sampled";
  /** When k was chosen: the mean silhouette of every k tried, by k. Empty when k was given or there was no choice to make. */
  readonly candidates: readonly SilhouetteByK[];
  readonly cohorts: readonly Cohort[];
}

const byId = (a: City, b: City) => compareIds(a.id, b.id);

/** Silhouettes of the points under each partition: exact, or on a seeded sample of points. */
interface ScoredPartitions {
  /** The points covered, ascending. */
  readonly points: Int32Array;
  /** Per partition, the silhouette of each covered point. */
  readonly values: readonly Float64Array[];
  readonly method: "exact" | "sampled";
}

function silhouettesOf(
  points: DistinctProfiles,
  matrix: Float64Array | undefined,
  found: readonly Medoids[],
  seed: number,
): ScoredPartitions {
  const { profiles, weights } = points;
  const n = profiles.size;
  const partitions: Partition[] = found.map((m) => ({
    k: m.medoids.length,
    assignment: m.assignment,
  }));
  if (n <= SILHOUETTE_EXACT_MAX) {
    const buffer = new Float64Array(n);
    const row =
      matrix === undefined
        ? (i: number) => distanceRow(profiles, i, buffer)
        : (i: number) => matrix.subarray(i * n, (i + 1) * n);
    return {
      points: Int32Array.from({ length: n }, (_, i) => i),
      values: silhouettes(weights, row, partitions),
      method: "exact",
    };
  }
  // A separate stream from CLARA's, so that the sample does not repeat CLARA's first draws.
  const random = seededRandom((seed ^ 0x5bd1e995) >>> 0);
  const chosen = new Uint8Array(n);
  for (const m of found) for (const medoid of m.medoids) chosen[medoid] = 1;
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  drawWithoutReplacement(pool, n, SILHOUETTE_SAMPLE_SIZE, random);
  for (let t = 0; t < SILHOUETTE_SAMPLE_SIZE; t++) chosen[pool[t] as number] = 1;
  const covered: number[] = [];
  for (let i = 0; i < n; i++) if (chosen[i] === 1) covered.push(i);
  const sample = Int32Array.from(covered);
  const m = sample.length;
  const buffer = new Float64Array(m);
  const row = (i: number) => {
    const from = sample[i] as number;
    for (let j = 0; j < m; j++) buffer[j] = profileDistance(profiles, from, sample[j] as number);
    return buffer;
  };
  const restricted = partitions.map((p) => ({
    k: p.k,
    assignment: sample.map((point) => p.assignment[point] as number),
  }));
  const sampleWeights = Float64Array.from(sample, (point) => weights[point] as number);
  return { points: sample, values: silhouettes(sampleWeights, row, restricted), method: "sampled" };
}

/** The weighted mean silhouette of scored points under partition `p`. */
function meanSilhouette(scored: ScoredPartitions, weights: Float64Array, p: number): number {
  const w = Float64Array.from(scored.points, (point) => weights[point] as number);
  return weightedMean(scored.values[p] as Float64Array, w);
}

/**
 * Groups cities into cohorts of alike profiles: k-medoids on
 * {@link cityDistance}, each cohort described by what sets it apart from the
 * whole set. Answers the essay's call for cohorts and working groups under
 * larger platforms (Sam Tabory, "Difference in city diplomacy", Chicago
 * Council on Global Affairs).
 *
 * **Algorithm.** Cities with identical profiles are one point weighted by
 * their count. Up to {@link PAM_MAX_POINTS} points, PAM (Kaufman and
 * Rousseeuw 1990): BUILD picks medoids greedily, SWAP exchanges a medoid for
 * a non-medoid while that lowers the total distance of cities to their
 * medoids. Above, CLARA: PAM on ten seeded samples of 160 + 8k points, each
 * set of medoids scored on all points, the best kept. A city joins its
 * nearest medoid (equally near two: the one whose id sorts first). Cities
 * are sorted by id first, so the cohorts do not depend on input order.
 *
 * **Choosing k.** When `k` is left out, every k from 2 to the least of
 * `maxK`, n - 1 and the number of distinct profiles is formed, and the one
 * with the highest mean silhouette kept (ties: the smaller k). When none
 * reaches a positive mean silhouette, the cities show no grouping structure
 * and form one cohort; so do fewer than three cities, and cities whose
 * profiles are all identical.
 *
 * **Edge cases.** No cities: no cohorts (a `Right`), unless `k` was given. A
 * `k` above the number of cities, options that are not valid (`k` not a
 * whole number from 1 to {@link MAX_COHORTS}, a seed that is not an unsigned
 * 32-bit integer, an unknown option) and repeated city ids give a `Left`
 * naming each problem; city-level paths start with the city's index. A `k`
 * above the number of distinct profiles splits identical profiles, on the
 * cities themselves. Every city is in exactly one cohort, and no cohort is
 * empty.
 *
 * **Cost.** Distances between distinct profiles only. Measured on one core
 * of a busy two-core machine, k from 2 to 10: the 4,043 gazetteer places of
 * 100,000 people or more (92 distinct profiles), about 0.3 s; 2,000 cities
 * with distinct profiles (PAM), about 2.5 s; 4,400 (CLARA), about 3 s, half
 * of it exact silhouettes. Memory: the PAM matrix, at most 32 MB.
 *
 * @example
 * import * as E from "fp-ts/Either";
 * const result = formCohorts(cities, { seed: 1 });
 * if (E.isRight(result)) {
 *   for (const cohort of result.right.cohorts)
 *     console.log(cohort.id, cohort.memberIds.length, cohort.description);
 *   // cohort-1 10 secondary cities with internationally committed mayors and an international office prioritising innovation
 *   // cohort-2 7 tertiary cities with pragmatic mayors and no international office prioritising housing
 *   // cohort-3 4 low-income cities with skeptical mayors prioritising basic services in closed autocracies
 * }
 * @category Cohorts
 */
export function formCohorts(
  givenCities: readonly City[],
  options: FormCohortsOptions,
): E.Either<ValidationError, CohortResult> {
  const parsed = parseWithSchema(FormCohortsOptionsSchema, options, "an options object");
  if (E.isLeft(parsed)) return parsed;
  const { k: requested, maxK, seed } = parsed.right;
  const read = readCities(givenCities);
  if (E.isLeft(read)) return read;
  const cities = read.right;
  const n = cities.length;
  if (requested !== undefined && requested > n) {
    const message = `must be at most the number of cities (${n}); got ${requested}`;
    return E.left(validationError([{ path: ["k"], message }]));
  }
  if (n === 0) return E.right(NO_COHORTS);

  const sorted = [...cities].sort(byId);
  const compiled = compileProfiles(sorted);
  const distinct = distinctProfiles(compiled);
  const distinctCount = distinct.profiles.size;
  // Only a k above the number of distinct profiles needs to split identical ones.
  const points =
    requested !== undefined && requested > distinctCount ? eachCity(compiled) : distinct;
  const method = points.profiles.size > PAM_MAX_POINTS ? "clara" : "pam";
  const matrix = method === "pam" ? distanceMatrix(points.profiles) : undefined;
  const { tried, chooses } = ksToTry(
    requested,
    Math.min(maxK ?? DEFAULT_MAX_K, n - 1, distinctCount),
  );
  const medoidsFor = medoidFinder(points, matrix, Math.max(...tried), seed);
  const { result, scored, values, silhouette, candidates } = chooseK(
    tried.map(medoidsFor),
    chooses ? tried : undefined,
    { points, matrix, seed },
    () => medoidsFor(1),
  );
  return E.right({
    k: result.medoids.length,
    method,
    distinctProfiles: distinctCount,
    cost: result.cost,
    silhouette,
    silhouetteMethod: scored.method,
    candidates,
    cohorts: describeCohorts(sorted, points, result, scored, values),
  });
}

/** The result for no cities: no cohorts. */
const NO_COHORTS: CohortResult = {
  k: 0,
  method: "pam",
  distinctProfiles: 0,
  cost: 0,
  silhouette: 0,
  silhouetteMethod: "exact",
  candidates: [],
  cohorts: [],
};

/**
 * The k to form: the one requested, or every k from 2 to `upper` to choose
 * from (`chooses`); 1 when there is no k to choose from.
 */
function ksToTry(
  requested: number | undefined,
  upper: number,
): { readonly tried: readonly number[]; readonly chooses: boolean } {
  const tried: number[] = [];
  if (requested !== undefined) tried.push(requested);
  else for (let k = 2; k <= upper; k++) tried.push(k);
  const chooses = tried.length > 0 && requested === undefined;
  if (tried.length === 0) tried.push(1);
  return { tried, chooses };
}

/** The k-medoids of the points for any k up to `maxK`: PAM on the matrix when there is one, else CLARA. */
function medoidFinder(
  points: DistinctProfiles,
  matrix: Float64Array | undefined,
  maxK: number,
  seed: number,
): (k: number) => Medoids {
  const { profiles, weights } = points;
  if (matrix === undefined) {
    // A fresh generator per k: the cohorts for a k do not depend on the other k tried.
    return (k) => clara(profiles, weights, k, seededRandom(seed));
  }
  const buildOrder = build(matrix, weights, maxK);
  return (k) => swap(matrix, weights, buildOrder.subarray(0, k));
}

/** The points being grouped, their distance matrix (PAM only) and the seed. */
interface Grouping {
  readonly points: DistinctProfiles;
  readonly matrix: Float64Array | undefined;
  readonly seed: number;
}

/** The partition kept, with its silhouettes, and the mean silhouette of every k tried when k was chosen. */
interface ChosenPartition {
  readonly result: Medoids;
  readonly scored: ScoredPartitions;
  /** The silhouettes of `scored.points` under `result`. */
  readonly values: Float64Array;
  readonly silhouette: number;
  readonly candidates: readonly SilhouetteByK[];
}

/**
 * Keeps the partition of highest mean silhouette (ties: the first found).
 * When k is being chosen (`choosingFrom` lists the k of `found`) and none
 * reaches a positive mean silhouette, one cohort instead (`oneCohort`).
 */
function chooseK(
  found: readonly Medoids[],
  choosingFrom: readonly number[] | undefined,
  grouping: Grouping,
  oneCohort: () => Medoids,
): ChosenPartition {
  const { points, matrix, seed } = grouping;
  const scored = silhouettesOf(points, matrix, found, seed);
  const means = found.map((_, p) => meanSilhouette(scored, points.weights, p));
  let chosen = 0;
  for (let p = 1; p < found.length; p++) {
    if ((means[p] as number) > (means[chosen] as number)) chosen = p;
  }
  const candidates = choosingFrom?.map((k, p) => ({ k, silhouette: means[p] as number })) ?? [];
  const silhouette = means[chosen] as number;
  if (choosingFrom !== undefined && silhouette <= 0) {
    // No k shows structure: one cohort, whose silhouettes are all 0.
    const one = oneCohort();
    const scoredOne = silhouettesOf(points, matrix, [one], seed);
    const values = scoredOne.values[0] as Float64Array;
    return { result: one, scored: scoredOne, values, silhouette: 0, candidates };
  }
  const values = scored.values[chosen] as Float64Array;
  return { result: found[chosen] as Medoids, scored, values, silhouette, candidates };
}

/** The cohorts of a k-medoids result, described and ordered. */
function describeCohorts(
  sorted: readonly City[],
  points: DistinctProfiles,
  result: Medoids,
  scored: ScoredPartitions,
  values: Float64Array,
): Cohort[] {
  const k = result.medoids.length;
  const sumBySlot = new Float64Array(k);
  const weightBySlot = new Float64Array(k);
  scored.points.forEach((point, i) => {
    const slot = result.assignment[point] as number;
    const weight = points.weights[point] as number;
    sumBySlot[slot] = (sumBySlot[slot] as number) + weight * (values[i] as number);
    weightBySlot[slot] = (weightBySlot[slot] as number) + weight;
  });
  const membersBySlot: City[][] = Array.from({ length: k }, () => []);
  sorted.forEach((city, i) => {
    const point = points.ofCity[i] as number;
    membersBySlot[result.assignment[point] as number]?.push(city);
  });
  const overall = countLevels(sorted);
  const overallKnown = meanKnownShare(sorted);
  return membersBySlot
    .map((members, slot) => {
      const distinctive = distinctiveLevels(members, overall, sorted.length);
      const weight = weightBySlot[slot] as number;
      const medoidCity = points.firstCity[result.medoids[slot] as number] as number;
      return {
        medoidId: (sorted[medoidCity] as City).id,
        memberIds: members.map((city) => city.id),
        silhouette: weight === 0 ? 0 : (sumBySlot[slot] as number) / weight,
        description: describeGroup(members, distinctive, overallKnown),
        distinctive,
      };
    })
    .sort((a, b) =>
      a.memberIds.length !== b.memberIds.length
        ? b.memberIds.length - a.memberIds.length
        : compareIds(a.medoidId, b.medoidId),
    )
    .map((cohort, index): Cohort => ({ id: `cohort-${index + 1}`, ...cohort }));
}
