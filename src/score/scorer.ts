/**
 * The scorer: relevance of a topic to a city, explained, with an interval.
 *
 * @module
 */

import * as E from "fp-ts/Either";
import { compareIds } from "../internal/order";
import type { ValidationError } from "../model/errors";
import type { City, Topic } from "../model/schemas";
import {
  aggregate,
  Bound,
  type CompiledCity,
  type CompiledTopic,
  capOf,
  compileCity,
  compileTopic,
  evaluate,
  gateHolds,
  scoreOf,
} from "./compile";
import { FACTORS, type FactorName, type ResolvedOptions, resolveOptions } from "./options";
import { explain } from "./reasons";
import { type RankStability, rankStabilityWith } from "./stability";
import { MODEL_VERSION } from "./version";

/** One factor of a {@link Relevance}. @category Scoring */
export interface FactorResult {
  /** The factor's value on 0..1 (neutral where inputs are unknown). */
  readonly value: number;
  /** The least value the factor takes over every value of its unknown inputs. */
  readonly low: number;
  /** The greatest value the factor takes over every value of its unknown inputs. */
  readonly high: number;
  /** Its weight, normalised so that the weights sum to 1. */
  readonly weight: number;
  /** Its share of the score; the five contributions add up to the score. */
  readonly contribution: number;
  /** Whether every input of the factor was known. */
  readonly known: boolean;
}

/** A gate that caps (or may cap) a score. @category Scoring */
export interface AppliedGate {
  /** The gate's id, e.g. `"liberal-norms-absent"`. */
  readonly id: string;
  /** The cap it sets. */
  readonly cap: number;
  /** `true` when the city's profile is known to fail the prerequisite; `false` when it only may (the field is unknown), which lowers `low` only. */
  readonly certain: boolean;
}

/**
 * How relevant a topic is to a city, and why.
 *
 * @category Scoring
 */
export interface Relevance {
  readonly cityId: string;
  readonly topicId: string;
  /** On 0..1. With unknown inputs, the score at neutral values; always within [low, high]. */
  readonly score: number;
  /** The least score over every value the city's unknown fields could take. */
  readonly low: number;
  /** The greatest score over every value the city's unknown fields could take. */
  readonly high: number;
  readonly factors: Readonly<Record<FactorName, FactorResult>>;
  /** Gates that cap the score, surely or possibly. */
  readonly gates: readonly AppliedGate[];
  /** Plain-language sentences, most influential first. */
  readonly reasons: readonly string[];
  /** The version of the scoring model (weights, tables, catalog) that made it. */
  readonly model: string;
}

/** A {@link Relevance} with its 1-based position in a ranking. @category Scoring */
export interface RankedRelevance extends Relevance {
  readonly rank: number;
}

/**
 * Scores as a dense matrix: `scores[i * topicIds.length + j]` is city `i` on
 * topic `j`, equal to `relevance(city, topic).score` to the last bit.
 *
 * @category Scoring
 */
export interface ScoreMatrix {
  readonly cityIds: readonly string[];
  readonly topicIds: readonly string[];
  readonly scores: Float64Array;
}

/** A scorer with validated options. @category Scoring */
export interface Scorer {
  /** The options in force, weights normalised. */
  readonly options: ResolvedOptions;
  /** How relevant `topic` is to `city`, with factors, interval and reasons. */
  relevance(city: City, topic: Topic): Relevance;
  /** Every topic for one city, most relevant first (ties by topic id). */
  rankTopics(city: City, topics: readonly Topic[]): RankedRelevance[];
  /** Every city for one topic, most relevant first (ties by city id). */
  rankCities(topic: Topic, cities: readonly City[]): RankedRelevance[];
  /** The scores of every city on every topic, through the compiled fast path. */
  matrix(cities: readonly City[], topics: readonly Topic[]): ScoreMatrix;
  /** Rank robustness under weights drawn around this scorer's; see {@link rankStability}. */
  rankStability(
    city: City,
    topics: readonly Topic[],
    options?: unknown,
  ): E.Either<ValidationError, RankStability[]>;
}

