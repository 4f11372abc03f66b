/**
 * Plain-language reasons for a score: one sentence per factor and per gate,
 * each naming the city's attribute and the topic's demand, most influential
 * first.
 *
 * @module
 */
import { joinWithAnd } from "../internal/text";
import { levelPhrases, ORDINAL_FIELDS, type OrdinalField, themeWords } from "../model/fields";
import type { City, Topic } from "../model/schemas";
import type { Theme } from "../model/taxonomy";
import type { FactorName } from "./factors";
import type { ResolvedOptions } from "./options";
import type { AppliedGate, FactorResult } from "./relevance";

/** A factor counts as supporting a topic from 0.6 and as weighing against it below 0.4. */
const SUPPORTS = 0.6;
const HINDERS = 0.4;

const fmt = (x: number) => x.toFixed(2);

function listThemes(themes: readonly Theme[]): string {
  return joinWithAnd(themes.map(themeWords));
}

/** "the topic's first theme", as a short subject for "attention on …". */
function subject(topic: Topic): string {
  return themeWords(topic.themes[0] as Theme);
}

/** The registry's words for one city's level of an ordinal field. */
const one = (path: OrdinalField, level: string) => levelPhrases(path, level).singular;

function article(label: string): string {
  return /^[aeiou]/i.test(label) ? `an ${label}` : `a ${label}`;
}

function range(f: FactorResult): string {
  return `${fmt(f.low)} to ${fmt(f.high)}`;
}

/** What each outlook says of an international role, as a verb phrase. */
const ROLE_VIEW = {
  inward: "sees no international role for the city",
  skeptical: "doubts the value of an international role",
  pragmatic: "engages abroad where it serves local priorities",
  committed: "sees an international role as part of the job",
} as const;

/** Topics below this `internationalFacing` are mostly domestic: the mayor's outlook matters little. */
const OUTWARD = 0.5;

function outlookReason(city: City, topic: Topic, f: FactorResult): string {
  const facing = `international facing ${fmt(topic.internationalFacing)}`;
  const role = city.outlook?.internationalRole;
  if (role === undefined) {
    return `${city.name}'s mayoral outlook is unknown; for this topic (${facing}) the outlook factor could be ${range(f)}.`;
  }
  if (topic.internationalFacing < OUTWARD) {
    return `This topic is mostly domestic (${facing}), so how ${city.name}'s ${one("outlook.internationalRole", role)} sees an international role matters little.`;
  }
  const verdict =
    f.value >= SUPPORTS ? "a good fit" : f.value < HINDERS ? "a poor fit" : "a partial fit";
  return `${city.name}'s mayor ${ROLE_VIEW[role]}, and this topic is outward-facing (${facing}): ${verdict}.`;
}

function salienceReason(city: City, topic: Topic, f: FactorResult): string {
  const income = city.resources?.incomeTier;
  const tier = city.resources?.nationalTier;
  const clauses: { strength: number; text: string }[] = [];
  const byIncome = topic.salience?.byIncome;
  const byTier = topic.salience?.byTier;
  const speaks = (v: number) => (v >= 0.75 ? "strongly" : v >= 0.5 ? "moderately" : "little");
  if (byIncome !== undefined && income !== undefined) {
    const v = byIncome[income];
    clauses.push({
      strength: Math.abs(v - 0.5),
      text: `speaks ${speaks(v)} to cities in ${article(one("resources.incomeTier", income))} like ${city.name} (salience ${fmt(v)})`,
    });
  }
  if (byTier !== undefined && tier !== undefined) {
    const v = byTier[tier];
    clauses.push({
      strength: Math.abs(v - 0.5),
      text: `speaks ${speaks(v)} to ${levelPhrases("resources.nationalTier", tier).plural} like ${city.name} (salience ${fmt(v)})`,
    });
  }
  clauses.sort((a, b) => b.strength - a.strength);
  const first = clauses[0]?.text;
  const priorities = city.outlook?.priorities;
  let prioritiesClause: string;
  if (priorities === undefined) {
    prioritiesClause = `${city.name}'s priorities are unknown`;
  } else {
    const served = topic.themes.filter((theme) => priorities.includes(theme));
    prioritiesClause =
      served.length > 0
        ? `it serves ${city.name}'s stated ${served.length > 1 ? "priorities" : "priority"} of ${listThemes(served)}`
        : `it touches none of ${city.name}'s stated priorities (${listThemes(priorities)})`;
  }
  const unknownParts =
    (byIncome !== undefined && income === undefined) ||
    (byTier !== undefined && tier === undefined);
  const tail = f.known ? "" : `; salience could be ${range(f)}`;
  const lead = first === undefined ? "" : `The topic ${first}, and `;
  const body =
    first === undefined
      ? `${prioritiesClause.charAt(0).toUpperCase()}${prioritiesClause.slice(1)}`
      : prioritiesClause;
  const incomplete =
    unknownParts && first === undefined ? ` (its income tier or national tier is unknown)` : "";
  return `${lead}${body}${incomplete}${tail}.`;
}

