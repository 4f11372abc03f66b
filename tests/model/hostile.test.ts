/**
 * The boundary promise under hostile values: every public function that
 * takes data answers a Left naming the record and field, and never throws,
 * whatever the value (getters that throw, revoked proxies, throwing index
 * getters, sparse arrays of billions, cycles, null where a list belongs).
 */
import { fc, test } from "@fast-check/vitest";
import { either as E } from "fp-ts";
import { describe, expect, it } from "vitest";
import {
  agendaReflection,
  CATALOG,
  type City,
  c40Category,
  caucus,
  classifyIncomeTier,
  classifyNationalTiers,
  createScorer,
  formCohorts,
  parseCities,
  parseCity,
  parseTopic,
  parseTopics,
  rankStability,
  sharedAgenda,
  suggestWorkingGroups,
  THEMES,
} from "../../src/index";
import { cityFromPlace } from "../../src/places/index";
import { arbitraryCity, arbitraryTopic } from "../support/arbitraries";
import { profile } from "../support/cities";
import { arbitraryHostile, withHostileField } from "../support/hostile";

const platform = { id: "p", name: "Platform", agenda: ["climate-action"] };
const leeds = profile("gb-leeds");

/** Every public function that takes data, each called with one hostile argument. */
const CALLS: Record<string, (hostile: unknown) => unknown> = {
  parseCity: (h) => parseCity(h),
  parseTopic: (h) => parseTopic(h),
  parseCities: (h) => parseCities(h),
  "parseCities (entry)": (h) => parseCities([h]),
  parseTopics: (h) => parseTopics(h),
  classifyNationalTiers: (h) => classifyNationalTiers(h as never),
  "classifyNationalTiers (entry)": (h) => classifyNationalTiers([h] as never),
  "classifyNationalTiers (options)": (h) => classifyNationalTiers([], h as never),
  classifyIncomeTier: (h) => classifyIncomeTier(h as number),
  "classifyIncomeTier (year)": (h) => classifyIncomeTier(1000, h as number),
  c40Category: (h) => c40Category(h as never),
  createScorer: (h) => createScorer(h as never),
  rankStability: (h) => rankStability(leeds, CATALOG, h as never),
  cityFromPlace: (h) => cityFromPlace(h as never),
  caucus: (h) => caucus(h as never, ["country"]),
  "caucus (by)": (h) => caucus([leeds], h as never),
  formCohorts: (h) => formCohorts(h as never, { seed: 1 }),
  "formCohorts (entry)": (h) => formCohorts([leeds, h] as never, { seed: 1 }),
  "formCohorts (options)": (h) => formCohorts([leeds], h as never),
  sharedAgenda: (h) => sharedAgenda(h as never, CATALOG),
  "sharedAgenda (topics)": (h) => sharedAgenda([leeds], h as never),
  "sharedAgenda (options)": (h) => sharedAgenda([leeds], CATALOG, h as never),
  agendaReflection: (h) => agendaReflection(h as never, [leeds], CATALOG),
  "agendaReflection (cities)": (h) => agendaReflection(platform, h as never, CATALOG),
  "agendaReflection (topics)": (h) => agendaReflection(platform, [leeds], h as never),
  suggestWorkingGroups: (h) => suggestWorkingGroups(platform, h as never, CATALOG),
  "suggestWorkingGroups (topics)": (h) => suggestWorkingGroups(platform, [leeds], h as never),
};

function issuesOf(result: unknown): readonly { path: readonly unknown[]; message: string }[] {
  const either = result as E.Either<{ issues?: readonly never[] }, unknown>;
  if (E.isRight(either)) throw new Error(`expected a Left, got ${JSON.stringify(either.right)}`);
  return either.left.issues ?? [];
}

describe("no public function throws on hostile data", () => {
  for (const [name, call] of Object.entries(CALLS)) {
    test.prop([arbitraryHostile], { numRuns: 60 })(`${name} answers without throwing`, (h) => {
      expect(() => call(h.make())).not.toThrow();
    });
  }
});

