/**
 * The AI-cycle demand path: growth from the scenario, demand shocks that cut and then regrow
 * demand, and the price response (long-run elasticity against the H100-equivalent index).
 */
import type { World } from '../types.ts';
import { pathAt } from '../paths.ts';
import { clamp, WEEKS_PER_YEAR } from '../money.ts';
import { pow } from '../dmath.ts';
import { perfH100e } from '../metrics.ts';

/** Inference share reported when there is no demand at all. */
const INFERENCE_SHARE_WITHOUT_DEMAND = 0.5;

export function updateDemand(world: World): void {
  const d = world.scenario.market.demand;
  const m = world.market;
  const growthPct = pathAt(world.paths.growthPct, world.week);
  if (world.week > 0) m.baseDemandH100e *= pow(1 + growthPct / 100, 1 / WEEKS_PER_YEAR);
  // Price response: demand falls when compute is dearer than the reference price, and grows when it is cheaper.
  const priceRatio = clamp(m.computeIndexUsd / d.referenceUsdPerH100Hour, d.elasticPriceRatioMin, d.elasticPriceRatioMax);
  const priceFactor = pow(priceRatio, -d.elasticity);
  let total = 0;
  let inference = 0;
  const years = world.week / WEEKS_PER_YEAR;
  for (let s = 0; s < d.segments.length; s++) {
    const seg = d.segments[s]!;
    const shock = m.segmentShock[s] ?? 1;
    const v = m.baseDemandH100e * seg.demandShare * shock * priceFactor;
    m.segmentDemandH100e[s] = v;
    total += v;
    inference += v * clamp(seg.inferenceShare + d.inferenceShareBoostPerYear * years, 0, d.maxInferenceShare);
    // Shocks recover linearly towards 1.
    if (shock !== 1) {
      const step = m.segmentShockRecoveryPerWeek[s] ?? 0;
      m.segmentShock[s] = shock < 1 ? Math.min(1, shock + step) : Math.max(1, shock - step);
    }
  }
  m.demandH100e = total;
  m.inferenceShare = total > 0 ? inference / total : INFERENCE_SHARE_WITHOUT_DEMAND;
}

/** Contract discount to on-demand for a term, as a fraction. */
export function contractDiscount(world: World, termWeeks: number): number {
  const p = world.scenario.market.pricing;
  return Math.min(p.maxContractDiscountPct, (p.contractDiscountPerYearPct * termWeeks) / WEEKS_PER_YEAR) / 100;
}

/**
 * Demand of the contract-buying segments not under a live contract this week, H100e: those customers
 * rent what they still need on demand until an RFP covers it.
 */
export function uncontractedRfpDemandH100e(world: World): number {
  const segs = world.scenario.market.demand.segments;
  let rfpDemand = 0, contractH100e = 0;
  for (let s = 0; s < segs.length; s++) if (segs[s]!.buysByRfp) rfpDemand += world.market.segmentDemandH100e[s] ?? 0;
  for (const co of world.companies) {
    if (co.status !== 'active') continue;
    for (const c of co.contracts) if (c.startWeek <= world.week && world.week < c.endWeek) contractH100e += c.gpuCount * perfH100e(world, c.modelId);
  }
  return Math.max(0, rfpDemand - contractH100e);
}
