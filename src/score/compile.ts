/**
 * The compiled form of cities and topics, and the one kernel that computes
 * factor values and scores from them.
 *
 * Every score, whether from `relevance` or from `matrix`, comes out of
 * {@link scoreOf}, which reads the factor values {@link evaluate} writes and
 * combines them with {@link aggregate}; the explained path reads the same
 * values, so the fast path equals it to the last bit.
 *
 * A factor is a function of the city's fields through per-topic lookup
 * tables. Each ordinal field is an index: its level's position in the
 * taxonomy, or one past the last level when unknown. The unknown slot of a
 * table holds the neutral value (the mean over the levels, each level equally
 * likely); the bounds tables hold the least and greatest value over the
 * levels there, and the known value elsewhere. Clout and means, which mix a
 * level with raw figures, are computed once per city as a (value, least,
 * greatest) triple.
 *
 * @module
 */
import { bitCount, themeMask } from "../internal/bits";
import { ORDINAL_FIELD_PATHS, ORDINAL_FIELDS, type OrdinalField } from "../model/fields";
import type { City, Topic } from "../model/schemas";
import {
  AUTONOMIES,
  INCOME_TIERS,
  INTERNATIONAL_ROLES,
  NATIONAL_TIERS,
  REGIMES,
} from "../model/taxonomy";
import type { GateTopicAttribute } from "./gates";
import type { ResolvedOptions } from "./options";
import * as reference from "./reference";

/**
 * A per-level table as three rows of one array, at offsets 0 (`value`), ROW
 * (`low`) and 2 * ROW (`high`): entry i of a row is level i, entry n the
 * unknown slot, holding the neutral value in `value` and the least and
 * greatest value over the levels in `low` and `high`. `evaluate` picks a row
 * by offset, so that no lookup depends on the name of a bound.
 */
export type LevelTable = Float64Array;

/** The length of a row of a LevelTable: more than the levels of any scale, plus the unknown slot. */
const ROW = 8;

/**
 * Which row of the tables a field index reads, as the row's offset: the
 * neutral values for the score, or the least or greatest values for the
 * bounds.
 */
export const Bound = { value: 0, low: ROW, high: 2 * ROW } as const;

/** The row offset of a {@link Bound}. */
export type Bound = (typeof Bound)[keyof typeof Bound];

function levelTable(values: readonly number[]): LevelTable {
  const n = values.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
  }
  // Clamped because a rounded mean of equal values can overshoot them by one ulp.
  const neutral = Math.min(max, Math.max(min, sum / n));
  const table = new Float64Array(3 * ROW);
  table.set([...values, neutral], 0);
  table.set([...values, min], ROW);
  table.set([...values, max], 2 * ROW);
  return table;
}

/** The aggregation as a number the kernel branches on. */
const NEED_FIRST = 0;
const ARITHMETIC = 1;
/** The kernel's code for the arithmetic mean, for callers that branch on it. */
export const ARITHMETIC_MODE = ARITHMETIC;
const GEOMETRIC = 2;

/** A scorer's options as the kernel reads them. */
export interface Kernel {
  readonly options: ResolvedOptions;
  /** {@link NEED_FIRST}, {@link ARITHMETIC} or {@link GEOMETRIC}. */
  readonly mode: number;
  /** The normalised factor weights, in FACTORS order. */
  readonly w: Float64Array;
  /** Feasibility's weights: the four factors other than salience, normalised to sum to 1 (salience's entry 0). */
  readonly v: Float64Array;
  /** 1 when all four feasibility weights are 0 (feasibility is then 1), else 0. */
  readonly vConst: number;
  /** Capacity's weights of clout and means (sum 1). */
  readonly clout: number;
  readonly means: number;
  /** The weight of absolute size beside the tier in clout. */
  readonly size: number;
  /** How far GaWC standing and being the national capital raise clout above the national position. */
  readonly connectivity: number;
  readonly capital: number;
}

