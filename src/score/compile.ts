/**
 * The compiled form of cities and topics, and the one kernel that computes
 * factor values from them.
 *
 * Every score, whether from `relevance` or from `matrix`, comes out of
 * {@link evaluate} and {@link aggregate}, so the fast path equals the
 * explained path to the last bit.
 *
 * A factor is a function of the city's fields through per-topic lookup
 * tables. Each ordinal field is an index: its level's position in the
 * taxonomy, or one past the last level when unknown. The unknown slot of a
 * table holds the neutral value (the mean over the levels, each level equally
 * likely); the bounds tables hold the least and greatest value over the
 * levels there, and the known value elsewhere.
 *
 * @module
 */
import { bitCount, themeMask } from "../internal/bits";
import { ORDINAL_FIELD_PATHS, ORDINAL_FIELDS } from "../model/fields";
import type { City, Topic } from "../model/schemas";
import {
  AUTONOMIES,
  INCOME_TIERS,
  INTERNATIONAL_ROLES,
  NATIONAL_TIERS,
  REGIMES,
} from "../model/taxonomy";
import type { GateTopicAttribute, ResolvedOptions } from "./options";
import {
  AUTONOMY_POSITION,
  BUDGET_GOALPOSTS,
  CLOUT_POSITION,
  demandFit,
  goalpostPosition,
  MEANS_POSITION,
  METRO_GDP_GOALPOSTS,
  PRIORITY_FLOOR,
  REGIME_POSITION,
  ROLE_POSITION,
} from "./reference";

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

/** A city reduced to level indexes and positions. */
export interface CompiledCity {
  readonly city: City;
  readonly role: number;
  readonly tier: number;
  readonly income: number;
  readonly autonomy: number;
  readonly regime: number;
  /** Bit mask of priority themes, or -1 when unknown. */
  readonly priorities: number;
  /** The mean of the four means items (income, GDP, budget, office): neutral (unknown items at 0.5), least (at 0) and greatest (at 1). */
  readonly means: number;
  readonly meansLow: number;
  readonly meansHigh: number;
  /** Whether every means item is known. */
  readonly meansKnown: boolean;
}

function indexOrUnknown(levels: readonly string[], level: string | undefined): number {
  return level === undefined ? levels.length : levels.indexOf(level);
}

/** Compiles a city for the kernel. */
export function compileCity(city: City): CompiledCity {
  const resources = city.resources;
  const incomeTier = resources?.incomeTier;
  const gdp = resources?.metroGdpUsd;
  const budget = resources?.budgetUsd;
  const office = resources?.internationalOffice;
  const p0 = incomeTier === undefined ? undefined : MEANS_POSITION[incomeTier];
  const p1 = gdp === undefined ? undefined : goalpostPosition(gdp, METRO_GDP_GOALPOSTS);
  const p2 = budget === undefined ? undefined : goalpostPosition(budget, BUDGET_GOALPOSTS);
  const p3 = office === undefined ? undefined : office ? 1 : 0;
  const priorities = city.outlook?.priorities;
  return {
    city,
    role: indexOrUnknown(INTERNATIONAL_ROLES, city.outlook?.internationalRole),
    tier: indexOrUnknown(NATIONAL_TIERS, resources?.nationalTier),
    income: indexOrUnknown(INCOME_TIERS, incomeTier),
    autonomy: indexOrUnknown(AUTONOMIES, city.governance?.autonomy),
    regime: indexOrUnknown(REGIMES, city.governance?.regime),
    priorities: priorities === undefined ? -1 : themeMask(priorities),
    means: ((p0 ?? 0.5) + (p1 ?? 0.5) + (p2 ?? 0.5) + (p3 ?? 0.5)) / 4,
    meansLow: ((p0 ?? 0) + (p1 ?? 0) + (p2 ?? 0) + (p3 ?? 0)) / 4,
    meansHigh: ((p0 ?? 1) + (p1 ?? 1) + (p2 ?? 1) + (p3 ?? 1)) / 4,
    meansKnown:
      incomeTier !== undefined && gdp !== undefined && budget !== undefined && office !== undefined,
  };
}

/** A gate that this topic triggers, reduced to a field slot, a level mask and a cap. */
export interface CompiledGate {
  readonly index: number;
  /** 0 role, 1 tier, 2 income, 3 autonomy, 4 regime. */
  readonly slot: number;
  readonly mask: number;
  readonly cap: number;
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
  readonly clout: LevelTable;
  readonly resourcesDemand: number;
  readonly authority: LevelTable;
  readonly values: LevelTable;
  readonly gates: readonly CompiledGate[];
  /** Per gated slot: the cap at each level, surely (`sure`) and possibly (`possible`, differs at the unknown index). */
  readonly caps: readonly CapTable[];
}

