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
import { annualisedRevenueUsd, capacityH100e, cashUsd, debtToMarketAssets, gpusOwnedOf, pipelineMw } from '../metrics.ts';
import { WEEKS_PER_YEAR } from '../money.ts';
import {
  type Act, type Strategy, bid, cashNeedUsd, ensurePower, fund, securePower, newestModel, orderForContracts, orderWithin, priceByUtilization, rfpShareOfCapacity, marketShortfallGpus, shareDefenceGpus, shareKeepingGpus, speculativeGpus, marketPaceGpus, repayAllDebt, wholeServersGpus, serverGpus,
} from './toolkit.ts';
import { pow } from '../dmath.ts';
import { gpuUnitPriceUsd } from '../fleet.ts';
import type { RngState } from '../rng.ts';
import type { ContractBidding, DeskPricing, PlatformSpending } from '../../scenario/schema/agents.ts';

/** Weeks in a quarter: reviews and cash cover a quarter at a time. */
const QUARTER_WEEKS = 13;

const leveraged: Strategy = (world, co, act, rng) => {
  const L = world.scenario.agents.leveraged;
  // It bids close to its own break-even: share now, margin from scale and cheap contract-backed debt.
  contractGrower(world, co, act, rng, L);
  // Speculative capacity for on-demand while the market is tight: it counts little of the industry's
  // order book (it wants share), so in a shortage it over-orders with everybody else.
  const m = newestModel(world, co);
  if (m && world.week % L.speculative.everyWeeks === 0) {
    const n = speculativeGpus(world, co, m, L.speculative);
    if (n >= serverGpus(world, m)) orderWithin(world, co, act, m, n, true);
  }
  buildAhead(world, co, act);
  ensurePower(world, co, act, L.power.headroom, L.power.prefer);
  platformSpend(world, co, act, L.platform);
};

/** What a contract grower's week opens with (leveraged, energy): its record's desk, bids, funding and contract orders. */
interface ContractGrowerRecord {
  pricing: DeskPricing;
  bidding: ContractBidding;
  fundWeeksAhead: number;
  fundingOrder: Command['type'][];
  contractOrders: { everyWeeks: number; aheadWeeks: number; vendorFinancing: boolean };
}

/**
 * The shared prelude of the contract growers: price the desk, bid on every request that fits, fund
 * the cash gap every week — before it orders, so deposits never eat the cash payments need — and
 * order the GPUs its signed contracts need.
 */
function contractGrower(world: World, co: Company, act: Act, rng: RngState, r: ContractGrowerRecord): void {
  price(world, co, act, rng, r.pricing);
  bidAll(world, co, act, rng, r.bidding);
  const gap = cashNeedUsd(world, co, r.fundWeeksAhead) - cashUsd(co);
  if (gap > 0) fund(world, co, act, gap, r.fundingOrder);
  if (world.week % r.contractOrders.everyWeeks === 0) orderForContracts(world, co, act, r.contractOrders.vendorFinancing, r.contractOrders.aheadWeeks);
}

/** The desk's pricing rule with the archetype's record. */
function price(world: World, co: Company, act: Act, rng: RngState, p: DeskPricing): void {
  priceByUtilization(world, co, act, rng, p.utilizationTargetOffset, p.priceAdjustSpeed, p.maxPriceFactor);
}

/** Bid on every open request that fits the archetype's record. */
function bidAll(world: World, co: Company, act: Act, rng: RngState, b: ContractBidding): void {
  const fleetH100e = capacityH100e(world, co, false);
  for (const rfp of world.rfps) {
    if (rfpShareOfCapacity(world, co, rfp, fleetH100e) > b.maxRfpShareOfCapacity) continue;
    bid(world, co, act, rfp, rfp.credit === 'ig' ? b.investmentGradeDiscount : b.discount, b.margin, rng, b.debtFinancedShare);
  }
}

/** Platform spending, set at each quarter's review: a share of revenue between a floor and a cap. */
function platformSpend(world: World, co: Company, act: Act, p: PlatformSpending): void {
  if (world.week % QUARTER_WEEKS === 0) act({ type: 'setPlatformSpend', usdPerWeek: Math.min(p.maxUsdPerWeek, Math.max(p.minUsdPerWeek, annualisedRevenueUsd(co) * p.revenueShare / WEEKS_PER_YEAR)) });
}

