/**
 * How ids are compared when a data set must not repeat one.
 *
 * @module
 */

/**
 * The form of an id under which two ids count as the same: Unicode NFC
 * (composed) form, with surrounding white space removed. `"café"` typed with
 * a combining accent and `"café"` typed with `é` are one id, and so are `"a"`
 * and `"a "`: each pair looks the same on screen, so a data set holding both
 * is almost surely a mistake. Letters of different scripts that merely look
 * alike (Latin `a`, Cyrillic `а`) stay different: they are different letters,
 * and telling look-alikes apart needs Unicode's confusables table, which the
 * library does not carry. Ids are compared in this form only; results show
 * each id as given.
 *
 * @example
 * comparableId("cafe\u0301 "); // "café"
 */
export function comparableId(id: string): string {
  return id.normalize("NFC").trim();
}
