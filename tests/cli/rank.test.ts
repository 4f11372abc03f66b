/**
 * `city-difference rank <place>`: the catalog ranked for a real place from
 * the gazetteer, explained; an ambiguous or unknown place is a usage error
 * (exit 2) that says how to name it.
 */
import { either as E } from "fp-ts";
import { describe, expect, it } from "vitest";
import { CATALOG, MODEL_VERSION, rankTopics } from "../../src/index";
import { cityFromPlace } from "../../src/places/index";
import { cli, expectNoStack, lines, temporaryDirectory } from "./support";

const dir = temporaryDirectory();

function manchesterRanking() {
  const city = cityFromPlace("Manchester, GB");
  if (E.isLeft(city)) throw new Error("Manchester, GB is in the gazetteer");
  return { city: city.right, ranking: rankTopics(city.right, CATALOG) };
}

describe("rank", () => {
  it('"Manchester, GB" prints the ranked catalog as a table: score, interval, band and a reason', async () => {
    const run = await cli(["rank", "Manchester, GB"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const { city, ranking } = manchesterRanking();
    const out = lines(run.stdout);
    expect(run.stdout.replace(/\s+/g, " ")).toMatch(
      new RegExp(
        `^Manchester, GB \\(${city.id}, population ${city.population?.toLocaleString("en")}\\): ${CATALOG.length} topics ranked by relevance, scoring model ${MODEL_VERSION.replaceAll(".", "\\.")}\\. `,
      ),
    );
    // The mayor's outlook is what the data cannot know: named, and shown as intervals.
    const note = (start: string) =>
      run.stdout.replace(/\s+/g, " ").match(new RegExp(`${start}.*?\\.(?= |$)`))?.[0] ?? "";
    expect(note("Unknown, so each score is an interval")).toBe(
      "Unknown, so each score is an interval over every value they could take: outlook.internationalRole, outlook.priorities.",
    );
    // Under model 2 the raw figures only refine means: named apart, as widening nothing.
    expect(note("Not given")).toBe(
      "Not given, which widens nothing (when known they refine means): resources.metroGdpUsd, resources.budgetUsd, resources.internationalOffice.",
    );
    const header = out.find((line) => line.startsWith("rank"));
    expect(header).toMatch(/^rank\s+topic\s+score\s+interval\s+band\s+most influential reason$/);
    const rows = out.filter((line) => /^\s+\d+\s{2}\S/.test(line));
    expect(rows).toHaveLength(CATALOG.length);
    ranking.forEach((r, i) => {
      const band = r.score >= 0.75 ? "high" : r.score >= 0.5 ? "moderate" : "low";
      expect(rows[i]).toMatch(
        new RegExp(
          `^\\s+${r.rank}\\s+${r.topicId}\\s+${r.score.toFixed(2)}\\s+${r.low.toFixed(2)}–${r.high.toFixed(2)}\\s+${band}\\s+\\S`,
        ),
      );
    });
    // Reasons wrap within the width, under their column.
    for (const line of out) expect(line.length).toBeLessThanOrEqual(100);
    const firstWords = (ranking[0]?.reasons[0] ?? "").split(" ").slice(0, 3).join(" ");
    expect(rows[0]).toContain(firstWords);
  });

  it("--format json gives the Relevance objects, equal to rankTopics", async () => {
    const run = await cli(["rank", "Manchester, GB", "--format", "json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(manchesterRanking().ranking)));
  });

  it("--format csv gives flat columns, one row per topic", async () => {
    const run = await cli(["rank", "geonames:2643123", "--format", "csv", "--top", "3"]);
    expect(run.status).toBe(0);
    const [header, ...rows] = lines(run.stdout);
    expect(header).toBe(
      "rank,cityId,topicId,score,low,high,band,factors.outlook,factors.salience,factors.capacity,factors.authority,factors.values,gates,reasons,model",
    );
    expect(rows).toHaveLength(3);
    const first = manchesterRanking().ranking[0];
    expect(
      rows[0]?.startsWith(`1,geonames:2643123,${first?.topicId},${first?.score},${first?.low},`),
    ).toBe(true);
  });

  it("--top N keeps the N most relevant topics", async () => {
    const run = await cli(["rank", "Manchester, GB", "--top", "2", "--format", "json"]);
    expect(JSON.parse(run.stdout)).toEqual(
      JSON.parse(JSON.stringify(manchesterRanking().ranking.slice(0, 2))),
    );
  });

  it("reads an unquoted name and country as one place", async () => {
    const run = await cli(["rank", "Manchester,", "GB", "--format", "json", "--top", "1"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)[0].cityId).toBe("geonames:2643123");
  });

  it("--topics FILE ranks those topics", async () => {
    const topics = CATALOG.slice(0, 2);
    const file = dir.file("topics.csv", topicsCsv(topics));
    const run = await cli(["rank", "Manchester, GB", "--topics", file, "--format", "json"]);
    expect(run.status).toBe(0);
    expect(
      JSON.parse(run.stdout)
        .map((r: { topicId: string }) => r.topicId)
        .sort(),
    ).toEqual(topics.map((t) => t.id).sort());
  });

  it("an ambiguous name: exit 2, each candidate as name, COUNTRY (population, tier) geonames:id", async () => {
    const run = await cli(["rank", "Manchester"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const err = lines(run.stderr);
    expect(err[0]).toBe(
      'city-difference: rank: "Manchester" matches 2 places; say which, with the country code or the GeoNames id:',
    );
    expect(err).toContain("  Manchester, GB (395,515, secondary) geonames:2643123");
    expect(err.some((line) => /^ {2}Manchester, US \([\d,]+, \w+\) geonames:\d+$/.test(line))).toBe(
      true,
    );
    expect(err.at(-1)).toBe('for example: city-difference rank "Manchester, GB"');
    expectNoStack(run);
  });

  it("an unknown place: exit 2 with a clear message", async () => {
    const run = await cli(["rank", "Atlantis, GR"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^city-difference: rank: no place matches "Atlantis, GR"/);
    expect(lines(run.stderr)).toHaveLength(1);
  });
});

/** Topics as a CSV file, lists joined by ";", salience tables as dotted columns. */
function topicsCsv(topics: typeof CATALOG): string {
  const columns = [
    "id",
    "name",
    "themes",
    "internationalFacing",
    "demands.clout",
    "demands.resources",
    "demands.autonomy",
    "liberalNorms",
    "sensitivity",
  ];
  const rows = topics.map((t) =>
    [
      t.id,
      `"${t.name}"`,
      t.themes.join(";"),
      t.internationalFacing,
      t.demands.clout,
      t.demands.resources,
      t.demands.autonomy,
      t.liberalNorms,
      t.sensitivity,
    ].join(","),
  );
  return `${[columns.join(","), ...rows].join("\n")}\n`;
}
