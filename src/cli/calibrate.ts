/**
 * Historical calibration: plays scenarios/coreweave-2023.json (CoreWeave's recorded decisions to
 * mid-2025, then the leveraged autopilot) and prints the model's figures beside the reported ones
 * (economics.md §8).
 *   npm run calibrate [-- --seed N] [--format table|markdown|json]
 */
import { join } from 'node:path';
import { parseArgs, intArg, enumArg, fail, readScenario } from './args.ts';
import { runScenario } from './run.ts';
import type { QuarterReport } from '../engine/reports.ts';

const { opts, files } = parseArgs(process.argv.slice(2), ['seed', 'format']);
if (files.length > 0) fail(`unexpected argument "${files[0]}"`);
const format = enumArg(opts, 'format', ['table', 'markdown', 'json'] as const) ?? 'table';
const scenario = readScenario(join(import.meta.dirname, '..', '..', 'scenarios', 'coreweave-2023.json'));
const seed = intArg(opts, 'seed', 0, 4294967295) ?? scenario.defaultSeed;
const { result } = runScenario(scenario, { seed, strategy: 'leveraged' });
const qs = result.quarters;
const q = (label: string): QuarterReport | undefined => qs.find((x) => x.label === label);
const yearSum = (y: string, f: (x: QuarterReport) => number) => qs.filter((x) => x.label.startsWith(y)).reduce((a, x) => a + f(x), 0);
const yearRevenue = (y: string) => yearSum(y, (x) => x.revenueUsd);
/** Revenue share of the largest customer over a year (quarterly shares weighted by revenue). */
const yearTop = (y: string) => yearSum(y, (x) => x.topCustomerShare * x.revenueUsd) / Math.max(1, yearRevenue(y));
const q2 = q('2025Q2');

interface Row { figure: string; reported: number; model: number; unit: 'usd' | 'pct' }
const rows: Row[] = [
  { figure: '2023 revenue', reported: 228.9e6, model: yearRevenue('2023'), unit: 'usd' },
  { figure: '2024 revenue', reported: 1.92e9, model: yearRevenue('2024'), unit: 'usd' },
  { figure: '2024 top customer share', reported: 0.62, model: yearTop('2024'), unit: 'pct' },
  { figure: 'Debt principal, end 2024', reported: 8.03e9, model: q('2024Q4')?.debtUsd ?? NaN, unit: 'usd' },
  { figure: 'Q2 2025 revenue', reported: 1212.8e6, model: q2?.revenueUsd ?? NaN, unit: 'usd' },
  { figure: 'Q2 2025 gross margin', reported: 0.74, model: q2 ? q2.grossProfitUsd / q2.revenueUsd : NaN, unit: 'pct' },
  { figure: 'Q2 2025 operating income', reported: 19.2e6, model: q2?.operatingIncomeUsd ?? NaN, unit: 'usd' },
  { figure: 'Q2 2025 interest expense', reported: 267.0e6, model: q2?.interestExpenseUsd ?? NaN, unit: 'usd' },
  { figure: 'Q2 2025 net loss', reported: -290.5e6, model: q2?.netIncomeUsd ?? NaN, unit: 'usd' },
  { figure: 'Q2 2025 adjusted EBITDA', reported: 753.2e6, model: q2?.adjustedEbitdaUsd ?? NaN, unit: 'usd' },
  { figure: 'Backlog, 30 Jun 2025', reported: 30.1e9, model: q2?.backlogUsd ?? NaN, unit: 'usd' },
  { figure: 'Debt principal, 30 Jun 2025', reported: 11.17e9, model: q2?.debtUsd ?? NaN, unit: 'usd' },
];
const fmt = (v: number, unit: Row['unit']) => !Number.isFinite(v) ? '—' : unit === 'pct' ? `${(v * 100).toFixed(0)}%` : Math.abs(v) >= 1e9 ? `$${(v / 1e9).toFixed(2)}B` : `$${(v / 1e6).toFixed(1)}M`;
const dev = (r: Row) => (r.reported !== 0 ? r.model / r.reported - 1 : NaN);
const ok = (r: Row) => Math.abs(dev(r)) <= 0.25;

if (format === 'json') {
  process.stdout.write(JSON.stringify({ scenario: scenario.id, seed, outcome: result.outcome, rows: rows.map((r) => ({ ...r, deviation: dev(r), within25pct: ok(r) })) }) + '\n');
} else if (format === 'markdown') {
  const out = ['| Figure | Reported | Model | Model / reported − 1 | Within ±25% |', '|---|---:|---:|---:|:---:|'];
  for (const r of rows) out.push(`| ${r.figure} | ${fmt(r.reported, r.unit)} | ${fmt(r.model, r.unit)} | ${Number.isFinite(dev(r)) ? `${(dev(r) * 100).toFixed(0)}%` : '—'} | ${ok(r) ? 'yes' : 'no'} |`);
  process.stdout.write(out.join('\n') + '\n');
} else {
  const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
  const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
  const out = [`Calibration: ${scenario.id}, seed ${seed} (${result.outcome.status} after ${result.weeks} weeks)`, '', `${pad('figure', 30)}${lpad('reported', 12)}${lpad('model', 12)}${lpad('deviation', 11)}`];
  for (const r of rows) out.push(`${pad(r.figure, 30)}${lpad(fmt(r.reported, r.unit), 12)}${lpad(fmt(r.model, r.unit), 12)}${lpad(Number.isFinite(dev(r)) ? `${(dev(r) * 100).toFixed(0)}%` : '—', 10)}${ok(r) ? ' ✓' : ' ✗'}`);
  out.push('', `${rows.filter(ok).length} of ${rows.length} figures within ±25%.`);
  process.stdout.write(out.join('\n') + '\n');
}
