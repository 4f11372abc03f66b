import { describe, expect, it } from "vitest";
import { CATALOG } from "../../src/catalog/topics";
import { THEMES } from "../../src/model/taxonomy";

describe("the catalog's themes", () => {
  it("has a topic led by each theme of the vocabulary (its first theme)", () => {
    const led = new Set(CATALOG.map((topic) => topic.themes[0]));
    for (const theme of THEMES) expect(led.has(theme), theme).toBe(true);
  });

  it("keeps the topics sorted by id, each id once", () => {
    const ids = CATALOG.map((topic) => topic.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });
});
