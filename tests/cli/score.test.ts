/**
 * `city-difference score`: every valid city by every topic, equal to the
 * library's scoreMatrix, in CSV, JSON or a compact table; invalid records
 * reported and skipped (exit 1).
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CATALOG, parseCity, scoreMatrix } from "../../src/index";
import { CLI, city, cli, expectNoStack, lines, temporaryDirectory } from "./support";

const dir = temporaryDirectory();

const CITIES = [
  city("gb-manchester", { name: "Manchester" }),
  city("us-chicago", {
    name: "Chicago, IL",
    country: "US",
    outlook: { internationalRole: "committed", priorities: ["trade", "migration"] },
    resources: { nationalTier: "primary", incomeTier: "high" },
  }),
  { id: "ng-kano", name: "Kano", country: "NG" },
];

/** What the library says, to compare the command line's output with. */
function expected(topics = CATALOG) {
  const parsed = CITIES.map((c) => parseCity(c)).map((r) =>
    r._tag === "Right" ? r.right : undefined,
  );
  return scoreMatrix(
    parsed.filter((c) => c !== undefined),
    topics,
  );
}

describe("score", () => {
  const file = dir.file("cities.json", JSON.stringify(CITIES, null, 2));

  it("--format csv: one row per city, one column per topic, scores equal to scoreMatrix to the last bit", async () => {
    const run = await cli(["score", "--cities", file, "--format", "csv"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const [header, ...rows] = lines(run.stdout);
    const matrix = expected();
    expect(header).toBe(["cityId", "name", "country", ...matrix.topicIds].join(","));
    expect(rows).toHaveLength(3);
    expect(rows[1]?.startsWith('us-chicago,"Chicago, IL",US,')).toBe(true);
    rows.forEach((row, i) => {
      const scores = row.split(",").slice(-matrix.topicIds.length).map(Number);
      expect(scores).toEqual(
        Array.from(matrix.scores.subarray(i * CATALOG.length, (i + 1) * CATALOG.length)),
      );
    });
  });

  it("--format json: an array of { cityId, name, country, scores } equal to scoreMatrix", async () => {
    const run = await cli(["score", "--cities", file, "--format", "json"]);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { cityId: string; scores: Record<string, number> }[];
    const matrix = expected();
    expect(out.map((row) => row.cityId)).toEqual(matrix.cityIds);
    expect(out[2]).toMatchObject({ cityId: "ng-kano", name: "Kano", country: "NG" });
    matrix.topicIds.forEach((topicId, j) => {
      expect(out[0]?.scores[topicId]).toBe(matrix.scores[j]);
    });
  });

  it("table (default): each city's three most relevant topics with their scores", async () => {
    const run = await cli(["score", "--cities", file]);
    expect(run.status).toBe(0);
    const out = lines(run.stdout);
    expect(out[0]).toBe(
      `3 cities scored on ${CATALOG.length} topics; the 3 most relevant for each (--format csv or json gives every score)`,
    );
    expect(out[2]).toMatch(/^city\s+name\s+country\s+most relevant topics \(score\)$/);
    const matrix = expected();
    const chicago = matrix.topicIds
      .map((id, j) => ({ id, score: matrix.scores[CATALOG.length + j] as number }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, 3)
      .map(({ id, score }) => `${id} ${score.toFixed(2)}`)
      .join(", ");
    const row = run.stdout.slice(run.stdout.indexOf("us-chicago"), run.stdout.indexOf("ng-kano"));
    expect(row.replace(/\s+/g, " ")).toContain(chicago.replace(/\s+/g, " "));
  });

  it("--topics FILE scores on those topics instead of the catalog", async () => {
    const topics = CATALOG.filter((t) => t.id === "trade-stance" || t.id === "climate-action");
    const topicsFile = dir.file("two-topics.json", JSON.stringify(topics));
    const run = await cli(["score", "--cities", file, "--topics", topicsFile, "--format", "csv"]);
    expect(run.status).toBe(0);
    expect(lines(run.stdout)[0]).toBe("cityId,name,country,climate-action,trade-stance");
  });

  it("reports each invalid record, scores the valid ones and exits 1", async () => {
    const bad = dir.file(
      "some-bad.ndjson",
      [
        JSON.stringify(CITIES[0]),
        JSON.stringify({ ...CITIES[1], governance: { regime: "democracy" } }),
        JSON.stringify(CITIES[2]),
      ].join("\n"),
    );
    const run = await cli(["score", "--cities", bad, "--format", "csv"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `${bad}:2: governance.regime: must be one of closed-autocracy, electoral-autocracy, electoral-democracy, liberal-democracy; got "democracy"\n`,
    );
    expect(lines(run.stdout).map((row) => row.split(",")[0])).toEqual([
      "cityId",
      "gb-manchester",
      "ng-kano",
    ]);
    expectNoStack(run);
  });

  it("an invalid topic in --topics is reported too, and exit 1", async () => {
    const topics = [CATALOG[0], { ...CATALOG[1], themes: ["sport"] }];
    const topicsFile = dir.file("bad-topic.json", JSON.stringify(topics, null, 2));
    const run = await cli(["score", "--cities", file, "--topics", topicsFile, "--format", "csv"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${topicsFile}:\\d+: themes\\[0\\]: must be one of `));
    expect(lines(run.stdout)[0]).toBe(`cityId,name,country,${CATALOG[0]?.id}`);
  });

  it("a file of no valid cities gives the header alone", async () => {
    const empty = dir.file("no-cities.json", "[]");
    const run = await cli(["score", "--cities", empty, "--format", "csv"]);
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toHaveLength(1);
  });

  it("reads the cities from stdin with -", async () => {
    const run = await cli(["score", "--cities", "-", "--format", "json"], {
      stdin: CITIES.map((c) => JSON.stringify(c)).join("\n"),
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(3);
  });
});

describe("score into a reader that stops early", () => {
  it("stops quietly when stdout closes (as with | head): no error, no stack", async () => {
    const many = Array.from({ length: 30_000 }, (_, i) => JSON.stringify(city(`c${i}`))).join("\n");
    const file = dir.file("many.ndjson", many);
    const child = spawn(process.execPath, [
      CLI,
      "score",
      "--cities",
      file,
      "--format",
      "csv",
      "-q",
    ]);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.stdout.once("data", () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(status).toBe(0);
  });
});
