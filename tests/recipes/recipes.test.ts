/**
 * docs/recipes.md as tests: every code block of the page runs and prints what
 * the page shows (decimals aside), and the claims its prose makes hold on the
 * real gazetteer cities. Assertions are orderings, inequalities and facts
 * (tiers, categories, memberships), not the last digit of a score.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readTsv } from "../../scripts/lib/tsv";
import {
  type AgendaReflection,
  agendaReflection,
  CATALOG,
  type City,
  type CohortResult,
  c40Category,
  catalogTopic,
  caucus,
  formCohorts,
  nearestPeers,
  type Platform,
  RELEVANCE_BANDS,
  rankTopics,
  type ServedLevel,
  scoreRelevance,
  sharedAgenda,
  suggestWorkingGroups,
  type WorkingGroupSuggestions,
} from "../../src/index";
import { cityFromPlace, PLACES, placeToCity } from "../../src/places/index";
import { right } from "../support/either";
import {
  maskDecimals,
  parseRecipes,
  RECIPES_PATH,
  runRecipe,
  typecheckRecipes,
} from "./doc-blocks";

const place = (query: string): City => right(cityFromPlace(query));

/** Whether `a` is served at least as well as `b`: share first, then mean relevance. */
function notWorse(a: ServedLevel, b: ServedLevel): boolean {
  return a.share > b.share || (a.share === b.share && a.meanRelevance >= b.meanRelevance);
}

/** Every city in exactly one cohort. */
function expectPartition(groups: readonly { memberIds: readonly string[] }[], cities: City[]) {
  const members = groups.flatMap((g) => g.memberIds);
  expect([...members].sort()).toEqual(cities.map((c) => c.id).sort());
}

describe("docs/recipes.md runs as written", () => {
  const recipes = parseRecipes(readFileSync(RECIPES_PATH, "utf8"));

  it("has three recipes, and every block that prints shows its output", () => {
    expect(recipes.map((r) => r.title)).toEqual([
      "Recipe 1: the UK's Core Cities and Key Cities under a national platform",
      "Recipe 2: megacities and smaller cities under a global climate network",
      "Recipe 3: peers and cohorts on the whole gazetteer",
    ]);
    for (const recipe of recipes) {
      for (const block of recipe.blocks) expect(block.output, `line ${block.line}`).toBeDefined();
    }
  });

  it("type-checks with the project's compiler options", async () => {
    expect(await typecheckRecipes(recipes)).toBe("");
  });

  it.each(recipes.map((recipe) => [recipe.title, recipe] as const))(
    "%s: prints what the page shows",
    async (_, recipe) => {
      const run = await runRecipe(recipe);
      expect(run.status, run.stderr).toBe(0);
      recipe.blocks.forEach((block, index) => {
        expect(maskDecimals(run.outputs[index] ?? ""), `block at line ${block.line}`).toBe(
          maskDecimals(block.output ?? ""),
        );
      });
    },
  );
});

