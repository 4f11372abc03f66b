/**
 * The evaluation benchmark: `evaluateRelevance` and `calibrateScorer` on the
 * shipped networks (`observedEngagement()`: every gazetteer place, every
 * evaluated network), checked against the targets "evaluation of every
 * shipped network well under a second" and "calibration under 30 s on one
 * core".
 *
 * Run alone with `node --expose-gc --import tsx bench/run.ts --evaluation`
 * (`--src`: the sources only; `--dist`: the built bundle only; by default the
 * bundle when dist/ exists, else the sources). `runEvaluationBench()` is the
 * same run for bench/run.ts; it returns the report's lines.
 *
 * Cases, with the default options (500 bootstrap replicates, seed 1; for
 * calibration `calibrationParameters()` of the default scorer, six penalties,
 * leave-one-list-out):
 *
 * 1. **evaluate**: one warm-up, then the median of 5 runs.
 * 2. **calibrate**: one run (it takes seconds; its own fits warm it up).
 *
 * Timing: wall clock from `process.hrtime.bigint()` after a full garbage
 * collection when `--expose-gc` is on, CPU time (user + system, from
 * `process.cpuUsage()`) beside it. Node runs both on one thread. On a busy
 * machine (load average above the number of logical CPUs) the wall clock
 * includes time spent waiting for a core; the target is then judged by CPU
 * time, which is what one core of its own would take.
 */
import { existsSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Evaluation of every shipped network, ms. */
export const EVALUATION_TARGET_MS = 1000;
/** Calibration on the shipped networks, ms. */
export const CALIBRATION_TARGET_MS = 30_000;

const root = fileURLToPath(new URL("..", import.meta.url));

type Main = Pick<typeof import("../src/index"), "evaluateRelevance" | "calibrateScorer">;
type Networks = Pick<typeof import("../src/networks/index"), "observedEngagement">;

interface Variant {
  readonly label: string;
  readonly main: Main;
  readonly networks: Networks;
}

async function loadVariant(kind: "bundle" | "sources"): Promise<Variant> {
  if (kind === "bundle") {
    return {
      label: "bundle",
      main: await import(pathToFileURL(`${root}dist/index.js`).href),
      networks: await import(pathToFileURL(`${root}dist/networks.js`).href),
    };
  }
  return {
    label: "sources",
    main: await import("../src/index"),
    networks: await import("../src/networks/index"),
  };
}

interface Timed {
  readonly wallMs: number;
  readonly cpuMs: number;
}

function timed(run: () => void): Timed {
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  run();
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Runs the cases for each variant; returns the report's lines (also given to `onLine`). */
export async function runEvaluationBench(options: {
  readonly variants: readonly ("bundle" | "sources")[];
  readonly runs?: number;
  readonly onLine?: (line: string) => void;
}): Promise<{ lines: string[]; met: boolean }> {
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    options.onLine?.(line);
  };
  const runs = options.runs ?? 5;
  const logical = availableParallelism();
  const loadBefore = loadavg()[0] as number;
  say(
    `Evaluation and calibration on the shipped networks (${cpus()[0]?.model ?? "unknown CPU"}, ${logical} logical CPUs, Node ${process.version}; load average ${loadBefore.toFixed(2)} before)`,
  );
  let met = true;
  for (const kind of options.variants) {
    if (kind === "bundle" && !existsSync(`${root}dist/networks.js`)) {
      say("bundle: dist/networks.js is missing (npm run build); skipped");
      continue;
    }
    const variant = await loadVariant(kind);
    const input = variant.networks.observedEngagement();
    const size = `${input.cities.length} cities, ${input.lists.length} lists, ${input.lists.reduce((sum, list) => sum + list.topicIds.length, 0)} list-topic rows`;
    variant.main.evaluateRelevance(input);
    const evaluations = Array.from({ length: runs }, () =>
      timed(() => {
        variant.main.evaluateRelevance(input);
      }),
    );
    const evaluationWall = median(evaluations.map((t) => t.wallMs));
    const evaluationCpu = median(evaluations.map((t) => t.cpuMs));
    let report = "";
    const calibration = timed(() => {
      const result = variant.main.calibrateScorer(input);
      if (result._tag === "Right") {
        const { heldOut, penalty, evaluations: points } = result.right.report;
        report = `held-out mean AUC ${heldOut.before.toFixed(3)} → ${heldOut.after.toFixed(3)}, λ ${penalty}, ${points} options evaluated`;
      } else report = "calibration failed";
    });
    const busy = (loadavg()[0] as number) > logical;
    const judge = (wall: number, cpu: number, target: number) =>
      wall < target || (busy && cpu < target);
    const evaluationMet = judge(evaluationWall, evaluationCpu, EVALUATION_TARGET_MS);
    const calibrationMet = judge(calibration.wallMs, calibration.cpuMs, CALIBRATION_TARGET_MS);
    met &&= evaluationMet && calibrationMet;
    say(`${variant.label}: ${size}`);
    say(
      `  evaluateRelevance (500 replicates): median ${seconds(evaluationWall)} wall, ${seconds(evaluationCpu)} CPU over ${runs} runs — target < ${seconds(EVALUATION_TARGET_MS)}: ${evaluationMet ? "PASS" : "FAIL"}`,
    );
    say(
      `  calibrateScorer: ${seconds(calibration.wallMs)} wall, ${seconds(calibration.cpuMs)} CPU (${report}) — target < ${seconds(CALIBRATION_TARGET_MS)}: ${calibrationMet ? "PASS" : "FAIL"}`,
    );
  }
  say(`load average ${(loadavg()[0] as number).toFixed(2)} after`);
  return { lines, met };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const { met } = await runEvaluationBench({
    variants: args.includes("--src")
      ? ["sources"]
      : args.includes("--dist")
        ? ["bundle"]
        : [existsSync(`${root}dist/networks.js`) ? "bundle" : "sources"],
    onLine: (line) => console.log(line),
  });
  if (!met) process.exitCode = 1;
}
