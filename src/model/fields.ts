/**
 * The field registry: every field of a city and of a topic, by its dotted
 * path, with what each part of the library needs to know of it (its kind,
 * its levels, how to read it from a record, how a CSV cell of it is typed,
 * and the words reasons and descriptions use for its levels). Gates,
 * distances, caucuses, cohort descriptions, the command line's columns and
 * reasons all derive from these two tables, so that a new field is added
 * here once.
 *
 * @module
 */
import { CONNECTIVITY_CLASSES, GLOBAL_ECONOMY_TYPES, REGIONS } from "./place-facts";
import type { City } from "./schemas";
import {
  AUTONOMIES,
  type Autonomy,
  INCOME_TIERS,
  INTERNATIONAL_ROLES,
  type IncomeTier,
  type InternationalRole,
  NATIONAL_TIERS,
  type NationalTier,
  REGIMES,
  type Regime,
  type TAXONOMIES,
  type Theme,
} from "./taxonomy";

/**
 * How a CSV cell of a field is read: as text, as a number (`1e9`, `0.5`), as
 * a boolean (`true`/`false`, any case) or as a `;`-separated list.
 *
 * @example
 * CITY_FIELDS["outlook.priorities"].cell; // "list"
 * @category Model
 */
export type CellType = "text" | "number" | "boolean" | "list";

/**
 * The words for one level of an ordinal field, as reasons and cohort
 * descriptions put them in sentences (without an article).
 *
 * @example
 * levelPhrases("governance.regime", "liberal-democracy");
 * // { singular: "liberal democracy", plural: "liberal democracies" }
 * @category Model
 */
export interface LevelPhrases {
  /** One city's level: "secondary city", "high-income country", "pragmatic mayor". */
  readonly singular: string;
  /** A group at the level: "secondary cities", "liberal democracies". */
  readonly plural: string;
  /** Before a noun, where the level reads as an adjective: "high-income", "partly decentralized". */
  readonly adjective?: string;
}

/**
 * The words the registry stores for a level: the plural only where the
 * English rule of {@link levelPhrases} would get it wrong, so that bundles
 * carry few strings.
 */
type LevelWords = Omit<LevelPhrases, "plural"> & { readonly plural?: string };

/** What every field of the registry states. */
interface FieldBase {
  /** How a CSV cell of the field is typed. */
  readonly cell: CellType;
  /** Whether every record must have it (identity, and a topic's demands). */
  readonly required: boolean;
  /** Its name for people, capitalised: "National tier", used as in "National tier unknown". */
  readonly noun: string;
}

/** What every field of a city states. */
interface CityFieldBase extends FieldBase {
  /**
   * Whether it is a profile field the default scorer reads (the `rank` command
   * lists those unknown). The population figures are not marked: the scorer
   * reads them for clout's size only where known, and otherwise leaves clout
   * to the national tier.
   */
  readonly scored: boolean;
}

/**
 * A field of a city. `kind` says what it holds: identity text, a raw amount,
 * an ordinal level of a taxonomy, a list of themes or a yes/no fact.
 *
 * @example
 * const tier: CityFieldInfo = CITY_FIELDS["resources.nationalTier"];
 * tier.kind; // "ordinal"
 * @category Model
 */
export type CityFieldInfo = CityFieldBase &
  (
    | { readonly kind: "identity"; readonly read: (city: City) => string }
    | { readonly kind: "amount"; readonly read: (city: City) => number | undefined }
    | { readonly kind: "themes"; readonly read: (city: City) => readonly string[] | undefined }
    | {
        readonly kind: "flag";
        readonly read: (city: City) => boolean | undefined;
        /** Its label when false, for people ("No international office"); `noun` labels true. */
        readonly no: string;
      }
    | {
        /** A level of a list outside the model's taxonomies (the place facts' regions, types and classes). */
        readonly kind: "categorical";
        readonly levels: readonly string[];
        /** Whether the levels are in order (GaWC classes), or only a list (regions). */
        readonly ordered: boolean;
        readonly read: (city: City) => string | undefined;
      }
    | OrdinalFieldInfo
  );

/**
 * An ordinal field of a city: a level of one of the model's taxonomies.
 *
 * @example
 * const regime: OrdinalFieldInfo = CITY_FIELDS["governance.regime"];
 * regime.levels; // ["closed-autocracy", …, "liberal-democracy"], least to most liberal
 * @category Model
 */
