/**
 * What sets a group of cities apart from the whole set, as data and as a
 * plain-language noun phrase.
 *
 * @module
 */
import { joinWithAnd } from "../internal/text";
import {
  CITY_FIELDS,
  levelPhrases,
  levelReader,
  type OrdinalField,
  themeWords,
} from "../model/fields";
import { GLOBAL_ECONOMY_TYPE_LEVELS, REGION_LEVELS } from "../model/place-taxonomy";
import type { City } from "../model/schemas";
import { THEMES, type Theme } from "../model/taxonomy";
import type { Goalposts } from "../score/reference";
import { goalpostPosition } from "../score/reference";
import { AMOUNT_GOALPOSTS, type DistanceField } from "./distance-fields";

/**
 * A field a description can name: the fields {@link cityDistance} compares
 * (the profile's levels, the raw figures in {@link SIZE_BANDS}, GaWC's broad
 * classes (alpha, beta, gamma, sufficiency) for `connectivity`, and each
 * listed priority).
 *
 * @example
 * const field: DescriptorField = "resources.metroGdpUsd"; // described by its size band
 * @category Cohorts
 */
export type DescriptorField = DistanceField;

/**
 * Fixed bands for describing raw figures: the thirds of the scorer's log
 * goalposts. For `metroGdpUsd` (US$1 billion to 1 trillion) "small" is below
 * US$10 billion, "mid-sized" to US$100 billion, "large" above; for
 * `budgetUsd` (US$10 million to 100 billion) the cuts fall at about US$215
 * million and US$4.6 billion; for `population` and `metroPopulation`
 * (100,000 to 10 million people) at about 464,000 and 2.15 million. Fixed, like the goalposts, so that a city's band
 * never depends on the batch.
 *
 * @example
 * // A metropolitan economy of US$50 billion is "mid-sized", one of US$200 billion "large".
 * @category Cohorts
 */
export const SIZE_BANDS = ["small", "mid-sized", "large"] as const;

/**
 * A band of {@link SIZE_BANDS}.
 *
 * @example
 * const band: SizeBand = "large";
 * @category Cohorts
 */
export type SizeBand = (typeof SIZE_BANDS)[number];

/**
 * A level held by most of a group and by clearly fewer of the whole set.
 *
 * @example
 * // Every member tertiary, against a third of all cities:
 * { field: "resources.nationalTier", level: "tertiary", share: 1, overallShare: 0.33 }
 * @category Cohorts
 */
export interface DistinctiveLevel {
  readonly field: DescriptorField;
  /** The level (`"high"`, `"secondary"`), the theme for `outlook.priorities`, the band for raw figures, `"true"`/`"false"` for `internationalOffice`. */
  readonly level: string;
  /** Share of the group's members at this level (unknown counts as not at it). */
  readonly share: number;
  /** Share of all cities at this level. */
  readonly overallShare: number;
}

/**
 * A level describes a group when more than half of its members hold it (so
 * the phrase is true of most of them) and its share in the group exceeds its
 * share in the whole set by at least 0.25 (a quarter of the group more than
 * chance would put there: clearly what sets the group apart, not a trait of
 * every city).
 *
 * @example
 * // Held by 90% of a cohort and 60% of all cities: 0.3 above, distinctive.
 * // Held by 90% of a cohort and 70% of all cities: 0.2 above, not.
 * @category Cohorts
 */
export const DISTINCTIVE_LIFT = 0.25;

/** At most four levels per description, so that it reads as one phrase. */
const MAX_DESCRIPTORS = 4;

/** At most two themes, the strongest, among them. */
const MAX_THEMES = 2;

/**
 * GaWC's broad class of a connectivity level, as GaWC groups its levels:
 * `alpha` (alpha++ to alpha-), `beta`, `gamma`, `sufficiency` (high
 * sufficiency and sufficiency), or `not-classified`. A description names the
 * broad class: a group rarely shares one fine level.
 */
