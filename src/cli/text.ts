/**
 * User text in terminal output. Ids, names, field names and file names come
 * from the user's data; printed raw, a newline in one forges a line of its
 * own (`fake.csv:99: …`), an escape sequence clears the screen and a
 * bidirectional override reorders what is shown. Diagnostics and tables show
 * such characters escaped, visibly, and never let the terminal act on them:
 * one record, one line. JSON and CSV output keep text exactly as given (JSON
 * escapes control characters itself; CSV quotes its cells).
 *
 * @module
 */
import { codePointName, UNSAFE_CHARACTER } from "../model/text";

const EVERY_UNSAFE_CHARACTER = new RegExp(UNSAFE_CHARACTER.source, "gu");

const SHORT_ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * `text` with every character a terminal would act on rather than show
 * written as an escape: `\n`, `\r`, `\t`, else `<U+202E>`.
 *
 * @example
 * visible("fake\ncity\u202e"); // "fake\\ncity<U+202E>"
 */
export function visible(text: string): string {
  return text.replace(
    EVERY_UNSAFE_CHARACTER,
    (character) => SHORT_ESCAPES[character] ?? `<${codePointName(character)}>`,
  );
}
