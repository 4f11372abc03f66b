/**
 * The scorer's options: their schema, their defaults and their resolution.
 *
 * Factors and weights are in factors.ts, gates in gates.ts, score bands in
 * bands.ts.
 *
 * @module
 */
import * as E from "fp-ts/Either";
import * as z from "zod/mini";
import type { ValidationError } from "../model/errors";
import { parseWithSchema } from "../model/parse";
import { DEFAULT_WEIGHTS, FACTORS } from "./factors";
import { DEFAULT_GATES, type Gate, gateSchema } from "./gates";

/**
 * How factor values combine into a score.
 *
 * - `"need-first"` (default): salience times feasibility, feasibility being
 *   the weighted arithmetic mean of outlook, capacity, authority and values.
 *   The score never exceeds the topic's salience for the city: strength on
 *   the other factors cannot make up for a need the topic does not meet.
 * - `"arithmetic"`: the weighted arithmetic mean of the five (model 1's
 *   default): fully compensatory.
 * - `"geometric"`: the weighted geometric mean of the five: partly
 *   compensatory.
 *
 * Gates multiply the result in every case.
 *
 * @category Scoring
 */
export type Aggregation = "need-first" | "arithmetic" | "geometric";

/**
 * The default parts of clout beside the national tier. Clout is
 * `national + (1 − national) · min(1, connectivity · G + capital · C)`, where
 * `national` is the tier's position T blended with absolute size S as
 * `(T + size · S) / (1 + size)`, G the place's GaWC position
 * (`CONNECTIVITY_POSITION`) and C 1 for a national capital: standing beyond
 * the country raises clout toward 1, closing part of what the national
 * position leaves.
 *
 * - `size` 1: the essay's clout is both rank in the national hierarchy and
 *   "the size of the population and economy that they oversee"; with no
 *   measure of which counts more, rank and absolute size (population on
 *   log-scale goalposts, see `POPULATION_GOALPOSTS`) weigh the same. A place
 *   whose population is unknown is placed by its tier alone.
 * - `connectivity` and `capital`: see the values and their reasons in
 *   docs/validation.md ("Clout beyond the national tier"), where they were
 *   chosen against observed engagement.
 *
 * A place whose capital status or GaWC class is unknown gets nothing from
 * that part: like the raw figures of means, these facts refine clout when
 * known and never widen the interval when not.
 *
 * @example
 * DEFAULT_CLOUT.size; // 1
 * @category Scoring
 */
export const DEFAULT_CLOUT: Readonly<{ size: number; connectivity: number; capital: number }> = {
  size: 1,
  connectivity: 1,
  capital: 0.2,
};

/**
 * The default weights of capacity's two parts: clout (to command attention)
 * and means (to follow through), 1 each, as in model 1, where capacity was
 * half one and half the other; the essay names both without ranking them.
 *
 * @example
 * DEFAULT_CAPACITY.clout; // 1
 * @category Scoring
 */
export const DEFAULT_CAPACITY: Readonly<{ clout: number; means: number }> = {
  clout: 1,
  means: 1,
};

/**
 * Builds the zod schema of the options. A function, so that a bundle that
 * only scores under the default options never carries it.
 */
function optionsSchema() {
  /** A weight: at least 0; at most 1e9 so that a sum of weights can never overflow. */
  const weight = z.number().check(z.gte(0), z.lte(1e9));
  const weights = z
    .strictObject({
      outlook: z.optional(weight),
      salience: z.optional(weight),
      capacity: z.optional(weight),
      authority: z.optional(weight),
      values: z.optional(weight),
    })
    .check(
      z.refine((w) => FACTORS.some((factor) => (w[factor] ?? DEFAULT_WEIGHTS[factor]) > 0), {
        error: "must not all be 0: at least one factor needs a positive weight",
      }),
    );
  const capacity = z
    .strictObject({ clout: z.optional(weight), means: z.optional(weight) })
    .check(
      z.refine(
        (c) => (c.clout ?? DEFAULT_CAPACITY.clout) + (c.means ?? DEFAULT_CAPACITY.means) > 0,
        { error: "must not both be 0: clout or means needs a positive weight" },
      ),
    );
  const gates = z.array(gateSchema()).check(
    z.refine((list) => new Set(list.map((gate) => gate.id)).size === list.length, {
      error: "gate ids must be unique",
    }),
  );
  return z.strictObject({
    weights: z.optional(weights),
    aggregation: z.optional(z.enum(["need-first", "arithmetic", "geometric"])),
    gates: z.optional(gates),
    clout: z.optional(
      z.strictObject({
        size: z.optional(weight),
        connectivity: z.optional(weight),
        capital: z.optional(weight),
      }),
    ),
    capacity: z.optional(capacity),
  });
}

