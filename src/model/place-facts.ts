/**
 * The value lists of the place facts of a city (`region`,
 * `resources.globalEconomyType`, `resources.connectivity`), without their
 * labels and descriptions, which live in `place-taxonomy.ts`: schemas and the
 * scorer import these lists only, so a bundle that parses cities does not
 * carry the descriptions.
 *
 * @module
 */

/**
 * The `region` values: the UN M49 geographic regions of a country, at the
 * finest level the M49 table has for it. That is the intermediate region where
 * M49 splits a sub-region (Latin America and the Caribbean into `caribbean`,
 * `central-america` and `south-america`; Sub-Saharan Africa into
 * `eastern-africa`, `middle-africa`, `southern-africa` and `western-africa`),
 * else the sub-region. Not ordered. Labels, M49 codes and descriptions are in
 * `REGION_LEVELS`.
 *
 * @category Taxonomies
 */
export const REGIONS = [
  "northern-africa",
  "eastern-africa",
  "middle-africa",
  "southern-africa",
  "western-africa",
  "caribbean",
  "central-america",
  "south-america",
  "northern-america",
  "central-asia",
  "eastern-asia",
  "south-eastern-asia",
  "southern-asia",
  "western-asia",
  "eastern-europe",
  "northern-europe",
  "southern-europe",
  "western-europe",
  "australia-and-new-zealand",
  "melanesia",
  "micronesia",
  "polynesia",
] as const;

/**
 * The `resources.globalEconomyType` values: the seven types of global metro
 * economy of Brookings' *Redefining Global Cities* (2016), in the report's
 * order, and `outside-typology` for a place known to lie outside its 123
 * metros. Not ordered. Descriptions are in `GLOBAL_ECONOMY_TYPE_LEVELS`.
 *
 * @category Taxonomies
 */
export const GLOBAL_ECONOMY_TYPES = [
  "global-giant",
  "asian-anchor",
  "emerging-gateway",
  "factory-china",
  "knowledge-capital",
  "american-middleweight",
  "international-middleweight",
  "outside-typology",
] as const;

/**
 * The `resources.connectivity` values: the classes of GaWC's world city
 * classification, from the most connected down (like `nationalTier`, a
 * position in a hierarchy read from the top), then `not-classified` for a
 * place the edition does not classify. Descriptions are in
 * `CONNECTIVITY_LEVELS`.
 *
 * @category Taxonomies
 */
export const CONNECTIVITY_CLASSES = [
  "alpha++",
  "alpha+",
  "alpha",
  "alpha-",
  "beta+",
  "beta",
  "beta-",
  "gamma+",
  "gamma",
  "gamma-",
  "high-sufficiency",
  "sufficiency",
  "not-classified",
] as const;

/** A UN M49 region (intermediate region where M49 has one). @category Model */
export type Region = (typeof REGIONS)[number];
/** A Brookings (2016) type of global metro economy, or `outside-typology`. @category Model */
export type GlobalEconomyType = (typeof GLOBAL_ECONOMY_TYPES)[number];
/** A GaWC world city class, or `not-classified`. @category Model */
export type ConnectivityClass = (typeof CONNECTIVITY_CLASSES)[number];
