/**
 * Ids of a batch of cities: grouping reports members by id, so ids must be
 * unique and ordered the same way everywhere.
 *
 * @module
 */
import { firstSeenTracker } from "../internal/ids";
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
  const firstIndexOf = firstSeenTracker<string, number>();
  const issues: Issue[] = [];
  records.forEach((record, index) => {
    const seen = firstIndexOf(comparableId(record.id), index);
    if (seen === undefined) return;
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
