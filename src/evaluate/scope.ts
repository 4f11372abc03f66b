/**
 * Who is compared with whom: per list, the cities in its scope and its
 * members among them; and the "joiners" (cities in scope that belong to any
 * list) on which specificity is measured.
 *
 * @module
 */
import type { ScoreMatrix } from "../score/scorer";
import type { PreparedInput, PreparedList } from "./input";

/** One list's comparison sets, as positions in the prepared (canonical) city order. */
export interface ListScope {
  readonly list: PreparedList;
  /** Canonical indexes of the cities in the list's scope, in canonical order. */
  readonly cities: Int32Array;
  /** 1 where the city at that scope position is a member. */
  readonly member: Uint8Array;
  readonly members: number;
  /** Members whose city is outside the list's scope countries, left out of the comparison. */
  readonly membersOutOfScope: number;
  /** Scope positions of the cities in scope that belong to any list. */
  readonly joiners: Int32Array;
  /** 1 where the joiner at that position is a member of this list. */
  readonly joinerMember: Uint8Array;
}

/** The comparison sets of every list of a prepared input, in the input's canonical list order. */
export function listScopes(input: PreparedInput): ListScope[] {
  const inAnyList = new Set<string>();
  for (const list of input.lists) for (const memberId of list.memberIds) inAnyList.add(memberId);
  return input.lists.map((list) => {
    const cities: number[] = [];
    const member: number[] = [];
    const joiners: number[] = [];
    const joinerMember: number[] = [];
    input.cities.forEach((city, index) => {
      if (list.scopeCountries !== undefined && !list.scopeCountries.has(city.country)) return;
      const isMember = list.memberIds.has(city.id) ? 1 : 0;
      if (inAnyList.has(city.id)) {
        joiners.push(cities.length);
        joinerMember.push(isMember);
      }
      cities.push(index);
      member.push(isMember);
    });
    const members = member.reduce((sum, flag) => sum + flag, 0);
    return {
      list,
      cities: Int32Array.from(cities),
      member: Uint8Array.from(member),
      members,
      membersOutOfScope: list.memberIds.size - members,
      joiners: Int32Array.from(joiners),
      joinerMember: Uint8Array.from(joinerMember),
    };
  });
}

/** The scores of one topic (a column of the matrix) over the given canonical city indexes. */
export function scoreColumn(
  matrix: ScoreMatrix,
  topicIndex: number,
  cities: Int32Array,
): Float64Array {
  return gatherColumn(matrix.scores, matrix.topicIds.length, topicIndex, cities);
}

/** Column `topicIndex` of row-major `scores` (`columns` per row) at the given rows, into `out` when given. */
export function gatherColumn(
  scores: Float64Array,
  columns: number,
  topicIndex: number,
  cities: Int32Array,
  out: Float64Array = new Float64Array(cities.length),
): Float64Array {
  for (let p = 0; p < cities.length; p++) {
    out[p] = scores[(cities[p] as number) * columns + topicIndex] as number;
  }
  return out;
}

/** Values at the given positions. */
export function pick(values: Float64Array, positions: Int32Array): Float64Array {
  const out = new Float64Array(positions.length);
  for (let p = 0; p < positions.length; p++) out[p] = values[positions[p] as number] as number;
  return out;
}