/** Sorts by score, highest first, then by the given id, and numbers the ranks. */
function ranked(results: Relevance[], idOf: (r: Relevance) => string): RankedRelevance[] {
  return results
    .sort((a, b) => {
      if (a.score !== b.score) return b.score - a.score;
      return compareIds(idOf(a), idOf(b));
    })
    .map((result, index) => ({ ...result, rank: index + 1 }));
}

function factorKnown(c: CompiledCity, t: CompiledTopic): readonly boolean[] {
  const city = c.city;
  const resources = city.resources;
  const tierKnown = resources?.nationalTier !== undefined;
  const incomeKnown = resources?.incomeTier !== undefined;
  return [
    city.outlook?.internationalRole !== undefined,
    city.outlook?.priorities !== undefined &&
      (t.salienceIncome === undefined || incomeKnown) &&
      (t.salienceTier === undefined || tierKnown),
    tierKnown && c.meansKnown,
    city.governance?.autonomy !== undefined,
    city.governance?.regime !== undefined,
  ];
}

/** A city of which nothing but identity is known: the reference for "typical" factor values. */
const UNKNOWN_CITY = compileCity({
  id: "typical",
  name: "A typical city",
  country: "ZZ" as City["country"],
});

function buildScorer(options: ResolvedOptions): Scorer {
  const geometric = options.aggregation === "geometric";
  const weights = options.weights;

  function typicalOf(t: CompiledTopic): Record<FactorName, number> {
    const f = new Float64Array(5);
    evaluate(UNKNOWN_CITY, t, f, Bound.value);
    const typical = {} as Record<FactorName, number>;
    FACTORS.forEach((name, i) => {
      typical[name] = f[i] as number;
    });
    return typical;
  }

  function relevanceOf(c: CompiledCity, t: CompiledTopic): Relevance {
    const value = new Float64Array(5);
    const low = new Float64Array(5);
    const high = new Float64Array(5);
    evaluate(c, t, value, Bound.value);
    const score = scoreOf(c, t, weights, geometric);
    evaluate(c, t, low, Bound.low);
    evaluate(c, t, high, Bound.high);
    const lowScore = Math.min(aggregate(low, weights, geometric), capOf(c, t, true));
    const highScore = Math.min(aggregate(high, weights, geometric), capOf(c, t, false));

    // Contributions: each factor's weighted value, scaled so that they add up to the score.
    const weighted = FACTORS.map((_, i) => (weights[i] as number) * (value[i] as number));
    const weightedSum = weighted.reduce((sum, v) => sum + v, 0);
    const scale = weightedSum === 0 ? 0 : score / weightedSum;
    const uncappedArithmetic = !geometric && score === weightedSum;
    const known = factorKnown(c, t);
    const factors = {} as Record<FactorName, FactorResult>;
    FACTORS.forEach((name, i) => {
      factors[name] = {
        value: value[i] as number,
        low: low[i] as number,
        high: high[i] as number,
        weight: weights[i] as number,
        contribution: uncappedArithmetic
          ? (weighted[i] as number)
          : (weighted[i] as number) * scale,
        known: known[i] as boolean,
      };
    });

    const gates: AppliedGate[] = [];
    for (const gate of t.gates) {
      const holds = gateHolds(c, gate);
      if (holds >= 0)
        gates.push({
          id: options.gates[gate.index]?.id ?? "",
          cap: gate.cap,
          certain: holds === 1,
        });
    }

    return {
      cityId: c.city.id,
      topicId: t.topic.id,
      score,
      low: Math.min(lowScore, score),
      high: Math.max(highScore, score),
      factors,
      gates,
      reasons: explain(c.city, t.topic, factors, typicalOf(t), gates, options),
      model: MODEL_VERSION,
    };
  }

  return {
    options,
    relevance(city, topic) {
      return relevanceOf(compileCity(city), compileTopic(topic, options));
    },
    rankTopics(city, topics) {
      const c = compileCity(city);
      const results = topics.map((topic) => relevanceOf(c, compileTopic(topic, options)));
      return ranked(results, (r) => r.topicId);
    },
    rankCities(topic, cities) {
      const t = compileTopic(topic, options);
      const results = cities.map((city) => relevanceOf(compileCity(city), t));
      return ranked(results, (r) => r.cityId);
    },
    matrix(cities, topics) {
      const compiledTopics = topics.map((topic) => compileTopic(topic, options));
      const columns = compiledTopics.length;
      const scores = new Float64Array(cities.length * columns);
      for (let i = 0; i < cities.length; i++) {
        const c = compileCity(cities[i] as City);
        const row = i * columns;
        for (let j = 0; j < columns; j++) {
          scores[row + j] = scoreOf(c, compiledTopics[j] as CompiledTopic, weights, geometric);
        }
      }
      return {
        cityIds: cities.map((city) => city.id),
        topicIds: topics.map((topic) => topic.id),
        scores,
      };
    },
    rankStability(city, topics, stabilityOptions) {
      return rankStabilityWith(options, city, topics, stabilityOptions);
    },
  };
}

