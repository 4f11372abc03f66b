/**
 * Rank robustness: how far a city's ranking of topics holds when the weights
 * move around the chosen ones.
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

/** Ranks (1-based) of topics by score, highest first, ties by id. */
function ranksOf(
  scores: Float64Array,
  ids: readonly string[],
  order: number[],
  out: Int32Array,
): void {
  order.sort(byScoreThenId(scores, ids));
  order.forEach((topic, position) => {
    out[topic] = position + 1;
  });
}

function quantile(sorted: Int32Array, q: number): number {
  const index = Math.max(0, Math.ceil(q * sorted.length) - 1);
  return sorted[index] as number;
}

/** The Monte Carlo behind `rankStability`, for a scorer's resolved options. */
export function rankStabilityWith(
  options: ResolvedOptions,
  city: City,
  topics: readonly Topic[],
  stabilityOptions: unknown,
): E.Either<ValidationError, RankStability[]> {
  const parsed = parseWithSchema(
    stabilityOptionsSchema(),
    stabilityOptions ?? {},
    "an options object",
  );
  if (E.isLeft(parsed)) return parsed;
  const samples = parsed.right.samples ?? 1000;
  if (samples * topics.length > MAX_RANK_DRAWS) {
    return E.left(
      singleIssue(
        ["samples"],
        `must be at most ${Math.floor(MAX_RANK_DRAWS / topics.length).toLocaleString("en-US")} for ${topics.length.toLocaleString("en-US")} topics (samples × topics at most ${MAX_RANK_DRAWS.toLocaleString("en-US")}); got ${samples.toLocaleString("en-US")}`,
      ),
    );
  }
  const spread = parsed.right.spread ?? 0.25;
  const top = parsed.right.top ?? 3;
  const random = seededRandom(parsed.right.seed ?? 1);
  const kernel = kernelOf(options);
  const c = compileCity(city, kernel);
  const n = topics.length;
  const ids = topics.map((topic) => topic.id);
  const factors = topics.map((topic) => {
    const t = compileTopic(topic, options);
    const f = new Float64Array(5);
    evaluate(c, t, kernel, f, 0, Bound.value);
    return { f, cap: capOf(c, t, false) };
  });
  const scores = new Float64Array(n);
  const order = Array.from({ length: n }, (_, i) => i);
  const rankNow = new Int32Array(n);

  const scoreAll = (weights: readonly number[]) => {
    const k = kernelOf({ ...options, weights });
    factors.forEach(({ f, cap }, i) => {
      scores[i] = aggregate(f, 0, k) * cap;
    });
    ranksOf(scores, ids, order, rankNow);
  };

  scoreAll(options.weights);
  const baseline = Int32Array.from(rankNow);
  const draws = Array.from({ length: n }, () => new Int32Array(samples));
  const drawn = [0, 0, 0, 0, 0];
  for (let s = 0; s < samples; s++) {
    let total = 0;
    for (let k = 0; k < 5; k++) {
      const w = (options.weights[k] as number) * (1 + spread * (2 * random() - 1));
      drawn[k] = w;
      total += w;
    }
    for (let k = 0; k < 5; k++) drawn[k] = (drawn[k] as number) / total;
    scoreAll(drawn);
    for (let i = 0; i < n; i++) (draws[i] as Int32Array)[s] = rankNow[i] as number;
  }

  const results = topics.map((topic, i): RankStability => {
    const ranks = (draws[i] as Int32Array).sort();
    let inTop = 0;
    for (const r of ranks) if (r <= top) inTop++;
    return {
      topicId: topic.id,
      rank: baseline[i] as number,
      medianRank: quantile(ranks, 0.5),
      rankInterval: [quantile(ranks, 0.05), quantile(ranks, 0.95)],
      probabilityTop: inTop / samples,
    };
  });
  return E.right(results.sort((a, b) => a.rank - b.rank));
}
