/**
 * A large batch as a user meets it: 100,000 cities with a few bad ones. The
 * bad ones are reported by file, line, field and reason; every valid one is
 * scored; progress shows on stderr; exit 1. No timing assertion: the test
 * must pass on a slow machine; it only has to finish.
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

const COUNT = 100_000;

/** The bad records: index in the file's records, and what is wrong with them. */
const BAD = new Map<number, string>([
  [0, "country"],
  [4_999, "population"],
  [50_000, "country"],
  [COUNT - 1, "population"],
]);

describe("score on 100,000 cities with a few bad ones", () => {
  it("CSV in, CSV out: bad rows reported at their lines, the rest scored, progress on stderr, exit 1", async () => {
    const rows = [CITY_CSV_HEADER];
    for (let i = 0; i < COUNT; i++) {
      const field = BAD.get(i);
      if (field === "country") rows.push(cityCsvRow(`c${i}`, "ZZ"));
      else if (field === "population") rows.push(cityCsvRow(`c${i}`).replace(",250000,", ",-1,"));
      else rows.push(cityCsvRow(`c${i}`));
    }
    const file = dir.file("large.csv", `${rows.join("\n")}\n`);

    const run = await cli(["score", "--cities", file, "--format", "csv"]);

    expect(run.status).toBe(1);
    expectNoStack(run);
    const errors = lines(run.stderr).filter((line) => line.startsWith(`${file}:`));
    // Line = record index + 2: the header is line 1.
    expect(errors).toEqual([
      `${file}:2: country: must be an ISO 3166-1 alpha-2 country code in upper case, such as "GB"; got "ZZ"`,
      `${file}:5001: population: must be greater than 0; got -1`,
      `${file}:50002: country: must be an ISO 3166-1 alpha-2 country code in upper case, such as "GB"; got "ZZ"`,
      `${file}:100001: population: must be greater than 0; got -1`,
    ]);
    const progress = lines(run.stderr).filter((line) => line.startsWith("city-difference: "));
    expect(progress).toContain(`city-difference: ${file}: 50,000 records read`);
    expect(progress).toContain(`city-difference: ${file}: 100,000 records read, 4 invalid`);
    expect(progress).toContain("city-difference: 10,000 of 99,996 cities scored");
    expect(progress).toContain("city-difference: 99,996 of 99,996 cities scored");

    const out = lines(run.stdout);
    expect(out).toHaveLength(1 + COUNT - BAD.size);
    expect(out[0]).toBe(`cityId,name,country,${CATALOG.map((t) => t.id).join(",")}`);
    const ids = out.slice(1).map((row) => row.slice(0, row.indexOf(",")));
    expect(ids[0]).toBe("c1");
    expect(ids.at(-1)).toBe(`c${COUNT - 2}`);
    for (const index of BAD.keys()) expect(ids).not.toContain(`c${index}`);
  });

  it("a pretty-printed JSON array: each bad record at the line it starts; --quiet drops progress only", async () => {
    const records = Array.from({ length: 20_001 }, (_, i) =>
      i === 12_345 ? city(`c${i}`, { governance: { regime: "monarchy" } }) : city(`c${i}`),
    );
    const text = JSON.stringify(records, null, 2);
    const file = dir.file("large.json", text);
    const start = lines(text).indexOf('    "id": "c12345",'); // 0-based line of the id, one after the "{"

    const run = await cli(["validate", file, "--quiet"]);

    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `${file}:${start}: governance.regime: must be one of closed-autocracy, electoral-autocracy, electoral-democracy, liberal-democracy; got "monarchy"\n`,
    );
    expect(run.stdout).toBe(`${file}: 20,001 cities read, 20,000 valid, 1 invalid\n`);
  });
});
