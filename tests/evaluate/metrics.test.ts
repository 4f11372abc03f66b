/**
 * The ranking metrics against their definitions, written out a second way:
 * AUC by counting pairs (scikit-learn's `roc_auc_score` is the Mann-Whitney
 * statistic, ties counted half), average precision by walking the distinct
 * thresholds (scikit-learn's `average_precision_score`: Σ (Rₙ − Rₙ₋₁) Pₙ),
 * precision at k by its expectation over the orders of a tie.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { stratifiedResampler } from "../../src/evaluate/bootstrap";
import {
  aucByMidranks,
  averagePrecision,
  precisionAtK,
  rankByScore,
  rankCounts,
  rankingMetrics,
  replicateMetrics,
  rocAuc,
} from "../../src/evaluate/metrics";

/** AUC by counting every member/non-member pair: O(n²), the definition itself. */
function aucByPairs(scores: readonly number[], member: readonly number[]): number {
  let pairs = 0;
  let wins = 0;
  scores.forEach((s, i) => {
    if (member[i] !== 1) return;
    scores.forEach((t, j) => {
      if (member[j] === 1) return;
      pairs++;
      wins += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return pairs === 0 ? Number.NaN : wins / pairs;
}

/** Step-wise average precision over the distinct scores, highest first (scikit-learn's definition). */
function apByThresholds(scores: readonly number[], member: readonly number[]): number {
  const positives = member.filter((m) => m === 1).length;
  if (positives === 0) return Number.NaN;
  const thresholds = [...new Set(scores)].sort((a, b) => b - a);
  let ap = 0;
  let previousRecall = 0;
  for (const threshold of thresholds) {
    const selected = scores.map((s, i) => (s >= threshold ? i : -1)).filter((i) => i >= 0);
    const tp = selected.filter((i) => member[i] === 1).length;
    const recall = tp / positives;
    const precision = tp / selected.length;
    ap += (recall - previousRecall) * precision;
    previousRecall = recall;
  }
  return ap;
}

/** Precision at k (k = members): places above the k-th score count fully, the tie at it pro rata. */
function precisionAtKByTies(scores: readonly number[], member: readonly number[]): number {
  const k = member.filter((m) => m === 1).length;
  if (k === 0) return Number.NaN;
  const kth = [...scores].sort((a, b) => b - a)[k - 1] as number;
  const above = scores.map((s, i) => [s, member[i]] as const).filter(([s]) => s > kth);
  const tied = scores.map((s, i) => [s, member[i]] as const).filter(([s]) => s === kth);
  const tiedMembers = tied.filter(([, m]) => m === 1).length;
  const hits =
    above.filter(([, m]) => m === 1).length + (k - above.length) * (tiedMembers / tied.length);
  return hits / k;
}

const flags = (values: readonly number[]) => Uint8Array.from(values);

/** Scores on a coarse grid (many ties) with at least one member and one non-member. */
const labelled = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 1 })), {
    minLength: 2,
    maxLength: 60,
  })
  .filter((pairs) => pairs.some(([, m]) => m === 1) && pairs.some(([, m]) => m === 0))
  .map((pairs) => ({ scores: pairs.map(([s]) => s / 6), member: pairs.map(([, m]) => m) }));

describe("reference cases, computed by hand", () => {
  // The example of scikit-learn's documentation (average_precision_score, "0.83…"; roc_auc_score "0.75"):
  // https://scikit-learn.org/stable/modules/generated/sklearn.metrics.average_precision_score
  test("scikit-learn's documented example: AUC 0.75 and average precision 0.8333 for scores 0.1, 0.4, 0.35, 0.8", () => {
    const scores = [0.1, 0.4, 0.35, 0.8];
    const member = flags([0, 0, 1, 1]);
    // Pairs: 0.35 beats 0.1 but not 0.4; 0.8 beats both: 3 of 4.
    expect(rocAuc(scores, member)).toBe(0.75);
    // Thresholds 0.8 (R 1/2, P 1), 0.4 (R 1/2), 0.35 (R 1, P 2/3): 1/2·1 + 1/2·2/3.
    expect(averagePrecision(scores, member)).toBeCloseTo(0.5 + 1 / 3, 15);
    // k = 2: the two highest are 0.8 (member) and 0.4 (not).
    expect(precisionAtK(scores, member)).toBe(0.5);
  });

  test("a tie between a member and a non-member counts one half", () => {
    const scores = [0.5, 0.5, 0.5, 0.2];
    const member = flags([1, 0, 1, 0]);
    // Each member ties the first non-member (½) and beats the second (1): 3 of 4.
    expect(rocAuc(scores, member)).toBe(0.75);
    // One threshold takes all three tied places at once: recall 1, precision 2/3.
    expect(averagePrecision(scores, member)).toBeCloseTo(2 / 3, 15);
    // k = 2 places out of a tie of three holding two members: 2 · 2/3 hits.
    expect(precisionAtK(scores, member)).toBeCloseTo(2 / 3, 15);
  });

  test("a perfect ranking scores 1 on every metric, a reversed one AUC 0", () => {
    const member = flags([1, 1, 0, 0, 0]);
    expect(rankingMetrics(rankByScore([5, 4, 3, 2, 1], member))).toEqual({
      auc: 1,
      averagePrecision: 1,
      precisionAtK: 1,
    });
    expect(rocAuc([1, 2, 3, 4, 5], member)).toBe(0);
  });

  test("metrics that need a class that is absent are NaN, not a number made up", () => {
    expect(rocAuc([1, 2, 3], flags([0, 0, 0]))).toBeNaN();
    expect(rocAuc([1, 2, 3], flags([1, 1, 1]))).toBeNaN();
    expect(averagePrecision([1, 2, 3], flags([0, 0, 0]))).toBeNaN();
    expect(averagePrecision([1, 2, 3], flags([1, 1, 1]))).toBe(1);
  });
});

