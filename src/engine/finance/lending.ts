/**
 * Lenders' underwriting test for new money (the incurrence test): debt / underwritten EBITDA below
 * `maxDebtToEbitda` (economics.md §4: lenders refuse above roughly 7×), underwritten EBITDA at least
 * `minInterestCover` × the interest the company would pay after the new debt, and — while there is
 * no EBITDA to speak of — debt below `maxDebtToAssets` of market-valued assets. Underwritten EBITDA
 * counts only delivered EBITDA and backlog the company can deliver (metrics.ts).
 *
 * Debt-service sizing (`finance.lenderMinDebtServiceCover`, the DSCR of project finance and of
 * GPU-backed delayed-draw term loans such as CoreWeave's): new debt is lent only while the cash flow
 * lenders underwrite — the larger of underwritten EBITDA and the signed contracts' cash flow at full
 * ramp (their price less the company's own cash cost, for the contracts it can power) — covers next
 * year's service of all its debt after the new loan (interest plus instalments) that many times. The
 * contract-backed facility is sized the same way (`debtServiceRoomUsd`), so a contract facility no
 * longer lends 80% of a contract's *revenue* when the contract's margin cannot repay it.
 */
import type { Company, Contract, Debt, World } from '../types.ts';
import { HOURS_PER_WEEK, WEEKS_PER_YEAR, toUsd } from '../money.ts';
import { annualisedEbitdaUsd, debtToMarketAssets, debtUsd, leverage, fleetMwNeeded, pipelineMw, underwrittenEbitdaUsd } from '../metrics.ts';
import { gpuModel } from '../lookup.ts';
import { baseRatePct, debtRatePct } from './rates.ts';
import { inCovenantGrace, instalmentCents } from './debt.ts';
import { msgOf, type Msg } from '../msg.ts';
import { cashCostUsdPerGpuHour } from '../market/rents.ts';
import { contractDiscount } from '../market/demand.ts';

/** Interest the company pays a year at today's rates, USD. */
export function annualInterestUsd(world: World, co: Company): number {
  const base = baseRatePct(world);
  let usd = 0;
  for (const d of co.debts) usd += (toUsd(d.principalCents) * debtRatePct(world, co, d, base)) / 100;
  return usd;
}

/** How new debt is repaid: straight-line over `amortizationWeeks` (0 = a bullet, interest only until maturity). */
export interface NewDebtTerms {
  /** Weeks its instalments are sized over; 0 for a bullet (bond, revolver, convertible). */
  amortizationWeeks: number;
  /** Share of the principal left as a residual at maturity (`finance.loanResidualShare`): instalments amortise the rest; default 0. */
  residualShare?: number;
}

/** Next year's service of new debt of `amountUsd` at `ratePct`: a year's interest plus a year of instalments, USD. */
export function newDebtServiceUsd(amountUsd: number, ratePct: number, t: NewDebtTerms): number {
  const amortisedUsd = (t.residualShare ?? 0) > 0 ? amountUsd * (1 - (t.residualShare ?? 0)) : amountUsd;
  const instalments = t.amortizationWeeks > 0 ? (amortisedUsd * Math.min(WEEKS_PER_YEAR, t.amortizationWeeks)) / t.amortizationWeeks : 0;
  return instalments + (amountUsd * ratePct) / 100;
}

/**
 * Next year's scheduled service of all the company's debt, USD: interest at today's rates plus the
 * instalments of amortising debt due within the year (bullets and balloons are refinancing, not service).
 * Debt drawn within the last `graceWeeks` is left out (the covenant's grace; 0 for underwriting), and so
 * is `except` (a balloon being refinanced: its roll is priced on its own).
 */
export function scheduledDebtServiceUsd(world: World, co: Company, graceWeeks: number, except?: Debt): number {
  const base = baseRatePct(world);
  let cents = 0;
  for (const d of co.debts) {
    if (d === except || d.principalCents <= 0 || inCovenantGrace(d, world.week, graceWeeks) || d.kind === 'claims') continue;
    const weeks = Math.max(0, Math.min(WEEKS_PER_YEAR, d.maturityWeek - world.week));
    cents += Math.min(d.principalCents - (d.residualCents ?? 0), instalmentCents(d, d.principalCents, world.week) * weeks) + (d.principalCents * debtRatePct(world, co, d, base)) / 100;
  }
  return toUsd(Math.round(cents));
}

