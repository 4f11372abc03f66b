/**
 * CSV columns as model fields: a header of dotted field names
 * (`resources.nationalTier`), and the typing of cells (numbers, booleans,
 * `;`-separated lists; an empty cell is an unknown, absent field).
 *
 * @module
 */
import { type CellType, CITY_FIELDS, TOPIC_FIELDS } from "../model/fields";
import { UsageError } from "./errors";

/**
 * What is read from a file: cities, topics, places (cities named by `name`
 * and `country`, their profiles looked up in the gazetteer), or membership
 * lists (for `evaluate`).
 */
export type RecordKind = "cities" | "topics" | "places" | "lists";

type FieldTable = Readonly<Record<string, { readonly cell: CellType; readonly required: boolean }>>;

const columnsOf = (fields: FieldTable): ReadonlyMap<string, CellType> =>
  new Map(Object.entries(fields).map(([path, field]) => [path, field.cell]));

const requiredOf = (fields: FieldTable): readonly string[] =>
  Object.keys(fields).filter((path) => fields[path]?.required === true);

/** Every field of a membership list, as a CSV column: ids in `;`-separated cells. */
const LIST_COLUMNS: ReadonlyMap<string, CellType> = new Map<string, CellType>([
  ["id", "text"],
  ["topicIds", "list"],
  ["memberIds", "list"],
  ["scopeCountries", "list"],
]);

/** The columns of each kind of record: every field of the registry, in its order. */
export const COLUMNS: Readonly<Record<RecordKind, ReadonlyMap<string, CellType>>> = {
  cities: columnsOf(CITY_FIELDS),
  topics: columnsOf(TOPIC_FIELDS),
  places: columnsOf(CITY_FIELDS),
  lists: LIST_COLUMNS,
};

/** Columns every record needs: a header without one of them makes every record invalid. */
const REQUIRED: Readonly<Record<RecordKind, readonly string[]>> = {
  cities: requiredOf(CITY_FIELDS),
  // The gazetteer gives the id (geonames:N) when the file does not.
  places: ["name", "country"],
  topics: requiredOf(TOPIC_FIELDS),
  lists: ["id", "topicIds", "memberIds"],
};

const SINGULAR: Readonly<Record<RecordKind, string>> = {
  cities: "city",
  topics: "topic",
  places: "place record",
  lists: "membership list",
};

/** The kind a header (or a record's keys) speaks of: topics have themes and demands. */
export function kindOfFields(fields: readonly string[]): RecordKind {
  return fields.some((field) => field === "themes" || field.startsWith("demands"))
    ? "topics"
    : "cities";
}

/** A known column that the unknown `name` probably meant. */
function suggestion(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  return (
    known.find((column) => column.toLowerCase() === lower) ??
    known.find((column) => column.toLowerCase().endsWith(`.${lower}`)) ??
    known.find((column) => column.replace(/^.*\./, "").toLowerCase() === lower.replace(/^.*\./, ""))
  );
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function typedCell(text: string, type: CellType): unknown {
  switch (type) {
    case "text":
      return text;
    case "number":
      // Anything else stays text, and validation names the field and the value.
      return NUMBER.test(text) ? Number(text) : text;
    case "boolean": {
      const lower = text.toLowerCase();
      return lower === "true" ? true : lower === "false" ? false : text;
    }
    case "list":
      return text
        .split(";")
        .map((item) => item.trim())
        .filter((item) => item !== "");
  }
}

/** Turns a row of cells into a record for `parseCity`/`parseTopic`. */
export type RowReader = (cells: readonly string[]) => Record<string, unknown>;

/** What is wrong with a header of `kind`, and the required columns it lacks. */
function headerProblems(
  header: readonly string[],
  kind: RecordKind,
): { problems: string[]; missing: string[] } {
  const known = COLUMNS[kind];
  const problems: string[] = [];
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === "") problems.push(`column ${i + 1} has no name`);
    else if (seen.has(name)) problems.push(`column "${name}" appears twice`);
    else if (!known.has(name)) {
      const hint = suggestion(name, [...known.keys()]);
      problems.push(
        `column "${name}" is not a field of a ${SINGULAR[kind]}${hint === undefined ? "" : ` (did you mean "${hint}"?)`}`,
      );
    }
    seen.add(name);
  });
  const missing = REQUIRED[kind].filter((name) => !seen.has(name));
  if (missing.length > 0) {
    problems.push(
      `missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}, required for every ${SINGULAR[kind]}`,
    );
  }
  return { problems, missing };
}

/** The reader of rows under a checked header: each non-empty cell typed and set at its field's path. */
function rowReader(header: readonly string[], kind: RecordKind): RowReader {
  const columns = header.map((name) => ({
    path: name.split("."),
    type: COLUMNS[kind].get(name) as CellType,
  }));
  return (cells) => {
    const record: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const text = cells[i] ?? "";
      if (text === "") return;
      let target = record;
      const last = column.path.length - 1;
      for (let depth = 0; depth < last; depth++) {
        const key = column.path[depth] as string;
        target[key] ??= {};
        target = target[key] as Record<string, unknown>;
      }
      target[column.path[last] as string] = typedCell(text, column.type);
    });
    return record;
  };
}

/**
 * Checks a CSV header against the model and returns the reader of its rows.
 * A column that is not a model field, a repeated or empty column name, or a
 * missing required column is a {@link UsageError} (exit 2), reported once:
 * every record would carry the same fault.
 *
 * Each cell is typed by its field: numbers (`1e9`, `0.5`), booleans
 * (`true`/`false`, any case), lists (`climate;trade`); an empty cell leaves
 * the field absent, that is unknown.
 */
export function headerReader(
  header: readonly string[],
  kind: RecordKind,
  where: string,
): RowReader {
  const { problems, missing } = headerProblems(header, kind);
  if (problems.length > 0) {
    const namesPlaces = kind === "cities" && missing.length === 1 && missing[0] === "id";
    throw new UsageError(`${where}: bad CSV header: ${problems.join("; ")}`, [
      `the columns of a ${SINGULAR[kind]} are: ${[...COLUMNS[kind].keys()].join(", ")}`,
      ...(namesPlaces ? ["to look the places up by name and country, pass --places"] : []),
    ]);
  }
  return rowReader(header, kind);
}
