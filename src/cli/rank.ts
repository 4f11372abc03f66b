/**
 * `city-difference rank <place>`: the catalog (or a topic file) ranked for a
 * real place, with scores, intervals and reasons.
 *
 * @module
 */
import { formatValidationError } from "../model/errors";
import { CITY_FIELD_PATHS, CITY_FIELDS, type CityField } from "../model/fields";
import type { City } from "../model/schemas";
import type { PlaceSummary } from "../places/index";
import { FACTORS } from "../score/factors";
import { type RankedRelevance, rankTopics } from "../score/scorer";
import { MODEL_VERSION } from "../score/version";
import { COMMON_HELP } from "./args";
import { defineCommand, seeHelp } from "./command";
import type { Context } from "./context";
import { UsageError } from "./errors";
import { file, format, INPUT_FORMAT_HELP, inputFormat, positiveWhole } from "./options";
import { band, count, csvRow, fixed2, TableLayout, wrap, writeJsonArray } from "./output";
import { topicsOrCatalog } from "./records";

const HELP = `Usage: city-difference rank <place> [options]

Ranks the built-in catalog of topics (or those of --topics FILE) by relevance
to a real place: one of the GeoNames places of 100,000 people or more, with its
national tier, its country's income group, regime and local autonomy. What
the data cannot know (the mayor's outlook) stays unknown, so each score comes
with an interval (low–high) over every value it could take.

The place: "Manchester, GB" (name and ISO country code), "Manchester" (when
only one place has that name) or "geonames:2643123" (a GeoNames id).

Options:
      --topics FILE      the topics to rank (default: the built-in catalog)
      --top N            only the N most relevant topics
      --format FORMAT    table: rank, topic, score, interval, band and the most
                         influential reason (default);
                         json: an array of the Relevance objects (factors, gates,
                         every reason);
                         csv: one row per topic, flat columns
${INPUT_FORMAT_HELP}
${COMMON_HELP}

Exit status: 0 ranked, 1 some records of the topics file were invalid (the
valid ones are ranked), 2 usage error: no such place, or a name several places
share (the candidates are listed; say which with the country code or the id).

Examples:
  city-difference rank "Manchester, GB"
  city-difference rank geonames:2643123 --top 5 --format json`;

/** The fields the default scorer reads, in registry order. */
const SCORED_FIELDS = CITY_FIELD_PATHS.filter((path) => CITY_FIELDS[path].scored);

/**
 * The fields whose absence widens a score into an interval over the values
 * they could take (the levels and priorities the factors read); those absent
 * from a profile are named above the table.
 */
const INTERVAL_FIELDS = SCORED_FIELDS.filter((path) => {
  const { kind } = CITY_FIELDS[path];
  return kind === "ordinal" || kind === "themes";
});

/** The raw figures: when known they refine means; when absent they widen nothing. */
const REFINING_FIELDS = SCORED_FIELDS.filter((path) => !INTERVAL_FIELDS.includes(path));

function unknownFields(city: City, fields: readonly CityField[]): string[] {
  return fields.filter((path) => CITY_FIELDS[path].read(city) === undefined);
}

/** `Manchester, GB (395,515, secondary) geonames:2643123` */
function candidateLine(place: PlaceSummary): string {
  return `  ${place.name}, ${place.country} (${count(place.population)}, ${place.nationalTier}) geonames:${place.id}`;
}

/** The place's profile, or a usage error saying why there is none. */
async function lookUp(query: string): Promise<City> {
  // Loaded on demand: the gazetteer is only needed here, so other commands start faster.
  const { cityFromPlace } = await import("../places/index");
  const result = cityFromPlace(query);
  if (result._tag === "Right") return result.right;
  const error = result.left;
  switch (error._tag) {
    case "AmbiguousPlace":
      throw new UsageError(
        `rank: "${query}" matches ${error.candidates.length} places; say which, with the country code or the GeoNames id:`,
        [
          ...error.candidates.map(candidateLine),
          `for example: city-difference rank "${error.candidates[0]?.name}, ${error.candidates[0]?.country}"`,
        ],
      );
    case "PlaceNotFound":
      throw new UsageError(`rank: ${error.message}`);
    default:
      throw new UsageError(`rank: the place query is not valid: ${formatValidationError(error)}`);
  }
}

