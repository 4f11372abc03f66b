import { describe, expect, expectTypeOf, it } from "vitest";
import { COUNTRY_CODES, type CountryCode, isCountryCode } from "../../src/index";

describe("COUNTRY_CODES", () => {
  it("lists the 249 ISO 3166-1 alpha-2 codes and XK, each once, two capital letters, in alphabetical order", () => {
    expect(COUNTRY_CODES).toHaveLength(250);
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(new Set(COUNTRY_CODES).size).toBe(250);
    expect([...COUNTRY_CODES].sort()).toEqual(COUNTRY_CODES);
    expect(COUNTRY_CODES.slice(0, 3)).toEqual(["AD", "AE", "AF"]);
    expect(COUNTRY_CODES.slice(-3)).toEqual(["ZA", "ZM", "ZW"]);
  });

  it("has GB and XK but not UK, EL or KS, and cannot be changed", () => {
    expect(COUNTRY_CODES).toContain("GB");
    expect(COUNTRY_CODES).toContain("XK");
    for (const code of ["UK", "EL", "KS"]) expect(isCountryCode(code)).toBe(false);
    expect(Object.isFrozen(COUNTRY_CODES)).toBe(true);
  });

  it("types each code as a CountryCode and rejects what is not one", () => {
    expectTypeOf(COUNTRY_CODES).toEqualTypeOf<readonly CountryCode[]>();
    expectTypeOf<"GB">().toExtend<CountryCode>();
    expectTypeOf<"XK">().toExtend<CountryCode>();
    expectTypeOf<"UK">().not.toExtend<CountryCode>();
    expectTypeOf<"gb">().not.toExtend<CountryCode>();
  });
});
