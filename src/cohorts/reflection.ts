/**
 * How far a platform's agenda reflects each member's own needs.
 *
 * @module
 */
import * as E from "fp-ts/Either";
import * as z from "zod/mini";
import { compareIds, topIndexes } from "../internal/order";
import { type Issue, type ValidationError, validationError } from "../model/errors";
import { parseWithSchema } from "../model/parse";
import { type City, identityText, type Topic } from "../model/schemas";
import { RELEVANCE_BANDS } from "../score/bands";
import type { ScoreMatrix } from "../score/scorer";
import { readCities, readTopics } from "./members";
import { ScorerOptionSchema, scorerOrDefault } from "./scorer-option";

const PlatformSchema = /* @__PURE__ */ (() =>
  z.readonly(
    z.strictObject({
      // A platform's id and name follow the rules of a city's.
      id: identityText,
      name: identityText,
      agenda: z.readonly(z.array(z.string()).check(z.minLength(1))),
    }),
  ))();

/**
 * A platform (a city network, a forum) and its agenda: the ids of the topics
 * it puts before its members. Validated by {@link agendaReflection}: the
 * agenda must list at least one topic, each an id of the topics given, none
 * twice.
 *
 * @example
 * const platform: Platform = { id: "urban-forum", name: "Urban Forum",
 *   agenda: ["climate-action", "public-participation", "knowledge-exchange"] };
 * @category Cohorts
 */
export type Platform = z.output<typeof PlatformSchema>;

/**
 * How many of a member's most relevant topics its reflection counts: 3, or
 * every topic when fewer are given. Fixed rather than the agenda's length, so
 * that adding a topic to the agenda never changes which topics are the
 * member's own: its share can then only grow. Three is the short list a
 * mayor can name, and the `top` of `rankStability`.
 *
 * @example
 * // Leeds's top three topics: urban-advocacy, investment-attraction, knowledge-exchange;
 * // an agenda carrying one of them reflects a third of its own needs.
 * @category Cohorts
 */
export const REFLECTION_TOP_K = 3;

/**
 * How a platform's agenda reflects one member.
 *
 * - `share`: the share of the member's {@link REFLECTION_TOP_K} most relevant
 *   topics (among all topics given; ties by topic id) that are on the agenda.
 * - `meanRelevance`: the mean of its scores on the agenda's topics.
 *
 * Adding a topic to the agenda never lowers `share` (the member's top topics
 * do not depend on the agenda, so the count of them on it can only grow),
 * and never lowers `meanRelevance` when the topic's score for the member is
 * at least its current `meanRelevance` (exactly so in real arithmetic; in
 * floating point, to within 1e-12). A topic relevant to the member (at
 * least 0.5) may still lower the mean when the mean is higher than its
 * score: `share` is the reflection that never falls.
 *
 * @example
 * { cityId: "gb-leeds",
 *   topTopicIds: ["urban-advocacy", "investment-attraction", "knowledge-exchange"],
 *   missingTopicIds: ["urban-advocacy", "investment-attraction", "knowledge-exchange"],
 *   share: 0, meanRelevance: 0.73, underserved: true }
 * @category Cohorts
 */
export interface MemberReflection {
  readonly cityId: string;
  /** Its most relevant topics, most relevant first: the ones `share` counts. */
  readonly topTopicIds: readonly string[];
  /** Of `topTopicIds`, those not on the agenda. */
  readonly missingTopicIds: readonly string[];
  /** 0..1: the share of `topTopicIds` on the agenda. */
  readonly share: number;
  /** 0..1: its mean relevance score over the agenda's topics. */
  readonly meanRelevance: number;
  /** Whether it is underserved; see {@link agendaReflection}. */
  readonly underserved: boolean;
}

/**
 * The outcome of {@link agendaReflection}.
 *
 * @example
 * { platformId: "forum", topK: 3, members: […],
 *   underservedIds: ["xx-city-1", …], worstServedId: "xx-city-1" }
 * @category Cohorts
 */
export interface AgendaReflection {
  readonly platformId: string;
  /** The number of top topics each share counts. */
  readonly topK: number;
  /** One per city, in input order. */
  readonly members: readonly MemberReflection[];
  /** Ids of the underserved members, worst served first. */
  readonly underservedIds: readonly string[];
  /** The worst-served member's id (lowest share, then lowest mean relevance, then id); absent without cities. */
  readonly worstServedId?: string;
}

const AgendaReflectionOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    scorer: z.optional(ScorerOptionSchema),
  }))();

