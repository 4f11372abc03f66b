/**
 * Labels and descriptions of the place facts' levels (`region`,
 * `resources.globalEconomyType`, `resources.connectivity`), kept apart from
 * the value lists in `place-facts.ts` so that only the tools that show them
 * (docs, forms, the explorer) carry them.
 *
 * @module
 */
import type { ConnectivityClass, GlobalEconomyType, Region } from "./place-facts";
import type { Level } from "./taxonomy";

/** A region level, with its UN M49 code. @category Taxonomies */
export interface RegionLevel extends Level<Region> {
  /** The three-digit M49 code of the sub-region or intermediate region. */
  readonly m49: string;
}

/**
 * The `region` levels, with their UN M49 codes (United Nations Statistics
 * Division, *Standard country or area codes for statistical use (M49)*, table
 * as downloaded September 2024; data/places/m49.tsv). Seven are intermediate
 * regions, the finest level M49 has in Africa south of the Sahara and in Latin
 * America and the Caribbean; the others are sub-regions, M49 having no
 * intermediate level there.
 *
 * @example
 * REGION_LEVELS.find((level) => level.id === "northern-europe")?.m49; // "154"
 * @category Taxonomies
 */
export const REGION_LEVELS = [
  {
    id: "northern-africa",
    m49: "015",
    label: "Northern Africa",
    description: "M49 sub-region 015, in Africa (002).",
  },
  {
    id: "eastern-africa",
    m49: "014",
    label: "Eastern Africa",
    description: "M49 intermediate region 014, in Sub-Saharan Africa (202).",
  },
  {
    id: "middle-africa",
    m49: "017",
    label: "Middle Africa",
    description: "M49 intermediate region 017, in Sub-Saharan Africa (202).",
  },
  {
    id: "southern-africa",
    m49: "018",
    label: "Southern Africa",
    description: "M49 intermediate region 018, in Sub-Saharan Africa (202).",
  },
  {
    id: "western-africa",
    m49: "011",
    label: "Western Africa",
    description: "M49 intermediate region 011, in Sub-Saharan Africa (202).",
  },
  {
    id: "caribbean",
    m49: "029",
    label: "Caribbean",
    description: "M49 intermediate region 029, in Latin America and the Caribbean (419).",
  },
  {
    id: "central-america",
    m49: "013",
    label: "Central America",
    description: "M49 intermediate region 013, in Latin America and the Caribbean (419).",
  },
  {
    id: "south-america",
    m49: "005",
    label: "South America",
    description: "M49 intermediate region 005, in Latin America and the Caribbean (419).",
  },
  {
    id: "northern-america",
    m49: "021",
    label: "Northern America",
    description: "M49 sub-region 021, in the Americas (019).",
  },
  {
    id: "central-asia",
    m49: "143",
    label: "Central Asia",
    description: "M49 sub-region 143, in Asia (142).",
  },
  {
    id: "eastern-asia",
    m49: "030",
    label: "Eastern Asia",
    description: "M49 sub-region 030, in Asia (142).",
  },
  {
    id: "south-eastern-asia",
    m49: "035",
    label: "South-eastern Asia",
    description: "M49 sub-region 035, in Asia (142).",
  },
  {
    id: "southern-asia",
    m49: "034",
    label: "Southern Asia",
    description: "M49 sub-region 034, in Asia (142).",
  },
  {
    id: "western-asia",
    m49: "145",
    label: "Western Asia",
    description: "M49 sub-region 145, in Asia (142).",
  },
  {
    id: "eastern-europe",
    m49: "151",
    label: "Eastern Europe",
    description: "M49 sub-region 151, in Europe (150).",
  },
  {
    id: "northern-europe",
    m49: "154",
    label: "Northern Europe",
    description: "M49 sub-region 154, in Europe (150).",
  },
  {
    id: "southern-europe",
    m49: "039",
    label: "Southern Europe",
    description: "M49 sub-region 039, in Europe (150).",
  },
  {
    id: "western-europe",
    m49: "155",
    label: "Western Europe",
    description: "M49 sub-region 155, in Europe (150).",
  },
  {
    id: "australia-and-new-zealand",
    m49: "053",
    label: "Australia and New Zealand",
    description: "M49 sub-region 053, in Oceania (009).",
  },
  {
    id: "melanesia",
    m49: "054",
    label: "Melanesia",
    description: "M49 sub-region 054, in Oceania (009).",
  },
  {
    id: "micronesia",
    m49: "057",
    label: "Micronesia",
    description: "M49 sub-region 057, in Oceania (009).",
  },
  {
    id: "polynesia",
    m49: "061",
    label: "Polynesia",
    description: "M49 sub-region 061, in Oceania (009).",
  },
] as const satisfies readonly RegionLevel[];

/**
 * The `resources.globalEconomyType` levels: the seven types of Jesus Leal
 * Trujillo and Joseph Parilla, *Redefining Global Cities: The Seven Types of
 * Global Metro Economies* (Brookings, September 2016; data for 2015), a
 * cluster analysis of 123 metros, the world's largest metro economies for
 * which Brookings had data, and the level of places known to be outside
 * those 123. Descriptions summarise the report's cluster
 * descriptions.
 *
 * @example
 * GLOBAL_ECONOMY_TYPE_LEVELS.map((level) => level.label)[0]; // "Global Giant"
 * @category Taxonomies
 */
