/**
 * Ids of a batch of cities: grouping reports members by id, so ids must be
 * unique (checked when the cities are read, in `members.ts`) and ordered
 * the same way everywhere.
 *
 * @module
 */

/** Orders strings by UTF-16 code units, as every tie-break by id in the library does. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
