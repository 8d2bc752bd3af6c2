/**
 * The runner's contract for one quarter, exact in cents: the income statement, the balance sheet,
 * the cash flow statement, opening cash = previous closing cash, finite figures, counts and shares
 * in range. Works on untrusted data (a JSON file): a missing or non-numeric figure is a problem,
 * never a crash. Used by `npm run check` (src/cli/check.ts) and by the tests.
 */
import type { QuarterReport } from '../engine/reports.ts';

const cents = (usd: number) => Math.round(usd * 100);

const MONEY_AND_COUNTS = [
  'revenueUsd', 'costOfRevenueUsd', 'grossProfitUsd', 'operatingExpensesUsd', 'depreciationUsd', 'stockCompensationUsd', 'operatingIncomeUsd',
  'interestExpenseUsd', 'otherIncomeUsd', 'incomeTaxUsd', 'netIncomeUsd', 'adjustedEbitdaUsd', 'operatingCashFlowUsd', 'investingCashFlowUsd',
  'financingCashFlowUsd', 'capexUsd', 'openingCashUsd', 'cashUsd', 'totalAssetsUsd', 'totalLiabilitiesUsd', 'totalEquityUsd', 'debtUsd',
  'backlogUsd', 'gpusOwned', 'gpusInstalled', 'gpusIdle', 'powerMwAvailable', 'powerMwUsed', 'utilization', 'topCustomerShare',
  'top5CustomerShare', 'marketPriceUsdPerGpuHour', 'sharesOutstanding',
] as const;

/** Problems with one quarter (empty when it is right), each starting with the quarter's label. */
export function quarterProblems(q: QuarterReport, prev: QuarterReport | undefined): string[] {
  const p: string[] = [];
  if (q === null || typeof q !== 'object') return [`quarter is ${JSON.stringify(q)}, not an object`];
  if (typeof q.label !== 'string' || !/^\d{4}Q[1-4]$/.test(q.label)) p.push(`label ${JSON.stringify(q.label)}`);
  const missing = MONEY_AND_COUNTS.filter((k) => typeof q[k] !== 'number' || !Number.isFinite(q[k]));
  for (const k of missing) p.push(`${k} = ${JSON.stringify(q[k]) ?? 'missing'} (must be a finite number)`);
  for (const k of ['sharePriceUsd', 'marketCapUsd'] as const) if (q[k] !== null && !(typeof q[k] === 'number' && Number.isFinite(q[k]))) p.push(`${k} = ${JSON.stringify(q[k]) ?? 'missing'}`);
  const label = (m: string) => `${typeof q.label === 'string' ? q.label : '?'}: ${m}`;
  if (missing.length > 0) return p.map(label);
  const c = (k: (typeof MONEY_AND_COUNTS)[number]) => cents(q[k]);
  const off = (a: number, b: number) => `(off by ${((a - b) / 100).toFixed(2)} USD)`;
  const eq = (a: number, b: number, what: string) => { if (a !== b) p.push(`${what} ${off(a, b)}`); };
  eq(c('grossProfitUsd'), c('revenueUsd') - c('costOfRevenueUsd'), 'income statement: gross profit != revenue - cost of revenue');
  eq(c('operatingIncomeUsd'), c('grossProfitUsd') - c('operatingExpensesUsd'), 'income statement: operating income != gross profit - operating expenses');
  eq(c('netIncomeUsd'), c('operatingIncomeUsd') - c('interestExpenseUsd') + c('otherIncomeUsd') - c('incomeTaxUsd'), 'income statement: net income != operating income - interest + other income - tax');
  eq(c('adjustedEbitdaUsd'), c('operatingIncomeUsd') + c('depreciationUsd') + c('stockCompensationUsd'), 'income statement: adjusted EBITDA != operating income + depreciation + stock compensation');
  eq(c('totalAssetsUsd'), c('totalLiabilitiesUsd') + c('totalEquityUsd'), 'balance sheet: assets != liabilities + equity');
  eq(c('cashUsd') - c('openingCashUsd'), c('operatingCashFlowUsd') + c('investingCashFlowUsd') + c('financingCashFlowUsd'), 'cash flow: closing - opening cash != operating + investing + financing cash flow');
  if (prev && typeof prev.cashUsd === 'number') eq(c('openingCashUsd'), cents(prev.cashUsd), 'cash flow: opening cash != previous closing cash');
  if (q.cashUsd < 0) p.push('balance sheet: negative cash');
  for (const k of ['debtUsd', 'backlogUsd', 'interestExpenseUsd', 'capexUsd', 'depreciationUsd', 'revenueUsd', 'incomeTaxUsd'] as const) if (q[k] < 0) p.push(`negative ${k}`);
  if (q.gpusInstalled > q.gpusOwned || q.gpusIdle !== q.gpusOwned - q.gpusInstalled || q.gpusIdle < 0) p.push(`counts: GPUs owned ${q.gpusOwned}, installed ${q.gpusInstalled}, idle ${q.gpusIdle} (idle must be owned - installed, installed at most owned)`);
  for (const k of ['gpusOwned', 'gpusInstalled', 'gpusIdle', 'sharesOutstanding'] as const) if (!Number.isInteger(q[k]) || q[k] < 0) p.push(`counts: ${k} = ${q[k]} (must be a whole number ≥ 0)`);
  if (q.powerMwUsed > q.powerMwAvailable + 1e-9 || q.powerMwUsed < 0) p.push(`counts: power used ${q.powerMwUsed} MW outside 0..available ${q.powerMwAvailable} MW`);
  for (const k of ['utilization', 'topCustomerShare', 'top5CustomerShare'] as const) if (!(q[k] >= 0 && q[k] <= 1)) p.push(`shares: ${k} = ${q[k]} (must be in 0..1)`);
  if (q.top5CustomerShare < q.topCustomerShare) p.push('shares: top five customers\' share below the top customer\'s');
  if (!(q.marketPriceUsdPerGpuHour > 0)) p.push('market price not positive');
  if ((q.sharePriceUsd === null) !== (q.marketCapUsd === null)) p.push('share price and market cap disagree on listing');
  return p.map(label);
}

/** Problems over a whole list of quarters. */
export function quartersProblems(qs: QuarterReport[]): string[] {
  return qs.flatMap((q, i) => quarterProblems(q, qs[i - 1]));
}
