import { fc, test } from "@fast-check/vitest";
import { either as E } from "fp-ts";
import { describe, expect, it } from "vitest";
import {
  AUTONOMIES,
  type City,
  type CohortResult,
  formCohorts,
  INCOME_TIERS,
  INTERNATIONAL_ROLES,
  MAX_COHORTS,
  NATIONAL_TIERS,
  PAM_MAX_POINTS,
  REGIMES,
  SILHOUETTE_EXACT_MAX,
  THEMES,
} from "../../src/index";
import { arbitraryCity } from "../support/arbitraries";
import { left, right } from "../support/either";
import { CORE_CITIES, coreCity, KEY_CITIES, LOW_INCOME_CITIES, MIXED } from "./fixtures";

function leftPaths(either: E.Either<{ issues: readonly { path: readonly unknown[] }[] }, unknown>) {
  return left(either).issues.map((issue) => issue.path);
}

const ids = (cities: readonly City[]) => cities.map((city) => city.id).sort();

/** Every city exactly once, no cohort empty, each medoid among its members. */
function expectPartition(result: CohortResult, cities: readonly City[]) {
  const members = result.cohorts.flatMap((cohort) => cohort.memberIds);
  expect([...members].sort()).toEqual(ids(cities));
  expect(new Set(members).size).toBe(members.length);
  for (const cohort of result.cohorts) {
    expect(cohort.memberIds.length).toBeGreaterThan(0);
    expect(cohort.memberIds).toContain(cohort.medoidId);
  }
  expect(result.cohorts).toHaveLength(result.k);
}

/** Deterministic cities with distinct profiles (GDP and budget vary continuously). */
function distinctCities(n: number): City[] {
  let state = 12345;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const pick = <T>(levels: readonly T[]) => levels[Math.floor(next() * levels.length)] as T;
  return Array.from({ length: n }, (_, i) => ({
    id: `city-${String(i).padStart(5, "0")}`,
    name: `City ${i}`,
    country: "GB" as const,
    outlook: { internationalRole: pick(INTERNATIONAL_ROLES), priorities: [pick(THEMES)] },
    resources: {
      nationalTier: pick(NATIONAL_TIERS),
      incomeTier: pick(INCOME_TIERS),
      metroGdpUsd: 10 ** (9 + 3 * next()),
      budgetUsd: 10 ** (7 + 4 * next()),
      internationalOffice: next() < 0.5,
    },
    governance: { autonomy: pick(AUTONOMIES), regime: pick(REGIMES) },
  }));
}

describe("formCohorts on Core Cities, Key Cities and low-income cities", () => {
  const result = right(formCohorts(MIXED, { seed: 1 }));

  it("finds the three groups when k is chosen by silhouette", () => {
    expect(result.k).toBe(3);
    expect(result.cohorts.map((c) => c.memberIds)).toEqual([
      ids(CORE_CITIES),
      ids(KEY_CITIES),
      ids(LOW_INCOME_CITIES),
    ]);
    expect(result.silhouette).toBe(1);
    expect(result.cohorts.map((c) => c.silhouette)).toEqual([1, 1, 1]);
  });

  it("reports the mean silhouette of every k tried, from 2 to min(10, n - 1, distinct profiles)", () => {
    expect(result.distinctProfiles).toBe(3);
    expect(result.candidates.map((c) => c.k)).toEqual([2, 3]);
    expect(result.candidates[0]?.silhouette).toBeLessThan(1);
  });

  it("numbers cohorts largest first and picks the lowest id among identical medoids", () => {
    expect(result.cohorts.map((c) => c.id)).toEqual(["cohort-1", "cohort-2", "cohort-3"]);
    expect(result.cohorts.map((c) => c.medoidId)).toEqual([
      "gb-birmingham",
      "gb-bradford",
      "xx-city-1",
    ]);
  });

  it("describes each cohort by the levels where it differs most from the whole set", () => {
    const [core, key, low] = result.cohorts;
    expect(core?.description).toBe(
      "secondary cities with internationally committed mayors and an international office prioritising innovation",
    );
    expect(key?.description).toBe(
      "tertiary cities with pragmatic mayors and no international office prioritising housing",
    );
    expect(low?.description).toBe(
      "low-income cities with skeptical mayors prioritising basic services in closed autocracies",
    );
  });

  it("leaves out levels that every group shares: all are centralized, so autonomy is never named", () => {
    for (const cohort of result.cohorts) {
      expect(cohort.distinctive.some((d) => d.field === "governance.autonomy")).toBe(false);
    }
  });

  it("names only levels held by most members and at least 0.25 more common than in the whole set", () => {
    for (const cohort of result.cohorts) {
      expect(cohort.distinctive.length).toBeLessThanOrEqual(4);
      for (const level of cohort.distinctive) {
        expect(level.share).toBeGreaterThan(0.5);
        expect(level.share - level.overallShare).toBeGreaterThanOrEqual(0.25);
      }
    }
  });

  it("has a total cost of 0 when every city sits on its medoid's profile", () => {
    expect(result.cost).toBe(0);
  });
});

