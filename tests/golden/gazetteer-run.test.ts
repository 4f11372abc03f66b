/**
 * Refactoring never moves a result: the library and the command line, run
 * over the 4,043 gazetteer places, print exactly what the recorded run
 * printed (scores to the last bit). See `run.ts` for what is run and how to
 * record a run again when results change on purpose.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { currentRun, RECORDED_RUN, type RecordedRun } from "./run";

const recorded = JSON.parse(readFileSync(RECORDED_RUN, "utf8")) as RecordedRun;

describe("the recorded run over the gazetteer", () => {
  it("gives the same scores, reasons, cohorts and command-line output, bit for bit", async () => {
    const run = await currentRun();
    expect(run.model).toBe(recorded.model);
    expect(run.places).toBe(recorded.places);
    // Compared output by output, so that a failure names what moved.
    expect(run.hashes).toEqual(recorded.hashes);
  });
});
