/**
 * Exit and re-entry. A provider switches off the GPUs of a generation that no contract needs when
 * the generation's market rent no longer covers its own cash cost of running them (power, space,
 * staff): they leave the powered space (drawing nothing; their megawatts can host other GPUs) and
 * still depreciate. They are switched back on when the rent climbs back above the switch-on
 * multiple. Strategies sell what stays off (`strategies/toolkit.ts` `sellSwitchedOff`); a bankrupt
 * company's fleet is auctioned (`fleet.ts` `auctionFleet`).
 */
import type { Company, World } from '../types.ts';
import { oldestLotFirst } from '../fleet.ts';
import { genMarket, gpuModel } from '../lookup.ts';
import { contractedGpus } from '../metrics.ts';
import { cashCostBasis, cashCostFromBasis, type CashCostBasis } from './rents.ts';

/**
 * Buyers absorb part of the second-hand glut each week (`market.exits.glutFadePerWeek`); a
 * bankruptcy raises it (`operate.ts`), and while it lasts used GPUs are worth less (`metrics.ts`).
 */
export function fadeSecondHandGlut(world: World): void {
  world.secondHandGlut *= 1 - world.scenario.market.exits.glutFadePerWeek;
}

/** Switch off (or back on) each generation's uncontracted GPUs by its rent against the company's cash cost. */
export function switchOffBelowCashCost(world: World, co: Company): void {
  const x = world.scenario.market.exits;
  if (co.lots.length === 0) return;
  let anyOff = false;
  for (const l of co.lots) if (l.offCount > 0) { anyOff = true; break; }
  if (x.switchOffBelowCashCostMultiple <= 0 && !anyOff) return;
  const models: string[] = [];
  for (const l of co.lots) if (!models.includes(l.modelId)) models.push(l.modelId);
  // Switching GPUs off changes neither the sites nor the power prices: one cost basis for every model.
  let basis: CashCostBasis | null = null;
  for (const modelId of models) {
    const g = genMarket(world, modelId);
    if (!g) continue;
    const m = gpuModel(world, modelId);
    basis ??= cashCostBasis(world, co);
    const cost = m ? cashCostFromBasis(m.kwPerGpu, basis) : 0;
    const rent = g.indexUsdPerGpuHour;
    const lots = co.lots.filter((l) => l.modelId === modelId);
    let owned = 0, off = 0;
    for (const l of lots) { owned += l.count; off += l.offCount; }
    let wantOff: number;
    if (x.switchOffBelowCashCostMultiple > 0 && rent < x.switchOffBelowCashCostMultiple * cost) wantOff = Math.max(0, owned - contractedGpus(co, modelId, world.week));
    else if (rent > x.switchOnAboveCashCostMultiple * cost || x.switchOffBelowCashCostMultiple <= 0) wantOff = 0;
    else wantOff = Math.min(off, Math.max(0, owned - contractedGpus(co, modelId, world.week)));
    if (wantOff === off) continue;
    let left = wantOff;
    for (const l of lots.sort(oldestLotFirst)) {
      const n = Math.min(l.count, left);
      if (n > 0 && l.offCount === 0) l.offSinceWeek = world.week;
      if (n === 0) l.offSinceWeek = -1;
      l.offCount = n;
      left -= n;
    }
  }
}

/** GPUs of a company switched off now. */
export function switchedOffGpus(co: Company): number {
  let n = 0;
  for (const l of co.lots) n += l.offCount;
  return n;
}
