/**
 * `city-difference score --cities FILE`: every valid city of a file scored on
 * every topic of the catalog (or a topic file), through the compiled matrix.
 *
 * @module
 */
import { topIndexes } from "../internal/order";
import type { City, Topic } from "../model/schemas";
import { scoreMatrix } from "../score/scorer";
import { COMMON_HELP } from "./args";
import { defineCommand } from "./command";
import { type Context, PROGRESS_EVERY } from "./context";
import {
  CITIES_HELP,
  CITIES_OPTIONS,
  FORMAT_OPTIONS,
  file,
  INPUT_FORMAT_HELP,
  PLACES_HELP,
} from "./options";
import { count, csvRow, fixed2, TableLayout, writeJsonArray } from "./output";
import { loadCities, topicsOrCatalog } from "./records";

/** Topics shown per city in the table; CSV and JSON give every score. */
const TABLE_TOPICS = 3;

const HELP = `Usage: city-difference score --cities FILE [options]

Scores every valid city of FILE on every topic of the built-in catalog (or of
--topics FILE). Invalid records are reported on stderr as FILE:LINE:
field.path: message, and the valid ones are still scored.

Options:
${CITIES_HELP}
      --topics FILE      the topics to score on (default: the built-in catalog)
      --format FORMAT    table: each city's ${TABLE_TOPICS} most relevant topics (default);
                         csv: one row per city, one column per topic id;
                         json: an array of { cityId, name, country, scores }
${INPUT_FORMAT_HELP}
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

/** The cities to score and the topics to score them on. */
interface ScoreInput {
  readonly cities: readonly City[];
  readonly topics: readonly Topic[];
  readonly topicIds: readonly string[];
}

/** A block of cities, scored: the scores of city `i` of the block are `rowOf(i)`. */
interface ScoredBlock {
  readonly cities: readonly City[];
  readonly rowOf: (i: number) => Float64Array;
}

/**
 * The cities scored a block of {@link PROGRESS_EVERY} at a time, with a
 * progress line after each block: the output streams, and memory holds one
 * block's scores.
 */
async function* scoredBlocks(input: ScoreInput, context: Context): AsyncGenerator<ScoredBlock> {
  const { cities, topics } = input;
  const columns = topics.length;
  for (let start = 0; start < cities.length; start += PROGRESS_EVERY) {
    const block = cities.slice(start, start + PROGRESS_EVERY);
    const { scores } = scoreMatrix(block, topics);
    yield { cities: block, rowOf: (i) => scores.subarray(i * columns, (i + 1) * columns) };
    const done = Math.min(start + PROGRESS_EVERY, cities.length);
    context.diagnostics.progressOf(done, cities.length, "cities scored");
  }
}

/** Each city's {@link TABLE_TOPICS} most relevant topics, laid out by the first block. */
async function writeTable(input: ScoreInput, context: Context): Promise<void> {
  const out = context.stdout;
  const { cities, topicIds } = input;
  await out.write(
    `${count(cities.length)} cities scored on ${count(topicIds.length)} topics; the ${TABLE_TOPICS} most relevant for each (--format csv or json gives every score)\n\n`,
  );
  let layout: TableLayout | undefined;
  for await (const block of scoredBlocks(input, context)) {
    const rows = block.cities.map((city, i) => [
      city.id,
      city.name,
      city.country,
      bestTopics(block.rowOf(i), topicIds, TABLE_TOPICS),
    ]);
    if (layout === undefined) {
      // Column widths from the first block: the table streams, so later rows are cut to fit.
      layout = new TableLayout(TABLE_COLUMNS, rows, context.width);
      await out.write(layout.header());
    }
    for (const row of rows) await out.write(layout.row(row));
  }
  if (layout === undefined) {
    await out.write(new TableLayout(TABLE_COLUMNS, [], context.width).header());
  }
}

/** One row per city, one column per topic id. */
async function writeCsv(input: ScoreInput, context: Context): Promise<void> {
  const out = context.stdout;
  await out.write(csvRow(["cityId", "name", "country", ...input.topicIds], context.csv));
  for await (const block of scoredBlocks(input, context)) {
    for (const [i, city] of block.cities.entries()) {
      const row = Array.from(block.rowOf(i));
      await out.write(csvRow([city.id, city.name, city.country, ...row], context.csv));
    }
  }
}

/** Each city's `{ cityId, name, country, scores }`, scores by topic id. */
async function* cityScores(input: ScoreInput, context: Context) {
  const { topicIds } = input;
  for await (const block of scoredBlocks(input, context)) {
    for (const [i, city] of block.cities.entries()) {
      const row = block.rowOf(i);
      // fromEntries defines own keys, so even a topic id "__proto__" is kept.
      const scores = Object.fromEntries(topicIds.map((id, j) => [id, row[j]]));
      yield { cityId: city.id, name: city.name, country: city.country, scores };
    }
  }
}

/** `score`: see {@link HELP}. */
export const scoreCommand = defineCommand({
  name: "score",
  synopsis: "--cities FILE [--places] [--topics FILE]",
  summary: "score every city of a file on every topic (JSON, NDJSON or CSV)",
  help: HELP,
  options: { ...FORMAT_OPTIONS, ...CITIES_OPTIONS, topics: file },
  positionals: { hint: "name the cities file with --cities FILE" },
  async run(options, context): Promise<ScoreInput> {
    const topics = await topicsOrCatalog(options.topics, options, context);
    const cities = await loadCities(options.cities, options, context);
    return { cities: cities.records, topics, topicIds: topics.map((topic) => topic.id) };
  },
  write: {
    table: writeTable,
    csv: writeCsv,
    json: (input, context) => writeJsonArray(context.stdout, cityScores(input, context)),
  },
});
