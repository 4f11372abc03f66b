import * as E from "fp-ts/Either";
import { describe, expect, test } from "vitest";
import {
  CATALOG,
  type CalibrateOptions,
  type Calibration,
  type CalibrationParameter,
  type CalibrationProgress,
  calibrateScorer,
  calibrationParameters,
  createScorer,
  DEFAULT_CALIBRATION_PARAMETERS,
  DEFAULT_CAPACITY,
  DEFAULT_CLOUT,
  DEFAULT_GATES,
  DEFAULT_WEIGHTS,
  type EvaluationInput,
  evaluateRelevance,
  PRIOR_CAPACITY,
  PRIOR_CLOUT,
  PRIOR_WEIGHTS,
  type Scorer,
  type ScorerOptions,
  type ValidationError,
} from "../../src/index";
import { left, right } from "../support/either";
import { syntheticCities, topScoring } from "../support/synthetic";
import { topic } from "../support/topics";

const topics = ["climate-action", "trade-stance", "basic-services", "human-rights"].map(topic);
const cities = syntheticCities(160, 11);

const capacityHeavy = (
  createScorer({
    weights: { capacity: 1, outlook: 0.01, salience: 0.01, authority: 0.01, values: 0.01 },
  }) as E.Right<Scorer>
).right;

/** Four lists whose members a capacity-heavy model picks: the defaults rank them less well. */
const input: EvaluationInput = {
  cities,
  topics,
  lists: topics.map((t, i) => ({
    id: `list-${i}`,
    topicIds: [t.id],
    memberIds: topScoring(cities, t, 25, capacityHeavy),
  })),
};

const FAST = { penalties: [0, 0.01, 0.1], maxEvaluations: 120 };
const FEASIBILITY = ["outlook", "capacity", "authority", "values"] as const;

function valueAt(options: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], options);
}

function calibration(value: unknown, options?: CalibrateOptions): Calibration {
  return right(calibrateScorer(value, options));
}

/** Options typed loosely on purpose: the tests pass what a caller without types might. */
function errorOf(value: unknown, options?: unknown): ValidationError {
  return left(calibrateScorer(value, options as CalibrateOptions));
}

/** The AUC `evaluateRelevance` measures for one list of `input` under the given scorer options. */
function heldOutAuc(listId: string, scorer: ScorerOptions): number {
  const [row] = right(
    evaluateRelevance(
      { ...input, lists: input.lists.filter((l) => l.id === listId), scorer },
      { replicates: 1 },
    ),
  ).rows;
  if (row?.status !== "measured") throw new Error(`${listId} not measured`);
  return row.auc.estimate;
}

