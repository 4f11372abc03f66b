import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  type City,
  cityDistance,
  DISTANCE_FIELDS,
  DISTANCE_WEIGHTS,
  NO_SHARED_FIELD_DISTANCE,
  nearestPeers,
} from "../../src/index";
import { arbitraryCity } from "../support/arbitraries";
import { CORE_CITIES, coreCity, KEY_CITIES, keyCity, LOW_INCOME_CITIES } from "./fixtures";

const W = DISTANCE_WEIGHTS;

/** A city with only the given field groups known. */
function only(id: string, fields: Partial<City>): City {
  return { id, name: id, country: "GB", ...fields };
}

describe("cityDistance", () => {
  it("weights the essay's three areas of difference equally, 3/10 each, and the region 1/10", () => {
    const area1 = W["outlook.internationalRole"] + W["outlook.priorities"];
    const hierarchy = W["resources.nationalTier"] + W.capital;
    const development = W["resources.incomeTier"];
    const sizeAndMeans =
      W.population +
      W.metroPopulation +
      W["resources.metroGdpUsd"] +
      W["resources.budgetUsd"] +
      W["resources.internationalOffice"];
    const worldEconomy = W["resources.globalEconomyType"] + W["resources.connectivity"];
    const area3 = W["governance.autonomy"] + W["governance.regime"];
    expect(area1).toBeCloseTo(3 / 10, 15);
    for (const part of [hierarchy, development, sizeAndMeans, worldEconomy]) {
      expect(part).toBeCloseTo(3 / 40, 15);
    }
    expect(area3).toBeCloseTo(3 / 10, 15);
    expect(W.region).toBe(1 / 10);
    expect(Object.values(W).reduce((sum, w) => sum + w, 0)).toBeCloseTo(1, 15);
    expect(Object.keys(W).sort()).toEqual([...DISTANCE_FIELDS].sort());
  });

  it("puts two Core Cities with the same profile 0 apart, whatever their ids, names and countries", () => {
    const leeds = coreCity("gb-leeds");
    const sheffield = { ...coreCity("gb-sheffield"), name: "Sheffield", country: "IE" as const };
    expect(cityDistance(leeds, sheffield)).toBe(0);
  });

  it("counts a one-step tier gap as a third of the tier scale: Leeds (secondary) and Wigan (tertiary) are 1/9 apart on tier (3/80) and income (3/40)", () => {
    const leeds = only("gb-leeds", {
      resources: { nationalTier: "secondary", incomeTier: "high" },
    });
    const wigan = only("gb-wigan", { resources: { nationalTier: "tertiary", incomeTier: "high" } });
    expect(cityDistance(leeds, wigan)).toBeCloseTo(1 / 9, 15);
  });

  it("spans the whole ordinal scale at 1: a primary city and a local town on tier alone", () => {
    const a = only("a", { resources: { nationalTier: "primary" } });
    const b = only("b", { resources: { nationalTier: "local" } });
    expect(cityDistance(a, b)).toBe(1);
  });

  it("compares priorities by Jaccard distance: themes listed by one only, over themes listed by either", () => {
    const a = only("a", { outlook: { priorities: ["climate", "housing"] } });
    const b = only("b", { outlook: { priorities: ["climate", "trade"] } });
    expect(cityDistance(a, b)).toBeCloseTo(2 / 3, 15);
  });

  it("compares raw figures on the scorer's fixed log goalposts, clamped at them", () => {
    const gdp = (id: string, metroGdpUsd: number) => only(id, { resources: { metroGdpUsd } });
    expect(cityDistance(gdp("a", 1e9), gdp("b", 1e12))).toBe(1);
    expect(cityDistance(gdp("a", 1e10), gdp("b", 1e11))).toBeCloseTo(1 / 3, 12);
    expect(cityDistance(gdp("a", 1e12), gdp("b", 1e13))).toBe(0);
    const budget = (id: string, budgetUsd: number) => only(id, { resources: { budgetUsd } });
    expect(cityDistance(budget("a", 1e8), budget("b", 1e10))).toBeCloseTo(1 / 2, 12);
  });

  it("counts an international office as 0 when both have one or both lack one, else 1", () => {
    const office = (id: string, internationalOffice: boolean) =>
      only(id, { resources: { internationalOffice } });
    expect(cityDistance(office("a", true), office("b", true))).toBe(0);
    expect(cityDistance(office("a", false), office("b", false))).toBe(0);
    expect(cityDistance(office("a", true), office("b", false))).toBe(1);
  });

  it("skips a field unknown in either city (Gower's rule): the distance is the one over the shared fields", () => {
    const withBudget = {
      ...coreCity("a"),
      resources: { nationalTier: "secondary", budgetUsd: 1e10 },
    } as City;
    const withoutBudget = { ...keyCity("b"), resources: { nationalTier: "tertiary" } } as City;
    const neither = { ...withBudget, resources: { nationalTier: "secondary" } } as City;
    expect(cityDistance(withBudget, withoutBudget)).toBe(cityDistance(neither, withoutBudget));
  });

  it("renormalises the weights over the shared fields: one ordinal gap of a full scale is 1 whatever its weight", () => {
    const a = only("a", { governance: { regime: "closed-autocracy" } });
    const b = only("b", { governance: { regime: "liberal-democracy" } });
    expect(cityDistance(a, b)).toBe(1);
  });

  it("puts profiles that share no known field at the greatest distance, 1", () => {
    const a = only("a", { outlook: { internationalRole: "committed" } });
    const b = only("b", { governance: { regime: "liberal-democracy" } });
    expect(NO_SHARED_FIELD_DISTANCE).toBe(1);
    expect(cityDistance(a, b)).toBe(1);
    expect(cityDistance(a, only("c", {}))).toBe(1);
  });

  it("puts two profiles with nothing known 0 apart: they are identical", () => {
    expect(cityDistance(only("a", {}), only("b", { outlook: {}, resources: {} }))).toBe(0);
  });

  it("compares population and metropolitan population on the log goalposts 100,000 to 10 million, clamped at them", () => {
    const people = (id: string, population: number) => only(id, { population });
    expect(cityDistance(people("a", 100_000), people("b", 10_000_000))).toBe(1);
    expect(cityDistance(people("a", 1_000_000), people("b", 10_000_000))).toBeCloseTo(1 / 2, 12);
    expect(cityDistance(people("a", 20_000_000), people("b", 10_000_000))).toBe(0);
    const metro = (id: string, metroPopulation: number) => only(id, { metroPopulation });
    expect(cityDistance(metro("a", 1e5), metro("b", 1e6))).toBeCloseTo(1 / 2, 12);
  });

  it("tells two Core Cities apart by size: the bigger gap in population puts them further apart", () => {
    const leeds = { ...coreCity("gb-leeds"), population: 455_123 };
    const bristol = { ...coreCity("gb-bristol"), population: 430_713 };
    const birmingham = { ...coreCity("gb-birmingham"), population: 984_333 };
    expect(cityDistance(leeds, bristol)).toBeGreaterThan(0);
    expect(cityDistance(leeds, bristol)).toBeLessThan(cityDistance(leeds, birmingham));
  });

  it("counts unordered levels (region, Brookings type) as 0 apart when equal, else 1, whatever their order", () => {
    const region = (id: string, r: City["region"]) => only(id, { region: r });
    expect(cityDistance(region("a", "western-africa"), region("b", "western-africa"))).toBe(0);
    expect(cityDistance(region("a", "western-africa"), region("b", "middle-africa"))).toBe(1);
    expect(cityDistance(region("a", "western-africa"), region("b", "polynesia"))).toBe(1);
    const type = (
      id: string,
      globalEconomyType: NonNullable<City["resources"]>["globalEconomyType"],
    ) => only(id, { resources: { globalEconomyType } });
    expect(cityDistance(type("a", "knowledge-capital"), type("b", "global-giant"))).toBe(1);
    expect(cityDistance(type("a", "knowledge-capital"), type("b", "outside-typology"))).toBe(1);
    expect(cityDistance(type("a", "outside-typology"), type("b", "outside-typology"))).toBe(0);
  });

  it("counts a national capital against another place as 1 on capital, and GaWC classes as an ordinal scale from alpha++ to not classified", () => {
    expect(cityDistance(only("a", { capital: true }), only("b", { capital: false }))).toBe(1);
    expect(cityDistance(only("a", { capital: true }), only("b", { capital: true }))).toBe(0);
    const gawc = (id: string, connectivity: NonNullable<City["resources"]>["connectivity"]) =>
      only(id, { resources: { connectivity } });
    expect(cityDistance(gawc("a", "alpha++"), gawc("b", "not-classified"))).toBe(1);
    expect(cityDistance(gawc("a", "sufficiency"), gawc("b", "not-classified"))).toBeCloseTo(
      1 / 12,
      15,
    );
  });

  it("puts Core Cities nearer Key Cities than low-income secondary cities in a closed autocracy", () => {
    const core = CORE_CITIES[0] as City;
    expect(cityDistance(core, KEY_CITIES[0] as City)).toBeLessThan(
      cityDistance(core, LOW_INCOME_CITIES[0] as City),
    );
  });
});

