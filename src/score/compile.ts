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
import type { City, Topic } from "../model/schemas";
import {
  AUTONOMIES,
  INCOME_TIERS,
  INTERNATIONAL_ROLES,
  NATIONAL_TIERS,
  REGIMES,
  THEMES,
} from "../model/taxonomy";
import type { GateField, GateTopicAttribute, ResolvedOptions } from "./options";
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

/** A per-level table: `value[i]` for level i, `value[n]` neutral for unknown; `low`/`high` bound the unknown slot. */
export interface LevelTable {
  readonly value: Float64Array;
  readonly low: Float64Array;
  readonly high: Float64Array;
}

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
  const value = Float64Array.from([...values, neutral]);
  const low = Float64Array.from([...values, min]);
  const high = Float64Array.from([...values, max]);
  return { value, low, high };
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
  /** Mean of the four means items (income, GDP, budget, office): neutral, least and greatest. */
  readonly means: number;
  readonly meansLow: number;
  readonly meansHigh: number;
  /** Whether every means item is known. */
  readonly meansKnown: boolean;
}

function indexOrUnknown(levels: readonly string[], level: string | undefined): number {
  return level === undefined ? levels.length : levels.indexOf(level);
}

function themeMask(themes: readonly string[]): number {
  let mask = 0;
  for (const theme of themes) mask |= 1 << THEMES.indexOf(theme as (typeof THEMES)[number]);
  return mask;
}

/** An item of the means on 0..1, and its neutral value and range when unknown. */
function item(position: number | undefined): readonly [number, number, number] {
  return position === undefined ? [0.5, 0, 1] : [position, position, position];
}

/** Compiles a city for the kernel. */
export function compileCity(city: City): CompiledCity {
  const resources = city.resources;
  const incomeTier = resources?.incomeTier;
  const gdp = resources?.metroGdpUsd;
  const budget = resources?.budgetUsd;
  const office = resources?.internationalOffice;
  const items = [
    item(incomeTier === undefined ? undefined : MEANS_POSITION[incomeTier]),
    item(gdp === undefined ? undefined : goalpostPosition(gdp, METRO_GDP_GOALPOSTS)),
    item(budget === undefined ? undefined : goalpostPosition(budget, BUDGET_GOALPOSTS)),
    item(office === undefined ? undefined : office ? 1 : 0),
  ] as const;
  const meanOf = (k: 0 | 1 | 2) => (items[0][k] + items[1][k] + items[2][k] + items[3][k]) / 4;
  const priorities = city.outlook?.priorities;
  return {
    city,
    role: indexOrUnknown(INTERNATIONAL_ROLES, city.outlook?.internationalRole),
    tier: indexOrUnknown(NATIONAL_TIERS, resources?.nationalTier),
    income: indexOrUnknown(INCOME_TIERS, incomeTier),
    autonomy: indexOrUnknown(AUTONOMIES, city.governance?.autonomy),
    regime: indexOrUnknown(REGIMES, city.governance?.regime),
    priorities: priorities === undefined ? -1 : themeMask(priorities),
    means: meanOf(0),
    meansLow: meanOf(1),
    meansHigh: meanOf(2),
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
}

const GATE_SLOTS: Readonly<Record<GateField, { slot: number; levels: readonly string[] }>> = {
  "outlook.internationalRole": { slot: 0, levels: INTERNATIONAL_ROLES },
  "resources.nationalTier": { slot: 1, levels: NATIONAL_TIERS },
  "resources.incomeTier": { slot: 2, levels: INCOME_TIERS },
  "governance.autonomy": { slot: 3, levels: AUTONOMIES },
  "governance.regime": { slot: 4, levels: REGIMES },
};

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
    const { slot, levels } = GATE_SLOTS[gate.field];
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
  };
}

/** The neutral value of the priorities part of salience when the priorities are unknown. */
const PRIORITY_NEUTRAL = (PRIORITY_FLOOR + 1) / 2;

function popcount(mask: number): number {
  let m = mask - ((mask >>> 1) & 0x55555555);
  m = (m & 0x33333333) + ((m >>> 2) & 0x33333333);
  return (((m + (m >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The priorities part of salience for a known priority mask. */
function priorityMatch(cityMask: number, topic: CompiledTopic): number {
  const share = popcount(cityMask & topic.themes) / topic.themeCount;
  return PRIORITY_FLOOR + (1 - PRIORITY_FLOOR) * share;
}

/** Capacity: half clout (to command attention), half means (to follow through). */
function capacityOf(cloutFit: number, resourcesDemand: number, means: number): number {
  return 0.5 * cloutFit + 0.5 * demandFit(means, resourcesDemand);
}

/** Which table entry a field index reads: `value` for the score, `low` or `high` for bounds. */
export type Bound = "value" | "low" | "high";

/**
 * Writes the five factor values of a city on a topic into `out` (in FACTORS
 * order): the neutral values when `bound` is `"value"`, else the least or
 * greatest values over the unknown fields. Each factor is monotone in each
 * of its inputs, so the bounds are the factor's exact range.
 */
export function evaluate(c: CompiledCity, t: CompiledTopic, out: Float64Array, bound: Bound): void {
  out[0] = t.outlook[bound][c.role] as number;
  let salience =
    c.priorities < 0
      ? bound === "value"
        ? PRIORITY_NEUTRAL
        : bound === "low"
          ? PRIORITY_FLOOR
          : 1
      : priorityMatch(c.priorities, t);
  if (t.salienceIncome !== undefined) salience += t.salienceIncome[bound][c.income] as number;
  if (t.salienceTier !== undefined) salience += t.salienceTier[bound][c.tier] as number;
  out[1] = salience / t.salienceParts;
  const means = bound === "value" ? c.means : bound === "low" ? c.meansLow : c.meansHigh;
  out[2] = capacityOf(t.clout[bound][c.tier] as number, t.resourcesDemand, means);
  out[3] = t.authority[bound][c.autonomy] as number;
  out[4] = t.values[bound][c.regime] as number;
}

/** The level index of the city field in a gate slot. */
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

const GATE_SLOT_LEVEL_COUNTS = [
  INTERNATIONAL_ROLES.length,
  NATIONAL_TIERS.length,
  INCOME_TIERS.length,
  AUTONOMIES.length,
  REGIMES.length,
];

/**
 * The lowest cap among the topic's gates that hold for the city: surely
 * (`includePossible` false) or possibly (true). 1 when none does.
 */
export function capOf(c: CompiledCity, t: CompiledTopic, includePossible: boolean): number {
  let cap = 1;
  for (const gate of t.gates) {
    const holds = gateHolds(c, gate);
    if ((holds === 1 || (includePossible && holds === 0)) && gate.cap < cap) cap = gate.cap;
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
