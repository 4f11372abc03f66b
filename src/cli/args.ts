/**
 * Argument parsing for every command, by `util.parseArgs`, with the options
 * all commands share and plain messages for what it rejects.
 *
 * @module
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./errors";
import { INPUT_FORMATS, type InputFormat } from "./input";
import { OUTPUT_FORMATS, type OutputFormat } from "./output";

/** Options every command takes (and the top level reads before dispatch). */
export const COMMON_OPTIONS = {
  help: { type: "boolean", short: "h" },
  quiet: { type: "boolean", short: "q" },
  debug: { type: "boolean" },
  "raw-csv": { type: "boolean" },
} as const satisfies ParseArgsConfig["options"];

/** Help lines for {@link COMMON_OPTIONS}. */
export const COMMON_HELP = `  -q, --quiet            no progress lines on stderr
  -h, --help             show this help
      --raw-csv          write CSV cells as they are, without the formula guard
                         (by default a text cell starting with = + - @, a tab or
                         a carriage return gets a leading ')
      --debug            show the stack of an internal error`;

/** Help lines for the shared input and output options. */
export const FORMAT_HELP = {
  output: "      --format FORMAT    table (default), json or csv",
  input: "      --input-format F   json, ndjson or csv: read input files as F whatever their names",
} as const;

/**
 * Help lines for `--places` (score, cohorts, reflect, validate): the cities
 * file names places, looked up in the gazetteer.
 */
export const PLACES_HELP = `      --places           the cities file names places: each record's name and
                         country (id optional) are looked up among the GeoNames
                         places of 100,000 people or more, and the city gets
                         every field the gazetteer knows; fields the record
                         gives win. A name that matches no place, or several,
                         is reported at its line with suggestions or candidates`;

type Options = NonNullable<ParseArgsConfig["options"]>;

function argumentMessage(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const option = /'([^']+)'/.exec(message)?.[1] ?? "";
    return `unknown option ${option}`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const option = /'(--?[\w-]+)/.exec(message)?.[1] ?? "an option";
    if (/argument missing/.test(message)) return `${option} needs a value`;
    if (/does not take an argument/.test(message)) return `${option} takes no value`;
    if (/ambiguous/.test(message))
      return `${option} needs a value (write ${option}=VALUE for a value starting with -)`;
  }
  return message.split("\n")[0] ?? message;
}

/**
 * Parses a command's arguments: its own options plus {@link COMMON_OPTIONS};
 * an unknown option or a missing value is a {@link UsageError} pointing to
 * the command's help.
 */
export function parseCommandArgs<const T extends Options>(
  command: string,
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({
      args: [...args],
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${command}: ${argumentMessage(error)}`, [
      `see: city-difference ${command} --help`,
    ]);
  }
}

/** `value` when it is one of `choices`, else a {@link UsageError} listing them. */
export function choice<const C extends readonly string[]>(
  command: string,
  option: string,
  value: string | undefined,
  choices: C,
): C[number] | undefined {
  if (value === undefined) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as C[number];
  throw new UsageError(
    `${command}: --${option} must be one of ${choices.join(", ")}; got "${value}"`,
  );
}

/** The `--format` option (default `table`). */
export function outputFormat(command: string, value: string | undefined): OutputFormat {
  return choice(command, "format", value, OUTPUT_FORMATS) ?? "table";
}

/** The `--input-format` option, when given. */
export function inputFormat(command: string, value: string | undefined): InputFormat | undefined {
  return choice(command, "input-format", value, INPUT_FORMATS);
}

/** A whole number of at least 1, for options such as `--top`. */
export function positiveInteger(
  command: string,
  option: string,
  value: string | undefined,
): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim()) && Number(value) >= 1 && Number.isSafeInteger(Number(value))) {
    return Number(value);
  }
  throw new UsageError(
    `${command}: --${option} must be a whole number of at least 1; got "${value}"`,
  );
}
