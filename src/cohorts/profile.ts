/**
 * The dimensions of a city's profile that grouping compares, their weights,
 * and the compiled numeric form that the distance kernel reads.
 *
 * @module
 */

import { CONNECTIVITY_CLASSES, GLOBAL_ECONOMY_TYPES, REGIONS } from "../model/place-facts";
import type { City } from "../model/schemas";
import {
  AUTONOMIES,
  INCOME_TIERS,
  INTERNATIONAL_ROLES,
  NATIONAL_TIERS,
  REGIMES,
  THEMES,
} from "../model/taxonomy";
import {
  BUDGET_GOALPOSTS,
  goalpostPosition,
  METRO_GDP_GOALPOSTS,
  POPULATION_GOALPOSTS,
} from "../score/reference";

/**
 * The profile dimensions {@link cityDistance} compares, by the path of their
 * field: every field of the profile but identity (`id`, `name`,
 * `country`). `country` is not a kind of difference in the essay; what a
 * country means for a city (its stage of development, how centralized it
 * is, its regime, its region) is already in `incomeTier`, `autonomy`,
 * `regime` and `region`. Counting the country again would make cohorts follow
 * borders, which is what {@link caucus} (`by: ["country"]`) is for when a
 * platform wants national caucuses.
 *
 * @example
 * DISTANCE_DIMENSIONS.length; // 15
 * @category Cohorts
 */
export const DISTANCE_DIMENSIONS = [
  "population",
  "metroPopulation",
  "capital",
  "region",
  "outlook.internationalRole",
  "outlook.priorities",
  "resources.nationalTier",
  "resources.incomeTier",
  "resources.metroGdpUsd",
  "resources.budgetUsd",
  "resources.internationalOffice",
  "resources.globalEconomyType",
  "resources.connectivity",
  "governance.autonomy",
  "governance.regime",
] as const;

/**
 * A dimension of {@link DISTANCE_DIMENSIONS}.
 *
 * @example
 * const dimension: DistanceDimension = "governance.regime";
 * @category Cohorts
 */
export type DistanceDimension = (typeof DISTANCE_DIMENSIONS)[number];

/**
 * The weight of each dimension in {@link cityDistance} (they sum to 1).
 *
 * The essay's three areas of difference weigh 3/10 each, as none is ranked
 * above another there, and the place's region the remaining tenth:
 *
 * - area 1, mayoral outlook: `internationalRole` and `priorities`, 3/20 each;
 * - area 3, governance norms: `autonomy` and `regime`, 3/20 each (the essay's
 *   two parts of it, centralization and political values);
 * - area 2, resources and clout, in four parts of 3/40 each. The essay names
 *   three: the position in the national hierarchy (`nationalTier` and
 *   `capital`, 3/80 each: a national capital heads the hierarchy as the seat
 *   of ministries, embassies and international organisations), the stage of
 *   development across countries (`incomeTier`), and the absolute size and
 *   means "that they oversee" (`population` and `metroPopulation`, 3/160
 *   each; `metroGdpUsd`, `budgetUsd` and `internationalOffice`, 1/80 each).
 *   The fourth is the place in the world economy, to which the essay points
 *   with the Brookings typology of global metro economies as its example of
 *   useful differentiation: `globalEconomyType` (Brookings 2016) and
 *   `connectivity` (GaWC's world city classes), 3/80 each;
 * - `region` (UN M49), 1/10: not one of the essay's kinds of difference, but
 *   the context that a platform's regional sections, languages and neighbours
 *   share. A tenth orders places alike in every area by neighbourhood (Kano's
 *   nearest peers are Nigerian cities, not Kathmandu) and never outweighs a
 *   whole area.
 *
 * Weights apply to the dimensions known in both cities and are renormalised
 * over them (Gower's rule), so a profile with unknown raw figures is compared
 * on what is known, not on a default.
 *
 * @example
 * DISTANCE_WEIGHTS["governance.regime"]; // 3/20: half of area 3
 * DISTANCE_WEIGHTS["resources.budgetUsd"]; // 1/80: a third of the means, in a quarter of area 2
 * @category Cohorts
 */
