/**
 * The shape of a subcommand. Commands are registered in `commands.ts`.
 *
 * @module
 */
import type { Context } from "./context";
import type { ExitCode } from "./errors";

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
