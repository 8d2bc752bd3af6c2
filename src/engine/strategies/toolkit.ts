/**
 * Decision helpers shared by every strategy. Strategies see the same public information a player
 * does and act only through commands, executed one by one like a player's.
 */
import type { Command, CommandResult } from '../commands/types.ts';
import type { Company, Rfp, World } from '../types.ts';
import type { RngState } from '../rng.ts';
import { nextNormal, nextFloat } from '../rng.ts';
import { pathAt } from '../paths.ts';
import { runCommand } from '../commands/apply.ts';
import { contractDiscount } from '../market/demand.ts';
import { gpuModel, genMarket } from '../lookup.ts';
import { gpuUnitPriceUsd, exportBlocked } from '../fleet.ts';
import { powerPriceUsdPerMwh } from '../sites.ts';
import {
  cashUsd, contractedGpus, fleetMwNeeded, gpusAvailableBy, pipelineMw, perfH100e, capacityH100e,
} from '../metrics.ts';
import { WEEKS_PER_YEAR, HOURS_PER_WEEK, clamp } from '../money.ts';
import { pow } from '../dmath.ts';

export type Act = (cmd: Command) => CommandResult;
export type Strategy = (world: World, co: Company, act: Act, rng: RngState) => void;

/**
 * A company's temperament, 0–1, fixed by its id: two rivals of the same archetype do not bid or
 * price identically (different managers, different spreadsheets).
 */
export function temperament(co: Company): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < co.id.length; i++) h = Math.imul(h ^ co.id.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return ((h ^ (h >>> 12)) >>> 0) / 4294967296;
}

/** GPUs on order across all active companies, H100e: the vendor's public order book. */
export function marketPipelineH100e(world: World): number {
  let h = 0;
  for (const c of world.companies) {
    if (c.status !== 'active') continue;
    for (const o of c.orders) h += o.count * perfH100e(world, o.modelId);
  }
  return h;
}

/**
 * Speculative capacity a company orders for on-demand: its share of the market's expected shortfall
 * when the GPUs would arrive. `pipelineWeight` is how much of the industry's order book it believes
 * will really show up: below 1 every builder orders for the same gap, so in a shortage the market
 * over-orders and a glut follows a lead time later (the bullwhip). Nothing is ordered while the
 * market is slack — the demand brake.
 */
export function speculativeGpus(world: World, co: Company, modelId: string, o: { aggressiveness: number; pipelineWeight: number; minMarketUtil: number; minOwnUtil: number; maxGrowth: number }): number {
  const m = world.market;
  if (m.utilization < o.minMarketUtil || co.last.utilization < o.minOwnUtil) return 0;
  const lead = Math.max(1, m.leadTimeWeeks);
  const growth = pathAt(world.paths.growthPct, world.week) / 100;
  const expectedDemand = m.demandH100e * pow(1 + growth, (lead + 13) / WEEKS_PER_YEAR);
  const expectedSupply = m.supplyH100e + o.pipelineWeight * marketPipelineH100e(world);
  const gap = expectedDemand - expectedSupply;
  if (gap <= 0) return 0;
  const mine = capacityH100e(world, co, false);
  const share = Math.max(0.03, mine / Math.max(1, m.supplyH100e));
  const perf = Math.max(0.05, perfH100e(world, modelId));
  const want = (gap * share * o.aggressiveness) / perf;
  const cap = (mine * o.maxGrowth) / perf + 64;
  return Math.max(0, Math.floor(Math.min(want, cap) / 8) * 8);
}

export function actor(world: World, co: Company): Act {
  return (cmd) => runCommand(world, co.index, cmd, true);
}

/** Newest generation on sale that the company may install somewhere it has (or could lease) space. */
export function newestModel(world: World, co: Company): string | null {
  const released = world.market.gens.filter((g) => g.releaseWeek <= world.week).sort((a, b) => b.releaseWeek - a.releaseWeek || (a.modelId < b.modelId ? -1 : 1));
  for (const g of released) {
    if (co.sites.length === 0 || co.sites.some((s) => !exportBlocked(world, g.modelId, s.regionId))) return g.modelId;
  }
  return released[0]?.modelId ?? null;
}

/** Cash cost of running one GPU for an hour (power at a typical price + colocation), USD. */
export function cashCostPerGpuHour(world: World, modelId: string): number {
  const m = gpuModel(world, modelId);
  const r = world.scenario.regions[0];
  if (!m || !r) return 0.5;
  const power = m.kwPerGpu * r.pue * powerPriceUsdPerMwh(world, r.id) / 1000;
  const colo = (m.kwPerGpu * r.colocUsdPerKwMonth * 12) / (WEEKS_PER_YEAR * HOURS_PER_WEEK);
  return power + colo;
}

