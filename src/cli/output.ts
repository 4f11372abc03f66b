/**
 * Writers for the three output formats (table, JSON, CSV) and a buffered sink
 * that streams to stdout with backpressure, so that a large result is written
 * as it is made, never built as one string.
 *
 * @module
 */
import { once } from "node:events";
import { RELEVANCE_BANDS } from "../score/bands";
import { visible } from "./text";

/** The output formats every command offers. */
export const OUTPUT_FORMATS = ["table", "json", "csv"] as const;
/** One of {@link OUTPUT_FORMATS}. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Bytes gathered before a write to the stream; large enough to make writes cheap. */
const FLUSH_AT = 64 * 1024;

/**
 * Buffers text and writes it to a stream in large pieces, waiting for `drain`
 * when the stream is full (a slow pipe, a pager), so memory stays flat.
 */
export class TextSink {
  private readonly pieces: string[] = [];
  private size = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  /** Adds text; resolves once it is buffered or written. */
  async write(text: string): Promise<void> {
    this.pieces.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) await this.flush();
  }

  /** Writes out what is buffered. */
  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.pieces.join("");
    this.pieces.length = 0;
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, "drain");
  }
}

/** `low`, `moderate` or `high`, by {@link RELEVANCE_BANDS}. */
export function band(score: number): "low" | "moderate" | "high" {
  if (score >= RELEVANCE_BANDS.high) return "high";
  if (score >= RELEVANCE_BANDS.moderate) return "moderate";
  return "low";
}

/** A score as shown in tables: two decimals. */
export function fixed2(value: number): string {
  return value.toFixed(2);
}

/** Whole numbers with thousands separators, as in `100,000 records`. */
export function count(value: number): string {
  return value.toLocaleString("en");
}

/** `n things`, singular for one. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------------------
// CSV (RFC 4180)

/** A cell value: numbers keep full precision, `undefined` is an empty cell. */
export type Cell = string | number | boolean | undefined;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * The first characters that make a spreadsheet read a cell as a formula
 * (`=`, `+`, `-`, `@`) or that it skips before looking for one (tab, carriage
 * return), and NUL: OWASP's list for CSV injection (OWASP Application
 * Security Verification Standard 5.0, requirement 1.2.10; OWASP, "CSV
 * Injection").
 */
const FORMULA_START = /^[=+\-@\t\r\0]/;

/** How text cells are written: neutralised against formulas (the default), or raw (`--raw-csv`). */
export type CsvMode = "neutralise" | "raw";

/**
 * One CSV cell, quoted when it holds a comma, a quote, a line break or edge
 * spaces. In `"neutralise"` mode a text cell that starts like a formula gets
 * a leading `'`, which spreadsheets read as "this is text" and do not show:
 * `=HYPERLINK(…)` is written `'=HYPERLINK(…)`. Numbers and booleans are never
 * changed (a negative number is a number, not a formula).
 */
