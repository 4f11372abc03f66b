/** The library's `Either` results, unwrapped in tests: a wrong side fails the test with what came instead. */
import * as E from "fp-ts/Either";

/** The `Right` of `either`; throws, naming the `Left`, when it is one. */
export function right<T>(either: E.Either<unknown, T>): T {
  if (E.isLeft(either)) throw new Error(JSON.stringify(either.left));
  return either.right;
}

/** The `Left` of `either`; throws when it is a `Right`. */
export function left<L>(either: E.Either<L, unknown>): L {
  if (E.isRight(either)) throw new Error("expected a Left");
  return either.left;
}
