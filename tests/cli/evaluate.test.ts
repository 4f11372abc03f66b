/**
 * `city-difference evaluate`: the library's evaluateRelevance on the shipped
 * networks or the user's own files, as a table, JSON or CSV; invalid records
 * and dangling member ids reported at their lines (exit 1), the rest still
 * evaluated.
 */
import * as E from "fp-ts/Either";
import { describe, expect, it } from "vitest";
import { CATALOG, evaluateRelevance, type MembershipList } from "../../src/index";
import { observedEngagement } from "../../src/networks/index";
import { city, cli, expectNoStack, lines, temporaryDirectory } from "./support";

const dir = temporaryDirectory();

const COUNTRIES = ["GB", "FR", "DE"] as const;
const TIERS = ["primary", "secondary", "tertiary", "local"] as const;
const ROLES = ["inward", "skeptical", "pragmatic", "committed"] as const;

/** 40 cities whose tier and outlook vary, so that scores differ. */
const CITIES = Array.from({ length: 40 }, (_, i) =>
  city(`c${String(i).padStart(2, "0")}`, {
    country: COUNTRIES[i % 3],
    population: 100_000 + i * 37_000,
    outlook: { internationalRole: ROLES[i % 4], priorities: ["climate"] },
    resources: { nationalTier: TIERS[Math.floor(i / 10)], incomeTier: "high" },
  }),
);
const LISTS: MembershipList[] = [
  {
    id: "big",
    topicIds: ["climate-action"],
    memberIds: ["c00", "c03", "c05", "c07", "c09", "c11"],
  },
  {
    id: "mixed",
    topicIds: ["trade-stance", "climate-action"],
    memberIds: ["c12", "c15", "c20", "c25", "c30", "c33", "c38"],
    scopeCountries: ["GB", "FR", "DE"],
  },
];

const OPTIONS = ["--replicates", "30", "--seed", "4"];

function libraryRows(lists: readonly MembershipList[]) {
  const result = evaluateRelevance(
    { cities: CITIES, topics: CATALOG, lists },
    { replicates: 30, seed: 4 },
  );
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right.rows;
}

