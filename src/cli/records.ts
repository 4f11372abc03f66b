/**
 * Records validated at the edge: each read record goes through `parseCity` or
 * `parseTopic`; each invalid one is reported with its file and line, and the
 * valid ones are kept in input order.
 *
 * @module
 */

import * as E from "fp-ts/Either";
import { CATALOG } from "../catalog/topics";
import { type MembershipList, parseMembershipList } from "../evaluate/input";
import { firstSeenTracker } from "../internal/ids";
import type { Issue, ValidationError } from "../model/errors";
import { comparableId } from "../model/ids";
import { parseCity, parseTopic } from "../model/parse";
import type { City, Topic } from "../model/schemas";
import { headerReader, kindOfFields, type RecordKind } from "./columns";
import { type Context, MAX_REPORTED_RECORDS, PROGRESS_EVERY } from "./context";
import { UsageError } from "./errors";
import { type InputFormat, openInput, readRecords } from "./input";
import { count } from "./output";
import type { Position } from "./scan";

/** An invalid record: where it starts and what is wrong. */
export interface RecordProblem extends Position {
  readonly issues: readonly Issue[];
}

/** What was read from one file. */
export interface Loaded<T> {
  /** The file as named in messages. */
  readonly name: string;
  readonly kind: RecordKind;
  /** The valid records, in input order (empty when not kept). */
  readonly records: readonly T[];
  /** Where each kept record starts, in the same order. */
  readonly positions: readonly Position[];
  /** Records read, valid or not. */
  readonly total: number;
  /** How many records were invalid. */
  readonly invalid: number;
  /**
   * The first {@link MAX_REPORTED_RECORDS} invalid records (each already
   * reported on stderr); the rest are only counted in `invalid`, so that
   * memory stays flat however many records are bad.
   */
  readonly problems: readonly RecordProblem[];
}

/** How to read a file. */
export interface LoadOptions {
  /** Overrides the format told from the file name. */
  readonly format?: InputFormat | undefined;
  /** Keep the valid records (`validate` only counts them). */
  readonly keep?: boolean;
  /** Read cities as places named by name and country, looked up in the gazetteer (`--places`). */
  readonly places?: boolean;
}

type Parse = (input: unknown) => E.Either<ValidationError, { readonly id: string }>;

const PARSERS: Readonly<Record<Exclude<RecordKind, "places">, Parse>> = {
  cities: parseCity,
  topics: parseTopic,
  lists: parseMembershipList,
};

/** How records of a kind are checked, and how a repeated id is worded. */
interface Checker {
  readonly parse: (kind: RecordKind) => Parse;
  readonly repeated: (id: string, first: string) => string;
}

/** The checker for `kind`; the gazetteer is loaded only to read places. */
async function checkerFor(kind: RecordKind | "auto"): Promise<Checker> {
  if (kind === "places") {
    const { cityFromPlaceRecord, repeatedIdMessage } = await import("../places/records");
    return { parse: () => cityFromPlaceRecord, repeated: repeatedIdMessage };
  }
  return {
    parse: (resolved) => PARSERS[resolved === "places" ? "cities" : resolved],
    repeated: (id, first) => `repeats the id "${id}" of the record at ${first}`,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads and validates the records of `file` as `kind` (`"auto"`: topics when
 * the first record, or the CSV header, has `themes` or `demands`, else
 * cities; `"places"`: cities looked up by name and country in the
 * gazetteer, see `cityFromPlaceRecord`). Unreadable input throws a `UsageError`; invalid records are
 * reported on stderr as they are met, and counted.
 */
export async function loadRecords(
  file: string,
  kind: RecordKind | "auto",
  options: LoadOptions,
  context: Context,
): Promise<Loaded<unknown>> {
  const input = await openInput(file, options.format);
  const checker = await checkerFor(kind);
  const { diagnostics } = context;
  let resolved: RecordKind | undefined = kind === "auto" ? undefined : kind;
  const records: unknown[] = [];
  const positions: Position[] = [];
  const problems: RecordProblem[] = [];
  /** Where each id (compared trimmed and NFC) was first seen, as `line N` or `line N, column C`. */
  const firstSeenAt = firstSeenTracker<string, string>();
  let total = 0;
  let invalid = 0;

  const report = (at: Position, issues: readonly Issue[]) => {
    invalid += 1;
    if (problems.length < MAX_REPORTED_RECORDS) problems.push({ ...at, issues });
    diagnostics.invalidRecord(input.name, at, issues);
  };

  const onHeader = (header: readonly string[], where: string) => {
    resolved ??= kindOfFields(header);
    return headerReader(header, resolved, where);
  };

  for await (const raw of readRecords(input, onHeader)) {
    total += 1;
    if (total % PROGRESS_EVERY === 0) {
      diagnostics.progress(`${input.name}: ${count(total)} records read`);
    }
    if ("problem" in raw) {
      report(raw, [{ path: [], message: raw.problem }]);
      continue;
    }
    resolved ??= isObject(raw.value) ? kindOfFields(Object.keys(raw.value)) : "cities";
    const parsed = checker.parse(resolved)(raw.value);
    if (E.isLeft(parsed)) {
      report(raw, parsed.left.issues);
      continue;
    }
    const id = parsed.right.id;
    const at =
      raw.column === undefined ? `line ${raw.line}` : `line ${raw.line}, column ${raw.column}`;
    const first = firstSeenAt(comparableId(id), at);
    if (first !== undefined) {
      report(raw, [{ path: ["id"], message: checker.repeated(id, first) }]);
      continue;
    }
    if (options.keep !== false) {
      records.push(parsed.right);
      positions.push(
        raw.column === undefined ? { line: raw.line } : { line: raw.line, column: raw.column },
      );
    }
  }
  if (total >= PROGRESS_EVERY) {
    diagnostics.progress(`${input.name}: ${count(total)} records read, ${count(invalid)} invalid`);
  }
  return {
    name: input.name,
    kind: resolved ?? "cities",
    records,
    positions,
    total,
    invalid,
    problems,
  };
}

/** The valid cities of `file`. */
export async function loadCities(
  file: string,
  options: LoadOptions,
  context: Context,
): Promise<Loaded<City>> {
  const kind = options.places === true ? "places" : "cities";
  return (await loadRecords(file, kind, options, context)) as Loaded<City>;
}

/** The valid membership lists of `file`. */
export async function loadLists(
  file: string,
  options: LoadOptions,
  context: Context,
): Promise<Loaded<MembershipList>> {
  return (await loadRecords(file, "lists", options, context)) as Loaded<MembershipList>;
}

/** The valid topics of `file`. */
export async function loadTopics(
  file: string,
  options: LoadOptions,
  context: Context,
): Promise<Loaded<Topic>> {
  return (await loadRecords(file, "topics", options, context)) as Loaded<Topic>;
}

/**
 * The topics to score against: the valid topics of `file`, or the built-in
 * catalog when no file is given. A file without a single valid topic is a
 * usage error: there is nothing to score against.
 */
export async function topicsOrCatalog(
  file: string | undefined,
  options: LoadOptions,
  context: Context,
): Promise<readonly Topic[]> {
  if (file === undefined) return CATALOG;
  const loaded = await loadTopics(file, options, context);
  if (loaded.records.length === 0) {
    throw new UsageError(
      `${loaded.name}: no valid topics to score against (${count(loaded.total)} records read)`,
    );
  }
  return loaded.records;
}
