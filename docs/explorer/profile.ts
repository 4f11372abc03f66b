/**
 * The profile form: one control per field of a `City`, each with "Unknown"
 * as a choice of its own. `read()` returns the raw input for `parseCity`,
 * with unknown fields left out (never filled in with a default).
 */
import { type City, COUNTRY_CODES, type Level, TAXONOMIES } from "city-difference";
import { COUNTRIES } from "city-difference/places";
import { h, uniqueId } from "./dom";

type LevelField = "internationalRole" | "nationalTier" | "incomeTier" | "autonomy" | "regime";

const FIELD_LABELS: Record<LevelField, string> = {
  internationalRole: "Mayor's outlook on an international role",
  nationalTier: "Tier in the national urban hierarchy",
  incomeTier: "Country's income group (World Bank)",
  autonomy: "Authority delegated to cities",
  regime: "National regime (V-Dem)",
};

export interface ProfileForm {
  readonly element: HTMLFormElement;
  /** Fills the form from a city profile; fields it lacks become "Unknown". */
  set(city: City): void;
  /** The profile as raw input for `parseCity`. */
  read(): unknown;
}

function countryOptions(): HTMLOptionElement[] {
  const names = new Map(COUNTRIES.map((country) => [country.code as string, country.name]));
  return COUNTRY_CODES.map((code) => ({
    code,
    text: names.has(code) ? `${names.get(code)} (${code})` : code,
  }))
    .sort((a, b) => a.text.localeCompare(b.text, "en"))
    .map(({ code, text }) => h("option", { value: code }, text));
}

/** A labelled select over a taxonomy, "Unknown" first, with the chosen level's description below. */
function levelSelect(field: LevelField): { element: HTMLElement; select: HTMLSelectElement } {
  const id = uniqueId(field);
  const levels: readonly Level[] = TAXONOMIES[field].levels;
  const description = h("small", { id: `${id}-description`, class: "level-description" });
  const select = h(
    "select",
    { id, name: field, "aria-describedby": description.id },
    h("option", { value: "" }, "Unknown"),
    ...levels.map((level) => h("option", { value: level.id }, level.label)),
  );
  const describe = () => {
    description.textContent =
      levels.find((level) => level.id === select.value)?.description ??
      "Unknown: scored over every level, shown as an interval.";
  };
  select.addEventListener("change", describe);
  describe();
  return {
    element: h(
      "div",
      { class: "field" },
      h("label", { for: id }, FIELD_LABELS[field]),
      select,
      description,
    ),
    select,
  };
}

function numberField(
  name: string,
  label: string,
  hint: string,
): { element: HTMLElement; input: HTMLInputElement } {
  const id = uniqueId(name);
  const input = h("input", {
    id,
    name,
    type: "number",
    min: "0",
    step: "any",
    inputmode: "decimal",
    "aria-describedby": `${id}-hint`,
  });
  return {
    element: h(
      "div",
      { class: "field" },
      h("label", { for: id }, label),
      input,
      h("small", { id: `${id}-hint` }, hint),
    ),
    input,
  };
}