describe("formCohorts with a given k", () => {
  it("forms exactly k cohorts that partition the cities", () => {
    for (const k of [1, 2, 3, 4, 21]) {
      const result = right(formCohorts(MIXED, { k, seed: 1 }));
      expect(result.k).toBe(k);
      expectPartition(result, MIXED);
      expect(result.candidates).toEqual([]);
    }
  });

  it("splits identical cities when k exceeds the number of distinct profiles", () => {
    const result = right(formCohorts(CORE_CITIES, { k: 4, seed: 1 }));
    expectPartition(result, CORE_CITIES);
    expect(result.distinctProfiles).toBe(1);
  });

  it("gives one cohort with silhouette 0 for k = 1", () => {
    const result = right(formCohorts(MIXED, { k: 1, seed: 1 }));
    expect(result.cohorts).toHaveLength(1);
    expect(result.silhouette).toBe(0);
    expect(result.cohorts[0]?.description).toBe("a cross-section of the whole set");
  });
});

describe("formCohorts edge cases", () => {
  it("gives no cohorts for no cities", () => {
    const result = right(formCohorts([], { seed: 1 }));
    expect(result).toMatchObject({ k: 0, cohorts: [], silhouette: 0, cost: 0 });
  });

  it("gives one cohort of one for one city", () => {
    const result = right(formCohorts([coreCity("gb-leeds")], { seed: 1 }));
    expect(result.cohorts).toEqual([
      expect.objectContaining({
        id: "cohort-1",
        medoidId: "gb-leeds",
        memberIds: ["gb-leeds"],
        silhouette: 0,
      }),
    ]);
  });

  it("gives one cohort for two cities: a silhouette needs a third", () => {
    const result = right(formCohorts([coreCity("a"), LOW_INCOME_CITIES[0] as City], { seed: 1 }));
    expect(result.k).toBe(1);
  });

  it("gives one cohort when every profile is identical: nothing to group by", () => {
    const result = right(formCohorts(CORE_CITIES, { seed: 1 }));
    expect(result.k).toBe(1);
    expect(result.candidates).toEqual([]);
  });

  it("gives one cohort when no k reaches a positive mean silhouette", () => {
    // Each city shares no known field with any other: every distance is 1, no structure.
    const scattered: City[] = [
      { id: "a", name: "a", country: "GB", outlook: { internationalRole: "committed" } },
      { id: "b", name: "b", country: "GB", resources: { nationalTier: "local" } },
      { id: "c", name: "c", country: "GB", governance: { regime: "liberal-democracy" } },
      { id: "d", name: "d", country: "GB", resources: { budgetUsd: 1e9 } },
    ];
    const result = right(formCohorts(scattered, { seed: 1 }));
    expect(result.candidates.every((c) => c.silhouette <= 0)).toBe(true);
    expect(result.k).toBe(1);
  });

  it("describes a cohort of mostly unknown profiles as such", () => {
    const unknown = (id: string): City => ({ id, name: id, country: "GB" });
    const result = right(
      formCohorts([...CORE_CITIES, ...KEY_CITIES, unknown("u1"), unknown("u2"), unknown("u3")], {
        k: 3,
        seed: 1,
      }),
    );
    const cohort = result.cohorts.find((c) => c.memberIds.includes("u1"));
    expect(cohort?.memberIds).toEqual(["u1", "u2", "u3"]);
    expect(cohort?.description).toBe("cities whose profiles are mostly unknown");
  });
});

