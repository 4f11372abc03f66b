import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOG } from "../../src/catalog/topics";
import { THEMES } from "../../src/model/taxonomy";
import {
  membershipList,
  NETWORKS,
  networkById,
  observedEngagement,
  UNRESOLVED_REASONS,
} from "../../src/networks/index";
import { PLACES } from "../../src/places/index";

const placeById = new Map(PLACES.map((place) => [place.id, place]));
const topicIds = new Set(CATALOG.map((topic) => topic.id));

/** The member rows of a raw network file (header lines and the column line left out). */
function rawRows(file: string): string[][] {
  const text = readFileSync(new URL(`../../data/networks/${file}`, import.meta.url), "utf8");
  return text
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"))
    .slice(1)
    .map((line) => line.split("\t"));
}

const INDEX = rawRows("networks.tsv");

describe("NETWORKS", () => {
  it("holds at least 8 networks whose primary themes cover at least 6 themes", () => {
    expect(NETWORKS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(NETWORKS.map((n) => n.themes[0])).size).toBeGreaterThanOrEqual(6);
  });

  it("resolves at least 800 memberships to gazetteer places", () => {
    const resolved = NETWORKS.flatMap((n) => n.members).filter((m) => m.placeId !== undefined);
    expect(resolved.length).toBeGreaterThanOrEqual(800);
  });

  it("gives every network unique id, themes of the vocabulary, catalog topics and sources with URL, title and reading date", () => {
    expect(new Set(NETWORKS.map((n) => n.id)).size).toBe(NETWORKS.length);
    for (const network of NETWORKS) {
      expect(network.themes.length, network.id).toBeGreaterThan(0);
      for (const theme of network.themes) expect(THEMES).toContain(theme);
      expect(network.topicIds.length, network.id).toBeGreaterThan(0);
      for (const id of network.topicIds)
        expect(topicIds.has(id), `${network.id}: ${id}`).toBe(true);
      expect(network.sources.length, network.id).toBeGreaterThan(0);
      for (const source of network.sources) {
        expect(source.url).toMatch(/^https?:\/\/\S+$/);
        expect(source.title.length).toBeGreaterThan(3);
        if (source.read !== undefined) expect(source.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      expect(network.vintage).toMatch(/\d{4}/);
      expect(network.evaluation.reason.length, network.id).toBeGreaterThan(20);
    }
  });

  it("gives every member either a gazetteer place or a reason, never both, and keeps members in the network's scope", () => {
    for (const network of NETWORKS) {
      for (const member of network.members) {
        const where = `${network.id}: ${member.name}`;
        expect((member.placeId === undefined) !== (member.unresolved === undefined), where).toBe(
          true,
        );
        if (member.placeId !== undefined) {
          const place = placeById.get(member.placeId);
          expect(place, where).toBeDefined();
          expect(place?.country, where).toBe(member.country);
        } else {
          expect(UNRESOLVED_REASONS).toContain(member.unresolved);
        }
        if (network.scope !== "global") expect(network.scope.countries).toContain(member.country);
      }
    }
  });

  it("accounts for every row of every raw file: listed members plus members counted by reason", () => {
    for (const row of INDEX) {
      const [id, , , , , , , file] = row;
      const network = networkById(id as string);
      const counted = Object.values(network?.unlisted ?? {}).reduce((a, b) => a + b, 0);
      expect((network?.members.length ?? 0) + counted, id).toBe(rawRows(file as string).length);
    }
    expect(NETWORKS.length).toBe(INDEX.length);
  });

  it("lists every unresolved member except the Covenant's small municipalities and regional bodies, which it counts", () => {
    const summarised = NETWORKS.filter((n) => n.unlisted !== undefined).map((n) => n.id);
    expect(summarised).toEqual(["covenant-of-mayors-mycovenant"]);
    const covenant = networkById("covenant-of-mayors-mycovenant");
    expect(covenant?.unlisted?.["below-100000"]).toBeGreaterThan(8000);
    expect(covenant?.unlisted?.["region-or-county"]).toBeGreaterThan(2000);
  });

  it("resolves well-known members to the right places", () => {
    const placeOf = (networkId: string, name: string) =>
      networkById(networkId)?.members.find((m) => m.name === name)?.placeId;
    expect(placeOf("c40", "London")).toBe(2643743);
    expect(placeOf("c40", "Portland")).toBe(5746545);
    expect(placeOf("core-cities-uk", "Newcastle")).toBe(2641673);
    expect(placeOf("uccn", "Kansas City")).toBe(4393217);
    expect(placeOf("c40", "Dhaka North")).toBe(placeOf("c40", "Dhaka South"));
    expect(networkById("c40")?.members.find((m) => m.name === "Ekurhuleni")?.unresolved).toBe(
      "region-or-county",
    );
  });

  it("resolves Educating Cities' members to the right places, Lisboa to Lisbon by its alternate name, and reads both education networks as evidence on lifelong learning", () => {
    const placeOf = (name: string) =>
      networkById("educating-cities")?.members.find((m) => m.name === name)?.placeId;
    expect(placeOf("Lisboa")).toBe(2267057); // Lisbon, PT
    expect(placeOf("Porto")).toBe(2735943);
    expect(placeOf("Rosario")).toBe(3838583); // Rosario, AR
    expect(placeOf("Curitiba")).toBe(3464975);
    expect(placeOf("Changwon")).toBe(1846326);
    for (const id of ["educating-cities", "unesco-learning-cities"])
      expect(networkById(id)?.topicIds).toEqual(["lifelong-learning", "knowledge-exchange"]);
  });

  it("names the creative field of UNESCO Creative Cities, one of UNESCO's eight, wherever the source states it", () => {
    const fields = new Set([
      "Architecture",
      "Crafts and Folk Art",
      "Design",
      "Film",
      "Gastronomy",
      "Literature",
      "Media Arts",
      "Music",
    ]);
    const members = networkById("uccn")?.members ?? [];
    const withField = members.filter((m) => m.field !== undefined);
    expect(withField.length).toBeGreaterThan(380);
    for (const member of withField)
      expect(fields.has(member.field as string), member.name).toBe(true);
    for (const network of NETWORKS.filter((n) => n.id !== "uccn")) {
      expect(network.members.some((m) => m.field !== undefined)).toBe(false);
    }
  });

  it("finds networks by id and returns undefined for an unknown id", () => {
    for (const network of NETWORKS) expect(networkById(network.id)).toBe(network);
    expect(networkById("no-such-network")).toBeUndefined();
  });
});

describe("membershipList", () => {
  it("gives each resolved place once, as the city id cityFromPlace uses, with the network's scope", () => {
    for (const network of NETWORKS) {
      const list = membershipList(network);
      const places = new Set(network.members.flatMap((m) => (m.placeId ? [m.placeId] : [])));
      expect(list.memberIds.length, network.id).toBe(places.size);
      expect(new Set(list.memberIds).size).toBe(list.memberIds.length);
      for (const id of list.memberIds) expect(places.has(Number(id.slice(9)))).toBe(true);
      expect(list.topicIds).toEqual(network.topicIds);
      if (network.scope === "global") expect(list.scopeCountries).toBeUndefined();
      else expect(list.scopeCountries).toEqual(network.scope.countries);
    }
  });
});

describe("observedEngagement", () => {
  const input = observedEngagement();

  it("lists exactly the evaluated networks, each with at least 10 members among its cities", () => {
    const cityIds = new Set(input.cities.map((c) => c.id));
    expect(input.lists.map((l) => l.id)).toEqual(
      NETWORKS.filter((n) => n.evaluation.evaluated).map((n) => n.id),
    );
    for (const list of input.lists) {
      expect(list.memberIds.length, list.id).toBeGreaterThanOrEqual(10);
      for (const id of list.memberIds) expect(cityIds.has(id), `${list.id}: ${id}`).toBe(true);
    }
  });

  it("leaves out leadership boards and lists too small to measure, saying why", () => {
    const left = NETWORKS.filter((n) => !n.evaluation.evaluated);
    expect(left.map((n) => n.id).sort()).toEqual(
      [
        "global-cities-exchange",
        "mayors-migration-council-leadership",
        "strong-cities-network",
      ].sort(),
    );
    for (const network of left) expect(network.evaluation.reason).toMatch(/^Not evaluated: /);
  });

  it("gives every gazetteer place as a city and the catalog topics the lists evidence", () => {
    expect(input.cities.length).toBe(PLACES.length);
    const wanted = new Set(input.lists.flatMap((l) => l.topicIds));
    expect(input.topics.map((t) => t.id).sort()).toEqual([...wanted].sort());
  });
});
