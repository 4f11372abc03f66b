/**
 * The shape of a subcommand, and the one skeleton every command runs on:
 * parse the arguments, check the options, run, write the result in the
 * format asked for, and say by the exit status whether any record was
 * invalid. Commands are registered in `commands.ts`.
 *
 * @module
 */
import { parseCommandArgs } from "./args";
import type { Context } from "./context";
import { EXIT, type ExitCode, UsageError } from "./errors";
import type { Option, OptionTable, OptionValues, RawValue } from "./options";
import type { OutputFormat } from "./output";

/** A subcommand of `city-difference`. */
export interface Command {
  /** The word that selects it: `city-difference <name> …`. */
  readonly name: string;
  /** Its arguments, for the list of commands: `<place> [options]`. */
  readonly synopsis: string;
  /** One line on what it does, for the list of commands. */
  readonly summary: string;
  /** The full text of `city-difference <name> --help`. */
  readonly help: string;
  /**
   * Runs it with the arguments after its name. Writes its result to
   * `context.stdout` and diagnostics to `context.diagnostics`; throws a
   * `UsageError` for bad usage or unreadable input.
   */
  run(args: readonly string[], context: Context): Promise<ExitCode>;
}

/** How a command writes its result, in each output format. */
export type Writers<R> = {
  readonly [F in OutputFormat]: (result: R, context: Context) => Promise<void>;
};

/** What a command states of its own; {@link defineCommand} does the rest. */
export interface CommandSpec<O extends OptionTable, R> {
  readonly name: string;
  readonly synopsis: string;
  readonly summary: string;
  readonly help: string;
  /**
   * Its options (see `options.ts`), `--format` among them. They are checked
   * in the order listed, so the first bad one is the one reported.
   */
  readonly options: O;
  /**
   * Checks across options (one that applies only with another), after each
   * option is checked and before the positional arguments.
   */
  readonly check?: (options: OptionValues<O>, given: Readonly<Record<string, RawValue>>) => void;
  /**
   * What the positional arguments are: `"operands"` when `run` reads them
   * (files, a place); otherwise none is allowed, and `hint` says what to
   * write instead (`name the cities file with --cities FILE`).
   */
  readonly positionals: "operands" | { readonly hint?: string };
  /** Reads the input and makes the result; a `UsageError` for input it cannot use. */
  readonly run: (
    options: OptionValues<O>,
    context: Context,
    operands: readonly string[],
  ) => Promise<R>;
  /** Writes the result: a table, JSON or CSV. */
  readonly write: Writers<R>;
}

/** `see: city-difference <command> --help`, the last line of a usage error. */
export function seeHelp(command: string): string {
  return `see: city-difference ${command} --help`;
}

/** Each option's checked value, in the order the table lists them. */
function readOptions<O extends OptionTable>(
  command: string,
  options: O,
  values: Readonly<Record<string, RawValue>>,
): OptionValues<O> {
  const read: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(options)) {
    read[name] = option.read(values[name], name, command);
  }
  return read as OptionValues<O>;
}

/** The positional arguments, when the command takes none: a usage error with its hint. */
function noPositionals(command: string, positionals: readonly string[], hint?: string): void {
  if (positionals.length > 0) {
    const then = hint === undefined ? "" : `; ${hint}`;
    throw new UsageError(`${command}: unexpected argument "${positionals[0]}"${then}`, [
      seeHelp(command),
    ]);
  }
}

/** The first required option not given: `name the cities file with --cities FILE`. */
function requireOptions(
  command: string,
  options: OptionTable,
  values: Readonly<Record<string, unknown>>,
): void {
  for (const [name, option] of Object.entries(options)) {
    if (option.required === true && values[name] === undefined) {
      throw new UsageError(`${command}: name the ${name} file with --${name} FILE`, [
        seeHelp(command),
      ]);
    }
  }
}

/** A {@link Command} from what is its own: its options, its run and its writers. */
export function defineCommand<O extends OptionTable & { readonly format: Option<OutputFormat> }, R>(
  spec: CommandSpec<O, R>,
): Command {
  const { name, synopsis, summary, help } = spec;
  return {
    name,
    synopsis,
    summary,
    help,
    async run(args, context) {
      const { values, positionals } = parseCommandArgs(name, args, spec.options);
      const options = readOptions(name, spec.options, values);
      spec.check?.(options, values);
      if (spec.positionals !== "operands") noPositionals(name, positionals, spec.positionals.hint);
      requireOptions(name, spec.options, values);
      const result = await spec.run(options, context, positionals);
      await spec.write[options.format as OutputFormat](result, context);
      return context.diagnostics.invalid > 0 ? EXIT.invalidRecords : EXIT.ok;
    },
  };
}
