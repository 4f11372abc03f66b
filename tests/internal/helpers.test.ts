/**
 * The shared helpers every layer leans on for determinism: the order of ids
 * and scores, bit sets of themes, draws without replacement and the seeded
 * generator, and the memory of ids already seen.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { THEMES } from "../../src/index";
import { bitCount, themeMask } from "../../src/internal/bits";
import { firstSeenTracker } from "../../src/internal/ids";
import { byScoreThenId, compareIds, topIndexes } from "../../src/internal/order";
import { seededRandom, seededUniforms } from "../../src/internal/random";
import { drawWithoutReplacement } from "../../src/internal/sample";
import { joinWithAnd } from "../../src/internal/text";

describe("bit sets", () => {
  test.prop([fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })])(
    "bitCount counts the set bits of any 32-bit integer",
    (x) => {
      const naive = [...(x >>> 0).toString(2)].filter((bit) => bit === "1").length;
      expect(bitCount(x)).toBe(naive);
    },
  );

  test.prop([fc.subarray([...THEMES])])(
    "themeMask sets one bit per theme, at its index",
    (themes) => {
      const mask = themeMask(themes);
      expect(bitCount(mask)).toBe(themes.length);
      expect(THEMES.filter((_, t) => ((mask >>> t) & 1) === 1)).toEqual(
        THEMES.filter((theme) => themes.includes(theme)),
      );
    },
  );

  it("themeMask skips words outside the vocabulary", () => {
    expect(themeMask(["not-a-theme", "trade"])).toBe(1 << THEMES.indexOf("trade"));
  });
});

describe("order", () => {
  test.prop([fc.array(fc.string({ unit: "binary" }))])(
    "compareIds sorts as the default sort does, by UTF-16 code units",
    (ids) => {
      expect([...ids].sort(compareIds)).toEqual([...ids].sort());
    },
  );

  test.prop([
    fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
    fc.nat(13),
  ])("topIndexes gives the k highest scores of a row, highest first, ties by id", (ids, k) => {
    // Few distinct scores, so that ties are common.
    const scores = ids.map((id) => (id.charCodeAt(0) % 3) / 2);
    const row = [0.9, ...scores];
    const top = topIndexes(row, ids, k, 1);
    expect(top).toHaveLength(Math.min(k, ids.length));
    const expected = ids
      .map((id, j) => ({ id, j, score: scores[j] as number }))
      .sort((a, b) => b.score - a.score || compareIds(a.id, b.id))
      .slice(0, k)
      .map((entry) => entry.j);
    expect(top).toEqual(expected);
  });

  it("byScoreThenId breaks equal scores by id", () => {
    const order = [0, 1, 2].sort(byScoreThenId([0.5, 0.7, 0.5], ["b", "c", "a"]));
    expect(order).toEqual([1, 2, 0]);
  });
});

describe("drawing without replacement", () => {
  test.prop([fc.integer({ min: 1, max: 60 }), fc.nat(), fc.nat(60)])(
    "draws distinct entries of the pool's first `available`, and leaves the pool a permutation",
    (available, seed, wanted) => {
      const count = Math.min(wanted, available);
      const pool = Int32Array.from({ length: available + 3 }, (_, i) => i * 10);
      drawWithoutReplacement(pool, available, count, seededRandom(seed));
      const drawn = [...pool.subarray(0, count)];
      expect(new Set(drawn).size).toBe(count);
      for (const value of drawn) expect(value).toBeLessThan(available * 10);
      expect([...pool.subarray(0, available)].sort((a, b) => a - b)).toEqual(
        Array.from({ length: available }, (_, i) => i * 10),
      );
      expect([...pool.subarray(available)]).toEqual([
        available * 10,
        available * 10 + 10,
        available * 10 + 20,
      ]);
    },
  );

  test.prop([fc.nat()])("the seeded generator repeats for a seed and stays in [0, 1)", (seed) => {
    const a = seededRandom(seed);
    const b = seededRandom(seed);
    for (let i = 0; i < 50; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  test.prop([fc.nat(), fc.array(fc.nat({ max: 40 }), { maxLength: 8 })])(
    "blocks of the seeded stream are the numbers the generator gives one by one",
    (seed, blockSizes) => {
      const one = seededRandom(seed);
      const blocks = seededUniforms(seed);
      for (const size of blockSizes) {
        const block = new Float64Array(size + 1).fill(-1);
        blocks(block, size);
        for (let i = 0; i < size; i++) expect(block[i]).toBe(one());
        // Nothing is written past the count.
        expect(block[size]).toBe(-1);
      }
    },
  );
});

describe("ids seen", () => {
  it("returns where an id was first seen, and undefined the first time", () => {
    const seen = firstSeenTracker<string, number>();
    expect(["a", "b", "a", "c", "b", "a"].map((id, index) => seen(id, index))).toEqual([
      undefined,
      undefined,
      0,
      undefined,
      1,
      0,
    ]);
  });
});

describe("running text", () => {
  it("joins with commas and a last 'and'", () => {
    expect([[], ["a"], ["a", "b"], ["a", "b", "c"]].map(joinWithAnd)).toEqual([
      "",
      "a",
      "a and b",
      "a, b and c",
    ]);
  });
});