function capacityReason(city: City, topic: Topic, f: FactorResult): string {
  const tier = city.resources?.nationalTier;
  const income = city.resources?.incomeTier;
  const clout = `clout ${fmt(topic.demands.clout)}`;
  const resources = `resources ${fmt(topic.demands.resources)}`;
  const means =
    income === undefined
      ? "means of unknown size"
      : `the means of ${article(one("resources.incomeTier", income))}`;
  const aboutClout = topic.demands.clout >= topic.demands.resources;
  if (aboutClout) {
    if (tier === undefined) {
      return `${city.name}'s place in its national urban hierarchy is unknown; for this topic (${clout}) capacity could be ${range(f)}.`;
    }
    if (tier === "primary") {
      return `As a primary city, ${city.name} has the clout to command national attention on ${subject(topic)} (${clout}).`;
    }
    return `As ${article(one("resources.nationalTier", tier))}, ${city.name} has less national clout than a primary city to command attention on ${subject(topic)} (${clout}).`;
  }
  if (f.value >= SUPPORTS) {
    return `With ${means}, ${city.name} can follow through on what this topic asks (${resources}).`;
  }
  return `With ${means}, ${city.name} may struggle to follow through on what this topic asks (${resources}).`;
}

function authorityReason(city: City, topic: Topic, f: FactorResult): string {
  const autonomy = city.governance?.autonomy;
  const demand = `autonomy ${fmt(topic.demands.autonomy)}`;
  if (autonomy === undefined) {
    return `How much authority ${city.name}'s national system delegates is unknown; for this topic (${demand}) authority could be ${range(f)}.`;
  }
  const need =
    topic.demands.autonomy >= 0.7 ? "much" : topic.demands.autonomy >= 0.4 ? "some" : "little";
  const verdict = f.value >= SUPPORTS ? "enough" : f.value < HINDERS ? "too little" : "only part";
  return `In ${article(one("governance.autonomy", autonomy))}, ${city.name} has ${verdict} of the delegated authority this topic needs (${need}: ${demand}).`;
}

function valuesReason(city: City, topic: Topic, f: FactorResult): string {
  const regime = city.governance?.regime;
  const norms = `liberal norms ${fmt(topic.liberalNorms)}, sensitivity ${fmt(topic.sensitivity)}`;
  if (regime === undefined) {
    return `${city.name}'s national regime is unknown; for this topic (${norms}) the values fit could be ${range(f)}.`;
  }
  const fitWord =
    f.value >= SUPPORTS ? "fits" : f.value < HINDERS ? "fits poorly with" : "fits only partly with";
  return `This topic (${norms}) ${fitWord} the national political values of ${article(one("governance.regime", regime))}, ${city.name}'s context.`;
}

const REASONS: Readonly<Record<FactorName, (city: City, topic: Topic, f: FactorResult) => string>> =
  {
    outlook: outlookReason,
    salience: salienceReason,
    capacity: capacityReason,
    authority: authorityReason,
    values: valuesReason,
  };

/** The level a gate's `{level}` placeholder stands for, in words. */
function gateLevelLabel(city: City, field: OrdinalField): string {
  const value = ORDINAL_FIELDS[field].read(city);
  return value === undefined ? "unknown" : value.replace(/-/g, " ");
}

/** The sentence of a gate that holds, surely or possibly. */
function gateText(city: City, applied: AppliedGate, options: ResolvedOptions): string {
  const gate = options.gates.find((g) => g.id === applied.id);
  if (gate === undefined) return "";
  if (applied.certain) {
    const text = gate.reason
      .replaceAll("{city}", city.name)
      .replaceAll("{level}", gateLevelLabel(city, gate.field));
    return `${text} (score × ${fmt(gate.cap)})`;
  }
  const field = gate.field.split(".")[1];
  const levels = gate.levels.join(" or ").replace(/-/g, " ");
  return `If ${field} turns out to be ${levels}, the score would be multiplied by ${fmt(gate.cap)} (${gate.id}).`;
}

/**
 * The reasons of a relevance, most influential first: gates that surely
 * apply, then factors ordered by influence, then gates that may apply. A
 * factor's influence is how far the score would move if the factor took its
 * value for a city of which nothing is known (every level equally likely). So
 * what sets this city apart on this topic comes first, not what every city
 * shares; a factor whose inputs are unknown sits at or near its typical value
 * and comes last (the interval already shows its range).
 */
export function explain(
  city: City,
  topic: Topic,
  factors: Readonly<Record<FactorName, FactorResult>>,
  influence: Readonly<Record<FactorName, number>>,
  gates: readonly AppliedGate[],
  options: ResolvedOptions,
): string[] {
  const ordered = (Object.keys(REASONS) as FactorName[])
    .filter(
      (name) =>
        factors[name].weight > 0 || (name === "salience" && options.aggregation === "need-first"),
    )
    .sort((a, b) => influence[b] - influence[a]);
  return [
    ...gates.filter((g) => g.certain).map((g) => gateText(city, g, options)),
    ...ordered.map((name) => REASONS[name](city, topic, factors[name])),
    ...gates.filter((g) => !g.certain).map((g) => gateText(city, g, options)),
  ].filter((text) => text !== "");
}
