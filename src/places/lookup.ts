/**
 * The gazetteer and its lookups: `PLACES`, `findPlaces`, `cityFromPlace` and
 * the errors they report. Exported by the places subpath (`index.ts`).
 *
 * @module
 */
import * as E from "fp-ts/Either";
import * as z from "zod/mini";
import { countryProfile, regionOf } from "../countries/index";
import { type CountryCode, countryCodeHint, isCountryCode } from "../model/country-codes";
import type { ValidationError } from "../model/errors";
import { parseWithSchema } from "../model/parse";
import {
  CONNECTIVITY_CLASSES,
  type ConnectivityClass,
  GLOBAL_ECONOMY_TYPES,
  type GlobalEconomyType,
  type Region,
} from "../model/place-facts";
import type { City } from "../model/schemas";
import { NATIONAL_TIERS, type NationalTier } from "../model/taxonomy";
import { ALTERNATE_NAME_ROWS, COUNTRIES_WITH_CAPITAL, PLACE_ROWS, SECTION_ROWS } from "./data";
import { normalizeName } from "./normalize";
import { closestIndexes } from "./suggest";

export {
  autonomyOf,
  COUNTRIES,
  type CountryProfile,
  countryProfile,
  regionOf,
  SOURCES,
  type Source,
  type StateSource,
  type StateStructure,
} from "../countries/index";
export { normalizeName };

/** A place of the gazetteer. @category Places */
export interface Place {
  /** The GeoNames id. */
  readonly id: number;
  readonly name: string;
  readonly country: CountryCode;
  /** City proper, as GeoNames gives it. */
  readonly population: number;
  /** From `classifyNationalTiers` over every GeoNames place of the country. */
  readonly nationalTier: NationalTier;
  /**
   * The population of the UN urban agglomeration the place stands for (World
   * Urbanization Prospects 2018, 2025 figure); absent when none is matched, or
   * when the agglomeration is shared by several places of comparable size.
   */
  readonly metroPopulation?: number;
  /** Whether it is its country's seat of government; absent when the country's is unknown. */
  readonly capital?: boolean;
  /** The UN M49 region of its country (see `regionOf`). */
  readonly region?: Region;
  /**
   * Its Brookings (2016) type of global metro economy, `outside-typology` when
   * it is not one of the 123 metros; absent (unknown) within 50 km of one.
   */
  readonly globalEconomyType?: GlobalEconomyType;
  /** Its GaWC 2024 class, `not-classified` when the edition does not list it. */
  readonly connectivity: ConnectivityClass;
}

/**
 * Every GeoNames place of 100,000 people or more, largest first (4,043
 * places). Sections of larger places (GeoNames `PPLX`, and places inside a
 * place at least three times as populous, such as London's boroughs) are left
 * out; docs/places.md says how.
 *
 * @category Places
 */
export const PLACES: readonly Place[] = buildPlaces();

function buildPlaces(): Place[] {
  const withCapital = new Set(COUNTRIES_WITH_CAPITAL);
  return PLACE_ROWS.map(
    ([id, name, country, population, tier, connectivity, economy, capital, metroPopulation]) => {
      const region = regionOf(country);
      return {
        id,
        name,
        country: country as CountryCode,
        population,
        nationalTier: NATIONAL_TIERS[tier] as NationalTier,
        ...(metroPopulation !== undefined && { metroPopulation }),
        ...(withCapital.has(country) && { capital: capital === 1 }),
        ...(region !== undefined && { region }),
        ...(economy >= 0 && {
          globalEconomyType: GLOBAL_ECONOMY_TYPES[economy] as GlobalEconomyType,
        }),
        connectivity: CONNECTIVITY_CLASSES[connectivity] as ConnectivityClass,
      };
    },
  );
}

/** A place named in an error: enough to tell candidates apart. @category Places */
export type PlaceSummary = Place;

/** No place matches the query. @category Places */
export interface PlaceNotFound {
  readonly _tag: "PlaceNotFound";
  readonly query: string;
  readonly message: string;
  /**
   * The places whose names (own or alternate) are closest to the query's, by
   * edit distance, closest first, then largest first: at most 5, within a
   * third of the query's length in edits (at most 3). In the query's country
   * when it names one and some lie there, else anywhere. Empty when none is
   * that close, or when the query has no name.
   */
  readonly suggestions: readonly PlaceSummary[];
}

