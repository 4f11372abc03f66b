/**
 * The tables of docs/validation.md, from a run: `evaluateRelevance` and
 * `calibrateScorer` on the shipped networks (`observedEngagement()`), with
 * the default options. Prints Markdown on stdout; progress on stderr.
 *
 * Run: `npx tsx scripts/validation-report.ts > /tmp/validation-tables.md`,
 * then replace the tables in docs/validation.md with the output (the figures
 * there are never edited by hand).
 */
import * as E from "fp-ts/Either";
import { calibrateScorer, type Estimate, evaluateRelevance, MODEL_VERSION } from "../src/index";
import { networkById, observedEngagement } from "../src/networks/index";

const input = observedEngagement();
const f2 = (value: number) => value.toFixed(2);
const withInterval = (e: Estimate | null) =>
  e === null ? "—" : `${f2(e.estimate)} [${f2(e.low)}, ${f2(e.high)}]`;

const evaluation = evaluateRelevance(input, {
  onProgress: (p: { done: number; total: number }) =>
    process.stderr.write(`evaluated ${p.done} of ${p.total}\n`),
});
if (E.isLeft(evaluation)) throw new Error(JSON.stringify(evaluation.left.issues));
const rows = evaluation.right.rows;

const out: string[] = [];
out.push(
  `Run of ${new Date().toISOString().slice(0, 10)}: model ${MODEL_VERSION}, ${input.cities.length} gazetteer places, ${input.lists.length} networks, 500 replicates, seed 1.`,
  "",
  "| network | topic | members / places in scope | AUC [95%] | population AUC | AUC − population | random AUC | specificity | population specificity | average precision (random) |",
  "|---|---|---:|---|---|---|---|---|---|---|",
);
for (const row of rows) {
  const name = networkById(row.listId)?.name ?? row.listId;
  if (row.status === "not-measured") {
    out.push(
      `| ${name} | ${row.topicId} | ${row.members} / ${row.cities} | not measured: ${row.reason} | | | | | | |`,
    );
    continue;
  }
  out.push(
    `| ${name} | \`${row.topicId}\` | ${row.members} / ${row.cities} | ${withInterval(row.auc)} | ${withInterval(row.baselines.population.auc)} | ${withInterval(row.aucOverPopulation)} | ${f2(row.baselines.random.auc.estimate)} | ${withInterval(row.specificity)} | ${row.baselines.population.specificity === null ? "—" : f2(row.baselines.population.specificity.estimate)} | ${f2(row.averagePrecision.estimate)} (${f2(row.baselines.random.averagePrecision.estimate)}) |`,
  );
}

/** Mean over lists (each list's topics averaged first, as calibration averages) of a row figure. */
function meanOverLists(figure: (row: (typeof rows)[number]) => number | undefined): number {
  const byList = new Map<string, number[]>();
  for (const row of rows) {
    const value = figure(row);
    if (value !== undefined) byList.set(row.listId, [...(byList.get(row.listId) ?? []), value]);
  }
  const means = [...byList.values()].map(
    (values) => values.reduce((a, b) => a + b, 0) / values.length,
  );
  return means.reduce((a, b) => a + b, 0) / means.length;
}
out.push(
  "",
  `Mean over networks (each network's topics averaged first): model AUC ${meanOverLists((r) => (r.status === "measured" ? r.auc.estimate : undefined)).toFixed(3)}, population AUC ${meanOverLists((r) => (r.status === "measured" ? r.baselines.population.auc.estimate : undefined)).toFixed(3)}, random AUC ${meanOverLists((r) => (r.status === "measured" ? r.baselines.random.auc.estimate : undefined)).toFixed(3)}.`,
);

const started = Date.now();
const calibration = calibrateScorer(input, {
  onProgress: (p: { done: number; total: number }) =>
    process.stderr.write(`calibration fit ${p.done} of ${p.total}\n`),
});
if (E.isLeft(calibration)) throw new Error(JSON.stringify(calibration.left.issues));
const { report } = calibration.right;
out.push(
  "",
  `Calibration (default options, seed 1; ${((Date.now() - started) / 1000).toFixed(0)} s, ${report.evaluations} scorer options evaluated): λ = ${report.penalty}; mean held-out AUC ${report.heldOut.before.toFixed(3)} → ${report.heldOut.after.toFixed(3)} (in-sample after: ${report.inSample.toFixed(3)}).`,
  "",
  "| penalty λ | mean held-out AUC |",
  "|---:|---:|",
  ...report.penalties.map((p) => `| ${p.penalty} | ${p.heldOutAuc.toFixed(3)} |`),
  "",
  "| weight | default | fitted | share of the fitted weights |",
  "|---|---:|---:|---:|",
);
const total = report.parameters.reduce((sum, p) => sum + p.fitted, 0);
for (const p of report.parameters) {
  out.push(
    `| ${p.path.join(".")} | ${p.default} | ${p.fitted.toPrecision(3)} | ${(p.fitted / total).toFixed(3)} |`,
  );
}
out.push("", "| network | held-out AUC before | after |", "|---|---:|---:|");
for (const list of report.lists) {
  out.push(
    `| ${networkById(list.listId)?.name ?? list.listId} | ${list.before.toFixed(3)} | ${list.after.toFixed(3)} |`,
  );
}
console.log(out.join("\n"));