function connectivityClass(level: string): string {
  if (level.startsWith("alpha")) return "alpha";
  if (level.startsWith("beta")) return "beta";
  if (level.startsWith("gamma")) return "gamma";
  if (level.endsWith("sufficiency")) return "sufficiency";
  return level;
}

function band(amount: number | undefined, goalposts: Goalposts) {
  if (amount === undefined) return undefined;
  const position = goalpostPosition(amount, goalposts);
  if (Number.isNaN(position)) return undefined;
  return position < 1 / 3 ? "small" : position < 2 / 3 ? "mid-sized" : "large";
}

/** A raw amount's size band, read from a city. */
function bandReader(path: keyof typeof AMOUNT_GOALPOSTS): (city: City) => string | undefined {
  const goalposts = AMOUNT_GOALPOSTS[path];
  return (city) => band(CITY_FIELDS[path].read(city), goalposts);
}

/**
 * The single-valued descriptor fields, each with how to read its level, in
 * the order that breaks ties between equally distinctive levels.
 */
const SINGLE_VALUED: readonly {
  readonly field: Exclude<DescriptorField, "outlook.priorities">;
  readonly levelOf: (city: City) => string | undefined;
}[] = [
  { field: "resources.incomeTier", levelOf: /* @__PURE__ */ levelReader("resources.incomeTier") },
  {
    field: "resources.nationalTier",
    levelOf: /* @__PURE__ */ levelReader("resources.nationalTier"),
  },
  {
    field: "outlook.internationalRole",
    levelOf: /* @__PURE__ */ levelReader("outlook.internationalRole"),
  },
  { field: "resources.metroGdpUsd", levelOf: /* @__PURE__ */ bandReader("resources.metroGdpUsd") },
  { field: "resources.budgetUsd", levelOf: /* @__PURE__ */ bandReader("resources.budgetUsd") },
  {
    field: "resources.internationalOffice",
    levelOf: /* @__PURE__ */ levelReader("resources.internationalOffice"),
  },
  { field: "governance.autonomy", levelOf: /* @__PURE__ */ levelReader("governance.autonomy") },
  { field: "governance.regime", levelOf: /* @__PURE__ */ levelReader("governance.regime") },
  { field: "capital", levelOf: /* @__PURE__ */ levelReader("capital") },
  { field: "population", levelOf: /* @__PURE__ */ bandReader("population") },
  { field: "metroPopulation", levelOf: /* @__PURE__ */ bandReader("metroPopulation") },
  {
    field: "resources.globalEconomyType",
    levelOf: /* @__PURE__ */ levelReader("resources.globalEconomyType"),
  },
  {
    field: "resources.connectivity",
    levelOf: (c) => {
      const level = CITY_FIELDS["resources.connectivity"].read(c);
      return level === undefined ? undefined : connectivityClass(level);
    },
  },
  { field: "region", levelOf: /* @__PURE__ */ levelReader("region") },
];

/** Counts of each (field, level) over a set of cities. */
export type LevelCounts = Map<string, number>;

const keyOf = (field: DescriptorField, level: string) => `${field}\u0000${level}`;

/** Counts every level of every descriptor field over `cities`. */
export function countLevels(cities: readonly City[]): LevelCounts {
  const counts: LevelCounts = new Map();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const city of cities) {
    for (const { field, levelOf } of SINGLE_VALUED) {
      const level = levelOf(city);
      if (level !== undefined) add(keyOf(field, level));
    }
    for (const theme of city.outlook?.priorities ?? []) add(keyOf("outlook.priorities", theme));
  }
  return counts;
}

/** Share of known profile fields, for the "mostly unknown" fallback. */
function knownShare(city: City): number {
  let known = city.outlook?.priorities === undefined ? 0 : 1;
  for (const { levelOf } of SINGLE_VALUED) if (levelOf(city) !== undefined) known++;
  return known / (SINGLE_VALUED.length + 1);
}

