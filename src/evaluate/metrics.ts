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
 * Cost: O(n log n) once to rank, then O(n) per weighting: one sequential
 * pass summing the weights into the groups of tied places, then one pass over
 * the groups.
 *
 * @module
 */

/**
 * The places grouped by score: one group per distinct score, highest first.
 * The metrics need only each group's weight of members and of non-members,
 * so a weighting is summed into the groups in one sequential pass over the
 * places, however the places are ordered.
 */
export interface Ranking {
  /** The group of each place (by place index), 0 for the highest score. */
  readonly groupOf: Int32Array;
  /** The number of groups (distinct scores). */
  readonly groups: number;
  /** The indexes of the member places. */
  readonly memberPlaces: Int32Array;
  /** Members, and non-members, with a weight of 1 each. */
  readonly positives: number;
  readonly negatives: number;
  /** Per group, its number of places and of members with a weight of 1 each. */
  readonly groupSize: Float64Array;
  readonly groupMembers: Float64Array;
  /** Scratch space of a weighting, per group: total weight, then members' weight. */
  readonly scratchTotal: Float64Array;
  readonly scratchMembers: Float64Array;
  /**
   * For a bootstrap replicate, only the groups that hold members matter, and
   * the weight of the places between them. With Q such groups, `slot[i]` is
   * 2a + 1 for a place in the a-th of them (highest first), 2a for a place
   * ranked between the (a − 1)-th and the a-th, 2Q below the last.
   */
  readonly slot: Int32Array;
  /** For each member place (as `memberPlaces`), the index a of its group among the member groups. */
  readonly memberSlot: Int32Array;
  /** Q, the number of groups that hold members. */
  readonly memberGroups: number;
  /** Scratch space of a replicate: weight per slot (2Q + 1), members' weight per member group (Q). */
  readonly scratchSlots: Float64Array;
  readonly scratchMemberSlots: Float64Array;
}

/**
 * Each place's group (0 for the highest score) and the number of groups: one
 * per distinct score. The distinct scores come from a numeric sort of a copy
 * of the scores (a typed array's own sort, without a comparator: several
 * times faster than sorting indexes by score); each place then finds its
 * score among them by binary search. -0 and 0 are one score, as `===` has it.
 */
function groupByScore(scores: ArrayLike<number>): { groupOf: Int32Array; groups: number } {
  const n = scores.length;
  const sorted = Float64Array.from(scores).sort();
  // The distinct scores, highest first.
  const distinct = new Float64Array(n);
  let groups = 0;
  for (let j = n - 1; j >= 0; j--) {
    const value = sorted[j] as number;
    if (groups === 0 || distinct[groups - 1] !== value) distinct[groups++] = value;
  }
  const groupOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const value = scores[i] as number;
    let lo = 0;
    let hi = groups - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((distinct[mid] as number) > value) lo = mid + 1;
      else hi = mid;
    }
    groupOf[i] = lo;
  }
  return { groupOf, groups };
}

/** Per group its places and members; the member places in index order. */
function groupCounts(groupOf: Int32Array, groups: number, member: Uint8Array) {
  const memberPlaces: number[] = [];
  const groupSize = new Float64Array(groups);
  const groupMembers = new Float64Array(groups);
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i] as number;
    groupSize[g] = (groupSize[g] as number) + 1;
    if (member[i] === 1) {
      memberPlaces.push(i);
      groupMembers[g] = (groupMembers[g] as number) + 1;
    }
  }
  return { groupSize, groupMembers, memberPlaces: Int32Array.from(memberPlaces) };
}

/** The slots of {@link Ranking.slot} and {@link Ranking.memberSlot}, and the number of member groups. */
function memberSlots(groupOf: Int32Array, groupMembers: Float64Array, memberPlaces: Int32Array) {
  const groups = groupMembers.length;
  // Number the groups that hold members, highest first.
  const memberGroupIndex = new Int32Array(groups).fill(-1);
  let memberGroups = 0;
  for (let g = 0; g < groups; g++)
    if ((groupMembers[g] as number) > 0) memberGroupIndex[g] = memberGroups++;
  // For each group, how many member groups rank above it.
  const above = new Int32Array(groups);
  for (let g = 0, count = 0; g < groups; g++) {
    above[g] = count;
    if ((memberGroupIndex[g] as number) >= 0) count++;
  }
  const slot = Int32Array.from(groupOf, (g) =>
    (memberGroupIndex[g] as number) >= 0 ? 2 * (above[g] as number) + 1 : 2 * (above[g] as number),
  );
  const memberSlot = Int32Array.from(
    memberPlaces,
    (i) => memberGroupIndex[groupOf[i] as number] as number,
  );
  return { slot, memberSlot, memberGroups };
}

