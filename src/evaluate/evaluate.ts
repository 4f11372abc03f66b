/**
 * `evaluateRelevance`: how well the relevance score ranks the members of
 * real (or the user's own) membership lists above the other cities, beside
 * baselines measured on the same cities.
 *
 * @module
 */
import * as E from "fp-ts/Either";
import * as z from "zod/mini";
import { seededRandom } from "../internal/random";
import type { ValidationError } from "../model/errors";
import type { City } from "../model/schemas";
import type { ScoreMatrix } from "../score/scorer";
import {
  type Estimate,
  hashSeed,
  percentileInterval,
  type Resampler,
  stratifiedResampler,
} from "./bootstrap";
import { type PreparedInput, prepareWithOptions } from "./input";
import {
  type MetricValues,
  type Ranking,
  rankByScore,
  rankingMetrics,
  replicateMetrics,
} from "./metrics";
import { type ListScope, listScopes, pick, scoreColumn } from "./scope";

/**
 * Default number of bootstrap replicates. The ends of a 95% percentile
 * interval are the 2.5% and 97.5% quantiles of the replicates: at 500 each
 * rests on about 12 replicates beyond it, and their Monte Carlo error (a few
 * thousandths of AUC on lists of tens of members, measured across seeds in the
 * tests) is small beside the interval's width. Efron and Tibshirani (1993,
 * ch. 19) advise 1000 or more for percentile intervals; pass `replicates`
 * for more at twice the cost.
 */
export const DEFAULT_REPLICATES = 500;

/**
 * Default least number of members (and of non-members) in scope for a list
 * to be measured: below 5 an AUC moves by a tenth or more with a single
 * member (each member carries a fifth of it), and a bootstrap interval over
 * so few draws takes only a handful of distinct values.
 */
export const DEFAULT_MIN_MEMBERS = 5;

/** Progress of an evaluation, reported after each list. @category Evaluation */
export interface EvaluationProgress {
  /** Lists done so far. */
  readonly done: number;
  /** Lists in all. */
  readonly total: number;
  /** The list just done. */
  readonly listId: string;
}

const OptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    replicates: z.optional(z.int().check(z.gte(1), z.lte(100_000))),
    seed: z.optional(z.int().check(z.gte(0), z.lte(0xffffffff))),
    level: z.optional(z.number().check(z.gt(0), z.lt(1))),
    minMembers: z.optional(z.int().check(z.gte(1))),
    onProgress: z.optional(
      z.custom<(progress: EvaluationProgress) => void>((value) => typeof value === "function", {
        error: "must be a function",
      }),
    ),
  }))();

/**
 * Options of {@link evaluateRelevance}.
 *
 * - `replicates` (default 500): bootstrap replicates per list.
 * - `seed` (default 1): an unsigned 32-bit integer; the same seed gives the
 *   same intervals, whatever the order of the input.
 * - `level` (default 0.95): the coverage of the percentile intervals.
 * - `minMembers` (default 5): the least number of members, and of
 *   non-members, in scope for a list to be measured; the same for the two
 *   groups compared by specificity.
 * - `onProgress`: called after each list.
 *
 * @category Evaluation
 */
export type EvaluateOptions = z.input<typeof OptionsSchema>;

/** The metrics of one score (the model's or a baseline's) on one list. @category Evaluation */
export interface ListMetrics {
  /** ROC AUC over the cities in scope, ties counted half (as scikit-learn's `roc_auc_score`). */
  readonly auc: Estimate;
  /** Step-wise average precision (as scikit-learn's `average_precision_score`). */
  readonly averagePrecision: Estimate;
  /** The share of members among the k highest scores, k the number of members in scope. */
  readonly precisionAtK: Estimate;
  /**
   * AUC among the cities in scope that belong to any list: this list's
   * members against the other lists' members only. Null when either group
   * has fewer than `minMembers` cities (see the row's `specificityReason`).
   */
  readonly specificity: Estimate | null;
}

/** What every row states about the cities compared. @category Evaluation */
export interface EvaluationRowBase {
  readonly listId: string;
  readonly topicId: string;
  /** Cities in the list's scope. */
  readonly cities: number;
  /** Members in scope (the k of precision at k). */
  readonly members: number;
  /** Members outside the list's scope countries, left out. */
  readonly membersOutOfScope: number;
  /** Cities in scope without a population, which the population baseline places at the median. */
  readonly unknownPopulation: number;
}

