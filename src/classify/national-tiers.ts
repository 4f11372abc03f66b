/**
 * The national urban hierarchy, from real populations.
 *
 * @module
 */

import * as E from "fp-ts/Either";
import * as z from "zod/mini";
import { firstSeenTracker } from "../internal/ids";
import { nonBlankText } from "../internal/schemas";
import { COUNTRY_CODES, type CountryCode } from "../model/country-codes";
import type { ValidationError } from "../model/errors";
import { parseWithSchema, type RecordError } from "../model/parse";
import { readEntries, refusedListMessage } from "../model/read";
import type { NationalTier } from "../model/taxonomy";

/**
 * Default thresholds of the tier rule, as shares of the country's largest
 * place. Calibrated on the places the essay names (Sam Tabory, "Difference in
 * city diplomacy") and checked on GeoNames populations (docs/model.md gives the
 * agreement reached):
 *
 * - `primaryShare` 0.3: the essay puts Chicago (a third of New York's
 *   population) with New York and Los Angeles among the cities that command
 *   national attention, and London alone at the top in the UK, where the next
 *   city (Birmingham) is an eighth of London. 0.3 keeps Chicago (0.33) in and
 *   Houston (0.28) out.
 * - `secondaryShare` 0.05: the UK's Core Cities, the essay's secondary
 *   cities, run from Birmingham (0.13 of London) down to Manchester (0.05 of
 *   London's city-proper population in GeoNames).
 * - `tertiaryShare` 0.005: the Key Cities, the essay's tertiary cities, run
 *   down to about 0.6% of London; below half a percent of the largest place a
 *   town's weight is local.
 *
 * @category Classifiers
 */
export const DEFAULT_NATIONAL_TIER_OPTIONS = {
  primaryShare: 0.3,
  secondaryShare: 0.05,
  tertiaryShare: 0.005,
} as const;

const share = /* @__PURE__ */ (() => z.number().check(z.gt(0), z.lte(1)))();

const OptionsSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      primaryShare: z.optional(share),
      secondaryShare: z.optional(share),
      tertiaryShare: z.optional(share),
    })
    .check(
      z.refine(
        (o) => {
          const d = DEFAULT_NATIONAL_TIER_OPTIONS;
          const p = o.primaryShare ?? d.primaryShare;
          const s = o.secondaryShare ?? d.secondaryShare;
          const t = o.tertiaryShare ?? d.tertiaryShare;
          return p > s && s > t;
        },
        { error: "shares must decrease: primaryShare > secondaryShare > tertiaryShare" },
      ),
    ))();

/** Options of {@link classifyNationalTiers}: the thresholds, as shares of the largest place. @category Classifiers */
export type NationalTierOptions = z.input<typeof OptionsSchema>;

const PlaceSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: z.union([nonBlankText, z.int()]),
    country: z.enum(COUNTRY_CODES),
    population: z.int().check(z.positive()),
    metroPopulation: z.optional(z.int().check(z.positive())),
  }))();

/**
 * A place to rank: any data set with an id, a country and a population (e.g.
 * GeoNames). The input type of the schema {@link classifyNationalTiers}
 * checks each place against at run time:
 *
 * - `id`: a non-blank string or a whole number, unique in the list;
 * - `country`: ISO 3166-1 alpha-2 (`XK` for Kosovo);
 * - `population`: a whole number of at least 1; GeoNames' 0 ("unknown") is
 *   rejected, so drop such places first;
 * - `metroPopulation` (optional): the population of the metropolitan area or
 *   urban agglomeration the place stands for, where known: it can raise a
 *   place to `secondary` or `tertiary`, never to `primary`.
 *
 * No other field is accepted.
 *
 * @example
 * const place: PlaceInput = { id: 2643123, country: "GB", population: 395_515 };
 * @category Classifiers
 */
export type PlaceInput = Readonly<z.input<typeof PlaceSchema>>;

/** A place's position in its country's urban hierarchy. @category Classifiers */
export interface NationalTierAssignment {
  readonly id: string | number;
  readonly country: CountryCode;
  readonly population: number;
  /** 1 for the country's largest place; equal populations share a rank ("1224" ranking). */
  readonly rank: number;
  /** The population as a share of the country's largest place, in (0, 1]. */
  readonly shareOfLargest: number;
  /**
   * With a `metroPopulation`: that population as a share of the country's
   * largest place by its larger figure (metropolitan where known, else city
   * proper), in (0, 1].
   */
  readonly metroShareOfLargest?: number;
  readonly tier: NationalTier;
}

/** The outcome of {@link classifyNationalTiers}. @category Classifiers */
export interface NationalTiers {
  /** One assignment per valid place, in input order. */
  readonly tiers: readonly NationalTierAssignment[];
  /** One entry per invalid place (and per repeated id), with its index. */
  readonly errors: readonly RecordError[];
}

type Thresholds = { readonly [K in keyof typeof DEFAULT_NATIONAL_TIER_OPTIONS]: number };

function tierOf(shareOfLargest: number, o: Thresholds): NationalTier {
  if (shareOfLargest >= o.primaryShare) return "primary";
  if (shareOfLargest >= o.secondaryShare) return "secondary";
  if (shareOfLargest >= o.tertiaryShare) return "tertiary";
  return "local";
}

/** The tier from the city share, raised by the metropolitan share at most to secondary. */
function tierWithMetro(share: number, metroShare: number | undefined, o: Thresholds): NationalTier {
  const byCity = tierOf(share, o);
  if (metroShare === undefined || byCity === "primary") return byCity;
  const byMetro = metroShare >= o.secondaryShare ? "secondary" : tierOf(metroShare, o);
  return NATIONAL_TIER_ORDER[byMetro] < NATIONAL_TIER_ORDER[byCity] ? byMetro : byCity;
}

