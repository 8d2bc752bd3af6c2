/**
 * EngineHost on the main thread (fallback when workers are unavailable, and for debugging with
 * `?host=main`). Same interface and same SimCore as the worker; the clock runs on
 * requestAnimationFrame and steps at most ~12 ms per frame.
 */
import type { EngineHost, SaveCore, StartParams, HostOptions, BenchResult } from './host.ts';
import { FramePublisher } from './host.ts';
import { SimCore, runStrategy } from './sim.ts';
import type { Snapshot, Speed, PauseReason } from './snapshot.ts';
import type { Command, CommandResult } from '../engine/commands/types.ts';
import type { StrategyId } from '../engine/types.ts';
import type { Scenario } from '../scenario/schema/index.ts';

export class InThreadHost implements EngineHost {
  readonly kind = 'inThread' as const;
  private core = new SimCore();
  private pub = new FramePublisher();
  private pauseSubs = new Set<(r: PauseReason) => void>();
  private raf = 0;
  private last = 0;

  constructor() {
    this.core.onAutoPause = (r) => { for (const cb of this.pauseSubs) cb(r); };
    const frame = (t: number) => {
      const dt = this.last ? t - this.last : 0;
      this.last = t;
      this.core.advance(dt, () => performance.now());
      if (this.core.takeDirty()) this.emit();
      this.raf = requestAnimationFrame(frame);
    };
    this.raf = requestAnimationFrame(frame);
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
  async start(p: StartParams): Promise<Snapshot> {
    this.core.start(p);
    this.core.takeDirty();
    const s = this.snap()!;
    this.pub.flush(s);
    return s;
  }
  async preview(cmd: Command): Promise<CommandResult> {
    return this.core.preview(cmd);
  }
  async issue(cmd: Command): Promise<CommandResult> {
    return this.core.issue(cmd);
  }
  async step(weeks: number): Promise<Snapshot> {
    this.core.stepWeeks(weeks);
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
  dispose(): void {
    cancelAnimationFrame(this.raf);
  }
}
