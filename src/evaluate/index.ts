/**
 * Evaluation against observed engagement: how well relevance scores rank the
 * members of city networks (or any membership lists), and scorer options
 * calibrated to them.
 *
 * @module
 */
export type { Estimate } from "./bootstrap";
export {
  type CalibrateOptions,
  type Calibration,
  type CalibrationParameter,
  type CalibrationProgress,
  type CalibrationReport,
  calibrateScorer,
  calibrationParameters,
  DEFAULT_CALIBRATION_PARAMETERS,
  DEFAULT_PENALTIES,
  type FittedParameter,
  type HeldOutList,
  type NestedCrossValidation,
} from "./calibrate";
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
