/**
 * `city-difference reflect --platform FILE --cities FILE`: how far a
 * platform's agenda reflects each member's own needs (`agendaReflection`),
 * and with `--suggest`, working groups whose sub-agendas serve the worst
 * served (`suggestWorkingGroups`).
 *
 * @module
 */
import * as E from "fp-ts/Either";
import { MAX_COHORTS } from "../cohorts/form-cohorts";
import {
  type AgendaReflection,
  agendaReflection,
  byServedLevel,
  type MemberReflection,
  type Platform,
  parsePlatform,
  REFLECTION_TOP_K,
  UNDERSERVED_RULE,
} from "../cohorts/reflection";
import {
  DEFAULT_MAX_GROUPS,
  suggestWorkingGroups,
  type WorkingGroup,
  type WorkingGroupSuggestions,
} from "../cohorts/working-groups";
import { formatPath } from "../model/errors";
import type { City, Topic } from "../model/schemas";
import { COMMON_HELP } from "./args";
import { defineCommand, seeHelp } from "./command";
import { type Context, PROGRAM, PROGRESS_EVERY } from "./context";
import { refused, UsageError } from "./errors";
import { openInput, STDIN } from "./input";
import {
  CITIES_OPTIONS,
  DEFAULT_SEED,
  FORMAT_OPTIONS,
  file,
  flag,
  INPUT_FORMAT_HELP,
  MAX_SEED,
  type OptionValues,
  PLACES_HELP,
  requiredFile,
  seed,
  wholeNumberFrom,
} from "./options";
import { type Cell, count, csvRow, fixed2, labelled, plural, TableLayout, wrap } from "./output";
import { loadCities, topicsOrCatalog } from "./records";
import { describeJsonError, MAX_RECORD_CHARS } from "./scan";

const HELP = `Usage: city-difference reflect --platform FILE --cities FILE [options]

How far a platform's agenda reflects each member's own needs
(agendaReflection). For each valid city of --cities: its share, how many of
its ${REFLECTION_TOP_K} most relevant topics the agenda carries, and the agenda's mean
relevance to it. A member is underserved with ${UNDERSERVED_RULE}.
Invalid records are reported on
stderr as FILE:LINE: field.path: message, and the valid ones are still
reflected.

The platform file is one JSON object:
  { "id": "urban-forum", "name": "Urban Forum",
    "agenda": ["climate-action", "public-participation", "knowledge-exchange"] }
where the agenda lists topic ids of the catalog (or of --topics FILE), none
twice. A platform file that cannot be read or is not valid is a usage error
naming the field (agenda[2] for the third topic id).

Options:
      --platform FILE    the platform, a JSON object; - reads stdin
      --cities FILE      the members: .json, .ndjson/.jsonl or .csv; - reads stdin
      --topics FILE      the topics (default: the built-in catalog)
      --suggest          also suggest working groups (suggestWorkingGroups):
                         cohorts of alike members, each with a sub-agenda of
                         topics relevant to all of them, and how much it
                         raises the group's worst-served member
      --max-groups N     with --suggest: at most N groups, 1 to ${MAX_COHORTS} (default ${DEFAULT_MAX_GROUPS})
      --seed S           with --suggest: the seed of the cohorts, a whole
                         number from 0 to ${MAX_SEED} (default ${DEFAULT_SEED}; see
                         city-difference cohorts --help)
      --format FORMAT    table: the members, worst served first, then the
                         working groups (default);
                         json: { platform, reflection, workingGroups }, the
                         AgendaReflection and WorkingGroupSuggestions;
                         csv: one row per member, worst served first (with
                         --suggest, its group's columns too)
${INPUT_FORMAT_HELP}
                         (the cities and topics; the platform is always JSON)
${PLACES_HELP}
${COMMON_HELP}

With more than ${count(PROGRESS_EVERY)} valid cities, a progress line goes to stderr
before each step (turn it off with --quiet).

Exit status: 0 every record valid, 1 some records invalid (the valid ones are
reflected), 2 usage error, an unreadable or invalid platform, or unreadable
input.

Examples:
  city-difference reflect --platform forum.json --cities members.csv
  city-difference reflect --platform forum.json --cities members.csv --suggest \\
    --max-groups 4
  city-difference reflect --platform forum.json --places --cities members.csv`;

// ---------------------------------------------------------------------------
// The platform file

