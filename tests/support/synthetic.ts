/** Synthetic cities and membership lists for evaluation tests: varied profiles, reproducible. */
import {
  AUTONOMIES,
  type City,
  DEFAULT_SCORER,
  INCOME_TIERS,
  INTERNATIONAL_ROLES,
  NATIONAL_TIERS,
  REGIMES,
  type Scorer,
  THEMES,
  type Topic,
} from "../../src/index";
import { seededRandom } from "../../src/internal/random";

const COUNTRIES = ["GB", "FR", "DE", "BR", "IN", "NG", "US", "JP"] as const;

/** `count` cities with every field drawn from a seeded generator; ids `city-000`, `city-001`, …. */
export function syntheticCities(count: number, seed = 1): City[] {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  return Array.from({ length: count }, (_, i) => ({
    id: `city-${String(i).padStart(3, "0")}`,
    name: `City ${i}`,
    country: pick(COUNTRIES),
    population: Math.round(10 ** (5 + 2.5 * random())),
    outlook: { internationalRole: pick(INTERNATIONAL_ROLES), priorities: [pick(THEMES)] },
    resources: { nationalTier: pick(NATIONAL_TIERS), incomeTier: pick(INCOME_TIERS) },
    governance: { autonomy: pick(AUTONOMIES), regime: pick(REGIMES) },
  }));
}

/**
 * The ids of the cities that `topic` scores highest under `scorer` (the
 * default model unless given): the first `count`, less those tied with the
 * next city, so that every one scores strictly above every city left out.
 */
export function topScoring(
  cities: readonly City[],
  topic: Topic,
  count: number,
  scorer: Pick<Scorer, "matrix"> = DEFAULT_SCORER,
): string[] {
  const { scores } = scorer.matrix(cities, [topic]);
  const ranked = cities
    .map((city, i) => ({ id: city.id, score: scores[i] as number }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  const next = ranked[count]?.score;
  return ranked
    .slice(0, count)
    .filter((entry) => entry.score !== next)
    .map((entry) => entry.id);
}

/** The ids of the `count` most populous cities. */
export function mostPopulous(cities: readonly City[], count: number): string[] {
  return [...cities]
    .sort((a, b) => (b.population ?? 0) - (a.population ?? 0))
    .slice(0, count)
    .map((city) => city.id);
}

/** Every `step`-th city's id, from `offset`: a membership unrelated to any score. */
export function everyNth(cities: readonly City[], step: number, offset = 0): string[] {
  return cities.filter((_, i) => i % step === offset).map((city) => city.id);
}
