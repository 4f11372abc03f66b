/**
 * Splitting text into records with their line numbers, a chunk at a time:
 * lines for NDJSON, the elements of a top-level array for JSON. Neither ever
 * holds more than one record (up to a limit) in memory, so a 50 MB line or a
 * 1 GB file cannot exhaust it.
 *
 * @module
 */

/** The longest record read, in characters (UTF-16 code units): 1 MiB, far above any real city or topic. */
export const MAX_RECORD_CHARS = 1024 * 1024;

/**
 * Where a record starts: its line (1-based), and its column (1-based) when
 * another record comes before it on that line, as in minified JSON.
 */
export interface Position {
  readonly line: number;
  readonly column?: number;
}

/** `FILE:LINE`, or `FILE:LINE:COLUMN` when the position has a column. */
export function formatPosition(file: string, at: Position): string {
  return at.column === undefined ? `${file}:${at.line}` : `${file}:${at.line}:${at.column}`;
}

/** The text of one record, or its length when over the limit, and where it starts. */
export type ScannedRecord = Position & ({ readonly text: string } | { readonly tooLong: number });

/** The input is not a JSON array of records; `line` is where the scan stopped. The message says what is wrong in full. */
export class JsonSyntaxError extends Error {
  override readonly name = "JsonSyntaxError";

  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const NEWLINE = 0x0a;

/**
 * Splits text into lines, numbered from 1, dropping blank ones and a trailing
 * `\r`. A line longer than `maxChars` is reported by its length, not kept.
 */
export class LineSplitter {
  private pieces: string[] = [];
  private length = 0;
  private tooLong = false;
  private line = 1;

  constructor(private readonly maxChars = MAX_RECORD_CHARS) {}

  /** The complete lines in `chunk` (with what came before it). */
  push(chunk: string): ScannedRecord[] {
    const out: ScannedRecord[] = [];
    let start = 0;
    for (;;) {
      const end = chunk.indexOf("\n", start);
      if (end === -1) {
        this.add(chunk.slice(start));
        return out;
      }
      this.add(chunk.slice(start, end));
      this.emit(out);
      start = end + 1;
    }
  }

  /** The last line, when the text does not end with a newline. */
  end(): ScannedRecord[] {
    const out: ScannedRecord[] = [];
    this.emit(out);
    return out;
  }

  private add(piece: string): void {
    if (piece === "") return;
    this.length += piece.length;
    if (this.length > this.maxChars + 1) {
      this.tooLong = true;
      this.pieces = [];
    } else if (!this.tooLong) this.pieces.push(piece);
  }

  private emit(out: ScannedRecord[]): void {
    const line = this.line;
    this.line += 1;
    if (this.tooLong) {
      out.push({ line, tooLong: this.length });
    } else if (this.length > 0) {
      let text = this.pieces.length === 1 ? (this.pieces[0] as string) : this.pieces.join("");
      if (text.endsWith("\r")) text = text.slice(0, -1);
      if (text.length > this.maxChars) out.push({ line, tooLong: text.length });
      else if (text.trim() !== "") out.push({ line, text });
    }
    this.pieces = [];
    this.length = 0;
    this.tooLong = false;
  }
}

type Phase =
  /** Before the opening `[`. */
  | "start"
  /** Right after `[`: a value or `]`. */
  | "first"
  /** After a `,`: a value. */
  | "next"
  /** Inside a value. */
  | "value"
  /** After the closing `]`: only whitespace. */
  | "done";

function isSpace(code: number): boolean {
  return code === 0x20 || code === NEWLINE || code === 0x0d || code === 0x09;
}

function describeStart(char: string): string {
  if (char === "{") return "an object";
  if (char === '"') return "a string";
  return `"${char}"`;
}

/**
 * Finds the elements of a top-level JSON array and the line each starts on,
 * without parsing them: it tracks only strings, escapes and bracket depth, so
 * each element's text can go to `JSON.parse` alone. Throws
 * {@link JsonSyntaxError} where the array's own structure is broken (no `[`,
 * an empty element, an unclosed array, text after `]`); an element's inner
 * syntax is left to `JSON.parse`.
 */
export class JsonArrayScanner {
  private phase: Phase = "start";
  private line = 1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private pieces: string[] = [];
  private length = 0;
  private startLine = 0;
  private startColumn: number | undefined;
  /** Characters of the input before the current chunk. */
  private consumed = 0;
  /** Where the last newline was, counted over the whole input. */
  private lastNewline = -1;
  /** Whether a record's text has appeared on the current line. */
  private recordOnLine = false;

  constructor(private readonly maxChars = MAX_RECORD_CHARS) {}

  /** The elements completed by `chunk`. */
  push(chunk: string): ScannedRecord[] {
    const out: ScannedRecord[] = [];
    let i = 0;
    let valueStart = this.phase === "value" ? 0 : -1;
    while (i < chunk.length) {
      if (this.phase === "value") {
        i = this.inValue(chunk, i, valueStart, out);
      } else {
        // Outside a value one character is read at a time; where a value starts, it is read again.
        const next = this.between(chunk, i);
        if (next === i) valueStart = i;
        i = next;
      }
    }
    if (this.phase === "value") this.add(chunk.slice(valueStart));
    this.consumed += chunk.length;
    return out;
  }

