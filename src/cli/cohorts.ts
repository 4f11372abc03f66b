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
import { COMMON_HELP } from "./args";
import { defineCommand } from "./command";
import { type Context, PROGRESS_EVERY } from "./context";
import { refused, UsageError } from "./errors";
import {
  CITIES_HELP,
  CITIES_OPTIONS,
  DEFAULT_SEED,
  FORMAT_OPTIONS,
  INPUT_FORMAT_HELP,
  MAX_SEED,
  PLACES_HELP,
  seed,
  wholeNumberFrom,
} from "./options";
import { count, csvRow, fixed2, labelled, plural, wrap } from "./output";
import { loadCities } from "./records";

const HELP = `Usage: city-difference cohorts --cities FILE [options]

Groups the valid cities of FILE into cohorts of alike profiles (formCohorts:
k-medoids on the Gower distance between profiles). Each cohort comes with its
medoid (its most typical member), its mean silhouette (from -1 to 1: how much
nearer its members are to each other than to the next cohort) and a
description of what sets it apart. Invalid records are reported on stderr as
FILE:LINE: field.path: message, and the valid ones are still grouped.

Options:
${CITIES_HELP}
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
${INPUT_FORMAT_HELP}
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

/** The cohorts formed, and what they were formed from. */
interface Cohorts {
  readonly result: CohortResult;
  /** The number of valid cities grouped. */
  readonly cities: number;
  /** The `--k` given, if any. */
  readonly k: number | undefined;
  readonly seed: number;
}

/** One block per cohort, after how k came about and the figures of the whole. */
async function writeTable(cohorts: Cohorts, context: Context): Promise<void> {
  const { result, cities, seed } = cohorts;
  const out = context.stdout;
  const { width } = context;
  if (cities === 0) {
    await out.write("0 cities: no cohorts\n");
    return;
  }
  const title = `${plural(cities, "city", "cities")} in ${plural(result.k, "cohort")} (${howChosen(result, cohorts.k)}), seed ${seed}.`;
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

/** One row per city: its cohort, whether it is the medoid, the cohort's silhouette. */
async function writeCsv({ result }: Cohorts, context: Context): Promise<void> {
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

/** The `CohortResult` of `formCohorts`. */
async function writeJson({ result }: Cohorts, context: Context): Promise<void> {
  await context.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

/** `cohorts`: see {@link HELP}. */
export const cohortsCommand = defineCommand({
  name: "cohorts",
  synopsis: "--cities FILE [--places] [--k N] [--seed S]",
  summary: "group the cities of a file into cohorts of alike profiles",
  help: HELP,
  options: { ...FORMAT_OPTIONS, k: wholeNumberFrom(1, MAX_COHORTS), seed, ...CITIES_OPTIONS },
  positionals: { hint: "name the cities file with --cities FILE" },
  async run({ k, seed, ...options }, context): Promise<Cohorts> {
    const { records: cities } = await loadCities(options.cities, options, context);
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
    return { result: formed.right, cities: cities.length, k, seed };
  },
  write: { table: writeTable, csv: writeCsv, json: writeJson },
});
