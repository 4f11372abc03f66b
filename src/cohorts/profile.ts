/**
 * The compiled numeric form of city profiles that the distance kernel reads,
 * and the kernel itself (the fields and weights are in `distance-fields.ts`).
 *
 * @module
 */
import { bitCount, themeMask } from "../internal/bits";
import { CITY_FIELDS } from "../model/fields";
import type { City } from "../model/schemas";
import { goalpostPosition } from "../score/reference";
import {
  AMOUNT_GOALPOSTS,
  DISTANCE_FIELDS,
  DISTANCE_WEIGHTS,
  type DistanceField,
  NO_SHARED_FIELD_DISTANCE,
} from "./distance-fields";

/**
 * The single-valued fields (all but priorities), in the column order of
 * {@link CompiledProfiles.scalars}: the gazetteer's facts that the scorer does
 * not read (population figures, capital, region, Brookings type, GaWC class)
 * first, then the profile fields the scorer reads, each in registry order.
 * The order of the columns is the order of the kernel's sums, so it is fixed:
 * distances keep their bits.
 */
const SCALAR_FIELDS = /* @__PURE__ */ (() => {
  const single = DISTANCE_FIELDS.filter(
    (path): path is Exclude<DistanceField, "outlook.priorities"> => path !== "outlook.priorities",
  );
  return [
    ...single.filter((path) => !CITY_FIELDS[path].scored),
    ...single.filter((path) => CITY_FIELDS[path].scored),
  ];
})();

/** Number of single-valued columns per city. */
// A pure call, so that bundles without the distance kernel drop the registry it reads.
export const SCALAR_COUNT: number = /* @__PURE__ */ (() => SCALAR_FIELDS.length)();

const SCALAR_WEIGHTS = /* @__PURE__ */ Float64Array.from(
  /* @__PURE__ */ SCALAR_FIELDS.map((path) => DISTANCE_WEIGHTS[path]),
);
const PRIORITIES_WEIGHT = /* @__PURE__ */ (() => DISTANCE_WEIGHTS["outlook.priorities"])();

/** Whether a scalar field's levels are unordered (the registry's unordered categorical fields: `region`, `globalEconomyType`). */
function isUnordered(path: (typeof SCALAR_FIELDS)[number]): boolean {
  const field = CITY_FIELDS[path];
  return field.kind === "categorical" && !field.ordered;
}

/**
 * The columns of unordered levels: the column holds the level's index, and
 * two levels are 0 apart when equal, else 1 (Gower's rule for categorical
 * fields).
 */
const CATEGORICAL = /* @__PURE__ */ Uint8Array.from(
  /* @__PURE__ */ SCALAR_FIELDS.map((path) => (isUnordered(path) ? 1 : 0)),
);

/** An unordered level's index among `levels`; NaN when unknown. */
function categoryIndex(levels: readonly string[], level: string | undefined): number {
  const index = level === undefined ? -1 : levels.indexOf(level);
  return index < 0 ? Number.NaN : index;
}

/** A level's position on 0..1: its rank over (levels - 1), so that rank gaps become Gower's |difference| / range. */
function ordinalPosition(levels: readonly string[], level: string | undefined): number {
  if (level === undefined) return Number.NaN;
  const index = levels.indexOf(level);
  return index < 0 ? Number.NaN : index / (levels.length - 1);
}

/**
 * How each single-valued field reads as a number (NaN when unknown): an
 * ordered level's position on 0..1, an unordered level's index, an amount's
 * position on its goalposts, a yes/no fact as 1 or 0.
 */
const POSITIONS = /* @__PURE__ */ SCALAR_FIELDS.map((path): ((city: City) => number) => {
  const field = CITY_FIELDS[path];
  switch (field.kind) {
    case "ordinal":
      return (city) => ordinalPosition(field.levels, field.read(city));
    case "categorical": {
      const position = field.ordered ? ordinalPosition : categoryIndex;
      return (city) => position(field.levels, field.read(city));
    }
    case "amount": {
      const goalposts = AMOUNT_GOALPOSTS[path as keyof typeof AMOUNT_GOALPOSTS];
      return (city) => {
        const amount = field.read(city);
        return amount === undefined ? Number.NaN : goalpostPosition(amount, goalposts);
      };
    }
    default:
      return (city) => {
        const value = field.read(city);
        return value === undefined ? Number.NaN : value ? 1 : 0;
      };
  }
});

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
  /** 1 when the city has no known field at all. */
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
    const row = i * SCALAR_COUNT;
    for (let c = 0; c < SCALAR_COUNT; c++)
      scalars[row + c] = (POSITIONS[c] as (city: City) => number)(city);
    const mask = themeMask(city.outlook?.priorities ?? []);
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

/**
 * The Gower distance between compiled cities `i` and `j`: the weighted mean,
 * over the fields known in both, of each field's distance on 0..1.
 * Written so that `(i, j)` and `(j, i)` run the same operations in the same
 * order, hence give the same bits.
 */
export function profileDistance(p: CompiledProfiles, i: number, j: number): number {
  const s = p.scalars;
  const a = i * SCALAR_COUNT;
  const b = j * SCALAR_COUNT;
  // Columns known in both; an unknown on either side skips the field.
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
    return p.empty[i] === 1 && p.empty[j] === 1 ? 0 : NO_SHARED_FIELD_DISTANCE;
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
