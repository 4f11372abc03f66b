/**
 * The catalog ranked for a city: one horizontal bar per topic, split into the
 * five factor contributions (which add up to the score), with the interval
 * [low, high] over the profile's unknown fields drawn on it, the values as
 * text and the reasons; and two cities' rankings side by side.
 */
import {
  CATALOG,
  type City,
  DEFAULT_WEIGHTS,
  FACTORS,
  type FactorName,
  type RankedRelevance,
  rankTopics,
} from "city-difference";
import { formatScore, h, percent } from "./dom";

export const FACTOR_LABELS: Record<FactorName, { label: string; question: string }> = {
  outlook: {
    label: "Outlook",
    question: "Does the mayor see a role for this outward-facing topic?",
  },
  salience: {
    label: "Salience",
    question: "Does the topic speak to the city's needs and priorities?",
  },
  capacity: { label: "Capacity", question: "Can the city command attention and follow through?" },
  authority: { label: "Authority", question: "Is the city empowered to act on it?" },
  values: { label: "Values", question: "Does it fit the national political values?" },
};

const TOPIC_NAMES = new Map(CATALOG.map((topic) => [topic.id, topic.name]));

function topicName(id: string): string {
  return TOPIC_NAMES.get(id) ?? id;
}

function intervalText(result: RankedRelevance): string {
  return `[${formatScore(result.low)}, ${formatScore(result.high)}]`;
}

/** The legend: what each colour is, what hatching and the bracket mean. */
export function legend(): HTMLElement {
  return h(
    "section",
    { class: "legend", "aria-labelledby": "legend-title" },
    h("h2", { id: "legend-title" }, "Reading the bars"),
    h(
      "ul",
      {},
      ...FACTORS.map((factor) =>
        h(
          "li",
          {},
          h("span", { class: `swatch factor-${factor}`, "aria-hidden": "true" }),
          h("strong", {}, FACTOR_LABELS[factor].label),
          `: ${FACTOR_LABELS[factor].question}`,
        ),
      ),
      h(
        "li",
        {},
        h("span", { class: "swatch unknown factor-none", "aria-hidden": "true" }),
        h("strong", {}, "Hatched"),
        ": the factor's inputs are partly unknown; its neutral value is shown.",
      ),
      h(
        "li",
        {},
        h("span", { class: "swatch-interval", "aria-hidden": "true" }),
        h("strong", {}, "Bracket"),
        ": the interval [low, high] the score can take over every value of the unknown fields.",
      ),
    ),
    h(
      "p",
      {},
      "A segment's length is the factor's contribution: the five add up to the score, on a scale of 0 to 1. The score is need first: a topic's salience for the city times what the city can do about it, so a topic that speaks to none of the city's needs stays low whatever the city's strengths.",
    ),
  );
}

/**
 * The default model's reading of a score: need (salience) times what the city
 * can do about it (feasibility, the weighted mean of the other four factors).
 */
function needText(result: RankedRelevance): string {
  const others = FACTORS.filter((factor) => factor !== "salience");
  const total = others.reduce((sum, factor) => sum + DEFAULT_WEIGHTS[factor], 0);
  const feasibility = others.reduce(
    (sum, factor) => sum + (DEFAULT_WEIGHTS[factor] / total) * result.factors[factor].value,
    0,
  );
  return `Need ${formatScore(result.factors.salience.value)} × what the city can do about it ${formatScore(feasibility)}`;
}

