/**
 * `calibrateScorer`: scorer options fitted to membership lists, shrunk toward
 * the documented defaults, the strength of the shrinkage chosen by
 * leave-one-list-out cross-validation.
 *
 * @module
 */
import * as E from "fp-ts/Either";
import * as z from "zod/mini";
import { type Issue, type ValidationError, validationError } from "../model/errors";
import { DEFAULT_WEIGHTS, FACTORS } from "../score/factors";
import {
  type Aggregation,
  DEFAULT_CAPACITY,
  DEFAULT_CLOUT,
  type ScorerOptions,
} from "../score/options";
import { createScorer } from "../score/scorer";
import { hashSeed } from "./bootstrap";
import { DEFAULT_MIN_MEMBERS } from "./evaluate";
import { type PreparedInput, prepareWithOptions } from "./input";
import { type FitList, listAucs } from "./list-aucs";
import { listScopes } from "./scope";
import {
  type CalibrationParameter,
  getPath,
  type Lattice,
  lattice,
  measureAt,
  optionsAt,
  patternSearch,
  setPath,
  valuesAt,
} from "./search";

export type { CalibrationParameter } from "./search";

/** A positive option searched on the log scale, pulled back to its documented default. */
function logParameter(path: readonly string[], value: number): CalibrationParameter {
  return { path, transform: "log", default: value };
}

/**
 * The numbers {@link calibrateScorer} fits unless told otherwise, for a
 * scorer of the given aggregation: every number of the scorer options that
 * moves a score, each at its documented default and searched on the log
 * scale (so it stays positive).
 *
 * - the factor weights (`DEFAULT_WEIGHTS`). Under `"need-first"` (the
 *   default) salience multiplies the weighted mean of the other four, so its
 *   weight moves no score and is left out; under `"arithmetic"` and
 *   `"geometric"` all five are fitted;
 * - `clout.size`, the weight of absolute size beside the national tier in
 *   clout (`DEFAULT_CLOUT`);
 * - `capacity.clout` and `capacity.means`, the weights of capacity's two
 *   parts (`DEFAULT_CAPACITY`).
 *
 * `clout.connectivity` and `clout.capital` are not in the default list: they
 * move scores only where places carry a GaWC class or capital status (the
 * gazetteer's places do, most hand-written profiles do not). List them by
 * path to fit them, as docs/validation.md's calibration run does:
 * `{ path: ["clout", "connectivity"], transform: "log", default: 1 }`.
 *
 * Weights are normalised by the scorer, so only their ratios matter; the
 * penalty settles the scale at the one nearest the defaults. Gates are left
 * at their caps (they can be listed by path, e.g. `["gates", "0", "cap"]` on
 * the logit scale, when the scorer options give `gates`).
 *
 * @example
 * calibrationParameters("need-first").map((p) => p.path.join("."));
 * // ["weights.outlook", "weights.capacity", "weights.authority", "weights.values",
 * //  "clout.size", "capacity.clout", "capacity.means"]
 * @category Evaluation
 */
export function calibrationParameters(
  aggregation: Aggregation = "need-first",
): readonly CalibrationParameter[] {
  const factors = FACTORS.filter((factor) => aggregation !== "need-first" || factor !== "salience");
  return [
    ...factors.map((factor) => logParameter(["weights", factor], DEFAULT_WEIGHTS[factor])),
    logParameter(["clout", "size"], DEFAULT_CLOUT.size),
    logParameter(["capacity", "clout"], DEFAULT_CAPACITY.clout),
    logParameter(["capacity", "means"], DEFAULT_CAPACITY.means),
  ];
}

/**
 * The numbers {@link calibrateScorer} fits by default under the default
 * need-first aggregation: `calibrationParameters("need-first")`.
 *
 * @category Evaluation
 */
export const DEFAULT_CALIBRATION_PARAMETERS: readonly CalibrationParameter[] =
  /* @__PURE__ */ calibrationParameters();

/**
 * The default penalties tried by cross-validation: none, then from 0.001 to
 * 0.1 in steps of about three. At 0.1 moving one weight by a factor e (one
 * unit on the log scale) costs 0.1 of mean AUC, more than any list has been
 * seen to gain, so the defaults stay; at 0.001 it costs a thousandth, so the
 * fit follows the lists almost freely.
 */
export const DEFAULT_PENALTIES: readonly number[] = [0, 0.001, 0.003, 0.01, 0.03, 0.1];

