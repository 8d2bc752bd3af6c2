/** EngineHost backed by a dedicated Web Worker (the default). */
import type { EngineHost, SaveCore, HostOptions, BenchResult, LoadRequest, LoadOutcome, RunRequest, RunSummary, OpenedResult } from './host.ts';
import { FramePublisher } from './host.ts';
import { unpackHistory, type ToWorker, type FromWorker, type HistoryDelta } from './protocol.ts';
import type { Snapshot, Speed, PauseReason } from './snapshot.ts';
import type { Command, CommandResult } from '../engine/commands/types.ts';
import { msgOf } from '../engine/msg.ts';
import type { StrategyId } from '../engine/types.ts';
import type { Scenario } from '../scenario/schema/index.ts';

/** The worker itself failed while a call was pending (not a refusal from the engine). */
class WorkerFailed extends Error {}

/**
 * A call whose caller may not be waiting any more (a form's live preview, an autosave) answers as a
 * stopped game would rather than rejecting: the error dialog already says what happened.
 */
function whenStopped<T>(p: Promise<T>, stopped: T): Promise<T> {
  return p.catch((e: unknown) => { if (e instanceof WorkerFailed) return stopped; throw e; });
}
const STOPPED: CommandResult = { ok: false, reason: msgOf('host.engineStopped') };

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; progress?: ((n: number) => void) | undefined };

function spawn(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
}

class Rpc {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  /** The worker itself failed (an error escaped it, or its script did not load): replace it before the next load. */
  broken = false;
  constructor(readonly worker: Worker, private onOther: (m: FromWorker) => void) {
    worker.onmessage = (ev: MessageEvent<FromWorker>) => this.receive(ev.data);
    worker.onerror = (ev) => {
      this.broken = true;
      const err = new WorkerFailed(`Engine worker failed: ${ev.message}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      this.onOther({ t: 'error', message: err.message });
      ev.preventDefault();
    };
  }
  call<T>(msg: ToWorker extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never, progress?: (n: number) => void): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
      this.worker.postMessage({ ...msg, id } as ToWorker);
    });
  }
  send(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }
  private receive(m: FromWorker): void {
    if (m.t === 'reply' || m.t === 'fail' || m.t === 'progress') {
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.t === 'progress') { p.progress?.(m.done); return; }
      this.pending.delete(m.id);
      if (m.t === 'reply') p.resolve(m.value);
      else p.reject(new Error(m.message));
      return;
    }
    this.onOther(m);
  }
}

export class WorkerHost implements EngineHost {
  readonly kind = 'worker' as const;
  private rpc: Rpc;
  private pub = new FramePublisher();
  private pauseSubs = new Set<(r: PauseReason) => void>();
  private errorSubs = new Set<(m: string) => void>();

  private options: HostOptions | null = null;
  /** The last streamed snapshot (complete): history fields the worker leaves out come from it. */
  private lastStreamed: Snapshot | null = null;

  private withHistory(snap: Snapshot, delta: HistoryDelta | undefined): Snapshot {
    this.lastStreamed = unpackHistory(snap, delta, this.lastStreamed);
    return this.lastStreamed;
  }

  constructor() {
    this.rpc = this.connect();
  }
  private connect(): Rpc {
    const rpc = new Rpc(spawn(), (m) => {
      if (m.t === 'snapshot') this.pub.push(this.withHistory(m.snap, m.delta));
      else if (m.t === 'paused') for (const cb of this.pauseSubs) cb(m.reason);
      else if (m.t === 'error') for (const cb of this.errorSubs) cb(m.message);
    });
    if (this.options) rpc.send({ t: 'options', options: this.options });
    return rpc;
  }
  onError(cb: (m: string) => void): () => void {
    this.errorSubs.add(cb);
    return () => this.errorSubs.delete(cb);
  }
  async load(req: LoadRequest): Promise<LoadOutcome> {
    if (this.rpc.broken) {
      // The way out after a worker failure: a fresh worker for the game being loaded.
      this.rpc.worker.terminate();
      this.rpc = this.connect();
    }
    const r = await this.rpc.call<LoadOutcome>({ t: 'load', req });
    // Snapshots of the replaced game that arrived before the reply must not overwrite the new one.
    if (r.ok) this.pub.drop();
    return r;
  }
  simulateEngineError(kind: 'step' | 'worker' = 'step'): void {
    this.rpc.send(kind === 'worker' ? { t: 'crashWorker' } : { t: 'failNextStep' });
  }
  preview(cmd: Command | unknown): Promise<CommandResult> {
    return whenStopped(this.rpc.call<CommandResult>({ t: 'preview', cmd: cmd as Command }), STOPPED);
  }
  issue(cmd: Command | unknown): Promise<CommandResult> {
    return whenStopped(this.rpc.call<CommandResult>({ t: 'issue', cmd: cmd as Command }), STOPPED);
  }
  cancel(index: number): Promise<boolean> {
    return whenStopped(this.rpc.call<boolean>({ t: 'cancel', index }), false);
  }
  async step(weeks: number): Promise<Snapshot> {
    const s = await this.rpc.call<Snapshot>({ t: 'step', weeks });
    this.pub.flush(s);
    return s;
  }
  setSpeed(s: Speed): void {
    this.rpc.send({ t: 'speed', speed: s });
  }
  setOptions(o: HostOptions): void {
    this.options = { ...o };
    this.rpc.send({ t: 'options', options: o });
  }
  stateHash(): Promise<string> {
    return this.rpc.call<string>({ t: 'hash' });
  }
  saveData(): Promise<SaveCore | null> {
    return whenStopped(this.rpc.call<SaveCore | null>({ t: 'save' }), null);
  }
  snapshotNow(): Promise<Snapshot | null> {
    return whenStopped(this.rpc.call<Snapshot | null>({ t: 'snap' }), null);
  }
  onSnapshot(cb: (s: Snapshot) => void): () => void {
    return this.pub.subscribe(cb);
  }
  onAutoPause(cb: (r: PauseReason) => void): () => void {
    this.pauseSubs.add(cb);
    return () => this.pauseSubs.delete(cb);
  }
  async benchmark(scenario: Scenario, seed: number, strategies: StrategyId[], onProgress?: (done: number) => void): Promise<BenchResult[]> {
    // A separate worker, so the player's game stays responsive while the autopilots play.
    const rpc = new Rpc(spawn(), () => {});
    try {
      return await rpc.call<BenchResult[]>({ t: 'bench', scenario, seed, strategies }, onProgress);
    } finally {
      rpc.worker.terminate();
    }
  }
  replayRuns(runs: RunRequest[], onProgress?: (done: number) => void): Promise<RunSummary[]> {
    // The game's own worker: the debrief's game is over, and the page's thread stays free.
    if (this.rpc.broken) { this.rpc.worker.terminate(); this.rpc = this.connect(); }
    return this.rpc.call<RunSummary[]>({ t: 'runs', runs }, onProgress);
  }
  openResults(texts: string[], replay: boolean, onProgress?: (done: number) => void): Promise<OpenedResult[]> {
    if (this.rpc.broken) { this.rpc.worker.terminate(); this.rpc = this.connect(); }
    return this.rpc.call<OpenedResult[]>({ t: 'results', texts, replay }, onProgress);
  }
  dispose(): void {
    this.rpc.worker.terminate();
  }
}
