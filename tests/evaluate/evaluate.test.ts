import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/Either";
import { describe, expect } from "vitest";
import { rocAuc } from "../../src/evaluate/metrics";
import {
  type City,
  type Estimate,
  type EvaluateOptions,
  type Evaluation,
  type EvaluationInput,
  type EvaluationRow,
  evaluateRelevance,
  type MeasuredRow,
  scoreMatrix,
  type ValidationError,
} from "../../src/index";
import { left, right } from "../support/either";
import { everyNth, mostPopulous, syntheticCities, topScoring } from "../support/synthetic";
import { topic } from "../support/topics";

const climate = topic("climate-action");
const trade = topic("trade-stance");
const cities = syntheticCities(240);

function evaluation(input: unknown, options?: EvaluateOptions): Evaluation {
  return right(evaluateRelevance(input, options));
}

/** Options typed loosely on purpose: the tests pass what a caller without types might. */
function errorOf(input: unknown, options?: unknown): ValidationError {
  return left(evaluateRelevance(input, options as EvaluateOptions));
}

function measured(row: EvaluationRow | undefined): MeasuredRow {
  if (row?.status !== "measured") throw new Error(`not measured: ${JSON.stringify(row)}`);
  return row;
}

const input: EvaluationInput = {
  cities,
  topics: [climate, trade],
  lists: [
    { id: "climate-top", topicIds: ["climate-action"], memberIds: topScoring(cities, climate, 30) },
    {
      id: "largest",
      topicIds: ["climate-action", "trade-stance"],
      memberIds: mostPopulous(cities, 25),
    },
    { id: "arbitrary", topicIds: ["trade-stance"], memberIds: everyNth(cities, 8, 3) },
  ],
};

const intervals = (row: MeasuredRow): [string, Estimate | null][] => [
  ["auc", row.auc],
  ["averagePrecision", row.averagePrecision],
  ["precisionAtK", row.precisionAtK],
  ["specificity", row.specificity],
  ["aucOverPopulation", row.aucOverPopulation],
  ["population.auc", row.baselines.population.auc],
  ["population.averagePrecision", row.baselines.population.averagePrecision],
  ["population.precisionAtK", row.baselines.population.precisionAtK],
  ["random.auc", row.baselines.random.auc],
];

describe("evaluateRelevance on synthetic lists", () => {
  const rows = evaluation(input, { replicates: 200 }).rows;
  const row = (listId: string, topicId: string) =>
    measured(rows.find((r) => r.listId === listId && r.topicId === topicId));

  test("gives one row per list and topic, sorted by list id, then topic id", () => {
    expect(rows.map((r) => `${r.listId}/${r.topicId}`)).toEqual([
      "arbitrary/trade-stance",
      "climate-top/climate-action",
      "largest/climate-action",
      "largest/trade-stance",
    ]);
  });

  test("a list of the cities the score ranks highest has AUC, average precision and precision at k of 1", () => {
    const top = row("climate-top", "climate-action");
    expect(top.auc.estimate).toBe(1);
    expect(top.averagePrecision.estimate).toBe(1);
    expect(top.precisionAtK.estimate).toBe(1);
    expect(top.members).toBe(input.lists[0]?.memberIds.length);
    expect(top.cities).toBe(240);
  });

  test("a list of the most populous cities has a population-baseline AUC of 1", () => {
    const largest = row("largest", "trade-stance");
    expect(largest.baselines.population.auc.estimate).toBe(1);
    expect(largest.baselines.population.precisionAtK.estimate).toBe(1);
  });

  test("the figures equal the metrics computed directly on the scores in scope", () => {
    const largest = row("largest", "climate-action");
    const { scores } = scoreMatrix(cities, [climate]);
    const members = new Set(mostPopulous(cities, 25));
    const flags = Uint8Array.from(cities.map((city) => (members.has(city.id) ? 1 : 0)));
    expect(largest.auc.estimate).toBeCloseTo(rocAuc(scores, flags), 14);
    expect(largest.aucOverPopulation.estimate).toBeCloseTo(
      largest.auc.estimate - largest.baselines.population.auc.estimate,
      14,
    );
  });

  test("the random baseline and a list unrelated to any score sit near 0.5, within their intervals", () => {
    const arbitrary = row("arbitrary", "trade-stance");
    const random = arbitrary.baselines.random.auc;
    expect(random.low).toBeLessThan(0.5);
    expect(random.high).toBeGreaterThan(0.5);
    expect(arbitrary.baselines.random.averagePrecision.estimate).toBeLessThan(0.3);
  });

  test("every interval contains its estimate and lies within the metric's range", () => {
    for (const r of rows) {
      for (const [name, interval] of intervals(measured(r))) {
        if (interval === null) continue;
        expect(interval.low, name).toBeLessThanOrEqual(interval.estimate);
        expect(interval.high, name).toBeGreaterThanOrEqual(interval.estimate);
        const floor = name === "aucOverPopulation" ? -1 : 0;
        expect(interval.low, name).toBeGreaterThanOrEqual(floor);
        expect(interval.high, name).toBeLessThanOrEqual(1);
      }
    }
  });

  test("intervals narrow as the list grows: more members, less uncertainty", () => {
    const small = measured(
      evaluation(
        {
          ...input,
          lists: [{ id: "s", topicIds: ["climate-action"], memberIds: everyNth(cities, 24) }],
        },
        { replicates: 200 },
      ).rows[0],
    );
    const large = measured(
      evaluation(
        {
          ...input,
          lists: [{ id: "l", topicIds: ["climate-action"], memberIds: everyNth(cities, 3) }],
        },
        { replicates: 200 },
      ).rows[0],
    );
    expect(large.auc.high - large.auc.low).toBeLessThan(small.auc.high - small.auc.low);
  });
});

