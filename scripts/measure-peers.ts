/**
 * How well `cityDistance` tells the gazetteer's places apart: the share of
 * places with another place at distance 0, the number of distinct profiles,
 * the nearest peers of a few places, and the cohorts `formCohorts` forms on
 * the whole gazetteer (k chosen by silhouette, seed 1).
 *
 * Run: `npx tsx scripts/measure-peers.ts` (docs/recipes.md and
 * docs/methodology.md quote its figures).
 */
import { either as E } from "fp-ts";
import { compileProfiles, distinctProfiles } from "../src/cohorts/profile";
import { formCohorts, nearestPeers } from "../src/index";
import { cityFromPlace, PLACES, placeToCity } from "../src/places/index";

const cities = PLACES.map(placeToCity);
const byId = new Map(cities.map((city) => [city.id, city]));

const distinct = distinctProfiles(compileProfiles(cities));
const counts = distinct.weights;
let twinned = 0;
for (let i = 0; i < cities.length; i++) {
  if ((counts[distinct.ofCity[i] as number] as number) > 1) twinned++;
}
console.log(`places: ${cities.length}`);
console.log(`distinct profiles: ${distinct.profiles.size}`);
console.log(
  `places with another place at distance 0: ${twinned} (${((100 * twinned) / cities.length).toFixed(1)}%)`,
);

for (const query of ["Kano, NG", "Manchester, GB", "Lyon, FR", "Chicago, US"]) {
  const found = cityFromPlace(query);
  if (E.isLeft(found)) continue;
  const peers = nearestPeers(found.right, cities, 5)
    .map((peer) => {
      const city = byId.get(peer.cityId);
      return `${city?.name}, ${city?.country} ${peer.distance.toFixed(3)}`;
    })
    .join("; ");
  console.log(`nearest peers of ${query}: ${peers}`);
}

const started = Date.now();
const cohorts = formCohorts(cities, { seed: 1 });
if (E.isRight(cohorts)) {
  const result = cohorts.right;
  console.log(
    `formCohorts on the gazetteer: k = ${result.k} (${result.method}, silhouette ${result.silhouette.toFixed(3)} ${result.silhouetteMethod}), ${Date.now() - started} ms`,
  );
  console.log(
    `silhouette by k: ${result.candidates.map((c) => `${c.k} ${c.silhouette.toFixed(3)}`).join(", ")}`,
  );
  for (const cohort of result.cohorts) {
    const medoid = byId.get(cohort.medoidId);
    console.log(
      `  ${cohort.id}: ${cohort.memberIds.length} places, medoid ${medoid?.name}, ${medoid?.country}: ${cohort.description}`,
    );
  }
}
