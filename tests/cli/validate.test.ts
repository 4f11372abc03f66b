/**
 * `city-difference validate`: each invalid record reported on stderr as
 * FILE:LINE: field.path: message, in every input format, with the line where
 * the record starts; a summary on stdout; exit 0 or 1.
 */
import { describe, expect, it } from "vitest";
import { CATALOG } from "../../src/index";
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

const MISSING_COUNTRY = 'must be an ISO 3166-1 alpha-2 country code such as "GB"; got nothing';

describe("validate, valid files", () => {
  const cities = [city("a"), city("b"), city("c")];

  it.each([
    ["cities.json", JSON.stringify(cities, null, 2)],
    ["cities.ndjson", cities.map((c) => JSON.stringify(c)).join("\n")],
    ["cities.jsonl", `${cities.map((c) => JSON.stringify(c)).join("\r\n")}\r\n`],
    ["cities.csv", [CITY_CSV_HEADER, cityCsvRow("a"), cityCsvRow("b"), cityCsvRow("c")].join("\n")],
  ])("%s: exit 0, a summary on stdout and nothing on stderr", async (name, text) => {
    const file = dir.file(name, text);
    const run = await cli(["validate", file]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(`${file}: 3 cities read, 3 valid, 0 invalid\n`);
    expect(run.status).toBe(0);
  });

  it("CSV: keeps a quote inside an unquoted cell as text, and reads quoted commas and doubled quotes", async () => {
    const text = `id,name,country\na,O"Brien,GB\nb,"Chicago, ""the Windy City""",US\n`;
    const file = dir.file("quotes.csv", text);
    const run = await cli(["score", "--cities", file, "--format", "json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).map((row: { name: string }) => row.name)).toEqual([
      'O"Brien',
      'Chicago, "the Windy City"',
    ]);
  });

  it("tells a file of topics by its fields, and checks it as topics", async () => {
    const file = dir.file("topics.json", JSON.stringify(CATALOG));
    const run = await cli(["validate", file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      `${file}: ${CATALOG.length} topics read, ${CATALOG.length} valid, 0 invalid\n`,
    );
  });

  it("reads stdin for -, by --input-format or by its first character", async () => {
    const ndjson = cities.map((c) => JSON.stringify(c)).join("\n");
    const sniffed = await cli(["validate", "-"], { stdin: ndjson });
    expect(sniffed.stdout).toBe("<stdin>: 3 cities read, 3 valid, 0 invalid\n");
    const csv = [CITY_CSV_HEADER, cityCsvRow("a")].join("\n");
    const told = await cli(["validate", "-", "--input-format", "csv"], { stdin: csv });
    expect(told.stdout).toBe("<stdin>: 1 cities read, 1 valid, 0 invalid\n");
  });
});

describe("validate, invalid records", () => {
  it("JSON array: reports FILE:LINE of the line where each bad record starts, field and reason", async () => {
    const records = [
      city("a"),
      city("b", { country: "UK" }),
      city("c", { governance: { regime: "democracy" } }),
      city("a"),
      42,
    ];
    const file = dir.file("bad.json", JSON.stringify(records, null, 2));
    // Where each record starts in the pretty-printed text.
    const starts = lines(JSON.stringify(records, null, 2))
      .map((line, i) => (/^ {2}[{\d]/.test(line) ? i + 1 : 0))
      .filter((line) => line > 0);
    const run = await cli(["validate", file]);
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toEqual([
      `${file}:${starts[1]}: country: must be an ISO 3166-1 alpha-2 country code in upper case, such as "GB"; got "UK" (did you mean "GB"?)`,
      `${file}:${starts[2]}: governance.regime: must be one of closed-autocracy, electoral-autocracy, electoral-democracy, liberal-democracy; got "democracy"`,
      `${file}:${starts[3]}: id: repeats the id "a" of the record at line ${starts[0]}`,
      `${file}:${starts[4]}: (record): must be a city object; got 42`,
    ]);
    expect(run.stdout).toBe(`${file}: 5 cities read, 1 valid, 4 invalid\n`);
  });

  it("minified JSON: adds the column of a record that is not first on its line", async () => {
    const text = JSON.stringify([city("a"), city("b", { population: 0 })]);
    const file = dir.file("minified.json", text);
    const run = await cli(["validate", file]);
    expect(run.status).toBe(1);
    const column = text.indexOf('{"id":"b"') + 1;
    expect(run.stderr).toBe(`${file}:1:${column}: population: must be greater than 0; got 0\n`);
  });

  it("NDJSON: reports the line; a line that is not JSON is one bad record, the others are read", async () => {
    const text = [
      JSON.stringify(city("a")),
      "",
      '{"id": "b", "name": "B"',
      JSON.stringify(city("c", { resources: { nationalTier: "capital" } })),
      JSON.stringify(city("d")),
    ].join("\n");
    const file = dir.file("bad.ndjson", text);
    const run = await cli(["validate", file]);
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toEqual([
      `${file}:3: (record): not valid JSON: expected ',' or '}' after property value`,
      `${file}:4: resources.nationalTier: must be one of primary, secondary, tertiary, local; got "capital"`,
    ]);
    expect(run.stdout).toBe(`${file}: 4 cities read, 2 valid, 2 invalid\n`);
  });

  it("CSV: reports the physical line where the record starts, multi-line cells included", async () => {
    const text = [
      CITY_CSV_HEADER,
      cityCsvRow("a"),
      "",
      'b,"City\nb",GB,250000,pragmatic,climate,secondary,high,true,intermediate,liberal-democracy',
      cityCsvRow("c", "gb"),
      "d,City d,GB,-3,outward,trade;sport,secondary,high,maybe,intermediate,liberal-democracy",
      "e,City e,GB",
    ].join("\n");
    const file = dir.file("bad.csv", text);
    const run = await cli(["validate", file]);
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toEqual([
      `${file}:4: name: must not contain control characters, bidirectional formatting characters or lone surrogates; found U+000A at character 5`,
      `${file}:6: country: must be an ISO 3166-1 alpha-2 country code in upper case, such as "GB"; got "gb" (did you mean "GB"?)`,
      `${file}:7: population: must be greater than 0; got -3`,
      `${file}:7: outlook.internationalRole: must be one of inward, skeptical, pragmatic, committed; got "outward"`,
      expect.stringMatching(
        new RegExp(`^${file}:7: outlook\\.priorities\\[1\\]: must be one of .*; got "sport"$`),
      ),
      `${file}:7: resources.internationalOffice: must be a boolean; got "maybe"`,
      `${file}:8: (record): the row has 3 cells where the header has 11 columns`,
    ]);
    expect(run.stdout).toBe(`${file}: 5 cities read, 1 valid, 4 invalid\n`);
  });

  it("--format json gives the counts and every problem of each file", async () => {
    const good = dir.file("good.ndjson", JSON.stringify(city("a")));
    const bad = dir.file("one-bad.ndjson", `${JSON.stringify(city("a"))}\n{"id":"b","name":"B"}`);
    const run = await cli(["validate", good, bad, "--format", "json"]);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([
      { file: good, kind: "cities", records: 1, valid: 1, invalid: 0, problems: [] },
      {
        file: bad,
        kind: "cities",
        records: 2,
        valid: 1,
        invalid: 1,
        problems: [{ line: 2, path: "country", message: MISSING_COUNTRY }],
      },
    ]);
    expect(run.stderr).toBe(`${bad}:2: country: ${MISSING_COUNTRY}\n`);
  });

  it("--format csv gives one row per problem", async () => {
    const bad = dir.file("one-bad.csv", `id,name,country\na,"A, the city",GB\nb,B,\n`);
    const run = await cli(["validate", bad, "--format", "csv"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      `file,line,column,path,message\n${bad},3,,country,"${MISSING_COUNTRY.replaceAll('"', '""')}"\n`,
    );
  });

  it("--kind topics checks topics against the topic model", async () => {
    const topic = { ...CATALOG[0], demands: { clout: 2, resources: 0, autonomy: 0 } };
    const file = dir.file("topics.ndjson", `${JSON.stringify(topic)}\n`);
    const run = await cli(["validate", file, "--kind", "topics"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${file}:1: demands.clout: must be at most 1; got 2\n`);
    expectNoStack(run);
  });
});