/**
 * Options of {@link agendaReflection}: `scorer`, a {@link Scorer} from
 * `createScorer` (default: the default model).
 *
 * @example
 * agendaReflection(platform, cities, CATALOG, { scorer: myScorer });
 * @category Cohorts
 */
export type AgendaReflectionOptions = z.input<typeof AgendaReflectionOptionsSchema>;

/**
 * The rule {@link isUnderserved} applies, in one line, as the command line's
 * help and summary and the docs state it.
 *
 * @example
 * UNDERSERVED_RULE;
 * // "a mean relevance below 0.50, or none of its top topics on the agenda and a mean relevance below 0.75"
 * @category Cohorts
 */
// A pure call, so that bundles that never reflect leave the sentence out.
export const UNDERSERVED_RULE: string = /* @__PURE__ */ (() =>
  `a mean relevance below ${RELEVANCE_BANDS.moderate.toFixed(2)}, or none of its top topics on the agenda and a mean relevance below ${RELEVANCE_BANDS.high.toFixed(2)}`)();

/**
 * Whether a member is underserved by an agenda: when the agenda's mean
 * relevance to it is below {@link RELEVANCE_BANDS}`.moderate` (0.5), so that
 * the agenda reads as of low relevance to it on average, or when none of its
 * top topics is on the agenda (`share` 0) and the agenda does not read as
 * highly relevant to it either (mean below {@link RELEVANCE_BANDS}`.high`,
 * 0.75). See {@link UNDERSERVED_RULE}.
 *
 * @example
 * isUnderserved({ share: 0, meanRelevance: 0.8 }); // false: highly relevant all the same
 * isUnderserved({ share: 0, meanRelevance: 0.7 }); // true
 * isUnderserved({ share: 1, meanRelevance: 0.4 }); // true
 * @category Cohorts
 */
export function isUnderserved(member: Pick<MemberReflection, "share" | "meanRelevance">): boolean {
  return (
    member.meanRelevance < RELEVANCE_BANDS.moderate ||
    (member.share === 0 && member.meanRelevance < RELEVANCE_BANDS.high)
  );
}

/** Validates a platform against the topics given; issues name the agenda index. */
export function parsePlatform(
  input: unknown,
  topics: readonly Topic[],
): E.Either<ValidationError, Platform> {
  const parsed = parseWithSchema(PlatformSchema, input, "a platform object");
  if (E.isLeft(parsed)) return parsed;
  const known = new Set(topics.map((topic) => topic.id));
  const firstIndex = new Map<string, number>();
  const issues: Issue[] = [];
  parsed.right.agenda.forEach((id, index) => {
    const seen = firstIndex.get(id);
    if (!known.has(id)) {
      issues.push({
        path: ["agenda", index],
        message: `is not the id of any topic given; got ${JSON.stringify(id)}`,
      });
    } else if (seen !== undefined) {
      issues.push({
        path: ["agenda", index],
        message: `repeats the topic at index ${seen} (${JSON.stringify(id)})`,
      });
    } else {
      firstIndex.set(id, index);
    }
  });
  return issues.length > 0 ? E.left(validationError(issues)) : E.right(parsed.right);
}

/** The worst served first: lowest share, then lowest mean relevance, then id. */
export function byServedLevel(
  a: Pick<MemberReflection, "cityId" | "share" | "meanRelevance">,
  b: Pick<MemberReflection, "cityId" | "share" | "meanRelevance">,
): number {
  if (a.share !== b.share) return a.share - b.share;
  if (a.meanRelevance !== b.meanRelevance) return a.meanRelevance - b.meanRelevance;
  return compareIds(a.cityId, b.cityId);
}

/** Each city's top topics (by column index), most relevant first, ties by topic id. */
export function topTopicsByCity(matrix: ScoreMatrix, topK: number): number[][] {
  const { cityIds, topicIds, scores } = matrix;
  return cityIds.map((_, i) => topIndexes(scores, topicIds, topK, i * topicIds.length));
}

/**
 * The reflection of one city (row `i` of the matrix) under an agenda given
 * as column indexes. The mean sums scores in ascending order, so that it
 * does not depend on the agenda's order.
 */