export interface OrdinalFieldInfo extends CityFieldBase {
  readonly kind: "ordinal";
  /** The key of its taxonomy in `TAXONOMIES`. */
  readonly taxonomy: keyof typeof TAXONOMIES;
  /** Its levels, in the scale's order. */
  readonly levels: readonly string[];
  /** Its level in a city, or `undefined` when unknown. */
  readonly read: (city: City) => string | undefined;
  /** The words for each level. */
  readonly phrases: Readonly<Record<string, LevelWords>>;
}

const ROLE_PHRASES: Readonly<Record<InternationalRole, LevelWords>> = {
  inward: { singular: "inward-looking mayor" },
  skeptical: { singular: "skeptical mayor" },
  pragmatic: { singular: "pragmatic mayor" },
  committed: { singular: "internationally committed mayor" },
};

const TIER_PHRASES: Readonly<Record<NationalTier, LevelWords>> = {
  primary: { singular: "primary city" },
  secondary: { singular: "secondary city" },
  tertiary: { singular: "tertiary city" },
  local: { singular: "local place" },
};

const INCOME_PHRASES: Readonly<Record<IncomeTier, LevelWords>> = {
  low: { adjective: "low-income", singular: "low-income country" },
  "lower-middle": { adjective: "lower-middle-income", singular: "lower-middle-income country" },
  "upper-middle": { adjective: "upper-middle-income", singular: "upper-middle-income country" },
  high: { adjective: "high-income", singular: "high-income country" },
};

const AUTONOMY_PHRASES: Readonly<Record<Autonomy, LevelWords>> = {
  centralized: { adjective: "centralized", singular: "centralized national system" },
  intermediate: {
    adjective: "partly decentralized",
    singular: "national system that delegates some authority",
    plural: "partly decentralized national systems",
  },
  decentralized: { adjective: "decentralized", singular: "decentralized national system" },
};

const REGIME_PHRASES: Readonly<Record<Regime, LevelWords>> = {
  "closed-autocracy": { singular: "closed autocracy" },
  "electoral-autocracy": { singular: "electoral autocracy" },
  "electoral-democracy": { singular: "electoral democracy" },
  "liberal-democracy": { singular: "liberal democracy" },
};

/**
 * The scale of an ordinal field: what scoring reads (levels, reader) and the
 * words reasons use. Apart from the column facts ({@link ORDINAL_COLUMN} and
 * the noun), so that a bundle that only scores carries only this.
 */
type OrdinalScale = Pick<OrdinalFieldInfo, "kind" | "taxonomy" | "levels" | "read" | "phrases">;

/** What every ordinal field is as a column: text, optional, read by the default scorer. */
const ORDINAL_COLUMN = { cell: "text", required: false, scored: true } as const;

/** An ordinal field of the registry: its scale, the column facts and its noun. */
function ordinalField<S extends OrdinalScale, N extends string>(scale: S, noun: N) {
  return { ...scale, ...ORDINAL_COLUMN, noun };
}

/* The ordinal scales, each defined once and listed by both tables below. */
const ROLE_FIELD = {
  kind: "ordinal",
  taxonomy: "internationalRole",
  levels: INTERNATIONAL_ROLES,
  read: (c: City) => c.outlook?.internationalRole,
  phrases: ROLE_PHRASES,
} as const satisfies OrdinalScale;

const TIER_FIELD = {
  kind: "ordinal",
  taxonomy: "nationalTier",
  levels: NATIONAL_TIERS,
  read: (c: City) => c.resources?.nationalTier,
  phrases: TIER_PHRASES,
} as const satisfies OrdinalScale;

const INCOME_FIELD = {
  kind: "ordinal",
  taxonomy: "incomeTier",
  levels: INCOME_TIERS,
  read: (c: City) => c.resources?.incomeTier,
  phrases: INCOME_PHRASES,
} as const satisfies OrdinalScale;

const AUTONOMY_FIELD = {
  kind: "ordinal",
  taxonomy: "autonomy",
  levels: AUTONOMIES,
  read: (c: City) => c.governance?.autonomy,
  phrases: AUTONOMY_PHRASES,
} as const satisfies OrdinalScale;

