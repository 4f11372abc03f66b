/**
 * Finding ids that repeat in a batch, as records stream past.
 *
 * @module
 */

/**
 * A memory of where each id was first seen. Called with an id and where it
 * is now, it returns where the id was seen first, or, for an id not seen
 * before, remembers `at` and returns `undefined`.
 */
export function firstSeenTracker<K, V>(): (id: K, at: V) => V | undefined {
  const first = new Map<K, V>();
  return (id, at) => {
    const seen = first.get(id);
    if (seen !== undefined) return seen;
    first.set(id, at);
    return undefined;
  };
}
