/**
 * The version of the scoring model: its factors, reference tables, weights,
 * gates and the built-in catalog. It changes whenever any number that can move
 * a score changes (and the changelog says which, with before and after), so
 * that a stored result can be traced to the model that made it. It is
 * independent of the package version: a release that changes no number keeps
 * it.
 *
 * @category Scoring
 */
export const MODEL_VERSION = "2.0.0";