describe("scope and specificity", () => {
  test("only cities of the scope countries are compared; members outside it are counted and left out", () => {
    const inScope = cities.filter((city) => city.country === "GB" || city.country === "FR");
    const members = [
      ...everyNth(inScope, 3),
      ...everyNth(
        cities.filter((c) => c.country === "US"),
        4,
      ),
    ];
    const [row] = evaluation(
      {
        cities,
        topics: [climate],
        lists: [
          {
            id: "eu",
            topicIds: ["climate-action"],
            memberIds: members,
            scopeCountries: ["GB", "FR"],
          },
        ],
      },
      { replicates: 50 },
    ).rows;
    const m = measured(row);
    expect(m.cities).toBe(inScope.length);
    expect(m.members).toBe(everyNth(inScope, 3).length);
    expect(m.membersOutOfScope).toBe(members.length - m.members);
  });

  test("specificity compares a list's members with the members of other lists only", () => {
    const ranked = topScoring(cities, climate, cities.length);
    // High scorers form one list, low scorers another; everyone else belongs to none.
    const high = ranked.slice(20, 40);
    const low = ranked.slice(-40, -20);
    const rows = evaluation(
      {
        cities,
        topics: [climate],
        lists: [
          { id: "high", topicIds: ["climate-action"], memberIds: high },
          { id: "low", topicIds: ["climate-action"], memberIds: low },
        ],
      },
      { replicates: 50 },
    ).rows.map(measured);
    expect(rows[0]?.specificity?.estimate).toBe(1);
    expect(rows[0]?.specificityOthers).toBe(20);
    expect(rows[1]?.specificity?.estimate).toBe(0);
  });

  test("specificity is null, with the reason, when no other list has enough members in scope", () => {
    const [row] = evaluation(
      {
        cities,
        topics: [climate],
        lists: [{ id: "only", topicIds: ["climate-action"], memberIds: everyNth(cities, 5) }],
      },
      { replicates: 20 },
    ).rows;
    const m = measured(row);
    expect(m.specificity).toBeNull();
    expect(m.specificityReason).toMatch(/0 members of other lists in scope; at least 5 needed/);
  });

  test("a list with too few members in scope is a row marked not measured, with the reason", () => {
    const rows = evaluation(
      {
        cities,
        topics: [climate],
        lists: [
          { id: "tiny", topicIds: ["climate-action"], memberIds: everyNth(cities, 60) },
          { id: "empty", topicIds: ["climate-action"], memberIds: [] },
        ],
      },
      { replicates: 20 },
    ).rows;
    expect(rows).toMatchObject([
      { listId: "empty", status: "not-measured", reason: "0 members in scope; at least 5 needed" },
      {
        listId: "tiny",
        status: "not-measured",
        reason: "4 members in scope; at least 5 needed",
        members: 4,
      },
    ]);
    const [lowered] = evaluation(
      {
        cities,
        topics: [climate],
        lists: [{ id: "tiny", topicIds: ["climate-action"], memberIds: everyNth(cities, 60) }],
      },
      { replicates: 20, minMembers: 4 },
    ).rows;
    expect(lowered?.status).toBe("measured");
  });

  test("cities without a population are placed at the median of the others by the population baseline, and counted", () => {
    const partial: City[] = cities.map((city, i) => {
      if (i % 10 !== 0) return city;
      const { population: _, ...rest } = city;
      return rest;
    });
    const [row] = evaluation(
      {
        cities: partial,
        topics: [climate],
        lists: [{ id: "l", topicIds: ["climate-action"], memberIds: mostPopulous(partial, 20) }],
      },
      { replicates: 20 },
    ).rows;
    const m = measured(row);
    expect(m.unknownPopulation).toBe(24);
    // The 20 largest known cities still outrank every city placed at the median.
    expect(m.baselines.population.auc.estimate).toBe(1);
  });
});

