/**
 * Reading input files: opening them (or stdin), telling their format, and
 * streaming their records with the line each starts on. Records come out
 * unvalidated; `records.ts` validates them.
 *
 * @module
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { Readable } from "node:stream";
import { type CsvError, parse as parseCsv } from "csv-parse";
import type { RowReader } from "./columns";
import { fileError, systemErrorCode, UsageError } from "./errors";
import {
  describeJsonError,
  JsonArrayScanner,
  JsonSyntaxError,
  LineSplitter,
  MAX_RECORD_CHARS,
  type Position,
  type ScannedRecord,
} from "./scan";

/** The input formats: a JSON array, one JSON record per line, or CSV with a header. */
export const INPUT_FORMATS = ["json", "ndjson", "csv"] as const;
/** One of {@link INPUT_FORMATS}. */
export type InputFormat = (typeof INPUT_FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, InputFormat>> = {
  ".json": "json",
  ".ndjson": "ndjson",
  ".jsonl": "ndjson",
  ".csv": "csv",
};

/** A record as read, before validation: a value, or why it could not be read. */
export type RawRecord = Position & ({ readonly value: unknown } | { readonly problem: string });

/** An opened input: its name for messages and its text, chunk by chunk. */
export interface Input {
  /** The path as given, or `<stdin>`. */
  readonly name: string;
  readonly format: InputFormat;
  readonly chunks: AsyncIterable<string>;
}

/** The name `-` reads stdin. */
export const STDIN = "-";

async function* decoded(stream: Readable, name: string): AsyncGenerator<string> {
  let first = true;
  try {
    for await (const chunk of stream) {
      let text = chunk as string;
      if (first) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (text !== "") yield text;
    }
  } catch (error) {
    throw fileError(name, error);
  }
}

function formatFromName(file: string): InputFormat | undefined {
  return BY_EXTENSION[extname(file).toLowerCase()];
}

/**
 * Opens `file` (`-` for stdin) and settles its format: `override` when given,
 * else by extension (`.json`, `.ndjson`/`.jsonl`, `.csv`), else by its first
 * character (`[` JSON, `{` NDJSON). A missing file, a directory or an unknown
 * format is a {@link UsageError}.
 */
export async function openInput(file: string, override?: InputFormat): Promise<Input> {
  let stream: Readable;
  let name = file;
  if (file === STDIN) {
    name = "<stdin>";
    process.stdin.setEncoding("utf8");
    stream = process.stdin;
  } else {
    try {
      const info = await stat(file);
      if (info.isDirectory())
        throw new UsageError(`cannot read ${file}: it is a directory, not a file`);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw fileError(file, error);
    }
    stream = createReadStream(file, { encoding: "utf8", highWaterMark: 64 * 1024 });
  }
  const iterator = decoded(stream, name);
  const head = await iterator.next();
  const chunks = (async function* () {
    if (head.done) return;
    yield head.value;
    yield* iterator;
  })();
  try {
    const format =
      override ?? (file === STDIN ? undefined : formatFromName(file)) ?? sniff(head.value, name);
    return { name, format, chunks };
  } catch (error) {
    // Close the file (or stdin) before giving up on it.
    await iterator.return(undefined);
    throw error;
  }
}

function sniff(first: string | undefined, name: string): InputFormat {
  const char = first?.trimStart()[0];
  if (char === "[") return "json";
  if (char === "{") return "ndjson";
  const how =
    name === "<stdin>"
      ? "pass --input-format json|ndjson|csv"
      : "name it .json, .ndjson, .jsonl or .csv, or pass --input-format json|ndjson|csv";
  const seen = first === undefined ? " (it is empty)" : "";
  throw new UsageError(`cannot tell the format of ${name}${seen}: ${how}`);
}

function problemOfLongRecord(length: number): string {
  return `the record is ${length.toLocaleString("en")} characters long, over the limit of ${MAX_RECORD_CHARS.toLocaleString("en")}; skipped`;
}

function positionOf(scanned: ScannedRecord): Position {
  return scanned.column === undefined
    ? { line: scanned.line }
    : { line: scanned.line, column: scanned.column };
}

/**
 * The value of a scanned record; a record over the size limit is a problem.
 * `onSyntaxError` decides what text that is not JSON is: a problem of that
 * record (NDJSON) or the end of reading (a JSON array).
 */
function parseScanned(
  scanned: ScannedRecord,
  onSyntaxError: (line: number, message: string) => RawRecord,
): RawRecord {
  const at = positionOf(scanned);
  if ("tooLong" in scanned) return { ...at, problem: problemOfLongRecord(scanned.tooLong) };
  try {
    return { ...at, value: JSON.parse(scanned.text) };
  } catch (error) {
    const { line, message } = describeJsonError(error, scanned.text, scanned.line);
    return onSyntaxError(line, message);
  }
}

/** NDJSON: a line that is not JSON is one bad record; the others are still read. */
async function* ndjsonRecords(input: Input): AsyncGenerator<RawRecord> {
  const lines = new LineSplitter();
  const parse = (scanned: ScannedRecord) =>
    parseScanned(scanned, (_, message) => ({
      line: scanned.line,
      problem: `not valid JSON: ${message}`,
    }));
  for await (const chunk of input.chunks) {
    for (const scanned of lines.push(chunk)) yield parse(scanned);
  }
  for (const scanned of lines.end()) yield parse(scanned);
}

/**
 * A JSON array: each element is parsed alone, with the line it starts on. A
 * syntax error makes the whole file unreadable ({@link UsageError}): past it,
 * where the next record starts is a guess.
 */
async function* jsonRecords(input: Input): AsyncGenerator<RawRecord> {
  const scanner = new JsonArrayScanner();
  const parse = (scanned: ScannedRecord) =>
    parseScanned(scanned, (line, message) => {
      throw new UsageError(`${input.name}:${line}: not valid JSON: ${message}`);
    });
  try {
    for await (const chunk of input.chunks) {
      for (const scanned of scanner.push(chunk)) yield parse(scanned);
    }
    scanner.end();
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      throw new UsageError(`${input.name}:${error.line}: ${error.message}`);
    }
    throw error;
  }
}

