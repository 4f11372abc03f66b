/**
 * Joins the reference tables of data/places to the gazetteer's places: UN WUP
 * 2018 urban agglomerations (metropolitan populations), GaWC 2024 classes,
 * Brookings 2016 metro types, capitals and UN M49 regions. Rules here, manual
 * decisions (with their reasons) in data/places/match-decisions.tsv, and every
 * outcome in the generated report data/places/matches.tsv.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { normalizeName } from "../../src/places/normalize";
import { distanceKm, type GeoPlace } from "./geonames";
import { readTsv } from "./tsv";

/**
 * How far a WUP agglomeration's point may lie from the gazetteer place it is
 * matched to by name: 30 km, the radius of a large agglomeration's core
 * (WUP's points are city centres; GeoNames' too).
 */
export const WUP_MATCH_RADIUS_KM = 30;

/**
 * Around a Brookings metro's matched places, gazetteer places within this
 * distance get no `globalEconomyType` (unknown) rather than
 * `outside-typology`: Brookings' metros are metropolitan areas whose bounds
 * the data does not give, and a place this close may lie inside one (Yokohama
 * is 28 km from Tokyo, Chiba 40 km, Saitama 25 km; all in Brookings' Tokyo).
 * 50 km.
 */
export const BROOKINGS_UNKNOWN_RADIUS_KM = 50;

/**
 * Brookings' 123 metros are "the largest metropolitan economies in the world
 * in 2015 at purchasing power parity (PPP) rates for which data on these
 * competitiveness factors were available" (the report's draft of 2016-07-30
 * and its hand-off of 2016-08-23, in the interactive's repository
 * afdta/gcisummit16v5, background/). Larger economies without the data were
 * left out: the 123 hold Global MetroMonitor 2014 size ranks (`rank_300`)
 * from 1 to 229, and 15 of the first 134 ranks are absent; no metro of
 * Indonesia, Argentina, Thailand, Nigeria or Egypt is among them. So in a
 * country with no metro among the 123, a place is `outside-typology` only
 * when it is smaller than every metro of the sample in countries of its
 * income tier; as large or larger, it is left unknown (Jakarta, Bangkok,
 * Buenos Aires). The bound per World Bank income tier (data/countries.csv) is
 * the smallest `population2015` of the 123 in countries of that tier; a tier
 * with none takes the next richer tier's (a poorer economy needs more people
 * to be as large). A place's size is the larger of its population and its WUP
 * agglomeration's.
 */
export function brookingsSizeBounds(
  sample: readonly { country: string; population: number }[],
  incomeByCountry: ReadonlyMap<string, string>,
): Map<string, number> {
  const bounds = new Map<string, number>();
  let richer = Number.POSITIVE_INFINITY;
  for (const tier of ["high", "upper-middle", "lower-middle", "low"]) {
    const sizes = sample
      .filter((m) => incomeByCountry.get(m.country) === tier)
      .map((m) => m.population);
    const bound = sizes.length > 0 ? Math.min(...sizes) : richer;
    bounds.set(tier, bound);
    richer = bound;
  }
  return bounds;
}

function incomeTiers(): Map<string, string> {
  const text = readFileSync(new URL("../../data/countries.csv", import.meta.url), "utf8");
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return new Map(rows.map((row) => [row.code ?? "", row.incomeTier ?? ""]));
}

/**
 * An agglomeration named for several gazetteer places ("Dallas-Fort Worth",
 * "Southampton/Portsmouth") is shared when the first-named place is less than
 * 3 times as populous as another named one: then no one city government
 * stands for it. 3 is the ratio at which the gazetteer already takes a nearby
 * place for a section of a larger one (SECTION_SIZE_RATIO): New York-Newark
 * and Los Angeles-Long Beach-Santa Ana are New York's and Los Angeles', Dallas
 * and Fort Worth share theirs.
 */
export const SHARED_SIZE_RATIO = 3;

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** One line of the match report. */
export interface MatchRow {
  readonly source: "wup2018" | "gawc2024" | "brookings2016";
  readonly key: string;
  readonly name: string;
  readonly country: string;
  /** Gazetteer ids matched (empty when none). */
  readonly ids: readonly number[];
  /** How: `name`, `name-part`, `shared`, `listed`, `decision`, or why not matched. */
  readonly how: string;
  readonly reason: string;
}

