/**
 * Many seeds × strategies of one scenario, on worker threads:
 *   npm run --silent sweep -- --scenario FILE [--seeds 1-20] [--strategies leveraged,prudent]
 *     [--jobs N] [--weeks N] [--format csv|table|json] [--summary]
 * csv: one row per run (or, with --summary, the per-strategy summary); table: rows then summary;
 * json: { rows, summary }. Bad arguments or a bad scenario: a one-line error on stderr, exit 2.
 */
import { availableParallelism } from 'node:os';
import { parseArgs, intArg, enumArg, fail, readScenario } from './args.ts';
import { AUTOPILOTS } from '../engine/strategies/archetypes.ts';
import type { StrategyId } from '../engine/types.ts';
import { parseSeedList, summarizeRows, type RunTask } from './seedRuns.ts';
import { runPool } from './sweepPool.ts';
import { rowsCsv, rowsTable, summaryCsv, summaryTable, toJson } from './sweepFormat.ts';

const { opts, files } = parseArgs(process.argv.slice(2), ['scenario', 'seeds', 'strategies', 'jobs', 'weeks', 'format'], ['summary']);
if (files.length > 0) fail(`unexpected argument "${files[0]}" (did you mean --scenario ${files[0]}?)`);
if (!opts.scenario) fail('--scenario FILE is required');
const seedList = parseSeedList(opts.seeds ?? '1-20');
if ('error' in seedList) fail(`--seeds: ${seedList.error}`);
const strategies = (opts.strategies ?? 'leveraged,prudent').split(',').map((s) => s.trim());
for (const s of strategies) if (!(AUTOPILOTS as readonly string[]).includes(s)) fail(`--strategies: "${s}" is not an autopilot (one or more of ${AUTOPILOTS.join(',')}, comma-separated)`);
if (new Set(strategies).size !== strategies.length) fail(`--strategies lists a strategy twice: ${opts.strategies}`);
const jobs = intArg(opts, 'jobs', 1, 256) ?? Math.max(1, availableParallelism());
const weeks = intArg(opts, 'weeks', 1, 100000);
const format = enumArg(opts, 'format', ['csv', 'table', 'json'] as const) ?? 'table';
const summaryOnly = opts.summary === 'true';
const scenario = readScenario(opts.scenario);

// Strategy-major order: the rows of one strategy together, seeds ascending.
const tasks: RunTask[] = strategies.flatMap((strategy) => seedList.seeds.map((seed) => ({ seed, strategy: strategy as StrategyId, weeks })));
const started = performance.now();
let rows;
try {
  rows = await runPool(scenario, tasks, jobs);
} catch (e) {
  process.stderr.write(`error: sweep failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
  process.exit(1);
}
const seconds = (performance.now() - started) / 1000;
const summary = summarizeRows(rows);
const meta = { scenarioId: scenario.id, seeds: seedList.seeds.length, strategies, jobs: Math.min(jobs, tasks.length), weeks: weeks ?? scenario.calendar.lengthWeeks, wallSeconds: Math.round(seconds * 100) / 100 };

if (format === 'json') process.stdout.write(toJson(summaryOnly ? { ...meta, summary } : { ...meta, rows, summary }));
else if (format === 'csv') process.stdout.write(summaryOnly ? summaryCsv(summary) : rowsCsv(rows));
else {
  const head = `Sweep — ${scenario.id}: ${meta.seeds} seeds × ${strategies.join(', ')} (${tasks.length} runs, ${meta.jobs} jobs, ${meta.wallSeconds.toFixed(1)} s)\n\n`;
  process.stdout.write(head + (summaryOnly ? '' : rowsTable(rows) + '\n') + summaryTable(summary));
}
