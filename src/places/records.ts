/**
 * Files of names: records that name a place by `name` and `country`, as a
 * network's member list does, turned into `City` profiles through the
 * gazetteer. What a record gives explicitly wins over what the gazetteer
 * knows.
 *
 * @module
 */
import * as E from "fp-ts/Either";
import * as z from "zod/mini";
import { countryCodeHint } from "../model/country-codes";
import { type Issue, type ValidationError, validationError } from "../model/errors";
import {
  isPlainObject,
  type ParsedCities,
  parseBatch,
  parseCity,
  parseWithSchema,
} from "../model/parse";
import { snapshot } from "../model/read";
import type { City } from "../model/schemas";
import { cityFromPlace, type Place, type PlaceLookupError } from "./lookup";

/** The id of a city made from a gazetteer place: `geonames:` and the GeoNames id. */
const GEONAMES_ID = /^geonames:(\d+)$/;

/** The fields a record is looked up by; the rest of the record is a city's profile. */
const LookupSchema = /* @__PURE__ */ z.looseObject({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  country: z.string().check(z.minLength(1)),
  id: z.optional(z.string().check(z.minLength(1))),
});

/** `Columbus, US (population 850,106, secondary) geonames:4509177` */
function describeCandidate(place: Place): string {
  return `${place.name}, ${place.country} (population ${place.population.toLocaleString("en")}, ${place.nationalTier}) geonames:${place.id}`;
}

/** The issue a failed lookup makes, on the field that decided it. */
function lookupIssue(
  error: PlaceLookupError,
  record: { readonly name: string; readonly country: string },
  byId: boolean,
): Issue {
  switch (error._tag) {
    case "AmbiguousPlace": {
      const [first] = error.candidates;
      return {
        path: ["name"],
        message: `"${record.name}, ${record.country}" matches ${error.candidates.length} places: ${error.candidates
          .map(describeCandidate)
          .join(
            "; ",
          )}; say which by giving the record the id of one of them, such as "geonames:${first?.id}"`,
      };
    }
    case "PlaceNotFound": {
      const path = byId
        ? ["id"]
        : countryCodeHint(record.country) === undefined
          ? ["country"]
          : ["name"];
      return { path, message: error.message };
    }
    default:
      // The lookup's own checks of the name and country: report them on the record's fields.
      return { path: ["name"], message: error.issues.map((issue) => issue.message).join("; ") };
  }
}

/**
 * The gazetteer's profile with the record's fields laid over it: a field the
 * record gives (not `null`, which means unknown) wins; nested groups
 * (`resources`, `governance`, `outlook`) are merged field by field. Keys are
 * copied with `defineProperty`, so that an own `__proto__` key stays an
 * ordinary key (and is then reported as an unknown field).
 */
function overlay(base: Readonly<Record<string, unknown>>, over: Readonly<Record<string, unknown>>) {
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(over)) {
    const value = over[key];
    if (value === null || value === undefined) continue;
    const under = Object.hasOwn(base, key) ? base[key] : undefined;
    Object.defineProperty(out, key, {
      value: isPlainObject(value) && isPlainObject(under) ? overlay(under, value) : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * A `City` for one record that names a place: `{ name, country }` (an ISO
 * 3166-1 alpha-2 code; `UK` is read as `GB`), with an optional `id` and any
 * fields of a city's profile. The place is looked up in the gazetteer as
 * {@link cityFromPlace} does, and the city gets every field the gazetteer
 * knows; the record's own fields win over them. The city's `name` and
 * `country` are the gazetteer's, so that output shows which place a record
 * resolved to; its `id` is the record's when given, else `geonames:<id>`.
 *
 * A record whose name several places of its country share is refused with the
 * candidates; give it the id of one of them (`geonames:4509177`) to say which.
 * A record whose `id` is a GeoNames id is looked up by that id, and its country
 * must agree. Never throws: a record that does not resolve, or whose own
 * fields are not valid, gives a `ValidationError` naming the field.
 *
 * @example
 * import * as E from "fp-ts/Either";
 * const kano = cityFromPlaceRecord({ name: "Kano", country: "NG", outlook: { internationalRole: "pragmatic" } });
 * // Right({ id: "geonames:2335204", name: "Kano", country: "NG", population: …,
 * //   outlook: { internationalRole: "pragmatic" }, resources: { nationalTier: …, incomeTier: … }, … })
 * @category Places
 */
export function cityFromPlaceRecord(given: unknown): E.Either<ValidationError, City> {
  // Read once: the record is both checked and laid over the gazetteer's profile.
  const read = snapshot(given);
  if (E.isLeft(read)) return read;
  const record = read.right;
  const keys = parseWithSchema(LookupSchema, record, "a record with a name and a country");
  if (E.isLeft(keys)) return keys;
  const { name, country, id } = keys.right;
  const geonamesId = id === undefined ? undefined : GEONAMES_ID.exec(id)?.[1];
  const found = cityFromPlace(
    geonamesId === undefined ? { name, country } : { id: Number(geonamesId) },
  );
  if (E.isLeft(found)) {
    return E.left(
      validationError([lookupIssue(found.left, { name, country }, geonamesId !== undefined)]),
    );
  }
  const place = found.right;
  if (geonamesId !== undefined && countryCodeHint(country) !== place.country) {
    return E.left(
      validationError([
        {
          path: ["country"],
          message: `the record's id ${id} is ${place.name}, ${place.country}, not a place of "${country}"`,
        },
      ]),
    );
  }
  const fields = overlay(place, record as Record<string, unknown>);
  return parseCity({ ...fields, id: id ?? place.id, name: place.name, country: place.country });
}

/**
 * What a repeated id means: two records naming the same place (an id the
 * gazetteer gave), or one id given twice. `first` says where the first was,
 * such as `index 3` or `line 4`.
 */
export function repeatedIdMessage(id: string, first: string): string {
  return GEONAMES_ID.test(id)
    ? `names the same place (${id}) as the record at ${first}; give each an id of its own to keep both`
    : `repeats the id "${id}" of the record at ${first}`;
}

/**
 * {@link cityFromPlaceRecord} over an array of records, like `parseCities`:
 * the records that resolve, in input order, and one error per record that
 * does not (with its index, its `id` when readable, and why: no place
 * matches, several places match and which, or which of its own fields is not
 * valid). Two records that resolve to the same place without ids of their
 * own repeat its `geonames:` id: the later one is an error. Never throws;
 * input that is not an array gives one error with index `-1`.
 *
 * @example
 * const { cities, errors } = citiesFromPlaceRecords([
 *   { name: "Manchester", country: "GB" },
 *   { name: "Kano", country: "NG" },
 *   { name: "Atlantis", country: "GR" },
 * ]);
 * cities.map((c) => c.id); // ["geonames:2643123", "geonames:2335204"]
 * errors[0]; // { index: 2, issues: [{ path: ["name"], message: 'no place matches "Atlantis, GR" …' }] }
 * @category Places
 */
export function citiesFromPlaceRecords(records: unknown): ParsedCities {
  const { valid, errors } = parseBatch(
    records,
    cityFromPlaceRecord,
    "records with a name and a country",
    (id, first) => repeatedIdMessage(id, `index ${first}`),
  );
  return { cities: valid, errors };
}