const NATIONAL_TIER_ORDER: Readonly<Record<NationalTier, number>> = {
  primary: 0,
  secondary: 1,
  tertiary: 2,
  local: 3,
};

/**
 * Places each place in its country's urban hierarchy: its rank by
 * population, its population as a share of the country's largest place, and
 * its tier. The rule is a share-of-largest rule with fixed thresholds
 * ({@link DEFAULT_NATIONAL_TIER_OPTIONS}): a place is primary when at least
 * 30% of the largest (the largest itself always is), secondary from 5%,
 * tertiary from 0.5%, local below. Because the tier depends only on the
 * share, a bigger place never gets a lower tier than a smaller one of the
 * same country.
 *
 * Tiers are relative to the places given: pass the whole data set of a
 * country, not a sample. Invalid places are reported in `errors` with their
 * index and field, and the others are still classified; invalid options give
 * a `Left`. Cost: O(n log n).
 *
 * @example
 * classifyNationalTiers([
 *   { id: "nyc", country: "US", population: 8_175_133 },
 *   { id: "chicago", country: "US", population: 2_720_546 },
 *   { id: "houston", country: "US", population: 2_296_224 },
 * ]);
 * // Right({ tiers: [ {id:"nyc", rank:1, shareOfLargest:1, tier:"primary", …},
 * //                  {id:"chicago", rank:2, shareOfLargest:0.333, tier:"primary", …},
 * //                  {id:"houston", rank:3, shareOfLargest:0.281, tier:"secondary", …} ], errors: [] })
 * @category Classifiers
 */
export function classifyNationalTiers(
  places: readonly PlaceInput[],
  options?: NationalTierOptions,
): E.Either<ValidationError, NationalTiers> {
  const parsedOptions = parseWithSchema(OptionsSchema, options ?? {}, "an options object");
  if (E.isLeft(parsedOptions)) return parsedOptions;
  const thresholds = thresholdsOf(parsedOptions.right);
  const { valid, errors } = readPlaces(places);
  const assigned = new Map<PlaceInput, NationalTierAssignment>();
  for (const inCountry of byCountry(valid).values()) {
    for (const assignment of assignCountry(inCountry, thresholds)) {
      assigned.set(assignment.place, assignment.tier);
    }
  }
  const tiers = valid.map((place) => assigned.get(place) as NationalTierAssignment);
  return E.right({ tiers, errors });
}

/** The thresholds given, the defaults for the others. */
function thresholdsOf(given: NationalTierOptions): Thresholds {
  return {
    primaryShare: given.primaryShare ?? DEFAULT_NATIONAL_TIER_OPTIONS.primaryShare,
    secondaryShare: given.secondaryShare ?? DEFAULT_NATIONAL_TIER_OPTIONS.secondaryShare,
    tertiaryShare: given.tertiaryShare ?? DEFAULT_NATIONAL_TIER_OPTIONS.tertiaryShare,
  };
}

/**
 * The valid places, in input order, and an error for each invalid one and
 * each repeated id (on the later place); input that is not an array gives
 * one error with index -1.
 */
function readPlaces(places: unknown): {
  readonly valid: readonly PlaceInput[];
  readonly errors: readonly RecordError[];
} {
  const list = readEntries(places);
  if (E.isLeft(list)) {
    const message = refusedListMessage(list.left, "places", places);
    return { valid: [], errors: [{ index: -1, issues: [{ path: [], message }] }] };
  }
  const errors: RecordError[] = [];
  const valid: PlaceInput[] = [];
  const firstIndexOf = firstSeenTracker<string | number, number>();
  for (let index = 0; index < list.right.length; index++) {
    const parsed = E.chain((raw: unknown) => parseWithSchema(PlaceSchema, raw, "a place object"))(
      list.right.at(index),
    );
    if (E.isLeft(parsed)) {
      errors.push({ index, issues: parsed.left.issues });
      continue;
    }
    const first = firstIndexOf(parsed.right.id, index);
    if (first !== undefined) {
      const message = `repeats the id of the place at index ${first}`;
      errors.push({ index, id: String(parsed.right.id), issues: [{ path: ["id"], message }] });
      continue;
    }
    valid.push(parsed.right);
  }
  return { valid, errors };
}

/** The places of each country, in input order. */
function byCountry(places: readonly PlaceInput[]): Map<string, PlaceInput[]> {
  const grouped = new Map<string, PlaceInput[]>();
  for (const place of places) {
    const list = grouped.get(place.country);
    if (list === undefined) grouped.set(place.country, [place]);
    else list.push(place);
  }
  return grouped;
}

/** The rank, shares and tier of each place of one country, largest first. */
function assignCountry(
  list: readonly PlaceInput[],
  o: Thresholds,
): { readonly place: PlaceInput; readonly tier: NationalTierAssignment }[] {
  const sorted = [...list].sort((a, b) => b.population - a.population);
  const largest = sorted[0]?.population ?? 1;
  let largestSize = 1;
  for (const p of list) largestSize = Math.max(largestSize, p.population, p.metroPopulation ?? 0);
  let rank = 0;
  let previous = Number.NaN;
  return sorted.map((place, position) => {
    if (place.population !== previous) rank = position + 1;
    previous = place.population;
    const shareOfLargest = place.population / largest;
    const metroShareOfLargest =
      place.metroPopulation === undefined ? undefined : place.metroPopulation / largestSize;
    const tier: NationalTierAssignment = {
      id: place.id,
      country: place.country,
      population: place.population,
      rank,
      shareOfLargest,
      ...(metroShareOfLargest !== undefined && { metroShareOfLargest }),
      tier: tierWithMetro(shareOfLargest, metroShareOfLargest, o),
    };
    return { place, tier };
  });
}
