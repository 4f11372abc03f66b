/**
 * `calibrateScorer`: scorer options fitted to membership lists, shrunk toward
 * the documented defaults, the strength of the shrinkage chosen by
 * leave-one-list-out cross-validation.
 *
 * @module
 */
import * as E from "fp-ts/Either";
import * as z from "zod/mini";
import { seededRandom } from "../internal/random";
import { type Issue, type ValidationError, validationError } from "../model/errors";
import { parseWithSchema } from "../model/parse";
import { DEFAULT_WEIGHTS, FACTORS } from "../score/factors";
import { type Aggregation, DEFAULT_CAPACITY, DEFAULT_CLOUT } from "../score/options";
import { createScorer, type ScoreMatrix } from "../score/scorer";
import { hashSeed } from "./bootstrap";
import { DEFAULT_MIN_MEMBERS, scoresForLists } from "./evaluate";
import { type PreparedInput, prepareInput } from "./input";
import { aucByMidranks } from "./metrics";
import { type ListScope, listScopes, scoreColumn } from "./scope";

/**
 * One number of the scorer options that calibration may move: where it is
 * in the options object, how it is searched, and the documented default the
 * penalty pulls it back to.
 *
 * - `path`: keys from the options object to the number, e.g.
 *   `["weights", "salience"]`.
 * - `transform`: `"log"` for a positive number (searched as its logarithm:
 *   a step multiplies it by a factor, and it can never reach 0 or go
 *   negative); `"logit"` for a number strictly between 0 and 1 (searched as
 *   log(p / (1 − p))).
 * - `default`: the documented value; the penalty is the squared distance
 *   from it on the transformed scale.
 *
 * @category Evaluation
 */
export interface CalibrationParameter {
  readonly path: readonly string[];
  readonly transform: "log" | "logit";
  readonly default: number;
}

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

/**
 * The pattern search's steps on the transformed scale: it starts at 1 (a
 * factor of e for a log parameter) and halves down to 1/16 (a factor of
 * 1.065: a weight moved by 6.5% reorders few cities, less than the lists'
 * sampling noise). Each parameter stays within 4 units of its default (a
 * factor of 55 either way, far enough to switch a factor practically off or
 * let it dominate).
 */
const INITIAL_STEP = 1;
const STEP_HALVINGS = 4;
const MAX_DEVIATION = 4;

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
  /** Scorer options evaluated (distinct points of the search). */
  readonly evaluations: number;
  readonly seed: number;
}

/** The result of {@link calibrateScorer}. @category Evaluation */
export interface Calibration {
  /** Scorer options, accepted by `createScorer`: the starting options with the fitted numbers set. */
  readonly options: Record<string, unknown>;
  readonly report: CalibrationReport;
}

function forward(transform: CalibrationParameter["transform"], value: number): number {
  return transform === "log" ? Math.log(value) : Math.log(value / (1 - value));
}

