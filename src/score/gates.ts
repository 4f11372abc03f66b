/**
 * Gates: prerequisites that no strength can offset, as data.
 *
 * @module
 */
import * as z from "zod/mini";
import { ORDINAL_FIELDS, type OrdinalField } from "../model/fields";

/**
 * A city field a gate can test, with its levels: the model's ordinal fields,
 * taken from the field registry (`ORDINAL_FIELDS` in model/fields.ts).
 *
 * @example
 * GATE_FIELDS["governance.regime"]; // ["closed-autocracy", "electoral-autocracy", …]
 * @category Scoring
 */
export const GATE_FIELDS: { readonly [F in OrdinalField]: (typeof ORDINAL_FIELDS)[F]["levels"] } =
  /* @__PURE__ */ (() =>
    Object.fromEntries(
      Object.entries(ORDINAL_FIELDS).map(([path, field]) => [path, field.levels]),
    ) as never)();

/** The path of a city field a gate can test. @category Scoring */
export type GateField = OrdinalField;

/**
 * A topic attribute a gate can test.
 *
 * @example
 * GATE_TOPIC_ATTRIBUTES.includes("liberalNorms"); // true
 * @category Scoring
 */
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

function firstBadLevel(gate: { field: GateField; levels: readonly string[] }): string | undefined {
  const allowed: readonly string[] = GATE_FIELDS[gate.field];
  return gate.levels.find((level) => !allowed.includes(level));
}

/**
 * Builds the zod schema of a {@link Gate}. A function, so that a bundle that
 * only scores under the default options never carries it.
 */
export function gateSchema() {
  const unit = z.number().check(z.gte(0), z.lte(1));
  return z
    .strictObject({
      id: z.string().check(z.minLength(1)),
      field: z.enum(Object.keys(GATE_FIELDS) as [GateField, ...GateField[]]),
      levels: z.array(z.string()).check(z.minLength(1)),
      topicAttribute: z.enum(GATE_TOPIC_ATTRIBUTES),
      atLeast: unit,
      cap: unit,
      reason: z.string().check(z.minLength(1)),
    })
    .check(
      z.refine((gate) => firstBadLevel(gate) === undefined, {
        error: (issue) => {
          const gate = issue.input as { field: GateField; levels: string[] };
          return `levels: "${firstBadLevel(gate)}" is not a level of ${gate.field} (${GATE_FIELDS[gate.field].join(", ")})`;
        },
      }),
    );
}

/**
 * A prerequisite that no strength can offset: when the city's `field` is at
 * one of `levels` and the topic's `topicAttribute` is at least `atLeast`, the
 * score is multiplied by `cap`. The score is at most 1, so `cap` is also its
 * ceiling; multiplying rather than cutting at the cap keeps the order of
 * cities below it (a closed and an electoral autocracy still differ on a
 * liberal-norm topic). Where several gates hold, the lowest `cap` applies.
 * `reason` is the sentence reported when it applies; `{city}` and `{level}`
 * in it are replaced by the city's name and level label.
 *
 * @example
 * const gate: Gate = {
 *   id: "no-delegated-authority", field: "governance.autonomy", levels: ["centralized"],
 *   topicAttribute: "demands.autonomy", atLeast: 0.7, cap: 0.35,
 *   reason: "{city} lacks the authority this topic requires.",
 * };
 * @category Scoring
 */
export type Gate = z.output<ReturnType<typeof gateSchema>>;

/**
 * The gates of the default model.
 *
 * Both multiply the score by 0.35: a score is at most 1, so a gated score is
 * at most 0.35, well below 0.5, the lower edge of a "moderate" score (see
 * `RELEVANCE_BANDS`), and a topic failing a prerequisite always reads as of
 * low relevance, whatever its other strengths. Both thresholds are 0.7, the
 * level from which the catalog describes a topic as needing the attribute
 * (rather than benefiting from it).
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
 * @example
 * DEFAULT_GATES.map((gate) => gate.id); // ["no-delegated-authority", "liberal-norms-absent"]
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
      "In a centralized system ({level}), {city} lacks the delegated authority this topic requires, so the score is held low.",
  },
  {
    id: "liberal-norms-absent",
    field: "governance.regime",
    levels: ["closed-autocracy", "electoral-autocracy"],
    topicAttribute: "liberalNorms",
    atLeast: 0.7,
    cap: 0.35,
    reason:
      "In {city}'s national context ({level}), the liberal-democratic norms this topic rests on are not the norm, so the score is held low.",
  },
];
