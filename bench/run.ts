/**
 * The benchmarks: `npm run bench` (or, while the build is broken,
 * `node --expose-gc --import tsx bench/run.ts --src`). docs/performance.md says
 * what they measure and records a run.
 *
 * Scoring: `scoreMatrix`, `scoreRelevance` pair by pair, and the floor
 * (bench/floor.ts: the same arithmetic as a bare loop over typed arrays) on
 * the GeoNames cities of 100,000 or more by the catalog, then `scoreMatrix` on
 * every place; targets printed PASS/FAIL with the measured ratios.
 *
 * The library is measured as two module instances, one after the other in
 * the same process: the built bundle (dist/index.js, what the package ships;
 * present after `npm run build`) and the sources (src/index.ts, compiled on
 * the fly by tsx). Same code, different JavaScript: tsx compiles with
 * esbuild's keepNames, which wraps every function in a `__name` call,
 * including closures created on each call (`meanOf` in `compileCity`), so the
 * sources run slower than the bundle. `--src` measures the sources only,
 * `--dist` the bundle only.
 *
 * Timing: tinybench (timestamps from process.hrtime.bigint()), warm-up, then
 * the median of the samples; a full GC before each task with --expose-gc.
 * scoreRelevance runs before scoreMatrix is first called; scoreMatrix is also
 * timed in a fresh child process where scoreRelevance never runs, because the
 * two share the kernel and its type feedback (see matrixInFreshProcess).
 *
 * The cohorts benchmark (bench/cohorts.ts) follows, then the evaluation
 * benchmark (bench/evaluation.ts) and the place lookups (bench/places.ts);
 * `--scoring` skips them, `--cohorts`, `--evaluation` and `--places` run one
 * alone.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { join } from "node:path";
import { PerformanceObserver, performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Bench } from "tinybench";
import { CATALOG, type City, DEFAULT_SCORER } from "../src/index";
import { runCohortBench } from "./cohorts";
import { CITY_FLOOR, loadBenchData } from "./data";
import { runEvaluationBench } from "./evaluation";
import { compileFloor, scoreFloor } from "./floor";
import { runPlacesBench } from "./places";

/** The library's entry module, as the benchmark uses it. */
type Library = Pick<typeof import("../src/index"), "CATALOG" | "scoreMatrix" | "scoreRelevance">;

interface Variant {
  readonly label: string;
  readonly lib: Library;
}

/** The targets of the issue. */
const TARGETS = {
  /** scoreMatrix at most this many times the floor's time. */
  matrixOverFloor: 4,
  /** Per-pair scoreRelevance at most this many times scoreMatrix's time per score. */
  pairsOverMatrix: 20,
  /** All places by the catalog, in ms. */
  allPlacesMs: 1000,
};

/** Keeps results alive so that no timed work is optimised away. */
let sink = 0;

interface Timing {
  readonly name: string;
  /** Median, ms. */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly samples: number;
  /** Relative margin of error of the mean, %. */
  readonly rme: number;
}

interface Budget {
  /** Time budget of the measured phase, ms (tinybench runs at least `iterations`). */
  readonly time: number;
  readonly iterations: number;
  readonly warmupTime: number;
  readonly warmupIterations: number;
}

const FAST: Budget = { time: 2000, iterations: 50, warmupTime: 500, warmupIterations: 20 };
const SLOW: Budget = { time: 5000, iterations: 5, warmupTime: 0, warmupIterations: 2 };
const LARGE: Budget = { time: 3000, iterations: 10, warmupTime: 500, warmupIterations: 3 };

function collectGarbage(): void {
  globalThis.gc?.();
}

/** Runs one task alone, after a full GC, and returns its latency statistics. */
function measure(name: string, fn: () => void, budget: Budget): Timing {
  collectGarbage();
  const bench = new Bench({
    name,
    timestampProvider: "hrtimeNow",
    warmup: true,
    time: budget.time,
    iterations: budget.iterations,
    warmupTime: budget.warmupTime,
    warmupIterations: budget.warmupIterations,
    throws: true,
  });
  bench.add(name, fn);
  const [task] = bench.runSync();
  const result = task?.result;
  if (result === undefined || !("latency" in result)) {
    throw new Error(`${name}: no statistics (${result?.state})`);
  }
  const { latency } = result;
  return {
    name,
    median: latency.p50,
    min: latency.min,
    max: latency.max,
    samples: latency.samplesCount,
    rme: latency.rme,
  };
}

