/** fast-check arbitraries for valid model values. */
import fc from "fast-check";
import {
  AUTONOMIES,
  type City,
  CONNECTIVITY_CLASSES,
  COUNTRY_CODES,
  GLOBAL_ECONOMY_TYPES,
  INCOME_TIERS,
  INTERNATIONAL_ROLES,
  NATIONAL_TIERS,
  REGIMES,
  REGIONS,
  THEMES,
  type Topic,
} from "../../src/index";

const unit = fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true });
/**
 * Ids and names as the parser keeps them (trimmed, NFC-normalised), so that
 * arrays unique by id stay unique once parsed.
 */
const text = fc
  .string({ minLength: 1, maxLength: 20 })
  .map((s) => s.trim().normalize("NFC"))
  .filter((s) => s !== "");
const themes = fc.uniqueArray(fc.constantFrom(...THEMES), { minLength: 1, maxLength: 5 });

export const arbitraryCity: fc.Arbitrary<City> = fc.record(
  {
    id: text,
    name: text,
    country: fc.constantFrom(...COUNTRY_CODES),
    population: fc.integer({ min: 1, max: 40_000_000 }),
    metroPopulation: fc.integer({ min: 1, max: 40_000_000 }),
    capital: fc.boolean(),
    region: fc.constantFrom(...REGIONS),
    outlook: fc.record(
      { internationalRole: fc.constantFrom(...INTERNATIONAL_ROLES), priorities: themes },
      { requiredKeys: [] },
    ),
    resources: fc.record(
      {
        nationalTier: fc.constantFrom(...NATIONAL_TIERS),
        incomeTier: fc.constantFrom(...INCOME_TIERS),
        metroGdpUsd: fc.double({ min: 1, max: 5e12, noNaN: true }),
        budgetUsd: fc.double({ min: 1, max: 5e11, noNaN: true }),
        internationalOffice: fc.boolean(),
        globalEconomyType: fc.constantFrom(...GLOBAL_ECONOMY_TYPES),
        connectivity: fc.constantFrom(...CONNECTIVITY_CLASSES),
      },
      { requiredKeys: [] },
    ),
    governance: fc.record(
      { autonomy: fc.constantFrom(...AUTONOMIES), regime: fc.constantFrom(...REGIMES) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ["id", "name", "country"] },
);

/**
 * A city with every categorical field known; its raw figures and place facts
 * (population, metro GDP, budget, international office, capital status, GaWC
 * class) each known or not.
 */
export const arbitraryCompleteCity: fc.Arbitrary<City> = fc.record(
  {
    id: text,
    name: text,
    country: fc.constantFrom(...COUNTRY_CODES),
    population: fc.integer({ min: 1, max: 40_000_000 }),
    metroPopulation: fc.integer({ min: 1, max: 40_000_000 }),
    capital: fc.boolean(),
    outlook: fc.record({
      internationalRole: fc.constantFrom(...INTERNATIONAL_ROLES),
      priorities: themes,
    }),
    resources: fc.record(
      {
        nationalTier: fc.constantFrom(...NATIONAL_TIERS),
        incomeTier: fc.constantFrom(...INCOME_TIERS),
        metroGdpUsd: fc.double({ min: 1, max: 5e12, noNaN: true }),
        budgetUsd: fc.double({ min: 1, max: 5e11, noNaN: true }),
        internationalOffice: fc.boolean(),
        connectivity: fc.constantFrom(...CONNECTIVITY_CLASSES),
      },
      { requiredKeys: ["nationalTier", "incomeTier"] },
    ),
    governance: fc.record({
      autonomy: fc.constantFrom(...AUTONOMIES),
      regime: fc.constantFrom(...REGIMES),
    }),
  },
  { requiredKeys: ["id", "name", "country", "outlook", "resources", "governance"] },
);

const table = <K extends string>(keys: readonly K[]) =>
  fc
    .tuple(...keys.map(() => unit))
    .map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]])) as Record<K, number>);

export const arbitraryTopic: fc.Arbitrary<Topic> = fc.record(
  {
    id: text,
    name: text,
    themes,
    internationalFacing: unit,
    demands: fc.record({ clout: unit, resources: unit, autonomy: unit }),
    liberalNorms: unit,
    sensitivity: unit,
    salience: fc.record(
      { byIncome: table(INCOME_TIERS), byTier: table(NATIONAL_TIERS) },
      { requiredKeys: [] },
    ),
  },
  {
    requiredKeys: [
      "id",
      "name",
      "themes",
      "internationalFacing",
      "demands",
      "liberalNorms",
      "sensitivity",
    ],
  },
);