describe("recipe 1: the UK's Core Cities and Key Cities", () => {
  const CORE = [
    "Birmingham",
    "Bristol",
    "Cardiff",
    "Glasgow",
    "Leeds",
    "Liverpool",
    "Manchester",
    "Newcastle upon Tyne",
    "Nottingham",
    "Sheffield",
  ];
  // Members of the Key Cities (LGA annual report 2023, as in tests/classify/national-tiers.test.ts).
  const KEY = [
    "Bradford",
    "Coventry",
    "Kingston upon Hull",
    "Norwich",
    "Plymouth",
    "Portsmouth",
    "Preston",
    "Reading",
    "Southampton",
    "Stoke-on-Trent",
    "Sunderland",
    "Wolverhampton",
  ];
  const london = place("London, GB");
  const core = CORE.map((name) => place(`${name}, GB`));
  const key = KEY.map((name) => place(`${name}, GB`));
  const uk = [london, ...core, ...key];
  // Newcastle upon Tyne is secondary by its urban area (WUP 2018), though its city proper is small.
  const secondary = core;
  const tertiary = key;
  const ids = (cities: readonly City[]) => cities.map((c) => c.id).sort();
  const stances: Platform = {
    id: "uk-cities-forum",
    name: "UK cities forum",
    agenda: ["trade-stance", "immigration-stance", "climate-action"],
  };
  const mixed: Platform = {
    ...stances,
    agenda: ["trade-stance", "investment-attraction", "climate-action"],
  };

  it("London is primary, the Core Cities secondary (Newcastle upon Tyne by its urban area), the Key Cities tertiary", () => {
    expect(london.resources?.nationalTier).toBe("primary");
    expect(secondary.map((c) => c.resources?.nationalTier)).toEqual(Array(10).fill("secondary"));
    expect(key.map((c) => c.resources?.nationalTier)).toEqual(Array(12).fill("tertiary"));
  });

  it("differs only in tier: income, autonomy and regime are the same for every UK city", () => {
    const rest = new Set(
      uk.map((c) =>
        JSON.stringify([c.resources?.incomeTier, c.governance?.autonomy, c.governance?.regime]),
      ),
    );
    expect([...rest]).toEqual([JSON.stringify(["high", "intermediate", "electoral-democracy"])]);
    expect(uk.every((c) => c.outlook === undefined)).toBe(true);
  });

  it("caucus by tier: London alone, the Core Cities, and the Key Cities", () => {
    const groups = right(caucus(uk, ["resources.nationalTier"]));
    expect(groups.map((g) => g.label)).toEqual(["Primary city", "Secondary city", "Tertiary city"]);
    expect(groups.map((g) => [...g.memberIds])).toEqual([
      [london.id],
      ids(secondary),
      ids(tertiary),
    ]);
  });

  /** Each tier's reflections. */
  function byTier(reflection: AgendaReflection) {
    const of = (cities: readonly City[]) =>
      reflection.members.filter((m) => cities.some((c) => c.id === m.cityId));
    return { primary: of([london]), secondary: of(secondary), tertiary: of(tertiary) };
  }
  const meanOf = (ms: readonly { meanRelevance: number }[]) => ms.map((m) => m.meanRelevance);

  it("a forum of national stances serves London; every Key City and each Core City without trade stance in its top three is underserved", () => {
    const reflection = right(agendaReflection(stances, uk, CATALOG));
    const tiers = byTier(reflection);
    expect(tiers.primary[0]?.underserved).toBe(false);
    expect(tiers.primary[0]?.share).toBeGreaterThan(0.5);
    for (const m of tiers.secondary) {
      expect(m.topTopicIds[0]).toBe("urban-advocacy");
      // The agenda's one topic a Core City may rank in its top three is the trade stance.
      expect(m.share).toBeCloseTo(m.topTopicIds.includes("trade-stance") ? 1 / 3 : 0, 12);
      if (m.share === 0) expect(m.underserved).toBe(true);
    }
    for (const m of tiers.tertiary) {
      expect(m.share).toBe(0);
      expect(m.underserved).toBe(true);
      expect(m.topTopicIds[0]).toBe("urban-advocacy");
      expect(m.meanRelevance).toBeLessThan(RELEVANCE_BANDS.moderate);
    }
    expect(tiers.secondary.some((m) => m.underserved)).toBe(true);
    // The Key Cities are served worst: a lower mean than any secondary city.
    expect(Math.max(...meanOf(tiers.tertiary))).toBeLessThan(Math.min(...meanOf(tiers.secondary)));
    expect(Math.max(...meanOf(tiers.secondary))).toBeLessThan(
      tiers.primary[0]?.meanRelevance as number,
    );
    expect(ids(tertiary)).toContain(reflection.worstServedId);
    // Population enters clout, so the tertiary cities do not tie: the worst served has the lowest mean.
    const worst = reflection.members.find((m) => m.cityId === reflection.worstServedId);
    expect(worst?.meanRelevance).toBe(Math.min(...meanOf(tiers.tertiary)));
  });

  it("with investment attraction instead of immigration, London and the Core Cities are served, the Key Cities are not, and the order stays", () => {
    const reflection = right(agendaReflection(mixed, uk, CATALOG));
    const tiers = byTier(reflection);
    expect([...reflection.underservedIds].sort()).toEqual(ids(tertiary));
    for (const m of tiers.tertiary) expect(m.share).toBe(0);
    for (const m of tiers.secondary) {
      expect(m.topTopicIds).toContain("investment-attraction");
      expect(m.meanRelevance).toBeGreaterThanOrEqual(RELEVANCE_BANDS.moderate);
    }
    expect(Math.max(...meanOf(tiers.tertiary))).toBeLessThan(Math.min(...meanOf(tiers.secondary)));
    expect(Math.max(...meanOf(tiers.secondary))).toBeLessThan(
      tiers.primary[0]?.meanRelevance as number,
    );
  });

  it("shared agendas at the moderate band: stances for London, urban advocacy first for the others, what the Key Cities share the Core Cities share too", () => {
    const shared = (cities: readonly City[]) =>
      right(sharedAgenda(cities, CATALOG, { threshold: RELEVANCE_BANDS.moderate })).map(
        (t) => t.topicId,
      );
    const ofLondon = shared([london]);
    expect(ofLondon.slice(0, 2)).toEqual(["trade-stance", "immigration-stance"]);
    expect(ofLondon).not.toContain("urban-advocacy");
    expect(shared(secondary)[0]).toBe("urban-advocacy");
    expect(shared(secondary)).toContain("investment-attraction");
    expect(shared(tertiary)[0]).toBe("urban-advocacy");
    for (const topic of shared(tertiary)) expect(shared(secondary)).toContain(topic);
    for (const cities of [[london], secondary, tertiary]) {
      expect(shared(cities)).toContain("cultural-exchange");
    }
    expect(shared(secondary)).not.toContain("immigration-stance");
    expect(shared(tertiary)).not.toContain("immigration-stance");
    expect(shared(tertiary)).not.toContain("trade-stance");
    const advocacy = rankTopics(london, CATALOG).find((r) => r.topicId === "urban-advocacy");
    expect(advocacy?.rank).toBeGreaterThan(CATALOG.length / 2);
  });

  it("working groups by tier: each sub-agenda is its worst-served member's missing top topics; London's mean falls slightly", () => {
    const reflection = right(agendaReflection(stances, uk, CATALOG));
    const suggested = right(
      suggestWorkingGroups(stances, uk, CATALOG, { by: ["resources.nationalTier"] }),
    );
    expect(suggested.groups).toHaveLength(3);
    expectPartition(suggested.groups, uk);
    for (const g of suggested.groups) {
      expect(g.gain.share).toBeGreaterThan(0);
      expect(notWorse(g.after, g.before)).toBe(true);
      expect(g.after.share).toBe(1);
      const worst = reflection.members.find((m) => m.cityId === g.before.cityId);
      const missing = (worst?.topTopicIds ?? []).filter((t) => !stances.agenda.includes(t));
      expect(g.subAgenda.map((t) => t.topicId).sort()).toEqual([...missing].sort());
    }
    const group = (member: City) => suggested.groups.find((g) => g.memberIds.includes(member.id));
    for (const g of [group(tertiary[0] as City), group(secondary[0] as City)]) {
      expect(g?.gain.meanRelevance).toBeGreaterThan(0);
      expect(g?.subAgenda[0]?.topicId).toBe("urban-advocacy");
    }
    const londonGroup = group(london);
    expect(group(tertiary[0] as City)?.memberIds).toEqual(ids(tertiary));
    expect(londonGroup?.memberIds).toEqual([london.id]);
    expect(londonGroup?.subAgenda.map((t) => t.topicId)).toEqual(["lifelong-learning"]);
    expect(londonGroup?.gain.meanRelevance).toBeLessThan(0);
    expect(londonGroup?.gain.meanRelevance).toBeGreaterThan(-0.05);
  });

  it("formCohorts finds the tiers by itself and sets Birmingham, the UK's other Brookings metro, apart; the same for any seed", () => {
    const result = right(formCohorts(uk, { seed: 1 }));
    expect(result.k).toBe(4);
    expectPartition(result.cohorts, uk);
    const birmingham = core.find((c) => c.name === "Birmingham") as City;
    expect(birmingham.resources?.globalEconomyType).toBe("international-middleweight");
    expect(result.cohorts.map((c) => [...c.memberIds])).toEqual([
      ids(tertiary),
      ids(secondary.filter((c) => c !== birmingham)),
      [london.id],
      [birmingham.id],
    ]);
    const [tertiaryCohort, secondaryCohort, londonCohort] = result.cohorts.map(
      (c) => c.description,
    );
    expect(tertiaryCohort).toMatch(/^tertiary cities with small populations/);
    expect(secondaryCohort).toMatch(/^secondary cities with mid-sized populations/);
    expect(londonCohort).toMatch(/^national capitals with large populations/);
    expect(right(formCohorts(uk, { seed: 1 }))).toEqual(result);
    expect(right(formCohorts([...uk].reverse(), { seed: 99 }))).toEqual(result);
  });
});

