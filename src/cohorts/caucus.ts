/**
 * Caucuses: cities grouped by rule, on the levels of dimensions a platform
 * names.
 *
 * @module
 */
import * as E from "fp-ts/Either";
import * as z from "zod/mini";
import type { ValidationError } from "../model/errors";
import { ORDINAL_FIELDS, type OrdinalField, type OrdinalFieldInfo } from "../model/fields";
import { parseWithSchema } from "../model/parse";
import type { City } from "../model/schemas";
import { levelLabel } from "../model/taxonomy";
import { readCities } from "./members";

/**
 * The dimensions a caucus can be formed on: the profile's single-valued
 * levels, whether the city has an international office, and the country
 * (national caucuses, like the UK's Core Cities and Key Cities). Priorities
 * are not among them: a city lists several, so they do not partition cities;
 * {@link sharedAgenda} finds what a group shares instead.
 *
 * @example
 * caucus(cities, ["country", "resources.nationalTier"]); // national caucuses, split by tier
 * @category Cohorts
 */
export const CAUCUS_DIMENSIONS = [
  "country",
  "outlook.internationalRole",
  "resources.nationalTier",
  "resources.incomeTier",
  "resources.internationalOffice",
  "governance.autonomy",
  "governance.regime",
] as const;

/**
 * A dimension of {@link CAUCUS_DIMENSIONS}.
 *
 * @example
 * const by: CaucusDimension[] = ["resources.nationalTier", "resources.incomeTier"];
 * @category Cohorts
 */
export type CaucusDimension = (typeof CAUCUS_DIMENSIONS)[number];

/**
 * The level of one dimension that a caucus shares.
 *
 * @example
 * { dimension: "resources.nationalTier", level: null, label: "National tier unknown" }
 * @category Cohorts
 */
export interface CaucusLevel {
  readonly dimension: CaucusDimension;
  /** The level (`"secondary"`, `"GB"`, `"true"` for an international office); `null` when unknown. */
  readonly level: string | null;
  /** For people: "Secondary city", "GB", "International office", "National tier unknown". */
  readonly label: string;
}

/**
 * One group of {@link caucus}.
 *
 * @example
 * { key: "resources.nationalTier=tertiary",
 *   levels: [{ dimension: "resources.nationalTier", level: "tertiary", label: "Tertiary city" }],
 *   label: "Tertiary city", memberIds: ["gb-bradford", "gb-coventry", "gb-derby"] }
 * @category Cohorts
 */
export interface Caucus {
  /** The combination of levels, e.g. `resources.nationalTier=secondary;resources.incomeTier=high` (`unknown` for an unknown level); `""` when grouping by no dimension. */
  readonly key: string;
  /** One per dimension grouped by, in the order given. */
  readonly levels: readonly CaucusLevel[];
  /** The labels joined: "Secondary city, High income"; "All cities" when grouping by no dimension. */
  readonly label: string;
  /** Member ids, sorted. */
  readonly memberIds: readonly string[];
}

/** A caucus dimension's levels in order, its reader, its level labels and its name for "unknown" labels. */
interface DimensionInfo {
  readonly levels: readonly string[] | undefined;
  readonly read: (city: City) => string | undefined;
  readonly label: (level: string) => string;
  readonly noun: string;
}

/** An ordinal field as a caucus dimension, from the model's table of ordinal fields. */
function ordinal(path: OrdinalField, noun: string): DimensionInfo {
  const field: OrdinalFieldInfo = ORDINAL_FIELDS[path];
  return {
    levels: field.levels,
    read: field.read,
    label: (level) => levelLabel(field.taxonomy, level as never),
    noun,
  };
}

/** Each dimension's levels in order, its reader and its name for "unknown" labels. */
const DIMENSIONS: Readonly<Record<CaucusDimension, DimensionInfo>> = {
  country: {
    levels: undefined,
    read: (c) => c.country,
    label: (level) => level,
    noun: "Country",
  },
  "outlook.internationalRole": /* @__PURE__ */ ordinal(
    "outlook.internationalRole",
    "International role",
  ),
  "resources.nationalTier": /* @__PURE__ */ ordinal("resources.nationalTier", "National tier"),
  "resources.incomeTier": /* @__PURE__ */ ordinal("resources.incomeTier", "Income tier"),
  "resources.internationalOffice": {
    levels: ["true", "false"],
    read: (c) => {
      const office = c.resources?.internationalOffice;
      return office === undefined ? undefined : String(office);
    },
    label: (level) => (level === "true" ? "International office" : "No international office"),
    noun: "International office",
  },
  "governance.autonomy": /* @__PURE__ */ ordinal("governance.autonomy", "Autonomy"),
  "governance.regime": /* @__PURE__ */ ordinal("governance.regime", "Regime"),
};