describe("determinism", () => {
  const small: EvaluationInput = {
    ...input,
    cities: cities.slice(0, 120),
    lists: input.lists.map((list) => ({
      ...list,
      memberIds: list.memberIds.filter((id) => id < "city-120"),
    })),
  };

  test("the same seed gives the same result; another seed moves the intervals, never the estimates", () => {
    const a = evaluation(small, { replicates: 100, seed: 3 });
    expect(evaluation(small, { replicates: 100, seed: 3 })).toEqual(a);
    const b = evaluation(small, { replicates: 100, seed: 4 });
    const estimates = (e: Evaluation) => e.rows.map((r) => measured(r).auc.estimate);
    expect(estimates(b)).toEqual(estimates(a));
    expect(b.rows.map((r) => measured(r).auc.low)).not.toEqual(
      a.rows.map((r) => measured(r).auc.low),
    );
  });

  test.prop([fc.integer({ min: 0, max: 1000 })], { numRuns: 10 })(
    "results do not depend on the order of cities, topics, lists or member ids",
    (salt) => {
      const shuffle = <T>(values: readonly T[]): T[] =>
        values
          .map((value, i) => ({ value, key: (i * 2654435761 + salt * 40503) % 4093 }))
          .sort((x, y) => x.key - y.key)
          .map((entry) => entry.value);
      const shuffled: EvaluationInput = {
        cities: shuffle(small.cities),
        topics: shuffle(small.topics),
        lists: shuffle(small.lists).map((list) => ({
          ...list,
          memberIds: shuffle(list.memberIds),
          topicIds: shuffle(list.topicIds),
        })),
      };
      expect(evaluation(shuffled, { replicates: 30, seed: 9 })).toEqual(
        evaluation(small, { replicates: 30, seed: 9 }),
      );
    },
  );

  test("a list's figures do not depend on which other lists are evaluated beside it, except specificity", () => {
    const alone = measured(
      evaluation({ ...small, lists: [small.lists[0]] }, { replicates: 50 }).rows[0],
    );
    const together = measured(
      evaluation(small, { replicates: 50 }).rows.find((r) => r.listId === alone.listId),
    );
    const withoutSpecificity = (row: MeasuredRow) => ({
      ...row,
      specificity: null,
      specificityOthers: 0,
      specificityReason: "",
      baselines: {
        population: { ...row.baselines.population, specificity: null },
        random: { ...row.baselines.random, specificity: null },
      },
    });
    expect(withoutSpecificity(together)).toEqual(withoutSpecificity(alone));
  });

  test("progress is reported once per list", () => {
    const seen: string[] = [];
    evaluation(small, {
      replicates: 5,
      onProgress: (p: { done: number; total: number; listId: string }) =>
        seen.push(`${p.done}/${p.total} ${p.listId}`),
    });
    expect(seen).toEqual(["1/3 arbitrary", "2/3 climate-top", "3/3 largest"]);
  });
});

describe("invalid input gives a Left naming the record and field; nothing throws", () => {
  test("a member id that names no city", () => {
    const error = errorOf({
      cities,
      topics: [climate],
      lists: [{ id: "net", topicIds: ["climate-action"], memberIds: ["city-001", "nowhere"] }],
    });
    expect(error.issues).toEqual([
      {
        path: ["lists", 0, "memberIds", 1],
        message: 'names no city of the input: "nowhere" (list "net")',
      },
    ]);
  });

  test("a topic id that names no topic, and a repeated list id", () => {
    const error = errorOf({
      cities,
      topics: [climate],
      lists: [
        { id: "net", topicIds: ["trade-stance"], memberIds: [] },
        { id: "net", topicIds: ["climate-action"], memberIds: [] },
      ],
    });
    expect(error.issues).toEqual([
      { path: ["lists", 1, "id"], message: 'repeats the id of the list at index 0 ("net")' },
      {
        path: ["lists", 0, "topicIds", 0],
        message: 'names no topic of the input: "trade-stance" (list "net")',
      },
    ]);
  });

  test("a malformed city is named by index, field and id", () => {
    const bad = [...cities.slice(0, 3), { id: "x-1", name: "X", country: "UK" }];
    const error = errorOf({ cities: bad, topics: [climate], lists: [] });
    expect(error.issues[0]?.path).toEqual(["cities", 3, "country"]);
    expect(error.issues[0]?.message).toMatch(/did you mean "GB"\?\) \(city "x-1"\)$/);
  });

  test("bad scorer options are reported under scorer", () => {
    const error = errorOf({
      cities,
      topics: [climate],
      lists: [],
      scorer: { weights: { outlook: -1 } },
    });
    expect(error.issues[0]?.path).toEqual(["scorer", "weights", "outlook"]);
  });

  test("bad options are reported by name", () => {
    expect(errorOf(input, { replicates: 0 }).issues[0]?.path).toEqual(["replicates"]);
    expect(errorOf(input, { level: 1 }).issues[0]?.path).toEqual(["level"]);
    expect(errorOf(input, { seeds: 1 }).issues[0]?.path).toEqual(["seeds"]);
  });

  test.prop([fc.anything()], { numRuns: 200 })(
    "any value at all gives a result or a Left, never a throw",
    (value) => {
      const result = evaluateRelevance(value);
      expect(E.isLeft(result) || Array.isArray(result.right.rows)).toBe(true);
      const asList = evaluateRelevance({ cities: [], topics: [], lists: [value] });
      expect(E.isLeft(asList) || asList.right.rows.length >= 0).toBe(true);
    },
  );
});
