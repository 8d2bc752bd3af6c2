/**
 * EngineHost on the main thread (fallback when workers are unavailable, and for debugging with
 * `?host=main`). Same interface and same SimCore as the worker; the clock runs on
 * requestAnimationFrame and steps at most ~12 ms per frame.
 */
// First: zod must be told not to try eval (CSP) before any schema module is evaluated.
import '../ui/zodJitless.ts';
import type { EngineHost, SaveCore, HostOptions, BenchResult, LoadRequest, LoadOutcome, RunRequest, RunSummary, OpenedResult } from './host.ts';
import { FramePublisher } from './host.ts';
import { SimCore, runStrategy, runLog, openResults } from './sim.ts';
import { prepareLoad } from './load.ts';
import type { Snapshot, Speed, PauseReason } from './snapshot.ts';
import type { Command, CommandResult } from '../engine/commands/types.ts';
import type { StrategyId } from '../engine/types.ts';
import type { Scenario } from '../scenario/schema/index.ts';

export class InThreadHost implements EngineHost {
  readonly kind = 'inThread' as const;
  private core: SimCore;
  private pub = new FramePublisher();
  private pauseSubs = new Set<(r: PauseReason) => void>();
  private errorSubs = new Set<(m: string) => void>();
  private options: HostOptions = { autoPauseOnMajorNews: true, autoPauseOnQuarter: true };
  private raf = 0;
  private last = 0;

  constructor() {
    this.core = this.adopt(new SimCore());
    const frame = (t: number) => {
      const dt = this.last ? t - this.last : 0;
      this.last = t;
      try {
        this.core.advance(dt, () => performance.now());
        if (this.core.takeDirty()) this.emit();
      } catch (e) {
        this.engineFailed(e);
      }
      this.raf = requestAnimationFrame(frame);
    };
    this.raf = requestAnimationFrame(frame);
  }
  private adopt(c: SimCore): SimCore {
    c.setOptions(this.options);
    c.onAutoPause = (r) => { for (const cb of this.pauseSubs) cb(r); };
    return c;
  }
  private engineFailed(e: unknown): string {
    const message = `The simulation stopped with an error: ${String((e as Error)?.message ?? e)}`;
    if (this.core.failure) return this.core.failure;
    this.core.fail(message);
    for (const cb of this.errorSubs) cb(message);
    return message;
  }
  private snap(): Snapshot | null {
    const s = this.core.snapshot();
    // The snapshot shares objects with the World; the UI store must never freeze or keep those.
    return s ? structuredClone(s) : null;
  }
  private emit(): void {
    const s = this.snap();
    if (s) this.pub.flush(s);
  }
  async load(req: LoadRequest): Promise<LoadOutcome> {
    // Same isolation as the worker: the request is a copy, the result a fresh core.
    const r = prepareLoad(structuredClone(req));
    if (!r.core) return r.info;
    const next = this.adopt(r.core);
    next.takeDirty();
    const snapshot = structuredClone(next.snapshot()!);
    this.core = next;
    this.pub.drop();
    return { ...r.info, snapshot };
  }
  simulateEngineError(kind: 'step' | 'worker' = 'step'): void {
    if (kind === 'worker') { this.engineFailed(new Error('simulated worker crash (test hook)')); return; }
    this.core.failOnNextStep();
  }
  async preview(cmd: Command | unknown): Promise<CommandResult> {
    return structuredClone(this.core.preview(structuredClone(cmd)));
  }
  async issue(cmd: Command | unknown): Promise<CommandResult> {
    return structuredClone(this.core.issue(structuredClone(cmd)));
  }
  async cancel(index: number): Promise<boolean> {
    return this.core.cancel(index);
  }
  async step(weeks: number): Promise<Snapshot> {
    try {
      this.core.stepWeeks(weeks);
    } catch (e) {
      throw new Error(this.engineFailed(e), { cause: e });
    }
    this.core.takeDirty();
    const s = this.snap()!;
    this.pub.flush(s);
    return s;
  }
  setSpeed(s: Speed): void {
    this.core.setSpeed(s);
    this.last = 0;
  }
  setOptions(o: HostOptions): void {
    this.options = { ...o };
    this.core.setOptions(o);
  }
  async stateHash(): Promise<string> {
    return this.core.hash();
  }
  async saveData(): Promise<SaveCore | null> {
    const d = this.core.saveData();
    return d ? structuredClone(d) : null;
  }
  async snapshotNow(): Promise<Snapshot | null> {
    return this.snap();
  }
  onSnapshot(cb: (s: Snapshot) => void): () => void {
    return this.pub.subscribe(cb);
  }
  onError(cb: (m: string) => void): () => void {
    this.errorSubs.add(cb);
    return () => this.errorSubs.delete(cb);
  }
  onAutoPause(cb: (r: PauseReason) => void): () => void {
    this.pauseSubs.add(cb);
    return () => this.pauseSubs.delete(cb);
  }
  async benchmark(scenario: Scenario, seed: number, strategies: StrategyId[], onProgress?: (done: number) => void): Promise<BenchResult[]> {
    const out: BenchResult[] = [];
    for (const s of strategies) {
      // Yield between strategies so the page can paint.
      await new Promise((r) => setTimeout(r, 0));
      out.push(structuredClone(runStrategy(scenario, seed, s)));
      onProgress?.(out.length);
    }
    return out;
  }
  async replayRuns(runs: RunRequest[], onProgress?: (done: number) => void): Promise<RunSummary[]> {
    const out: RunSummary[] = [];
    for (const r of structuredClone(runs)) {
      await new Promise((res) => setTimeout(res, 0)); // let the page paint between runs
      out.push(structuredClone(runLog(r)));
      onProgress?.(out.length);
    }
    return out;
  }
  async openResults(texts: string[], replay: boolean, onProgress?: (done: number) => void): Promise<OpenedResult[]> {
    await new Promise((res) => setTimeout(res, 0));
    return structuredClone(openResults(texts, replay, onProgress));
  }
  dispose(): void {
    cancelAnimationFrame(this.raf);
  }
}
