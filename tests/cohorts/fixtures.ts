/**
 * Hand-built profiles in the style of the essay's examples: the UK's Core
 * Cities (secondary cities that formed an advocacy coalition) and Key Cities
 * (tertiary cities that followed), and a contrasting group of low-income
 * secondary cities in a centralized closed autocracy. Values are
 * illustrative, not data about the named cities.
 */
import type { either as E } from "fp-ts";
import type { City, Platform, Theme } from "../../src/index";
import { left } from "../support/either";

/** A Core City: secondary, high income, an internationally committed mayor, an international office. */
export function coreCity(
  id: string,
  priorities: readonly Theme[] = ["economic-development", "innovation"],
): City {
  return {
    id,
    name: id,
    country: "GB",
    outlook: { internationalRole: "committed", priorities },
    resources: { nationalTier: "secondary", incomeTier: "high", internationalOffice: true },
    governance: { autonomy: "centralized", regime: "liberal-democracy" },
  };
}

/** A Key City: tertiary, high income, a pragmatic mayor, no international office. */
export function keyCity(
  id: string,
  priorities: readonly Theme[] = ["economic-development", "housing"],
): City {
  return {
    id,
    name: id,
    country: "GB",
    outlook: { internationalRole: "pragmatic", priorities },
    resources: { nationalTier: "tertiary", incomeTier: "high", internationalOffice: false },
    governance: { autonomy: "centralized", regime: "liberal-democracy" },
  };
}

/** A low-income secondary city in a centralized closed autocracy, whose mayor is skeptical of an international role. */
export function lowIncomeCity(id: string): City {
  return {
    id,
    name: id,
    country: "NG",
    outlook: { internationalRole: "skeptical", priorities: ["basic-services", "health"] },
    resources: { nationalTier: "secondary", incomeTier: "low" },
    governance: { autonomy: "centralized", regime: "closed-autocracy" },
  };
}

export const CORE_CITIES: readonly City[] = [
  "gb-birmingham",
  "gb-bristol",
  "gb-cardiff",
  "gb-glasgow",
  "gb-leeds",
  "gb-liverpool",
  "gb-manchester",
  "gb-newcastle",
  "gb-nottingham",
  "gb-sheffield",
].map((id) => coreCity(id));

export const KEY_CITIES: readonly City[] = [
  "gb-bradford",
  "gb-coventry",
  "gb-derby",
  "gb-hull",
  "gb-preston",
  "gb-sunderland",
  "gb-wakefield",
].map((id) => keyCity(id));

export const LOW_INCOME_CITIES: readonly City[] = [
  "xx-city-1",
  "xx-city-2",
  "xx-city-3",
  "xx-city-4",
].map(lowIncomeCity);

/** All three groups: 10 + 7 + 4 cities. */
export const MIXED: readonly City[] = [...CORE_CITIES, ...KEY_CITIES, ...LOW_INCOME_CITIES];

export { right } from "../support/either";

export function leftIssues(either: E.Either<{ issues: readonly unknown[] }, unknown>) {
  return left(either).issues;
}

/** A platform whose agenda rests on liberal-democratic norms and national clout. */
export const FORUM: Platform = {
  id: "forum",
  name: "Forum",
  agenda: ["public-participation", "free-expression", "trade-stance"],
};
