/**
 * The bands a score is read in.
 *
 * @module
 */

/**
 * Score bands for reading a score: below 0.5 low, from 0.5 moderate, from
 * 0.75 high. Under the default need-first aggregation the score is at most the
 * topic's salience for the city, so a topic that speaks to none of the city's
 * needs (salience 0.2 to 0.4) always reads low; a topic reads high only when
 * it speaks to the city's needs and the city can act on it (salience and
 * feasibility both near 0.87 or more). The default gates multiply by 0.35,
 * so a topic failing a prerequisite always reads low. Bands are for reading
 * and reporting; the score itself is continuous.
 *
 * @example
 * score >= RELEVANCE_BANDS.high ? "high" : score >= RELEVANCE_BANDS.moderate ? "moderate" : "low";
 * @category Scoring
 */
export const RELEVANCE_BANDS = { moderate: 0.5, high: 0.75 } as const;
