/**
 * Historical calibration: plays scenarios/coreweave-2023.json (CoreWeave's recorded decisions to
 * mid-2025, then the leveraged autopilot) over several seeds and prints the model's medians beside
 * the reported figures (economics.md §8). Each figure is labelled by where it comes from:
 *   input  — the scenario pins it (contracts, recorded draws, lease prices): matching it checks the
 *            bookkeeping, not the market model;
 *   mixed  — inputs set its scale (contract sizes and prices, recorded orders), the model its timing
 *            and the rest (deliveries, ramp, on-demand sales and prices);
 *   output — the model produces it (depreciation, overheads, stock pay, awards won from its own RFPs).
 * Two outputs have targets of their own (issue 9): the Q2 2025 GAAP operating margin within ±6 points
 * of CoreWeave's 1.6%, and the 2024 top-customer share from the model's own awards — the same
 * company with its pinned contracts and recorded decisions removed, on the leveraged autopilot — ≥ 45%.
 *   npm run calibrate [-- --seeds 1-10 | --seed N] [--format table|markdown|json]
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseArgs, intArg, enumArg, fail, readScenario } from './args.ts';
import { runScenario } from './run.ts';
import { parseSeedList } from './seedRuns.ts';
import { summarize } from './stats.ts';
import { loadScenarioObject } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema/index.ts';
import type { QuarterReport } from '../engine/reports.ts';

const { opts, files } = parseArgs(process.argv.slice(2), ['seed', 'seeds', 'format']);
if (files.length > 0) fail(`unexpected argument "${files[0]}"`);
if (opts.seed !== undefined && opts.seeds !== undefined) fail('give --seed N or --seeds LIST, not both');
const format = enumArg(opts, 'format', ['table', 'markdown', 'json'] as const) ?? 'table';
const file = join(import.meta.dirname, '..', '..', 'scenarios', 'coreweave-2023.json');
const scenario = readScenario(file);
const one = intArg(opts, 'seed', 0, 4294967295);
const list = one !== undefined ? { seeds: [one] } : parseSeedList(opts.seeds ?? '1-10', 1000);
if ('error' in list) fail(`--seeds: ${list.error}`);
const seeds = list.seeds;

/** The same opening company with no pinned contracts and no recorded decisions: awards are the model's own. */
function ownAwardsScenario(): Scenario {
  const j = JSON.parse(readFileSync(file, 'utf8')) as { id: string; company: { contracts?: unknown[] }; lesson: Record<string, unknown> };
  j.id = 'coreweave-2023-own-awards';
  j.company.contracts = [];
  j.lesson.historicalCommands = [];
  delete j.lesson.historyUntilDate;
  const r = loadScenarioObject(j);
  if (!r.ok) fail(`cannot build the no-pinned-contracts variant: ${r.errors[0]?.message ?? 'invalid'}`);
  return r.scenario;
}
const own = ownAwardsScenario();

const find = (qs: QuarterReport[], label: string): QuarterReport | undefined => qs.find((x) => x.label === label);
const yearSum = (qs: QuarterReport[], y: string, f: (x: QuarterReport) => number) => qs.filter((x) => x.label.startsWith(y)).reduce((a, x) => a + f(x), 0);
/** Revenue share of the largest customer over a year (quarterly shares weighted by revenue); NaN without revenue. */
const yearTop = (qs: QuarterReport[], y: string) => {
  const rev = yearSum(qs, y, (x) => x.revenueUsd);
  return rev > 0 ? yearSum(qs, y, (x) => x.topCustomerShare * x.revenueUsd) / rev : NaN;
};