/**
 * Leveraged builds ahead of its contracts (as CoreWeave does): while sentiment is warm and its GPUs
 * are busy, it adds `agents.leveraged.buildAheadGrowthPerYear` of its fleet a year as speculative
 * capacity and borrows for it first with GPU-backed loans, then its other debt. Its lenders bound it:
 * it orders only what the money it raised pays for (`orderWithin`). With `buildAheadKind` `power` it
 * grows its powered space (halls, powered sites, campuses) at that rate instead and leaves the GPUs
 * to the signed contracts that fill it.
 */
function buildAhead(world: World, co: Company, act: Act): void {
  const L = world.scenario.agents.leveraged;
  if (L.buildAheadGrowthPerYear <= 0 || world.week % L.orderEveryWeeks !== 0) return;
  if (world.market.sentiment < L.buildAheadMinSentiment || co.last.utilization < L.minOwnUtilization) return;
  const growth = pow(1 + L.buildAheadGrowthPerYear, L.orderEveryWeeks / WEEKS_PER_YEAR) - 1;
  // Power ahead: its powered space (held and being built) grows at the build-ahead rate, GPUs or not;
  // the GPUs come with the contracts that fill it.
  if (L.buildAheadKind === 'power') {
    securePower(world, co, act, pipelineMw(co) * growth, L.power.prefer);
    return;
  }
  const m = newestModel(world, co);
  if (!m) return;
  const add = capacityH100e(world, co, false) * growth;
  const n = wholeServersGpus(world, m, add);
  if (n < serverGpus(world, m)) return;
  // Speculative capacity is financed with debt: GPU-backed loans first, whatever cash is in hand.
  fund(world, co, act, n * gpuUnitPriceUsd(world, co, m), L.buildAheadFundingOrder);
  orderWithin(world, co, act, m, n, true);
}

const prudent: Strategy = (world, co, act, rng) => {
  const p = world.scenario.agents.prudent;
  price(world, co, act, rng, p.pricing);
  bidAll(world, co, act, rng, p.bidding);
  // Growth with the market: while its GPUs are busy, it plans to add what keeps pace with demand
  // growth (and no more than it can power), and raises the money for it first.
  const m = newestModel(world, co);
  const review = world.week % p.orderEveryWeeks === 0;
  // Warm: equity sentiment at or above its threshold — shares sell well, so it raises for growth.
  const warm = world.market.sentiment >= p.growthEquityMinSentiment;
  // Growth with the market: at least the market's pace on its own fleet; when its share of the
  // market's revenue has slipped below its place (a year sat out in a glut), the catch-up; and while
  // warm, its part of the demand the whole market turned away last quarter (none in a glut).
  const growth = m && review && co.last.utilization >= p.minOwnUtilization
    ? Math.max(marketPaceGpus(world, co, m, p.marketGrowthShare, p.orderEveryWeeks), shareKeepingGpus(world, co, m, p.revenueShareKept, p.maxGrowthPerReview), warm ? marketShortfallGpus(world, co, m, p.warmGrowthPerReview) : 0)
    : 0;
  // It raises money for growth (equity first) only while the market is warm; in a cold market it
  // grows from the cash it has and does not sell shares cheaply.
  const growthUsd = m && warm ? growth * gpuUnitPriceUsd(world, co, m) : 0;
  // Funds itself every week (not only when it plans growth), so payments never wait for a review.
  {
    const gap = cashNeedUsd(world, co, p.fundWeeksAhead) + growthUsd - cashUsd(co);
    if (gap > 0) {
      // Above its debt ratio it takes no more loans: equity and convertibles only.
      const order = debtToMarketAssets(world, co) < p.maxDebtToAssetsForLoans ? p.fundingOrder : p.fundingOrder.filter((t) => t !== 'takeGpuLoan');
      fund(world, co, act, gap, order);
    }
  }
  if (world.week % p.contractOrders.everyWeeks === 0) orderForContracts(world, co, act, p.contractOrders.vendorFinancing, p.contractOrders.aheadWeeks);
  if (m && growth >= serverGpus(world, m)) {
    // Only what the cash in hand pays for in full (deposit now, balance on delivery).
    const n = Math.min(growth, Math.floor((cashUsd(co) - cashNeedUsd(world, co, p.fundWeeksAhead)) / Math.max(1, gpuUnitPriceUsd(world, co, m))));
    if (n >= serverGpus(world, m)) orderWithin(world, co, act, m, n, false);
  }
  ensurePower(world, co, act, p.power.headroom, p.power.prefer);
  platformSpend(world, co, act, p.platform);
};