describe("a hostile value inside a record is reported at its field", () => {
  test.prop([withHostileField(arbitraryCity as fc.Arbitrary<Record<string, unknown>>)])(
    "parseCity: every issue's path starts with the field holding the hostile value",
    ({ record, key }) => {
      const result = parseCity(record.make());
      if (E.isLeft(result)) {
        for (const issue of result.left.issues) expect(issue.path[0]).toBe(key);
      }
    },
  );

  test.prop([withHostileField(arbitraryTopic as fc.Arbitrary<Record<string, unknown>>), fc.nat(5)])(
    "parseTopics: the record's index and the field are both named",
    ({ record, key }, before) => {
      const good = Array.from({ length: before }, (_, i) => ({
        ...(CATALOG[i % CATALOG.length] as object),
        id: `t${i}`,
      }));
      const { errors } = parseTopics([...good, record.make()]);
      for (const error of errors) {
        expect(error.index).toBe(before);
        for (const issue of error.issues) expect(issue.path[0]).toBe(key);
      }
    },
  );
});

describe("the cases of the bug report", () => {
  const throwingId = {
    name: "A",
    country: "GB",
    get id(): string {
      throw new Error("boom");
    },
  };

  it("a getter that throws is an issue at its field, in parseCity and parseCities alike", () => {
    const expected = [{ path: ["id"], message: "could not be read: boom" }];
    expect(issuesOf(parseCity(throwingId))).toEqual(expected);
    expect(parseCities([throwingId])).toEqual({
      cities: [],
      errors: [{ index: 0, issues: expected }],
    });
  });

  it("a getter is read once, so a value that changes on each read cannot pass one check and fail the next", () => {
    let reads = 0;
    const record = {
      name: "A",
      country: "GB",
      get id() {
        reads++;
        return reads === 1 ? "a" : 42;
      },
    };
    expect(parseCities([record]).cities).toEqual([{ id: "a", name: "A", country: "GB" }]);
    expect(reads).toBe(1);
  });

  it("a revoked proxy as the list, or as a record, is an error, not an exception", () => {
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(parseCities(proxy).errors[0]).toMatchObject({ index: -1, issues: [{ path: [] }] });
    expect(parseTopics([proxy]).errors[0]).toMatchObject({ index: 0, issues: [{ path: [] }] });
    const income = classifyIncomeTier(proxy as never);
    expect(E.isLeft(income) && income.left.issues.map((issue) => issue.path)).toEqual([
      ["gniPerCapitaUsd"],
    ]);
    const tiers = classifyNationalTiers([proxy] as never);
    expect(E.isRight(tiers) && tiers.right.errors[0]).toMatchObject({
      index: 0,
      issues: [{ path: [] }],
    });
  });

  it("an array whose index getter throws reports that index", () => {
    const list: unknown[] = [{ id: "a", name: "A", country: "GB" }, null];
    Object.defineProperty(list, 1, {
      get() {
        throw new Error("index");
      },
    });
    const { cities, errors } = parseCities(list);
    expect(cities.map((c) => c.id)).toEqual(["a"]);
    expect(errors).toEqual([
      { index: 1, issues: [{ path: [], message: "could not be read: index" }] },
    ]);
  });

  it("null where a list of cities or topics belongs is a Left, not a TypeError", () => {
    expect(issuesOf(formCohorts(null as never, { seed: 1 }))).toEqual([
      { path: [], message: "must be an array of cities; got null" },
    ]);
    expect(issuesOf(sharedAgenda(null as never, CATALOG))[0]?.path).toEqual([]);
    expect(issuesOf(caucus(null as never, ["country"]))[0]?.path).toEqual([]);
    expect(issuesOf(agendaReflection(platform, [leeds], null as never))).toEqual([
      { path: ["topics"], message: "must be an array of topics; got null" },
    ]);
  });

  it("a city that cannot be read is named by its index and field in the grouping functions", () => {
    expect(issuesOf(formCohorts([leeds, throwingId] as never, { seed: 1 }))).toEqual([
      { path: [1, "id"], message: "could not be read: boom" },
    ]);
  });
});

