/**
 * A shared agenda: the topics relevant to every member of a group.
 *
 * @module
 */
import * as E from "fp-ts/Either";
import * as z from "zod/mini";
import type { ValidationError } from "../model/errors";
import { parseWithSchema } from "../model/parse";
import type { City, Topic } from "../model/schemas";
import { RELEVANCE_BANDS } from "../score/bands";
import type { ScoreMatrix } from "../score/scorer";
import { readCities, readTopics } from "./members";
import { ScorerOptionSchema, scorerOrDefault, ThresholdSchema } from "./scorer-option";

const SharedAgendaOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    threshold: z.optional(ThresholdSchema),
    scorer: z.optional(ScorerOptionSchema),
  }))();

/**
 * Options of {@link sharedAgenda}.
 *
 * - `threshold` (0..1, default {@link RELEVANCE_BANDS}`.moderate`, 0.5): the
 *   score a topic needs for every member. 0.5 is the lower edge of a
 *   "moderate" score: below it a topic reads as of low relevance to that
 *   member, and an agenda meant to speak to each member should not carry a
 *   topic that reads low to one of them. The default gates cap a topic that
 *   fails a member's prerequisite at 0.35, so such a topic is never shared.
 * - `scorer`: a {@link Scorer} from `createScorer` (default: the default
 *   model).
 *
 * @example
 * sharedAgenda(members, CATALOG, { threshold: RELEVANCE_BANDS.high });
 * @category Cohorts
 */
export type SharedAgendaOptions = z.input<typeof SharedAgendaOptionsSchema>;

/**
 * The member a topic speaks to least, and its score.
 *
 * @example
 * { cityId: "xx-city-1", score: 0.68 }
 * @category Cohorts
 */
export interface WeakestMember {
  readonly cityId: string;
  readonly score: number;
}

/**
 * A topic of a shared agenda.
 *
 * @example
 * { rank: 1, topicId: "urban-advocacy", weakest: { cityId: "xx-city-1", score: 0.68 } }
 * @category Cohorts
 */
export interface SharedTopic {
  /** 1 for the topic whose weakest score is highest. */
  readonly rank: number;
  readonly topicId: string;
  /** The member it is least relevant to (ties: the lower id), with that score: every other member scores at least as much. */
  readonly weakest: WeakestMember;
}

/** For each topic (column), the member with the lowest score, ties by city id. */
export function weakestByTopic(matrix: ScoreMatrix): WeakestMember[] {
  const { cityIds, topicIds, scores } = matrix;
  const columns = topicIds.length;
  return topicIds.map((_, j) => {
    let cityId = "";
    let score = Number.POSITIVE_INFINITY;
    cityIds.forEach((id, i) => {
      const s = scores[i * columns + j] as number;
      if (s < score || (s === score && id < cityId)) {
        score = s;
        cityId = id;
      }
    });
    return { cityId, score };
  });
}

/** The topics every member scores at least `threshold` on, ranked by the weakest score, ties by topic id. */
export function sharedFromMatrix(matrix: ScoreMatrix, threshold: number): SharedTopic[] {
  if (matrix.cityIds.length === 0) return [];
  const weakest = weakestByTopic(matrix);
  return matrix.topicIds
    .map((topicId, j) => ({ topicId, weakest: weakest[j] as WeakestMember }))
    .filter((topic) => topic.weakest.score >= threshold)
    .sort((a, b) =>
      a.weakest.score !== b.weakest.score
        ? b.weakest.score - a.weakest.score
        : a.topicId < b.topicId
          ? -1
          : a.topicId > b.topicId
            ? 1
            : 0,
    )
    .map((topic, index) => ({ rank: index + 1, ...topic }));
}

/**
 * The topics relevant to every member: those whose relevance score is at
 * least the threshold for each of them, ranked by the score of the member
 * they speak to least (ties by topic id), each with that weakest member and
 * its score. A topic high on this list is common ground; one near the
 * threshold holds only just for someone.
 *
 * Scores are the scorer's point scores (`Relevance.score`), computed through
 * its matrix fast path. No members give an empty agenda: there is no one to
 * share it. Invalid options (a threshold outside 0..1, something that is not
 * a scorer, an unknown option) give a `Left`. Cost: one score per member and
 * topic.
 *
 * @example
 * import * as E from "fp-ts/Either";
 * const agenda = sharedAgenda([...coreCities, ...keyCities, ...lowIncomeCities], CATALOG);
 * if (E.isRight(agenda)) agenda.right.map((t) => `${t.topicId} (${t.weakest.cityId} ${t.weakest.score.toFixed(2)})`);
 * // ["urban-advocacy (xx-city-1 0.68)", "basic-services (gb-birmingham 0.67)", "investment-attraction (xx-city-1 0.62)", …]
 * @category Cohorts
 */
export function sharedAgenda(
  givenMembers: readonly City[],
  givenTopics: readonly Topic[],
  options?: SharedAgendaOptions,
): E.Either<ValidationError, readonly SharedTopic[]> {
  const parsed = parseWithSchema(SharedAgendaOptionsSchema, options ?? {}, "an options object");
  if (E.isLeft(parsed)) return parsed;
  const members = readCities(givenMembers);
  if (E.isLeft(members)) return members;
  const topics = readTopics(givenTopics);
  if (E.isLeft(topics)) return topics;
  const threshold = parsed.right.threshold ?? RELEVANCE_BANDS.moderate;
  const matrix = scorerOrDefault(parsed.right.scorer).matrix(members.right, topics.right);
  return E.right(sharedFromMatrix(matrix, threshold));
}
