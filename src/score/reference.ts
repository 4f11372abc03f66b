/**
 * Fixed references: how each input of the model becomes a position on 0..1.
 *
 * Ordinal levels map through the tables below, raw figures through fixed
 * goalposts. Nothing here depends on the other cities of a batch, so adding a
 * city to a batch never moves another city's score (OECD/JRC Handbook on
 * Constructing Composite Indicators, 2008: normalisation against fixed
 * reference values rather than the sample's minimum and maximum).
 *
 * @module
 */
import { CONNECTIVITY_CLASSES, type ConnectivityClass } from "../model/place-facts";
import {
  type Autonomy,
  type IncomeTier,
  type InternationalRole,
  type NationalTier,
  REGIMES,
  type Regime,
} from "../model/taxonomy";

/**
 * How far a regime's national political values align with liberal-democratic
 * norms (participation, free expression, transparency), on 0..1.
 *
 * The four V-Dem Regimes of the World categories are an ordinal scale coded
 * 0 to 3 (`v2x_regime`); the alignment is that code divided by 3, so that the
 * steps are equal: closed autocracy 0, electoral autocracy 1/3, electoral
 * democracy 2/3, liberal democracy 1. Equal steps are the neutral choice for an
 * ordinal scale when nothing measures the distances between its levels.
 *
 * @example
 * liberalAlignment("liberal-democracy");   // 1
 * liberalAlignment("electoral-autocracy"); // 0.333…
 * @category Classifiers
 */
export function liberalAlignment(regime: Regime): number {
  return REGIMES.indexOf(regime) / (REGIMES.length - 1);
}

/**
 * Position of each mayoral outlook on 0..1, inward (0) to committed (1), in
 * equal steps. Equal steps are the neutral choice for an ordinal scale when
 * nothing measures the distance between its levels (the Handbook's
 * "categorical scale" normalisation).
 *
 * @category Scoring
 */
export const ROLE_POSITION: Readonly<Record<InternationalRole, number>> = {
  inward: 0,
  skeptical: 1 / 3,
  pragmatic: 2 / 3,
  committed: 1,
};

/**
 * National clout of each tier on 0..1, primary (1) to local (0), in equal
 * steps: the essay orders the tiers (New York, Los Angeles and Chicago above
 * secondary and tertiary cities) but gives no distances between them.
 *
 * @category Scoring
 */
export const CLOUT_POSITION: Readonly<Record<NationalTier, number>> = {
  primary: 1,
  secondary: 2 / 3,
  tertiary: 1 / 3,
  local: 0,
};

/**
 * Global standing of each GaWC world-city class on 0..1, for clout: alpha++
 * (London, New York) 1 down to sufficiency 1/12 in equal steps over GaWC's
 * twelve classes, and 0 for a place the edition does not classify (below
 * sufficiency). Equal steps, as for the other ordinal scales, because GaWC
 * publishes the classes as an order, not as distances. The essay's clout is
 * the power to command attention; a city through which the world economy's
 * firms run commands it beyond its country, where national rank alone places
 * it ("The World According to GaWC 2024", `CONNECTIVITY_EDITION`).
 *
 * @example
 * CONNECTIVITY_POSITION["alpha++"]; // 1
 * @category Scoring
 */
export const CONNECTIVITY_POSITION: Readonly<Record<ConnectivityClass, number>> =
  /* @__PURE__ */ (() =>
    Object.fromEntries(
      CONNECTIVITY_CLASSES.map((level) => [level, connectivityPosition(level)]),
    ) as Record<ConnectivityClass, number>)();

/**
 * The position of a GaWC class (see {@link CONNECTIVITY_POSITION}): its
 * distance from the bottom of `CONNECTIVITY_CLASSES`, whose last entry,
 * `not-classified`, sits at 0.
 */
export function connectivityPosition(level: ConnectivityClass): number {
  const last = CONNECTIVITY_CLASSES.length - 1;
  return (last - CONNECTIVITY_CLASSES.indexOf(level)) / last;
}

/**
 * Means of each income tier on 0..1, low (0) to high (1), in equal steps. The
 * World Bank thresholds themselves are roughly evenly spaced in log GNI (each
 * about 3 to 4 times the one below: 1,135, 4,495, 13,935 US$ in FY2026), so
 * equal steps match equal ratios of national income.
 *
 * @category Scoring
 */