/** The kernel form of resolved options. */
export function kernelOf(options: ResolvedOptions): Kernel {
  const w = Float64Array.from(options.weights);
  const feasible = (w[0] as number) + (w[2] as number) + (w[3] as number) + (w[4] as number);
  const v = new Float64Array(5);
  if (feasible > 0) for (const k of [0, 2, 3, 4]) v[k] = (w[k] as number) / feasible;
  return {
    options,
    mode:
      options.aggregation === "need-first"
        ? NEED_FIRST
        : options.aggregation === "arithmetic"
          ? ARITHMETIC
          : GEOMETRIC,
    w,
    v,
    vConst: feasible > 0 ? 0 : 1,
    clout: options.capacity.clout,
    means: options.capacity.means,
    size: options.clout.size,
    connectivity: options.clout.connectivity,
    capital: options.clout.capital,
  };
}

/** The position of each field path among the ordinal fields: its slot in `CompiledCity.levels`. */
const slotOf = (path: OrdinalField) => ORDINAL_FIELD_PATHS.indexOf(path);
const ROLE = slotOf("outlook.internationalRole");
const TIER = slotOf("resources.nationalTier");
const INCOME = slotOf("resources.incomeTier");
const AUTONOMY = slotOf("governance.autonomy");
const REGIME = slotOf("governance.regime");

/** The number of levels of each slot's field (its unknown index). */
const SLOT_LEVEL_COUNTS = ORDINAL_FIELD_PATHS.map((path) => ORDINAL_FIELDS[path].levels.length);

/** A (value, least, greatest) triple, indexed by `row >> 3`. */
export type Triple = readonly [number, number, number];

/** A city reduced to level indexes and positions. */
export interface CompiledCity {
  readonly city: City;
  /** The level index of each ordinal field, in registry order (one past the last level when unknown). */
  readonly levels: readonly number[];
  readonly role: number;
  readonly tier: number;
  readonly income: number;
  readonly autonomy: number;
  readonly regime: number;
  /** Bit mask of priority themes, or -1 when unknown. */
  readonly priorities: number;
  /**
   * Clout on 0..1: the tier's position, blended with absolute size when the
   * population is known, raised by GaWC standing and capital status when known.
   */
  readonly clout: Triple;
  /** Means on 0..1: the income tier's position and the known raw figures' positions, averaged. */
  readonly means: Triple;
}

/**
 * Whether every input of each factor that can widen its interval is known,
 * in FACTORS order, read from the compiled levels (so from the city as it
 * was compiled, whatever happens to the city object later).
 */
export function factorKnown(c: CompiledCity, t: CompiledTopic): boolean[] {
  const known = (slot: number) => c.levels[slot] !== SLOT_LEVEL_COUNTS[slot];
  const tier = known(TIER);
  const income = known(INCOME);
  return [
    known(ROLE),
    c.priorities >= 0 &&
      (t.salienceIncome === undefined || income) &&
      (t.salienceTier === undefined || tier),
    tier && income,
    known(AUTONOMY),
    known(REGIME),
  ];
}

const CLOUT_TABLE = levelTable(NATIONAL_TIERS.map((tier) => reference.CLOUT_POSITION[tier]));
const MEANS_TABLE = levelTable(INCOME_TIERS.map((tier) => reference.MEANS_POSITION[tier]));

/**
 * Clout: the national position, the tier's position T or, where the
 * population is known, T blended with its position S on the population
 * goalposts as (T + size·S) / (1 + size); then raised toward 1 by standing
 * beyond the country, b = min(1, connectivity·G + capital·C) with G the GaWC
 * position and C 1 for a national capital, as national + (1 − national)·b.
 * An unknown GaWC class or capital status adds nothing (b is the same at
 * every bound), so it never widens the interval; and as b is the same for
 * the three entries of the triple, the bounds keep their order.
 */
function cloutOf(city: City, tier: number, k: Kernel): Triple {
  let value = CLOUT_TABLE[Bound.value + tier] as number;
  let low = CLOUT_TABLE[Bound.low + tier] as number;
  let high = CLOUT_TABLE[Bound.high + tier] as number;
  const people = city.metroPopulation ?? city.population;
  if (people !== undefined && k.size !== 0) {
    const s = k.size * reference.goalpostPosition(people, reference.POPULATION_GOALPOSTS);
    const d = 1 + k.size;
    value = (value + s) / d;
    low = (low + s) / d;
    high = (high + s) / d;
  }
  const connectivity = city.resources?.connectivity;
  let raise = 0;
  if (connectivity !== undefined)
    raise += k.connectivity * reference.connectivityPosition(connectivity);
  if (city.capital === true) raise += k.capital;
  if (raise === 0) return [value, low, high];
  const b = Math.min(1, raise);
  return [value + (1 - value) * b, low + (1 - low) * b, high + (1 - high) * b];
}

