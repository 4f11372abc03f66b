/**
 * Orders the library relies on for determinism: ids by UTF-16 code units,
 * and scores highest first with ties broken by id.
 *
 * @module
 */

/** Orders strings by UTF-16 code units, as every tie-break by id in the library does. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A comparator of column indexes `j` of a row of `scores` starting at
 * `offset`: highest score first, ties by `ids[j]`.
 */
export function byScoreThenId(
  scores: ArrayLike<number>,
  ids: readonly string[],
  offset = 0,
): (a: number, b: number) => number {
  return (a, b) => {
    const d = (scores[offset + b] as number) - (scores[offset + a] as number);
    return d !== 0 ? d : compareIds(ids[a] as string, ids[b] as string);
  };
}

/**
 * The column indexes of the `k` highest scores of a row (`ids.length`
 * scores from `offset`), highest first, ties by id.
 */
export function topIndexes(
  scores: ArrayLike<number>,
  ids: readonly string[],
  k: number,
  offset = 0,
): number[] {
  return Array.from({ length: ids.length }, (_, j) => j)
    .sort(byScoreThenId(scores, ids, offset))
    .slice(0, k);
}
