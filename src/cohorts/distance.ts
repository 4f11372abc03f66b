/**
 * How far apart two cities' profiles are, and who a city's nearest peers are.
 *
 * @module
 */
import type { City } from "../model/schemas";
import { compileProfiles, profileDistance } from "./profile";

/**
 * The Gower distance between two cities' profiles (Gower, "A general
 * coefficient of similarity and some of its properties", Biometrics 27, 1971),
 * on 0..1: 0 for profiles alike in every field known in both, 1 for
 * profiles at opposite ends of every such field.
 *
 * Per field of {@link DISTANCE_FIELDS}, a distance on 0..1:
 *
 * - ordinal levels (`internationalRole`, `nationalTier`, `incomeTier`,
 *   `connectivity`, `autonomy`, `regime`): the gap in rank over the number
 *   of steps of the scale, `|rank(a) - rank(b)| / (levels - 1)`; a secondary
 *   and a tertiary city are 1/3 apart, a primary city and a local town 1;
 * - unordered levels (`region`, `globalEconomyType`): 0 when the same, else 1;
 *   `outside-typology` is a level of its own, compared like the others;
 * - `priorities`: the Jaccard distance, themes listed by one city only over
 *   themes listed by either;
 * - `population`, `metroPopulation`, `metroGdpUsd`, `budgetUsd`: the gap
 *   between their positions on fixed log goalposts
 *   ({@link POPULATION_GOALPOSTS}, 100,000 to 10 million people;
 *   {@link METRO_GDP_GOALPOSTS}, {@link BUDGET_GOALPOSTS}), so a batch never
 *   rescales them; amounts beyond a goalpost count as at it, as in the scorer;
 * - `capital`, `internationalOffice`: 0 when both are or both are not, else 1.
 *
 * The distance is the mean of these, weighted by {@link DISTANCE_WEIGHTS},
 * over the fields known in **both** cities; a field unknown in
 * either is skipped (Gower's rule), never filled in. Two profiles sharing no
 * known field are {@link NO_SHARED_FIELD_DISTANCE} (1) apart, unless
 * both are empty (then 0).
 *
 * Symmetric to the last bit; 0 from a city to itself and between identical
 * profiles whatever their ids; always within [0, 1]. With unknown fields it
 * is not a metric (Gower's coefficient then need not obey the triangle
 * inequality), which k-medoids does not require. Cost: constant (fifteen
 * fields).
 *
 * @example
 * const leeds = { id: "gb-leeds", name: "Leeds", country: "GB",
 *   resources: { nationalTier: "secondary", incomeTier: "high" } } as const;
 * const wigan = { id: "gb-wigan", name: "Wigan", country: "GB",
 *   resources: { nationalTier: "tertiary", incomeTier: "high" } } as const;
 * cityDistance(leeds, wigan); // 1/9: a third of the way apart on tier (weight 3/80), same income tier (3/40)
 * @category Cohorts
 */
export function cityDistance(a: City, b: City): number {
  return profileDistance(compileProfiles([a, b]), 0, 1);
}

/**
 * One of a city's nearest peers.
 *
 * @example
 * { rank: 1, cityId: "gb-birmingham", distance: 0 }
 * @category Cohorts
 */
export interface Peer {
  /** 1 for the nearest. */
  readonly rank: number;
  readonly cityId: string;
  /** Its {@link cityDistance} from the city, on 0..1. */
  readonly distance: number;
}

/**
 * The `k` cities of `cities` nearest to `city` by {@link cityDistance},
 * nearest first; ties by id. Cities with the same id as `city` are left out
 * (a city is not its own peer). `k` is rounded down; 0, a negative number or
 * NaN gives no peers, and a `k` above the number of other cities gives them
 * all. Cost: one distance per city, then a sort.
 *
 * @example
 * // Core Cities share one profile, Key Cities another (see the tests' fixtures):
 * nearestPeers(leeds, [...coreCities, ...keyCities], 2);
 * // [{ rank: 1, cityId: "gb-birmingham", distance: 0 }, { rank: 2, cityId: "gb-bristol", distance: 0 }]
 * @category Cohorts
 */
export function nearestPeers(city: City, cities: readonly City[], k: number): readonly Peer[] {
  const count = Number.isNaN(k) ? 0 : Math.max(0, Math.floor(k));
  if (count === 0) return [];
  const others = cities.filter((other) => other.id !== city.id);
  const profiles = compileProfiles([city, ...others]);
  const found = others.map((other, index) => ({
    cityId: other.id,
    distance: profileDistance(profiles, 0, index + 1),
  }));
  found.sort((x, y) =>
    x.distance !== y.distance
      ? x.distance - y.distance
      : x.cityId < y.cityId
        ? -1
        : x.cityId > y.cityId
          ? 1
          : 0,
  );
  return found.slice(0, count).map((peer, index) => ({ rank: index + 1, ...peer }));
}