/**
 * Means: the mean of the income tier's position and the positions of the raw
 * figures that are known (metro GDP, budget, an international office). An
 * unknown raw figure is left out rather than counted at every value it could
 * take: it refines what the income tier says when known and never widens the
 * interval when not.
 */
function meansOf(city: City, income: number): Triple {
  const r = city.resources;
  let sum = 0;
  let n = 1;
  if (r?.metroGdpUsd !== undefined) {
    sum += reference.goalpostPosition(r.metroGdpUsd, reference.METRO_GDP_GOALPOSTS);
    n++;
  }
  if (r?.budgetUsd !== undefined) {
    sum += reference.goalpostPosition(r.budgetUsd, reference.BUDGET_GOALPOSTS);
    n++;
  }
  if (r?.internationalOffice !== undefined) {
    sum += r.internationalOffice ? 1 : 0;
    n++;
  }
  return [
    ((MEANS_TABLE[Bound.value + income] as number) + sum) / n,
    ((MEANS_TABLE[Bound.low + income] as number) + sum) / n,
    ((MEANS_TABLE[Bound.high + income] as number) + sum) / n,
  ];
}

/** The ordinal fields as the compiler reads them, in registry order. */
const FIELD_READERS: readonly {
  readonly levels: readonly string[];
  readonly read: (city: City) => string | undefined;
}[] = ORDINAL_FIELD_PATHS.map((path) => ORDINAL_FIELDS[path]);

/** Compiles a city for the kernel. */
export function compileCity(city: City, k: Kernel): CompiledCity {
  const levels = FIELD_READERS.map((field) => {
    const level = field.read(city);
    return level === undefined ? field.levels.length : field.levels.indexOf(level);
  });
  const priorities = city.outlook?.priorities;
  const tier = levels[TIER] as number;
  const income = levels[INCOME] as number;
  return {
    city,
    levels,
    role: levels[ROLE] as number,
    tier,
    income,
    autonomy: levels[AUTONOMY] as number,
    regime: levels[REGIME] as number,
    priorities: priorities === undefined ? -1 : themeMask(priorities),
    clout: cloutOf(city, tier, k),
    means: meansOf(city, income),
  };
}

/** A gate that this topic triggers, reduced to a field slot, a level mask and a cap. */
export interface CompiledGate {
  /** Its index among the options' gates. */
  readonly index: number;
  /** Its field's slot in `CompiledCity.levels`. */
  readonly slot: number;
  readonly mask: number;
  readonly cap: number;
}

/** The caps the gates on one slot set, by the city's level index there. */
export interface CapTable {
  readonly slot: number;
  /** The cap at each level index, where the gate surely holds (1 at the unknown index). */
  readonly sure: Float64Array;
  /** As `sure`, and at the unknown index the least cap a level could bring. */
  readonly possible: Float64Array;
}

/** A topic reduced to lookup tables. */
export interface CompiledTopic {
  readonly topic: Topic;
  readonly themes: number;
  readonly themeCount: number;
  readonly outlook: LevelTable;
  readonly salienceIncome: LevelTable | undefined;
  readonly salienceTier: LevelTable | undefined;
  readonly salienceParts: number;
  readonly cloutDemand: number;
  readonly resourcesDemand: number;
  readonly authority: LevelTable;
  readonly values: LevelTable;
  readonly gates: readonly CompiledGate[];
  readonly caps: readonly CapTable[];
}

function capTables(gates: readonly CompiledGate[]): CapTable[] {
  const tables: CapTable[] = [];
  for (const gate of gates) {
    let table = tables.find((x) => x.slot === gate.slot);
    if (table === undefined) {
      const n = SLOT_LEVEL_COUNTS[gate.slot] as number;
      table = {
        slot: gate.slot,
        sure: new Float64Array(n + 1).fill(1),
        possible: new Float64Array(n + 1).fill(1),
      };
      tables.push(table);
    }
    const n = table.sure.length - 1;
    for (let level = 0; level < n; level++) {
      if ((gate.mask >>> level) & 1 && gate.cap < (table.sure[level] as number)) {
        table.sure[level] = gate.cap;
        table.possible[level] = gate.cap;
      }
    }
    if (gate.cap < (table.possible[n] as number)) table.possible[n] = gate.cap;
  }
  return tables;
}