/**
 * The levels that set `members` apart from all `total` cities (whose level
 * counts are `overall`), strongest first: at most one per field, two
 * themes, four in all. Ties by the order of fields, then of levels.
 */
export function distinctiveLevels(
  members: readonly City[],
  overall: LevelCounts,
  total: number,
): DistinctiveLevel[] {
  const size = members.length;
  if (size === 0 || total === 0) return [];
  const own = countLevels(members);
  const candidates: (DistinctiveLevel & { order: number })[] = [];
  let order = 0;
  const consider = (field: DescriptorField, level: string) => {
    const key = keyOf(field, level);
    const share = (own.get(key) ?? 0) / size;
    const overallShare = (overall.get(key) ?? 0) / total;
    if (share > 0.5 && share - overallShare >= DISTINCTIVE_LIFT) {
      candidates.push({ field, level, share, overallShare, order });
    }
    order++;
  };
  for (const { field } of SINGLE_VALUED) {
    for (const key of own.keys()) {
      const [f, level] = key.split("\u0000") as [string, string];
      if (f === field) consider(field, level);
    }
  }
  for (const theme of THEMES) consider("outlook.priorities", theme);
  candidates.sort((a, b) => {
    const lift = b.share - b.overallShare - (a.share - a.overallShare);
    return lift !== 0 ? lift : a.order - b.order;
  });
  const picked: DistinctiveLevel[] = [];
  let themes = 0;
  for (const { order: _, ...level } of candidates) {
    if (picked.length === MAX_DESCRIPTORS) break;
    if (level.field === "outlook.priorities") {
      if (themes === MAX_THEMES) continue;
      themes++;
    }
    picked.push(level);
  }
  return picked;
}

/** A level's label in its taxonomy (a Brookings type as the report names it, a region as M49 does). */
function labelOf(levels: readonly { readonly id: string; readonly label: string }[], id: string) {
  return levels.find((level) => level.id === id)?.label ?? id;
}

/**
 * The phrase used when no level sets a group apart and its profiles are mostly unknown.
 *
 * @example
 * cohort.description === MOSTLY_UNKNOWN_PHRASE; // "cities whose profiles are mostly unknown"
 * @category Cohorts
 */
export const MOSTLY_UNKNOWN_PHRASE = "cities whose profiles are mostly unknown";

/**
 * The phrase used when no level sets a group apart.
 *
 * @example
 * // The one cohort of formCohorts(cities, { k: 1, seed: 1 }) reads "a cross-section of the whole set".
 * @category Cohorts
 */
export const CROSS_SECTION_PHRASE = "a cross-section of the whole set";

/**
 * A lower-case noun phrase from distinctive levels, in a fixed grammatical
 * order whatever their strength: income and tier first ("high-income
 * secondary cities", "national capitals" in place of the tier), then one
 * "with" clause (mayors, populations, economies, budgets, an international
 * office or none, Brookings type, GaWC class), the priorities, the national
 * system ("in centralized liberal democracies") and the region last ("in
 * Western Africa").
 */
export function describeLevels(levels: readonly DistinctiveLevel[]): string {
  const at: LevelOf = (field) => levels.find((level) => level.field === field)?.level;
  const themes = levels
    .filter((level) => level.field === "outlook.priorities")
    .map((level) => themeWords(level.level as Theme));
  const words = headNoun(at);
  const withs = withClauses(at);
  if (withs.length > 0) words.push(`with ${joinWithAnd(withs)}`);
  if (themes.length > 0) words.push(`prioritising ${joinWithAnd(themes)}`);
  const system = systemPhrase(at);
  if (system !== undefined) words.push(system);
  const region = at("region");
  if (region !== undefined) words.push(`in ${labelOf(REGION_LEVELS, region)}`);
  return words.join(" ");
}

/** The distinctive level of a field, if it has one. */
type LevelOf = (field: DescriptorField) => string | undefined;

