/**
 * The built package as Node users load it: by `import` and by `require`,
 * through the exports map (package self-reference), from dist/.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CATALOG } from "../../src/catalog/topics";

const root = fileURLToPath(new URL("../..", import.meta.url));

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: "utf8" });
}

const SCRIPT = `
const city = { id: "gb-manchester", name: "Manchester", country: "GB",
  resources: { nationalTier: "secondary", incomeTier: "high" } };
const parsed = cd.parseCity(city);
const r = cd.scoreRelevance(parsed.right, cd.catalogTopic("trade-stance"));
console.log(JSON.stringify({ tag: parsed._tag, score: r.score, model: r.model, topics: cd.CATALOG.length }));
`;

describe("the built package", () => {
  it("has been built (npm test builds first)", () => {
    expect(existsSync(`${root}/dist/index.js`)).toBe(true);
    expect(existsSync(`${root}/dist/index.cjs`)).toBe(true);
  });

  it("loads by import in Node ESM and scores a city with the whole catalog", () => {
    const out = node([
      "--input-type=module",
      "-e",
      `import * as cd from "city-difference";${SCRIPT}`,
    ]);
    expect(JSON.parse(out)).toMatchObject({ tag: "Right", topics: CATALOG.length });
  });

  it("loads by require in Node CJS with the same result", () => {
    const esm = node([
      "--input-type=module",
      "-e",
      `import * as cd from "city-difference";${SCRIPT}`,
    ]);
    const cjs = node([
      "--input-type=commonjs",
      "-e",
      `const cd = require("city-difference");${SCRIPT}`,
    ]);
    expect(cjs).toBe(esm);
  });

  it("runs the example script, ranking the catalog for each example city", () => {
    const out = node(["examples/rank-example-cities.mjs"]);
    for (const heading of ["Manchester (GB)", "Chicago (US)", "Kano (NG)"])
      expect(out).toContain(heading);
    expect(out).toMatch(/^ {2}1\. \S+ +\d\.\d\d/m);
  });

  it("imports no Node built-in from the main entry", () => {
    for (const file of ["dist/index.js", "dist/index.cjs"]) {
      const code = readFileSync(`${root}/${file}`, "utf8");
      expect(code).not.toMatch(/(from|require\()\s*["'](node:|fs|path|os|child_process|url)["']/);
    }
  });
});