function backward(transform: CalibrationParameter["transform"], theta: number): number {
  return transform === "log" ? Math.exp(theta) : 1 / (1 + Math.exp(-theta));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function getPath(options: unknown, path: readonly string[]): unknown {
  let at: unknown = options;
  for (const key of path) {
    if (typeof at !== "object" || at === null || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/**
 * A copy of `options` with `value` at `path`: objects and arrays along the
 * way are copied (a numeric key indexes an array), missing objects created.
 */
function setPath(
  options: unknown,
  path: readonly string[],
  value: number,
): Record<string, unknown> {
  const copy = (container: unknown): Record<string, unknown> | unknown[] =>
    Array.isArray(container) ? [...container] : isRecord(container) ? { ...container } : {};
  const root = copy(options) as Record<string, unknown>;
  let at: Record<string, unknown> | unknown[] = root;
  path.forEach((key, depth) => {
    const slot = at as Record<string, unknown>;
    if (depth === path.length - 1) {
      slot[key] = value;
      return;
    }
    const next = copy(slot[key]);
    slot[key] = next;
    at = next;
  });
  return root;
}

/** A list's measured (list, topic) pairs, as score columns. */
interface FitList {
  readonly scope: ListScope;
  readonly topicIds: readonly string[];
}

interface Context {
  readonly input: PreparedInput;
  readonly lists: readonly FitList[];
  readonly parameters: readonly CalibrationParameter[];
  readonly startOptions: unknown;
  /** Transformed defaults, the penalty's centre. */
  readonly centre: readonly number[];
  /** Transformed start, the lattice's origin. */
  readonly origin: readonly number[];
  /** The starting values as given. */
  readonly start: readonly number[];
  /** The finest step; lattice coordinates are integers in this unit. */
  readonly unit: number;
  /** Per list, mean AUC over its topics, by lattice point (key: coordinates joined). */
  readonly cache: Map<string, Float64Array | null>;
}

function thetaOf(context: Context, coordinates: readonly number[]): number[] {
  return coordinates.map((c, i) => (context.origin[i] as number) + c * context.unit);
}

/**
 * The parameters' values at a lattice point. The start and the defaults are
 * given exactly, not through exp(log(x)), which can miss by a unit in the
 * last place and so break ties between cities that the exact value keeps.
 */
function valuesAt(context: Context, coordinates: readonly number[]): number[] {
  const theta = thetaOf(context, coordinates);
  return context.parameters.map((p, i) => {
    if (coordinates[i] === 0) return context.start[i] as number;
    if (theta[i] === context.centre[i]) return p.default;
    return backward(p.transform, theta[i] as number);
  });
}

function optionsAt(context: Context, coordinates: readonly number[]): Record<string, unknown> {
  const values = valuesAt(context, coordinates);
  let options: Record<string, unknown> = isRecord(context.startOptions)
    ? { ...context.startOptions }
    : {};
  context.parameters.forEach((p, i) => {
    options = setPath(options, p.path, values[i] as number);
  });
  return options;
}

/** Per list, its mean AUC over topics at a lattice point; null when the scorer refuses the options. */
function listAucs(context: Context, coordinates: readonly number[]): Float64Array | null {
  const key = coordinates.join(",");
  const cached = context.cache.get(key);
  if (cached !== undefined) return cached;
  const scorer = createScorer(optionsAt(context, coordinates));
  if (E.isLeft(scorer)) {
    context.cache.set(key, null);
    return null;
  }
  const [matrix, topicIndex] = scoresForLists(context.input, scorer.right);
  const aucs = meanAucs(context.lists, matrix, topicIndex);
  context.cache.set(key, aucs);
  return aucs;
}

function meanAucs(
  lists: readonly FitList[],
  matrix: ScoreMatrix,
  topicIndex: ReadonlyMap<string, number>,
): Float64Array {
  // Lists of the same scope on the same topic rank the same scores: sort them once.
  const columns = new Map<string, { scores: Float64Array; sorted: Float64Array }>();
  return Float64Array.from(
    lists.map(({ scope, topicIds }) => {
      let sum = 0;
      for (const topicId of topicIds) {
        const key = `${topicId}\u0000${scopeKey(scope)}`;
        let column = columns.get(key);
        if (column === undefined) {
          const scores = scoreColumn(matrix, topicIndex.get(topicId) as number, scope.cities);
          column = { scores, sorted: Float64Array.from(scores).sort() };
          columns.set(key, column);
        }
        sum += aucByMidranks(column.scores, scope.member, scope.members, column.sorted);
      }
      return sum / topicIds.length;
    }),
  );
}

/** The scope's countries, in order, or "*" for the world: equal keys, equal cities in scope. */
function scopeKey(scope: ListScope): string {
  const countries = scope.list.scopeCountries;
  return countries === undefined ? "*" : [...countries].sort().join(";");
}

function objective(
  context: Context,
  coordinates: readonly number[],
  training: readonly number[],
  penalty: number,
): number {
  const aucs = listAucs(context, coordinates);
  if (aucs === null) return Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const l of training) sum += aucs[l] as number;
  const theta = thetaOf(context, coordinates);
  let distance = 0;
  theta.forEach((t, i) => {
    distance += (t - (context.centre[i] as number)) ** 2;
  });
  return sum / training.length - penalty * distance;
}

/**
 * Compass search (Kolda, Lewis and Torczon, "Optimization by direct search",
 * SIAM Review 45, 2003): try a step up and down each parameter, in an order
 * drawn from the seed; move to the first that improves the objective; when
 * none does, halve the step. Points lie on a lattice of the finest step, so
 * fits on different training lists share evaluations through the cache.
 */
function patternSearch(
  context: Context,
  training: readonly number[],
  penalty: number,
  seed: number,
  maxEvaluations: number,
): number[] {
  const random = seededRandom(seed);
  const dimensions = context.parameters.length;
  const bound = Math.round(MAX_DEVIATION / context.unit);
  const centreOffset = context.centre.map((c, i) =>
    Math.round((c - (context.origin[i] as number)) / context.unit),
  );
  let x: number[] = new Array(dimensions).fill(0);
  let fx = objective(context, x, training, penalty);
  let step = 2 ** STEP_HALVINGS;
  let evaluations = 1;
  while (step >= 1 && evaluations < maxEvaluations) {
    const directions: [number, number][] = [];
    for (let i = 0; i < dimensions; i++) directions.push([i, 1], [i, -1]);
    for (let k = directions.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [directions[k], directions[j]] = [
        directions[j] as [number, number],
        directions[k] as [number, number],
      ];
    }
    let moved = false;
    for (const [i, sign] of directions) {
      const y = [...x];
      const next = (y[i] as number) + sign * step;
      if (Math.abs(next - (centreOffset[i] as number)) > bound) continue;
      y[i] = next;
      const fy = objective(context, y, training, penalty);
      evaluations++;
      if (fy > fx) {
        x = y;
        fx = fy;
        moved = true;
        break;
      }
      if (evaluations >= maxEvaluations) break;
    }
    if (!moved) step /= 2;
  }
  return x;
}

/**
 * The seed of one fit, from the penalty and the ids of the lists it is
 * fitted on: a fit depends only on its training lists, so the fit that held
 * a list out is the fit a calibration without that list makes.
 */
function fitSeed(seed: number, penalty: number, listIds: readonly string[]): number {
  return hashSeed(seed, `${penalty}:${listIds.join("\u0000")}`);
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
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
 * held-out figures, a choice among a handful of values.) Weights come out
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
  options?: unknown,
): E.Either<ValidationError, Calibration> {
  const parsedOptions = parseWithSchema(OptionsSchema, options ?? {}, "an options object");
  if (E.isLeft(parsedOptions)) return parsedOptions;
  const prepared = prepareInput(input);
  if (E.isLeft(prepared)) return prepared;
  const o = parsedOptions.right;
  const startOptions = prepared.right.scorerOptions;
  const aggregation = getPath(startOptions, ["aggregation"]);
  const parameters =
    o.parameters ??
    calibrationParameters(
      aggregation === "arithmetic" || aggregation === "geometric" ? aggregation : "need-first",
    );
  const penalties = [...new Set(o.penalties ?? DEFAULT_PENALTIES)].sort((a, b) => a - b);
  const seed = o.seed ?? 1;
  const minMembers = o.minMembers ?? DEFAULT_MIN_MEMBERS;
  const maxEvaluations = o.maxEvaluations ?? 400;

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
  if (issues.length > 0) return E.left(validationError(issues));
  parameters.forEach((p, i) => {
    const scorer = createScorer(setPath(startOptions, p.path, start[i] as number));
    if (E.isLeft(scorer))
      issues.push({
        path: ["parameters", i, "path"],
        message: `is not a number the scorer options accept ("${p.path.join(".")}"): ${scorer.left.issues[0]?.message ?? "rejected"}`,
      });
  });
  if (issues.length > 0) return E.left(validationError(issues));

  const fitLists: FitList[] = [];
  const excluded: { listId: string; reason: string }[] = [];
  for (const scope of listScopes(prepared.right)) {
    const nonMembers = scope.cities.length - scope.members;
    if (scope.members < minMembers || nonMembers < minMembers) {
      excluded.push({
        listId: scope.list.id,
        reason: `${scope.members} members and ${nonMembers} non-members in scope; at least ${minMembers} of each needed`,
      });
    } else fitLists.push({ scope, topicIds: scope.list.topicIds });
  }
  if (fitLists.length < 2)
    return E.left(
      validationError([
        {
          path: ["lists"],
          message: `calibration needs at least 2 lists with ${minMembers} or more members and non-members in scope, to hold one out; got ${fitLists.length}`,
        },
      ]),
    );

  const context: Context = {
    input: prepared.right,
    lists: fitLists,
    parameters,
    startOptions,
    centre: parameters.map((p) => forward(p.transform, p.default)),
    origin: parameters.map((p, i) => forward(p.transform, start[i] as number)),
    start,
    unit: INITIAL_STEP / 2 ** STEP_HALVINGS,
    cache: new Map(),
  };
  const all = fitLists.map((_, l) => l);
  const idsOf = (lists: readonly number[]) => lists.map((l) => fitLists[l]?.scope.list.id ?? "");
  const origin = new Array(parameters.length).fill(0);
  const before = listAucs(context, origin);
  if (before === null)
    return E.left(
      validationError([{ path: ["scorer"], message: "the starting options are not accepted" }]),
    );

  const total = penalties.length * fitLists.length + 1;
  let done = 0;
  const tick = () => {
    done++;
    o.onProgress?.({ done, total });
  };
  const heldOutByPenalty = penalties.map((penalty) =>
    all.map((l) => {
      const training = all.filter((k) => k !== l);
      const fitted = patternSearch(
        context,
        training,
        penalty,
        fitSeed(seed, penalty, idsOf(training)),
        maxEvaluations,
      );
      tick();
      return (listAucs(context, fitted) as Float64Array)[l] as number;
    }),
  );
  const cvMeans = heldOutByPenalty.map(mean);
  let best = 0;
  cvMeans.forEach((value, k) => {
    if (value >= (cvMeans[best] as number)) best = k;
  });
  const penalty = penalties[best] as number;
  const final = patternSearch(
    context,
    all,
    penalty,
    fitSeed(seed, penalty, idsOf(all)),
    maxEvaluations,
  );
  tick();
  const finalValues = valuesAt(context, final);
  const after = heldOutByPenalty[best] as number[];

  return E.right({
    options: optionsAt(context, final),
    report: {
      penalty,
      penalties: penalties.map((p, k) => ({ penalty: p, heldOutAuc: cvMeans[k] as number })),
      parameters: parameters.map((p, i) => ({
        ...p,
        start: start[i] as number,
        fitted: finalValues[i] as number,
      })),
      lists: fitLists.map((list, l) => ({
        listId: list.scope.list.id,
        topicIds: list.topicIds,
        before: before[l] as number,
        after: after[l] as number,
      })),
      heldOut: { before: mean([...before]), after: mean(after) },
      inSample: mean([...(listAucs(context, final) as Float64Array)]),
      excluded,
      evaluations: context.cache.size,
      seed,
    },
  });
}