/**
 * Validates scoring options once and returns a {@link Scorer}, or a `Left`
 * naming the bad option (a negative or non-finite weight, all weights 0, an
 * unknown aggregation, a malformed gate).
 *
 * @example
 * import * as E from "fp-ts/Either";
 * const scorer = createScorer({ weights: { values: 0 }, aggregation: "geometric" });
 * if (E.isRight(scorer)) scorer.right.relevance(city, topic).score;
 * @category Scoring
 */
export function createScorer(options?: unknown): E.Either<ValidationError, Scorer> {
  return E.map(buildScorer)(resolveOptions(options));
}

const defaultScorer = buildScorer((resolveOptions({}) as E.Right<ResolvedOptions>).right);

/** The default scorer (default weights, arithmetic mean, default gates). @category Scoring */
export const DEFAULT_SCORER: Scorer = defaultScorer;

/**
 * How relevant a topic is to a city under the default model: a score on 0..1,
 * the interval over the city's unknown fields, the five factors with their
 * weights and contributions, the gates that cap it and plain-language
 * reasons. Deterministic; depends only on this city and this topic.
 *
 * @example
 * const r = scoreRelevance(manchester, topicById("trade-stance"));
 * r.score;      // 0.6…
 * r.reasons[0]; // "As a secondary city, Manchester has less national clout …"
 * @category Scoring
 */
export function scoreRelevance(city: City, topic: Topic): Relevance {
  return defaultScorer.relevance(city, topic);
}

/**
 * Every topic scored for one city under the default model, most relevant
 * first; ties broken by topic id.
 *
 * @example
 * rankTopics(manchester, CATALOG).slice(0, 3).map((r) => r.topicId);
 * @category Scoring
 */
export function rankTopics(city: City, topics: readonly Topic[]): RankedRelevance[] {
  return defaultScorer.rankTopics(city, topics);
}

/**
 * Every city scored for one topic under the default model, most relevant
 * first; ties broken by city id.
 *
 * @category Scoring
 */
export function rankCities(topic: Topic, cities: readonly City[]): RankedRelevance[] {
  return defaultScorer.rankCities(topic, cities);
}

/**
 * Scores of every city on every topic under the default model, as a
 * row-major `Float64Array` (cities by topics), computed by the compiled fast
 * path and equal to {@link scoreRelevance} to the last bit.
 *
 * @example
 * const m = scoreMatrix(cities, CATALOG);
 * m.scores[2 * m.topicIds.length + 0]; // city 2, topic 0
 * @category Scoring
 */
export function scoreMatrix(cities: readonly City[], topics: readonly Topic[]): ScoreMatrix {
  return defaultScorer.matrix(cities, topics);
}

/**
 * How stable a city's ranking of topics is when the default weights move: a
 * seeded Monte Carlo over weights drawn around them (see
 * {@link RankStabilityOptions}). Per topic, its rank under the default weights,
 * its median rank, a 90% rank interval and the probability of ranking in the
 * top `top`, sorted by rank. The same seed gives the same result. Invalid
 * options give a `Left`.
 *
 * @example
 * rankStability(manchester, CATALOG, { samples: 2000, seed: 7, spread: 0.25, top: 3 });
 * // Right([{ topicId: "investment-attraction", rank: 1, medianRank: 1, rankInterval: [1, 2], probabilityTop: 0.99 }, …])
 * @category Scoring
 */
export function rankStability(
  city: City,
  topics: readonly Topic[],
  options?: unknown,
): E.Either<ValidationError, RankStability[]> {
  return defaultScorer.rankStability(city, topics, options);
}