export function reflectOne(
  matrix: ScoreMatrix,
  i: number,
  top: readonly number[],
  agenda: readonly number[],
): MemberReflection {
  const columns = matrix.topicIds.length;
  const onAgenda = new Set(agenda);
  const scores = agenda.map((j) => matrix.scores[i * columns + j] as number).sort((a, b) => a - b);
  const meanRelevance =
    scores.length === 0 ? 0 : scores.reduce((sum, s) => sum + s, 0) / scores.length;
  const missing = top.filter((j) => !onAgenda.has(j));
  const share = top.length === 0 ? 0 : (top.length - missing.length) / top.length;
  return {
    cityId: matrix.cityIds[i] as string,
    topTopicIds: top.map((j) => matrix.topicIds[j] as string),
    missingTopicIds: missing.map((j) => matrix.topicIds[j] as string),
    share,
    meanRelevance,
    underserved: isUnderserved({ share, meanRelevance }),
  };
}

/** Reflections of every city of the matrix under an agenda of column indexes. */
export function reflectAll(
  matrix: ScoreMatrix,
  tops: readonly (readonly number[])[],
  agenda: readonly number[],
): MemberReflection[] {
  return matrix.cityIds.map((_, i) => reflectOne(matrix, i, tops[i] ?? [], agenda));
}

/** Column indexes of topic ids (which the caller has validated). */
export function columnsOf(matrix: ScoreMatrix, ids: readonly string[]): number[] {
  const index = new Map(matrix.topicIds.map((id, j) => [id, j] as const));
  return ids.map((id) => index.get(id) as number);
}

/**
 * How far a platform's agenda reflects each member's own needs: the essay's
 * test of a platform, whether each city sees its own needs and priorities in
 * the conversation (Sam Tabory, "Difference in city diplomacy", Chicago
 * Council on Global Affairs).
 *
 * Per city (see {@link MemberReflection}): `share`, the share of its
 * {@link REFLECTION_TOP_K} most relevant topics that the agenda carries, and
 * `meanRelevance`, the agenda's mean relevance to it. A member is
 * **underserved** ({@link isUnderserved}) when the agenda's mean relevance to it is below
 * {@link RELEVANCE_BANDS}`.moderate` (0.5), so that the agenda reads as of
 * low relevance to it on average, or when none of its top topics is on the
 * agenda (`share` 0) and the agenda does not read as highly relevant to it
 * either (mean below {@link RELEVANCE_BANDS}`.high`, 0.75). A member whose
 * own top topics are missing but to whom the agenda is still highly relevant
 * is served: with scores as close as they often are, its top three may
 * differ from the agenda's topics by hundredths.
 *
 * `platform` is validated: a missing or empty id, name or agenda, an agenda
 * entry that is not the id of one of `topics` or that repeats one, and
 * unknown fields give a `Left` whose issues name the field or the agenda's
 * index. Topic ids are taken as unique (`parseTopics` ensures it). Cost: one
 * score per city and topic.
 *
 * @example
 * import * as E from "fp-ts/Either";
 * const r = agendaReflection(
 *   { id: "forum", name: "Forum", agenda: ["public-participation", "free-expression"] },
 *   cities, CATALOG);
 * if (E.isRight(r)) r.right.worstServedId; // the city whose own top topics the agenda misses most
 * agendaReflection({ id: "forum", name: "Forum", agenda: ["climate", "trade-stance"] }, cities, CATALOG);
 * // Left: agenda[0]: is not the id of any topic given; got "climate"
 * @category Cohorts
 */
export function agendaReflection(
  platform: Platform,
  givenCities: readonly City[],
  givenTopics: readonly Topic[],
  options?: AgendaReflectionOptions,
): E.Either<ValidationError, AgendaReflection> {
  const parsedOptions = parseWithSchema(
    AgendaReflectionOptionsSchema,
    options ?? {},
    "an options object",
  );
  if (E.isLeft(parsedOptions)) return parsedOptions;
  const cities = readCities(givenCities);
  if (E.isLeft(cities)) return cities;
  const topics = readTopics(givenTopics);
  if (E.isLeft(topics)) return topics;
  const parsed = parsePlatform(platform, topics.right);
  if (E.isLeft(parsed)) return parsed;
  const matrix = scorerOrDefault(parsedOptions.right.scorer).matrix(cities.right, topics.right);
  const topK = Math.min(REFLECTION_TOP_K, topics.right.length);
  const members = reflectAll(
    matrix,
    topTopicsByCity(matrix, topK),
    columnsOf(matrix, parsed.right.agenda),
  );
  const ranked = [...members].sort(byServedLevel);
  const worst = ranked[0];
  return E.right({
    platformId: parsed.right.id,
    topK,
    members,
    underservedIds: ranked.filter((m) => m.underserved).map((m) => m.cityId),
    ...(worst === undefined ? {} : { worstServedId: worst.cityId }),
  });
}
