/**
 * Splitting input into records with their lines: the NDJSON line splitter and
 * the JSON array scanner, whatever the chunk boundaries.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  describeJsonError,
  formatPosition,
  JsonArrayScanner,
  JsonSyntaxError,
  LineSplitter,
  type ScannedRecord,
} from "../../src/cli/scan";

/** `text` cut into chunks at the given offsets. */
function chunked(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let start = 0;
  for (const point of points) {
    chunks.push(text.slice(start, point));
    start = point;
  }
  chunks.push(text.slice(start));
  return chunks;
}

function splitLines(chunks: readonly string[], max?: number): ScannedRecord[] {
  const splitter = new LineSplitter(max);
  return [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.end()];
}

function scanArray(chunks: readonly string[], max?: number): ScannedRecord[] {
  const scanner = new JsonArrayScanner(max);
  const out = chunks.flatMap((chunk) => scanner.push(chunk));
  scanner.end();
  return out;
}

function syntaxErrorOf(text: string): JsonSyntaxError {
  try {
    scanArray([text]);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    throw error;
  }
  throw new Error("expected a JsonSyntaxError");
}

describe("LineSplitter (NDJSON)", () => {
  it("numbers lines from 1, skips blank ones and strips a trailing \\r", () => {
    expect(splitLines(['{"a":1}\r\n\n  \n{"b":2}\n{"c":3}'])).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 4, text: '{"b":2}' },
      { line: 5, text: '{"c":3}' },
    ]);
  });

  it("reports a line over the limit by its length, keeps none of it, and goes on", () => {
    const long = "x".repeat(50);
    expect(splitLines([`a\n${long}\nb\n`], 10)).toEqual([
      { line: 1, text: "a" },
      { line: 2, tooLong: 50 },
      { line: 3, text: "b" },
    ]);
  });

  test.prop([
    fc.array(fc.string({ unit: "grapheme-ascii" }), { maxLength: 8 }),
    fc.array(fc.nat()),
  ])("gives the same lines whatever the chunk boundaries", (rows, cuts) => {
    const text = rows.join("\n");
    expect(splitLines(chunked(text, cuts))).toEqual(splitLines([text]));
  });
});

describe("JsonArrayScanner", () => {
  it("gives each element's text and the line it starts on", () => {
    const text = '[\n  {"id": "a"},\n  {\n    "id": "b,]}"\n  },\n  42\n]\n';
    expect(scanArray([text])).toEqual([
      { line: 2, text: '{"id": "a"}' },
      { line: 3, text: '{\n    "id": "b,]}"\n  }' },
      { line: 6, text: "42\n" },
    ]);
  });

  it("adds the column of a record that another record precedes on its line", () => {
    const text = '[{"id":"a"}, {"id":"b"},\n {"id":"c"}]';
    expect(scanArray([text]).map(({ line, column }) => ({ line, column }))).toEqual([
      { line: 1, column: undefined },
      { line: 1, column: 14 },
      { line: 2, column: undefined },
    ]);
  });

  it("keeps escaped quotes and brackets inside strings out of the structure", () => {
    expect(scanArray(['[{"a":"\\"],["}, ["x"]]'])).toEqual([
      { line: 1, text: '{"a":"\\"],["}' },
      { line: 1, column: 17, text: '["x"]' },
    ]);
  });

  it("reads an empty array as no records", () => {
    expect(scanArray([" [ \n ] \n"])).toEqual([]);
  });

  it("reports an element over the limit by its length and goes on to the next", () => {
    const text = `[{"id":"${"x".repeat(100)}"},\n{"id":"b"}]`;
    expect(scanArray([text], 50)).toEqual([
      { line: 1, tooLong: 109 },
      { line: 2, text: '{"id":"b"}' },
    ]);
  });

  it.each([
    ['{"id":"a"}', 1, "found an object (for one record per line, name the file .ndjson)"],
    ["\n\n", 3, "the file is empty"],
    ['[{"id":"a"},\n', 2, "the file ends before the array is closed"],
    ['[{"id":"a"},]', 1, "expected a value before ']'"],
    ["[1,,2]", 1, "expected a value before ','"],
    ["[1]\n[2]", 2, "unexpected text after the closing ']'"],
    ["[1}]", 1, "unexpected '}'"],
  ])("reports a broken array %j at line %i", (text, line, message) => {
    const error = syntaxErrorOf(text);
    expect(error.line).toBe(line);
    expect(error.message).toContain(message);
  });

  const element = fc.oneof(
    fc.json(),
    fc.record({ id: fc.string(), name: fc.string({ unit: "binary" }), n: fc.double() }),
  );

  test.prop([fc.array(element, { maxLength: 6 }), fc.boolean(), fc.array(fc.nat())])(
    "finds the elements JSON.parse finds, whatever the chunk boundaries",
    (values, pretty, cuts) => {
      const text = JSON.stringify(values, null, pretty ? 2 : undefined);
      const scanned = scanArray(chunked(text, cuts));
      expect(
        scanned.map((record) => ("text" in record ? JSON.parse(record.text) : undefined)),
      ).toEqual(JSON.parse(text));
      expect(scanned).toEqual(scanArray([text]));
    },
  );
});

describe("describeJsonError", () => {
  it("points at the line of the error inside a record, without JSON.parse's wording", () => {
    const text = '{\n  "id": "a",\n  "name" "b"\n}';
    let thrown: unknown;
    try {
      JSON.parse(text);
    } catch (error) {
      thrown = error;
    }
    const { line, message } = describeJsonError(thrown, text, 10);
    expect(line).toBe(12);
    expect(message).not.toMatch(/position|JSON\.parse/);
  });
});

describe("formatPosition", () => {
  it("writes FILE:LINE, and FILE:LINE:COLUMN when there is a column", () => {
    expect(formatPosition("a.json", { line: 3 })).toBe("a.json:3");
    expect(formatPosition("a.json", { line: 1, column: 40 })).toBe("a.json:1:40");
  });
});
