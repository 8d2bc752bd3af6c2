/**
 * Quarter close (every 13 weeks): statements for every company, covenant tests, the revolver
 * grant, guidance reactions, and the market's quarterly row.
 */
import type { Company, World } from './types.ts';
import type { QuarterReport, MarketQuarter } from './reports.ts';
import { sumPeriod, resetPeriod, totalAssetsCents, totalLiabilitiesCents, totalEquityCents, bookCents } from './ledger.ts';
import { toUsd, toCents } from './money.ts';
import { quarterLabel } from './calendar.ts';
import {
  annualisedEbitdaUsd, annualisedRevenueUsd, backlogUsd, capacityH100e, equityValueUsd, fleetValueUsd, gpusInstalled, gpusOwned, undrawnRevolverUsd,
} from './metrics.ts';
import { principalOfKind, repayDebt } from './finance/debt.ts';
import { declareBankrupt, handleShortfall } from './operate.ts';
import { pushNews } from './news.ts';
import { privateRoundPriceUsd } from './finance/valuation.ts';
import { paybackFigures } from './payback.ts';

export function emptyQuarterOps(): Company['q'] {
  return { gpuHoursSold: 0, gpuHoursInstalled: 0, revenueByCustomer: {}, onDemandRevenueCents: 0, onDemandCostCents: 0, contractRevenueCents: 0 };
}

/** Statements for the quarter just ended (call before resetting the period). */
export function buildReport(world: World, co: Company, label: string, openingCashCents: number): QuarterReport {
  const t = sumPeriod(co.ledger.period);
  const b = co.ledger.balances;
  const opexCents = t.opexCash + t.sbc + t.depreciation;
  const grossCents = t.revenue - t.costOfRevenue;
  const opIncomeCents = grossCents - opexCents;
  const netCents = opIncomeCents - t.interest + t.other - t.tax;
  // Concentration: contract customers by name; on-demand revenue is spread over many small customers.
  const shares = Object.entries(co.q.revenueByCustomer).filter(([k]) => k !== 'od').map(([, v]) => v).sort((x, y) => y - x);
  const top = t.revenue > 0 ? (shares[0] ?? 0) / t.revenue : 0;
  const top5 = t.revenue > 0 ? shares.slice(0, 5).reduce((a, v) => a + v, 0) / t.revenue : 0;
  const owned = gpusOwned(co);
  const installed = gpusInstalled(co);
  const od = co.q.onDemandRevenueCents;
  // Weeks this quarter covered: 13, fewer when the game ends mid-quarter.
  const weeksInQuarter = world.week - 13 * Math.floor(world.week / 13) + 1;
  return {
    label,
    revenueUsd: toUsd(t.revenue),
    costOfRevenueUsd: toUsd(t.costOfRevenue),
    grossProfitUsd: toUsd(grossCents),
    operatingExpensesUsd: toUsd(opexCents),
    depreciationUsd: toUsd(t.depreciation),
    operatingIncomeUsd: toUsd(opIncomeCents),
    interestExpenseUsd: toUsd(t.interest),
    otherIncomeUsd: toUsd(t.other),
    incomeTaxUsd: toUsd(t.tax),
    netIncomeUsd: toUsd(netCents),
    adjustedEbitdaUsd: toUsd(opIncomeCents + t.depreciation + t.sbc),
    operatingCashFlowUsd: toUsd(t.operatingCf),
    investingCashFlowUsd: toUsd(t.investingCf),
    financingCashFlowUsd: toUsd(t.financingCf),
    capexUsd: toUsd(t.capex),
    openingCashUsd: toUsd(openingCashCents),
    cashUsd: toUsd(b.cash),
    totalAssetsUsd: toUsd(totalAssetsCents(b)),
    totalLiabilitiesUsd: toUsd(totalLiabilitiesCents(b)),
    totalEquityUsd: toUsd(totalEquityCents(b)),
    debtUsd: toUsd(b.debt),
    backlogUsd: backlogUsd(world, co),
    gpusOwned: owned,
    gpusInstalled: installed,
    gpusIdle: owned - installed,
    powerMwAvailable: co.last.powerMwAvailable,
    powerMwUsed: co.last.powerMwUsed,
    utilization: co.q.gpuHoursInstalled > 0 ? Math.min(1, co.q.gpuHoursSold / co.q.gpuHoursInstalled) : 0,
    topCustomerShare: Math.min(1, top),
    top5CustomerShare: Math.min(1, Math.max(top, top5)),
    marketPriceUsdPerGpuHour: world.market.computeIndexUsd,
    sharesOutstanding: co.sharesOutstanding,
    sharePriceUsd: co.listed ? co.sharePriceUsd : null,
    marketCapUsd: co.listed && co.sharePriceUsd !== null ? co.sharePriceUsd * co.sharesOutstanding : null,
    contractRevenueUsd: toUsd(co.q.contractRevenueCents),
    onDemandRevenueUsd: toUsd(od),
    onDemandGrossMargin: od > 0 ? (od - co.q.onDemandCostCents) / od : 0,
    stockCompensationUsd: toUsd(t.sbc),
    deferredRevenueUsd: toUsd(b.deferredRevenue),
    equityValueUsd: equityValueUsd(co),
    covenantBreached: false,
    ...paybackFigures(co, toUsd(grossCents), weeksInQuarter),
  };
}

