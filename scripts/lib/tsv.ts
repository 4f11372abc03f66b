/** Reads the tab-separated reference files of data/places: `# ` header lines, a column line, rows. */
import { readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url);

/** The rows of a data/places TSV file as objects keyed by column name. */
export function readTsv(path: string): Record<string, string>[] {
  const lines = readFileSync(new URL(path, root), "utf8")
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"));
  const header = (lines[0] ?? "").split("\t");
  return lines.slice(1).map((line) => {
    const cells = line.split("\t");
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""]));
  });
}
