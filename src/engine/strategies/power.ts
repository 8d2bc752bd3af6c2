/**
 * Power planning for the company agents: before ordering GPUs or bidding for a contract, a company
 * checks the megawatts it will have when the GPUs arrive — sites energised or due by then, plus the
 * share of the space for sale it can count on winning (`agents.powerPlanning`). GPUs it could not
 * power would sit idle, and a customer would not believe its delivery date.
 */
import type { Company, World } from '../types.ts';
import { fleetMwNeeded } from '../metrics.ts';
import { gpuModel, region } from '../lookup.ts';

/** MW of the company's sites energised, or due to be energised, by `week`. */
export function mwReadyBy(co: Company, week: number): number {
  let mw = 0;
  for (const s of co.sites) {
    if (s.status === 'energised') mw += s.powerMw;
    else if (s.status === 'fitting' ? s.readyWeek <= week : Math.max(s.readyWeek, s.gridWeek) <= week) mw += s.powerMw;
  }
  return mw;
}

/** MW of space for sale across all regions, energised within `withinWeeks`, that one company can count on winning. */
export function securableMw(world: World, withinWeeks: number): number {
  let mw = 0;
  for (const rs of world.regions) {
    const r = region(world, rs.id);
    if (!r) continue;
    if (r.colocLeadWeeks <= withinWeeks) mw += rs.colocAvailableMw;
    if (r.poweredSiteLeadWeeks <= withinWeeks) mw += rs.poweredSiteAvailableMw;
  }
  return mw * world.scenario.agents.powerPlanning.marketSpaceShare;
}

/**
 * MW the company would lack at `week` if it took on `extraMw` more load: everything it owns and has
 * on order, plus the extra, less what is ready by then and what it can still secure.
 */
export function powerShortMw(world: World, co: Company, week: number, extraMw: number): number {
  return Math.max(0, fleetMwNeeded(world, co, true) + extraMw - mwReadyBy(co, week) - securableMw(world, week - world.week));
}

/** Most GPUs of a model the company can order now and still power when they arrive (plus the tolerated shortfall). */
export function powerableGpus(world: World, co: Company, modelId: string, arrivalWeek: number): number {
  const kw = gpuModel(world, modelId)?.kwPerGpu ?? 0;
  if (kw <= 0) return 0;
  const headroomMw = mwReadyBy(co, arrivalWeek) + securableMw(world, arrivalWeek - world.week) - fleetMwNeeded(world, co, true);
  if (headroomMw <= 0) return 0;
  return Math.floor((headroomMw * 1000) / kw / (1 - world.scenario.agents.powerPlanning.maxShortfallShare * 0.999));
}

/** Would the company lack too much power to deliver `gpuCount` GPUs from `startWeek`? */
export function tooShortOfPower(world: World, co: Company, modelId: string, gpuCount: number, startWeek: number): boolean {
  const needMw = (gpuCount * (gpuModel(world, modelId)?.kwPerGpu ?? 0)) / 1000;
  if (needMw <= 0) return false;
  return powerShortMw(world, co, startWeek, needMw) > world.scenario.agents.powerPlanning.maxShortfallShare * needMw;
}
