/**
 * Verify class result files by replaying them (usage below; `verify --help`): one row per file,
 * computed on a pool of worker threads by the same verifier the class page runs in the browser
 * (src/class/verify.ts). A zip (an LMS "download all submissions") is opened here and each file in
 * it becomes a row named `zip/entry`.
 *
 * Exit codes: 0 every file verified; 1 any file not verified (diverged, mismatch, invalid, other);
 * 2 bad arguments or a path that does not exist.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs, intArg, enumArg, fail } from './args.ts';
import { fsReason, readBoundedBytes } from './readFile.ts';
import { runWorkerPool } from './workerPool.ts';
import type { VerifyTask } from './verifyTasks.ts';
import type { VerifyRow } from '../class/verify.ts';
import { readZip, looksLikeZip, ZIP_LIMITS } from '../class/zip.ts';
import { formatVerifyTable } from './verifyFormat.ts';
import { useSourceBuildId } from './buildId.ts';

useSourceBuildId();

const USAGE = `usage: npm run --silent verify -- [--format json|table] [--jobs N] FILE...

Replays each class result file (.ncrun.json) and checks every claim in it: the state at each
quarter close, the final state, score and objectives. FILE may also be a zip of result files
(an LMS "download all submissions"); each file in it is checked on its own.

  --format json|table   output: a JSON list of rows, or a table (default table)
  --jobs N              worker threads (default: one per core)
  -h, --help            this text

Each row: { file, status, divergesAtWeek?, reason?, student?, score?, ... } where status is
  verified   the file replays to everything it claims
  diverged   the state at a quarter close differs from the replay (divergesAtWeek: the first)
  mismatch   the claimed score, objectives, final state or seed do not match the replay
  invalid    not a result file (the reason says why)
  other      a result for another class or scenario, or from another game version or build
             that does not replay here (a verified file from another build is flagged ⚠)
Exit codes: 0 all verified, 1 any not verified, 2 bad arguments.`;

const { opts, files } = parseArgs(process.argv.slice(2), ['format', 'jobs'], [], USAGE);
const format = enumArg(opts, 'format', ['json', 'table'] as const) ?? 'table';
const jobs = intArg(opts, 'jobs', 1, 256) ?? Math.max(1, availableParallelism());
if (files.length === 0) fail('give one or more result files (.ncrun.json) or zips of them (see --help)');
for (const f of files) {
  try {
    statSync(f);
  } catch (e) {
    fail(`cannot read ${f}: ${fsReason(e)}`);
  }
}

/** Each argument as tasks: a zip becomes one task per file inside; anything else is read by a worker. */
function tasksOf(file: string): VerifyTask[] {
  if (!/\.zip$/i.test(file)) return [{ file, path: file }];
  const r = readBoundedBytes(file, ZIP_LIMITS.maxZipBytes);
  if (!r.ok) return [{ file, problem: `not read: ${r.why}` }];
  if (!looksLikeZip(r.bytes)) return [{ file, problem: 'named .zip but not a zip file' }];
  const z = readZip(r.bytes);
  if (!z.ok) return [{ file, problem: z.reason }];
  if (z.entries.length === 0) return [{ file, problem: 'the zip holds no files' }];
  return z.entries.map((e) => ('text' in e ? { file: `${file}/${e.name}`, text: e.text } : { file: `${file}/${e.name}`, problem: e.problem }));
}

const tasks = files.flatMap(tasksOf);
const started = performance.now();
let rows: VerifyRow[];
try {
  rows = await runWorkerPool<VerifyTask, VerifyRow>({ entry: new URL('./verifyWorker.ts', import.meta.url), data: {}, tasks, jobs, describe: (t) => t.file });
} catch (e) {
  process.stderr.write(`error: verify failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
  process.exit(1);
}
const seconds = (performance.now() - started) / 1000;
if (format === 'json') process.stdout.write(JSON.stringify(rows, null, 1) + '\n');
else process.stdout.write(formatVerifyTable(rows, { seconds, jobs: Math.min(jobs, tasks.length) }));
process.exit(rows.every((r) => r.status === 'verified') ? 0 : 1);