describe("formCohorts validation", () => {
  it("rejects a k above the number of cities, naming k and the count", () => {
    const result = formCohorts(MIXED.slice(0, 3), { k: 4, seed: 1 });
    expect(leftPaths(result)).toEqual([["k"]]);
    if (E.isLeft(result))
      expect(result.left.issues[0]?.message).toContain("at most the number of cities (3)");
    expect(leftPaths(formCohorts([], { k: 1, seed: 1 }))).toEqual([["k"]]);
  });

  it.each([
    [{ k: 0, seed: 1 }, ["k"]],
    [{ k: 1.5, seed: 1 }, ["k"]],
    [{ k: MAX_COHORTS + 1, seed: 1 }, ["k"]],
    [{ k: Number.NaN, seed: 1 }, ["k"]],
    [{ seed: -1 }, ["seed"]],
    [{ seed: 2 ** 32 }, ["seed"]],
    [{ seed: 0.5 }, ["seed"]],
    [{}, ["seed"]],
    [{ seed: 1, size: 3 }, ["size"]],
    [{ seed: 1, k: 2, maxK: 4 }, ["maxK"]],
    [{ seed: 1, maxK: 0 }, ["maxK"]],
  ])("rejects options %j at %j", (options, path) => {
    expect(leftPaths(formCohorts(MIXED, options as never))).toEqual([path]);
  });

  it("rejects options that are not an object", () => {
    expect(leftPaths(formCohorts(MIXED, null as never))).toEqual([[]]);
  });

  it("rejects repeated ids, naming each later city's index", () => {
    const cities = [coreCity("a"), coreCity("b"), coreCity("a"), coreCity("b")];
    const result = formCohorts(cities, { seed: 1 });
    expect(leftPaths(result)).toEqual([
      [2, "id"],
      [3, "id"],
    ]);
  });

  it("bounds the search for k by maxK", () => {
    const result = right(formCohorts(MIXED, { maxK: 2, seed: 1 }));
    expect(result.k).toBe(2);
    expect(result.candidates.map((c) => c.k)).toEqual([2]);
  });
});

describe("formCohorts above the PAM limit (CLARA)", () => {
  const cities = distinctCities(PAM_MAX_POINTS + 100);

  it("partitions every city, and repeats exactly for a seed whatever the input order", () => {
    const result = right(formCohorts(cities, { k: 4, seed: 9 }));
    expect(result.method).toBe("clara");
    expect(result.silhouetteMethod).toBe("exact");
    expectPartition(result, cities);
    const again = right(formCohorts([...cities].reverse(), { k: 4, seed: 9 }));
    expect(again).toEqual(result);
  });
});

describe("formCohorts above the exact-silhouette limit", () => {
  it("estimates silhouettes on a sample and still partitions every city", () => {
    const cities = distinctCities(SILHOUETTE_EXACT_MAX + 100);
    const result = right(formCohorts(cities, { k: 3, seed: 2 }));
    expect(result.silhouetteMethod).toBe("sampled");
    expectPartition(result, cities);
    for (const cohort of result.cohorts) {
      expect(cohort.silhouette).toBeGreaterThanOrEqual(-1);
      expect(cohort.silhouette).toBeLessThanOrEqual(1);
    }
  });
});

const cityLists = fc.uniqueArray(arbitraryCity, {
  selector: (city) => city.id,
  minLength: 0,
  maxLength: 24,
});

describe("formCohorts laws", () => {
  test.prop([cityLists, fc.nat(), fc.integer({ min: 0, max: 0xffffffff })])(
    "cohorts partition their input, with k cohorts when k is given",
    (cities, kSeed, seed) => {
      const k = cities.length === 0 ? undefined : 1 + (kSeed % cities.length);
      const result = right(formCohorts(cities, k === undefined ? { seed } : { k, seed }));
      expectPartition(result, cities);
      if (k !== undefined) expect(result.k).toBe(k);
    },
  );

  test.prop([cityLists, fc.integer({ min: 0, max: 0xffffffff })])(
    "chosen k: cohorts partition their input; silhouettes lie in [-1, 1]",
    (cities, seed) => {
      const result = right(formCohorts(cities, { seed }));
      expectPartition(result, cities);
      for (const x of [result.silhouette, ...result.cohorts.map((c) => c.silhouette)]) {
        expect(x).toBeGreaterThanOrEqual(-1);
        expect(x).toBeLessThanOrEqual(1);
      }
    },
  );

  test.prop([cityLists, fc.integer({ min: 0, max: 0xffffffff }), fc.nat()])(
    "the same seed gives the same cohorts, whatever the order of the cities",
    (cities, seed, shift) => {
      const rotated = cities.map((_, i) => cities[(i + shift) % cities.length] as City).reverse();
      expect(formCohorts(rotated, { seed })).toEqual(formCohorts(cities, { seed }));
    },
  );
});