export const MEANS_POSITION: Readonly<Record<IncomeTier, number>> = {
  low: 0,
  "lower-middle": 1 / 3,
  "upper-middle": 2 / 3,
  high: 1,
};

/**
 * Authority delegated to cities on 0..1, centralized (0) to decentralized
 * (1), in equal steps.
 *
 * @category Scoring
 */
export const AUTONOMY_POSITION: Readonly<Record<Autonomy, number>> = {
  centralized: 0,
  intermediate: 0.5,
  decentralized: 1,
};

/**
 * Alignment of each regime with liberal-democratic norms: the V-Dem Regimes of
 * the World code (0..3) divided by 3. See {@link liberalAlignment}.
 *
 * @category Scoring
 */
export const REGIME_POSITION: Readonly<Record<Regime, number>> = {
  "closed-autocracy": liberalAlignment("closed-autocracy"),
  "electoral-autocracy": liberalAlignment("electoral-autocracy"),
  "electoral-democracy": liberalAlignment("electoral-democracy"),
  "liberal-democracy": liberalAlignment("liberal-democracy"),
};

/** Log-scale goalposts for a raw amount: at or below `lower` it scores 0, at or above `upper` 1. */
export interface Goalposts {
  readonly lower: number;
  readonly upper: number;
}

/**
 * Goalposts for `resources.metroGdpUsd`, on a log scale: US$1 billion scores 0
 * (a metropolitan economy of a few hundred thousand people in a middle-income
 * country) and US$1 trillion scores 1 (only the very largest metropolitan
 * economies, Tokyo, New York and Los Angeles, exceed it in the Brookings
 * Global Metro Monitor 2018). A log scale because the essay's point is
 * relative weight: doubling a small economy matters as much as doubling a
 * large one.
 *
 * @category Scoring
 */
export const METRO_GDP_GOALPOSTS: Goalposts = { lower: 1e9, upper: 1e12 };

/**
 * Goalposts for `resources.budgetUsd` (the city government's annual budget),
 * on a log scale: US$10 million scores 0 (a small town's budget) and US$100
 * billion scores 1 (about New York City's annual budget, the largest municipal
 * budget in the world). The essay names the "larger pool of city resources in
 * absolute terms" as what lets a city follow through on a stance.
 *
 * @category Scoring
 */
export const BUDGET_GOALPOSTS: Goalposts = { lower: 1e7, upper: 1e11 };

/**
 * Goalposts for a city's population (`metroPopulation` where known, else
 * `population`), on a log scale: 100,000 people scores 0 (the gazetteer's
 * floor, the smallest place it calls a city) and 10 million scores 1 (the
 * UN World Urbanization Prospects' threshold of a megacity). Absolute size
 * is the essay's other side of clout: "the size of the population and economy
 * that they oversee". A log scale because what counts is relative weight:
 * a city of 2 million stands to one of 1 million as one of 10 million to one
 * of 5 million.
 *
 * @example
 * goalpostPosition(1e6, POPULATION_GOALPOSTS); // 0.5
 * @category Scoring
 */
export const POPULATION_GOALPOSTS: Goalposts = { lower: 1e5, upper: 1e7 };

/** The position of a raw amount between its goalposts, on a log scale, clamped to 0..1. */
export function goalpostPosition(amount: number, goalposts: Goalposts): number {
  const lower = Math.log10(goalposts.lower);
  const position = (Math.log10(amount) - lower) / (Math.log10(goalposts.upper) - lower);
  return Math.min(1, Math.max(0, position));
}

/**
 * The salience of a topic to a city whose stated priorities include none of
 * the topic's themes. Not 0: a mayor's list of priorities is never complete,
 * and a topic can still serve needs the list leaves out; 0.2 keeps such a
 * topic well below one that serves every listed priority (1).
 *
 * @category Scoring
 */
export const PRIORITY_FLOOR = 0.2;

/**
 * How well a city at `position` (0..1) meets a topic's `demand` (0..1):
 * `1 - demand * (1 - position)`. A topic that demands nothing fits every city
 * (1); a topic that demands everything fits in proportion to the city's
 * position. The shortfall is the demand times what the city lacks, so the fit
 * is linear, never rises with the demand and never falls with the position.
 *
 * @example
 * demandFit(2 / 3, 0.9); // 0.7: a secondary city (clout 2/3) on a topic needing clout 0.9
 * @category Scoring
 */
export function demandFit(position: number, demand: number): number {
  return 1 - demand * (1 - position);
}
