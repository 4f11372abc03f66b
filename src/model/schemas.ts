/**
 * zod schemas for the model's input shapes, and the types inferred from them.
 *
 * Written with `zod/mini`, whose functional API tree-shakes: a bundle that
 * parses cities carries a few kilobytes of zod, not the whole library.
 *
 * Every field is optional except identity (`id`, `name`, `country`): an absent
 * field means "unknown", and the scoring treats unknown as a state of its own
 * (an interval), never as a default. Objects are strict: a misspelt field
 * (`"regim"`) is an error, not a silently unknown value.
 *
 * @module
 */
import * as z from "zod/mini";
import { boundedText, unitInterval } from "../internal/schemas";
import { COUNTRY_CODES } from "./country-codes";
import { CONNECTIVITY_CLASSES, GLOBAL_ECONOMY_TYPES, REGIONS } from "./place-facts";
import {
  AUTONOMIES,
  INCOME_TIERS,
  INTERNATIONAL_ROLES,
  NATIONAL_TIERS,
  REGIMES,
  THEMES,
} from "./taxonomy";
import { unsafeTextReason } from "./text";

/**
 * An id or a name: not blank, at most `MAX_TEXT_LENGTH` code units (see
 * `boundedText`), and free of the characters a terminal, a log or a
 * spreadsheet acts on rather than shows (control characters, bidirectional
 * formatting characters, lone surrogates; see `UNSAFE_CHARACTER`). Such a
 * character in a name is a mistake or an attack; either way it would break
 * every line it is printed in.
 */
export const identityText = /* @__PURE__ */ boundedText.check(
  z.refine((value) => unsafeTextReason(value) === undefined, {
    error: (issue) => unsafeTextReason(issue.input as string),
  }),
);

const countryCode = z.enum(COUNTRY_CODES);

/** A count of people: a whole number of at least 1 (GeoNames' 0 means "unknown": omit it). */
const headcount = z.int().check(z.positive());

/** An amount of US dollars: finite and above 0. */
const usd = z.number().check(z.positive());

const theme = z.enum(THEMES);

function firstDuplicate(values: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return undefined;
}

/**
 * A non-empty list of distinct themes. Its length is checked first: a list
 * longer than the vocabulary (`THEMES`) must repeat or misspell one, and is
 * reported once rather than entry by entry.
 */
const themeList = z.readonly(
  z.pipe(
    z.array(z.unknown()).check(z.maxLength(THEMES.length)),
    z.array(theme).check(
      z.minLength(1),
      z.refine((values) => firstDuplicate(values) === undefined, {
        error: (issue) => `lists "${firstDuplicate(issue.input as string[])}" twice`,
      }),
    ),
  ),
);

/** zod schema of a city's mayoral outlook (area 1). @category Schemas */
export const OutlookSchema = z.readonly(
  z.strictObject({
    internationalRole: z.optional(z.enum(INTERNATIONAL_ROLES)),
    priorities: z.optional(themeList),
  }),
);

/** zod schema of a city's resources and clout (area 2). @category Schemas */
export const ResourcesSchema = z.readonly(
  z.strictObject({
    nationalTier: z.optional(z.enum(NATIONAL_TIERS)),
    incomeTier: z.optional(z.enum(INCOME_TIERS)),
    metroGdpUsd: z.optional(usd),
    budgetUsd: z.optional(usd),
    internationalOffice: z.optional(z.boolean()),
    globalEconomyType: z.optional(z.enum(GLOBAL_ECONOMY_TYPES)),
    connectivity: z.optional(z.enum(CONNECTIVITY_CLASSES)),
  }),
);

/** zod schema of a city's national governance context (area 3). @category Schemas */
export const GovernanceSchema = z.readonly(
  z.strictObject({
    autonomy: z.optional(z.enum(AUTONOMIES)),
    regime: z.optional(z.enum(REGIMES)),
  }),
);

