/**
 * The engine host: one interface, two implementations (a Web Worker, and the main thread as a
 * fallback and for debugging). The UI only talks to this interface.
 */
import type { Command, CommandResult } from '../engine/commands/types.ts';
import type { StrategyId } from '../engine/types.ts';
import type { Scenario } from '../scenario/schema/index.ts';
import type { Snapshot, Speed, PauseReason } from './snapshot.ts';
import type { HostOptions, BenchResult, RunRequest, RunSummary, OpenedResult } from './sim.ts';
import type { LoggedCommand, SaveCore } from './saveFormat.ts';
import type { LoadRequest, LoadInfo, LoadProblem } from './load.ts';

export type { HostOptions, LoggedCommand, BenchResult, SaveCore, LoadRequest, LoadProblem, RunRequest, RunSummary, OpenedResult };

/** A load's outcome: the new game (already swapped in, paused) with its first snapshot, or why nothing changed. */
export type LoadOutcome = (Extract<LoadInfo, { ok: true }> & { snapshot: Snapshot }) | Extract<LoadInfo, { ok: false }>;

export interface EngineHost {
  readonly kind: 'worker' | 'inThread';
  /**
   * Start a new game or replay a save, all or nothing: it is checked and replayed off to the side
   * and swapped in only when everything succeeded (then paused); otherwise the running game is
   * untouched. The first snapshot is returned, not published.
   */
  load(req: LoadRequest): Promise<LoadOutcome>;
  /** What a command would do; malformed commands are refused with the path of the problem. */
  preview(cmd: Command | unknown): Promise<CommandResult>;
  /** Preview and, when valid, queue for the next tick (and log it). */
  issue(cmd: Command | unknown): Promise<CommandResult>;
  /** Withdraw a queued command (`index` in the snapshot's `queued`) before its week runs; false when there is none. */
  cancel(index: number): Promise<boolean>;
  /** Advance a paused game; resolves with the snapshot after the last week. */
  step(weeks: number): Promise<Snapshot>;
  setSpeed(s: Speed): void;
  setOptions(o: HostOptions): void;
  stateHash(): Promise<string>;
  saveData(): Promise<SaveCore | null>;
  /** A snapshot right now (not waiting for the next frame). */
  snapshotNow(): Promise<Snapshot | null>;
  /** Latest snapshots, each in a task of its own (coalesced: at most one per ~16 ms). */
  onSnapshot(cb: (s: Snapshot) => void): () => void;
  /** Stepping stopped by itself (major news, quarter close, game over). */
  onAutoPause(cb: (r: PauseReason) => void): () => void;
  /** The engine threw (the game is stopped; `snapshot.engineError` says so too). */
  onError(cb: (message: string) => void): () => void;
  /**
   * Test hook: 'step' makes the next simulated week throw; 'worker' makes an error escape the
   * worker itself (the host then replaces the worker at the next load).
   */
  simulateEngineError(kind?: 'step' | 'worker'): void;
  /** Play the scenario with built-in strategies (off the main thread when possible). */
  benchmark(scenario: Scenario, seed: number, strategies: StrategyId[], onProgress?: (done: number) => void): Promise<BenchResult[]>;
  /**
   * Replay whole runs from scenario + seed + command log (`runLog`: the what-if and the class
   * debrief), in the engine's worker when there is one; rejects with the reason for a bad log.
   */
  replayRuns(runs: RunRequest[], onProgress?: (done: number) => void): Promise<RunSummary[]>;
  /** Open result files for the class debrief (`openResults`: inputs, and the replayed run when `replay`), in the worker. */
  openResults(texts: string[], replay: boolean, onProgress?: (done: number) => void): Promise<OpenedResult[]>;
  dispose(): void;
}

/** Run `f` in a task of its own, soon (a MessageChannel message: no timer clamping, also in a hidden tab). */
export function inOwnTask(f: () => void): void {
  if (typeof MessageChannel !== 'function') { setTimeout(f, 0); return; }
  const ch = new MessageChannel();
  ch.port1.onmessage = () => { ch.port1.close(); f(); };
  ch.port2.postMessage(null);
}

/**
 * Coalesce snapshots: the newest one is delivered in a task of its own, never inside an animation
 * frame — the frame already draws the map, and the DOM update of a snapshot plus the map's drawing
 * in one task were the main thread's long tasks at 4× (issue 12 item 10). The worker posts at most
 * one snapshot per ~16 ms, so this is still at most one per frame.
 */
export class FramePublisher {
  private latest: Snapshot | null = null;
  private scheduled = false;
  private subs = new Set<(s: Snapshot) => void>();
  push(s: Snapshot): void {
    this.latest = s;
    if (this.scheduled) return;
    this.scheduled = true;
    inOwnTask(() => {
      this.scheduled = false;
      const s2 = this.latest;
      this.latest = null;
      if (s2) for (const cb of this.subs) cb(s2);
    });
  }
  /** Forget an undelivered snapshot (of a game a load just replaced): it must never reach the UI. */
  drop(): void {
    this.latest = null;
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
