/**
 * Output of the `sweep` command: rows as CSV, the per-strategy summary as CSV or a table, and both
 * as JSON. Non-finite numbers are written as NaN / Infinity / -Infinity (strings in JSON), never as
 * blanks or zeros, and every summary shows how many values were not finite.
 */
import { ROW_FIELDS, SUMMARY_METRICS, type StrategySummary, type SweepRow } from './seedRuns.ts';
import type { Summary } from './stats.ts';

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function rowsCsv(rows: readonly SweepRow[]): string {
  const lines = [ROW_FIELDS.join(',')];
  for (const r of rows) lines.push(ROW_FIELDS.map((f) => cell(r[f])).join(','));
  return lines.join('\n') + '\n';
}

const SUMMARY_COLUMNS = ['strategy', 'metric', 'count', 'finite', 'nonFinite', 'notApplicable', 'mean', 'min', 'p10', 'p50', 'p90', 'max'] as const;

export function summaryCsv(sums: readonly StrategySummary[]): string {
  const lines: string[] = [SUMMARY_COLUMNS.join(',')];
  for (const s of sums) {
    for (const [metric, v] of [['bankruptcyRate', s.bankruptcyRate], ['restructuredRate', s.restructuredRate], ['wonRate', s.wonRate], ['insolventRate', s.insolventRate]] as const) {
      lines.push([s.strategy, metric, s.runs, s.runs, 0, 0, v, '', '', '', '', ''].map(cell).join(','));
    }
    for (const m of SUMMARY_METRICS) {
      const x = s.metrics[m];
      lines.push([s.strategy, m, x.count, x.finite, x.nonFinite, x.notApplicable, x.mean, x.min, x.p10, x.p50, x.p90, x.max].map(cell).join(','));
    }
  }
  return lines.join('\n') + '\n';
}

/** JSON with non-finite numbers kept visible as strings ("NaN", "Infinity"), not turned into null. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) + '\n';
}

const pad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const padR = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)}%` : String(x));
const usd = (x: number) => (!Number.isFinite(x) ? String(x) : Math.abs(x) >= 1e9 ? `${(x / 1e9).toFixed(2)}B` : `${(x / 1e6).toFixed(1)}M`);
const num = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : String(x));

/** How each metric is shown in the table. */
function show(metric: string): (x: number) => string {
  if (metric.endsWith('Usd')) return usd;
  if (metric.endsWith('Share') || metric === 'operatingMargin') return pct;
  if (metric === 'paybackYears') return (x) => (Number.isFinite(x) ? x.toFixed(1) : String(x));
  if (metric === 'bankruptcyWeek') return (x) => (Number.isFinite(x) ? x.toFixed(0) : String(x));
  return num;
}

export function rowsTable(rows: readonly SweepRow[]): string {
  const head = ['strategy', 'seed', 'outcome', 'bust wk', 'revenue', 'equity', 'debt', 'peak idle', 'top cust', 'backlog/rev', 'op margin', 'payback y', 'value'];
  const out = [head.map((h, i) => (i === 0 ? padR(h, 10) : pad(h, 11))).join(' ')];
  for (const r of rows) {
    out.push([
      padR(r.strategy, 10), pad(String(r.seed), 11), pad(r.outcome, 11), pad(r.bankruptcyWeek === null ? '—' : String(r.bankruptcyWeek), 11),
      pad(usd(r.revenueUsd), 11), pad(usd(r.bookEquityUsd), 11), pad(usd(r.debtUsd), 11), pad(pct(r.peakIdleShare), 11),
      pad(pct(r.peakTopCustomerShare), 11), pad(num(r.backlogToAnnualRevenue), 11), pad(pct(r.operatingMargin), 11), pad(r.paybackYears === null ? '—' : r.paybackYears.toFixed(1), 11), pad(usd(r.equityValueUsd), 11),
    ].join(' '));
  }
  return out.join('\n') + '\n';
}

export function summaryTable(sums: readonly StrategySummary[]): string {
  const out: string[] = [];
  for (const s of sums) {
    out.push(`${s.strategy}: ${s.runs} runs, bankrupt ${pct(s.bankruptcyRate)}, restructured ${pct(s.restructuredRate)}, won ${pct(s.wonRate)}, negative book equity while solvent ${pct(s.insolventRate)}`);
    out.push(`  ${padR('metric', 28)}${pad('p10', 11)}${pad('p50', 11)}${pad('p90', 11)}${pad('mean', 11)}  counted`);
    for (const m of SUMMARY_METRICS) {
      const x: Summary = s.metrics[m];
      const f = show(m);
      const g = (v: number) => (x.finite === 0 ? '—' : f(v));
      const counted = `${x.finite}/${x.count}${x.nonFinite > 0 ? `, ${x.nonFinite} NOT FINITE` : ''}${x.notApplicable > 0 ? `, ${x.notApplicable} n/a` : ''}`;
      out.push(`  ${padR(m, 28)}${pad(g(x.p10), 11)}${pad(g(x.p50), 11)}${pad(g(x.p90), 11)}${pad(g(x.mean), 11)}  ${counted}`);
    }
    out.push('');
  }
  return out.join('\n');
}
