/** The committed country modules are exactly what scripts/build-countries.ts generates. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderCountriesModule, renderRegionsModule } from "../../scripts/build-countries";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("generated country data", () => {
  it("src/countries/data.ts matches data/countries.csv", () => {
    expect(read("src/countries/data.ts")).toBe(renderCountriesModule());
  });

  it("src/countries/regions.ts matches data/places/m49.tsv", () => {
    expect(read("src/countries/regions.ts")).toBe(renderRegionsModule());
  });
});