const developer: Strategy = (world, co, act, rng) => {
  const d = world.scenario.agents.developer;
  price(world, co, act, rng, d.pricing);
  const gap = cashNeedUsd(world, co, d.fundWeeksAhead) - cashUsd(co);
  if (gap > 0) fund(world, co, act, gap, d.fundingOrder);
  const m = newestModel(world, co);
  if (m && world.week % d.speculative.everyWeeks === 0) {
    const n = speculativeGpus(world, co, m, d.speculative);
    if (n >= serverGpus(world, m)) orderWithin(world, co, act, m, n, d.vendorFinancing);
  }
  ensurePower(world, co, act, d.power.headroom, d.power.prefer);
  platformSpend(world, co, act, d.platform);
};

const energy: Strategy = (world, co, act, rng) => {
  const e = world.scenario.agents.energy;
  contractGrower(world, co, act, rng, e);
  const m = newestModel(world, co);
  // Fill the powered space it has built — but only as far as customers want more GPUs (the demand
  // brake): spare megawatts alone are no reason to buy chips nobody will rent.
  if (m && world.week % e.speculative.everyWeeks === 0 && co.last.powerMwAvailable - co.last.powerMwUsed > e.minSpareMw) {
    const mw = co.last.powerMwAvailable - co.last.powerMwUsed;
    const want = speculativeGpus(world, co, m, e.speculative);
    const n = Math.min(want, Math.floor((mw * 1000) / e.fillKwPerGpu));
    if (n >= serverGpus(world, m)) orderWithin(world, co, act, m, n, true);
  }
  // Power ahead of the fleet, with spare room only while its GPUs are busy.
  ensurePower(world, co, act, co.last.utilization > e.busyUtilization ? e.busyPowerHeadroom : e.power.headroom, e.power.prefer);
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
  const fleetH100e = capacityH100e(world, co, false);
  for (const rfp of world.rfps) if (rfp.credit === 'ig' && rfpShareOfCapacity(world, co, rfp, fleetH100e) < h.maxRfpShareOfCapacity) bid(world, co, act, rfp, -h.rfpPremium, h.rfpMargin);
  if (world.week % h.contractOrders.everyWeeks === 0) orderForContracts(world, co, act, h.contractOrders.vendorFinancing, h.contractOrders.aheadWeeks);
  const m = newestModel(world, co);
  if (m && world.week % h.orderEveryWeeks === 0 && co.last.utilization >= h.minOwnUtilization) {
    // Deep pockets, not bottomless: it orders only what its spare cash pays for on delivery.
    const spare = cashUsd(co) - cashNeedUsd(world, co, Math.round(world.market.leadTimeWeeks) + QUARTER_WEEKS);
    const n = Math.min(shareDefenceGpus(world, co, m, h.targetShareOfSupply, h.maxGrowthPerOrder), Math.floor(spare / Math.max(1, gpuUnitPriceUsd(world, co, m))));
    if (n >= serverGpus(world, m)) orderWithin(world, co, act, m, n, false);
  }
  ensurePower(world, co, act, h.powerHeadroom, ['campus', 'colo', 'powered']);
  // In a cure period its parent's balance sheet ends the breach: debt paid off, equity for the rest.
  if (h.curesBreaches && co.covenantCureEndsWeek !== null) repayAllDebt(world, co, act, ['followOn', 'raiseEquity'], h.cashFloorUsd);
  // Below its cash floor its parent funds it that week, not at the next quarter's review: GPUs
  // ordered and campuses begun while cash was ample fall due together (default leveraged seed 6:
  // $4.0B at one review, $1.5B of deliveries and builds in six weeks, a missed payment before the next).
  else if (cashUsd(co) < h.cashFloorUsd) fund(world, co, act, h.raiseUsd, ['issueBond', 'followOn']);
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
