/**
 * `npm run --silent check -- RUN.json [more.json ...]`: the project's own identity checker for the
 * runner's output (`sim --format json`). For the player and for each rival, every quarter must
 * keep every identity exactly in cents (src/cli/identities.ts). Prints "identities hold over N
 * quarters" and exits 0; else prints the first broken identity (and up to 24 more) and exits 1;
 * bad arguments, an unreadable file or one that is not a run: exit 2.
 */
import { parseArgs, fail, readTextFile } from './args.ts';
import { quartersProblems } from './identities.ts';
import type { QuarterReport } from '../engine/reports.ts';

/** Largest run file: an 8-year run with a dozen rivals is about 0.3 MB. */
export const MAX_RUN_BYTES = 64 * 1024 * 1024;

const USAGE = `usage: npm run --silent check -- RUN.json [more.json ...]

Checks the output of \`npm run --silent sim -- ... --format json\`: for the player and each rival,
every quarter's income statement, balance sheet and cash flow identities, exact in cents; opening
cash = the previous quarter's closing cash; figures finite; counts and shares in range.
Exit codes: 0 every identity holds, 1 one is broken (the first is printed first), 2 bad arguments or files.`;

const { files } = parseArgs(process.argv.slice(2), [], [], USAGE);
if (files.length === 0) fail('no run files given (see --help)');

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const problems: string[] = [];
let quarters = 0;
for (const file of files) {
  const text = readTextFile(file, 'run', MAX_RUN_BYTES);
  let run: unknown;
  try {
    run = JSON.parse(text);
  } catch (e) {
    fail(`${file} is not JSON: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  if (!isObj(run) || !Array.isArray(run.quarters) || !isObj(run.outcome)) fail(`${file} is not a run (expected the JSON of sim --format json, with "outcome" and "quarters")`);
  const stateHash = run.outcome.stateHash;
  if (typeof stateHash !== 'string' || !/^[0-9a-f]{16}$/.test(stateHash)) problems.push(`${file}: outcome.stateHash ${JSON.stringify(stateHash)} is not a 16-digit hex hash`);
  if (!['running', 'bankrupt', 'won', 'lost'].includes(String(run.outcome.status))) problems.push(`${file}: outcome.status ${JSON.stringify(run.outcome.status)}`);
  if (run.quarters.length === 0) problems.push(`${file}: the player has no quarters`);
  const books: { who: string; qs: unknown[] }[] = [{ who: 'player', qs: run.quarters }];
  if (run.rivals !== undefined) {
    if (!Array.isArray(run.rivals)) fail(`${file}: "rivals" must be a list`);
    run.rivals.forEach((rv, i) => {
      if (!isObj(rv) || !Array.isArray(rv.quarters)) problems.push(`${file}: rivals[${i}] has no quarters`);
      else books.push({ who: `rival ${typeof rv.id === 'string' ? rv.id : i}`, qs: rv.quarters });
    });
  }
  for (const b of books) {
    quarters += b.qs.length;
    for (const p of quartersProblems(b.qs as QuarterReport[])) problems.push(`${file} ${b.who} ${p}`);
  }
}
if (problems.length > 0) {
  process.stdout.write(`${problems.slice(0, 25).join('\n')}\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${quarters} quarters\n`);
  process.exit(1);
}
process.stdout.write(`identities hold over ${quarters} quarters\n`);
