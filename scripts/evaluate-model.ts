/**
 * Evaluates the default scorer against the shipped networks and prints one
 * line per list and topic: AUC with its 95% interval, the log-population and
 * random baselines, the model's AUC minus the population baseline's, and
 * specificity. docs/validation.md records a run:
 *
 *   npx tsx scripts/evaluate-model.ts [replicates] [scorer options as JSON]
 *
 * Seeded (seed 1): the same command gives the same figures.
 */
import * as E from "fp-ts/Either";
import { evaluateRelevance } from "../src/evaluate/index";
import { observedEngagement } from "../src/networks/index";

const replicates = Number(process.argv[2] ?? 1000);
const scorer = process.argv[3] === undefined ? undefined : JSON.parse(process.argv[3]);
const input = observedEngagement();
const result = evaluateRelevance(scorer === undefined ? input : { ...input, scorer }, {
  replicates,
  seed: 1,
});
if (E.isLeft(result)) {
  console.error(JSON.stringify(result.left, null, 1));
  process.exit(1);
}
const f = (e: { estimate: number; low: number; high: number } | null) =>
  e === null ? "—" : `${e.estimate.toFixed(3)} [${e.low.toFixed(2)}, ${e.high.toFixed(2)}]`;
for (const row of result.right.rows) {
  if (row.status !== "measured") {
    console.log(`${row.listId} ${row.topicId}: not measured (${row.reason})`);
    continue;
  }
  console.log(
    `${row.listId.padEnd(36)} ${row.topicId.padEnd(26)} n=${String(row.members).padStart(4)} ` +
      `AUC ${f(row.auc)} pop ${f(row.baselines.population.auc)} ` +
      `rnd ${row.baselines.random.auc.estimate.toFixed(3)} d ${f(row.aucOverPopulation)} ` +
      `spec ${f(row.specificity)}`,
  );
}