describe("laws", () => {
  test.prop([labelled])(
    "AUC equals the share of member/non-member pairs ranked right, ties half",
    ({ scores, member }) => {
      expect(rocAuc(scores, flags(member))).toBeCloseTo(aucByPairs(scores, member), 12);
    },
  );

  test.prop([labelled])(
    "average precision equals the step-wise sum over distinct thresholds",
    ({ scores, member }) => {
      expect(averagePrecision(scores, flags(member))).toBeCloseTo(
        apByThresholds(scores, member),
        12,
      );
    },
  );

  test.prop([labelled])(
    "precision at k counts a tie at the k-th place pro rata",
    ({ scores, member }) => {
      expect(precisionAtK(scores, flags(member))).toBeCloseTo(
        precisionAtKByTies(scores, member),
        12,
      );
    },
  );

  test.prop([labelled])("negating the scores turns AUC into 1 − AUC", ({ scores, member }) => {
    const m = flags(member);
    expect(
      rocAuc(
        scores.map((s) => -s),
        m,
      ),
    ).toBeCloseTo(1 - rocAuc(scores, m), 12);
  });

  test.prop([labelled])(
    "a strictly increasing transform of the scores changes no metric",
    ({ scores, member }) => {
      const m = flags(member);
      const transformed = scores.map((s) => Math.exp(3 * s) + s ** 3);
      expect(rankingMetrics(rankByScore(transformed, m))).toEqual(
        rankingMetrics(rankByScore(scores, m)),
      );
    },
  );

  test.prop([labelled, fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 60, maxLength: 60 })])(
    "a weight of w counts exactly as the place listed w times (what a bootstrap draw relies on)",
    ({ scores, member }, counts) => {
      const weights = scores.map((_, i) => counts[i] as number);
      const repeatedScores: number[] = [];
      const repeatedMember: number[] = [];
      scores.forEach((s, i) => {
        for (let c = 0; c < (weights[i] as number); c++) {
          repeatedScores.push(s);
          repeatedMember.push(member[i] as number);
        }
      });
      const weighted = rankingMetrics(rankByScore(scores, flags(member)), weights);
      const listed = rankingMetrics(rankByScore(repeatedScores, flags(repeatedMember)));
      for (const key of ["auc", "averagePrecision", "precisionAtK"] as const) {
        if (Number.isNaN(listed[key])) expect(weighted[key]).toBeNaN();
        else expect(weighted[key]).toBeCloseTo(listed[key], 12);
      }
    },
  );

  test.prop([labelled, fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 60, maxLength: 60 })])(
    "a replicate summed over the places it drew gives exactly the weighted figures",
    ({ scores, member }, counts) => {
      const weights = Float64Array.from(scores, (_, i) => counts[i] as number);
      const ranking = rankByScore(scores, flags(member));
      const drawn = Int32Array.from(
        scores.flatMap((_, i) => ((weights[i] as number) > 0 ? [i] : [])),
      );
      let positives = 0;
      let negatives = 0;
      scores.forEach((_, i) => {
        if (member[i] === 1) positives += weights[i] as number;
        else negatives += weights[i] as number;
      });
      const out = { auc: 0, averagePrecision: 0, precisionAtK: 0 };
      const replicate = replicateMetrics(
        ranking,
        drawn,
        drawn.length,
        weights,
        {
          positives,
          negatives,
        },
        out,
      );
      const weighted = rankingMetrics(ranking, weights);
      for (const key of ["auc", "averagePrecision", "precisionAtK"] as const) {
        if (Number.isNaN(weighted[key])) expect(replicate[key]).toBeNaN();
        else expect(replicate[key]).toBe(weighted[key]);
      }
    },
  );

  test.prop([labelled, fc.integer()])(
    "the order of the places changes nothing",
    ({ scores, member }, salt) => {
      const order = scores
        .map((_, i) => i)
        .sort((a, b) => ((a * 7919 + salt) % 101) - ((b * 7919 + salt) % 101));
      const shuffledScores = order.map((i) => scores[i] as number);
      const shuffledMember = flags(order.map((i) => member[i] as number));
      const a = rankingMetrics(rankByScore(scores, flags(member)));
      const b = rankingMetrics(rankByScore(shuffledScores, shuffledMember));
      expect(b.auc).toBeCloseTo(a.auc, 12);
      expect(b.averagePrecision).toBeCloseTo(a.averagePrecision, 12);
      expect(b.precisionAtK).toBeCloseTo(a.precisionAtK, 12);
    },
  );
});

