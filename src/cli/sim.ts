/**
 * The headless runner (usage below; `sim --help`). Prints one JSON object (json), the player's
 * quarters as CSV (csv), or an industry report (table). Bad arguments, an unreadable or invalid
 * scenario or action file: a one-line error on stderr, exit code 2, before anything runs.
 * A run the engine stops (a number that went non-finite): the reason on stderr, exit code 3.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs, intArg, enumArg, fail, readScenario, readTextFile } from './args.ts';
import { runScenario, runResultOf } from './run.ts';
import { replayRun } from '../class/replay.ts';
import { resultOfReplay, resultText, studentNameProblem } from '../class/result.ts';
import { fsReason } from './readFile.ts';
import { toCsv, toTable } from './format.ts';
import { parseActionsText, MAX_ACTIONS_BYTES } from './actions.ts';
import { AUTOPILOTS } from '../engine/strategies/archetypes.ts';
import { NonFiniteError } from '../engine/finite.ts';
import type { LoggedCommand } from '../scenario/schema/commands.ts';
import type { Scenario } from '../scenario/schema/index.ts';
import type { StrategyId } from '../engine/types.ts';
import { MAX_FILE_BYTES } from '../scenario/limits.ts';
import { loadScenarioObject } from '../scenario/load.ts';
import { parseJsonText } from '../scenario/jsonText.ts';
import { checkSave } from '../store/saveCheck.ts';
import { useSourceBuildId } from './buildId.ts';

useSourceBuildId();

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
  --save FILE                replay a game's save on its own (its scenario, seed, autopilot, log and
                             week; no --scenario, --seed, --strategy, --weeks or --actions)
  --depreciation-years 4|5|6 starting depreciation life
  --result OUT.ncrun.json    also write the class result file of this run (what the browser's
                             "Hand in" writes; check it with npm run verify)
  --student NAME             the student named in the result file (default "sim"; with --result)
  --format json|csv|table    output (default table)
  -h, --help                 this text

A browser game verifies here: --save save.json prints the state hash the game had when saved (or
give its scenario, its seed, --strategy none, the save as --actions and --weeks set to its week).
Exit codes: 0 ran, 2 bad arguments or input files, 3 the engine stopped (a non-finite number).`;

const { opts, files } = parseArgs(process.argv.slice(2), ['scenario', 'seed', 'strategy', 'weeks', 'actions', 'save', 'depreciation-years', 'format', 'result', 'student'], [], USAGE);
if (files.length > 0) fail(`unexpected argument "${files[0]}" (did you mean --scenario ${files[0]}?)`);
if (opts.student !== undefined && opts.result === undefined) fail('--student names the student of a result file: give --result OUT.ncrun.json too');
const student = opts.student ?? 'sim';
const nameProblem = studentNameProblem(student);
if (nameProblem) fail(`--student: ${nameProblem}`);
/** The scenario as the file held it (embedded in a result file when it is not a bundled one). */
let scenarioDoc: unknown;
const format = enumArg(opts, 'format', ['json', 'csv', 'table'] as const) ?? 'table';
let scenario: Scenario;
let seed: number | undefined, weeks: number | undefined, strategy: StrategyId | null, depreciationYears: 4 | 5 | 6 | undefined;
let actions: LoggedCommand[] = [];
if (opts.save !== undefined) {
  const extra = ['scenario', 'seed', 'strategy', 'weeks', 'actions', 'depreciation-years'].filter((k) => opts[k] !== undefined);
  if (extra.length > 0) fail(`--save replays a save on its own; leave out ${extra.map((k) => `--${k}`).join(', ')}`);
  const c = checkSave(readTextFile(opts.save, 'save', MAX_FILE_BYTES.save));
  if (!c.ok) fail(`save file ${opts.save}: ${c.reason}`);
  const loaded = loadScenarioObject(c.save.scenario);
  if (!loaded.ok) fail(`save file ${opts.save}: its scenario is not valid: ${loaded.errors[0]?.path ?? ''}: ${loaded.errors[0]?.message ?? 'unknown error'}`);
  scenario = loaded.scenario;
  scenarioDoc = c.save.scenario;
  const r = parseActionsText(JSON.stringify(c.save.log), scenario);
  if (!r.ok) fail(`save file ${opts.save}: log${r.message.slice('actions'.length)}`);
  ({ seed, strategy, week: weeks } = c.save);
  actions = r.log;
  depreciationYears = c.save.depreciationYears ?? undefined;
} else {
  if (!opts.scenario) fail('--scenario FILE (or --save FILE) is required (see --help)');
  seed = intArg(opts, 'seed', 0, 4294967295);
  weeks = intArg(opts, 'weeks', 1, 100000);
  const dep = enumArg(opts, 'depreciation-years', ['4', '5', '6'] as const);
  depreciationYears = dep ? (Number(dep) as 4 | 5 | 6) : undefined;
  const strategyArg = enumArg(opts, 'strategy', [...AUTOPILOTS, 'none'] as const);
  scenario = readScenario(opts.scenario);
  if (opts.result !== undefined) {
    const doc = parseJsonText(readTextFile(opts.scenario, 'scenario', MAX_FILE_BYTES.scenario)); // readScenario has checked it
    scenarioDoc = doc.ok ? doc.parsed.value : scenario;
  }
  strategy = strategyArg === 'none' ? null : strategyArg ?? (scenario.lesson.historicalCommands.length > 0 ? 'leveraged' : 'idle');
  if (opts.actions) {
    const text = readTextFile(opts.actions, 'actions', MAX_ACTIONS_BYTES);
    const r = parseActionsText(text, scenario);
    if (!r.ok) fail(`actions file ${opts.actions}: ${r.message}`);
    actions = r.log;
  }
}

let result;
try {
  if (opts.result !== undefined) {
    // One replay for both: the class replay (checkpoints at every quarter close) and the report.
    const run = { scenario, scenarioDoc, seed: seed ?? scenario.defaultSeed, autopilot: strategy, depreciationYears: depreciationYears ?? null, log: actions, week: Math.min(weeks ?? scenario.calendar.lengthWeeks, scenario.calendar.lengthWeeks) };
    const replayed = replayRun(run);
    const file = await resultOfReplay(run, replayed, { student, attempt: 1, class: null, answers: [] });
    try {
      writeFileSync(opts.result, resultText(file));
    } catch (e) {
      fail(`cannot write result file ${opts.result}: ${fsReason(e)}`);
    }
    result = runResultOf(scenario, replayed.world, strategy);
  } else {
    result = runScenario(scenario, { seed, strategy, weeks, depreciationYears, actions }).result;
  }
} catch (e) {
  if (!(e instanceof NonFiniteError)) throw e;
  process.stderr.write(`error: ${e.message}\n`);
  process.exit(3);
}
if (format === 'json') process.stdout.write(JSON.stringify(result) + '\n');
else if (format === 'csv') process.stdout.write(toCsv(result.quarters));
else process.stdout.write(toTable(result));