/** The number of elements that differ by Object.is, and the first of them. */
function compare(a: Float64Array, b: Float64Array): { differ: number; first: number } {
  if (a.length !== b.length) return { differ: Math.max(a.length, b.length), first: 0 };
  let differ = 0;
  let first = -1;
  for (let k = 0; k < a.length; k++) {
    if (!Object.is(a[k], b[k])) {
      differ++;
      if (first < 0) first = k;
    }
  }
  return { differ, first };
}

function describeCheck(
  check: { differ: number; first: number },
  ours: Float64Array,
  theirs: Float64Array,
): string {
  return check.differ === 0
    ? `yes, all ${ours.length}`
    : `NO: ${check.differ} of ${ours.length} differ, first at ${check.first} ` +
        `(${ours[check.first]} vs ${theirs[check.first]})`;
}

function perPair(lib: Library, cities: readonly City[], out: Float64Array): void {
  let k = 0;
  for (const city of cities) {
    for (const topic of lib.CATALOG) out[k++] = lib.scoreRelevance(city, topic).score;
  }
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const ms = (value: number) => (value < 10 ? value.toFixed(3) : value.toFixed(1));
const verdict = (pass: boolean) => (pass ? "PASS" : "FAIL");
const count = (n: number) => n.toLocaleString("en-US");

/** Garbage collections seen by a PerformanceObserver, with their start times. */
const gcStarts: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcStarts.push(entry.startTime);
}).observe({ entryTypes: ["gc"] });

/**
 * Memory around one scoreMatrix call: how much the JS heap plus typed-array
 * backing stores grew during the call (no GC forced), how many collections
 * V8 ran during it (when any did, the growth understates what the call
 * allocated; up to five tries for a call without one), and the size of the
 * result's score array.
 */
async function matrixMemory(
  lib: Library,
  cities: readonly City[],
): Promise<{ grew: number; collections: number; scores: number } | undefined> {
  if (globalThis.gc === undefined) return undefined;
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  // A few tries: a collection during the call hides part of what it allocated.
  let last = { grew: 0, collections: 0, scores: 0 };
  for (let attempt = 0; attempt < 5; attempt++) {
    collectGarbage();
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const before = used();
    const start = performance.now();
    const matrix = lib.scoreMatrix(cities, lib.CATALOG);
    const end = performance.now();
    const grew = used() - before;
    await new Promise((resolve) => setTimeout(resolve, 10));
    const collections = gcStarts.filter((t) => t >= start && t <= end).length;
    sink += matrix.scores[0] ?? 0;
    last = { grew, collections, scores: matrix.scores.byteLength };
    if (collections === 0) break;
  }
  return last;
}

/** The newest modification time under a directory, in ms. */
function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

async function loadVariants(args: readonly string[]): Promise<Variant[]> {
  const variants: Variant[] = [];
  const distUrl = new URL("../dist/index.js", import.meta.url);
  const distPath = fileURLToPath(distUrl);
  if (!args.includes("--src")) {
    if (existsSync(distPath)) {
      const srcDir = fileURLToPath(new URL("../src", import.meta.url));
      if (newestUnder(srcDir) > statSync(distPath).mtimeMs) {
        console.log("note: src/ has changed since dist/index.js was built; run `npm run bench`");
      }
      const lib = (await import(distUrl.href)) as Library;
      variants.push({ label: "bundle", lib });
    } else {
      console.log("note: no dist/index.js (build first); measuring the sources only");
    }
  }
  if (!args.includes("--dist") || variants.length === 0) {
    const lib = (await import("../src/index")) as Library;
    variants.push({ label: "sources", lib });
  }
  return variants;
}

