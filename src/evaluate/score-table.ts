/**
 * Score matrices for many scorers over the same cities and topics, as
 * calibration needs them: thousands of scorers that differ in a few numbers.
 *
 * A score is `aggregate(factors, weights) × caps` (score/compile.ts): the
 * factor weights enter through `aggregate` only, clout's parts through the
 * compiled city's clout, and capacity's weights through the capacity factor
 * only. So the work is kept at three levels, each keyed by the options it
 * reads:
 *
 * - the factor values and the gates' caps of every city on every topic,
 *   once per setting of the options beside weights, capacity and clout
 *   (in a calibration of those, once);
 * - the compiled cities, once per setting of the options beside weights and
 *   capacity;
 * - the capacity factor, once per setting of the options beside the
 *   weights;
 *
 * and a scorer that changes only weights costs one `aggregate` per city and
 * topic. Every value comes from the scorer's own kernel calls
 * (`compileCity`, `compileTopic`, `evaluate`, `capacityOf`, `capOf`,
 * `aggregate`) on the same inputs, so the scores are the scorer's `matrix`
 * to the last bit (a test compares them under random options).
 *
 * @module
 */
import type { City, Topic } from "../model/schemas";
import {
  aggregate,
  Bound,
  type CompiledCity,
  type CompiledTopic,
  capacityOf,
  capOf,
  compileCity,
  compileTopic,
  evaluate,
  type Kernel,
  kernelOf,
} from "../score/compile";
import { FACTORS } from "../score/factors";
import type { ResolvedOptions } from "../score/options";
import type { Scorer } from "../score/scorer";

/**
 * How many settings of each level to keep. A compass search polls around
 * one point: its weight polls reuse the point's settings, each other poll
 * makes new ones, and the next poll returns to the point's; a few entries
 * keep them.
 */
const KEPT_SETTINGS = 8;

/** The capacity factor's place in a row of five factor values. */
const CAPACITY = FACTORS.indexOf("capacity");

/** A small map that forgets the entry least recently used beyond `size`. */
function recentlyUsed<V>(size: number): (key: string, make: () => V) => V {
  const entries = new Map<string, V>();
  return (key, make) => {
    let value = entries.get(key);
    if (value === undefined) value = make();
    else entries.delete(key);
    entries.set(key, value);
    if (entries.size > size) entries.delete(entries.keys().next().value as string);
    return value;
  };
}

/** A key of the options with the named parts left out: equal keys, equal options in every other part. */
function optionsKey(
  options: ResolvedOptions,
  leaveOut: readonly (keyof ResolvedOptions)[],
): string {
  const rest: Partial<ResolvedOptions> = { ...options };
  for (const key of leaveOut) delete rest[key];
  return JSON.stringify(rest);
}

/** The factor values (five per city and topic, row-major) and caps, the capacity factor as the kernel that made them left it. */
interface FactorTable {
  readonly topics: readonly CompiledTopic[];
  readonly factors: Float64Array;
  readonly caps: Float64Array;
  /** The key of the capacity factor now in `factors`. */
  capacityKey: string;
}

function factorTable(cities: readonly CompiledCity[], topics: readonly Topic[], k: Kernel) {
  const compiled = topics.map((topic) => compileTopic(topic, k.options));
  const columns = compiled.length;
  const factors = new Float64Array(cities.length * columns * 5);
  const caps = new Float64Array(cities.length * columns);
  for (let i = 0; i < cities.length; i++) {
    const c = cities[i] as CompiledCity;
    for (let j = 0; j < columns; j++) {
      const t = compiled[j] as CompiledTopic;
      const cell = i * columns + j;
      evaluate(c, t, k, factors, 5 * cell, Bound.value);
      caps[cell] = capOf(c, t, false);
    }
  }
  return { topics: compiled, factors, caps, capacityKey: "" };
}

/** The capacity factor of every city on every topic under `k`. */
function capacityTable(
  cities: readonly CompiledCity[],
  topics: readonly CompiledTopic[],
  k: Kernel,
): Float64Array {
  const columns = topics.length;
  const out = new Float64Array(cities.length * columns);
  for (let i = 0; i < cities.length; i++) {
    const c = cities[i] as CompiledCity;
    for (let j = 0; j < columns; j++) {
      out[i * columns + j] = capacityOf(c, topics[j] as CompiledTopic, k, Bound.value);
    }
  }
  return out;
}

/**
 * Returns a function giving, for a scorer, the scores of `cities` on
 * `topics` as `scorer.matrix(cities, topics).scores` does, row-major (city
 * by topic), to the last bit; written into `out` when given (of length
 * cities × topics), so that a caller scoring thousands of scorers reuses one
 * array.
 */
export function scoreTable(
  cities: readonly City[],
  topics: readonly Topic[],
): (scorer: Scorer, out?: Float64Array) => Float64Array {
  const compiledCities = recentlyUsed<readonly CompiledCity[]>(KEPT_SETTINGS);
  const tables = recentlyUsed<FactorTable>(KEPT_SETTINGS);
  const capacities = recentlyUsed<Float64Array>(KEPT_SETTINGS);
  return (scorer, out) => {
    const { options } = scorer;
    const k = kernelOf(options);
    const compiled = compiledCities(optionsKey(options, ["weights", "capacity"]), () =>
      cities.map((city) => compileCity(city, k)),
    );
    const table = tables(optionsKey(options, ["weights", "capacity", "clout"]), () =>
      factorTable(compiled, topics, k),
    );
    const capacityKey = optionsKey(options, ["weights"]);
    if (table.capacityKey !== capacityKey) {
      const capacity = capacities(capacityKey, () => capacityTable(compiled, table.topics, k));
      for (let cell = 0; cell < capacity.length; cell++) {
        table.factors[5 * cell + CAPACITY] = capacity[cell] as number;
      }
      table.capacityKey = capacityKey;
    }
    const { factors, caps } = table;
    const scores = out ?? new Float64Array(caps.length);
    for (let cell = 0; cell < scores.length; cell++) {
      scores[cell] = aggregate(factors, 5 * cell, k) * (caps[cell] as number);
    }
    return scores;
  };
}