const pathSchema = /* @__PURE__ */ (() =>
  z.readonly(z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(8))))();

const ParameterSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      path: pathSchema,
      transform: z.enum(["log", "logit"]),
      default: z.number(),
    })
    .check(
      z.refine((p) => (p.transform === "log" ? p.default > 0 : p.default > 0 && p.default < 1), {
        error: (issue) => {
          const p = issue.input as CalibrationParameter;
          return p.transform === "log"
            ? `default: must be above 0 for a log parameter; got ${p.default}`
            : `default: must be strictly between 0 and 1 for a logit parameter; got ${p.default}`;
        },
      }),
    ))();

/** Progress of a calibration, reported after each fit. @category Evaluation */
export interface CalibrationProgress {
  /** Fits done so far. */
  readonly done: number;
  /** Fits in all: one per penalty and held-out list, and the final fit. */
  readonly total: number;
}

const OptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    parameters: z.optional(z.readonly(z.array(ParameterSchema).check(z.minLength(1)))),
    penalties: z.optional(
      z.readonly(z.array(z.number().check(z.gte(0), z.lte(1e6))).check(z.minLength(1))),
    ),
    seed: z.optional(z.int().check(z.gte(0), z.lte(0xffffffff))),
    minMembers: z.optional(z.int().check(z.gte(1))),
    maxEvaluations: z.optional(z.int().check(z.gte(1), z.lte(1_000_000))),
    nested: z.optional(z.boolean()),
    onProgress: z.optional(
      z.custom<(progress: CalibrationProgress) => void>((value) => typeof value === "function", {
        error: "must be a function",
      }),
    ),
  }))();

/**
 * Options of {@link calibrateScorer}.
 *
 * - `parameters` (default {@link calibrationParameters} of the starting
 *   options' aggregation): the numbers to fit, as option paths with their
 *   transform and default; a scorer that gains options gains calibration by
 *   listing them here. A path the scorer does not accept is an error.
 * - `penalties` (default 0, 0.001, 0.003, 0.01, 0.03, 0.1): the values of λ
 *   that leave-one-list-out cross-validation chooses from.
 * - `seed` (default 1): orders the pattern search's polls; the same seed
 *   gives the same result.
 * - `minMembers` (default 5): as in {@link evaluateRelevance}; lists with
 *   fewer members or non-members in scope are left out of the fit.
 * - `maxEvaluations` (default 400): the most scorer options one fit may
 *   try; the search stops there if it has not converged.
 * - `nested` (default false): also run nested cross-validation, whose
 *   held-out figures do not flatter the fit by choosing λ on them (the
 *   report's `nested`). It costs a fit per penalty and pair of lists, about
 *   eight times the fits of a calibration over 16 lists (docs/performance.md
 *   gives the time on the shipped networks); needs at least 3 lists.
 * - `onProgress`: called after each fit.
 *
 * @category Evaluation
 */
export type CalibrateOptions = z.input<typeof OptionsSchema>;

/** A fitted parameter. @category Evaluation */
export interface FittedParameter extends CalibrationParameter {
  /** Its value in the scorer options calibration started from (the default when they leave it out). */
  readonly start: number;
  /** Its value after the final fit. */
  readonly fitted: number;
}

/** Held-out figures of one list. @category Evaluation */
export interface HeldOutList {
  readonly listId: string;
  /** The list's topics, whose AUCs are averaged. */
  readonly topicIds: readonly string[];
  /** Mean AUC over its topics under the starting options (nothing was fitted, so held out by construction). */
  readonly before: number;
  /** Mean AUC over its topics under the options fitted without this list, at the chosen penalty. */
  readonly after: number;
}

/**
 * Held-out figures of nested cross-validation: each list scored by options
 * fitted without it at the λ that leave-one-list-out cross-validation over
 * the other lists chose, so that neither the fit nor the choice of λ saw it.
 *
 * @category Evaluation
 */
export interface NestedCrossValidation {
  /** Mean over lists of `after`. */
  readonly heldOut: number;
  readonly lists: readonly {
    readonly listId: string;
    /** The λ chosen without this list. */
    readonly penalty: number;
    /** Mean AUC over its topics under the options fitted without it at that λ. */
    readonly after: number;
  }[];
}

