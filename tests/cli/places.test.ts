/**
 * `--places` on score, cohorts, reflect and validate: a file of names and
 * countries (a network's member list) is looked up in the gazetteer, each row
 * gets the profile of its place, what the file gives wins, and a row that
 * does not resolve is reported at its line with the candidates while the rest
 * are processed.
 */
import * as E from "fp-ts/Either";
import { describe, expect, it } from "vitest";
import { agendaReflection, CATALOG, formCohorts, scoreMatrix } from "../../src/index";
import { citiesFromPlaceRecords } from "../../src/places/index";
import { cli, expectNoStack, lines, temporaryDirectory } from "./support";

const dir = temporaryDirectory();

/** Real members of real networks, as their lists give them: names and countries. */
const MEMBERS = [
  { name: "Manchester", country: "GB" },
  { name: "Kano", country: "NG" },
  { name: "Bristol", country: "GB" },
  { name: "Lagos", country: "NG" },
  { name: "Chicago", country: "US" },
  { name: "Quito", country: "EC" },
];

const CSV = `name,country\n${MEMBERS.map((m) => `${m.name},${m.country}`).join("\n")}\n`;

/** What the library makes of the same records. */
function resolved(records: readonly unknown[] = MEMBERS) {
  const { cities, errors } = citiesFromPlaceRecords(records);
  expect(errors).toEqual([]);
  return cities;
}

describe("score --places", () => {
  it("gives each row of a name,country file its own profile and the scores of citiesFromPlaceRecords' cities", async () => {
    const file = dir.file("members.csv", CSV);
    const run = await cli(["score", "--places", "--cities", file, "--format", "csv"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const cities = resolved();
    const matrix = scoreMatrix(cities, CATALOG);
    const [header, ...rows] = lines(run.stdout);
    expect(header).toBe(["cityId", "name", "country", ...matrix.topicIds].join(","));
    expect(rows.map((row) => row.split(",").slice(0, 3).join(","))).toEqual(
      cities.map((city) => `${city.id},${city.name},${city.country}`),
    );
    rows.forEach((row, i) => {
      const scores = row.split(",").slice(3).map(Number);
      expect(scores).toEqual(
        Array.from(matrix.scores.subarray(i * CATALOG.length, (i + 1) * CATALOG.length)),
      );
    });
    // Manchester and Kano no longer score alike: each has its place's facts.
    expect(rows[0]?.split(",").slice(3)).not.toEqual(rows[1]?.split(",").slice(3));
  });

  it("reports a misspelt and an ambiguous row at their lines, and scores the others (exit 1)", async () => {
    const file = dir.file(
      "some-bad.csv",
      "name,country\nManchester,GB\nManchestr,GB\nColumbus,US\nKano,NG\n",
    );
    const run = await cli(["score", "--places", "--cities", file, "--format", "json"]);
    expect(run.status).toBe(1);
    expectNoStack(run);
    const errors = lines(run.stderr);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/some-bad\.csv:3: name: no place matches "Manchestr, GB"/);
    expect(errors[1]).toMatch(/some-bad\.csv:4: name: "Columbus, US" matches 2 places: /);
    expect(errors[1]).toContain("geonames:4509177");
    const out = JSON.parse(run.stdout) as { name: string }[];
    expect(out.map((row) => row.name)).toEqual(["Manchester", "Kano"]);
  });

  it("lets fields the file gives win over the gazetteer's (a CSV column, an NDJSON field)", async () => {
    const csv = dir.file(
      "given.csv",
      "id,name,country,outlook.internationalRole\nmcr,Manchester,GB,committed\n",
    );
    const run = await cli(["score", "--places", "--cities", csv, "--format", "csv"]);
    expect(run.status).toBe(0);
    const records = [
      { id: "mcr", name: "Manchester", country: "GB", outlook: { internationalRole: "committed" } },
    ];
    const matrix = scoreMatrix(resolved(records), CATALOG);
    const [, row] = lines(run.stdout);
    expect(row?.startsWith("mcr,Manchester,GB,")).toBe(true);
    expect(row?.split(",").slice(3).map(Number)).toEqual(Array.from(matrix.scores));

    const ndjson = dir.file("given.ndjson", `${JSON.stringify(records[0])}\n`);
    const again = await cli(["score", "--places", "--cities", ndjson, "--format", "csv"]);
    expect(again.stdout).toBe(run.stdout);
  });

  it("without --places, refuses a name,country file for its missing id and points to --places", async () => {
    const file = dir.file("no-id.csv", CSV);
    const run = await cli(["score", "--cities", file]);
    expect(run.status).toBe(2);
    expectNoStack(run);
    expect(run.stderr).toContain('missing column "id"');
    expect(run.stderr).toContain("pass --places");
  });

  it("refuses a places file without a country column, naming it, in one usage error", async () => {
    const file = dir.file("no-country.csv", "name\nManchester\n");
    const run = await cli(["score", "--places", "--cities", file]);
    expect(run.status).toBe(2);
    expectNoStack(run);
    expect(run.stderr).toContain('missing column "country", required for every place record');
  });
});

describe("cohorts --places and reflect --places", () => {
  it("cohorts: forms the cohorts formCohorts forms on the resolved cities", async () => {
    const file = dir.file("members.json", JSON.stringify(MEMBERS));
    const run = await cli(["cohorts", "--places", "--cities", file, "--format", "json"]);
    expect(run.status).toBe(0);
    const expected = formCohorts(resolved(), { seed: 1 });
    if (E.isLeft(expected)) throw new Error("formCohorts failed");
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(expected.right)));
  });

  it("reflect: reflects the agenda for the resolved members", async () => {
    const platform = { id: "forum", name: "Forum", agenda: ["basic-services", "trade-stance"] };
    const platformFile = dir.file("forum.json", JSON.stringify(platform));
    const members = dir.file("reflect-members.csv", CSV);
    const run = await cli([
      "reflect",
      "--platform",
      platformFile,
      "--places",
      "--cities",
      members,
      "--format",
      "json",
    ]);
    expect(run.status).toBe(0);
    const expected = agendaReflection(platform, resolved(), CATALOG);
    if (E.isLeft(expected)) throw new Error("agendaReflection failed");
    const out = JSON.parse(run.stdout) as { reflection: unknown };
    expect(out.reflection).toEqual(JSON.parse(JSON.stringify(expected.right)));
  });
});

describe("validate --places", () => {
  it("checks that every row names one place, and summarises the file", async () => {
    const file = dir.file(
      "check.ndjson",
      [
        { name: "Manchester", country: "GB" },
        { name: "Islington", country: "GB" },
        { name: "Kano", country: "NG" },
      ]
        .map((record) => JSON.stringify(record))
        .join("\n"),
    );
    const run = await cli(["validate", "--places", file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(`${file}: 3 places read, 2 valid, 1 invalid\n`);
    expect(run.stderr).toMatch(
      /check\.ndjson:2: name: GeoNames lists Islington, GB as part of a larger place/,
    );
  });

  it("refuses --places with --kind topics", async () => {
    const file = dir.file("places.csv", CSV);
    const run = await cli(["validate", "--places", "--kind", "topics", file]);
    expect(run.status).toBe(2);
    expectNoStack(run);
    expect(run.stderr).toContain("--places reads cities");
  });
});
