/**
 * A disk cache of headless runs shared by the test files (each vitest file is its own module
 * context, and `npm test` runs files in two processes, so the in-memory memo of harness.ts cannot
 * share a run between facts, power, finance-lessons and the runner contract, which ask for many of
 * the same ones).
 *
 * A run is stored under node_modules/.cache/neocloud-runs/<code>/<run>.v8, where
 *  - <code> is a SHA-256 over every file under src/ and scenarios/, package-lock.json, this file,
 *    harness.ts and the Node version: any change to the engine, the scenarios, the runner or a
 *    dependency gives a new folder, so a stale run cannot be read;
 *  - <run> is a SHA-256 over the validated scenario object (overlays included) and the run options.
 * A file holds { result, world } as v8.serialize writes them (typed arrays, Maps and NaN survive),
 * written to a temporary name and renamed (a reader never sees half a file). On reading, the
 * world's state hash must equal the one the run recorded, else the file is ignored and the run
 * recomputed. While one process computes a run it holds <run>.claim; another process that wants
 * the same run waits for the file instead of computing it twice (a claim whose process is gone,
 * or older than CLAIM_STALE_MS, is taken over). NEOCLOUD_RUN_CACHE=0 switches the cache off.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import { stateHash } from '../../src/engine/api.ts';
import type { RunResult } from '../../src/cli/run.ts';
import type { World } from '../../src/engine/types.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CACHE_ROOT = join(ROOT, 'node_modules', '.cache', 'neocloud-runs');
/** A claim older than this is from a process that hung or died without cleaning up. */
const CLAIM_STALE_MS = 10 * 60_000;
/** Folders of other code versions untouched for this long are removed. */
const OLD_FOLDER_MS = 60 * 60_000;

export interface CachedRun { result: RunResult; world: World }

export const runCacheOn = process.env.NEOCLOUD_RUN_CACHE !== '0';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    for (const name of readdirSync(p)) {
      const full = join(p, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(full);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/**
 * The code version of the repository at `root`: a hash over the paths and bytes of everything a run
 * depends on (src/, scenarios/, package-lock.json, the two harness files) and the Node version.
 */
export function codeKey(root: string = ROOT): string {
  const files = [...filesUnder(join(root, 'src')), ...filesUnder(join(root, 'scenarios')), join(root, 'package-lock.json'), join(root, 'test', 'market', 'harness.ts'), join(root, 'test', 'market', 'harnessCache.ts')]
    .filter((f) => existsSync(f)).map((f) => relative(root, f).split(sep).join('/')).sort();
  const h = createHash('sha256').update(`${process.version} ${process.arch}\0`);
  for (const f of files) h.update(f + '\0').update(readFileSync(join(root, f))).update('\0');
  return h.digest('hex').slice(0, 20);
}

let codeDir: string | null = null;
/** The folder for the current sources (computed once per process). */
function folder(): string {
  if (codeDir) return codeDir;
  const code = codeKey();
  codeDir = join(CACHE_ROOT, code);
  mkdirSync(codeDir, { recursive: true });
  // Forget other code versions nobody has used for a while (keeps the cache to about one version).
  for (const name of readdirSync(CACHE_ROOT)) {
    if (name === code) continue;
    const p = join(CACHE_ROOT, name);
    try { if (Date.now() - statSync(p).mtimeMs > OLD_FOLDER_MS) rmSync(p, { recursive: true, force: true }); } catch { /* another process removed it */ }
  }
  return codeDir;
}

/** The file name of a run: the scenario object and the options, hashed. */
function runName(sc: Scenario, opts: object): string {
  return createHash('sha256').update(serialize(sc)).update('\0').update(serialize(opts)).digest('hex').slice(0, 32);
}

/** Where the run for (scenario, options) is stored (its .v8 file). */
export function cacheFile(sc: Scenario, opts: object): string {
  return `${join(folder(), runName(sc, opts))}.v8`;
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => { Atomics.wait(sleepCell, 0, 0, ms); };

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/** The stored run, or null when there is none or it does not hash to the state it recorded. */
function read(file: string): CachedRun | null {
  let buf: Buffer;
  try { buf = readFileSync(file); } catch { return null; }
  try {
    const r = deserialize(buf) as CachedRun;
    if (r?.result?.outcome?.stateHash && stateHash(r.world) === r.result.outcome.stateHash) return r;
  } catch { /* unreadable: recompute */ }
  return null;
}

/** The stored run for (scenario, options), or null (none yet, or the cache is off); never computes or waits. */
export function storedRun(sc: Scenario, opts: object): CachedRun | null {
  return runCacheOn ? read(cacheFile(sc, opts)) : null;
}

/**
 * The run for (scenario, options) from the cache, else `compute()` stored for the other files.
 * `opts` must hold everything besides the scenario that the run depends on.
 */
export function cachedRun(sc: Scenario, opts: object, compute: () => CachedRun): CachedRun {
  if (!runCacheOn) return compute();
  const base = join(folder(), runName(sc, opts));
  const file = `${base}.v8`, claim = `${base}.claim`;
  for (;;) {
    const hit = read(file);
    if (hit) return hit;
    let fd: number;
    try {
      fd = openSync(claim, 'wx');
    } catch {
      // Someone else is computing this run: wait for its file, unless that process is gone.
      let owner: number, age: number;
      try { owner = Number(readFileSync(claim, 'utf8')); age = Date.now() - statSync(claim).mtimeMs; } catch { continue; }
      if ((owner > 0 && !alive(owner)) || age > CLAIM_STALE_MS) { try { unlinkSync(claim); } catch { /* taken over already */ } continue; }
      sleep(100);
      continue;
    }
    try {
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const r = compute();
      const tmp = `${base}.${process.pid}.tmp`;
      writeFileSync(tmp, serialize(r));
      renameSync(tmp, file);
      return r;
    } finally {
      try { unlinkSync(claim); } catch { /* already gone */ }
    }
  }
}
