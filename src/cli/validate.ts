/**
 * `city-difference validate FILE…`: checks every record of files of cities
 * or topics and reports each invalid one.
 *
 * @module
 */
import { formatPath } from "../model/errors";
import {
  COMMON_HELP,
  choice,
  FORMAT_HELP,
  inputFormat,
  outputFormat,
  PLACES_HELP,
  parseCommandArgs,
} from "./args";
import type { RecordKind } from "./columns";
import type { Command } from "./command";
import { EXIT, UsageError } from "./errors";
import { count, csvRow, JsonArrayWriter } from "./output";
import { type Loaded, loadRecords } from "./records";

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
${FORMAT_HELP.input}
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

function summary(loaded: Loaded<unknown>): string {
  const invalid = loaded.invalid;
  return `${loaded.name}: ${count(loaded.total)} ${loaded.kind} read, ${count(loaded.total - invalid)} valid, ${count(invalid)} invalid\n`;
}

/** `validate`: see {@link HELP}. */
export const validateCommand: Command = {
  name: "validate",
  synopsis: "FILE... [--kind cities|topics] [--places]",
  summary: "check files of cities or topics; report each invalid record",
  help: HELP,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs("validate", args, {
      kind: { type: "string" },
      format: { type: "string" },
      "input-format": { type: "string" },
      places: { type: "boolean" },
    });
    const given = choice("validate", "kind", values.kind, KINDS);
    if (values.places === true && given === "topics") {
      throw new UsageError("validate: --places reads cities; it cannot go with --kind topics", [
        "see: city-difference validate --help",
      ]);
    }
    const kind = values.places === true ? "places" : (given ?? "auto");
    const format = outputFormat("validate", values.format);
    const override = inputFormat("validate", values["input-format"]);
    if (positionals.length === 0) {
      throw new UsageError("validate: name a file to check, such as validate cities.csv", [
        "see: city-difference validate --help",
      ]);
    }
    const reports: Loaded<unknown>[] = [];
    for (const file of positionals) {
      reports.push(await loadRecords(file, kind, { format: override, keep: false }, context));
    }
    const out = context.stdout;
    if (format === "table") {
      for (const loaded of reports) await out.write(summary(loaded));
    } else if (format === "csv") {
      await out.write(csvRow(["file", "line", "column", "path", "message"], context.csv));
      for (const loaded of reports) {
        for (const problem of loaded.problems) {
          for (const issue of problem.issues) {
            await out.write(
              csvRow(
                [loaded.name, problem.line, problem.column, formatPath(issue.path), issue.message],
                context.csv,
              ),
            );
          }
        }
      }
    } else {
      const json = new JsonArrayWriter(out);
      for (const loaded of reports) {
        await json.item({
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
        });
      }
      await json.close();
    }
    return reports.some((loaded) => loaded.invalid > 0) ? EXIT.invalidRecords : EXIT.ok;
  },
};
