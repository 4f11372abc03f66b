/**
 * The floor: the scoring arithmetic of the default scorer as a plain double
 * loop over typed arrays, with every table and index precomputed. It is what
 * `scoreMatrix` could at best cost, and the benchmark checks that it gives
 * the same scores to the last bit.
 *
 * The tables come from the library's own compiler (src/score/compile.ts:
 * `compileTopic`, `compileCity`, `kernelOf`), copied into typed arrays, so
 * the floor differs from `scoreMatrix` only in the loop that reads them. The
 * loop does what `evaluate`, `aggregate` and `capOf` do for `Bound.value`
 * under the need-first aggregation:
 *
 * - outlook = outlook[role];
 * - salience = (priorities part + byIncome[income] + byTier[tier]) / parts,
 *   added in that order; an absent salience table is a table of zeros, and
 *   `x + 0 === x` exactly, so the sum is bit-identical;
 * - capacity = kc * (1 - cloutDemand * (1 - clout)) + km * (1 - resourcesDemand * (1 - means)),
 *   clout and means the city's own;
 * - authority = authority[autonomy]; values = values[regime];
 * - score = salience * min(1, v0*f0 + v2*f2 + v3*f3 + v4*f4 + vConst) * cap,
 *   the cap the least cap of the gates that surely hold (1 if none).
 *
 * The default gates test autonomy and regime only, so the cap is
 * min(capByAutonomy[autonomy], capByRegime[regime]); `compileFloor` refuses
 * options with gates on other fields rather than silently mis-scoring.
 */
import type { City, Topic } from "../src/index";
import { PRIORITY_FLOOR } from "../src/index";
import {
  compileCity,
  compileTopic,
  kernelOf,
  type LevelTable,
  PRIORITY_NEUTRAL,
} from "../src/score/compile";
import type { ResolvedOptions } from "../src/score/options";

/** Entries per topic in every per-level table (the largest scale has 4 levels + unknown). */
const STRIDE = 8;

/** Gate slots as compile.ts numbers them (the ordinal fields' order in the registry). */
const AUTONOMY_SLOT = 3;
const REGIME_SLOT = 4;

/** Cities and topics as typed arrays. */
export interface FloorData {
  readonly cityCount: number;
  readonly topicCount: number;
  // Per city: level indexes (unknown = one past the last level), priority mask, means.
  readonly role: Int8Array;
  readonly tier: Int8Array;
  readonly income: Int8Array;
  readonly autonomy: Int8Array;
  readonly regime: Int8Array;
  readonly priorities: Int32Array;
  readonly clout: Float64Array;
  readonly means: Float64Array;
  // Per topic, STRIDE entries each: the `value` row of each level table.
  readonly outlook: Float64Array;
  readonly salienceIncome: Float64Array;
  readonly salienceTier: Float64Array;
  readonly authority: Float64Array;
  readonly values: Float64Array;
  readonly capByAutonomy: Float64Array;
  readonly capByRegime: Float64Array;
  // Per topic, one entry each.
  readonly themes: Int32Array;
  readonly themeCount: Float64Array;
  readonly salienceParts: Float64Array;
  readonly cloutDemand: Float64Array;
  readonly resourcesDemand: Float64Array;
  /** Feasibility's weights (FACTORS order, salience's 0), its constant and capacity's two weights. */
  readonly v: Float64Array;
  readonly vConst: number;
  readonly kc: number;
  readonly km: number;
}

function copyTable(target: Float64Array, offset: number, table: LevelTable | undefined): void {
  // The `value` row: the first STRIDE entries of the table (see LevelTable in src/score/compile.ts).
  if (table !== undefined) target.set(table.subarray(0, STRIDE), offset);
}

