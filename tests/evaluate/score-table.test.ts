/**
 * Calibration's fast path against the scorer itself: the score table
 * (factor values kept across scorers that differ in weights, capacity or
 * clout) and the per-list AUCs by midranks must give the scorer's matrix and
 * `rocAuc` over it to the last bit, whatever the sequence of scorers, on the
 * shipped gazetteer places and networks.
 */
import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/Either";
import { describe, expect } from "vitest";
import { prepareInput } from "../../src/evaluate/input";
import { type FitList, listAucs } from "../../src/evaluate/list-aucs";
import { rocAuc } from "../../src/evaluate/metrics";
import { listScopes, scoreColumn } from "../../src/evaluate/scope";
import { scoreTable } from "../../src/evaluate/score-table";
import { createScorer, type Scorer, type ScorerOptions } from "../../src/index";
import { observedEngagement } from "../../src/networks/index";

const prepared = (() => {
  const result = prepareInput(observedEngagement());
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left.issues.slice(0, 3)));
  return result.right;
})();
const named = new Set(prepared.lists.flatMap((list) => list.topicIds));
const topics = prepared.topics.filter((topic) => named.has(topic.id));

/** A few values per number, so that a sequence of scorers repeats settings and reuses what is kept. */
const positive = fc.constantFrom(0.05, 0.3, 1, 2.5);
const options: fc.Arbitrary<ScorerOptions> = fc.record({
  weights: fc.record({
    outlook: positive,
    salience: positive,
    capacity: positive,
    authority: positive,
    values: positive,
  }),
  capacity: fc.record({ clout: positive, means: positive }),
  clout: fc.record({ size: positive, connectivity: positive, capital: positive }),
  aggregation: fc.constantFrom("need-first", "arithmetic", "geometric"),
});

function scorerOf(o: ScorerOptions): Scorer {
  const scorer = createScorer(o);
  if (E.isLeft(scorer)) throw new Error(JSON.stringify(scorer.left.issues));
  return scorer.right;
}

/** Changes one part of the options at a time, as the calibration search does. */
const sequences = fc.tuple(
  options,
  fc.array(fc.tuple(fc.constantFrom("weights", "capacity", "clout", "aggregation"), options), {
    minLength: 1,
    maxLength: 6,
  }),
);

/** The first index where two arrays differ (by Object.is, so 0 and −0 differ), or −1. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

function walk([first, moves]: [ScorerOptions, [keyof ScorerOptions, ScorerOptions][]]) {
  const out = [first];
  for (const [part, source] of moves) {
    out.push({ ...(out[out.length - 1] as ScorerOptions), [part]: source[part] });
  }
  return out;
}

describe("the score table", () => {
  test.prop([sequences], { numRuns: 8 })(
    "gives each scorer's matrix to the last bit, however the scorers before it differed",
    (sequence) => {
      const table = scoreTable(prepared.cities, topics);
      for (const o of walk(sequence)) {
        const scorer = scorerOf(o);
        const expected = scorer.matrix(prepared.cities, topics).scores;
        expect(firstDifference(table(scorer), expected)).toBe(-1);
      }
    },
  );
});

describe("the per-list AUCs calibration fits", () => {
  const lists: FitList[] = listScopes(prepared).map((scope) => ({
    scope,
    topicIds: scope.list.topicIds,
  }));

  test.prop([sequences], { numRuns: 6 })(
    "equal the mean over each list's topics of rocAuc over the scorer's matrix, to the last bit",
    (sequence) => {
      const measure = listAucs(prepared, lists);
      for (const o of walk(sequence)) {
        const scorer = scorerOf(o);
        const matrix = scorer.matrix(prepared.cities, prepared.topics);
        const expected = lists.map(({ scope, topicIds }) => {
          let sum = 0;
          for (const topicId of topicIds) {
            const column = scoreColumn(matrix, matrix.topicIds.indexOf(topicId), scope.cities);
            sum += rocAuc(column, scope.member);
          }
          return sum / topicIds.length;
        });
        expect(firstDifference(measure(scorer), expected)).toBe(-1);
      }
    },
  );
});
