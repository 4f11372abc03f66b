/**
 * The field registry is the one list of fields: it must say exactly what the
 * schemas accept, so that every part derived from it (CSV columns, caucuses,
 * distances, descriptions, reasons) sees every field and only real ones.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { CitySchema, TAXONOMIES, TopicSchema } from "../../src/index";
import {
  type CellType,
  CITY_FIELD_PATHS,
  CITY_FIELDS,
  levelPhrases,
  ORDINAL_FIELD_PATHS,
  ORDINAL_FIELDS,
  TOPIC_FIELDS,
  themeWords,
} from "../../src/model/fields";
import { arbitraryCity } from "../support/arbitraries";

interface Leaf {
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
}

/** The leaves of a zod object schema: dotted path, zod type, and whether no level is optional. */
function leaves(schema: unknown, prefix: string[] = [], required = true): Leaf[] {
  // biome-ignore lint/suspicious/noExplicitAny: walking zod's internal definitions
  let def = (schema as any)._zod.def;
  let optional = false;
  while (["optional", "readonly", "pipe"].includes(def.type)) {
    if (def.type === "optional") optional = true;
    // A pipe (a bound checked before the entries are) ends in the type it yields.
    def = def.type === "pipe" ? def.out._zod.def : def.innerType._zod.def;
  }
  const isRequired = required && !optional;
  if (def.type === "object") {
    return Object.entries(def.shape).flatMap(([key, inner]) =>
      leaves(inner, [...prefix, key], isRequired),
    );
  }
  return [{ path: prefix.join("."), type: def.type, required: isRequired }];
}

const CELL_OF_ZOD_TYPE: Readonly<Record<string, CellType>> = {
  string: "text",
  enum: "text",
  number: "number",
  boolean: "boolean",
  array: "list",
};

function valueAt(record: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], record);
}

describe("the field registry", () => {
  it("lists every field of CitySchema, in the schema's order, with its cell type and whether it is required", () => {
    const schema = leaves(CitySchema);
    expect(CITY_FIELD_PATHS).toEqual(schema.map((leaf) => leaf.path));
    for (const leaf of schema) {
      const field = CITY_FIELDS[leaf.path as keyof typeof CITY_FIELDS];
      expect([leaf.path, field.cell]).toEqual([leaf.path, CELL_OF_ZOD_TYPE[leaf.type]]);
      expect([leaf.path, field.required]).toEqual([leaf.path, leaf.required]);
    }
  });

  it("lists every field of TopicSchema, in the schema's order, with its cell type and whether it is required", () => {
    const schema = leaves(TopicSchema);
    expect(Object.keys(TOPIC_FIELDS)).toEqual(schema.map((leaf) => leaf.path));
    for (const leaf of schema) {
      const field = TOPIC_FIELDS[leaf.path as keyof typeof TOPIC_FIELDS];
      expect([leaf.path, field.cell]).toEqual([leaf.path, CELL_OF_ZOD_TYPE[leaf.type]]);
      expect([leaf.path, field.required]).toEqual([leaf.path, leaf.required]);
    }
  });

  test.prop([arbitraryCity])("reads each field of a city at its path", (city) => {
    for (const path of CITY_FIELD_PATHS) {
      expect(CITY_FIELDS[path].read(city)).toEqual(valueAt(city, path));
    }
  });

  it("gives each ordinal field the levels of its taxonomy, and words for every level", () => {
    expect(ORDINAL_FIELD_PATHS).toEqual([
      "outlook.internationalRole",
      "resources.nationalTier",
      "resources.incomeTier",
      "governance.autonomy",
      "governance.regime",
    ]);
    for (const path of ORDINAL_FIELD_PATHS) {
      const field = ORDINAL_FIELDS[path];
      const taxonomy: readonly { id: string }[] = TAXONOMIES[field.taxonomy].levels;
      expect(field.levels).toEqual(taxonomy.map((level) => level.id));
      expect(Object.keys(field.phrases)).toEqual([...field.levels]);
    }
  });

  it("puts every level in words, one city's and a group's, with the plural English asks for", () => {
    const plurals = Object.fromEntries(
      ORDINAL_FIELD_PATHS.map((path) => [
        path,
        ORDINAL_FIELDS[path].levels.map((level) => levelPhrases(path, level).plural),
      ]),
    );
    expect(plurals).toEqual({
      "outlook.internationalRole": [
        "inward-looking mayors",
        "skeptical mayors",
        "pragmatic mayors",
        "internationally committed mayors",
      ],
      "resources.nationalTier": [
        "primary cities",
        "secondary cities",
        "tertiary cities",
        "local places",
      ],
      "resources.incomeTier": [
        "low-income countries",
        "lower-middle-income countries",
        "upper-middle-income countries",
        "high-income countries",
      ],
      "governance.autonomy": [
        "centralized national systems",
        "partly decentralized national systems",
        "decentralized national systems",
      ],
      "governance.regime": [
        "closed autocracies",
        "electoral autocracies",
        "electoral democracies",
        "liberal democracies",
      ],
    });
    expect(levelPhrases("governance.autonomy", "intermediate").singular).toBe(
      "national system that delegates some authority",
    );
  });

  it("names each theme in running text by its label in lower case", () => {
    for (const { id, label } of TAXONOMIES.theme.levels)
      expect(themeWords(id)).toBe(label.toLowerCase());
  });

  it("marks as scored exactly the fields the default model reads", () => {
    // Identity and the place facts do not enter a score; the population figures enter clout
    // only where known (docs/methodology.md).
    expect(CITY_FIELD_PATHS.filter((path) => !CITY_FIELDS[path].scored)).toEqual([
      "id",
      "name",
      "country",
      "population",
      "metroPopulation",
      "capital",
      "region",
      "resources.globalEconomyType",
      "resources.connectivity",
    ]);
  });

  it("reads every ordinal level the arbitrary cities hold among the field's levels", () => {
    fc.assert(
      fc.property(arbitraryCity, (city) => {
        for (const path of ORDINAL_FIELD_PATHS) {
          const level = ORDINAL_FIELDS[path].read(city);
          if (level !== undefined) expect(ORDINAL_FIELDS[path].levels).toContain(level);
        }
      }),
    );
  });
});