export const GLOBAL_ECONOMY_TYPE_LEVELS = [
  {
    id: "global-giant",
    label: "Global Giant",
    description:
      "One of the six very large, wealthy metros (New York, Los Angeles, Tokyo, Osaka-Kobe, Paris, London) that host financial markets and corporate headquarters and anchor global flows of capital and talent.",
  },
  {
    id: "asian-anchor",
    label: "Asian Anchor",
    description:
      "One of six command centres of fast-growing Asia (Beijing, Hong Kong, Seoul-Incheon, Shanghai, Singapore, with Moscow): less wealthy than the Giants, the largest draw of foreign direct investment.",
  },
  {
    id: "emerging-gateway",
    label: "Emerging Gateway",
    description:
      "One of 28 large business and transport entry points to national and regional markets in Africa, Asia, Latin America and the Middle East, grown to middle income but behind peers on competitiveness.",
  },
  {
    id: "factory-china",
    label: "Factory China",
    description:
      "One of 22 second- and third-tier Chinese metros whose growth rests on export manufacturing, the fastest-growing group since 2000.",
  },
  {
    id: "knowledge-capital",
    label: "Knowledge Capital",
    description:
      "One of 19 mid-sized, highly productive innovation centres in the United States and Europe, with skilled workforces and leading research universities.",
  },
  {
    id: "american-middleweight",
    label: "American Middleweight",
    description:
      "One of 16 mid-sized, fairly wealthy US metros with strong universities and anchor institutions but lower traded-sector productivity and foreign investment.",
  },
  {
    id: "international-middleweight",
    label: "International Middleweight",
    description:
      "One of 26 mid-sized metros in Australia, Canada and Europe, connected by flows of people and investment, whose growth lagged after the financial crisis.",
  },
  {
    id: "outside-typology",
    label: "Outside the typology",
    description:
      "Not one of the 123 metros of the typology (the largest metro economies of 2015): known not to be in the sample, which is not the same as unknown.",
  },
] as const satisfies readonly Level<GlobalEconomyType>[];

/**
 * The `resources.connectivity` levels: the classes of GaWC's world city
 * classification (Globalization and World Cities Research Network,
 * Loughborough University), which ranks cities by their network
 * connectivity in advanced producer services (the offices of accountancy,
 * advertising, banking and finance, law and management consultancy firms).
 * The data is the 2024 edition (`CONNECTIVITY_EDITION`). Descriptions follow
 * GaWC's own reading of its levels ("The World According to GaWC").
 *
 * @example
 * CONNECTIVITY_LEVELS[0].label; // "Alpha++"
 * @category Taxonomies
 */
export const CONNECTIVITY_LEVELS = [
  {
    id: "alpha++",
    label: "Alpha++",
    description:
      "Far more integrated in the world city network than any other city (London and New York).",
  },
  {
    id: "alpha+",
    label: "Alpha+",
    description:
      "Highly integrated; complements the two alpha++ cities, largely serving Pacific Asia.",
  },
  {
    id: "alpha",
    label: "Alpha",
    description:
      "A very important world city linking major economic regions and states into the world economy.",
  },
  {
    id: "alpha-",
    label: "Alpha-",
    description:
      "A very important world city linking major economic regions and states into the world economy.",
  },
  {
    id: "beta+",
    label: "Beta+",
    description:
      "An important world city, instrumental in linking its region or state into the world economy.",
  },
  {
    id: "beta",
    label: "Beta",
    description:
      "An important world city, instrumental in linking its region or state into the world economy.",
  },
  {
    id: "beta-",
    label: "Beta-",
    description:
      "An important world city, instrumental in linking its region or state into the world economy.",
  },
  {
    id: "gamma+",
    label: "Gamma+",
    description:
      "A world city linking a smaller region or state into the world economy, or one whose global role is not mainly in producer services.",
  },
  {
    id: "gamma",
    label: "Gamma",
    description:
      "A world city linking a smaller region or state into the world economy, or one whose global role is not mainly in producer services.",
  },
  {
    id: "gamma-",
    label: "Gamma-",
    description:
      "A world city linking a smaller region or state into the world economy, or one whose global role is not mainly in producer services.",
  },
  {
    id: "high-sufficiency",
    label: "High sufficiency",
    description:
      "Not a world city, but with enough services not to depend heavily on world cities (often a smaller capital or an old manufacturing centre).",
  },
  {
    id: "sufficiency",
    label: "Sufficiency",
    description:
      "Not a world city, but with enough services not to depend heavily on world cities; below high sufficiency.",
  },
  {
    id: "not-classified",
    label: "Not classified",
    description:
      "Not among the 335 cities the 2024 edition classifies (the others of the 785 it measures, and every city where none of its firms has an office): known to be below sufficiency, which is not the same as unknown.",
  },
] as const satisfies readonly Level<ConnectivityClass>[];

/** The GaWC edition of the gazetteer's `resources.connectivity`. @category Taxonomies */
export const CONNECTIVITY_EDITION = "The World According to GaWC 2024";

/**
 * The place-fact taxonomies by the name of the field they type, as
 * `TAXONOMIES` has the others.
 *
 * @example
 * PLACE_TAXONOMIES.connectivity.ordered; // true (from the top down)
 * @category Taxonomies
 */
export const PLACE_TAXONOMIES = {
  region: { ordered: false, levels: REGION_LEVELS },
  globalEconomyType: { ordered: false, levels: GLOBAL_ECONOMY_TYPE_LEVELS },
  connectivity: { ordered: true, levels: CONNECTIVITY_LEVELS },
} as const;