describe("recipe 2: megacities and smaller cities under a climate network", () => {
  const LARGER = [
    "Lagos, NG",
    "Mumbai, IN",
    "São Paulo, BR",
    "Mexico City, MX",
    "Jakarta, ID",
    "Shanghai, CN",
    "Tokyo, JP",
    "New York City, US",
    "London, GB",
  ];
  const SMALLER = [
    "Copenhagen, DK",
    "Oslo, NO",
    "Vancouver, CA",
    "Portland, US",
    "Curitiba, BR",
    "Freetown, SL",
    "Amman, JO",
  ];
  const larger = LARGER.map(place);
  const smaller = SMALLER.map(place);
  const cities = [...larger, ...smaller];
  const byName = (name: string) => cities.find((c) => c.name === name) as City;
  const idsOf = (...names: string[]) => names.map((n) => byName(n).id).sort();
  const CENTRALIZED = idsOf("Jakarta", "Shanghai", "Amman");
  const HIGH_INCOME = idsOf(
    "London",
    "Tokyo",
    "New York City",
    "Copenhagen",
    "Oslo",
    "Vancouver",
    "Portland",
  );
  const network: Platform = {
    id: "climate-network",
    name: "Global climate network",
    agenda: ["climate-action", "infrastructure-investment", "knowledge-exchange"],
  };
  const category = (city: City) =>
    right(c40Category({ population: city.population, climateLeader: true }));

  it("spans the four income groups and every regime type", () => {
    const incomes = new Set(cities.map((c) => c.resources?.incomeTier));
    const regimes = new Set(cities.map((c) => c.governance?.regime));
    expect(incomes).toEqual(new Set(["low", "lower-middle", "upper-middle", "high"]));
    expect(regimes).toEqual(
      new Set([
        "closed-autocracy",
        "electoral-autocracy",
        "electoral-democracy",
        "liberal-democracy",
      ]),
    );
  });

  it("the megacity split follows c40Category on the city population; the smaller cities stay unknown", () => {
    for (const city of larger) {
      expect(city.population).toBeGreaterThanOrEqual(3_000_000);
      expect(category(city)).toBe("megacity");
    }
    for (const city of smaller) {
      expect(city.population).toBeLessThan(3_000_000);
      // Metropolitan population and GDP rank are not known: the classifier cannot rule out a megacity.
      expect(category(city)).toBe("unknown");
      expect(right(c40Category({ population: city.population }))).toBe("unknown");
    }
  });

  it("formCohorts: a partition, deterministic for the seed, and no cohort follows the C40 line", () => {
    const result: CohortResult = right(formCohorts(cities, { seed: 1 }));
    expect(result).toMatchObject({ k: 3, method: "pam", distinctProfiles: 16 });
    expectPartition(result.cohorts, cities);
    expect(right(formCohorts(cities, { seed: 1 }))).toEqual(result);
    expect(right(formCohorts([...cities].reverse(), { seed: 7 }))).toEqual(result);
    const megacityIds = new Set(larger.map((c) => c.id));
    for (const cohort of result.cohorts) {
      const kinds = new Set(cohort.memberIds.map((id) => megacityIds.has(id)));
      expect(kinds, cohort.description).toEqual(new Set([true, false]));
    }
    const centralized = result.cohorts.find((c) => c.memberIds.includes(byName("Jakarta").id));
    expect([...(centralized?.memberIds ?? [])]).toEqual(
      [...CENTRALIZED, ...idsOf("Freetown", "Mumbai")].sort(),
    );
    expect(centralized?.description).toContain("centralized");
    const newYork = result.cohorts.find((c) => c.memberIds.includes(byName("New York City").id));
    expect([...(newYork?.memberIds ?? [])]).toEqual(
      idsOf(
        "Curitiba",
        "Lagos",
        "Mexico City",
        "New York City",
        "Portland",
        "São Paulo",
        "Vancouver",
      ),
    );
    // Brookings had no data on Indonesia: Jakarta's type is unknown, not outside the typology.
    expect(byName("Jakarta").resources?.globalEconomyType).toBeUndefined();
  });

  it("climate action: no gate at a demand below 0.7; authority follows autonomy, values regime, and capacity orders the scores", () => {
    const climate = catalogTopic("climate-action");
    if (climate === undefined) throw new Error("no climate-action topic");
    expect(climate.demands.autonomy).toBeLessThan(0.7);
    const scores = new Map(cities.map((c) => [c.name, scoreRelevance(c, climate)]));
    for (const r of scores.values()) expect(r.gates).toEqual([]);
    const factor = (name: string, f: "capacity" | "authority" | "values") =>
      scores.get(name)?.factors[f].value as number;
    // Autonomy through authority: decentralized > intermediate > centralized.
    expect(factor("New York City", "authority")).toBeGreaterThan(factor("London", "authority"));
    expect(factor("London", "authority")).toBeGreaterThan(factor("Shanghai", "authority"));
    // Regime through values: liberal > electoral democracy > electoral autocracy > closed.
    expect(factor("Tokyo", "values")).toBeGreaterThan(factor("London", "values"));
    expect(factor("London", "values")).toBeGreaterThan(factor("Jakarta", "values"));
    expect(factor("Jakarta", "values")).toBeGreaterThan(factor("Shanghai", "values"));
    // Income and size through capacity.
    expect(factor("London", "capacity")).toBeGreaterThan(factor("Mumbai", "capacity"));
    expect(factor("Mumbai", "capacity")).toBeGreaterThan(factor("Freetown", "capacity"));
    // Capacity outweighs authority: a centralized megacity outscores decentralized smaller cities.
    const score = (name: string) => scores.get(name)?.score as number;
    expect(score("Shanghai")).toBeGreaterThan(score("Portland"));
    expect(score("Shanghai")).toBeGreaterThan(score("Curitiba"));
    const best = [...scores.values()].sort((a, b) => b.score - a.score)[0];
    expect(best?.factors.capacity.value).toBe(
      Math.max(...[...scores.values()].map((r) => r.factors.capacity.value)),
    );
  });

  it("the network's agenda: exactly the high-income cities miss their top three and are flagged; basic services lead the poorer cities' needs", () => {
    const reflection = right(agendaReflection(network, cities, CATALOG));
    for (const m of reflection.members) {
      if (HIGH_INCOME.includes(m.cityId)) expect(m.share).toBe(0);
    }
    expect([...reflection.underservedIds].sort()).toEqual(HIGH_INCOME);
    // The lowest means go to the smaller cities: capacity, which size raises, leads the score.
    const byMean = [...reflection.members].sort((a, b) => a.meanRelevance - b.meanRelevance);
    const smallerIds = smaller.map((c) => c.id);
    for (const m of byMean.slice(0, 3)) expect(smallerIds).toContain(m.cityId);
    const poorer = ["low", "lower-middle"];
    for (const city of cities.filter((c) => poorer.includes(c.resources?.incomeTier ?? ""))) {
      const m = reflection.members.find((x) => x.cityId === city.id);
      expect(m?.topTopicIds, city.name).toContain("basic-services");
    }
  });

  it("with climate among every member's priorities, climate action enters every top three, every member is flagged, and the smaller cities have the lowest means", () => {
    const withClimate: City[] = cities.map((c) => ({ ...c, outlook: { priorities: ["climate"] } }));
    const reflection = right(agendaReflection(network, withClimate, CATALOG));
    for (const m of reflection.members) expect(m.topTopicIds).toContain("climate-action");
    expect([...reflection.underservedIds].sort()).toEqual(cities.map((c) => c.id).sort());
    const byMean = [...reflection.members].sort((a, b) => a.meanRelevance - b.meanRelevance);
    const smallerIds = smaller.map((c) => c.id);
    for (const m of byMean.slice(0, 3)) expect(smallerIds).toContain(m.cityId);
  });

  function groups(maxGroups: number): WorkingGroupSuggestions {
    return right(suggestWorkingGroups(network, cities, CATALOG, { maxGroups, seed: 1 }));
  }

  it("up to five working groups: the three cohorts, none worse off, each gains share", () => {
    const suggested = groups(5);
    expect(suggested.grouping).toBe("cohorts");
    expect(suggested.groups).toHaveLength(3);
    expectPartition(suggested.groups, cities);
    for (const g of suggested.groups) {
      expect(g.gain.share, g.label).toBeGreaterThanOrEqual(0);
      expect(notWorse(g.after, g.before), g.label).toBe(true);
      for (const t of g.subAgenda) {
        expect(network.agenda).not.toContain(t.topicId);
        expect(t.weakest.score).toBeGreaterThanOrEqual(RELEVANCE_BANDS.moderate);
      }
    }
    const containing = (name: string) =>
      suggested.groups.find((g) => g.memberIds.includes(byName(name).id));
    // docs/recipes.md describes this outcome; if a change to src/cohorts ends it, update the page and this test.
    const centralized = containing("Shanghai");
    expect(centralized?.gain.share).toBeGreaterThan(0);
    expect(centralized?.subAgenda.map((t) => t.topicId)).toContain("basic-services");
    const capitals = containing("London");
    expect(capitals?.gain.share).toBeGreaterThan(0);
    const americas = containing("New York City");
    expect(americas?.memberIds).toContain(byName("Lagos").id);
    expect(americas?.before.share).toBe(0);
    expect(americas?.after.share).toBeGreaterThan(0);
  });

  it("three working groups (the default): the same three groups", () => {
    const three = groups(3);
    const five = groups(5);
    expect(three.groups.map((g) => [...g.memberIds])).toEqual(
      five.groups.map((g) => [...g.memberIds]),
    );
  });
});

describe("recipe 3: peers on the whole gazetteer", () => {
  const everyPlace = PLACES.map(placeToCity);
  const peersOf = (query: string) =>
    nearestPeers(right(cityFromPlace(query)), everyPlace, 5).map(
      (p) => everyPlace.find((c) => c.id === p.cityId) as City,
    );

  it("Kano's five nearest peers are Nigerian cities, none at distance 0", () => {
    const kano = right(cityFromPlace("Kano, NG"));
    const peers = nearestPeers(kano, everyPlace, 5);
    for (const p of peers) expect(p.distance).toBeGreaterThan(0);
    expect(peersOf("Kano, NG").map((c) => c.country)).toEqual(["NG", "NG", "NG", "NG", "NG"]);
  });

  it("Manchester's five nearest peers are Core Cities", () => {
    const core = new Set(
      readTsv("data/places/uk-core-cities.tsv").map((row) => `geonames:${row.geonamesId}`),
    );
    for (const peer of peersOf("Manchester, GB")) expect(core.has(peer.id), peer.name).toBe(true);
  });
});
