/**
 * Peers and cohorts on the real gazetteer: the place facts (size, capital,
 * region, Brookings type, GaWC class) let cityDistance tell the world's
 * 4,043 large places apart, where the country-level facts alone collapse them
 * into about a hundred profiles.
 */
import { either as E } from "fp-ts";
import { describe, expect, it } from "vitest";
import { compileProfiles, distinctProfiles } from "../../src/cohorts/profile";
import { type City, formCohorts, nearestPeers } from "../../src/index";
import { cityFromPlace, PLACES, placeToCity } from "../../src/places/index";

const CITIES = PLACES.map(placeToCity);
const BY_ID = new Map(CITIES.map((city) => [city.id, city]));

function place(query: string): City {
  const found = cityFromPlace(query);
  if (E.isLeft(found)) throw new Error(`${query} should resolve`);
  return found.right;
}

function peersOf(query: string, k = 5): City[] {
  return nearestPeers(place(query), CITIES, k).map((peer) => BY_ID.get(peer.cityId) as City);
}

describe("cityDistance on the gazetteer", () => {
  it("leaves at most a fifth of the places with another place at distance 0", () => {
    const distinct = distinctProfiles(compileProfiles(CITIES));
    let twinned = 0;
    for (let i = 0; i < CITIES.length; i++) {
      if ((distinct.weights[distinct.ofCity[i] as number] as number) > 1) twinned++;
    }
    expect(twinned / CITIES.length).toBeLessThanOrEqual(0.2);
  });

  it("finds Kano's nearest peers among Nigeria's large cities, none at distance 0", () => {
    const peers = nearestPeers(place("Kano, NG"), CITIES, 5);
    expect(peers.every((peer) => peer.distance > 0)).toBe(true);
    expect(peers.map((peer) => BY_ID.get(peer.cityId)?.country)).toEqual([
      "NG",
      "NG",
      "NG",
      "NG",
      "NG",
    ]);
  });

  it("finds Manchester's nearest peers among the UK's big regional cities, most of them Core Cities", () => {
    const core = [
      "Birmingham",
      "Bristol",
      "Cardiff",
      "Glasgow",
      "Leeds",
      "Liverpool",
      "Newcastle upon Tyne",
      "Nottingham",
      "Sheffield",
      "Belfast",
    ];
    const peers = peersOf("Manchester, GB");
    expect(peers.every((peer) => peer.country === "GB")).toBe(true);
    expect(peers.filter((peer) => core.includes(peer.name)).length).toBeGreaterThanOrEqual(3);
  });

  it("finds Nairobi's nearest peers among the national capitals of Eastern Africa", () => {
    const [first, second] = peersOf("Nairobi, KE", 2);
    for (const peer of [first, second]) {
      expect(peer?.capital).toBe(true);
      expect(peer?.region).toBe("eastern-africa");
    }
  });

  it("has formCohorts pick more than two cohorts on the whole gazetteer, each described", () => {
    const result = formCohorts(CITIES, { seed: 1 });
    if (E.isLeft(result)) throw new Error("formCohorts failed");
    expect(result.right.k).toBeGreaterThan(2);
    for (const cohort of result.right.cohorts) expect(cohort.description).not.toBe("");
  });

  it("names the place facts that set a cohort apart: capitals, GaWC class, Brookings type", () => {
    const cities = [
      ...["London, GB", "Paris, FR", "Berlin, DE", "Madrid, ES", "Rome, IT"],
      ...["Kano, NG", "Ibadan, NG", "Aba, NG", "Kaduna, NG", "Onitsha, NG"],
    ].map(place);
    const result = formCohorts(cities, { k: 2, seed: 1 });
    if (E.isLeft(result)) throw new Error("formCohorts failed");
    const descriptions = result.right.cohorts.map((cohort) => cohort.description);
    expect(descriptions).toContain(
      "high-income national capitals with GaWC alpha world-city connectivity in liberal democracies",
    );
    expect(descriptions).toContain(
      "lower-middle-income non-capital cities with economies outside Brookings' typology and no GaWC world-city class",
    );
  });
});
