import { either as E } from "fp-ts";
import { describe, expect, it } from "vitest";
import { c40Category, liberalAlignment, REGIMES } from "../../src/index";

describe("c40Category (C40 membership guidelines, 3 October 2012)", () => {
  it.each([
    ["a city of 3 million", { population: 3_000_000 }, "megacity"],
    [
      "a metro of 10 million with a small core",
      { population: 600_000, metroPopulation: 10_000_000 },
      "megacity",
    ],
    ["a top-25 GDP (PPP) economy", { gdpPppRank: 25 }, "megacity"],
    [
      "a smaller climate leader",
      { population: 650_000, metroPopulation: 2_000_000, gdpPppRank: 90, climateLeader: true },
      "innovator",
    ],
    [
      "a smaller city that is not a climate leader",
      { population: 650_000, metroPopulation: 2_000_000, gdpPppRank: 90, climateLeader: false },
      "not-eligible",
    ],
    [
      "just below every threshold",
      { population: 2_999_999, metroPopulation: 9_999_999, gdpPppRank: 26, climateLeader: false },
      "not-eligible",
    ],
  ])("classifies %s", (_, facts, expected) => {
    expect(c40Category(facts)).toEqual(E.right(expected));
  });

  it.each([
    ["nothing known", {}],
    [
      "a small city whose metro size and GDP rank are unknown",
      { population: 500_000, climateLeader: true },
    ],
    [
      "a city below every threshold whose leadership is unknown",
      { population: 1, metroPopulation: 1, gdpPppRank: 100 },
    ],
  ])("answers unknown when the facts cannot decide: %s", (_, facts) => {
    expect(c40Category(facts)).toEqual(E.right("unknown"));
  });

  it("decides megacity from one criterion even when others are unknown", () => {
    expect(c40Category({ metroPopulation: 20_000_000 })).toEqual(E.right("megacity"));
  });

  it.each([
    [{ population: -1 }, "population"],
    [{ population: Number.NaN }, "population"],
    [{ gdpPppRank: 0 }, "gdpPppRank"],
    [{ climateLeader: "yes" }, "climateLeader"],
    [{ mayor: "x" }, "mayor"],
  ])("rejects invalid facts %j with a Left naming the field", (facts, field) => {
    const result = c40Category(facts);
    expect(E.isLeft(result) && result.left.issues[0]?.path).toEqual([field]);
  });
});

describe("liberalAlignment", () => {
  it("maps the V-Dem scale to equal steps from 0 to 1", () => {
    expect(REGIMES.map(liberalAlignment)).toEqual([0, 1 / 3, 2 / 3, 1]);
  });
});
