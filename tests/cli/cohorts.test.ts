/**
 * `city-difference cohorts --cities FILE`: formCohorts on the valid cities of
 * a file, as cohort blocks, the CohortResult or one CSV row per city; the
 * same seed gives the same output; invalid records reported (exit 1); bad
 * options refused in one line (exit 2).
 */
import * as E from "fp-ts/Either";
import { describe, expect, it } from "vitest";
import { type City, type CohortResult, formCohorts } from "../../src/index";
import { CORE_CITIES, KEY_CITIES, LOW_INCOME_CITIES, MIXED } from "../cohorts/fixtures";
import {
  CITY_CSV_HEADER,
  city,
  cityCsvRow,
  cli,
  expectNoStack,
  lines,
  temporaryDirectory,
} from "./support";

const dir = temporaryDirectory();

function cohortsOf(cities: readonly City[], options: { k?: number; seed: number }): CohortResult {
  const result = formCohorts(cities, options);
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
}

/** The fixtures in a scrambled order: the command must not depend on it. */
const SHUFFLED = [...MIXED].sort((a, b) =>
  a.id.split("").reverse() < b.id.split("").reverse() ? -1 : 1,
);

describe("cohorts", () => {
  const file = dir.file("mixed.json", JSON.stringify(MIXED, null, 2));

  it("table (default): a title saying how k was chosen and the seed, then one block per cohort with its members wrapped", async () => {
    const run = await cli(["cohorts", "--cities", file]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const expected = cohortsOf(MIXED, { seed: 1 });
    expect(expected.k).toBe(3);
    const out = lines(run.stdout);
    expect(out[0]).toBe(
      "21 cities in 3 cohorts (k chosen by the highest mean silhouette of k = 2 to 3), seed 1.",
    );
    expect(run.stdout).toContain(
      `Mean silhouette by k: 2 (${expected.candidates[0]?.silhouette.toFixed(2)}), 3 (1.00)`,
    );
    for (const cohort of expected.cohorts) {
      const at = out.indexOf(
        `${cohort.id}: ${cohort.memberIds.length} cities, silhouette ${cohort.silhouette.toFixed(2)}, medoid ${cohort.medoidId}`,
      );
      expect(at).toBeGreaterThan(0);
      // The block: the description, then the members, wrapped under "members:".
      const block: string[] = [];
      for (let i = at + 1; i < out.length && out[i] !== ""; i++) block.push(out[i] as string);
      const text = block.join(" ").replace(/\s+/g, " ");
      expect(text).toBe(
        ` ${cohort.description} members: ${cohort.memberIds.join(", ")}`.replace(/\s+/g, " "),
      );
    }
    // Core Cities' ten members do not fit on one line of 100: wrapped, indented under the first.
    const members = out.findIndex((line) => line.startsWith("  members: gb-birmingham"));
    expect(out[members + 1]).toMatch(/^ {11}gb-/);
    for (const line of out) expect(line.length).toBeLessThanOrEqual(100);
  });

  it("--format json gives the CohortResult of formCohorts, exactly", async () => {
    const run = await cli(["cohorts", "--cities", file, "--format", "json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(cohortsOf(MIXED, { seed: 1 }));
  });

  it("--format csv: one row per city, cityId, cohortId, isMedoid, cohortSilhouette", async () => {
    const run = await cli(["cohorts", "--cities", file, "--format", "csv"]);
    expect(run.status).toBe(0);
    const [header, ...rows] = lines(run.stdout);
    expect(header).toBe("cityId,cohortId,isMedoid,cohortSilhouette");
    const expected = cohortsOf(MIXED, { seed: 1 });
    expect(rows).toEqual(
      expected.cohorts.flatMap((c) =>
        c.memberIds.map((id) => `${id},${c.id},${id === c.medoidId},${c.silhouette}`),
      ),
    );
    expect(rows).toHaveLength(MIXED.length);
    expect(rows.filter((row) => row.includes(",true,"))).toHaveLength(3);
  });

  it("--k N forms exactly N cohorts and says k was given", async () => {
    const run = await cli(["cohorts", "--cities", file, "--k", "2"]);
    expect(run.status).toBe(0);
    expect(lines(run.stdout)[0]).toBe("21 cities in 2 cohorts (k given with --k), seed 1.");
    expect(run.stdout).not.toContain("Mean silhouette by k");
    const json = await cli(["cohorts", "--cities", file, "--k", "2", "--format", "json"]);
    expect(JSON.parse(json.stdout)).toEqual(cohortsOf(MIXED, { k: 2, seed: 1 }));
  });

  it("reads CSV and NDJSON like score does, and the order of the records does not matter", async () => {
    const ndjson = dir.file("shuffled.ndjson", SHUFFLED.map((c) => JSON.stringify(c)).join("\n"));
    const csvFile = dir.file(
      "uk.csv",
      [CITY_CSV_HEADER, cityCsvRow("gb-a"), cityCsvRow("gb-b"), cityCsvRow("ng-c", "NG")].join(
        "\n",
      ),
    );
    const [fromJson, fromNdjson, fromCsv] = await Promise.all([
      cli(["cohorts", "--cities", file, "--format", "csv"]),
      cli(["cohorts", "--cities", ndjson, "--format", "csv"]),
      cli(["cohorts", "--cities", csvFile, "--format", "json"]),
    ]);
    expect(fromNdjson.status).toBe(0);
    expect(fromNdjson.stdout).toBe(fromJson.stdout);
    expect(fromCsv.status).toBe(0);
    // Three identical profiles: one cohort, nothing to choose.
    const result = JSON.parse(fromCsv.stdout) as CohortResult;
    expect(result.k).toBe(1);
    expect(result.cohorts[0]?.memberIds).toEqual(["gb-a", "gb-b", "ng-c"]);
  });

  it("an empty file of cities: no cohorts, exit 0", async () => {
    const empty = dir.file("empty.json", "[]");
    const run = await cli(["cohorts", "--cities", empty]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("0 cities: no cohorts\n");
  });

  it("the same seed gives the same output, also on sampled k-medoids (over 2,000 distinct profiles)", async () => {
    // Distinct budgets make every profile distinct, so CLARA samples on the seed.
    const many = Array.from({ length: 2_100 }, (_, i) =>
      city(`c${String(i).padStart(4, "0")}`, {
        outlook: {
          internationalRole: ["committed", "pragmatic", "skeptical"][i % 3],
          priorities: [["trade"], ["climate"], ["housing", "health"]][i % 3],
        },
        resources: {
          nationalTier: ["primary", "secondary", "tertiary"][i % 3],
          incomeTier: ["high", "upper-middle", "low"][i % 3],
          budgetUsd: 1e7 * (1 + i),
        },
      }),
    );
    const big = dir.file("distinct.ndjson", many.map((c) => JSON.stringify(c)).join("\n"));
    const args = ["cohorts", "--cities", big, "--k", "3", "--seed", "7", "--format", "json"];
    const [first, second] = await Promise.all([cli(args), cli(args)]);
    expect(first.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const result = JSON.parse(first.stdout) as CohortResult;
    expect(result.method).toBe("clara");
    expect(result.distinctProfiles).toBe(2_100);
    const parsed = many.map((c) => c as unknown as City);
    expect(result).toEqual(cohortsOf(parsed, { k: 3, seed: 7 }));
  });

  it("the seed defaults to 1: no --seed and --seed 1 print the same", async () => {
    const [plain, seeded] = await Promise.all([
      cli(["cohorts", "--cities", file]),
      cli(["cohorts", "--cities", file, "--seed", "1"]),
    ]);
    expect(seeded.stdout).toBe(plain.stdout);
  });

  it("reports each invalid record as FILE:LINE: field: message, groups the valid ones and exits 1", async () => {
    const records = [
      ...CORE_CITIES.slice(0, 3),
      { ...KEY_CITIES[0], governance: { regime: "democracy" } },
      ...KEY_CITIES.slice(1, 4),
      { ...LOW_INCOME_CITIES[0], country: "Nigeria" },
      ...LOW_INCOME_CITIES.slice(1),
    ];
    const bad = dir.file("some-bad.ndjson", records.map((r) => JSON.stringify(r)).join("\n"));
    const run = await cli(["cohorts", "--cities", bad, "--format", "csv"]);
    expect(run.status).toBe(1);
    expectNoStack(run);
    expect(lines(run.stderr)).toEqual([
      `${bad}:4: governance.regime: must be one of closed-autocracy, electoral-autocracy, electoral-democracy, liberal-democracy; got "democracy"`,
      expect.stringMatching(new RegExp(`^${bad}:8: country: must be an ISO 3166-1 alpha-2`)),
    ]);
    const ids = lines(run.stdout)
      .slice(1)
      .map((row) => row.split(",")[0]);
    expect(ids).toHaveLength(records.length - 2);
    expect(ids).not.toContain(KEY_CITIES[0]?.id);
    expect(ids).not.toContain(LOW_INCOME_CITIES[0]?.id);
  });

  it("a CSV row with a bad cell is reported at its line", async () => {
    const csvFile = dir.file(
      "bad.csv",
      [CITY_CSV_HEADER, cityCsvRow("gb-a"), cityCsvRow("xx-b", "ZZ"), cityCsvRow("gb-c")].join(
        "\n",
      ),
    );
    const run = await cli(["cohorts", "--cities", csvFile, "--format", "csv"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${csvFile}:3: country: `));
    expect(lines(run.stdout)).toHaveLength(3);
  });

  it.each([
    [["--k", "0"], 'cohorts: --k must be a whole number from 1 to 50; got "0"'],
    [["--k", "x"], 'cohorts: --k must be a whole number from 1 to 50; got "x"'],
    [["--k", "2.5"], 'cohorts: --k must be a whole number from 1 to 50; got "2.5"'],
    [["--k", "-2"], 'cohorts: --k must be a whole number from 1 to 50; got "-2"'],
    [["--k", "51"], 'cohorts: --k must be at most 50; got "51"'],
    [["--k", "22"], "cohorts: --k must be at most the number of valid cities (21); got 22"],
    [["--seed", "-1"], 'cohorts: --seed must be a whole number from 0 to 4294967295; got "-1"'],
    [["--seed=-1"], 'cohorts: --seed must be a whole number from 0 to 4294967295; got "-1"'],
    [["--seed", "x"], 'cohorts: --seed must be a whole number from 0 to 4294967295; got "x"'],
    [["--seed", "4294967296"], 'cohorts: --seed must be at most 4294967295; got "4294967296"'],
    [["--format", "xml"], 'cohorts: --format must be one of table, json, csv; got "xml"'],
  ])("refuses %j in one line naming the option, exit 2", async (options, message) => {
    const run = await cli(["cohorts", "--cities", file, ...options]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`city-difference: ${message}\n`);
    expect(run.stdout).toBe("");
  });

  it.each([
    [["cohorts"], "cohorts: name the cities file with --cities FILE"],
    [["cohorts", "cities.json"], 'cohorts: unexpected argument "cities.json"'],
    [["cohorts", "--cities", "no-such.json"], "cannot read no-such.json: no such file"],
    [["cohorts", "--cities", "x.json", "--by", "country"], "cohorts: unknown option --by"],
  ])("%j is a usage error, exit 2, no stack", async (args, message) => {
    const run = await cli(args, { cwd: dir.path });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`city-difference: ${message}`);
    expect(run.stdout).toBe("");
    expectNoStack(run);
  });

  it("prints progress on stderr for more than 10,000 cities, unless --quiet", async () => {
    const rows = [CITY_CSV_HEADER];
    for (let i = 0; i < 10_001; i++) rows.push(cityCsvRow(`c${i}`, i % 2 === 0 ? "GB" : "FR"));
    const big = dir.file("big.csv", rows.join("\n"));
    const [run, quiet] = await Promise.all([
      cli(["cohorts", "--cities", big, "--format", "csv"]),
      cli(["cohorts", "--cities", big, "--format", "csv", "--quiet"]),
    ]);
    expect(run.status).toBe(0);
    expect(lines(run.stderr)).toEqual([
      `city-difference: ${big}: 10,000 records read`,
      `city-difference: ${big}: 10,001 records read, 0 invalid`,
      "city-difference: forming cohorts of 10,001 cities",
    ]);
    expect(lines(run.stdout)).toHaveLength(10_002);
    expect(quiet.stderr).toBe("");
    expect(quiet.stdout).toBe(run.stdout);
  });

  it("--help explains the options, the seed's default and the formats", async () => {
    for (const args of [
      ["cohorts", "--help"],
      ["help", "cohorts"],
    ]) {
      const run = await cli(args);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Usage: city-difference cohorts --cities FILE \[options\]/);
      expect(run.stdout).toContain("--k N");
      expect(run.stdout).toMatch(/--seed S[\s\S]*\(default 1\)/);
      expect(run.stdout).toContain("cohortSilhouette");
      expect(run.stderr).toBe("");
    }
    const global = await cli(["--help"]);
    expect(global.stdout).toMatch(/^ {2}cohorts --cities FILE/m);
  });
});
