/**
 * A pool of `worker_threads` for the CLIs (`sweep`, `verify`): each idle worker takes the next
 * task, so uneven task lengths (a bankruptcy ends a run early; a bad file is refused at once) still
 * keep every core busy. Results come back in task order whatever the number of workers.
 *
 * The main side is `runWorkerPool`; a worker module calls `serveTasks(handler)` once.
 */
import { Worker, parentPort } from 'node:worker_threads';

const TSX_API_URL = import.meta.resolve('tsx/esm/api');
/**
 * Worker bootstrap: Node 20 does not carry tsx's TypeScript loader into worker threads, so each worker
 * registers it (tsx's public `tsx/esm/api`) before importing the TypeScript worker module.
 */
const BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); }).catch((e) => { throw e; });`;

type Reply<R> = { id: number; row: R } | { id: number; error: string };

export interface PoolJob<T> {
  /** The worker module (a URL; TypeScript is fine). */
  entry: URL;
  /** Handed to every worker once (its `workerData.data`), e.g. a validated scenario. */
  data?: unknown;
  tasks: readonly T[];
  /** Workers to start (at most one per task). */
  jobs: number;
  /** A task in words, for the error when its handler throws. */
  describe: (task: T) => string;
}

/** Run every task on the pool; rejects at the first handler error or worker crash (all workers stop). */
export function runWorkerPool<T, R>(job: PoolJob<T>): Promise<R[]> {
  const { tasks } = job;
  const rows: (R | undefined)[] = new Array(tasks.length);
  const n = Math.max(1, Math.min(job.jobs, tasks.length));
  if (tasks.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0, done = 0, finished = false;
    const stop = (err?: Error) => {
      if (finished) return;
      finished = true;
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve(rows as R[]);
    };
    const feed = (w: Worker) => {
      if (next >= tasks.length) return;
      const id = next++;
      w.postMessage({ id, task: tasks[id] });
    };
    for (let i = 0; i < n; i++) {
      const w = new Worker(BOOT, { eval: true, workerData: { data: job.data, entry: job.entry.href, tsx: TSX_API_URL } });
      workers.push(w);
      w.on('message', (m: Reply<R>) => {
        if ('error' in m) {
          stop(new Error(`${job.describe(tasks[m.id]!)}: ${m.error}`));
          return;
        }
        rows[m.id] = m.row;
        done++;
        if (done === tasks.length) stop();
        else feed(w);
      });
      w.on('error', (e) => stop(e instanceof Error ? e : new Error(String(e))));
      w.on('exit', (code) => { if (code !== 0 && done < tasks.length) stop(new Error(`a worker exited with code ${code}`)); });
      feed(w);
    }
  });
}

/** In a worker module: answer each task message with `handler(task, data)` (sync or async). */
export function serveTasks<T, R, D = unknown>(handler: (task: T, data: D) => R | Promise<R>, data: D): void {
  const port = parentPort;
  if (!port) throw new Error('a pool worker module must run as a worker thread');
  port.on('message', (msg: { id: number; task: T }) => {
    Promise.resolve()
      .then(() => handler(msg.task, data))
      .then(
        (row) => port.postMessage({ id: msg.id, row }),
        (e: unknown) => port.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) }),
      );
  });
}
