import { fc, test } from "@fast-check/vitest";
import type { either as E } from "fp-ts";
import { describe, expect } from "vitest";
import {
  AUTONOMIES,
  type City,
  createScorer,
  DEFAULT_SCORER,
  FACTORS,
  INCOME_TIERS,
  INTERNATIONAL_ROLES,
  NATIONAL_TIERS,
  REGIMES,
  type Relevance,
  type Scorer,
  scoreMatrix,
  scoreRelevance,
  THEMES,
  type Topic,
} from "../../src/index";
import {
  aggregate,
  Bound,
  capOf,
  compileCity,
  compileTopic,
  evaluate,
  scoreOf,
} from "../../src/score/compile";
import { arbitraryCity, arbitraryCompleteCity, arbitraryTopic } from "../support/arbitraries";

const geometric = (createScorer({ aggregation: "geometric" }) as E.Right<Scorer>).right;
const scorers: [string, (c: City, t: Topic) => Relevance][] = [
  ["arithmetic", scoreRelevance],
  ["geometric", (c, t) => geometric.relevance(c, t)],
];

/** Every complete city that agrees with `city` on its known fields (raw figures at their extremes). */
function completions(city: City): City[] {
  const o = city.outlook ?? {};
  const r = city.resources ?? {};
  const g = city.governance ?? {};
  const pick = <T>(value: T | undefined, all: readonly T[]) =>
    value === undefined ? all : [value];
  const out: City[] = [];
  for (const internationalRole of pick(o.internationalRole, INTERNATIONAL_ROLES))
    for (const priorities of pick(o.priorities, [[...THEMES], ["culture"] as const]))
      for (const nationalTier of pick(r.nationalTier, NATIONAL_TIERS))
        for (const incomeTier of pick(r.incomeTier, INCOME_TIERS))
          for (const money of r.budgetUsd === undefined ? [1, 1e12] : [r.budgetUsd])
            for (const office of pick(r.internationalOffice, [true, false]))
              for (const autonomy of pick(g.autonomy, AUTONOMIES))
                for (const regime of pick(g.regime, REGIMES))
                  out.push({
                    ...city,
                    outlook: { internationalRole, priorities },
                    resources: {
                      nationalTier,
                      incomeTier,
                      budgetUsd: money,
                      metroGdpUsd: r.metroGdpUsd ?? money * 10,
                      internationalOffice: office,
                    },
                    governance: { autonomy, regime },
                  });
  return out;
}

