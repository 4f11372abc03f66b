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
 * points, in one pass over the pairs: each distance is computed once,
 * whatever the number of partitions. `row(i)` returns distances from point i
 * to every point (only entries after i are read). Cost: n²/2 distances plus
 * n² updates per partition.
 */
export function silhouettes(
  weights: Float64Array,
  row: (i: number) => Float64Array,
  partitions: readonly Partition[],
): Float64Array[] {
  const n = weights.length;
  const sums = partitions.map((p) => new Float64Array(n * p.k));
  for (let i = 0; i < n; i++) {
    const distances = row(i);
    for (let p = 0; p < partitions.length; p++) {
      const { k, assignment } = partitions[p] as Partition;
      const sum = sums[p] as Float64Array;
      const own = i * k;
      const cohortOfI = assignment[i] as number;
      const weightOfI = weights[i] as number;
      for (let j = i + 1; j < n; j++) {
        const v = distances[j] as number;
        const toJ = own + (assignment[j] as number);
        const toI = j * k + cohortOfI;
        sum[toJ] = (sum[toJ] as number) + (weights[j] as number) * v;
        sum[toI] = (sum[toI] as number) + weightOfI * v;
      }
    }
  }
  return partitions.map((partition, p) => {
    const { k, assignment } = partition;
    const sum = sums[p] as Float64Array;
    const sizes = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const c = assignment[i] as number;
      sizes[c] = (sizes[c] as number) + (weights[i] as number);
    }
    const out = new Float64Array(n);
    if (k < 2) return out;
    for (let i = 0; i < n; i++) {
      const own = assignment[i] as number;
      const ownSize = sizes[own] as number;
      if (ownSize < 2) continue;
      // The point's own copies are 0 away: they count in the size, not in the sum.
      const a = (sum[i * k + own] as number) / (ownSize - 1);
      let b = Number.POSITIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const size = sizes[c] as number;
        if (c === own || size === 0) continue;
        const mean = (sum[i * k + c] as number) / size;
        if (mean < b) b = mean;
      }
      const scale = Math.max(a, b);
      out[i] = scale === 0 || b === Number.POSITIVE_INFINITY ? 0 : (b - a) / scale;
    }
    return out;
  });
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
