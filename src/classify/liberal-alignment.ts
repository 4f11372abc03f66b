/**
 * The regime scale as a degree of alignment with liberal-democratic norms.
 *
 * @module
 */
import { REGIMES, type Regime } from "../model/taxonomy";

/**
 * How far a regime's national political values align with liberal-democratic
 * norms (participation, free expression, transparency), on 0..1.
 *
 * The four V-Dem Regimes of the World categories are an ordinal scale coded
 * 0 to 3 (`v2x_regime`); the alignment is that code divided by 3, so that the
 * steps are equal: closed autocracy 0, electoral autocracy 1/3, electoral
 * democracy 2/3, liberal democracy 1. Equal steps are the neutral choice for an
 * ordinal scale when nothing measures the distances between its levels.
 *
 * @example
 * liberalAlignment("liberal-democracy");   // 1
 * liberalAlignment("electoral-autocracy"); // 0.333…
 * @category Classifiers
 */
export function liberalAlignment(regime: Regime): number {
  return REGIMES.indexOf(regime) / (REGIMES.length - 1);
}
