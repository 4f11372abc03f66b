import { fc, test } from "@fast-check/vitest";
import { either as E } from "fp-ts";
import { describe, expect, it } from "vitest";
import {
  CATALOG,
  type City,
  catalogTopic,
  createScorer,
  RELEVANCE_BANDS,
  type Scorer,
  scoreRelevance,
  sharedAgenda,
  type Topic,
} from "../../src/index";
import { arbitraryCity, arbitraryTopic } from "../support/arbitraries";
import { right } from "../support/either";
import { CORE_CITIES, coreCity, KEY_CITIES, LOW_INCOME_CITIES, MIXED } from "./fixtures";

/** The UK's Core and Key Cities. */
const UK: readonly City[] = [...CORE_CITIES, ...KEY_CITIES];

const score = (city: City, topicId: string) =>
  scoreRelevance(city, catalogTopic(topicId) as Topic).score;

describe("sharedAgenda", () => {
  const agenda = right(sharedAgenda(UK, CATALOG));

  it("lists exactly the topics every member scores at least 0.5 (the moderate band) on", () => {
    expect(RELEVANCE_BANDS.moderate).toBe(0.5);
    const expected = CATALOG.filter((topic) =>
      UK.every((city) => scoreRelevance(city, topic).score >= 0.5),
    ).map((topic) => topic.id);
    expect(agenda.map((t) => t.topicId).sort()).toEqual(expected.sort());
    expect(agenda.length).toBeGreaterThan(0);
  });

  it("shares only urban advocacy, and only just, at the moderate band between the UK's cities and low-income cities of a closed autocracy", () => {
    // Need first: advocacy for standing is the one need of cities below the top that both groups have.
    const shared = right(sharedAgenda(MIXED, CATALOG));
    expect(shared.map((t) => t.topicId)).toEqual(["urban-advocacy"]);
    expect(shared[0]?.weakest.score).toBeLessThan(0.6);
  });

  it("ranks topics by the score of the member they speak to least, naming that member", () => {
    for (const topic of agenda) {
      const scores = UK.map((city) => score(city, topic.topicId));
      expect(topic.weakest.score).toBe(Math.min(...scores));
      expect(score(UK.find((c) => c.id === topic.weakest.cityId) as City, topic.topicId)).toBe(
        topic.weakest.score,
      );
    }
    for (let i = 1; i < agenda.length; i++) {
      expect(agenda[i]?.weakest.score).toBeLessThanOrEqual(agenda[i - 1]?.weakest.score as number);
    }
    expect(agenda.map((t) => t.rank)).toEqual(agenda.map((_, i) => i + 1));
  });

  it("breaks ties between members by city id", () => {
    const shared = right(sharedAgenda(CORE_CITIES, CATALOG));
    expect(shared.every((t) => t.weakest.cityId === "gb-birmingham")).toBe(true);
  });

  it("breaks ties between topics by topic id", () => {
    const base = catalogTopic("knowledge-exchange") as Topic;
    const twins = [
      { ...base, id: "z-exchange" },
      { ...base, id: "a-exchange" },
    ];
    const shared = right(sharedAgenda(CORE_CITIES, twins));
    expect(shared.map((t) => t.topicId)).toEqual(["a-exchange", "z-exchange"]);
  });

  it("never shares a topic that a member's prerequisite caps: public participation in a closed autocracy", () => {
    expect(score(LOW_INCOME_CITIES[0] as City, "public-participation")).toBeLessThanOrEqual(0.35);
    const low = right(sharedAgenda(MIXED, CATALOG, { threshold: 0.2 }));
    expect(low.length).toBeGreaterThan(0);
    expect(low.some((t) => t.topicId === "public-participation")).toBe(false);
    // Core Cities whose mayors put governance first share it.
    const governance = CORE_CITIES.map((city) => coreCity(city.id, ["governance"]));
    const uk = right(sharedAgenda(governance, CATALOG));
    expect(uk.some((t) => t.topicId === "public-participation")).toBe(true);
  });

  it("takes a threshold: 0 shares every topic, a higher one fewer", () => {
    expect(right(sharedAgenda(UK, CATALOG, { threshold: 0 }))).toHaveLength(CATALOG.length);
    const high = right(sharedAgenda(UK, CATALOG, { threshold: RELEVANCE_BANDS.high }));
    expect(high.length).toBeLessThan(agenda.length);
    for (const topic of high) expect(topic.weakest.score).toBeGreaterThanOrEqual(0.75);
  });

  it("scores with the scorer given", () => {
    const scorer = right(
      createScorer({ weights: { salience: 1, outlook: 0, values: 0 } }),
    ) as Scorer;
    const shared = right(sharedAgenda(UK, CATALOG, { scorer }));
    for (const topic of shared) {
      const t = catalogTopic(topic.topicId) as Topic;
      expect(Math.min(...UK.map((city) => scorer.relevance(city, t).score))).toBe(
        topic.weakest.score,
      );
    }
    expect(shared).not.toEqual(agenda);
  });

  it("gives an empty agenda for no members", () => {
    expect(right(sharedAgenda([], CATALOG))).toEqual([]);
  });

  it("gives an empty agenda for no topics", () => {
    expect(right(sharedAgenda([coreCity("a")], []))).toEqual([]);
  });

  it.each([
    [{ threshold: 1.5 }, ["threshold"]],
    [{ threshold: Number.NaN }, ["threshold"]],
    [{ scorer: {} }, ["scorer"]],
    [{ limit: 3 }, ["limit"]],
  ])("rejects options %j at %j", (options, path) => {
    const result = sharedAgenda(MIXED, CATALOG, options as never);
    expect(E.isLeft(result) && result.left.issues.map((i) => i.path)).toEqual([path]);
  });
});

describe("sharedAgenda laws", () => {
  test.prop([
    fc.uniqueArray(arbitraryCity, { selector: (c) => c.id, minLength: 1, maxLength: 6 }),
    fc.uniqueArray(arbitraryTopic, { selector: (t) => t.id, maxLength: 8 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ])(
    "a topic is shared exactly when its weakest member scores at least the threshold",
    (cities, topics, threshold) => {
      const shared = right(sharedAgenda(cities, topics, { threshold }));
      const listed = new Set(shared.map((t) => t.topicId));
      for (const topic of topics) {
        const weakest = Math.min(...cities.map((city) => scoreRelevance(city, topic).score));
        expect(listed.has(topic.id)).toBe(weakest >= threshold);
      }
    },
  );
});
