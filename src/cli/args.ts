/**
 * Argument parsing for every command, by `util.parseArgs`: the options all
 * commands share, and plain messages for what it rejects. The options of
 * each command are declared in `options.ts`.
 *
 * @module
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./errors";
import type { OptionTable, RawValue } from "./options";

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
 * `args` with `--option -N` joined into `--option=-N` for the numeric
 * `options`: `util.parseArgs` takes a value starting with `-` for an option,
 * so without this `--seed -1` would read as a missing value rather than as
 * the out-of-range number it is.
 */
export function joinNegativeNumbers(args: readonly string[], options: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    if (arg === "--") {
      out.push(...args.slice(i));
      break;
    }
    if (options.includes(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i += 1;
    } else out.push(arg);
  }
  return out;
}

/** A command's arguments as given: the raw value of each option by name, and the positional arguments. */
export interface ParsedArgs {
  readonly values: Readonly<Record<string, RawValue>>;
  readonly positionals: readonly string[];
}

/**
 * Parses a command's arguments: its own options plus {@link COMMON_OPTIONS};
 * an unknown option or a missing value is a {@link UsageError} pointing to
 * the command's help.
 */
export function parseCommandArgs(
  command: string,
  args: readonly string[],
  options: OptionTable,
): ParsedArgs {
  const negative = Object.keys(options).filter((name) => options[name]?.negative === true);
  const config = Object.fromEntries(
    Object.entries(options).map(([name, option]) => [name, { type: option.type }]),
  );
  try {
    return parseArgs({
      args: joinNegativeNumbers(
        args,
        negative.map((name) => `--${name}`),
      ),
      options: { ...COMMON_OPTIONS, ...config },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${command}: ${argumentMessage(error)}`, [
      `see: city-difference ${command} --help`,
    ]);
  }
}