export const DISTANCE_WEIGHTS: Readonly<Record<DistanceDimension, number>> = {
  population: 3 / 160,
  metroPopulation: 3 / 160,
  capital: 3 / 80,
  region: 1 / 10,
  "outlook.internationalRole": 3 / 20,
  "outlook.priorities": 3 / 20,
  "resources.nationalTier": 3 / 80,
  "resources.incomeTier": 3 / 40,
  "resources.metroGdpUsd": 1 / 80,
  "resources.budgetUsd": 1 / 80,
  "resources.internationalOffice": 1 / 80,
  "resources.globalEconomyType": 3 / 80,
  "resources.connectivity": 3 / 80,
  "governance.autonomy": 3 / 20,
  "governance.regime": 3 / 20,
};

/**
 * The distance between two profiles that share no known dimension (and are
 * not both empty): 1, the greatest. Nothing shows such cities to be alike, and
 * a peer or a cohort should rest on likeness shown, so they come last among
 * peers and never pull each other into a cohort. Two profiles with nothing
 * known at all are identical, and 0 apart, so that every profile is 0 from
 * itself.
 *
 * @example
 * cityDistance(
 *   { id: "a", name: "A", country: "GB", outlook: { internationalRole: "committed" } },
 *   { id: "b", name: "B", country: "GB", governance: { regime: "liberal-democracy" } },
 * ); // 1
 * @category Cohorts
 */
export const NO_SHARED_DIMENSION_DISTANCE = 1;

/** The single-valued dimensions, in the column order of {@link CompiledProfiles.scalars}. */
const SCALAR_DIMENSIONS = [
  "population",
  "metroPopulation",
  "capital",
  "region",
  "resources.globalEconomyType",
  "resources.connectivity",
  "outlook.internationalRole",
  "resources.nationalTier",
  "resources.incomeTier",
  "resources.metroGdpUsd",
  "resources.budgetUsd",
  "resources.internationalOffice",
  "governance.autonomy",
  "governance.regime",
] as const satisfies readonly DistanceDimension[];

/** Number of single-valued columns per city. */
export const SCALAR_COUNT = SCALAR_DIMENSIONS.length;

const SCALAR_WEIGHTS = /* @__PURE__ */ Float64Array.from(
  SCALAR_DIMENSIONS.map((d) => DISTANCE_WEIGHTS[d]),
);
const PRIORITIES_WEIGHT = DISTANCE_WEIGHTS["outlook.priorities"];

/**
 * The columns of unordered levels (`region`, `globalEconomyType`): the
 * column holds the level's index, and two levels are 0 apart when equal,
 * else 1 (Gower's rule for categorical fields).
 */
const CATEGORICAL = /* @__PURE__ */ Uint8Array.from(
  SCALAR_DIMENSIONS.map((d) => (d === "region" || d === "resources.globalEconomyType" ? 1 : 0)),
);

/** An unordered level's index among `levels`; NaN when unknown. */
function categoryIndex(levels: readonly string[], level: string | undefined): number {
  const index = level === undefined ? -1 : levels.indexOf(level);
  return index < 0 ? Number.NaN : index;
}

/** A yes/no fact as 1 or 0; NaN when unknown. */
function flag(value: boolean | undefined): number {
  return value === undefined ? Number.NaN : value ? 1 : 0;
}

/** A level's position on 0..1: its rank over (levels - 1), so that rank gaps become Gower's |difference| / range. */
function ordinalPosition(levels: readonly string[], level: string | undefined): number {
  if (level === undefined) return Number.NaN;
  const index = levels.indexOf(level);
  return index < 0 ? Number.NaN : index / (levels.length - 1);
}

/** A raw amount on the scorer's fixed log goalposts; NaN (unknown) when absent or not a number. */
function amountPosition(amount: number | undefined, goalposts: typeof METRO_GDP_GOALPOSTS): number {
  return amount === undefined ? Number.NaN : goalpostPosition(amount, goalposts);
}

