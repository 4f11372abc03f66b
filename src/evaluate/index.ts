/**
 * Evaluation against observed engagement: how well relevance scores rank the
 * members of city networks (or any membership lists), and scorer options
 * calibrated to them.
 *
 * @module
 */
export type { Estimate } from "./bootstrap";
export {
  DEFAULT_MIN_MEMBERS,
  DEFAULT_REPLICATES,
  type EvaluateOptions,
  type Evaluation,
  type EvaluationProgress,
  type EvaluationRow,
  type EvaluationRowBase,
  evaluateRelevance,
  type ListMetrics,
  type MeasuredRow,
  type UnmeasuredRow,
} from "./evaluate";
export type { EvaluationInput, MembershipList } from "./input";
