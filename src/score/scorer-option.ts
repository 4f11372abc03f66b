/**
 * The optional `scorer` of functions that score through a {@link Scorer}
 * (`rankStability`, the agenda functions), validated like any option.
 *
 * @module
 */
import * as z from "zod/mini";
import { DEFAULT_SCORER, type Scorer } from "./scorer";

function isScorer(value: unknown): value is Scorer {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Scorer>;
  return typeof candidate.matrix === "function" && typeof candidate.relevance === "function";
}

/** A {@link Scorer} made by `createScorer` (anything with its `matrix` and `relevance`). */
export const ScorerOptionSchema = /* @__PURE__ */ z.custom<Scorer>(isScorer, {
  error: "must be a Scorer made by createScorer",
});

/** The scorer given, or the default one. */
export function scorerOrDefault(scorer: Scorer | undefined): Scorer {
  return scorer ?? DEFAULT_SCORER;
}