/** What the covenant tests read: the company's figures now, or a projection of them (the advisor). */
export interface CovenantInputs {
  /** Cash, USD. */
  cashUsd: number;
  /** Revolver limit not yet drawn, USD. */
  undrawnRevolverUsd: number;
  /** Debt the leverage test counts (bonds, revolver, convertibles), USD. */
  corporateDebtUsd: number;
  /** Trailing 13-week adjusted EBITDA × 4, USD. */
  annualisedEbitdaUsd: number;
  /** All debt, USD: the covenants bind only a borrower. */
  totalDebtUsd: number;
}

/** One covenant test: its value, its limit and whether it passes. */
export interface CovenantTest {
  id: 'minLiquidity' | 'maxDebtToEbitda';
  /** Liquidity in USD, or debt/EBITDA in turns (null when EBITDA ≤ 0: not meaningful, and a breach if there is debt). */
  value: number | null;
  /** The limit from the scenario (USD floor or turns ceiling). */
  limit: number;
  pass: boolean;
}

export function covenantInputs(co: Company): CovenantInputs {
  return {
    cashUsd: toUsd(co.ledger.balances.cash),
    undrawnRevolverUsd: undrawnRevolverUsd(co),
    corporateDebtUsd: principalOfKind(co, 'bond') + principalOfKind(co, 'revolver') + principalOfKind(co, 'convertible'),
    annualisedEbitdaUsd: annualisedEbitdaUsd(co),
    totalDebtUsd: toUsd(co.ledger.balances.debt),
  };
}

/**
 * The covenant rule, the one place it is written: liquidity (cash + undrawn revolver) at or above
 * the floor, and corporate debt / annualised EBITDA at or below the ceiling (a breach when there is
 * such debt and EBITDA ≤ 0). The quarter close tests the company's figures; the advisor tests its
 * projection of them with this same function.
 */
export function covenantTests(f: World['scenario']['finance'], x: CovenantInputs): { tests: CovenantTest[]; breached: boolean } {
  const liquidity = x.cashUsd + x.undrawnRevolverUsd;
  const liq: CovenantTest = { id: 'minLiquidity', value: liquidity, limit: f.covenantMinLiquidityUsd, pass: !(liquidity < f.covenantMinLiquidityUsd) };
  const corporate = x.corporateDebtUsd;
  const ebitda = x.annualisedEbitdaUsd;
  const levBreach = corporate > 0 && (ebitda <= 0 || corporate / ebitda > f.covenantMaxDebtToEbitda);
  const lev: CovenantTest = { id: 'maxDebtToEbitda', value: corporate <= 0 ? 0 : ebitda > 0 ? corporate / ebitda : null, limit: f.covenantMaxDebtToEbitda, pass: !levBreach };
  if (x.totalDebtUsd <= 0) { liq.pass = true; lev.pass = true; }
  return { tests: [liq, lev], breached: !liq.pass || !lev.pass };
}

/**
 * The collateral test of GPU-backed loans: principal above the scenario's loan-to-value of the
 * fleet's market value (with a 10% cushion) must be prepaid at the quarter close — a margin call.
 * Returns the excess, USD (0 when within the limit).
 */
export function marginCallUsd(f: World['scenario']['finance'], gpuLoanUsd: number, fleetValueUsd: number): number {
  const cap = f.gpuLoanMaxLtv * fleetValueUsd * 1.1;
  return gpuLoanUsd > cap ? gpuLoanUsd - cap : 0;
}

