/**
 * The `city-difference` command line: global options, dispatch to the
 * command table, and the one place where errors become messages and exit
 * statuses. The only part of the package that touches the file system.
 *
 * @module
 */
import { version } from "../../package.json";
import { MODEL_VERSION } from "../score/version";
import { COMMON_HELP } from "./args";
import { COMMANDS, findCommand } from "./commands";
import { type Context, Diagnostics, PROGRAM } from "./context";
import { EXIT, type ExitCode, systemErrorCode, UsageError } from "./errors";
import { TextSink, terminalWidth } from "./output";
import { visible } from "./text";

function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length + c.synopsis.length + 1));
  const commands = COMMANDS.map(
    (c) => `  ${`${c.name} ${c.synopsis}`.padEnd(width)}  ${c.summary}`,
  ).join("\n");
  return `${PROGRAM}: how relevant is an international engagement topic to a city?

Usage: ${PROGRAM} <command> [options]

Commands:
${commands}

Options:
  -V, --version          show the version of the package and of the scoring model
${COMMON_HELP}

Run "${PROGRAM} <command> --help" for a command's options.

Input files: .json (an array of records), .ndjson or .jsonl (one record per
line), .csv (a header of dotted field names such as resources.nationalTier,
lists separated by ";", an empty cell for unknown). Results go to stdout;
invalid records (FILE:LINE: field.path: message), progress and errors to stderr.

Exit status: 0 success, 1 some records invalid (each reported, the valid ones
processed), 2 usage error or unreadable input, 3 internal error (a bug).
`;
}

/** Options read before the command name. */
const GLOBAL_FLAGS = new Set(["--debug", "--quiet", "-q", "--raw-csv"]);

/** Whether `flag` appears among the options (before a `--`). */
function hasFlag(args: readonly string[], ...flags: string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some((arg) => flags.includes(arg));
}

async function dispatch(argv: readonly string[], context: Context): Promise<ExitCode> {
  let i = 0;
  for (; i < argv.length && (argv[i] as string).startsWith("-"); i++) {
    const arg = argv[i] as string;
    if (arg === "--help" || arg === "-h") {
      await context.stdout.write(globalHelp());
      return EXIT.ok;
    }
    if (arg === "--version" || arg === "-V") {
      await context.stdout.write(`${PROGRAM} ${version} (scoring model ${MODEL_VERSION})\n`);
      return EXIT.ok;
    }
    if (!GLOBAL_FLAGS.has(arg)) {
      throw new UsageError(`unknown option ${arg}`, [`see: ${PROGRAM} --help`]);
    }
  }
  const name = argv[i];
  if (name === undefined) {
    throw new UsageError("no command given", globalHelp().trimEnd().split("\n"));
  }
  const rest = argv.slice(i + 1);
  if (name === "help") {
    const topic = rest[0] === undefined ? undefined : findCommand(rest[0]);
    if (rest[0] !== undefined && topic === undefined) throw unknownCommand(rest[0]);
    await context.stdout.write(topic === undefined ? globalHelp() : `${topic.help}\n`);
    return EXIT.ok;
  }
  const command = findCommand(name);
  if (command === undefined) throw unknownCommand(name);
  if (hasFlag(rest, "--help", "-h")) {
    await context.stdout.write(`${command.help}\n`);
    return EXIT.ok;
  }
  return command.run(rest, context);
}

function unknownCommand(name: string): UsageError {
  return new UsageError(
    `unknown command "${name}"; the commands are ${COMMANDS.map((c) => c.name).join(", ")}`,
    [`see: ${PROGRAM} --help`],
  );
}

/** Turns anything thrown into a message on stderr and an exit status. */
function report(error: unknown, debug: boolean): ExitCode {
  if (error instanceof UsageError) {
    const lines = [`${PROGRAM}: ${error.message}`, ...error.details].map(visible);
    process.stderr.write(`${lines.join("\n")}\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  const where =
    debug && error instanceof Error && error.stack !== undefined
      ? error.stack
      : `(run again with --debug to see where, and please report it)`;
  process.stderr.write(`${PROGRAM}: internal error: ${visible(message)}\n${where}\n`);
  return EXIT.internal;
}

/** Runs the command line with `argv` (the arguments after the program) and returns its exit status. */
export async function main(argv: readonly string[]): Promise<ExitCode> {
  const debug = hasFlag(argv, "--debug");
  const stdout = new TextSink(process.stdout);
  const context: Context = {
    stdout,
    diagnostics: new Diagnostics(process.stderr, !hasFlag(argv, "--quiet", "-q")),
    width: terminalWidth(process.stdout),
    csv: hasFlag(argv, "--raw-csv") ? "raw" : "neutralise",
  };
  let status: ExitCode;
  try {
    status = await dispatch(argv, context);
  } catch (error) {
    status = report(error, debug);
  }
  context.diagnostics.finish();
  await stdout.flush();
  return status;
}

/** Write errors in plain words; others are shown by their own message. */
const WRITE_ERRORS: Readonly<Record<string, string>> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exceeded",
  EFBIG: "the file is too large",
  EIO: "an input/output error",
  EBADF: "the output is closed",
};

// A reader that stops early (`| head`) closes the pipe: stop quietly, as other tools do.
// Any other write error (a full disk) ends the run with one line and the status of unusable output.
process.stdout.on("error", (error) => {
  const code = systemErrorCode(error);
  if (code === "EPIPE") process.exit(process.exitCode ?? EXIT.ok);
  const reason = (code === undefined ? undefined : WRITE_ERRORS[code]) ?? error.message;
  process.stderr.write(`${PROGRAM}: cannot write the output: ${visible(reason)}\n`);
  process.exit(EXIT.usage);
});
// With stderr closed or full there is no one to tell; the exit status still says how it went.
process.stderr.on("error", () => {});

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`${PROGRAM}: internal error: ${String(error)}\n`);
    process.exitCode = EXIT.internal;
  },
);
