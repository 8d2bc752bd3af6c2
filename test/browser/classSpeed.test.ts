/**
 * Verifying a class in Chromium (issue 11, Speed): 40 eight-year result files of the default
 * scenario (test/browser/classFixtures.ts: autopilots and hand-played logs, every game to its
 * end) dropped on the class results page, timed from the drop until the progress reads
 * "40 of 40" — the page's own Web Worker pool (src/ui/class/pool.ts poolSizeFor). Besides the
 * wall time it reads the CPU time Chromium's processes used (/proc), since on a shared machine
 * the wall time measures the other jobs as much as the verifier: with one worker and an idle main
 * thread the CPU seconds are what a quiet machine's wall time would be.
 * Figures: test-results/class-speed.json and the console; docs/teaching.md keeps them.
 *
 * A measurement, not part of `npm test` (the fixtures alone are ~1 min of replays):
 *   NEOCLOUD_PERF=1 npx vitest run --maxWorkers=1 test/browser/classSpeed.test.ts
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg, cpus } from 'node:os';
import { buildApp, serve, launch, watchedPage, chromePath, browserLock, RESULTS, type Session } from './harness.ts';
import { classResultFiles } from './classFixtures.ts';
import { poolSizeFor } from '../../src/ui/class/pool.ts';

const CHROME = chromePath();
const N = 40;
/** The goal (issue 11, Speed). */
const GOAL_S = 60;
const CLK_TCK = 100;

/**
 * CPU seconds (user + system) of every process whose command line names `marker` and of their
 * descendants, in total and by thread name (Chromium names its Web Worker threads
 * "DedicatedWorker…", so the verifier's share is read apart from the page's and the browser's).
 */
function cpuOf(marker: string): { total: number; byThread: Record<string, number> } {
  const procs = new Map<number, { ppid: number; marked: boolean }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(d), { ppid: Number(f[1]), marked: readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(marker) });
    } catch { /* the process ended meanwhile */ }
  }
  const counted = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 50; hops++) {
      const x = procs.get(p);
      if (!x) return false;
      if (x.marked) return true;
      p = x.ppid;
    }
    return false;
  };
  const byThread: Record<string, number> = {};
  let total = 0;
  for (const pid of procs.keys()) {
    if (!counted(pid)) continue;
    let tids: string[];
    try { tids = readdirSync(`/proc/${pid}/task`); } catch { continue; }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const s = (Number(f[11]) + Number(f[12])) / CLK_TCK;
        byThread[name] = (byThread[name] ?? 0) + s;
        total += s;
      } catch { /* the thread ended meanwhile */ }
    }
  }
  return { total, byThread };
}

const minus = (a: Record<string, number>, b: Record<string, number>) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, Math.round((v - (b[k] ?? 0)) * 10) / 10] as const).filter(([, v]) => v >= 0.5).sort((x, y) => y[1] - x[1]));

describe.skipIf(!CHROME || !process.env.NEOCLOUD_PERF)('verifying 40 eight-year result files on the class results page (Chromium)', () => {
  let srv: { url: string; close: () => Promise<void> };
  let session: Session | null = null;
  let release: () => void = () => undefined;
  let paths: string[] = [];
  beforeAll(async () => {
    paths = await classResultFiles(join(RESULTS, 'class-speed-files'), N);
    release = await browserLock();
    await buildApp();
    srv = await serve();
  }, 1_800_000);
  afterAll(async () => {
    await session?.close();
    await srv?.close();
    release();
  });

  it(`${N} files verified, timed`, async () => {
    session = await launch([], { width: 1440, height: 900 });
    const { page, errors } = await watchedPage(session.context, srv.url + '?world=0');
    await page.click('#class-results-btn');
    await page.waitForSelector('#class-results');
    const pool = poolSizeFor(await page.evaluate(() => navigator.hardwareConcurrency));
    const load0 = loadavg()[0]!;
    const cpu0 = cpuOf(session.dataDir);
    const t0 = Date.now();
    await page.setInputFiles('#results-files', paths);
    await page.waitForFunction((n) => document.getElementById('results-progress-text')?.textContent?.includes(`${n} of ${n}`), N, { timeout: 1_500_000, polling: 200 });
    const wallS = (Date.now() - t0) / 1000;
    const cpu1 = cpuOf(session.dataDir);
    const cpuS = cpu1.total - cpu0.total;
    const threads = minus(cpu1.byThread, cpu0.byThread);
    const workerCpuS = Object.entries(threads).filter(([k]) => k.startsWith('DedicatedWorker')).reduce((a, [, v]) => a + v, 0);
    const load1 = loadavg()[0]!;
    const statuses = await page.$$eval('#results-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-status')));
    const bytes = paths.reduce((s, p) => s + readFileSync(p).length, 0);
    const figures = {
      files: N, meanFileKb: Math.round(bytes / N / 102.4) / 10, verified: statuses.filter((s) => s === 'verified').length,
      wallS: Math.round(wallS * 10) / 10, chromiumCpuS: Math.round(cpuS * 10) / 10, workerCpuS: Math.round(workerCpuS * 10) / 10, workers: pool, threads,
      cores: cpus().length, loadBefore: load0, loadAfter: load1, goalS: GOAL_S, at: new Date().toISOString(),
    };
    writeFileSync(join(RESULTS, 'class-speed.json'), JSON.stringify(figures, null, 1));
    console.log('class speed', JSON.stringify(figures));
    expect(statuses.length).toBe(N);
    expect(figures.verified).toBe(N);
    expect(errors).toEqual([]);
    // The goal is asserted on CPU time, not on the shared machine's wall clock: a quiet machine needs at
    // least the workers' CPU shared over the pool, and at least all of Chromium's CPU shared over the cores
    // (V8's garbage collection runs on Chromium's thread pool beside the workers).
    expect(workerCpuS).toBeGreaterThan(0);
    expect(Math.max(workerCpuS / pool, cpuS / cpus().length)).toBeLessThanOrEqual(GOAL_S);
  }, 1_800_000);
});
