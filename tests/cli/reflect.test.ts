/**
 * `city-difference reflect --platform FILE --cities FILE [--suggest]`:
 * agendaReflection worst served first (table, JSON, CSV), and with --suggest
 * suggestWorkingGroups and its gains; a platform file that cannot be read or
 * is invalid is a usage error naming the field (exit 2); invalid city
 * records reported (exit 1).
 */
import * as E from "fp-ts/Either";
import { describe, expect, it } from "vitest";
import {
  type AgendaReflection,
  agendaReflection,
  CATALOG,
  type City,
  type MemberReflection,
  type Platform,
  suggestWorkingGroups,
  type Topic,
  type WorkingGroupSuggestions,
} from "../../src/index";
import { MIXED } from "../cohorts/fixtures";
import {
  CITY_CSV_HEADER,
  cityCsvRow,
  cli,
  expectNoStack,
  lines,
  temporaryDirectory,
} from "./support";

const dir = temporaryDirectory();

/** `text` as a literal in a regular expression. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** An agenda on liberal-democratic norms and national clout: it serves none of the fixtures' own needs. */
const FORUM: Platform = {
  id: "urban-forum",
  name: "Urban Forum",
  agenda: ["public-participation", "free-expression", "trade-stance"],
};

function right<T>(either: E.Either<unknown, T>): T {
  if (E.isLeft(either)) throw new Error(JSON.stringify(either.left));
  return either.right;
}

function reflectionOf(cities: readonly City[], topics: readonly Topic[] = CATALOG) {
  return right(agendaReflection(FORUM, cities, topics));
}

/** The library's order for the table and CSV: lowest share, then lowest mean, then id. */
function worstFirst(reflection: AgendaReflection): MemberReflection[] {
  return [...reflection.members].sort(
    (a, b) =>
      a.share - b.share ||
      a.meanRelevance - b.meanRelevance ||
      (a.cityId < b.cityId ? -1 : a.cityId > b.cityId ? 1 : 0),
  );
}

const platformFile = dir.file("forum.json", JSON.stringify(FORUM, null, 2));
const citiesFile = dir.file("members.json", JSON.stringify(MIXED, null, 2));
const BASE = ["reflect", "--platform", platformFile, "--cities", citiesFile];

