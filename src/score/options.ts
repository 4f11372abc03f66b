/**
 * Scoring options as data: factor weights, aggregation and gates.
 *
 * @module
 */
import * as E from "fp-ts/Either";
import * as z from "zod/mini";
import { unitInterval } from "../internal/schemas";
import type { ValidationError } from "../model/errors";
import { ORDINAL_FIELDS, type OrdinalField } from "../model/fields";
import { parseWithSchema } from "../model/parse";

/**
 * The five factors, one per kind of difference, in the order results list them.
 *
 * @category Scoring
 */
export const FACTORS = ["outlook", "salience", "capacity", "authority", "values"] as const;

/** The name of a factor. @category Scoring */
export type FactorName = (typeof FACTORS)[number];

/**
 * Default factor weights (they sum to 1).
 *
 * - `salience` 0.3: the essay's central claim is that a mayor commits resources
 *   only when engagement speaks to the city's own needs and priorities, so
 *   whether a topic does so weighs most.
 * - `outlook` 0.2 and `capacity` 0.2: the first and second areas of difference
 *   (mayoral outlook; resources and clout), one factor each.
 * - `authority` 0.15 and `values` 0.15: the third area (national governance
 *   norms) has two parts in the essay, centralization and political values;
 *   they share that area's 0.3 equally.
 *
 * The three areas thus weigh 0.2, 0.2 + salience and 0.3; salience draws on
 * all three (priorities from area 1, income and tier from area 2).
 *
 * @category Scoring
 */
export const DEFAULT_WEIGHTS: Readonly<Record<FactorName, number>> = {
  outlook: 0.2,
  salience: 0.3,
  capacity: 0.2,
  authority: 0.15,
  values: 0.15,
};

/** A city field a gate can test, with its levels: the model's ordinal fields. @category Scoring */
export const GATE_FIELDS = {
  "outlook.internationalRole": ORDINAL_FIELDS["outlook.internationalRole"].levels,
  "resources.nationalTier": ORDINAL_FIELDS["resources.nationalTier"].levels,
  "resources.incomeTier": ORDINAL_FIELDS["resources.incomeTier"].levels,
  "governance.autonomy": ORDINAL_FIELDS["governance.autonomy"].levels,
  "governance.regime": ORDINAL_FIELDS["governance.regime"].levels,
} as const satisfies Record<OrdinalField, readonly string[]>;

/** The path of a city field a gate can test. @category Scoring */
export type GateField = keyof typeof GATE_FIELDS;

/** A topic attribute a gate can test. @category Scoring */
export const GATE_TOPIC_ATTRIBUTES = [
  "internationalFacing",
  "demands.clout",
  "demands.resources",
  "demands.autonomy",
  "liberalNorms",
  "sensitivity",
] as const;

/** The path of a topic attribute a gate can test. @category Scoring */
export type GateTopicAttribute = (typeof GATE_TOPIC_ATTRIBUTES)[number];

const GateSchema = z
  .strictObject({
    id: z.string().check(z.minLength(1)),
    field: z.enum(Object.keys(GATE_FIELDS) as [GateField, ...GateField[]]),
    levels: z.array(z.string()).check(z.minLength(1)),
    topicAttribute: z.enum(GATE_TOPIC_ATTRIBUTES),
    atLeast: unitInterval,
    cap: unitInterval,
    reason: z.string().check(z.minLength(1)),
  })
  .check(
    z.refine(
      (gate) => {
        const allowed: readonly string[] = GATE_FIELDS[gate.field];
        return gate.levels.every((level) => allowed.includes(level));
      },
      {
        error: (issue) => {
          const gate = issue.input as { field: GateField; levels: string[] };
          const allowed: readonly string[] = GATE_FIELDS[gate.field];
          const bad = gate.levels.find((level) => !allowed.includes(level));
          return `levels: "${bad}" is not a level of ${gate.field} (${allowed.join(", ")})`;
        },
      },
    ),
  );

/**
 * A prerequisite that no strength can offset: when the city's `field` is at
 * one of `levels` and the topic's `topicAttribute` is at least `atLeast`, the
 * score is capped at `cap`. `reason` is the sentence reported when it applies;
 * `{city}` and `{level}` in it are replaced by the city's name and level label.
 *
 * @category Scoring
 */
