import { fc, test } from "@fast-check/vitest";
import type { either as E } from "fp-ts";
import { describe, expect } from "vitest";
import {
  AUTONOMIES,
  type City,
  CONNECTIVITY_CLASSES,
  CONNECTIVITY_POSITION,
  createScorer,
  DEFAULT_CLOUT,
  DEFAULT_SCORER,
  FACTORS,
  INCOME_TIERS,
  INTERNATIONAL_ROLES,
  NATIONAL_TIERS,
  REGIMES,
  RELEVANCE_BANDS,
  type Scorer,
  scoreMatrix,
  scoreRelevance,
  THEMES,
  type Theme,
  type Topic,
} from "../../src/index";
import {
  aggregate,
  capOf,
  compileCity,
  compileTopic,
  kernelOf,
  scoreOf,
} from "../../src/score/compile";
import { arbitraryCity, arbitraryCompleteCity, arbitraryTopic } from "../support/arbitraries";

const right = <T>(e: E.Either<unknown, T>) => (e as E.Right<T>).right;
const arithmetic = right(createScorer({ aggregation: "arithmetic" }));
const geometric = right(createScorer({ aggregation: "geometric" }));
const scorers: [string, Scorer][] = [
  ["need-first", DEFAULT_SCORER],
  ["arithmetic", arithmetic],
  ["geometric", geometric],
];

/** Every value of each field the score can see, where the city leaves it unknown. */
function choices<T>(value: T | undefined, all: readonly T[]): readonly T[] {
  return value === undefined ? all : [value];
}

/**
 * Every completion of `city` that the topic's score can tell apart: each
 * unknown field that widens the interval (role, priorities, tiers, autonomy,
 * regime) at each of its levels; unknown priorities as every subset of the
 * topic's themes, plus a theme outside them when the subset is empty (the
 * score reads priorities only through how many of the topic's themes they
 * hold). Raw figures stay as they are: an unknown one never widens.
 */
function completions(city: City, topic: Topic): City[] {
  const o = city.outlook ?? {};
  const r = city.resources ?? {};
  const g = city.governance ?? {};
  const outside = THEMES.find((theme) => !topic.themes.includes(theme));
  const subsets: Theme[][] = [[]];
  for (const theme of topic.themes) {
    for (const subset of subsets.slice()) subsets.push([...subset, theme]);
  }
  const priorityChoices = subsets
    .map((subset) => (subset.length > 0 || outside === undefined ? subset : [outside]))
    .filter((subset) => subset.length > 0);
  const out: City[] = [];
  for (const internationalRole of choices(o.internationalRole, INTERNATIONAL_ROLES))
    for (const priorities of choices(o.priorities, priorityChoices))
      for (const nationalTier of choices(r.nationalTier, NATIONAL_TIERS))
        for (const incomeTier of choices(r.incomeTier, INCOME_TIERS))
          for (const autonomy of choices(g.autonomy, AUTONOMIES))
            for (const regime of choices(g.regime, REGIMES))
              out.push({
                ...city,
                outlook: { internationalRole, priorities },
                resources: { ...r, nationalTier, incomeTier },
                governance: { autonomy, regime },
              });
  return out;
}

