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
  ARITHMETIC_MODE,
  aggregate,
  Bound,
  type CompiledCity,
  type CompiledTopic,
  capOf,
  compileCity,
  compileTopic,
  evaluate,
  factorKnown,
  gateHolds,
  type Kernel,
  kernelOf,
  scoreOf,
} from "./compile";
import { FACTORS, type FactorName } from "./factors";
import {
  DEFAULT_OPTIONS,
  type ResolvedOptions,
  resolveOptions,
  type ScorerOptions,
} from "./options";
import { explain } from "./reasons";
import type {
  AppliedGate,
  FactorResult,
  RankedRelevance,
  Relevance,
  ScoreMatrix,
} from "./relevance";
import { MODEL_VERSION } from "./version";

export type { AppliedGate, FactorResult, RankedRelevance, Relevance, ScoreMatrix };

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
}

/** Sorts by score, highest first, then by the given id, and numbers the ranks in place. */
function ranked(results: Relevance[], idOf: (r: Relevance) => string): RankedRelevance[] {
  results.sort((a, b) => {
    if (a.score !== b.score) return b.score - a.score;
    return compareIds(idOf(a), idOf(b));
  });
  // The results are this module's own fresh objects: numbering them in place
  // keeps their lazily built reasons lazy (a spread would build them).
  results.forEach((result, index) => {
    (result as { rank?: number }).rank = index + 1;
  });
  return results as RankedRelevance[];
}

/**
 * Whether an object and the objects and arrays it holds are all frozen, as
 * `parseTopic` and `parseCity` return them and the catalog is: only such
 * inputs are cached by identity, since nothing can change them afterwards.
 */
