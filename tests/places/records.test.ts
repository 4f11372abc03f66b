/**
 * Files of names: records of `{ name, country }` (a network's member list)
 * turned into city profiles through the gazetteer, with the record's own
 * fields winning and every unresolved record reported.
 */
import { fc, test } from "@fast-check/vitest";
import { either as E } from "fp-ts";
import { describe, expect, it } from "vitest";
import { parseCities } from "../../src/model/parse";
import {
  citiesFromPlaceRecords,
  cityFromPlace,
  cityFromPlaceRecord,
  PLACES,
} from "../../src/places/index";

function gazetteer(query: string) {
  const found = cityFromPlace(query);
  if (E.isLeft(found)) throw new Error(`${query} should resolve`);
  return found.right;
}

describe("cityFromPlaceRecord", () => {
  it("gives a record of a name and a country every field the gazetteer knows", () => {
    expect(cityFromPlaceRecord({ name: "Manchester", country: "GB" })).toEqual(
      E.right(gazetteer("Manchester, GB")),
    );
    expect(cityFromPlaceRecord({ name: "Kano", country: "NG" })).toEqual(
      E.right(gazetteer("Kano, NG")),
    );
  });

  it("lets the record's own fields win over the gazetteer's, field by field", () => {
    const result = cityFromPlaceRecord({
      id: "member-7",
      name: "Kano",
      country: "NG",
      population: 4_000_000,
      outlook: { internationalRole: "pragmatic" },
      resources: { internationalOffice: true },
      governance: { autonomy: "centralized" },
    });
    const kano = gazetteer("Kano, NG");
    expect(result).toEqual(
      E.right({
        ...kano,
        id: "member-7",
        population: 4_000_000,
        outlook: { internationalRole: "pragmatic" },
        resources: { ...kano.resources, internationalOffice: true },
        governance: { ...kano.governance, autonomy: "centralized" },
      }),
    );
  });

  it("reads null as 'the file does not say', keeping the gazetteer's value", () => {
    const result = cityFromPlaceRecord({
      name: "Manchester",
      country: "GB",
      population: null,
      resources: { nationalTier: null },
    });
    expect(result).toEqual(E.right(gazetteer("Manchester, GB")));
  });

  it("names the city as the gazetteer does, so output shows which place a record resolved to", () => {
    const result = cityFromPlaceRecord({ name: "sao paulo", country: "br" });
    expect(E.isRight(result) && result.right).toMatchObject({ name: "São Paulo", country: "BR" });
  });

  it("reports a name that matches no place on the name field, quoting the record", () => {
    const result = cityFromPlaceRecord({ name: "Atlantis", country: "GR" });
    expect(E.isLeft(result) && result.left.issues).toEqual([
      { path: ["name"], message: expect.stringContaining('no place matches "Atlantis, GR"') },
    ]);
  });

  it("reports a name two places of the country share with both candidates and how to say which", () => {
    const result = cityFromPlaceRecord({ name: "Columbus", country: "US" });
    expect(E.isLeft(result)).toBe(true);
    const [issue] = E.isLeft(result) ? result.left.issues : [];
    expect(issue?.path).toEqual(["name"]);
    expect(issue?.message).toContain('"Columbus, US" matches 2 places');
    expect(issue?.message).toContain("geonames:4509177");
    expect(issue?.message).toContain("geonames:4188985");
    expect(issue?.message).not.toContain("\n");
  });

  it("resolves an ambiguous name by a GeoNames id in the record's id, and checks its country", () => {
    const ohio = cityFromPlaceRecord({ id: "geonames:4188985", name: "Columbus", country: "US" });
    expect(E.isRight(ohio) && ohio.right).toMatchObject({
      id: "geonames:4188985",
      name: "Columbus",
      population: 200_579,
    });
    const wrong = cityFromPlaceRecord({ id: "geonames:4188985", name: "Columbus", country: "GB" });
    expect(E.isLeft(wrong) && wrong.left.issues[0]?.path).toEqual(["country"]);
    const unknown = cityFromPlaceRecord({ id: "geonames:1", name: "Columbus", country: "US" });
    expect(E.isLeft(unknown) && unknown.left.issues[0]?.path).toEqual(["id"]);
  });

  it("reports a missing name or country, a country that is not a code, and a bad profile field by path", () => {
    const issues = (record: unknown) => {
      const result = cityFromPlaceRecord(record);
      return E.isLeft(result) ? result.left.issues.map((issue) => issue.path) : [];
    };
    expect(issues({ country: "GB" })).toEqual([["name"]]);
    expect(issues({ name: "Leeds" })).toEqual([["country"]]);
    expect(issues({ name: "Leeds", country: "XX" })).toEqual([["country"]]);
    expect(
      issues({ name: "Leeds", country: "GB", resources: { nationalTier: "capital" } }),
    ).toEqual([["resources", "nationalTier"]]);
    expect(issues({ name: "Leeds", country: "GB", state: "West Yorkshire" })).toEqual([["state"]]);
    expect(issues("Leeds, GB")).toEqual([[]]);
  });

  test.prop([fc.anything()])("never throws, whatever the record", (record) => {
    expect(() => cityFromPlaceRecord(record)).not.toThrow();
  });
});

describe("citiesFromPlaceRecords", () => {
  it("resolves the good records in input order and reports each bad one with its index", () => {
    const { cities, errors } = citiesFromPlaceRecords([
      { name: "Manchester", country: "GB" },
      { name: "Manchestr", country: "GB" },
      { id: "kano", name: "Kano", country: "NG", resources: { nationalTier: "nope" } },
      { name: "Lagos", country: "NG" },
    ]);
    expect(cities.map((city) => city.name)).toEqual(["Manchester", "Lagos"]);
    expect(errors.map((error) => [error.index, error.id, error.issues[0]?.path])).toEqual([
      [1, undefined, ["name"]],
      [2, "kano", ["resources", "nationalTier"]],
    ]);
  });

  it("refuses a second record naming the same place unless each has an id of its own", () => {
    const same = citiesFromPlaceRecords([
      { name: "Leeds", country: "GB" },
      { name: "Leeds", country: "UK" },
    ]);
    expect(same.cities).toHaveLength(1);
    expect(same.errors[0]?.issues[0]?.message).toContain("names the same place");
    const kept = citiesFromPlaceRecords([
      { id: "a", name: "Leeds", country: "GB" },
      { id: "b", name: "Leeds", country: "GB" },
    ]);
    expect(kept.cities.map((city) => city.id)).toEqual(["a", "b"]);
  });

  it("gives parseCities-valid cities: the result parses again unchanged", () => {
    const records = PLACES.filter((_, i) => i % 97 === 0).map((p) => ({
      name: p.name,
      country: p.country,
      id: `geonames:${p.id}`,
    }));
    const { cities, errors } = citiesFromPlaceRecords(records);
    expect(errors).toEqual([]);
    expect(cities).toHaveLength(records.length);
    expect(parseCities(cities)).toEqual({ cities, errors: [] });
  });

  it("reports input that is not an array as one error at index -1", () => {
    const { cities, errors } = citiesFromPlaceRecords({ name: "Leeds", country: "GB" });
    expect(cities).toEqual([]);
    expect(errors).toEqual([
      {
        index: -1,
        issues: [{ path: [], message: expect.stringContaining("must be an array of records") }],
      },
    ]);
  });
});