type OptionsSchema = ReturnType<typeof optionsSchema>;

/**
 * Options of `createScorer`. Every field is optional and falls back to its
 * default: weights left out keep their default, so `{ weights: { values: 0 } }`
 * drops the values factor.
 *
 * - `weights`: factor weights (see `DEFAULT_WEIGHTS`), normalised to sum to 1.
 * - `aggregation`: see {@link Aggregation}; default `"need-first"`.
 * - `gates`: replaces the default gates (`DEFAULT_GATES`); `[]` for none.
 * - `clout.size`: the weight of absolute size beside the national tier in
 *   clout (see {@link DEFAULT_CLOUT}); 0 for tier alone, as in model 1.
 * - `clout.connectivity`, `clout.capital`: how far GaWC world-city standing
 *   and being the national capital raise clout above the national position
 *   (see {@link DEFAULT_CLOUT}); 0 to ignore them.
 * - `capacity.clout`, `capacity.means`: the weights of capacity's two parts
 *   (see {@link DEFAULT_CAPACITY}).
 *
 * @example
 * createScorer({ weights: { salience: 0.5 }, aggregation: "geometric", clout: { size: 0 } });
 * createScorer({ clout: { connectivity: 0, capital: 0 } }); // national position only
 * @category Scoring
 */
export type ScorerOptions = z.input<OptionsSchema>;

/**
 * Options after validation: complete, factor weights normalised to sum to 1,
 * capacity's part weights normalised to sum to 1.
 *
 * @category Scoring
 */
export interface ResolvedOptions {
  /** Normalised weights, in `FACTORS` order. */
  readonly weights: readonly number[];
  readonly aggregation: Aggregation;
  readonly gates: readonly Gate[];
  readonly clout: {
    readonly size: number;
    readonly connectivity: number;
    readonly capital: number;
  };
  readonly capacity: { readonly clout: number; readonly means: number };
}

function resolved(parsed: z.output<OptionsSchema>): ResolvedOptions {
  const raw = FACTORS.map((factor) => parsed.weights?.[factor] ?? DEFAULT_WEIGHTS[factor]);
  const total = raw.reduce((sum, value) => sum + value, 0);
  const clout = parsed.capacity?.clout ?? DEFAULT_CAPACITY.clout;
  const means = parsed.capacity?.means ?? DEFAULT_CAPACITY.means;
  return {
    weights: raw.map((value) => value / total),
    aggregation: parsed.aggregation ?? "need-first",
    gates: parsed.gates ?? DEFAULT_GATES,
    clout: {
      size: parsed.clout?.size ?? DEFAULT_CLOUT.size,
      connectivity: parsed.clout?.connectivity ?? DEFAULT_CLOUT.connectivity,
      capital: parsed.clout?.capital ?? DEFAULT_CLOUT.capital,
    },
    capacity: { clout: clout / (clout + means), means: means / (clout + means) },
  };
}

let schema: OptionsSchema | undefined;

/** Validates and completes scorer options. */
export function resolveOptions(options: unknown): E.Either<ValidationError, ResolvedOptions> {
  schema ??= optionsSchema();
  return E.map(resolved)(parseWithSchema(schema, options ?? {}, "an options object"));
}

/** The default options, resolved (what `resolveOptions({})` gives). */
export const DEFAULT_OPTIONS: ResolvedOptions = resolved({});
