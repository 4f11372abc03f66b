/**
 * Golden fixtures: reference cities ranked against the catalog. The expected
 * files change only on purpose (a model change, with a changelog entry):
 * regenerate with `UPDATE_FIXTURES=1 npx vitest run tests/score/fixtures.test.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOG, type City, rankTopics } from "../../src/index";

const dir = new URL("../fixtures/", import.meta.url);
const cities = JSON.parse(readFileSync(new URL("reference-cities.json", dir), "utf8")) as City[];

describe.each(cities.map((city) => [city.id, city] as const))(
  "reference ranking of %s",
  (id, city) => {
    it("matches its golden fixture", () => {
      const actual = rankTopics(city, CATALOG).map((r) => ({
        rank: r.rank,
        topicId: r.topicId,
        score: Number(r.score.toFixed(6)),
        low: Number(r.low.toFixed(6)),
        high: Number(r.high.toFixed(6)),
        reason: r.reasons[0],
      }));
      const file = new URL(`ranking-${id}.json`, dir);
      if (process.env.UPDATE_FIXTURES === "1") {
        writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      }
      expect(actual).toEqual(JSON.parse(readFileSync(file, "utf8")));
    });
  },
);
