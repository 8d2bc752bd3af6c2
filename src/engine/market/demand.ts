/**
 * The AI-cycle demand path: growth from the scenario, demand shocks that cut and then regrow
 * demand, and the price response (long-run elasticity against the H100-equivalent index).
 */
import type { World } from '../types.ts';
import { pathAt } from '../paths.ts';
import { clamp, WEEKS_PER_YEAR } from '../money.ts';
import { pow } from '../dmath.ts';

export function updateDemand(world: World): void {
  const d = world.scenario.market.demand;
  const m = world.market;
  const growthPct = pathAt(world.paths.growthPct, world.week);
  if (world.week > 0) m.baseDemandH100e *= pow(1 + growthPct / 100, 1 / WEEKS_PER_YEAR);
  // Price response: demand falls when compute is dearer than the reference price, and grows when it is cheaper.
  const priceRatio = clamp(m.computeIndexUsd / d.referenceUsdPerH100Hour, 0.2, 5);
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
    inference += v * clamp(seg.inferenceShare + d.inferenceShareBoostPerYear * years, 0, 0.95);
    // Shocks recover linearly towards 1.
    if (shock !== 1) {
      const step = m.segmentShockRecoveryPerWeek[s] ?? 0;
      m.segmentShock[s] = shock < 1 ? Math.min(1, shock + step) : Math.max(1, shock - step);
    }
  }
  m.demandH100e = total;
  m.inferenceShare = total > 0 ? inference / total : 0.5;
}

/** Contract discount to on-demand for a term, as a fraction. */
export function contractDiscount(world: World, termWeeks: number): number {
  const p = world.scenario.market.pricing;
  return Math.min(p.maxContractDiscountPct, (p.contractDiscountPerYearPct * termWeeks) / WEEKS_PER_YEAR) / 100;
}