const REGIME_FIELD = {
  kind: "ordinal",
  taxonomy: "regime",
  levels: REGIMES,
  read: (c: City) => c.governance?.regime,
  phrases: REGIME_PHRASES,
} as const satisfies OrdinalScale;

/**
 * Every field of a city, by path, in the order of the city's shape (the
 * order of {@link CITY_FIELD_PATHS}).
 *
 * @example
 * CITY_FIELDS["resources.nationalTier"].levels; // ["primary", "secondary", "tertiary", "local"]
 * CITY_FIELDS["resources.nationalTier"].read(city); // "secondary", or undefined when unknown
 * @category Model
 */
export const CITY_FIELDS = {
  id: {
    kind: "identity",
    cell: "text",
    required: true,
    scored: false,
    noun: "Id",
    read: (c: City) => c.id,
  },
  name: {
    kind: "identity",
    cell: "text",
    required: true,
    scored: false,
    noun: "Name",
    read: (c: City) => c.name,
  },
  country: {
    kind: "identity",
    cell: "text",
    required: true,
    scored: false,
    noun: "Country",
    read: (c: City) => c.country,
  },
  population: {
    kind: "amount",
    cell: "number",
    required: false,
    scored: false,
    noun: "Population",
    read: (c: City) => c.population,
  },
  metroPopulation: {
    kind: "amount",
    cell: "number",
    required: false,
    scored: false,
    noun: "Metropolitan population",
    read: (c: City) => c.metroPopulation,
  },
  capital: {
    kind: "flag",
    cell: "boolean",
    required: false,
    scored: false,
    noun: "National capital",
    no: "Not the national capital",
    read: (c: City) => c.capital,
  },
  region: {
    kind: "categorical",
    cell: "text",
    required: false,
    scored: false,
    noun: "Region",
    levels: REGIONS,
    ordered: false,
    read: (c: City) => c.region,
  },
  "outlook.internationalRole": /* @__PURE__ */ ordinalField(ROLE_FIELD, "International role"),
  "outlook.priorities": {
    kind: "themes",
    cell: "list",
    required: false,
    scored: true,
    noun: "Priorities",
    read: (c: City) => c.outlook?.priorities,
  },
  "resources.nationalTier": /* @__PURE__ */ ordinalField(TIER_FIELD, "National tier"),
  "resources.incomeTier": /* @__PURE__ */ ordinalField(INCOME_FIELD, "Income tier"),
  "resources.metroGdpUsd": {
    kind: "amount",
    cell: "number",
    required: false,
    scored: true,
    noun: "Metropolitan GDP",
    read: (c: City) => c.resources?.metroGdpUsd,
  },
  "resources.budgetUsd": {
    kind: "amount",
    cell: "number",
    required: false,
    scored: true,
    noun: "City budget",
    read: (c: City) => c.resources?.budgetUsd,
  },
  "resources.internationalOffice": {
    kind: "flag",
    cell: "boolean",
    required: false,
    scored: true,
    noun: "International office",
    no: "No international office",
    read: (c: City) => c.resources?.internationalOffice,
  },
  "resources.globalEconomyType": {
    kind: "categorical",
    cell: "text",
    required: false,
    scored: false,
    noun: "Global economy type",
    levels: GLOBAL_ECONOMY_TYPES,
    ordered: false,
    read: (c: City) => c.resources?.globalEconomyType,
  },
  "resources.connectivity": {
    kind: "categorical",
    cell: "text",
    required: false,
    scored: false,
    noun: "Connectivity",
    levels: CONNECTIVITY_CLASSES,
    ordered: true,
    read: (c: City) => c.resources?.connectivity,
  },
  "governance.autonomy": /* @__PURE__ */ ordinalField(AUTONOMY_FIELD, "Autonomy"),
  "governance.regime": /* @__PURE__ */ ordinalField(REGIME_FIELD, "Regime"),
} as const satisfies Record<string, CityFieldInfo>;

/**
 * The path of a field of a city.
 *
 * @example
 * const field: CityField = "resources.incomeTier";
 * @category Model
 */
export type CityField = keyof typeof CITY_FIELDS;

/**
 * The paths of {@link CITY_FIELDS}, in their fixed order.
 *
 * @example
 * CITY_FIELD_PATHS[0]; // "id"
 * @category Model
 */