describe("reflect", () => {
  it("table (default): the platform, the underserved, then every member worst served first", async () => {
    const run = await cli(BASE);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const reflection = reflectionOf(MIXED);
    const text = run.stdout.replace(/\s+/g, " ");
    expect(text).toContain(
      "Urban Forum (urban-forum): an agenda of 3 topics: public-participation, free-expression, trade-stance.",
    );
    expect(text).toContain(
      `${reflection.underservedIds.length} underserved (a mean relevance below 0.50, or none of its top topics on the agenda and a mean relevance below 0.75); worst served: ${reflection.worstServedId}.`,
    );
    const out = lines(run.stdout);
    expect(out).toContainEqual(
      expect.stringMatching(
        /^city\s+share\s+mean\s+underserved\s+its top topics missing from the agenda$/,
      ),
    );
    const header = out.findIndex((line) => line.startsWith("city "));
    const rows = out.slice(header + 1).filter((line) => /^(gb|xx)-/.test(line));
    const expected = worstFirst(reflection);
    expect(rows).toHaveLength(MIXED.length);
    rows.forEach((row, i) => {
      const m = expected[i] as MemberReflection;
      expect(row).toMatch(
        new RegExp(
          `^${m.cityId}\\s+${Math.round(m.share * 3)}/3\\s+${m.meanRelevance.toFixed(2)}\\s+${m.underserved ? "yes" : "no"}\\s+${m.missingTopicIds[0]}`,
        ),
      );
    });
    expect(rows[0]?.startsWith("xx-city-1 ")).toBe(true);
    for (const line of out) expect(line.length).toBeLessThanOrEqual(100);
  });

  it("--format json gives { platform, reflection }: the AgendaReflection, exactly", async () => {
    const run = await cli([...BASE, "--format", "json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ platform: FORUM, reflection: reflectionOf(MIXED) });
  });

  it("--format csv: one row per member, worst served first, lists joined by ;", async () => {
    const run = await cli([...BASE, "--format", "csv"]);
    expect(run.status).toBe(0);
    const [header, ...rows] = lines(run.stdout);
    expect(header).toBe("cityId,share,meanRelevance,underserved,topTopicIds,missingTopicIds");
    expect(rows).toEqual(
      worstFirst(reflectionOf(MIXED)).map((m) =>
        [
          m.cityId,
          m.share,
          m.meanRelevance,
          m.underserved,
          m.topTopicIds.join(";"),
          m.missingTopicIds.join(";"),
        ].join(","),
      ),
    );
  });

  describe("--suggest", () => {
    const expected = (maxGroups = 3, seed = 1): WorkingGroupSuggestions =>
      right(suggestWorkingGroups(FORUM, MIXED, CATALOG, { maxGroups, seed }));

    it("table: after the members, one block per working group: members, sub-agenda, worst served before and after, gain", async () => {
      const run = await cli([...BASE, "--suggest"]);
      expect(run.status).toBe(0);
      const suggestions = expected();
      expect(suggestions.groups).toHaveLength(3);
      const out = lines(run.stdout);
      const start = out.findIndex((line) => line.startsWith("Working groups: "));
      expect(start).toBeGreaterThan(MIXED.length);
      const text = out.slice(start).join("\n").replace(/\s+/g, " ");
      expect(text).toContain("Working groups: cohorts of alike members (at most 3, seed 1)");
      for (const group of suggestions.groups) {
        const { before, after, gain } = group;
        const sub = group.subAgenda
          .map((t) => `${t.topicId} (${t.weakest.cityId} ${t.weakest.score.toFixed(2)})`)
          .join(", ");
        expect(text).toContain(
          [
            `${group.id}: ${group.memberIds.length} members ${group.label}`,
            `members: ${group.memberIds.join(", ")}`,
            `sub-agenda: ${sub}`,
            `worst served: before ${before.cityId} (${Math.round(before.share * 3)}/3, mean ${before.meanRelevance.toFixed(2)});`,
            `with the sub-agenda ${after.cityId} (${Math.round(after.share * 3)}/3, mean ${after.meanRelevance.toFixed(2)})`,
            `gain: share +${gain.share.toFixed(2)}, mean relevance +${gain.meanRelevance.toFixed(2)}`,
          ].join(" "),
        );
      }
      // Most gain first (share, then mean relevance).
      const most = [...suggestions.groups].sort(
        (a, b) => b.gain.share - a.gain.share || b.gain.meanRelevance - a.gain.meanRelevance,
      )[0];
      expect(out.slice(start).find((line) => /^cohort-\d: /.test(line))).toBe(
        `${most?.id}: ${most?.memberIds.length} members`,
      );
    });

    it("json adds workingGroups: the WorkingGroupSuggestions, exactly; --max-groups and --seed pass through", async () => {
      const run = await cli([...BASE, "--suggest", "--format", "json"]);
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({
        platform: FORUM,
        reflection: reflectionOf(MIXED),
        workingGroups: expected(),
      });
      const two = await cli([
        ...BASE,
        "--suggest",
        "--max-groups",
        "2",
        "--seed",
        "9",
        "--format",
        "json",
      ]);
      const { workingGroups } = JSON.parse(two.stdout) as {
        workingGroups: WorkingGroupSuggestions;
      };
      expect(workingGroups).toEqual(expected(2, 9));
      expect(workingGroups.groups.length).toBeLessThanOrEqual(2);
    });

    it("csv adds each member's group: id, label, sub-agenda and the group's gain", async () => {
      const run = await cli([...BASE, "--suggest", "--format", "csv"]);
      expect(run.status).toBe(0);
      const [header, ...rows] = lines(run.stdout);
      expect(header).toBe(
        "cityId,share,meanRelevance,underserved,topTopicIds,missingTopicIds,group.id,group.label,group.subAgenda,group.gain.share,group.gain.meanRelevance",
      );
      const groups = expected().groups;
      expect(rows).toHaveLength(MIXED.length);
      for (const row of rows) {
        const id = row.split(",")[0] as string;
        const group = groups.find((g) => g.memberIds.includes(id));
        expect(group).toBeDefined();
        expect(row).toContain(
          `,${group?.id},${group?.label},${group?.subAgenda.map((t) => t.topicId).join(";")},${group?.gain.share},${group?.gain.meanRelevance}`,
        );
      }
    });

    it("the same input gives the same output, whatever the order of the members", async () => {
      const shuffled = dir.file(
        "shuffled.ndjson",
        [...MIXED]
          .reverse()
          .map((c) => JSON.stringify(c))
          .join("\n"),
      );
      const args = ["--suggest", "--format", "json"];
      const [first, again, reordered] = await Promise.all([
        cli([...BASE, ...args]),
        cli([...BASE, ...args]),
        cli(["reflect", "--platform", platformFile, "--cities", shuffled, ...args]),
      ]);
      expect(again.stdout).toBe(first.stdout);
      const a = JSON.parse(first.stdout) as { workingGroups: unknown };
      const b = JSON.parse(reordered.stdout) as { workingGroups: unknown };
      // Members are reported in input order; the groups do not depend on it.
      expect(b.workingGroups).toEqual(a.workingGroups);
    });
  });

  it("--topics FILE: the agenda is checked against those topics, and the shares count among them", async () => {
    const topics = CATALOG.filter((t) =>
      ["public-participation", "free-expression", "trade-stance", "basic-services"].includes(t.id),
    );
    const topicsFile = dir.file("four-topics.json", JSON.stringify(topics));
    const run = await cli([...BASE, "--topics", topicsFile, "--format", "json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      platform: FORUM,
      reflection: reflectionOf(MIXED, topics),
    });
    const narrow = dir.file(
      "narrow-topics.json",
      JSON.stringify(topics.filter((t) => t.id !== "trade-stance")),
    );
    const refused = await cli([...BASE, "--topics", narrow]);
    expect(refused.status).toBe(2);
    expect(lines(refused.stderr)[0]).toBe(
      `city-difference: ${platformFile}: agenda[2]: is not the id of any topic given; got "trade-stance"`,
    );
  });

  it("reports each invalid city as FILE:LINE: field: message, reflects the valid ones and exits 1", async () => {
    const rows = [
      CITY_CSV_HEADER,
      cityCsvRow("gb-a"),
      cityCsvRow("gb-b").replace("secondary", "secundary"),
      cityCsvRow("gb-c"),
    ];
    const csvFile = dir.file("members.csv", rows.join("\n"));
    const run = await cli([
      "reflect",
      "--platform",
      platformFile,
      "--cities",
      csvFile,
      "--format",
      "csv",
    ]);
    expect(run.status).toBe(1);
    expectNoStack(run);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(new RegExp(`^${csvFile}:3: resources\\.nationalTier: must be one of `)),
    ]);
    expect(
      lines(run.stdout)
        .slice(1)
        .map((row) => row.split(",")[0]),
    ).toEqual(["gb-a", "gb-c"]);
  });

  it("reads the platform from stdin with --platform -", async () => {
    const run = await cli(
      ["reflect", "--platform", "-", "--cities", citiesFile, "--format", "json"],
      {
        stdin: JSON.stringify(FORUM),
      },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ platform: FORUM, reflection: reflectionOf(MIXED) });
  });

  describe("a platform file that cannot be read or is not valid: exit 2, naming the field, stdout empty", () => {
    it.each([
      [
        "an unknown topic id, by its index in the agenda",
        { ...FORUM, agenda: ["public-participation", "climate", "trade-stance"] },
        ['agenda[1]: is not the id of any topic given; got "climate"'],
      ],
      [
        "a topic listed twice",
        { ...FORUM, agenda: ["trade-stance", "free-expression", "trade-stance"] },
        ['agenda[2]: repeats the topic at index 0 ("trade-stance")'],
      ],
      [
        "each missing, empty, mistyped or unknown field on a line of its own",
        { name: "", agenda: ["trade-stance", 3], members: ["gb-leeds"] },
        [
          "id: is required",
          "name: must not be empty",
          "agenda[1]: must be a string; got 3",
          'members: is not a field of this record (unknown field "members")',
        ],
      ],
      ["an empty agenda", { ...FORUM, agenda: [] }, [/agenda: must list at least one/]],
      ["not an object", [FORUM], ["must be a platform object; got an array of 1"]],
    ] as [string, unknown, (string | RegExp)[]][])("%s", async (_, platform, problems) => {
      const file = dir.file("bad-platform.json", JSON.stringify(platform));
      const run = await cli(["reflect", "--platform", file, "--cities", citiesFile]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expectNoStack(run);
      const reported = lines(run.stderr).filter((line) => line.startsWith("city-difference: "));
      expect(reported).toEqual(
        problems.map((problem) =>
          typeof problem === "string"
            ? `city-difference: ${file}: ${problem}`
            : expect.stringMatching(
                new RegExp(`^city-difference: ${literal(file)}: ${problem.source}`),
              ),
        ),
      );
    });

    it("an unknown topic id lists the topic ids to choose from", async () => {
      const file = dir.file("typo.json", JSON.stringify({ ...FORUM, agenda: ["climat"] }));
      const run = await cli(["reflect", "--platform", file, "--cities", citiesFile]);
      expect(run.status).toBe(2);
      expect(lines(run.stderr)).toEqual([
        `city-difference: ${file}: agenda[0]: is not the id of any topic given; got "climat"`,
        `the topic ids are: ${CATALOG.map((t) => t.id).join(", ")}`,
      ]);
    });

    it.each([
      [
        "not JSON, with the line when the parser knows it",
        '{ "id": "f",\n  "name": "F" "agenda": [] }',
        ":2: not valid JSON: expected ',' or '}' after property value",
      ],
      [
        "empty",
        "",
        ": the platform file is empty; it should hold one JSON object { id, name, agenda }",
      ],
    ])("%s", async (_, text, message) => {
      const file = dir.file("broken-platform.json", text);
      const run = await cli(["reflect", "--platform", file, "--cities", citiesFile]);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`city-difference: ${file}${message}\n`);
      expect(run.stdout).toBe("");
    });

    it("a missing file or a directory", async () => {
      const missing = await cli(["reflect", "--platform", "no-such.json", "--cities", citiesFile], {
        cwd: dir.path,
      });
      expect(missing.status).toBe(2);
      expect(missing.stderr).toBe("city-difference: cannot read no-such.json: no such file\n");
      const directory = await cli(["reflect", "--platform", dir.path, "--cities", citiesFile]);
      expect(directory.status).toBe(2);
      expect(directory.stderr).toBe(
        `city-difference: cannot read ${dir.path}: it is a directory, not a file\n`,
      );
    });
  });

  it.each([
    [
      ["--suggest", "--max-groups", "0"],
      'reflect: --max-groups must be a whole number from 1 to 50; got "0"',
    ],
    [
      ["--suggest", "--max-groups", "x"],
      'reflect: --max-groups must be a whole number from 1 to 50; got "x"',
    ],
    [["--suggest", "--max-groups", "51"], 'reflect: --max-groups must be at most 50; got "51"'],
    [
      ["--suggest", "--seed", "-1"],
      'reflect: --seed must be a whole number from 0 to 4294967295; got "-1"',
    ],
    [["--format", "xml"], 'reflect: --format must be one of table, json, csv; got "xml"'],
  ])("refuses %j in one line naming the option, exit 2", async (options, message) => {
    const run = await cli([...BASE, ...options]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`city-difference: ${message}\n`);
    expect(run.stdout).toBe("");
  });

  it.each([
    [[...BASE, "--max-groups", "2"], "reflect: --max-groups applies only with --suggest"],
    [[...BASE, "--seed", "2"], "reflect: --seed applies only with --suggest"],
    [["reflect", "--cities", citiesFile], "reflect: name the platform file with --platform FILE"],
    [["reflect", "--platform", platformFile], "reflect: name the cities file with --cities FILE"],
    [[...BASE, "extra"], 'reflect: unexpected argument "extra"'],
    [
      ["reflect", "--platform", "-", "--cities", "-"],
      "reflect: only one file can be read from stdin; got - for --platform and --cities",
    ],
    [[...BASE, "--by", "country"], "reflect: unknown option --by"],
  ])("%j is a usage error, exit 2, no stack", async (args, message) => {
    const run = await cli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`city-difference: ${message}`);
    expect(run.stdout).toBe("");
    expectNoStack(run);
  });

  it("prints a progress line before each step for more than 10,000 members, unless --quiet", async () => {
    const rows = [CITY_CSV_HEADER];
    for (let i = 0; i < 10_001; i++) rows.push(cityCsvRow(`c${i}`));
    const big = dir.file("big.csv", rows.join("\n"));
    const args = [
      "reflect",
      "--platform",
      platformFile,
      "--cities",
      big,
      "--suggest",
      "--format",
      "csv",
    ];
    const [run, quiet] = await Promise.all([cli(args), cli([...args, "-q"])]);
    expect(run.status).toBe(0);
    expect(lines(run.stderr)).toEqual([
      `city-difference: ${big}: 10,000 records read`,
      `city-difference: ${big}: 10,001 records read, 0 invalid`,
      `city-difference: reflecting the agenda for 10,001 members on ${CATALOG.length} topics`,
      "city-difference: suggesting working groups for 10,001 members (forming cohorts)",
    ]);
    expect(lines(run.stdout)).toHaveLength(10_002);
    expect(quiet.stderr).toBe("");
    expect(quiet.stdout).toBe(run.stdout);
  });

  it("--help explains the platform file, --suggest and the formats", async () => {
    for (const args of [
      ["reflect", "--help"],
      ["help", "reflect"],
    ]) {
      const run = await cli(args);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(
        /^Usage: city-difference reflect --platform FILE --cities FILE \[options\]/,
      );
      for (const option of ["--suggest", "--max-groups N", "--seed S", "--topics FILE"]) {
        expect(run.stdout).toContain(option);
      }
      expect(run.stdout).toContain('"agenda": ["climate-action"');
      expect(run.stderr).toBe("");
    }
    const global = await cli(["--help"]);
    expect(global.stdout).toMatch(/^ {2}reflect --platform FILE --cities FILE/m);
  });
});
