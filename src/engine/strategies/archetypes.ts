/**
 * The built-in strategies. The same logic drives rivals and, as autopilots, the player's company:
 *  leveraged   — CoreWeave-like: win big contracts, fund GPUs with contract-backed debt, grow as fast as financing allows.
 *  prudent     — Nebius-like: equity-funded, low debt, many small customers, a strong platform.
 *  developer   — a developer cloud: on-demand, cheap, small and nimble.
 *  energy      — an energy-first builder: secures cheap power first, then fills it.
 *  hyperscaler — a giant with deep pockets that sells at a premium.
 *  idle        — does nothing (a benchmark).
 *  random      — random valid and invalid commands (for tests).
 */
import type { Command } from '../commands/types.ts';
import type { Company, StrategyId, World } from '../types.ts';
import { nextFloat, nextInt } from '../rng.ts';
import { annualisedRevenueUsd, capacityH100e, cashUsd, debtToMarketAssets, gpusOwnedOf, perfH100e } from '../metrics.ts';
import { WEEKS_PER_YEAR } from '../money.ts';
import {
  type Act, type Strategy, bid, cashNeedUsd, ensurePower, fund, newestModel, orderForContracts, orderWithin, priceByUtilization, rfpShareOfCapacity, shareDefenceGpus, speculativeGpus, marketPaceGpus,
} from './toolkit.ts';
import { pow } from '../dmath.ts';
import { gpuUnitPriceUsd } from '../fleet.ts';

/** Weeks in a quarter: reviews and cash cover a quarter at a time. */
const QUARTER_WEEKS = 13;

const leveraged: Strategy = (world, co, act, rng) => {
  priceByUtilization(world, co, act, rng, 0.05, 1, 2.2);
  for (const rfp of world.rfps) {
    if (rfpShareOfCapacity(world, co, rfp) > 6) continue;
    // It bids close to its own break-even: share now, margin from scale and cheap contract-backed debt.
    bid(world, co, act, rfp, rfp.credit === 'ig' ? 0.3 : 0.2, 0.12, rng);
  }
  // Funds itself every week, before it orders, so deposits never eat the cash payments need.
  const gap = cashNeedUsd(world, co, world.scenario.agents.leveraged.fundWeeksAhead) - cashUsd(co);
  if (gap > 0) fund(world, co, act, gap, ['drawFacility', 'takeGpuLoan', 'drawRevolver', 'issueBond', 'ipo', 'issueConvertible', 'raiseEquity', 'followOn']);
  if (world.week % 2 === 0) orderForContracts(world, co, act, true, 10);
  // Speculative capacity for on-demand while the market is tight: it counts little of the industry's
  // order book (it wants share), so in a shortage it over-orders with everybody else.
  const m = newestModel(world, co);
  if (m && world.week % 4 === 0) {
    const n = speculativeGpus(world, co, m, { aggressiveness: 0.5, pipelineWeight: 0.3, minMarketUtil: 0.85, minOwnUtil: 0.85, maxGrowth: 0.15 });
    if (n >= 8) orderWithin(world, co, act, m, n, true);
  }
  buildAhead(world, co, act);
  ensurePower(world, co, act, 1.15, ['colo', 'powered', 'campus']);
  if (world.week % 13 === 0) act({ type: 'setPlatformSpend', usdPerWeek: Math.min(2e6, annualisedRevenueUsd(co) * 0.01 / 52) });
};

/**
 * Leveraged builds ahead of its contracts (as CoreWeave does): while sentiment is warm and its GPUs
 * are busy, it adds `agents.leveraged.buildAheadGrowthPerYear` of its fleet a year as speculative
 * capacity and borrows for it first with GPU-backed loans, then its other debt. Its lenders bound it:
 * it orders only what the money it raised pays for (`orderWithin`).
 */
function buildAhead(world: World, co: Company, act: Act): void {
  const L = world.scenario.agents.leveraged;
  if (L.buildAheadGrowthPerYear <= 0 || world.week % L.orderEveryWeeks !== 0) return;
  if (world.market.sentiment < L.buildAheadMinSentiment || co.last.utilization < L.minOwnUtilization) return;
  const m = newestModel(world, co);
  if (!m) return;
  const add = capacityH100e(world, co, false) * (pow(1 + L.buildAheadGrowthPerYear, L.orderEveryWeeks / WEEKS_PER_YEAR) - 1);
  const n = Math.floor(add / Math.max(0.05, perfH100e(world, m)) / 8) * 8;
  if (n < 8) return;
  // Speculative capacity is financed with debt: GPU-backed loans first, whatever cash is in hand.
  fund(world, co, act, n * gpuUnitPriceUsd(world, co, m), ['takeGpuLoan', 'drawRevolver', 'issueBond']);
  orderWithin(world, co, act, m, n, true);
}