/** Covenant tests at quarter close. Returns true when breached. */
function testCovenants(world: World, co: Company): boolean {
  const f = world.scenario.finance;
  if (co.ledger.balances.debt <= 0) { co.covenantBreaches = 0; return false; }
  // GPU loans: collateral test with a 10% cushion; an excess must be prepaid (a margin call).
  const call = marginCallUsd(f, principalOfKind(co, 'gpuLoan'), fleetValueUsd(world, co));
  if (call > 0) {
    let excess = toCents(call);
    for (const d of co.debts) {
      if (d.kind !== 'gpuLoan' || excess <= 0) continue;
      const pay = Math.min(excess, d.principalCents, Math.max(0, co.ledger.balances.cash));
      excess -= repayDebt(co, d, toUsd(pay));
    }
  }
  const breached = covenantTests(f, covenantInputs(co)).breached;
  if (!breached) { co.covenantBreaches = 0; return false; }
  co.covenantBreaches += 1;
  if (co.covenantBreaches >= 2) {
    declareBankrupt(world, co, 'breached its loan covenants two quarters running and lenders called the loans');
    return true;
  }
  bookCents(co.ledger, 'debtFeesPaid', Math.round((co.ledger.balances.debt * f.covenantWaiverFeePct) / 100));
  co.spreadStepUpPct += f.covenantStepUpPct;
  // A fee the company cannot pay is a missed payment like any other: revolver, else default.
  handleShortfall(world, co);
  if (co.status !== 'active') return true;
  if (co.index === 0) {
    pushNews(world, {
      id: `covenant-${world.week}`, kind: 'finance', major: true,
      headline: { en: 'Covenant breach: lenders grant a waiver — for a fee', 'zh-CN': '违反贷款契约：贷款方收费后给予豁免' },
      explanation: { en: `Cash plus undrawn credit or leverage missed the limits in your loan agreements. Lenders waived it this time for a ${f.covenantWaiverFeePct}% fee and +${f.covenantStepUpPct} points on floating rates. Breach again next quarter and they can call the loans.`, 'zh-CN': `现金加未提取额度或杠杆率未达到贷款协议的要求。贷款方这次收取 ${f.covenantWaiverFeePct}% 的费用并将浮动利率上调 ${f.covenantStepUpPct} 个百分点后予以豁免。下个季度再违约，他们就可以要求提前还款。` },
    });
  }
  return true;
}

export function closeQuarter(world: World): void {
  const qi = Math.floor(world.week / 13);
  const label = quarterLabel(world.scenario.calendar.startDate, world.scenario.calendar.startQuarter, qi);
  const f = world.scenario.finance;
  for (const co of world.companies) {
    if (co.status !== 'active' && co.bankruptWeek !== null && co.bankruptWeek < world.week - 12) continue;
    const opening = co.quarters.length > 0 ? toCents(co.quarters[co.quarters.length - 1]!.cashUsd) : co.openingCashCents;
    const breached = co.status === 'active' ? testCovenants(world, co) : false;
    const rep = buildReport(world, co, label, opening);
    rep.covenantBreached = breached;
    const prev = co.quarters[co.quarters.length - 1];
    co.quarters.push(rep);
    resetPeriod(co.ledger);
    co.q = emptyQuarterOps();
    if (co.status !== 'active') continue;
    if (co.revolverLimitUsd <= 0 && annualisedRevenueUsd(co) >= f.revolverMinRevenueUsd) {
      co.revolverLimitUsd = f.revolverLimitUsd;
      if (co.index === 0) pushNews(world, { id: `revolver-${co.id}`, kind: 'finance', major: false, headline: { en: `Banks open a ${Math.round(f.revolverLimitUsd / 1e6)}M revolving credit line for you`, 'zh-CN': `银行为你开立 ${Math.round(f.revolverLimitUsd / 1e6)} 百万美元循环信贷额度` }, explanation: { en: 'With steady revenue you now have a revolver: cheap, flexible money drawn when needed, and a cushion the engine draws automatically if cash would run out.', 'zh-CN': '有了稳定收入，你获得了循环信贷：需要时提取的廉价灵活资金，现金不足时系统会自动提取作为缓冲。' } });
    }
    // A private company is marked to the price investors would pay now (as a fund marks its stake),
    // so its valuation moves with its business between rounds.
    if (!co.listed) co.lastValuationUsd = Math.max(0, privateRoundPriceUsd(world, co) * co.sharesOutstanding);
    // Guidance miss: revenue below last quarter hits a listed company's shares.
    if (co.listed && prev && rep.revenueUsd < prev.revenueUsd * 0.98) co.priceShock *= 1 - world.scenario.market.capital.guidanceMissDropPct / 100;
  }
  world.marketQuarters.push(marketRow(world, label));
}

function marketRow(world: World, label: string): MarketQuarter {
  const idx: Record<string, number> = {};
  for (const g of world.market.gens) if (g.releaseWeek <= world.week) idx[g.modelId] = Math.round(g.indexUsdPerGpuHour * 1000) / 1000;
  return {
    label,
    priceIndexUsdPerGpuHour: idx,
    demandH100e: world.market.demandH100e,
    supplyH100e: world.market.supplyH100e,
    utilization: world.market.utilization,
    sentiment: world.market.sentiment,
    baseRatePct: world.market.baseRatePct,
    leadTimeWeeks: world.market.leadTimeWeeks,
    rivals: world.companies.slice(1).map((co) => ({
      id: co.id, name: co.name, archetype: co.strategy,
      revenueUsd: co.quarters[co.quarters.length - 1]?.revenueUsd ?? 0,
      gpus: gpusOwned(co), capacityH100e: capacityH100e(world, co),
      debtUsd: toUsd(co.ledger.balances.debt),
      sharePriceUsd: co.listed ? co.sharePriceUsd : null,
      status: co.status, priceFactor: co.priceFactor,
    })),
  };
}
