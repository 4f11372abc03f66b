/**
 * The calibration tables of docs/validation.md, from a run: `calibrateScorer`
 * on the shipped networks (`observedEngagement()`), starting from the
 * essay-reasoned priors (`PRIOR_WEIGHTS`, `PRIOR_CAPACITY`, `PRIOR_CLOUT`)
 * and shrinking toward them, with the default parameters' paths
 * (`calibrationParameters()`), penalties and seed. Starting from the priors,
 * not from the calibrated defaults, the run shows what calibration does to
 * the essay's numbers, and gives the same tables whatever the defaults are.
 * Prints Markdown on stdout; progress on stderr. (The evaluation table comes
 * from scripts/evaluate-model.ts.)
 *
 * Run: `npx tsx scripts/validation-report.ts > /tmp/calibration-tables.md`,
 * then replace the tables in docs/validation.md with the output (the figures
 * there are never edited by hand).
 */
import * as E from "fp-ts/Either";
import {
  type CalibrationParameter,
  calibrateScorer,
  calibrationParameters,
  evaluateRelevance,
  MODEL_VERSION,
  PRIOR_CAPACITY,
  PRIOR_CLOUT,
  PRIOR_WEIGHTS,
} from "../src/index";
import { networkById, observedEngagement } from "../src/networks/index";

const prior = {
  weights: { ...PRIOR_WEIGHTS },
  capacity: { ...PRIOR_CAPACITY },
  clout: { ...PRIOR_CLOUT },
};
const priorAt = (path: readonly string[]) =>
  (prior[path[0] as keyof typeof prior] as Record<string, number>)[path[1] as string] as number;
const parameters: CalibrationParameter[] = calibrationParameters().map((p) => ({
  ...p,
  default: priorAt(p.path),
}));

const input = observedEngagement();
const out: string[] = [];
const started = Date.now();
const calibration = calibrateScorer(
  { ...input, scorer: prior },
  {
    parameters,
    onProgress: (p: { done: number; total: number }) =>
      process.stderr.write(`calibration fit ${p.done} of ${p.total}\n`),
  },
);
if (E.isLeft(calibration)) throw new Error(JSON.stringify(calibration.left.issues));
const { report } = calibration.right;
process.stderr.write(`calibration took ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
out.push(
  `Calibration of model ${MODEL_VERSION} from its essay-reasoned priors (the default parameters' paths, shrunk toward the priors; default penalties, seed 1; ${input.cities.length} gazetteer places, ${report.lists.length} lists fitted, ${report.evaluations} scorer options evaluated): λ = ${report.penalty}; mean held-out AUC ${report.heldOut.before.toFixed(3)} → ${report.heldOut.after.toFixed(3)} (in-sample after: ${report.inSample.toFixed(3)}).`,
  "",
  "| penalty λ | mean held-out AUC |",
  "|---:|---:|",
  ...report.penalties.map((p) => `| ${p.penalty} | ${p.heldOutAuc.toFixed(3)} |`),
  "",
  "| parameter | prior | fitted | fitted ÷ prior | share within its group |",
  "|---|---:|---:|---:|---:|",
);
// Weights and capacity's parts are normalised within their group; only shares there matter.
const groupTotal = (group: string) =>
  report.parameters.filter((p) => p.path[0] === group).reduce((sum, p) => sum + p.fitted, 0);
for (const p of report.parameters) {
  const group = p.path[0] as string;
  const share =
    report.parameters.filter((q) => q.path[0] === group).length > 1
      ? (p.fitted / groupTotal(group)).toFixed(3)
      : "—";
  out.push(
    `| ${p.path.join(".")} | ${p.default} | ${p.fitted.toPrecision(3)} | ${(p.fitted / p.default).toFixed(2)} | ${share} |`,
  );
}
// The population baseline of each list (the same for each of its topics), for comparison.
const evaluation = evaluateRelevance(input, { replicates: 1 });
if (E.isLeft(evaluation)) throw new Error(JSON.stringify(evaluation.left.issues));
const population = new Map<string, number>();
for (const row of evaluation.right.rows) {
  if (row.status === "measured") population.set(row.listId, row.baselines.population.auc.estimate);
}
out.push(
  "",
  "| network | held-out AUC, priors | fitted without the network | population AUC |",
  "|---|---:|---:|---:|",
);
for (const list of report.lists) {
  out.push(
    `| ${networkById(list.listId)?.name ?? list.listId} | ${list.before.toFixed(3)} | ${list.after.toFixed(3)} | ${population.get(list.listId)?.toFixed(3) ?? "—"} |`,
  );
}
const meanOf = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const populationMean = meanOf(report.lists.map((l) => population.get(l.listId) ?? Number.NaN));
const beaten = report.lists.filter((l) => l.after > (population.get(l.listId) ?? 1)).length;
out.push(
  "",
  `Mean over the ${report.lists.length} lists: held-out AUC ${report.heldOut.before.toFixed(3)} before, ${report.heldOut.after.toFixed(3)} after; population ${populationMean.toFixed(3)}. Held out, the calibrated options rank members above non-members better than population does on ${beaten} of ${report.lists.length} lists.`,
);
console.log(out.join("\n"));
