/**
 * Reading data that crossed a boundary: every value read once, inside a
 * guard, into plain objects and arrays that can no longer run code or throw.
 *
 * JavaScript values can be hostile without meaning to be: a getter that
 * throws, a revoked `Proxy`, an array whose index getter throws, a sparse
 * array of a billion holes. Every parse in the library starts from a
 * {@link snapshot}, so that a value that cannot be read becomes an issue at
 * its path, and a few bytes of input never cost more than their size.
 *
 * @module
 */
import * as E from "fp-ts/Either";
import type { Issue, PathSegment, ValidationError } from "./errors";
import { describeValue, validationError } from "./errors";

/**
 * The deepest level a snapshot copies. The model's shapes nest four levels at
 * most (`gates[0].levels[1]`, `salience.byIncome.low`); anything deeper is
 * kept by reference and never read, since no schema looks that far.
 */
export const SNAPSHOT_MAX_DEPTH = 6;

/**
 * The longest list a snapshot copies: far above any list of the model (13
 * themes, 8 caucus fields, a platform's agenda of topics), far below the
 * length at which a list's per-entry issues cost noticeable memory.
 */
export const SNAPSHOT_MAX_LIST_LENGTH = 10_000;

/**
 * The most values one snapshot reads, counting every key and entry at every
 * level: a bound on the work one record can ask for, whatever its shape.
 */
export const SNAPSHOT_MAX_VALUES = 100_000;

/** Why a value could not be read: the message of what it threw. */
export function reasonOf(cause: unknown): string {
  try {
    if (cause instanceof Error) return String(cause.message);
    return String(cause);
  } catch {
    return "it threw while being read";
  }
}

/** The first issue found, thrown inside a snapshot to leave it at once. */
class Unreadable {
  constructor(readonly issue: Issue) {}
}

interface Budget {
  left: number;
}

function unreadable(path: readonly PathSegment[], cause: unknown): Unreadable {
  return new Unreadable({ path: [...path], message: `could not be read: ${reasonOf(cause)}` });
}

function spend(budget: Budget, count: number, path: readonly PathSegment[]): void {
  budget.left -= count;
  if (budget.left < 0) {
    throw new Unreadable({
      path: [...path],
      message: `is too large to read: a record may hold at most ${SNAPSHOT_MAX_VALUES.toLocaleString("en-US")} values in all`,
    });
  }
}

/** Reads `holder[key]` once, inside a guard. */
function readKey(holder: object, key: PathSegment, path: PathSegment[]): unknown {
  try {
    return (holder as Record<PathSegment, unknown>)[key];
  } catch (cause) {
    throw unreadable(path, cause);
  }
}

function copyArray(
  value: readonly unknown[],
  path: PathSegment[],
  depth: number,
  budget: Budget,
  dropNulls: boolean,
): unknown[] {
  let length: number;
  try {
    length = value.length;
  } catch (cause) {
    throw unreadable(path, cause);
  }
  if (length > SNAPSHOT_MAX_LIST_LENGTH) {
    throw new Unreadable({
      path: [...path],
      message: `must list at most ${SNAPSHOT_MAX_LIST_LENGTH.toLocaleString("en-US")} values; got an array of ${length.toLocaleString("en-US")}`,
    });
  }
  spend(budget, length, path);
  const out = new Array<unknown>(length);
  for (let index = 0; index < length; index++) {
    path.push(index);
    out[index] = copy(readKey(value, index, path), path, depth + 1, budget, dropNulls);
    path.pop();
  }
  return out;
}

