/**
 * The city-difference explorer: find a place or write a profile, see the
 * catalog ranked for it, compare two cities. Built from the package's public
 * entry points only ("city-difference" and "city-difference/places").
 */
import {
  CATALOG,
  type City,
  formatValidationError,
  levelLabel,
  parseCity,
  rankTopics,
} from "city-difference";
import { PLACES, type Place, placeToCity } from "city-difference/places";
import { formatScore, h, replace } from "./dom";
import { peersSection } from "./peers";
import { profileForm } from "./profile";
import { comparisonTable, legend, rankingList } from "./ranking";
import { placeSearch } from "./search";

interface CityPanel {
  readonly element: HTMLElement;
  /** The panel's city, when its profile is complete enough to parse. */
  city(): City | undefined;
  choose(place: Place): void;
}

/** A one-line summary of what a profile knows, e.g. "Secondary city · High income · outlook unknown". */
function profileSummary(city: City): string {
  const known: string[] = [];
  const unknown: string[] = [];
  const note = (value: string | undefined, label: (v: never) => string, name: string) => {
    if (value === undefined) unknown.push(name);
    else known.push(label(value as never));
  };
  note(
    city.outlook?.internationalRole,
    (v) => `${levelLabel("internationalRole", v)} mayor`,
    "mayor's outlook",
  );
  note(city.resources?.nationalTier, (v) => levelLabel("nationalTier", v), "national tier");
  note(city.resources?.incomeTier, (v) => levelLabel("incomeTier", v), "income group");
  note(city.governance?.autonomy, (v) => `${levelLabel("autonomy", v)} authority`, "autonomy");
  note(city.governance?.regime, (v) => levelLabel("regime", v), "regime");
  if (city.outlook?.priorities === undefined) unknown.push("priorities");
  const population =
    city.population === undefined ? "" : `population ${city.population.toLocaleString("en")} · `;
  return `${population}${known.join(" · ")}${unknown.length > 0 ? ` · unknown: ${unknown.join(", ")}` : ""}`;
}

interface PanelOptions {
  readonly key: string;
  readonly title: string;
  readonly emptyHint: string;
  /** Called after every change of the panel's city. */
  readonly onUpdate: () => void;
  /** Called with a peer to compare with the panel's city. */
  readonly onCompare: (place: Place) => void;
}

function cityPanel({ key, title, emptyHint, onUpdate, onCompare }: PanelOptions): CityPanel {
  let current: City | undefined;
  const titleId = `panel-${key}-title`;
  const heading = h("h3", { class: "ranking-title" });
  const summary = h("p", { class: "profile-summary" });
  const status = h("p", { class: "visually-hidden", role: "status" });
  const area = h("div", { class: "ranking-area" });
  const form = profileForm(update);
  const peers = peersSection(onCompare);
  const search = placeSearch(`Find a place (${title.toLowerCase()})`, (place) =>
    panel.choose(place),
  );
  const details = h(
    "details",
    { class: "profile-details" },
    h("summary", {}, "Edit the profile"),
    h("p", { class: "hint" }, "Every field may be unknown; the scores then carry an interval."),
    form.element,
  );

  function update(): void {
    const raw = form.read() as { name: string; country: string };
    const parsed = parseCity(raw);
    current = parsed._tag === "Right" ? parsed.right : undefined;
    replace(heading);
    replace(summary);
    if (current !== undefined) {
      const city = current;
      const ranking = rankTopics(city, CATALOG);
      replace(heading, `Topics ranked for ${city.name}, ${city.country}`);
      replace(summary, profileSummary(city));
      replace(area, rankingList(city, ranking));
      const top = ranking[0];
      status.textContent =
        top === undefined
          ? ""
          : `Ranked ${ranking.length} topics for ${city.name}; first: ${top.topicId}, ${formatScore(top.score)}.`;
    } else if (raw.name === "" && raw.country === "") {
      replace(area, h("p", { class: "hint" }, emptyHint));
    } else if (parsed._tag === "Left") {
      replace(
        area,
        h(
          "p",
          { class: "error", role: "alert" },
          `Check the profile: ${formatValidationError(parsed.left)}`,
        ),
      );
    }
    peers.show(current);
    onUpdate();
  }

  const panel: CityPanel = {
    element: h(
      "section",
      { class: "city-panel", id: `panel-${key}`, "aria-labelledby": titleId },
      h("h2", { id: titleId }, title),
      search.element,
      summary,
      details,
      heading,
      status,
      area,
      peers.element,
    ),
    city: () => current,
    choose(place) {
      search.show(`${place.name}, ${place.country}`);
      form.set(placeToCity(place));
      update();
    },
  };
  update();
  return panel;
}

function start(root: HTMLElement): void {
  const comparison = h("section", {
    class: "comparison-section",
    "aria-labelledby": "comparison-title",
  });
  const panels: CityPanel[] = [];
  const refreshComparison = () => {
    const a = panels[0]?.city();
    const b = panels[1]?.city();
    replace(
      comparison,
      h("h2", { id: "comparison-title" }, "Side by side"),
      a !== undefined && b !== undefined
        ? comparisonTable(a, b)
        : h(
            "p",
            { class: "hint" },
            "Choose two cities to see their scores per topic side by side.",
          ),
    );
  };
  // A peer of one city is compared in the other panel.
  const compareIn = (index: number) => (place: Place) => {
    panels[index]?.choose(place);
    panels[index]?.element.scrollIntoView({ block: "start" });
  };
  panels.push(
    cityPanel({
      key: "a",
      title: "First city",
      emptyHint:
        "Search a place above, or open the profile and give at least a name and a country.",
      onUpdate: refreshComparison,
      onCompare: compareIn(1),
    }),
    cityPanel({
      key: "b",
      title: "Second city",
      emptyHint: "Choose a second city to compare it with the first.",
      onUpdate: refreshComparison,
      onCompare: compareIn(0),
    }),
  );
  replace(
    root,
    legend(),
    h("div", { class: "panels" }, ...panels.map((panel) => panel.element)),
    comparison,
  );
  refreshComparison();
  root.dataset.ready = "true";
}

const root = document.getElementById("explorer");
if (root !== null) start(root);
const placeCount = document.getElementById("place-count");
if (placeCount !== null) placeCount.textContent = PLACES.length.toLocaleString("en");
