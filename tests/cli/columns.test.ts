/**
 * CSV headers as model fields: every field has a column, cells are typed by
 * their field, empty cells are unknown, and a header naming no field is
 * refused once, before any record.
 */
import { either as E } from "fp-ts";
import { describe, expect, it } from "vitest";
import { COLUMNS, headerReader, kindOfFields } from "../../src/cli/columns";
import { UsageError } from "../../src/cli/errors";
import { CATALOG, parseCity, parseTopic } from "../../src/index";
import { profile } from "../support/cities";

/** A record flattened to dotted columns, lists joined by ";", as a spreadsheet would hold it. */
function flatten(record: object, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    const name = prefix + key;
    if (Array.isArray(value)) out[name] = value.join(";");
    else if (typeof value === "object" && value !== null)
      Object.assign(out, flatten(value, `${name}.`));
    else out[name] = String(value);
  }
  return out;
}

function readRow(kind: "cities" | "topics", row: Record<string, string>) {
  const header = Object.keys(row);
  return headerReader(header, kind, "test.csv:1")(header.map((name) => row[name] as string));
}

function refusal(header: readonly string[], kind: "cities" | "topics"): UsageError {
  try {
    headerReader(header, kind, "test.csv:1");
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error("expected a UsageError");
}

describe("CSV columns", () => {
  it("have a column for every field of a complete city, and read it back unchanged", () => {
    const complete = profile("gb-manchester", { population: 552_000, metroPopulation: 2_870_000 });
    const row = flatten(complete);
    for (const name of Object.keys(row)) expect(COLUMNS.cities.has(name)).toBe(true);
    expect(parseCity(readRow("cities", row))).toEqual(E.right(complete));
  });

  it("have a column for every field of every catalog topic, and read each back unchanged", () => {
    for (const topic of CATALOG) {
      const row = flatten(topic);
      for (const name of Object.keys(row)) expect(COLUMNS.topics.has(name)).toBe(true);
      expect(parseTopic(readRow("topics", row))).toEqual(E.right(topic));
    }
  });

  it("read an empty cell as an absent (unknown) field, never as a default", () => {
    const record = readRow("cities", {
      id: "a",
      name: "A",
      country: "GB",
      population: "",
      "resources.incomeTier": "",
      "resources.internationalOffice": "",
    });
    expect(record).toEqual({ id: "a", name: "A", country: "GB" });
  });

  it("type cells by their field: numbers, booleans in any case, ;-separated lists", () => {
    const record = readRow("cities", {
      id: "007",
      name: "1e3",
      country: "GB",
      population: "1e5",
      "resources.internationalOffice": "TRUE",
      "outlook.priorities": " trade ; climate; ",
    });
    expect(record).toEqual({
      id: "007",
      name: "1e3",
      country: "GB",
      population: 100_000,
      resources: { internationalOffice: true },
      outlook: { priorities: ["trade", "climate"] },
    });
  });

  it("leave a cell that is not a number or a boolean as text, for validation to name", () => {
    const record = readRow("cities", {
      id: "a",
      name: "A",
      country: "GB",
      population: "12,000",
      "resources.internationalOffice": "yes",
    });
    const parsed = parseCity(record);
    expect(E.isLeft(parsed) && parsed.left.issues.map((issue) => issue.path.join("."))).toEqual([
      "population",
      "resources.internationalOffice",
    ]);
  });

  it("refuse a column that is no field, once, naming it and the field it probably meant", () => {
    const error = refusal(["id", "name", "country", "regime", "colour"], "cities");
    expect(error.message).toContain(
      'column "regime" is not a field of a city (did you mean "governance.regime"?)',
    );
    expect(error.message).toContain('column "colour" is not a field of a city');
    expect(error.details.join("\n")).toContain("resources.nationalTier");
  });

  it("refuse a header without a required column, a repeated column or an empty name", () => {
    expect(refusal(["id", "name"], "cities").message).toContain('missing column "country"');
    expect(refusal(["id", "name", "country", "id"], "cities").message).toContain(
      '"id" appears twice',
    );
    expect(refusal(["id", "", "name", "country"], "cities").message).toContain(
      "column 2 has no name",
    );
    expect(refusal(["id", "name", "themes"], "topics").message).toContain('"demands.clout"');
  });

  it("tell topics from cities by their themes or demands", () => {
    expect(kindOfFields(["id", "name", "themes"])).toBe("topics");
    expect(kindOfFields(["id", "demands.clout"])).toBe("topics");
    expect(kindOfFields(["id", "name", "country"])).toBe("cities");
  });
});
