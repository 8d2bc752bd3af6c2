/**
 * Customer agents. Stored as parallel typed arrays and updated in place every week, so 10,000
 * agents cost no allocation per tick. Big customers (segments that buy by RFP) hold contracts;
 * the others buy on-demand from the provider they sit with and re-shop by price and availability.
 */
import type { CustomerPool, World } from '../types.ts';
import type { Scenario } from '../../scenario/schema/index.ts';
import type { RngState } from '../rng.ts';
import { nextFloat } from '../rng.ts';
import { HOURS_PER_WEEK } from '../money.ts';
import { exp, ln, pow } from '../dmath.ts';

export function createCustomers(scenario: Scenario, rng: RngState): CustomerPool {
  const segs = scenario.market.demand.segments;
  const n = scenario.market.demand.customerAgents;
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
      const w = 1 / pow(1 - nextFloat(rng) * 0.999, 0.8);
      pool.weight[i] = w;
      wsum += w;
      pool.sensitivity[i] = 0.5 + nextFloat(rng);
    }
    for (let k = pool.segStart[s]!; k < i; k++) pool.weight[k] = pool.weight[k]! / wsum;
    pool.segEnd.push(i);
  }
  return pool;
}

/** Scratch buffer for per-provider log prices (working memory, not state). */
let lnPriceBuf = new Float64Array(16);

/** Per-company on-demand offer this week, filled by the market step. */
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
}

/**
 * Allocate on-demand demand among providers. Agents re-shop with their segment's churn chance,
 * more often when their provider could not serve them; a re-shopping agent picks by a logit over
 * price (relative to the index), availability and platform. Index -1 is the hyperscalers, which
 * always have room at a premium. `spillH100e` is contract demand not yet under contract, which rents
 * whatever free capacity is left. Returns the demand that went to hyperscalers, H100e.
 */
export function allocateOnDemand(world: World, offers: OnDemandOffer[], rng: RngState, util: Float64Array, spillH100e: number): number {
  const pool = world.customers;
  const segs = world.scenario.market.demand.segments;
  const idx = Math.max(0.01, world.market.computeIndexUsd);
  const hyperPrice = idx * world.scenario.market.demand.hyperscalerPriceMultiple;
  const nOffers = offers.length;
  for (const o of offers) { o.demandH100e = 0; o.servedH100e = 0; }
  let toHyperscalers = 0;
  // Log price ratios once a week per provider (reused buffer: no allocation per tick).
  if (lnPriceBuf.length < nOffers) lnPriceBuf = new Float64Array(nOffers * 2);
  const lnPrice = lnPriceBuf;
  for (let c = 0; c < nOffers; c++) {
    const o = offers[c]!;
    lnPrice[c] = o.capacityH100e > 0 ? ln(Math.max(1e-9, o.usdPerH100eHour) / idx) : 0;
  }
  const lnHyper = ln(hyperPrice / idx);
  // Utilities are recomputed per re-shopping agent only (a few percent of agents a week).
  for (let s = 0; s < segs.length; s++) {
    const seg = segs[s]!;
    if (seg.buysByRfp) continue;
    const segDemand = world.market.segmentDemandH100e[s] ?? 0;
    const churn = seg.churnPerWeekPct / 100;
    const defaultPerWeek = seg.defaultPerYearPct / 100 / 52;
    for (let i = pool.segStart[s]!; i < pool.segEnd[s]!; i++) {
      // Defaults: the agent disappears and a new customer takes its place, unattached.
      if (defaultPerWeek > 0 && nextFloat(rng) < defaultPerWeek) {
        pool.provider[i] = -1;
        pool.generation[i] = (pool.generation[i]! + 1) & 0xffff;
        pool.fillRatio[i] = 1;
      }
      let p = pool.provider[i]!;
      if (p >= 0 && (p >= nOffers || offers[p]!.capacityH100e <= 0)) p = -1;
      const reshop = p < 0 ? 0.5 : churn * (1 + 3 * (1 - pool.fillRatio[i]!));
      if (nextFloat(rng) < reshop) {
        const sens = seg.priceSensitivity * pool.sensitivity[i]!;
        // Logit choice; weights accumulated in util[] to avoid allocation.
        let sum = 0;
        for (let c = 0; c < nOffers; c++) {
          const o = offers[c]!;
          if (o.capacityH100e <= 0) { util[c] = 0; continue; }
          // exp(−sens·ln(price/index) + 0.6·platform + ln(free share)), with the logs taken once a week.
          const freeShare = Math.max(0.05, 1 - o.demandH100e / Math.max(1e-9, o.capacityH100e));
          util[c] = exp(Math.max(-30, Math.min(30, -sens * lnPrice[c]! + 0.6 * o.platform))) * freeShare;
          sum += util[c]!;
        }
        const uh = exp(Math.max(-30, Math.min(30, -sens * lnHyper + 0.3)));
        sum += uh;
        let r = nextFloat(rng) * sum;
        p = -1;
        for (let c = 0; c < nOffers; c++) {
          r -= util[c]!;
          if (r < 0) { p = c; break; }
        }
      }
      pool.provider[i] = p;
      const d = segDemand * pool.weight[i]!;
      if (p >= 0) offers[p]!.demandH100e += d;
      else toHyperscalers += d;
    }
  }
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
      util[c] = free > 0 ? free * pow(idx / Math.max(0.01, o.usdPerH100eHour), 2) : 0;
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
  for (let s = 0; s < segs.length; s++) {
    if (segs[s]!.buysByRfp) continue;
    for (let i = pool.segStart[s]!; i < pool.segEnd[s]!; i++) {
      const p = pool.provider[i]!;
      if (p < 0) continue;
      const o = offers[p]!;
      pool.fillRatio[i] = o.demandH100e > 0 ? o.servedH100e / o.demandH100e : 1;
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
