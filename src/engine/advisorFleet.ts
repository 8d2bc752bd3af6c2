/**
 * The advisor on the fleet and its power (read-only, like advisor.ts, which calls it): what is
 * installed now (at week 0 as the first tick will install it), power under way for GPUs waiting for
 * it, GPUs switched off below their cash cost, on-demand GPUs that found no customer — and the
 * warnings each raises, as message ids with parameters.
 */
import type { Company, World } from './types.ts';
import type { AdvisorWarning } from './advisor.ts';
import { energisedMw } from './metrics.ts';
import { installFleet } from './fleet.ts';
import { genMarket, gpuModel, regionState } from './lookup.ts';
import { cashCostUsdPerGpuHour, performanceRentUsd, postedRentUsd } from './market/rents.ts';

/**
 * On-demand GPUs that found no customer last week, as a share of the installed fleet, from which the
 * advisor says so (with the price they were posted at against what the market pays for their
 * performance). A fleet a fifth idle earns a fifth less than it could; below that, the week-to-week
 * swing of on-demand demand would raise it for nothing.
 */
export const ADVISOR_IDLE_GPU_SHARE = 0.2;
/** A posted rent this much above what the market pays for the same compute is called dear (within it, price is not what keeps customers away). */
export const ADVISOR_DEAR_RENT_SHARE = 0.05;

/** The company's installed GPUs (in all and per model id) and energised MW. */
export interface Physical { installed: number; mw: number; byModel: Record<string, number> }

/** The player's installed GPUs and energised MW now; at week 0 as the first tick will install them. */
export function physicalNow(world: World, co: Company): Physical {
  let lots = co.lots;
  let mw = co.last.powerMwAvailable;
  if (world.week === 0 && co.trailingWeeks === 0) {
    // Week 0: the engine installs the opening fleet in the first tick. Run its own installer on copies.
    const copy: Company = { ...co, lots: co.lots.map((l) => ({ ...l })) };
    installFleet(world, copy, new Map());
    lots = copy.lots;
    mw = energisedMw(co);
  }
  const byModel: Record<string, number> = {};
  let installed = 0;
  for (const l of lots) { installed += l.installed; byModel[l.modelId] = (byModel[l.modelId] ?? 0) + l.installed; }
  return { installed, mw, byModel };
}

/**
 * Power already under way for GPUs waiting in the warehouse: the MW of sites not yet energised, how
 * many of the waiting GPUs they would hold (all, or in proportion to the kW the waiting GPUs draw),
 * and the week the first of them is due to energise (a campus when both its building and its grid
 * connection are ready; builds can slip). Switched-off GPUs (market/exits.ts) do not wait for power.
 */
/** MW under way, the waiting GPUs they would hold, the GPUs waiting, and the week the first site energises (null: none under way). */
export interface PowerOnTheWay { mw: number; gpusCovered: number; gpusWaiting: number; firstWeek: number | null }

export function powerOnTheWay(world: World, co: Company, installedByModel: Record<string, number>): PowerOnTheWay {
  let mw = 0;
  let firstWeek: number | null = null;
  for (const s of co.sites) {
    if (s.status === 'energised') continue;
    mw += s.powerMw;
    const due = s.kind === 'campus' ? Math.max(s.readyWeek, s.gridWeek) : s.readyWeek;
    firstWeek = firstWeek === null ? due : Math.min(firstWeek, due);
  }
  let waiting = 0, waitingKw = 0;
  const onByModel = new Map<string, number>();
  for (const l of co.lots) onByModel.set(l.modelId, (onByModel.get(l.modelId) ?? 0) + l.count - l.offCount);
  for (const [modelId, on] of onByModel) {
    const n = Math.max(0, on - (installedByModel[modelId] ?? 0));
    waiting += n;
    waitingKw += n * (gpuModel(world, modelId)?.kwPerGpu ?? 0);
  }
  const kw = mw * 1000;
  const gpusCovered = waitingKw <= kw ? waiting : Math.floor((waiting * kw) / waitingKw);
  return { mw, gpusCovered, gpusWaiting: waiting, firstWeek };
}

/**
 * GPUs out of their powered space only because the grid curtails it (an event's emergency in a
 * region: `RegionState.curtailShare` until `curtailUntilWeek`): the engine's own installer run on
 * copies with the curtailment lifted, less what is installed now; and the week the last curtailment
 * on the company's sites ends. A two-week emergency is not a reason to lease more power.
 */
export function curtailedGpus(world: World, co: Company, installedNow: number): { count: number; untilWeek: number } {
  let untilWeek = -1;
  for (const s of co.sites) {
    if (s.status !== 'energised') continue;
    const r = regionState(world, s.regionId);
    if (r && r.curtailUntilWeek > world.week && r.curtailShare > 0) untilWeek = Math.max(untilWeek, r.curtailUntilWeek);
  }
  if (untilWeek < 0) return { count: 0, untilWeek };
  const calm: World = { ...world, regions: world.regions.map((r) => ({ ...r, curtailUntilWeek: -1 })) };
  const copy: Company = { ...co, lots: co.lots.map((l) => ({ ...l })) };
  installFleet(calm, copy, new Map());
  const uncurtailed = copy.lots.reduce((a, l) => a + l.installed, 0);
  return { count: Math.max(0, uncurtailed - installedNow), untilWeek };
}

/** GPUs switched off because their rent no longer covers their cash cost (market/exits.ts): how many, and the model with most of them. */
function switchedOffByModel(co: Company): { count: number; modelId: string | null } {
  const byModel = new Map<string, number>();
  for (const l of co.lots) if (l.offCount > 0) byModel.set(l.modelId, (byModel.get(l.modelId) ?? 0) + l.offCount);
  let count = 0, most = 0, modelId: string | null = null;
  for (const [id, n] of byModel) { count += n; if (n > most) { most = n; modelId = id; } }
  return { count, modelId };
}

