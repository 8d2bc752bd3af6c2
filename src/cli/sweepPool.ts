/**
 * Runs sweep tasks on a pool of `worker_threads` (src/cli/sweepWorker.ts): each idle worker takes
 * the next task, so uneven run lengths (a bankruptcy ends a run early) still keep every core busy.
 * Rows come back in task order whatever the number of workers.
 */
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema/index.ts';
import type { RunTask, SweepRow } from './seedRuns.ts';

const WORKER_URL = new URL('./sweepWorker.ts', import.meta.url).href;
const TSX_API_URL = import.meta.resolve('tsx/esm/api');
/**
 * Worker bootstrap: Node 20 does not carry tsx's TypeScript loader into worker threads, so each worker
 * registers it (tsx's public `tsx/esm/api`) before importing the TypeScript worker module.
 */
const BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); }).catch((e) => { throw e; });`;

type Reply = { id: number; row: SweepRow } | { id: number; error: string };

export function runPool(scenario: Scenario, tasks: readonly RunTask[], jobs: number): Promise<SweepRow[]> {
  const rows: (SweepRow | undefined)[] = new Array(tasks.length);
  const n = Math.max(1, Math.min(jobs, tasks.length));
  if (tasks.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0, done = 0, failed = false;
    const stop = (err?: Error) => {
      if (failed) return;
      if (err) failed = true;
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve(rows as SweepRow[]);
    };
    const feed = (w: Worker) => {
      if (next >= tasks.length) return;
      const id = next++;
      w.postMessage({ id, task: tasks[id] });
    };
    for (let i = 0; i < n; i++) {
      const w = new Worker(BOOT, { eval: true, workerData: { scenario, entry: WORKER_URL, tsx: TSX_API_URL } });
      workers.push(w);
      w.on('message', (m: Reply) => {
        if ('error' in m) {
          const t = tasks[m.id]!;
          stop(new Error(`seed ${t.seed}, strategy ${t.strategy}: ${m.error}`));
          return;
        }
        rows[m.id] = m.row;
        done++;
        if (done === tasks.length) stop();
        else feed(w);
      });
      w.on('error', (e) => stop(e instanceof Error ? e : new Error(String(e))));
      w.on('exit', (code) => { if (code !== 0 && done < tasks.length) stop(new Error(`a sweep worker exited with code ${code}`)); });
      feed(w);
    }
  });
}
