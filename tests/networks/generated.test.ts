/** The committed networks module and the counts in docs/networks.md are exactly what scripts/build-networks.ts generates. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderNetworksModule, spliceNetworksDoc } from "../../scripts/build-networks";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("generated networks data", () => {
  const generated = renderNetworksModule();

  it("src/networks/data.ts matches data/networks/ resolved with today's gazetteer lookup (else run npm run generate:networks)", () => {
    expect(
      read("src/networks/data.ts") === generated.module,
      "src/networks/data.ts is stale: run npm run generate:networks",
    ).toBe(true);
    expect(generated.summary.resolved).toBeGreaterThanOrEqual(800);
  });

  it("docs/networks.md shows the counts and sources of the generated data", () => {
    const doc = read("docs/networks.md");
    expect(doc === spliceNetworksDoc(doc, generated), "run npm run generate:networks").toBe(true);
  });
});
