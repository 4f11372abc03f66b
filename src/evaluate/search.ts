/**
 * The search behind `calibrateScorer`: scorer options as points of a
 * lattice on the parameters' transformed scales, the penalized objective,
 * and a seeded compass search over the lattice.
 *
 * @module
 */
import * as E from "fp-ts/Either";
import { seededRandom } from "../internal/random";
import type { ScorerOptions } from "../score/options";
import { createScorer, type Scorer } from "../score/scorer";

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

function forward(transform: CalibrationParameter["transform"], value: number): number {
  return transform === "log" ? Math.log(value) : Math.log(value / (1 - value));
}

function backward(transform: CalibrationParameter["transform"], theta: number): number {
  return transform === "log" ? Math.exp(theta) : 1 / (1 + Math.exp(-theta));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at `path` in `options`, or undefined. */
export function getPath(options: unknown, path: readonly string[]): unknown {
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
export function setPath(
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

/**
 * The lattice the search moves on and what it has measured there: a point
 * is a vector of integer coordinates, parameter i at
 * `origin[i] + coordinate × unit` on its transformed scale.
 */
export interface Lattice {
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
  /** The measured figure per list under a scorer (calibration's: mean AUC over the list's topics). */
  readonly measure: (scorer: Scorer) => Float64Array;
  /** Per list, the measured figure by lattice point (key: coordinates joined); null where the scorer refuses the options. */
  readonly cache: Map<string, Float64Array | null>;
}

/** A lattice with its origin at `start`, measuring points with `measure`. */
export function lattice(
  parameters: readonly CalibrationParameter[],
  startOptions: unknown,
  start: readonly number[],
  measure: Lattice["measure"],
): Lattice {
  return {
    parameters,
    startOptions,
    centre: parameters.map((p) => forward(p.transform, p.default)),
    origin: parameters.map((p, i) => forward(p.transform, start[i] as number)),
    start,
    unit: INITIAL_STEP / 2 ** STEP_HALVINGS,
    measure,
    cache: new Map(),
  };
}

function thetaOf(lattice: Lattice, coordinates: readonly number[]): number[] {
  return coordinates.map((c, i) => (lattice.origin[i] as number) + c * lattice.unit);
}

/**
 * The parameters' values at a lattice point. The start and the defaults are
 * given exactly, not through exp(log(x)), which can miss by a unit in the
 * last place and so break ties between cities that the exact value keeps.
 */
export function valuesAt(lattice: Lattice, coordinates: readonly number[]): number[] {
  const theta = thetaOf(lattice, coordinates);
  return lattice.parameters.map((p, i) => {
    if (coordinates[i] === 0) return lattice.start[i] as number;
    if (theta[i] === lattice.centre[i]) return p.default;
    return backward(p.transform, theta[i] as number);
  });
}

/** The scorer options at a lattice point: the starting options with the parameters set. */
export function optionsAt(
  lattice: Lattice,
  coordinates: readonly number[],
): Record<string, unknown> {
  const values = valuesAt(lattice, coordinates);
  let options: Record<string, unknown> = isRecord(lattice.startOptions)
    ? { ...lattice.startOptions }
    : {};
  lattice.parameters.forEach((p, i) => {
    options = setPath(options, p.path, values[i] as number);
  });
  return options;
}

/** Per list, the measured figure at a lattice point; null when the scorer refuses the options. */
export function measureAt(lattice: Lattice, coordinates: readonly number[]): Float64Array | null {
  const key = coordinates.join(",");
  const cached = lattice.cache.get(key);
  if (cached !== undefined) return cached;
  // Options of unknown shape (built from the caller's), validated by createScorer.
  const scorer = createScorer(optionsAt(lattice, coordinates) as ScorerOptions);
  const measured = E.isLeft(scorer) ? null : lattice.measure(scorer.right);
  lattice.cache.set(key, measured);
  return measured;
}

/** Mean figure over the training lists, less the penalty times the squared distance from the defaults. */
function objective(
  lattice: Lattice,
  coordinates: readonly number[],
  training: readonly number[],
  penalty: number,
): number {
  const measured = measureAt(lattice, coordinates);
  if (measured === null) return Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const l of training) sum += measured[l] as number;
  const theta = thetaOf(lattice, coordinates);
  let distance = 0;
  theta.forEach((t, i) => {
    distance += (t - (lattice.centre[i] as number)) ** 2;
  });
  return sum / training.length - penalty * distance;
}

/** Every step up and down each of `dimensions` parameters, in an order drawn from `random`. */
function shuffledDirections(dimensions: number, random: () => number): [number, number][] {
  const directions: [number, number][] = [];
  for (let i = 0; i < dimensions; i++) directions.push([i, 1], [i, -1]);
  for (let k = directions.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [directions[k], directions[j]] = [
      directions[j] as [number, number],
      directions[k] as [number, number],
    ];
  }
  return directions;
}

/** What one fit searches: the training lists, the penalty, the seed and the most points it may try. */
export interface Fit {
  readonly training: readonly number[];
  readonly penalty: number;
  readonly seed: number;
  readonly maxEvaluations: number;
}

/**
 * Compass search (Kolda, Lewis and Torczon, "Optimization by direct search",
 * SIAM Review 45, 2003): try a step up and down each parameter, in an order
 * drawn from the seed; move to the first that improves the objective; when
 * none does, halve the step. Points lie on a lattice of the finest step, so
 * fits on different training lists share evaluations through the cache.
 */
export function patternSearch(lattice: Lattice, fit: Fit): number[] {
  const { training, penalty, maxEvaluations } = fit;
  const random = seededRandom(fit.seed);
  const bound = Math.round(MAX_DEVIATION / lattice.unit);
  const centreOffset = lattice.centre.map((c, i) =>
    Math.round((c - (lattice.origin[i] as number)) / lattice.unit),
  );
  let x: number[] = new Array(lattice.parameters.length).fill(0);
  let fx = objective(lattice, x, training, penalty);
  let step = 2 ** STEP_HALVINGS;
  let evaluations = 1;
  while (step >= 1 && evaluations < maxEvaluations) {
    let moved = false;
    for (const [i, sign] of shuffledDirections(x.length, random)) {
      const y = [...x];
      const next = (y[i] as number) + sign * step;
      if (Math.abs(next - (centreOffset[i] as number)) > bound) continue;
      y[i] = next;
      const fy = objective(lattice, y, training, penalty);
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
