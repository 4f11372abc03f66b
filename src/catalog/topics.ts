/**
 * The built-in catalog of international engagement topics.
 *
 * Every number is explained in docs/topics.md, with the passage of the essay
 * (Sam Tabory, "Difference in city diplomacy", Chicago Council on Global
 * Affairs) or the source it rests on. The comments below give the short
 * reason; a change to any number changes results and goes in the changelog.
 *
 * Scales (all 0..1): `internationalFacing` from domestic to outward;
 * `demands` from "needs none" to "cannot be done without"; `liberalNorms`
 * from "neutral" to "rests on liberal-democratic norms"; `sensitivity` from
 * "uncontroversial" to "touches human rights and regime legitimacy". A demand
 * of 0.7 or more means the topic needs the attribute (the default gates start
 * there); 0.3 to 0.6 that it benefits from it.
 *
 * @module
 */
import type { Topic } from "../model/schemas";

/** Salience by national tier for public stances: the weight of a stance scales with the economy it speaks for. */
const STANCE_BY_TIER = { primary: 1, secondary: 0.6, tertiary: 0.4, local: 0.2 } as const;

/** Freezes a value and everything it holds, so that nothing can change a catalog topic after load. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

/**
 * The built-in topics, sorted by id. Frozen, as parsed topics are: a scorer
 * compiles each once and reuses it.
 *
 * @example
 * CATALOG.map((topic) => topic.id);
 * // ["adequate-housing", "administrative-transparency", "basic-services", …]
 * @category Catalog
 */
