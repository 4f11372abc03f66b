/**
 * Records the gazetteer run (see `run.ts`): only when results are meant to
 * move. `npm run build && node --import tsx tests/golden/record.ts`
 */
import { writeFileSync } from "node:fs";
import { currentRun, RECORDED_RUN } from "./run";

const run = await currentRun();
writeFileSync(RECORDED_RUN, `${JSON.stringify(run, null, 2)}\n`);
console.log(
  `recorded ${Object.keys(run.hashes).length} outputs of model ${run.model} in ${RECORDED_RUN}`,
);
