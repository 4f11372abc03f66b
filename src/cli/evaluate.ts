/**
 * `city-difference evaluate`: how well relevance scores rank the members of
 * membership lists (city networks) above the other cities, beside the
 * baselines, as a table, JSON or CSV.
 *
 * @module
 */
import * as E from "fp-ts/Either";
import type { Estimate } from "../evaluate/bootstrap";
import {
  DEFAULT_MIN_MEMBERS,
  DEFAULT_REPLICATES,
  type EvaluationProgress,
  type EvaluationRow,
  evaluateRelevance,
} from "../evaluate/evaluate";
import type { EvaluationInput, MembershipList } from "../evaluate/input";
import type { Issue } from "../model/errors";
import type { City, Topic } from "../model/schemas";
import { COMMON_HELP } from "./args";
import { defineCommand, seeHelp } from "./command";
import type { Context } from "./context";
import { refused, UsageError } from "./errors";
import {
  CITIES_HELP,
  DEFAULT_SEED,
  FORMAT_OPTIONS,
  file,
  flag,
  INPUT_FORMAT_HELP,
  type OptionValues,
  PLACES_HELP,
  positiveWhole,
  seed,
} from "./options";
import { count, csvRow, fixed2, TableLayout, writeJsonArray } from "./output";
import { type Loaded, loadCities, loadRecords, topicsOrCatalog } from "./records";
import type { Position } from "./scan";

const HELP = `Usage: city-difference evaluate [--cities FILE] [--lists FILE] [options]

Without --cities and --lists, evaluates the shipped city networks on the
gazetteer (observedEngagement() of city-difference/networks); --lists alone
evaluates your lists over the gazetteer's places (ids geonames:N).

Measures how well the relevance score ranks the members of each membership
list (a city network) above the other cities of the list's scope: per list
and topic, ROC AUC, average precision and precision at k with seeded
bootstrap 95% intervals, the same for the population and random baselines,
and specificity (members of this list against members of the other lists).
docs/validation.md says what each figure means.

Options:
${CITIES_HELP}
                         (default: the gazetteer's places)
      --lists FILE       the membership lists, records { id, topicIds, memberIds,
                         scopeCountries? } (CSV: lists in cells separated by ;)
      --topics FILE      the topics (default: the built-in catalog)
      --replicates N     bootstrap replicates per list (default ${DEFAULT_REPLICATES})
      --seed N           seed of the bootstrap and the random baseline (default ${DEFAULT_SEED})
      --min-members N    fewest members and non-members in scope to measure a
                         list (default ${DEFAULT_MIN_MEMBERS})
      --format FORMAT    table (default), json (one object per row, as
                         evaluateRelevance returns it) or csv (one line per row)
${INPUT_FORMAT_HELP}
${PLACES_HELP}
${COMMON_HELP}

Progress goes to stderr after each list (turn it off with --quiet).

Exit status: 0 every record valid, 1 some records invalid (reported on stderr;
the valid ones are evaluated, members naming no valid city left out), 2 usage
error or unreadable input.

Examples:
  city-difference evaluate --cities cities.json --lists networks.json
  city-difference evaluate --cities cities.csv --lists lists.csv --format csv > rows.csv`;

/** An estimate as a table cell: `0.64 [0.57, 0.70]`. */
function withInterval(estimate: Estimate | null): string {
  if (estimate === null) return "—";
  return `${fixed2(estimate.estimate)} [${fixed2(estimate.low)}, ${fixed2(estimate.high)}]`;
}

const TABLE_COLUMNS = [
  { header: "list", maxWidth: 30 },
  { header: "topic", maxWidth: 28 },
  { header: "members / cities", align: "right" },
  { header: "AUC [95% interval]" },
  { header: "population AUC" },
  { header: "AUC − population" },
  { header: "specificity" },
  { header: "avg precision" },
] as const;