/**
 * zod schema of a {@link City}. Prefer {@link parseCity}, which turns zod's
 * issues into a {@link ValidationError} with plain messages.
 *
 * @category Schemas
 */
export const CitySchema = z.readonly(
  z.strictObject({
    id: identityText,
    name: identityText,
    country: countryCode,
    population: z.optional(headcount),
    metroPopulation: z.optional(headcount),
    capital: z.optional(z.boolean()),
    region: z.optional(z.enum(REGIONS)),
    outlook: z.optional(OutlookSchema),
    resources: z.optional(ResourcesSchema),
    governance: z.optional(GovernanceSchema),
  }),
);

const byIncome = /* @__PURE__ */ (() =>
  z.readonly(
    z.strictObject({
      low: unitInterval,
      "lower-middle": unitInterval,
      "upper-middle": unitInterval,
      high: unitInterval,
    }),
  ))();

const byTier = /* @__PURE__ */ (() =>
  z.readonly(
    z.strictObject({
      primary: unitInterval,
      secondary: unitInterval,
      tertiary: unitInterval,
      local: unitInterval,
    }),
  ))();

/** zod schema of what a topic demands of a city, each 0..1. @category Schemas */
export const DemandsSchema = /* @__PURE__ */ (() =>
  z.readonly(
    z.strictObject({
      clout: unitInterval,
      resources: unitInterval,
      autonomy: unitInterval,
    }),
  ))();

/** zod schema of a topic's salience tables. @category Schemas */
export const SalienceSchema = /* @__PURE__ */ (() =>
  z.readonly(
    z.strictObject({
      byIncome: z.optional(byIncome),
      byTier: z.optional(byTier),
    }),
  ))();

/**
 * zod schema of a {@link Topic}. Prefer {@link parseTopic}.
 *
 * @category Schemas
 */
export const TopicSchema = /* @__PURE__ */ (() =>
  z.readonly(
    z.strictObject({
      id: identityText,
      name: identityText,
      description: z.optional(z.string().check(z.maxLength(2000))),
      themes: themeList,
      internationalFacing: unitInterval,
      demands: DemandsSchema,
      liberalNorms: unitInterval,
      sensitivity: unitInterval,
      salience: z.optional(SalienceSchema),
    }),
  ))();

/**
 * A city as the model sees it: identity plus the three areas of difference.
 * Every field but `id`, `name` and `country` may be absent, meaning unknown.
 *
 * @example
 * const manchester: City = {
 *   id: "gb-manchester",
 *   name: "Manchester",
 *   country: "GB",
 *   outlook: { internationalRole: "pragmatic", priorities: ["economic-development", "climate"] },
 *   resources: { nationalTier: "secondary", incomeTier: "high" },
 *   governance: { autonomy: "intermediate", regime: "liberal-democracy" },
 * };
 * @category Model
 */
export type City = z.output<typeof CitySchema>;
/** Area 1 of a {@link City}. @category Model */
export type Outlook = z.output<typeof OutlookSchema>;
/** Area 2 of a {@link City}. @category Model */
export type Resources = z.output<typeof ResourcesSchema>;
/** Area 3 of a {@link City}. @category Model */
export type Governance = z.output<typeof GovernanceSchema>;

/**
 * An international engagement topic and what it asks of a city.
 *
 * @example
 * const topic: Topic = {
 *   id: "trade-stance",
 *   name: "Public stance on trade policy",
 *   themes: ["trade", "economic-development"],
 *   internationalFacing: 0.9,
 *   demands: { clout: 0.9, resources: 0.4, autonomy: 0.3 },
 *   liberalNorms: 0.2,
 *   sensitivity: 0.3,
 * };
 * @category Model
 */
export type Topic = z.output<typeof TopicSchema>;
/** What a {@link Topic} demands of a city. @category Model */
export type Demands = z.output<typeof DemandsSchema>;
/** Who a {@link Topic} speaks to most. @category Model */
export type Salience = z.output<typeof SalienceSchema>;
