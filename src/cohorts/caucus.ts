/**
 * Caucuses: cities grouped by rule, on the levels of fields a platform
 * names.
 *
 * @module
 */

import * as E from "fp-ts/Either";
import * as z from "zod/mini";
import { compareIds } from "../internal/order";
import type { ValidationError } from "../model/errors";
import {
  type CategoricalField,
  CITY_FIELDS,
  type CityFieldInfo,
  levelReader,
} from "../model/fields";
import { parseWithSchema } from "../model/parse";
import type { City } from "../model/schemas";
import { levelLabel } from "../model/taxonomy";
import { readCities } from "./members";

/**
 * The fields a caucus can be formed on: the country (national caucuses, like
 * the UK's Core Cities and Key Cities), the profile's ordinal levels and its
 * yes/no facts (whether the city is the national capital, whether it has an
 * international office), in the order of the field registry. Priorities are
 * not among them: a city lists several, so they do not partition cities;
 * {@link sharedAgenda} finds what a group shares instead.
 *
 * @example
 * caucus(cities, ["country", "resources.nationalTier"]); // national caucuses, split by tier
 * @category Cohorts
 */
export const CAUCUS_FIELDS = [
  "country",
  "capital",
  "outlook.internationalRole",
  "resources.nationalTier",
  "resources.incomeTier",
  "resources.internationalOffice",
  "governance.autonomy",
  "governance.regime",
] as const satisfies readonly CategoricalField[];
// Written out rather than filtered from the registry, so that bundles that only
// score do not carry the registry through the option schemas that list these;
// a test checks that it lists every categorical field of the registry.

/**
 * A field of {@link CAUCUS_FIELDS}.
 *
 * @example
 * const by: CaucusField[] = ["resources.nationalTier", "resources.incomeTier"];
 * @category Cohorts
 */
export type CaucusField = (typeof CAUCUS_FIELDS)[number];

/**
 * The level of one field that a caucus shares.
 *
 * @example
 * { field: "resources.nationalTier", level: null, label: "National tier unknown" }
 * @category Cohorts
 */
export interface CaucusLevel {
  readonly field: CaucusField;
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
 *   levels: [{ field: "resources.nationalTier", level: "tertiary", label: "Tertiary city" }],
 *   label: "Tertiary city", memberIds: ["gb-bradford", "gb-coventry", "gb-derby"] }
 * @category Cohorts
 */
export interface Caucus {
  /** The combination of levels, e.g. `resources.nationalTier=secondary;resources.incomeTier=high` (`unknown` for an unknown level); `""` when grouping by no field. */
  readonly key: string;
  /** One per field grouped by, in the order given. */
  readonly levels: readonly CaucusLevel[];
  /** The labels joined: "Secondary city, High income"; "All cities" when grouping by no field. */
  readonly label: string;
  /** Member ids, sorted. */
  readonly memberIds: readonly string[];
}

/** A caucus field's levels in order (`undefined`: by code), its reader, its level labels and its name for "unknown" labels. */
interface FieldSpec {
  readonly levels: readonly string[] | undefined;
  readonly read: (city: City) => string | undefined;
  readonly label: (level: string) => string;
  readonly noun: string;
}

/** How a caucus reads and labels a field, from the field registry. */
function fieldSpec(path: CaucusField): FieldSpec {
  const field: CityFieldInfo = CITY_FIELDS[path];
  const read = levelReader(path);
  const { noun } = field;
  if (field.kind === "ordinal") {
    const { levels, taxonomy } = field;
    return { levels, read, label: (level) => levelLabel(taxonomy, level as never), noun };
  }
  if (field.kind === "flag") {
    const { no } = field;
    const label = (level: string) => (level === "true" ? noun : no);
    return { levels: ["true", "false"], read, label, noun };
  }
  return { levels: undefined, read, label: (level) => level, noun };
}

const SPECS = /* @__PURE__ */ new Map(
  /* @__PURE__ */ CAUCUS_FIELDS.map((path) => [path, fieldSpec(path)]),
);

const specOf = (path: CaucusField) => SPECS.get(path) as FieldSpec;

const CaucusFieldsSchema = /* @__PURE__ */ (() =>
  z.array(z.enum(CAUCUS_FIELDS)).check(
    z.refine((by) => new Set(by).size === by.length, {
      error: (issue) => {
        const by = issue.input as string[];
        const twice = by.find((d, i) => by.indexOf(d) !== i);
        return `lists "${twice}" twice`;
      },
    }),
  ))();

/** Compares two levels of a field: taxonomy order (countries by code), unknown last. */
function compareLevels(
  levels: readonly string[] | undefined,
  a: string | undefined,
  b: string | undefined,
): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (levels === undefined) return compareIds(a, b);
  return levels.indexOf(a) - levels.indexOf(b);
}

/**
 * Groups cities by rule: one caucus per combination of levels, in the
 * fields `by` names (the essay's caucuses and coalitions, such as the
 * UK's Core Cities of secondary cities and Key Cities of tertiary ones). A
 * city whose level is unknown in a chosen field joins the caucus
 * labelled unknown for that field: never dropped, so caucuses partition
 * the cities.
 *
 * Order: caucuses by their levels, field by field in the order of
 * `by`, each in its taxonomy's order (countries by code) with unknown last;
 * members by id. An empty `by` gives one caucus of every city; no cities
 * give no caucuses. A `by` with an unknown field or one listed twice
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
  by: readonly CaucusField[],
): E.Either<ValidationError, readonly Caucus[]> {
  const parsed = parseWithSchema(CaucusFieldsSchema, by, "an array of fields");
  if (E.isLeft(parsed)) return parsed;
  const read = readCities(givenCities);
  if (E.isLeft(read)) return read;
  const cities = read.right;
  const fields = parsed.right;
  const groups = new Map<string, { values: (string | undefined)[]; members: City[] }>();
  for (const city of cities) {
    const values = fields.map((field) => specOf(field).read(city));
    const key = fields.map((field, i) => `${field}=${values[i] ?? "unknown"}`).join(";");
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { values, members: [city] });
    else group.members.push(city);
  }
  const caucuses = [...groups.entries()]
    .sort(([, a], [, b]) => {
      for (let i = 0; i < fields.length; i++) {
        const spec = specOf(fields[i] as CaucusField);
        const order = compareLevels(spec.levels, a.values[i], b.values[i]);
        if (order !== 0) return order;
      }
      return 0;
    })
    .map(([key, { values, members }]): Caucus => {
      const levels = fields.map((field, i): CaucusLevel => {
        const spec = specOf(field);
        const level = values[i];
        return level === undefined
          ? { field, level: null, label: `${spec.noun} unknown` }
          : { field, level, label: spec.label(level) };
      });
      return {
        key,
        levels,
        label: levels.length === 0 ? "All cities" : levels.map((l) => l.label).join(", "),
        memberIds: members.map((city) => city.id).sort(compareIds),
      };
    });
  return E.right(caucuses);
}
