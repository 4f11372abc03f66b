/**
 * A city's nearest peers among the gazetteer's places, by the Gower distance
 * over their profiles (`nearestPeers` from the main entry).
 */
import { type City, nearestPeers } from "city-difference";
import { PLACES, type Place, placeToCity } from "city-difference/places";
import { formatScore, h, uniqueId } from "./dom";

const SHOWN = 5;

let gazetteer: { cities: readonly City[]; places: ReadonlyMap<string, Place> } | undefined;

/** Every gazetteer place as a City profile, built once, when first needed. */
function gazetteerCities(): NonNullable<typeof gazetteer> {
  gazetteer ??= {
    cities: PLACES.map(placeToCity),
    places: new Map(PLACES.map((place) => [`geonames:${place.id}`, place])),
  };
  return gazetteer;
}

export interface PeersSection {
  readonly element: HTMLElement;
  /** Lists the peers of a city, or hides the section when there is none. */
  show(city: City | undefined): void;
}

/**
 * The peers section of a panel: a city's nearest places, each with a button
 * that calls `onCompare` with the place, and a checkbox to keep to the
 * city's country.
 */
export function peersSection(onCompare: (place: Place) => void): PeersSection {
  const checkboxId = uniqueId("same-country");
  const sameCountry = h("input", { id: checkboxId, type: "checkbox" });
  const countryLabel = h("label", { for: checkboxId });
  const heading = h("h3", {}, "Nearest peers among the gazetteer's places");
  const list = h("ol", { class: "peers" });
  const note = h("p", { class: "hint peers-note" });
  let current: City | undefined;

  function render(): void {
    element.hidden = current === undefined;
    if (current === undefined) return;
    const city = current;
    const { cities, places } = gazetteerCities();
    countryLabel.textContent = `Only places in ${city.country}`;
    const candidates = sameCountry.checked
      ? cities.filter((other) => other.country === city.country)
      : cities;
    // All of them, nearest first, to say how many tie with the last one shown.
    const ranked = nearestPeers(city, candidates, candidates.length);
    const shown = ranked.slice(0, SHOWN);
    list.replaceChildren(
      ...shown.map((peer) => {
        const place = places.get(peer.cityId) as Place;
        const name = `${place.name}, ${place.country}`;
        const button = h(
          "button",
          { type: "button", "aria-label": `Compare ${name} with ${city.name}` },
          "Compare",
        );
        button.addEventListener("click", () => onCompare(place));
        return h(
          "li",
          { "data-city-id": peer.cityId },
          h("span", { class: "peer-name" }, name),
          " ",
          h("span", { class: "distance" }, `distance ${formatScore(peer.distance)}`),
          " ",
          button,
        );
      }),
    );
    const last = shown[shown.length - 1];
    const ties =
      last === undefined ? 0 : ranked.filter((peer) => peer.distance === last.distance).length;
    note.textContent =
      last === undefined
        ? "No other place to compare with."
        : ties > 1
          ? `${ties.toLocaleString("en")} places are at distance ${formatScore(last.distance)}; ties are listed by GeoNames id.`
          : "";
  }

  const element = h(
    "section",
    { class: "peers-section", hidden: true },
    heading,
    h("div", { class: "check" }, sameCountry, countryLabel),
    list,
    note,
  );
  sameCountry.addEventListener("change", render);
  return {
    element,
    show(city) {
      current = city;
      render();
    },
  };
}
