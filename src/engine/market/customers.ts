/**
 * Customer agents. Stored as parallel typed arrays and updated in place every week, so 10,000
 * agents cost no allocation per tick. Big customers (segments that buy by RFP) hold contracts;
 * the others buy on-demand: each sits with one offer — one provider's capacity of one GPU
 * generation — and re-shops by price per H100-equivalent, availability and platform. Because every
 * generation of every provider is a separate offer, a newer chip that rents for less per unit of
 * performance draws customers from the older ones (substitution).
 */
import type { CustomerPool, World } from '../types.ts';
import type { Scenario } from '../../scenario/schema/index.ts';
import type { RngState } from '../rng.ts';
import { nextFloat, nextFloatOf, loadStream, storeStream } from '../rng.ts';
import { HOURS_PER_WEEK } from '../money.ts';
import { exp, expApprox, ln, pow, APPROX_DECISION_MARGIN } from '../dmath.ts';
import { hyperscalerUsdPerH100eHour } from './rents.ts';

type Segment = Scenario['market']['demand']['segments'][number];
type Choice = Scenario['market']['customerChoice'];

export function createCustomers(scenario: Scenario, rng: RngState): CustomerPool {
  const d = scenario.market.demand;
  const segs = d.segments;
  const n = d.customerAgents;
  const counts = segs.map((s) => Math.max(1, Math.round(s.agentShare * n)));
  const total = counts.reduce((a, b) => a + b, 0);
  const pool: CustomerPool = {
    count: total,
    segment: new Uint8Array(total),
    weight: new Float64Array(total),
    sensitivity: new Float32Array(total),
    provider: new Int16Array(total).fill(-1),
    fillRatio: new Float32Array(total).fill(1),
    rfpOpen: new Uint8Array(total),
    contractedH100e: new Float64Array(total),
    generation: new Uint16Array(total),
    segStart: [],
    segEnd: [],
  };
  let i = 0;
  for (let s = 0; s < segs.length; s++) {
    pool.segStart.push(i);
    let wsum = 0;
    for (let k = 0; k < counts[s]!; k++, i++) {
      pool.segment[i] = s;
      // Pareto-like sizes: a few large customers, many small ones.
      const w = 1 / pow(1 - nextFloat(rng) * d.customerSizeDrawCap, d.customerSizeTailExponent);
      pool.weight[i] = w;
      wsum += w;
      pool.sensitivity[i] = d.customerSensitivityMin + nextFloat(rng) * d.customerSensitivityRange;
    }
    for (let k = pool.segStart[s]!; k < i; k++) pool.weight[k] = pool.weight[k]! / wsum;
    if (segs[s]!.buysByRfp && segs[s]!.credit === 'ig') setAnchorShare(pool.weight, pool.segStart[s]!, i, d.anchorBuyerShareOfSegment);
    pool.segEnd.push(i);
  }
  return pool;
}

/**
 * The anchor buyer (`market.demand.anchorBuyerShareOfSegment`): the largest customer of the
 * investment-grade contract segment holds at least `share` of the segment's demand and the others
 * the rest in their drawn proportions (weights of `start`…`end` already sum to 1). A drawn giant
 * already that large is left as drawn; 0 = the drawn Pareto weights unchanged (the ablation). Draws
 * nothing: the customers' random stream is untouched.
 */
export function setAnchorShare(weight: Float64Array, start: number, end: number, share: number): void {
  if (share <= 0 || end - start < 2) return;
  let top = start;
  for (let k = start + 1; k < end; k++) if (weight[k]! > weight[top]!) top = k;
  if (weight[top]! >= share) return;
  const rest = 1 - weight[top]!;
  for (let k = start; k < end; k++) weight[k] = k === top ? share : rest > 0 ? (weight[k]! * (1 - share)) / rest : (1 - share) / (end - start - 1);
}

/** `CustomerPool.provider` of a customer renting from the hyperscalers by choice (−1: no provider yet). */
export const AT_HYPERSCALERS = -2;

/** Scratch buffers for per-provider figures (working memory, not state). */
let lnPriceBuf = new Float64Array(16);
let capBuf = new Float64Array(16);
let closedBuf = new Uint8Array(33);
let platformBuf = new Float64Array(16);
let demandBuf = new Float64Array(16);
let fillBuf = new Float64Array(16);
let openBuf = new Int32Array(16);
let boundBuf = new Float64Array(16);
const rngWork = new Uint32Array(4);
/** Relative margin on the churn bounds in `shopSegment`: exp's rounding error is ~1e-16. */
const CHURN_BOUND_MARGIN = 1 + 1e-9;