/** What calibration did and what it gained on lists it did not see. @category Evaluation */
export interface CalibrationReport {
  /** The penalty λ chosen. */
  readonly penalty: number;
  /** Each penalty tried, with its mean held-out AUC over the lists. */
  readonly penalties: readonly { readonly penalty: number; readonly heldOutAuc: number }[];
  readonly parameters: readonly FittedParameter[];
  /** Per list, held-out AUC before and after. */
  readonly lists: readonly HeldOutList[];
  /** Mean over lists of held-out AUC: under the starting options, and under the options fitted without each list. */
  readonly heldOut: { readonly before: number; readonly after: number };
  /** Mean AUC over every list under the final options: in-sample, so optimistic; for comparison only. */
  readonly inSample: number;
  /** Lists left out of the fit (too few members or non-members in scope), with the reason. */
  readonly excluded: readonly { readonly listId: string; readonly reason: string }[];
  /** Scorer options evaluated (distinct points of the search, the nested fits' included). */
  readonly evaluations: number;
  readonly seed: number;
  /** Nested cross-validation's held-out figures, when the `nested` option asks for them. */
  readonly nested?: NestedCrossValidation;
}

/** The result of {@link calibrateScorer}. @category Evaluation */
export interface Calibration {
  /** Scorer options, accepted by `createScorer`: the starting options with the fitted numbers set. */
  readonly options: Record<string, unknown>;
  readonly report: CalibrationReport;
}

/** The options of a calibration, defaults filled in. */
interface Settings {
  readonly parameters: readonly CalibrationParameter[];
  /** Distinct, ascending. */
  readonly penalties: readonly number[];
  readonly seed: number;
  readonly minMembers: number;
  readonly maxEvaluations: number;
  readonly nested: boolean;
  readonly onProgress: ((progress: CalibrationProgress) => void) | undefined;
}

function settingsOf(o: z.output<typeof OptionsSchema>, startOptions: unknown): Settings {
  const aggregation = getPath(startOptions, ["aggregation"]);
  return {
    parameters:
      o.parameters ??
      calibrationParameters(
        aggregation === "arithmetic" || aggregation === "geometric" ? aggregation : "need-first",
      ),
    penalties: [...new Set(o.penalties ?? DEFAULT_PENALTIES)].sort((a, b) => a - b),
    seed: o.seed ?? 1,
    minMembers: o.minMembers ?? DEFAULT_MIN_MEMBERS,
    maxEvaluations: o.maxEvaluations ?? 400,
    nested: o.nested ?? false,
    onProgress: o.onProgress,
  };
}

/** Each parameter's value in the starting options (its default where they leave it out), or the issues of those that cannot be calibrated. */
function startValues(
  parameters: readonly CalibrationParameter[],
  startOptions: unknown,
): E.Either<ValidationError, number[]> {
  const issues: Issue[] = [];
  const start = parameters.map((p, i) => {
    const given = getPath(startOptions, p.path);
    if (given === undefined) return p.default;
    const valid =
      typeof given === "number" &&
      (p.transform === "log" ? given > 0 : given > 0 && given < 1) &&
      Number.isFinite(given);
    if (!valid)
      issues.push({
        path: ["scorer", ...p.path],
        message: `must be a number ${p.transform === "log" ? "above 0" : "strictly between 0 and 1"} to be calibrated (parameter ${i})`,
      });
    return given as number;
  });
  if (issues.length === 0) issues.push(...unacceptedPaths(parameters, startOptions, start));
  return issues.length > 0 ? E.left(validationError(issues)) : E.right(start);
}

/** Issues of the parameters whose path the scorer options do not accept. */
function unacceptedPaths(
  parameters: readonly CalibrationParameter[],
  startOptions: unknown,
  start: readonly number[],
): Issue[] {
  return parameters.flatMap((p, i) => {
    // Options of unknown shape (the caller's, with a number set), validated by createScorer.
    const options = setPath(startOptions, p.path, start[i] as number) as ScorerOptions;
    const scorer = createScorer(options);
    if (E.isRight(scorer)) return [];
    return [
      {
        path: ["parameters", i, "path"],
        message: `is not a number the scorer options accept ("${p.path.join(".")}"): ${scorer.left.issues[0]?.message ?? "rejected"}`,
      },
    ];
  });
}

