/**
 * Rank robustness: how far a city's ranking of topics holds when the weights
 * move around the chosen ones.
 *
 * Apart from the scorer, so that a bundle that only scores never carries the
 * Monte Carlo.
 *
 * @module
 */

import * as E from "fp-ts/Either";
import * as z from "zod/mini";
import { byScoreThenId } from "../internal/order";
import { seededRandom } from "../internal/random";
import { singleIssue, type ValidationError } from "../model/errors";
import { parseWithSchema } from "../model/parse";
import type { City, Topic } from "../model/schemas";
import { aggregate, Bound, capOf, compileCity, compileTopic, evaluate, kernelOf } from "./compile";
import type { ResolvedOptions } from "./options";
import { ScorerOptionSchema, scorerOrDefault } from "./scorer-option";

/**
 * The most ranks one call keeps: `samples` times the number of topics, 4
 * bytes each, so at most 40 MB. The default (1,000 samples) stays under it up
 * to 10,000 topics; without it, a few bytes of options (`samples: 1000000`)
 * over a thousand topics asked for 4 GB.
 */
export const MAX_RANK_DRAWS = 10_000_000;

/** Builds the options' schema: a function, so that bundles that never call rankStability leave it out. */
function stabilityOptionsSchema() {
  return z.strictObject({
    samples: z.optional(z.int().check(z.gte(1), z.lte(1_000_000))),
    seed: z.optional(z.int().check(z.gte(0), z.lte(0xffffffff))),
    spread: z.optional(z.number().check(z.gte(0), z.lt(1))),
    top: z.optional(z.int().check(z.gte(1))),
    scorer: z.optional(ScorerOptionSchema),
  });
}

/**
 * Options of {@link rankStability}.
 *
 * - `samples` (default 1000): weight draws; the 5% and 95% rank quantiles
 *   rest on 50 draws each at that size.
 * - `seed` (default 1): an unsigned 32-bit integer; the same seed gives the
 *   same result.
 * - `spread` (default 0.25): each weight is multiplied by a factor drawn
 *   uniformly from [1 - spread, 1 + spread], then the weights are
 *   renormalised. 0.25 lets any weight move by a quarter either way, the
 *   order of disagreement seen among experts weighting composite indicators
 *   (OECD/JRC Handbook, 2008, on weighting uncertainty).
 * - `top` (default 3): the k of "probability of being in the top k".
 * - `scorer` (default: the default scorer): a `Scorer` from
 *   `createScorer`, whose options (weights, aggregation, gates) the draws
 *   move around.
 *
 * @category Scoring
 */
export type RankStabilityOptions = z.input<ReturnType<typeof stabilityOptionsSchema>>;

/** How stable one topic's rank is under weights drawn around the chosen ones. @category Scoring */
export interface RankStability {
  readonly topicId: string;
  /** Its rank under the chosen weights (1 = most relevant; ties by topic id). */
  readonly rank: number;
  /** The median of its ranks over the draws. */
  readonly medianRank: number;
  /** The 5% and 95% quantiles of its ranks (nearest-rank method): a 90% rank interval. */
  readonly rankInterval: readonly [number, number];
  /** The share of draws in which it ranks within the top `top`. */
  readonly probabilityTop: number;
}

function quantile(sorted: Int32Array, q: number): number {
  const index = Math.max(0, Math.ceil(q * sorted.length) - 1);
  return sorted[index] as number;
}

/** The options of one call, complete. */
interface Settings {
  readonly samples: number;
  readonly seed: number;
  readonly spread: number;
  readonly top: number;
  readonly options: ResolvedOptions;
}

/** Validates the options, and refuses more rank draws than {@link MAX_RANK_DRAWS}. */
function settingsOf(options: unknown, topicCount: number): E.Either<ValidationError, Settings> {
  const parsed = parseWithSchema(stabilityOptionsSchema(), options ?? {}, "an options object");
  if (E.isLeft(parsed)) return parsed;
  const samples = parsed.right.samples ?? 1000;
  if (samples * topicCount > MAX_RANK_DRAWS) {
    return E.left(
      singleIssue(
        ["samples"],
        `must be at most ${Math.floor(MAX_RANK_DRAWS / topicCount).toLocaleString("en-US")} for ${topicCount.toLocaleString("en-US")} topics (samples × topics at most ${MAX_RANK_DRAWS.toLocaleString("en-US")}); got ${samples.toLocaleString("en-US")}`,
      ),
    );
  }
  return E.right({
    samples,
    seed: parsed.right.seed ?? 1,
    spread: parsed.right.spread ?? 0.25,
    top: parsed.right.top ?? 3,
    options: scorerOrDefault(parsed.right.scorer).options,
  });
}

