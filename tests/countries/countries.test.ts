import { describe, expect, it } from "vitest";
import { autonomyOf, COUNTRIES, countryProfile, SOURCES } from "../../src/countries/index";
import { COUNTRY_CODES } from "../../src/model/country-codes";

describe("the country reference table", () => {
  it("covers the 217 World Bank economies with an ISO code, once each, sorted by code", () => {
    const codes = COUNTRIES.map((c) => c.code);
    expect(codes).toHaveLength(217);
    expect(new Set(codes).size).toBe(217);
    expect([...codes].sort()).toEqual(codes);
    for (const code of codes) expect(COUNTRY_CODES).toContain(code);
  });

  it.each([
    ["US", "high"],
    ["CH", "high"],
    ["CN", "upper-middle"],
    ["BR", "upper-middle"],
    ["IN", "lower-middle"],
    ["NG", "lower-middle"],
    ["AF", "low"],
    ["CD", "low"],
  ])("%s is %s income in FY2026", (code, tier) => {
    expect(countryProfile(code)?.incomeTier).toBe(tier);
  });

  it("leaves the income group of the economies the World Bank left unclassified in FY2026 absent", () => {
    expect(countryProfile("ET")?.incomeTier).toBeUndefined();
    expect(countryProfile("VE")?.incomeTier).toBeUndefined();
  });

  it.each([
    ["DK", "liberal-democracy"],
    ["DE", "liberal-democracy"],
    ["BR", "electoral-democracy"],
    ["GB", "electoral-democracy"],
    ["RU", "electoral-autocracy"],
    ["TR", "electoral-autocracy"],
    ["CN", "closed-autocracy"],
    ["SA", "closed-autocracy"],
  ])("%s is a %s (V-Dem 2024)", (code, regime) => {
    expect(countryProfile(code)).toMatchObject({ regime, regimeYear: 2024 });
  });

  it("leaves the regime of states V-Dem does not code absent", () => {
    for (const code of ["AD", "MC", "LI", "SM"])
      expect(countryProfile(code)?.regime).toBeUndefined();
  });

  it.each([
    ["US", "federal", "decentralized"],
    ["DE", "federal", "decentralized"],
    ["IN", "federal", "intermediate"],
    ["RU", "federal", "intermediate"],
    ["FR", "unitary", "intermediate"],
    ["GB", "unitary-devolved", "intermediate"],
    ["IT", "regionalized", "intermediate"],
    ["CN", "unitary", "centralized"],
  ])("%s is %s, hence %s", (code, structure, autonomy) => {
    expect(countryProfile(code)).toMatchObject({ stateStructure: structure, autonomy });
  });

  it("leaves the autonomy of a dependency unknown", () => {
    expect(countryProfile("PR")).toMatchObject({ stateStructure: "dependency" });
    expect(countryProfile("PR")?.autonomy).toBeUndefined();
  });

  it("names a source for every state structure", () => {
    for (const country of COUNTRIES) {
      if (country.stateStructure === undefined) continue;
      expect(country.stateSources?.length, country.code).toBeGreaterThan(0);
      for (const id of country.stateSources ?? []) expect(Object.keys(SOURCES)).toContain(id);
    }
  });

  it("derives autonomy only when both its inputs are known", () => {
    for (const country of COUNTRIES) {
      expect(country.autonomy).toBe(autonomyOf(country.stateStructure, country.regime));
    }
    expect(autonomyOf(undefined, "liberal-democracy")).toBeUndefined();
    expect(autonomyOf("federal", undefined)).toBeUndefined();
  });
});
