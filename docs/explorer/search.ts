/**
 * Place search: an editable combobox with a list of suggestions (the WAI-ARIA
 * "combobox with listbox popup" pattern). Type a name, optionally ", CC";
 * Arrow keys move through the suggestions, Enter chooses, Escape closes.
 */
import { NATIONAL_TIER_LEVELS } from "city-difference";
import { normalizeName, PLACES, type Place } from "city-difference/places";
import { h, replace, uniqueId } from "./dom";

const MAX_SUGGESTIONS = 8;

let normalizedNames: readonly string[] | undefined;

/** Places whose name, or a word of it, starts with the query; largest first (as PLACES is). */
export function suggestPlaces(text: string, limit = MAX_SUGGESTIONS): Place[] {
  const comma = text.lastIndexOf(",");
  const country =
    comma > 0
      ? text
          .slice(comma + 1)
          .trim()
          .toUpperCase()
      : "";
  const query = normalizeName(
    comma > 0 && /^[A-Za-z]{0,2}$/.test(country) ? text.slice(0, comma) : text,
  );
  if (query === "") return [];
  normalizedNames ??= PLACES.map((place) => normalizeName(place.name));
  const starts: Place[] = [];
  const contains: Place[] = [];
  normalizedNames.forEach((name, i) => {
    const place = PLACES[i] as Place;
    if (comma > 0 && country !== "" && !place.country.startsWith(country)) return;
    if (name.startsWith(query)) starts.push(place);
    else if (name.includes(` ${query}`)) contains.push(place);
  });
  return [...starts, ...contains].slice(0, limit);
}

function tierLabel(place: Place): string {
  return NATIONAL_TIER_LEVELS.find((level) => level.id === place.nationalTier)?.label ?? "";
}

export interface PlaceSearch {
  readonly element: HTMLElement;
  /** Shows a chosen place's name in the input. */
  show(text: string): void;
}

/** A labelled place search that calls `onChoose` with the place picked. */
export function placeSearch(label: string, onChoose: (place: Place) => void): PlaceSearch {
  const inputId = uniqueId("place-search");
  const listId = uniqueId("place-options");
  const input = h("input", {
    id: inputId,
    type: "text",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "Manchester, GB",
  });
  const list = h("ul", {
    id: listId,
    role: "listbox",
    class: "suggestions",
    "aria-label": label,
    hidden: true,
  });
  const status = h("p", { class: "visually-hidden", role: "status" });
  let suggestions: Place[] = [];
  let active = -1;

  function setOpen(open: boolean): void {
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    if (!open) setActive(-1);
  }

  function setActive(index: number): void {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((option, i) => {
      option.setAttribute("aria-selected", String(i === index));
    });
    const option = index >= 0 ? list.children[index] : undefined;
    if (option !== undefined) {
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function choose(place: Place): void {
    input.value = `${place.name}, ${place.country}`;
    setOpen(false);
    status.textContent = `Chose ${place.name}, ${place.country}.`;
    onChoose(place);
  }

  function update(): void {
    suggestions = suggestPlaces(input.value);
    replace(
      list,
      ...suggestions.map((place, i) => {
        const option = h(
          "li",
          { id: `${listId}-${i}`, role: "option", "aria-selected": "false" },
          h("span", { class: "option-name" }, `${place.name}, ${place.country}`),
          " ",
          h(
            "span",
            { class: "option-detail" },
            `population ${place.population.toLocaleString("en")} · ${tierLabel(place)}`,
          ),
        );
        // Keep the focus in the input while clicking an option.
        option.addEventListener("mousedown", (event) => event.preventDefault());
        option.addEventListener("click", () => choose(place));
        return option;
      }),
    );
    setOpen(suggestions.length > 0);
    status.textContent =
      input.value.trim() === ""
        ? ""
        : suggestions.length === 0
          ? "No place of 100,000 people or more matches."
          : `${suggestions.length} places match; use the arrow keys and Enter to choose.`;
  }

  input.addEventListener("input", update);
  input.addEventListener("keydown", (event) => {
    const count = suggestions.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (count === 0) return;
      if (list.hidden) setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive(active < 0 && step < 0 ? count - 1 : (active + step + count) % count);
    } else if (event.key === "Enter") {
      // With the list open, Enter takes the highlighted suggestion, else the first.
      const place = list.hidden ? undefined : suggestions[Math.max(active, 0)];
      if (place !== undefined) {
        event.preventDefault();
        choose(place);
      }
    } else if (event.key === "Escape") {
      if (!list.hidden) setOpen(false);
      else input.value = "";
    }
  });
  input.addEventListener("blur", () => setOpen(false));

  const element = h(
    "div",
    { class: "place-search" },
    h("label", { for: inputId }, label),
    input,
    list,
    status,
  );
  return {
    element,
    show(text) {
      input.value = text;
    },
  };
}