/**
 * The text of the platform file, as JSON, read as every input is (strict
 * UTF-8, stdin as `-`). Unreadable or not JSON: a {@link UsageError}.
 */
async function readPlatformJson(file: string): Promise<{ name: string; value: unknown }> {
  const input = await openInput(file, "json");
  const name = input.name;
  const tooLong = () =>
    new UsageError(
      `${name}: the platform file is over ${count(MAX_RECORD_CHARS)} characters long; it should hold one JSON object { id, name, agenda }`,
    );
  const chunks: string[] = [];
  let length = 0;
  for await (const chunk of input.chunks) {
    chunks.push(chunk);
    length += chunk.length;
    if (length > MAX_RECORD_CHARS) throw tooLong();
  }
  const text = chunks.join("");
  if (text.trim() === "") {
    throw new UsageError(
      `${name}: the platform file is empty; it should hold one JSON object { id, name, agenda }`,
    );
  }
  try {
    return { name, value: JSON.parse(text) };
  } catch (error) {
    const { line, message } = describeJsonError(error, text, 1);
    // Without an offset in the parser's message the line is unknown: better none than line 1.
    const known = error instanceof Error && /at position \d+/.test(error.message);
    throw new UsageError(`${known ? `${name}:${line}` : name}: not valid JSON: ${message}`);
  }
}

/** Topic ids listed in a hint only up to this many. */
const HINT_TOPICS = 30;

/** The platform validated against the topics, else a {@link UsageError} naming each field. */
function validPlatform(name: string, value: unknown, topics: readonly Topic[]): Platform {
  const parsed = parsePlatform(value, topics);
  if (E.isRight(parsed)) return parsed.right;
  const lines = parsed.left.issues.map((issue) =>
    issue.path.length === 0
      ? `${name}: ${issue.message}`
      : `${name}: ${formatPath(issue.path)}: ${issue.message}`,
  );
  const details = lines.slice(1).map((line) => `${PROGRAM}: ${line}`);
  const unknownTopic = parsed.left.issues.some((issue) =>
    issue.message.startsWith("is not the id of any topic given"),
  );
  if (unknownTopic && topics.length <= HINT_TOPICS) {
    details.push(`the topic ids are: ${topics.map((topic) => topic.id).join(", ")}`);
  }
  throw new UsageError(lines[0] as string, details);
}

// ---------------------------------------------------------------------------
// Output

/** `2/3`: how many of the top topics a share is. */
function fraction(share: number, topK: number): string {
  return `${Math.round(share * topK)}/${topK}`;
}

/** A gain with its sign: `+0.15`, `-0.02`, `+0.00`. */
function signed(value: number): string {
  const shown = fixed2(Math.abs(value));
  return value < 0 && shown !== "0.00" ? `-${shown}` : `+${shown}`;
}

function worstFirst(reflection: AgendaReflection): MemberReflection[] {
  return [...reflection.members].sort(byServedLevel);
}

/** The group of each member, by city id. */
function groupsByMember(suggestions: WorkingGroupSuggestions): Map<string, WorkingGroup> {
  const byMember = new Map<string, WorkingGroup>();
  for (const group of suggestions.groups) {
    for (const id of group.memberIds) byMember.set(id, group);
  }
  return byMember;
}

/** What `reflect` found, and what it was asked. */
interface Outcome {
  readonly platform: Platform;
  /** The number of topics the members were scored on. */
  readonly topics: number;
  readonly reflection: AgendaReflection;
  readonly suggestions?: WorkingGroupSuggestions | undefined;
  readonly maxGroups: number;
  readonly seed: number;
}