/** Several places match the query; say which (by country or GeoNames id). @category Places */
export interface AmbiguousPlace {
  readonly _tag: "AmbiguousPlace";
  readonly query: string;
  readonly message: string;
  /** The matching places, largest first. */
  readonly candidates: readonly PlaceSummary[];
}

/** Why {@link cityFromPlace} could not return a city. @category Places */
export type PlaceLookupError = PlaceNotFound | AmbiguousPlace | ValidationError;

/** A structured place query. @category Places */
export interface PlaceQuery {
  /** The place's name; accents, case and punctuation are ignored. */
  readonly name?: string | undefined;
  /** An ISO 3166-1 alpha-2 code to narrow the search (`UK` is read as `GB`). */
  readonly country?: string | undefined;
  /** A GeoNames id. */
  readonly id?: number | undefined;
}

const NORMALIZED = PLACES.map((place) => normalizeName(place.name));
const BY_ID = new Map(PLACES.map((place) => [place.id, place]));

/** A name without the qualifier after a comma or in brackets: "Washington, D.C." gives "Washington". */
function baseName(name: string): string {
  return name
    .replace(/\s*\([^)]*\)\s*$/, "")
    .replace(/,.*$/, "")
    .trim();
}

/** Each place's base name, normalized, where it differs from its name. */
const BASE_NAMES = PLACES.map((place, i) => {
  const base = normalizeName(baseName(place.name));
  return base === NORMALIZED[i] || base === "" ? undefined : base;
});

/** Each place's alternate names (data/places/alternate-names.tsv), normalized. */
const ALTERNATE_NAMES: string[][] = (() => {
  const index = new Map(PLACES.map((place, i) => [place.id, i]));
  const out: string[][] = PLACES.map(() => []);
  for (const [id, name] of ALTERNATE_NAME_ROWS) {
    const i = index.get(id);
    if (i !== undefined) out[i]?.push(normalizeName(name));
  }
  return out;
})();

const QuerySchema = z.strictObject({
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  country: z.optional(z.string().check(z.minLength(2), z.maxLength(3))),
  id: z.optional(z.int().check(z.positive())),
});

/** Reads "Manchester, GB", "Manchester", "geonames:2643123" or "2643123". */
function parseQueryString(query: string): PlaceQuery {
  const text = query.trim();
  const id = /^(?:geonames:)?(\d+)$/i.exec(text);
  if (id) return { id: Number(id[1]) };
  const comma = text.lastIndexOf(",");
  if (comma > 0) {
    const country = text.slice(comma + 1).trim();
    if (/^[A-Za-z]{2,3}$/.test(country)) return { name: text.slice(0, comma).trim(), country };
  }
  return { name: text };
}

function describeQuery(query: PlaceQuery): string {
  if (query.id !== undefined) return `geonames:${query.id}`;
  return query.country === undefined ? `${query.name}` : `${query.name}, ${query.country}`;
}

function describePlace(place: Place): string {
  return `${place.name}, ${place.country} (population ${place.population.toLocaleString("en")}, ${place.nationalTier}) geonames:${place.id}`;
}

/**
 * The places matching a query, largest first: by GeoNames id; else, in this
 * order, the first of these that finds any, optionally in one country: places
 * whose name equals the query's (ignoring accents, case and punctuation);
 * places with that name among their alternate names, former and common names
 * people type ("Bombay", "Peking", "Kiev"); places whose name without its
 * qualifier is the query's ("Washington" for "Washington, D.C."); places whose
 * name starts with it ("New York" finds "New York City"). A place's own name
 * thus wins over another place's alternate name. Returns `[]` when none match.
 *
 * @example
 * findPlaces({ name: "Manchester" }).map((p) => p.country); // ["GB", "US"]
 * findPlaces({ name: "Bombay" }).map((p) => p.name); // ["Mumbai"]
 * @category Places
 */
