import { fc, test } from "@fast-check/vitest";
import { either as E } from "fp-ts";
import { describe, expect, it } from "vitest";
import {
  agendaReflection,
  CATALOG,
  catalogTopic,
  type MemberReflection,
  REFLECTION_TOP_K,
  scoreRelevance,
  suggestWorkingGroups,
  type Topic,
} from "../../src/index";
import { arbitraryCity } from "../support/arbitraries";
import { coreCity, FORUM, LOW_INCOME_CITIES, MIXED, right } from "./fixtures";

describe("suggestWorkingGroups", () => {
  const suggestions = right(suggestWorkingGroups(FORUM, MIXED, CATALOG));

  it("forms cohorts and gives each a sub-agenda that raises its worst-served member's reflection", () => {
    expect(suggestions.grouping).toBe("cohorts");
    expect(suggestions.groups).toHaveLength(3);
    for (const group of suggestions.groups) {
      expect(group.after.share).toBeGreaterThan(group.before.share);
      expect(group.gain.share).toBeCloseTo(group.after.share - group.before.share, 12);
      expect(group.gain.meanRelevance).toBeGreaterThan(0);
    }
  });

  it("puts on a sub-agenda only topics shared by every member and not already on the platform's agenda", () => {
    for (const group of suggestions.groups) {
      const members = MIXED.filter((c) => group.memberIds.includes(c.id));
      expect(group.subAgenda.length).toBeLessThanOrEqual(REFLECTION_TOP_K);
      for (const topic of group.subAgenda) {
        expect(FORUM.agenda).not.toContain(topic.topicId);
        for (const city of members) {
          expect(
            scoreRelevance(city, catalogTopic(topic.topicId) as Topic).score,
          ).toBeGreaterThanOrEqual(0.5);
        }
      }
    }
  });

  it("gives the low-income cohort basic services, its own first need", () => {
    const low = suggestions.groups.find((g) => g.memberIds.includes("xx-city-1"));
    expect(low?.memberIds).toEqual(LOW_INCOME_CITIES.map((c) => c.id));
    expect(low?.subAgenda[0]?.topicId).toBe("basic-services");
  });

  it("lists groups with the most gain first, and their members partition the cities", () => {
    const members = suggestions.groups.flatMap((g) => g.memberIds);
    expect([...members].sort()).toEqual(MIXED.map((c) => c.id).sort());
    expect(suggestions.groups.length).toBeGreaterThan(1);
    for (const [i, group] of suggestions.groups.entries()) {
      const before = suggestions.groups[i - 1];
      if (before === undefined) continue;
      const [a, b] = [before.gain, group.gain];
      expect(
        a.share,
        `share gain of ${before.id} against the next, ${group.id}`,
      ).toBeGreaterThanOrEqual(b.share);
      if (a.share === b.share) {
        expect(
          a.meanRelevance,
          `at equal share gain, mean relevance gain of ${before.id} against the next, ${group.id}`,
        ).toBeGreaterThanOrEqual(b.meanRelevance);
      }
    }
  });

  it("groups by caucus when fields are given", () => {
    const byTier = right(
      suggestWorkingGroups(FORUM, MIXED, CATALOG, { by: ["resources.nationalTier"] }),
    );
    expect(byTier.grouping).toBe("caucuses");
    expect(byTier.groups.map((g) => g.id).sort()).toEqual([
      "resources.nationalTier=secondary",
      "resources.nationalTier=tertiary",
    ]);
  });

  it("keeps at most maxGroups groups and maxTopics topics each", () => {
    const one = right(suggestWorkingGroups(FORUM, MIXED, CATALOG, { maxGroups: 1, maxTopics: 1 }));
    expect(one.groups).toHaveLength(1);
    expect(one.groups[0]?.memberIds).toHaveLength(MIXED.length);
    expect(one.groups[0]?.subAgenda.length).toBeLessThanOrEqual(1);
    const caucuses = right(
      suggestWorkingGroups(FORUM, MIXED, CATALOG, { by: ["resources.nationalTier"], maxGroups: 1 }),
    );
    expect(caucuses.groups).toHaveLength(1);
  });

  it("lists a group with an empty sub-agenda and no gain when the platform already carries every topic", () => {
    const everything = { ...FORUM, agenda: CATALOG.map((t) => t.id) };
    const s = right(suggestWorkingGroups(everything, MIXED, CATALOG));
    for (const group of s.groups) {
      expect(group.subAgenda).toEqual([]);
      expect(group.gain).toEqual({ share: 0, meanRelevance: 0 });
    }
  });

  it("gives no groups for no cities", () => {
    expect(right(suggestWorkingGroups(FORUM, [], CATALOG)).groups).toEqual([]);
  });

  it("rejects an invalid platform, invalid options and repeated ids, naming the field", () => {
    const platform = suggestWorkingGroups({ ...FORUM, agenda: ["x"] }, MIXED, CATALOG);
    expect(E.isLeft(platform) && platform.left.issues.map((i) => i.path)).toEqual([["agenda", 0]]);
    for (const [options, path] of [
      [{ maxGroups: 0 }, ["maxGroups"]],
      [{ maxTopics: 0 }, ["maxTopics"]],
      [{ by: ["size"] }, ["by", 0]],
      [{ seed: -1 }, ["seed"]],
      [{ extra: 1 }, ["extra"]],
    ] as const) {
      const result = suggestWorkingGroups(FORUM, MIXED, CATALOG, options as never);
      expect(E.isLeft(result) && result.left.issues.map((i) => i.path)).toEqual([path]);
    }
    const repeated = suggestWorkingGroups(FORUM, [coreCity("a"), coreCity("a")], CATALOG, {
      by: ["country"],
    });
    expect(E.isLeft(repeated) && repeated.left.issues[0]?.path).toEqual([1, "id"]);
  });
});

