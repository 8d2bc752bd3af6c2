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
 * It also lists the recorded decisions the model refused (where history diverges). The rows and
 * runs live in calibration.ts (shared with the calibration test).
 * `--variant` plays an ablation instead of the bundled scenario (calibration.ts): `uncommitted` —
 * the committed facilities (DDTL 1.0, the 2024 term loan, DDTL 2.0) removed, so the model's lenders
 * underwrite every recorded draw afresh; `no-book` — the contracted book beyond the named deals
 * removed; `lent` — lenders lend every recorded draw. The row labels stay those of the bundled scenario.
 *   npm run calibrate [-- --seeds 1-20 | --seed N] [--format table|markdown|json] [--variant bundled|uncommitted|no-book|lent]
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseArgs, intArg, enumArg, fail, readScenario } from './args.ts';
import { parseSeedList } from './seedRuns.ts';
import { runScenario } from './run.ts';
import { CALIBRATION_VARIANTS, calibrationRows, calibrationVariantJson, ownAwardsScenario, playCalibration, refusalSummary, type CalibrationRow } from './calibration.ts';
import { loadScenarioObject } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema/index.ts';

const { opts, files } = parseArgs(process.argv.slice(2), ['seed', 'seeds', 'format', 'variant']);
if (files.length > 0) fail(`unexpected argument "${files[0]}"`);
if (opts.seed !== undefined && opts.seeds !== undefined) fail('give --seed N or --seeds LIST, not both');
const format = enumArg(opts, 'format', ['table', 'markdown', 'json'] as const) ?? 'table';
const file = join(import.meta.dirname, '..', '..', 'scenarios', 'coreweave-2023.json');
const variant = enumArg(opts, 'variant', CALIBRATION_VARIANTS) ?? 'bundled';
const bundled = readScenario(file);
const scenario = variant === 'bundled' ? bundled : (() => {
  const r = loadScenarioObject(calibrationVariantJson(JSON.parse(readFileSync(file, 'utf8')), variant));
  return r.ok ? r.scenario : fail(`cannot build the ${variant} variant: ${r.errors[0]?.message ?? 'invalid'}`);
})();
const one = intArg(opts, 'seed', 0, 4294967295);
const list = one !== undefined ? { seeds: [one] } : parseSeedList(opts.seeds ?? '1-20', 1000);
if ('error' in list) fail(`--seeds: ${list.error}`);
const seeds = list.seeds;

let own: Scenario;
try {
  own = ownAwardsScenario(JSON.parse(readFileSync(file, 'utf8')));
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}

const played = playCalibration(scenario, seeds);
const owned = seeds.map((seed) => runScenario(own, { seed, strategy: 'leveraged' }).result);
const results = calibrationRows(played, owned);
const refusals = refusalSummary(played);
type Row = CalibrationRow;

const money = (v: number) => (!Number.isFinite(v) ? String(v) : Math.abs(v) >= 1e9 ? `$${(v / 1e9).toFixed(2)}B` : `$${(v / 1e6).toFixed(1)}M`);
const fmt = (v: number, unit: Row['unit']) => (unit === 'pct' ? (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : String(v)) : money(v));
const devText = (r: (typeof results)[number]) => (!Number.isFinite(r.deviation) ? '—' : r.unit === 'pct' ? `${r.deviation >= 0 ? '+' : ''}${(r.deviation * 100).toFixed(1)} pts` : `${(r.deviation * 100).toFixed(0)}%`);
const seedText = seeds.length === 1 ? `seed ${seeds[0]}` : `median of ${seeds.length} seeds (${seeds[0]}…${seeds[seeds.length - 1]})`;
const bust = played.filter((r) => r.status === 'bankrupt').length;
const reasonText = (reasons: Record<string, number>) => Object.entries(reasons).map(([id, n]) => `${id} ×${n}`).join(', ');
const notFinite = (r: (typeof results)[number]) => (r.nonFinite > 0 ? ` (${r.nonFinite} runs without the figure)` : '');

if (format === 'json') {
  process.stdout.write(JSON.stringify({ scenario: scenario.id, seeds, bankrupt: bust, rows: results, refusedRecordedDecisions: refusals }, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) + '\n');
} else if (format === 'markdown') {
  const out = [`${variant === 'bundled' ? '' : `${scenario.id}: `}${seedText}; p10–p90 across seeds.`, '', '| Figure | Source | Reported | Model | p10–p90 | Deviation | Target | Met |', '|---|---|---:|---:|---:|---:|---|:---:|'];
  for (const r of results) out.push(`| ${r.figure} | ${r.source} | ${fmt(r.reported, r.unit)} | ${fmt(r.model, r.unit)}${notFinite(r)} | ${fmt(r.p10, r.unit)}–${fmt(r.p90, r.unit)} | ${devText(r)} | ${r.target} | ${r.ok ? 'yes' : 'no'} |`);
  if (refusals.length > 0) {
    out.push('', `Recorded decisions the model refused (runs of ${seeds.length}; reasons):`, '', '| Date | Decision | Runs | Reasons |', '|---|---|---:|---|');
    for (const d of refusals) out.push(`| ${d.date} | ${d.type} | ${d.runs} | ${reasonText(d.reasons)} |`);
  }
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
  out.push('', refusals.length === 0 ? 'Every recorded decision was carried out.' : `Recorded decisions the model refused (runs of ${seeds.length}; reasons):`);
  for (const d of refusals) out.push(`  ${d.date}  ${pad(d.type, 14)}${lpad(String(d.runs), 4)}  ${reasonText(d.reasons)}`);
  process.stdout.write(out.join('\n') + '\n');
}