/** The platform, the underserved, then every member worst served first. */
async function writeReflectionTable(outcome: Outcome, context: Context): Promise<void> {
  const { platform, reflection } = outcome;
  const out = context.stdout;
  const { width } = context;
  const { topK } = reflection;
  const members = worstFirst(reflection);
  const title = `${platform.name} (${platform.id}): an agenda of ${plural(platform.agenda.length, "topic")}: ${platform.agenda.join(", ")}.`;
  const shares = `${plural(members.length, "member")}; each share counts how many of the member's ${topK} most relevant of ${plural(outcome.topics, "topic")} are on the agenda.`;
  const underserved = reflection.underservedIds.length;
  const summary =
    members.length === 0
      ? "No members to reflect."
      : `${count(underserved)} underserved (${UNDERSERVED_RULE}); worst served: ${reflection.worstServedId}.`;
  for (const text of [title, shares, summary]) await out.write(`${wrap(text, width).join("\n")}\n`);
  await out.write("\n");
  const rows = members.map((m) => [
    m.cityId,
    fraction(m.share, topK),
    fixed2(m.meanRelevance),
    m.underserved ? "yes" : "no",
    m.missingTopicIds.length === 0 ? "none" : m.missingTopicIds.join(", "),
  ]);
  const layout = new TableLayout(
    [
      { header: "city", maxWidth: 28 },
      { header: "share", align: "right" },
      { header: "mean", align: "right" },
      { header: "underserved" },
      { header: "its top topics missing from the agenda" },
    ],
    rows,
    width,
  );
  await out.write(layout.header());
  for (const row of rows) await out.write(layout.row(row));
}

/** One working group as a block: label, members, sub-agenda, worst served before and after, gain. */
async function writeGroup(group: WorkingGroup, topK: number, context: Context): Promise<void> {
  const out = context.stdout;
  const { width } = context;
  await out.write(`\n${group.id}: ${plural(group.memberIds.length, "member")}\n`);
  await out.write(labelled("  ", group.label, width));
  await out.write(labelled("  members:      ", group.memberIds.join(", "), width));
  const sub =
    group.subAgenda.length === 0
      ? "none: the members share no topic beyond the platform's agenda"
      : group.subAgenda
          .map((t) => `${t.topicId} (${t.weakest.cityId} ${fixed2(t.weakest.score)})`)
          .join(", ");
  await out.write(labelled("  sub-agenda:   ", sub, width));
  const { before, after, gain } = group;
  const served = `before ${before.cityId} (${fraction(before.share, topK)}, mean ${fixed2(before.meanRelevance)}); with the sub-agenda ${after.cityId} (${fraction(after.share, topK)}, mean ${fixed2(after.meanRelevance)})`;
  await out.write(labelled("  worst served: ", served, width));
  const gained = `share ${signed(gain.share)}, mean relevance ${signed(gain.meanRelevance)}`;
  await out.write(labelled("  gain:         ", gained, width));
}

/** The working groups after the members' table, the greatest gain first. */
async function writeGroupsTable(
  suggestions: WorkingGroupSuggestions,
  outcome: Outcome,
  context: Context,
): Promise<void> {
  const heading = `Working groups: cohorts of alike members (at most ${outcome.maxGroups}, seed ${outcome.seed}), the greatest gain first. Each adds a sub-agenda of topics relevant to every member and not on the platform's agenda (with the member each speaks to least, and its score); the worst-served member is shown before and after.`;
  await context.stdout.write(`\n${wrap(heading, context.width).join("\n")}\n`);
  if (suggestions.groups.length === 0) {
    await context.stdout.write("\nNo working groups: no members.\n");
    return;
  }
  for (const group of suggestions.groups) {
    await writeGroup(group, outcome.reflection.topK, context);
  }
}

async function writeTable(outcome: Outcome, context: Context): Promise<void> {
  await writeReflectionTable(outcome, context);
  if (outcome.suggestions !== undefined) {
    await writeGroupsTable(outcome.suggestions, outcome, context);
  }
}

/** The CSV columns of a member's working group, with `--suggest`. */
const GROUP_COLUMNS = [
  "group.id",
  "group.label",
  "group.subAgenda",
  "group.gain.share",
  "group.gain.meanRelevance",
];

/** A member's group as CSV cells, empty for a member in none. */
function groupCells(group: WorkingGroup | undefined): Cell[] {
  if (group === undefined) return ["", "", "", undefined, undefined];
  return [
    group.id,
    group.label,
    group.subAgenda.map((t) => t.topicId).join(";"),
    group.gain.share,
    group.gain.meanRelevance,
  ];
}

