import { describe, expect, it } from "vitest";
import {
  AUTONOMIES,
  INCOME_TIERS,
  INTERNATIONAL_ROLES,
  NATIONAL_TIERS,
  REGIMES,
  TAXONOMIES,
  THEMES,
} from "../../src/index";

describe("the taxonomies", () => {
  it.each([
    ["internationalRole", INTERNATIONAL_ROLES],
    ["nationalTier", NATIONAL_TIERS],
    ["incomeTier", INCOME_TIERS],
    ["autonomy", AUTONOMIES],
    ["regime", REGIMES],
    ["theme", THEMES],
  ] as const)("list %s's values in the order of its labelled levels", (name, values) => {
    expect(TAXONOMIES[name].levels.map((level) => level.id)).toEqual([...values]);
  });
});
