/**
 * Parsing at the edge: unknown data in, typed values or named errors out.
 * Nothing here throws on data.
 *
 * @module
 */

import * as E from "fp-ts/Either";
import type * as z from "zod/mini";
import { firstSeenTracker } from "../internal/ids";
import { countryCodeHint } from "./country-codes";
import {
  describeValue,
  type Issue,
  type PathSegment,
  type ValidationError,
  validationError,
} from "./errors";
import { comparableId } from "./ids";
import { readEntries, reasonOf, refusedListMessage, snapshot } from "./read";
import { type City, CitySchema, type Topic, TopicSchema } from "./schemas";

/** Whether `value` is a plain object (an object literal or `JSON.parse` output). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isCountryPath(path: readonly PathSegment[]): boolean {
  return path.length === 1 && path[0] === "country";
}

function enumMessage(values: readonly unknown[], input: unknown, path: readonly PathSegment[]) {
  if (isCountryPath(path) && typeof input === "string") {
    const hint = countryCodeHint(input);
    const suggestion = hint === undefined ? "" : ` (did you mean "${hint}"?)`;
    return `must be an ISO 3166-1 alpha-2 country code in upper case, such as "GB"; got ${describeValue(input)}${suggestion}`;
  }
  if (isCountryPath(path)) {
    return `must be an ISO 3166-1 alpha-2 country code such as "GB"; got ${describeValue(input)}`;
  }
  return `must be one of ${values.map((value) => String(value)).join(", ")}; got ${describeValue(input)}`;
}

function typeName(expected: string): string {
  if (expected === "int") return "a whole number";
  if (expected === "object" || expected === "array") return `an ${expected}`;
  return `a ${expected}`;
}

/** The message of a `too_small` issue: an empty list or text, or a number below its bound. */
function tooSmallMessage(
  issue: z.core.$ZodIssueTooSmall,
  path: readonly PathSegment[],
  input: unknown,
): string {
  if (issue.origin === "array") {
    // An optional list (a city's priorities) is absent when unknown, never empty.
    const optional = path[path.length - 1] === "priorities";
    return `must list at least one value${optional ? "; omit the field when unknown" : ""}`;
  }
  if (issue.origin === "string") return "must not be empty";
  const bound = issue.inclusive ? "at least" : "greater than";
  return `must be ${bound} ${String(issue.minimum)}; got ${describeValue(input)}`;
}

/** The message of a `too_big` issue: a text or list too long, or a number above its bound. */
function tooBigMessage(issue: z.core.$ZodIssueTooBig, input: unknown): string {
  if (issue.origin === "string") return `must be at most ${String(issue.maximum)} characters long`;
  if (issue.origin === "array") {
    return `must list at most ${String(issue.maximum)} values; got ${describeValue(input)}`;
  }
  const bound = issue.inclusive ? "at most" : "less than";
  return `must be ${bound} ${String(issue.maximum)}; got ${describeValue(input)}`;
}

/** Turns one zod issue into the library's plain-language {@link Issue}s. */
function toIssues(issue: z.core.$ZodIssue, base: readonly PathSegment[]): Issue[] {
  const path: PathSegment[] = [...base, ...(issue.path as PathSegment[])];
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined && path.length > 0) return [{ path, message: "is required" }];
      if (isCountryPath(path)) return [{ path, message: enumMessage([], input, path) }];
      return [
        {
          path,
          message: `must be ${typeName(issue.expected)}; got ${describeValue(input)}`,
        },
      ];
    case "invalid_value":
      return [{ path, message: enumMessage(issue.values, input, path) }];
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `is not a field of this record (unknown field "${key}")`,
      }));
    case "too_small":
      return [{ path, message: tooSmallMessage(issue, path, input) }];
    case "too_big":
      return [{ path, message: tooBigMessage(issue, input) }];
    default:
      return [{ path, message: issue.message }];
  }
}

/**
 * The most issues one value reports. A city with every field wrong has
 * fewer; past this, the rest are counted in one closing issue, so that a
 * list of a hundred thousand bad entries costs a line, not a megabyte.
 */
export const MAX_ISSUES = 20;

