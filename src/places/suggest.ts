/**
 * Suggestions for a place name that matches nothing: the names closest to it
 * by edit distance (Levenshtein, from the `fastest-levenshtein` package).
 *
 * @module
 */
import { distance } from "fastest-levenshtein";

/**
 * The most edits a suggested name may be from the query: a third of the
 * query's length (so "Manchestr" finds "Manchester", one edit in nine
 * letters, while a short query does not pull in every short name), at least 1
 * and at most 3.
 *
 * @category Places
 */
export function maxSuggestionDistance(query: string): number {
  return Math.min(3, Math.max(1, Math.floor(query.length / 3)));
}

/** How many places a `PlaceNotFound` suggests at most. @category Places */
export const MAX_SUGGESTIONS = 5;

/**
 * The indexes of the candidates whose names lie within
 * {@link maxSuggestionDistance} edits of the query, closest first, then by
 * `rank` (lower first), at most `limit`. `names[i]` are the normalized names of
 * candidate `i`; its distance is that of its closest name.
 */
export function closestIndexes(
  query: string,
  names: readonly (readonly string[])[],
  rank: (index: number) => number,
  limit: number = MAX_SUGGESTIONS,
): number[] {
  const max = maxSuggestionDistance(query);
  const found: { index: number; distance: number }[] = [];
  names.forEach((list, index) => {
    let best = Number.POSITIVE_INFINITY;
    for (const name of list) {
      if (Math.abs(name.length - query.length) > max) continue;
      const d = distance(query, name);
      if (d < best) best = d;
    }
    if (best <= max) found.push({ index, distance: best });
  });
  return found
    .sort((a, b) => a.distance - b.distance || rank(a.index) - rank(b.index))
    .slice(0, limit)
    .map((f) => f.index);
}