export function findPlaces(query: PlaceQuery): readonly Place[] {
  if (query.id !== undefined) {
    const place = BY_ID.get(query.id);
    return place === undefined ? [] : [place];
  }
  if (query.name === undefined) return [];
  const wanted = normalizeName(query.name);
  const country = query.country === undefined ? undefined : countryCodeHint(query.country);
  if (query.country !== undefined && country === undefined) return [];
  const rules: ((i: number) => boolean)[] = [
    (i) => NORMALIZED[i] === wanted,
    (i) => ALTERNATE_NAMES[i]?.includes(wanted) === true,
    (i) => BASE_NAMES[i] === wanted,
    (i) => NORMALIZED[i]?.startsWith(`${wanted} `) === true,
  ];
  for (const rule of rules) {
    const found = PLACES.filter(
      (place, i) => (country === undefined || place.country === country) && rule(i),
    );
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * The places whose names are closest to the query's, for a query that matches
 * none (see `PlaceNotFound.suggestions`).
 */
function suggestPlaces(query: PlaceQuery): readonly Place[] {
  if (query.name === undefined) return [];
  const wanted = normalizeName(query.name);
  const country = query.country === undefined ? undefined : countryCodeHint(query.country);
  const namesOf = (i: number) => [
    NORMALIZED[i] as string,
    ...(ALTERNATE_NAMES[i] ?? []),
    ...(BASE_NAMES[i] === undefined ? [] : [BASE_NAMES[i]]),
  ];
  const among = (indexes: number[]) =>
    closestIndexes(wanted, indexes.map(namesOf), (k) => indexes[k] as number).map(
      (k) => PLACES[indexes[k] as number] as Place,
    );
  const all = PLACES.map((_, i) => i);
  if (country !== undefined) {
    const inCountry = among(all.filter((i) => PLACES[i]?.country === country));
    if (inCountry.length > 0) return inCountry;
  }
  return among(all);
}

/** A section of a larger place that the query names, if any (a hint for "not found"). */
function sectionNamed(
  query: PlaceQuery,
): { name: string; country: string; host: Place } | undefined {
  if (query.name === undefined) return undefined;
  const wanted = normalizeName(query.name);
  const country = query.country === undefined ? undefined : countryCodeHint(query.country);
  for (const [, name, code, hostId] of SECTION_ROWS) {
    if (normalizeName(name) !== wanted || (country !== undefined && code !== country)) continue;
    const host = BY_ID.get(hostId);
    if (host !== undefined) return { name, country: code, host };
  }
  return undefined;
}

/**
 * A `City` profile for a real place, with every field the data can fill:
 * `population` and `resources.nationalTier` from the gazetteer;
 * `metroPopulation` (UN WUP 2018), `capital`, `region` (UN M49),
 * `resources.globalEconomyType` (Brookings 2016) and
 * `resources.connectivity` (GaWC 2024) where the reference data covers the
 * place (docs/places.md); `resources.incomeTier` (World Bank FY2026), `governance.regime` (V-Dem
 * 2024) and `governance.autonomy` (derived, see `autonomyOf`) from the country
 * reference data where known. What the data cannot know, the mayor's outlook,
 * stays unknown and shows as an interval in scores. The city's id is
 * `geonames:<id>`.
 *
 * The query is a string ("Manchester, GB", "Manchester", "geonames:2643123")
 * or `{ name?, country?, id? }`. A name shared by several places gives an
 * `AmbiguousPlace` error listing the candidates; no match gives
 * `PlaceNotFound` with the closest names as `suggestions` ("Manchestr, GB"
 * suggests Manchester); a malformed query object a `ValidationError`. Former
 * and common names ("Bombay", "Saigon") and names without their qualifier
 * ("Washington, US") are found as {@link findPlaces} says. Never throws.
 *
 * @example
 * import * as E from "fp-ts/Either";
 * const result = cityFromPlace("Manchester");
 * if (E.isLeft(result) && result.left._tag === "AmbiguousPlace") {
 *   result.left.candidates.map((p) => `${p.name}, ${p.country}`); // ["Manchester, GB", "Manchester, US"]
 * }
 * @category Places
 */
export function cityFromPlace(query: string | PlaceQuery): E.Either<PlaceLookupError, City> {
  const parsed = readQuery(query);
  if (E.isLeft(parsed)) return parsed;
  const text = describeQuery(parsed.right);
  const unusable = unusableQuery(parsed.right, text);
  if (unusable !== undefined) return E.left(unusable);
  const matches = findPlaces(parsed.right);
  if (matches.length === 0) return E.left(notFound(parsed.right, text));
  if (matches.length > 1) {
    return E.left({
      _tag: "AmbiguousPlace",
      query: text,
      message: `"${text}" matches ${matches.length} places; add the country code or use the GeoNames id:\n${matches
        .map((place) => `  ${describePlace(place)}`)
        .join("\n")}`,
      candidates: matches,
    });
  }
  return E.right(placeToCity(matches[0] as Place));
}

/** The query as a {@link PlaceQuery}: a string read as such, an object validated. */
function readQuery(query: string | PlaceQuery): E.Either<ValidationError, PlaceQuery> {
  if (typeof query === "string") return E.right(parseQueryString(query));
  return parseWithSchema(QuerySchema, query, "a place query object");
}

/** A `PlaceNotFound` for a query with no name and no id, or with a country that is no code. */
function unusableQuery(query: PlaceQuery, text: string): PlaceNotFound | undefined {
  if (query.id === undefined && (query.name === undefined || query.name.trim() === "")) {
    return notFoundWith(text, "give a place name or a GeoNames id", []);
  }
  if (query.country !== undefined && countryCodeHint(query.country) === undefined) {
    const message = `"${query.country}" is not an ISO 3166-1 alpha-2 country code (such as GB)`;
    return notFoundWith(text, message, []);
  }
  return undefined;
}

function notFoundWith(
  query: string,
  message: string,
  suggestions: readonly Place[],
): PlaceNotFound {
  return { _tag: "PlaceNotFound", query, message, suggestions };
}

/** Why a query matches no place: it names a section of a larger place, or the closest names. */
function notFound(query: PlaceQuery, text: string): PlaceNotFound {
  const section = sectionNamed(query);
  if (section !== undefined) {
    const message = `GeoNames lists ${section.name}, ${section.country} as part of a larger place; query that place instead: ${describePlace(section.host)}`;
    return notFoundWith(text, message, [section.host]);
  }
  const suggestions = suggestPlaces(query);
  const hint =
    suggestions.length === 0
      ? ""
      : `; did you mean ${suggestions.length === 1 ? "" : "one of "}${suggestions.map(describePlace).join("; ")}?`;
  const message = `no place matches "${text}" among the ${PLACES.length.toLocaleString("en")} GeoNames places of 100,000 people or more${hint}`;
  return notFoundWith(text, message, suggestions);
}

/**
 * The `City` profile of a gazetteer place (see {@link cityFromPlace}): the
 * place's own facts, and the income tier, regime and autonomy of its
 * country where the country table knows them.
 *
 * @example
 * const [leeds] = findPlaces({ name: "Leeds", country: "GB" });
 * if (leeds !== undefined) placeToCity(leeds);
 * // { id: "geonames:2644688", name: "Leeds", country: "GB", population: 455123,
 * //   capital: false, region: "northern-europe",
 * //   resources: { nationalTier: "secondary", incomeTier: "high",
 * //                globalEconomyType: "outside-typology", connectivity: "high-sufficiency" },
 * //   governance: { autonomy: "intermediate", regime: "electoral-democracy" } }
 * @category Places
 */
export function placeToCity(place: Place): City {
  const country = countryProfile(place.country);
  const governance = {
    ...(country?.autonomy !== undefined && { autonomy: country.autonomy }),
    ...(country?.regime !== undefined && { regime: country.regime }),
  };
  return {
    id: `geonames:${place.id}`,
    name: place.name,
    country: place.country,
    population: place.population,
    ...(place.metroPopulation !== undefined && { metroPopulation: place.metroPopulation }),
    ...(place.capital !== undefined && { capital: place.capital }),
    ...(place.region !== undefined && { region: place.region }),
    resources: {
      nationalTier: place.nationalTier,
      ...(country?.incomeTier !== undefined && { incomeTier: country.incomeTier }),
      ...(place.globalEconomyType !== undefined && {
        globalEconomyType: place.globalEconomyType,
      }),
      connectivity: place.connectivity,
    },
    ...(Object.keys(governance).length > 0 && { governance }),
  };
}

/**
 * A lookup error as text, for logs and terminals: the error's message, or,
 * for a malformed query, one line per issue with its field.
 *
 * @example
 * import * as E from "fp-ts/Either";
 * const result = cityFromPlace("Manchestr, GB");
 * if (E.isLeft(result)) console.error(formatPlaceLookupError(result.left));
 * // no place matches "Manchestr, GB" among the 4,043 GeoNames places of 100,000 people or more;
 * //   did you mean Manchester, GB (population 395,515, secondary) geonames:2643123?
 * @category Places
 */
export function formatPlaceLookupError(error: PlaceLookupError): string {
  if (error._tag === "ValidationError") {
    return error.issues
      .map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`)
      .join("\n");
  }
  return error.message;
}

/** Whether a string is a country code of the model (re-exported for query builders). @category Places */
export { isCountryCode };
