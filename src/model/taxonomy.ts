/**
 * The model's taxonomies: ordered scales and the theme vocabulary.
 *
 * Each level carries a label and a one-line description. The order of every
 * ordinal scale is part of the public contract (see docs/model.md):
 * `internationalRole`, `incomeTier`, `autonomy` and `regime` run from least to
 * most (outward, rich, autonomous, liberal); `nationalTier` runs from the top of
 * the national urban hierarchy down. Levels may be added, never removed or
 * renamed.
 *
 * The three areas of difference, and the levels within them, follow Sam Tabory,
 * "Difference in city diplomacy" (Chicago Council on Global Affairs).
 *
 * @module
 */

/** One level of a taxonomy. @category Model */
export interface Level<Id extends string = string> {
  /** The value used in data, e.g. `"secondary"`. */
  readonly id: Id;
  /** A short human label, e.g. `"Secondary city"`. */
  readonly label: string;
  /** One line on what the level means. */
  readonly description: string;
}

/*
 * Each scale's values are a plain list (INTERNATIONAL_ROLES, …) and its levels
 * a list of { id, label, description } in the same order (a test checks that
 * they agree): a bundle that only checks or scores values carries the short
 * lists, not the labels and descriptions.
 */

/**
 * Area 1, mayoral outlook: whether the mayor sees an internationally facing role
 * for the city at all. Ordered from inward to outward.
 *
 * @category Taxonomies
 */
export const INTERNATIONAL_ROLE_LEVELS = [
  {
    id: "inward",
    label: "Inward",
    description: "Sees no international role for the city; attention goes to problems at home.",
  },
  {
    id: "skeptical",
    label: "Skeptical",
    description: "Open to international engagement only where it shows a clear local return.",
  },
  {
    id: "pragmatic",
    label: "Pragmatic",
    description: "Engages internationally when it serves named local priorities.",
  },
  {
    id: "committed",
    label: "Committed",
    description: "Treats an internationally facing role as part of the mayor's job.",
  },
] as const satisfies readonly Level<InternationalRole>[];

/**
 * Area 2a, position in the national urban hierarchy, from the top down
 * (population concentration and economic weight within the country).
 *
 * @category Taxonomies
 */
export const NATIONAL_TIER_LEVELS = [
  {
    id: "primary",
    label: "Primary city",
    description:
      "Commands national attention: the country's largest places, such as New York, Los Angeles or Chicago, or London.",
  },
  {
    id: "secondary",
    label: "Secondary city",
    description: "A major regional centre below the primary cities, such as the UK's Core Cities.",
  },
  {
    id: "tertiary",
    label: "Tertiary city",
    description: "A mid-sized city, such as the UK's Key Cities.",
  },
  {
    id: "local",
    label: "Local place",
    description: "A town whose weight is local rather than regional or national.",
  },
] as const satisfies readonly Level<NationalTier>[];

/**
 * Area 2b, stage of development: the World Bank income group of the city's
 * country (GNI per capita, Atlas method). Ordered from poorest to richest.
 *
 * @category Taxonomies
 */
export const INCOME_TIER_LEVELS = [
  {
    id: "low",
    label: "Low income",
    description: "World Bank low-income economy; many residents still lack basic services.",
  },
  {
    id: "lower-middle",
    label: "Lower-middle income",
    description: "World Bank lower-middle-income economy.",
  },
  {
    id: "upper-middle",
    label: "Upper-middle income",
    description: "World Bank upper-middle-income economy.",
  },
  { id: "high", label: "High income", description: "World Bank high-income economy." },
] as const satisfies readonly Level<IncomeTier>[];

/**
 * Area 3a, how centralized the national system is: the formal and informal
 * authority delegated to cities. Ordered from least to most autonomous.
 *
 * @category Taxonomies
 */
export const AUTONOMY_LEVELS = [
  {
    id: "centralized",
    label: "Centralized",
    description: "The national (or regional) government decides; cities mostly implement.",
  },
  {
    id: "intermediate",
    label: "Intermediate",
    description: "Cities hold real powers in some fields, under strong central oversight.",
  },
  {
    id: "decentralized",
    label: "Decentralized",
    description: "Cities hold broad powers of their own, with their own revenues and discretion.",
  },
] as const satisfies readonly Level<Autonomy>[];

/**
 * Area 3b, national political values: the V-Dem Regimes of the World
 * categories (Lührmann, Tannenberg and Lindberg 2018). Ordered from least to
 * most liberal.
 *
 * @category Taxonomies
 */
export const REGIME_LEVELS = [
  {
    id: "closed-autocracy",
    label: "Closed autocracy",
    description: "No multiparty elections for the chief executive or the legislature.",
  },
  {
    id: "electoral-autocracy",
    label: "Electoral autocracy",
    description:
      "Multiparty elections, but short of free and fair, or without sufficient freedom of expression and association.",
  },
  {
    id: "electoral-democracy",
    label: "Electoral democracy",
    description:
      "Free and fair multiparty elections, but liberal components (rule of law, constraints on the executive) fall short.",
  },
  {
    id: "liberal-democracy",
    label: "Liberal democracy",
    description:
      "Electoral democracy plus the rule of law and legislative and judicial constraints on the executive.",
  },
] as const satisfies readonly Level<Regime>[];

