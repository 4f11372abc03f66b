/**
 * The input of evaluation and calibration, validated at the edge: cities,
 * topics, membership lists over the cities' ids, and the scorer's options.
 *
 * @module
 */
import * as E from "fp-ts/Either";
import * as z from "zod/mini";
import { repeatedIds } from "../cohorts/ids";
import { firstSeenTracker } from "../internal/ids";
import { compareIds } from "../internal/order";
import { COUNTRY_CODES } from "../model/country-codes";
import {
  type Issue,
  type PathSegment,
  type ValidationError,
  validationError,
} from "../model/errors";
import { parseCity, parseTopic, parseWithSchema } from "../model/parse";
import type { City, CitySchema, Topic, TopicSchema } from "../model/schemas";
import type { ScorerOptions } from "../score/options";
import { createScorer, type Scorer } from "../score/scorer";

const id = /* @__PURE__ */ (() =>
  z.string().check(
    z.refine((value) => value.trim() !== "", { error: "must not be empty" }),
    z.maxLength(200),
  ))();

const ListSchema = /* @__PURE__ */ (() =>
  z.readonly(
    z.strictObject({
      id,
      topicIds: z.readonly(z.array(id).check(z.minLength(1))),
      memberIds: z.readonly(z.array(id)),
      scopeCountries: z.optional(z.readonly(z.array(z.enum(COUNTRY_CODES)).check(z.minLength(1)))),
    }),
  ))();

/** The outer shape; cities and topics are then parsed one by one, as `parseCity` and `parseTopic` do. */
const InputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    cities: z.array(z.unknown()),
    topics: z.array(z.unknown()),
    lists: z.readonly(z.array(ListSchema)),
    scorer: z.optional(z.unknown()),
  }))();

/**
 * A membership list: the ids of the cities (of the same input) that belong
 * to a network, the catalog topics the membership evidences, and the
 * countries the network recruits from (absent: the whole world).
 *
 * @example
 * const list: MembershipList = {
 *   id: "c40",
 *   topicIds: ["climate-action"],
 *   memberIds: ["gb-london", "fr-paris"],
 * };
 * @category Evaluation
 */
export type MembershipList = z.output<typeof ListSchema>;

/**
 * The input of {@link evaluateRelevance} and {@link calibrateScorer}: any
 * cities, topics and membership lists over those cities' ids, and optionally
 * the scorer options (as {@link createScorer} takes them) to evaluate or to
 * start calibration from; the default model when absent.
 *
 * @category Evaluation
 */
export interface EvaluationInput {
  readonly cities: readonly z.input<typeof CitySchema>[];
  readonly topics: readonly z.input<typeof TopicSchema>[];
  readonly lists: readonly MembershipList[];
  readonly scorer?: unknown;
}

/**
 * Validates one membership list's shape (not its references to cities and
 * topics, which need the rest of the input). Never throws.
 */
export function parseMembershipList(input: unknown): E.Either<ValidationError, MembershipList> {
  return parseWithSchema(ListSchema, input, "a membership list object");
}

/** A list as evaluation uses it: members as a set, scope resolved. */
export interface PreparedList {
  readonly id: string;
  readonly topicIds: readonly string[];
  readonly memberIds: ReadonlySet<string>;
  /** The countries of its scope; undefined for the whole world. */
  readonly scopeCountries: ReadonlySet<string> | undefined;
}

/** Validated input, cities in canonical order (by id) so that nothing depends on input order. */
export interface PreparedInput {
  readonly cities: readonly City[];
  readonly topics: readonly Topic[];
  readonly lists: readonly PreparedList[];
  /** The scorer options as given (undefined for the default model). */
  readonly scorerOptions: unknown;
  readonly scorer: Scorer;
}

type Collection = "cities" | "topics" | "lists";

/** Adds the record's id to each issue's message, so that an error names the record as well as the field. */
function nameRecords(issues: readonly Issue[], input: unknown): Issue[] {
  return issues.map((issue) => {
    const [collection, index] = issue.path;
    if (typeof index !== "number" || typeof collection !== "string") return issue;
    const records = (input as Record<string, unknown>)[collection];
    const record = Array.isArray(records) ? records[index] : undefined;
    const recordId =
      typeof record === "object" && record !== null ? (record as { id?: unknown }).id : undefined;
    if (typeof recordId !== "string" || recordId.trim() === "") return issue;
    const noun = { cities: "city", topics: "topic", lists: "list" }[collection as Collection];
    if (noun === undefined) return issue;
    return { path: issue.path, message: `${issue.message} (${noun} "${recordId.slice(0, 80)}")` };
  });
}