export const CITY_FIELD_PATHS = /* @__PURE__ */ Object.keys(CITY_FIELDS) as readonly CityField[];

/**
 * The paths of the city fields of one kind.
 *
 * @example
 * const amount: CityFieldOfKind<"amount"> = "resources.budgetUsd";
 * @category Model
 */
export type CityFieldOfKind<K extends CityFieldInfo["kind"]> = {
  [P in CityField]: (typeof CITY_FIELDS)[P] extends { kind: K } ? P : never;
}[CityField];

/**
 * The path of an ordinal field of a city.
 *
 * @example
 * const field: OrdinalField = "governance.autonomy";
 * @category Model
 */
export type OrdinalField = CityFieldOfKind<"ordinal">;

/**
 * The ordinal fields of a city, by path, in registry order (the order of
 * {@link ORDINAL_FIELD_PATHS}): their scales, as in {@link CITY_FIELDS}
 * without the column facts. Apart from the registry so that a bundle that
 * only scores carries these five and not the whole registry.
 *
 * @example
 * ORDINAL_FIELDS["governance.regime"].levels.length; // 4
 * @category Model
 */
export const ORDINAL_FIELDS = {
  "outlook.internationalRole": ROLE_FIELD,
  "resources.nationalTier": TIER_FIELD,
  "resources.incomeTier": INCOME_FIELD,
  "governance.autonomy": AUTONOMY_FIELD,
  "governance.regime": REGIME_FIELD,
} as const satisfies { readonly [P in OrdinalField]: OrdinalScale };

/**
 * The ordinal field paths, in their fixed order.
 *
 * @example
 * ORDINAL_FIELD_PATHS; // ["outlook.internationalRole", "resources.nationalTier", …]
 * @category Model
 */
export const ORDINAL_FIELD_PATHS = /* @__PURE__ */ Object.keys(
  ORDINAL_FIELDS,
) as readonly OrdinalField[];

/**
 * The path of a city field that holds one level of a few: an ordinal level,
 * a yes/no fact, or the country.
 *
 * @example
 * const field: CategoricalField = "resources.internationalOffice";
 * @category Model
 */
export type CategoricalField = "country" | CityFieldOfKind<"ordinal" | "flag">;

/**
 * How to read a field's level from a city, as text: the ordinal level, the
 * country code, a place fact's level, or `"true"`/`"false"` for a yes/no
 * fact; `undefined` when unknown.
 *
 * @example
 * levelReader("resources.internationalOffice")(city); // "true"
 * @category Model
 */
export function levelReader(
  path: CategoricalField | CityFieldOfKind<"categorical">,
): (city: City) => string | undefined {
  const field: CityFieldInfo = CITY_FIELDS[path];
  if (field.kind !== "flag") return field.read as (city: City) => string | undefined;
  return (city) => {
    const value = field.read(city);
    return value === undefined ? undefined : String(value);
  };
}

/**
 * The words for a level of an ordinal field (see {@link LevelPhrases}); the
 * plural by the English rule ("-y" to "-ies", else "-s") unless the registry
 * gives one.
 *
 * @example
 * levelPhrases("resources.nationalTier", "secondary").plural; // "secondary cities"
 * @category Model
 */
export function levelPhrases(path: OrdinalField, level: string): LevelPhrases {
  const phrases: Readonly<Record<string, LevelWords>> = ORDINAL_FIELDS[path].phrases;
  const words = phrases[level] ?? { singular: level };
  // The English rule for the registry's nouns: "autocracy", "autocracies"; "mayor", "mayors".
  const plural = words.plural ?? words.singular.replace(/y$/, "ie").concat("s");
  return { ...words, plural };
}

/**
 * A theme in running text: its label in lower case ("basic services"), which
 * is its id with spaces for hyphens (a test checks that they agree), so that
 * a bundle that only scores leaves the taxonomy's labels out.
 *
 * @example
 * themeWords("human-rights"); // "human rights"
 * @category Model
 */
export function themeWords(theme: Theme): string {
  return theme.replace(/-/g, " ");
}

/**
 * A field of a topic: its CSV cell type, whether every topic has it, and its
 * name for people.
 *
 * @example
 * TOPIC_FIELDS["demands.clout"]; // { cell: "number", required: true, noun: "Clout demanded" }
 * @category Model
 */
