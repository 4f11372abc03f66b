/**
 * The C40 Cities Climate Leadership Group's 2012 membership categories.
 *
 * @module
 */
import * as E from "fp-ts/Either";
import * as z from "zod/mini";
import type { ValidationError } from "../model/errors";
import { parseWithSchema } from "../model/parse";

/**
 * A C40 2012 guideline category: `megacity`, `innovator` (a smaller city
 * recognised as a climate leader), `not-eligible`, or `unknown` when the facts
 * given cannot decide.
 *
 * @category Classifiers
 */
export type C40Category = "megacity" | "innovator" | "not-eligible" | "unknown";

/**
 * The thresholds of the C40 membership guidelines announced on 3 October 2012
 * ("C40 Announces New Membership Guidelines", C40 Cities Climate Leadership
 * Group): a megacity has a city population of 3 million or more, or a
 * metropolitan population of 10 million or more, or is among the 25 largest
 * city economies by GDP at purchasing power parity.
 *
 * @category Classifiers
 */
export const C40_MEGACITY_CRITERIA = {
  /** City proper population at or above which a city is a megacity. */
  cityPopulation: 3_000_000,
  /** Metropolitan population at or above which a city is a megacity. */
  metroPopulation: 10_000_000,
  /** A rank by GDP (PPP) at or within which a city is a megacity. */
  gdpPppRank: 25,
} as const;

const FactsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    population: z.optional(z.int().check(z.positive())),
    metroPopulation: z.optional(z.int().check(z.positive())),
    gdpPppRank: z.optional(z.int().check(z.positive())),
    climateLeader: z.optional(z.boolean()),
  }))();

/**
 * Facts about a city for {@link c40Category}. Leave out what you do not know.
 *
 * @category Classifiers
 */
export type C40Facts = z.output<typeof FactsSchema>;

/**
 * The C40 2012 membership category a city's facts place it in.
 *
 * A single criterion met makes a megacity, whatever else is unknown. A city
 * that meets none is an `innovator` when recognised as a climate leader and
 * `not-eligible` when known not to be; when a criterion it has not met is
 * unknown, the answer is `unknown`. Invalid facts (negative, fractional or
 * non-finite numbers, unknown fields) give a `Left`.
 *
 * @example
 * c40Category({ population: 8_336_000 });                          // Right("megacity")
 * c40Category({ population: 630_000, metroPopulation: 2_000_000,
 *               gdpPppRank: 120, climateLeader: true });            // Right("innovator")
 * c40Category({ population: 630_000 });                            // Right("unknown")
 * @category Classifiers
 */
export function c40Category(facts: unknown): E.Either<ValidationError, C40Category> {
  return E.map((known: C40Facts): C40Category => {
    const criteria = C40_MEGACITY_CRITERIA;
    const met = [
      known.population === undefined ? undefined : known.population >= criteria.cityPopulation,
      known.metroPopulation === undefined
        ? undefined
        : known.metroPopulation >= criteria.metroPopulation,
      known.gdpPppRank === undefined ? undefined : known.gdpPppRank <= criteria.gdpPppRank,
    ];
    if (met.includes(true)) return "megacity";
    if (met.includes(undefined)) return "unknown";
    if (known.climateLeader === undefined) return "unknown";
    return known.climateLeader ? "innovator" : "not-eligible";
  })(parseWithSchema(FactsSchema, facts, "an object of C40 facts"));
}