const prudent: Strategy = (world, co, act, rng) => {
  const p = world.scenario.agents.prudent;
  priceByUtilization(world, co, act, rng, -0.05, 0.7, 1.8);
  for (const rfp of world.rfps) {
    if (rfpShareOfCapacity(world, co, rfp) > 0.12) continue;
    bid(world, co, act, rfp, 0.02, 0.2, rng);
  }
  // Growth with the market: while its GPUs are busy, it plans to add what keeps pace with demand
  // growth (and no more than it can power), and raises the money for it first.
  const m = newestModel(world, co);
  const review = world.week % p.orderEveryWeeks === 0;
  const growth = m && review && co.last.utilization >= p.minOwnUtilization ? marketPaceGpus(world, co, m, p.marketGrowthShare, p.orderEveryWeeks) : 0;
  const growthUsd = m ? growth * gpuUnitPriceUsd(world, co, m) : 0;
  // Funds itself every week (not only when it plans growth), so payments never wait for a review.
  {
    const gap = cashNeedUsd(world, co, p.fundWeeksAhead) + growthUsd - cashUsd(co);
    if (gap > 0) {
      const order: Command['type'][] = debtToMarketAssets(world, co) < p.maxDebtToAssetsForLoans ? ['ipo', 'followOn', 'raiseEquity', 'issueConvertible', 'takeGpuLoan'] : ['ipo', 'followOn', 'raiseEquity', 'issueConvertible'];
      fund(world, co, act, gap, order);
    }
  }
  orderForContracts(world, co, act, false, 8);
  if (m && growth >= 8) {
    // Only what the cash in hand pays for in full (deposit now, balance on delivery).
    const n = Math.min(growth, Math.floor((cashUsd(co) - cashNeedUsd(world, co, p.fundWeeksAhead)) / Math.max(1, gpuUnitPriceUsd(world, co, m))));
    if (n >= 8) orderWithin(world, co, act, m, n, false);
  }
  ensurePower(world, co, act, 1.1, ['colo', 'campus', 'powered']);
  if (world.week % 13 === 0) act({ type: 'setPlatformSpend', usdPerWeek: Math.min(4e6, Math.max(100_000, annualisedRevenueUsd(co) * 0.04 / 52)) });
};

const developer: Strategy = (world, co, act, rng) => {
  priceByUtilization(world, co, act, rng, 0.03, 1.3, 1.6);
  const gap = cashNeedUsd(world, co, 26) - cashUsd(co);
  if (gap > 0) fund(world, co, act, gap, ['takeGpuLoan', 'raiseEquity', 'ipo', 'followOn', 'drawRevolver']);
  const m = newestModel(world, co);
  if (m && world.week % 6 === 0) {
    const n = speculativeGpus(world, co, m, { aggressiveness: 1.2, pipelineWeight: 0.5, minMarketUtil: 0.8, minOwnUtil: 0.85, maxGrowth: 0.12 });
    if (n >= 8) orderWithin(world, co, act, m, n, false);
  }
  ensurePower(world, co, act, 1.1, ['colo', 'powered']);
  if (world.week % 13 === 0) act({ type: 'setPlatformSpend', usdPerWeek: Math.min(1.5e6, Math.max(80_000, annualisedRevenueUsd(co) * 0.05 / 52)) });
};

const energy: Strategy = (world, co, act, rng) => {
  priceByUtilization(world, co, act, rng, 0, 1, 1.9);
  for (const rfp of world.rfps) {
    if (rfpShareOfCapacity(world, co, rfp) > 1) continue;
    bid(world, co, act, rfp, 0.08, 0.1, rng);
  }
  const gap = cashNeedUsd(world, co, 26) - cashUsd(co);
  if (gap > 0) fund(world, co, act, gap, ['drawFacility', 'takeGpuLoan', 'raiseEquity', 'drawRevolver', 'issueBond', 'ipo', 'followOn']);
  orderForContracts(world, co, act, true, 8);
  const m = newestModel(world, co);
  // Fill the powered space it has built — but only as far as customers want more GPUs (the demand
  // brake): spare megawatts alone are no reason to buy chips nobody will rent.
  if (m && world.week % 4 === 0 && co.last.powerMwAvailable - co.last.powerMwUsed > 2) {
    const mw = co.last.powerMwAvailable - co.last.powerMwUsed;
    const want = speculativeGpus(world, co, m, { aggressiveness: 1.3, pipelineWeight: 0.5, minMarketUtil: 0.85, minOwnUtil: 0.8, maxGrowth: 0.15 });
    const n = Math.min(want, Math.floor((mw * 1000) / 2));
    if (n >= 8) orderWithin(world, co, act, m, n, true);
  }
  // Power ahead of the fleet, with spare room only while its GPUs are busy.
  ensurePower(world, co, act, co.last.utilization > 0.8 ? 1.3 : 1.05, ['powered', 'campus', 'colo']);
};

