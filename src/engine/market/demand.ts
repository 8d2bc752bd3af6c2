/**
 * The AI-cycle demand path: growth from the scenario (the consensus every agent plans on) departing
 * from it at random when the scenario says the boom is uncertain (a persistent growth shock and
 * corrections, drawn from world.rng.demand each quarter), demand shocks that cut and then regrow
 * demand, and the price response (long-run elasticity against the H100-equivalent index).
 */
import type { World } from '../types.ts';
import { pathAt } from '../paths.ts';
import { clamp, WEEKS_PER_YEAR, WEEKS_PER_QUARTER } from '../money.ts';
import { exp, pow } from '../dmath.ts';
import { perfH100e } from '../metrics.ts';
import { nextFloat, nextNormal } from '../rng.ts';

/** The boom's shocks are drawn once a quarter (the calendar's quarters). */
const SHOCK_STEPS_PER_YEAR = WEEKS_PER_YEAR / WEEKS_PER_QUARTER;

/**
 * Advance the growth shock one quarter (market.demand.growthShock*): the log factor on the path's
 * growth follows an AR(1) with the scenario's yearly persistence and stationary spread; a correction
 * runs its drawn quarters, else one starts with the quarter's share of the yearly chance, its growth
 * and length drawn evenly between the scenario's bounds. Every quarter takes the same four draws,
 * whatever happens, so one setting never changes which draw another reads.
 */
export function stepGrowthShock(world: World): void {
  const d = world.scenario.market.demand;
  const m = world.market;
  const rng = world.rng.demand;
  const eps = nextNormal(rng), start = nextFloat(rng), depth = nextFloat(rng), length = nextFloat(rng);
  const phi = pow(d.growthShockPersistencePerYear, 1 / SHOCK_STEPS_PER_YEAR);
  m.growthShockLog = phi * m.growthShockLog + (d.growthShockSdPct / 100) * Math.sqrt(Math.max(0, 1 - phi * phi)) * eps;
  if (m.correctionQuartersLeft > 0) { m.correctionQuartersLeft -= 1; return; }
  const chancePerQuarter = 1 - pow(1 - d.growthShockCorrectionChancePerYear, 1 / SHOCK_STEPS_PER_YEAR);
  if (start < chancePerQuarter) {
    m.correctionGrowthPct = d.growthShockCorrectionGrowthPctMin + depth * (d.growthShockCorrectionGrowthPctMax - d.growthShockCorrectionGrowthPctMin);
    const span = d.growthShockCorrectionQuartersMax - d.growthShockCorrectionQuartersMin + 1;
    m.correctionQuartersLeft = d.growthShockCorrectionQuartersMin + Math.min(span - 1, Math.floor(length * span));
  }
}

/** Is the boom uncertain in this scenario (any growth shock on)? Off, nothing is drawn. */
export function growthShockOn(world: World): boolean {
  const d = world.scenario.market.demand;
  return d.growthShockSdPct > 0 || d.growthShockCorrectionChancePerYear > 0;
}

/** The realised growth of demand this week, percent per year: the path × the shock's factor, or a running correction's growth when lower. */
export function realisedGrowthPct(world: World): number {
  const m = world.market;
  const g = pathAt(world.paths.growthPct, world.week) * exp(m.growthShockLog);
  return m.correctionQuartersLeft > 0 ? Math.min(g, m.correctionGrowthPct) : g;
}

/** Inference share reported when there is no demand at all. */
const INFERENCE_SHARE_WITHOUT_DEMAND = 0.5;

export function updateDemand(world: World): void {
  const d = world.scenario.market.demand;
  const m = world.market;
  if (world.week > 0 && world.week % WEEKS_PER_QUARTER === 0 && growthShockOn(world)) stepGrowthShock(world);
  const growthPct = realisedGrowthPct(world);
  m.demandGrowthPct = growthPct;
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
    inference += v * segmentInferenceShare(world, s, years);
    // Shocks recover linearly towards 1.
    if (shock !== 1) {
      const step = m.segmentShockRecoveryPerWeek[s] ?? 0;
      m.segmentShock[s] = shock < 1 ? Math.min(1, shock + step) : Math.max(1, shock - step);
    }
  }
  m.demandH100e = total;
  m.inferenceShare = total > 0 ? inference / total : INFERENCE_SHARE_WITHOUT_DEMAND;
}

/**
 * Share of segment `s`'s compute that runs inference `years` into the game: its opening share
 * (`segments[].inferenceShare`) grown by `inferenceShareBoostPerYear`, at most `maxInferenceShare`.
 */
export function segmentInferenceShare(world: World, s: number, years = world.week / WEEKS_PER_YEAR): number {
  const d = world.scenario.market.demand;
  const seg = d.segments[s];
  return seg ? clamp(seg.inferenceShare + d.inferenceShareBoostPerYear * years, 0, d.maxInferenceShare) : 0;
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
