/**
 * `city-difference score --cities FILE`: every valid city of a file scored on
 * every topic of the catalog (or a topic file), through the compiled matrix.
 *
 * @module
 */
import { topIndexes } from "../internal/order";
import type { City, Topic } from "../model/schemas";
import { scoreMatrix } from "../score/scorer";
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
import { count, csvRow, fixed2, JsonArrayWriter, type OutputFormat, TableLayout } from "./output";
import { loadCities, topicsOrCatalog } from "./records";

/** Topics shown per city in the table; CSV and JSON give every score. */
const TABLE_TOPICS = 3;

const HELP = `Usage: city-difference score --cities FILE [options]

Scores every valid city of FILE on every topic of the built-in catalog (or of
--topics FILE). Invalid records are reported on stderr as FILE:LINE:
field.path: message, and the valid ones are still scored.

Options:
      --cities FILE      the cities: .json, .ndjson/.jsonl or .csv; - reads stdin
      --topics FILE      the topics to score on (default: the built-in catalog)
      --format FORMAT    table: each city's ${TABLE_TOPICS} most relevant topics (default);
                         csv: one row per city, one column per topic id;
                         json: an array of { cityId, name, country, scores }
${FORMAT_HELP.input}
${PLACES_HELP}
${COMMON_HELP}

Progress goes to stderr every ${count(PROGRESS_EVERY)} cities for files of more than
${count(PROGRESS_EVERY)} (turn it off with --quiet).

Exit status: 0 every record valid, 1 some records invalid (the valid ones are
scored), 2 usage error or unreadable input.

Examples:
  city-difference score --cities cities.csv --format csv > scores.csv
  city-difference score --cities cities.ndjson --topics topics.json --format json
  city-difference score --places --cities members.csv   # rows of name,country`;

/** A row's best `n` topics with their scores, highest first, ties by topic id. */
function bestTopics(row: Float64Array, topicIds: readonly string[], n: number): string {
  return topIndexes(row, topicIds, n)
    .map((j) => `${topicIds[j]} ${fixed2(row[j] as number)}`)
    .join(", ");
}

const TABLE_COLUMNS = [
  { header: "city", maxWidth: 28 },
  { header: "name", maxWidth: 24 },
  { header: "country" },
  { header: "most relevant topics (score)" },
] as const;

/** Scores the cities a block at a time and streams each block out. */
async function writeScores(
  cities: readonly City[],
  topics: readonly Topic[],
  format: OutputFormat,
  context: Context,
): Promise<void> {
  const out = context.stdout;
  const topicIds = topics.map((topic) => topic.id);
  const columns = topicIds.length;
  const json = new JsonArrayWriter(out);
  let layout: TableLayout | undefined;
  if (format === "csv")
    await out.write(csvRow(["cityId", "name", "country", ...topicIds], context.csv));
  if (format === "table") {
    await out.write(
      `${count(cities.length)} cities scored on ${count(columns)} topics; the ${TABLE_TOPICS} most relevant for each (--format csv or json gives every score)\n\n`,
    );
  }
  for (let start = 0; start < cities.length; start += PROGRESS_EVERY) {
    const block = cities.slice(start, start + PROGRESS_EVERY);
    const { scores } = scoreMatrix(block, topics);
    const rowOf = (i: number) => scores.subarray(i * columns, (i + 1) * columns);
    if (format === "table") {
      const rows = block.map((city, i) => [
        city.id,
        city.name,
        city.country,
        bestTopics(rowOf(i), topicIds, TABLE_TOPICS),
      ]);
      if (layout === undefined) {
        // Column widths from the first block: the table streams, so later rows are cut to fit.
        layout = new TableLayout(TABLE_COLUMNS, rows, context.width);
        await out.write(layout.header());
      }
      for (const row of rows) await out.write(layout.row(row));
    } else {
      for (let i = 0; i < block.length; i++) {
        const city = block[i] as City;
        const row = Array.from(rowOf(i));
        if (format === "csv") {
          await out.write(csvRow([city.id, city.name, city.country, ...row], context.csv));
        } else {
          // fromEntries defines own keys, so even a topic id "__proto__" is kept.
          const byTopic = Object.fromEntries(topicIds.map((id, j) => [id, row[j]]));
          await json.item({
            cityId: city.id,
            name: city.name,
            country: city.country,
            scores: byTopic,
          });
        }
      }
    }
    const done = Math.min(start + PROGRESS_EVERY, cities.length);
    context.diagnostics.progressOf(done, cities.length, "cities scored");
  }
  if (format === "table" && layout === undefined) {
    await out.write(new TableLayout(TABLE_COLUMNS, [], context.width).header());
  }
  if (format === "json") await json.close();
}

/** `score`: see {@link HELP}. */
export const scoreCommand: Command = {
  name: "score",
  synopsis: "--cities FILE [--places] [--topics FILE]",
  summary: "score every city of a file on every topic (JSON, NDJSON or CSV)",
  help: HELP,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs("score", args, {
      cities: { type: "string" },
      topics: { type: "string" },
      format: { type: "string" },
      "input-format": { type: "string" },
      places: { type: "boolean" },
    });
    const format = outputFormat("score", values.format);
    const override = inputFormat("score", values["input-format"]);
    if (positionals.length > 0) {
      throw new UsageError(
        `score: unexpected argument "${positionals[0]}"; name the cities file with --cities FILE`,
        ["see: city-difference score --help"],
      );
    }
    if (values.cities === undefined) {
      throw new UsageError("score: name the cities file with --cities FILE", [
        "see: city-difference score --help",
      ]);
    }
    const topics = await topicsOrCatalog(values.topics, { format: override }, context);
    const cities = await loadCities(
      values.cities,
      { format: override, places: values.places === true },
      context,
    );
    await writeScores(cities.records, topics, format, context);
    return context.diagnostics.invalid > 0 ? EXIT.invalidRecords : EXIT.ok;
  },
};
