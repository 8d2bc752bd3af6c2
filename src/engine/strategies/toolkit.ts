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
import { instalmentCents } from '../finance/debt.ts';
import { powerPriceUsdPerMwh } from '../sites.ts';
import { baseRatePct } from '../finance/rates.ts';
import { cashCostUsdPerGpuHour, cashCostBasis, cashCostFromBasis, postedRentUsd, rentCeilingUsd, rivalsRentUsd, type CashCostBasis } from '../market/rents.ts';
import {
  cashUsd, contractedGpus, fleetMwNeeded, gpusAvailableBy, pipelineMw, perfH100e, capacityH100e,
} from '../metrics.ts';
import { WEEKS_PER_YEAR, HOURS_PER_WEEK, QUARTERS_PER_YEAR, clamp, toUsd } from '../money.ts';
import { mwReadyBy, powerableGpus, tooShortOfPower } from './power.ts';
import { pow } from '../dmath.ts';

/** GPUs come in servers (`gpus[].gpusPerServer`: an HGX board of 8, an NVL72 rack of 72): agents place no order smaller than one. */
export function serverGpus(world: World, modelId: string): number {
  return gpuModel(world, modelId)?.gpusPerServer ?? 1;
}
/** Performance floor (H100e per GPU) when converting capacity into a count, so a model listed at 0 cannot divide by zero. */
export const MIN_PERF_H100E = 0.05;

/** `h100e` of capacity as GPUs of `modelId`, rounded down to whole servers (0 for nothing or less). */
export function wholeServersGpus(world: World, modelId: string, h100e: number): number {
  const server = serverGpus(world, modelId);
  return Math.max(0, Math.floor(h100e / Math.max(MIN_PERF_H100E, perfH100e(world, modelId)) / server) * server);
}

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
 * market is slack — the demand brake. Its share of the gap is at least `minShareOfShortfall`, and one
 * review's order at most `maxGrowth` of its fleet plus `firstBlockGpus` (a small fleet's first block).
 */
export function speculativeGpus(world: World, co: Company, modelId: string, o: { aggressiveness: number; pipelineWeight: number; minMarketUtil: number; minOwnUtil: number; maxGrowth: number; minShareOfShortfall: number; firstBlockGpus: number }): number {
  const m = world.market;
  if (m.utilization < o.minMarketUtil || co.last.utilization < o.minOwnUtil) return 0;
  const lead = Math.max(1, m.leadTimeWeeks);
  const growth = pathAt(world.paths.growthPct, world.week) / 100;
  const expectedDemand = m.demandH100e * pow(1 + growth, (lead + 13) / WEEKS_PER_YEAR);
  const expectedSupply = m.supplyH100e + o.pipelineWeight * marketPipelineH100e(world);
  const gap = expectedDemand - expectedSupply;
  if (gap <= 0) return 0;
  const mine = capacityH100e(world, co, false);
  const share = Math.max(o.minShareOfShortfall, mine / Math.max(1, m.supplyH100e));
  const perf = Math.max(MIN_PERF_H100E, perfH100e(world, modelId));
  const want = (gap * share * o.aggressiveness) / perf;
  const cap = (mine * o.maxGrowth) / perf + o.firstBlockGpus;
  const server = serverGpus(world, modelId);
  return Math.max(0, Math.floor(Math.min(want, cap) / server) * server);
}

/**
 * GPUs a company orders to keep `targetShare` of the market's supply (installed plus on order, H100e,
 * across all active companies): what brings it back to the target, at most `maxGrowth` of its fleet.
 */
export function shareDefenceGpus(world: World, co: Company, modelId: string, targetShare: number, maxGrowth: number): number {
  let mine = capacityH100e(world, co, false);
  const fleet = mine;
  for (const o of co.orders) mine += o.count * perfH100e(world, o.modelId);
  const market = world.market.supplyH100e + marketPipelineH100e(world);
  if (market <= 0 || mine / market >= targetShare || targetShare >= 1) return 0;
  const want = (targetShare * market - mine) / (1 - targetShare);
  return wholeServersGpus(world, modelId, Math.min(want, fleet * maxGrowth));
}

/** GPUs of `modelId` that add `share` of the company's installed fleet (H100e), in whole servers. */
export function fleetShareGpus(world: World, co: Company, modelId: string, share: number): number {
  if (share <= 0) return 0;
  return wholeServersGpus(world, modelId, capacityH100e(world, co, false) * share);
}