function tableRow(row: EvaluationRow): string[] {
  const size = `${row.members} / ${row.cities}`;
  if (row.status === "not-measured")
    return [row.listId, row.topicId, size, `not measured: ${row.reason}`, "", "", "", ""];
  return [
    row.listId,
    row.topicId,
    size,
    withInterval(row.auc),
    withInterval(row.baselines.population.auc),
    withInterval(row.aucOverPopulation),
    withInterval(row.specificity),
    withInterval(row.averagePrecision),
  ];
}

const ESTIMATES = [
  "auc",
  "averagePrecision",
  "precisionAtK",
  "specificity",
  "aucOverPopulation",
  "population.auc",
  "population.averagePrecision",
  "population.precisionAtK",
  "population.specificity",
  "random.auc",
  "random.averagePrecision",
  "random.precisionAtK",
  "random.specificity",
] as const;

/** The CSV header: identity and counts, then each estimate with its interval's ends. */
const CSV_HEADER = [
  "listId",
  "topicId",
  "status",
  "reason",
  "cities",
  "members",
  "membersOutOfScope",
  "unknownPopulation",
  "specificityOthers",
  ...ESTIMATES.flatMap((name) => [name, `${name}.low`, `${name}.high`]),
];

function estimateOf(row: EvaluationRow, name: (typeof ESTIMATES)[number]): Estimate | null {
  if (row.status !== "measured") return null;
  switch (name) {
    case "auc":
    case "averagePrecision":
    case "precisionAtK":
    case "specificity":
    case "aucOverPopulation":
      return row[name];
    default: {
      const [baseline, metric] = name.split(".") as ["population" | "random", "auc"];
      return row.baselines[baseline][metric];
    }
  }
}

function csvLine(row: EvaluationRow): string {
  const measured = row.status === "measured";
  return csvRow([
    row.listId,
    row.topicId,
    row.status,
    row.status === "not-measured" ? row.reason : (row.specificityReason ?? ""),
    row.cities,
    row.members,
    row.membersOutOfScope,
    row.unknownPopulation,
    measured ? row.specificityOthers : undefined,
    ...ESTIMATES.flatMap((name) => {
      const estimate = estimateOf(row, name);
      return estimate === null
        ? [undefined, undefined, undefined]
        : [estimate.estimate, estimate.low, estimate.high];
    }),
  ]);
}

/** What was evaluated, and how: for the table's first line. */
interface Evaluation {
  readonly rows: readonly EvaluationRow[];
  readonly lists: number;
  readonly cities: number;
  readonly replicates: number;
  readonly seed: number;
}

/** A line on what was evaluated, then one row per list and topic. */
async function writeTable(evaluation: Evaluation, context: Context): Promise<void> {
  const out = context.stdout;
  const { lists, cities, replicates, seed } = evaluation;
  await out.write(
    `${count(lists)} lists over ${count(cities)} cities; figures with bootstrap 95% intervals (${count(replicates)} replicates, seed ${seed}); --format csv or json gives every figure\n\n`,
  );
  const cells = evaluation.rows.map(tableRow);
  const layout = new TableLayout(TABLE_COLUMNS, cells, context.width);
  await out.write(layout.header());
  for (const row of cells) await out.write(layout.row(row));
}

/** One line per row, every estimate with its interval's ends. */
async function writeCsv({ rows }: Evaluation, context: Context): Promise<void> {
  await context.stdout.write(csvRow(CSV_HEADER));
  for (const row of rows) await context.stdout.write(csvLine(row));
}

/** The rows exactly as `evaluateRelevance` returns them. */
function writeJson({ rows }: Evaluation, context: Context): Promise<void> {
  return writeJsonArray(context.stdout, rows);
}

/** The shipped networks on the gazetteer, loaded only when no --lists is given. */
async function shippedInput() {
  const { observedEngagement } = await import("../networks/index");
  return observedEngagement();
}

/**
 * Drops the references of the lists that name no valid city or topic,
 * reporting each at its list's line (exit 1); the rest is evaluated.
 */