describe("validation that stops early", () => {
  const bad = (n: number) => Array.from({ length: n }, (_, i) => `not-a-theme-${i}`);

  it("125,001 bad entries in a list give one issue naming the list, not a stack overflow", () => {
    const issues = issuesOf(
      parseCity({ id: "a", name: "A", country: "GB", outlook: { priorities: bad(125_001) } }),
    );
    expect(issues).toEqual([
      {
        path: ["outlook", "priorities"],
        message: "must list at most 10,000 values; got an array of 125,001",
      },
    ]);
    expect(issuesOf(createScorer({ gates: bad(125_001) } as never))[0]?.path).toEqual(["gates"]);
    expect(issuesOf(caucus([], bad(125_001) as never))).toEqual([
      { path: [], message: expect.stringContaining("at most 10,000") },
    ]);
  });

  it("a list's first bad entries are reported by index and the rest counted", () => {
    const agenda = Array.from({ length: 5_000 }, (_, i) => i);
    const issues = issuesOf(agendaReflection({ ...platform, agenda } as never, [leeds], CATALOG));
    expect(issues).toHaveLength(20);
    expect(issues.slice(0, 19).map((issue) => issue.path)).toEqual(
      Array.from({ length: 19 }, (_, i) => ["agenda", i]),
    );
    expect(issues[19]).toEqual({ path: ["agenda"], message: "and 4,981 more problems" });
  });

  it("a list longer than the theme vocabulary is reported once, by its length", () => {
    expect(issuesOf(parseTopic({ ...CATALOG[0], themes: bad(5_000) }))).toEqual([
      {
        path: ["themes"],
        message: `must list at most ${THEMES.length} values; got an array of 5000`,
      },
    ]);
  });

  it("a sparse array of four billion holes is refused at once, not walked", () => {
    const holes: unknown[] = [];
    holes.length = 2 ** 32 - 1;
    expect(parseCities(holes).errors).toEqual([
      {
        index: -1,
        issues: [
          {
            path: [],
            message:
              "must be an array of cities that can be read; it has holes: an array of length 4,294,967,295 holding 0 entries",
          },
        ],
      },
    ]);
    expect(
      issuesOf(parseCity({ id: "a", name: "A", country: "GB", outlook: { priorities: holes } })),
    ).toHaveLength(1);
  });

  it("rankStability refuses more rank draws than it can hold, instead of asking for gigabytes", () => {
    const topics = Array.from({ length: 1_000 }, (_, i) => ({ ...CATALOG[0], id: `t${i}` }));
    expect(issuesOf(rankStability(leeds, topics as never, { samples: 1_000_000 }))).toEqual([
      {
        path: ["samples"],
        message:
          "must be at most 10,000 for 1,000 topics (samples × topics at most 10,000,000); got 1,000,000",
      },
    ]);
  });

  it("a cycle is read to the depth of the model and reported as unknown fields", () => {
    const loop: Record<string, unknown> = { id: "a", name: "A", country: "GB" };
    loop.outlook = loop;
    expect(issuesOf(parseCity(loop))[0]?.path[0]).toBe("outlook");
  });
});

describe("ids are compared trimmed and in NFC form", () => {
  const city = (id: string): City => ({ id, name: "Name", country: "GB" });

  it("parseCities counts 'a' and 'a ', and composed and decomposed 'café', as repeats", () => {
    const { cities, errors } = parseCities([
      city("a"),
      city("a "),
      city("caf\u00e9"),
      city("cafe\u0301"),
    ]);
    expect(cities.map((c) => c.id)).toEqual(["a", "caf\u00e9"]);
    expect(errors.map((e) => [e.index, e.issues[0]?.path])).toEqual([
      [1, ["id"]],
      [3, ["id"]],
    ]);
  });

  it("keeps Latin and Cyrillic look-alikes apart: they are different letters", () => {
    expect(parseCities([city("a"), city("\u0430")]).errors).toEqual([]);
  });

  it("agendaReflection, sharedAgenda, caucus and formCohorts all reject a repeated id", () => {
    const twins = [city("gb-x"), city("gb-x ")];
    const expected = [1, "id"];
    expect(issuesOf(agendaReflection(platform, twins, CATALOG))[0]?.path).toEqual(expected);
    expect(issuesOf(sharedAgenda(twins, CATALOG))[0]?.path).toEqual(expected);
    expect(issuesOf(caucus(twins, ["country"]))[0]?.path).toEqual(expected);
    expect(issuesOf(formCohorts(twins, { seed: 1 }))[0]?.path).toEqual(expected);
  });

  it("rejects a repeated topic id in the topics given", () => {
    const topics = [CATALOG[0], CATALOG[0]];
    expect(issuesOf(sharedAgenda([leeds], topics as never))[0]?.path).toEqual(["topics", 1, "id"]);
  });
});