/**
 * GPUs of `modelId` that grow the company's installed fleet (H100e) by the share by which the
 * market's demand exceeded its installed supply in the last closed quarter (public figures): the
 * customers the industry as a whole turned away, of which it takes its proportional part. At most
 * `maxShare` of its fleet; none while the market has as many GPUs as it wants or more (a glut), or
 * before the first quarter closes. 0 when `maxShare` is 0 (off).
 */
export function marketShortfallGpus(world: World, co: Company, modelId: string, maxShare: number): number {
  const q = world.marketQuarters[world.marketQuarters.length - 1];
  if (!q || maxShare <= 0 || !(q.supplyH100e > 0)) return 0;
  const shortfall = q.demandH100e / q.supplyH100e - 1;
  return shortfall > 0 ? fleetShareGpus(world, co, modelId, Math.min(maxShare, shortfall)) : 0;
}

/** The revenue a company reported for the closed quarter `label` (0 when it filed none: not yet founded or long bankrupt). */
function revenueInQuarter(co: Company, label: string): number {
  for (let i = co.quarters.length - 1; i >= 0; i--) if (co.quarters[i]!.label === label) return co.quarters[i]!.revenueUsd;
  return 0;
}

/** A company's share of all providers' revenue in the closed quarter `label` (public figures: every provider reports). */
function revenueShareIn(world: World, co: Company, label: string): number {
  let market = 0;
  for (const c of world.companies) market += revenueInQuarter(c, label);
  return market > 0 ? revenueInQuarter(co, label) / market : 0;
}

/**
 * GPUs that win back `keptShare` of the share of all providers' revenue the company earned in its
 * first closed quarter (its place in the market): when its last quarter's share has fallen below
 * that, its fleet (installed plus on order, H100e) should grow by the ratio of the two, at most
 * `maxGrowth` of its installed fleet per call. A company that grows only at the market's growth
 * rate of its own fleet never recovers a year it sat out (a glut, a full fleet waiting for power)
 * while the market grew: this is the catch-up. 0 when `keptShare` is 0 (off).
 */
export function shareKeepingGpus(world: World, co: Company, modelId: string, keptShare: number, maxGrowth: number): number {
  const q = co.quarters;
  if (keptShare <= 0 || q.length < 2) return 0;
  const first = revenueShareIn(world, co, q[0]!.label);
  const now = revenueShareIn(world, co, q[q.length - 1]!.label);
  if (!(first > 0) || !(now > 0)) return 0;
  const ratio = (keptShare * first) / now - 1;
  if (ratio <= 0) return 0;
  const installed = capacityH100e(world, co, false);
  let onOrder = 0;
  for (const o of co.orders) onOrder += o.count * perfH100e(world, o.modelId);
  const add = Math.min(installed * (1 + ratio) - installed - onOrder, installed * maxGrowth);
  return wholeServersGpus(world, modelId, add);
}

/**
 * GPUs that keep a company's fleet growing at `share` × the market's demand growth rate (as observed
 * over the last year) over the next `weeks` (H100e of the whole fleet, converted into the model it orders).
 */