/** The value of the topic attribute a gate tests. */
export function topicAttribute(topic: Topic, attribute: GateTopicAttribute): number {
  if (attribute.startsWith("demands.")) {
    return topic.demands[attribute.slice(8) as keyof Topic["demands"]];
  }
  return topic[attribute as "internationalFacing" | "liberalNorms" | "sensitivity"];
}

/** The gates of the options that this topic triggers. */
function compileGates(topic: Topic, options: ResolvedOptions): CompiledGate[] {
  const gates: CompiledGate[] = [];
  options.gates.forEach((gate, index) => {
    if (topicAttribute(topic, gate.topicAttribute) < gate.atLeast) return;
    const levels: readonly string[] = ORDINAL_FIELDS[gate.field].levels;
    let mask = 0;
    for (const level of gate.levels) mask |= 1 << levels.indexOf(level);
    gates.push({ index, slot: slotOf(gate.field), mask, cap: gate.cap });
  });
  return gates;
}

/**
 * The values factor at a liberal alignment `a`: the fit of the topic's
 * liberal-norm rootedness times the fit of its political sensitivity. Both
 * fall as alignment falls, and each alone can sink the factor.
 */
function valuesAt(alignment: number, topic: Topic): number {
  return (
    reference.demandFit(alignment, topic.liberalNorms) *
    reference.demandFit(alignment, topic.sensitivity)
  );
}

/** Compiles a topic for the kernel under the given options' gates. */
export function compileTopic(topic: Topic, options: ResolvedOptions): CompiledTopic {
  const byIncome = topic.salience?.byIncome;
  const byTier = topic.salience?.byTier;
  const gates = compileGates(topic, options);
  return {
    topic,
    themes: themeMask(topic.themes),
    themeCount: topic.themes.length,
    outlook: levelTable(
      INTERNATIONAL_ROLES.map((role) =>
        reference.demandFit(reference.ROLE_POSITION[role], topic.internationalFacing),
      ),
    ),
    salienceIncome: byIncome && levelTable(INCOME_TIERS.map((tier) => byIncome[tier])),
    salienceTier: byTier && levelTable(NATIONAL_TIERS.map((tier) => byTier[tier])),
    salienceParts: 1 + (byIncome ? 1 : 0) + (byTier ? 1 : 0),
    cloutDemand: topic.demands.clout,
    resourcesDemand: topic.demands.resources,
    authority: levelTable(
      AUTONOMIES.map((level) =>
        reference.demandFit(reference.AUTONOMY_POSITION[level], topic.demands.autonomy),
      ),
    ),
    values: levelTable(REGIMES.map((regime) => valuesAt(reference.REGIME_POSITION[regime], topic))),
    gates,
    caps: capTables(gates),
  };
}

/** The neutral value of the priorities part of salience when the priorities are unknown. */
export const PRIORITY_NEUTRAL = (reference.PRIORITY_FLOOR + 1) / 2;

/** The priorities part of salience: from the floor (no theme shared) to 1 (every theme). */
function priorityPart(c: CompiledCity, t: CompiledTopic, row: Bound): number {
  if (c.priorities >= 0) {
    const share = bitCount(c.priorities & t.themes) / t.themeCount;
    return reference.PRIORITY_FLOOR + (1 - reference.PRIORITY_FLOOR) * share;
  }
  return row === Bound.value ? PRIORITY_NEUTRAL : row === Bound.low ? reference.PRIORITY_FLOOR : 1;
}

/** Salience: the mean of the priorities part and the topic's income and tier tables. */
function salienceOf(c: CompiledCity, t: CompiledTopic, row: Bound): number {
  let salience = priorityPart(c, t, row);
  const income = t.salienceIncome;
  if (income !== undefined) salience += income[row + c.income] as number;
  const tier = t.salienceTier;
  if (tier !== undefined) salience += tier[row + c.tier] as number;
  return salience / t.salienceParts;
}

/** Capacity: clout (to command attention) and means (to follow through), each against the topic's demand. */
export function capacityOf(c: CompiledCity, t: CompiledTopic, k: Kernel, row: Bound): number {
  const i = row >> 3;
  return (
    k.clout * reference.demandFit(c.clout[i] as number, t.cloutDemand) +
    k.means * reference.demandFit(c.means[i] as number, t.resourcesDemand)
  );
}