describe.each(scorers)("scoring laws (%s)", (_, scorer) => {
  const score = (city: City, topic: Topic) => scorer.relevance(city, topic);

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
    "a profile with every categorical field known has a point score, whichever raw figures are known",
    (city, topic) => {
      const r = score(city, topic);
      expect(r.low).toBe(r.score);
      expect(r.high).toBe(r.score);
      for (const f of FACTORS) expect(r.factors[f].known).toBe(true);
    },
  );

  test.prop([arbitraryCity, arbitraryTopic], { numRuns: 40 })(
    "the interval covers the score of every completion of the unknown fields",
    (city, topic) => {
      const r = score(city, topic);
      const all = completions(city, topic);
      expect(all.length).toBeGreaterThan(0);
      for (const complete of all) {
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

describe("need first (the default aggregation)", () => {
  test.prop([arbitraryCity, arbitraryTopic])(
    "a score never exceeds the topic's salience for the city, nor its bounds their salience bounds",
    (city, topic) => {
      const r = scoreRelevance(city, topic);
      expect(r.score).toBeLessThanOrEqual(r.factors.salience.value);
      expect(r.low).toBeLessThanOrEqual(r.factors.salience.low);
      expect(r.high).toBeLessThanOrEqual(r.factors.salience.high);
    },
  );

  test.prop([arbitraryCompleteCity, arbitraryTopic])(
    "a topic that speaks to none of a city's priorities, nor to its income or tier, reads low whatever the city's strengths",
    (city, topic) => {
      const unrelated = THEMES.filter((theme) => !topic.themes.includes(theme));
      fc.pre(unrelated.length > 0);
      const needless: Topic = { ...topic, salience: undefined };
      const r = scoreRelevance(
        { ...city, outlook: { ...city.outlook, priorities: unrelated.slice(0, 1) } },
        needless,
      );
      expect(r.score).toBeLessThan(RELEVANCE_BANDS.moderate);
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
    ordered([...CONNECTIVITY_CLASSES].reverse()),
    fc.boolean(),
  ])(
    "a higher GaWC class or being the national capital never lowers capacity, nor the score",
    (city, topic, [lower, higher], capital) => {
      const at = (connectivity: (typeof CONNECTIVITY_CLASSES)[number], isCapital: boolean) =>
        scoreRelevance(
          { ...city, capital: isCapital, resources: { ...city.resources, connectivity } },
          topic,
        );
      const less = at(lower, false);
      const more = at(higher, capital);
      expect(more.factors.capacity.value).toBeGreaterThanOrEqual(less.factors.capacity.value);
      expect(more.factors.capacity.low).toBeGreaterThanOrEqual(less.factors.capacity.low);
      expect(more.factors.capacity.high).toBeGreaterThanOrEqual(less.factors.capacity.high);
      expect(more.score).toBeGreaterThanOrEqual(less.score);
    },
  );

  test.prop([
    arbitraryCity,
    arbitraryTopic,
    fc.double({ min: 1e5, max: 1e7, noNaN: true }),
    fc.double({ min: 1e5, max: 1e7, noNaN: true }),
    fc.double({ min: 0.05, max: 1, noNaN: true }),
  ])(
    "a bigger city scores higher than a smaller one on a topic that needs clout, all else equal",
    (city, topic, a, b, cloutDemand) => {
      fc.pre(Math.max(a, b) >= 1.01 * Math.min(a, b));
      // Below the top of clout: standing beyond the country (GaWC class, capital) has not already raised it to 1.
      const standing =
        DEFAULT_CLOUT.connectivity *
          CONNECTIVITY_POSITION[city.resources?.connectivity ?? "not-classified"] +
        (city.capital === true ? DEFAULT_CLOUT.capital : 0);
      fc.pre(standing < 1);
      const { metroPopulation: _, ...rest } = city;
      const needsClout: Topic = { ...topic, demands: { ...topic.demands, clout: cloutDemand } };
      const at = (population: number) => scoreRelevance({ ...rest, population }, needsClout);
      const smaller = at(Math.min(a, b));
      const bigger = at(Math.max(a, b));
      expect(bigger.factors.capacity.value).toBeGreaterThan(smaller.factors.capacity.value);
      // Need first: a topic that speaks to none of a city's needs scores 0 whatever its size.
      if (smaller.factors.salience.value > 0) expect(bigger.score).toBeGreaterThan(smaller.score);
      else expect(bigger.score).toBe(smaller.score);
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

describe("order kept under the gates", () => {
  const strictlyOrdered = <T>(levels: readonly T[]) =>
    fc
      .tuple(
        fc.integer({ min: 0, max: levels.length - 1 }),
        fc.integer({ min: 0, max: levels.length - 1 }),
      )
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => [levels[Math.min(a, b)] as T, levels[Math.max(a, b)] as T] as const);

  test.prop([arbitraryCompleteCity, arbitraryTopic, strictlyOrdered(REGIMES)])(
    "a more liberal regime strictly raises the score of a topic with liberal norms or sensitivity, even where a gate holds at both levels",
    (city, topic, [less, more]) => {
      fc.pre(topic.liberalNorms > 0.01 || topic.sensitivity > 0.01);
      const at = (regime: (typeof REGIMES)[number]) =>
        scoreRelevance({ ...city, governance: { ...city.governance, regime } }, topic).score;
      expect(at(more)).toBeGreaterThan(at(less));
    },
  );

  test.prop([arbitraryCompleteCity, arbitraryTopic, strictlyOrdered(INTERNATIONAL_ROLES)])(
    "under any gate, a more committed mayor strictly raises the score of an outward topic",
    (city, topic, [less, more]) => {
      fc.pre(topic.internationalFacing > 0.01);
      const at = (internationalRole: (typeof INTERNATIONAL_ROLES)[number]) =>
        scoreRelevance({ ...city, outlook: { ...city.outlook, internationalRole } }, topic).score;
      expect(at(more)).toBeGreaterThan(at(less));
    },
  );
});

describe("standing beyond the country (GaWC class, national capital)", () => {
  const strictlyHigher = fc
    .tuple(
      fc.integer({ min: 0, max: CONNECTIVITY_CLASSES.length - 1 }),
      fc.integer({ min: 0, max: CONNECTIVITY_CLASSES.length - 1 }),
    )
    .filter(([a, b]) => a !== b)
    .map(
      ([a, b]) =>
        [
          CONNECTIVITY_CLASSES[Math.max(a, b)] as (typeof CONNECTIVITY_CLASSES)[number],
          CONNECTIVITY_CLASSES[Math.min(a, b)] as (typeof CONNECTIVITY_CLASSES)[number],
        ] as const,
    );

  test.prop([arbitraryCompleteCity, arbitraryTopic, strictlyHigher])(
    "below the top of clout, a higher GaWC class strictly raises capacity on a topic that demands clout",
    (city, topic, [lower, higher]) => {
      fc.pre(topic.demands.clout > 0.01 && city.resources?.nationalTier !== "primary");
      const at = (connectivity: (typeof CONNECTIVITY_CLASSES)[number]) =>
        scoreRelevance(
          { ...city, capital: false, resources: { ...city.resources, connectivity } },
          topic,
        ).factors.capacity.value;
      expect(at(higher)).toBeGreaterThan(at(lower));
    },
  );

  test.prop([arbitraryCompleteCity, arbitraryTopic])(
    "below the top of clout, being the national capital strictly raises capacity on a topic that demands clout",
    (city, topic) => {
      fc.pre(topic.demands.clout > 0.01 && city.resources?.nationalTier !== "primary");
      const at = (capital: boolean) =>
        scoreRelevance(
          { ...city, capital, resources: { ...city.resources, connectivity: "gamma" } },
          topic,
        ).factors.capacity.value;
      expect(at(true)).toBeGreaterThan(at(false));
    },
  );

  test.prop([arbitraryCity, arbitraryTopic])(
    "an unknown GaWC class or capital status never widens the interval: the width is that of a city known to have neither",
    (city, topic) => {
      const { capital: _, ...rest } = city;
      const { connectivity: __, ...resources } = city.resources ?? {};
      const unknown = scoreRelevance({ ...rest, resources }, topic);
      const neither = scoreRelevance(
        { ...rest, capital: false, resources: { ...resources, connectivity: "not-classified" } },
        topic,
      );
      expect([unknown.low, unknown.score, unknown.high]).toEqual([
        neither.low,
        neither.score,
        neither.high,
      ]);
    },
  );

  test.prop([arbitraryCity, arbitraryTopic])(
    "with connectivity and capital weighted 0, the place facts change nothing",
    (city, topic) => {
      const scorer = right(createScorer({ clout: { connectivity: 0, capital: 0 } }));
      const { capital: _, ...rest } = city;
      const { connectivity: __, ...resources } = city.resources ?? {};
      expect(
        Object.is(
          scorer.relevance(city, topic).score,
          scorer.relevance({ ...rest, resources }, topic).score,
        ),
      ).toBe(true);
    },
  );
});

describe("independence and the fast path", () => {
  test.prop([arbitraryCity, arbitraryTopic, fc.constantFrom(...scorers)])(
    "the score is the aggregate of the factor values it reports times the gates' cap, bit for bit",
    (city, topic, [, scorer]) => {
      const k = kernelOf(scorer.options);
      const c = compileCity(city, k);
      const t = compileTopic(topic, scorer.options);
      const r = scorer.relevance(city, topic);
      const f = Float64Array.from(FACTORS.map((name) => r.factors[name].value));
      const expected = aggregate(f, 0, k) * capOf(c, t, false);
      expect(Object.is(r.score, expected)).toBe(true);
      expect(Object.is(scoreOf(c, t, k), expected)).toBe(true);
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
      for (const [name, scorer] of scorers) {
        const m =
          name === "need-first" ? scoreMatrix(cities, topics) : scorer.matrix(cities, topics);
        cities.forEach((city, i) => {
          topics.forEach((topic, j) => {
            const expected =
              name === "need-first"
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
      // Through JSON: factors, gates and reasons are getters, which toEqual does not compare.
      expect(JSON.stringify(scoreRelevance(city, topic))).toBe(
        JSON.stringify(scoreRelevance(structuredClone(city), structuredClone(topic))),
      );
    },
  );
});