/** A list and topic that could be measured. @category Evaluation */
export interface MeasuredRow extends EvaluationRowBase, ListMetrics {
  readonly status: "measured";
  /** Cities in scope that belong to other lists but not this one: specificity's comparison group. */
  readonly specificityOthers: number;
  /** Why specificity is null, when it is. */
  readonly specificityReason?: string;
  /**
   * The same metrics for scores that know nothing of the topic: the
   * logarithm of the city's population, and a seeded random number per city.
   */
  readonly baselines: { readonly population: ListMetrics; readonly random: ListMetrics };
  /** The model's AUC minus the population baseline's, its interval from the same (paired) replicates. */
  readonly aucOverPopulation: Estimate;
}

/** A list and topic that could not be measured, and why. @category Evaluation */
export interface UnmeasuredRow extends EvaluationRowBase {
  readonly status: "not-measured";
  readonly reason: string;
}

/** One row of an evaluation: a list and one of its topics. @category Evaluation */
export type EvaluationRow = MeasuredRow | UnmeasuredRow;

/** The result of {@link evaluateRelevance}. @category Evaluation */
export interface Evaluation {
  /** One row per list and topic, sorted by list id, then topic id. */
  readonly rows: readonly EvaluationRow[];
}

interface ResolvedEvaluateOptions {
  readonly replicates: number;
  readonly seed: number;
  readonly level: number;
  readonly minMembers: number;
  readonly onProgress: ((progress: EvaluationProgress) => void) | undefined;
}

/** The score of the population baseline: log population; the median of the known ones when unknown. */
function populationScores(cities: readonly City[], scope: Int32Array): [Float64Array, number] {
  const scores = new Float64Array(scope.length);
  const known: number[] = [];
  let unknown = 0;
  for (let p = 0; p < scope.length; p++) {
    const population = cities[scope[p] as number]?.population;
    if (population === undefined) {
      scores[p] = Number.NaN;
      unknown++;
    } else {
      scores[p] = Math.log(population);
      known.push(scores[p] as number);
    }
  }
  if (unknown > 0) {
    known.sort((a, b) => a - b);
    const mid = known.length / 2;
    const median =
      known.length === 0
        ? 0
        : known.length % 2 === 1
          ? (known[Math.floor(mid)] as number)
          : ((known[mid - 1] as number) + (known[mid] as number)) / 2;
    for (let p = 0; p < scores.length; p++) if (Number.isNaN(scores[p])) scores[p] = median;
  }
  return [scores, unknown];
}

/**
 * The random baseline's score of every city: uniform on [0, 1), fixed by the
 * seed and the city's id, so the same on every list.
 */
function randomScores(cities: readonly City[], seed: number): Float64Array {
  return Float64Array.from(cities, (city) => seededRandom(hashSeed(seed, `random:${city.id}`))());
}

/** The scores an evaluation computes once and each list reads over its scope. */
interface Columns {
  /** Every city on every topic some list names. */
  readonly matrix: ScoreMatrix;
  /** Each such topic's column of the matrix. */
  readonly topicIndex: ReadonlyMap<string, number>;
  /** Every city's random baseline score. */
  readonly random: Float64Array;
}

/** Replicate values of the three metrics of one score. */
interface Replicates {
  readonly auc: Float64Array;
  readonly averagePrecision: Float64Array;
  readonly precisionAtK: Float64Array;
}

function newReplicates(count: number): Replicates {
  return {
    auc: new Float64Array(count),
    averagePrecision: new Float64Array(count),
    precisionAtK: new Float64Array(count),
  };
}

/** A score under evaluation: its rankings over the scope and over the joiners. */
interface Scoring {
  readonly ranking: Ranking;
  readonly joinerRanking: Ranking | undefined;
  readonly replicates: Replicates;
  readonly specificityReplicates: Float64Array;
}

function scoring(
  scores: Float64Array,
  scope: ListScope,
  withSpecificity: boolean,
  count: number,
): Scoring {
  return {
    ranking: rankByScore(scores, scope.member),
    joinerRanking: withSpecificity
      ? rankByScore(pick(scores, scope.joiners), scope.joinerMember)
      : undefined,
    replicates: newReplicates(count),
    specificityReplicates: new Float64Array(withSpecificity ? count : 0),
  };
}

