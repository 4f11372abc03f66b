/**
 * Ids of a batch of cities: grouping reports members by id, so ids must be
 * unique and ordered the same way everywhere.
 *
 * @module
 */
import type { Issue } from "../model/errors";
import { comparableId } from "../model/ids";

/**
 * One issue per record whose id repeats an earlier record's, at `[index,
 * "id"]`. Ids are compared by {@link comparableId} (trimmed, NFC); when the
 * two differ as typed, the message shows both.
 */
export function repeatedIds(
  records: readonly { readonly id: string }[],
  singular = "city",
): Issue[] {
  const first = new Map<string, number>();
  const issues: Issue[] = [];
  records.forEach((record, index) => {
    const key = comparableId(record.id);
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, index);
      return;
    }
    const earlier = (records[seen] as { readonly id: string }).id;
    const same =
      earlier === record.id
        ? ""
        : ` (${JSON.stringify(earlier)} and ${JSON.stringify(record.id)} are one id once trimmed and NFC-normalised)`;
    issues.push({
      path: [index, "id"],
      message: `repeats the id of the ${singular} at index ${seen}${same}`,
    });
  });
  return issues;
}

/** Orders strings by UTF-16 code units, as every tie-break by id in the library does. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