describe("calibrateScorer", () => {
  const result = calibration(input, { ...FAST, seed: 5 });

  test("is deterministic for a seed", () => {
    expect(calibration(input, { ...FAST, seed: 5 })).toEqual(result);
  });

  test("returns options that createScorer accepts, every fitted number positive and set at its path", () => {
    expect(E.isRight(createScorer(result.options))).toBe(true);
    for (const p of result.report.parameters) {
      expect(p.fitted).toBeGreaterThan(0);
      expect(valueAt(result.options, p.path)).toBe(p.fitted);
    }
  });

  test("learns what the lists reward: capacity gains weight against the other factors, and held-out AUC rises", () => {
    const weights = result.options.weights as Record<string, number>;
    // Under need-first, capacity's share of feasibility: outlook, capacity, authority and values.
    const share = (w: Record<string, number>) =>
      (w.capacity as number) / FEASIBILITY.reduce((sum, f) => sum + (w[f] as number), 0);
    expect(share(weights)).toBeGreaterThan(share({ ...DEFAULT_WEIGHTS }));
    expect(result.report.heldOut.after).toBeGreaterThan(result.report.heldOut.before);
  });

  test("reports held-out figures: a list's 'after' is its AUC under the options fitted without it", () => {
    const { penalty } = result.report;
    for (const list of result.report.lists) {
      const without = calibration(
        { ...input, lists: input.lists.filter((l) => l.id !== list.listId) },
        { ...FAST, seed: 5, penalties: [penalty] },
      );
      expect(list.after).toBeCloseTo(heldOutAuc(list.listId, without.options), 12);
    }
  });

  test("reports 'before' as the AUC under the starting options, as evaluateRelevance measures it", () => {
    const evaluated = evaluateRelevance(input, { replicates: 1 });
    if (E.isLeft(evaluated)) throw new Error("evaluation failed");
    for (const list of result.report.lists) {
      const row = evaluated.right.rows.find((r) => r.listId === list.listId);
      if (row?.status !== "measured") throw new Error("not measured");
      expect(list.before).toBeCloseTo(row.auc.estimate, 12);
    }
  });

  test("an overwhelming penalty keeps the documented defaults", () => {
    const held = calibration(input, { penalties: [1000], maxEvaluations: 60 });
    expect(held.report.parameters.map((p) => p.fitted)).toEqual(
      held.report.parameters.map((p) => p.default),
    );
    expect(held.report.heldOut.after).toBe(held.report.heldOut.before);
  });

  test("fits any numeric option named by path: a gate's cap on the logit scale", () => {
    const gates = DEFAULT_GATES.map((gate) => ({ ...gate }));
    const fitted = calibration(
      { ...input, scorer: { gates } },
      {
        parameters: [
          { path: ["gates", "1", "cap"], transform: "logit", default: 0.35 },
          { path: ["weights", "capacity"], transform: "log", default: 0.2 },
        ],
        penalties: [0.01],
        maxEvaluations: 40,
      },
    );
    const cap = ((fitted.options.gates as { cap: number }[])[1] as { cap: number }).cap;
    expect(cap).toBeGreaterThan(0);
    expect(cap).toBeLessThan(1);
    expect(Array.isArray(fitted.options.gates)).toBe(true);
    expect(E.isRight(createScorer(fitted.options))).toBe(true);
    expect(gates[1]?.cap).toBe(0.35);
  });
});

