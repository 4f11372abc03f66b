import type { Region } from "../model/place-facts";
import type { Autonomy, Regime } from "../model/taxonomy";
import { COUNTRY_ROWS } from "./data";
import type { CountryProfile, StateStructure } from "./profile";
import { COUNTRY_REGIONS } from "./regions";

export type { CountryProfile, StateStructure } from "./profile";
export { SOURCES, type Source, type StateSource } from "./sources";

/**
 * The model's `autonomy` level from a country's state structure (formal
 * authority) and regime (informal authority), the two sides the essay names
 * (Sam Tabory, "Difference in city diplomacy": "authority, both formal and
 * informal").
 *
 * | state structure | democracy (electoral or liberal) | autocracy (electoral or closed) |
 * |---|---|---|
 * | federal | decentralized | intermediate |
 * | unitary-devolved, regionalized | intermediate | centralized |
 * | unitary | intermediate | centralized |
 * | dependency | absent | absent |
 *
 * A federation divides sovereignty, and with it the room for local
 * self-government, but an autocracy concentrates informal authority whatever
 * the constitution says; a unitary state keeps formal authority at the centre,
 * and only a democracy lets cities use what is delegated independently. A
 * dependency's autonomy is set by its sovereign, so it is left unknown.
 *
 * Limits: the mapping cannot see differences among unitary democracies, such
 * as the strong local self-government of the Nordic states measured by the
 * Local Autonomy Index (Ladner, Keuffer and Baldersheim 2016); set `autonomy`
 * on a city by hand where you know better.
 *
 * @example
 * autonomyOf("federal", "liberal-democracy");   // "decentralized"
 * autonomyOf("unitary", "closed-autocracy");    // "centralized"
 * autonomyOf("unitary", undefined);             // undefined
 * @category Countries
 */
export function autonomyOf(
  structure: StateStructure | undefined,
  regime: Regime | undefined,
): Autonomy | undefined {
  if (structure === undefined || regime === undefined || structure === "dependency")
    return undefined;
  const democracy = regime === "electoral-democracy" || regime === "liberal-democracy";
  if (structure === "federal") return democracy ? "decentralized" : "intermediate";
  return democracy ? "intermediate" : "centralized";
}

/**
 * Every economy of the reference table, sorted by code: the 217 economies of
 * the World Bank's FY2026 classification that have an ISO 3166-1 alpha-2 code
 * (all but the Channel Islands), Kosovo as `XK`.
 *
 * @category Countries
 */
export const COUNTRIES: readonly CountryProfile[] = COUNTRY_ROWS.map((row) => {
  const autonomy = autonomyOf(row.stateStructure, row.regime);
  return autonomy === undefined ? row : { ...row, autonomy };
});

const BY_CODE = new Map<string, CountryProfile>(
  COUNTRIES.map((country) => [country.code, country]),
);

/**
 * The reference facts of a country, or `undefined` when the table has none
 * (a code the World Bank does not classify, such as Antarctica).
 *
 * @example
 * countryProfile("GB")?.regime; // "electoral-democracy" (V-Dem, 2024)
 * @category Countries
 */
export function countryProfile(code: string): CountryProfile | undefined {
  return BY_CODE.get(code);
}

/**
 * The UN M49 region of a country: the intermediate region where M49 has one
 * (the Caribbean, Central America and South America within Latin America and
 * the Caribbean; Eastern, Middle, Southern and Western Africa within
 * Sub-Saharan Africa), else the sub-region. `undefined` for a code M49 gives
 * no region (Antarctica) or a string that is not a country code. Taiwan (TW)
 * and Kosovo (XK), which M49 does not list, take the region of China and of
 * Serbia (data/places/README.md says why). Source: UNSD, *Standard country or
 * area codes for statistical use (M49)*, table as downloaded September 2024.
 *
 * @example
 * regionOf("GB"); // "northern-europe"
 * regionOf("NG"); // "western-africa"
 * regionOf("AQ"); // undefined
 * @category Countries
 */
export function regionOf(country: string): Region | undefined {
  return Object.hasOwn(COUNTRY_REGIONS, country) ? COUNTRY_REGIONS[country] : undefined;
}
