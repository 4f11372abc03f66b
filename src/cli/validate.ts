/**
 * `city-difference validate FILE…`: checks every record of files of cities
 * or topics and reports each invalid one.
 *
 * @module
 */
import { formatPath } from "../model/errors";
import { COMMON_HELP } from "./args";
import type { RecordKind } from "./columns";
import { defineCommand, seeHelp } from "./command";
import type { Context } from "./context";
import { UsageError } from "./errors";
import { FORMAT_OPTIONS, flag, INPUT_FORMAT_HELP, oneOf, PLACES_HELP } from "./options";
import { count, csvRow, writeJsonArray } from "./output";
import { loadRecords, type Tally } from "./records";

const KINDS = ["cities", "topics"] as const satisfies readonly RecordKind[];

const HELP = `Usage: city-difference validate FILE... [options]

Checks every record of each FILE as a city or a topic (parseCity, parseTopic)
and reports each invalid one on stderr as FILE:LINE: field.path: message.
A summary per file goes to stdout.

Options:
      --kind KIND        cities or topics (default: topics when the first record
                         or the CSV header has "themes" or "demands", else cities)
      --format FORMAT    table: one summary line per file (default);
                         json: per file, the counts and each problem;
                         csv: one row per problem (file, line, column, path,
                         message). Both list the problems of the first 1,000
                         invalid records of a file; JSON counts the rest in
                         invalidNotListed
${INPUT_FORMAT_HELP}
${PLACES_HELP}
                         (implies --kind cities)
${COMMON_HELP}

Files: .json (an array of records), .ndjson or .jsonl (one record per line),
.csv (a header of dotted field names such as resources.nationalTier); - reads stdin.

Exit status: 0 every record valid, 1 some records invalid, 2 usage error or
unreadable input (missing file, broken JSON, a CSV header naming no field).

Examples:
  city-difference validate cities.csv
  city-difference validate topics.json --kind topics --format json
  city-difference validate --places members.csv   # does every row name one place?`;

/** `FILE: N cities read, N valid, N invalid` */
function summary(loaded: Tally): string {
  const invalid = loaded.invalid;
  return `${loaded.name}: ${count(loaded.total)} ${loaded.kind} read, ${count(loaded.total - invalid)} valid, ${count(invalid)} invalid\n`;
}

/** One summary line per file. */
async function writeTable(reports: readonly Tally[], context: Context): Promise<void> {
  for (const loaded of reports) await context.stdout.write(summary(loaded));
}

/** One row per problem: file, line, column, path, message. */
async function writeCsv(reports: readonly Tally[], context: Context): Promise<void> {
  const out = context.stdout;
  await out.write(csvRow(["file", "line", "column", "path", "message"], context.csv));
  for (const loaded of reports) {
    for (const problem of loaded.problems) {
      for (const issue of problem.issues) {
        const where = [loaded.name, problem.line, problem.column];
        await out.write(csvRow([...where, formatPath(issue.path), issue.message], context.csv));
      }
    }
  }
}

/** Per file: the counts and each problem listed (`invalidNotListed` counts the rest). */
function fileReport(loaded: Tally) {
  return {
    file: loaded.name,
    kind: loaded.kind,
    records: loaded.total,
    valid: loaded.total - loaded.invalid,
    invalid: loaded.invalid,
    ...(loaded.invalid > loaded.problems.length && {
      invalidNotListed: loaded.invalid - loaded.problems.length,
    }),
    problems: loaded.problems.flatMap((problem) =>
      problem.issues.map((issue) => ({
        line: problem.line,
        ...(problem.column !== undefined && { column: problem.column }),
        path: formatPath(issue.path),
        message: issue.message,
      })),
    ),
  };
}

async function writeJson(reports: readonly Tally[], context: Context): Promise<void> {
  await writeJsonArray(context.stdout, reports.map(fileReport));
}

/** `validate`: see {@link HELP}. */
export const validateCommand = defineCommand({
  name: "validate",
  synopsis: "FILE... [--kind cities|topics] [--places]",
  summary: "check files of cities or topics; report each invalid record",
  help: HELP,
  options: { kind: oneOf(KINDS), ...FORMAT_OPTIONS, places: flag },
  check({ kind, places }) {
    if (places && kind === "topics") {
      throw new UsageError("validate: --places reads cities; it cannot go with --kind topics", [
        seeHelp("validate"),
      ]);
    }
  },
  positionals: "operands",
  async run(options, context, files) {
    if (files.length === 0) {
      throw new UsageError("validate: name a file to check, such as validate cities.csv", [
        seeHelp("validate"),
      ]);
    }
    const kind = options.places ? "places" : (options.kind ?? "auto");
    const reports: Tally[] = [];
    for (const file of files) {
      reports.push(await loadRecords(file, kind, { ...options, keep: false }, context));
    }
    return reports;
  },
  write: { table: writeTable, csv: writeCsv, json: writeJson },
});