function interval(relevance: RankedRelevance): string {
  return `${fixed2(relevance.low)}–${fixed2(relevance.high)}`;
}

/** A ranking of the topics for a place, maybe cut to the `--top`. */
interface Ranking {
  readonly city: City;
  readonly ranking: readonly RankedRelevance[];
  /** The number of topics ranked, before the cut. */
  readonly total: number;
}

/** Lines above the table: what is ranked, and which fields are unknown. */
function tableHeading({ city, ranking, total }: Ranking): string[] {
  const shown =
    ranking.length < total
      ? `the ${ranking.length === 1 ? "" : `${ranking.length} `}most relevant of ${total} topics`
      : `${total} topics ranked by relevance`;
  const population = city.population === undefined ? "" : `, population ${count(city.population)}`;
  const lines = [
    `${city.name}, ${city.country} (${city.id}${population}): ${shown}, scoring model ${MODEL_VERSION}.`,
  ];
  const unknown = unknownFields(city, INTERVAL_FIELDS);
  if (unknown.length > 0) {
    lines.push(
      `Unknown, so each score is an interval over every value they could take: ${unknown.join(", ")}.`,
    );
  }
  const absent = unknownFields(city, REFINING_FIELDS);
  if (absent.length > 0) {
    lines.push(
      `Not given, which widens nothing (when known they refine means): ${absent.join(", ")}.`,
    );
  }
  return lines;
}

const TABLE_COLUMNS = [
  { header: "rank", align: "right" },
  { header: "topic", maxWidth: 32 },
  { header: "score", align: "right" },
  { header: "interval" },
  { header: "band" },
  { header: "most influential reason" },
] as const;

async function writeTable(result: Ranking, context: Context) {
  const out = context.stdout;
  for (const line of tableHeading(result)) {
    await out.write(`${wrap(line, context.width).join("\n")}\n`);
  }
  await out.write("\n");
  const rows = result.ranking.map((r) => [
    String(r.rank),
    r.topicId,
    fixed2(r.score),
    interval(r),
    band(r.score),
    r.reasons[0] ?? "",
  ]);
  const layout = new TableLayout(TABLE_COLUMNS, rows, context.width);
  await out.write(layout.header());
  for (const row of rows) await out.write(layout.row(row));
}

/** One row per topic, flat columns. */
async function writeCsv({ ranking }: Ranking, context: Context) {
  const out = context.stdout;
  await out.write(
    csvRow(
      [
        "rank",
        "cityId",
        "topicId",
        "score",
        "low",
        "high",
        "band",
        ...FACTORS.map((name) => `factors.${name}`),
        "gates",
        "reasons",
        "model",
      ],
      context.csv,
    ),
  );
  for (const r of ranking) {
    const gates = r.gates.map((gate) => (gate.certain ? gate.id : `${gate.id} (possible)`));
    await out.write(
      csvRow(
        [
          r.rank,
          r.cityId,
          r.topicId,
          r.score,
          r.low,
          r.high,
          band(r.score),
          ...FACTORS.map((name) => r.factors[name].value),
          gates.join("; "),
          r.reasons.join(" | "),
          r.model,
        ],
        context.csv,
      ),
    );
  }
}

/** The Relevance objects: factors, gates, every reason. */
function writeJson({ ranking }: Ranking, context: Context) {
  return writeJsonArray(context.stdout, ranking);
}

/** `rank`: see {@link HELP}. */
export const rankCommand = defineCommand({
  name: "rank",
  synopsis: "<place> [--topics FILE] [--top N]",
  summary: 'rank the topics for a real place, such as "Manchester, GB"',
  help: HELP,
  options: { format, top: positiveWhole, "input-format": inputFormat, topics: file },
  positionals: "operands",
  async run(options, context, words): Promise<Ranking> {
    // Unquoted `rank Manchester, GB` arrives as two words: read them as one query.
    const query = words.join(" ").trim();
    if (query === "") {
      throw new UsageError('rank: name a place, such as rank "Manchester, GB"', [seeHelp("rank")]);
    }
    const city = await lookUp(query);
    const topics = await topicsOrCatalog(options.topics, options, context);
    const ranking = rankTopics(city, topics);
    const shown = ranking.slice(0, options.top ?? ranking.length);
    return { city, ranking: shown, total: ranking.length };
  },
  write: { table: writeTable, csv: writeCsv, json: writeJson },
});