/**
 * Groups places by score, highest first; `member[i]` is 1 for members. NaN
 * scores are not expected (the scorer and the baselines give finite numbers).
 */
export function rankByScore(scores: ArrayLike<number>, member: Uint8Array): Ranking {
  const { groupOf, groups } = groupByScore(scores);
  const { groupSize, groupMembers, memberPlaces } = groupCounts(groupOf, groups, member);
  const { slot, memberSlot, memberGroups } = memberSlots(groupOf, groupMembers, memberPlaces);
  return {
    slot,
    memberSlot,
    memberGroups,
    scratchSlots: new Float64Array(2 * memberGroups + 1),
    scratchMemberSlots: new Float64Array(memberGroups),
    groupOf,
    groups,
    memberPlaces,
    positives: memberPlaces.length,
    negatives: scores.length - memberPlaces.length,
    groupSize,
    groupMembers,
    scratchTotal: new Float64Array(groups),
    scratchMembers: new Float64Array(groups),
  };
}

/** The three metrics of one weighting. */
export interface MetricValues {
  auc: number;
  averagePrecision: number;
  precisionAtK: number;
}

/**
 * ROC AUC, average precision and precision at k (k = the members' total
 * weight) of a ranking. `weight` (per place, by place index) defaults to 1
 * for every place; `totals` are the members' and non-members' total weights
 * when the caller knows them (a stratified resample keeps them). NaN where
 * a metric is undefined (no member, or for AUC no non-member). Cost: O(n)
 * for a weighting (one sequential pass), then O(groups).
 */
export function rankingMetrics(
  ranking: Ranking,
  weight?: ArrayLike<number>,
  totals?: { readonly positives: number; readonly negatives: number },
  out: MetricValues = { auc: 0, averagePrecision: 0, precisionAtK: 0 },
): MetricValues {
  if (weight === undefined) {
    return groupMetrics(
      ranking.groupSize,
      ranking.groupMembers,
      ranking.groups,
      ranking.positives,
      ranking.negatives,
      out,
    );
  }
  const { groupOf, memberPlaces } = ranking;
  const groupTotal = ranking.scratchTotal;
  const groupMembers = ranking.scratchMembers;
  groupTotal.fill(0);
  groupMembers.fill(0);
  const n = groupOf.length;
  let all = 0;
  for (let i = 0; i < n; i++) {
    const w = weight[i] as number;
    const g = groupOf[i] as number;
    groupTotal[g] = (groupTotal[g] as number) + w;
    all += w;
  }
  let positives = 0;
  for (let m = 0; m < memberPlaces.length; m++) {
    const i = memberPlaces[m] as number;
    const w = weight[i] as number;
    const g = groupOf[i] as number;
    groupMembers[g] = (groupMembers[g] as number) + w;
    positives += w;
  }
  return totals === undefined
    ? groupMetrics(groupTotal, groupMembers, ranking.groups, positives, all - positives, out)
    : groupMetrics(
        groupTotal,
        groupMembers,
        ranking.groups,
        totals.positives,
        totals.negatives,
        out,
      );
}

/**
 * {@link rankingMetrics} of a bootstrap replicate, given the places it drew
 * (`drawn[0..drawnCount)`, each once, with its count in `weight`) and the
 * totals it keeps: the same figures, to the last bit. It sums only over the
 * places drawn (about 63% of them, a list every score of the replicate
 * shares), into the slots of `Ranking.slot`, and walks only the groups that
 * hold members: O(drawn + members) instead of O(n + groups).
 */
export function replicateMetrics(
  ranking: Ranking,
  drawn: Int32Array,
  drawnCount: number,
  weight: Float64Array,
  totals: { readonly positives: number; readonly negatives: number },
  out: MetricValues,
): MetricValues {
  const { slot, memberSlot, memberPlaces, memberGroups } = ranking;
  const slots = ranking.scratchSlots;
  const memberWeight = ranking.scratchMemberSlots;
  slots.fill(0);
  memberWeight.fill(0);
  for (let k = 0; k < drawnCount; k++) {
    const i = drawn[k] as number;
    const at = slot[i] as number;
    slots[at] = (slots[at] as number) + (weight[i] as number);
  }
  for (let m = 0; m < memberPlaces.length; m++) {
    const a = memberSlot[m] as number;
    memberWeight[a] = (memberWeight[a] as number) + (weight[memberPlaces[m] as number] as number);
  }
  // The walk of groupMetrics over the member groups only: the places between
  // two of them are non-members, which add to the count above and to no sum.
  const { positives, negatives } = totals;
  const walk = startWalk(positives, negatives);
  for (let a = 0; a < memberGroups; a++) {
    walk.falsePositives += slots[2 * a] as number;
    addGroup(walk, slots[2 * a + 1] as number, memberWeight[a] as number);
  }
  return finishWalk(walk, out);
}

