/**
 * The floor: the scoring arithmetic of the default scorer as a plain double
 * loop over typed arrays, with every table and index precomputed. It is what
 * `scoreMatrix` could at best cost, and the benchmark checks that it gives
 * the same scores to the last bit.
 *
 * The tables come from the library's own compiler (src/score/compile.ts:
 * `compileTopic`, `compileCity`), copied into typed arrays, so the floor
 * differs from `scoreMatrix` only in the loop that reads them. The loop does
 * what `evaluate`, `aggregate` and `capOf` do for `bound = "value"`:
 *
 * - outlook = outlook[role];
 * - salience = (priorities part + byIncome[income] + byTier[tier]) / parts,
 *   added in that order; an absent salience table is a table of zeros, and
 *   `x + 0 === x` exactly, so the sum is bit-identical;
 * - capacity = 0.5 * clout[tier] + 0.5 * (1 - demand * (1 - means));
 * - authority = authority[autonomy]; values = values[regime];
 * - score = min(w0*f0 + w1*f1 + w2*f2 + w3*f3 + w4*f4 (left to right), cap),
 *   the cap the least cap of the gates that surely hold (1 if none).
 *
 * The default gates test autonomy and regime only, so the cap is
 * min(capByAutonomy[autonomy], capByRegime[regime]); `compileFloor` refuses
 * options with gates on other fields rather than silently mis-scoring.
 */
import type { City, Topic } from "../src/index";
import { PRIORITY_FLOOR } from "../src/index";
import { compileCity, compileTopic, type LevelTable } from "../src/score/compile";
import type { ResolvedOptions } from "../src/score/options";

/** Entries per topic in every per-level table (the largest scale has 4 levels + unknown). */
const STRIDE = 8;

/** Gate slots as compile.ts numbers them. */
const AUTONOMY_SLOT = 3;
const REGIME_SLOT = 4;

/** The neutral priorities part, as compile.ts computes it. */
const PRIORITY_NEUTRAL = (PRIORITY_FLOOR + 1) / 2;

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
  readonly means: Float64Array;
  // Per topic, STRIDE entries each: the `value` row of each level table.
  readonly outlook: Float64Array;
  readonly salienceIncome: Float64Array;
  readonly salienceTier: Float64Array;
  readonly clout: Float64Array;
  readonly authority: Float64Array;
  readonly values: Float64Array;
  readonly capByAutonomy: Float64Array;
  readonly capByRegime: Float64Array;
  // Per topic, one entry each.
  readonly themes: Int32Array;
  readonly themeCount: Float64Array;
  readonly salienceParts: Float64Array;
  readonly resourcesDemand: Float64Array;
  /** The five normalised weights, in FACTORS order. */
  readonly weights: Float64Array;
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
  if (options.aggregation !== "arithmetic") throw new Error("the floor does the arithmetic mean");
  const n = cities.length;
  const m = topics.length;
  const role = new Int8Array(n);
  const tier = new Int8Array(n);
  const income = new Int8Array(n);
  const autonomy = new Int8Array(n);
  const regime = new Int8Array(n);
  const priorities = new Int32Array(n);
  const means = new Float64Array(n);
  cities.forEach((city, i) => {
    const c = compileCity(city);
    role[i] = c.role;
    tier[i] = c.tier;
    income[i] = c.income;
    autonomy[i] = c.autonomy;
    regime[i] = c.regime;
    priorities[i] = c.priorities;
    means[i] = c.means;
  });

  const table = () => new Float64Array(m * STRIDE);
  const outlook = table();
  const salienceIncome = table(); // zeros where the topic has no byIncome salience
  const salienceTier = table();
  const clout = table();
  const authority = table();
  const values = table();
  const capByAutonomy = table().fill(1);
  const capByRegime = table().fill(1);
  const themes = new Int32Array(m);
  const themeCount = new Float64Array(m);
  const salienceParts = new Float64Array(m);
  const resourcesDemand = new Float64Array(m);
  topics.forEach((topic, j) => {
    const t = compileTopic(topic, options);
    const b = j * STRIDE;
    copyTable(outlook, b, t.outlook);
    copyTable(salienceIncome, b, t.salienceIncome);
    copyTable(salienceTier, b, t.salienceTier);
    copyTable(clout, b, t.clout);
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
    means,
    outlook,
    salienceIncome,
    salienceTier,
    clout,
    authority,
    values,
    capByAutonomy,
    capByRegime,
    themes,
    themeCount,
    salienceParts,
    resourcesDemand,
    weights: Float64Array.from(options.weights),
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
  const { cityCount, topicCount, role, tier, income, autonomy, regime, priorities, means } = d;
  const { outlook, salienceIncome, salienceTier, clout, authority, values } = d;
  const { capByAutonomy, capByRegime, themes, themeCount, salienceParts, resourcesDemand } = d;
  const w0 = d.weights[0] as number;
  const w1 = d.weights[1] as number;
  const w2 = d.weights[2] as number;
  const w3 = d.weights[3] as number;
  const w4 = d.weights[4] as number;
  for (let i = 0; i < cityCount; i++) {
    const r = role[i] as number;
    const ti = tier[i] as number;
    const inc = income[i] as number;
    const au = autonomy[i] as number;
    const re = regime[i] as number;
    const mask = priorities[i] as number;
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
        0.5 * (clout[b + ti] as number) +
        0.5 * (1 - (resourcesDemand[j] as number) * (1 - cityMeans));
      const f3 = authority[b + au] as number;
      const f4 = values[b + re] as number;
      const raw = w0 * f0 + w1 * f1 + w2 * f2 + w3 * f3 + w4 * f4;
      const cap = Math.min(capByAutonomy[b + au] as number, capByRegime[b + re] as number);
      out[row + j] = Math.min(raw, cap);
    }
  }
}
