/**
 * The place lookups of `city-difference/places`, on the built bundle
 * (dist/places.js; the sources when there is no build): loading the module
 * (the gazetteer and its name index built at import), then `cityFromPlace` by
 * name and country, by a former name, by a name without its qualifier, and a
 * misspelling that matches nothing (the suggestions scan every name). Run by
 * `npm run bench` after the cohorts; alone with
 * `node --expose-gc --import tsx bench/run.ts --places`.
 *
 * Targets, each a median:
 * - a lookup that resolves under 0.1 ms, so that a `--places` file of 10,000
 *   rows resolves in under a second;
 * - a lookup that matches nothing under 10 ms, so that even 100 unresolved
 *   rows (each reported with suggestions) add under a second;
 * - loading the module under 500 ms, the start-up a command-line run of
 *   `rank` or `--places` pays once.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Bench } from "tinybench";

type PlacesModule = Pick<typeof import("../src/places/index"), "cityFromPlace">;

export const PLACE_TARGETS = { resolvedMs: 0.1, unresolvedMs: 10, loadMs: 500 };

const QUERIES: readonly { label: string; query: string; resolves: boolean }[] = [
  { label: "name and country", query: "Manchester, GB", resolves: true },
  { label: "former name", query: "Bombay, IN", resolves: true },
  { label: "name without its qualifier", query: "Washington, US", resolves: true },
  { label: "misspelling (suggestions)", query: "Manchestr, GB", resolves: false },
];

async function median(fn: () => void): Promise<number> {
  globalThis.gc?.();
  const bench = new Bench({
    timestampProvider: "hrtimeNow",
    warmup: true,
    time: 1000,
    iterations: 50,
    throws: true,
  });
  bench.add("task", fn);
  const [task] = bench.runSync();
  const result = task?.result;
  if (result === undefined || !("latency" in result)) throw new Error("no statistics");
  return result.latency.p50;
}

/** Wall time of importing the module in a fresh Node process, ms (median of 5). */
function loadTime(url: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(url)}); console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`loading ${url}: ${run.stderr}`);
    times.push(Number(run.stdout.trim()));
  }
  times.sort((a, b) => a - b);
  return times[2] as number;
}

export async function runPlacesBench(onLine: (line: string) => void): Promise<void> {
  const dist = new URL("../dist/places.js", import.meta.url);
  const built = existsSync(fileURLToPath(dist));
  const lib = (
    built ? await import(dist.href) : await import("../src/places/index")
  ) as PlacesModule;
  const verdict = (pass: boolean) => (pass ? "PASS" : "FAIL");
  onLine(`places: cityFromPlace on the ${built ? "bundle (dist/places.js)" : "sources"}`);
  let sink = 0;
  for (const { label, query, resolves } of QUERIES) {
    const result = lib.cityFromPlace(query);
    if ((result._tag === "Right") !== resolves) throw new Error(`${query}: unexpected result`);
    const ms = await median(() => {
      sink += lib.cityFromPlace(query)._tag.length;
    });
    const target = resolves ? PLACE_TARGETS.resolvedMs : PLACE_TARGETS.unresolvedMs;
    onLine(
      `  ${verdict(ms < target)}  ${label} ("${query}"): ${ms.toFixed(4)} ms (target under ${target} ms)`,
    );
  }
  if (built) {
    const ms = loadTime(dist.href);
    onLine(
      `  ${verdict(ms < PLACE_TARGETS.loadMs)}  loading dist/places.js in a fresh process: ${ms.toFixed(1)} ms (target under ${PLACE_TARGETS.loadMs} ms)`,
    );
  }
  if (sink < 0) onLine("(sink)");
}