/** The phrases of an ordinal field's distinctive level, if it has one. */
function phrasesAt(at: LevelOf, field: OrdinalField) {
  const level = at(field);
  return level === undefined ? undefined : levelPhrases(field, level);
}

/** The head of the phrase: income adjective, then capitals or the tier ("high-income secondary cities"). */
function headNoun(at: LevelOf): string[] {
  const income = phrasesAt(at, "resources.incomeTier");
  const tier = phrasesAt(at, "resources.nationalTier");
  const capital = at("capital");
  const words: string[] = [];
  if (income?.adjective !== undefined) words.push(income.adjective);
  if (capital === "false") words.push("non-capital");
  // A national capital heads its country's hierarchy: "national capitals" says more than the tier.
  if (capital === "true") words.push("national capitals");
  else words.push(tier === undefined ? "cities" : tier.plural);
  return words;
}

/** What the "with" clause lists: mayors, populations, economies, budgets, the international office. */
function withClauses(at: LevelOf): string[] {
  const role = phrasesAt(at, "outlook.internationalRole");
  const population = at("population");
  const metroPopulation = at("metroPopulation");
  const economyType = at("resources.globalEconomyType");
  const connectivity = at("resources.connectivity");
  const gdp = at("resources.metroGdpUsd");
  const budget = at("resources.budgetUsd");
  const office = at("resources.internationalOffice");
  const withs: string[] = [];
  if (role !== undefined) withs.push(role.plural);
  if (population !== undefined) withs.push(`${population} populations`);
  if (metroPopulation !== undefined) withs.push(`${metroPopulation} metropolitan populations`);
  if (economyType === "outside-typology") withs.push("economies outside Brookings' typology");
  else if (economyType !== undefined) {
    withs.push(`${labelOf(GLOBAL_ECONOMY_TYPE_LEVELS, economyType)} economies (Brookings)`);
  }
  if (connectivity === "not-classified") withs.push("no GaWC world-city class");
  else if (connectivity !== undefined) withs.push(`GaWC ${connectivity} world-city connectivity`);
  if (gdp !== undefined) withs.push(`${gdp} metropolitan economies`);
  if (budget !== undefined) withs.push(`${budget} city budgets`);
  if (office === "true") withs.push("an international office");
  if (office === "false") withs.push("no international office");
  return withs;
}

/** The national system: "in centralized liberal democracies", or either part alone. */
function systemPhrase(at: LevelOf): string | undefined {
  const autonomy = phrasesAt(at, "governance.autonomy");
  const regime = phrasesAt(at, "governance.regime");
  if (autonomy !== undefined && regime !== undefined) {
    return `in ${autonomy.adjective} ${regime.plural}`;
  }
  if (autonomy !== undefined) return `in ${autonomy.plural}`;
  if (regime !== undefined) return `in ${regime.plural}`;
  return undefined;
}

/**
 * Describes `members` against all cities: the phrase of its distinctive
 * levels; when none, {@link MOSTLY_UNKNOWN_PHRASE} if fewer than half of its
 * members' fields are known and that share trails the whole set's by
 * {@link DISTINCTIVE_LIFT}, else {@link CROSS_SECTION_PHRASE}.
 */
export function describeGroup(
  members: readonly City[],
  levels: readonly DistinctiveLevel[],
  overallKnownShare: number,
): string {
  if (levels.length > 0) return describeLevels(levels);
  if (members.length === 0) return CROSS_SECTION_PHRASE;
  const known = members.reduce((sum, city) => sum + knownShare(city), 0) / members.length;
  return known < 0.5 && overallKnownShare - known >= DISTINCTIVE_LIFT
    ? MOSTLY_UNKNOWN_PHRASE
    : CROSS_SECTION_PHRASE;
}

/** The mean share of known fields over `cities` (0 when empty). */
export function meanKnownShare(cities: readonly City[]): number {
  if (cities.length === 0) return 0;
  return cities.reduce((sum, city) => sum + knownShare(city), 0) / cities.length;
}
