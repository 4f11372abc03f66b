/**
 * The fields {@link cityDistance} compares and their weights.
 *
 * @module
 */
import { CITY_FIELD_PATHS, type CityField, type CityFieldOfKind } from "../model/fields";
import { BUDGET_GOALPOSTS, type Goalposts, METRO_GDP_GOALPOSTS } from "../score/reference";

/**
 * The weight of each field in {@link cityDistance} (they sum to 1).
 *
 * The essay's three areas of difference weigh a third each, as none is
 * ranked above another there:
 *
 * - area 1, mayoral outlook: `internationalRole` and `priorities`, 1/6 each;
 * - area 3, governance norms: `autonomy` and `regime`, 1/6 each (the essay's
 *   two parts of it, centralization and political values);
 * - area 2, resources and clout, has three parts in the essay, 1/9 each: the
 *   position in the national hierarchy (`nationalTier`), the stage of
 *   development across countries (`incomeTier`), and the absolute pool of
 *   resources to follow through, which three fields measure together
 *   (`metroGdpUsd`, `budgetUsd`, `internationalOffice`, 1/27 each).
 *
 * Weights apply to the fields known in both cities and are renormalised
 * over them (Gower's rule), so a profile with unknown raw figures is compared
 * on what is known, not on a default.
 *
 * Identity (`id`, `name`, `country`) and population are not weighed:
 *
 * - `country` is not a kind of difference in the essay; what a country means
 *   for a city (its stage of development, how centralized it is, its regime)
 *   is already in `incomeTier`, `autonomy` and `regime`. Counting the country
 *   again would make cohorts follow borders, which is what {@link caucus}
 *   (`by: ["country"]`) is for when a platform wants national caucuses.
 * - `population` and `metroPopulation` are not read by the scorer either: the
 *   tier already places a city's size within its country, and `metroGdpUsd`
 *   measures the weight of its economy.
 *
 * @example
 * DISTANCE_WEIGHTS["governance.regime"]; // 1/6: half of area 3
 * DISTANCE_WEIGHTS["resources.budgetUsd"]; // 1/27: a third of the means to follow through
 * @category Cohorts
 */
export const DISTANCE_WEIGHTS = {
  "outlook.internationalRole": 1 / 6,
  "outlook.priorities": 1 / 6,
  "resources.nationalTier": 1 / 9,
  "resources.incomeTier": 1 / 9,
  "resources.metroGdpUsd": 1 / 27,
  "resources.budgetUsd": 1 / 27,
  "resources.internationalOffice": 1 / 27,
  "governance.autonomy": 1 / 6,
  "governance.regime": 1 / 6,
} as const satisfies Partial<Record<CityField, number>>;

/**
 * A field of {@link DISTANCE_FIELDS}.
 *
 * @example
 * const field: DistanceField = "governance.regime";
 * @category Cohorts
 */
export type DistanceField = keyof typeof DISTANCE_WEIGHTS;

/**
 * The fields {@link cityDistance} compares, in the order of the field
 * registry: those {@link DISTANCE_WEIGHTS} weighs.
 *
 * @example
 * DISTANCE_FIELDS.length; // 9
 * @category Cohorts
 */
export const DISTANCE_FIELDS = /* @__PURE__ */ CITY_FIELD_PATHS.filter(
  (path) => path in DISTANCE_WEIGHTS,
) as readonly DistanceField[];

/**
 * The distance between two profiles that share no known field (and are
 * not both empty): 1, the greatest. Nothing shows such cities to be alike, and
 * a peer or a cohort should rest on likeness shown, so they come last among
 * peers and never pull each other into a cohort. Two profiles with nothing
 * known at all are identical, and 0 apart, so that every profile is 0 from
 * itself.
 *
 * @example
 * cityDistance(
 *   { id: "a", name: "A", country: "GB", outlook: { internationalRole: "committed" } },
 *   { id: "b", name: "B", country: "GB", governance: { regime: "liberal-democracy" } },
 * ); // 1
 * @category Cohorts
 */
export const NO_SHARED_FIELD_DISTANCE = 1;

/** The raw amounts compared, and the scorer's fixed goalposts that place them on 0..1. */
export const AMOUNT_GOALPOSTS: Readonly<
  Record<Extract<DistanceField, CityFieldOfKind<"amount">>, Goalposts>
> = {
  "resources.metroGdpUsd": METRO_GDP_GOALPOSTS,
  "resources.budgetUsd": BUDGET_GOALPOSTS,
};