describe.each(scorers)("scoring laws (%s mean)", (_, score) => {
  test.prop([arbitraryCity, arbitraryTopic])(
    "scores are finite and within [0, 1], and low <= score <= high",
    (city, topic) => {
      const r = score(city, topic);
      for (const x of [r.score, r.low, r.high]) {
        expect(Number.isFinite(x)).toBe(true);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
      expect(r.low).toBeLessThanOrEqual(r.score);
      expect(r.score).toBeLessThanOrEqual(r.high);
      for (const f of FACTORS) {
        expect(r.factors[f].low).toBeLessThanOrEqual(r.factors[f].value);
        expect(r.factors[f].value).toBeLessThanOrEqual(r.factors[f].high);
      }
    },
  );

  test.prop([arbitraryCompleteCity, arbitraryTopic])(
    "a complete profile has an interval of zero width",
    (city, topic) => {
      const r = score(city, topic);
      expect(r.low).toBe(r.score);
      expect(r.high).toBe(r.score);
      for (const f of FACTORS) expect(r.factors[f].known).toBe(true);
    },
  );

  test.prop([arbitraryCity, arbitraryTopic], { numRuns: 60 })(
    "the interval covers the score of every value the unknown fields could take",
    (city, topic) => {
      const r = score(city, topic);
      for (const complete of completions(city).slice(0, 400)) {
        const s = score(complete, topic).score;
        expect(s).toBeGreaterThanOrEqual(r.low);
        expect(s).toBeLessThanOrEqual(r.high);
      }
    },
  );

  test.prop([arbitraryCity, arbitraryTopic])(
    "the contributions add up to the score",
    (city, topic) => {
      const r = score(city, topic);
      const sum = FACTORS.reduce((total, f) => total + r.factors[f].contribution, 0);
      expect(Math.abs(sum - r.score)).toBeLessThanOrEqual(1e-12);
    },
  );
});

describe("monotonicity of each factor in its field", () => {
  const ordered = <T>(levels: readonly T[]) =>
    fc
      .tuple(
        fc.integer({ min: 0, max: levels.length - 1 }),
        fc.integer({ min: 0, max: levels.length - 1 }),
      )
      .map(([a, b]) => [levels[Math.min(a, b)] as T, levels[Math.max(a, b)] as T] as const);

  test.prop([arbitraryCity, arbitraryTopic, ordered(INTERNATIONAL_ROLES)])(
    "a more committed mayor never finds an outward topic less relevant",
    (city, topic, [less, more]) => {
      const at = (internationalRole: (typeof INTERNATIONAL_ROLES)[number]) =>
        scoreRelevance({ ...city, outlook: { ...city.outlook, internationalRole } }, topic);
      expect(at(more).factors.outlook.value).toBeGreaterThanOrEqual(at(less).factors.outlook.value);
      expect(at(more).score).toBeGreaterThanOrEqual(at(less).score);
    },
  );

  test.prop([arbitraryCity, arbitraryTopic, ordered([...NATIONAL_TIERS].reverse())])(
    "more clout never lowers capacity",
    (city, topic, [lower, higher]) => {
      const at = (nationalTier: (typeof NATIONAL_TIERS)[number]) =>
        scoreRelevance({ ...city, resources: { ...city.resources, nationalTier } }, topic).factors
          .capacity.value;
      expect(at(higher)).toBeGreaterThanOrEqual(at(lower));
    },
  );

  test.prop([
    arbitraryCity,
    arbitraryTopic,
    ordered(INCOME_TIERS),
    fc.double({ min: 1, max: 1e12, noNaN: true }),
    fc.double({ min: 1, max: 1e12, noNaN: true }),
  ])(
    "more means (income, budget) never lower capacity",
    (city, topic, [poorer, richer], b1, b2) => {
      const at = (incomeTier: (typeof INCOME_TIERS)[number], budgetUsd: number) =>
        scoreRelevance({ ...city, resources: { ...city.resources, incomeTier, budgetUsd } }, topic)
          .factors.capacity.value;
      expect(at(richer, Math.max(b1, b2))).toBeGreaterThanOrEqual(at(poorer, Math.min(b1, b2)));
    },
  );

  test.prop([arbitraryCity, arbitraryTopic, ordered(AUTONOMIES)])(
    "more autonomy never lowers authority, nor the score",
    (city, topic, [less, more]) => {
      const at = (autonomy: (typeof AUTONOMIES)[number]) =>
        scoreRelevance({ ...city, governance: { ...city.governance, autonomy } }, topic);
      expect(at(more).factors.authority.value).toBeGreaterThanOrEqual(
        at(less).factors.authority.value,
      );
      expect(at(more).score).toBeGreaterThanOrEqual(at(less).score);
    },
  );

  test.prop([arbitraryCity, arbitraryTopic, ordered(REGIMES)])(
    "a more liberal regime never lowers the values fit",
    (city, topic, [less, more]) => {
      const at = (regime: (typeof REGIMES)[number]) =>
        scoreRelevance({ ...city, governance: { ...city.governance, regime } }, topic);
      expect(at(more).factors.values.value).toBeGreaterThanOrEqual(at(less).factors.values.value);
      expect(at(more).score).toBeGreaterThanOrEqual(at(less).score);
    },
  );
});

describe("independence and the fast path", () => {
  test.prop([arbitraryCity, arbitraryTopic, fc.boolean()])(
    "the fused score kernel equals the capped aggregate of the factor values it reports, bit for bit",
    (city, topic, useGeometric) => {
      const options = (useGeometric ? geometric : DEFAULT_SCORER).options;
      const c = compileCity(city);
      const t = compileTopic(topic, options);
      const f = new Float64Array(5);
      evaluate(c, t, f, Bound.value);
      const expected = Math.min(aggregate(f, options.weights, useGeometric), capOf(c, t, false));
      expect(Object.is(scoreOf(c, t, options.weights, useGeometric), expected)).toBe(true);
    },
  );

  const uniqueCities = fc.uniqueArray(arbitraryCity, { selector: (c) => c.id, maxLength: 12 });
  const uniqueTopics = fc.uniqueArray(arbitraryTopic, {
    selector: (t) => t.id,
    minLength: 1,
    maxLength: 6,
  });

  test.prop([uniqueCities, uniqueTopics])(
    "the matrix equals per-pair scores bit for bit",
    (cities, topics) => {
      for (const [name, scorer] of [
        ["default", undefined],
        ["geometric", geometric],
      ] as const) {
        const m =
          scorer === undefined ? scoreMatrix(cities, topics) : scorer.matrix(cities, topics);
        cities.forEach((city, i) => {
          topics.forEach((topic, j) => {
            const expected =
              scorer === undefined
                ? scoreRelevance(city, topic).score
                : scorer.relevance(city, topic).score;
            expect(Object.is(m.scores[i * topics.length + j], expected), name).toBe(true);
          });
        });
      }
    },
  );

  test.prop([uniqueCities, uniqueTopics, fc.integer()])(
    "a score never depends on the other cities of a batch or on their order",
    (cities, topics, seed) => {
      const m = scoreMatrix(cities, topics);
      const shuffled = fc.sample(fc.shuffledSubarray(cities, { minLength: cities.length }), {
        seed,
        numRuns: 1,
      })[0] as City[];
      const n = scoreMatrix(shuffled, topics);
      shuffled.forEach((city, i) => {
        const original = cities.indexOf(city);
        topics.forEach((_, j) => {
          expect(n.scores[i * topics.length + j]).toBe(m.scores[original * topics.length + j]);
        });
      });
      if (cities.length > 0) {
        const alone = scoreMatrix([cities[0] as City], topics);
        topics.forEach((_, j) => {
          expect(alone.scores[j]).toBe(m.scores[j]);
        });
      }
    },
  );

  test.prop([arbitraryCity, arbitraryTopic])(
    "the same inputs give the same output",
    (city, topic) => {
      expect(scoreRelevance(city, topic)).toEqual(
        scoreRelevance(structuredClone(city), structuredClone(topic)),
      );
    },
  );
});
