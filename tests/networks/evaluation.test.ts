/** The shipped evaluation input as evaluateRelevance takes it. */
import { either as E } from "fp-ts";
import { describe, expect, it } from "vitest";
import { type EvaluationInput, evaluateRelevance } from "../../src/index";
import { observedEngagement } from "../../src/networks/index";

describe("observedEngagement with evaluateRelevance", () => {
  it("is valid evaluation input and gives a row for every list and each topic it evidences", () => {
    const input: EvaluationInput = observedEngagement();
    const result = evaluateRelevance(input, { replicates: 20, seed: 1 });
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left.issues.slice(0, 3)));
    const pairs = result.right.rows.map((row) => `${row.listId}/${row.topicId}`).sort();
    const expected = input.lists.flatMap((l) => l.topicIds.map((t) => `${l.id}/${t}`)).sort();
    expect(pairs).toEqual(expected);
  });
});
