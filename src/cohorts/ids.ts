/**
 * Ids of a batch of cities: grouping reports members by id, so ids must be
 * unique.
 *
 * @module
 */
import type { Issue } from "../model/errors";
import type { City } from "../model/schemas";

/** One issue per city whose id repeats an earlier city's, at `[index, "id"]`. */
export function repeatedIds(cities: readonly City[]): Issue[] {
  const first = new Map<string, number>();
  const issues: Issue[] = [];
  cities.forEach((city, index) => {
    const seen = first.get(city.id);
    if (seen === undefined) first.set(city.id, index);
    else
      issues.push({ path: [index, "id"], message: `repeats the id of the city at index ${seen}` });
  });
  return issues;
}

/** Orders strings by UTF-16 code units, as every tie-break by id in the library does. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