/**
 * The closed vocabulary shared by a city's `outlook.priorities` and a topic's
 * `themes`. Not ordered.
 *
 * @category Taxonomies
 */
export const THEME_LEVELS = [
  { id: "trade", label: "Trade", description: "Trade policy, exports and market access." },
  { id: "migration", label: "Migration", description: "Immigration, integration and refugees." },
  { id: "climate", label: "Climate", description: "Climate mitigation and adaptation." },
  {
    id: "infrastructure",
    label: "Infrastructure",
    description: "Strategic infrastructure: transport, energy, water networks and their finance.",
  },
  {
    id: "basic-services",
    label: "Basic services",
    description: "Water, sanitation, electricity, waste collection and other basic needs.",
  },
  {
    id: "economic-development",
    label: "Economic development",
    description: "Jobs, investment and growth of the local economy.",
  },
  {
    id: "governance",
    label: "Governance",
    description: "How the city is governed: transparency, participation, administration.",
  },
  {
    id: "human-rights",
    label: "Human rights",
    description: "Civil and political rights, equality and non-discrimination.",
  },
  { id: "health", label: "Health", description: "Public health and health services." },
  {
    id: "housing",
    label: "Housing",
    description: "Housing supply, affordability and informal settlements.",
  },
  {
    id: "safety",
    label: "Safety",
    description: "Public safety, policing and resilience to disasters.",
  },
  { id: "culture", label: "Culture", description: "Culture, heritage, tourism and city image." },
  {
    id: "innovation",
    label: "Innovation",
    description: "Technology, research and new public services.",
  },
  {
    id: "education",
    label: "Education",
    description: "Schooling, adult education and learning at every age.",
  },
] as const satisfies readonly Level<Theme>[];

/** The `internationalRole` values, inward to outward. @category Taxonomies */
export const INTERNATIONAL_ROLES = ["inward", "skeptical", "pragmatic", "committed"] as const;
/** The `nationalTier` values, from the top of the hierarchy down. @category Taxonomies */
export const NATIONAL_TIERS = ["primary", "secondary", "tertiary", "local"] as const;
/** The `incomeTier` values, poorest to richest. @category Taxonomies */
export const INCOME_TIERS = ["low", "lower-middle", "upper-middle", "high"] as const;
/** The `autonomy` values, least to most autonomous. @category Taxonomies */
export const AUTONOMIES = ["centralized", "intermediate", "decentralized"] as const;
/** The `regime` values, least to most liberal. @category Taxonomies */
export const REGIMES = [
  "closed-autocracy",
  "electoral-autocracy",
  "electoral-democracy",
  "liberal-democracy",
] as const;
/** The theme vocabulary. @category Taxonomies */
export const THEMES = [
  "trade",
  "migration",
  "climate",
  "infrastructure",
  "basic-services",
  "economic-development",
  "governance",
  "human-rights",
  "health",
  "housing",
  "safety",
  "culture",
  "innovation",
  "education",
] as const;

/** A mayor's outlook on an international role. @category Model */
export type InternationalRole = (typeof INTERNATIONAL_ROLES)[number];
/** A city's tier in its national urban hierarchy. @category Model */
export type NationalTier = (typeof NATIONAL_TIERS)[number];
/** A World Bank income group. @category Model */
export type IncomeTier = (typeof INCOME_TIERS)[number];
/** How much authority the national system delegates to cities. @category Model */
export type Autonomy = (typeof AUTONOMIES)[number];
/** A V-Dem Regimes of the World category. @category Model */
export type Regime = (typeof REGIMES)[number];
/** A theme of the shared vocabulary. @category Model */
export type Theme = (typeof THEMES)[number];

/**
 * Every taxonomy by the name of the field it types, for tools (forms, docs,
 * the explorer) that iterate over them.
 *
 * @example
 * TAXONOMIES.nationalTier.levels.map((level) => level.label);
 * // ["Primary city", "Secondary city", "Tertiary city", "Local place"]
 * @category Taxonomies
 */
export const TAXONOMIES = {
  internationalRole: { ordered: true, levels: INTERNATIONAL_ROLE_LEVELS },
  nationalTier: { ordered: true, levels: NATIONAL_TIER_LEVELS },
  incomeTier: { ordered: true, levels: INCOME_TIER_LEVELS },
  autonomy: { ordered: true, levels: AUTONOMY_LEVELS },
  regime: { ordered: true, levels: REGIME_LEVELS },
  theme: { ordered: false, levels: THEME_LEVELS },
} as const;

/**
 * The label of a level in its taxonomy, for people (the level's id when the
 * taxonomy has no such level).
 *
 * @example
 * levelLabel("nationalTier", "secondary");     // "Secondary city"
 * levelLabel("regime", "electoral-autocracy"); // "Electoral autocracy"
 * @category Taxonomies
 */
export function levelLabel<K extends keyof typeof TAXONOMIES>(
  taxonomy: K,
  id: (typeof TAXONOMIES)[K]["levels"][number]["id"],
): string {
  const levels: readonly Level[] = TAXONOMIES[taxonomy].levels;
  return levels.find((level) => level.id === id)?.label ?? id;
}
