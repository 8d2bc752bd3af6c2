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
  annualisedRevenueUsd, backlogUsd, capacityH100e, equityValueUsd, gpusInstalled, gpusOwned,
} from './metrics.ts';
import { handleShortfall } from './operate.ts';
import type { DebtServiceWeek } from './finance/debt.ts';
import { pushNews } from './news.ts';
import { msgOf } from './msg.ts';
import { paybackFigures } from './payback.ts';
import { reactToResults } from './market/capital.ts';
import { corporateCovenantBreached, covenantTests } from './finance/covenants.ts';
import { rentOverIndex } from './rentOverIndex.ts';

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

/**
 * Covenant tests at quarter close (the rules: `covenantTests` in finance/covenants.ts). A GPU
 * loan-to-value breach is a margin call due `marginCallCureWeeks` later; a corporate breach costs a
 * waiver fee and a spread step-up and opens a cure period of `covenantCureWeeks` (operate.ts
 * `covenantDeadlines` calls the loans if it is not cured). Returns true when any test failed.
 */
function testCovenants(world: World, co: Company): boolean {
  const f = world.scenario.finance;
  const tests = covenantTests(world, co);
  if (tests.length === 0) { co.covenantBreaches = 0; co.covenantCureEndsWeek = null; co.marginCallDueWeek = null; return false; }
  const ltvBreached = tests.some((t) => t.id === 'gpuLoanToValue' && !t.pass);
  if (ltvBreached && co.marginCallDueWeek === null) {
    co.marginCallDueWeek = world.week + f.marginCallCureWeeks;
    if (co.index === 0) {
      pushNews(world, {
        id: `margin-call-${world.week}`, kind: 'finance', major: true,
        headline: msgOf('news.marginCall.h'),
        explanation: msgOf('news.marginCall.e', { weeks: f.marginCallCureWeeks }),
      });
    }
  }
  if (!corporateCovenantBreached(tests)) { co.covenantBreaches = 0; co.covenantCureEndsWeek = null; return ltvBreached; }
  co.covenantBreaches += 1;
  if (co.covenantCureEndsWeek !== null) return true; // still inside the cure period
  co.covenantCureEndsWeek = world.week + f.covenantCureWeeks;
  const feeCents = Math.round((co.ledger.balances.debt * f.covenantWaiverFeePct) / 100);
  bookCents(co.ledger, 'debtFeesPaid', feeCents);
  co.spreadStepUpPct += f.covenantStepUpPct;
  // A fee the company cannot pay is a missed payment like any other: committed credit, else default
  // — recorded as the waiver fee (due to the lenders pro rata; the largest instrument named) on the
  // covenant it waives, so the game-over dialog can say which payment ended the company.
  handleShortfall(world, co, waiverFeeDue(co, feeCents), tests.find((t) => t.id !== 'gpuLoanToValue' && !t.pass)?.id ?? null);
  if (co.status !== 'active') return true;
  if (co.index === 0) {
    pushNews(world, {
      id: `covenant-${world.week}`, kind: 'finance', major: true,
      headline: msgOf('news.covenant.h'),
      explanation: msgOf('news.covenant.e', { feePct: f.covenantWaiverFeePct, stepUpPct: f.covenantStepUpPct, cureWeeks: f.covenantCureWeeks }),
    });
  }
  return true;
}

/** The waiver fee as a payment due: its amount and the largest instrument by principal (its lender's share of the fee). */
function waiverFeeDue(co: Company, feeCents: number): DebtServiceWeek {
  let largest: DebtServiceWeek['largest'] = null;
  const debtCents = co.ledger.balances.debt;
  for (const d of co.debts) {
    if (d.principalCents > 0 && (largest === null || d.principalCents > largest.cents)) largest = { debtId: d.id, debtKind: d.kind, cents: d.principalCents };
  }
  if (largest && debtCents > 0) largest.cents = Math.round((feeCents * largest.cents) / debtCents);
  return { dueCents: feeCents, largest };
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
      if (co.index === 0) pushNews(world, { id: `revolver-${co.id}`, kind: 'finance', major: false, headline: msgOf('news.revolver.h', { limitUsd: f.revolverLimitUsd }), explanation: msgOf('news.revolver.e') });
    }
    // Listed shares react to the results: revenue against guidance, a wider loss, rising leverage.
    if (co.listed) reactToResults(world, co, rep, prev, co.quarters[co.quarters.length - 3]);
  }
  world.marketQuarters.push(marketRow(world, label));
}

/**
 * The quarter just closed carries the week's mark: step.ts marks every company after the close (the
 * valuation reads the quarters on record), so each report's equity value, share price and market cap
 * and the market row's share prices are this week's — what the top bar and a round preview show.
 */
export function recordQuarterMarks(world: World): void {
  const row = world.marketQuarters[world.marketQuarters.length - 1];
  if (!row) return;
  for (const co of world.companies) {
    const rep = co.quarters[co.quarters.length - 1];
    if (!rep || rep.label !== row.label) continue;
    rep.equityValueUsd = equityValueUsd(co);
    rep.sharePriceUsd = co.listed ? co.sharePriceUsd : null;
    rep.marketCapUsd = co.listed && co.sharePriceUsd !== null ? co.sharePriceUsd * co.sharesOutstanding : null;
  }
  for (const r of row.rivals) {
    const co = world.companies.find((c) => c.id === r.id);
    if (co) r.sharePriceUsd = co.listed ? co.sharePriceUsd : null;
  }
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
      // This quarter's revenue: a company long out of business has no report for it (closeQuarter
      // stops reporting 12 weeks after a bankruptcy) and earned nothing — not its last report's figure.
      revenueUsd: co.quarters.at(-1)?.label === label ? co.quarters.at(-1)!.revenueUsd : 0,
      gpus: gpusOwned(co), capacityH100e: capacityH100e(world, co),
      debtUsd: toUsd(co.ledger.balances.debt),
      sharePriceUsd: co.listed ? co.sharePriceUsd : null,
      status: co.status, priceFactor: co.priceFactor, rentOverIndex: rentOverIndex(world, co),
    })),
  };
}
