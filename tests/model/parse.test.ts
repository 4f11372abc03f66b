import { fc, test } from "@fast-check/vitest";
import { either as E } from "fp-ts";
import { describe, expect, it } from "vitest";
import {
  formatValidationError,
  parseCities,
  parseCity,
  parseTopic,
  parseTopics,
} from "../../src/index";
import { arbitraryCity, arbitraryTopic } from "../support/arbitraries";
import { profile } from "../support/cities";

const base = { id: "gb-leeds", name: "Leeds", country: "GB" };

function issuesOf(input: unknown) {
  const result = parseCity(input);
  if (E.isRight(result)) throw new Error("expected a Left");
  return result.left.issues;
}

describe("parseCity", () => {
  it("accepts identity alone: every other field is optional", () => {
    expect(parseCity(base)).toEqual(E.right(base));
  });

  it("accepts a complete profile unchanged", () => {
    const city = profile("gb-manchester");
    expect(parseCity(city)).toEqual(E.right(city));
  });

  it("keeps an absent optional field absent instead of defaulting it", () => {
    const result = parseCity({ ...base, resources: { nationalTier: "secondary" } });
    expect(E.isRight(result) && result.right.resources).toEqual({ nationalTier: "secondary" });
    expect(E.isRight(result) && "incomeTier" in (result.right.resources ?? {})).toBe(false);
    expect(E.isRight(result) && "governance" in result.right).toBe(false);
  });

  it("reads null as unknown and drops it", () => {
    const result = parseCity({ ...base, population: null, governance: { regime: null } });
    expect(result).toEqual(E.right({ ...base, governance: {} }));
  });

  it.each([
    ["a missing id", { name: "Leeds", country: "GB" }, ["id"], "is required"],
    ["an empty name", { ...base, name: "  " }, ["name"], "must not be empty"],
    ["a number for a name", { ...base, name: 42 }, ["name"], "must be a string; got 42"],
    ["NaN population", { ...base, population: Number.NaN }, ["population"], "got NaN"],
    [
      "Infinity population",
      { ...base, population: Number.POSITIVE_INFINITY },
      ["population"],
      "got Infinity",
    ],
    [
      "a negative population",
      { ...base, population: -5 },
      ["population"],
      "must be greater than 0; got -5",
    ],
    [
      "a zero population",
      { ...base, population: 0 },
      ["population"],
      "must be greater than 0; got 0",
    ],
    ["a fractional population", { ...base, population: 1.5 }, ["population"], "whole number"],
    [
      "a negative budget",
      { ...base, resources: { budgetUsd: -1 } },
      ["resources", "budgetUsd"],
      "greater than 0",
    ],
    [
      "an unknown regime",
      { ...base, governance: { regime: "democracy" } },
      ["governance", "regime"],
      'got "democracy"',
    ],
    [
      "an unknown tier",
      { ...base, resources: { nationalTier: "first" } },
      ["resources", "nationalTier"],
      "primary, secondary, tertiary, local",
    ],
    ["UK for GB", { ...base, country: "UK" }, ["country"], 'did you mean "GB"?'],
    ["a lower-case code", { ...base, country: "gb" }, ["country"], 'did you mean "GB"?'],
    ["a three-letter code", { ...base, country: "GBR" }, ["country"], "ISO 3166-1 alpha-2"],
    [
      "an unknown theme",
      { ...base, outlook: { priorities: ["climate", "weather"] } },
      ["outlook", "priorities", 1],
      'got "weather"',
    ],
    [
      "a repeated theme",
      { ...base, outlook: { priorities: ["climate", "climate"] } },
      ["outlook", "priorities"],
      'lists "climate" twice',
    ],
    [
      "an empty priority list",
      { ...base, outlook: { priorities: [] } },
      ["outlook", "priorities"],
      "omit the field when unknown",
    ],
    [
      "a misspelt field",
      { ...base, governance: { regim: "liberal-democracy" } },
      ["governance", "regim"],
      'unknown field "regim"',
    ],
    [
      "a string for a boolean",
      { ...base, resources: { internationalOffice: "yes" } },
      ["resources", "internationalOffice"],
      "must be a boolean",
    ],
    [
      "a group that is not an object",
      { ...base, outlook: "committed" },
      ["outlook"],
      "must be an object",
    ],
  ])("rejects %s, naming the field", (_, input, path, fragment) => {
    const issues = issuesOf(input);
    const issue = issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.message).toContain(fragment);
  });

  it("rejects an own __proto__ key as an unknown field without touching prototypes", () => {
    const input = JSON.parse('{"id":"x","name":"X","country":"GB","__proto__":{"polluted":true}}');
    const issues = issuesOf(input);
    expect(issues).toEqual([
      { path: ["__proto__"], message: expect.stringContaining("unknown field") },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([null, undefined, 42, "Leeds", [base], true])(
    "rejects %j as not a city object",
    (input) => {
      expect(issuesOf(input)).toEqual([
        { path: [], message: expect.stringContaining("must be a city object") },
      ]);
    },
  );

  it("reports every issue of a record, not only the first", () => {
    const issues = issuesOf({ id: "", country: "XX", population: -1 });
    expect(issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["id", "name", "country", "population"]),
    );
  });

  it("formats issues one per line with dotted paths", () => {
    const result = parseCity({ ...base, outlook: { priorities: ["x"] } });
    expect(E.isLeft(result) && formatValidationError(result.left)).toMatch(
      /^outlook\.priorities\[0\]: must be one of/,
    );
  });

  test.prop([
    fc.anything({ withNullPrototype: true, withObjectString: true, withMap: true, withSet: true }),
  ])("never throws on arbitrary values", (value) => {
    const result = parseCity(value);
    expect(E.isLeft(result) || E.isRight(result)).toBe(true);
  });

  test.prop([arbitraryCity])(
    "parses every valid city, and its output parses again to itself",
    (city) => {
      const once = parseCity(city);
      expect(once).toEqual(E.right(city));
      if (E.isRight(once)) expect(parseCity(once.right)).toEqual(once);
    },
  );
});

describe("parseTopic", () => {
  const topic = {
    id: "t",
    name: "T",
    themes: ["climate"],
    internationalFacing: 0.5,
    demands: { clout: 0, resources: 0, autonomy: 0 },
    liberalNorms: 0,
    sensitivity: 0,
  };

  it("rejects a degree outside 0..1, naming it", () => {
    const result = parseTopic({ ...topic, internationalFacing: 2 });
    expect(E.isLeft(result) && result.left.issues).toEqual([
      { path: ["internationalFacing"], message: "must be at most 1; got 2" },
    ]);
  });

  it("requires every demand: a missing demand is not silently 0", () => {
    const result = parseTopic({ ...topic, demands: { clout: 0.5 } });
    expect(E.isLeft(result) && result.left.issues.map((i) => i.path.join("."))).toEqual([
      "demands.resources",
      "demands.autonomy",
    ]);
  });

  it("requires a salience table to cover every level", () => {
    const result = parseTopic({ ...topic, salience: { byIncome: { low: 1 } } });
    expect(E.isLeft(result) && result.left.issues.map((i) => i.path.join("."))).toContain(
      "salience.byIncome.high",
    );
  });

  test.prop([fc.anything()])("never throws on arbitrary values", (value) => {
    expect(() => parseTopic(value)).not.toThrow();
  });

  test.prop([arbitraryTopic])(
    "parses every valid topic, and its output parses again to itself",
    (t) => {
      const once = parseTopic(t);
      expect(once).toEqual(E.right(t));
      if (E.isRight(once)) expect(parseTopic(once.right)).toEqual(once);
    },
  );
});

describe("parseCities", () => {
  it("keeps the valid records and reports each invalid one with its index, id and field", () => {
    const { cities, errors } = parseCities([
      base,
      { id: "bad", name: "Bad", country: "GB", population: -3 },
      { id: "x", name: "X", country: "FR" },
      "not a city",
    ]);
    expect(cities.map((c) => c.id)).toEqual(["gb-leeds", "x"]);
    expect(errors).toEqual([
      {
        index: 1,
        id: "bad",
        issues: [{ path: ["population"], message: expect.stringContaining("-3") }],
      },
      {
        index: 3,
        issues: [{ path: [], message: expect.stringContaining("must be a city object") }],
      },
    ]);
  });

  it("reports a repeated id on the later record", () => {
    const { cities, errors } = parseCities([base, { ...base, name: "Leeds again" }]);
    expect(cities).toHaveLength(1);
    expect(errors).toEqual([
      {
        index: 1,
        id: "gb-leeds",
        issues: [{ path: ["id"], message: "repeats the id of the record at index 0" }],
      },
    ]);
  });

  it("reports input that is not an array as one error at index -1", () => {
    expect(parseCities({ cities: [] })).toEqual({
      cities: [],
      errors: [
        { index: -1, issues: [{ path: [], message: "must be an array of cities; got an object" }] },
      ],
    });
  });

  test.prop([fc.array(fc.oneof(arbitraryCity, fc.anything()), { maxLength: 20 })])(
    "partitions any array: every record is either a city or an error, in order",
    (records) => {
      const { cities, errors } = parseCities(records);
      expect(cities.length + errors.length).toBe(records.length);
      const errorIndexes = errors.map((e) => e.index);
      expect([...errorIndexes].sort((a, b) => a - b)).toEqual(errorIndexes);
    },
  );

  it("parseTopics keeps good topics and reports bad ones", () => {
    const { topics, errors } = parseTopics([{ id: "t" }]);
    expect(topics).toEqual([]);
    expect(errors[0]?.index).toBe(0);
    expect(errors[0]?.issues.map((issue) => issue.path)).toEqual([
      ["name"],
      ["themes"],
      ["internationalFacing"],
      ["demands"],
      ["liberalNorms"],
      ["sensitivity"],
    ]);
  });
});
