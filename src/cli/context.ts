/**
 * What a command runs with: the output sink, where diagnostics go, and the
 * layout width. Commands never write to stdout or stderr by other means.
 *
 * @module
 */
import { formatPath, type Issue } from "../model/errors";
import { type CsvMode, count, type TextSink } from "./output";
import { formatPosition, type Position } from "./scan";
import { visible } from "./text";

/** The name diagnostics start with. */
export const PROGRAM = "city-difference";

/** Progress is reported every this many records, for inputs and outputs larger than it. */
export const PROGRESS_EVERY = 10_000;

/**
 * Invalid records reported one by one on stderr in a run (and kept for
 * `validate`'s report); past this, they are counted, and the count reported
 * at the end. A thousand is more than anyone reads, and bounds the output of
 * a file whose every record is bad (each record reports at most 20 issues,
 * the bound of the parsers).
 */
export const MAX_REPORTED_RECORDS = 1_000;

/**
 * Diagnostics on stderr: each invalid record as `FILE:LINE: field.path:
 * message` (`FILE:LINE:COLUMN` for a record not first on its line), progress lines and notes as `city-difference: message`.
 */
export class Diagnostics {
  private invalidRecords = 0;
  private unshown = 0;

  constructor(
    private readonly stderr: NodeJS.WritableStream,
    /** Whether progress lines are printed (`--quiet` turns them off). */
    readonly showProgress: boolean,
  ) {}

  /** The number of invalid records reported so far. */
  get invalid(): number {
    return this.invalidRecords;
  }

  /**
   * Reports one invalid record, one line per issue, user text shown with
   * {@link visible} (a newline in an id cannot start a line of its own). Past
   * {@link MAX_REPORTED_RECORDS} records, only counts it.
   */
  invalidRecord(file: string, at: Position, issues: readonly Issue[]): void {
    this.invalidRecords += 1;
    if (this.invalidRecords > MAX_REPORTED_RECORDS) {
      this.unshown += 1;
      return;
    }
    const where = visible(formatPosition(file, at));
    this.stderr.write(
      `${issues.map((issue) => `${where}: ${visible(formatPath(issue.path))}: ${visible(issue.message)}`).join("\n")}\n`,
    );
  }

  /** At the end of a run: the count of invalid records not shown, if any. */
  finish(): void {
    if (this.unshown > 0) {
      this.note(
        `${count(this.unshown)} more invalid records not shown (${count(this.invalidRecords)} in all; the first ${count(MAX_REPORTED_RECORDS)} are above)`,
      );
    }
  }

  /** A note for the user, such as a summary; user text in it is shown with {@link visible}. */
  note(message: string): void {
    this.stderr.write(`${PROGRAM}: ${visible(message)}\n`);
  }

  /** A progress line, unless `--quiet`. */
  progress(message: string): void {
    if (this.showProgress) this.note(message);
  }

  /** `n of total <what>` every {@link PROGRESS_EVERY}, for totals above it. */
  progressOf(done: number, total: number, what: string): void {
    if (total > PROGRESS_EVERY) this.progress(`${count(done)} of ${count(total)} ${what}`);
  }
}

/** What a command runs with. */
export interface Context {
  /** Buffered stdout: the command's result, and nothing else. */
  readonly stdout: TextSink;
  readonly diagnostics: Diagnostics;
  /** The width tables are laid out for. */
  readonly width: number;
  /** How CSV output writes text cells: neutralised against formulas unless `--raw-csv`. */
  readonly csv: CsvMode;
}
