/**
 * The headless runner (usage below; `sim --help`). Prints one JSON object (json), the player's
 * quarters as CSV (csv), or an industry report (table). Bad arguments, an unreadable or invalid
 * scenario or action file: a one-line error on stderr, exit code 2, before anything runs.
 * A run the engine stops (a number that went non-finite): the reason on stderr, exit code 3.
 */
import { parseArgs, intArg, enumArg, fail, readScenario, readTextFile } from './args.ts';
import { runScenario } from './run.ts';
import { toCsv, toTable } from './format.ts';
import { parseActionsText, MAX_ACTIONS_BYTES } from './actions.ts';
import { AUTOPILOTS } from '../engine/strategies/archetypes.ts';
import { NonFiniteError } from '../engine/finite.ts';
import type { LoggedCommand } from '../scenario/schema/commands.ts';

const USAGE = `usage: npm run --silent sim -- --scenario FILE [options]

  --scenario FILE            scenario file (required; scenarios/*.json or your own)
  --seed N                   random seed, 0 to 4294967295 (default: the scenario's defaultSeed)
  --strategy S               the player's autopilot: ${AUTOPILOTS.join(', ')}, or none
                             (none: only the --actions log and any recorded history decide;
                             default: leveraged for a scenario with recorded history, else idle)
  --weeks N                  stop after N weeks (default: the scenario's length)
  --actions FILE             the player's commands: [ { "week": N, "command": { "type": ... } }, ... ]
                             or a save / class result file (its "log" / "commandLog"); every entry
                             is checked first (schema: docs/actions.schema.json)
  --depreciation-years 4|5|6 starting depreciation life
  --format json|csv|table    output (default table)
  -h, --help                 this text

A browser game played by hand verifies here: its save's seed, --strategy none, the save as
--actions and --weeks set to the save's week print the same state hash as the game.
Exit codes: 0 ran, 2 bad arguments or input files, 3 the engine stopped (a non-finite number).`;

const { opts, files } = parseArgs(process.argv.slice(2), ['scenario', 'seed', 'strategy', 'weeks', 'actions', 'depreciation-years', 'format'], [], USAGE);
if (files.length > 0) fail(`unexpected argument "${files[0]}" (did you mean --scenario ${files[0]}?)`);
if (!opts.scenario) fail('--scenario FILE is required (see --help)');
const seed = intArg(opts, 'seed', 0, 4294967295);
const weeks = intArg(opts, 'weeks', 1, 100000);
const dep = enumArg(opts, 'depreciation-years', ['4', '5', '6'] as const);
const strategyArg = enumArg(opts, 'strategy', [...AUTOPILOTS, 'none'] as const);
const format = enumArg(opts, 'format', ['json', 'csv', 'table'] as const) ?? 'table';
const scenario = readScenario(opts.scenario);
const strategy = strategyArg === 'none' ? null : strategyArg ?? (scenario.lesson.historicalCommands.length > 0 ? 'leveraged' : 'idle');

let actions: LoggedCommand[] = [];
if (opts.actions) {
  const text = readTextFile(opts.actions, 'actions', MAX_ACTIONS_BYTES);
  const r = parseActionsText(text, scenario);
  if (!r.ok) fail(`actions file ${opts.actions}: ${r.message}`);
  actions = r.log;
}

let result;
try {
  result = runScenario(scenario, { seed, strategy, weeks, depreciationYears: dep ? (Number(dep) as 4 | 5 | 6) : undefined, actions }).result;
} catch (e) {
  if (!(e instanceof NonFiniteError)) throw e;
  process.stderr.write(`error: ${e.message}\n`);
  process.exit(3);
}
if (format === 'json') process.stdout.write(JSON.stringify(result) + '\n');
else if (format === 'csv') process.stdout.write(toCsv(result.quarters));
else process.stdout.write(toTable(result));
