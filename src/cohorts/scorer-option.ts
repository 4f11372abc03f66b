/**
 * The optional `scorer` of the agenda functions, validated like any option.
 *
 * @module
 */
import * as z from "zod/mini";
import { unitInterval } from "../internal/schemas";
import { DEFAULT_SCORER, type Scorer } from "../score/scorer";

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

/** A score threshold on 0..1. */
export const ThresholdSchema = unitInterval;