/** The flag that makes this script time scoreMatrix alone, in a fresh process, and print the timing. */
const MATRIX_ONLY = "--matrix-only";
const RESULT_PREFIX = "RESULT ";

/** Fresh processes per variant; their median is reported, since V8's choices vary between processes. */
const FRESH_PROCESSES = 3;

/**
 * scoreMatrix timed in child processes where scoreRelevance never runs.
 * scoreMatrix and scoreRelevance share the kernel (evaluate, aggregate,
 * capOf), so V8's type feedback for it, and thus scoreMatrix's speed, depends
 * on which of the two ran first in the process; a fresh process is the only
 * way to see the state where scoreRelevance has not run. Returns the run
 * with the median median, its name noting the spread of the medians.
 */
function matrixInFreshProcess(label: string): Timing | undefined {
  const runs: Timing[] = [];
  for (let k = 0; k < FRESH_PROCESSES; k++) {
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        fileURLToPath(import.meta.url),
        MATRIX_ONLY,
        label === "bundle" ? "--dist" : "--src",
      ],
      { encoding: "utf8", maxBuffer: 1 << 24 },
    );
    const line = child.stdout
      .split("\n")
      .find((l) => l.startsWith(RESULT_PREFIX))
      ?.slice(RESULT_PREFIX.length);
    if (child.status !== 0 || line === undefined) {
      console.log(`[${label}] a fresh-process run failed: ${child.stderr.slice(0, 500)}`);
      return undefined;
    }
    runs.push(JSON.parse(line) as Timing);
  }
  runs.sort((a, b) => a.median - b.median);
  const middle = runs[Math.floor(runs.length / 2)] as Timing;
  const spread = runs.map((t) => ms(t.median)).join(", ");
  return { ...middle, name: `${middle.name} (median of ${runs.length}: ${spread})` };
}

/** The child's side of {@link matrixInFreshProcess}. */
function timeMatrixOnly(variant: Variant, cities: readonly City[]): void {
  const { label, lib } = variant;
  const timing = measure(
    `[${label}] scoreMatrix, ${cities.length} x ${lib.CATALOG.length}, fresh process`,
    () => {
      sink += lib.scoreMatrix(cities, lib.CATALOG).scores[0] as number;
    },
    FAST,
  );
  console.log(`${RESULT_PREFIX}${JSON.stringify(timing)}`);
}

interface VariantResult {
  readonly label: string;
  /** scoreMatrix in a fresh process where scoreRelevance never runs. */
  readonly matrixAlone: Timing | undefined;
  /** scoreMatrix in a process where scoreRelevance ran first. */
  readonly matrix: Timing;
  readonly single: Timing;
  readonly allCleaned: Timing;
  readonly allRaw: Timing;
}