export function marketPaceGpus(world: World, co: Company, modelId: string, share: number, weeks: number): number {
  // Demand growth over the last four closed quarters (public figures); the forecast path before that.
  const q = world.marketQuarters;
  const growth = q.length > QUARTERS_PER_YEAR ? q[q.length - 1]!.demandH100e / Math.max(1, q[q.length - 1 - QUARTERS_PER_YEAR]!.demandH100e) - 1 : pathAt(world.paths.growthPct, world.week) / 100;
  if (growth <= 0) return 0;
  const fleet = capacityH100e(world, co, false);
  const add = fleet * (pow(1 + growth * share, weeks / WEEKS_PER_YEAR) - 1);
  return wholeServersGpus(world, modelId, add);
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

/** The company's cash cost of running one GPU of a model for an hour (power, space, staff at its own sites), USD. */
export function cashCostPerGpuHour(world: World, modelId: string, co: Company | null = null): number {
  return cashCostUsdPerGpuHour(world, co, modelId);
}

/**
 * Lowest contract price that repays a new GPU over the term (`agents.toolkit.capexRecoveryShare` of
 * its price spread over the term's billed hours, plus cash cost), times (1 + margin).
 */
export function breakEvenUsdPerGpuHour(world: World, co: Company, rfp: Rfp, margin: number): number {
  const t = world.scenario.agents.toolkit;
  const unit = gpuUnitPriceUsd(world, co, rfp.modelId);
  const lifeHours = Math.min(rfp.termWeeks, t.maxAmortizationWeeks) * HOURS_PER_WEEK * t.uptimeShare;
  // After the term the GPU still has resale/rental value: the contract repays `capexRecoveryShare` of it.
  return ((unit * t.capexRecoveryShare) / lifeHours + cashCostPerGpuHour(world, rfp.modelId, co)) * (1 + margin);
}

/**
 * Lowest contract rent whose margin over cash cost covers the service of the debt that funds the
 * deal `finance.covenantMinDebtServiceCover` times: `debtFinancedShare` of a new GPU's price,
 * amortised over the term (at most `agents.toolkit.maxAmortizationWeeks`) at today's base rate plus
 * the lenders' spread for the buyer's credit, per billed GPU-hour (`uptimeShare`). 0 without a
 * debt-service covenant or without debt — and 0 when lenders size new debt on debt service at a
 * cover at least the covenant's (`finance.lenderMinDebtServiceCover`): they then lend against a deal
 * only what its cash flow services at their own cover, so the loan follows the price (a cheaper
 * contract gets a smaller loan and more equity) and no price can put the deal's debt in breach on
 * day one. A fixed debt share priced into the bid would count that test twice: the grower bid above
 * every rival at renewals that ask for a generation it must buy (fact 7).
 */
export function debtServiceFloorUsdPerGpuHour(world: World, co: Company, rfp: Rfp, debtFinancedShare: number): number {
  const f = world.scenario.finance;
  if (f.covenantMinDebtServiceCover <= 0 || debtFinancedShare <= 0) return 0;
  if (f.lenderMinDebtServiceCover >= f.covenantMinDebtServiceCover) return 0;
  const t = world.scenario.agents.toolkit;
  const years = Math.min(rfp.termWeeks, t.maxAmortizationWeeks) / WEEKS_PER_YEAR;
  const spread = rfp.credit === 'ig' ? f.facilitySpreadIgPct : rfp.credit === 'nonIg' ? f.facilitySpreadNonIgPct : f.facilitySpreadStartupPct;
  const debt = gpuUnitPriceUsd(world, co, rfp.modelId) * debtFinancedShare;
  // Average principal over a straight-line amortisation is half the loan.
  const servicePerYear = debt / years + (debt * t.averagePrincipalShare) * (baseRatePct(world) + spread) / 100;
  return cashCostPerGpuHour(world, rfp.modelId, co) + (f.covenantMinDebtServiceCover * servicePerYear) / (WEEKS_PER_YEAR * HOURS_PER_WEEK * t.uptimeShare);
}

/** Fair contract price: on-demand index less the term discount. */
export function fairContractUsd(world: World, rfp: Rfp): number {
  const g = genMarket(world, rfp.modelId);
  return (g?.indexUsdPerGpuHour ?? 0) * (1 - contractDiscount(world, rfp.termWeeks));
}

/** GPUs a deal needs beyond the ones the company already has spare for it at the start. */
function newGpusFor(co: Company, rfp: Rfp): number {
  const spare = gpusAvailableBy(co, rfp.modelId, rfp.startWeek) - contractedGpus(co, rfp.modelId, rfp.startWeek);
  return Math.max(0, rfp.gpuCount - Math.max(0, spare));
}

/** Bid on an RFP at fair price × (1 − aggressiveness), not below break-even; returns true when placed. */
export function bid(world: World, co: Company, act: Act, rfp: Rfp, aggressiveness: number, margin: number, rng?: RngState, debtFinancedShare = 0): boolean {
  if (rfp.bids.some((b) => b.companyIndex === co.index)) return false;
  // No bid for GPUs it could not power by the start: delivery risk includes power.
  if (tooShortOfPower(world, co, rfp.modelId, newGpusFor(co, rfp), rfp.startWeek)) return false;
  // Each bidder reads the deal a little differently: its temperament and its judgement per bid.
  const t = world.scenario.agents.toolkit;
  const judgement = t.bidJudgementSpread * (temperament(co) - 0.5) + (rng ? t.bidJudgementSpread * (nextFloat(rng) - 0.5) : 0);
  const floor = Math.max(breakEvenUsdPerGpuHour(world, co, rfp, margin) * (1 - judgement * t.floorJudgementShare), debtServiceFloorUsdPerGpuHour(world, co, rfp, debtFinancedShare));
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

/**
 * Order up to `count` GPUs, scaling down to what the cash for the deposit allows once the payments
 * already scheduled (`cashNeedUsd` over `finance.autopilotCashReserveWeeks`: delivery balances,
 * construction, debt service, burn and the liquidity covenant) are set aside, and to what the
 * company can power when they arrive (a quarter's wait for a hall is tolerated; GPUs it could never
 * power are not bought).
 */
export function orderWithin(world: World, co: Company, act: Act, modelId: string, count: number, vendorFinancing: boolean): number {
  const unit = gpuUnitPriceUsd(world, co, modelId);
  if (unit <= 0) return 0;
  const dep = world.scenario.operations.gpuDepositShare;
  const spare = cashUsd(co) - cashNeedUsd(world, co, world.scenario.finance.autopilotCashReserveWeeks);
  const affordable = Math.floor(Math.max(0, spare) / Math.max(1, unit * dep));
  const arrival = world.week + Math.max(1, Math.round(world.market.leadTimeWeeks)) + 13;
  const powerable = powerableGpus(world, co, modelId, arrival);
  // GPUs it wanted but could not power: its next power plan builds for them (a campus, years out).
  if (powerable < Math.min(count, affordable)) {
    powerWantedMw.set(co, (powerWantedMw.get(co) ?? 0) + ((Math.min(count, affordable) - powerable) * (gpuModel(world, modelId)?.kwPerGpu ?? 0)) / 1000);
  }
  let n = Math.min(count, affordable, powerable);
  const server = serverGpus(world, modelId);
  while (n >= server) {
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
  for (const d of co.debts) service += instalmentCents(d, d.principalCents, world.week) / 100;
  return need + (burn + service) * weeks + world.scenario.finance.covenantMinLiquidityUsd;
}

/** Try financing commands in order until the cash gap is covered. */
export function fund(world: World, co: Company, act: Act, gapUsd: number, order: Command['type'][]): void {
  let gap = gapUsd;
  for (const type of order) {
    if (gap <= 0) return;
    const tries = world.scenario.agents.toolkit.fundingTryShares.map((share) => gap * share);
    for (const amount of tries) {
      const amountUsd = Math.round(Math.max(amount, type === 'issueBond' ? world.scenario.finance.bondMinIssueUsd : world.scenario.finance.minRoundUsd));
      const r = act({ type, amountUsd } as Command);
      if (r.ok) { gap -= r.cashNowUsd; break; }
    }
  }
}

/**
 * Pay off all debt that can be repaid (not convertibles) from cash, first raising through `order`
 * (e.g. a follow-on) what the cash lacks to pay it and keep `keepCashUsd`: a company in a covenant
 * cure period that can afford it ends the breach instead of waiting for its lenders to call the
 * loans. All or nothing — a part paid leaves the breach, and the cash is better kept for next week's
 * try — and largest debt first.
 */
export function repayAllDebt(world: World, co: Company, act: Act, order: Command['type'][], keepCashUsd: number): void {
  const repayable = co.debts.filter((d) => d.kind !== 'convertible' && d.principalCents > 0);
  const owedUsd = repayable.reduce((a, d) => a + toUsd(d.principalCents), 0);
  if (owedUsd <= 0) return;
  const shortUsd = owedUsd + keepCashUsd - cashUsd(co);
  if (shortUsd > 0) fund(world, co, act, shortUsd, order);
  if (cashUsd(co) < owedUsd) return;
  for (const d of repayable.slice().sort((a, b) => b.principalCents - a.principalCents || (a.id < b.id ? -1 : 1))) {
    const amountUsd = Math.min(toUsd(d.principalCents), Math.floor(cashUsd(co) * 100) / 100);
    if (amountUsd > 0) act({ type: 'repayDebt', debtId: d.id, amountUsd });
  }
}

/** Keep powered space ahead of the fleet: lease colocation, buy powered sites, build campuses. */
/**
 * MW a company wanted this tick for GPUs it could not order for lack of power (working memory between
 * its ordering and its power plan within one decision; never state).
 */
const powerWantedMw = new WeakMap<Company, number>();

export function ensurePower(world: World, co: Company, act: Act, headroom: number, prefer: ('colo' | 'powered' | 'campus')[]): void {
  const needMw = fleetMwNeeded(world, co, true) * headroom;
  const wantedMw = powerWantedMw.get(co) ?? 0;
  powerWantedMw.delete(co);
  // A campus serves the long run (years of building and grid queue), including GPUs it wanted but
  // could not power; halls and powered sites serve GPUs arriving within `soonPowerWeeks` (half a
  // year), so a campus years away does not leave them idle.
  const t = world.scenario.agents.toolkit;
  const longGap = needMw + wantedMw * headroom - pipelineMw(co);
  const soonGap = needMw - mwReadyBy(co, world.week + t.soonPowerWeeks);
  if (Math.max(longGap, soonGap) <= t.minSigningMw) return;
  // Power comes in blocks (a hall, a building): at least a tenth of what it already has, so a
  // growing company signs a few big leases rather than a new one every week.
  const block = t.powerBlockShare * pipelineMw(co);
  const regions = world.scenario.regions.slice().sort((a, b) => powerPriceUsdPerMwh(world, a.id) - powerPriceUsdPerMwh(world, b.id) || (a.id < b.id ? -1 : 1));
  // MW signed this call: any kind adds to the long-run pipeline; only halls and powered sites come soon.
  let added = 0, addedSoon = 0;
  for (const kind of prefer) {
    const g = kind === 'campus' ? longGap : soonGap;
    if (g <= t.minSigningMw) continue;
    let gap = Math.max(g, block) - (kind === 'campus' ? added : addedSoon);
    for (const r of regions) {
      if (gap <= t.minSigningMw) break;
      const rs = world.regions.find((x) => x.id === r.id)!;
      const avail = kind === 'colo' ? rs.colocAvailableMw : kind === 'powered' ? rs.poweredSiteAvailableMw : rs.gridAvailableMw;
      const mw = Math.floor(Math.min(gap + t.powerSigningMarginMw, avail, kind === 'campus' ? t.maxCampusMw : t.maxHallMw) * 10) / 10;
      if (mw < t.minSigningMw) continue;
      const type = kind === 'colo' ? 'leaseColo' : kind === 'powered' ? 'buyPoweredSite' : 'buildCampus';
      if (act({ type, regionId: r.id, powerMw: mw }).ok) { gap -= mw; added += mw; if (kind !== 'campus') addedSoon += mw; }
    }
  }
}

/**
 * Sign `mw` of powered space ahead of the fleet (the leveraged grower's power build-ahead): the kinds
 * in `prefer` order, cheapest power first, each signing capped at `agents.toolkit.maxHallMw`
 * (`maxCampusMw` for a campus) and by what each region has for sale. Returns the MW signed.
 */
export function securePower(world: World, co: Company, act: Act, mw: number, prefer: ('colo' | 'powered' | 'campus')[]): number {
  const t = world.scenario.agents.toolkit;
  const regions = world.scenario.regions.slice().sort((a, b) => powerPriceUsdPerMwh(world, a.id) - powerPriceUsdPerMwh(world, b.id) || (a.id < b.id ? -1 : 1));
  let gap = mw;
  for (const kind of prefer) {
    for (const r of regions) {
      if (gap < t.minSigningMw) return mw - gap;
      const rs = world.regions.find((x) => x.id === r.id)!;
      const avail = kind === 'colo' ? rs.colocAvailableMw : kind === 'powered' ? rs.poweredSiteAvailableMw : rs.gridAvailableMw;
      const take = Math.floor(Math.min(gap, avail, kind === 'campus' ? t.maxCampusMw : t.maxHallMw) * 10) / 10;
      if (take < t.minSigningMw) continue;
      const type = kind === 'colo' ? 'leaseColo' : kind === 'powered' ? 'buyPoweredSite' : 'buildCampus';
      if (act({ type, regionId: r.id, powerMw: take }).ok) gap -= take;
    }
  }
  return mw - gap;
}

/**
 * The on-demand desk: prices each generation the company offers, then sells what has stayed
 * switched off. For each generation it starts from its current rent leaned towards what rivals
 * charge (the published index, `pricing.followMarketShare`), and moves it by up to
 * `adjustPerWeekPct` × `speed` a week: up in full when the generation sold out last week (customers
 * queued), down in full when it drew no demand at all, in proportion to the headroom taken or the
 * target missed in between — with a little noise, never below `floorCashCostMultiple` ×
 * its own cash cost of running that generation, never above `maxFactor` × the generation's launch
 * rent. Customers walking away to cheaper offers — a rival's, or a newer generation's that rents for
 * less per H100e — make it cut; when supply outruns demand every provider cuts at once: a price war.
 * `targetOffset` shifts the scenario's target utilisation for this archetype; `minRivalsMultiple`
 * keeps each rent at least that multiple of what the other providers post for the generation.
 */
export function priceByUtilization(world: World, co: Company, act: Act, rng: RngState, targetOffset: number, speed: number, maxFactor: number, minRivalsMultiple = 0): void {
  const p = world.scenario.market.pricing;
  const target = clamp(p.targetUtilization + targetOffset + p.temperamentTargetSpread * (temperament(co) - 0.5), 0.3, 0.99);
  const rate = Math.min(p.maxMovePerWeekShare, (p.adjustPerWeekPct / 100) * speed);
  const offered = co.last.odOfferedGpus, drawn = co.last.odDemandGpus;
  // Setting a rent changes neither the sites nor the power prices: one cash-cost basis for every generation.
  let basis: CashCostBasis | null = null;
  for (const g of world.market.gens) {
    const supplied = offered[g.modelId] ?? 0;
    if (!(supplied > 0)) continue;
    const index = Math.max(0.01, g.indexUsdPerGpuHour);
    const own = postedRentUsd(world, co, g);
    const m = gpuModel(world, g.modelId);
    const ceiling = Math.min(rentCeilingUsd(world, g.modelId), maxFactor * (m?.launchUsdPerGpuHour ?? index));
    basis ??= cashCostBasis(world, co);
    const cashCost = m ? cashCostFromBasis(m.kwPerGpu, basis) : 0;
    // Without a rivals' multiple the rivals' rent cannot matter (0 × a finite rent): not looked up.
    const rivalsFloor = minRivalsMultiple !== 0 ? minRivalsMultiple * rivalsRentUsd(world, co, g) : 0;
    const floor = Math.min(ceiling, Math.max(p.floorCashCostMultiple * cashCost, rivalsFloor));
    // How far the demand it drew sits from its target: above it, the share of the headroom taken
    // (selling out = +1); below it, the share of the target missed (no customers = −1).
    const u = (drawn[g.modelId] ?? 0) / supplied;
    const gap = u >= target ? Math.min(1, (u - target) / Math.max(0.01, 1 - target)) : (u - target) / target;
    // What rivals charge matters in the direction its own demand points: selling above target while
    // cheaper than the market, it catches up with the market; short of target while dearer than the
    // market, it comes down to it. An idle provider already below the market is not pulled back up.
    const lean = (gap > 0 && own < index) || (gap < 0 && own > index) ? p.followMarketShare : 0;
    const anchor = pow(own, 1 - lean) * pow(index, lean);
    const noise = (p.spotVolatilityPct / 100) * nextNormal(rng) * 0.5;
    const next = clamp(anchor * (1 + rate * gap) + noise * own, floor, ceiling);
    const factor = clamp(Math.round((next / Math.max(0.01, g.referenceUsdPerGpuHour)) * 10000) / 10000, 0.01, 5);
    if (factor !== co.genPriceFactors[g.modelId]) act({ type: 'setOnDemandPrice', priceFactor: factor, modelId: g.modelId });
  }
  sellSwitchedOff(world, co, act);
}

/** Sell (at the second-hand price — scrap value for a worthless chip) GPUs switched off for `market.exits.sellAfterWeeksOff` weeks. */
export function sellSwitchedOff(world: World, co: Company, act: Act): void {
  const after = world.scenario.market.exits.sellAfterWeeksOff;
  const byModel = new Map<string, number>();
  for (const l of co.lots) {
    if (l.offCount > 0 && l.offSinceWeek >= 0 && world.week - l.offSinceWeek >= after) byModel.set(l.modelId, (byModel.get(l.modelId) ?? 0) + l.offCount);
  }
  for (const [modelId, count] of [...byModel].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) act({ type: 'sellGpus', modelId, count });
}

/**
 * Share of the company's capacity an RFP represents. `fleetH100e` is the company's capacity
 * (`capacityH100e(world, co, false)`) when the caller already has it: bidding changes no fleet, so a
 * bidder reads it once for all the week's requests.
 */
export function rfpShareOfCapacity(world: World, co: Company, rfp: Rfp, fleetH100e = capacityH100e(world, co, false)): number {
  return (rfp.gpuCount * perfH100e(world, rfp.modelId)) / Math.max(1, fleetH100e);
}
