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
import type { MembershipList } from "../evaluate/input";
import { formatValidationError, type Issue } from "../model/errors";
import type { City, Topic } from "../model/schemas";
import {
  COMMON_HELP,
  FORMAT_HELP,
  inputFormat,
  outputFormat,
  PLACES_HELP,
  parseCommandArgs,
  positiveInteger,
} from "./args";
import type { Command } from "./command";
import type { Context } from "./context";
import { EXIT, UsageError } from "./errors";
import { count, csvRow, fixed2, JsonArrayWriter, type OutputFormat, TableLayout } from "./output";
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
      --cities FILE      the cities: .json, .ndjson/.jsonl or .csv; - reads stdin
                         (default: the gazetteer's places)
      --lists FILE       the membership lists, records { id, topicIds, memberIds,
                         scopeCountries? } (CSV: lists in cells separated by ;)
      --topics FILE      the topics (default: the built-in catalog)
      --replicates N     bootstrap replicates per list (default ${DEFAULT_REPLICATES})
      --seed N           seed of the bootstrap and the random baseline (default 1)
      --min-members N    fewest members and non-members in scope to measure a
                         list (default ${DEFAULT_MIN_MEMBERS})
      --format FORMAT    table (default), json (one object per row, as
                         evaluateRelevance returns it) or csv (one line per row)
${FORMAT_HELP.input}
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

async function writeRows(
  rows: readonly EvaluationRow[],
  format: OutputFormat,
  context: Context,
): Promise<void> {
  const out = context.stdout;
  if (format === "json") {
    const json = new JsonArrayWriter(out);
    for (const row of rows) await json.item(row);
    await json.close();
    return;
  }
  if (format === "csv") {
    await out.write(csvRow(CSV_HEADER));
    for (const row of rows) await out.write(csvLine(row));
    return;
  }
  const cells = rows.map(tableRow);
  const layout = new TableLayout(TABLE_COLUMNS, cells, context.width);
  await out.write(layout.header());
  for (const row of cells) await out.write(layout.row(row));
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

/** `evaluate`: see {@link HELP}. */
export const evaluateCommand: Command = {
  name: "evaluate",
  synopsis: "[--cities FILE] [--lists FILE] [--topics FILE]",
  summary: "measure how well scores rank the members of city networks, against baselines",
  help: HELP,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs("evaluate", args, {
      cities: { type: "string" },
      lists: { type: "string" },
      topics: { type: "string" },
      replicates: { type: "string" },
      seed: { type: "string" },
      "min-members": { type: "string" },
      format: { type: "string" },
      "input-format": { type: "string" },
      places: { type: "boolean" },
    });
    const format = outputFormat("evaluate", values.format);
    const override = inputFormat("evaluate", values["input-format"]);
    const replicates = positiveInteger("evaluate", "replicates", values.replicates);
    const minMembers = positiveInteger("evaluate", "min-members", values["min-members"]);
    const seed = seedOption(values.seed);
    if (positionals.length > 0) {
      throw new UsageError(`evaluate: unexpected argument "${positionals[0]}"`, [
        "see: city-difference evaluate --help",
      ]);
    }
    if (values.cities !== undefined && values.lists === undefined) {
      throw new UsageError(
        "evaluate: name the membership lists with --lists FILE (without --cities and --lists, the shipped networks are evaluated)",
        ["see: city-difference evaluate --help"],
      );
    }
    const shipped =
      values.cities === undefined || values.lists === undefined ? await shippedInput() : undefined;
    const topics =
      values.topics === undefined && shipped !== undefined
        ? shipped.topics
        : await topicsOrCatalog(values.topics, { format: override }, context);
    const cities =
      values.cities === undefined
        ? (shipped?.cities ?? [])
        : (
            await loadCities(
              values.cities,
              { format: override, places: values.places === true },
              context,
            )
          ).records;
    const lists =
      values.lists === undefined
        ? (shipped?.lists ?? [])
        : checkedLists(
            await loadRecords(values.lists, "lists", { format: override }, context),
            cities,
            topics,
            context,
          );
    if (lists.length === 0) throw new UsageError("evaluate: no valid membership list to evaluate");

    const result = evaluateRelevance(
      { cities, topics, lists },
      {
        ...(replicates === undefined ? {} : { replicates }),
        ...(minMembers === undefined ? {} : { minMembers }),
        ...(seed === undefined ? {} : { seed }),
        onProgress: (progress: EvaluationProgress) =>
          context.diagnostics.progress(
            `evaluated list ${progress.done} of ${progress.total} (${progress.listId})`,
          ),
      },
    );
    if (E.isLeft(result)) {
      throw new UsageError(`evaluate: ${formatValidationError(result.left)}`);
    }
    if (format === "table") {
      await context.stdout.write(
        `${count(lists.length)} lists over ${count(cities.length)} cities; figures with bootstrap 95% intervals (${count(replicates ?? DEFAULT_REPLICATES)} replicates, seed ${seed ?? 1}); --format csv or json gives every figure\n\n`,
      );
    }
    await writeRows(result.right.rows, format, context);
    return context.diagnostics.invalid > 0 ? EXIT.invalidRecords : EXIT.ok;
  },
};

/** The `--seed` option: an unsigned 32-bit integer. */
function seedOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim()) && Number(value) <= 0xffffffff) return Number(value);
  throw new UsageError(
    `evaluate: --seed must be a whole number from 0 to 4294967295; got "${value}"`,
  );
}
