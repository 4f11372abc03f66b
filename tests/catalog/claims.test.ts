/**
 * The essay's claims (Sam Tabory, "Difference in city diplomacy"), each as a
 * test on the built-in catalog. Profiles differ only in the field a claim is about.
 */
import { describe, expect, it } from "vitest";
import {
  AUTONOMIES,
  CATALOG,
  type City,
  INCOME_TIERS,
  NATIONAL_TIERS,
  RELEVANCE_BANDS,
  rankTopics,
  scoreRelevance,
} from "../../src/index";
import { profile, withGovernance, withOutlook, withResources } from "../support/cities";
import { topic } from "../support/topics";

const score = (city: City, id: string) => scoreRelevance(city, topic(id)).score;
const rankOf = (city: City, id: string) =>
  rankTopics(city, CATALOG).findIndex((r) => r.topicId === id) + 1;
const strictlyDecreasing = (xs: number[]) =>
  xs.every((x, i) => i === 0 || x < (xs[i - 1] as number));

const base = profile("city");

/**
 * `city` with priorities that are exactly the topic's themes. The default model
 * is need-first: a topic that speaks to none of a mayor's stated priorities
 * stays low whatever else holds, so a claim about clout, authority or values
 * is tested for a city whose mayor cares about the topic, where only the
 * field the claim is about can hold it back.
 */
const caring = (city: City, id: string) => withOutlook(city, { priorities: [...topic(id).themes] });

describe("the catalog", () => {
  it("holds the twelve topics the design names, with unique ids", () => {
    const ids = CATALOG.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        "trade-stance",
        "immigration-stance",
        "climate-action",
        "infrastructure-investment",
        "basic-services",
        "public-participation",
        "free-expression",
        "administrative-transparency",
        "human-rights",
        "urban-advocacy",
        "investment-attraction",
        "knowledge-exchange",
      ]),
    );
  });
});

describe("basic services matter more where a city is still meeting basic needs", () => {
  // The mayor's stated priorities are left unknown: the claim is about what the
  // city's income says of its needs, not about a list that already names them.
  const unstated: City = { ...base, outlook: { internationalRole: "pragmatic" } };

  it("scores basic services higher the lower the income tier", () => {
    const scores = INCOME_TIERS.map((incomeTier) =>
      score(withResources(base, { incomeTier }), "basic-services"),
    );
    expect(strictlyDecreasing(scores)).toBe(true);
  });

  it("ranks basic services among the top three topics of a low-income city, and at least three places lower for a high-income one", () => {
    const low = rankOf(withResources(unstated, { incomeTier: "low" }), "basic-services");
    expect(low).toBeLessThanOrEqual(3);
    expect(
      rankOf(withResources(unstated, { incomeTier: "high" }), "basic-services"),
    ).toBeGreaterThanOrEqual(low + 3);
  });

  it("ranks basic services clearly above a stance on trade for a low-income city", () => {
    const poor = withResources(unstated, { incomeTier: "low" });
    expect(score(poor, "basic-services") - score(poor, "trade-stance")).toBeGreaterThan(0.1);
  });
});

describe("a public stance on trade or immigration needs the clout of a primary city", () => {
  it.each(["trade-stance", "immigration-stance"])(
    "%s: primary > secondary > tertiary > local",
    (id) => {
      const scores = NATIONAL_TIERS.map((nationalTier) =>
        score(withResources(caring(base, id), { nationalTier }), id),
      );
      expect(strictlyDecreasing(scores)).toBe(true);
    },
  );

  it.each(["trade-stance", "immigration-stance"])(
    "%s reads high for a primary city and not for a tertiary one",
    (id) => {
      const city = caring(base, id);
      expect(score(withResources(city, { nationalTier: "primary" }), id)).toBeGreaterThanOrEqual(
        RELEVANCE_BANDS.high,
      );
      expect(score(withResources(city, { nationalTier: "tertiary" }), id)).toBeLessThan(
        RELEVANCE_BANDS.high,
      );
    },
  );

  it("explains a secondary city's score on trade by its lesser national clout", () => {
    const manchester = withResources(
      { ...base, name: "Manchester" },
      { nationalTier: "secondary" },
    );
    const reasons = scoreRelevance(manchester, topic("trade-stance")).reasons;
    expect(reasons).toContain(
      "As a secondary city, Manchester has less national clout than a primary city to command attention on trade (clout 0.90).",
    );
  });
});