describe("nested cross-validation (the nested option)", () => {
  const result = calibration(input, { ...FAST, seed: 5 });
  const nested = calibration(input, { ...FAST, seed: 5, nested: true });

  test("leaves every other figure of the report as it is, and is absent unless asked for", () => {
    expect(result.report.nested).toBeUndefined();
    expect("nested" in result.report).toBe(false);
    const { nested: figures, evaluations, ...rest } = nested.report;
    const { evaluations: plainEvaluations, ...plain } = result.report;
    expect(rest).toEqual(plain);
    expect(nested.options).toEqual(result.options);
    expect(evaluations).toBeGreaterThanOrEqual(plainEvaluations);
    expect(figures?.lists.map((l) => l.listId)).toEqual(result.report.lists.map((l) => l.listId));
  });

  test("scores each list under the options a calibration without it returns, at the λ that calibration chooses", () => {
    for (const list of nested.report.nested?.lists ?? []) {
      const without = calibration(
        { ...input, lists: input.lists.filter((l) => l.id !== list.listId) },
        { ...FAST, seed: 5 },
      );
      expect(list.penalty).toBe(without.report.penalty);
      expect(list.after).toBe(heldOutAuc(list.listId, without.options));
    }
    const afters = nested.report.nested?.lists.map((l) => l.after) ?? [];
    expect(nested.report.nested?.heldOut).toBeCloseTo(
      afters.reduce((a, b) => a + b, 0) / afters.length,
      12,
    );
  });

  test("reports progress up to one fit per penalty and list, per penalty and pair of lists, and the final fit", () => {
    const seen: CalibrationProgress[] = [];
    calibration(input, { ...FAST, seed: 5, nested: true, onProgress: (p) => seen.push(p) });
    const n = input.lists.length;
    const total = FAST.penalties.length * (n + (n * (n - 1)) / 2) + 1;
    expect(seen.map((p) => p.done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(seen.every((p) => p.total === total)).toBe(true);
  });

  test("needs three lists: with two, a Left names the option", () => {
    const error = errorOf({ ...input, lists: input.lists.slice(0, 2) }, { ...FAST, nested: true });
    expect(error.issues[0]?.path).toEqual(["nested"]);
    expect(error.issues[0]?.message).toMatch(/at least 3 lists/);
  });
});

describe("the default parameters cover the scorer's options", () => {
  const paths = (parameters: readonly CalibrationParameter[]) =>
    parameters.map((p) => p.path.join("."));

  test("under need-first: the four feasibility weights, clout.size and capacity's two parts, at their documented defaults", () => {
    expect(paths(DEFAULT_CALIBRATION_PARAMETERS)).toEqual([
      "weights.outlook",
      "weights.capacity",
      "weights.authority",
      "weights.values",
      "clout.size",
      "capacity.clout",
      "capacity.means",
    ]);
    for (const p of DEFAULT_CALIBRATION_PARAMETERS) {
      const [group, key] = p.path as [string, string];
      const documented = {
        weights: DEFAULT_WEIGHTS,
        clout: DEFAULT_CLOUT,
        capacity: DEFAULT_CAPACITY,
      }[group as "weights" | "clout" | "capacity"] as Record<string, number>;
      expect(p.default).toBe(documented[key]);
      expect(p.transform).toBe("log");
    }
  });

  test("each default parameter moves some score from the priors calibration starts at, and the salience weight, left out under need-first, moves none", () => {
    const priors = { weights: PRIOR_WEIGHTS, capacity: PRIOR_CAPACITY, clout: PRIOR_CLOUT };
    type Priors = Record<string, Record<string, number>>;
    /** Scores under the priors with the number at `path` multiplied by e. */
    const scores = (path?: readonly string[]) => {
      const options = structuredClone(priors) as Priors;
      if (path !== undefined) {
        const [group, key] = path as [string, string];
        const numbers = options[group] as Record<string, number>;
        numbers[key] = (numbers[key] as number) * Math.E;
      }
      return (createScorer(options) as E.Right<Scorer>).right.matrix(cities, CATALOG).scores;
    };
    const base = scores();
    const largestMove = (path: readonly string[]) =>
      scores(path).reduce((most, v, i) => Math.max(most, Math.abs(v - (base[i] as number))), 0);
    for (const p of DEFAULT_CALIBRATION_PARAMETERS) {
      expect(largestMove(p.path), p.path.join(".")).toBeGreaterThan(0.01);
    }
    // Only rounding: the four feasibility weights are renormalised among themselves.
    expect(largestMove(["weights", "salience"])).toBeLessThan(1e-12);
  });

  test("under the arithmetic and geometric means the salience weight is fitted too", () => {
    for (const aggregation of ["arithmetic", "geometric"] as const) {
      expect(paths(calibrationParameters(aggregation))).toContain("weights.salience");
    }
    const fitted = calibration(
      { ...input, scorer: { aggregation: "arithmetic" } },
      { penalties: [0.01], maxEvaluations: 30 },
    );
    expect(paths(fitted.report.parameters)).toEqual(paths(calibrationParameters("arithmetic")));
    expect(fitted.options.aggregation).toBe("arithmetic");
  });
});

describe("invalid input gives a Left; nothing throws", () => {
  test("a parameter path the scorer options do not accept is named", () => {
    const error = errorOf(input, {
      ...FAST,
      parameters: [{ path: ["weights", "size"], transform: "log", default: 1 }],
    });
    expect(error.issues[0]?.path).toEqual(["parameters", 0, "path"]);
    expect(error.issues[0]?.message).toMatch(/weights\.size/);
  });

  test("fewer than two lists that can be measured", () => {
    const error = errorOf({ ...input, lists: input.lists.slice(0, 1) }, FAST);
    expect(error.issues[0]?.path).toEqual(["lists"]);
    expect(error.issues[0]?.message).toMatch(/at least 2 lists/);
  });

  test("a parameter whose default does not fit its transform", () => {
    const error = errorOf(input, {
      parameters: [{ path: ["weights", "capacity"], transform: "log", default: 0 }],
    });
    expect(error.issues[0]?.path).toEqual(["parameters", 0]);
  });

  test("a starting value that cannot be calibrated", () => {
    const error = errorOf({ ...input, scorer: { weights: { capacity: 0 } } }, FAST);
    expect(error.issues[0]?.path).toEqual(["scorer", "weights", "capacity"]);
  });

  test("bad options are named", () => {
    expect(errorOf(input, { penalties: [-1] }).issues[0]?.path).toEqual(["penalties", 0]);
    expect(errorOf(input, { rounds: 3 }).issues[0]?.path).toEqual(["rounds"]);
  });
});