export function csvCell(value: Cell, mode: CsvMode = "neutralise"): string {
  if (value === undefined) return "";
  let text = String(value);
  if (mode === "neutralise" && typeof value === "string" && FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line, ending in `\n`; `mode` as in {@link csvCell}. */
export function csvRow(cells: readonly Cell[], mode: CsvMode = "neutralise"): string {
  return `${cells.map((cell) => csvCell(cell, mode)).join(",")}\n`;
}

// ---------------------------------------------------------------------------
// JSON: an array written one element per line, so it streams and stays valid JSON.

/** Writes a JSON array element by element: `[`, one element per line, `]`. */
export class JsonArrayWriter {
  private first = true;

  constructor(private readonly sink: TextSink) {}

  async item(value: unknown): Promise<void> {
    const text = JSON.stringify(value);
    await this.sink.write(this.first ? `[\n${text}` : `,\n${text}`);
    this.first = false;
  }

  async close(): Promise<void> {
    await this.sink.write(this.first ? "[]\n" : "\n]\n");
  }
}

/** Writes `items` as a JSON array, one element per line, each as it comes. */
export async function writeJsonArray(
  sink: TextSink,
  items: Iterable<unknown> | AsyncIterable<unknown>,
): Promise<void> {
  const json = new JsonArrayWriter(sink);
  for await (const item of items) await json.item(item);
  await json.close();
}

// ---------------------------------------------------------------------------
// Tables

/** A column of a text table. */
export interface TableColumn {
  readonly header: string;
  /** Right-aligned (numbers) or left-aligned (text). */
  readonly align?: "left" | "right";
  /** The last column may wrap to the width left over; others are cut with `…` beyond this. */
  readonly maxWidth?: number;
}

/**
 * Words of `text` in lines of at most `width` characters; a longer word is
 * cut. Characters a terminal would act on are shown escaped ({@link visible}).
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of visible(text)
    .split(/\s+/)
    .filter((w) => w !== "")) {
    let rest = word;
    while (rest.length > width) {
      if (line !== "") {
        lines.push(line);
        line = "";
      }
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    if (line === "") line = rest;
    else if (line.length + 1 + rest.length <= width) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

/** `text` wrapped to `width`, its first line after `label`, the others indented under it. */
export function labelled(label: string, text: string, width: number): string {
  const indent = " ".repeat(label.length);
  return `${wrap(text, Math.max(20, width - label.length))
    .map((line, i) => (i === 0 ? label : indent) + line)
    .join("\n")}\n`;
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** Columns narrower than this wrap no further: the table gets wider than the terminal instead. */
const MIN_WRAP_WIDTH = 24;

/**
 * Lays out rows as a text table of at most `width` characters where it can:
 * fixed columns sized to their content (cut at `maxWidth`), and the last
 * column wrapped, with continuation lines indented under it.
 *
 * Column widths come from the rows given, so a caller streaming a long table
 * lays it out in blocks with {@link TableLayout}.
 */
export class TableLayout {
  readonly widths: readonly number[];

  constructor(
    private readonly columns: readonly TableColumn[],
    sample: readonly (readonly string[])[],
    width: number,
  ) {
    const widths = columns.map((column, i) => {
      const longest = Math.max(
        column.header.length,
        ...sample.map((row) => visible(row[i] ?? "").length),
      );
      return Math.min(longest, column.maxWidth ?? Number.POSITIVE_INFINITY);
    });
    const fixed = widths.slice(0, -1).reduce((sum, w) => sum + w + 2, 0);
    widths[widths.length - 1] = Math.max(MIN_WRAP_WIDTH, width - fixed);
    this.widths = widths;
  }

  private cell(text: string, i: number): string {
    const width = this.widths[i] as number;
    const shown = cut(visible(text), width);
    return this.columns[i]?.align === "right" ? shown.padStart(width) : shown.padEnd(width);
  }

  /** The header line. */
  header(): string {
    const names = this.columns.map((column, i) =>
      i === this.columns.length - 1 ? column.header : this.cell(column.header, i),
    );
    return `${names.join("  ").trimEnd()}\n`;
  }

  /** One row: the last cell wrapped over as many lines as it needs. */
  row(cells: readonly string[]): string {
    const last = this.columns.length - 1;
    const fixed = cells.slice(0, last).map((text, i) => this.cell(text, i));
    const lines = wrap(cells[last] ?? "", this.widths[last] as number);
    const indent = " ".repeat(fixed.reduce((sum, text) => sum + text.length + 2, 0));
    const first = [...fixed, lines[0] ?? ""].join("  ").trimEnd();
    return `${[first, ...lines.slice(1).map((line) => indent + line)].join("\n")}\n`;
  }
}

/** The width tables are laid out for: the terminal's, else `COLUMNS`, else 100. */
export function terminalWidth(stream: NodeJS.WriteStream): number {
  if (stream.isTTY && stream.columns > 0) return stream.columns;
  const fromEnv = Number(process.env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv >= 40 ? fromEnv : 100;
}