/** The longest path that starts every one of `issues`. */
function commonPath(issues: readonly Issue[]): PathSegment[] {
  const first = issues[0]?.path ?? [];
  let length = first.length;
  for (const issue of issues) {
    let i = 0;
    while (i < length && i < issue.path.length && issue.path[i] === first[i]) i++;
    length = i;
  }
  return first.slice(0, length);
}

/**
 * The first {@link MAX_ISSUES} of `issues`, and one issue counting the rest
 * at the path they share ("and 99,990 more problems").
 */
export function boundIssues(issues: readonly Issue[]): readonly Issue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const kept = issues.slice(0, MAX_ISSUES - 1);
  const rest = issues.slice(MAX_ISSUES - 1);
  return [
    ...kept,
    {
      path: commonPath(rest),
      message: `and ${rest.length.toLocaleString("en-US")} more problems`,
    },
  ];
}

/**
 * Runs a schema and rephrases its issues; custom refinements keep their own
 * messages. The input is first read into a {@link snapshot} (nulls dropped),
 * so that a value that throws while read is an issue at its path.
 */
export function parseWithSchema<T>(
  schema: z.ZodMiniType<T>,
  input: unknown,
  what: string,
): E.Either<ValidationError, T> {
  const read = snapshot(input, { dropNulls: true });
  return E.isLeft(read) ? read : parseSnapshot(schema, read.right, what);
}

/** {@link parseWithSchema} of a value already read by {@link snapshot}. */
function parseSnapshot<T>(
  schema: z.ZodMiniType<T>,
  input: unknown,
  what: string,
): E.Either<ValidationError, T> {
  try {
    const result = schema.safeParse(input, { reportInput: true });
    if (result.success) return E.right(result.data);
    const issues = result.error.issues.flatMap((issue) => toIssues(issue, []));
    const rooted = issues.map((issue) =>
      issue.path.length === 0 && issue.message.startsWith("must be an object")
        ? { path: issue.path, message: `must be ${what}; got ${describeValue(input)}` }
        : issue,
    );
    return E.left(validationError(boundIssues(rooted)));
  } catch (cause) {
    // A snapshot holds only plain data; this guards the schema's own code (a refinement) all the same.
    return E.left(
      validationError([{ path: [], message: `could not be checked: ${reasonOf(cause)}` }]),
    );
  }
}

/**
 * Validates unknown data as a {@link City}.
 *
 * Never throws. `null` fields count as absent (unknown). Unknown fields,
 * wrong types, NaN, Infinity, negative or zero counts, unknown levels and
 * codes that are not ISO 3166-1 alpha-2 each give an issue naming the field.
 *
 * @example
 * import * as E from "fp-ts/Either";
 * const result = parseCity({ id: "gb-leeds", name: "Leeds", country: "UK" });
 * if (E.isLeft(result)) console.log(result.left.issues[0]);
 * // { path: ["country"], message: 'must be an ISO 3166-1 alpha-2 country code …; got "UK" (did you mean "GB"?)' }
 * @category Parsing
 */
export function parseCity(input: unknown): E.Either<ValidationError, City> {
  return parseWithSchema(CitySchema, input, "a city object");
}

/**
 * Validates unknown data as a {@link Topic}. Never throws.
 *
 * @example
 * parseTopic({ id: "t", name: "T", themes: ["climate"], internationalFacing: 2,
 *   demands: { clout: 0, resources: 0, autonomy: 0 }, liberalNorms: 0, sensitivity: 0 });
 * // Left: internationalFacing: must be at most 1; got 2
 * @category Parsing
 */
export function parseTopic(input: unknown): E.Either<ValidationError, Topic> {
  return parseWithSchema(TopicSchema, input, "a topic object");
}

/** A record of a batch that did not parse. @category Parsing */
export interface RecordError {
  /** Position of the record in the input array. */
  readonly index: number;
  /** The record's `id`, when it had a readable one. */
  readonly id?: string;
  /** What is wrong with it. */
  readonly issues: readonly Issue[];
}

/** The outcome of a batch parse: the good records, and each bad one with its index. @category Parsing */
export interface BatchResult<T> {
  readonly valid: readonly T[];
  readonly errors: readonly RecordError[];
}

