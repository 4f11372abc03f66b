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
 * Default factor weights (they sum to 1).
 *
 * Under the default `"need-first"` aggregation salience is not weighed
 * against the others: it multiplies them (see docs/methodology.md), and its
 * weight only sets its share when the score is decomposed into
 * contributions. The other four weights make up feasibility, each divided by
 * their sum (0.7). Under `"arithmetic"` and `"geometric"` all five are
 * weights of a mean, as in model 1.
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
 * DEFAULT_WEIGHTS.salience; // 0.3
 * @category Scoring
 */
export const DEFAULT_WEIGHTS: Readonly<Record<FactorName, number>> = {
  outlook: 0.2,
  salience: 0.3,
  capacity: 0.2,
  authority: 0.15,
  values: 0.15,
};