function deeplyFrozen(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return true;
  if (!Object.isFrozen(value)) return false;
  for (const key in value) {
    if (!deeplyFrozen((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** The factor values of a city of which nothing but identity is known, per compiled topic. */
function typicalValues(k: Kernel): (t: CompiledTopic) => Float64Array {
  const unknownCity = compileCity(
    { id: "typical", name: "A typical city", country: "ZZ" as City["country"] },
    k,
  );
  const cache = new WeakMap<CompiledTopic, Float64Array>();
  return (t) => {
    let f = cache.get(t);
    if (f === undefined) {
      f = new Float64Array(5);
      evaluate(unknownCity, t, k, f, 0, Bound.value);
      cache.set(t, f);
    }
    return f;
  };
}

/**
 * Each factor's influence on this score: how far the score would move if the
 * factor took its value for a typical city (one of which nothing is known).
 */
function influences(
  value: Float64Array,
  typical: Float64Array,
  k: Kernel,
  cap: number,
): Record<FactorName, number> {
  const score = aggregate(value, 0, k);
  const moved = Float64Array.from(value);
  const out = {} as Record<FactorName, number>;
  FACTORS.forEach((name, i) => {
    moved[i] = typical[i] as number;
    out[name] = cap * Math.abs(aggregate(moved, 0, k) - score);
    moved[i] = value[i] as number;
  });
  return out;
}

/** Scratch rows of `relevanceOf`: value, low and high factor values, five each. */
const ROWS = new Float64Array(15);

/** The five factor results, contributions in proportion to weight × value, adding up to `score`. */
function factorResults(
  c: CompiledCity,
  t: CompiledTopic,
  k: Kernel,
  score: number,
): Record<FactorName, FactorResult> {
  const w = k.w;
  let weightedSum = 0;
  for (let i = 0; i < 5; i++) weightedSum += (w[i] as number) * (ROWS[i] as number);
  const scale = weightedSum === 0 ? 0 : score / weightedSum;
  // The arithmetic mean ungated is its own decomposition: no rescaling, no rounding.
  const exact = k.mode === ARITHMETIC_MODE && score === weightedSum;
  const known = factorKnown(c, t);
  const factors = {} as Record<FactorName, FactorResult>;
  for (let i = 0; i < 5; i++) {
    const weighted = (w[i] as number) * (ROWS[i] as number);
    factors[FACTORS[i] as FactorName] = {
      value: ROWS[i] as number,
      low: ROWS[5 + i] as number,
      high: ROWS[10 + i] as number,
      weight: w[i] as number,
      contribution: exact ? weighted : weighted * scale,
      known: known[i] as boolean,
    };
  }
  return factors;
}

/** The gates of a result where none holds: one shared frozen empty list. */
const NO_GATES: readonly AppliedGate[] = Object.freeze([]);

function appliedGates(
  c: CompiledCity,
  t: CompiledTopic,
  options: ResolvedOptions,
): readonly AppliedGate[] {
  if (t.gates.length === 0) return NO_GATES;
  const gates: AppliedGate[] = [];
  for (const gate of t.gates) {
    const holds = gateHolds(c, gate);
    if (holds >= 0) {
      gates.push({
        id: options.gates[gate.index]?.id ?? "",
        cap: gate.cap,
        certain: holds === 1,
      });
    }
  }
  return gates.length === 0 ? NO_GATES : gates;
}

/** What a result needs to build its factors, gates and reasons when first asked. */
interface ResultContext {
  readonly k: Kernel;
  readonly typical: (t: CompiledTopic) => Float64Array;
}

/**
 * A {@link Relevance}. The scores are fields; `factors`, `gates` and
 * `reasons` are getters that build their value on first read, from the
 * compiled city and topic, and keep it: a loop that reads only scores
 * allocates one object per result. `toJSON` gives every field in the
 * documented order.
 */
class RelevanceResult implements Relevance {
  readonly model: string = MODEL_VERSION;
  readonly cityId: string;
  readonly topicId: string;
  #c: CompiledCity;
  #t: CompiledTopic;
  #context: ResultContext;
  #factors: Readonly<Record<FactorName, FactorResult>> | undefined;
  #gates: readonly AppliedGate[] | undefined;
  #reasons: readonly string[] | undefined;

  constructor(
    c: CompiledCity,
    t: CompiledTopic,
    context: ResultContext,
    readonly score: number,
    readonly low: number,
    readonly high: number,
  ) {
    this.cityId = c.city.id;
    this.topicId = t.topic.id;
    this.#c = c;
    this.#t = t;
    this.#context = context;
  }

  get factors(): Readonly<Record<FactorName, FactorResult>> {
    if (this.#factors === undefined) {
      const { k } = this.#context;
      // The same kernel calls on the same compiled inputs as when the score was made.
      evaluate(this.#c, this.#t, k, ROWS, 0, Bound.value);
      evaluate(this.#c, this.#t, k, ROWS, 5, Bound.low);
      evaluate(this.#c, this.#t, k, ROWS, 10, Bound.high);
      this.#factors = factorResults(this.#c, this.#t, k, this.score);
    }
    return this.#factors;
  }

  get gates(): readonly AppliedGate[] {
    this.#gates ??= appliedGates(this.#c, this.#t, this.#context.k.options);
    return this.#gates;
  }

  get reasons(): readonly string[] {
    if (this.#reasons === undefined) {
      const { k, typical } = this.#context;
      const factors = this.factors;
      const values = Float64Array.from(FACTORS, (name) => factors[name].value);
      const influence = influences(values, typical(this.#t), k, capOf(this.#c, this.#t, false));
      const topic = this.#t.topic;
      this.#reasons = explain(this.#c.city, topic, factors, influence, this.gates, k.options);
    }
    return this.#reasons;
  }

  toJSON(): Relevance & { rank?: number } {
    const { cityId, topicId, score, low, high, factors, gates, reasons, model } = this;
    const rank = (this as { rank?: number }).rank;
    const plain = { cityId, topicId, score, low, high, factors, gates, reasons, model };
    return rank === undefined ? plain : { ...plain, rank };
  }
}

/** The relevance of a compiled city on a compiled topic. */
function relevanceWith(context: ResultContext): (c: CompiledCity, t: CompiledTopic) => Relevance {
  const { k } = context;
  return (c, t) => {
    // The same kernel calls on the same inputs as scoreOf, so the same bits as the matrix.
    const score = scoreOf(c, t, k);
    evaluate(c, t, k, ROWS, 5, Bound.low);
    evaluate(c, t, k, ROWS, 10, Bound.high);
    const low = Math.min(aggregate(ROWS, 5, k) * capOf(c, t, true), score);
    const high = Math.max(aggregate(ROWS, 10, k) * capOf(c, t, false), score);
    return new RelevanceResult(c, t, context, score, low, high);
  };
}

/** Compiles topics once per scorer, keeping the compiled form of frozen topics. */
function topicCompiler(options: ResolvedOptions): (topic: Topic) => CompiledTopic {
  const cache = new WeakMap<Topic, CompiledTopic>();
  return (topic) => {
    const cached = cache.get(topic);
    if (cached !== undefined) return cached;
    const compiled = compileTopic(topic, options);
    if (deeplyFrozen(topic)) cache.set(topic, compiled);
    return compiled;
  };
}

/** Compiles cities, reusing the last one when the same frozen city comes again. */
function cityCompiler(k: Kernel): (city: City) => CompiledCity {
  let last: CompiledCity | undefined;
  return (city) => {
    if (last !== undefined && last.city === city) return last;
    const compiled = compileCity(city, k);
    last = deeplyFrozen(city) ? compiled : undefined;
    return compiled;
  };
}

function matrixWith(
  k: Kernel,
  topicOf: (topic: Topic) => CompiledTopic,
): (cities: readonly City[], topics: readonly Topic[]) => ScoreMatrix {
  return (cities, topics) => {
    const compiledTopics = topics.map(topicOf);
    const columns = compiledTopics.length;
    const scores = new Float64Array(cities.length * columns);
    for (let i = 0; i < cities.length; i++) {
      const c = compileCity(cities[i] as City, k);
      const row = i * columns;
      for (let j = 0; j < columns; j++) {
        scores[row + j] = scoreOf(c, compiledTopics[j] as CompiledTopic, k);
      }
    }
    return {
      cityIds: cities.map((city) => city.id),
      topicIds: topics.map((topic) => topic.id),
      scores,
    };
  };
}

/** What every method of a scorer shares: its kernel, its compilers and its per-pair relevance. */
interface ScorerParts {
  readonly options: ResolvedOptions;
  readonly k: Kernel;
  readonly topicOf: (topic: Topic) => CompiledTopic;
  readonly cityOf: (city: City) => CompiledCity;
  readonly relevanceOf: (c: CompiledCity, t: CompiledTopic) => Relevance;
  readonly relevance: (city: City, topic: Topic) => Relevance;
}

function partsOf(options: ResolvedOptions): ScorerParts {
  const k = kernelOf(options);
  const topicOf = topicCompiler(options);
  const cityOf = cityCompiler(k);
  const relevanceOf = relevanceWith({ k, typical: typicalValues(k) });
  const relevance = (city: City, topic: Topic) => relevanceOf(cityOf(city), topicOf(topic));
  return { options, k, topicOf, cityOf, relevanceOf, relevance };
}

function scorerOf(parts: ScorerParts): Scorer {
  const { options, k, topicOf, cityOf, relevanceOf, relevance } = parts;
  return {
    options,
    relevance,
    rankTopics(city, topics) {
      const c = cityOf(city);
      return ranked(
        topics.map((topic) => relevanceOf(c, topicOf(topic))),
        (r) => r.topicId,
      );
    },
    rankCities(topic, cities) {
      const t = topicOf(topic);
      return ranked(
        cities.map((city) => relevanceOf(compileCity(city, k), t)),
        (r) => r.cityId,
      );
    },
    matrix: matrixWith(k, topicOf),
  };
}

/**
 * Validates scoring options once and returns a {@link Scorer}, or a `Left`
 * naming the bad option (a negative or non-finite weight, all weights 0, an
 * unknown aggregation, a malformed gate). Typed with {@link ScorerOptions}
 * for editors, and still checked at run time for callers without types.
 *
 * @example
 * import * as E from "fp-ts/Either";
 * const scorer = createScorer({ weights: { values: 0 }, aggregation: "geometric" });
 * if (E.isRight(scorer)) scorer.right.relevance(city, topic).score;
 * @category Scoring
 */
export function createScorer(options?: ScorerOptions): E.Either<ValidationError, Scorer> {
  return E.map((resolved: ResolvedOptions) => scorerOf(partsOf(resolved)))(resolveOptions(options));
}

/** The default scorer's parts: `scoreRelevance` uses them without the scorer object, so that a bundle importing only it leaves the rankings and the matrix out. */
const defaultParts = /* @__PURE__ */ partsOf(DEFAULT_OPTIONS);

/** The default scorer (default weights, need-first aggregation, default gates). @category Scoring */
export const DEFAULT_SCORER: Scorer = /* @__PURE__ */ scorerOf(defaultParts);

/**
 * How relevant a topic is to a city under the default model: a score on 0..1,
 * the interval over the city's unknown fields, the five factors with their
 * weights and contributions, the gates that hold and plain-language
 * reasons (built on first read). Deterministic; depends only on this city
 * and this topic. The default model is need-first: the score never exceeds
 * the topic's salience for the city (see docs/methodology.md).
 *
 * @example
 * const r = scoreRelevance(manchester, topicById("trade-stance"));
 * r.score;      // 0.6…
 * r.reasons[0]; // "As a secondary city, Manchester has less national clout …"
 * @category Scoring
 */
export function scoreRelevance(city: City, topic: Topic): Relevance {
  return defaultParts.relevance(city, topic);
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
  return DEFAULT_SCORER.rankTopics(city, topics);
}

/**
 * Every city scored for one topic under the default model, most relevant
 * first; ties broken by city id.
 *
 * @example
 * rankCities(topicById("climate-action"), cities).slice(0, 5).map((r) => r.cityId);
 * @category Scoring
 */
export function rankCities(topic: Topic, cities: readonly City[]): RankedRelevance[] {
  return DEFAULT_SCORER.rankCities(topic, cities);
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
  return DEFAULT_SCORER.matrix(cities, topics);
}