type Source = 'input' | 'mixed' | 'output';
interface Row {
  figure: string; reported: number; unit: 'usd' | 'pct'; source: Source; why: string;
  /** The figure from one run (NaN when the quarter is missing, e.g. after a bankruptcy). */
  of: (played: QuarterReport[], ownAwards: QuarterReport[]) => number;
  /** A target of its own, when the issue sets one (else ±25% of the reported figure). */
  target?: { text: string; ok: (model: number) => boolean };
}
const q2 = (qs: QuarterReport[]) => find(qs, '2025Q2');
const ROWS: Row[] = [
  { figure: '2023 revenue', reported: 228.9e6, unit: 'usd', source: 'mixed', why: 'contract sizes, prices and GPU orders are recorded; deliveries, ramp and on-demand sales are the model', of: (p) => yearSum(p, '2023', (x) => x.revenueUsd) },
  { figure: '2024 revenue', reported: 1.92e9, unit: 'usd', source: 'mixed', why: 'as 2023', of: (p) => yearSum(p, '2024', (x) => x.revenueUsd) },
  { figure: '2024 top customer share', reported: 0.62, unit: 'pct', source: 'input', why: "Microsoft's three contracts are pinned in the scenario", of: (p) => yearTop(p, '2024') },
  {
    figure: '2024 top customer, own awards', reported: 0.62, unit: 'pct', source: 'output', why: 'no pinned contracts, no recorded decisions: the leveraged autopilot wins its customers in the RFP market',
    of: (_p, o) => yearTop(o, '2024'), target: { text: '≥ 45%', ok: (m) => m >= 0.45 },
  },
  { figure: 'Debt principal, end 2024', reported: 8.03e9, unit: 'usd', source: 'input', why: 'the DDTL draws are recorded commands', of: (p) => find(p, '2024Q4')?.debtUsd ?? NaN },
  { figure: 'Q2 2025 revenue', reported: 1212.8e6, unit: 'usd', source: 'mixed', why: 'as 2023', of: (p) => q2(p)?.revenueUsd ?? NaN },
  { figure: 'Q2 2025 gross margin', reported: 0.74, unit: 'pct', source: 'input', why: "the scenario's colocation price was set from CoreWeave's cost of revenue", of: (p) => { const q = q2(p); return q && q.revenueUsd > 0 ? q.grossProfitUsd / q.revenueUsd : NaN; } },
  {
    figure: 'Q2 2025 GAAP operating margin', reported: 19.2e6 / 1212.8e6, unit: 'pct', source: 'output', why: 'depreciation, stock pay and overheads are the model',
    of: (p) => { const q = q2(p); return q && q.revenueUsd > 0 ? q.operatingIncomeUsd / q.revenueUsd : NaN; },
    target: { text: '1.6% ± 6 pts', ok: (m) => Math.abs(m - 19.2e6 / 1212.8e6) <= 0.06 },
  },
  { figure: 'Q2 2025 operating income', reported: 19.2e6, unit: 'usd', source: 'output', why: 'as the margin', of: (p) => q2(p)?.operatingIncomeUsd ?? NaN },
  { figure: 'Q2 2025 interest expense', reported: 267.0e6, unit: 'usd', source: 'input', why: 'debt amounts are recorded; rates are scenario spreads over the base-rate path', of: (p) => q2(p)?.interestExpenseUsd ?? NaN },
  { figure: 'Q2 2025 net loss', reported: -290.5e6, unit: 'usd', source: 'output', why: 'operating income less recorded debt costs', of: (p) => q2(p)?.netIncomeUsd ?? NaN },
  { figure: 'Q2 2025 adjusted EBITDA', reported: 753.2e6, unit: 'usd', source: 'mixed', why: 'revenue (mixed) less modelled cash costs', of: (p) => q2(p)?.adjustedEbitdaUsd ?? NaN },
  { figure: 'Backlog, 30 Jun 2025', reported: 30.1e9, unit: 'usd', source: 'input', why: 'the pinned contracts', of: (p) => q2(p)?.backlogUsd ?? NaN },
  { figure: 'Debt principal, 30 Jun 2025', reported: 11.17e9, unit: 'usd', source: 'input', why: 'recorded draws, notes and GPU loans', of: (p) => q2(p)?.debtUsd ?? NaN },
];