describe("evaluate on the user's files", () => {
  const cities = dir.file("cities.json", JSON.stringify(CITIES, null, 2));
  const lists = dir.file("lists.json", JSON.stringify(LISTS, null, 2));
  /** `evaluate --format json` on the cities file and these lists. */
  const evaluateJson = (listsFile: string, ...extra: string[]) =>
    cli([
      "evaluate",
      "--cities",
      cities,
      "--lists",
      listsFile,
      "--format",
      "json",
      ...extra,
      ...OPTIONS,
    ]);
  /** What the library returns for LISTS, as the JSON output carries it. */
  const libraryJson = () => JSON.parse(JSON.stringify(libraryRows(LISTS)));

  it("--format json gives the rows evaluateRelevance returns, exit 0", async () => {
    const run = await evaluateJson(lists);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(libraryJson());
  });

  it("--format csv: a header, then one line per list and topic with each figure and its interval", async () => {
    const run = await cli([
      "evaluate",
      "--cities",
      cities,
      "--lists",
      lists,
      "--format",
      "csv",
      ...OPTIONS,
    ]);
    expect(run.status).toBe(0);
    const [header, ...rows] = lines(run.stdout);
    const columns = (header ?? "").split(",");
    expect(columns.slice(0, 4)).toEqual(["listId", "topicId", "status", "reason"]);
    expect(columns).toContain("population.auc.low");
    expect(rows.map((row) => row.split(",").slice(0, 2).join("/"))).toEqual([
      "big/climate-action",
      "mixed/climate-action",
      "mixed/trade-stance",
    ]);
    const auc = columns.indexOf("auc");
    const first = libraryRows(LISTS)[0];
    expect(Number(rows[0]?.split(",")[auc])).toBe(
      first?.status === "measured" ? first.auc.estimate : Number.NaN,
    );
  });

  it("the table shows AUC with its interval beside the population baseline; progress goes to stderr", async () => {
    const run = await cli(["evaluate", "--cities", cities, "--lists", lists, ...OPTIONS]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^2 lists over 40 cities; figures with bootstrap 95% intervals \(30 replicates, seed 4\)/,
    );
    expect(run.stdout).toMatch(/AUC \[95% interval\]\s+population AUC/);
    expect(run.stdout).toMatch(/big\s+climate-action\s+6 \/ 40\s+\d\.\d\d \[\d\.\d\d, \d\.\d\d\]/);
    expect(lines(run.stderr)).toEqual([
      "city-difference: evaluated list 1 of 2 (big)",
      "city-difference: evaluated list 2 of 2 (mixed)",
    ]);
    const quiet = await cli([
      "evaluate",
      "--cities",
      cities,
      "--lists",
      lists,
      "--quiet",
      ...OPTIONS,
    ]);
    expect(quiet.stderr).toBe("");
  });

  it("membership lists can be CSV, ids in ;-separated cells", async () => {
    const csv = dir.file(
      "lists.csv",
      [
        "id,topicIds,memberIds,scopeCountries",
        `big,climate-action,${LISTS[0]?.memberIds.join(";")},`,
        `mixed,trade-stance;climate-action,${LISTS[1]?.memberIds.join(";")},GB;FR;DE`,
      ].join("\n"),
    );
    const run = await evaluateJson(csv);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(libraryJson());
  });

  it("an invalid list is reported as read; a member naming no valid city at its list's line, left out; exit 1, the rest evaluated", async () => {
    const bad = dir.file(
      "bad-lists.ndjson",
      [
        JSON.stringify({ ...LISTS[0], memberIds: [...(LISTS[0]?.memberIds ?? []), "nowhere"] }),
        JSON.stringify({ id: "broken", topicIds: [], memberIds: [] }),
        JSON.stringify(LISTS[1]),
      ].join("\n"),
    );
    const run = await evaluateJson(bad, "--quiet");
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toEqual([
      `${bad}:2: topicIds: must list at least one value`,
      `${bad}:1: memberIds[6]: names no valid city: "nowhere"; left out`,
    ]);
    expect(JSON.parse(run.stdout)).toEqual(libraryJson());
    expectNoStack(run);
  });

  it("usage errors exit 2 without a stack", async () => {
    for (const args of [
      ["evaluate", "--cities", cities],
      ["evaluate", "--lists", lists, "--seed", "-1"],
      ["evaluate", "--replicates", "0"],
      ["evaluate", "--cities", cities, "--lists", dir.file("empty.json", "[]")],
    ]) {
      const run = await cli(args);
      expect(run.status, args.join(" ")).toBe(2);
      expectNoStack(run);
    }
  });

  it("--seed takes the values cohorts and reflect take: a negative or too large seed is out of range", async () => {
    for (const [seed, message] of [
      ["-1", 'evaluate: --seed must be a whole number from 0 to 4294967295; got "-1"'],
      ["4294967296", 'evaluate: --seed must be at most 4294967295; got "4294967296"'],
      ["1.5", 'evaluate: --seed must be a whole number from 0 to 4294967295; got "1.5"'],
    ] as const) {
      const run = await cli(["evaluate", "--cities", cities, "--lists", lists, "--seed", seed]);
      expect(run.status, seed).toBe(2);
      expect(lines(run.stderr), seed).toEqual([`city-difference: ${message}`]);
      expect(run.stdout).toBe("");
    }
  });
});

describe("evaluate with no files", () => {
  it("evaluates the shipped networks on the gazetteer, as evaluateRelevance(observedEngagement()) does", async () => {
    const run = await cli(["evaluate", "--format", "json", "--quiet", "--replicates", "5"]);
    expect(run.status).toBe(0);
    const result = evaluateRelevance(observedEngagement(), { replicates: 5 });
    if (E.isLeft(result)) throw new Error("evaluation failed");
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(result.right.rows)));
  });
});
