/**
 * The options of the commands, declared once: how `util.parseArgs` reads
 * each, how its value is checked (a plain {@link UsageError} for a bad one),
 * and the help lines of those several commands share. A command lists the
 * options it takes, shared ones and its own, in a table; `command.ts` reads
 * them in the order listed.
 *
 * @module
 */
import { UsageError } from "./errors";
import { INPUT_FORMATS, type InputFormat } from "./input";
import { OUTPUT_FORMATS, type OutputFormat } from "./output";

/** The raw value of an option: a string, `true` for a flag, `undefined` when not given. */
export type RawValue = string | boolean | undefined;

/** A command-line option and the check of its value. */
export interface Option<T> {
  readonly type: "string" | "boolean";
  /**
   * Takes a negative number as its value: `--seed -1` is read as `--seed=-1`
   * (see `joinNegativeNumbers`), so that it is reported as out of range
   * rather than as a missing value.
   */
  readonly negative?: boolean;
  /**
   * Must be given; checked after the other options and the positional
   * arguments, as `name the cities file with --cities FILE`.
   */
  readonly required?: boolean;
  /** The value as the command uses it; a bad one is a {@link UsageError} naming `--name`. */
  read(value: RawValue, name: string, command: string): T;
}

/** A command's options by name (without the `--`). */
export type OptionTable = Readonly<Record<string, Option<unknown>>>;

/** The checked values of a table of options, by name. */
export type OptionValues<O extends OptionTable> = {
  readonly [K in keyof O]: O[K] extends Option<infer T> ? T : never;
};

// ---------------------------------------------------------------------------
// Values

/** `value` when it is one of `choices`, else a {@link UsageError} listing them. */
function choice<const C extends readonly string[]>(
  command: string,
  option: string,
  value: string | undefined,
  choices: C,
): C[number] | undefined {
  if (value === undefined) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as C[number];
  throw new UsageError(
    `${command}: --${option} must be one of ${choices.join(", ")}; got "${value}"`,
  );
}

/** A whole number from `min` to `max` for `--option`, else a one-line {@link UsageError}. */
function wholeNumber(
  command: string,
  option: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  const number = Number(text);
  if (/^\d+$/.test(text) && number >= min && number <= max) return number;
  const range = `a whole number from ${min} to ${max}`;
  if (/^\d+$/.test(text) && number > max) {
    throw new UsageError(`${command}: --${option} must be at most ${max}; got "${value}"`);
  }
  throw new UsageError(`${command}: --${option} must be ${range}; got "${value}"`);
}

/** A whole number of at least 1, for options such as `--top`. */
function positiveInteger(
  command: string,
  option: string,
  value: string | undefined,
): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim()) && Number(value) >= 1 && Number.isSafeInteger(Number(value))) {
    return Number(value);
  }
  throw new UsageError(
    `${command}: --${option} must be a whole number of at least 1; got "${value}"`,
  );
}

// ---------------------------------------------------------------------------
// Kinds of option

/** A file name (or any text) as given; `-` reads stdin where a file is read. */
export const file: Option<string | undefined> = {
  type: "string",
  read: (value) => value as string | undefined,
};

/** A file that must be given: `name the cities file with --cities FILE` otherwise. */
export const requiredFile: Option<string> = {
  type: "string",
  required: true,
  read: (value) => value as string,
};

/** A flag: `true` when given. */
export const flag: Option<boolean> = { type: "boolean", read: (value) => value === true };

/** One of `choices`, when given. */
export function oneOf<const C extends readonly string[]>(
  choices: C,
): Option<C[number] | undefined> {
  return {
    type: "string",
    read: (value, name, command) => choice(command, name, value as string | undefined, choices),
  };
}

/** A whole number from `min` to `max`, when given; `fallback` when not. */
export function wholeNumberFrom(min: number, max: number): Option<number | undefined>;
export function wholeNumberFrom(min: number, max: number, fallback: number): Option<number>;
export function wholeNumberFrom(
  min: number,
  max: number,
  fallback?: number,
): Option<number | undefined> {
  return {
    type: "string",
    negative: true,
    read: (value, name, command) =>
      wholeNumber(command, name, value as string | undefined, min, max) ?? fallback,
  };
}

/** A whole number of at least 1, when given. */
export const positiveWhole: Option<number | undefined> = {
  type: "string",
  read: (value, name, command) => positiveInteger(command, name, value as string | undefined),
};

// ---------------------------------------------------------------------------
// Options several commands share

/** The seed `cohorts`, `reflect --suggest` and `evaluate` use when none is given. */
export const DEFAULT_SEED = 1;

/** The largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

/** `--seed S`: a whole number from 0 to {@link MAX_SEED}, default {@link DEFAULT_SEED}. */
export const seed = wholeNumberFrom(0, MAX_SEED, DEFAULT_SEED);

/** `--format FORMAT`: table (the default), json or csv. Every command takes it. */
export const format: Option<OutputFormat> = {
  type: "string",
  read: (value, name, command) =>
    choice(command, name, value as string | undefined, OUTPUT_FORMATS) ?? "table",
};

/** `--input-format F`: read input files as F whatever their names. */
export const inputFormat: Option<InputFormat | undefined> = oneOf(INPUT_FORMATS);

/**
 * The options of a command that writes a result and reads files: `--format`
 * and `--input-format`, checked first, in this order.
 */
export const FORMAT_OPTIONS = { format, "input-format": inputFormat } as const;

/** The options of a command that reads a cities file: `--cities FILE` (required) and `--places`. */
export const CITIES_OPTIONS = { cities: requiredFile, places: flag } as const;

// ---------------------------------------------------------------------------
// Help

/** The help line of `--input-format F`. */
export const INPUT_FORMAT_HELP =
  "      --input-format F   json, ndjson or csv: read input files as F whatever their names";

/** The help line of `--cities FILE`. */
export const CITIES_HELP =
  "      --cities FILE      the cities: .json, .ndjson/.jsonl or .csv; - reads stdin";

/**
 * Help lines for `--places` (score, cohorts, reflect, validate, evaluate):
 * the cities file names places, looked up in the gazetteer.
 */
export const PLACES_HELP = `      --places           the cities file names places: each record's name and
                         country (id optional) are looked up among the GeoNames
                         places of 100,000 people or more, and the city gets
                         every field the gazetteer knows; fields the record
                         gives win. A name that matches no place, or several,
                         is reported at its line with suggestions or candidates`;