/**
 * The three metrics from each group's total weight and members' weight,
 * groups highest score first.
 */
function groupMetrics(
  groupTotal: Float64Array,
  groupMembers: Float64Array,
  groups: number,
  positives: number,
  negatives: number,
  out: MetricValues,
): MetricValues {
  const walk = startWalk(positives, negatives);
  // No branch on empty groups (a third of them in a bootstrap replicate, at
  // random): an empty group adds nothing to the sums.
  for (let g = 0; g < groups; g++)
    addGroup(walk, groupTotal[g] as number, groupMembers[g] as number);
  return finishWalk(walk, out);
}

/** The running sums of a walk down the ranking, groups highest score first. */
interface Walk {
  readonly positives: number;
  readonly negatives: number;
  truePositives: number;
  falsePositives: number;
  pairs: number;
  precisionSum: number;
  hits: number;
}

function startWalk(positives: number, negatives: number): Walk {
  return {
    positives,
    negatives,
    truePositives: 0,
    falsePositives: 0,
    pairs: 0,
    precisionSum: 0,
    hits: 0,
  };
}

/** Adds one group of tied places: its total weight and its members' weight. */
function addGroup(w: Walk, groupSize: number, groupPositives: number): void {
  const groupNegatives = groupSize - groupPositives;
  const taken = w.truePositives + w.falsePositives;
  if (taken < w.positives && groupSize > 0) {
    w.hits += (Math.min(w.positives - taken, groupSize) * groupPositives) / groupSize;
  }
  w.truePositives += groupPositives;
  w.falsePositives += groupNegatives;
  if (groupPositives > 0) {
    // Members of this group against non-members ranked below it, ties at one half.
    const negativesBelow = w.negatives - w.falsePositives;
    w.pairs += groupPositives * (negativesBelow + 0.5 * groupNegatives);
    w.precisionSum += (groupPositives * w.truePositives) / (w.truePositives + w.falsePositives);
  }
}

/** AUC, average precision and precision at k from a finished walk. */
function finishWalk(w: Walk, out: MetricValues): MetricValues {
  const { positives, negatives } = w;
  out.auc = positives > 0 && negatives > 0 ? w.pairs / (positives * negatives) : Number.NaN;
  out.averagePrecision = positives > 0 ? w.precisionSum / positives : Number.NaN;
  out.precisionAtK = positives > 0 ? w.hits / positives : Number.NaN;
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
 * A column of scores arranged to count, for any of its values x, the scores
 * below x and the scores at most x: the midranks behind the Mann-Whitney
 * form of AUC. Built in O(n) without sorting: the scores go into B buckets
 * of equal width between the least and the greatest (B = n / 4, rounded
 * up), by min(floor((x − least) × B / (greatest − least)), B − 1), which
 * never decreases as x grows (each floating-point step is monotone, and so
 * are floor and min), so every score in a lower
 * bucket is below x and every score in a higher one above it; only x's own
 * bucket is compared score by score (sorted on first use when large).
 */
export interface RankCounts {
  /** The scores, bucket after bucket (each bucket's scores in input order until sorted). */
  readonly values: Float64Array;
  /** Where each bucket starts in `values`; one entry more than buckets, the last `n`. */
  readonly start: Int32Array;
  least: number;
  /** Buckets per unit of score: B / (greatest − least), 0 when all scores are equal. */
  scale: number;
  /** 1 once a bucket's scores are sorted. */
  readonly sorted: Uint8Array;
  /** Scratch space: each score's bucket, and where the next score of each bucket goes. */
  readonly bucket: Int32Array;
  readonly next: Int32Array;
}

/**
 * Places per bucket on average: a few, so that the buckets' counts stay small
 * beside the scores, and a member's own bucket is a short scan.
 */
const PLACES_PER_BUCKET = 4;

/** Buckets larger than this are sorted and searched by bisection; smaller ones are scanned. */
const SCANNED_BUCKET = 16;

/** The bucket of x: the one formula of both the counting sort and the queries. */
function bucketIndex(x: number, least: number, scale: number, last: number): number {
  return Math.min(Math.floor((x - least) * scale), last);
}

function bucketOf(counts: RankCounts, x: number): number {
  return bucketIndex(x, counts.least, counts.scale, counts.sorted.length - 1);
}

/** Space for the {@link RankCounts} of a column of `n` scores. */
function emptyRankCounts(n: number): RankCounts {
  const buckets = Math.max(1, Math.ceil(n / PLACES_PER_BUCKET));
  return {
    values: new Float64Array(n),
    start: new Int32Array(buckets + 1),
    least: 0,
    scale: 0,
    sorted: new Uint8Array(buckets),
    bucket: new Int32Array(n),
    next: new Int32Array(buckets),
  };
}

/**
 * The {@link RankCounts} of a column of finite scores, in `reuse` when it
 * was made for a column of the same length (its previous counts are then
 * overwritten).
 */
export function rankCounts(scores: Float64Array, reuse?: RankCounts): RankCounts {
  const n = scores.length;
  const counts = reuse?.values.length === n ? reuse : emptyRankCounts(n);
  let least = Number.POSITIVE_INFINITY;
  let greatest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = scores[i] as number;
    if (x < least) least = x;
    if (x > greatest) greatest = x;
  }
  const scale = greatest > least ? counts.sorted.length / (greatest - least) : 0;
  counts.least = least;
  counts.scale = Number.isFinite(scale) ? scale : 0;
  counts.sorted.fill(0);
  fillBuckets(counts, scores);
  return counts;
}