/**
 * The hyperscaler: dominant and reactive. It defends a share of the market's supply by building (its
 * own capex, not borrowed), whenever its fleet is busy enough; it prices at a premium but cuts when
 * its GPUs idle, never below its floor; it takes the big investment-grade contracts that fit it.
 */
const hyperscaler: Strategy = (world, co, act, rng) => {
  const h = world.scenario.agents.hyperscaler;
  const mult = world.scenario.market.demand.hyperscalerPriceMultiple;
  priceByUtilization(world, co, act, rng, h.utilizationTargetOffset, h.priceAdjustSpeed, mult, h.priceFloorMultiple);
  for (const rfp of world.rfps) if (rfp.credit === 'ig' && rfpShareOfCapacity(world, co, rfp) < h.maxRfpShareOfCapacity) bid(world, co, act, rfp, -h.rfpPremium, h.rfpMargin);
  orderForContracts(world, co, act, false, 8);
  const m = newestModel(world, co);
  if (m && world.week % h.orderEveryWeeks === 0 && co.last.utilization >= h.minOwnUtilization) {
    // Deep pockets, not bottomless: it orders only what its spare cash pays for on delivery.
    const spare = cashUsd(co) - cashNeedUsd(world, co, Math.round(world.market.leadTimeWeeks) + QUARTER_WEEKS);
    const n = Math.min(shareDefenceGpus(world, co, m, h.targetShareOfSupply, h.maxGrowthPerOrder), Math.floor(spare / Math.max(1, gpuUnitPriceUsd(world, co, m))));
    if (n >= 8) orderWithin(world, co, act, m, n, false);
  }
  ensurePower(world, co, act, h.powerHeadroom, ['campus', 'colo', 'powered']);
  if (cashUsd(co) < h.cashFloorUsd && world.week % QUARTER_WEEKS === 0) fund(world, co, act, h.raiseUsd, ['issueBond', 'followOn']);
};

const idle: Strategy = () => {};

/** Random commands, valid and invalid, for property tests. */
const random: Strategy = (world, co, act, rng) => {
  if (nextFloat(rng) < 0.5) return;
  const models = world.scenario.gpus.map((g) => g.id);
  const regions = world.scenario.regions.map((r) => r.id);
  const pick = <T,>(a: T[]): T => a[nextInt(rng, a.length)]!;
  const amt = () => Math.round(pow(10, 5 + nextFloat(rng) * 4));
  const cmds: (() => Command)[] = [
    () => ({ type: 'raiseEquity', amountUsd: amt() }),
    () => ({ type: 'ipo', amountUsd: amt() }),
    () => ({ type: 'followOn', amountUsd: amt() }),
    () => ({ type: 'issueConvertible', amountUsd: amt() }),
    () => ({ type: 'takeGpuLoan', amountUsd: amt() }),
    () => ({ type: 'drawFacility', amountUsd: amt() }),
    () => ({ type: 'issueBond', amountUsd: amt() * 10 }),
    () => ({ type: 'drawRevolver', amountUsd: amt() }),
    () => ({ type: 'repayDebt', debtId: co.debts[0]?.id ?? 'd0', amountUsd: amt() }),
    () => ({ type: 'orderGpus', modelId: pick(models), count: 8 + nextInt(rng, 2000), vendorFinancing: nextFloat(rng) < 0.5 }),
    () => ({ type: 'sellGpus', modelId: pick(models), count: 1 + nextInt(rng, Math.max(1, gpusOwnedOf(co, models[0]!))) }),
    () => ({ type: 'setDepreciationLife', years: pick([4, 5, 6] as const) }),
    () => ({ type: 'leaseColo', regionId: pick(regions), powerMw: 1 + nextInt(rng, 40) }),
    () => ({ type: 'buildCampus', regionId: pick(regions), powerMw: 5 + nextInt(rng, 100) }),
    () => ({ type: 'buyPoweredSite', regionId: pick(regions), powerMw: 1 + nextInt(rng, 30) }),
    () => ({ type: 'bidRfp', rfpId: world.rfps.length ? pick(world.rfps).id : 'r0', usdPerGpuHour: 0.5 + nextFloat(rng) * 5 }),
    () => ({ type: 'setOnDemandPrice', priceFactor: 0.3 + nextFloat(rng) * 2 }),
    () => ({ type: 'setPlatformSpend', usdPerWeek: nextInt(rng, 500_000) }),
  ];
  act(pick(cmds)());
};

export const STRATEGIES: Record<Exclude<StrategyId, 'player'>, Strategy> = { leveraged, prudent, developer, energy, hyperscaler, idle, random };
export const AUTOPILOTS = ['leveraged', 'prudent', 'idle', 'random'] as const;