function countNewlines(text: string, from: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1; i = text.indexOf("\n", i + 1)) n += 1;
  return n;
}

/** The physical line a CSV record starts on, from the line it ends on and its raw text. */
function csvStartLine(endLine: number, raw: string): number {
  let start = 0;
  while (raw[start] === "\n" || raw[start] === "\r") start += 1;
  const body = raw.endsWith("\n") ? raw.slice(0, raw.endsWith("\r\n") ? -2 : -1) : raw;
  return endLine - countNewlines(body, start);
}

function isCsvError(error: unknown): error is CsvError {
  return systemErrorCode(error)?.startsWith("CSV_") === true;
}

/**
 * CSV: the first row is the header, handed to `onHeader` (which checks it and
 * returns the reader of rows). A row with more or fewer cells than the header
 * is one bad record. A quoting error, or a record over the size limit (most
 * often an unclosed quote swallowing the rest of the file), makes the file
 * unreadable ({@link UsageError}), reported at the line where the faulty
 * record starts.
 */
async function* csvRecords(
  input: Input,
  onHeader: (header: readonly string[], where: string) => RowReader,
): AsyncGenerator<RawRecord> {
  const parser = parseCsv({
    relax_column_count: true,
    // A quote inside an unquoted cell (5'11", O"Brien) is kept as text.
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    raw: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const source = Readable.from(input.chunks);
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  let reader: RowReader | undefined;
  let columns = 0;
  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
      raw: string;
    }>) {
      const line = csvStartLine(item.info.lines, item.raw);
      if (reader === undefined) {
        reader = onHeader(item.record, `${input.name}:${line}`);
        columns = item.record.length;
        continue;
      }
      if (item.record.length !== columns) {
        yield {
          line,
          problem: `the row has ${item.record.length} cells where the header has ${columns} columns`,
        };
      } else yield { line, value: reader(item.record) };
    }
  } catch (error) {
    if (isCsvError(error)) {
      const { lines, raw } = error as { lines?: unknown; raw?: unknown };
      const line =
        typeof lines === "number" && typeof raw === "string" ? `:${csvStartLine(lines, raw)}` : "";
      throw new UsageError(`${input.name}${line}: not valid CSV: ${csvMessage(error)}`);
    }
    throw error;
  } finally {
    source.destroy();
  }
  if (reader === undefined)
    throw new UsageError(
      `${input.name}: the CSV file is empty: it needs a header row of field names`,
    );
}

/** What csv-parse found wrong, in the record starting at the line given with it. */
function csvMessage(error: CsvError): string {
  switch (error.code) {
    case "CSV_MAX_RECORD_SIZE":
      return `the record is longer than ${MAX_RECORD_CHARS.toLocaleString("en")} characters (an unclosed quote?)`;
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted field of this record is not closed before the end of the file";
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return 'text after a closing quote: a quote inside a field must be doubled ("") and the field quoted';
    default:
      return error.message
        .replace(/,? at line \d+/g, "")
        .replace(/^./, (first) => first.toLowerCase());
  }
}

/**
 * The records of an input, with their lines: for CSV the physical line where
 * the record starts, for NDJSON its line, for a JSON array the line where the
 * element starts. Unreadable input throws a {@link UsageError}; a record that
 * cannot be read alone (a bad NDJSON line, an over-long record, a CSV row of
 * the wrong length) comes out as a `problem`, and reading goes on.
 */
export function readRecords(
  input: Input,
  onCsvHeader: (header: readonly string[], where: string) => RowReader,
): AsyncGenerator<RawRecord> {
  switch (input.format) {
    case "json":
      return jsonRecords(input);
    case "ndjson":
      return ndjsonRecords(input);
    case "csv":
      return csvRecords(input, onCsvHeader);
  }
}