export type TopicFieldInfo = FieldBase;

/**
 * Every field of a topic, by path, in the order of the topic's shape.
 *
 * @example
 * Object.keys(TOPIC_FIELDS).filter((path) => TOPIC_FIELDS[path as TopicField].required);
 * // ["id", "name", "themes", "internationalFacing", "demands.clout", …, "sensitivity"]
 * @category Model
 */
export const TOPIC_FIELDS = {
  id: { cell: "text", required: true, noun: "Id" },
  name: { cell: "text", required: true, noun: "Name" },
  description: { cell: "text", required: false, noun: "Description" },
  themes: { cell: "list", required: true, noun: "Themes" },
  internationalFacing: { cell: "number", required: true, noun: "International facing" },
  "demands.clout": { cell: "number", required: true, noun: "Clout demanded" },
  "demands.resources": { cell: "number", required: true, noun: "Resources demanded" },
  "demands.autonomy": { cell: "number", required: true, noun: "Autonomy demanded" },
  liberalNorms: { cell: "number", required: true, noun: "Liberal norms" },
  sensitivity: { cell: "number", required: true, noun: "Sensitivity" },
  "salience.byIncome.low": { cell: "number", required: false, noun: "Salience by income (low)" },
  "salience.byIncome.lower-middle": {
    cell: "number",
    required: false,
    noun: "Salience by income (lower-middle)",
  },
  "salience.byIncome.upper-middle": {
    cell: "number",
    required: false,
    noun: "Salience by income (upper-middle)",
  },
  "salience.byIncome.high": { cell: "number", required: false, noun: "Salience by income (high)" },
  "salience.byTier.primary": {
    cell: "number",
    required: false,
    noun: "Salience by tier (primary)",
  },
  "salience.byTier.secondary": {
    cell: "number",
    required: false,
    noun: "Salience by tier (secondary)",
  },
  "salience.byTier.tertiary": {
    cell: "number",
    required: false,
    noun: "Salience by tier (tertiary)",
  },
  "salience.byTier.local": { cell: "number", required: false, noun: "Salience by tier (local)" },
} as const satisfies Record<string, TopicFieldInfo>;

/**
 * The path of a field of a topic.
 *
 * @example
 * const field: TopicField = "salience.byTier.secondary";
 * @category Model
 */
export type TopicField = keyof typeof TOPIC_FIELDS;
/** A place fact of a city: a field the gazetteer fills from reference data. */
export interface PlaceFactFieldInfo {
  /** `boolean` (true or false), `categorical` (levels not ordered) or `ordinal` (levels in order). */
  readonly kind: "boolean" | "categorical" | "ordinal";
  /** Its levels (in the scale's order when ordinal); `["true", "false"]` for a boolean. */
  readonly levels: readonly string[];
  /** Its level in a city as a string, or `undefined` when unknown. */
  readonly read: (city: City) => string | undefined;
}

const asText = (value: boolean | undefined) => (value === undefined ? undefined : String(value));

/**
 * The place facts of a city, by path: `capital`, `region` (UN M49),
 * `resources.globalEconomyType` (Brookings 2016) and `resources.connectivity`
 * (GaWC 2024). docs/model.md gives their sources and vintages; their labels
 * and descriptions are in `PLACE_TAXONOMIES`.
 *
 * @example
 * PLACE_FACT_FIELDS["resources.connectivity"].read({ id: "x", name: "X", country: "GB", resources: { connectivity: "beta" } });
 * // "beta"
 * @category Model
 */
export const PLACE_FACT_FIELDS = {
  capital: {
    kind: "boolean",
    levels: ["true", "false"],
    read: (city: City) => asText(city.capital),
  },
  region: { kind: "categorical", levels: REGIONS, read: (city: City) => city.region },
  "resources.globalEconomyType": {
    kind: "categorical",
    levels: GLOBAL_ECONOMY_TYPES,
    read: (city: City) => city.resources?.globalEconomyType,
  },
  "resources.connectivity": {
    kind: "ordinal",
    levels: CONNECTIVITY_CLASSES,
    read: (city: City) => city.resources?.connectivity,
  },
} as const satisfies Record<string, PlaceFactFieldInfo>;

/** The path of a place fact. @category Model */
export type PlaceFactField = keyof typeof PLACE_FACT_FIELDS;
