/**
 * The model's ordinal fields by path: their levels, their taxonomy and how to
 * read them from a city. One table for every part that addresses a field by
 * its path (gates, reasons, caucuses).
 *
 * @module
 */
import { CONNECTIVITY_CLASSES, GLOBAL_ECONOMY_TYPES, REGIONS } from "./place-facts";
import type { City } from "./schemas";
import {
  AUTONOMIES,
  INCOME_TIERS,
  INTERNATIONAL_ROLES,
  NATIONAL_TIERS,
  REGIMES,
  type TAXONOMIES,
} from "./taxonomy";

/** An ordinal field of the model. */
export interface OrdinalFieldInfo {
  /** The key of its taxonomy in `TAXONOMIES`. */
  readonly taxonomy: keyof typeof TAXONOMIES;
  /** Its levels, in the scale's order. */
  readonly levels: readonly string[];
  /** Its level in a city, or `undefined` when unknown. */
  readonly read: (city: City) => string | undefined;
}

/**
 * The ordinal fields of a city, by path, in a fixed order (the order of
 * {@link ORDINAL_FIELD_PATHS}).
 *
 * @category Model
 */
export const ORDINAL_FIELDS = {
  "outlook.internationalRole": {
    taxonomy: "internationalRole",
    levels: INTERNATIONAL_ROLES,
    read: (city: City) => city.outlook?.internationalRole,
  },
  "resources.nationalTier": {
    taxonomy: "nationalTier",
    levels: NATIONAL_TIERS,
    read: (city: City) => city.resources?.nationalTier,
  },
  "resources.incomeTier": {
    taxonomy: "incomeTier",
    levels: INCOME_TIERS,
    read: (city: City) => city.resources?.incomeTier,
  },
  "governance.autonomy": {
    taxonomy: "autonomy",
    levels: AUTONOMIES,
    read: (city: City) => city.governance?.autonomy,
  },
  "governance.regime": {
    taxonomy: "regime",
    levels: REGIMES,
    read: (city: City) => city.governance?.regime,
  },
} as const satisfies Record<string, OrdinalFieldInfo>;

/** The path of an ordinal field. @category Model */
export type OrdinalField = keyof typeof ORDINAL_FIELDS;

/** The ordinal field paths, in their fixed order. @category Model */
export const ORDINAL_FIELD_PATHS = Object.keys(ORDINAL_FIELDS) as readonly OrdinalField[];

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