/** Precomputes the floor's arrays (not timed). */
export function compileFloor(
  cities: readonly City[],
  topics: readonly Topic[],
  options: ResolvedOptions,
): FloorData {
  if (options.aggregation !== "need-first") throw new Error("the floor does need-first");
  const k = kernelOf(options);
  const n = cities.length;
  const m = topics.length;
  const role = new Int8Array(n);
  const tier = new Int8Array(n);
  const income = new Int8Array(n);
  const autonomy = new Int8Array(n);
  const regime = new Int8Array(n);
  const priorities = new Int32Array(n);
  const cityClout = new Float64Array(n);
  const means = new Float64Array(n);
  cities.forEach((city, i) => {
    const c = compileCity(city, k);
    role[i] = c.role;
    tier[i] = c.tier;
    income[i] = c.income;
    autonomy[i] = c.autonomy;
    regime[i] = c.regime;
    priorities[i] = c.priorities;
    cityClout[i] = c.clout[0];
    means[i] = c.means[0];
  });

  const table = () => new Float64Array(m * STRIDE);
  const outlook = table();
  const salienceIncome = table(); // zeros where the topic has no byIncome salience
  const salienceTier = table();
  const authority = table();
  const values = table();
  const capByAutonomy = table().fill(1);
  const capByRegime = table().fill(1);
  const themes = new Int32Array(m);
  const themeCount = new Float64Array(m);
  const salienceParts = new Float64Array(m);
  const cloutDemand = new Float64Array(m);
  const resourcesDemand = new Float64Array(m);
  topics.forEach((topic, j) => {
    const t = compileTopic(topic, options);
    const b = j * STRIDE;
    copyTable(outlook, b, t.outlook);
    copyTable(salienceIncome, b, t.salienceIncome);
    copyTable(salienceTier, b, t.salienceTier);
    copyTable(authority, b, t.authority);
    copyTable(values, b, t.values);
    for (const gate of t.gates) {
      const caps =
        gate.slot === AUTONOMY_SLOT
          ? capByAutonomy
          : gate.slot === REGIME_SLOT
            ? capByRegime
            : undefined;
      if (caps === undefined)
        throw new Error(`the floor handles gates on autonomy and regime only`);
      // A known level in the gate's mask holds surely; the unknown slot never does.
      for (let level = 0; level < STRIDE; level++) {
        if ((gate.mask >>> level) & 1 && gate.cap < (caps[b + level] as number)) {
          caps[b + level] = gate.cap;
        }
      }
    }
    themes[j] = t.themes;
    themeCount[j] = t.themeCount;
    salienceParts[j] = t.salienceParts;
    cloutDemand[j] = t.cloutDemand;
    resourcesDemand[j] = t.resourcesDemand;
  });

  return {
    cityCount: n,
    topicCount: m,
    role,
    tier,
    income,
    autonomy,
    regime,
    priorities,
    clout: cityClout,
    means,
    outlook,
    salienceIncome,
    salienceTier,
    authority,
    values,
    capByAutonomy,
    capByRegime,
    themes,
    themeCount,
    salienceParts,
    cloutDemand,
    resourcesDemand,
    v: k.v,
    vConst: k.vConst,
    kc: k.clout,
    km: k.means,
  };
}

function popcount(mask: number): number {
  let v = mask - ((mask >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The timed loop: writes the score of city i on topic j to `out[i * topicCount + j]`.
 * `out` is allocated by the caller, once.
 */
export function scoreFloor(d: FloorData, out: Float64Array): void {
  const { cityCount, topicCount, role, tier, income, autonomy, regime, priorities } = d;
  const { clout, means, outlook, salienceIncome, salienceTier, authority, values } = d;
  const { capByAutonomy, capByRegime, themes, themeCount, salienceParts } = d;
  const { cloutDemand, resourcesDemand, vConst, kc, km } = d;
  const v0 = d.v[0] as number;
  const v2 = d.v[2] as number;
  const v3 = d.v[3] as number;
  const v4 = d.v[4] as number;
  for (let i = 0; i < cityCount; i++) {
    const r = role[i] as number;
    const ti = tier[i] as number;
    const inc = income[i] as number;
    const au = autonomy[i] as number;
    const re = regime[i] as number;
    const mask = priorities[i] as number;
    const cityClout = clout[i] as number;
    const cityMeans = means[i] as number;
    const row = i * topicCount;
    for (let j = 0; j < topicCount; j++) {
      const b = j * STRIDE;
      const f0 = outlook[b + r] as number;
      let salience =
        mask < 0
          ? PRIORITY_NEUTRAL
          : PRIORITY_FLOOR +
            (1 - PRIORITY_FLOOR) *
              (popcount(mask & (themes[j] as number)) / (themeCount[j] as number));
      salience += salienceIncome[b + inc] as number;
      salience += salienceTier[b + ti] as number;
      const f1 = salience / (salienceParts[j] as number);
      const f2 =
        kc * (1 - (cloutDemand[j] as number) * (1 - cityClout)) +
        km * (1 - (resourcesDemand[j] as number) * (1 - cityMeans));
      const f3 = authority[b + au] as number;
      const f4 = values[b + re] as number;
      const feasibility = v0 * f0 + v2 * f2 + v3 * f3 + v4 * f4 + vConst;
      const cap = Math.min(capByAutonomy[b + au] as number, capByRegime[b + re] as number);
      out[row + j] = f1 * Math.min(1, feasibility) * cap;
    }
  }
}
