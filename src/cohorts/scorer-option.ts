/**
 * The options the agenda functions share: the optional `scorer` (from the
 * score layer, where `rankStability` takes it too) and a score threshold.
 *
 * @module
 */
import { unitInterval } from "../internal/schemas";

export { ScorerOptionSchema, scorerOrDefault } from "../score/scorer-option";

/** A score threshold on 0..1. */
export const ThresholdSchema = unitInterval;