/** One row per member, worst served first; with `--suggest`, its group's columns too. */
async function writeCsv(outcome: Outcome, context: Context): Promise<void> {
  const { reflection, suggestions } = outcome;
  const out = context.stdout;
  const header = [
    "cityId",
    "share",
    "meanRelevance",
    "underserved",
    "topTopicIds",
    "missingTopicIds",
  ];
  const groupOf = suggestions === undefined ? undefined : groupsByMember(suggestions);
  await out.write(
    csvRow([...header, ...(groupOf === undefined ? [] : GROUP_COLUMNS)], context.csv),
  );
  for (const m of worstFirst(reflection)) {
    const member = [
      m.cityId,
      m.share,
      m.meanRelevance,
      m.underserved,
      m.topTopicIds.join(";"),
      m.missingTopicIds.join(";"),
    ];
    const group = groupOf === undefined ? [] : groupCells(groupOf.get(m.cityId));
    await out.write(csvRow([...member, ...group], context.csv));
  }
}

/** `{ platform, reflection }`, and `workingGroups` with `--suggest`. */
async function writeJson(outcome: Outcome, context: Context): Promise<void> {
  const { platform, reflection, suggestions } = outcome;
  const value =
    suggestions === undefined
      ? { platform, reflection }
      : { platform, reflection, workingGroups: suggestions };
  await context.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

// ---------------------------------------------------------------------------

const OPTIONS = {
  ...FORMAT_OPTIONS,
  "max-groups": wholeNumberFrom(1, MAX_COHORTS, DEFAULT_MAX_GROUPS),
  seed,
  suggest: flag,
  platform: requiredFile,
  ...CITIES_OPTIONS,
  topics: file,
};

/** What reflect reads: the platform, validated against the topics, and the members. */
interface ReflectInput {
  readonly platform: Platform;
  readonly topics: readonly Topic[];
  readonly cities: readonly City[];
}

/** Reads the files: at most one of them from stdin. */
async function readInput(
  options: OptionValues<typeof OPTIONS>,
  context: Context,
): Promise<ReflectInput> {
  const fromStdin = (["platform", "cities", "topics"] as const).filter(
    (option) => options[option] === STDIN,
  );
  if (fromStdin.length > 1) {
    throw new UsageError(
      `reflect: only one file can be read from stdin; got - for ${fromStdin.map((o) => `--${o}`).join(" and ")}`,
    );
  }
  const raw = await readPlatformJson(options.platform);
  const topics = await topicsOrCatalog(options.topics, options, context);
  const platform = validPlatform(raw.name, raw.value, topics);
  const { records: cities } = await loadCities(options.cities, options, context);
  return { platform, topics, cities };
}

/** The reflection, and with `--suggest` the working groups, with a progress line before each for many members. */
async function reflect(
  { platform, topics, cities }: ReflectInput,
  options: OptionValues<typeof OPTIONS>,
  context: Context,
): Promise<Outcome> {
  const large = cities.length > PROGRESS_EVERY;
  if (large) {
    context.diagnostics.progress(
      `reflecting the agenda for ${count(cities.length)} members on ${plural(topics.length, "topic")}`,
    );
  }
  const reflection = agendaReflection(platform, cities, topics);
  if (E.isLeft(reflection)) throw refused("reflect", reflection.left);
  const { "max-groups": maxGroups, seed } = options;
  let suggestions: WorkingGroupSuggestions | undefined;
  if (options.suggest) {
    if (large) {
      context.diagnostics.progress(
        `suggesting working groups for ${count(cities.length)} members (forming cohorts)`,
      );
    }
    const suggested = suggestWorkingGroups(platform, cities, topics, { maxGroups, seed });
    if (E.isLeft(suggested)) throw refused("reflect", suggested.left);
    suggestions = suggested.right;
  }
  const shown = { platform, topics: topics.length, maxGroups, seed };
  return { ...shown, reflection: reflection.right, suggestions };
}

/** `reflect`: see {@link HELP}. */
export const reflectCommand = defineCommand({
  name: "reflect",
  synopsis: "--platform FILE --cities FILE [--places] [--suggest]",
  summary: "how far a platform's agenda reflects each member; suggest working groups",
  help: HELP,
  options: OPTIONS,
  check(_, given) {
    for (const option of ["max-groups", "seed"] as const) {
      if (given.suggest !== true && given[option] !== undefined) {
        throw new UsageError(`reflect: --${option} applies only with --suggest`, [
          seeHelp("reflect"),
        ]);
      }
    }
  },
  positionals: { hint: "name the files with --platform FILE and --cities FILE" },
  async run(options, context) {
    return reflect(await readInput(options, context), options, context);
  },
  write: { table: writeTable, csv: writeCsv, json: writeJson },
});