/**
 * Each segment's highest price sensitivity, by the pool's sensitivity array: drawn once when the
 * customers are created and never changed, so it is taken once per pool instead of every week
 * (working memory, not state; a restored save brings a new array and gets its own entry).
 */
const sensitivityMaxByPool = new WeakMap<Float32Array, Float64Array>();
function segmentSensitivityMax(pool: CustomerPool, s: number): number {
  const sensitivity = pool.sensitivity;
  let max = sensitivityMaxByPool.get(sensitivity);
  if (!max) {
    max = new Float64Array(pool.segStart.length);
    for (let k = 0; k < pool.segStart.length; k++) {
      let m = 0;
      for (let i = pool.segStart[k]!; i < pool.segEnd[k]!; i++) if (sensitivity[i]! > m) m = sensitivity[i]!;
      max[k] = m;
    }
    sensitivityMaxByPool.set(sensitivity, max);
  }
  return max[s]!;
}

/** `logitChoiceFast` could not prove its choice is `logitChoiceExact`'s (the draw fell near a boundary). */
export const UNDECIDED = -3;

/** The week's per-offer buffers a logit choice reads (filled by `allocateOnDemand`). */
export interface LogitOffers { lnPrice: Float64Array; cap: Float64Array; plat: Float64Array; demand: Float64Array; open: Int32Array }

/**
 * A re-shopping customer's logit choice over the open offers and the hyperscalers, as the state
 * defines it: utilities with the bit-exact `exp`, accumulated in util[] (no allocation), and the
 * offer where the draw `u` × their sum falls. Returns the offer index or AT_HYPERSCALERS.
 */
export function logitChoiceExact(o: LogitOffers, sens: number, u: number, nOpen: number, util: Float64Array, lnHyper: number, hyperUtility: number, minFree: number): number {
  const { lnPrice, cap, plat, demand, open } = o;
  let sum = 0;
  for (let j = 0; j < nOpen; j++) {
    const c = open[j]!;
    const k = cap[c]!;
    // exp(−sens·ln(price per H100e / index) + platformUtility·platform + ln(free share)), with the logs taken once a week.
    util[j] = exp(Math.max(-30, Math.min(30, -sens * lnPrice[c]! + plat[c]!))) * Math.max(minFree, 1 - demand[c]! / Math.max(1e-9, k));
    sum += util[j]!;
  }
  const uh = exp(Math.max(-30, Math.min(30, -sens * lnHyper + hyperUtility)));
  sum += uh;
  let r = u * sum;
  for (let j = 0; j < nOpen; j++) {
    r -= util[j]!;
    if (r < 0) return open[j]!;
  }
  return AT_HYPERSCALERS;
}

/**
 * The same choice as `logitChoiceExact`, with the fast `expApprox` (the exact `exp` was ~a quarter
 * of the engine's time: ~9 M calls a run). Every utility differs from the exact one by < 1e-14
 * relative, so every running remainder r differs by < 1e-13 × the sum; when each remainder the walk
 * tests is farther than `APPROX_DECISION_MARGIN` × the sum from 0, the exact walk takes every step
 * the same way and picks the same offer. Otherwise returns UNDECIDED and the caller runs the exact
 * choice (about once in 10^8 re-shops; test/engine/fast-paths.test.ts forces it with a wide margin).
 */
export function logitChoiceFast(o: LogitOffers, sens: number, u: number, nOpen: number, util: Float64Array, lnHyper: number, hyperUtility: number, minFree: number, margin = APPROX_DECISION_MARGIN): number {
  const { lnPrice, cap, plat, demand, open } = o;
  let sum = 0;
  for (let j = 0; j < nOpen; j++) {
    const c = open[j]!;
    util[j] = expApprox(Math.max(-30, Math.min(30, -sens * lnPrice[c]! + plat[c]!))) * Math.max(minFree, 1 - demand[c]! / Math.max(1e-9, cap[c]!));
    sum += util[j]!;
  }
  sum += expApprox(Math.max(-30, Math.min(30, -sens * lnHyper + hyperUtility)));
  const tol = sum * margin;
  let r = u * sum;
  for (let j = 0; j < nOpen; j++) {
    r -= util[j]!;
    if (r < tol && r > -tol) return UNDECIDED;
    if (r < 0) return open[j]!;
  }
  return AT_HYPERSCALERS;
}