/** Members with distinct ids, a cap on the number of groups, and an agenda from the catalog. */
const GROUPING = fc.tuple(
  fc.uniqueArray(arbitraryCity, { selector: (c) => c.id, minLength: 1, maxLength: 12 }),
  fc.integer({ min: 1, max: 4 }),
  fc.subarray(
    CATALOG.map((t) => t.id),
    { minLength: 1 },
  ),
);

describe("suggestWorkingGroups laws", () => {
  test.prop([GROUPING])(
    "no group's worst-served share falls, and cohort groups partition the members",
    ([cities, maxGroups, agenda]) => {
      const s = right(
        suggestWorkingGroups({ id: "p", name: "P", agenda }, cities, CATALOG, { maxGroups }),
      );
      for (const group of s.groups) expect(group.gain.share).toBeGreaterThanOrEqual(0);
      const members = s.groups.flatMap((g) => g.memberIds);
      expect([...members].sort()).toEqual(cities.map((c) => c.id).sort());
      expect(s.groups.length).toBeLessThanOrEqual(maxGroups);
    },
  );

  test.prop([GROUPING])(
    "a sub-agenda never leaves its group's worst-served level lower, and each of its topics raised it",
    ([cities, maxGroups, agenda]) => {
      const platform = { id: "p", name: "P", agenda };
      const s = right(suggestWorkingGroups(platform, cities, CATALOG, { maxGroups }));
      const level = (memberIds: readonly string[], topicIds: readonly string[]) => {
        const members = cities.filter((c) => memberIds.includes(c.id));
        const r = right(agendaReflection({ ...platform, agenda: topicIds }, members, CATALOG));
        const worst = r.members.find((m) => m.cityId === r.worstServedId) as MemberReflection;
        return [worst.share, worst.meanRelevance] as const;
      };
      const notLower = (a: readonly [number, number], b: readonly [number, number]) =>
        a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);
      for (const group of s.groups) {
        expect(
          notLower(
            [group.after.share, group.after.meanRelevance],
            [group.before.share, group.before.meanRelevance],
          ),
        ).toBe(true);
        let topics = [...agenda];
        let current = level(group.memberIds, topics);
        for (const topic of group.subAgenda) {
          topics = [...topics, topic.topicId];
          const next = level(group.memberIds, topics);
          expect(notLower(next, current), `${topic.topicId} lowers the worst-served level`).toBe(
            true,
          );
          expect(next, `${topic.topicId} leaves the worst-served level as it was`).not.toEqual(
            current,
          );
          current = next;
        }
      }
    },
  );

  it("reports the caucuses left out beyond maxGroups instead of dropping them silently", () => {
    const s = right(
      suggestWorkingGroups(FORUM, MIXED, CATALOG, { by: ["resources.nationalTier"], maxGroups: 1 }),
    );
    expect(s.groups).toHaveLength(1);
    expect(s.omittedGroupIds).toHaveLength(1);
    expect([...s.groups.map((g) => g.id), ...s.omittedGroupIds].sort()).toEqual([
      "resources.nationalTier=secondary",
      "resources.nationalTier=tertiary",
    ]);
  });
});
