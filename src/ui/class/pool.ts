/**
 * A pool of class workers (class.worker.ts): hardwareConcurrency − 1 of them (at least 1, and 2 on
 * a 2-core machine) for the results page, one for the builder and the hand-in. A task that runs longer than its time limit
 * has its worker terminated and replaced (an untrusted file never holds up the others for good).
 */
import type { ClassTask, ClassWorkerReply } from './workerProtocol.ts';

/** Longest one task may run before its worker is replaced, ms (a 10-year replay takes a few seconds). */
export const TASK_TIMEOUT_MS = 120_000;

export function poolSize(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1;
  return poolSizeFor(Number.isFinite(n) ? n : 1);
}

/**
 * Workers for `cores` logical cores: one core left for the page, but never fewer than two workers
 * on a machine with two cores — the results page's own thread only adds rows, and on a 2-core
 * laptop one worker left a whole core idle (40 eight-year files: ~61 s of one worker's CPU;
 * docs/teaching.md has the figures).
 */
export function poolSizeFor(cores: number): number {
  const c = Number.isFinite(cores) ? Math.max(1, Math.floor(cores)) : 1;
  return Math.max(Math.min(2, c), c - 1);
}

interface Job { task: ClassTask; resolve: (r: ClassWorkerReply) => void; timeoutMs: number }
interface Slot { worker: Worker; busy: Job | null; timer: ReturnType<typeof setTimeout> | null; id: number }

let nextId = 1;

function spawn(): Worker {
  return new Worker(new URL('./class.worker.ts', import.meta.url), { type: 'module', name: 'class' });
}

export class ClassPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private closed = false;

  constructor(readonly size: number = poolSize()) {}

  /** Run one task; resolves with the worker's reply, or an 'error' reply (timeout, worker crash, closed pool). */
  run(task: ClassTask, timeoutMs = TASK_TIMEOUT_MS): Promise<ClassWorkerReply> {
    return new Promise((resolve) => {
      if (this.closed) { resolve({ id: 0, kind: 'error', reason: 'closed' }); return; }
      this.queue.push({ task, resolve, timeoutMs });
      this.pump();
    });
  }

  private slot(): Slot | null {
    const free = this.slots.find((s) => !s.busy);
    if (free) return free;
    if (this.slots.length >= this.size) return null;
    const s: Slot = { worker: spawn(), busy: null, timer: null, id: 0 };
    this.wire(s);
    this.slots.push(s);
    return s;
  }

  private wire(s: Slot): void {
    s.worker.onmessage = (ev: MessageEvent<ClassWorkerReply>) => {
      if (!s.busy || ev.data.id !== s.id) return;
      this.finish(s, ev.data);
    };
    s.worker.onerror = (ev) => {
      ev.preventDefault();
      this.replace(s, `the checker stopped: ${ev.message || 'worker error'}`);
    };
  }

  private finish(s: Slot, reply: ClassWorkerReply): void {
    const job = s.busy;
    if (s.timer) clearTimeout(s.timer);
    s.timer = null;
    s.busy = null;
    job?.resolve(reply);
    this.pump();
  }

  /** Terminate a stuck or crashed worker, answer its job, start a fresh one. */
  private replace(s: Slot, reason: string): void {
    s.worker.terminate();
    const id = s.id;
    s.worker = spawn();
    this.wire(s);
    this.finish(s, { id, kind: 'error', reason });
  }

  private pump(): void {
    while (this.queue.length && !this.closed) {
      const s = this.slot();
      if (!s) return;
      const job = this.queue.shift()!;
      s.busy = job;
      s.id = nextId++;
      s.timer = setTimeout(() => this.replace(s, `took longer than ${Math.round(job.timeoutMs / 1000)} s`), job.timeoutMs);
      s.worker.postMessage({ ...job.task, id: s.id });
    }
  }

  /** Stop every worker; queued and running tasks answer 'closed'. */
  close(): void {
    this.closed = true;
    for (const s of this.slots) {
      if (s.timer) clearTimeout(s.timer);
      s.worker.terminate();
      s.busy?.resolve({ id: s.id, kind: 'error', reason: 'closed' });
    }
    for (const j of this.queue) j.resolve({ id: 0, kind: 'error', reason: 'closed' });
    this.slots = [];
    this.queue = [];
  }
}

/** One shared single worker for the builder's checks and the hand-in (created on first use). */
let single: ClassPool | null = null;
export function classWorker(): ClassPool {
  if (!single) single = new ClassPool(1);
  return single;
}
