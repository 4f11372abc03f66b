/**
 * Input that cannot be read as a whole (broken JSON, a bad CSV header, a
 * missing file, a directory) is a usage error: one line naming the file and
 * what is wrong, exit 2, nothing on stdout, never a stack. A record too long
 * to read is reported like any invalid record where its boundaries are known.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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

const A = JSON.stringify(city("a"));
const B = JSON.stringify(city("b"));

describe("unreadable input: exit 2 with one message", () => {
  it.each([
    [
      "broken.json",
      `[\n${A},\n{"id": "b" "name": "B"}\n]`,
      ":3: not valid JSON: expected ',' or '}' after property value",
    ],
    [
      "unclosed.json",
      `[\n${A},\n${B}\n`,
      ":4: not valid JSON: the file ends before the array is closed with ']'",
    ],
    ["trailing-comma.json", `[${A},]`, ":1: not valid JSON: expected a value before ']'"],
    ["object.json", A, ":1: expected a JSON array of records"],
    ["empty.json", "", ":1: the file is empty; expected a JSON array of records"],
    [
      "two-arrays.json",
      `[${A}]\n[${B}]`,
      ":2: not valid JSON: unexpected text after the closing ']'",
    ],
    [
      "unknown-column.csv",
      "id,name,country,regim\na,A,GB,x\n",
      ':1: bad CSV header: column "regim" is not a field of a city',
    ],
    [
      "missing-column.csv",
      "id,name,population\na,A,5\n",
      ':1: bad CSV header: missing column "country", required for every city',
    ],
    [
      "bare-column.csv",
      "id,name,country,nationalTier\n",
      ':1: bad CSV header: column "nationalTier" is not a field of a city (did you mean "resources.nationalTier"?)',
    ],
    [
      "repeated-column.csv",
      "id,name,country,name\n",
      ':1: bad CSV header: column "name" appears twice',
    ],
    ["empty.csv", "", ": the CSV file is empty: it needs a header row of field names"],
    [
      "unclosed-quote.csv",
      `id,name,country\na,"A,GB\nb,B,GB\n`,
      ":2: not valid CSV: a quoted field of this record is not closed before the end of the file",
    ],
    [
      "bad-quote.csv",
      'id,name,country\na,A,GB\nb,"B"x,GB\n',
      ':3: not valid CSV: text after a closing quote: a quote inside a field must be doubled ("")',
    ],
  ])("%s", async (name, text, message) => {
    const file = dir.file(name, text);
    const run = await cli(["validate", file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(lines(run.stderr)[0]).toContain(`city-difference: ${file}${message}`);
    expectNoStack(run);
  });

  it("a bad CSV header is reported once, with the columns a city has, whatever the rows", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `c${i},C,GB,x`);
    const file = dir.file(
      "bad-header-many-rows.csv",
      ["id,name,country,colour", ...rows].join("\n"),
    );
    const run = await cli(["score", "--cities", file]);
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual([
      `city-difference: ${file}:1: bad CSV header: column "colour" is not a field of a city`,
      expect.stringMatching(
        /^the columns of a city are: id, name, country, population, .*governance\.regime$/,
      ),
    ]);
  });

  it("a missing file", async () => {
    const missing = join(dir.path, "no-such-file.csv");
    const run = await cli(["score", "--cities", missing]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`city-difference: cannot read ${missing}: no such file\n`);
  });

  it("a directory instead of a file", async () => {
    const folder = join(dir.path, "a-folder.json");
    mkdirSync(folder);
    const run = await cli(["validate", folder]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `city-difference: cannot read ${folder}: it is a directory, not a file\n`,
    );
  });

  it("a file whose format cannot be told from its name or its first character", async () => {
    const file = dir.file("cities.txt", `${CITY_CSV_HEADER}\n${cityCsvRow("a")}\n`);
    const run = await cli(["validate", file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `cannot tell the format of ${file}: name it .json, .ndjson, .jsonl or .csv`,
    );
    const told = await cli(["validate", file, "--input-format", "csv"]);
    expect(told.status).toBe(0);
  });

  it("a missing topics file for score and rank", async () => {
    const cities = dir.file("fine.ndjson", A);
    const missing = join(dir.path, "no-topics.json");
    for (const args of [
      ["score", "--cities", cities, "--topics", missing],
      ["rank", "Manchester, GB", "--topics", missing],
    ]) {
      const run = await cli(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`city-difference: cannot read ${missing}: no such file\n`);
    }
  });

  it("a topics file without a single valid topic: its records reported, then exit 2", async () => {
    const cities = dir.file("fine2.ndjson", A);
    const topics = dir.file("no-valid-topics.ndjson", '{"id":"t","name":"T"}\n');
    const run = await cli(["score", "--cities", cities, "--topics", topics]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${topics}:1: themes: is required`);
    expect(run.stderr).toContain(
      `city-difference: ${topics}: no valid topics to score against (1 records read)`,
    );
    expect(run.stdout).toBe("");
  });
});

describe("huge lines: a sane limit (1 MiB per record), reported, never a crash", () => {
  // A 50 MB line, as a stray dump or a wrong file would hold.
  const huge = "y".repeat(50_000_000);
  const HUGE = JSON.stringify({ id: "x", name: huge, country: "GB" });

  it("NDJSON: the huge line is one invalid record; the others are scored", async () => {
    const file = dir.file("huge.ndjson", `${A}\n${HUGE}\n${B}\n`);
    const run = await cli(["score", "--cities", file, "--format", "csv"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `${file}:2: (record): the record is 50,000,035 characters long, over the limit of 1,048,576; skipped\n`,
    );
    expect(lines(run.stdout).map((line) => line.split(",")[0])).toEqual(["cityId", "a", "b"]);
  });

  it("JSON array: the huge element is one invalid record; the others are scored", async () => {
    const file = dir.file("huge.json", `[\n${A},\n${HUGE},\n${B}\n]`);
    const run = await cli(["score", "--cities", file, "--format", "csv"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}:3: (record): the record is 50,000,035 characters long`);
    expect(lines(run.stdout).map((line) => line.split(",")[0])).toEqual(["cityId", "a", "b"]);
  });

  it("CSV: a record over the limit (most often an unclosed quote) makes the file unreadable, exit 2", async () => {
    const file = dir.file("huge.csv", `id,name,country\na,A,GB\nx,${huge},GB\nb,B,GB\n`);
    const run = await cli(["score", "--cities", file, "--format", "csv"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `city-difference: ${file}:3: not valid CSV: the record is longer than 1,048,576 characters (an unclosed quote?)\n`,
    );
    expectNoStack(run);
  });
});
