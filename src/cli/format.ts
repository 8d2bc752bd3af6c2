/**
 * Output formats of the headless runner: CSV for spreadsheets, and a table that reads like an
 * industry report.
 */
import { QUARTER_FIELDS, type QuarterReport } from '../engine/reports.ts';
import type { RunResult } from './run.ts';

export const QUARTER_COLUMNS = QUARTER_FIELDS;

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(quarters: QuarterReport[]): string {
  const lines = [QUARTER_COLUMNS.join(',')];
  for (const q of quarters) lines.push(QUARTER_COLUMNS.map((c) => cell(q[c])).join(','));
  return lines.join('\n') + '\n';
}

const m = (x: number | null) => (x === null ? '—' : Math.abs(x) >= 1e9 ? `${(x / 1e9).toFixed(2)}B` : `${(x / 1e6).toFixed(1)}M`);
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const pad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export function toTable(r: RunResult): string {
  const out: string[] = [];
  out.push(`Neocloud Tycoon — ${r.scenarioId}, seed ${r.seed}, strategy ${r.strategy}: ${r.outcome.status} after ${r.weeks} weeks${r.outcome.reason ? ` (${r.outcome.reason})` : ''}`);
  out.push(`state hash ${r.outcome.stateHash}`, '');
  out.push('YOUR COMPANY (USD)');
  const head = ['quarter', 'revenue', 'gross %', 'adj EBITDA', 'op income', 'interest', 'net income', 'capex', 'cash', 'debt', 'backlog', 'GPUs', 'idle', 'util', 'top cust', 'payback y', 'H100 $/hr'];
  out.push(head.map((h, i) => pad(h, i === 0 ? 7 : 10)).join(' '));
  for (const q of r.quarters) {
    out.push([
      pad(q.label, 7), pad(m(q.revenueUsd), 10), pad(q.revenueUsd > 0 ? pct(q.grossProfitUsd / q.revenueUsd) : '—', 10), pad(m(q.adjustedEbitdaUsd), 10),
      pad(m(q.operatingIncomeUsd), 10), pad(m(q.interestExpenseUsd), 10), pad(m(q.netIncomeUsd), 10), pad(m(q.capexUsd), 10), pad(m(q.cashUsd), 10),
      pad(m(q.debtUsd), 10), pad(m(q.backlogUsd), 10), pad(String(q.gpusOwned), 10), pad(String(q.gpusIdle), 10), pad(pct(q.utilization), 10),
      pad(pct(q.topCustomerShare), 10), pad(q.paybackYears === null ? '—' : q.paybackYears.toFixed(1), 10), pad(q.marketPriceUsdPerGpuHour.toFixed(2), 10),
    ].join(' '));
  }
  out.push('', 'THE MARKET');
  const gens = [...new Set(r.market.flatMap((q) => Object.keys(q.priceIndexUsdPerGpuHour)))];
  out.push([pad('quarter', 7), pad('demand H100e', 13), pad('supply', 10), pad('util', 6), pad('sentiment', 10), pad('base %', 7), pad('lead wk', 8), ...gens.map((g) => pad(g, 7))].join(' '));
  for (const q of r.market) {
    out.push([pad(q.label, 7), pad(Math.round(q.demandH100e).toLocaleString('en-US'), 13), pad(Math.round(q.supplyH100e).toLocaleString('en-US'), 10), pad(pct(q.utilization), 6), pad(q.sentiment.toFixed(2), 10), pad(q.baseRatePct.toFixed(2), 7), pad(q.leadTimeWeeks.toFixed(0), 8), ...gens.map((g) => pad(q.priceIndexUsdPerGpuHour[g]?.toFixed(2) ?? '—', 7))].join(' '));
  }
  out.push('', 'RIVALS BY YEAR (fourth quarter: revenue in the quarter, GPUs owned, debt, on-demand rent ÷ the market index)');
  const names = r.market[0]?.rivals.map((x) => x.name) ?? [];
  out.push([pad('year', 7), ...names.map((n) => pad(n.slice(0, 22), 24))].join(' '));
  for (const q of r.market.filter((x, i, a) => x.label.endsWith('Q4') || i === a.length - 1)) {
    out.push([pad(q.label.slice(0, 4), 7), ...q.rivals.map((x) => pad(x.status === 'active' ? `${m(x.revenueUsd)} ${Math.round(x.gpus / 1000)}k ${m(x.debtUsd)} ×${x.rentOverIndex === null ? '—' : x.rentOverIndex.toFixed(2)}` : 'bankrupt', 24))].join(' '));
  }
  out.push('', 'RIVALS (last quarter)');
  const last = r.market[r.market.length - 1];
  for (const rv of last?.rivals ?? []) {
    out.push(`  ${rv.name.padEnd(12)} ${rv.archetype.padEnd(12)} revenue ${pad(m(rv.revenueUsd), 9)}/q  GPUs ${pad(rv.gpus.toLocaleString('en-US'), 9)}  debt ${pad(m(rv.debtUsd), 9)}  share ${rv.sharePriceUsd === null ? 'private' : `$${rv.sharePriceUsd.toFixed(2)}`}  ${rv.status}`);
  }
  return out.join('\n') + '\n';
}