/** Next year's service lenders count before new money: all debt (no grace; but `except`) plus the vendor financing open orders will draw. */
export function committedDebtServiceUsd(world: World, co: Company, except?: Debt): number {
  const f = world.scenario.finance;
  return scheduledDebtServiceUsd(world, co, 0, except) + newDebtServiceUsd(pendingVendorFinancingUsd(co), f.vendorFinancingRatePct, { amortizationWeeks: f.vendorFinancingTermWeeks, residualShare: f.loanResidualShare });
}

/**
 * Share of its signed contracts a contract-backed lender counts, 0–1: the power in hand or in the
 * pipeline ÷ the MW the company needs at the contracts' peak (or for its fleet and orders, if more).
 * The GPUs need not be bought yet — a delayed-draw term loan is drawn as they are purchased — but a
 * contract the company has nowhere to power is not lent against.
 */
export function contractPowerShare(world: World, co: Company): number {
  const kwEach = co.contracts.map((c) => c.gpuCount * (gpuModel(world, c.modelId)?.kwPerGpu ?? 0));
  const peakKw = peakOverStarts(world, co.contracts, kwEach);
  const needMw = Math.max(peakKw / 1000, fleetMwNeeded(world, co, true));
  return needMw > 0 ? Math.min(1, pipelineMw(co) / needMw) : 1;
}

/** Remaining contracted revenue a contract-backed lender lends against, USD: the backlog × `contractPowerShare`. */
export function contractBorrowingBaseUsd(world: World, co: Company): number {
  let usd = 0;
  for (const c of co.contracts) {
    const weeks = c.endWeek - Math.max(world.week, c.startWeek);
    if (weeks > 0) usd += weeks * c.gpuCount * HOURS_PER_WEEK * c.usdPerGpuHour;
  }
  return usd * contractPowerShare(world, co);
}

/**
 * A signed contract's cash flow per GPU-hour, USD: its price less the sales commission, the
 * company's own cash cost of running the GPU (power, space, site staff) and the overhead that grows
 * with megawatts (operations.sgaUsdPerMwWeek).
 */
function contractMarginUsdPerGpuHour(world: World, co: Company, modelId: string, usdPerGpuHour: number, cashCostUsd: number): number {
  const ops = world.scenario.operations;
  const mwOverhead = (ops.sgaUsdPerMwWeek * (gpuModel(world, modelId)?.kwPerGpu ?? 0)) / 1000 / HOURS_PER_WEEK;
  return Math.max(0, usdPerGpuHour * (1 - ops.salesRevenueShare) - cashCostUsd - mwOverhead);
}

/**
 * The signed contracts' cash flow a year at full ramp, USD: the most they earn together in any week
 * of their remaining life — each from its start week (`contractMarginUsdPerGpuHour`) — × 52 ×
 * `contractPowerShare`.
 */
export function contractCashFlowUsd(world: World, co: Company): number {
  const cost = new Map<string, number>();
  for (const c of co.contracts) if (!cost.has(c.modelId)) cost.set(c.modelId, cashCostUsdPerGpuHour(world, co, c.modelId));
  const weeklyEach = co.contracts.map((c) => c.gpuCount * HOURS_PER_WEEK * contractMarginUsdPerGpuHour(world, co, c.modelId, c.usdPerGpuHour, cost.get(c.modelId) ?? 0));
  return peakOverStarts(world, co.contracts, weeklyEach) * WEEKS_PER_YEAR * contractPowerShare(world, co);
}

/**
 * The most the contracts running together add up to in any week of their remaining life, from now:
 * the sum of `each[i]` over the contracts live in a week, taken at this week and at each later start
 * week (where the sum can rise), at least 0. Each week is summed once, over the contracts in their
 * order (the same sum, to the last bit, whichever contract named the week).
 */
function peakOverStarts(world: World, contracts: readonly Contract[], each: readonly number[]): number {
  let best = 0;
  const seen = new Set<number>();
  for (const at of contracts) {
    const week = Math.max(world.week, at.startWeek);
    if (at.endWeek <= week || seen.has(week)) continue;
    seen.add(week);
    let sum = 0;
    for (let i = 0; i < contracts.length; i++) {
      const c = contracts[i]!;
      if (c.startWeek <= week && c.endWeek > week) sum += each[i]!;
    }
    best = Math.max(best, sum);
  }
  return best;
}

/**
 * Cash flow lenders size debt service on, USD a year — pro forma EBITDA: the larger of the delivered
 * run rate (the last 13 weeks, annualised; the figure the covenant tests) and the signed contracts'
 * cash flow at full ramp less the company's fixed overhead (base SG&A and platform spend): a lender
 * counts the contracts it can power ahead of delivery, but the company still pays its head office.
 */
