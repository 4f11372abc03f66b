/**
 * The command line's frame: help on every command and globally, the version,
 * and usage errors as one line with exit status 2, never a stack.
 */
import { describe, expect, it } from "vitest";
import { version } from "../../package.json";
import { MODEL_VERSION } from "../../src/index";
import { cli, expectNoStack } from "./support";

const COMMAND_NAMES = ["rank", "score", "validate"];

describe("city-difference (global)", () => {
  it.each([["--help"], ["-h"], ["help"]])(
    "%s lists every command and the exit statuses",
    async (flag) => {
      const run = await cli([flag]);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain("Usage: city-difference <command> [options]");
      for (const name of COMMAND_NAMES) expect(run.stdout).toMatch(new RegExp(`^  ${name} `, "m"));
      expect(run.stdout).toContain("2 usage error or unreadable input");
      expect(run.stderr).toBe("");
    },
  );

  it("--version prints the package version and the scoring model's", async () => {
    const run = await cli(["--version"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`city-difference ${version} (scoring model ${MODEL_VERSION})\n`);
  });

  it("with no command prints the usage on stderr and exits 2", async () => {
    const run = await cli([]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^city-difference: no command given\n/);
    expect(run.stderr).toContain("Usage: city-difference <command>");
  });

  it("names an unknown command and lists the real ones, exit 2", async () => {
    const run = await cli(["rnak", "Manchester"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'city-difference: unknown command "rnak"; the commands are rank, score, validate',
    );
    expectNoStack(run);
  });

  it("names an unknown option, exit 2, and points to the command's help", async () => {
    const run = await cli(["score", "--cities", "x.csv", "--colour"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "city-difference: score: unknown option --colour\nsee: city-difference score --help\n",
    );
  });

  it.each([
    [["score", "--cities"], "score: --cities needs a value"],
    [
      ["score", "--cities", "x.csv", "--format", "xml"],
      '--format must be one of table, json, csv; got "xml"',
    ],
    [["rank", "Leeds", "--top", "0"], '--top must be a whole number of at least 1; got "0"'],
    [["validate", "x.csv", "--kind", "towns"], '--kind must be one of cities, topics; got "towns"'],
    [
      ["validate", "x", "--input-format", "xlsx"],
      "--input-format must be one of json, ndjson, csv",
    ],
    [["score"], "score: name the cities file with --cities FILE"],
    [
      ["score", "cities.csv"],
      'unexpected argument "cities.csv"; name the cities file with --cities FILE',
    ],
    [["validate"], "validate: name a file to check"],
    [["rank"], 'rank: name a place, such as rank "Manchester, GB"'],
  ])("refuses %j with exit 2: %s", async (args, message) => {
    const run = await cli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe("");
    expectNoStack(run);
  });
});

describe.each(COMMAND_NAMES)("city-difference %s --help", (name) => {
  it("prints the command's usage, options and exit statuses, exit 0", async () => {
    for (const args of [
      [name, "--help"],
      [name, "-h"],
      ["help", name],
    ]) {
      const run = await cli(args);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: city-difference ${name} `));
      expect(run.stdout).toContain("--format FORMAT");
      expect(run.stdout).toContain("Exit status:");
      expect(run.stderr).toBe("");
    }
  });

  it("wins over other arguments, even invalid ones", async () => {
    const run = await cli([name, "--format", "xml", "--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: /);
  });
});