async function main(): Promise<void> {
  const tinybenchVersion = (
    JSON.parse(
      readFileSync(new URL("../node_modules/tinybench/package.json", import.meta.url), "utf8"),
    ) as { version: string }
  ).version;
  console.log("city-difference scoring benchmark");
  console.log(
    `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"}), ` +
      `Node ${process.version}, V8 ${process.versions.v8}, ${process.platform}/${process.arch}; ` +
      `load average at start ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
  );
  console.log(
    `timer: tinybench ${tinybenchVersion}, process.hrtime.bigint, warm-up then median of the samples; ` +
      "one JS thread (V8's GC helpers may use another core)",
  );
  if (globalThis.gc === undefined) {
    console.log("(run with --expose-gc for GC between tasks and memory figures)");
  }
  const variants = await loadVariants(process.argv.slice(2));
  console.log(
    `library: ${variants
      .map((v) => (v.label === "bundle" ? "bundle = dist/index.js" : "sources = src/ via tsx"))
      .join("; ")}`,
  );

  const loadStart = process.hrtime.bigint();
  const data = loadBenchData();
  const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
  const { cities, cleaned, raw } = data;
  if (process.argv.includes(MATRIX_ONLY)) {
    for (const variant of variants) timeMatrixOnly(variant, cities);
    return;
  }
  const topics = CATALOG.length;
  const pairs = cities.length * topics;
  console.log(
    `data: ${count(data.counts.rawRecords)} GeoNames records, ${count(data.counts.cleanedPlaces)} after cleaning ` +
      `(${data.counts.badCountry} with a non-ISO country dropped); ` +
      `${count(cities.length)} cities of ${count(CITY_FLOOR)} or more; ${topics} catalog topics; ` +
      `${count(pairs)} city-topic pairs (loaded in ${loadMs.toFixed(0)} ms, not timed)`,
  );

  // The floor's arrays, precomputed (not timed).
  const floorData = compileFloor(cities, CATALOG, DEFAULT_SCORER.options);
  const floorOut = new Float64Array(pairs);
  const pairOut = new Float64Array(pairs);
  let floorDiffers = false;

  scoreFloor(floorData, floorOut);
  const floor = measure(
    `floor: typed-array loop, ${cities.length} x ${topics}`,
    () => {
      scoreFloor(floorData, floorOut);
      sink += floorOut[0] as number;
    },
    FAST,
  );
  console.log("\nchecks (not timed)");
  const results: VariantResult[] = [];
  for (const { label, lib } of variants) {
    // scoreRelevance runs first here, before scoreMatrix is ever called, as in an application
    // that explains a score before it fills a matrix; the other order is timed in a fresh process.
    perPair(lib, cities, pairOut);
    const matrixScores = lib.scoreMatrix(cities, lib.CATALOG).scores;
    const floorCheck = compare(floorOut, matrixScores);
    floorDiffers ||= floorCheck.differ > 0;
    console.log(
      `[${label}] floor equals scoreMatrix bit for bit (Object.is): ` +
        describeCheck(floorCheck, floorOut, matrixScores),
    );
    console.log(
      `[${label}] scoreRelevance equals scoreMatrix bit for bit (Object.is): ` +
        describeCheck(compare(pairOut, matrixScores), pairOut, matrixScores),
    );
    const single = measure(
      `[${label}] scoreRelevance per pair, ${cities.length} x ${topics}`,
      () => {
        perPair(lib, cities, pairOut);
        sink += pairOut[0] as number;
      },
      SLOW,
    );
    const matrix = measure(
      `[${label}] scoreMatrix, ${cities.length} x ${topics}`,
      () => {
        sink += lib.scoreMatrix(cities, lib.CATALOG).scores[0] as number;
      },
      FAST,
    );
    const allCleaned = measure(
      `[${label}] scoreMatrix, ${cleaned.length} cleaned places x ${topics}`,
      () => {
        sink += lib.scoreMatrix(cleaned, lib.CATALOG).scores[0] as number;
      },
      LARGE,
    );
    const allRaw = measure(
      `[${label}] scoreMatrix, ${raw.length} records x ${topics}`,
      () => {
        sink += lib.scoreMatrix(raw, lib.CATALOG).scores[0] as number;
      },
      LARGE,
    );
    const matrixAlone = matrixInFreshProcess(label);
    results.push({ label, matrixAlone, matrix, single, allCleaned, allRaw });
  }

  console.log("\ntiming (median of tinybench samples, after warm-up)");
  const timings = [
    floor,
    ...results.flatMap((r) => [
      r.single,
      r.matrix,
      r.allCleaned,
      r.allRaw,
      ...(r.matrixAlone === undefined ? [] : [r.matrixAlone]),
    ]),
  ];
  const width = Math.max(...timings.map((t) => t.name.length));
  console.log(`${"task".padEnd(width)}  median ms      min ms      max ms  samples    rme`);
  for (const t of timings) {
    console.log(
      `${t.name.padEnd(width)}  ${ms(t.median).padStart(9)}  ${ms(t.min).padStart(10)}  ` +
        `${ms(t.max).padStart(10)}  ${String(t.samples).padStart(7)}  ${t.rme.toFixed(1).padStart(4)}%`,
    );
  }
  const perPairNs = (t: Timing, n: number) => ((t.median * 1e6) / n).toFixed(1);
  console.log(`per pair: floor ${perPairNs(floor, pairs)} ns`);
  for (const r of results) {
    console.log(
      `per pair [${r.label}]: scoreMatrix ${perPairNs(r.matrix, pairs)} ns ` +
        `(${r.matrixAlone === undefined ? "?" : perPairNs(r.matrixAlone, pairs)} ns in a fresh process; ` +
        `${perPairNs(r.allRaw, raw.length * topics)} ns on ${count(raw.length)} records), ` +
        `scoreRelevance ${((r.single.median * 1e6) / pairs).toFixed(0)} ns`,
    );
  }

  for (const { label, lib } of variants) {
    for (const set of [cities, raw]) {
      const memory = await matrixMemory(lib, set);
      if (memory === undefined) continue;
      console.log(
        `memory [${label}], one scoreMatrix of ${count(set.length)} x ${topics}: ` +
          `heap + typed arrays +${mb(memory.grew)} during the call ` +
          `(${memory.collections} GC${memory.collections === 1 ? "" : "s"} during it); ` +
          `the scores array is ${mb(memory.scores)}`,
      );
    }
  }

  console.log("\ntargets");
  for (const r of results) {
    const pairsOverMatrix = r.single.median / r.matrix.median;
    const largest = Math.max(r.allCleaned.median, r.allRaw.median);
    for (const [state, t] of [
      ["scoreRelevance ran first", r.matrix],
      ["fresh process", r.matrixAlone],
    ] as const) {
      if (t === undefined) continue;
      const matrixOverFloor = t.median / floor.median;
      console.log(
        `${verdict(matrixOverFloor <= TARGETS.matrixOverFloor)}  [${r.label}] scoreMatrix (${state}) ` +
          `within ${TARGETS.matrixOverFloor}x of the floor: ${matrixOverFloor.toFixed(2)}x ` +
          `(${ms(t.median)} ms vs ${ms(floor.median)} ms)`,
      );
    }
    console.log(
      `${verdict(pairsOverMatrix <= TARGETS.pairsOverMatrix)}  [${r.label}] per-pair scoreRelevance ` +
        `within ${TARGETS.pairsOverMatrix}x of scoreMatrix per score: ${pairsOverMatrix.toFixed(1)}x ` +
        `(${ms(r.single.median)} ms vs ${ms(r.matrix.median)} ms)`,
    );
    console.log(
      `${verdict(largest < TARGETS.allPlacesMs)}  [${r.label}] all places by the catalog under ` +
        `${TARGETS.allPlacesMs} ms on one thread: ${ms(r.allRaw.median)} ms for ${count(raw.length)} ` +
        `records, ${ms(r.allCleaned.median)} ms for ${count(cleaned.length)} cleaned places`,
    );
  }
  console.log(
    `load average at end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  if (floorDiffers) {
    console.log("the floor does not reproduce scoreMatrix: its ratio is not meaningful");
    process.exitCode = 1;
  }
  if (Number.isNaN(sink)) console.log("(sink)");
}

/** The scoring benchmark, then (unless `--scoring`) the cohorts, evaluation and place-lookup benchmarks. */
async function all(): Promise<void> {
  const args = process.argv.slice(2);
  const variants: ("bundle" | "sources")[] = args.includes("--src")
    ? ["sources"]
    : args.includes("--dist")
      ? ["bundle"]
      : ["bundle", "sources"];
  if (args.includes("--evaluation")) {
    const { met } = await runEvaluationBench({
      variants: variants.slice(0, 1),
      onLine: (line) => console.log(line),
    });
    if (!met) process.exitCode = 1;
    return;
  }
  if (args.includes("--places")) return runPlacesBench((line) => console.log(line));
  if (!args.includes("--cohorts")) await main();
  if (args.includes("--scoring") || args.includes(MATRIX_ONLY)) return;
  console.log("");
  await runCohortBench({ variants, onLine: (line) => console.log(line) });
  if (args.includes("--cohorts")) return;
  console.log("");
  const { met } = await runEvaluationBench({
    variants: variants.slice(0, 1),
    onLine: (line) => console.log(line),
  });
  if (!met) process.exitCode = 1;
  console.log("");
  await runPlacesBench((line) => console.log(line));
}

await all();
