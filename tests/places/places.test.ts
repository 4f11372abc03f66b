import { fc, test } from "@fast-check/vitest";
import { either as E } from "fp-ts";
import { describe, expect, it } from "vitest";
import { loadGeoNames } from "../../scripts/lib/geonames";
import { classifyNationalTiers } from "../../src/classify/national-tiers";
import { parseCity } from "../../src/model/parse";
import { cityFromPlace, findPlaces, PLACES } from "../../src/places/index";

describe("the gazetteer", () => {
  it("holds only places of 100,000 people or more, once each, largest first", () => {
    expect(PLACES.length).toBeGreaterThan(4000);
    expect(new Set(PLACES.map((p) => p.id)).size).toBe(PLACES.length);
    for (let i = 0; i < PLACES.length; i++) {
      const place = PLACES[i];
      expect(place?.population).toBeGreaterThanOrEqual(100_000);
      if (i > 0) expect(place?.population).toBeLessThanOrEqual(PLACES[i - 1]?.population as number);
    }
  });

  it("leaves out sections of larger places: London's boroughs and New York's boroughs", () => {
    const names = (country: string) =>
      new Set(PLACES.filter((p) => p.country === country).map((p) => p.name));
    const gb = names("GB");
    const us = names("US");
    for (const section of ["Islington", "Brent", "City of Westminster", "Croydon"])
      expect(gb.has(section)).toBe(false);
    for (const section of ["Brooklyn", "Queens", "Manhattan", "The Bronx"])
      expect(us.has(section)).toBe(false);
    expect(gb.has("London")).toBe(true);
    expect(us.has("New York City")).toBe(true);
  });

  it("carries the tiers classifyNationalTiers gives over every GeoNames place of the country, with its metropolitan population", () => {
    const all = loadGeoNames().places;
    const metro = new Map(PLACES.map((p) => [p.id, p.metroPopulation]));
    const tiers = classifyNationalTiers(
      all.map((p) => {
        const metroPopulation = metro.get(p.id);
        return {
          id: p.id,
          country: p.country,
          population: p.population,
          ...(metroPopulation !== undefined && { metroPopulation }),
        };
      }),
    );
    if (E.isLeft(tiers)) throw new Error("tiers failed");
    const byId = new Map(tiers.right.tiers.map((t) => [t.id, t.tier]));
    for (const place of PLACES) expect(place.nationalTier).toBe(byId.get(place.id));
  });
});

describe("cityFromPlace", () => {
  it("fills every field the data knows for Manchester, GB, and leaves the outlook unknown", () => {
    expect(cityFromPlace("Manchester, GB")).toEqual(
      E.right({
        id: "geonames:2643123",
        name: "Manchester",
        country: "GB",
        population: 395_515,
        metroPopulation: 2_832_585,
        capital: false,
        region: "northern-europe",
        resources: {
          nationalTier: "secondary",
          incomeTier: "high",
          globalEconomyType: "outside-typology",
          connectivity: "beta-",
        },
        governance: { autonomy: "intermediate", regime: "electoral-democracy" },
      }),
    );
  });

  it("reports an ambiguous name with every candidate, largest first", () => {
    const result = cityFromPlace("Manchester");
    expect(E.isLeft(result) && result.left._tag).toBe("AmbiguousPlace");
    if (E.isLeft(result) && result.left._tag === "AmbiguousPlace") {
      expect(result.left.candidates.map((p) => `${p.name}, ${p.country}`)).toEqual([
        "Manchester, GB",
        "Manchester, US",
      ]);
      expect(result.left.message).toContain("geonames:5089178");
    }
  });

  it.each([
    ["geonames:2643123", "Manchester"],
    ["2643123", "Manchester"],
    ["manchester, uk", "Manchester"],
    ["Sao Paulo", "São Paulo"],
    ["Xian", "Xi’an"],
    ["New York", "New York City"],
  ])("finds %s", (query, name) => {
    const result = cityFromPlace(query);
    expect(E.isRight(result) && result.right.name).toBe(name);
  });

  it("accepts a structured query", () => {
    const result = cityFromPlace({ name: "Birmingham", country: "US" });
    expect(E.isRight(result) && result.right.country).toBe("US");
  });

  it("points a section to the place it belongs to", () => {
    const result = cityFromPlace("Brooklyn");
    expect(E.isLeft(result) && result.left._tag).toBe("PlaceNotFound");
    expect(E.isLeft(result) && "message" in result.left && result.left.message).toContain(
      "New York City",
    );
  });

  it.each([
    ["Atlantis", "no place matches"],
    ["London, XX", "not an ISO 3166-1 alpha-2 country code"],
    ["geonames:1", "no place matches"],
    ["   ", "give a place name"],
  ])("reports %j as not found, saying why", (query, fragment) => {
    const result = cityFromPlace(query);
    expect(E.isLeft(result) && result.left._tag).toBe("PlaceNotFound");
    expect(E.isLeft(result) && "message" in result.left && result.left.message).toContain(fragment);
  });

  it("gives a ValidationError for a malformed query object", () => {
    const result = cityFromPlace({ id: -3 } as never);
    expect(E.isLeft(result) && result.left).toMatchObject({
      _tag: "ValidationError",
      issues: [{ path: ["id"] }],
    });
  });

  test.prop([fc.string({ maxLength: 40 })])(
    "never throws, and every city it returns is a valid City",
    (query) => {
      const result = cityFromPlace(query);
      if (E.isRight(result)) expect(parseCity(result.right)).toEqual(result);
    },
  );

  it("findPlaces narrows by country", () => {
    expect(findPlaces({ name: "Manchester", country: "GB" }).map((p) => p.id)).toEqual([2643123]);
  });
});