  /** Checks that the array was closed. */
  end(): void {
    if (this.phase === "done") return;
    if (this.phase === "start") {
      throw new JsonSyntaxError(this.line, "the file is empty; expected a JSON array of records");
    }
    throw new JsonSyntaxError(
      this.line,
      "not valid JSON: the file ends before the array is closed with ']'",
    );
  }

  /**
   * The "value" state: reads from `i` to the end of the value (the `,` or
   * `]` after it at depth 0, where the phase moves on) or of the chunk, and
   * returns where reading stopped.
   */
  private inValue(chunk: string, i: number, valueStart: number, out: ScannedRecord[]): number {
    for (; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      if (this.inString) {
        this.inStringChar(code, i);
        continue;
      }
      if (code === NEWLINE) this.newline(i);
      else if (code === 0x22 /* " */) this.inString = true;
      else if (code === 0x5b /* [ */ || code === 0x7b /* { */) this.depth += 1;
      else if (code === 0x5d /* ] */ || code === 0x7d /* } */) {
        if (this.depth > 0) this.depth -= 1;
        else if (code === 0x7d)
          throw new JsonSyntaxError(this.line, "not valid JSON: unexpected '}'");
        else return this.finishValue(chunk.slice(valueStart, i), out, "done", i);
      } else if (code === 0x2c /* , */ && this.depth === 0) {
        return this.finishValue(chunk.slice(valueStart, i), out, "next", i);
      }
    }
    return i;
  }

  /** A character inside a string of a value: only an escape or the closing quote matter. */
  private inStringChar(code: number, i: number): void {
    if (this.escaped) this.escaped = false;
    else if (code === 0x5c /* \ */) this.escaped = true;
    else if (code === 0x22 /* " */) this.inString = false;
    else if (code === NEWLINE) this.newline(i);
  }

  /**
   * One character outside a value, by the phase: returns the index to read
   * next, which is `i` itself when the character starts a value (the "value"
   * state reads it again as the value's first).
   */
  private between(chunk: string, i: number): number {
    const code = chunk.charCodeAt(i);
    if (code === NEWLINE) this.newline(i);
    else if (!isSpace(code)) {
      const char = chunk[i] as string;
      if (this.phase === "start") this.atStart(char);
      else if (this.phase === "done") this.afterEnd();
      else if (this.expectValue(char, i)) return i;
    }
    return i + 1;
  }

  /** The "start" state: only the opening `[`. */
  private atStart(char: string): void {
    if (char !== "[") {
      throw new JsonSyntaxError(
        this.line,
        `expected a JSON array of records ("[ … ]"), found ${describeStart(char)}${char === "{" ? " (for one record per line, name the file .ndjson)" : ""}`,
      );
    }
    this.phase = "first";
  }

  /**
   * The "first" and "next" states: a value, or (first only) the `]` of an
   * empty array. Whether a value starts at `i`.
   */
  private expectValue(char: string, i: number): boolean {
    if (char === "]" && this.phase === "first") {
      this.phase = "done";
      return false;
    }
    if (char === "]" || char === ",") {
      throw new JsonSyntaxError(this.line, `not valid JSON: expected a value before '${char}'`);
    }
    this.phase = "value";
    this.startLine = this.line;
    this.startColumn = this.recordOnLine ? this.consumed + i - this.lastNewline : undefined;
    this.recordOnLine = true;
    return true;
  }

  /** The "done" state: nothing but whitespace after the closing `]`. */
  private afterEnd(): never {
    throw new JsonSyntaxError(this.line, "not valid JSON: unexpected text after the closing ']'");
  }

  private newline(i: number): void {
    this.line += 1;
    this.lastNewline = this.consumed + i;
    this.recordOnLine = this.phase === "value";
  }

  private add(piece: string): void {
    this.length += piece.length;
    if (this.length > this.maxChars) this.pieces = [];
    else this.pieces.push(piece);
  }

  /** Ends the value at `i` with its last `piece`, moves to `phase`, and returns where reading goes on. */
  private finishValue(piece: string, out: ScannedRecord[], phase: Phase, i: number): number {
    this.add(piece);
    const at =
      this.startColumn === undefined
        ? { line: this.startLine }
        : { line: this.startLine, column: this.startColumn };
    if (this.length > this.maxChars) out.push({ ...at, tooLong: this.length });
    else out.push({ ...at, text: this.pieces.join("") });
    this.pieces = [];
    this.length = 0;
    this.phase = phase;
    return i + 1;
  }
}

/**
 * `JSON.parse`'s complaint about `text` (which starts on `line`), as a short
 * message and the line it points at.
 */
export function describeJsonError(
  error: unknown,
  text: string,
  line: number,
): { line: number; message: string } {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw);
  let at = line;
  if (position) {
    const offset = Number(position[1]);
    for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) at += 1;
  }
  const token = /^(Unexpected token '.*?'|Unexpected end of JSON input)/.exec(raw);
  const message = token
    ? (token[1] as string)
    : (raw.split(/ in JSON at position| \(line \d+/)[0] ?? raw).slice(0, 120);
  return { line: at, message: message.replace(/^./, (c) => c.toLowerCase()) };
}
