/**
 * A fixed run of the library and the command line over the 4,043 gazetteer
 * places, reduced to one SHA-256 per output: scores (to the last bit),
 * reasons, national tiers, distances, cohorts, caucuses, shared agendas,
 * reflections, working groups and what the command line prints. A refactor
 * must leave every hash as recorded in `tests/fixtures/gazetteer-run.json`.
 *
 * A change that moves results on purpose (a new model, new data) records the
 * run again, and says so in CHANGELOG.md:
 * `npm run build && node --import tsx tests/golden/record.ts`.
 */
import { createHash, type Hash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  agendaReflection,
  CATALOG,
  type City,
  caucus,
  cityDistance,
  classifyNationalTiers,
  formCohorts,
  MODEL_VERSION,
  nearestPeers,
  rankStability,
  scoreMatrix,
  scoreRelevance,
  sharedAgenda,
  suggestWorkingGroups,
} from "../../src/index";
import { cityFromPlace, findPlaces, PLACES, placeToCity } from "../../src/places/index";
import { runNode } from "../support/node-process";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Where the recorded hashes live. */
export const RECORDED_RUN = join(root, "tests", "fixtures", "gazetteer-run.json");

/** A recorded run: the model version that made it and a hash per output. */
export interface RecordedRun {
  readonly model: string;
  readonly places: number;
  readonly hashes: Readonly<Record<string, string>>;
}

const PLATFORM = {
  id: "global-forum",
  name: "Global Forum",
  agenda: [
    "trade-stance",
    "investment-attraction",
    "administrative-transparency",
    "free-expression",
  ],
};

function sha(feed: (hash: Hash) => void): string {
  const hash = createHash("sha256");
  feed(hash);
  return hash.digest("hex");
}

const json = (value: unknown) => sha((h) => h.update(JSON.stringify(value)));

/** Names typed as people type them: own, former, common, qualified and unknown names. */
const LOOKUPS = [
  "Manchester",
  "Bombay",
  "Peking",
  "Kiev",
  "Washington",
  "New York",
  "São Paulo",
  "Nowhereville",
];

/** Hashes of the library's outputs over the gazetteer's cities. */
function libraryHashes(cities: readonly City[]): Record<string, string> {
  const matrix = scoreMatrix(cities, CATALOG);
  const sample = cities.filter((_, i) => i % 97 === 0);
  return {
    cities: json(cities),
    lookup: json(
      LOOKUPS.map((name) => [findPlaces({ name }).map((p) => p.id), cityFromPlace(name)]),
    ),
    matrix: sha((h) => h.update(new Uint8Array(matrix.scores.buffer))),
    relevance: sha((h) => {
      for (const city of cities) {
        for (const topic of CATALOG) h.update(JSON.stringify(scoreRelevance(city, topic)));
      }
    }),
    nationalTiers: json(
      classifyNationalTiers(
        PLACES.map(({ id, country, population, metroPopulation }) => ({
          id,
          country,
          population,
          ...(metroPopulation !== undefined && { metroPopulation }),
        })),
      ),
    ),
    distances: sha((h) => {
      for (const a of sample) {
        for (const b of sample) h.update(new Float64Array([cityDistance(a, b)]));
      }
    }),
    nearestPeers: json(sample.map((city) => nearestPeers(city, cities, 5))),
    cohorts: json(formCohorts(cities, { seed: 1 })),
    cohortsK6: json(formCohorts(cities, { k: 6, seed: 7 })),
    caucus: json(caucus(cities, ["country", "resources.nationalTier", "resources.incomeTier"])),
    caucusGovernance: json(caucus(cities, ["governance.autonomy", "governance.regime"])),
    sharedAgenda: json(sharedAgenda(sample, CATALOG)),
    reflection: json(agendaReflection(PLATFORM, cities, CATALOG)),
    workingGroups: json(suggestWorkingGroups(PLATFORM, sample, CATALOG, { seed: 3 })),
    rankStability: json(sample.slice(0, 5).map((city) => rankStability(city, CATALOG))),
  };
}

/** Hashes of what the built command line prints (`npm run build` first). */
async function cliHashes(cities: readonly City[]): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), "city-difference-golden-"));
  try {
    const citiesFile = join(dir, "cities.json");
    writeFileSync(citiesFile, JSON.stringify(cities));
    const platformFile = join(dir, "platform.json");
    writeFileSync(platformFile, JSON.stringify(PLATFORM));
    const runs: Record<string, string[]> = {
      "cli score csv": ["score", "--cities", citiesFile, "--format", "csv"],
      "cli score json": ["score", "--cities", citiesFile, "--format", "json"],
      "cli score table": ["score", "--cities", citiesFile],
      "cli cohorts table": ["cohorts", "--cities", citiesFile, "--k", "8"],
      "cli cohorts csv": ["cohorts", "--cities", citiesFile, "--format", "csv"],
      "cli reflect json": [
        "reflect",
        "--platform",
        platformFile,
        "--cities",
        citiesFile,
        "--suggest",
        "--format",
        "json",
      ],
      "cli rank table": ["rank", "Manchester, GB"],
      "cli rank json": ["rank", "Lagos, NG", "--format", "json"],
      "cli rank csv": ["rank", "geonames:1850147", "--format", "csv"],
    };
    const hashes: Record<string, string> = {};
    for (const [name, args] of Object.entries(runs)) {
      const run = await runNode([join(root, "dist", "cli.js"), ...args, "--quiet"], {
        cwd: root,
        env: { COLUMNS: "100" },
      });
      hashes[name] = sha((h) => h.update(`${run.status}\n${run.stdout}\n${run.stderr}`));
    }
    return hashes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs everything and hashes each output. */
export async function currentRun(): Promise<RecordedRun> {
  const cities = PLACES.map(placeToCity);
  return {
    model: MODEL_VERSION,
    places: cities.length,
    hashes: { ...libraryHashes(cities), ...(await cliHashes(cities)) },
  };
}
