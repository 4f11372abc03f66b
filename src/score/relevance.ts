/**
 * The shapes of a scorer's results.
 *
 * @module
 */
import type { FactorName } from "./factors";

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
  /** Its share of the score, in proportion to weight × value; the five contributions add up to the score. */
  readonly contribution: number;
  /** Whether every input of the factor that can widen it was known. */
  readonly known: boolean;
}

/** A gate that holds (or may hold) for a city on a topic. @category Scoring */
export interface AppliedGate {
  /** The gate's id, e.g. `"liberal-norms-absent"`. */
  readonly id: string;
  /** The factor it multiplies the score by, and so the score's ceiling. */
  readonly cap: number;
  /** `true` when the city's profile is known to fail the prerequisite; `false` when it only may (the field is unknown), which lowers `low` only. */
  readonly certain: boolean;
}

/**
 * How relevant a topic is to a city, and why.
 *
 * `factors`, `gates` and `reasons` are built on first read and then kept: a
 * loop that reads only scores never pays for them. `JSON.stringify` includes
 * them; object spread and `Object.keys` do not (they are getters), so copy
 * them by name (`{ ...r, factors: r.factors, gates: r.gates, reasons: r.reasons }`)
 * or go through JSON. They are built from the compiled city and topic, so
 * `score`, the interval and `factors` always describe the profile as it was
 * scored; the sentences of `reasons` also read the city's name and fields
 * when first read. Parsed cities and topics (and the catalog) are frozen; a
 * hand-built object changed after scoring and before its reasons are read
 * gives reasons about the changed object, so read them first or score a copy.
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
  /** The five factors by name (built on first read). */
  readonly factors: Readonly<Record<FactorName, FactorResult>>;
  /** Gates that hold, surely or possibly (built on first read). */
  readonly gates: readonly AppliedGate[];
  /** Plain-language sentences, most influential first (built on first read). */
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
