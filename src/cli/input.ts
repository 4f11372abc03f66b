/**
 * Reading input files: opening them (or stdin), telling their format, and
 * streaming their records with the line each starts on. Records come out
 * unvalidated; `records.ts` validates them.
 *
 * @module
 */
import { createReadStream, fstatSync } from "node:fs";
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

/**
 * Where the first byte that cannot start or continue a UTF-8 sequence is in
 * `bytes` (RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF), or `-1`. A sequence cut short by the end of `bytes` counts as
 * valid: the next chunk may complete it.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return -1;
      const c = bytes[i + k] as number;
      if (k === 1 ? c < min || c > max : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function countNewlineBytes(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < end; i = bytes.indexOf(0x0a, i + 1)) n += 1;
  return n;
}

/**
 * The text of a byte stream, decoded as UTF-8 strictly: a byte sequence that
 * is not UTF-8 (a file saved as Latin-1 or Windows-1252) is a
 * {@link UsageError} naming the line, never a silent U+FFFD that could make
 * two different ids one. A byte order mark at the start is dropped.
 */
async function* decoded(stream: Readable, name: string): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  let tail: Uint8Array = new Uint8Array(0);
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Uint8Array;
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: true });
      } catch {
        // The sequence may have started in the previous chunk's last bytes.
        const joined = new Uint8Array(tail.length + bytes.length);
        joined.set(tail);
        joined.set(bytes, tail.length);
        const at = Math.max(0, firstInvalidUtf8(joined));
        const where = line - countNewlineBytes(tail, tail.length) + countNewlineBytes(joined, at);
        const byte = (joined[at] ?? 0).toString(16).toUpperCase().padStart(2, "0");
        throw new UsageError(
          `${name}:${where}: not valid UTF-8 (byte 0x${byte}); save the file as UTF-8`,
        );
      }
      line += countNewlineBytes(bytes, bytes.length);
      tail = bytes.subarray(Math.max(0, bytes.length - 3));
      if (text !== "") yield text;
    }
    const rest = decoder.decode();
    if (rest !== "") yield rest;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof TypeError) {
      throw new UsageError(`${name}:${line}: not valid UTF-8 (the file ends inside a character)`);
    }
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
    let directory = false;
    try {
      directory = fstatSync(0).isDirectory();
    } catch {
      // Not a file descriptor fstat can read (closed): reading will say so.
    }
    if (directory) throw new UsageError("cannot read <stdin>: it is a directory, not a file");
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
    stream = createReadStream(file, { highWaterMark: 64 * 1024 });
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
  let records = 0;
  for await (const chunk of input.chunks) {
    for (const scanned of lines.push(chunk)) {
      records += 1;
      yield parse(scanned);
    }
  }
  for (const scanned of lines.end()) {
    records += 1;
    yield parse(scanned);
  }
  if (records === 0) {
    // As for an empty JSON or CSV file: nothing to read is a mistake, not success.
    throw new UsageError(`${input.name}: the file is empty; expected one JSON record per line`);
  }
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

function countCrlf(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\r\n"); i !== -1; i = text.indexOf("\r\n", i + 2)) n += 1;
  return n;
}

/**
 * The physical line each CSV record starts on, from the line csv-parse says
 * it ends on and its raw text. csv-parse counts a CRLF inside a quoted cell
 * as two lines, so every such line break shifts its count for the rest of
 * the file by one: the counter keeps the running excess and takes it off.
 * `unclosed` is for the record of an unclosed quote, whose raw text runs to
 * the end of the file: its last CRLF is inside the quote too.
 */
class CsvLines {
  private excess = 0;

  startOf(endLine: number, raw: string, unclosed = false): number {
    let start = 0;
    while (raw[start] === "\n" || raw[start] === "\r") start += 1;
    const body = raw.endsWith("\n") ? raw.slice(0, raw.endsWith("\r\n") ? -2 : -1) : raw;
    this.excess += countCrlf(unclosed ? raw : body);
    return endLine - this.excess - countNewlines(body, start);
  }
}

function isCsvError(error: unknown): error is CsvError {
  return systemErrorCode(error)?.startsWith("CSV_") === true;
}

/** The CSV parser: a record as its cells, the line it ends on and its raw text. */
function csvParser() {
  return parseCsv({
    relax_column_count: true,
    // A quote inside an unquoted cell (5'11", O"Brien) is kept as text.
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    raw: true,
    max_record_size: MAX_RECORD_CHARS,
  });
}

type CsvItem = { record: string[]; info: { lines: number }; raw: string };

/** A csv-parse error as a {@link UsageError} at the line where the faulty record starts. */
function csvReadError(error: CsvError, lines: CsvLines, name: string): UsageError {
  const { lines: endLine, raw } = error as { lines?: unknown; raw?: unknown };
  const line =
    typeof endLine === "number" && typeof raw === "string"
      ? `:${lines.startOf(endLine, raw, error.code === "CSV_QUOTE_NOT_CLOSED")}`
      : "";
  return new UsageError(`${name}${line}: not valid CSV: ${csvMessage(error)}`);
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
  const parser = csvParser();
  const source = Readable.from(input.chunks);
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  let reader: RowReader | undefined;
  let columns = 0;
  const lines = new CsvLines();
  try {
    for await (const item of parser as AsyncIterable<CsvItem>) {
      const line = lines.startOf(item.info.lines, item.raw);
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
    throw isCsvError(error) ? csvReadError(error, lines, input.name) : error;
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