function checkedLists(
  lists: Loaded<MembershipList>,
  cities: readonly City[],
  topics: readonly Topic[],
  context: Context,
): MembershipList[] {
  const cityIds = new Set(cities.map((city) => city.id));
  const topicIds = new Set(topics.map((topic) => topic.id));
  const kept: MembershipList[] = [];
  lists.records.forEach((list, index) => {
    const issues: Issue[] = [];
    const memberIds = list.memberIds.filter((id, m) => {
      if (cityIds.has(id)) return true;
      issues.push({ path: ["memberIds", m], message: `names no valid city: "${id}"; left out` });
      return false;
    });
    const listTopics = list.topicIds.filter((id, t) => {
      if (topicIds.has(id)) return true;
      issues.push({ path: ["topicIds", t], message: `names no topic: "${id}"; left out` });
      return false;
    });
    if (listTopics.length === 0)
      issues.push({ path: ["topicIds"], message: "names no known topic; the list is left out" });
    if (issues.length > 0)
      context.diagnostics.invalidRecord(lists.name, lists.positions[index] as Position, issues);
    if (listTopics.length > 0) kept.push({ ...list, memberIds, topicIds: listTopics });
  });
  return kept;
}

const OPTIONS = {
  ...FORMAT_OPTIONS,
  replicates: positiveWhole,
  "min-members": positiveWhole,
  seed,
  cities: file,
  lists: file,
  places: flag,
  topics: file,
};

/**
 * The cities, topics and lists to evaluate: from the files given, else the
 * shipped networks on the gazetteer (`--lists` alone: your lists over the
 * gazetteer's places).
 */
async function readInput(
  options: OptionValues<typeof OPTIONS>,
  context: Context,
): Promise<EvaluationInput> {
  if (options.cities !== undefined && options.lists === undefined) {
    throw new UsageError(
      "evaluate: name the membership lists with --lists FILE (without --cities and --lists, the shipped networks are evaluated)",
      [seeHelp("evaluate")],
    );
  }
  const shipped =
    options.cities === undefined || options.lists === undefined ? await shippedInput() : undefined;
  const topics =
    options.topics === undefined && shipped !== undefined
      ? shipped.topics
      : await topicsOrCatalog(options.topics, options, context);
  const cities =
    options.cities === undefined
      ? (shipped?.cities ?? [])
      : (await loadCities(options.cities, options, context)).records;
  const lists =
    options.lists === undefined
      ? (shipped?.lists ?? [])
      : checkedLists(
          await loadRecords(options.lists, "lists", options, context),
          cities,
          topics,
          context,
        );
  if (lists.length === 0) throw new UsageError("evaluate: no valid membership list to evaluate");
  return { cities, topics, lists };
}

/** `evaluate`: see {@link HELP}. */
export const evaluateCommand = defineCommand({
  name: "evaluate",
  synopsis: "[--cities FILE] [--lists FILE] [--topics FILE]",
  summary: "measure how well scores rank the members of city networks, against baselines",
  help: HELP,
  options: OPTIONS,
  positionals: {},
  async run(options, context): Promise<Evaluation> {
    const input = await readInput(options, context);
    const { replicates = DEFAULT_REPLICATES, seed } = options;
    const result = evaluateRelevance(input, {
      replicates,
      ...(options["min-members"] === undefined ? {} : { minMembers: options["min-members"] }),
      seed,
      onProgress: (progress: EvaluationProgress) =>
        context.diagnostics.progress(
          `evaluated list ${progress.done} of ${progress.total} (${progress.listId})`,
        ),
    });
    if (E.isLeft(result)) throw refused("evaluate", result.left);
    const { cities, lists } = input;
    return {
      rows: result.right.rows,
      lists: lists.length,
      cities: cities.length,
      replicates,
      seed,
    };
  },
  write: { table: writeTable, csv: writeCsv, json: writeJson },
});
