/**
 * The command line under hostile input: output a spreadsheet cannot run,
 * diagnostics a terminal cannot be tricked by, error output bounded, and
 * one line with exit 2 for input or output it cannot use. Never a stack.
 */
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runNode } from "../support/node-process";
import {
  CITY_CSV_HEADER,
  CLI,
  city,
  cli,
  expectNoStack,
  lines,
  temporaryDirectory,
} from "./support";

const dir = temporaryDirectory();

/** Runs the command line with stdin and stdout taken from the files given, as a shell redirection does. */
function redirected(
  args: readonly string[],
  stdin: string,
  stdout: string,
): Promise<{ status: number | null; stderr: string }> {
  const input = openSync(stdin, "r");
  const output = openSync(stdout, "w");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: [input, output, "pipe"] });
    const stderr: Buffer[] = [];
    child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (status) => {
      closeSync(input);
      closeSync(output);
      resolve({ status, stderr: Buffer.concat(stderr).toString("utf8") });
    });
  });
}

const FORMULAS = [
  '=HYPERLINK("http://example.com","x")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "-2+3",
];

describe("CSV output is neutralised against formula injection", () => {
  const records = FORMULAS.map((name, i) => city(`c${i}`, { name }));
  const file = dir.file("formulas.json", JSON.stringify(records));

  it("score --format csv writes a cell that starts like a formula with a leading '", async () => {
    const run = await cli(["score", "--cities", file, "--format", "csv"]);
    expect(run.status).toBe(0);
    for (const row of lines(run.stdout).slice(1)) expect(row).toMatch(/^c\d,"?'[=+@-]/);
  });

  it("numbers are never changed: a negative number is not a formula", async () => {
    const run = await cli(["rank", "Manchester, GB", "--format", "csv"]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/,'-?\d/);
  });

  it("--raw-csv writes every cell as it is", async () => {
    const run = await cli(["score", "--cities", file, "--format", "csv", "--raw-csv"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`c2,@SUM(1+1),GB,`);
    expect(run.stdout).toContain(`c0,"=HYPERLINK(""http://example.com"",""x"")",GB,`);
  });

  it("cohorts, reflect and validate neutralise their CSV too", async () => {
    const ids = ["=1+1", "+A1", "@B2", "-C3"];
    const cities = dir.file(
      "formula-ids.json",
      JSON.stringify(ids.map((id) => city(id, { name: "Plain" }))),
    );
    const cohorts = await cli(["cohorts", "--cities", cities, "--format", "csv", "--k", "2"]);
    expect(cohorts.status).toBe(0);
    for (const row of lines(cohorts.stdout).slice(1)) expect(row).toMatch(/^'[=+@-]/);

    const platform = dir.file(
      "platform.json",
      JSON.stringify({ id: "p", name: "P", agenda: ["climate-action"] }),
    );
    const reflect = await cli([
      "reflect",
      "--platform",
      platform,
      "--cities",
      cities,
      "--format",
      "csv",
    ]);
    expect(reflect.status).toBe(0);
    for (const row of lines(reflect.stdout).slice(1)) expect(row).toMatch(/^'[=+@-]/);

    const bad = dir.file("formula-field.json", JSON.stringify([{ ...city("a"), "=cmd()": 1 }]));
    const validate = await cli(["validate", bad, "--format", "csv"]);
    expect(validate.status).toBe(1);
    expect(lines(validate.stdout)[1]).toContain(",'=cmd(),");
  });

  it("JSON output keeps the text exactly as given", async () => {
    const run = await cli(["score", "--cities", file, "--format", "json"]);
    const names = (JSON.parse(run.stdout) as { name: string }[]).map((row) => row.name);
    expect(names).toEqual(FORMULAS);
  });
});

describe("diagnostics show user text escaped, one line per issue", () => {
  it("a newline or an escape sequence in a field name cannot forge a line or reach the terminal", async () => {
    const record = {
      ...city("a"),
      "x\nfake.csv:99: forged": 1,
      "\u001b[2Jclear": 2,
      "rtl\u202etxt": 3,
    };
    const file = dir.file("forge.ndjson", `${JSON.stringify(record)}\n`);
    const run = await cli(["validate", file]);
    expect(run.status).toBe(1);
    const errors = lines(run.stderr);
    expect(errors).toEqual([
      `${file}:1: x\\nfake.csv:99: forged: is not a field of this record (unknown field "x\\nfake.csv:99: forged")`,
      `${file}:1: <U+001B>[2Jclear: is not a field of this record (unknown field "<U+001B>[2Jclear")`,
      `${file}:1: rtl<U+202E>txt: is not a field of this record (unknown field "rtl<U+202E>txt")`,
    ]);
    expect(run.stderr).not.toContain("\u001b");
    expect(run.stderr).not.toContain("\u202e");
  });

  it("ids and names holding control characters, bidirectional overrides or lone surrogates are rejected, named by their code point", async () => {
    const file = dir.file(
      "unsafe.json",
      `[${JSON.stringify(city("a\u202eb"))},\n${JSON.stringify(city("b", { name: "B\u0007" }))},\n${JSON.stringify(city("c"))}]`,
    );
    const run = await cli(["validate", file]);
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toEqual([
      `${file}:1: id: must not contain control characters, bidirectional formatting characters or lone surrogates; found U+202E at character 2`,
      `${file}:1: name: must not contain control characters, bidirectional formatting characters or lone surrogates; found U+202E at character 7`,
      `${file}:2: name: must not contain control characters, bidirectional formatting characters or lone surrogates; found U+0007 at character 2`,
    ]);
  });

  it("a place query with an escape sequence comes back escaped", async () => {
    const run = await cli(["rank", "Man\u001b[2Jchester"]);
    expect(run.status).toBe(2);
    expectNoStack(run);
    expect(run.stderr).toContain("<U+001B>[2J");
    expect(run.stderr).not.toContain("\u001b");
  });
});

describe("bounded error output", () => {
  it("a file whose every record is bad reports the first 1,000, then counts the rest; validate's JSON counts them too", async () => {
    const rows = [CITY_CSV_HEADER];
    for (let i = 0; i < 3_000; i++) rows.push(`c${i},City,ZZ,-1,,,,,,,`);
    const file = dir.file("all-bad.csv", `${rows.join("\n")}\n`);
    const run = await cli(["validate", file, "--format", "json", "--quiet"]);
    expect(run.status).toBe(1);
    expectNoStack(run);
    const errors = lines(run.stderr);
    expect(errors.filter((line) => line.startsWith(`${file}:`))).toHaveLength(2_000);
    expect(errors.at(-1)).toBe(
      "city-difference: 2,000 more invalid records not shown (3,000 in all; the first 1,000 are above)",
    );
    const [report] = JSON.parse(run.stdout) as {
      invalid: number;
      invalidNotListed: number;
      problems: unknown[];
    }[];
    expect(report?.invalid).toBe(3_000);
    expect(report?.invalidNotListed).toBe(2_000);
    expect(report?.problems).toHaveLength(2_000);
  });

  it("50 MB of bad records run in 96 MB of heap: memory does not grow with the bad records", async () => {
    const bad = Array.from({ length: 20 }, (_, i) => `not-a-theme-${i}`);
    const line = `${JSON.stringify({ ...city("x"), country: "ZZ", outlook: { priorities: bad }, note: "x".repeat(200) })}\n`;
    const count = Math.ceil(50_000_000 / line.length);
    const file = dir.file("bad-50mb.ndjson", line.repeat(count));
    const run = await runNode(["--max-old-space-size=96", CLI, "validate", file, "--quiet"], {
      cwd: dir.path,
    });
    expect(run.status).toBe(1);
    expectNoStack(run);
    expect(run.stdout).toBe(
      `${file}: ${count.toLocaleString("en")} cities read, 0 valid, ${count.toLocaleString("en")} invalid\n`,
    );
    expect(run.stderr.length).toBeLessThan(2_000_000);
  }, 600_000);
});

describe("input and output the command line cannot use: one line, exit 2", () => {
  it("a full disk: --help > /dev/full", async () => {
    const run = await redirected(["--help"], "/dev/null", "/dev/full");
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "city-difference: cannot write the output: no space left on the device\n",
    );
  });

  it("a directory as stdin", async () => {
    const run = await redirected(["validate", "-"], "/", "/dev/null");
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "city-difference: cannot read <stdin>: it is a directory, not a file\n",
    );
  });

  it("an empty .ndjson file, like an empty .csv or .json file", async () => {
    for (const name of ["empty.ndjson", "empty.csv", "empty.json"]) {
      const run = await cli(["validate", dir.file(name, "")]);
      expect(run.status, name).toBe(2);
      expectNoStack(run);
    }
  });

  it("bytes that are not UTF-8 name the file and line, instead of becoming U+FFFD", async () => {
    const file = dir.file("latin1.csv", "");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from("id,name,country\ncafe,Cafe,GB\ncaf"),
        Buffer.from([0xe9]),
        Buffer.from(",Caf\u00e9,GB\n"),
      ]),
    );
    const run = await cli(["validate", file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `city-difference: ${file}:3: not valid UTF-8 (byte 0xE9); save the file as UTF-8\n`,
    );
  });
});

describe("line numbers with CRLF line ends", () => {
  it("a line break inside a quoted cell does not shift the lines of later records", async () => {
    const file = dir.file(
      "crlf.csv",
      'id,name,country,population\r\na,"Multi\r\nline",GB,1\r\nb,B,UK,1\r\nc,"x\r\ny\r\nz",GB,-1\r\n',
    );
    const run = await cli(["validate", file]);
    expect(lines(run.stderr).map((line) => line.split(": ")[0])).toEqual([
      `${file}:2`,
      `${file}:4`,
      `${file}:5`,
      `${file}:5`,
    ]);
  });
});
