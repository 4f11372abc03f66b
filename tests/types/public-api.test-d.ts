/**
 * Type tests of the public API: what an editor infers and what the compiler
 * rejects. They run in `npm run typecheck` (part of `npm test`): a wrong type
 * is a compile error here, and each `@ts-expect-error` fails when the call it
 * marks starts to compile.
 */
import * as E from "fp-ts/Either";
import { describe, expectTypeOf, test } from "vitest";
import type * as z from "zod/mini";
import {
  type CalibrateOptions,
  type Calibration,
  type CalibrationProgress,
  type City,
  type CitySchema,
  type CohortResult,
  type CountryCode,
  calibrateScorer,
  classifyNationalTiers,
  createScorer,
  type EvaluateOptions,
  type Evaluation,
  type EvaluationProgress,
  evaluateRelevance,
  type FormCohortsOptions,
  formCohorts,
  type NationalTier,
  type NationalTierOptions,
  type NationalTiers,
  type PlaceInput,
  parseCity,
  parseTopic,
  type RankStability,
  type RankStabilityOptions,
  rankStability,
  type Scorer,
  type ScorerOptions,
  type Theme,
  type Topic,
  type TopicSchema,
  type ValidationError,
} from "../../src/index";
import {
  type AmbiguousPlace,
  cityFromPlace,
  type Place,
  type PlaceNotFound,
} from "../../src/places/index";

describe("types inferred from the schemas", () => {
  test("City and Topic are what their schemas parse to", () => {
    expectTypeOf<z.infer<typeof CitySchema>>().toEqualTypeOf<City>();
    expectTypeOf<z.infer<typeof TopicSchema>>().toEqualTypeOf<Topic>();
  });

  test("a city's fields carry the model's closed vocabularies, and unknown is absent", () => {
    expectTypeOf<City["country"]>().toEqualTypeOf<CountryCode>();
    expectTypeOf<NonNullable<City["resources"]>["nationalTier"]>().toEqualTypeOf<
      NationalTier | undefined
    >();
    expectTypeOf<City["outlook"]>().toBeNullable();
    expectTypeOf<Topic["themes"]>().toEqualTypeOf<readonly Theme[]>();
  });

  test("parsed records are read-only", () => {
    const city = {} as City;
    // @ts-expect-error: a parsed city cannot be changed in place
    city.name = "Leeds";
    const topic = {} as Topic;
    // @ts-expect-error: nor a parsed topic
    topic.themes = [];
  });

  test("a place to classify is the input type of classifyNationalTiers' schema", () => {
    expectTypeOf<PlaceInput>().toEqualTypeOf<
      Readonly<{
        id: string | number;
        country: CountryCode;
        population: number;
        metroPopulation?: number | undefined;
      }>
    >();
  });
});

describe("Either results narrow", () => {
  test("parseCity and parseTopic: Right holds the record, Left a ValidationError", () => {
    const city = parseCity({});
    if (E.isRight(city)) expectTypeOf(city.right).toEqualTypeOf<City>();
    else expectTypeOf(city.left).toEqualTypeOf<ValidationError>();
    const topic = parseTopic({});
    if (E.isLeft(topic))
      expectTypeOf(topic.left.issues[0]?.path).toEqualTypeOf<
        readonly (string | number)[] | undefined
      >();
    else expectTypeOf(topic.right).toEqualTypeOf<Topic>();
  });

  test("cityFromPlace's Left narrows by its _tag to the error's own fields", () => {
    const result = cityFromPlace("Manchester");
    if (E.isLeft(result)) {
      const error = result.left;
      if (error._tag === "AmbiguousPlace") {
        expectTypeOf(error).toEqualTypeOf<AmbiguousPlace>();
        expectTypeOf(error.candidates).toEqualTypeOf<readonly Place[]>();
      } else if (error._tag === "PlaceNotFound") {
        expectTypeOf(error).toEqualTypeOf<PlaceNotFound>();
        expectTypeOf(error.suggestions).toEqualTypeOf<readonly Place[]>();
      } else {
        expectTypeOf(error).toEqualTypeOf<ValidationError>();
      }
    } else {
      expectTypeOf(result.right).toEqualTypeOf<City>();
    }
  });

  test("the grouping, classifying and evaluating functions return Either of their result", () => {
    expectTypeOf(formCohorts).returns.toEqualTypeOf<E.Either<ValidationError, CohortResult>>();
    expectTypeOf(classifyNationalTiers).returns.toEqualTypeOf<
      E.Either<ValidationError, NationalTiers>
    >();
    expectTypeOf(createScorer).returns.toEqualTypeOf<E.Either<ValidationError, Scorer>>();
    expectTypeOf(evaluateRelevance).returns.toEqualTypeOf<E.Either<ValidationError, Evaluation>>();
    expectTypeOf(calibrateScorer).returns.toEqualTypeOf<E.Either<ValidationError, Calibration>>();
  });
});

