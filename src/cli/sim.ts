/**
 * The headless runner:
 *   npm run --silent sim -- --scenario FILE [--seed N] [--strategy leveraged|prudent|idle|random]
 *     [--weeks N] [--actions FILE] [--depreciation-years 4|5|6] [--format json|csv|table]
 * Prints one JSON object (json), the player's quarters as CSV (csv), or an industry report (table).
 * Bad arguments or a bad scenario: a one-line error on stderr, exit code 2.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, intArg, enumArg, fail, readScenario } from './args.ts';
import { runScenario } from './run.ts';
import { toCsv, toTable } from './format.ts';
import { AUTOPILOTS } from '../engine/strategies/archetypes.ts';
import type { Command } from '../engine/commands/types.ts';

const { opts, files } = parseArgs(process.argv.slice(2), ['scenario', 'seed', 'strategy', 'weeks', 'actions', 'depreciation-years', 'format']);
if (files.length > 0) fail(`unexpected argument "${files[0]}" (did you mean --scenario ${files[0]}?)`);
if (!opts.scenario) fail('--scenario FILE is required');
const scenario = readScenario(opts.scenario);
const seed = intArg(opts, 'seed', 0, 4294967295);
const weeks = intArg(opts, 'weeks', 1, 100000);
const dep = enumArg(opts, 'depreciation-years', ['4', '5', '6'] as const);
const strategy = enumArg(opts, 'strategy', AUTOPILOTS) ?? (scenario.lesson.historicalCommands.length > 0 ? 'leveraged' : 'idle');
const format = enumArg(opts, 'format', ['json', 'csv', 'table'] as const) ?? 'table';

let actions: { week: number; command: Command }[] = [];
if (opts.actions) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(opts.actions, 'utf8'));
  } catch (e) {
    fail(`cannot read actions file ${opts.actions}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const list = Array.isArray(raw) ? raw : (raw as { commandLog?: unknown })?.commandLog;
  if (!Array.isArray(list)) fail(`actions file ${opts.actions} must be a JSON array of { "week": N, "command": { "type": ... } }`);
  actions = list.map((a, i) => {
    const w = (a as { week?: unknown })?.week;
    const c = (a as { command?: unknown })?.command;
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || typeof c !== 'object' || c === null) fail(`actions[${i}] must be { "week": N, "command": { "type": ... } }`);
    return { week: w, command: c as Command };
  });
}

const { result } = runScenario(scenario, { seed, strategy, weeks, depreciationYears: dep ? (Number(dep) as 4 | 5 | 6) : undefined, actions });
if (format === 'json') process.stdout.write(JSON.stringify(result) + '\n');
else if (format === 'csv') process.stdout.write(toCsv(result.quarters));
else process.stdout.write(toTable(result));
