/**
 * The fields {@link cityDistance} compares and their weights.
 *
 * @module
 */
import { CITY_FIELD_PATHS, type CityField, type CityFieldOfKind } from "../model/fields";
import {
  BUDGET_GOALPOSTS,
  type Goalposts,
  METRO_GDP_GOALPOSTS,
  POPULATION_GOALPOSTS,
} from "../score/reference";

/**
 * The weight of each field in {@link cityDistance} (they sum to 1): every
 * field of the profile but identity (`id`, `name`, `country`).
 *
 * The essay's three areas of difference weigh 3/10 each, as none is ranked
 * above another there, and the place's region the remaining tenth:
 *
 * - area 1, mayoral outlook: `internationalRole` and `priorities`, 3/20 each;
 * - area 3, governance norms: `autonomy` and `regime`, 3/20 each (the essay's
 *   two parts of it, centralization and political values);
 * - area 2, resources and clout, in four parts of 3/40 each. The essay names
 *   three: the position in the national hierarchy (`nationalTier` and
 *   `capital`, 3/80 each: a national capital heads the hierarchy as the seat
 *   of ministries, embassies and international organisations), the stage of
 *   development across countries (`incomeTier`), and the absolute size and
 *   means "that they oversee" (`population` and `metroPopulation`, 3/160
 *   each; `metroGdpUsd`, `budgetUsd` and `internationalOffice`, 1/80 each).
 *   The fourth is the place in the world economy, to which the essay points
 *   with the Brookings typology of global metro economies as its example of
 *   useful differentiation: `globalEconomyType` (Brookings 2016) and
 *   `connectivity` (GaWC's world city classes), 3/80 each;
 * - `region` (UN M49), 1/10: not one of the essay's kinds of difference, but
 *   the context that a platform's regional sections, languages and neighbours
 *   share. A tenth orders places alike in every area by neighbourhood (Kano's
 *   nearest peers are Nigerian cities, not Kathmandu) and never outweighs a
 *   whole area.
 *
 * `country` is not weighed: it is not a kind of difference in the essay; what
 * a country means for a city (its stage of development, how centralized it
 * is, its regime, its region) is already in `incomeTier`, `autonomy`,
 * `regime` and `region`. Counting the country again would make cohorts follow
 * borders, which is what {@link caucus} (`by: ["country"]`) is for when a
 * platform wants national caucuses.
 *
 * Weights apply to the fields known in both cities and are renormalised
 * over them (Gower's rule), so a profile with unknown raw figures is compared
 * on what is known, not on a default.
 *
 * @example
 * DISTANCE_WEIGHTS["governance.regime"]; // 3/20: half of area 3
 * DISTANCE_WEIGHTS["resources.budgetUsd"]; // 1/80: a third of the means, in a quarter of area 2
 * @category Cohorts
 */
export const DISTANCE_WEIGHTS = /* @__PURE__ */ (() =>
  ({
    population: 3 / 160,
    metroPopulation: 3 / 160,
    capital: 3 / 80,
    region: 1 / 10,
    "outlook.internationalRole": 3 / 20,
    "outlook.priorities": 3 / 20,
    "resources.nationalTier": 3 / 80,
    "resources.incomeTier": 3 / 40,
    "resources.metroGdpUsd": 1 / 80,
    "resources.budgetUsd": 1 / 80,
    "resources.internationalOffice": 1 / 80,
    "resources.globalEconomyType": 3 / 80,
    "resources.connectivity": 3 / 80,
    "governance.autonomy": 3 / 20,
    "governance.regime": 3 / 20,
  }) as const satisfies Partial<Record<CityField, number>>)();

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
 * DISTANCE_FIELDS.length; // 15
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
  population: POPULATION_GOALPOSTS,
  metroPopulation: POPULATION_GOALPOSTS,
  "resources.metroGdpUsd": METRO_GDP_GOALPOSTS,
  "resources.budgetUsd": BUDGET_GOALPOSTS,
};