const CaucusDimensionsSchema = /* @__PURE__ */ z.array(z.enum(CAUCUS_DIMENSIONS)).check(
  z.refine((by) => new Set(by).size === by.length, {
    error: (issue) => {
      const by = issue.input as string[];
      const twice = by.find((d, i) => by.indexOf(d) !== i);
      return `lists "${twice}" twice`;
    },
  }),
);

/** Compares two levels of a dimension: taxonomy order (countries by code), unknown last. */
function compareLevels(
  levels: readonly string[] | undefined,
  a: string | undefined,
  b: string | undefined,
): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (levels === undefined) return a < b ? -1 : 1;
  return levels.indexOf(a) - levels.indexOf(b);
}

/**
 * Groups cities by rule: one caucus per combination of levels, in the
 * dimensions `by` names (the essay's caucuses and coalitions, such as the
 * UK's Core Cities of secondary cities and Key Cities of tertiary ones). A
 * city whose level is unknown in a chosen dimension joins the caucus
 * labelled unknown for that dimension: never dropped, so caucuses partition
 * the cities.
 *
 * Order: caucuses by their levels, dimension by dimension in the order of
 * `by`, each in its taxonomy's order (countries by code) with unknown last;
 * members by id. An empty `by` gives one caucus of every city; no cities
 * give no caucuses. A `by` with an unknown dimension or one listed twice
 * gives a `Left` naming its index. Cost: O(n log n).
 *
 * @example
 * caucus(cities, ["resources.nationalTier", "resources.incomeTier"]);
 * // Right([
 * //   { key: "resources.nationalTier=secondary;resources.incomeTier=high", label: "Secondary city, High income", memberIds: ["gb-birmingham", …] },
 * //   { key: "resources.nationalTier=tertiary;resources.incomeTier=high", label: "Tertiary city, High income", … },
 * //   { key: "resources.nationalTier=unknown;resources.incomeTier=high", label: "National tier unknown, High income", … },
 * // ])
 * @category Cohorts
 */
export function caucus(
  givenCities: readonly City[],
  by: readonly CaucusDimension[],
): E.Either<ValidationError, readonly Caucus[]> {
  const parsed = parseWithSchema(CaucusDimensionsSchema, by, "an array of dimensions");
  if (E.isLeft(parsed)) return parsed;
  const read = readCities(givenCities);
  if (E.isLeft(read)) return read;
  const cities = read.right;
  const dimensions = parsed.right;
  const groups = new Map<string, { values: (string | undefined)[]; members: City[] }>();
  for (const city of cities) {
    const values = dimensions.map((dimension) => DIMENSIONS[dimension].read(city));
    const key = dimensions
      .map((dimension, i) => `${dimension}=${values[i] ?? "unknown"}`)
      .join(";");
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { values, members: [city] });
    else group.members.push(city);
  }
  const caucuses = [...groups.entries()]
    .sort(([, a], [, b]) => {
      for (let i = 0; i < dimensions.length; i++) {
        const spec = DIMENSIONS[dimensions[i] as CaucusDimension];
        const order = compareLevels(spec.levels, a.values[i], b.values[i]);
        if (order !== 0) return order;
      }
      return 0;
    })
    .map(([key, { values, members }]): Caucus => {
      const levels = dimensions.map((dimension, i): CaucusLevel => {
        const spec = DIMENSIONS[dimension];
        const level = values[i];
        return level === undefined
          ? { dimension, level: null, label: `${spec.noun} unknown` }
          : { dimension, level, label: spec.label(level) };
      });
      return {
        key,
        levels,
        label: levels.length === 0 ? "All cities" : levels.map((l) => l.label).join(", "),
        memberIds: members.map((city) => city.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      };
    });
  return E.right(caucuses);
}
