/**
 * Rewrites the output blocks of docs/recipes.md with what the code prints
 * now: `node --import tsx tests/recipes/update-outputs.ts`. Run it after a
 * change to the model or the gazetteer moves a recipe's output, read the
 * diff, and update the prose if what it says no longer holds.
 *
 * A block that prints something needs an `Output:` line and an empty
 * ```text block after it; the script fills it and never adds one.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseRecipes, RECIPES_PATH, runRecipe } from "./doc-blocks";

const markdown = readFileSync(RECIPES_PATH, "utf8");
const lines = markdown.split("\n");
const replacements: { from: number; to: number; text: string }[] = [];
let failed = false;
for (const recipe of parseRecipes(markdown)) {
  const run = await runRecipe(recipe);
  if (run.status !== 0) {
    console.error(`${recipe.title}: exited with ${run.status}\n${run.stderr}`);
    failed = true;
    continue;
  }
  recipe.blocks.forEach((block, index) => {
    const output = run.outputs[index] ?? "";
    if (block.outputLines === undefined) {
      if (output !== "") {
        console.error(`line ${block.line}: prints output but has no Output block`);
        failed = true;
      }
      return;
    }
    replacements.push({ from: block.outputLines[0], to: block.outputLines[1], text: output });
  });
}
// From the end, so that earlier line numbers stay valid.
for (const { from, to, text } of replacements.sort((a, b) => b.from - a.from)) {
  lines.splice(from, to - from, ...(text === "" ? [] : text.split("\n")));
}
writeFileSync(RECIPES_PATH, lines.join("\n"));
console.log(`updated ${replacements.length} output blocks in ${RECIPES_PATH}`);
if (failed) process.exitCode = 1;