export function underwrittenCashFlowUsd(world: World, co: Company): number {
  const overheadUsd = (world.scenario.operations.sgaBaseUsdPerWeek + co.platformUsdPerWeek) * WEEKS_PER_YEAR;
  return Math.max(annualisedEbitdaUsd(co), contractCashFlowUsd(world, co) - overheadUsd);
}

/**
 * Vendor financing the company's open orders will draw on delivery, USD: committed debt a lender
 * counts before it is booked (fleet.ts books it when the GPUs arrive).
 */
export function pendingVendorFinancingUsd(co: Company): number {
  let cents = 0;
  for (const o of co.orders) cents += Math.round((o.totalCents - o.depositCents) * o.vendorFinancedShare);
  return toUsd(cents);
}

/**
 * New debt lenders would still lend at `ratePct` on `terms` under the debt-service sizing test, USD
 * (≥ 0): what keeps underwritten cash flow ≥ `lenderMinDebtServiceCover` × next year's service of all
 * debt. Infinity when the test is off (0).
 */
export function debtServiceRoomUsd(world: World, co: Company, ratePct: number, terms: NewDebtTerms): number {
  const min = world.scenario.finance.lenderMinDebtServiceCover;
  if (min <= 0) return Infinity;
  const spareUsd = underwrittenCashFlowUsd(world, co) / min - committedDebtServiceUsd(world, co);
  const perDollar = newDebtServiceUsd(1, ratePct, terms);
  return perDollar > 0 ? Math.max(0, spareUsd / perDollar) : Infinity;
}

/**
 * Why lenders refuse `extraUsd` of new debt at `newRatePct` (a message id with parameters), or null
 * when they lend. With debt-service sizing on (`finance.lenderMinDebtServiceCover` > 0): new money
 * (`terms` given; not a roll-over) must pass the sizing test too, and `contractBacked` loans (the
 * contract facility) are underwritten on the contracts that secure them (`underwrittenCashFlowUsd`)
 * as well as on next year's EBITDA.
 */
export function lenderRefusal(world: World, co: Company, extraUsd: number, newRatePct: number, terms?: NewDebtTerms, contractBacked = false): Msg | null {
  const f = world.scenario.finance;
  const ebitda = contractBacked && f.lenderMinDebtServiceCover > 0 ? Math.max(underwrittenEbitdaUsd(world, co), underwrittenCashFlowUsd(world, co)) : underwrittenEbitdaUsd(world, co);
  const d = debtUsd(co) + extraUsd;
  const lev = d <= 0 ? 0 : ebitda > 0 ? d / ebitda : Infinity;
  if (Number.isFinite(lev)) {
    if (lev > f.maxDebtToEbitda) return msgOf('refuse.lenderLeverage', { lev, limit: f.maxDebtToEbitda });
    const interest = annualInterestUsd(world, co) + (extraUsd * newRatePct) / 100;
    const cover = interest > 0 ? ebitda / interest : Infinity;
    if (cover < f.minInterestCover) return msgOf('refuse.lenderCover', { cover, min: f.minInterestCover });
  } else {
    const dta = debtToMarketAssets(world, co, extraUsd);
    if (dta > f.maxDebtToAssets) return msgOf('refuse.lenderAssets', { pct: dta * 100 });
  }
  if (terms && extraUsd > 0 && f.lenderMinDebtServiceCover > 0) {
    const service = committedDebtServiceUsd(world, co) + newDebtServiceUsd(extraUsd, newRatePct, terms);
    const dscr = service > 0 ? underwrittenCashFlowUsd(world, co) / service : Infinity;
    if (dscr < f.lenderMinDebtServiceCover) return msgOf('refuse.lenderDebtService', { cover: dscr, min: f.lenderMinDebtServiceCover });
  }
  return null;
}

/**
 * Why the vendor refuses to finance `amountUsd` of an order (a message id with parameters), or null.
 * Without debt-service sizing: debt / underwritten EBITDA above `maxDebtToEbitda`. With it: the same
 * leverage test on the larger of underwritten EBITDA and pro forma cash flow, counting the vendor
 * financing open orders will draw, and the sizing test on next year's service after the loan
 * (amortised over `vendorFinancingTermWeeks` at `vendorFinancingRatePct`).
 */