/** Counting sort of the scores into their buckets (the loops read the bucket's arithmetic from locals). */
function fillBuckets(counts: RankCounts, scores: Float64Array): void {
  const { start, values, bucket, next, least, scale } = counts;
  const n = scores.length;
  const last = next.length - 1;
  start.fill(0);
  for (let i = 0; i < n; i++) {
    const b = bucketIndex(scores[i] as number, least, scale, last);
    bucket[i] = b;
    start[b + 1] = (start[b + 1] as number) + 1;
  }
  let at = 0;
  for (let b = 0; b <= last; b++) {
    next[b] = at;
    at += start[b + 1] as number;
    start[b + 1] = at;
  }
  for (let i = 0; i < n; i++) {
    const b = bucket[i] as number;
    const to = next[b] as number;
    values[to] = scores[i] as number;
    next[b] = to + 1;
  }
}

/** The first index in `values[from..to)` (sorted) whose value is above x (`orEqual`) or at least x. */
function bisect(values: Float64Array, from: number, to: number, x: number, orEqual: boolean) {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid] as number;
    if (v < x || (orEqual && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The number of scores below x plus the number at most x: twice x's 0-based midrank. */
function belowPlusAtMost(counts: RankCounts, x: number): number {
  const b = bucketOf(counts, x);
  const { values, start } = counts;
  const from = start[b] as number;
  const to = start[b + 1] as number;
  if (to - from > SCANNED_BUCKET) {
    if (counts.sorted[b] === 0) {
      values.subarray(from, to).sort();
      counts.sorted[b] = 1;
    }
    return bisect(values, from, to, x, false) + bisect(values, from, to, x, true);
  }
  let sum = 2 * from;
  for (let j = from; j < to; j++) {
    const v = values[j] as number;
    if (v < x) sum += 2;
    else if (v === x) sum += 1;
  }
  return sum;
}

/**
 * ROC AUC by midranks (the Mann-Whitney form): the members' 1-based midranks
 * among all the scores summed, less the least possible sum, over
 * member/non-member pairs; the same figure as {@link rocAuc}, to the last
 * bit (the rank sum is a sum of halves, exact in floating point), in O(n)
 * for the column, then about O(1) per member. `counts` are the column's
 * {@link rankCounts}, shared by every list ranked on the same scores;
 * `memberPositions` the indexes of the members in `scores`.
 */
export function aucByMidranks(
  counts: RankCounts,
  scores: Float64Array,
  memberPositions: Int32Array,
): number {
  const members = memberPositions.length;
  let rankSum = 0;
  for (let m = 0; m < members; m++) {
    rankSum += (belowPlusAtMost(counts, scores[memberPositions[m] as number] as number) + 1) / 2;
  }
  const nonMembers = scores.length - members;
  return (rankSum - (members * (members + 1)) / 2) / (members * nonMembers);
}
