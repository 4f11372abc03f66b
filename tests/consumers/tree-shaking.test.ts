/**
 * What a front-end bundle carries: the built entries bundled by Vite (the
 * explorer's bundler) for three imports, checked for what must stay out.
 * Sizes are budgeted by size-limit (.size-limit.json, esbuild); this checks
 * content, with a second bundler.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Rolldown } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const exportsMap = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).exports as Record<
  string,
  { import: { default: string } }
>;

/** The file an ESM bundler resolves for a subpath of the package, through its exports map. */
function entryFile(subpath: "." | "./places" | "./networks"): string {
  const target = exportsMap[subpath]?.import.default;
  if (target === undefined) throw new Error(`package.json exports has no ${subpath}`);
  return join(root, target);
}

/** Markers of data that must not be in a bundle that does not import it. */
const CATALOG_MARKERS = ["urban-advocacy", "knowledge-exchange", "Public stance on trade policy"];
const GAZETTEER_MARKERS = ["geonames", "Manchester", "Kyrgyzstan"];
/** The networks data (city-difference/networks). */
const NETWORK_MARKERS = ["covenant-of-mayors-mycovenant", "kpi_reporting_tool"];
/** zod's English locale; the model writes its own messages and loads no locale. */
const ZOD_LOCALE_MARKERS = ["Too big: expected", "Too small: expected"];
/** The scorer's reasons (src/score/reasons.ts) and default gates (src/score/gates.ts). */
const SCORER_MARKERS = ["less national clout than a primary city", "so the score is held low"];
/** rankStability's Monte Carlo (src/score/stability.ts). */
const RANK_STABILITY_MARKERS = [" topics (samples "];

describe("tree-shaking of the built entries (Vite)", () => {
  let workDir = "";
  const bundles: Record<string, string> = {};

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), "city-difference-tree-shaking-"));
    const entries = {
      scoring: `export { scoreRelevance, parseCity } from ${JSON.stringify(entryFile("."))};`,
      parsing: `export { parseCity } from ${JSON.stringify(entryFile("."))};`,
      main: `export * from ${JSON.stringify(entryFile("."))};`,
      places: `export * from ${JSON.stringify(entryFile("./places"))};`,
      networks: `export * from ${JSON.stringify(entryFile("./networks"))};`,
    };
    for (const [name, code] of Object.entries(entries)) {
      const file = join(workDir, `${name}.js`);
      writeFileSync(file, code);
      const output = (await build({
        configFile: false,
        root,
        logLevel: "silent",
        build: {
          write: false,
          minify: true,
          lib: { entry: file, formats: ["es"], fileName: name },
        },
      })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
      const [first] = Array.isArray(output) ? output : [output];
      bundles[name] = (first?.output ?? [])
        .map((chunk) => (chunk.type === "chunk" ? chunk.code : ""))
        .join("\n");
    }
  });

  afterAll(() => {
    if (workDir !== "") rmSync(workDir, { recursive: true, force: true });
  });

  it("scoreRelevance and parseCity carry neither the catalog, the gazetteer, the country table nor zod's locales", () => {
    const code = bundles.scoring ?? "";
    expect(code).toContain("ValidationError");
    for (const marker of [
      ...CATALOG_MARKERS,
      ...GAZETTEER_MARKERS,
      ...NETWORK_MARKERS,
      ...ZOD_LOCALE_MARKERS,
    ]) {
      expect(code, marker).not.toContain(marker);
    }
  });

  it("scoreRelevance carries the scorer's reasons but not rankStability's Monte Carlo", () => {
    const code = bundles.scoring ?? "";
    for (const marker of SCORER_MARKERS) expect(code, marker).toContain(marker);
    for (const marker of RANK_STABILITY_MARKERS) expect(code, marker).not.toContain(marker);
    for (const marker of RANK_STABILITY_MARKERS) expect(bundles.main, marker).toContain(marker);
  });

  it("parseCity alone carries no scorer", () => {
    const code = bundles.parsing ?? "";
    expect(code).toContain("ValidationError");
    for (const marker of SCORER_MARKERS) expect(code, marker).not.toContain(marker);
  });

  it("the whole main entry carries the catalog but neither the gazetteer nor the networks", () => {
    const code = bundles.main ?? "";
    for (const marker of CATALOG_MARKERS) expect(code, marker).toContain(marker);
    for (const marker of [...GAZETTEER_MARKERS, ...NETWORK_MARKERS, ...ZOD_LOCALE_MARKERS]) {
      expect(code, marker).not.toContain(marker);
    }
  });

  it("the places subpath carries the gazetteer but neither the catalog, the scorer nor the networks", () => {
    const code = bundles.places ?? "";
    for (const marker of GAZETTEER_MARKERS) expect(code, marker).toContain(marker);
    for (const marker of [
      ...CATALOG_MARKERS,
      ...SCORER_MARKERS,
      ...NETWORK_MARKERS,
      ...ZOD_LOCALE_MARKERS,
    ]) {
      expect(code, marker).not.toContain(marker);
    }
  });

  it("the networks subpath carries the networks, the gazetteer and the catalog, but not the scorer", () => {
    const code = bundles.networks ?? "";
    for (const marker of [...NETWORK_MARKERS, ...GAZETTEER_MARKERS, ...CATALOG_MARKERS]) {
      expect(code, marker).toContain(marker);
    }
    for (const marker of [...SCORER_MARKERS, ...ZOD_LOCALE_MARKERS]) {
      expect(code, marker).not.toContain(marker);
    }
  });
});