/**
 * One on-demand offer this week: a provider's free capacity of one generation, filled by the
 * market step. Offers sit at fixed places (company index × generations + generation index), so a
 * customer stays attached to the same provider and generation from week to week.
 */
export interface OnDemandOffer {
  /** Free capacity for on-demand, H100e. */
  capacityH100e: number;
  /** Price per H100e-hour, USD. */
  usdPerH100eHour: number;
  /** Demand that chose this provider, H100e. */
  demandH100e: number;
  /** Demand served, H100e. */
  servedH100e: number;
  /** Platform maturity 0–1. */
  platform: number;
  /** Rent the provider posts for this generation, USD per GPU-hour (before latency and platform). */
  rentUsdPerGpuHour: number;
  /** H100-equivalents per GPU of this generation this week. */
  perfH100e: number;
}

/**
 * The on-demand agents of one segment this week: defaults, re-shopping (a logit over the providers'
 * offers in the buffers filled by `allocateOnDemand`) and the demand each brings to its provider
 * (added up in `demandBuf`). Demand going to the hyperscalers is added to `toHyperscalers`, and the
 * new total returned. Kept apart from the rest of the allocation so the JIT optimises this loop on
 * its own, and written so every comparison and store in it already runs in the first week (a
 * branch first taken after optimisation would throw the optimised code away).
 */
function shopSegment(pool: CustomerPool, seg: Segment, s: number, start: number, end: number, segDemand: number, nOffers: number, nOpen: number, rng: Uint32Array, util: Float64Array, lnHyper: number, toHyperscalers: number, choice: Choice): number {
  const lnPrice = lnPriceBuf, cap = capBuf, closed = closedBuf, plat = platformBuf, demand = demandBuf, open = openBuf;
  const provider = pool.provider, generation = pool.generation, fillRatio = pool.fillRatio;
  const sensitivity = pool.sensitivity, weight = pool.weight;
  const churn = seg.churnPerWeekPct / 100;
  const defaultPerWeek = seg.defaultPerYearPct / 100 / 52;
  const priceSensitivity = seg.priceSensitivity;
  const unattachedReshop = choice.unattachedReshopPerWeek, unservedChurn = choice.unservedChurnMultiple;
  const hyperUtility = choice.hyperscalerUtility, minFree = choice.minFreeShareUtility;
  // Upper bounds of the churn multiplier exp(sensitivity × over) per offer, at the segment's most
  // sensitive customer, with a margin far above exp's rounding error. A draw at or above
  // churn × bound cannot re-shop, so most customers skip the exp: the same decisions, bit for bit
  // (rounding is monotone and exp(x) ≥ 1 for x ≥ 0, so churn × exp(x) ≤ churn × bound).
  const sensMax = segmentSensitivityMax(pool, s);
  const offers: LogitOffers = { lnPrice, cap, plat, demand, open };
  const bound = boundBuf;
  for (let j = 0; j < nOpen; j++) {
    const c = open[j]!;
    bound[c] = lnPrice[c]! > 0 ? exp(Math.min(30, priceSensitivity * sensMax * lnPrice[c]!)) * CHURN_BOUND_MARGIN : 1;
  }
  const boundHyper = lnHyper > 0 ? exp(Math.min(30, priceSensitivity * sensMax * lnHyper)) * CHURN_BOUND_MARGIN : 1;
  for (let i = start; i < end; i++) {
    // Defaults: the agent disappears and a new customer takes its place, unattached.
    const gone = defaultPerWeek > 0 && nextFloatOf(rng) < defaultPerWeek;
    generation[i] = (generation[i]! + (gone ? 1 : 0)) & 0xffff;
    const fill = gone ? 1 : fillRatio[i]!;
    fillRatio[i] = fill;
    // No provider, or one with no capacity this week: shop around (closed[0] stands for "none").
    // A customer that chose the hyperscalers (AT_HYPERSCALERS) stays there like any customer with
    // its provider, re-shopping only at its churn: the outside option keeps the customers it wins.
    let p = gone ? -1 : provider[i]!;
    if (p >= nOffers || (p >= -1 && closed[p + 1] === 1)) p = -1;
    // A customer paying more per H100e than the market (its offer's log price over the compute
    // index, or the hyperscalers') looks around more often: its churn is raised by its own price
    // sensitivity times how far over the market it pays, so customers leave dear offers — an older
    // chip undercut per unit of performance by a newer one — for cheaper ones.
    const over = p >= 0 ? lnPrice[p]! : p === AT_HYPERSCALERS ? lnHyper : 0;
    const base = churn * (1 + unservedChurn * (1 - fill));
    const draw = nextFloatOf(rng);
    let reshop: boolean;
    if (p === -1) reshop = draw < unattachedReshop;
    else if (over <= 0 || draw < base) reshop = draw < base; // exp(x) ≥ 1: below the base churn it re-shops anyway
    else if (base >= 0 && draw >= base * (p >= 0 ? bound[p]! : boundHyper)) reshop = false;
    else {
      // draw < base × exp(x), decided with the fast `expApprox` when the draw is clear of the
      // threshold by far more than the two functions can differ, else with `exp` itself: the same
      // decision as always computing `exp`, bit for bit, for a fraction of the cost.
      const x = Math.min(30, priceSensitivity * sensitivity[i]! * over);
      const t = base * expApprox(x);
      if (draw < t * (1 - APPROX_DECISION_MARGIN)) reshop = true;
      else if (draw > t * (1 + APPROX_DECISION_MARGIN)) reshop = false;
      else reshop = draw < base * exp(x);
    }
    if (reshop) {
      const sens = priceSensitivity * sensitivity[i]!;
      const u = nextFloatOf(rng);
      p = logitChoiceFast(offers, sens, u, nOpen, util, lnHyper, hyperUtility, minFree);
      if (p === UNDECIDED) p = logitChoiceExact(offers, sens, u, nOpen, util, lnHyper, hyperUtility, minFree);
      if (p === AT_HYPERSCALERS) fillRatio[i] = 1;
    }
    provider[i] = p;
    const d = segDemand * weight[i]!;
    if (p >= 0) demand[p] = demand[p]! + d;
    else toHyperscalers += d;
  }
  return toHyperscalers;
}