/**
 * Lowest contract price that repays a new GPU over the term (capex spread over the term's hours at
 * 95% uptime, plus cash cost), times (1 + margin).
 */
export function breakEvenUsdPerGpuHour(world: World, co: Company, rfp: Rfp, margin: number): number {
  const unit = gpuUnitPriceUsd(world, co, rfp.modelId);
  const lifeHours = Math.min(rfp.termWeeks, 5 * WEEKS_PER_YEAR) * HOURS_PER_WEEK * 0.95;
  // After the term the GPU still has resale/rental value: credit a third of capex.
  return ((unit * 0.67) / lifeHours + cashCostPerGpuHour(world, rfp.modelId)) * (1 + margin);
}

/** Fair contract price: on-demand index less the term discount. */
export function fairContractUsd(world: World, rfp: Rfp): number {
  const g = genMarket(world, rfp.modelId);
  return (g?.indexUsdPerGpuHour ?? 0) * (1 - contractDiscount(world, rfp.termWeeks));
}

/** Bid on an RFP at fair price × (1 − aggressiveness), not below break-even; returns true when placed. */
export function bid(world: World, co: Company, act: Act, rfp: Rfp, aggressiveness: number, margin: number, rng?: RngState): boolean {
  if (rfp.bids.some((b) => b.companyIndex === co.index)) return false;
  // Each bidder reads the deal a little differently: its temperament and ±3% of judgement per bid.
  const judgement = 0.06 * (temperament(co) - 0.5) + (rng ? 0.06 * (nextFloat(rng) - 0.5) : 0);
  const floor = breakEvenUsdPerGpuHour(world, co, rfp, margin) * (1 - judgement / 2);
  const price = Math.min(rfp.maxUsdPerGpuHour, Math.max(floor, fairContractUsd(world, rfp) * (1 - aggressiveness - judgement)));
  if (price > rfp.maxUsdPerGpuHour || price <= 0) return false;
  return act({ type: 'bidRfp', rfpId: rfp.id, usdPerGpuHour: Math.round(price * 100) / 100 }).ok;
}

/** Order GPUs to cover contracts that start within the lead time plus `aheadWeeks`. Returns cash needed later. */
export function orderForContracts(world: World, co: Company, act: Act, vendorFinancing: boolean, aheadWeeks: number): void {
  const horizon = world.week + Math.round(world.market.leadTimeWeeks) + aheadWeeks;
  const models = [...new Set(co.contracts.map((c) => c.modelId))].sort();
  for (const modelId of models) {
    let need = 0;
    for (let w = world.week; w <= horizon; w += 4) need = Math.max(need, contractedGpus(co, modelId, w));
    const have = gpusAvailableBy(co, modelId, horizon + 104);
    const short = need - have;
    if (short > 0) orderWithin(world, co, act, modelId, short, vendorFinancing);
  }
}

/** Order up to `count` GPUs, scaling down to what the cash for the deposit allows. */
export function orderWithin(world: World, co: Company, act: Act, modelId: string, count: number, vendorFinancing: boolean): number {
  const unit = gpuUnitPriceUsd(world, co, modelId);
  if (unit <= 0) return 0;
  const dep = world.scenario.operations.gpuDepositShare;
  const affordable = Math.floor((cashUsd(co) * 0.9) / Math.max(1, unit * dep));
  let n = Math.min(count, affordable);
  while (n >= 8) {
    if (act({ type: 'orderGpus', modelId, count: n, vendorFinancing }).ok) return n;
    n = Math.floor(n / 2);
  }
  return 0;
}

/** Cash due within `weeks`: GPU balances on delivery, construction, and running costs. */
export function cashNeedUsd(world: World, co: Company, weeks: number): number {
  let need = 0;
  for (const o of co.orders) if (o.deliveryWeek <= world.week + weeks) need += ((o.totalCents - o.depositCents) / 100) * (1 - o.vendorFinancedShare);
  for (const s of co.sites) need += Math.min(s.capexRemainingCents, s.capexPerWeekCents * weeks) / 100;
  const burn = Math.max(0, -co.last.ebitdaWeekUsd) + world.scenario.operations.sgaBaseUsdPerWeek;
  let service = 0;
  for (const d of co.debts) service += d.amortizing ? d.principalCents / 100 / Math.max(1, d.maturityWeek - world.week) : 0;
  return need + (burn + service) * weeks + world.scenario.finance.covenantMinLiquidityUsd;
}

