/**
 * The figure calibration fits: per membership list, the mean over its topics
 * of the AUC of the scores over the cities in its scope, for one scorer
 * after another.
 *
 * What does not depend on the scorer is worked out once: the topics the
 * lists name, the distinct columns (topic and scope: lists of the same scope
 * on the same topic rank the same scores), each list's members as positions
 * in its column. Per scorer: the scores ({@link scoreTable}), each column's
 * {@link rankCounts}, then each list's AUC by midranks. The figures equal
 * `rocAuc` over `scorer.matrix` to the last bit (a test compares them).
 *
 * @module
 */
import type { Scorer } from "../score/scorer";
import type { PreparedInput } from "./input";
import { aucByMidranks, type RankCounts, rankCounts } from "./metrics";
import { gatherColumn, type ListScope } from "./scope";
import { scoreTable } from "./score-table";

/** A list that calibration fits: its comparison sets and the topics its AUC is averaged over. */
export interface FitList {
  readonly scope: ListScope;
  readonly topicIds: readonly string[];
}

/** A topic over a scope's cities: the scores one or more lists are ranked by. */
interface Column {
  readonly topic: number;
  readonly cities: Int32Array;
}

/** The scope's countries, in order, or "*" for the world: equal keys, equal cities in scope. */
function scopeKey(scope: ListScope): string {
  const countries = scope.list.scopeCountries;
  return countries === undefined ? "*" : [...countries].sort().join(";");
}

/** Indexes of the members among the scope's positions. */
function memberPositions(scope: ListScope): Int32Array {
  const positions: number[] = [];
  scope.member.forEach((flag, p) => {
    if (flag === 1) positions.push(p);
  });
  return Int32Array.from(positions);
}

/**
 * Returns a function giving, for a scorer, each list's mean AUC over its
 * topics (in the order of `lists`).
 */
export function listAucs(
  input: PreparedInput,
  lists: readonly FitList[],
): (scorer: Scorer) => Float64Array {
  const named = new Set(lists.flatMap((list) => list.topicIds));
  const topics = input.topics.filter((topic) => named.has(topic.id));
  const topicIndex = new Map(topics.map((topic, index) => [topic.id, index]));
  const columns: Column[] = [];
  const columnIndex = new Map<string, number>();
  const columnsOf = lists.map(({ scope, topicIds }) =>
    topicIds.map((topicId) => {
      const key = `${topicId}\u0000${scopeKey(scope)}`;
      let c = columnIndex.get(key);
      if (c === undefined) {
        c = columns.push({ topic: topicIndex.get(topicId) as number, cities: scope.cities }) - 1;
        columnIndex.set(key, c);
      }
      return c;
    }),
  );
  const members = lists.map(({ scope }) => memberPositions(scope));
  const scoresOf = scoreTable(input.cities, topics);
  const values = columns.map((c) => new Float64Array(c.cities.length));
  const counts = columns.map((c) => rankCounts(new Float64Array(c.cities.length)));
  const scores = new Float64Array(input.cities.length * topics.length);
  return (scorer) => {
    scoresOf(scorer, scores);
    columns.forEach((c, i) => {
      const column = values[i] as Float64Array;
      gatherColumn(scores, topics.length, c.topic, c.cities, column);
      rankCounts(column, counts[i]);
    });
    return Float64Array.from(lists, (_, l) => {
      const own = columnsOf[l] as number[];
      let sum = 0;
      for (const c of own) {
        sum += aucByMidranks(
          counts[c] as RankCounts,
          values[c] as Float64Array,
          members[l] as Int32Array,
        );
      }
      return sum / own.length;
    });
  };
}
