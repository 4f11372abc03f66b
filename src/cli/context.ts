/**
 * What a command runs with: the output sink, where diagnostics go, and the
 * layout width. Commands never write to stdout or stderr by other means.
 *
 * @module
 */
import { formatPath, type Issue } from "../model/errors";
import { count, type TextSink } from "./output";
import { formatPosition, type Position } from "./scan";

/** The name diagnostics start with. */
export const PROGRAM = "city-difference";

/** Progress is reported every this many records, for inputs and outputs larger than it. */
export const PROGRESS_EVERY = 10_000;

/**
 * Diagnostics on stderr: each invalid record as `FILE:LINE: field.path:
 * message` (`FILE:LINE:COLUMN` for a record not first on its line), progress lines and notes as `city-difference: message`.
 */
export class Diagnostics {
  private invalidRecords = 0;

  constructor(
    private readonly stderr: NodeJS.WritableStream,
    /** Whether progress lines are printed (`--quiet` turns them off). */
    readonly showProgress: boolean,
  ) {}

  /** The number of invalid records reported so far. */
  get invalid(): number {
    return this.invalidRecords;
  }

  /** Reports one invalid record, one line per issue. */
  invalidRecord(file: string, at: Position, issues: readonly Issue[]): void {
    this.invalidRecords += 1;
    const where = formatPosition(file, at);
    this.stderr.write(
      `${issues.map((issue) => `${where}: ${formatPath(issue.path)}: ${issue.message}`).join("\n")}\n`,
    );
  }

  /** A note for the user, such as a summary. */
  note(message: string): void {
    this.stderr.write(`${PROGRAM}: ${message}\n`);
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
}
