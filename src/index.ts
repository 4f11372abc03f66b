/**
 * city-difference: model how cities differ in international engagement, and
 * score how relevant an engagement topic is to a city, explainably.
 *
 * @packageDocumentation
 */
export { CATALOG, catalogTopic } from "./catalog/topics";
export {
  C40_MEGACITY_CRITERIA,
  type C40Category,
  type C40Facts,
  c40Category,
} from "./classify/c40";
export {
  classifyIncomeTier,
  INCOME_THRESHOLDS,
  type IncomeThresholds,
  LATEST_INCOME_FISCAL_YEAR,
} from "./classify/income-tier";
export {
  classifyNationalTiers,
  DEFAULT_NATIONAL_TIER_OPTIONS,
  type NationalTierAssignment,
  type NationalTierOptions,
  type NationalTiers,
  type PlaceInput,
} from "./classify/national-tiers";
export {
  CAUCUS_FIELDS,
  type Caucus,
  type CaucusField,
  type CaucusLevel,
  caucus,
} from "./cohorts/caucus";
export {
  CROSS_SECTION_PHRASE,
  type DescriptorField,
  DISTINCTIVE_LIFT,
  type DistinctiveLevel,
  MOSTLY_UNKNOWN_PHRASE,
  SIZE_BANDS,
  type SizeBand,
} from "./cohorts/describe";
export { cityDistance, nearestPeers, type Peer } from "./cohorts/distance";
export {
  DISTANCE_FIELDS,
  DISTANCE_WEIGHTS,
  type DistanceField,
  NO_SHARED_FIELD_DISTANCE,
} from "./cohorts/distance-fields";
export {
  type Cohort,
  type CohortResult,
  DEFAULT_MAX_K,
  type FormCohortsOptions,
  formCohorts,
  MAX_COHORTS,
  PAM_MAX_POINTS,
  SILHOUETTE_EXACT_MAX,
  SILHOUETTE_SAMPLE_SIZE,
  type SilhouetteByK,
} from "./cohorts/form-cohorts";
export { CLARA_SAMPLES } from "./cohorts/pam";
export {
  type AgendaReflection,
  type AgendaReflectionOptions,
  agendaReflection,
  isUnderserved,
  type MemberReflection,
  type Platform,
  REFLECTION_TOP_K,
  UNDERSERVED_RULE,
} from "./cohorts/reflection";
export {
  type SharedAgendaOptions,
  type SharedTopic,
  sharedAgenda,
  type WeakestMember,
} from "./cohorts/shared-agenda";
export {
  DEFAULT_MAX_GROUPS,
  type ServedLevel,
  type SuggestWorkingGroupsOptions,
  suggestWorkingGroups,
  type WorkingGroup,
  type WorkingGroupSuggestions,
} from "./cohorts/working-groups";
export * from "./evaluate/index";
export { COUNTRY_CODES, type CountryCode, isCountryCode } from "./model/country-codes";
export {
  formatPath,
  formatValidationError,
  type Issue,
  type PathSegment,
  type ValidationError,
} from "./model/errors";
export {
  type CategoricalField,
  type CellType,
  CITY_FIELD_PATHS,
  CITY_FIELDS,
  type CityField,
  type CityFieldInfo,
  type CityFieldOfKind,
  type LevelPhrases,
  type OrdinalField,
  type OrdinalFieldInfo,
  PLACE_FACT_FIELDS,
  type PlaceFactField,
  type PlaceFactFieldInfo,
  TOPIC_FIELDS,
  type TopicField,
  type TopicFieldInfo,
} from "./model/fields";
export {
  type BatchResult,
  type ParsedCities,
  type ParsedTopics,
  parseCities,
  parseCity,
  parseTopic,
  parseTopics,
  type RecordError,
} from "./model/parse";
export * from "./model/place-facts";
export * from "./model/place-taxonomy";
export {
  type City,
  CitySchema,
  type Demands,
  DemandsSchema,
  type Governance,
  GovernanceSchema,
  type Outlook,
  OutlookSchema,
  type Resources,
  ResourcesSchema,
  type Salience,
  SalienceSchema,
  type Topic,
  TopicSchema,
} from "./model/schemas";
export * from "./model/taxonomy";
export { RELEVANCE_BANDS } from "./score/bands";
export { DEFAULT_WEIGHTS, FACTORS, type FactorName, PRIOR_WEIGHTS } from "./score/factors";
export {
  DEFAULT_GATES,
  GATE_FIELDS,
  GATE_TOPIC_ATTRIBUTES,
  type Gate,
  type GateField,
  type GateTopicAttribute,
} from "./score/gates";
export {
  type Aggregation,
  DEFAULT_CAPACITY,
  DEFAULT_CLOUT,
  PRIOR_CAPACITY,
  PRIOR_CLOUT,
  type ResolvedOptions,
  type ScorerOptions,
} from "./score/options";
export {
  AUTONOMY_POSITION,
  BUDGET_GOALPOSTS,
  CLOUT_POSITION,
  CONNECTIVITY_POSITION,
  demandFit,
  type Goalposts,
  liberalAlignment,
  MEANS_POSITION,
  METRO_GDP_GOALPOSTS,
  POPULATION_GOALPOSTS,
  PRIORITY_FLOOR,
  REGIME_POSITION,
  ROLE_POSITION,
} from "./score/reference";
export {
  type AppliedGate,
  createScorer,
  DEFAULT_SCORER,
  type FactorResult,
  type RankedRelevance,
  type Relevance,
  rankCities,
  rankTopics,
  type ScoreMatrix,
  type Scorer,
  scoreMatrix,
  scoreRelevance,
} from "./score/scorer";
export {
  type RankStability,
  type RankStabilityOptions,
  rankStability,
} from "./score/stability";
export { MODEL_VERSION } from "./score/version";