export type Gate = z.output<typeof GateSchema>;

/**
 * The gates of the default model.
 *
 * Both caps are 0.35: well below 0.5, the lower edge of a "moderate" score
 * (see {@link RELEVANCE_BANDS}), so that a topic failing a prerequisite always
 * reads as of low relevance, whatever its other strengths. Both thresholds
 * are 0.7, the level from which the catalog describes a topic as needing the
 * attribute (rather than benefiting from it).
 *
 * - `no-delegated-authority`: the essay ties a city's inclination to engage
 *   independently to the formal and informal authority its national system
 *   delegates; a centralized city cannot act on a topic that needs that
 *   authority.
 * - `liberal-norms-absent`: best practices rooted in liberal-democratic values
 *   (public participation, free expression, administrative transparency) are
 *   less relevant where those values are not the norm; in V-Dem's terms, in
 *   autocracies (closed or electoral).
 *
 * @category Scoring
 */
export const DEFAULT_GATES: readonly Gate[] = [
  {
    id: "no-delegated-authority",
    field: "governance.autonomy",
    levels: ["centralized"],
    topicAttribute: "demands.autonomy",
    atLeast: 0.7,
    cap: 0.35,
    reason:
      "In a centralized system ({level}), {city} lacks the delegated authority this topic requires, so the score is capped.",
  },
  {
    id: "liberal-norms-absent",
    field: "governance.regime",
    levels: ["closed-autocracy", "electoral-autocracy"],
    topicAttribute: "liberalNorms",
    atLeast: 0.7,
    cap: 0.35,
    reason:
      "In {city}'s national context ({level}), the liberal-democratic norms this topic rests on are not the norm, so the score is capped.",
  },
];

/**
 * Score bands for reading a score: below 0.5 low, from 0.5 moderate, from
 * 0.75 high. Under the default weights a topic that every factor supports
 * (each at 0.75 or more) reads high, and one held back on a factor or two
 * moderate; the default gates cap at 0.35, so a topic failing a prerequisite
 * always reads low. Bands are for reading and reporting; the score itself is
 * continuous.
 *
 * @category Scoring
 */
export const RELEVANCE_BANDS = { moderate: 0.5, high: 0.75 } as const;

/** How factor values combine into a score. @category Scoring */
export type Aggregation = "arithmetic" | "geometric";

/** A factor weight: at least 0; at most 1e9 so that a sum of weights can never overflow. */
const weight = z.number().check(z.gte(0), z.lte(1e9));

const OptionsSchema = z.strictObject({
  weights: z.optional(
    z
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
      ),
  ),
  aggregation: z.optional(z.enum(["arithmetic", "geometric"])),
  gates: z.optional(
    z.array(GateSchema).check(
      z.refine((gates) => new Set(gates.map((gate) => gate.id)).size === gates.length, {
        error: "gate ids must be unique",
      }),
    ),
  ),
});

/**
 * Options of {@link createScorer}. Every field is optional: weights left out
 * keep their default, so `{ weights: { values: 0 } }` drops the values factor.
 *
 * @example
 * createScorer({ weights: { salience: 0.5 }, aggregation: "geometric" });
 * @category Scoring
 */
export type ScorerOptions = z.input<typeof OptionsSchema>;

/** Options after validation: complete, with weights normalised to sum to 1. */
export interface ResolvedOptions {
  /** Normalised weights, in {@link FACTORS} order. */
  readonly weights: readonly number[];
  readonly aggregation: Aggregation;
  readonly gates: readonly Gate[];
}

/** Validates and completes scorer options. */
export function resolveOptions(options: unknown): E.Either<ValidationError, ResolvedOptions> {
  return E.map((parsed: z.output<typeof OptionsSchema>): ResolvedOptions => {
    const raw = FACTORS.map((factor) => parsed.weights?.[factor] ?? DEFAULT_WEIGHTS[factor]);
    const total = raw.reduce((sum, value) => sum + value, 0);
    return {
      weights: raw.map((value) => value / total),
      aggregation: parsed.aggregation ?? "arithmetic",
      gates: parsed.gates ?? DEFAULT_GATES,
    };
  })(parseWithSchema(OptionsSchema, options ?? {}, "an options object"));
}