describe("cityDistance laws", () => {
  test.prop([arbitraryCity, arbitraryCity])("is symmetric to the last bit", (a, b) => {
    expect(cityDistance(a, b)).toBe(cityDistance(b, a));
  });

  test.prop([arbitraryCity, arbitraryCity])("is finite and within [0, 1]", (a, b) => {
    const d = cityDistance(a, b);
    expect(Number.isFinite(d)).toBe(true);
    expect(d).toBeGreaterThanOrEqual(0);
    expect(d).toBeLessThanOrEqual(1);
  });

  test.prop([arbitraryCity, fc.string({ minLength: 1, maxLength: 10 })])(
    "is 0 from a city to itself and to any city with the same profile",
    (a, otherId) => {
      expect(cityDistance(a, a)).toBe(0);
      expect(cityDistance(a, { ...a, id: otherId, name: otherId, country: "FR" })).toBe(0);
    },
  );
});

describe("nearestPeers", () => {
  const cities = [...CORE_CITIES, ...KEY_CITIES, ...LOW_INCOME_CITIES];
  const leeds = coreCity("gb-leeds");

  it("lists the nearest first, ties by id, with their distances and ranks", () => {
    const peers = nearestPeers(leeds, cities, 12);
    expect(peers.map((p) => p.rank)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(peers.slice(0, 9).every((p) => p.distance === 0)).toBe(true);
    expect(peers.slice(0, 9).map((p) => p.cityId)).toEqual(
      CORE_CITIES.map((c) => c.id)
        .filter((id) => id !== "gb-leeds")
        .sort(),
    );
    expect(peers[9]?.cityId).toBe("gb-bradford");
    expect(peers[9]?.distance).toBe(cityDistance(leeds, keyCity("gb-bradford")));
    for (let i = 1; i < peers.length; i++) {
      expect((peers[i] as { distance: number }).distance).toBeGreaterThanOrEqual(
        (peers[i - 1] as { distance: number }).distance,
      );
    }
  });

  it("leaves out the city itself (by id)", () => {
    expect(nearestPeers(leeds, cities, 100).some((p) => p.cityId === "gb-leeds")).toBe(false);
    expect(nearestPeers(leeds, cities, 100)).toHaveLength(cities.length - 1);
  });

  it.each([
    [0, 0],
    [-3, 0],
    [Number.NaN, 0],
    [2.9, 2],
    [Number.POSITIVE_INFINITY, 20],
  ])("takes k = %s as %s peers", (k, count) => {
    expect(nearestPeers(leeds, cities, k)).toHaveLength(count);
  });

  it("gives no peers among no cities", () => {
    expect(nearestPeers(leeds, [], 3)).toEqual([]);
  });
});
