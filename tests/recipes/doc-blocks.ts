/**
 * Runs the code of docs/recipes.md as a user would, and compares what it
 * prints with the output the page shows.
 *
 * The page's conventions: every ```ts block belongs to the `## ` section it
 * sits in, and a section's blocks run in order as one module (a later block
 * uses what an earlier one defined, as in a notebook). A block's output is
 * the ```text block that follows it after a line reading `Output:`. Imports
 * name the package (`city-difference`, `city-difference/places`); they are
 * pointed at the sources here, so the page is checked against the code of
 * this checkout, not against a build. The modules are also type-checked, with
 * the project's compiler options.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Run, runNode } from "../support/node-process";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** docs/recipes.md. */
export const RECIPES_PATH = join(ROOT, "docs", "recipes.md");

/** One ```ts block of the page. */
export interface CodeBlock {
  /** 1-based line of its opening fence. */
  readonly line: number;
  readonly code: string;
  /** The output the page shows for it, without the fences; undefined when it shows none. */
  readonly output: string | undefined;
  /** Lines (0-based, exclusive end) of the output block's contents, for rewriting it. */
  readonly outputLines: readonly [number, number] | undefined;
}

/** A `## ` section with code. */
export interface Recipe {
  readonly title: string;
  readonly blocks: readonly CodeBlock[];
}

/** The sections of the page that hold ```ts blocks, in order. */
export function parseRecipes(markdown: string): Recipe[] {
  const lines = markdown.split("\n");
  const recipes: { title: string; blocks: CodeBlock[] }[] = [];
  let title = "";
  let i = 0;
  const fenceEnd = (from: number) => {
    let j = from;
    while (j < lines.length && lines[j]?.trim() !== "```") j++;
    return j;
  };
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.startsWith("## ")) {
      title = line.slice(3).trim();
      i++;
      continue;
    }
    if (line.trim() === "```ts") {
      const end = fenceEnd(i + 1);
      const code = lines.slice(i + 1, end).join("\n");
      // The output block: after blank lines, a line "Output:", blank lines, then ```text.
      let j = end + 1;
      while (j < lines.length && lines[j]?.trim() === "") j++;
      let output: string | undefined;
      let outputLines: [number, number] | undefined;
      if (lines[j]?.trim() === "Output:") {
        j++;
        while (j < lines.length && lines[j]?.trim() === "") j++;
        if (lines[j]?.trim() === "```text") {
          const outEnd = fenceEnd(j + 1);
          output = lines.slice(j + 1, outEnd).join("\n");
          outputLines = [j + 1, outEnd];
        }
      }
      let recipe = recipes[recipes.length - 1];
      if (recipe === undefined || recipe.title !== title) {
        recipe = { title, blocks: [] };
        recipes.push(recipe);
      }
      recipe.blocks.push({ line: i + 1, code, output, outputLines });
      i = end + 1;
      continue;
    }
    i++;
  }
  return recipes;
}

/** Printed between blocks, to split the module's output by block. */
const MARKER = "\u0001recipe-block";

/** The module a recipe runs as: its blocks in order, imports pointed at the sources. */
export function moduleSource(recipe: Recipe): string {
  const src = join(ROOT, "src");
  return recipe.blocks
    .map((block, index) => {
      const code = block.code
        .replaceAll(
          'from "city-difference/places"',
          `from ${JSON.stringify(join(src, "places", "index"))}`,
        )
        .replaceAll('from "city-difference"', `from ${JSON.stringify(join(src, "index"))}`);
      return `console.log(${JSON.stringify(`${MARKER} ${index}`)});\n${code}`;
    })
    .join("\n");
}

/** What a child process left. */
type Exit = Run;

function run(args: readonly string[]): Promise<Exit> {
  return runNode(args, { cwd: ROOT });
}

/** A fresh directory under `.tmp/` (inside the checkout, so that `fp-ts` resolves from its node_modules). */
function scratch(): string {
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  return mkdtempSync(join(ROOT, ".tmp", "recipes-"));
}

/**
 * Type-checks every recipe as its own module with the project's compiler
 * options (tsconfig.json), and returns tsc's report ("" when clean).
 */
export async function typecheckRecipes(recipes: readonly Recipe[]): Promise<string> {
  const dir = scratch();
  try {
    const files = recipes.map((recipe, index) => {
      const file = `recipe-${index + 1}.ts`;
      // `export {}` makes each file a module, so the recipes' names do not clash.
      writeFileSync(join(dir, file), `${moduleSource(recipe)}\nexport {};\n`);
      return file;
    });
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({ extends: join(ROOT, "tsconfig.json"), include: files }),
    );
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    const exit = await run([tsc, "-p", join(dir, "tsconfig.json")]);
    return exit.status === 0 ? "" : `${exit.stdout}${exit.stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What one run printed. */
export interface RecipeRun {
  /** Standard output of each block, trailing newline removed. */
  readonly outputs: readonly string[];
  readonly stderr: string;
  readonly status: number | null;
}

/** Runs a recipe with `node --import tsx` in a scratch directory, removed afterwards. */
export async function runRecipe(recipe: Recipe): Promise<RecipeRun> {
  const dir = scratch();
  const file = join(dir, "recipe.ts");
  writeFileSync(file, moduleSource(recipe));
  let exit: Exit;
  try {
    exit = await run(["--import", "tsx", file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const outputs = recipe.blocks.map(() => "");
  let current = -1;
  const lines: string[] = [];
  const flush = () => {
    if (current >= 0) outputs[current] = lines.join("\n").replace(/\n+$/, "");
    lines.length = 0;
  };
  for (const line of exit.stdout.split("\n")) {
    if (line.startsWith(MARKER)) {
      flush();
      current = Number(line.slice(MARKER.length + 1));
    } else {
      lines.push(line);
    }
  }
  flush();
  return { outputs, stderr: exit.stderr, status: exit.status };
}

/**
 * Output with every decimal number replaced by `#.#`: the page is checked
 * for what it says (which cities, which topics, in what order, which tiers),
 * not for the last digit of a score.
 */
export function maskDecimals(text: string): string {
  return text
    .replace(/-?\d+\.\d+/g, "#.#")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
}
