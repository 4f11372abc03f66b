import { fc, test } from "@fast-check/vitest";
import { either as E } from "fp-ts";
import { describe, expect, it } from "vitest";
import { classifyIncomeTier, INCOME_THRESHOLDS, INCOME_TIERS } from "../../src/index";

/**
 * The World Bank's published thresholds, as its "New World Bank country
 * classifications by income level" posts state them: low income A or less,
 * lower-middle A+1 to B, upper-middle B+1 to C, high income above C.
 */
const PUBLISHED: readonly [number, number, number, number][] = [
  [2016, 1045, 4125, 12735],
  [2017, 1025, 4035, 12475],
  [2018, 1005, 3955, 12235],
  [2019, 995, 3895, 12055],
  [2020, 1025, 3995, 12375],
  [2021, 1035, 4045, 12535],
  [2022, 1045, 4095, 12695],
  [2023, 1085, 4255, 13205],
  [2024, 1135, 4465, 13845],
  [2025, 1145, 4515, 14005],
  [2026, 1135, 4495, 13935],
];

describe("classifyIncomeTier", () => {
  it("covers every fiscal year from FY2016 to FY2026", () => {
    expect(INCOME_THRESHOLDS.map((t) => t.fiscalYear)).toEqual(PUBLISHED.map(([fy]) => fy));
  });

  it.each(PUBLISHED)("FY%i: the published upper bounds are inclusive", (fy, a, b, c) => {
    expect(classifyIncomeTier(0, fy)).toEqual(E.right("low"));
    expect(classifyIncomeTier(a, fy)).toEqual(E.right("low"));
    expect(classifyIncomeTier(a + 1, fy)).toEqual(E.right("lower-middle"));
    expect(classifyIncomeTier(a + 0.01, fy)).toEqual(E.right("lower-middle"));
    expect(classifyIncomeTier(b, fy)).toEqual(E.right("lower-middle"));
    expect(classifyIncomeTier(b + 1, fy)).toEqual(E.right("upper-middle"));
    expect(classifyIncomeTier(c, fy)).toEqual(E.right("upper-middle"));
    expect(classifyIncomeTier(c + 1, fy)).toEqual(E.right("high"));
  });

  it("uses the latest fiscal year, FY2026, by default", () => {
    expect(classifyIncomeTier(1140)).toEqual(E.right("lower-middle")); // low under FY2025's 1,145
    expect(classifyIncomeTier(1140, 2025)).toEqual(E.right("low"));
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1, "1000" as unknown as number])(
    "rejects %s as a GNI per capita with a Left naming the argument",
    (gni) => {
      const result = classifyIncomeTier(gni);
      expect(E.isLeft(result) && result.left.issues[0]?.path).toEqual(["gniPerCapitaUsd"]);
    },
  );

  it.each([2015, 2027, 2026.5])("rejects fiscal year %s outside the published range", (fy) => {
    const result = classifyIncomeTier(5000, fy);
    expect(E.isLeft(result) && result.left.issues).toEqual([
      { path: ["fiscalYear"], message: expect.stringContaining("from 2016 to 2026") },
    ]);
  });

  test.prop([
    fc.double({ min: 0, max: 1e6, noNaN: true }),
    fc.double({ min: 0, max: 1e6, noNaN: true }),
    fc.constantFrom(...PUBLISHED.map(([fy]) => fy)),
  ])("a higher income never gets a lower group", (x, y, fy) => {
    const [lo, hi] = x <= y ? [x, y] : [y, x];
    const a = classifyIncomeTier(lo, fy);
    const b = classifyIncomeTier(hi, fy);
    if (E.isLeft(a) || E.isLeft(b)) throw new Error("valid input gave a Left");
    expect(INCOME_TIERS.indexOf(a.right)).toBeLessThanOrEqual(INCOME_TIERS.indexOf(b.right));
  });
});
