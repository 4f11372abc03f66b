/**
 * fast-check arbitraries for hostile JavaScript values: values a careless or
 * malicious caller can hand to any function that takes data, and that plain
 * property access turns into an exception or a huge allocation.
 */
import fc from "fast-check";

/** An object whose one field is a getter that throws. */
function throwingGetter(key: string): object {
  const value = {};
  Object.defineProperty(value, key, {
    enumerable: true,
    get() {
      throw new Error(`${key} getter throws`);
    },
  });
  return value;
}

/** A proxy whose every trap throws, revoked or not. */
function revokedProxy(target: object): object {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

const trapsThatThrow: ProxyHandler<object> = {
  get() {
    throw new Error("get trap throws");
  },
  ownKeys() {
    throw new Error("ownKeys trap throws");
  },
  getPrototypeOf() {
    throw new Error("getPrototypeOf trap throws");
  },
  has() {
    throw new Error("has trap throws");
  },
  getOwnPropertyDescriptor() {
    throw new Error("getOwnPropertyDescriptor trap throws");
  },
};

/** An array whose entry at `index` throws when read. */
function throwingIndex(length: number, index: number): unknown[] {
  const list: unknown[] = Array.from({ length }, () => "x");
  Object.defineProperty(list, index, {
    enumerable: true,
    get() {
      throw new Error(`index ${index} throws`);
    },
  });
  return list;
}

/** A sparse array: a few bytes, and a length of up to four billion. */
function sparse(length: number): unknown[] {
  const list: unknown[] = [];
  list.length = length;
  return list;
}

/** A cyclic object. */
function cyclic(): object {
  const value: Record<string, unknown> = { id: "loop" };
  value.self = value;
  return value;
}

/**
 * A recipe for one hostile value. fast-check inspects the values it
 * generates (and would itself trip on a revoked proxy), so the arbitraries
 * give recipes, and each test makes the value it passes.
 */
export interface Hostile {
  readonly label: string;
  make(): unknown;
  toString(): string;
}

function recipe(label: string, make: () => unknown): Hostile {
  return { label, make, toString: () => label };
}

/** One hostile value, of each kind the library must read without throwing. */
export const arbitraryHostile: fc.Arbitrary<Hostile> = fc.oneof(
  fc
    .constantFrom("id", "name", "country", "outlook", "themes", "0")
    .map((key) => recipe(`getter of ${key} throws`, () => throwingGetter(key))),
  fc
    .constantFrom("object", "array")
    .map((kind) =>
      recipe(`revoked proxy of an ${kind}`, () => revokedProxy(kind === "array" ? [] : {})),
    ),
  fc
    .constantFrom("object", "array")
    .map((kind) =>
      recipe(
        `proxy of an ${kind} whose traps throw`,
        () => new Proxy(kind === "array" ? [] : {}, trapsThatThrow),
      ),
    ),
  fc
    .integer({ min: 1, max: 20 })
    .chain((length) => fc.integer({ min: 0, max: length - 1 }).map((i) => [length, i] as const))
    .map(([length, i]) =>
      recipe(`array of ${length} whose index ${i} throws`, () => throwingIndex(length, i)),
    ),
  fc
    .integer({ min: 10_001, max: 2 ** 32 - 1 })
    .map((length) => recipe(`sparse array of length ${length}`, () => sparse(length))),
  fc.constant(recipe("cyclic object", cyclic)),
  fc.constant(recipe("object without a prototype", () => Object.create(null) as object)),
  fc
    .constantFrom<[string, unknown]>(
      ["null", null],
      ["undefined", undefined],
      ["NaN", Number.NaN],
      ["a bigint", 0n],
      ["a symbol", Symbol("s")],
      ["a function", () => 1],
    )
    .map(([label, value]) => recipe(label, () => value)),
);

/**
 * A record of the model's shape with one field replaced by a hostile
 * value (made when the record is): the record's recipe and the key that
 * holds the hostile value.
 */
export function withHostileField(
  base: fc.Arbitrary<Record<string, unknown>>,
): fc.Arbitrary<{ record: Hostile; key: string }> {
  return fc.tuple(base, arbitraryHostile).chain(([record, hostile]) =>
    fc.constantFrom(...Object.keys(record)).map((key) => ({
      key,
      record: recipe(`${JSON.stringify(record)} with ${key}: ${hostile.label}`, () => {
        const value = hostile.make();
        const copy: Record<string, unknown> = { ...record };
        Object.defineProperty(copy, key, { enumerable: true, get: () => value });
        return copy;
      }),
    })),
  );
}