/** The caps the gates on one slot set, by the city's level index there. */
export interface CapTable {
  readonly slot: number;
  readonly sure: Float64Array;
  readonly possible: Float64Array;
}

function capTables(gates: readonly CompiledGate[]): CapTable[] {
  const tables: CapTable[] = [];
  for (const gate of gates) {
    let table = tables.find((x) => x.slot === gate.slot);
    if (table === undefined) {
      const n = GATE_SLOT_LEVEL_COUNTS[gate.slot] as number;
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
  switch (attribute) {
    case "internationalFacing":
      return topic.internationalFacing;
    case "demands.clout":
      return topic.demands.clout;
    case "demands.resources":
      return topic.demands.resources;
    case "demands.autonomy":
      return topic.demands.autonomy;
    case "liberalNorms":
      return topic.liberalNorms;
    case "sensitivity":
      return topic.sensitivity;
  }
}

/**
 * The values factor at a liberal alignment `a`: the fit of the topic's
 * liberal-norm rootedness times the fit of its political sensitivity. Both
 * fall as alignment falls, and each alone can sink the factor.
 */
function valuesAt(alignment: number, topic: Topic): number {
  return demandFit(alignment, topic.liberalNorms) * demandFit(alignment, topic.sensitivity);
}

/** Compiles a topic for the kernel under the given options' gates. */
export function compileTopic(topic: Topic, options: ResolvedOptions): CompiledTopic {
  const byIncome = topic.salience?.byIncome;
  const byTier = topic.salience?.byTier;
  const gates: CompiledGate[] = [];
  options.gates.forEach((gate, index) => {
    if (topicAttribute(topic, gate.topicAttribute) < gate.atLeast) return;
    // A gate's slot is its field's position among the ordinal fields (see slotLevel).
    const slot = ORDINAL_FIELD_PATHS.indexOf(gate.field);
    const levels: readonly string[] = ORDINAL_FIELDS[gate.field].levels;
    let mask = 0;
    for (const level of gate.levels) mask |= 1 << levels.indexOf(level);
    gates.push({ index, slot, mask, cap: gate.cap });
  });
  return {
    topic,
    themes: themeMask(topic.themes),
    themeCount: topic.themes.length,
    outlook: levelTable(
      INTERNATIONAL_ROLES.map((role) => demandFit(ROLE_POSITION[role], topic.internationalFacing)),
    ),
    salienceIncome: byIncome && levelTable(INCOME_TIERS.map((tier) => byIncome[tier])),
    salienceTier: byTier && levelTable(NATIONAL_TIERS.map((tier) => byTier[tier])),
    salienceParts: 1 + (byIncome ? 1 : 0) + (byTier ? 1 : 0),
    clout: levelTable(
      NATIONAL_TIERS.map((tier) => demandFit(CLOUT_POSITION[tier], topic.demands.clout)),
    ),
    resourcesDemand: topic.demands.resources,
    authority: levelTable(
      AUTONOMIES.map((level) => demandFit(AUTONOMY_POSITION[level], topic.demands.autonomy)),
    ),
    values: levelTable(REGIMES.map((regime) => valuesAt(REGIME_POSITION[regime], topic))),
    gates,
    caps: capTables(gates),
  };
}

/** The neutral value of the priorities part of salience when the priorities are unknown. */
const PRIORITY_NEUTRAL = (PRIORITY_FLOOR + 1) / 2;

/** The priorities part of salience for a known priority mask. */
function priorityMatch(cityMask: number, topic: CompiledTopic): number {
  const share = bitCount(cityMask & topic.themes) / topic.themeCount;
  return PRIORITY_FLOOR + (1 - PRIORITY_FLOOR) * share;
}

/** Capacity: half clout (to command attention), half means (to follow through). */
function capacityOf(cloutFit: number, resourcesDemand: number, means: number): number {
  return 0.5 * cloutFit + 0.5 * demandFit(means, resourcesDemand);
}

/**
 * Which row of the tables a field index reads, as the row's offset: the
 * neutral values for the score, or the least or greatest values for the
 * bounds. Offsets rather than names, so that the kernel reads every table
 * the same way whichever bound it computes.
 */
export const Bound = { value: 0, low: ROW, high: 2 * ROW } as const;

/** The row offset of a {@link Bound}. */
export type Bound = (typeof Bound)[keyof typeof Bound];

/**
 * Writes the five factor values of a city on a topic into `out` (in FACTORS
 * order): the neutral values for `Bound.value`, else the least or greatest
 * values over the unknown fields. Each factor is monotone in each of its
 * inputs, so the bounds are the factor's exact range.
 */
export function evaluate(c: CompiledCity, t: CompiledTopic, out: Float64Array, row: Bound): void {
  out[0] = t.outlook[row + c.role] as number;
  let salience =
    c.priorities >= 0
      ? priorityMatch(c.priorities, t)
      : row === Bound.value
        ? PRIORITY_NEUTRAL
        : row === Bound.low
          ? PRIORITY_FLOOR
          : 1;
  if (t.salienceIncome !== undefined) salience += t.salienceIncome[row + c.income] as number;
  if (t.salienceTier !== undefined) salience += t.salienceTier[row + c.tier] as number;
  out[1] = salience / t.salienceParts;
  const means = row === Bound.value ? c.means : row === Bound.low ? c.meansLow : c.meansHigh;
  out[2] = capacityOf(t.clout[row + c.tier] as number, t.resourcesDemand, means);
  out[3] = t.authority[row + c.autonomy] as number;
  out[4] = t.values[row + c.regime] as number;
}

/**
 * The score of a city on a topic: the neutral factor values of
 * {@link evaluate}, aggregated by {@link aggregate} and capped by the gates
 * that surely hold ({@link capOf}), fused into one pass without the
 * intermediate array. It performs the same floating-point operations in the
 * same order as those three, so its result equals theirs to the last bit (a
 * property test checks it); `relevance` and `matrix` both take the score from
 * here.
 */
export function scoreOf(
  c: CompiledCity,
  t: CompiledTopic,
  w: readonly number[],
  geometric: boolean,
): number {
  const f0 = t.outlook[c.role] as number;
  let salience = c.priorities >= 0 ? priorityMatch(c.priorities, t) : PRIORITY_NEUTRAL;
  const income = t.salienceIncome;
  if (income !== undefined) salience += income[c.income] as number;
  const tier = t.salienceTier;
  if (tier !== undefined) salience += tier[c.tier] as number;
  const f1 = salience / t.salienceParts;
  const f2 = capacityOf(t.clout[c.tier] as number, t.resourcesDemand, c.means);
  const f3 = t.authority[c.autonomy] as number;
  const f4 = t.values[c.regime] as number;
  const raw = geometric
    ? f0 ** (w[0] as number) *
      f1 ** (w[1] as number) *
      f2 ** (w[2] as number) *
      f3 ** (w[3] as number) *
      f4 ** (w[4] as number)
    : (w[0] as number) * f0 +
      (w[1] as number) * f1 +
      (w[2] as number) * f2 +
      (w[3] as number) * f3 +
      (w[4] as number) * f4;
  return Math.min(raw, capOf(c, t, false));
}

/** The level index of the city field in a gate slot: the slots follow ORDINAL_FIELD_PATHS. */
function slotLevel(c: CompiledCity, slot: number): number {
  switch (slot) {
    case 0:
      return c.role;
    case 1:
      return c.tier;
    case 2:
      return c.income;
    case 3:
      return c.autonomy;
    default:
      return c.regime;
  }
}

/** Whether a gate holds for a city: `1` surely, `0` possibly (its field is unknown), `-1` not. */
export function gateHolds(c: CompiledCity, gate: CompiledGate): -1 | 0 | 1 {
  const level = slotLevel(c, gate.slot);
  const unknownIndex = GATE_SLOT_LEVEL_COUNTS[gate.slot] as number;
  if (level === unknownIndex) return 0;
  return (gate.mask >>> level) & 1 ? 1 : -1;
}

/** The number of levels of each slot's field (its unknown index). */
const GATE_SLOT_LEVEL_COUNTS = ORDINAL_FIELD_PATHS.map(
  (path) => ORDINAL_FIELDS[path].levels.length,
);

/**
 * The lowest cap among the topic's gates that hold for the city: surely
 * (`includePossible` false) or possibly (true). 1 when none does.
 */
export function capOf(c: CompiledCity, t: CompiledTopic, includePossible: boolean): number {
  let cap = 1;
  const caps = t.caps;
  for (let k = 0; k < caps.length; k++) {
    const table = caps[k] as CapTable;
    const level = slotLevel(c, table.slot);
    const v = (includePossible ? table.possible : table.sure)[level] as number;
    if (v < cap) cap = v;
  }
  return cap;
}

/**
 * Combines factor values into the uncapped score: the weighted arithmetic
 * mean, or the weighted geometric mean (`Math.pow(f, 0)` is 1, so a factor
 * of weight 0 drops out of either).
 */
export function aggregate(f: Float64Array, w: readonly number[], geometric: boolean): number {
  const w0 = w[0] as number;
  const w1 = w[1] as number;
  const w2 = w[2] as number;
  const w3 = w[3] as number;
  const w4 = w[4] as number;
  if (geometric) {
    return (
      (f[0] as number) ** w0 *
      (f[1] as number) ** w1 *
      (f[2] as number) ** w2 *
      (f[3] as number) ** w3 *
      (f[4] as number) ** w4
    );
  }
  return (
    w0 * (f[0] as number) +
    w1 * (f[1] as number) +
    w2 * (f[2] as number) +
    w3 * (f[3] as number) +
    w4 * (f[4] as number)
  );
}
