/**
 * The shape of the city networks data (`city-difference/networks`).
 *
 * @module
 */
import type { CountryCode } from "../model/country-codes";
import type { Theme } from "../model/taxonomy";

/**
 * Why a member does not resolve to a gazetteer place:
 * - `below-100000`: the member is a municipality of fewer than 100,000 people
 *   (GeoNames, or the population the source itself reports);
 * - `region-or-county`: the member is not one city but a territorial body: a
 *   region, province, state, county, district of a city, metropolitan or
 *   intercommunal body, or a group of municipalities;
 * - `not-found`: no gazetteer place of that name in that country, and no
 *   smaller GeoNames place either;
 * - `ambiguous`: several gazetteer places of the country carry the name and
 *   the source does not say which.
 *
 * @category Networks
 */
export type UnresolvedReason = "below-100000" | "region-or-county" | "not-found" | "ambiguous";

/** Every {@link UnresolvedReason}, in the order above. @category Networks */
export const UNRESOLVED_REASONS: readonly UnresolvedReason[] = [
  "below-100000",
  "region-or-county",
  "not-found",
  "ambiguous",
];

/** A member of a network, as its source names it. @category Networks */
export interface NetworkMember {
  /** The member's name as the source gives it. */
  readonly name: string;
  /** ISO 3166-1 alpha-2 (`XK` for Kosovo), as the source gives it or as assigned in the raw data. */
  readonly country: CountryCode;
  /** The GeoNames id of the gazetteer place (`city-difference/places`) the member is. */
  readonly placeId?: number;
  /** Why the member is no gazetteer place (absent when `placeId` is set). */
  readonly unresolved?: UnresolvedReason;
  /** The creative field, for UNESCO Creative Cities (Crafts and Folk Art, Design, Film, …). */
  readonly field?: string;
}

/** A source a network's member list was read from. @category Networks */
export interface NetworkSource {
  readonly url: string;
  readonly title: string;
  /** The date the stored copy was read (ISO 8601); absent for a source named but not re-read. */
  readonly read?: string;
}

/** Where a network recruits: everywhere, or in the named countries. @category Networks */
export type NetworkScope = "global" | { readonly countries: readonly CountryCode[] };

/**
 * Whether a network's list is used to evaluate relevance scores, and why.
 * A list is left out when it cannot tell members from non-members: a board
 * of a dozen mayors, or a handful of named members of a network of hundreds.
 *
 * @category Networks
 */
export interface NetworkEvaluation {
  readonly evaluated: boolean;
  readonly reason: string;
}

/** A real city network, as data. @category Networks */
export interface Network {
  /** A stable id, e.g. `"c40"`. */
  readonly id: string;
  readonly name: string;
  /** The themes the network works on, primary first (the model's closed vocabulary). */
  readonly themes: readonly Theme[];
  /** The catalog topics (`CATALOG`) that membership evidences. */
  readonly topicIds: readonly string[];
  readonly scope: NetworkScope;
  /** What being a member means. */
  readonly membership: string;
  readonly sources: readonly NetworkSource[];
  /** When the member list holds (as the sources date it). */
  readonly vintage: string;
  /** False when only part of the members could be sourced. */
  readonly complete: boolean;
  /** How much of the network the list covers, and why. */
  readonly completeness: string;
  /** What the list cannot show. */
  readonly caveats: string;
  readonly evaluation: NetworkEvaluation;
  /**
   * The members: every member resolved to a gazetteer place, and every
   * unresolved one except those counted in `unlisted`.
   */
  readonly members: readonly NetworkMember[];
  /**
   * Unresolved members counted by reason rather than listed (the thousands of
   * small municipalities of the Covenant of Mayors); absent when all are listed.
   */
  readonly unlisted?: Readonly<Partial<Record<UnresolvedReason, number>>>;
}
