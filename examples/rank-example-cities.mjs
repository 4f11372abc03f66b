// Ranks the built-in catalog for a few example cities and prints the top topics with their
// intervals and first reasons. Run after `npm run build`: `npm run example`.
import {
  CATALOG,
  formatValidationError,
  parseCities,
  RELEVANCE_BANDS,
  rankTopics,
} from "city-difference";

const examples = [
  {
    id: "gb-manchester",
    name: "Manchester",
    country: "GB",
    outlook: { internationalRole: "pragmatic", priorities: ["economic-development", "climate"] },
    resources: { nationalTier: "secondary", incomeTier: "high" },
    governance: { autonomy: "intermediate", regime: "liberal-democracy" },
  },
  {
    id: "us-chicago",
    name: "Chicago",
    country: "US",
    outlook: { internationalRole: "committed", priorities: ["trade", "migration"] },
    resources: { nationalTier: "primary", incomeTier: "high", internationalOffice: true },
    governance: { autonomy: "decentralized", regime: "liberal-democracy" },
  },
  {
    id: "ng-kano",
    name: "Kano",
    country: "NG",
    resources: { nationalTier: "primary", incomeTier: "lower-middle" },
    governance: { autonomy: "decentralized", regime: "electoral-democracy" },
  },
];

const { cities, errors } = parseCities(examples);
for (const error of errors) console.error(`record ${error.index}: ${formatValidationError(error)}`);

const band = (score) =>
  score >= RELEVANCE_BANDS.high ? "high" : score >= RELEVANCE_BANDS.moderate ? "moderate" : "low";

for (const city of cities) {
  console.log(`\n${city.name} (${city.country})`);
  for (const r of rankTopics(city, CATALOG).slice(0, 5)) {
    const interval = r.low === r.high ? "" : ` [${r.low.toFixed(2)}–${r.high.toFixed(2)}]`;
    console.log(
      `  ${r.rank}. ${r.topicId.padEnd(27)} ${r.score.toFixed(2)}${interval} ${band(r.score)}`,
    );
    console.log(`     ${r.reasons[0]}`);
  }
}
