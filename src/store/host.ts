/**
 * The engine host: one interface, two implementations (a Web Worker, and the main thread as a
 * fallback and for debugging). The UI only talks to this interface.
 */
import type { Command, CommandResult } from '../engine/commands/types.ts';
import type { StrategyId } from '../engine/types.ts';
import type { Scenario } from '../scenario/schema/index.ts';
import type { Snapshot, Speed, PauseReason } from './snapshot.ts';
import type { StartParams, HostOptions, LoggedCommand, BenchResult } from './sim.ts';

export type { StartParams, HostOptions, LoggedCommand, BenchResult };

export interface SaveCore {
  scenario: Scenario;
  seed: number;
  strategy: StrategyId | null;
  depreciationYears: 4 | 5 | 6 | null;
  week: number;
  log: LoggedCommand[];
}

export interface EngineHost {
  readonly kind: 'worker' | 'inThread';
  /** Start (or replay) a game. Resolves with the first snapshot; the game is paused. */
  start(p: StartParams): Promise<Snapshot>;
  preview(cmd: Command): Promise<CommandResult>;
  /** Preview and, when valid, queue for the next tick (and log it). */
  issue(cmd: Command): Promise<CommandResult>;
  /** Advance a paused game; resolves with the snapshot after the last week. */
  step(weeks: number): Promise<Snapshot>;
  setSpeed(s: Speed): void;
  setOptions(o: HostOptions): void;
  stateHash(): Promise<string>;
  saveData(): Promise<SaveCore | null>;
  /** A snapshot right now (not waiting for the next frame). */
  snapshotNow(): Promise<Snapshot | null>;
  /** Latest snapshots, delivered at most once per animation frame. */
  onSnapshot(cb: (s: Snapshot) => void): () => void;
  /** Stepping stopped by itself (major news, quarter close, game over). */
  onAutoPause(cb: (r: PauseReason) => void): () => void;
  /** Play the scenario with built-in strategies (off the main thread when possible). */
  benchmark(scenario: Scenario, seed: number, strategies: StrategyId[], onProgress?: (done: number) => void): Promise<BenchResult[]>;
  dispose(): void;
}

/** Coalesce snapshots to one per animation frame. */
export class FramePublisher {
  private latest: Snapshot | null = null;
  private scheduled = false;
  private subs = new Set<(s: Snapshot) => void>();
  push(s: Snapshot): void {
    this.latest = s;
    if (this.scheduled) return;
    this.scheduled = true;
    const raf = typeof requestAnimationFrame === 'function' && !document.hidden ? requestAnimationFrame : (f: () => void) => setTimeout(f, 16);
    raf(() => {
      this.scheduled = false;
      const s2 = this.latest;
      this.latest = null;
      if (s2) for (const cb of this.subs) cb(s2);
    });
  }
  /** Deliver immediately (after an explicit step or start). */
  flush(s: Snapshot): void {
    this.latest = null;
    for (const cb of this.subs) cb(s);
  }
  subscribe(cb: (s: Snapshot) => void): () => void {
    this.subs.add(cb);
    return () => this.subs.delete(cb);
  }
}