function repeated(ids: readonly string[], what: string, collection: Collection): Issue[] {
  const firstIndexOf = firstSeenTracker<string, number>();
  const issues: Issue[] = [];
  ids.forEach((value, index) => {
    const seen = firstIndexOf(value, index);
    if (seen !== undefined)
      issues.push({
        path: [collection, index, "id"],
        message: `repeats the id of the ${what} at index ${seen} ("${value}")`,
      });
  });
  return issues;
}

/** Issues of references between records: member ids naming no city, topic ids naming no topic. */
function referenceIssues(
  cities: readonly City[],
  topics: readonly Topic[],
  lists: readonly MembershipList[],
): Issue[] {
  const cityIds = new Set(cities.map((city) => city.id));
  const topicIds = new Set(topics.map((topic) => topic.id));
  const issues: Issue[] = [
    ...repeatedIds(cities).map((issue) => ({
      path: ["cities", ...issue.path] as PathSegment[],
      message: issue.message,
    })),
    ...repeated(
      topics.map((topic) => topic.id),
      "topic",
      "topics",
    ),
    ...repeated(
      lists.map((list) => list.id),
      "list",
      "lists",
    ),
  ];
  lists.forEach((list, index) => {
    list.topicIds.forEach((topicId, t) => {
      if (!topicIds.has(topicId))
        issues.push({
          path: ["lists", index, "topicIds", t],
          message: `names no topic of the input: "${topicId}" (list "${list.id}")`,
        });
    });
    list.memberIds.forEach((memberId, m) => {
      if (!cityIds.has(memberId))
        issues.push({
          path: ["lists", index, "memberIds", m],
          message: `names no city of the input: "${memberId}" (list "${list.id}")`,
        });
    });
  });
  return issues;
}

/**
 * Validates an evaluation input: the shapes (every city and topic as
 * {@link parseCity} and {@link parseTopic} would), unique ids, references
 * that resolve, and scorer options that {@link createScorer} accepts. A
 * member listed twice counts once.
 */
export function prepareInput(input: unknown): E.Either<ValidationError, PreparedInput> {
  const parsed = parseWithSchema(InputSchema, input, "an evaluation input object");
  if (E.isLeft(parsed)) return E.left(validationError(nameRecords(parsed.left.issues, input)));
  const { lists, scorer: scorerOptions } = parsed.right;
  const recordIssues: Issue[] = [];
  const parseAll = <T>(
    records: readonly unknown[],
    collection: Collection,
    parse: (record: unknown) => E.Either<ValidationError, T>,
  ): T[] =>
    records.flatMap((record, index) => {
      const result = parse(record);
      if (E.isRight(result)) return [result.right];
      for (const issue of result.left.issues)
        recordIssues.push({ path: [collection, index, ...issue.path], message: issue.message });
      return [];
    });
  const cities = parseAll(parsed.right.cities, "cities", parseCity);
  const topics = parseAll(parsed.right.topics, "topics", parseTopic);
  if (recordIssues.length > 0) return E.left(validationError(nameRecords(recordIssues, input)));
  const issues = referenceIssues(cities, topics, lists);
  if (issues.length > 0) return E.left(validationError(issues));
  // Validated by createScorer itself: the input's options are data of unknown shape.
  const scorer = createScorer(scorerOptions as ScorerOptions);
  if (E.isLeft(scorer))
    return E.left(
      validationError(
        scorer.left.issues.map((issue) => ({
          path: ["scorer", ...issue.path],
          message: issue.message,
        })),
      ),
    );
  return E.right({
    cities: [...cities].sort((a, b) => compareIds(a.id, b.id)),
    topics: [...topics].sort((a, b) => compareIds(a.id, b.id)),
    lists: [...lists]
      .sort((a, b) => compareIds(a.id, b.id))
      .map((list) => ({
        id: list.id,
        topicIds: [...new Set(list.topicIds)].sort(compareIds),
        memberIds: new Set(list.memberIds),
        scopeCountries:
          list.scopeCountries === undefined ? undefined : new Set<string>(list.scopeCountries),
      })),
    scorerOptions,
    scorer: scorer.right,
  });
}

/**
 * The options parsed by `schema` (an options object; absent means `{}`),
 * then the input prepared by {@link prepareInput}: where evaluation and
 * calibration both start. Options are checked first, so that a bad option
 * is reported without the cost of parsing every city.
 */
export function prepareWithOptions<T>(
  schema: z.ZodMiniType<T>,
  input: unknown,
  options: unknown,
): E.Either<ValidationError, readonly [PreparedInput, T]> {
  const parsedOptions = parseWithSchema(schema, options ?? {}, "an options object");
  if (E.isLeft(parsedOptions)) return parsedOptions;
  const prepared = prepareInput(input);
  if (E.isLeft(prepared)) return prepared;
  return E.right([prepared.right, parsedOptions.right] as const);
}