/** The lists with enough members and non-members in scope to be fitted, and the others with the reason. */
function fitListsOf(
  input: PreparedInput,
  minMembers: number,
): E.Either<ValidationError, { lists: FitList[]; excluded: CalibrationReport["excluded"] }> {
  const lists: FitList[] = [];
  const excluded: { listId: string; reason: string }[] = [];
  for (const scope of listScopes(input)) {
    const nonMembers = scope.cities.length - scope.members;
    if (scope.members < minMembers || nonMembers < minMembers) {
      excluded.push({
        listId: scope.list.id,
        reason: `${scope.members} members and ${nonMembers} non-members in scope; at least ${minMembers} of each needed`,
      });
    } else lists.push({ scope, topicIds: scope.list.topicIds });
  }
  if (lists.length >= 2) return E.right({ lists, excluded });
  return E.left(
    validationError([
      {
        path: ["lists"],
        message: `calibration needs at least 2 lists with ${minMembers} or more members and non-members in scope, to hold one out; got ${lists.length}`,
      },
    ]),
  );
}

/**
 * The seed of one fit, from the penalty and the ids of the lists it is
 * fitted on: a fit depends only on its training lists, so the fit that held
 * a list out is the fit a calibration without that list makes.
 */
function fitSeed(seed: number, penalty: number, listIds: readonly string[]): number {
  return hashSeed(seed, `${penalty}:${listIds.join("\u0000")}`);
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum / values.length;
}

/** A calibration under way: the lattice, the lists, the settings, the fits made, and progress. */
interface Run {
  readonly lattice: Lattice;
  readonly lists: readonly FitList[];
  readonly settings: Settings;
  /** Fits made, by penalty and training lists (a fit depends on nothing else): nested cross-validation asks for some twice. */
  readonly fits: Map<string, number[]>;
  /** Called after each fit. */
  readonly tick: () => void;
}

/** The lattice point of the options fitted on the `training` lists (indexes into `run.lists`) at `penalty`. */
function fitOn(run: Run, training: readonly number[], penalty: number): number[] {
  const ids = training.map((l) => run.lists[l]?.scope.list.id ?? "");
  const key = `${penalty}:${ids.join("\u0000")}`;
  const made = run.fits.get(key);
  if (made !== undefined) return made;
  const point = patternSearch(run.lattice, {
    training,
    penalty,
    seed: fitSeed(run.settings.seed, penalty, ids),
    maxEvaluations: run.settings.maxEvaluations,
  });
  run.fits.set(key, point);
  run.tick();
  return point;
}

/** Per penalty, per list of `lists` (indexes into `run.lists`): its AUC under the options fitted on the others. */
function leaveOneOut(run: Run, lists: readonly number[]): number[][] {
  return run.settings.penalties.map((penalty) =>
    lists.map((l) => {
      const fitted = fitOn(
        run,
        lists.filter((k) => k !== l),
        penalty,
      );
      return (measureAt(run.lattice, fitted) as Float64Array)[l] as number;
    }),
  );
}

/**
 * Nested cross-validation: for each list, λ chosen by leave-one-out over the
 * other lists, and the list's AUC under the options fitted on the others at
 * that λ (`heldOut[penalty][list]`, computed already).
 */
function nestedCrossValidation(run: Run, heldOut: readonly number[][]): NestedCrossValidation {
  const all = run.lists.map((_, l) => l);
  const lists = all.map((l) => {
    const inner = leaveOneOut(
      run,
      all.filter((k) => k !== l),
    );
    const best = bestIndex(inner.map(mean));
    return {
      listId: run.lists[l]?.scope.list.id ?? "",
      penalty: run.settings.penalties[best] as number,
      after: heldOut[best]?.[l] as number,
    };
  });
  return { heldOut: mean(lists.map((list) => list.after)), lists };
}

/** The index of the best mean, the last of equal ones (penalties ascending: ties go to the larger λ). */
function bestIndex(values: readonly number[]): number {
  let best = 0;
  values.forEach((value, k) => {
    if (value >= (values[best] as number)) best = k;
  });
  return best;
}

