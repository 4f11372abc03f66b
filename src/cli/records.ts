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
import { headerReader, kindOfFields, type RecordKind, type RowReader } from "./columns";
import { type Context, type Diagnostics, MAX_REPORTED_RECORDS, PROGRESS_EVERY } from "./context";
import { UsageError } from "./errors";
import { type InputFormat, openInput, type RawRecord, readRecords } from "./input";
import { count } from "./output";
import type { Position } from "./scan";

/** An invalid record: where it starts and what is wrong. */
export interface RecordProblem extends Position {
  readonly issues: readonly Issue[];
}

/**
 * The tally of one file, all `validate` reports: how many records were read
 * and which were invalid.
 */
export interface Tally {
  /** The file as named in messages. */
  readonly name: string;
  readonly kind: RecordKind;
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

/** What was read from one file: its tally, and the valid records. */
export interface Loaded<T> extends Tally {
  /** The valid records, in input order (empty when not kept). */
  readonly records: readonly T[];
  /** Where each kept record starts, in the same order. */
  readonly positions: readonly Position[];
}

/** How to read a file: the `--input-format` and `--places` options as the command read them. */
export interface LoadOptions {
  /** Overrides the format told from the file name. */
  readonly "input-format"?: InputFormat | undefined;
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

/** What each kind of file holds once valid (`"auto"`: cities or topics, by the first record). */
export interface RecordOf {
  readonly cities: City;
  readonly places: City;
  readonly topics: Topic;
  readonly lists: MembershipList;
  readonly auto: City | Topic;
}

/** `line N` or `line N, column C`: where a repeated id was first seen. */
function lineAndColumn(at: Position): string {
  return at.column === undefined ? `line ${at.line}` : `line ${at.line}, column ${at.column}`;
}

/**
 * The records of one file as they are read: each checked, each invalid one
 * reported, the valid ones kept (unless only counted) with their positions.
 */
class RecordBatch {
  private resolved: RecordKind | undefined;
  private readonly records: unknown[] = [];
  private readonly positions: Position[] = [];
  private readonly problems: RecordProblem[] = [];
  /** Where each id (compared trimmed and NFC) was first seen. */
  private readonly firstSeenAt = firstSeenTracker<string, string>();
  private total = 0;
  private invalid = 0;

  constructor(
    private readonly name: string,
    kind: RecordKind | "auto",
    private readonly checker: Checker,
    private readonly keep: boolean,
    private readonly diagnostics: Diagnostics,
  ) {
    this.resolved = kind === "auto" ? undefined : kind;
  }

  /** Settles the kind from a CSV header when it is `"auto"`, and checks the header. */
  readonly onHeader = (header: readonly string[], where: string): RowReader => {
    this.resolved ??= kindOfFields(header);
    return headerReader(header, this.resolved, where);
  };

  /** Takes one record as read: kept when valid, reported when not. */
  take(raw: RawRecord): void {
    this.total += 1;
    if (this.total % PROGRESS_EVERY === 0) {
      this.diagnostics.progress(`${this.name}: ${count(this.total)} records read`);
    }
    const checked = this.check(raw);
    if ("issues" in checked) this.report(raw, checked.issues);
    else if (this.keep) {
      this.records.push(checked.record);
      this.positions.push(
        raw.column === undefined ? { line: raw.line } : { line: raw.line, column: raw.column },
      );
    }
  }

  /** The valid record, or why it is not: it cannot be read, is invalid, or repeats an id. */
  private check(
    raw: RawRecord,
  ): { readonly record: unknown } | { readonly issues: readonly Issue[] } {
    if ("problem" in raw) return { issues: [{ path: [], message: raw.problem }] };
    this.resolved ??= isObject(raw.value) ? kindOfFields(Object.keys(raw.value)) : "cities";
    const parsed = this.checker.parse(this.resolved)(raw.value);
    if (E.isLeft(parsed)) return { issues: parsed.left.issues };
    const id = parsed.right.id;
    const first = this.firstSeenAt(comparableId(id), lineAndColumn(raw));
    if (first !== undefined) {
      return { issues: [{ path: ["id"], message: this.checker.repeated(id, first) }] };
    }
    return { record: parsed.right };
  }

  /** What was read, once the file has ended. */
  finish(): Loaded<unknown> {
    const { name, total, invalid } = this;
    if (total >= PROGRESS_EVERY) {
      this.diagnostics.progress(`${name}: ${count(total)} records read, ${count(invalid)} invalid`);
    }
    const { records, positions, problems } = this;
    return { name, kind: this.resolved ?? "cities", records, positions, total, invalid, problems };
  }

  private report(at: Position, issues: readonly Issue[]): void {
    this.invalid += 1;
    if (this.problems.length < MAX_REPORTED_RECORDS) this.problems.push({ ...at, issues });
    this.diagnostics.invalidRecord(this.name, at, issues);
  }
}

/**
 * Reads and validates the records of `file` as `kind` (`"auto"`: topics when
 * the first record, or the CSV header, has `themes` or `demands`, else
 * cities; `"places"`: cities looked up by name and country in the
 * gazetteer, see `cityFromPlaceRecord`). Unreadable input throws a `UsageError`; invalid records are
 * reported on stderr as they are met, and counted.
 */
export async function loadRecords<K extends RecordKind | "auto">(
  file: string,
  kind: K,
  options: LoadOptions,
  context: Context,
): Promise<Loaded<RecordOf[K]>> {
  const input = await openInput(file, options["input-format"]);
  const checker = await checkerFor(kind);
  const batch = new RecordBatch(
    input.name,
    kind,
    checker,
    options.keep !== false,
    context.diagnostics,
  );
  for await (const raw of readRecords(input, batch.onHeader)) batch.take(raw);
  return batch.finish() as Loaded<RecordOf[K]>;
}

/** The valid cities of `file`; with `places`, looked up in the gazetteer by name and country. */
export function loadCities(
  file: string,
  options: LoadOptions,
  context: Context,
): Promise<Loaded<City>> {
  return loadRecords(file, options.places === true ? "places" : "cities", options, context);
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
  const loaded = await loadRecords(file, "topics", options, context);
  if (loaded.records.length === 0) {
    throw new UsageError(
      `${loaded.name}: no valid topics to score against (${count(loaded.total)} records read)`,
    );
  }
  return loaded.records;
}
