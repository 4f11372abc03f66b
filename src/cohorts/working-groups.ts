/**
 * Working groups under a platform: groups of members, each with a
 * sub-agenda that speaks to its worst-served member.
 *
 * @module
 */
import * as E from "fp-ts/Either";
import * as z from "zod/mini";
import { compareIds } from "../internal/order";
import type { ValidationError } from "../model/errors";
import { parseWithSchema } from "../model/parse";
import type { City, Topic } from "../model/schemas";
import { RELEVANCE_BANDS } from "../score/bands";
import type { ScoreMatrix } from "../score/scorer";
import { CAUCUS_FIELDS, type CaucusField, caucus } from "./caucus";
import { formCohorts, MAX_COHORTS } from "./form-cohorts";
import { readCities, readTopics } from "./members";
import {
  byServedLevel,
  columnsOf,
  type MemberReflection,
  type Platform,
  parsePlatform,
  REFLECTION_TOP_K,
  reflectAll,
  topTopicsByCity,
} from "./reflection";
import { ScorerOptionSchema, scorerOrDefault, ThresholdSchema } from "./scorer-option";
import { type SharedTopic, sharedFromMatrix } from "./shared-agenda";

/**
 * The default most working groups suggested: 3. A platform convenes a
 * handful of groups at once, and with few groups each one stays large
 * enough to carry its agenda.
 *
 * @example
 * suggestWorkingGroups(platform, cities, CATALOG); // at most 3 groups
 * @category Cohorts
 */
export const DEFAULT_MAX_GROUPS = 3;

const SuggestWorkingGroupsOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    maxGroups: z.optional(z.int().check(z.gte(1), z.lte(MAX_COHORTS))),
    maxTopics: z.optional(z.int().check(z.gte(1))),
    by: z.optional(
      z
        .array(z.enum(CAUCUS_FIELDS))
        .check(z.refine((by) => new Set(by).size === by.length, { error: "lists a field twice" })),
    ),
    seed: z.optional(z.int().check(z.gte(0), z.lte(0xffffffff))),
    threshold: z.optional(ThresholdSchema),
    scorer: z.optional(ScorerOptionSchema),
  }))();

/**
 * Options of {@link suggestWorkingGroups}.
 *
 * - `maxGroups` (1 to 50, default {@link DEFAULT_MAX_GROUPS}): the most
 *   groups suggested. Cohorts are formed with k chosen by silhouette up to
 *   it; caucuses beyond it are left out, those with the least gain first.
 * - `maxTopics` (default {@link REFLECTION_TOP_K}, 3): the longest
 *   sub-agenda, enough to carry all of a member's top topics.
 * - `by`: caucus fields; when given, groups are {@link caucus}es on them
 *   instead of {@link formCohorts} cohorts.
 * - `seed` (default 1): the seed of {@link formCohorts}.
 * - `threshold` (default 0.5) and `scorer`: as in {@link sharedAgenda}.
 *
 * @example
 * suggestWorkingGroups(platform, cities, CATALOG, { maxGroups: 4, seed: 7 });
 * @category Cohorts
 */
export type SuggestWorkingGroupsOptions = z.input<typeof SuggestWorkingGroupsOptionsSchema>;

/**
 * A member's reflection, in short: who, and how well served.
 *
 * @example
 * { cityId: "xx-city-1", share: 0, meanRelevance: 0.41 }
 * @category Cohorts
 */
export interface ServedLevel {
  readonly cityId: string;
  readonly share: number;
  readonly meanRelevance: number;
}

/**
 * One suggested working group.
 *
 * @example
 * { id: "cohort-3",
 *   label: "low-income cities with skeptical mayors prioritising basic services in closed autocracies",
 *   memberIds: ["xx-city-1", "xx-city-2", "xx-city-3", "xx-city-4"],
 *   subAgenda: [{ rank: 1, topicId: "basic-services", weakest: { cityId: "xx-city-1", score: 0.8 } }, …],
 *   before: { cityId: "xx-city-1", share: 0, meanRelevance: 0.41 },
 *   after: { cityId: "xx-city-1", share: 1, meanRelevance: 0.55 },
 *   gain: { share: 1, meanRelevance: 0.15 } }
 * @category Cohorts
 */
export interface WorkingGroup {
  /** The cohort's id, or the caucus's key. */
  readonly id: string;
  /** The cohort's description, or the caucus's label. */
  readonly label: string;
  /** Member ids, sorted. */
  readonly memberIds: readonly string[];
  /** Topics the group adds to the platform's agenda: shared by every member, not already on it. */
  readonly subAgenda: readonly SharedTopic[];
  /** The worst-served member under the platform's agenda. */
  readonly before: ServedLevel;
  /** The worst-served member under the platform's agenda plus the sub-agenda (possibly another member). */
  readonly after: ServedLevel;
  /** `after` minus `before`, for share and mean relevance. The share gain is never negative. */
  readonly gain: { readonly share: number; readonly meanRelevance: number };
}

/**
 * The outcome of {@link suggestWorkingGroups}.
 *
 * @example
 * { platformId: "forum", grouping: "cohorts", groups: […], omittedGroupIds: [] } // groups: most gain first
 * @category Cohorts
 */
