import { catalogTopic, type Topic } from "../../src/index";

/** The catalog topic with this id; throws in a test that names a topic the catalog lacks. */
export function topic(id: string): Topic {
  const found = catalogTopic(id);
  if (found === undefined) throw new Error(`no catalog topic ${id}`);
  return found;
}
