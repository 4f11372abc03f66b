/**
 * Ranking metrics of a score against a membership list: ROC AUC, average
 * precision and precision at k, computed exactly by sorting once.
 *
 * Definitions (the same as scikit-learn's, so that a figure can be checked
 * there):
 *
 * - **ROC AUC** (`roc_auc_score`): the probability that a member drawn at
 *   random scores above a non-member drawn at random, a tie counting one half
 *   (the Mann-Whitney U statistic over members times non-members).
 * - **Average precision** (`average_precision_score`, step-wise, not
 *   interpolated): AP = Σₙ (Rₙ − Rₙ₋₁) Pₙ over the distinct scores taken as
 *   thresholds from the highest down, Rₙ and Pₙ the recall and precision of
 *   the places scoring at least the n-th threshold. Tied places enter
 *   together.
 * - **Precision at k**, k the number of members: the share of members among
 *   the k highest-scoring places (R-precision). When a tie straddles the k-th
 *   place, the tied places count at the share of members among them: the
 *   expected precision over every order of the tie, so that the figure does
 *   not depend on the order of the input.
 *
 * Every metric here also takes a weight per place (how many times a bootstrap
 * replicate drew it); a weight of 2 counts exactly as the place listed twice.
 * Cost: O(n log n) once to rank, then O(n) per weighting.
 *
 * @module
 */

/** The places ranked by score, highest first, with the boundaries of tied groups. */
export interface Ranking {
  /** Place indexes, highest score first. */
  readonly order: Int32Array;
  /** 1 where the place at that rank position is the last of its tied group. */
  readonly groupEnd: Uint8Array;
  /** 1 where the place at that rank position is a member. */
  readonly member: Uint8Array;
  /** Members, and non-members, with a weight of 1 each. */
  readonly positives: number;
  readonly negatives: number;
}

/**
 * Ranks places by score, highest first, and marks the groups of equal
 * scores; `member[i]` is 1 for members. NaN scores are not expected (the
 * scorer and the baselines give finite numbers).
 */
export function rankByScore(scores: ArrayLike<number>, member: Uint8Array): Ranking {
  const n = scores.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Ties keep no particular order, which none of the metrics depends on.
  order.sort((a, b) => (scores[b] as number) - (scores[a] as number));
  const groupEnd = new Uint8Array(n);
  const memberByRank = new Uint8Array(n);
  let positives = 0;
  for (let j = 0; j < n; j++) {
    const i = order[j] as number;
    if (j === n - 1 || scores[order[j + 1] as number] !== scores[i]) groupEnd[j] = 1;
    memberByRank[j] = member[i] === 1 ? 1 : 0;
    positives += memberByRank[j] as number;
  }
  return { order, groupEnd, member: memberByRank, positives, negatives: n - positives };
}

/** The three metrics of one weighting. */
export interface MetricValues {
  auc: number;
  averagePrecision: number;
  precisionAtK: number;
}

/**
 * ROC AUC, average precision and precision at k (k = the members' total
 * weight) in one pass over a ranking. `weight` (per place, by place index)
 * defaults to 1 for every place; `totals` are the members' and non-members'
 * total weights when the caller knows them (a stratified resample keeps
 * them). NaN where a metric is undefined (no member, or for AUC no
 * non-member).
 */
export function rankingMetrics(
  ranking: Ranking,
  weight?: ArrayLike<number>,
  totals?: { readonly positives: number; readonly negatives: number },
  out: MetricValues = { auc: 0, averagePrecision: 0, precisionAtK: 0 },
): MetricValues {
  const { order, groupEnd, member } = ranking;
  const n = order.length;
  let positives = weight === undefined ? ranking.positives : 0;
  let negatives = weight === undefined ? ranking.negatives : 0;
  if (weight !== undefined && totals !== undefined) {
    positives = totals.positives;
    negatives = totals.negatives;
  } else if (weight !== undefined) {
    for (let j = 0; j < n; j++) {
      const w = weight[order[j] as number] as number;
      if (member[j] === 1) positives += w;
      else negatives += w;
    }
  }
  let truePositives = 0;
  let falsePositives = 0;
  let pairs = 0;
  let precisionSum = 0;
  let hits = 0;
  let groupPositives = 0;
  let groupNegatives = 0;
  for (let j = 0; j < n; j++) {
    const w = weight === undefined ? 1 : (weight[order[j] as number] as number);
    if (member[j] === 1) groupPositives += w;
    else groupNegatives += w;
    if (groupEnd[j] === 0) continue;
    const groupSize = groupPositives + groupNegatives;
    if (groupSize > 0) {
      // Members of this group against non-members ranked below it, ties at one half.
      const negativesBelow = negatives - falsePositives - groupNegatives;
      pairs += groupPositives * (negativesBelow + 0.5 * groupNegatives);
      const taken = truePositives + falsePositives;
      if (taken < positives) {
        hits += (Math.min(positives - taken, groupSize) * groupPositives) / groupSize;
      }
      truePositives += groupPositives;
      falsePositives += groupNegatives;
      if (groupPositives > 0) {
        precisionSum += (groupPositives * truePositives) / (truePositives + falsePositives);
      }
    }
    groupPositives = 0;
    groupNegatives = 0;
  }
  out.auc = positives > 0 && negatives > 0 ? pairs / (positives * negatives) : Number.NaN;
  out.averagePrecision = positives > 0 ? precisionSum / positives : Number.NaN;
  out.precisionAtK = positives > 0 ? hits / positives : Number.NaN;
  return out;
}

/**
 * ROC AUC of `scores` for `member` (1 = member), ties counted half: what
 * scikit-learn's `roc_auc_score(member, scores)` returns. NaN when either
 * class is empty.
 */
export function rocAuc(scores: ArrayLike<number>, member: Uint8Array): number {
  return rankingMetrics(rankByScore(scores, member)).auc;
}

/** Step-wise average precision, as scikit-learn's `average_precision_score`. NaN without members. */
export function averagePrecision(scores: ArrayLike<number>, member: Uint8Array): number {
  return rankingMetrics(rankByScore(scores, member)).averagePrecision;
}

/** Precision among the k highest scores, k the number of members; ties at the k-th place shared. */
export function precisionAtK(scores: ArrayLike<number>, member: Uint8Array): number {
  return rankingMetrics(rankByScore(scores, member)).precisionAtK;
}

/**
 * ROC AUC by midranks (the Mann-Whitney form): the members' 1-based midranks
 * summed, less the least possible sum, over member/non-member pairs. Sorts
 * a copy with the typed array's own numeric sort and finds each member's
 * tie by binary search: the same figure as {@link rocAuc}, faster when only
 * AUC is wanted (calibration evaluates it thousands of times). `sorted`, the
 * scores in ascending order, may be passed when already at hand.
 */
export function aucByMidranks(
  scores: Float64Array,
  member: Uint8Array,
  members: number,
  sorted: Float64Array = Float64Array.from(scores).sort(),
): number {
  const n = sorted.length;
  const lowerBound = (x: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const upperBound = (x: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let rankSum = 0;
  for (let p = 0; p < n; p++) {
    if (member[p] !== 1) continue;
    const x = scores[p] as number;
    // 1-based midrank of x among all scores.
    rankSum += (lowerBound(x) + upperBound(x) + 1) / 2;
  }
  const nonMembers = n - members;
  return (rankSum - (members * (members + 1)) / 2) / (members * nonMembers);
}