/** A manual decision of data/places/match-decisions.tsv. */
interface Decision {
  readonly ids: readonly number[];
  readonly shared: boolean;
  readonly reason: string;
}

function readDecisions(): Map<string, Decision> {
  const out = new Map<string, Decision>();
  for (const row of readTsv("data/places/match-decisions.tsv")) {
    const key = `${row.source}|${row.key}`;
    check(!out.has(key), `match-decisions.tsv: ${key} twice`);
    check((row.reason ?? "") !== "", `match-decisions.tsv: ${key} has no reason`);
    const ids =
      row.geonamesIds === "none" ? [] : (row.geonamesIds ?? "").split(";").map((id) => Number(id));
    check(
      ids.every((id) => Number.isInteger(id) && id > 0),
      `match-decisions.tsv: ${key}: ids`,
    );
    out.set(key, { ids, shared: row.shared === "yes", reason: row.reason ?? "" });
  }
  return out;
}

/** The facts the gazetteer gets from the reference tables. */
export interface PlaceFacts {
  /** WUP 2025 agglomeration population by place, and whether the agglomeration is shared. */
  readonly metro: ReadonlyMap<number, { population: number; shared: boolean }>;
  /** Seats of government among the gazetteer places. */
  readonly capitals: ReadonlySet<number>;
  /** Countries whose seat of government is known (in the gazetteer or not), and dependencies. */
  readonly countriesWithCapital: ReadonlySet<string>;
  /** Brookings type by place (the 123 metros' places). */
  readonly brookings: ReadonlyMap<number, string>;
  /**
   * Places left unknown: near a Brookings metro, or in a country with no
   * metro among the 123 and as populous as the sample's smallest metro.
   */
  readonly brookingsUnknown: ReadonlySet<number>;
  /** Of those, the places unknown because Brookings had no data on their country. */
  readonly brookingsUnsampled: ReadonlySet<number>;
  /** GaWC 2024 class by place. */
  readonly gawc: ReadonlyMap<number, string>;
  readonly report: readonly MatchRow[];
}

/** Alternate names by place (data/places/alternate-names.tsv). */
function alternateNames(): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const row of readTsv("data/places/alternate-names.tsv")) {
    const id = Number(row.geonamesId);
    const list = out.get(id) ?? [];
    list.push(row.alternate ?? "");
    out.set(id, list);
  }
  return out;
}