/**
 * Writes the five factor values of a city on a topic into `out` from `at`
 * (in FACTORS order): the neutral values for `Bound.value`, else the least or
 * greatest values over the unknown fields. Each factor is monotone in each of
 * its inputs, so the bounds are the factor's exact range.
 */
export function evaluate(
  c: CompiledCity,
  t: CompiledTopic,
  k: Kernel,
  out: Float64Array,
  at: number,
  row: Bound,
): void {
  out[at] = t.outlook[row + c.role] as number;
  out[at + 1] = salienceOf(c, t, row);
  out[at + 2] = capacityOf(c, t, k, row);
  out[at + 3] = t.authority[row + c.autonomy] as number;
  out[at + 4] = t.values[row + c.regime] as number;
}

/**
 * Combines the five factor values at `f[at..at+4]` into the score before
 * gates, on 0..1: salience times feasibility (need-first), or the weighted
 * arithmetic or geometric mean (`Math.pow(f, 0)` is 1, so a factor of weight
 * 0 drops out of either). Nondecreasing in every factor.
 */
export function aggregate(f: Float64Array, at: number, k: Kernel): number {
  return combine(
    f[at] as number,
    f[at + 1] as number,
    f[at + 2] as number,
    f[at + 3] as number,
    f[at + 4] as number,
    k,
  );
}

/** {@link aggregate} of five factor values given one by one, in FACTORS order. */
function combine(f0: number, f1: number, f2: number, f3: number, f4: number, k: Kernel): number {
  const w = k.w;
  if (k.mode === NEED_FIRST) {
    const v = k.v;
    const feasibility =
      (v[0] as number) * f0 +
      (v[2] as number) * f2 +
      (v[3] as number) * f3 +
      (v[4] as number) * f4 +
      k.vConst;
    return f1 * Math.min(1, feasibility);
  }
  if (k.mode === ARITHMETIC) {
    const mean =
      (w[0] as number) * f0 +
      (w[1] as number) * f1 +
      (w[2] as number) * f2 +
      (w[3] as number) * f3 +
      (w[4] as number) * f4;
    return Math.min(1, mean);
  }
  return Math.min(
    1,
    f0 ** (w[0] as number) *
      f1 ** (w[1] as number) *
      f2 ** (w[2] as number) *
      f3 ** (w[3] as number) *
      f4 ** (w[4] as number),
  );
}

/**
 * The factor by which the topic's gates multiply a city's score: the lowest
 * cap among the gates that hold, surely (`includePossible` false) or
 * possibly (true); 1 when none does.
 */
export function capOf(c: CompiledCity, t: CompiledTopic, includePossible: boolean): number {
  let cap = 1;
  const caps = t.caps;
  for (let k = 0; k < caps.length; k++) {
    const table = caps[k] as CapTable;
    const level = c.levels[table.slot] as number;
    const v = (includePossible ? table.possible : table.sure)[level] as number;
    if (v < cap) cap = v;
  }
  return cap;
}

/** Whether a gate holds for a city: `1` surely, `0` possibly (its field is unknown), `-1` not. */
export function gateHolds(c: CompiledCity, gate: CompiledGate): -1 | 0 | 1 {
  const level = c.levels[gate.slot] as number;
  if (level === SLOT_LEVEL_COUNTS[gate.slot]) return 0;
  return (gate.mask >>> level) & 1 ? 1 : -1;
}

/**
 * The score of a city on a topic: its neutral factor values (as
 * {@link evaluate} writes them), combined as {@link aggregate} combines them
 * and multiplied by the gates that surely hold ({@link capOf}), in one pass
 * without an intermediate array. `relevance` and `matrix` both take the
 * score from here.
 */
export function scoreOf(c: CompiledCity, t: CompiledTopic, k: Kernel): number {
  const row = Bound.value;
  const f0 = t.outlook[row + c.role] as number;
  const f1 = salienceOf(c, t, row);
  const f2 = capacityOf(c, t, k, row);
  const f3 = t.authority[row + c.autonomy] as number;
  const f4 = t.values[row + c.regime] as number;
  return combine(f0, f1, f2, f3, f4, k) * capOf(c, t, false);
}
