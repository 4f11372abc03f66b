import { fc, test } from "@fast-check/vitest";
import { either as E } from "fp-ts";
import { describe, expect, it } from "vitest";
import {
  CAUCUS_FIELDS,
  type Caucus,
  type CaucusField,
  CITY_FIELD_PATHS,
  CITY_FIELDS,
  type City,
  caucus,
} from "../../src/index";
import { arbitraryCity } from "../support/arbitraries";
import { right } from "../support/either";
import { CORE_CITIES, coreCity, KEY_CITIES, keyCity, LOW_INCOME_CITIES, MIXED } from "./fixtures";

const ids = (cities: readonly City[]) => cities.map((city) => city.id).sort();

describe("caucus", () => {
  it("groups by the combination of levels, in taxonomy order, members sorted by id", () => {
    const groups = right(caucus(MIXED, ["resources.nationalTier", "resources.incomeTier"]));
    expect(groups.map((g) => g.key)).toEqual([
      "resources.nationalTier=secondary;resources.incomeTier=low",
      "resources.nationalTier=secondary;resources.incomeTier=high",
      "resources.nationalTier=tertiary;resources.incomeTier=high",
    ]);
    expect(groups.map((g) => g.label)).toEqual([
      "Secondary city, Low income",
      "Secondary city, High income",
      "Tertiary city, High income",
    ]);
    expect(groups[1]?.memberIds).toEqual(ids(CORE_CITIES));
    expect(groups[2]?.memberIds).toEqual(ids(KEY_CITIES));
    expect(groups[0]?.memberIds).toEqual(ids(LOW_INCOME_CITIES));
  });

  it("follows the order of fields given", () => {
    const groups = right(caucus(MIXED, ["resources.incomeTier", "resources.nationalTier"]));
    expect(groups.map((g) => g.levels.map((l) => l.level))).toEqual([
      ["low", "secondary"],
      ["high", "secondary"],
      ["high", "tertiary"],
    ]);
  });

  it("puts a city with an unknown level in a caucus labelled unknown for that field, last, never dropping it", () => {
    const noTier: City = { ...coreCity("gb-unknown-tier"), resources: { incomeTier: "high" } };
    const groups = right(caucus([...CORE_CITIES, noTier], ["resources.nationalTier"]));
    expect(groups).toHaveLength(2);
    const last = groups[1] as Caucus;
    expect(last.key).toBe("resources.nationalTier=unknown");
    expect(last.levels).toEqual([
      { field: "resources.nationalTier", level: null, label: "National tier unknown" },
    ]);
    expect(last.label).toBe("National tier unknown");
    expect(last.memberIds).toEqual(["gb-unknown-tier"]);
  });

  it("forms national caucuses by country code", () => {
    const groups = right(caucus(MIXED, ["country"]));
    expect(groups.map((g) => g.label)).toEqual(["GB", "NG"]);
    expect(groups[0]?.memberIds).toHaveLength(CORE_CITIES.length + KEY_CITIES.length);
  });

  it("separates cities with an international office from those without, then unknown", () => {
    const groups = right(caucus(MIXED, ["resources.internationalOffice"]));
    expect(groups.map((g) => g.label)).toEqual([
      "International office",
      "No international office",
      "International office unknown",
    ]);
    expect(groups.map((g) => g.memberIds.length)).toEqual([10, 7, 4]);
  });

  it("gives one caucus of every city when grouping by no field, and none for no cities", () => {
    expect(right(caucus(MIXED, []))).toEqual([
      { key: "", levels: [], label: "All cities", memberIds: ids(MIXED) },
    ]);
    expect(right(caucus([], ["resources.nationalTier"]))).toEqual([]);
  });

  it("does not depend on the order of the cities", () => {
    const by: CaucusField[] = ["governance.regime", "outlook.internationalRole"];
    expect(caucus([...MIXED].reverse(), by)).toEqual(caucus(MIXED, by));
  });

  it("rejects an unknown field or one listed twice, naming its index", () => {
    const unknown = caucus(MIXED, ["resources.nationalTier", "resources.tier" as CaucusField]);
    expect(E.isLeft(unknown) && unknown.left.issues[0]?.path).toEqual([1]);
    const twice = caucus(MIXED, ["country", "country"]);
    // The list of fields as a whole is at fault: the issue's path is the argument itself.
    expect(E.isLeft(twice) && twice.left.issues).toEqual([
      { path: [], message: 'lists "country" twice' },
    ]);
    const notArray = caucus(MIXED, "country" as never);
    expect(E.isLeft(notArray) && notArray.left.issues).toEqual([
      { path: [], message: expect.stringContaining("must be an array") },
    ]);
  });

  it("reads the Key Cities and Core Cities as two caucuses on tier alone", () => {
    const groups = right(caucus([keyCity("k"), coreCity("c")], ["resources.nationalTier"]));
    expect(groups.map((g) => g.memberIds)).toEqual([["c"], ["k"]]);
  });
});

describe("caucus laws", () => {
  test.prop([
    fc.uniqueArray(arbitraryCity, { selector: (c) => c.id, maxLength: 30 }),
    fc.uniqueArray(fc.constantFrom(...CAUCUS_FIELDS), { maxLength: 3 }),
  ])("caucuses partition their input, and no two share a key", (cities, by) => {
    const groups = right(caucus(cities, by));
    const members = groups.flatMap((g) => g.memberIds);
    expect([...members].sort()).toEqual(ids(cities));
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
    for (const g of groups) expect(g.levels.map((l) => l.field)).toEqual(by);
  });
});

describe("caucus fields", () => {
  it("are the country and every ordinal or yes/no field of the registry, in its order", () => {
    expect(CAUCUS_FIELDS).toEqual(
      CITY_FIELD_PATHS.filter((path) => {
        const kind = CITY_FIELDS[path].kind;
        return path === "country" || kind === "ordinal" || kind === "flag";
      }),
    );
  });
});
