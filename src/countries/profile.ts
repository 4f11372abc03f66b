/**
 * The shape of a country's reference facts: the types the country table
 * (`data.ts`, generated) and the lookups in `index.ts` share.
 *
 * @module
 */
import type { CountryCode } from "../model/country-codes";
import type { Autonomy, IncomeTier, Regime } from "../model/taxonomy";
import type { StateSource } from "./sources";

/**
 * How a country's state is structured, as its sources describe it.
 *
 * - `federal`: a federation (Forum of Federations).
 * - `unitary`: a unitary state.
 * - `unitary-devolved`: a unitary state with devolved legislatures (the UK).
 * - `regionalized`: a unitary state with constitutionally strong regions (Italy).
 * - `dependency`: a territory under another state's sovereignty (Puerto Rico, Hong Kong…).
 *
 * @category Countries
 */
export type StateStructure =
  | "federal"
  | "unitary"
  | "unitary-devolved"
  | "regionalized"
  | "dependency";

/** One economy's reference facts. @category Countries */
export interface CountryProfile {
  readonly code: CountryCode;
  readonly name: string;
  /** World Bank income group, FY2026; absent where the World Bank left it unclassified (Ethiopia, Venezuela). */
  readonly incomeTier?: IncomeTier;
  /** V-Dem Regimes of the World category; absent for the small states V-Dem does not code. */
  readonly regime?: Regime;
  /** The year the regime category describes. */
  readonly regimeYear?: number;
  readonly stateStructure?: StateStructure;
  /** Where the state structure comes from. */
  readonly stateSources?: readonly StateSource[];
  /** The model's autonomy level, from `autonomyOf`; absent when an input is. */
  readonly autonomy?: Autonomy;
  /** Conflicts between sources and other remarks. */
  readonly note?: string;
}
