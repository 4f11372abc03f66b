/**
 * Observed engagement: real city networks as data, their members resolved
 * to the gazetteer's places, and the evaluation input built from them.
 *
 * Membership is not relevance: a network recruits by size, by funder, by
 * region, and a city can care about a topic without joining anything.
 * docs/networks.md says, network by network, what membership means and what
 * it cannot show.
 *
 * Its own subpath (`city-difference/networks`), so that bundles that do not
 * use it do not carry it. It carries the gazetteer (`city-difference/places`)
 * and the catalog.
 *
 * @example
 * import { NETWORKS, networkById, observedEngagement } from "city-difference/networks";
 * NETWORKS.length; // 19
 * networkById("c40")?.members.filter((m) => m.placeId !== undefined).length; // 89
 * const { cities, topics, lists } = observedEngagement();
 * // cities: the 4,043 gazetteer places as City profiles; lists: one per evaluated network
 *
 * @packageDocumentation
 */
import { CATALOG } from "../catalog/topics";
import type { CountryCode } from "../model/country-codes";
import type { City, Topic } from "../model/schemas";
import { PLACES, placeToCity } from "../places/index";
import { NETWORK_DATA } from "./data";
import type { Network } from "./types";

export {
  type Network,
  type NetworkEvaluation,
  type NetworkMember,
  type NetworkScope,
  type NetworkSource,
  UNRESOLVED_REASONS,
  type UnresolvedReason,
} from "./types";

/**
 * The city networks, in the order of data/networks/networks.tsv: C40, the
 * Covenant of Mayors (MyCovenant signatories), UNESCO Creative Cities, UNESCO
 * Learning Cities, OGP Local and more, each with its sources, vintage,
 * completeness and members (resolved to gazetteer places where they are
 * one).
 *
 * @example
 * NETWORKS.map((n) => `${n.id}: ${n.themes[0]}`);
 * // ["c40: climate", "covenant-of-mayors-mycovenant: climate", "uccn: culture", …]
 * @category Networks
 */
export const NETWORKS: readonly Network[] = NETWORK_DATA;

const BY_ID = new Map(NETWORKS.map((network) => [network.id, network]));

/**
 * The network with this id, or `undefined`.
 *
 * @example
 * networkById("uccn")?.name; // "UNESCO Creative Cities Network"
 * networkById("nope"); // undefined
 * @category Networks
 */
export function networkById(id: string): Network | undefined {
  return BY_ID.get(id);
}

/**
 * A membership list over city ids: the members of a network that are
 * gazetteer places (as `geonames:<id>`, the ids `cityFromPlace` gives), the
 * catalog topics the membership evidences, and the countries it recruits
 * from (absent for a global network). The shape `evaluateRelevance` takes.
 *
 * @category Networks
 */
export interface NetworkList {
  readonly id: string;
  readonly topicIds: readonly string[];
  readonly memberIds: readonly string[];
  readonly scopeCountries?: readonly CountryCode[];
}

/**
 * The membership list of a network: its resolved members' city ids, each
 * once (two rows of a source that are one place count once), in the order of
 * the network's members.
 *
 * @example
 * const c40 = networkById("c40");
 * if (c40 !== undefined) membershipList(c40).memberIds.slice(0, 2); // ["geonames:250441", "geonames:2759794"]
 * @category Networks
 */
export function membershipList(network: Network): NetworkList {
  const memberIds = [
    ...new Set(
      network.members.flatMap((member) =>
        member.placeId === undefined ? [] : [`geonames:${member.placeId}`],
      ),
    ),
  ];
  return {
    id: network.id,
    topicIds: network.topicIds,
    memberIds,
    ...(network.scope !== "global" && { scopeCountries: network.scope.countries }),
  };
}

/** The input of evaluation built from the shipped networks. @category Networks */
export interface ObservedEngagement {
  /** Every gazetteer place as a `City` profile (as `placeToCity` builds it). */
  readonly cities: readonly City[];
  /** The catalog topics some evaluated network evidences, in catalog order. */
  readonly topics: readonly Topic[];
  /** One list per network whose `evaluation.evaluated` is true. */
  readonly lists: readonly NetworkList[];
}

/**
 * The evaluation input `{ cities, topics, lists }` for the shipped networks
 * on the gazetteer: pass it to `evaluateRelevance` or `calibrateScorer`
 * (main entry). Networks whose lists cannot tell members from non-members
 * (leadership boards, lists with fewer than 10 resolved members) are left
 * out; `network.evaluation.reason` says why.
 *
 * @example
 * const input = observedEngagement();
 * input.lists.map((list) => list.id); // ["c40", "covenant-of-mayors-mycovenant", "uccn", …]
 * input.cities.length; // 4043
 * @category Networks
 */
export function observedEngagement(): ObservedEngagement {
  const lists = NETWORKS.filter((network) => network.evaluation.evaluated).map(membershipList);
  const wanted = new Set(lists.flatMap((list) => list.topicIds));
  return {
    cities: PLACES.map(placeToCity),
    topics: CATALOG.filter((topic) => wanted.has(topic.id)),
    lists,
  };
}
