import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  type AgendaReflection,
  agendaReflection,
  CATALOG,
  type City,
  catalogTopic,
  createScorer,
  isUnderserved,
  type MemberReflection,
  REFLECTION_TOP_K,
  RELEVANCE_BANDS,
  rankTopics,
  type Scorer,
  scoreRelevance,
  type Topic,
  UNDERSERVED_RULE,
} from "../../src/index";
import { arbitraryCity, arbitraryTopic } from "../support/arbitraries";
import {
  CORE_CITIES,
  coreCity,
  FORUM,
  KEY_CITIES,
  LOW_INCOME_CITIES,
  leftIssues,
  MIXED,
  right,
} from "./fixtures";

const memberOf = (r: AgendaReflection, id: string) =>
  r.members.find((m) => m.cityId === id) as MemberReflection;

describe("agendaReflection", () => {
  const reflection = right(agendaReflection(FORUM, MIXED, CATALOG));

  it("counts, per member, the share of its three most relevant topics that are on the agenda", () => {
    expect(reflection.topK).toBe(REFLECTION_TOP_K);
    const leeds = coreCity("gb-leeds");
    const top = rankTopics(leeds, CATALOG)
      .slice(0, 3)
      .map((r) => r.topicId);
    const platform = { ...FORUM, agenda: [top[0] as string, "climate-action"] };
    const member = memberOf(right(agendaReflection(platform, [leeds], CATALOG)), "gb-leeds");
    expect(member.topTopicIds).toEqual(top);
    expect(member.share).toBeCloseTo(1 / 3, 15);
    expect(member.missingTopicIds).toEqual(top.slice(1));
  });

  it("takes the agenda's mean relevance to each member", () => {
    const city = KEY_CITIES[0] as City;
    const scores = FORUM.agenda.map((id) => scoreRelevance(city, catalogTopic(id) as Topic).score);
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    expect(memberOf(reflection, city.id).meanRelevance).toBeCloseTo(mean, 14);
  });

  it("calls a member underserved when none of its top topics is on the agenda", () => {
    const platform = { ...FORUM, agenda: ["knowledge-exchange", "administrative-transparency"] };
    const leeds = memberOf(
      right(agendaReflection(platform, [coreCity("gb-leeds")], CATALOG)),
      "gb-leeds",
    );
    expect(leeds.share).toBe(0);
    expect(leeds.meanRelevance).toBeGreaterThanOrEqual(RELEVANCE_BANDS.moderate);
    expect(leeds.underserved).toBe(true);
  });

  it("calls a member underserved when the agenda reads low to it on average, even with a top topic on it", () => {
    const city = LOW_INCOME_CITIES[0] as City;
    const platform = {
      ...FORUM,
      agenda: ["basic-services", "public-participation", "free-expression"],
    };
    const member = memberOf(right(agendaReflection(platform, [city], CATALOG)), city.id);
    expect(member.share).toBeGreaterThan(0);
    expect(member.meanRelevance).toBeLessThan(RELEVANCE_BANDS.moderate);
    expect(member.underserved).toBe(true);
  });

  it("calls a member served when none of its top topics is on the agenda but the agenda reads highly relevant to it", () => {
    expect(isUnderserved({ share: 0, meanRelevance: RELEVANCE_BANDS.high })).toBe(false);
    expect(isUnderserved({ share: 0, meanRelevance: 0.9 })).toBe(false);
    expect(isUnderserved({ share: 0, meanRelevance: 0.7499 })).toBe(true);
    expect(isUnderserved({ share: 1 / 3, meanRelevance: 0.4999 })).toBe(true);
    expect(isUnderserved({ share: 1 / 3, meanRelevance: RELEVANCE_BANDS.moderate })).toBe(false);
  });

  it("states its rule in one line, with the bands it uses", () => {
    expect(UNDERSERVED_RULE).toBe(
      "a mean relevance below 0.50, or none of its top topics on the agenda and a mean relevance below 0.75",
    );
  });

  it("calls a member served when a top topic is on the agenda and it reads at least moderate on average", () => {
    const leeds = coreCity("gb-leeds");
    const platform = { ...FORUM, agenda: ["urban-advocacy", "knowledge-exchange"] };
    const member = memberOf(right(agendaReflection(platform, [leeds], CATALOG)), "gb-leeds");
    expect(member.share).toBeGreaterThan(0);
    expect(member.meanRelevance).toBeGreaterThanOrEqual(RELEVANCE_BANDS.moderate);
    expect(member.underserved).toBe(false);
  });

  it("lists the underserved worst first (lowest share, then lowest mean relevance, then id) and names the worst served", () => {
    expect(reflection.underservedIds[0]).toBe("xx-city-1");
    expect(reflection.worstServedId).toBe("xx-city-1");
    expect(reflection.underservedIds.slice(0, 4)).toEqual(LOW_INCOME_CITIES.map((c) => c.id));
    expect(reflection.members.map((m) => m.cityId)).toEqual(MIXED.map((c) => c.id));
  });

  it("counts every topic when fewer than three are given", () => {
    const topics = CATALOG.slice(0, 2);
    const platform = { ...FORUM, agenda: [topics[0]?.id as string] };
    const r = right(agendaReflection(platform, CORE_CITIES, topics));
    expect(r.topK).toBe(2);
  });

  it("has no worst-served member without cities", () => {
    const r = right(agendaReflection(FORUM, [], CATALOG));
    expect(r.members).toEqual([]);
    expect(r.worstServedId).toBeUndefined();
  });

  it("scores with the scorer given", () => {
    const scorer = right(createScorer({ weights: { salience: 1 } })) as Scorer;
    const r = right(agendaReflection(FORUM, [coreCity("a")], CATALOG, { scorer }));
    const expected =
      FORUM.agenda
        .map((id) => scorer.relevance(coreCity("a"), catalogTopic(id) as Topic).score)
        .reduce((x, y) => x + y, 0) / 3;
    expect(r.members[0]?.meanRelevance).toBeCloseTo(expected, 14);
  });
});

