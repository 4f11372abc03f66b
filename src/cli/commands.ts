/**
 * The command table: every subcommand of `city-difference`, in the order the
 * help lists them. To add one, write `src/cli/<name>.ts` exporting a
 * {@link Command} and list it here; `main.ts` needs no change.
 *
 * @module
 */
import { cohortsCommand } from "./cohorts";
import type { Command } from "./command";
import { evaluateCommand } from "./evaluate";
import { rankCommand } from "./rank";
import { reflectCommand } from "./reflect";
import { scoreCommand } from "./score";
import { validateCommand } from "./validate";

/** Every subcommand. */
export const COMMANDS: readonly Command[] = [
  rankCommand,
  scoreCommand,
  validateCommand,
  cohortsCommand,
  reflectCommand,
  evaluateCommand,
];

/** The command named `name`, if any. */
export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
