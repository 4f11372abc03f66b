/**
 * Driving the built command line as a user does: `node dist/cli.js …` in a
 * child process, with real files in a temporary directory.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect } from "vitest";
import { type Run, runNode } from "../support/node-process";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The built command line (`npm test` builds first). */
export const CLI = join(root, "dist", "cli.js");

export type { Run } from "../support/node-process";

/** Runs `node dist/cli.js ...args` in `cwd`, with `stdin` as its input, and waits for it to exit. */
export function cli(args: readonly string[], options: { cwd?: string; stdin?: string } = {}) {
  return runNode([CLI, ...args], {
    cwd: options.cwd ?? root,
    // A fixed width, so tables lay out the same everywhere.
    env: { COLUMNS: "100" },
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
  });
}

/** A temporary directory for one test file, removed after its tests. */
export function temporaryDirectory(): {
  path: string;
  file: (name: string, text: string) => string;
} {
  const path = mkdtempSync(join(tmpdir(), "city-difference-cli-"));
  afterAll(() => rmSync(path, { recursive: true, force: true }));
  return {
    path,
    file(name, text) {
      const file = join(path, name);
      writeFileSync(file, text);
      return file;
    },
  };
}

/** Asserts that stderr holds no stack trace. */
export function expectNoStack(run: Run): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

/** Lines of a text, without the empty one after the last newline. */
export function lines(text: string): string[] {
  return text === "" ? [] : text.replace(/\n$/, "").split("\n");
}

/** A complete, valid city record. */
export function city(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: `City ${id}`,
    country: "GB",
    population: 250_000,
    outlook: { internationalRole: "pragmatic", priorities: ["economic-development", "climate"] },
    resources: { nationalTier: "secondary", incomeTier: "high", internationalOffice: true },
    governance: { autonomy: "intermediate", regime: "liberal-democracy" },
    ...overrides,
  };
}

/** The header of a cities CSV with every column {@link city} fills. */
export const CITY_CSV_HEADER =
  "id,name,country,population,outlook.internationalRole,outlook.priorities,resources.nationalTier,resources.incomeTier,resources.internationalOffice,governance.autonomy,governance.regime";

/** {@link city} as a CSV row under {@link CITY_CSV_HEADER}; `country` may be replaced. */
export function cityCsvRow(id: string, country = "GB"): string {
  return `${id},City ${id},${country},250000,pragmatic,economic-development;climate,secondary,high,true,intermediate,liberal-democracy`;
}
