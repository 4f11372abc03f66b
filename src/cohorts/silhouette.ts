/**
 * Silhouettes (Rousseeuw, "Silhouettes: a graphical aid to the interpretation
 * and validation of cluster analysis", Journal of Computational and Applied
 * Mathematics 20, 1987).
 *
 * For a point i of cohort A, a(i) is its mean distance to the other members
 * of A and b(i) the least, over the other cohorts B, of its mean distance to
 * the members of B; its silhouette is (b - a) / max(a, b), from -1 (it sits
 * nearer another cohort) to 1 (well inside its own). A member of a cohort of
 * one has silhouette 0, Rousseeuw's convention, as does every point when
 * there is a single cohort (b is then undefined) or when a = b = 0.
 *
 * Points carry weights, the number of cities sharing a profile: a point of
 * weight w stands for w cities 0 apart, which all have the same silhouette,
 * computed as if each were there.
 *
 * @module
 */

/** A partition of points 0..n-1 into `k` cohorts. */
export interface Partition {
  readonly k: number;
  /** Cohort (0..k-1) of each point. */
  readonly assignment: Int32Array;
}

/**
 * The silhouette of every point under each of several partitions of the same
 * points, row by row: `row(i)` returns the distances from point i to every
 * point, and each row is read once for all partitions. Each partition lists
 * its points cohort by cohort, so a cohort's sum is one run of additions
 * into a register. Cost: n² distances plus n² additions per partition.
 */
export function silhouettes(
  weights: Float64Array,
  row: (i: number) => Float64Array,
  partitions: readonly Partition[],
): Float64Array[] {
  const n = weights.length;
  const layouts = partitions.map((p) => layoutOf(p, weights));
  const out = partitions.map(() => new Float64Array(n));
  const weighted = new Float64Array(n);
  const sum = new Float64Array(Math.max(1, ...partitions.map((p) => p.k)));
  for (let i = 0; i < n; i++) {
    const distances = row(i);
    // Point i itself adds weight * 0: its own copies count in the size, not in the sum.
    for (let j = 0; j < n; j++) weighted[j] = (weights[j] as number) * (distances[j] as number);
    for (let p = 0; p < partitions.length; p++) {
      const { k, assignment } = partitions[p] as Partition;
      if (k < 2) continue;
      (out[p] as Float64Array)[i] = silhouetteOf(
        assignment[i] as number,
        layouts[p] as Layout,
        weighted,
        sum,
      );
    }
  }
  return out;
}

/** A partition's points grouped by cohort, with each cohort's start and weighted size. */
interface Layout {
  /** Cohort c's points are `order[starts[c]..starts[c + 1])`. */
  readonly starts: Int32Array;
  readonly order: Int32Array;
  /** Each cohort's total weight. */
  readonly size: Float64Array;
}

/** Groups a partition's points by cohort (counting sort, stable). */
function layoutOf({ k, assignment }: Partition, weights: Float64Array): Layout {
  const n = weights.length;
  const starts = new Int32Array(k + 1);
  for (let i = 0; i < n; i++) {
    const c = (assignment[i] as number) + 1;
    starts[c] = (starts[c] as number) + 1;
  }
  for (let c = 0; c < k; c++) starts[c + 1] = (starts[c + 1] as number) + (starts[c] as number);
  const next = starts.slice(0, k);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = assignment[i] as number;
    order[next[c] as number] = i;
    next[c] = (next[c] as number) + 1;
  }
  const size = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = assignment[i] as number;
    size[c] = (size[c] as number) + (weights[i] as number);
  }
  return { starts, order, size };
}

/**
 * The silhouette of one point in cohort `own`, given its weighted distances
 * to every point (`weighted`); `sum` is scratch space of at least k entries.
 * 0 for a point alone in its cohort.
 */
function silhouetteOf(
  own: number,
  { starts, order, size }: Layout,
  weighted: Float64Array,
  sum: Float64Array,
): number {
  const k = size.length;
  const ownSize = size[own] as number;
  if (ownSize < 2) return 0;
  for (let c = 0; c < k; c++) {
    let total = 0;
    const end = starts[c + 1] as number;
    for (let t = starts[c] as number; t < end; t++) total += weighted[order[t] as number] as number;
    sum[c] = total;
  }
  const a = (sum[own] as number) / (ownSize - 1);
  let b = Number.POSITIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    const cohortSize = size[c] as number;
    if (c === own || cohortSize === 0) continue;
    const mean = (sum[c] as number) / cohortSize;
    if (mean < b) b = mean;
  }
  const scale = Math.max(a, b);
  return scale === 0 || b === Number.POSITIVE_INFINITY ? 0 : (b - a) / scale;
}

/** The weighted mean of `values` (0 when the weights sum to 0). */
export function weightedMean(values: Float64Array, weights: Float64Array): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i] as number;
    sum += w * (values[i] as number);
    total += w;
  }
  return total === 0 ? 0 : sum / total;
}
