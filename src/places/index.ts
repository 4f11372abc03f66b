/**
 * Real places out of the box: a gazetteer of the world's places of 100,000
 * people or more (GeoNames, CC BY 4.0), with their national tiers, and
 * `cityFromPlace`, which builds a `City` profile from it and from the country
 * reference data.
 *
 * Its own subpath (`city-difference/places`), so that bundles that do not use
 * it do not carry it.
 *
 * @example
 * import { cityFromPlace } from "city-difference/places";
 * import { scoreRelevance, catalogTopic } from "city-difference";
 * const manchester = cityFromPlace("Manchester, GB");
 * // Right({ id: "geonames:2643123", name: "Manchester", country: "GB", population: 395515,
 * //   metroPopulation: 2832585, capital: false, region: "northern-europe",
 * //   resources: { nationalTier: "secondary", incomeTier: "high",
 * //     globalEconomyType: "outside-typology", connectivity: "beta-" },
 * //   governance: { autonomy: "intermediate", regime: "electoral-democracy" } })
 *
 * @packageDocumentation
 */
export * from "./lookup";
export { citiesFromPlaceRecords, cityFromPlaceRecord } from "./records";