/** Runs every replicate, each score on the same draws (paired). */
function runReplicates(
  scorings: readonly Scoring[],
  scope: ListScope,
  resampler: Resampler,
  joinerResampler: Resampler | undefined,
  count: number,
): void {
  const weights = new Float64Array(scope.member.length);
  const joinerWeights = new Float64Array(scope.joinerMember.length);
  const values: MetricValues = { auc: 0, averagePrecision: 0, precisionAtK: 0 };
  // A stratified draw keeps the number of members and of non-members.
  const totals = { positives: scope.members, negatives: scope.member.length - scope.members };
  const joinerMembers = scope.joinerMember.reduce((sum, flag) => sum + flag, 0);
  const joinerTotals = {
    positives: joinerMembers,
    negatives: scope.joinerMember.length - joinerMembers,
  };
  const drawn = new Int32Array(weights.length);
  const joinerDrawn = new Int32Array(joinerWeights.length);
  for (let r = 0; r < count; r++) {
    const drawnCount = resampler.next(weights, drawn);
    const joinerCount = joinerResampler?.next(joinerWeights, joinerDrawn) ?? 0;
    for (const s of scorings) {
      replicateMetrics(s.ranking, drawn, drawnCount, weights, totals, values);
      s.replicates.auc[r] = values.auc;
      s.replicates.averagePrecision[r] = values.averagePrecision;
      s.replicates.precisionAtK[r] = values.precisionAtK;
      if (s.joinerRanking !== undefined) {
        s.specificityReplicates[r] = replicateMetrics(
          s.joinerRanking,
          joinerDrawn,
          joinerCount,
          joinerWeights,
          joinerTotals,
          values,
        ).auc;
      }
    }
  }
}

function metricsOf(s: Scoring, level: number): ListMetrics {
  const point = rankingMetrics(s.ranking);
  const specificity =
    s.joinerRanking === undefined
      ? null
      : percentileInterval(rankingMetrics(s.joinerRanking).auc, s.specificityReplicates, level);
  return {
    auc: percentileInterval(point.auc, s.replicates.auc, level),
    averagePrecision: percentileInterval(
      point.averagePrecision,
      s.replicates.averagePrecision,
      level,
    ),
    precisionAtK: percentileInterval(point.precisionAtK, s.replicates.precisionAtK, level),
    specificity,
  };
}