/**
 * Allocate on-demand demand among offers (one per provider and generation). Agents re-shop with
 * their segment's churn chance, more often when their offer could not serve them; a re-shopping
 * agent picks by a logit over price per H100e-hour (relative to the compute index), availability
 * and platform. Index -1 is the hyperscalers, which
 * always have room at a premium. `spillH100e` is contract demand not yet under contract, which rents
 * whatever free capacity is left. Returns the demand that went to hyperscalers, H100e.
 */
export function allocateOnDemand(world: World, offers: OnDemandOffer[], rng: RngState, util: Float64Array, spillH100e: number): number {
  const pool = world.customers;
  const segs = world.scenario.market.demand.segments;
  const choice = world.scenario.market.customerChoice;
  const idx = Math.max(0.01, world.market.computeIndexUsd);
  const hyperPrice = hyperscalerUsdPerH100eHour(world);
  const nOffers = offers.length;
  for (const o of offers) { o.demandH100e = 0; o.servedH100e = 0; }
  // Per-provider figures for the week in reused typed buffers (no allocation per tick): log price
  // ratio (logs taken once a week), capacity, whether it is closed (slot 0: no provider), platformUtility ×
  // platform and the demand gathered so far.
  if (lnPriceBuf.length < nOffers) {
    lnPriceBuf = new Float64Array(nOffers * 2);
    capBuf = new Float64Array(nOffers * 2);
    closedBuf = new Uint8Array(nOffers * 2 + 1);
    platformBuf = new Float64Array(nOffers * 2);
    demandBuf = new Float64Array(nOffers * 2);
    openBuf = new Int32Array(nOffers * 2);
    boundBuf = new Float64Array(nOffers * 2);
  }
  const demand = demandBuf;
  closedBuf[0] = 1;
  let nOpen = 0;
  for (let c = 0; c < nOffers; c++) {
    const o = offers[c]!;
    lnPriceBuf[c] = o.capacityH100e > 0 ? ln(Math.max(1e-9, o.usdPerH100eHour) / idx) : 0;
    capBuf[c] = o.capacityH100e;
    closedBuf[c + 1] = o.capacityH100e <= 0 ? 1 : 0;
    if (o.capacityH100e > 0) openBuf[nOpen++] = c;
    platformBuf[c] = choice.platformUtility * o.platform;
    demand[c] = 0;
  }
  const lnHyper = ln(hyperPrice / idx);
  // Utilities are recomputed per re-shopping agent only (a few percent of agents a week).
  let toHyperscalers = 0;
  // The customers' stream is drawn from a typed copy during the segments' loops and written back after.
  loadStream(rng, rngWork);
  for (let s = 0; s < segs.length; s++) {
    const seg = segs[s]!;
    if (!seg.buysByRfp) toHyperscalers = shopSegment(pool, seg, s, pool.segStart[s]!, pool.segEnd[s]!, world.market.segmentDemandH100e[s] ?? 0, nOffers, nOpen, rngWork, util, lnHyper, toHyperscalers, choice);
  }
  storeStream(rngWork, rng);
  for (let c = 0; c < nOffers; c++) offers[c]!.demandH100e = demand[c]!;
  for (const o of offers) {
    o.servedH100e = Math.min(o.demandH100e, o.capacityH100e);
    // On-demand customers a provider could not serve go to the hyperscalers.
    toHyperscalers += o.demandH100e - o.servedH100e;
  }
  // Big customers still waiting for contracts rent what is left on-demand, preferring cheaper providers.
  if (spillH100e > 0) {
    let wsum = 0;
    for (let c = 0; c < nOffers; c++) {
      const o = offers[c]!;
      const free = o.capacityH100e - o.servedH100e;
      util[c] = free > 0 ? free * pow(idx / Math.max(0.01, o.usdPerH100eHour), choice.spillPriceExponent) : 0;
      wsum += util[c]!;
    }
    let left = spillH100e;
    if (wsum > 0) {
      for (let c = 0; c < nOffers; c++) {
        const o = offers[c]!;
        const take = Math.min(o.capacityH100e - o.servedH100e, (spillH100e * util[c]!) / wsum);
        if (take > 0) { o.servedH100e += take; left -= take; }
      }
    }
    toHyperscalers += Math.max(0, left);
  }
  // Each provider's fill ratio once, then copied to its customers.
  if (fillBuf.length < nOffers) fillBuf = new Float64Array(nOffers * 2);
  const fill = fillBuf;
  for (let c = 0; c < nOffers; c++) {
    const o = offers[c]!;
    fill[c] = o.demandH100e > 0 ? o.servedH100e / o.demandH100e : 1;
  }
  for (let s = 0; s < segs.length; s++) {
    if (segs[s]!.buysByRfp) continue;
    for (let i = pool.segStart[s]!; i < pool.segEnd[s]!; i++) {
      const p = pool.provider[i]!;
      if (p >= 0) pool.fillRatio[i] = fill[p]!;
    }
  }
  return toHyperscalers;
}