/**
 * Cities compiled for the distance kernel: positions on 0..1 in a flat
 * array (NaN where unknown), priorities as bit sets (0 where unknown).
 */
export interface CompiledProfiles {
  readonly size: number;
  /** `size * SCALAR_COUNT` positions, row-major by city. */
  readonly scalars: Float64Array;
  /** Bit `t` set when the city lists theme `t` of {@link THEMES}; 0 when unknown. */
  readonly priorities: Int32Array;
  /** Bit `c` set when scalar column `c` is known. */
  readonly known: Int32Array;
  /** 1 when the city has no known dimension at all. */
  readonly empty: Uint8Array;
}

/** Compiles the profiles of `cities`, in their order. */
export function compileProfiles(cities: readonly City[]): CompiledProfiles {
  const size = cities.length;
  const scalars = new Float64Array(size * SCALAR_COUNT);
  const priorities = new Int32Array(size);
  const known = new Int32Array(size);
  const empty = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const city = cities[i] as City;
    const o = city.outlook;
    const r = city.resources;
    const g = city.governance;
    const row = i * SCALAR_COUNT;
    scalars[row] = amountPosition(city.population, POPULATION_GOALPOSTS);
    scalars[row + 1] = amountPosition(city.metroPopulation, POPULATION_GOALPOSTS);
    scalars[row + 2] = flag(city.capital);
    scalars[row + 3] = categoryIndex(REGIONS, city.region);
    scalars[row + 4] = categoryIndex(GLOBAL_ECONOMY_TYPES, r?.globalEconomyType);
    scalars[row + 5] = ordinalPosition(CONNECTIVITY_CLASSES, r?.connectivity);
    scalars[row + 6] = ordinalPosition(INTERNATIONAL_ROLES, o?.internationalRole);
    scalars[row + 7] = ordinalPosition(NATIONAL_TIERS, r?.nationalTier);
    scalars[row + 8] = ordinalPosition(INCOME_TIERS, r?.incomeTier);
    scalars[row + 9] = amountPosition(r?.metroGdpUsd, METRO_GDP_GOALPOSTS);
    scalars[row + 10] = amountPosition(r?.budgetUsd, BUDGET_GOALPOSTS);
    scalars[row + 11] = flag(r?.internationalOffice);
    scalars[row + 12] = ordinalPosition(AUTONOMIES, g?.autonomy);
    scalars[row + 13] = ordinalPosition(REGIMES, g?.regime);
    let mask = 0;
    for (const theme of o?.priorities ?? []) {
      const t = (THEMES as readonly string[]).indexOf(theme);
      if (t >= 0) mask |= 1 << t;
    }
    priorities[i] = mask;
    let knownColumns = 0;
    for (let c = 0; c < SCALAR_COUNT; c++) {
      if (!Number.isNaN(scalars[row + c])) knownColumns |= 1 << c;
    }
    known[i] = knownColumns;
    empty[i] = knownColumns === 0 && mask === 0 ? 1 : 0;
  }
  return { size, scalars, priorities, known, empty };
}

/** Number of set bits of a 32-bit integer. */
function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * The Gower distance between compiled cities `i` and `j`: the weighted mean,
 * over the dimensions known in both, of each dimension's distance on 0..1.
 * Written so that `(i, j)` and `(j, i)` run the same operations in the same
 * order, hence give the same bits.
 */