export interface WorkingGroupSuggestions {
  readonly platformId: string;
  /** How members were grouped. */
  readonly grouping: "cohorts" | "caucuses";
  /** Most gain first (share, then mean relevance, then id). */
  readonly groups: readonly WorkingGroup[];
  /** Ids of groups left out beyond `maxGroups` (caucuses with the least gain), so that none is dropped silently. */
  readonly omittedGroupIds: readonly string[];
}

/** Groups as working groups need them: an id, a label and member ids. */
type MemberGroup = Pick<WorkingGroup, "id" | "label" | "memberIds">;

function groupMembers(
  cities: readonly City[],
  by: readonly CaucusField[] | undefined,
  maxGroups: number,
  seed: number,
): E.Either<ValidationError, readonly MemberGroup[]> {
  if (by !== undefined) {
    const caucuses = caucus(cities, by);
    if (E.isLeft(caucuses)) return caucuses;
    return E.right(
      caucuses.right.map((c) => ({ id: c.key, label: c.label, memberIds: c.memberIds })),
    );
  }
  // maxK 1 leaves no k to try, so one cohort; no cities give no cohorts.
  const cohorts = formCohorts(cities, { maxK: maxGroups, seed });
  if (E.isLeft(cohorts)) return cohorts;
  return E.right(
    cohorts.right.cohorts.map((c) => ({ id: c.id, label: c.description, memberIds: c.memberIds })),
  );
}

/** Compares two served levels: share first, then mean relevance (positive when `a` is better served). */
function compareLevels(a: ServedLevel, b: ServedLevel): number {
  if (a.share !== b.share) return a.share - b.share;
  return a.meanRelevance - b.meanRelevance;
}

const served = (m: MemberReflection): ServedLevel => ({
  cityId: m.cityId,
  share: m.share,
  meanRelevance: m.meanRelevance,
});

/** The platform as every group sees it: all members' scores, top topics and the agenda's columns. */
interface PlatformView {
  readonly matrix: ScoreMatrix;
  /** Each member's top topic columns, by row. */
  readonly tops: readonly (readonly number[])[];
  /** The agenda's columns of `matrix`. */
  readonly agenda: readonly number[];
  readonly onAgenda: ReadonlySet<string>;
  readonly rowOf: ReadonlyMap<string, number>;
}

/** How a sub-agenda is chosen: its longest length and the relevance every member must reach. */
interface SubAgendaSettings {
  readonly maxTopics: number;
  readonly threshold: number;
}

/** The rows of `rows` of a score matrix, as a matrix of their own. */
function rowsOf(matrix: ScoreMatrix, rows: readonly number[]): ScoreMatrix {
  const columns = matrix.topicIds.length;
  return {
    cityIds: rows.map((i) => matrix.cityIds[i] as string),
    topicIds: matrix.topicIds,
    scores: Float64Array.from(
      rows.flatMap((i) => Array.from(matrix.scores.subarray(i * columns, (i + 1) * columns))),
    ),
  };
}

/**
 * Greedy maximin: adds, one at a time, the candidate topic that most raises
 * the group's worst-served level (share first, then mean relevance), and
 * stops when none raises it or `maxTopics` are chosen.
 */
function chooseSubAgenda(
  candidates: readonly SharedTopic[],
  agenda: readonly number[],
  before: MemberReflection,
  maxTopics: number,
  group: ScoreMatrix,
  worstUnder: (columnsOnAgenda: readonly number[]) => MemberReflection,
): { readonly chosen: readonly SharedTopic[]; readonly after: MemberReflection } {
  const chosen: SharedTopic[] = [];
  let extended = [...agenda];
  let after = before;
  while (chosen.length < maxTopics) {
    let best: { topic: SharedTopic; worst: MemberReflection; columns: number[] } | undefined;
    for (const topic of candidates) {
      if (chosen.includes(topic)) continue;
      const columnsWith = [...extended, ...columnsOf(group, [topic.topicId])];
      const worst = worstUnder(columnsWith);
      if (best === undefined || compareLevels(worst, best.worst) > 0) {
        best = { topic, worst, columns: columnsWith };
      }
    }
    if (best === undefined || compareLevels(best.worst, after) <= 0) break;
    chosen.push(best.topic);
    extended = best.columns;
    after = best.worst;
  }
  return { chosen, after };
}

/** One group's working group: its worst-served member before and after its sub-agenda. */
function workingGroupOf(
  group: MemberGroup,
  view: PlatformView,
  settings: SubAgendaSettings,
): WorkingGroup {
  const rows = group.memberIds.map((id) => view.rowOf.get(id) as number);
  const sub = rowsOf(view.matrix, rows);
  const subTops = rows.map((i) => view.tops[i] ?? []);
  const worstUnder = (columnsOnAgenda: readonly number[]) =>
    reflectAll(sub, subTops, columnsOnAgenda).sort(byServedLevel)[0] as MemberReflection;
  const before = worstUnder(view.agenda);
  const candidates = sharedFromMatrix(sub, settings.threshold).filter(
    (t) => !view.onAgenda.has(t.topicId),
  );
  const { chosen, after } = chooseSubAgenda(
    candidates,
    view.agenda,
    before,
    settings.maxTopics,
    sub,
    worstUnder,
  );
  return {
    id: group.id,
    label: group.label,
    memberIds: group.memberIds,
    subAgenda: chosen.map((topic, index) => ({ ...topic, rank: index + 1 })),
    before: served(before),
    after: served(after),
    gain: {
      share: after.share - before.share,
      meanRelevance: after.meanRelevance - before.meanRelevance,
    },
  };
}