/** Revenue of serving H100e for a week at a price per H100e-hour. */
export function onDemandRevenueUsd(servedH100e: number, usdPerH100eHour: number): number {
  return servedH100e * HOURS_PER_WEEK * usdPerH100eHour;
}

/** A readable customer name for an agent (deterministic from its index and generation). */
export function customerName(world: World, index: number): string {
  const seg = world.scenario.market.demand.segments[world.customers.segment[index] ?? 0]?.id ?? 'startup';
  const gen = world.customers.generation[index] ?? 0;
  const a = ['Aster', 'Boreal', 'Cobalt', 'Delta', 'Ember', 'Fathom', 'Gradient', 'Helix', 'Inflect', 'Juniper', 'Kepler', 'Lumen', 'Mosaic', 'Nova', 'Orbit', 'Prism', 'Quanta', 'Riverstone', 'Sable', 'Tessera', 'Umbra', 'Vertex', 'Willow', 'Xenon', 'Yield', 'Zephyr'];
  const b: Record<string, string[]> = {
    hyperscaler: ['Cloud', 'Compute Services', 'Web Services', 'Platforms'],
    ailab: ['AI', 'Labs', 'Intelligence', 'Research'],
    enterprise: ['Industries', 'Bank', 'Health', 'Retail'],
    startup: ['.ai', 'Robotics', 'Studio', 'Bio'],
  };
  const h = (index * 2654435761 + gen * 40503) >>> 0;
  const list = b[seg] ?? b.startup!;
  return `${a[h % a.length]} ${list[(h >>> 8) % list.length]}`;
}