export const CATALOG: readonly Topic[] = /* @__PURE__ */ deepFreeze([
  {
    id: "adequate-housing",
    name: "Adequate housing for all",
    description:
      "Commitments to affordable, adequate housing and the right to it, as in the Cities for Adequate Housing declaration.",
    themes: ["housing", "human-rights"],
    internationalFacing: 0.4, // a local task; a declaration with peers gives it a voice abroad
    demands: { clout: 0.3, resources: 0.7, autonomy: 0.7 }, // building and regulating housing needs money and land-use powers
    liberalNorms: 0.5, // framed as a right, pursued under many regimes
    sensitivity: 0.5, // evictions, rents and informal settlements are contested
  },
  {
    id: "administrative-transparency",
    name: "Administrative transparency exchange",
    description:
      "Peer exchange on open data, open contracting and access to information in city administration.",
    themes: ["governance", "innovation"],
    internationalFacing: 0.4, // peer exchange abroad, practised at home
    demands: { clout: 0.1, resources: 0.3, autonomy: 0.5 }, // needs control over the city's own administration
    liberalNorms: 0.8, // the essay names administrative transparency among the liberal-democratic values
    sensitivity: 0.4,
  },
  {
    id: "basic-services",
    name: "Basic-service delivery",
    description:
      "Delivering water, sanitation, electricity and waste collection to every resident, and learning from peers who do.",
    themes: ["basic-services", "health", "housing"],
    internationalFacing: 0.2, // a domestic task; international engagement serves it through peer learning
    demands: { clout: 0.1, resources: 0.5, autonomy: 0.5 },
    liberalNorms: 0.1,
    sensitivity: 0.1,
    salience: {
      // The essay: some mayors are still trying to meet basic service needs for their residents.
      byIncome: { low: 1, "lower-middle": 0.9, "upper-middle": 0.5, high: 0.2 },
    },
  },
  {
    id: "climate-action",
    name: "Climate action commitments",
    description:
      "Commitments to cut emissions and adapt to climate risk, as in C40 or the Global Covenant of Mayors.",
    themes: ["climate", "infrastructure"],
    internationalFacing: 0.6, // pledged in international networks, delivered at home
    demands: { clout: 0.3, resources: 0.6, autonomy: 0.6 }, // powers over transport, buildings and land use help; cities in centralized systems commit too (docs/topics.md)
    liberalNorms: 0.2,
    sensitivity: 0.2,
  },
  {
    id: "cultural-exchange",
    name: "Cultural exchange and creative-city networks",
    description:
      "Exchanging culture with cities abroad: sister-city programmes, festivals and designations such as UNESCO's Creative Cities.",
    themes: ["culture", "economic-development"],
    internationalFacing: 0.7, // addressed to partners and visitors abroad
    demands: { clout: 0.1, resources: 0.2, autonomy: 0.2 }, // small towns take part; sister-city ties cost little
    liberalNorms: 0.3, // practised across regimes; cultural freedom helps
    sensitivity: 0.2,
  },
  {
    id: "free-expression",
    name: "Free expression in city life",
    description: "Protecting free expression, open media and cultural freedom in the city.",
    themes: ["human-rights", "culture"],
    internationalFacing: 0.5,
    demands: { clout: 0.2, resources: 0.1, autonomy: 0.3 },
    liberalNorms: 1, // the essay names free expression among the liberal-democratic values
    sensitivity: 0.8,
  },
  {
    id: "human-rights",
    name: "Human-rights city commitments",
    description:
      "Commitments to protect and promote human rights locally, as human-rights cities do.",
    themes: ["human-rights", "migration"],
    internationalFacing: 0.6,
    demands: { clout: 0.3, resources: 0.2, autonomy: 0.4 },
    liberalNorms: 0.9,
    sensitivity: 0.9, // the essay: sensitivities to human rights complicate which cities engage
  },
  {
    id: "immigration-stance",
    name: "Public stance on immigration policy",
    description:
      "Taking a public position on national immigration policy and on newcomers' place in the city.",
    themes: ["migration", "human-rights"],
    internationalFacing: 0.8,
    demands: { clout: 0.9, resources: 0.5, autonomy: 0.4 }, // the essay: commanding attention on immigration takes clout
    liberalNorms: 0.5,
    sensitivity: 0.8,
    salience: { byTier: STANCE_BY_TIER },
  },
  {
    id: "infrastructure-investment",
    name: "Strategic infrastructure investment",
    description:
      "Planning and financing strategic infrastructure with international partners and investors.",
    themes: ["infrastructure", "economic-development"],
    internationalFacing: 0.5,
    demands: { clout: 0.5, resources: 0.8, autonomy: 0.6 }, // capital-intensive; needs planning and borrowing powers
    liberalNorms: 0.1,
    sensitivity: 0.2,
    salience: {
      // The essay's mayoral dialogue on strategic infrastructure: cities still building out networks need it most.
      byIncome: { low: 0.8, "lower-middle": 0.9, "upper-middle": 0.8, high: 0.6 },
    },
  },
  {
    id: "investment-attraction",
    name: "International investment attraction",
    description: "Promoting the city abroad to attract investors, firms and visitors.",
    themes: ["economic-development", "trade"],
    internationalFacing: 0.8,
    demands: { clout: 0.5, resources: 0.6, autonomy: 0.4 },
    liberalNorms: 0.1,
    sensitivity: 0.1,
    salience: {
      // Cities below the top use engagement to raise their profile (the essay); primary cities draw investors already.
      byTier: { primary: 0.6, secondary: 0.9, tertiary: 0.8, local: 0.5 },
    },
  },
  {
    id: "knowledge-exchange",
    name: "Peer-to-peer best-practice exchange",
    description:
      "Sharing practice with peer cities on chosen subjects, the everyday work of city networks.",
    themes: ["governance", "innovation"],
    internationalFacing: 0.6,
    demands: { clout: 0.1, resources: 0.3, autonomy: 0.4 },
    liberalNorms: 0.6, // the essay: best practices often rest on analysis that privileges liberal-democratic values
    sensitivity: 0.2,
  },
  {
    id: "lifelong-learning",
    name: "Lifelong learning for all",
    description:
      "Learning for residents of every age, in and beyond school (adult and community education, libraries, learning festivals), built with peer cities, as in UNESCO's Global Network of Learning Cities.",
    themes: ["education"],
    internationalFacing: 0.4, // a local service; a UN institute's network gives it peers abroad
    demands: { clout: 0.3, resources: 0.4, autonomy: 0.4 }, // draws on the universities, colleges and libraries a city hosts; staff, no fee; schooling is often national, community learning local
    liberalNorms: 0.2, // pursued under every kind of regime
    sensitivity: 0.1,
  },
  {
    id: "public-health",
    name: "Public health partnerships",
    description:
      "City policies against noncommunicable diseases and injuries (tobacco, diet, road safety) with international partners, as in the Partnership for Healthy Cities.",
    themes: ["health", "safety"],
    internationalFacing: 0.4, // technical partners abroad, policy at home
    demands: { clout: 0.3, resources: 0.4, autonomy: 0.6 }, // a policy needs regulatory powers, which health systems often keep nationally
    liberalNorms: 0.2, // pursued under every kind of regime
    sensitivity: 0.2,
  },
  {
    id: "public-participation",
    name: "Public participation exchange",
    description:
      "Participatory budgeting, consultation and co-design of city policy with residents.",
    themes: ["governance"],
    internationalFacing: 0.4,
    demands: { clout: 0.1, resources: 0.2, autonomy: 0.5 },
    liberalNorms: 0.9, // the essay names public participation among the liberal-democratic values
    sensitivity: 0.5,
  },
  {
    id: "trade-stance",
    name: "Public stance on trade policy",
    description: "Taking a public position on national trade policy and agreements.",
    themes: ["trade", "economic-development"],
    internationalFacing: 0.9,
    demands: { clout: 0.9, resources: 0.4, autonomy: 0.3 }, // the essay: New York, Los Angeles and Chicago command attention on trade
    liberalNorms: 0.2,
    sensitivity: 0.4,
    salience: {
      byTier: STANCE_BY_TIER,
      // The essay's traders are the primary cities of a high-income country (New York, Los Angeles,
      // Chicago); where a city is still meeting basic needs, a stance on national trade policy is
      // a distant concern. Equal steps by income tier, 0.4 to 1.
      byIncome: { low: 0.4, "lower-middle": 0.6, "upper-middle": 0.8, high: 1 },
    },
  },
  {
    id: "urban-advocacy",
    name: "Urban advocacy coalition",
    description:
      "Joining peers in a coalition that takes policy stances to raise their profile, as the UK's Core Cities and Key Cities do.",
    themes: ["economic-development", "governance"],
    internationalFacing: 0.3, // mostly addressed to the national government
    demands: { clout: 0.2, resources: 0.3, autonomy: 0.3 }, // a coalition pools the clout its members lack alone
    liberalNorms: 0.4, // organised lobbying of government presumes some pluralism
    sensitivity: 0.3,
    salience: {
      // The essay: Core Cities (secondary) formed to balance London; Key Cities (tertiary) followed.
      byTier: { primary: 0.2, secondary: 1, tertiary: 0.9, local: 0.5 },
    },
  },
  {
    id: "urban-innovation",
    name: "Urban innovation and digital services",
    description:
      "Testing and spreading new solutions to city problems (digital services, data, challenge prizes), as in the Global Mayors Challenge.",
    themes: ["innovation", "economic-development"],
    internationalFacing: 0.5, // competitions and networks abroad, solutions used at home
    demands: { clout: 0.2, resources: 0.5, autonomy: 0.5 }, // open to cities of any rank; pilots take a team and a budget
    liberalNorms: 0.3, // open data leans on transparency; smart-city programmes run everywhere
    sensitivity: 0.3, // data and surveillance touch rights
  },
  {
    id: "urban-resilience",
    name: "Urban resilience to shocks and stresses",
    description:
      "Preparing for disasters, climate hazards and violence with a resilience strategy and peers, as 100 Resilient Cities did.",
    themes: ["safety", "climate", "infrastructure"],
    internationalFacing: 0.5, // strategies built with international peers and funders
    demands: { clout: 0.3, resources: 0.6, autonomy: 0.6 }, // protection costs money; emergency powers are shared with the state
    liberalNorms: 0.2, // pursued under every kind of regime
    sensitivity: 0.3, // security and policing can touch rights
  },
]);

/**
 * A catalog topic by id, or `undefined`.
 *
 * @example
 * catalogTopic("climate-action")?.demands.autonomy; // 0.6
 * @category Catalog
 */
export function catalogTopic(id: string): Topic | undefined {
  return CATALOG.find((topic) => topic.id === id);
}