/** Leave-one-list-out cross-validation over the penalties, then the fit on every list at the chosen one. */
function crossValidated(
  run: Run,
  before: Float64Array,
  excluded: CalibrationReport["excluded"],
): Calibration {
  const { lattice: at, lists, settings } = run;
  const heldOut = leaveOneOut(
    run,
    lists.map((_, l) => l),
  );
  const cvMeans = heldOut.map(mean);
  const best = bestIndex(cvMeans);
  const penalty = settings.penalties[best] as number;
  const final = fitOn(
    run,
    lists.map((_, l) => l),
    penalty,
  );
  const fitted = valuesAt(at, final);
  const after = heldOut[best] as number[];
  const nested = settings.nested ? nestedCrossValidation(run, heldOut) : undefined;
  return {
    options: optionsAt(at, final),
    report: {
      penalty,
      penalties: settings.penalties.map((p, k) => ({
        penalty: p,
        heldOutAuc: cvMeans[k] as number,
      })),
      parameters: settings.parameters.map((p, i) => ({
        ...p,
        start: at.start[i] as number,
        fitted: fitted[i] as number,
      })),
      lists: lists.map((list, l) => ({
        listId: list.scope.list.id,
        topicIds: list.topicIds,
        before: before[l] as number,
        after: after[l] as number,
      })),
      heldOut: { before: mean(before), after: mean(after) },
      inSample: mean(measureAt(at, final) as Float64Array),
      excluded,
      evaluations: at.cache.size,
      seed: settings.seed,
      ...(nested === undefined ? {} : { nested }),
    },
  };
}

/**
 * Fits scorer options to membership lists: the numbers named by
 * `parameters` (the five factor weights by default) maximise the mean over
 * lists of AUC (each list's topics averaged) minus λ times the squared
 * distance from the documented defaults on the transformed scale, by a
 * seeded compass search. λ is chosen among `penalties` by leave-one-list-out
 * cross-validation: for each λ and each list, the options are fitted without
 * the list and scored on it; the λ with the best mean held-out AUC wins
 * (ties: the larger λ), and the options are then fitted on every list.
 *
 * The report gives held-out figures: per list, its AUC under the starting
 * options and under the options fitted without it. (λ is chosen on those same
 * held-out figures, a choice among a handful of values, which flatters them a
 * little; with `nested: true` the report adds nested cross-validation's
 * figures, where each list's λ is chosen without it too.) Weights come out
 * positive: they are searched as logarithms. Deterministic for a seed;
 * invalid input or options give a `Left`; nothing throws.
 *
 * @example
 * import * as E from "fp-ts/Either";
 * const result = calibrateScorer({ cities, topics: CATALOG, lists }, { seed: 7 });
 * if (E.isRight(result)) {
 *   const scorer = createScorer(result.right.options);
 *   console.log(result.right.report.heldOut); // { before: 0.61, after: 0.66 }
 * }
 * @category Evaluation
 */
export function calibrateScorer(
  input: unknown,
  options?: CalibrateOptions,
): E.Either<ValidationError, Calibration> {
  return E.flatMap(calibratePrepared)(prepareWithOptions(OptionsSchema, input, options));
}

/** {@link calibrateScorer} of validated input and options. */
function calibratePrepared([prepared, o]: readonly [
  PreparedInput,
  z.output<typeof OptionsSchema>,
]): E.Either<ValidationError, Calibration> {
  const settings = settingsOf(o, prepared.scorerOptions);
  const start = startValues(settings.parameters, prepared.scorerOptions);
  if (E.isLeft(start)) return start;
  const fitLists = fitListsOf(prepared, settings.minMembers);
  if (E.isLeft(fitLists)) return fitLists;
  const { lists, excluded } = fitLists.right;
  const measure = listAucs(prepared, lists);
  const at = lattice(settings.parameters, prepared.scorerOptions, start.right, measure);
  const before = measureAt(at, new Array(settings.parameters.length).fill(0));
  if (before === null)
    return E.left(
      validationError([{ path: ["scorer"], message: "the starting options are not accepted" }]),
    );
  if (settings.nested && lists.length < 3)
    return E.left(
      validationError([
        {
          path: ["nested"],
          message: `nested cross-validation needs at least 3 lists that can be fitted, to hold one out of the choice of λ too; got ${lists.length}`,
        },
      ]),
    );
  // Per penalty a fit without each list (and, nested, without each pair), then the final fit.
  const n = lists.length;
  const total = settings.penalties.length * (n + (settings.nested ? (n * (n - 1)) / 2 : 0)) + 1;
  let done = 0;
  const tick = () => {
    done++;
    settings.onProgress?.({ done, total });
  };
  const run: Run = { lattice: at, lists, settings, fits: new Map(), tick };
  return E.right(crossValidated(run, before, excluded));
}
