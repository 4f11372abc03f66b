/**
 * Characters that are not text to show: the check behind ids and names, and
 * the escaping of user text in the command line's diagnostics and tables.
 *
 * @module
 */

/**
 * Matches one character that a terminal, a log or a spreadsheet would act on
 * rather than show: C0 and C1 control characters and DEL (U+0000 to U+001F,
 * U+007F to U+009F: line breaks, tabs, escape sequences); the bidirectional
 * formatting characters (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to
 * U+2069), which reorder the text shown around them (CVE-2021-42574,
 * "Trojan Source"); the line and paragraph separators U+2028 and U+2029; and
 * a lone surrogate (half of a UTF-16 pair: no character at all).
 */
export const UNSAFE_CHARACTER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]/u;

/** `U+202E`: how a character is named in messages. */
export function codePointName(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Why `text` cannot be an id or a name (characters counted as code points), or `undefined` when it can: the
 * first unsafe character (see {@link UNSAFE_CHARACTER}) and where it is.
 *
 * @example
 * unsafeTextReason("Lon\ndon");
 * // "must not contain control characters, bidirectional formatting characters or lone surrogates; found U+000A at character 4"
 */
export function unsafeTextReason(text: string): string | undefined {
  const match = UNSAFE_CHARACTER.exec(text);
  if (match === null) return undefined;
  return `must not contain control characters, bidirectional formatting characters or lone surrogates; found ${codePointName(match[0])} at character ${[...text.slice(0, match.index)].length + 1}`;
}
