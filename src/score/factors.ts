import { CALIBRATED } from "./calibrated";

/**
 * The five factors of a relevance score and their default weights.
 *
 * @module
 */

/**
 * The five factors, one per kind of difference, in the order results list them.
 *
 * @example
 * FACTORS.indexOf("salience"); // 1
 * @category Scoring
 */
export const FACTORS = ["outlook", "salience", "capacity", "authority", "values"] as const;

/** The name of a factor. @category Scoring */
export type FactorName = (typeof FACTORS)[number];

/**
 * The essay-reasoned factor weights (they sum to 1): the prior that
 * calibration starts from and shrinks toward (see {@link DEFAULT_WEIGHTS}).
 *
 * Under the default `"need-first"` aggregation salience is not weighed
 * against the others: it multiplies them (see docs/methodology.md), and its
 * weight only sets its share when the score is decomposed into
 * contributions. The other four weights make up feasibility, each divided by
 * their sum. Under `"arithmetic"` and `"geometric"` all five are weights of a
 * mean, as in model 1.
 *
 * - `salience` 0.3: the essay's central claim is that a mayor commits resources
 *   only when engagement speaks to the city's own needs and priorities, so
 *   whether a topic does so weighs most.
 * - `outlook` 0.2 and `capacity` 0.2: the first and second areas of difference
 *   (mayoral outlook; resources and clout), one factor each.
 * - `authority` 0.15 and `values` 0.15: the third area (national governance
 *   norms) has two parts in the essay, centralization and political values;
 *   they share that area's 0.3 equally.
 *
 * @example
 * PRIOR_WEIGHTS.salience; // 0.3
 * @category Scoring
 */
export const PRIOR_WEIGHTS: Readonly<Record<FactorName, number>> = {
  outlook: 0.2,
  salience: 0.3,
  capacity: 0.2,
  authority: 0.15,
  values: 0.15,
};

/**
 * Default factor weights: the essay's prior ({@link PRIOR_WEIGHTS}) with
 * capacity, authority and values fitted to observed engagement by
 * `calibrateScorer` (generated into calibrated.ts by
 * scripts/calibrate-defaults.ts; docs/validation.md gives each value with its
 * prior and the penalty). Outlook and salience keep their prior: no
 * gazetteer place has a known mayoral outlook, so the lists cannot measure
 * outlook's weight, and under need-first salience's weight does not move a
 * score. The scorer normalises weights, so only their ratios matter.
 *
 * @example
 * DEFAULT_WEIGHTS.salience; // 0.3
 * @category Scoring
 */
export const DEFAULT_WEIGHTS: Readonly<Record<FactorName, number>> = CALIBRATED.weights;
