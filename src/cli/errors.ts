/**
 * Exit statuses and the one error the command line throws on purpose.
 *
 * @module
 */
import { formatValidationError, type ValidationError } from "../model/errors";

/** The exit statuses of `city-difference`, documented in docs/cli.md. */
export const EXIT = {
  /** Everything read was valid and the output is complete. */
  ok: 0,
  /** Some records were invalid: each was reported on stderr, the valid ones were processed. */
  invalidRecords: 1,
  /** A usage error or unreadable input: nothing (or nothing useful) was output. */
  usage: 2,
  /** A bug in city-difference itself; `--debug` shows the stack. */
  internal: 3,
} as const;

/** One of {@link EXIT}'s values. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A usage error or input the command line cannot read (a missing file, broken
 * JSON, a CSV header naming no model field). Caught at the top and printed as
 * `city-difference: <message>` with exit status 2, never with a stack.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** Lines printed after the message (e.g. the candidates of an ambiguous place). */
  readonly details: readonly string[];

  constructor(message: string, details: readonly string[] = []) {
    super(message);
    this.details = details;
  }
}

/** A Node system error (`ENOENT`, `EACCES`, `EPIPE`…), told apart by its string `code`. */
export function systemErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a directory, not a file",
  ENOTDIR: "a part of the path is not a directory",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "the name is too long",
  EMFILE: "too many open files",
  EIO: "an input/output error",
};

/** A file-system error as a {@link UsageError} naming the file, in plain words. */
export function fileError(file: string, error: unknown): UsageError {
  const code = systemErrorCode(error);
  const reason =
    (code !== undefined ? FILE_ERRORS[code] : undefined) ??
    (error instanceof Error ? error.message : String(error));
  return new UsageError(`cannot read ${file}: ${reason}`);
}

/**
 * A `Left` of a library function the command's own checks should have
 * prevented, as a usage error naming each problem rather than a stack.
 */
export function refused(command: string, error: ValidationError): UsageError {
  const [first, ...rest] = formatValidationError(error).split("\n");
  return new UsageError(`${command}: ${first}`, rest);
}
