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
import {
  COMMON_HELP,
  FORMAT_HELP,
  inputFormat,
  outputFormat,
  parseCommandArgs,
  positiveInteger,
} from "./args";
import type { Command } from "./command";
import type { Context } from "./context";
import { EXIT, UsageError } from "./errors";
import {
  band,
  count,
  csvRow,
  fixed2,
  JsonArrayWriter,
  type OutputFormat,
  TableLayout,
  wrap,
} from "./output";
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
${FORMAT_HELP.input}
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

async function writeTable(
  city: City,
  ranking: readonly RankedRelevance[],
  total: number,
  context: Context,
) {
  const out = context.stdout;
  const shown =
    ranking.length < total
      ? `the ${ranking.length === 1 ? "" : `${ranking.length} `}most relevant of ${total} topics`
      : `${total} topics ranked by relevance`;
  const population = city.population === undefined ? "" : `, population ${count(city.population)}`;
  const title = `${city.name}, ${city.country} (${city.id}${population}): ${shown}, scoring model ${MODEL_VERSION}.`;
  await out.write(`${wrap(title, context.width).join("\n")}\n`);
  const unknown = unknownFields(city, INTERVAL_FIELDS);
  if (unknown.length > 0) {
    const note = `Unknown, so each score is an interval over every value they could take: ${unknown.join(", ")}.`;
    await out.write(`${wrap(note, context.width).join("\n")}\n`);
  }
  const absent = unknownFields(city, REFINING_FIELDS);
  if (absent.length > 0) {
    const note = `Not given, which widens nothing (when known they refine means): ${absent.join(", ")}.`;
    await out.write(`${wrap(note, context.width).join("\n")}\n`);
  }
  await out.write("\n");
  const rows = ranking.map((r) => [
    String(r.rank),
    r.topicId,
    fixed2(r.score),
    interval(r),
    band(r.score),
    r.reasons[0] ?? "",
  ]);
  const layout = new TableLayout(
    [
      { header: "rank", align: "right" },
      { header: "topic", maxWidth: 32 },
      { header: "score", align: "right" },
      { header: "interval" },
      { header: "band" },
      { header: "most influential reason" },
    ],
    rows,
    context.width,
  );
  await out.write(layout.header());
  for (const row of rows) await out.write(layout.row(row));
}

async function writeCsv(ranking: readonly RankedRelevance[], context: Context) {
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

async function write(
  format: OutputFormat,
  city: City,
  ranking: readonly RankedRelevance[],
  total: number,
  context: Context,
) {
  if (format === "table") return writeTable(city, ranking, total, context);
  if (format === "csv") return writeCsv(ranking, context);
  const json = new JsonArrayWriter(context.stdout);
  for (const relevance of ranking) await json.item(relevance);
  await json.close();
}

/** `rank`: see {@link HELP}. */
export const rankCommand: Command = {
  name: "rank",
  synopsis: "<place> [--topics FILE] [--top N]",
  summary: 'rank the topics for a real place, such as "Manchester, GB"',
  help: HELP,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs("rank", args, {
      topics: { type: "string" },
      format: { type: "string" },
      top: { type: "string" },
      "input-format": { type: "string" },
    });
    const format = outputFormat("rank", values.format);
    const top = positiveInteger("rank", "top", values.top);
    const override = inputFormat("rank", values["input-format"]);
    // Unquoted `rank Manchester, GB` arrives as two words: read them as one query.
    const query = positionals.join(" ").trim();
    if (query === "") {
      throw new UsageError('rank: name a place, such as rank "Manchester, GB"', [
        "see: city-difference rank --help",
      ]);
    }
    const city = await lookUp(query);
    const topics = await topicsOrCatalog(values.topics, { format: override }, context);
    const ranking = rankTopics(city, topics);
    await write(format, city, ranking.slice(0, top ?? ranking.length), ranking.length, context);
    return context.diagnostics.invalid > 0 ? EXIT.invalidRecords : EXIT.ok;
  },
};