function topicItem(result: RankedRelevance, openReasons: boolean): HTMLElement {
  const capped = result.gates.filter((gate) => gate.certain);
  const segments = FACTORS.map((factor) => {
    const f = result.factors[factor];
    return h("span", {
      class: `segment factor-${factor}${f.known ? "" : " unknown"}`,
      style: `width: ${percent(f.contribution)}`,
    });
  });
  return h(
    "li",
    { class: "topic", "data-topic-id": result.topicId },
    h(
      "div",
      { class: "topic-head" },
      h("span", { class: "rank" }, `${result.rank}.`),
      h("span", { class: "topic-name" }, topicName(result.topicId)),
      h(
        "span",
        { class: "score" },
        h("span", { class: "visually-hidden" }, "score "),
        h("span", { class: "score-value" }, formatScore(result.score)),
        " ",
        h(
          "span",
          { class: "interval", title: "interval over the unknown fields" },
          intervalText(result),
        ),
      ),
    ),
    h(
      "div",
      { class: "bar", "aria-hidden": "true" },
      ...segments,
      h("span", {
        class: "interval-range",
        style: `left: ${percent(result.low)}; width: ${percent(result.high - result.low)}`,
      }),
    ),
    h(
      "ul",
      { class: "factors", "aria-label": "factor contributions" },
      ...FACTORS.map((factor) => {
        const f = result.factors[factor];
        return h(
          "li",
          {},
          h("span", {
            class: `swatch factor-${factor}${f.known ? "" : " unknown"}`,
            "aria-hidden": "true",
          }),
          `${FACTOR_LABELS[factor].label} ${formatScore(f.contribution)}`,
          f.known ? "" : h("span", { class: "unknown-note" }, " (inputs unknown)"),
        );
      }),
    ),
    h("p", { class: "need" }, needText(result)),
    capped.length > 0 &&
      h(
        "p",
        { class: "gate" },
        `Multiplied by ${formatScore(Math.min(...capped.map((gate) => gate.cap)))} (so at most that) by a prerequisite the city lacks.`,
      ),
    h(
      "details",
      { class: "reasons", open: openReasons },
      h("summary", {}, `Why (${result.reasons.length} reasons)`),
      h("ul", {}, ...result.reasons.map((reason) => h("li", {}, reason))),
    ),
  );
}

/** The catalog ranked for a city, most relevant first. */
export function rankingList(
  city: City,
  ranking: readonly RankedRelevance[] = rankTopics(city, CATALOG),
): HTMLElement {
  return h(
    "ol",
    { class: "ranking", "aria-label": `Topics ranked for ${city.name}` },
    ...ranking.map((result, index) => topicItem(result, index === 0)),
  );
}

/** Two cities' scores per topic side by side, in the first city's order, with the difference. */
export function comparisonTable(a: City, b: City): HTMLElement {
  const rankedA = rankTopics(a, CATALOG);
  const byTopicB = new Map(rankTopics(b, CATALOG).map((result) => [result.topicId, result]));
  const cell = (result: RankedRelevance) =>
    h(
      "td",
      {},
      h("span", { class: "rank" }, `${result.rank}.`),
      " ",
      formatScore(result.score),
      " ",
      h("span", { class: "interval" }, intervalText(result)),
    );
  return h(
    "table",
    { class: "comparison" },
    h(
      "caption",
      {},
      `${a.name}, ${a.country} and ${b.name}, ${b.country}: rank, score and interval per topic`,
    ),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "Topic"),
        h("th", { scope: "col" }, `${a.name}, ${a.country}`),
        h("th", { scope: "col" }, `${b.name}, ${b.country}`),
        h("th", { scope: "col" }, "Difference (second − first)"),
      ),
    ),
    h(
      "tbody",
      {},
      ...rankedA.map((resultA) => {
        const resultB = byTopicB.get(resultA.topicId) as RankedRelevance;
        const difference = resultB.score - resultA.score;
        return h(
          "tr",
          { "data-topic-id": resultA.topicId },
          h("th", { scope: "row" }, topicName(resultA.topicId)),
          cell(resultA),
          cell(resultB),
          h(
            "td",
            { class: difference > 0 ? "up" : difference < 0 ? "down" : "" },
            `${difference > 0 ? "+" : difference < 0 ? "−" : "±"}${formatScore(Math.abs(difference))}`,
          ),
        );
      }),
    ),
  );
}