/**
 * A function that ranks the topics under given weights, writing each
 * topic's rank into `ranks`. The factor values and caps do not depend on the
 * weights, so they are computed once, here.
 */
function rankerOf(
  options: ResolvedOptions,
  city: City,
  topics: readonly Topic[],
  ranks: Int32Array,
): (weights: readonly number[]) => void {
  const kernel = kernelOf(options);
  const c = compileCity(city, kernel);
  const factors = topics.map((topic) => {
    const t = compileTopic(topic, options);
    const f = new Float64Array(5);
    evaluate(c, t, kernel, f, 0, Bound.value);
    return { f, cap: capOf(c, t, false) };
  });
  const ids = topics.map((topic) => topic.id);
  const scores = new Float64Array(topics.length);
  const order = Array.from({ length: topics.length }, (_, i) => i);
  return (weights) => {
    const k = kernelOf({ ...options, weights });
    factors.forEach(({ f, cap }, i) => {
      scores[i] = aggregate(f, 0, k) * cap;
    });
    order.sort(byScoreThenId(scores, ids));
    order.forEach((topic, position) => {
      ranks[topic] = position + 1;
    });
  };
}

/** Each topic's ranks over `samples` weight draws around the chosen weights, one array per topic. */
function drawRanks(
  settings: Settings,
  rankAll: (weights: readonly number[]) => void,
  ranks: Int32Array,
): Int32Array[] {
  const { samples, spread, options } = settings;
  const random = seededRandom(settings.seed);
  const draws = Array.from({ length: ranks.length }, () => new Int32Array(samples));
  const drawn = [0, 0, 0, 0, 0];
  for (let s = 0; s < samples; s++) {
    let total = 0;
    for (let k = 0; k < 5; k++) {
      const w = (options.weights[k] as number) * (1 + spread * (2 * random() - 1));
      drawn[k] = w;
      total += w;
    }
    for (let k = 0; k < 5; k++) drawn[k] = (drawn[k] as number) / total;
    rankAll(drawn);
    for (let i = 0; i < ranks.length; i++) (draws[i] as Int32Array)[s] = ranks[i] as number;
  }
  return draws;
}

/** One topic's summary: its rank now, and the median, interval and top share of its drawn ranks. */
function summary(topicId: string, rank: number, drawn: Int32Array, top: number): RankStability {
  const ranks = drawn.sort();
  let inTop = 0;
  for (const r of ranks) if (r <= top) inTop++;
  return {
    topicId,
    rank,
    medianRank: quantile(ranks, 0.5),
    rankInterval: [quantile(ranks, 0.05), quantile(ranks, 0.95)],
    probabilityTop: inTop / ranks.length,
  };
}

/**
 * How stable a city's ranking of topics is when the weights move: a seeded
 * Monte Carlo over weights drawn around the scorer's (the default scorer's
 * unless `options.scorer` is given; see {@link RankStabilityOptions}). Per
 * topic, its rank under the scorer's weights, its median rank, a 90% rank
 * interval and the probability of ranking in the top `top`, sorted by rank.
 * The same seed gives the same result. Invalid options give a `Left`.
 *
 * Cost: `samples` rankings of the topics (a sort each) after one evaluation
 * of every topic's factors.
 *
 * @example
 * rankStability(manchester, CATALOG, { samples: 2000, seed: 7, spread: 0.25, top: 3 });
 * // Right([{ topicId: "investment-attraction", rank: 1, medianRank: 1, rankInterval: [1, 2], probabilityTop: 0.99 }, …])
 * const scorer = createScorer({ aggregation: "arithmetic" });
 * if (E.isRight(scorer)) rankStability(manchester, CATALOG, { scorer: scorer.right });
 * @category Scoring
 */
export function rankStability(
  city: City,
  topics: readonly Topic[],
  options?: RankStabilityOptions,
): E.Either<ValidationError, RankStability[]> {
  const settings = settingsOf(options, topics.length);
  if (E.isLeft(settings)) return settings;
  const ranks = new Int32Array(topics.length);
  const rankAll = rankerOf(settings.right.options, city, topics, ranks);
  rankAll(settings.right.options.weights);
  const baseline = Int32Array.from(ranks);
  const draws = drawRanks(settings.right, rankAll, ranks);
  const results = topics.map((topic, i) =>
    summary(topic.id, baseline[i] as number, draws[i] as Int32Array, settings.right.top),
  );
  return E.right(results.sort((a, b) => a.rank - b.rank));
}
