/**
 * The model's ordinal fields by path: their levels, their taxonomy and how to
 * read them from a city. One table for every part that addresses a field by
 * its path (gates, reasons, caucuses).
 *
 * @module
 */
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
