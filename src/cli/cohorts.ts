/**
 * `city-difference cohorts --cities FILE`: the valid cities of a file grouped
 * into cohorts of alike profiles (`formCohorts`), each with its medoid, its
 * silhouette and what sets it apart.
 *
 * @module
 */
import * as E from "fp-ts/Either";
import {
  type CohortResult,
  DEFAULT_MAX_K,
  formCohorts,
  MAX_COHORTS,
  PAM_MAX_POINTS,
  SILHOUETTE_EXACT_MAX,
} from "../cohorts/form-cohorts";
import { formatValidationError, type ValidationError } from "../model/errors";
import {
  COMMON_HELP,
  FORMAT_HELP,
  inputFormat,
  outputFormat,
  PLACES_HELP,
  parseCommandArgs,
} from "./args";
import type { Command } from "./command";
import { type Context, PROGRESS_EVERY } from "./context";
import { EXIT, UsageError } from "./errors";
import { count, csvRow, fixed2, type OutputFormat, wrap } from "./output";
import { loadCities } from "./records";

/** The seed `cohorts` and `reflect --suggest` use when none is given. */
export const DEFAULT_SEED = 1;

/** The largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

const HELP = `Usage: city-difference cohorts --cities FILE [options]

Groups the valid cities of FILE into cohorts of alike profiles (formCohorts:
k-medoids on the Gower distance between profiles). Each cohort comes with its
medoid (its most typical member), its mean silhouette (from -1 to 1: how much
nearer its members are to each other than to the next cohort) and a
description of what sets it apart. Invalid records are reported on stderr as
FILE:LINE: field.path: message, and the valid ones are still grouped.

Options:
      --cities FILE      the cities: .json, .ndjson/.jsonl or .csv; - reads stdin
      --k N              exactly N cohorts: 1 to ${MAX_COHORTS}, and at most the number of
                         valid cities (default: the k from 2 to ${DEFAULT_MAX_K} with the
                         highest mean silhouette; one cohort when none shows
                         any grouping)
      --seed S           the random seed, a whole number from 0 to ${MAX_SEED}
                         (default ${DEFAULT_SEED}). The same seed and cities give the same
                         cohorts; the seed matters only above ${count(PAM_MAX_POINTS)} distinct
                         profiles (sampled k-medoids) or ${count(SILHOUETTE_EXACT_MAX)} (sampled
                         silhouettes)
      --format FORMAT    table: one block per cohort, members wrapped (default);
                         json: the CohortResult of formCohorts;
                         csv: one row per city: cityId, cohortId, isMedoid,
                         cohortSilhouette
${FORMAT_HELP.input}
${PLACES_HELP}
${COMMON_HELP}

With more than ${count(PROGRESS_EVERY)} valid cities, a progress line goes to stderr
before the cohorts are formed (turn it off with --quiet).

Exit status: 0 every record valid, 1 some records invalid (the valid ones are
grouped), 2 usage error (such as --k above the number of valid cities) or
unreadable input.

Examples:
  city-difference cohorts --cities cities.csv
  city-difference cohorts --cities cities.ndjson --k 4 --format csv > cohorts.csv
  city-difference cohorts --places --cities members.csv   # rows of name,country`;

// ---------------------------------------------------------------------------
// Options shared with `reflect`

/**
 * `args` with `--option -N` joined into `--option=-N` for the numeric
 * `options`: `util.parseArgs` takes a value starting with `-` for an option,
 * so without this `--seed -1` would read as a missing value rather than as
 * the out-of-range number it is.
 */
export function joinNegativeNumbers(args: readonly string[], options: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    if (arg === "--") {
      out.push(...args.slice(i));
      break;
    }
    if (options.includes(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i += 1;
    } else out.push(arg);
  }
  return out;
}