/** The parts of a WUP name to try, whole name first: "Southampton/Portsmouth (South Hampshire)". */
function wupNameParts(name: string): { whole: string[]; split: string[] } {
  // "Kinki M.M.A. (Osaka)", "Columbus, Ohio" (a state or province after the comma), "Grande Vitória".
  const cleaned = name
    .replace(/M\.M\.A\./g, "")
    .replace(/,[^()]*/, "")
    .replace(/^Grande\s+/, "")
    .trim();
  const whole = [cleaned, ...cleaned.split(/[()]/)].map((s) => s.trim()).filter((s) => s !== "");
  const split = whole
    .flatMap((s) => s.split(/\s*[/-]\s*/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 3 && !whole.includes(s));
  return { whole: [...new Set(whole)], split: [...new Set(split)] };
}

/** Joins every reference table to the gazetteer places. */
export function matchPlaceFacts(
  gazetteer: readonly GeoPlace[],
  sectionHosts: ReadonlyMap<number, number>,
): PlaceFacts {
  const decisions = readDecisions();
  const used = new Set<string>();
  const decide = (key: string) => {
    const decision = decisions.get(key);
    if (decision !== undefined) used.add(key);
    return decision;
  };
  const byId = new Map(gazetteer.map((p) => [p.id, p]));
  const byCountry = new Map<string, GeoPlace[]>();
  for (const p of gazetteer) {
    const list = byCountry.get(p.country) ?? [];
    list.push(p);
    byCountry.set(p.country, list);
  }
  const alternates = alternateNames();
  // Compared without spaces or a trailing "city": "Pekan Baru" is Pekanbaru, "Taoyuan" Taoyuan City.
  const nameKey = (name: string) =>
    normalizeName(name)
      .replace(/ city$/, "")
      .replace(/ /g, "");
  const namesOf = (p: GeoPlace) => [p.name, ...(alternates.get(p.id) ?? [])].map(nameKey);
  const report: MatchRow[] = [];
  const checkIds = (key: string, ids: readonly number[]) => {
    for (const id of ids) check(byId.has(id), `${key}: ${id} is not a gazetteer place`);
  };

  // WUP 2018 agglomerations.
  const metro = new Map<number, { population: number; shared: boolean; key: string }>();
  for (const row of readTsv("data/places/metro-populations.tsv")) {
    const key = row.cityCode ?? "";
    const name = row.name ?? "";
    const country = row.country ?? "";
    const population = Number(row.population2025);
    const point = { latitude: Number(row.latitude), longitude: Number(row.longitude) };
    let ids: number[] = [];
    let how = "";
    let reason = "";
    let shared = false;
    const decision = decide(`wup2018|${key}`);
    if (decision !== undefined) {
      checkIds(`wup2018 ${key}`, decision.ids);
      ids = [...decision.ids];
      shared = decision.shared;
      how = ids.length === 0 ? "none-decided" : "decision";
      reason = decision.reason;
    } else {
      const near = (byCountry.get(country) ?? []).filter(
        (p) => distanceKm(p, point) <= WUP_MATCH_RADIUS_KM,
      );
      const parts = wupNameParts(name);
      const find = (wanted: string) =>
        near
          .filter((p) => namesOf(p).includes(nameKey(wanted)))
          .sort((a, b) => b.population - a.population || a.id - b.id)[0];
      const whole = parts.whole.map(find).find((p) => p !== undefined);
      const named = parts.split.map(find).filter((p): p is GeoPlace => p !== undefined);
      const main = whole ?? named[0];
      if (main !== undefined) {
        ids = [main.id];
        const rivals = named.filter(
          (p) => p.id !== main.id && main.population < SHARED_SIZE_RATIO * p.population,
        );
        shared = rivals.length > 0;
        how = shared ? "shared" : whole !== undefined ? "name" : "name-part";
        if (shared) reason = `also named for ${rivals.map((p) => p.name).join(", ")}`;
      } else {
        how = near.length === 0 ? "no-place-within-30-km" : "no-name-match";
        reason =
          near.length === 0
            ? ""
            : `within 30 km: ${near
                .sort((a, b) => b.population - a.population)
                .slice(0, 3)
                .map((p) => `${p.name} ${p.id}`)
                .join(", ")}`;
      }
    }
    for (const id of ids) {
      const previous = metro.get(id);
      if (previous !== undefined) {
        throw new Error(
          `WUP ${key} ${name} and ${previous.key} both match ${id}: add a decision to data/places/match-decisions.tsv`,
        );
      }
      metro.set(id, { population, shared, key });
    }
    report.push({ source: "wup2018", key, name, country, ids, how, reason });
  }

  // Capitals: the seat of government (data/places/README.md says how it was chosen).
  const capitals = new Set<number>();
  const countriesWithCapital = new Set<string>();
  for (const row of readTsv("data/places/capitals.tsv")) {
    // A dependency has no national capital: its places are known not to be capitals.
    if (row.dependency === "yes") countriesWithCapital.add(row.country ?? "");
    if (!row.seatId || row.dependency === "yes") continue;
    countriesWithCapital.add(row.country ?? "");
    // A seat that GeoNames lists inside a larger place (New Delhi in Delhi) makes that place the capital.
    const seat = Number(row.seatId);
    const id = sectionHosts.get(seat) ?? seat;
    if (row.seatInGazetteer === "yes") {
      check(byId.has(id), `capitals.tsv: ${row.country} seat ${id} not in the gazetteer`);
      capitals.add(id);
    }
  }

  // Brookings 2016: the gazetteer column lists the places of each metro.
  const brookings = new Map<number, string>();
  for (const row of readTsv("data/places/brookings-2016.tsv")) {
    const key = row.metro ?? "";
    const decision = decide(`brookings2016|${key}`);
    const ids =
      decision?.ids ??
      (row.gazetteer ?? "")
        .split(";")
        .filter((s) => s !== "")
        .map((s) => Number(s.split(":")[0]));
    checkIds(`brookings ${key}`, ids);
    check(ids.length > 0 || decision !== undefined, `brookings ${key}: no place and no decision`);
    for (const id of ids) brookings.set(id, row.type ?? "");
    report.push({
      source: "brookings2016",
      key,
      name: row.metroArea || key,
      country: row.country ?? "",
      ids,
      how: decision === undefined ? "listed" : ids.length === 0 ? "none-decided" : "decision",
      reason: decision?.reason ?? "",
    });
  }
  const brookingsUnknown = new Set<number>();
  const anchors = [...brookings.keys()].map((id) => byId.get(id) as GeoPlace);
  for (const row of readTsv("data/places/brookings-2016.tsv")) {
    if ((row.gazetteer ?? "") === "") {
      anchors.push({ latitude: Number(row.lat), longitude: Number(row.lon) } as GeoPlace);
    }
  }
  for (const p of gazetteer) {
    if (brookings.has(p.id)) continue;
    if (anchors.some((a) => distanceKm(a, p) <= BROOKINGS_UNKNOWN_RADIUS_KM))
      brookingsUnknown.add(p.id);
  }
  const sample = readTsv("data/places/brookings-2016.tsv").map((row) => {
    const population = Number(row.population2015);
    check(Number.isInteger(population) && population > 0, `brookings ${row.metro}: population2015`);
    return { country: row.country ?? "", population };
  });
  const sampledCountries = new Set(sample.map((m) => m.country));
  const incomeByCountry = incomeTiers();
  const bounds = brookingsSizeBounds(sample, incomeByCountry);
  const brookingsUnsampled = new Set<number>();
  for (const p of gazetteer) {
    if (brookings.has(p.id) || brookingsUnknown.has(p.id) || sampledCountries.has(p.country))
      continue;
    const bound = bounds.get(incomeByCountry.get(p.country) ?? "");
    if (bound === undefined) continue;
    const size = Math.max(p.population, metro.get(p.id)?.population ?? 0);
    if (size >= bound) {
      brookingsUnknown.add(p.id);
      brookingsUnsampled.add(p.id);
    }
  }

  // GaWC 2024: the geonameId column, where the place is in the gazetteer.
  const gawc = new Map<number, string>();
  for (const row of readTsv("data/places/gawc.tsv")) {
    const key = `${row.city}|${row.country}`;
    const decision = decide(`gawc2024|${key}`);
    const candidate = Number(row.geonameId);
    const ids = decision?.ids ?? (byId.has(candidate) ? [candidate] : []);
    checkIds(`gawc ${key}`, ids);
    const level = (row.class ?? "").replace(" ", "-");
    for (const id of ids) {
      check(!gawc.has(id), `gawc ${key}: ${id} matched twice`);
      gawc.set(id, level);
    }
    report.push({
      source: "gawc2024",
      key,
      name: row.city ?? "",
      country: row.country ?? "",
      ids,
      how:
        decision !== undefined
          ? ids.length === 0
            ? "none-decided"
            : "decision"
          : ids.length === 0
            ? (row.match ?? "")
            : row.match === "exact"
              ? "name"
              : (row.match ?? ""),
      reason: decision?.reason ?? row.note ?? "",
    });
  }

  for (const key of decisions.keys())
    check(used.has(key), `match-decisions.tsv: ${key} matches no row`);
  return {
    metro: new Map(
      [...metro].map(([id, m]) => [id, { population: m.population, shared: m.shared }]),
    ),
    capitals,
    countriesWithCapital,
    brookings,
    brookingsUnknown,
    brookingsUnsampled,
    gawc,
    report,
  };
}

/** The match report as TSV. */
export function renderMatchReport(
  rows: readonly MatchRow[],
  gazetteer: readonly GeoPlace[],
): string {
  const byId = new Map(gazetteer.map((p) => [p.id, p]));
  const lines = rows.map((r) =>
    [
      r.source,
      r.key,
      r.name,
      r.country,
      r.ids.join(";"),
      r.ids.map((id) => byId.get(id)?.name ?? "").join(";"),
      r.how,
      r.reason,
    ].join("\t"),
  );
  return `# Generated by scripts/build-places.ts: do not edit. How each row of the reference tables joined the gazetteer.
# how: name (a name of the place, or of a part of the agglomeration's name in brackets, within 30 km), shared (the agglomeration is named for several places; the place is one of them), listed (the table's own gazetteer column), decision / none-decided (data/places/match-decisions.tsv), alias / most-populous-of-N (GaWC matches as data/places/README.md says), otherwise why no place matched.
source\tkey\tname\tcountry\tgeonamesIds\tgazetteerNames\thow\treason
${lines.join("\n")}
`;
}