export function profileForm(onChange: () => void): ProfileForm {
  // Identity and size come with a chosen place and are kept as they are.
  let cityId: string | undefined;
  let size: { population?: number; metroPopulation?: number } = {};
  const nameId = uniqueId("name");
  const countryId = uniqueId("country");
  const officeId = uniqueId("office");
  const name = h("input", {
    id: nameId,
    name: "name",
    type: "text",
    autocomplete: "off",
    required: true,
  });
  const country = h(
    "select",
    { id: countryId, name: "country", required: true },
    h("option", { value: "" }, "Choose a country"),
    ...countryOptions(),
  );
  const selects = {
    internationalRole: levelSelect("internationalRole"),
    nationalTier: levelSelect("nationalTier"),
    incomeTier: levelSelect("incomeTier"),
    autonomy: levelSelect("autonomy"),
    regime: levelSelect("regime"),
  };
  const priorities = TAXONOMIES.theme.levels.map((level) => {
    const id = uniqueId(`priority-${level.id}`);
    const checkbox = h("input", { id, type: "checkbox", name: "priorities", value: level.id });
    return {
      checkbox,
      element: h(
        "div",
        { class: "check" },
        checkbox,
        h("label", { for: id, title: level.description }, level.label),
      ),
    };
  });
  const office = h(
    "select",
    { id: officeId, name: "internationalOffice" },
    h("option", { value: "" }, "Unknown"),
    h("option", { value: "yes" }, "Yes"),
    h("option", { value: "no" }, "No"),
  );
  const metroGdp = numberField("metroGdp", "Metropolitan GDP (US$ billion)", "Empty: unknown.");
  const budget = numberField("budget", "City budget (US$ million)", "Empty: unknown.");

  const element = h(
    "form",
    { class: "profile", novalidate: true },
    h(
      "fieldset",
      {},
      h("legend", {}, "City"),
      h("div", { class: "field" }, h("label", { for: nameId }, "Name (used in the reasons)"), name),
      h("div", { class: "field" }, h("label", { for: countryId }, "Country"), country),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "1. Mayoral outlook"),
      selects.internationalRole.element,
      h(
        "fieldset",
        { class: "priorities" },
        h("legend", {}, "Local priorities (none ticked: unknown)"),
        ...priorities.map((priority) => priority.element),
      ),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "2. Resources and clout"),
      selects.nationalTier.element,
      selects.incomeTier.element,
      h(
        "div",
        { class: "field" },
        h("label", { for: officeId }, "International-affairs office"),
        office,
      ),
      metroGdp.element,
      budget.element,
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "3. Governance norms"),
      selects.autonomy.element,
      selects.regime.element,
    ),
  );
  element.addEventListener("submit", (event) => event.preventDefault());
  element.addEventListener("input", onChange);

  function positive(input: HTMLInputElement, scale: number): number | undefined {
    return input.value.trim() === "" ? undefined : Number(input.value) * scale;
  }

  return {
    element,
    set(city) {
      cityId = city.id;
      size = {
        ...(city.population !== undefined && { population: city.population }),
        ...(city.metroPopulation !== undefined && { metroPopulation: city.metroPopulation }),
      };
      name.value = city.name;
      country.value = city.country;
      selects.internationalRole.select.value = city.outlook?.internationalRole ?? "";
      selects.nationalTier.select.value = city.resources?.nationalTier ?? "";
      selects.incomeTier.select.value = city.resources?.incomeTier ?? "";
      selects.autonomy.select.value = city.governance?.autonomy ?? "";
      selects.regime.select.value = city.governance?.regime ?? "";
      for (const { select } of Object.values(selects)) select.dispatchEvent(new Event("change"));
      const chosen = new Set<string>(city.outlook?.priorities ?? []);
      for (const { checkbox } of priorities) checkbox.checked = chosen.has(checkbox.value);
      const officeValue = city.resources?.internationalOffice;
      office.value = officeValue === undefined ? "" : officeValue ? "yes" : "no";
      const gdp = city.resources?.metroGdpUsd;
      const budgetUsd = city.resources?.budgetUsd;
      metroGdp.input.value = gdp === undefined ? "" : String(gdp / 1e9);
      budget.input.value = budgetUsd === undefined ? "" : String(budgetUsd / 1e6);
    },
    read() {
      const chosen = priorities.filter((p) => p.checkbox.checked).map((p) => p.checkbox.value);
      const outlook = {
        internationalRole: selects.internationalRole.select.value || undefined,
        priorities: chosen.length > 0 ? chosen : undefined,
      };
      const resources = {
        nationalTier: selects.nationalTier.select.value || undefined,
        incomeTier: selects.incomeTier.select.value || undefined,
        internationalOffice: office.value === "" ? undefined : office.value === "yes",
        metroGdpUsd: positive(metroGdp.input, 1e9),
        budgetUsd: positive(budget.input, 1e6),
      };
      const governance = {
        autonomy: selects.autonomy.select.value || undefined,
        regime: selects.regime.select.value || undefined,
      };
      return {
        id: cityId ?? (name.value.trim() || "profile"),
        name: name.value.trim(),
        country: country.value,
        ...size,
        ...withoutUnknowns("outlook", outlook),
        ...withoutUnknowns("resources", resources),
        ...withoutUnknowns("governance", governance),
      };
    },
  };
}

/** `{ [key]: fields }` without its undefined fields, or `{}` when none is left. */
function withoutUnknowns(key: string, fields: Record<string, unknown>): Record<string, unknown> {
  const known = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  );
  return Object.keys(known).length > 0 ? { [key]: known } : {};
}