/** Most gain first: share, then mean relevance, then id. */
function byGain(a: WorkingGroup, b: WorkingGroup): number {
  if (a.gain.share !== b.gain.share) return b.gain.share - a.gain.share;
  if (a.gain.meanRelevance !== b.gain.meanRelevance)
    return b.gain.meanRelevance - a.gain.meanRelevance;
  return compareIds(a.id, b.id);
}

/**
 * Suggests working groups under a platform, as the essay's conclusion asks:
 * caucuses and cohorts underneath larger platforms, so that each city sees
 * its own needs reflected (Sam Tabory, "Difference in city diplomacy",
 * Chicago Council on Global Affairs).
 *
 * Members are grouped into cohorts ({@link formCohorts}, k chosen by
 * silhouette up to `maxGroups`) or, with `by`, into caucuses
 * ({@link caucus}). Each group gets a **sub-agenda** drawn from its
 * {@link sharedAgenda} (topics relevant to every member, not yet on the
 * platform's agenda): one at a time, the topic that most raises the group's
 * worst-served level (the lowest share among its members, then the lowest
 * mean relevance; see {@link agendaReflection}) is added, until none raises
 * it or `maxTopics` are chosen. So a sub-agenda never leaves the group's
 * worst-served level lower than the platform's agenda alone does, and holds
 * no topic that does not raise it. For each group, the worst-served member
 * before and after (possibly another member) and the gain: the share gain
 * is never negative, and the mean-relevance gain is never negative when
 * the share gain is 0.
 *
 * A group whose members share no topic beyond the platform's agenda is
 * still listed, with an empty sub-agenda and no gain. No cities give no
 * groups. The platform is validated as in {@link agendaReflection}; invalid
 * options and repeated city ids give a `Left`.
 *
 * @example
 * import * as E from "fp-ts/Either";
 * const s = suggestWorkingGroups(platform, cities, CATALOG, { maxGroups: 3, seed: 1 });
 * if (E.isRight(s)) for (const g of s.right.groups)
 *   console.log(g.label, g.subAgenda.map((t) => t.topicId), g.before.share, "->", g.after.share);
 * // "low-income cities with skeptical mayors prioritising basic services in closed autocracies"
 * //   ["basic-services", "urban-advocacy", "investment-attraction"] 0 -> 1
 * @category Cohorts
 */
export function suggestWorkingGroups(
  platform: Platform,
  givenCities: readonly City[],
  givenTopics: readonly Topic[],
  options?: SuggestWorkingGroupsOptions,
): E.Either<ValidationError, WorkingGroupSuggestions> {
  const parsedOptions = parseWithSchema(
    SuggestWorkingGroupsOptionsSchema,
    options ?? {},
    "an options object",
  );
  if (E.isLeft(parsedOptions)) return parsedOptions;
  const read = readCities(givenCities);
  if (E.isLeft(read)) return read;
  const cities = read.right;
  const readT = readTopics(givenTopics);
  if (E.isLeft(readT)) return readT;
  const topics = readT.right;
  const parsed = parsePlatform(platform, topics);
  if (E.isLeft(parsed)) return parsed;
  const { by, scorer } = parsedOptions.right;
  const maxGroups = parsedOptions.right.maxGroups ?? DEFAULT_MAX_GROUPS;
  const settings: SubAgendaSettings = {
    maxTopics: parsedOptions.right.maxTopics ?? REFLECTION_TOP_K,
    threshold: parsedOptions.right.threshold ?? RELEVANCE_BANDS.moderate,
  };
  const seed = parsedOptions.right.seed ?? 1;

  const grouped = groupMembers(cities, by, maxGroups, seed);
  if (E.isLeft(grouped)) return grouped;

  const matrix = scorerOrDefault(scorer).matrix(cities, topics);
  const platformView: PlatformView = {
    matrix,
    tops: topTopicsByCity(matrix, Math.min(REFLECTION_TOP_K, topics.length)),
    agenda: columnsOf(matrix, parsed.right.agenda),
    onAgenda: new Set(parsed.right.agenda),
    rowOf: new Map(cities.map((city, i) => [city.id, i] as const)),
  };
  const groups = grouped.right.map((group) => workingGroupOf(group, platformView, settings));
  groups.sort(byGain);
  return E.right({
    platformId: parsed.right.id,
    grouping: by === undefined ? "cohorts" : "caucuses",
    groups: groups.slice(0, maxGroups),
    omittedGroupIds: groups.slice(maxGroups).map((group) => group.id),
  });
}