describe("participation, free expression, transparency and human rights fit poorly where liberal-democratic norms are not the norm", () => {
  const liberalNormTopics = [
    "public-participation",
    "free-expression",
    "administrative-transparency",
    "human-rights",
  ];

  it.each(liberalNormTopics)(
    "%s is capped at a low score in closed and electoral autocracies",
    (id) => {
      for (const regime of ["closed-autocracy", "electoral-autocracy"] as const) {
        const r = scoreRelevance(withGovernance(caring(base, id), { regime }), topic(id));
        expect(r.score).toBeLessThan(RELEVANCE_BANDS.moderate);
        expect(r.gates).toEqual([{ id: "liberal-norms-absent", cap: 0.35, certain: true }]);
        expect(r.reasons[0]).toContain(
          "liberal-democratic norms this topic rests on are not the norm",
        );
      }
    },
  );

  it.each(liberalNormTopics)(
    "%s is uncapped in a liberal democracy, at least moderate and 0.25 above an autocracy",
    (id) => {
      const city = caring(base, id);
      const liberal = scoreRelevance(
        withGovernance(city, { regime: "liberal-democracy" }),
        topic(id),
      );
      expect(liberal.gates).toEqual([]);
      expect(liberal.score).toBeGreaterThanOrEqual(RELEVANCE_BANDS.moderate);
      expect(
        liberal.score - score(withGovernance(city, { regime: "electoral-autocracy" }), id),
      ).toBeGreaterThan(0.25);
    },
  );

  it.each(liberalNormTopics)(
    "%s's values fit falls with each step away from liberal democracy",
    (id) => {
      const fits = (
        [
          "liberal-democracy",
          "electoral-democracy",
          "electoral-autocracy",
          "closed-autocracy",
        ] as const
      ).map(
        (regime) =>
          scoreRelevance(withGovernance(base, { regime }), topic(id)).factors.values.value,
      );
      expect(strictlyDecreasing(fits)).toBe(true);
      expect(fits[2]).toBeLessThan(0.4);
    },
  );

  it("leaves topics not rooted in those norms uncapped in autocracies", () => {
    const r = scoreRelevance(
      withGovernance(caring(base, "infrastructure-investment"), { regime: "closed-autocracy" }),
      topic("infrastructure-investment"),
    );
    expect(r.gates).toEqual([]);
    expect(r.score).toBeGreaterThanOrEqual(RELEVANCE_BANDS.moderate);
  });
});

describe("coalitions like Core Cities and Key Cities speak to secondary and tertiary cities, not to the primate city", () => {
  const london = withResources(
    { ...base, id: "london", name: "London" },
    { nationalTier: "primary" },
  );
  const manchester = withResources(
    { ...base, id: "manchester", name: "Manchester" },
    { nationalTier: "secondary" },
  );
  const wolverhampton = withResources(
    { ...base, id: "wolverhampton", name: "Wolverhampton" },
    { nationalTier: "tertiary" },
  );

  it("scores urban advocacy higher for a Core City and a Key City than for London", () => {
    expect(score(manchester, "urban-advocacy")).toBeGreaterThan(score(london, "urban-advocacy"));
    expect(score(wolverhampton, "urban-advocacy")).toBeGreaterThan(score(london, "urban-advocacy"));
  });

  it("ranks urban advocacy first for the secondary and tertiary cities, and not in London's top three", () => {
    expect(rankOf(manchester, "urban-advocacy")).toBe(1);
    expect(rankOf(wolverhampton, "urban-advocacy")).toBe(1);
    expect(rankOf(london, "urban-advocacy")).toBeGreaterThan(3);
  });
});

describe("an inward-looking mayor finds outward-facing topics less relevant", () => {
  const outward = CATALOG.filter((t) => t.internationalFacing >= 0.6);
  const inward = withOutlook(base, { internationalRole: "inward" });
  const committed = withOutlook(base, { internationalRole: "committed" });

  it.each(outward.map((t) => t.id))(
    "%s scores lower under an inward-looking mayor than under a committed one",
    (id) => {
      expect(score(inward, id)).toBeLessThan(score(committed, id));
    },
  );

  it("ranks a mostly domestic topic first for an inward-looking mayor", () => {
    const first = rankTopics(inward, CATALOG)[0]?.topicId as string;
    expect(topic(first).internationalFacing).toBeLessThan(0.5);
  });
});

describe("how centralized the national system is decides the authority delegated to the city, and so whether it acts", () => {
  it("scores climate action higher the more autonomous the city", () => {
    const scores = AUTONOMIES.map((autonomy) =>
      score(withGovernance(base, { autonomy }), "climate-action"),
    );
    expect(scores[0]).toBeLessThan(scores[1] as number);
    expect(scores[1]).toBeLessThan(scores[2] as number);
  });

  it("holds low a topic that needs delegated powers (adequate housing: land use, building) for a city in a centralized system, and says why", () => {
    const r = scoreRelevance(
      withGovernance(base, { autonomy: "centralized" }),
      topic("adequate-housing"),
    );
    expect(r.score).toBeLessThanOrEqual(0.35);
    expect(r.gates).toEqual([{ id: "no-delegated-authority", cap: 0.35, certain: true }]);
    expect(r.reasons[0]).toContain("lacks the delegated authority this topic requires");
  });
});