export function profileDistance(p: CompiledProfiles, i: number, j: number): number {
  const s = p.scalars;
  const a = i * SCALAR_COUNT;
  const b = j * SCALAR_COUNT;
  // Columns known in both; an unknown on either side skips the dimension.
  const both = (p.known[i] as number) & (p.known[j] as number);
  let sum = 0;
  let weight = 0;
  for (let c = 0; c < SCALAR_COUNT; c++) {
    if (((both >>> c) & 1) === 1) {
      const w = SCALAR_WEIGHTS[c] as number;
      const x = s[a + c] as number;
      const y = s[b + c] as number;
      sum += w * (CATEGORICAL[c] === 1 ? (x === y ? 0 : 1) : Math.abs(x - y));
      weight += w;
    }
  }
  const pa = p.priorities[i] as number;
  const pb = p.priorities[j] as number;
  if (pa !== 0 && pb !== 0) {
    // Jaccard distance: themes listed by one city only, over themes listed by either.
    const union = bitCount(pa | pb);
    const shared = bitCount(pa & pb);
    sum += PRIORITIES_WEIGHT * ((union - shared) / union);
    weight += PRIORITIES_WEIGHT;
  }
  if (weight === 0) {
    return p.empty[i] === 1 && p.empty[j] === 1 ? 0 : NO_SHARED_DIMENSION_DISTANCE;
  }
  // Each term is at most its weight, so sum <= weight and the quotient stays within [0, 1].
  return sum / weight;
}

/** Distances from city `i` to every city, into `out` (length `size`). */
export function distanceRow(p: CompiledProfiles, i: number, out: Float64Array): Float64Array {
  for (let j = 0; j < p.size; j++) out[j] = profileDistance(p, i, j);
  return out;
}

/** The full distance matrix of compiled cities, row-major, `size * size`. */
export function distanceMatrix(p: CompiledProfiles): Float64Array {
  const n = p.size;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = profileDistance(p, i, j);
      d[i * n + j] = v;
      d[j * n + i] = v;
    }
  }
  return d;
}

/** Cities grouped by identical compiled profile. */
export interface DistinctProfiles {
  /** One row per distinct profile, in order of first appearance. */
  readonly profiles: CompiledProfiles;
  /** How many cities share each distinct profile. */
  readonly weights: Float64Array;
  /** For each city, the index of its distinct profile. */
  readonly ofCity: Int32Array;
  /** For each distinct profile, the index of the first city that has it. */
  readonly firstCity: Int32Array;
}

/**
 * Groups identical profiles. Identical profiles are 0 apart and every other
 * profile is equally far from each copy, so grouping can work on distinct
 * profiles weighted by their counts.
 */
export function distinctProfiles(p: CompiledProfiles): DistinctProfiles {
  const index = new Map<string, number>();
  const ofCity = new Int32Array(p.size);
  const first: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < p.size; i++) {
    const row = p.scalars.subarray(i * SCALAR_COUNT, (i + 1) * SCALAR_COUNT);
    // String(NaN) is "NaN", so unknowns compare equal; positions print exactly.
    const key = `${Array.prototype.join.call(row, ",")}|${p.priorities[i]}`;
    let u = index.get(key);
    if (u === undefined) {
      u = first.length;
      index.set(key, u);
      first.push(i);
      counts.push(0);
    }
    ofCity[i] = u;
    counts[u] = (counts[u] as number) + 1;
  }
  const size = first.length;
  const scalars = new Float64Array(size * SCALAR_COUNT);
  const priorities = new Int32Array(size);
  const known = new Int32Array(size);
  const empty = new Uint8Array(size);
  first.forEach((i, u) => {
    scalars.set(p.scalars.subarray(i * SCALAR_COUNT, (i + 1) * SCALAR_COUNT), u * SCALAR_COUNT);
    priorities[u] = p.priorities[i] as number;
    known[u] = p.known[i] as number;
    empty[u] = p.empty[i] as number;
  });
  return {
    profiles: { size, scalars, priorities, known, empty },
    weights: Float64Array.from(counts),
    ofCity,
    firstCity: Int32Array.from(first),
  };
}

/** Every city as its own point, each of weight 1. */
export function eachCity(p: CompiledProfiles): DistinctProfiles {
  const identity = Int32Array.from({ length: p.size }, (_, i) => i);
  return {
    profiles: p,
    weights: new Float64Array(p.size).fill(1),
    ofCity: identity,
    firstCity: identity,
  };
}