function difference(a: Scoring, b: Scoring, estimate: number, level: number): Estimate {
  const count = a.replicates.auc.length;
  const diff = new Float64Array(count);
  for (let r = 0; r < count; r++) {
    diff[r] = (a.replicates.auc[r] as number) - (b.replicates.auc[r] as number);
  }
  return percentileInterval(estimate, diff, level);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Whether specificity can be measured on a list: its comparison group and, when not, why. */
interface SpecificitySetting {
  /** Cities in scope that belong to other lists but not this one. */
  readonly others: number;
  readonly measured: boolean;
  readonly reason: string | undefined;
}

function specificitySetting(scope: ListScope, min: number): SpecificitySetting {
  const joinerMembers = scope.joinerMember.reduce((sum, flag) => sum + flag, 0);
  const others = scope.joinerMember.length - joinerMembers;
  const measured = others >= min;
  const reason = measured
    ? undefined
    : `${plural(others, "member")} of other lists in scope; at least ${min} needed`;
  return { others, measured, reason };
}

/** Why a list cannot be measured (too few members or non-members in scope), or undefined. */
function unmeasuredReason(scope: ListScope, min: number): string | undefined {
  const nonMembers = scope.cities.length - scope.members;
  if (scope.members < min)
    return `${plural(scope.members, "member")} in scope; at least ${min} needed`;
  if (nonMembers < min)
    return `${plural(nonMembers, "non-member")} in scope; at least ${min} needed`;
  return undefined;
}

/** The scores of one measured list: the baselines and the model on each topic, their replicates run. */
interface ListScorings {
  readonly population: Scoring;
  readonly random: Scoring;
  readonly models: readonly Scoring[];
}

function scoreList(
  columns: Columns,
  scope: ListScope,
  population: Float64Array,
  specificity: SpecificitySetting,
  options: ResolvedEvaluateOptions,
): ListScorings {
  const { list } = scope;
  const count = options.replicates;
  const scoringOf = (scores: Float64Array) => scoring(scores, scope, specificity.measured, count);
  const scorings: ListScorings = {
    population: scoringOf(population),
    random: scoringOf(pick(columns.random, scope.cities)),
    models: list.topicIds.map((topicId) =>
      scoringOf(
        scoreColumn(columns.matrix, columns.topicIndex.get(topicId) as number, scope.cities),
      ),
    ),
  };
  runReplicates(
    [scorings.population, scorings.random, ...scorings.models],
    scope,
    stratifiedResampler(scope.member, hashSeed(options.seed, `list:${list.id}`)),
    specificity.measured
      ? stratifiedResampler(scope.joinerMember, hashSeed(options.seed, `specificity:${list.id}`))
      : undefined,
    count,
  );
  return scorings;
}

/** The rows of a measured list, one per topic, from its scorings. */
function measuredRows(
  base: (topicId: string) => EvaluationRowBase,
  topicIds: readonly string[],
  scorings: ListScorings,
  specificity: SpecificitySetting,
  level: number,
): MeasuredRow[] {
  const population = metricsOf(scorings.population, level);
  const random = metricsOf(scorings.random, level);
  return topicIds.map((topicId, t) => {
    const model = scorings.models[t] as Scoring;
    const metrics = metricsOf(model, level);
    return {
      ...base(topicId),
      status: "measured",
      ...metrics,
      specificityOthers: specificity.others,
      ...(specificity.reason === undefined ? {} : { specificityReason: specificity.reason }),
      baselines: { population, random },
      aucOverPopulation: difference(
        model,
        scorings.population,
        metrics.auc.estimate - population.auc.estimate,
        level,
      ),
    };
  });
}

/** The rows of one list, one per topic. */
function evaluateList(
  input: PreparedInput,
  columns: Columns,
  scope: ListScope,
  options: ResolvedEvaluateOptions,
): EvaluationRow[] {
  const { list } = scope;
  const [population, unknownPopulation] = populationScores(input.cities, scope.cities);
  const base = (topicId: string): EvaluationRowBase => ({
    listId: list.id,
    topicId,
    cities: scope.cities.length,
    members: scope.members,
    membersOutOfScope: scope.membersOutOfScope,
    unknownPopulation,
  });
  const reason = unmeasuredReason(scope, options.minMembers);
  if (reason !== undefined)
    return list.topicIds.map((topicId) => ({ ...base(topicId), status: "not-measured", reason }));
  const specificity = specificitySetting(scope, options.minMembers);
  const scorings = scoreList(columns, scope, population, specificity, options);
  return measuredRows(base, list.topicIds, scorings, specificity, options.level);
}

/** The scores of every city on every topic some list names, and each topic's column. */
function scoresForLists(
  input: PreparedInput,
  scorer = input.scorer,
): [ScoreMatrix, Map<string, number>] {
  const named = new Set<string>();
  for (const list of input.lists) for (const topicId of list.topicIds) named.add(topicId);
  const topics = input.topics.filter((topic) => named.has(topic.id));
  const matrix = scorer.matrix(input.cities, topics);
  return [matrix, new Map(topics.map((topic, index) => [topic.id, index]))];
}

/**
 * How well relevance scores rank the members of membership lists above the
 * other cities in the lists' scope.
 *
 * Per list and per topic the list evidences, over the cities in the list's
 * scope (its `scopeCountries`, or all): ROC AUC (ties counted half),
 * average precision (step-wise) and precision at k (k = members in scope),
 * the same for two baselines on the same cities (log population; a seeded
 * random score), the model's AUC minus the population baseline's, and
 * specificity (AUC among the cities that belong to any list: this list's
 * members against the other lists' members only, which separates "this topic
 * matters here" from "this city joins things"). Each figure comes with a
 * seeded percentile bootstrap interval, members and non-members resampled
 * separately, all scores on the same draws.
 *
 * Lists with fewer than `minMembers` members or non-members in scope give a
 * row with `status: "not-measured"` and the reason. Invalid input or options
 * give a `Left` naming the record and field; nothing throws. Results do not
 * depend on the order of cities, topics or lists. Cost: one score matrix,
 * then per list O(n log n) to rank and O(n) per replicate and score.
 *
 * @example
 * import * as E from "fp-ts/Either";
 * const result = evaluateRelevance(
 *   { cities, topics: CATALOG, lists: [{ id: "c40", topicIds: ["climate-action"], memberIds }] },
 *   { replicates: 1000, seed: 7 },
 * );
 * if (E.isRight(result)) {
 *   const row = result.right.rows[0];
 *   if (row?.status === "measured") console.log(row.auc, row.baselines.population.auc);
 * }
 * @category Evaluation
 */
export function evaluateRelevance(
  input: unknown,
  options?: EvaluateOptions,
): E.Either<ValidationError, Evaluation> {
  return E.map(([prepared, o]: readonly [PreparedInput, z.output<typeof OptionsSchema>]) =>
    evaluatePrepared(prepared, {
      replicates: o.replicates ?? DEFAULT_REPLICATES,
      seed: o.seed ?? 1,
      level: o.level ?? 0.95,
      minMembers: o.minMembers ?? DEFAULT_MIN_MEMBERS,
      onProgress: o.onProgress,
    }),
  )(prepareWithOptions(OptionsSchema, input, options));
}

/** {@link evaluateRelevance} of validated input. */
function evaluatePrepared(prepared: PreparedInput, resolved: ResolvedEvaluateOptions): Evaluation {
  const [matrix, topicIndex] = scoresForLists(prepared);
  const columns = { matrix, topicIndex, random: randomScores(prepared.cities, resolved.seed) };
  const scopes = listScopes(prepared);
  const rows: EvaluationRow[] = [];
  scopes.forEach((scope, index) => {
    rows.push(...evaluateList(prepared, columns, scope, resolved));
    resolved.onProgress?.({ done: index + 1, total: scopes.length, listId: scope.list.id });
  });
  return { rows };
}