/** A whole number from `min` to `max` for `--option`, else a one-line {@link UsageError}. */
export function wholeNumber(
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

/** The `--seed` option (default {@link DEFAULT_SEED}). */
export function seedOption(command: string, value: string | undefined): number {
  return wholeNumber(command, "seed", value, 0, MAX_SEED) ?? DEFAULT_SEED;
}

/**
 * A `Left` of a library function the command's own checks should have
 * prevented, as a usage error naming each problem rather than a stack.
 */
export function refused(command: string, error: ValidationError): UsageError {
  const [first, ...rest] = formatValidationError(error).split("\n");
  return new UsageError(`${command}: ${first}`, rest);
}

/** A positional argument where only options belong. */
export function noPositionals(command: string, positionals: readonly string[], hint: string): void {
  if (positionals.length > 0) {
    throw new UsageError(`${command}: unexpected argument "${positionals[0]}"; ${hint}`, [
      `see: city-difference ${command} --help`,
    ]);
  }
}

/** `n things`, singular for one. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** `text` wrapped to `width`, its first line after `label`, the others indented under it. */
export function labelled(label: string, text: string, width: number): string {
  const indent = " ".repeat(label.length);
  return `${wrap(text, Math.max(20, width - label.length))
    .map((line, i) => (i === 0 ? label : indent) + line)
    .join("\n")}\n`;
}

// ---------------------------------------------------------------------------
// Output

/** How k came about, for the table's first line. */
function howChosen(result: CohortResult, given: number | undefined): string {
  if (given !== undefined) return "k given with --k";
  const tried = result.candidates;
  if (tried.length === 0) {
    return "too few cities or distinct profiles to choose k, so one cohort";
  }
  const range = `k = 2 to ${tried[tried.length - 1]?.k}`;
  if (result.k === 1) {
    const best = Math.max(...tried.map((c) => c.silhouette));
    return `no k from ${range.slice(4)} shows any grouping (best mean silhouette ${fixed2(best)}), so one cohort`;
  }
  return `k chosen by the highest mean silhouette of ${range}`;
}

async function writeTable(
  result: CohortResult,
  cities: number,
  given: number | undefined,
  seed: number,
  context: Context,
): Promise<void> {
  const out = context.stdout;
  const { width } = context;
  if (cities === 0) {
    await out.write("0 cities: no cohorts\n");
    return;
  }
  const title = `${plural(cities, "city", "cities")} in ${plural(result.k, "cohort")} (${howChosen(result, given)}), seed ${seed}.`;
  const method =
    result.method === "pam" ? "k-medoids (PAM)" : "sampled k-medoids (CLARA, on the seed)";
  const facts = `Mean silhouette ${fixed2(result.silhouette)} (${result.silhouetteMethod}); ${method} on ${plural(result.distinctProfiles, "distinct profile")}; total distance to the medoids ${fixed2(result.cost)}.`;
  await out.write(`${wrap(title, width).join("\n")}\n${wrap(facts, width).join("\n")}\n`);
  if (result.candidates.length > 0) {
    const tried = result.candidates.map((c) => `${c.k} (${fixed2(c.silhouette)})`).join(", ");
    await out.write(labelled("Mean silhouette by k: ", tried, width));
  }
  for (const cohort of result.cohorts) {
    const size = plural(cohort.memberIds.length, "city", "cities");
    await out.write(
      `\n${cohort.id}: ${size}, silhouette ${fixed2(cohort.silhouette)}, medoid ${cohort.medoidId}\n`,
    );
    await out.write(labelled("  ", cohort.description, width));
    await out.write(labelled("  members: ", cohort.memberIds.join(", "), width));
  }
}

async function writeCsv(result: CohortResult, context: Context): Promise<void> {
  const out = context.stdout;
  await out.write(csvRow(["cityId", "cohortId", "isMedoid", "cohortSilhouette"], context.csv));
  for (const cohort of result.cohorts) {
    for (const id of cohort.memberIds) {
      await out.write(
        csvRow([id, cohort.id, id === cohort.medoidId, cohort.silhouette], context.csv),
      );
    }
  }
}

async function write(
  format: OutputFormat,
  result: CohortResult,
  cities: number,
  given: number | undefined,
  seed: number,
  context: Context,
): Promise<void> {
  if (format === "table") return writeTable(result, cities, given, seed, context);
  if (format === "csv") return writeCsv(result, context);
  await context.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

/** `cohorts`: see {@link HELP}. */
export const cohortsCommand: Command = {
  name: "cohorts",
  synopsis: "--cities FILE [--places] [--k N] [--seed S]",
  summary: "group the cities of a file into cohorts of alike profiles",
  help: HELP,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      "cohorts",
      joinNegativeNumbers(args, ["--k", "--seed"]),
      {
        cities: { type: "string" },
        k: { type: "string" },
        seed: { type: "string" },
        format: { type: "string" },
        "input-format": { type: "string" },
        places: { type: "boolean" },
      },
    );
    const format = outputFormat("cohorts", values.format);
    const override = inputFormat("cohorts", values["input-format"]);
    const k = wholeNumber("cohorts", "k", values.k, 1, MAX_COHORTS);
    const seed = seedOption("cohorts", values.seed);
    noPositionals("cohorts", positionals, "name the cities file with --cities FILE");
    if (values.cities === undefined) {
      throw new UsageError("cohorts: name the cities file with --cities FILE", [
        "see: city-difference cohorts --help",
      ]);
    }
    const { records: cities } = await loadCities(
      values.cities,
      { format: override, places: values.places === true },
      context,
    );
    if (k !== undefined && k > cities.length) {
      throw new UsageError(
        `cohorts: --k must be at most the number of valid cities (${count(cities.length)}); got ${k}`,
      );
    }
    if (cities.length > PROGRESS_EVERY) {
      context.diagnostics.progress(
        `forming cohorts of ${count(cities.length)} cities${k === undefined ? "" : ` (k = ${k})`}`,
      );
    }
    const formed = formCohorts(cities, k === undefined ? { seed } : { k, seed });
    if (E.isLeft(formed)) throw refused("cohorts", formed.left);
    await write(format, formed.right, cities.length, k, seed, context);
    return context.diagnostics.invalid > 0 ? EXIT.invalidRecords : EXIT.ok;
  },
};
