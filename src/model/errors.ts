/**
 * The one error type of the library's boundaries.
 *
 * @module
 */

/** A key or an array index on the way to the offending value. @category Errors */
export type PathSegment = string | number;

/** One problem found in the input: where, and what is wrong. @category Errors */
export interface Issue {
  /** Keys and indexes from the value passed in to the offending field; `[]` for the value itself. */
  readonly path: readonly PathSegment[];
  /** What is wrong, in plain words, naming the value found. */
  readonly message: string;
}

/**
 * Returned (never thrown) when input data does not fit the model.
 *
 * @example
 * { _tag: "ValidationError", issues: [{ path: ["governance", "regime"], message: 'must be one of …; got "democracy"' }] }
 * @category Errors
 */
export interface ValidationError {
  readonly _tag: "ValidationError";
  readonly issues: readonly Issue[];
}

/** Builds a {@link ValidationError}. @category Errors */
export function validationError(issues: readonly Issue[]): ValidationError {
  return { _tag: "ValidationError", issues };
}

/** A {@link ValidationError} with a single issue. @category Errors */
export function singleIssue(path: readonly PathSegment[], message: string): ValidationError {
  return validationError([{ path, message }]);
}

/**
 * A path as people write it: `governance.regime`, `outlook.priorities[1]`.
 *
 * @example
 * formatPath(["outlook", "priorities", 1]); // "outlook.priorities[1]"
 * @category Errors
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out === "" ? "(record)" : out;
}

/**
 * One line per issue, `path: message`, for logs and terminals.
 *
 * @example
 * formatValidationError(error);
 * // "governance.regime: must be one of closed-autocracy, …; got \"democracy\""
 * @category Errors
 */
export function formatValidationError(error: ValidationError): string {
  return error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join("\n");
}

/** A short, safe rendering of any value for an error message; never throws, even on a revoked proxy. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    return String(value);
  }
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (typeof value !== "object") return `a ${typeof value}`;
  try {
    return Array.isArray(value) ? `an array of ${value.length}` : "an object";
  } catch {
    return "an object that cannot be read";
  }
}