/** Try financing commands in order until the cash gap is covered. */
export function fund(world: World, co: Company, act: Act, gapUsd: number, order: Command['type'][]): void {
  let gap = gapUsd;
  for (const type of order) {
    if (gap <= 0) return;
    const tries = [gap * 1.2, gap * 0.6, gap * 0.3];
    for (const amount of tries) {
      const amountUsd = Math.round(Math.max(amount, type === 'issueBond' ? world.scenario.finance.bondMinIssueUsd : world.scenario.finance.minRoundUsd));
      const r = act({ type, amountUsd } as Command);
      if (r.ok) { gap -= r.cashNowUsd; break; }
    }
  }
}

/** Keep powered space ahead of the fleet: lease colocation, buy powered sites, build campuses. */
export function ensurePower(world: World, co: Company, act: Act, headroom: number, prefer: ('colo' | 'powered' | 'campus')[]): void {
  const needMw = fleetMwNeeded(world, co, true) * headroom;
  let gap = needMw - pipelineMw(co);
  if (gap <= 0.5) return;
  // Power comes in blocks (a hall, a building): at least a tenth of what it already has, so a
  // growing company signs a few big leases rather than a new one every week.
  gap = Math.max(gap, 0.1 * pipelineMw(co));
  const regions = world.scenario.regions.slice().sort((a, b) => powerPriceUsdPerMwh(world, a.id) - powerPriceUsdPerMwh(world, b.id) || (a.id < b.id ? -1 : 1));
  for (const kind of prefer) {
    for (const r of regions) {
      if (gap <= 0.5) return;
      const rs = world.regions.find((x) => x.id === r.id)!;
      const avail = kind === 'colo' ? rs.colocAvailableMw : kind === 'powered' ? rs.poweredSiteAvailableMw : rs.gridAvailableMw;
      const mw = Math.floor(Math.min(gap + 2, avail, kind === 'campus' ? 300 : 150) * 10) / 10;
      if (mw < 0.5) continue;
      const type = kind === 'colo' ? 'leaseColo' : kind === 'powered' ? 'buyPoweredSite' : 'buildCampus';
      if (act({ type, regionId: r.id, powerMw: mw }).ok) gap -= mw;
    }
  }
}

/**
 * On-demand pricing. Each provider has a price it would like: the market's tightness (demand ÷
 * supply, both public) raised to the scenario's tightness exponent — the rent curve of economics §2 —
 * times how its own utilisation compares with its target (idle GPUs push it to undercut). It moves
 * `adjustPerWeekPct` of the way there each week, with a little noise, never below its cash cost and
 * never above its ceiling. When supply overtakes demand every provider cuts at once: a price war.
 * `targetOffset` shifts the scenario's target utilisation for this archetype.
 */
export function priceByUtilization(world: World, co: Company, act: Act, rng: RngState, targetOffset: number, speed: number, maxFactor: number): void {
  const p = world.scenario.market.pricing;
  const m = world.market;
  const target = clamp(p.targetUtilization + targetOffset + 0.04 * (temperament(co) - 0.5), 0.3, 0.99);
  const h100 = genMarket(world, 'h100') ?? world.market.gens[0];
  const ref = h100?.referenceUsdPerGpuHour ?? 2;
  const floor = Math.max(0.2, (p.floorCashCostMultiple * cashCostPerGpuHour(world, h100?.modelId ?? 'h100')) / Math.max(0.01, ref));
  const tightness = m.supplyH100e > 0 ? clamp(m.demandH100e / m.supplyH100e, 0.3, 3) : 1.5;
  const own = co.last.installedGpus > 0 ? clamp(pow(co.last.utilization / target, 1.5), 0.5, 1.15) : 1;
  const desired = clamp(pow(tightness, p.tightnessExponent) * own, floor, maxFactor);
  const noise = (p.spotVolatilityPct / 100) * nextNormal(rng) * 0.5;
  const rate = Math.min(0.5, (p.adjustPerWeekPct / 100) * speed);
  const next = clamp(co.priceFactor + rate * (desired - co.priceFactor) + noise * co.priceFactor, floor, maxFactor);
  if (Math.abs(next - co.priceFactor) > 1e-6) act({ type: 'setOnDemandPrice', priceFactor: Math.round(next * 10000) / 10000 });
}

/** Share of the company's capacity an RFP represents. */
export function rfpShareOfCapacity(world: World, co: Company, rfp: Rfp): number {
  return (rfp.gpuCount * perfH100e(world, rfp.modelId)) / Math.max(1, capacityH100e(world, co, false));
}
