/**
 * zod schemas every layer validates with.
 *
 * @module
 */
import * as z from "zod/mini";

/** Text that is not blank, for ids and names. */
export const nonBlankText = /* @__PURE__ */ (() =>
  z.string().check(z.refine((value) => value.trim() !== "", { error: "must not be empty" })))();

/** Longest id or name accepted, in UTF-16 code units: long enough for any real name. */
export const MAX_TEXT_LENGTH = 200;

/** An id or a name: not blank, at most {@link MAX_TEXT_LENGTH} code units. */
export const boundedText = /* @__PURE__ */ z.string().check(
  z.refine((value) => value.trim() !== "", { error: "must not be empty" }),
  z.maxLength(MAX_TEXT_LENGTH),
);

/** A degree, share or score on the model's 0..1 scales. */
export const unitInterval = /* @__PURE__ */ (() => z.number().check(z.gte(0), z.lte(1)))();
