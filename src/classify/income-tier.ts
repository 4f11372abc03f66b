/**
 * World Bank income groups from GNI per capita.
 *
 * @module
 */
import * as E from "fp-ts/Either";
import { describeValue, singleIssue, type ValidationError } from "../model/errors";
import type { IncomeTier } from "../model/taxonomy";

/**
 * The three published upper bounds of one fiscal year, in current US$ of GNI
 * per capita (Atlas method). Each bound is inclusive: a GNI per capita equal
 * to `low` is low income; anything above `upperMiddle` is high income.
 */
export interface IncomeThresholds {
  /** The fiscal year the thresholds apply to (it starts on 1 July of the year before). */
  readonly fiscalYear: number;
  /** The calendar year of the GNI figures they classify. */
  readonly gniYear: number;
  /** Upper bound of low income (inclusive). */
  readonly low: number;
  /** Upper bound of lower-middle income (inclusive). */
  readonly lowerMiddle: number;
  /** Upper bound of upper-middle income (inclusive); above is high income. */
  readonly upperMiddle: number;
}

/**
 * World Bank income-classification thresholds, FY2016 to FY2026.
 *
 * Source: World Bank, "World Bank Country and Lending Groups" and its yearly
 * posts "New World Bank country classifications by income level" (Data Blog),
 * which state each year's groups as "A or less", "A+1 to B", "B+1 to C" and
 * "more than C". Each fiscal year starts on 1 July and classifies the GNI of
 * the calendar year two years earlier. The thresholds are adjusted each year
 * for inflation with the SDR deflator, which is why some years fall.
 *
 * @category Classifiers
 */
export const INCOME_THRESHOLDS: readonly IncomeThresholds[] = [
  { fiscalYear: 2016, gniYear: 2014, low: 1045, lowerMiddle: 4125, upperMiddle: 12735 },
  { fiscalYear: 2017, gniYear: 2015, low: 1025, lowerMiddle: 4035, upperMiddle: 12475 },
  { fiscalYear: 2018, gniYear: 2016, low: 1005, lowerMiddle: 3955, upperMiddle: 12235 },
  { fiscalYear: 2019, gniYear: 2017, low: 995, lowerMiddle: 3895, upperMiddle: 12055 },
  { fiscalYear: 2020, gniYear: 2018, low: 1025, lowerMiddle: 3995, upperMiddle: 12375 },
  { fiscalYear: 2021, gniYear: 2019, low: 1035, lowerMiddle: 4045, upperMiddle: 12535 },
  { fiscalYear: 2022, gniYear: 2020, low: 1045, lowerMiddle: 4095, upperMiddle: 12695 },
  { fiscalYear: 2023, gniYear: 2021, low: 1085, lowerMiddle: 4255, upperMiddle: 13205 },
  { fiscalYear: 2024, gniYear: 2022, low: 1135, lowerMiddle: 4465, upperMiddle: 13845 },
  { fiscalYear: 2025, gniYear: 2023, low: 1145, lowerMiddle: 4515, upperMiddle: 14005 },
  { fiscalYear: 2026, gniYear: 2024, low: 1135, lowerMiddle: 4495, upperMiddle: 13935 },
];

/** The latest fiscal year in {@link INCOME_THRESHOLDS}, used when none is given. @category Classifiers */
export const LATEST_INCOME_FISCAL_YEAR = 2026;

/**
 * The World Bank income group for a GNI per capita (Atlas method, current
 * US$) under a fiscal year's thresholds (the latest, FY2026, by default).
 *
 * Bounds are inclusive as published: under FY2026, 1,135 is low income and
 * 1,135.01 lower-middle. Returns a `Left` for a GNI that is not a finite
 * number of at least 0, or a fiscal year outside FY2016 to FY2026.
 * Cost: constant.
 *
 * @example
 * classifyIncomeTier(4495);        // Right("lower-middle")  (FY2026)
 * classifyIncomeTier(4496);        // Right("upper-middle")
 * classifyIncomeTier(13_000, 2016); // Right("high")
 * classifyIncomeTier(Number.NaN);  // Left: gniPerCapitaUsd must be a finite number of at least 0; got NaN
 * @category Classifiers
 */
export function classifyIncomeTier(
  gniPerCapitaUsd: number,
  fiscalYear: number = LATEST_INCOME_FISCAL_YEAR,
): E.Either<ValidationError, IncomeTier> {
  if (
    typeof gniPerCapitaUsd !== "number" ||
    !Number.isFinite(gniPerCapitaUsd) ||
    gniPerCapitaUsd < 0
  ) {
    return E.left(
      singleIssue(
        ["gniPerCapitaUsd"],
        `must be a finite number of at least 0; got ${describeValue(gniPerCapitaUsd)}`,
      ),
    );
  }
  const thresholds = INCOME_THRESHOLDS.find((row) => row.fiscalYear === fiscalYear);
  if (thresholds === undefined) {
    const first = INCOME_THRESHOLDS[0]?.fiscalYear;
    return E.left(
      singleIssue(
        ["fiscalYear"],
        `must be a fiscal year from ${first} to ${LATEST_INCOME_FISCAL_YEAR}; got ${describeValue(fiscalYear)}`,
      ),
    );
  }
  if (gniPerCapitaUsd <= thresholds.low) return E.right("low");
  if (gniPerCapitaUsd <= thresholds.lowerMiddle) return E.right("lower-middle");
  if (gniPerCapitaUsd <= thresholds.upperMiddle) return E.right("upper-middle");
  return E.right("high");
}