function copyObject(
  value: object,
  path: PathSegment[],
  depth: number,
  budget: Budget,
  dropNulls: boolean,
): Record<string, unknown> {
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch (cause) {
    throw unreadable(path, cause);
  }
  spend(budget, keys.length, path);
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    path.push(key);
    const field = readKey(value, key, path);
    if (!(dropNulls && field === null)) {
      // defineProperty keeps an own `__proto__` key an ordinary key, reported as an unknown field.
      Object.defineProperty(out, key, {
        value: copy(field, path, depth + 1, budget, dropNulls),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    path.pop();
  }
  return out;
}

function copy(
  value: unknown,
  path: PathSegment[],
  depth: number,
  budget: Budget,
  dropNulls: boolean,
): unknown {
  if (typeof value !== "object" || value === null || depth > SNAPSHOT_MAX_DEPTH) return value;
  let isArray: boolean;
  try {
    isArray = Array.isArray(value);
  } catch (cause) {
    throw unreadable(path, cause);
  }
  return isArray
    ? copyArray(value as unknown[], path, depth, budget, dropNulls)
    : copyObject(value, path, depth, budget, dropNulls);
}

/** Options of {@link snapshot}. */
export interface SnapshotOptions {
  /**
   * Drop object keys whose value is `null` (to the depth of the model's
   * shapes): exported data often spells "unknown" as `null`, the model as an
   * absent field.
   */
  readonly dropNulls?: boolean;
}

/**
 * A copy of `value` made only of primitives, functions, plain objects and
 * arrays, each property read exactly once inside a guard. A value that
 * throws while read (a getter, a revoked proxy), a list longer than
 * {@link SNAPSHOT_MAX_LIST_LENGTH} or more than {@link SNAPSHOT_MAX_VALUES}
 * values in all give a `Left` whose one issue names the path.
 *
 * @example
 * snapshot({ id: "a", get name() { throw new Error("boom"); } });
 * // Left({ issues: [{ path: ["name"], message: "could not be read: boom" }] })
 */
export function snapshot(
  value: unknown,
  options: SnapshotOptions = {},
): E.Either<ValidationError, unknown> {
  try {
    return E.right(copy(value, [], 0, { left: SNAPSHOT_MAX_VALUES }, options.dropNulls === true));
  } catch (cause) {
    const issue =
      cause instanceof Unreadable ? cause.issue : { path: [], message: reasonOf(cause) };
    return E.left(validationError([issue]));
  }
}

/** A list read by {@link readEntries}: its length, and each entry read on demand. */
export interface Entries {
  readonly length: number;
  /** The entry at `index`, read once inside a guard. */
  at(index: number): E.Either<ValidationError, unknown>;
}

/**
 * The message for a list {@link readEntries} refused, given the reason it
 * gave: "must be an array of cities; got …", or "… that can be read; it …".
 */
export function refusedListMessage(reason: string, plural: string, list: unknown): string {
  return reason === "is not an array"
    ? `must be an array of ${plural}; got ${describeValue(list)}`
    : `must be an array of ${plural} that can be read; it ${reason}`;
}

/**
 * Reads a list whose length has no bound in the model (a batch of records):
 * checks that it is an array that can be read, then gives each entry on
 * demand, read inside a guard. A sparse array longer than
 * {@link SNAPSHOT_MAX_LIST_LENGTH} is refused rather than walked hole by hole:
 * `[]` with its length set to four billion is a few bytes that would
 * otherwise cost minutes and gigabytes of errors.
 *
 * @returns the entries, or the message saying why the list cannot be read
 */
export function readEntries(list: unknown): E.Either<string, Entries> {
  let length: number;
  try {
    if (!Array.isArray(list)) return E.left("is not an array");
    length = list.length;
    if (length > SNAPSHOT_MAX_LIST_LENGTH) {
      const present = Object.keys(list).length;
      if (present < length) {
        return E.left(
          `has holes: an array of length ${length.toLocaleString("en-US")} holding ${present.toLocaleString("en-US")} entries`,
        );
      }
    }
  } catch (cause) {
    return E.left(`could not be read: ${reasonOf(cause)}`);
  }
  return E.right({
    length,
    at(index: number) {
      try {
        return E.right((list as unknown[])[index]);
      } catch (cause) {
        return E.left(
          validationError([{ path: [], message: `could not be read: ${reasonOf(cause)}` }]),
        );
      }
    },
  });
}
