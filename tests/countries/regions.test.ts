/** Each country's UN M49 region, as the countries subpath gives it. */
import { describe, expect, it } from "vitest";
import { regionOf } from "../../src/countries/index";
import { COUNTRY_CODES } from "../../src/model/country-codes";

describe("regionOf", () => {
  it("gives the intermediate region where M49 has one, else the sub-region", () => {
    expect(regionOf("GB")).toBe("northern-europe");
    expect(regionOf("NG")).toBe("western-africa");
    expect(regionOf("BR")).toBe("south-america");
    expect(regionOf("MX")).toBe("central-america");
    expect(regionOf("US")).toBe("northern-america");
    expect(regionOf("IN")).toBe("southern-asia");
  });

  it("places Taiwan with China and Kosovo with Serbia, and gives Antarctica and non-codes none", () => {
    expect(regionOf("TW")).toBe(regionOf("CN"));
    expect(regionOf("XK")).toBe(regionOf("RS"));
    expect(regionOf("AQ")).toBeUndefined();
    expect(regionOf("UK")).toBeUndefined();
    expect(regionOf("toString")).toBeUndefined();
  });

  it("knows every country code but Antarctica's", () => {
    const missing = COUNTRY_CODES.filter((code) => regionOf(code) === undefined);
    expect(missing).toEqual(["AQ"]);
  });
});