const played = seeds.map((seed) => runScenario(scenario, { seed, strategy: 'leveraged' }).result);
const owned = seeds.map((seed) => runScenario(own, { seed, strategy: 'leveraged' }).result);
const results = ROWS.map((r) => {
  const values = seeds.map((_s, i) => r.of(played[i]!.quarters, owned[i]!.quarters));
  const s = summarize(values);
  const model = s.p50;
  const deviation = r.unit === 'pct' ? model - r.reported : r.reported !== 0 ? model / r.reported - 1 : NaN;
  const ok = s.nonFinite === 0 && (r.target ? r.target.ok(model) : Math.abs(model / r.reported - 1) <= 0.25);
  return { figure: r.figure, source: r.source, why: r.why, unit: r.unit, reported: r.reported, model, p10: s.p10, p90: s.p90, nonFinite: s.nonFinite, deviation, target: r.target?.text ?? '±25%', ok };
});

const money = (v: number) => (!Number.isFinite(v) ? String(v) : Math.abs(v) >= 1e9 ? `$${(v / 1e9).toFixed(2)}B` : `$${(v / 1e6).toFixed(1)}M`);
const fmt = (v: number, unit: Row['unit']) => (unit === 'pct' ? (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : String(v)) : money(v));
const devText = (r: (typeof results)[number]) => (!Number.isFinite(r.deviation) ? '—' : r.unit === 'pct' ? `${r.deviation >= 0 ? '+' : ''}${(r.deviation * 100).toFixed(1)} pts` : `${(r.deviation * 100).toFixed(0)}%`);
const seedText = seeds.length === 1 ? `seed ${seeds[0]}` : `median of ${seeds.length} seeds (${seeds[0]}…${seeds[seeds.length - 1]})`;
const bust = played.filter((r) => r.outcome.status === 'bankrupt').length;
const notFinite = (r: (typeof results)[number]) => (r.nonFinite > 0 ? ` (${r.nonFinite} runs without the figure)` : '');

if (format === 'json') {
  process.stdout.write(JSON.stringify({ scenario: scenario.id, seeds, bankrupt: bust, rows: results }, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) + '\n');
} else if (format === 'markdown') {
  const out = [`${seedText}; p10–p90 across seeds.`, '', '| Figure | Source | Reported | Model | p10–p90 | Deviation | Target | Met |', '|---|---|---:|---:|---:|---:|---|:---:|'];
  for (const r of results) out.push(`| ${r.figure} | ${r.source} | ${fmt(r.reported, r.unit)} | ${fmt(r.model, r.unit)}${notFinite(r)} | ${fmt(r.p10, r.unit)}–${fmt(r.p90, r.unit)} | ${devText(r)} | ${r.target} | ${r.ok ? 'yes' : 'no'} |`);
  process.stdout.write(out.join('\n') + '\n');
} else {
  const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
  const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
  const out = [`Calibration: ${scenario.id}, ${seedText}; ${bust} of ${seeds.length} runs bankrupt`, '', `${pad('figure', 32)}${pad('source', 8)}${lpad('reported', 11)}${lpad('model', 11)}${lpad('deviation', 12)}  target`];
  for (const r of results) out.push(`${pad(r.figure, 32)}${pad(r.source, 8)}${lpad(fmt(r.reported, r.unit), 11)}${lpad(fmt(r.model, r.unit), 11)}${lpad(devText(r), 12)}  ${pad(r.target, 14)}${r.ok ? '✓' : '✗'}${notFinite(r)}`);
  for (const s of ['input', 'mixed', 'output'] as const) {
    const rs = results.filter((r) => r.source === s);
    out.push(`${s === 'input' ? '\n' : ''}${s}: ${rs.filter((r) => r.ok).length} of ${rs.length} on target`);
  }
  out.push('', 'input = pinned by the scenario; mixed = inputs set the scale, the model the rest; output = the model’s own.');
  process.stdout.write(out.join('\n') + '\n');
}