export function vendorFinancingRefusal(world: World, co: Company, amountUsd: number): Msg | null {
  const f = world.scenario.finance;
  if (f.lenderMinDebtServiceCover <= 0) {
    const lev = leverage(world, co, amountUsd);
    return Number.isFinite(lev) && lev > f.maxDebtToEbitda ? msgOf('refuse.vendorLeverage', { lev }) : null;
  }
  const debt = debtUsd(co) + pendingVendorFinancingUsd(co) + amountUsd;
  const proForma = underwrittenCashFlowUsd(world, co);
  const cashFlow = Math.max(underwrittenEbitdaUsd(world, co), proForma);
  const lev = debt <= 0 ? 0 : cashFlow > 0 ? debt / cashFlow : Infinity;
  if (!Number.isFinite(lev)) return null;
  if (lev > f.maxDebtToEbitda) return msgOf('refuse.vendorLeverage', { lev });
  const service = committedDebtServiceUsd(world, co) + newDebtServiceUsd(amountUsd, f.vendorFinancingRatePct, { amortizationWeeks: f.vendorFinancingTermWeeks, residualShare: f.loanResidualShare });
  return proForma < f.lenderMinDebtServiceCover * service ? msgOf('refuse.lenderDebtService', { cover: proForma / service, min: f.lenderMinDebtServiceCover }) : null;
}

/**
 * The renewal cash flow a refinancing lender underwrites when a balloon falls due, USD a year
 * (`finance.refinanceOnRenewalCashFlow`): the contracts that still run next week, at their own
 * prices, plus the rest of the installed fleet re-priced at the rent a renewal contract over the
 * roll's term (`gpuLoanTermWeeks`) would be signed at this week — the generation's on-demand index
 * less the market's term discount (demand.ts `contractDiscount`), not what its old contract paid —
 * each less the sales commission, the company's cash cost and MW overhead (never below 0 per GPU-hour),
 * less the company's fixed overhead (base SG&A and platform spend). Contracts that start later are
 * left out: their GPUs are financed by their own draws.
 */
export function renewalCashFlowUsd(world: World, co: Company): number {
  const week = world.week + 1;
  const renewalShare = 1 - contractDiscount(world, world.scenario.finance.gpuLoanTermWeeks);
  let weeklyUsd = 0;
  const models = new Set<string>();
  for (const l of co.lots) if (l.installed > 0) models.add(l.modelId);
  for (const c of co.contracts) if (c.startWeek <= week && c.endWeek > week) models.add(c.modelId);
  for (const modelId of [...models].sort()) {
    const cost = cashCostUsdPerGpuHour(world, co, modelId);
    let contracted = 0;
    for (const c of co.contracts) {
      if (c.modelId !== modelId || c.startWeek > week || c.endWeek <= week) continue;
      contracted += c.gpuCount;
      weeklyUsd += c.gpuCount * HOURS_PER_WEEK * contractMarginUsdPerGpuHour(world, co, modelId, c.usdPerGpuHour, cost);
    }
    let installed = 0;
    for (const l of co.lots) if (l.modelId === modelId) installed += l.installed;
    const g = world.market.gens.find((x) => x.modelId === modelId);
    const free = Math.max(0, installed - contracted);
    if (g && free > 0) weeklyUsd += free * HOURS_PER_WEEK * contractMarginUsdPerGpuHour(world, co, modelId, g.indexUsdPerGpuHour * renewalShare, cost);
  }
  const overheadUsd = (world.scenario.operations.sgaBaseUsdPerWeek + co.platformUsdPerWeek) * WEEKS_PER_YEAR;
  return weeklyUsd * WEEKS_PER_YEAR - overheadUsd;
}

/**
 * How much of balloon `d` the refinancing lenders will roll at `ratePct` on `terms`, USD (≥ 0): what
 * keeps the renewal cash flow (`renewalCashFlowUsd`) ≥ `lenderMinDebtServiceCover` × next year's
 * service of all the other debt plus the roll. Infinity when the wall is off
 * (`finance.refinanceOnRenewalCashFlow` false or `lenderMinDebtServiceCover` 0).
 */
export function renewalRollRoomUsd(world: World, co: Company, d: Debt, ratePct: number, terms: NewDebtTerms): number {
  const f = world.scenario.finance;
  if (!f.refinanceOnRenewalCashFlow || f.lenderMinDebtServiceCover <= 0) return Infinity;
  const spareUsd = renewalCashFlowUsd(world, co) / f.lenderMinDebtServiceCover - committedDebtServiceUsd(world, co, d);
  const perDollar = newDebtServiceUsd(1, ratePct, terms);
  return perDollar > 0 ? Math.max(0, spareUsd / perDollar) : Infinity;
}