describe("AUC by midranks (calibration's AUC)", () => {
  const positionsOf = (member: readonly number[]) =>
    Int32Array.from(member.flatMap((m, i) => (m === 1 ? [i] : [])));

  /**
   * Scores with long runs of equal values (beyond the 16 a bucket scans, so
   * that buckets are sorted and bisected), zeros of both signs, and spread
   * values; at least one member and one non-member.
   */
  const columns = fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(0, -0, 0.25, 1),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.integer({ min: 0, max: 1000 }).map((k) => 0.3 + k * 1e-12),
        ),
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 1, max: 40 }),
      ),
      { minLength: 1, maxLength: 40 },
    )
    .map((runs) => ({
      scores: runs.flatMap(([s, , times]) => Array.from({ length: times }, () => s)),
      member: runs.flatMap(([, m, times], r) =>
        Array.from({ length: times }, (_, k) => ((m + k + r) % 3 === 0 ? 1 : 0)),
      ),
    }))
    .filter(({ member }) => member.includes(1) && member.includes(0));

  test.prop([fc.oneof(labelled, columns)])(
    "equals AUC by counting pairs and rocAuc, to the last bit",
    ({ scores, member }) => {
      const column = Float64Array.from(scores);
      const auc = aucByMidranks(rankCounts(column), column, positionsOf(member));
      expect(auc).toBe(aucByPairs(scores, member));
      expect(auc).toBe(rocAuc(scores, flags(member)));
    },
  );

  test.prop([columns])(
    "counts reused for another column of the same length give that column's AUC",
    ({ scores, member }) => {
      const first = Float64Array.from(scores);
      const counts = rankCounts(first);
      aucByMidranks(counts, first, positionsOf(member));
      const second = Float64Array.from(scores, (_, i) => 0.1 + 0.5 * (scores.at(-1 - i) as number));
      const secondMember = [...member].reverse();
      const reused = rankCounts(second, counts);
      expect(reused).toBe(counts);
      expect(aucByMidranks(reused, second, positionsOf(secondMember))).toBe(
        rocAuc(second, flags(secondMember)),
      );
    },
  );

  test("a column of equal scores has AUC one half", () => {
    const column = new Float64Array(50).fill(0.4);
    const member = Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? 1 : 0));
    expect(aucByMidranks(rankCounts(column), column, positionsOf(member))).toBe(0.5);
  });
});

describe("the stratified bootstrap's draws", () => {
  test.prop([
    fc
      .array(fc.boolean(), { minLength: 1, maxLength: 60 })
      .map((flags) => Uint8Array.from(flags, Number)),
    fc.nat(),
  ])(
    "each replicate keeps both strata's sizes and is the same whether its arrays are reused or fresh",
    (member, seed) => {
      const reused = stratifiedResampler(member, seed);
      const fresh = stratifiedResampler(member, seed);
      const weights = new Float64Array(member.length);
      const drawn = new Int32Array(member.length);
      const members = member.reduce((sum, flag) => sum + flag, 0);
      for (let r = 0; r < 5; r++) {
        const count = reused.next(weights, drawn);
        const freshWeights = new Float64Array(member.length).fill(7);
        const freshDrawn = new Int32Array(member.length);
        expect(fresh.next(freshWeights, freshDrawn)).toBe(count);
        expect([...weights]).toEqual([...freshWeights]);
        expect([...drawn.subarray(0, count)]).toEqual([...freshDrawn.subarray(0, count)]);
        let memberWeight = 0;
        let total = 0;
        for (let i = 0; i < member.length; i++) {
          total += weights[i] as number;
          if (member[i] === 1) memberWeight += weights[i] as number;
        }
        expect(memberWeight).toBe(members);
        expect(total).toBe(member.length);
        // Every place drawn is listed once, and only those.
        const listed = new Set(drawn.subarray(0, count));
        expect(listed.size).toBe(count);
        for (let i = 0; i < member.length; i++)
          expect(listed.has(i)).toBe((weights[i] as number) > 0);
      }
    },
  );
});
