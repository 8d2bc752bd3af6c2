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
import type { StrategyId } from '../types.ts';
import { nextFloat, nextInt } from '../rng.ts';
import { annualisedRevenueUsd, cashUsd, capacityH100e, debtToMarketAssets, gpusOwned, gpusOwnedOf } from '../metrics.ts';
import {
  type Strategy, bid, cashNeedUsd, ensurePower, fund, newestModel, orderForContracts, orderWithin, priceByUtilization, rfpShareOfCapacity,
} from './toolkit.ts';

const leveraged: Strategy = (world, co, act, rng) => {
  priceByUtilization(world, co, act, rng, 0.9, 1, 2.2);
  for (const rfp of world.rfps) {
    if (rfpShareOfCapacity(world, co, rfp) > 6) continue;
    bid(world, co, act, rfp, rfp.credit === 'ig' ? 0.1 : 0.06, 0.12);
  }
  if (world.week % 2 === 0) {
    const gap = cashNeedUsd(world, co, 26) - cashUsd(co);
    if (gap > 0) fund(world, co, act, gap, ['drawFacility', 'takeGpuLoan', 'drawRevolver', 'issueBond', 'ipo', 'issueConvertible', 'raiseEquity', 'followOn']);
  }
  orderForContracts(world, co, act, true, 8);
  // Speculative capacity for on-demand while the market is tight.
  const m = newestModel(world, co);
  if (m && world.week % 4 === 0 && world.market.utilization > 0.85 && co.last.utilization > 0.85) {
    orderWithin(world, co, act, m, Math.max(64, Math.round(gpusOwned(co) * 0.08)), true);
  }
  ensurePower(world, co, act, 1.15, ['colo', 'powered', 'campus']);
  if (world.week % 13 === 0) act({ type: 'setPlatformSpend', usdPerWeek: Math.min(2e6, annualisedRevenueUsd(co) * 0.01 / 52) });
};

const prudent: Strategy = (world, co, act, rng) => {
  priceByUtilization(world, co, act, rng, 0.8, 0.7, 1.8);
  for (const rfp of world.rfps) {
    if (rfpShareOfCapacity(world, co, rfp) > 0.12) continue;
    bid(world, co, act, rfp, 0.02, 0.2);
  }
  if (world.week % 4 === 0) {
    const gap = cashNeedUsd(world, co, 39) - cashUsd(co);
    if (gap > 0) {
      const order: Command['type'][] = debtToMarketAssets(world, co) < 0.15 ? ['ipo', 'followOn', 'raiseEquity', 'issueConvertible', 'takeGpuLoan'] : ['ipo', 'followOn', 'raiseEquity', 'issueConvertible'];
      fund(world, co, act, gap, order);
    }
  }
  orderForContracts(world, co, act, false, 8);
  const m = newestModel(world, co);
  if (m && world.week % 8 === 0 && co.last.utilization > 0.78) {
    const spend = cashUsd(co) * 0.35;
    const n = Math.min(Math.round(gpusOwned(co) * 0.12) + 64, Math.floor(spend / 60000));
    if (n > 0) orderWithin(world, co, act, m, n, false);
  }
  ensurePower(world, co, act, 1.1, ['colo', 'campus', 'powered']);
  if (world.week % 13 === 0) act({ type: 'setPlatformSpend', usdPerWeek: Math.min(4e6, Math.max(100_000, annualisedRevenueUsd(co) * 0.04 / 52)) });
};

const developer: Strategy = (world, co, act, rng) => {
  priceByUtilization(world, co, act, rng, 0.88, 1.3, 1.6);
  if (world.week % 4 === 0) {
    const gap = cashNeedUsd(world, co, 26) - cashUsd(co);
    if (gap > 0) fund(world, co, act, gap, ['takeGpuLoan', 'raiseEquity', 'ipo', 'followOn', 'drawRevolver']);
  }
  const m = newestModel(world, co);
  if (m && world.week % 6 === 0 && co.last.utilization > 0.85) orderWithin(world, co, act, m, Math.round(gpusOwned(co) * 0.1) + 32, false);
  ensurePower(world, co, act, 1.1, ['colo', 'powered']);
  if (world.week % 13 === 0) act({ type: 'setPlatformSpend', usdPerWeek: Math.min(1.5e6, Math.max(80_000, annualisedRevenueUsd(co) * 0.05 / 52)) });
};

const energy: Strategy = (world, co, act, rng) => {
  priceByUtilization(world, co, act, rng, 0.85, 1, 1.9);
  for (const rfp of world.rfps) {
    if (rfpShareOfCapacity(world, co, rfp) > 1) continue;
    bid(world, co, act, rfp, 0.08, 0.1);
  }
  if (world.week % 2 === 0) {
    const gap = cashNeedUsd(world, co, 26) - cashUsd(co);
    if (gap > 0) fund(world, co, act, gap, ['drawFacility', 'takeGpuLoan', 'raiseEquity', 'drawRevolver', 'issueBond', 'ipo', 'followOn']);
  }
  orderForContracts(world, co, act, true, 8);
  const m = newestModel(world, co);
  // Fill the powered space it has built.
  if (m && world.week % 4 === 0 && co.last.powerMwAvailable - co.last.powerMwUsed > 2 && co.last.utilization > 0.7) {
    const mw = co.last.powerMwAvailable - co.last.powerMwUsed;
    orderWithin(world, co, act, m, Math.floor((mw * 1000) / 2), true);
  }
  ensurePower(world, co, act, 1.3, ['powered', 'campus', 'colo']);
};

const hyperscaler: Strategy = (world, co, act, rng) => {
  const mult = world.scenario.market.demand.hyperscalerPriceMultiple;
  priceByUtilization(world, co, act, rng, 0.7, 0.3, mult);
  if (co.priceFactor < mult * 0.6) act({ type: 'setOnDemandPrice', priceFactor: mult * 0.6 });
  for (const rfp of world.rfps) if (rfp.credit === 'ig' && rfpShareOfCapacity(world, co, rfp) < 0.3) bid(world, co, act, rfp, -0.25, 0.3);
  orderForContracts(world, co, act, false, 8);
  // Keep about a fifth of market supply, paid from its own deep pockets.
  const m = newestModel(world, co);
  if (m && world.week % 8 === 0 && co.last.utilization > 0.75 && capacityH100e(world, co, false) < 0.2 * world.market.demandH100e) {
    orderWithin(world, co, act, m, Math.round((0.05 * world.market.demandH100e)), false);
  }
  ensurePower(world, co, act, 1.1, ['campus', 'colo', 'powered']);
  if (cashUsd(co) < 1e9 && world.week % 13 === 0) fund(world, co, act, 2e9, ['issueBond', 'followOn']);
};

const idle: Strategy = () => {};

/** Random commands, valid and invalid, for property tests. */
const random: Strategy = (world, co, act, rng) => {
  if (nextFloat(rng) < 0.5) return;
  const models = world.scenario.gpus.map((g) => g.id);
  const regions = world.scenario.regions.map((r) => r.id);
  const pick = <T,>(a: T[]): T => a[nextInt(rng, a.length)]!;
  const amt = () => Math.round(Math.pow(10, 5 + nextFloat(rng) * 4));
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
