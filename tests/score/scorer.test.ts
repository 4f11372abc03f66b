import { either as E } from "fp-ts";
import { describe, expect, it } from "vitest";
import {
  CATALOG,
  type City,
  catalogTopic,
  createScorer,
  DEFAULT_WEIGHTS,
  MODEL_VERSION,
  rankCities,
  rankStability,
  rankTopics,
  type Scorer,
  type ScorerOptions,
  scoreMatrix,
  scoreRelevance,
  type Topic,
} from "../../src/index";
import { profile, withOutlook, withResources } from "../support/cities";

const trade = catalogTopic("trade-stance") as Topic;

function right<T>(either: E.Either<unknown, T>): T {
  if (E.isLeft(either)) throw new Error(JSON.stringify(either.left));
  return either.right;
}

describe("createScorer", () => {
  it("normalises weights so that they sum to 1, keeping defaults for factors left out", () => {
    const scorer = right(createScorer({ weights: { outlook: 0.4 } }));
    const total =
      0.4 +
      DEFAULT_WEIGHTS.salience +
      DEFAULT_WEIGHTS.capacity +
      DEFAULT_WEIGHTS.authority +
      DEFAULT_WEIGHTS.values;
    expect(scorer.options.weights[0]).toBeCloseTo(0.4 / total, 15);
    expect(scorer.options.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
  });

  it("drops a factor given weight 0 from the score and the reasons", () => {
    const scorer = right(createScorer({ weights: { values: 0 } }));
    const r = scorer.relevance(profile("x"), trade);
    expect(r.factors.values.contribution).toBe(0);
    expect(r.reasons.some((text) => text.includes("national political values"))).toBe(false);
  });

  it.each([
    [{ weights: { outlook: -1 } }, ["weights", "outlook"]],
    [{ weights: { outlook: Number.NaN } }, ["weights", "outlook"]],
    [{ weights: { outlook: 0, salience: 0, capacity: 0, authority: 0, values: 0 } }, ["weights"]],
    [{ weights: { mood: 1 } }, ["weights", "mood"]],
    [{ aggregation: "harmonic" }, ["aggregation"]],
    [{ clout: { connectivity: -0.5 } }, ["clout", "connectivity"]],
    [{ clout: { capital: Number.POSITIVE_INFINITY } }, ["clout", "capital"]],
    [{ clout: { standing: 1 } }, ["clout", "standing"]],
    [
      {
        gates: [
          {
            id: "g",
            field: "governance.regime",
            levels: ["centralized"],
            topicAttribute: "liberalNorms",
            atLeast: 0.5,
            cap: 0.2,
            reason: "r",
          },
        ],
      },
      ["gates", 0],
    ],
    [
      {
        gates: [
          {
            id: "g",
            field: "governance.size",
            levels: [],
            topicAttribute: "liberalNorms",
            atLeast: 0.5,
            cap: 0.2,
            reason: "r",
          },
        ],
      },
      ["gates", 0, "field"],
    ],
    ["fast", []],
  ])("rejects %j with a Left naming the option", (options, path) => {
    // Typed callers cannot write these; untyped callers (JavaScript, parsed JSON) can.
    const result = createScorer(options as ScorerOptions);
    expect(E.isLeft(result)).toBe(true);
    if (E.isLeft(result)) expect(result.left.issues.map((i) => i.path)).toContainEqual(path);
  });

  it("takes gates as data: a custom gate multiplies the score by its cap and is reported", () => {
    const scorer = right(
      createScorer({
        gates: [
          {
            id: "inward-mayor",
            field: "outlook.internationalRole",
            levels: ["inward"],
            topicAttribute: "internationalFacing",
            atLeast: 0.8,
            cap: 0.2,
            reason: "{city}'s {level} mayor will not take up an outward topic.",
          },
        ],
      }),
    );
    const leeds = withOutlook(profile("x", { name: "Leeds" }), { internationalRole: "inward" });
    const r = scorer.relevance(leeds, trade);
    const ungated = right(createScorer({ gates: [] })).relevance(leeds, trade);
    expect(r.score).toBe(ungated.score * 0.2);
    expect(r.score).toBeLessThanOrEqual(0.2);
    expect(r.reasons[0]).toBe(
      "Leeds's inward mayor will not take up an outward topic. (score × 0.20)",
    );
  });

  it("with geometric aggregation, a zero factor sinks the score, and contributions still add up", () => {
    const scorer = right(createScorer({ aggregation: "geometric", gates: [] }));
    const topic: Topic = { ...trade, internationalFacing: 1 };
    const city = withOutlook(profile("x"), { internationalRole: "inward" });
    const r = scorer.relevance(city, topic);
    expect(r.factors.outlook.value).toBe(0);
    expect(r.score).toBe(0);
    const arithmetic = right(createScorer({ aggregation: "arithmetic", gates: [] }));
    expect(arithmetic.relevance(city, topic).score).toBeGreaterThan(0.5);
  });
});

describe("results", () => {
  it("name the city, the topic and the model version", () => {
    const r = scoreRelevance(profile("gb-manchester"), trade);
    expect(r).toMatchObject({
      cityId: "gb-manchester",
      topicId: "trade-stance",
      model: MODEL_VERSION,
    });
  });

  it("serialise with JSON.stringify to every field, factors, gates and reasons included, in the documented order", () => {
    const r = scoreRelevance(profile("gb-manchester"), trade);
    const plain = JSON.parse(JSON.stringify(r));
    expect(Object.keys(plain)).toEqual([
      "cityId",
      "topicId",
      "score",
      "low",
      "high",
      "factors",
      "gates",
      "reasons",
      "model",
    ]);
    expect(plain.factors).toEqual(JSON.parse(JSON.stringify(r.factors)));
    expect(plain.reasons).toEqual(r.reasons);
    const ranked = JSON.parse(JSON.stringify(rankTopics(profile("gb-manchester"), [trade])[0]));
    expect(ranked.rank).toBe(1);
  });

  it("keep the factors of the profile as scored when the city object is changed afterwards", () => {
    const city: City = { id: "x", name: "X", country: "GB" };
    const r = scoreRelevance(city, trade);
    (city as { governance?: City["governance"] }).governance = { autonomy: "centralized" };
    const fresh = scoreRelevance({ id: "x", name: "X", country: "GB" }, trade);
    expect(r.factors).toEqual(fresh.factors);
    expect(r.factors.authority.known).toBe(false);
  });

  it("say when a gate may apply because its field is unknown, and lower only `low`", () => {
    const city: City = { id: "x", name: "X", country: "GB" };
    const r = scoreRelevance(city, catalogTopic("adequate-housing") as Topic);
    expect(r.gates).toEqual([{ id: "no-delegated-authority", cap: 0.35, certain: false }]);
    expect(r.low).toBeLessThanOrEqual(0.35);
    expect(r.score).toBeGreaterThan(0.35);
    expect(r.reasons.at(-1)).toContain(
      "If autonomy turns out to be centralized, the score would be multiplied by 0.35",
    );
  });

  it("give reasons that name the unknown field when a profile is incomplete", () => {
    const r = scoreRelevance({ id: "x", name: "Tema", country: "GH" }, trade);
    expect(r.reasons.join(" ")).toContain("Tema's mayoral outlook is unknown");
    expect(r.reasons.join(" ")).toContain(
      "Tema's place in its national urban hierarchy is unknown",
    );
  });
});

describe("rankings", () => {
  it("rankTopics sorts by score, highest first, and numbers the ranks", () => {
    const ranking = rankTopics(profile("x"), CATALOG);
    expect(ranking.map((r) => r.rank)).toEqual(CATALOG.map((_, i) => i + 1));
    for (let i = 1; i < ranking.length; i++) {
      expect(ranking[i - 1]?.score).toBeGreaterThanOrEqual(ranking[i]?.score as number);
    }
  });

  it("breaks ties by id, whatever the input order", () => {
    const twin = (id: string): Topic => ({ ...trade, id });
    const topics = [twin("b"), twin("c"), twin("a")];
    expect(rankTopics(profile("x"), topics).map((r) => r.topicId)).toEqual(["a", "b", "c"]);
    const cities = ["m", "k", "z"].map((id) => profile(id));
    expect(rankCities(trade, cities).map((r) => r.cityId)).toEqual(["k", "m", "z"]);
  });

  it("rankCities puts the primary city first on a public stance on trade", () => {
    const cities = (["tertiary", "primary", "secondary"] as const).map((nationalTier) =>
      withResources(profile(nationalTier), { nationalTier }),
    );
    expect(rankCities(trade, cities).map((r) => r.cityId)).toEqual([
      "primary",
      "secondary",
      "tertiary",
    ]);
  });

  it("scoreMatrix lays scores out cities by topics", () => {
    const cities = [profile("a"), profile("b", { outlook: { internationalRole: "inward" } })];
    const m = scoreMatrix(cities, CATALOG);
    expect(m.cityIds).toEqual(["a", "b"]);
    expect(m.topicIds).toEqual(CATALOG.map((t) => t.id));
    expect(m.scores[CATALOG.length + 3]).toBe(
      scoreRelevance(cities[1] as City, CATALOG[3] as Topic).score,
    );
  });

  it("handles empty inputs", () => {
    expect(rankTopics(profile("x"), [])).toEqual([]);
    expect(scoreMatrix([], CATALOG).scores).toHaveLength(0);
  });
});

describe("rankStability", () => {
  const city = profile("x");

  it("repeats exactly for the same seed", () => {
    const a = right(rankStability(city, CATALOG, { samples: 300, seed: 42 }));
    const b = right(rankStability(city, CATALOG, { samples: 300, seed: 42 }));
    expect(a).toEqual(b);
  });

  it("with no spread, every draw gives the chosen ranking", () => {
    const result = right(rankStability(city, CATALOG, { samples: 50, spread: 0, top: 3 }));
    const ranking = rankTopics(city, CATALOG);
    expect(result.map((r) => r.topicId)).toEqual(ranking.map((r) => r.topicId));
    for (const r of result) {
      expect(r.medianRank).toBe(r.rank);
      expect(r.rankInterval).toEqual([r.rank, r.rank]);
      expect(r.probabilityTop).toBe(r.rank <= 3 ? 1 : 0);
    }
  });

  it("gives rank intervals that contain the median, and top-k probabilities that sum to k", () => {
    const result = right(
      rankStability(city, CATALOG, { samples: 500, seed: 3, spread: 0.5, top: 4 }),
    );
    for (const r of result) {
      expect(r.rankInterval[0]).toBeLessThanOrEqual(r.medianRank);
      expect(r.medianRank).toBeLessThanOrEqual(r.rankInterval[1]);
    }
    expect(result.reduce((sum, r) => sum + r.probabilityTop, 0)).toBeCloseTo(4, 10);
  });

  it("draws around the weights of the scorer given as `scorer`", () => {
    const scorer: Scorer = right(createScorer({ weights: { values: 5 } }));
    const order = (ranking: readonly { topicId: string }[]) => ranking.map((r) => r.topicId);
    const result = right(rankStability(city, CATALOG, { samples: 10, spread: 0, scorer }));
    expect(order(result)).toEqual(order(scorer.rankTopics(city, CATALOG)));
    // The scorer's weights order these topics otherwise than the default ones.
    expect(order(result)).not.toEqual(order(rankTopics(city, CATALOG)));
  });

  it("rejects a `scorer` that is not a Scorer, naming the option", () => {
    const result = rankStability(city, CATALOG, { scorer: {} as Scorer });
    expect(E.isLeft(result) && result.left.issues.map((issue) => issue.path)).toEqual([["scorer"]]);
  });

  it.each([
    [{ samples: 0 }, "samples"],
    [{ spread: 1 }, "spread"],
    [{ seed: -1 }, "seed"],
    [{ seed: 1.5 }, "seed"],
    [{ top: 0 }, "top"],
    [{ draws: 3 }, "draws"],
  ])("rejects invalid options %j with a Left naming %s", (options, field) => {
    // `draws` is no option: typed callers cannot write it; untyped ones can.
    const result = rankStability(city, CATALOG, options as never);
    expect(E.isLeft(result) && result.left.issues.map((issue) => issue.path)).toEqual([[field]]);
  });
});
