/**
 * The package as its users install it: `npm pack` once, then fresh projects
 * that `npm install` the tarball (its dependencies from the local cache where
 * they are there) and import the main entry, `city-difference/places` and
 * `city-difference/networks`:
 * a Node ESM script, a Node CJS script, a TypeScript project under
 * `moduleResolution: node16` (ESM and CJS files, compiled and run) and one
 * under `moduleResolution: bundler`. Slow by nature (an install per
 * project); no timing is asserted.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOG } from "../../src/index";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const TYPESCRIPT = "typescript@5.9.3";
const TIMEOUT = 300_000;

/** The environment for child npm and node processes, without the parent npm run's package and lifecycle variables. */
const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !key.startsWith("npm_package_") && !key.startsWith("npm_lifecycle_"),
  ),
);

async function exec(command: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run(command, args, {
      cwd,
      env: childEnv,
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(" ")} failed in ${cwd}:\n${failed.stdout ?? ""}\n${failed.stderr ?? failed.message}`,
    );
  }
}

/** Writes a project's files (paths relative to its directory). */
function writeProject(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

function packageJson(type: "module" | "commonjs"): string {
  return `${JSON.stringify({ name: `consumer-${type}`, version: "1.0.0", private: true, type }, null, 2)}\n`;
}

/** What every consumer prints: Manchester, GB from the gazetteer, ranked against the catalog. */
const JS_BODY = `
const found = cityFromPlace("Manchester, GB");
if (found._tag !== "Right") throw new Error(formatPlaceLookupError(found.left));
const city = found.right;
const ranking = rankTopics(city, CATALOG);
const trade = scoreRelevance(city, catalogTopic("trade-stance"));
console.log(JSON.stringify({
  city: city.name, country: city.country, tier: city.resources.nationalTier,
  places: PLACES.length, topics: ranking.length, first: ranking[0].topicId,
  trade: [trade.low, trade.score, trade.high], model: MODEL_VERSION,
  networks: NETWORKS.length, c40: networkById("c40").members.length,
}));
`;

const ESM_SCRIPT = `import { CATALOG, MODEL_VERSION, catalogTopic, rankTopics, scoreRelevance } from "city-difference";
import { PLACES, cityFromPlace, formatPlaceLookupError } from "city-difference/places";
import { NETWORKS, networkById } from "city-difference/networks";
${JS_BODY}`;

const CJS_SCRIPT = `const { CATALOG, MODEL_VERSION, catalogTopic, rankTopics, scoreRelevance } = require("city-difference");
const { PLACES, cityFromPlace, formatPlaceLookupError } = require("city-difference/places");
const { NETWORKS, networkById } = require("city-difference/networks");
${JS_BODY}`;

/** Typed use of both entries; the @ts-expect-error lines fail if the declarations were `any`. */
const TS_BODY = `
function manchester(): City {
  const found = cityFromPlace("Manchester, GB");
  if (found._tag === "Left") {
    const error: PlaceLookupError = found.left;
    throw new Error(formatPlaceLookupError(error));
  }
  return found.right;
}
const city = manchester();
const topic: Topic | undefined = catalogTopic("trade-stance");
if (topic === undefined) throw new Error("trade-stance is missing from the catalog");
const trade: Relevance = scoreRelevance(city, topic);
const ranking: readonly RankedRelevance[] = rankTopics(city, CATALOG);
const places: readonly Place[] = PLACES;
const networks: readonly Network[] = NETWORKS;
const c40: Network | undefined = networkById("c40");
const parsed = parseCity({ id: "x", name: "X", country: "GB" });
const tag: "Left" | "Right" = parsed._tag;
// @ts-expect-error a Relevance is not a number
const wrong: number = trade;
// @ts-expect-error "UK" is not a level of nationalTier
const tier: City["resources"] = { nationalTier: "UK" };
void wrong;
void tier;
console.log(JSON.stringify({
  city: city.name, country: city.country, tier: city.resources?.nationalTier,
  places: places.length, topics: ranking.length, first: ranking[0]?.topicId,
  trade: [trade.low, trade.score, trade.high], model: MODEL_VERSION,
  networks: networks.length, c40: c40?.members.length, tag,
}));
`;

const TS_IMPORTS = `import {
  CATALOG, type City, catalogTopic, MODEL_VERSION, parseCity, type RankedRelevance,
  type Relevance, rankTopics, scoreRelevance, type Topic,
} from "city-difference";
import {
  cityFromPlace, formatPlaceLookupError, type Place, type PlaceLookupError, PLACES,
} from "city-difference/places";
import { type Network, NETWORKS, networkById } from "city-difference/networks";
`;

/** The same program as a CommonJS module (.cts): `import x = require()` resolves the require condition's .d.cts. */
const CTS_IMPORTS = `import cd = require("city-difference");
import gazetteer = require("city-difference/places");
type City = cd.City; type Topic = cd.Topic; type Relevance = cd.Relevance;
type RankedRelevance = cd.RankedRelevance; type Place = gazetteer.Place;
type PlaceLookupError = gazetteer.PlaceLookupError;
import networkData = require("city-difference/networks");
type Network = networkData.Network;
const { NETWORKS, networkById } = networkData;
const { CATALOG, catalogTopic, MODEL_VERSION, parseCity, rankTopics, scoreRelevance } = cd;
const { cityFromPlace, formatPlaceLookupError, PLACES } = gazetteer;
`;

function tsconfig(compilerOptions: Record<string, unknown>, include: string[]): string {
  return `${JSON.stringify(
    {
      compilerOptions: {
        target: "es2022",
        lib: ["es2022", "dom"],
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: false,
        types: [],
        ...compilerOptions,
      },
      include,
    },
    null,
    2,
  )}\n`;
}

interface Printed {
  city: string;
  country: string;
  tier: string;
  places: number;
  topics: number;
  first: string;
  trade: [number, number, number];
  model: string;
  networks: number;
  c40: number;
  tag?: string;
}

function expectManchester(output: string): Printed {
  const printed = JSON.parse(output) as Printed;
  expect(printed).toMatchObject({
    city: "Manchester",
    country: "GB",
    tier: "secondary",
    topics: CATALOG.length,
  });
  expect(printed.places).toBeGreaterThan(4000);
  expect(printed.networks).toBeGreaterThanOrEqual(8);
  expect(printed.c40).toBe(97);
  const [low, score, high] = printed.trade;
  expect(low).toBeLessThanOrEqual(score);
  expect(score).toBeLessThanOrEqual(high);
  // The mayor's outlook is unknown for a gazetteer place, so the interval has width.
  expect(high - low).toBeGreaterThan(0);
  return printed;
}

describe("consumers of the packed package", () => {
  let workDir = "";
  let tarball = "";
  const dirs = { esm: "", cjs: "", node16: "", bundler: "" };
  let packedFiles: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(root, "dist/index.js"))) {
      throw new Error("dist/ is missing: run `npm run build` first (npm test does).");
    }
    workDir = mkdtempSync(join(tmpdir(), "city-difference-consumers-"));
    const packed = JSON.parse(
      await exec("npm", ["pack", "--json", "--pack-destination", workDir], root),
    ) as { filename: string; files: { path: string }[] }[];
    tarball = join(workDir, packed[0]?.filename ?? "");
    packedFiles = packed[0]?.files.map((file) => file.path) ?? [];

    for (const name of Object.keys(dirs) as (keyof typeof dirs)[]) {
      dirs[name] = join(workDir, name);
      mkdirSync(dirs[name]);
    }
    writeProject(dirs.esm, { "package.json": packageJson("module"), "main.js": ESM_SCRIPT });
    writeProject(dirs.cjs, { "package.json": packageJson("commonjs"), "main.js": CJS_SCRIPT });
    writeProject(dirs.node16, {
      "package.json": packageJson("module"),
      "tsconfig.json": tsconfig({ module: "node16", moduleResolution: "node16", outDir: "out" }, [
        "src",
      ]),
      "src/main.ts": `${TS_IMPORTS}${TS_BODY}`,
      "src/main-cjs.cts": `${CTS_IMPORTS}${TS_BODY}`,
    });
    writeProject(dirs.bundler, {
      "package.json": packageJson("module"),
      "tsconfig.json": tsconfig(
        { module: "esnext", moduleResolution: "bundler", noEmit: true, verbatimModuleSyntax: true },
        ["src"],
      ),
      "src/main.ts": `${TS_IMPORTS}${TS_BODY}`,
    });

    const install = ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball];
    await Promise.all([
      exec("npm", install, dirs.esm),
      exec("npm", install, dirs.cjs),
      exec("npm", [...install, TYPESCRIPT], dirs.node16),
      exec("npm", [...install, TYPESCRIPT], dirs.bundler),
    ]);
  }, TIMEOUT);

  afterAll(() => {
    if (workDir !== "") rmSync(workDir, { recursive: true, force: true });
  });

  it("packs the built entries and their declarations, not the sources", () => {
    for (const file of [
      "package.json",
      "dist/index.js",
      "dist/index.cjs",
      "dist/index.d.ts",
      "dist/index.d.cts",
      "dist/places.js",
      "dist/places.cjs",
      "dist/places.d.ts",
      "dist/places.d.cts",
      "dist/networks.js",
      "dist/networks.cjs",
      "dist/networks.d.ts",
      "dist/networks.d.cts",
      "networks/package.json",
      "README.md",
      "LICENSE",
    ]) {
      expect(packedFiles).toContain(file);
    }
    expect(
      packedFiles.filter((file) => file.startsWith("src/") || file.startsWith("tests/")),
    ).toEqual([]);
  });

  it(
    "runs in a Node ESM project (import) and scores Manchester, GB",
    async () => {
      expectManchester(await exec(process.execPath, ["main.js"], dirs.esm));
    },
    TIMEOUT,
  );

  it(
    "runs in a Node CJS project (require) with the same result as ESM",
    async () => {
      const cjs = await exec(process.execPath, ["main.js"], dirs.cjs);
      expectManchester(cjs);
      expect(cjs).toBe(await exec(process.execPath, ["main.js"], dirs.esm));
    },
    TIMEOUT,
  );

  it(
    "type-checks under moduleResolution node16 (ESM and CJS files) and the compiled output runs",
    async () => {
      await exec(join(dirs.node16, "node_modules/.bin/tsc"), ["-p", "."], dirs.node16);
      const esm = expectManchester(await exec(process.execPath, ["out/main.js"], dirs.node16));
      const cjs = expectManchester(await exec(process.execPath, ["out/main-cjs.cjs"], dirs.node16));
      expect(cjs).toEqual(esm);
      expect(esm.tag).toBe("Right");
    },
    TIMEOUT,
  );

  it(
    "type-checks under moduleResolution bundler",
    async () => {
      await exec(join(dirs.bundler, "node_modules/.bin/tsc"), ["-p", "."], dirs.bundler);
    },
    TIMEOUT,
  );
});