describe("options are typed with their schemas' input types", () => {
  test("createScorer takes ScorerOptions, and rejects unknown options and values", () => {
    expectTypeOf(createScorer).parameter(0).toEqualTypeOf<ScorerOptions | undefined>();
    expectTypeOf<NonNullable<ScorerOptions["aggregation"]>>().toEqualTypeOf<
      "need-first" | "arithmetic" | "geometric"
    >();
    createScorer({ weights: { values: 0 }, clout: { size: 0 } });
    // @ts-expect-error: no option "weight"
    createScorer({ weight: { values: 0 } });
    // @ts-expect-error: no aggregation "median"
    createScorer({ aggregation: "median" });
  });

  test("rankStability takes RankStabilityOptions, a scorer among them, and returns Either of its rows", () => {
    expectTypeOf(rankStability).parameter(2).toEqualTypeOf<RankStabilityOptions | undefined>();
    expectTypeOf<RankStabilityOptions>().toEqualTypeOf<{
      samples?: number | undefined;
      seed?: number | undefined;
      spread?: number | undefined;
      top?: number | undefined;
      scorer?: Scorer | undefined;
    }>();
    expectTypeOf(rankStability).returns.toEqualTypeOf<E.Either<ValidationError, RankStability[]>>();
    const city = {} as City;
    const scorer = {} as Scorer;
    rankStability(city, [], { samples: 200, scorer });
    // @ts-expect-error: samples is a number
    rankStability(city, [], { samples: "200" });
    // @ts-expect-error: a scorer is an option, not a fourth argument
    rankStability(city, [], {}, scorer);
    // @ts-expect-error: a Scorer no longer carries rankStability
    scorer.rankStability;
  });

  test("formCohorts requires a seed; k and maxK are optional", () => {
    expectTypeOf(formCohorts).parameter(1).toEqualTypeOf<FormCohortsOptions>();
    expectTypeOf<FormCohortsOptions>().toEqualTypeOf<{
      k?: number | undefined;
      maxK?: number | undefined;
      seed: number;
    }>();
    // @ts-expect-error: the seed is required
    formCohorts([], { k: 2 });
  });

  test("classifyNationalTiers takes places and thresholds, not unknown", () => {
    expectTypeOf(classifyNationalTiers).parameter(0).toEqualTypeOf<readonly PlaceInput[]>();
    expectTypeOf(classifyNationalTiers)
      .parameter(1)
      .toEqualTypeOf<NationalTierOptions | undefined>();
    expectTypeOf<NationalTierOptions>().toEqualTypeOf<{
      primaryShare?: number | undefined;
      secondaryShare?: number | undefined;
      tertiaryShare?: number | undefined;
    }>();
    // @ts-expect-error: a country name where a code belongs
    classifyNationalTiers([{ id: 1, country: "France", population: 10 }]);
    // @ts-expect-error: no option "tertiary"
    classifyNationalTiers([], { tertiary: 0.01 });
  });

  test("rankStability takes its options: counts, seed, spread and a scorer", () => {
    expectTypeOf(rankStability).parameter(2).toEqualTypeOf<RankStabilityOptions | undefined>();
    expectTypeOf(rankStability).returns.toEqualTypeOf<E.Either<ValidationError, RankStability[]>>();
    expectTypeOf<RankStabilityOptions["scorer"]>().toEqualTypeOf<Scorer | undefined>();
    const city = {} as City;
    // @ts-expect-error: spread is a number
    rankStability(city, [], { spread: "wide" });
  });

  test("evaluateRelevance and calibrateScorer take their options, with typed progress callbacks", () => {
    expectTypeOf(evaluateRelevance).parameter(1).toEqualTypeOf<EvaluateOptions | undefined>();
    expectTypeOf(calibrateScorer).parameter(1).toEqualTypeOf<CalibrateOptions | undefined>();
    expectTypeOf<NonNullable<EvaluateOptions["onProgress"]>>()
      .parameter(0)
      .toEqualTypeOf<EvaluationProgress>();
    expectTypeOf<NonNullable<CalibrateOptions["onProgress"]>>()
      .parameter(0)
      .toEqualTypeOf<CalibrationProgress>();
    // @ts-expect-error: replicates is a number
    evaluateRelevance({}, { replicates: "500" });
    // @ts-expect-error: no option "seeds"
    calibrateScorer({}, { seeds: [1] });
  });
});
