/**
 * The cities and topics handed to the grouping functions, read once at the
 * boundary. These functions take typed values, but plain JavaScript callers
 * and data that crossed a network pass `null`, getters that throw or revoked
 * proxies all the same: each list is read into a snapshot first, so that such
 * a value is a `Left` naming its place, never a `TypeError`.
 *
 * @module
 */
import * as E from "fp-ts/Either";
import {
  describeValue,
  type Issue,
  type PathSegment,
  type ValidationError,
  validationError,
} from "../model/errors";
import { boundIssues } from "../model/parse";
import { readEntries, refusedListMessage, snapshot } from "../model/read";
import type { City, Topic } from "../model/schemas";
import { repeatedIds } from "./ids";

/** How a list is named in messages, and where its issues are put. */
interface ListName {
  /** Its plural, in messages: "cities". */
  readonly plural: string;
  /** Its singular, in messages: "city". */
  readonly singular: string;
  /** The path its issues start with: `[]` for the main list of a function, `["topics"]` for a second one. */
  readonly at: readonly PathSegment[];
}

/**
 * Reads a list of records that must each be an object with a non-empty
 * string `id`, no two ids the same (see `repeatedIds`).
 * Returns snapshots of the records; issues are bounded like any parse.
 */
function readRecords<T extends { readonly id: string }>(
  list: unknown,
  name: ListName,
): E.Either<ValidationError, readonly T[]> {
  const entries = readEntries(list);
  if (E.isLeft(entries)) {
    const message = refusedListMessage(entries.left, name.plural, list);
    return E.left(validationError([{ path: [...name.at], message }]));
  }
  const records: T[] = [];
  const issues: Issue[] = [];
  for (let index = 0; index < entries.right.length; index++) {
    const read = E.chain(snapshot)(entries.right.at(index));
    if (E.isLeft(read)) {
      for (const issue of read.left.issues)
        issues.push({ ...issue, path: [...name.at, index, ...issue.path] });
      continue;
    }
    const record = read.right;
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
      issues.push({
        path: [...name.at, index],
        message: `must be a ${name.singular} object; got ${describeValue(record)}`,
      });
      continue;
    }
    const id = (record as { id?: unknown }).id;
    if (typeof id !== "string" || id.trim() === "") {
      issues.push({
        path: [...name.at, index, "id"],
        message: `must be a non-empty string; got ${describeValue(id)}`,
      });
      continue;
    }
    records.push(record as T);
  }
  if (issues.length === 0) {
    for (const issue of repeatedIds(records, name.singular))
      issues.push({ ...issue, path: [...name.at, ...issue.path] });
  }
  return issues.length > 0 ? E.left(validationError(boundIssues(issues))) : E.right(records);
}

/**
 * The cities of a grouping function, read once: `Left` when the list is not
 * an array, an entry cannot be read or is not an object with an id, or two
 * ids are the same; city issues are at `[index, …]`.
 */
export function readCities(cities: unknown): E.Either<ValidationError, readonly City[]> {
  return readRecords<City>(cities, { plural: "cities", singular: "city", at: [] });
}

/** The topics of a grouping function, read once like {@link readCities}; issues at `["topics", index, …]`. */
export function readTopics(topics: unknown): E.Either<ValidationError, readonly Topic[]> {
  return readRecords<Topic>(topics, { plural: "topics", singular: "topic", at: ["topics"] });
}