function readableId(record: unknown): string | undefined {
  if (!isPlainObject(record)) return undefined;
  const id = record.id;
  return typeof id === "string" && id.trim() !== "" ? id : undefined;
}

/** How a batch parse words a repeated id: the id and the index of the record that had it first. */
export type DuplicateMessage = (id: string, firstIndex: number) => string;

const repeatsId: DuplicateMessage = (_, first) => `repeats the id of the record at index ${first}`;

/**
 * Parses each record of an array with `parse`, keeping the good ones in input
 * order and reporting each bad one (and each repeated id, on the later record)
 * with its index. Each record is read once, into a {@link snapshot}, before
 * anything else; ids are compared by {@link comparableId}. Input that is not
 * an array (or cannot be read as one) gives one error with index `-1`.
 * Never throws.
 */
export function parseBatch<T extends { readonly id: string }>(
  input: unknown,
  parse: (record: unknown) => E.Either<ValidationError, T>,
  what: string,
  duplicate: DuplicateMessage = repeatsId,
): BatchResult<T> {
  const list = readEntries(input);
  if (E.isLeft(list)) {
    const message = refusedListMessage(list.left, what, input);
    return { valid: [], errors: [{ index: -1, issues: [{ path: [], message }] }] };
  }
  const valid: T[] = [];
  const errors: RecordError[] = [];
  const firstIndexOf = firstSeenTracker<string, number>();
  for (let index = 0; index < list.right.length; index++) {
    const record = E.chain((entry: unknown) => snapshot(entry, { dropNulls: true }))(
      list.right.at(index),
    );
    if (E.isLeft(record)) {
      errors.push({ index, issues: record.left.issues });
      continue;
    }
    const parsed = parse(record.right);
    const id = readableId(record.right);
    if (E.isLeft(parsed)) {
      errors.push(
        id === undefined
          ? { index, issues: parsed.left.issues }
          : { index, id, issues: parsed.left.issues },
      );
      continue;
    }
    const first = firstIndexOf(comparableId(parsed.right.id), index);
    if (first !== undefined) {
      errors.push({
        index,
        id: parsed.right.id,
        issues: [{ path: ["id"], message: duplicate(parsed.right.id, first) }],
      });
      continue;
    }
    valid.push(parsed.right);
  }
  return { valid, errors };
}

/** The outcome of {@link parseCities}. @category Parsing */
export interface ParsedCities {
  /** The records that are valid cities, in input order. */
  readonly cities: readonly City[];
  /** One entry per invalid record (and per repeated id), in input order. */
  readonly errors: readonly RecordError[];
}

/**
 * Validates an array of cities, keeping the good ones and reporting each bad
 * one with its index, id (when readable) and field paths. A repeated `id` is
 * an error on the later record. Never throws; input that is not an array gives
 * one error with index `-1`.
 *
 * @example
 * const { cities, errors } = parseCities(JSON.parse(text));
 * for (const e of errors) console.error(`record ${e.index}: ${e.issues[0]?.message}`);
 * @category Parsing
 */
export function parseCities(input: unknown): ParsedCities {
  const { valid, errors } = parseBatch(input, parseCity, "cities");
  return { cities: valid, errors };
}

/** The outcome of {@link parseTopics}. @category Parsing */
export interface ParsedTopics {
  readonly topics: readonly Topic[];
  readonly errors: readonly RecordError[];
}

/**
 * Validates an array of topics, like {@link parseCities}: the valid ones in
 * input order, and each invalid one (or repeated id) with its index, id when
 * readable, and field paths. Never throws.
 *
 * @example
 * const { topics, errors } = parseTopics([CATALOG[0], { ...CATALOG[1], internationalFacing: 2 }]);
 * topics.map((t) => t.id); // ["adequate-housing"]
 * errors[0];
 * // { index: 1, id: "administrative-transparency",
 * //   issues: [{ path: ["internationalFacing"], message: "must be at most 1; got 2" }] }
 * @category Parsing
 */
export function parseTopics(input: unknown): ParsedTopics {
  const { valid, errors } = parseBatch(input, parseTopic, "topics");
  return { topics: valid, errors };
}