/** Is colocation or a powered site free anywhere (at least 1 MW)? Sold out everywhere, only a campus gets power. */
function powerForSale(world: World): boolean {
  return world.regions.some((r) => r.colocAvailableMw >= 1 || r.poweredSiteAvailableMw >= 1);
}

/**
 * Last week's on-demand GPUs that found no customer (offered after contracts, past their ramp, less
 * those rented — by the demand that chose them, or by contract demand not yet under contract that
 * takes free capacity), and the generation with most of them: its posted rent and what the
 * market pays for its performance (the compute index per H100e-hour × its H100e).
 */
export function idleOnDemand(world: World, co: Company): { idleGpus: number; modelId: string | null; rentUsd: number; marketUsd: number } {
  let idleGpus = 0, most = 0, modelId: string | null = null;
  for (const [id, offered] of Object.entries(co.last.odOfferedGpus)) {
    const idle = Math.max(0, offered - (co.last.odServedGpus[id] ?? 0));
    idleGpus += idle;
    if (idle > most) { most = idle; modelId = id; }
  }
  const g = modelId === null ? undefined : genMarket(world, modelId);
  if (!g || modelId === null) return { idleGpus, modelId, rentUsd: 0, marketUsd: 0 };
  return { idleGpus, modelId, rentUsd: postedRentUsd(world, co, g), marketUsd: performanceRentUsd(world, modelId) };
}

/**
 * The advisor's warnings about the fleet and its power, in the order the strip shows them: GPUs
 * waiting for power (with what is under way), idle power, GPUs switched off below their cash cost,
 * and on-demand GPUs that found no customer last week (with their price against the market's).
 */
export function fleetWarnings(world: World, co: Company, phys: Physical, onWay: PowerOnTheWay, opening: { powerMwUsed: number } | null): AdvisorWarning[] {
  const warnings: AdvisorWarning[] = [];
  // GPUs the grid's emergency curtails are said apart: they come back when it ends.
  const curtailed = co.status === 'active' && world.week > 0 && onWay.gpusWaiting > 0 ? curtailedGpus(world, co, phys.installed) : { count: 0, untilWeek: -1 };
  const cut = Math.min(curtailed.count, onWay.gpusWaiting);
  if (cut > 0) {
    warnings.push({ id: 'alert.gpusCurtailed', severity: 'info', inWeeks: 0, params: { count: cut, week: curtailed.untilWeek, inWeeks: curtailed.untilWeek - world.week }, actions: [] });
  }
  const waiting = onWay.gpusWaiting - cut;
  if (co.status === 'active' && waiting > 0) {
    // Power already under way is said, with when it comes; more is suggested only if it is not enough
    // — a lease or a powered site when any is free, else a campus (it waits for the grid) or a sale.
    const weeks = onWay.firstWeek === null ? 0 : Math.max(0, onWay.firstWeek - world.week);
    const covered = Math.min(onWay.gpusCovered, waiting);
    warnings.push({
      id: 'alert.gpusAwaitingPower', severity: 'warn', inWeeks: 0,
      params: { count: waiting, onWayMw: onWay.mw, coveredGpus: covered, firstInWeeks: weeks },
      actions: covered >= waiting ? [] : powerForSale(world) ? ['act.getPower'] : ['act.buildCampus', 'act.sellGpus'],
    });
  }
  const known = world.week > 0 || opening !== null;
  const usedMw = world.week > 0 ? co.last.powerMwUsed : opening?.powerMwUsed ?? 0;
  if (co.status === 'active' && known && phys.mw - usedMw >= 1 && onWay.gpusWaiting === 0) {
    warnings.push({ id: 'alert.idlePower', severity: 'info', inWeeks: 0, params: { mw: phys.mw - usedMw }, actions: ['act.orderGpus'] });
  }
  const off = switchedOffByModel(co);
  if (co.status === 'active' && off.count > 0 && off.modelId !== null) {
    const m = gpuModel(world, off.modelId);
    const x = world.scenario.market.exits;
    warnings.push({
      id: 'alert.gpusSwitchedOff', severity: 'info', inWeeks: 0,
      params: { count: off.count, model: m?.name ?? off.modelId, rentUsd: genMarket(world, off.modelId)?.indexUsdPerGpuHour ?? 0, costUsd: cashCostUsdPerGpuHour(world, co, off.modelId), onMultiple: x.switchOnAboveCashCostMultiple, sellWeeks: x.sellAfterWeeksOff },
      actions: ['act.sellGpus'],
    });
  }
  const idle = idleOnDemand(world, co);
  if (co.status === 'active' && world.week > 0 && idle.modelId !== null && idle.idleGpus >= 1 && idle.idleGpus >= ADVISOR_IDLE_GPU_SHARE * phys.installed) {
    // Posted above what the market pays for the same compute: the price is the likely reason. At or
    // below it, customers chose on something else — a platform, latency, a provider they already use.
    const dear = idle.rentUsd > (1 + ADVISOR_DEAR_RENT_SHARE) * idle.marketUsd;
    warnings.push({
      id: dear ? 'alert.idleGpus' : 'alert.idleGpusCheap', severity: 'warn', inWeeks: 0,
      params: { idle: Math.round(idle.idleGpus), installed: phys.installed, model: gpuModel(world, idle.modelId)?.name ?? idle.modelId, rentUsd: idle.rentUsd, marketUsd: idle.marketUsd },
      actions: dear ? ['act.lowerPrice', 'act.bid'] : ['act.bid', 'act.platform'],
    });
  }
  return warnings;
}
