/**
 * Ids of a batch of cities: grouping reports members by id, so ids must be
 * unique.
 *
 * @module
 */
import { firstSeenTracker } from "../internal/ids";
import type { Issue } from "../model/errors";
import type { City } from "../model/schemas";

/** One issue per city whose id repeats an earlier city's, at `[index, "id"]`. */
export function repeatedIds(cities: readonly City[]): Issue[] {
  const firstIndexOf = firstSeenTracker<string, number>();
  const issues: Issue[] = [];
  cities.forEach((city, index) => {
    const seen = firstIndexOf(city.id, index);
    if (seen !== undefined) {
      issues.push({ path: [index, "id"], message: `repeats the id of the city at index ${seen}` });
    }
  });
  return issues;
}
