/** The output writers: CSV quoting, word wrapping and table layout. */
import { describe, expect, it } from "vitest";
import { band, csvCell, csvRow, TableLayout, wrap } from "../../src/cli/output";

describe("CSV cells", () => {
  it("are quoted only when they hold a comma, a quote, a line break or edge spaces", () => {
    expect(csvRow(["plain", 0.5, true, undefined])).toBe("plain,0.5,true,\n");
    expect(csvCell("Chicago, IL")).toBe('"Chicago, IL"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" padded")).toBe('" padded"');
  });

  it("keep numbers at full precision", () => {
    expect(csvCell(0.1 + 0.2)).toBe("0.30000000000000004");
  });
});

describe("wrap", () => {
  it("breaks between words within the width, and cuts a word longer than it", () => {
    expect(wrap("the quick brown fox", 10)).toEqual(["the quick", "brown fox"]);
    expect(wrap("abcdefghijkl xy", 5)).toEqual(["abcde", "fghij", "kl xy"]);
    expect(wrap("", 5)).toEqual([""]);
  });
});

describe("TableLayout", () => {
  it("aligns columns, right-aligns numbers and wraps the last column under itself", () => {
    const rows = [
      ["1", "trade-stance", "a reason long enough to wrap over two lines"],
      ["10", "climate", "short"],
    ];
    const layout = new TableLayout(
      [{ header: "rank", align: "right" }, { header: "topic" }, { header: "reason" }],
      rows,
      44,
    );
    expect(layout.header()).toBe("rank  topic         reason\n");
    expect(layout.row(rows[0] as string[])).toBe(
      "   1  trade-stance  a reason long enough to\n                    wrap over two lines\n",
    );
    expect(layout.row(rows[1] as string[])).toBe("  10  climate       short\n");
  });

  it("cuts a cell wider than its column's maximum with an ellipsis", () => {
    const rows = [["abcdefgh", "y"]];
    const layout = new TableLayout([{ header: "id", maxWidth: 5 }, { header: "x" }], rows, 80);
    expect(layout.row(rows[0] as string[])).toBe("abcd…  y\n");
  });
});

describe("band", () => {
  it("reads scores by RELEVANCE_BANDS: low below 0.5, moderate from 0.5, high from 0.75", () => {
    expect([0.49, 0.5, 0.74, 0.75].map(band)).toEqual(["low", "moderate", "moderate", "high"]);
  });
});