describe("agendaReflection validation", () => {
  it("rejects an agenda entry that is not a topic id, naming its index", () => {
    const issues = leftIssues(
      agendaReflection(
        { ...FORUM, agenda: ["trade-stance", "climate", "housing"] },
        MIXED,
        CATALOG,
      ),
    );
    expect(issues).toEqual([
      { path: ["agenda", 1], message: 'is not the id of any topic given; got "climate"' },
      { path: ["agenda", 2], message: 'is not the id of any topic given; got "housing"' },
    ]);
  });

  it("rejects an agenda entry listed twice, naming the later index", () => {
    const issues = leftIssues(
      agendaReflection(
        { ...FORUM, agenda: ["trade-stance", "climate-action", "trade-stance"] },
        MIXED,
        CATALOG,
      ),
    );
    expect(issues).toEqual([
      { path: ["agenda", 2], message: 'repeats the topic at index 0 ("trade-stance")' },
    ]);
  });

  it.each([
    [{ ...FORUM, agenda: [] }, ["agenda"]],
    [{ id: "f", agenda: ["trade-stance"] }, ["name"]],
    [{ ...FORUM, id: " " }, ["id"]],
    [{ ...FORUM, agenda: "trade-stance" }, ["agenda"]],
    [{ ...FORUM, agenda: [3] }, ["agenda", 0]],
    [{ ...FORUM, members: [] }, ["members"]],
    [null, []],
  ])("rejects the platform %j at %j", (platform, path) => {
    const issues = leftIssues(agendaReflection(platform as never, MIXED, CATALOG)) as {
      path: unknown[];
    }[];
    expect(issues.map((i) => i.path)).toEqual([path]);
  });

  it("rejects options that are not valid, naming the option", () => {
    const issues = leftIssues(agendaReflection(FORUM, MIXED, CATALOG, { scorer: 1 } as never));
    expect(issues).toEqual([
      { path: ["scorer"], message: expect.stringContaining("createScorer") },
    ]);
  });
});

describe("agendaReflection laws", () => {
  const setup = fc
    .record({
      cities: fc.uniqueArray(arbitraryCity, { selector: (c) => c.id, minLength: 1, maxLength: 5 }),
      topics: fc.uniqueArray(arbitraryTopic, { selector: (t) => t.id, minLength: 2, maxLength: 8 }),
    })
    .chain(({ cities, topics }) =>
      fc.record({
        cities: fc.constant(cities),
        topics: fc.constant(topics),
        // Which topics start on the agenda (at least one), and which one is added (not on it).
        onAgenda: fc.subarray(topics.slice(1), { minLength: 0 }),
        added: fc.constant(topics[0] as Topic),
        first: fc.constantFrom(...topics.slice(1)),
      }),
    );

  test.prop([setup])(
    "adding a topic never lowers a member's share, and never lowers its mean relevance when the topic scores at least that mean",
    ({ cities, topics, onAgenda, added, first }) => {
      const agenda = [...new Set([first, ...onAgenda].map((t) => t.id))];
      const before = right(agendaReflection({ id: "p", name: "P", agenda }, cities, topics));
      const after = right(
        agendaReflection({ id: "p", name: "P", agenda: [...agenda, added.id] }, cities, topics),
      );
      cities.forEach((city, i) => {
        const b = before.members[i] as MemberReflection;
        const a = after.members[i] as MemberReflection;
        expect(a.topTopicIds).toEqual(b.topTopicIds);
        expect(a.share).toBeGreaterThanOrEqual(b.share);
        if (scoreRelevance(city, added).score >= b.meanRelevance) {
          // Exact in real arithmetic; 1e-12 allows for rounding in the sum.
          expect(a.meanRelevance).toBeGreaterThanOrEqual(b.meanRelevance - 1e-12);
        }
      });
    },
  );

  test.prop([setup])(
    "in particular, adding a topic relevant to a member (score >= 0.5) never lowers its share",
    ({ cities, topics, onAgenda, added, first }) => {
      const agenda = [...new Set([first, ...onAgenda].map((t) => t.id))];
      const before = right(agendaReflection({ id: "p", name: "P", agenda }, cities, topics));
      const after = right(
        agendaReflection({ id: "p", name: "P", agenda: [...agenda, added.id] }, cities, topics),
      );
      cities.forEach((city, i) => {
        if (scoreRelevance(city, added).score < RELEVANCE_BANDS.moderate) return;
        expect((after.members[i] as MemberReflection).share).toBeGreaterThanOrEqual(
          (before.members[i] as MemberReflection).share,
        );
      });
    },
  );

  test.prop([setup])(
    "the agenda's order does not change any reflection",
    ({ cities, topics, onAgenda, first }) => {
      const agenda = [...new Set([first, ...onAgenda].map((t) => t.id))];
      const forward = right(agendaReflection({ id: "p", name: "P", agenda }, cities, topics));
      const backward = right(
        agendaReflection({ id: "p", name: "P", agenda: [...agenda].reverse() }, cities, topics),
      );
      expect(backward).toEqual(forward);
    },
  );
});
