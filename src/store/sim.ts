/**
 * The simulation core a host runs (inside the Web Worker, or on the main thread): it owns the
 * World, the fixed-timestep clock, the command log and the pause rules, and derives snapshots.
 * The engine itself runs unmodified: same scenario + seed + strategy + commands = same stateHash
 * as the command-line runner.
 */
import { createWorld, step, previewCommand, issueCommand, cancelPending, stateHash, isOver, evaluateObjectives, score, replayInto, playerLog } from '../engine/api.ts';
import type { World, StrategyId } from '../engine/types.ts';
import type { Command, CommandResult } from '../engine/commands/types.ts';
import type { Scenario } from '../scenario/schema/index.ts';
import type { QuarterReport } from '../engine/reports.ts';
import { makeSnapshot, CashHistory, type Snapshot, type Speed, type PauseReason } from './snapshot.ts';
import type { LoggedCommand, SaveCore } from './saveFormat.ts';
import { checkCommand } from './commandCheck.ts';
import { equityValueUsd } from '../engine/metrics.ts';
import { resultRunInputs, type ResultRun } from '../class/resultInputs.ts';
import { whyOne, type Why } from '../class/why.ts';
import { msgOf, type Msg } from '../engine/msg.ts';

export type { LoggedCommand };

export interface StartParams {
  scenario: Scenario;
  seed: number;
  strategy?: StrategyId | undefined;
  depreciationYears?: 4 | 5 | 6 | undefined;
  /** Replay: commands to re-issue, and the week to replay to (defaults to the last command's week). */
  log?: LoggedCommand[] | undefined;
  toWeek?: number | undefined;
}

export interface HostOptions {
  autoPauseOnMajorNews: boolean;
  autoPauseOnQuarter: boolean;
}

/** Weeks simulated per real second at each speed (1× = one week a second). */
export const WEEKS_PER_SECOND: Record<Speed, number> = { 0: 0, 1: 1, 2: 2, 4: 4 };
/** At most this long is spent stepping per clock callback, so a frame is never blocked. */
const MAX_STEP_MS_PER_CALL = 12;

export interface BenchResult {
  strategy: StrategyId;
  quarters: QuarterReport[];
  status: World['status'];
  statusReason: string | null;
  /** The player company was restructured (a default, though it went on). */
  restructured: boolean;
  weeks: number;
  hash: string;
  finalCashUsd: number;
  equityValueUsd: number;
  score: number;
  objectives: { label: { en: string; 'zh-CN'?: string | undefined }; met: boolean; detail: Msg }[];
}

/** Is `s` one of the speeds the clock knows (0, 1, 2, 4)? */
export function isSpeed(s: unknown): s is Speed {
  return typeof s === 'number' && Object.prototype.hasOwnProperty.call(WEEKS_PER_SECOND, s);
}

export class SimCore {
  world: World | null = null;
  /** Set when the engine threw: the world may be half-stepped, so nothing runs, issues or saves any more. */
  failure: string | null = null;
  /** Test hook: make the next step throw (to exercise the error path end to end). */
  private failNextStep = false;
  private params: StartParams | null = null;
  private log: LoggedCommand[] = [];
  private speed: Speed = 0;
  private paused = true;
  private pauseReason: PauseReason | null = { kind: 'user' };
  private acc = 0;
  private seq = 0;
  private dirty = true;
  private cash = new CashHistory();
  private options: HostOptions = { autoPauseOnMajorNews: true, autoPauseOnQuarter: true };
  /** Called when stepping stops by itself (auto-pause, end). */
  onAutoPause: ((r: PauseReason) => void) | null = null;

  start(p: StartParams): void {
    this.params = p;
    this.world = createWorld(p.scenario, { seed: p.seed, ...(p.strategy ? { strategy: p.strategy } : {}), ...(p.depreciationYears ? { depreciationYears: p.depreciationYears } : {}) });
    this.log = [];
    this.cash.reset();
    this.speed = 0;
    this.paused = true;
    this.pauseReason = { kind: 'user' };
    this.acc = 0;
    this.dirty = true;
    // The engine's one replay (src/engine/api.ts): each logged command queued in its week; the
    // commands of the week it stops in stay queued, as in the paused game that was saved.
    const log = (p.log ?? []).slice().sort((a, b) => a.week - b.week);
    const target = p.toWeek ?? log[log.length - 1]?.week ?? 0;
    replayInto(this.world, log, target, () => this.recordWeek());
    this.log = playerLog(this.world);
  }

  setOptions(o: HostOptions): void {
    this.options = { ...o };
  }

  setSpeed(s: Speed): void {
    if (!this.world || !isSpeed(s)) return;
    if (s === 0) {
      this.paused = true;
      this.pauseReason = { kind: 'user' };
    } else {
      if (isOver(this.world) || this.failure) return;
      this.speed = s;
      this.paused = false;
      this.pauseReason = null;
      this.acc = 0;
    }
    this.dirty = true;
  }

  /** Why a command cannot even be considered (no game, engine stopped, malformed), or null. */
  private refuseEarly(cmd: unknown): { refusal: CommandResult } | { command: Command } {
    if (!this.world) return { refusal: { ok: false, reason: msgOf('host.noGame') } };
    if (this.failure) return { refusal: { ok: false, reason: msgOf('host.engineStopped') } };
    const c = checkCommand(cmd);
    if (!c.ok) return { refusal: { ok: false, reason: c.path ? msgOf('host.malformedAt', { path: c.path, message: c.message }) : msgOf('host.malformed', { message: c.message }) } };
    return { command: c.command };
  }

  preview(cmd: unknown): CommandResult {
    const c = this.refuseEarly(cmd);
    if ('refusal' in c) return c.refusal;
    return previewCommand(this.world!, c.command);
  }

  /** Withdraw a queued command (`index` in the snapshot's `queued`) and its log entry, before its week runs. */
  cancel(index: number): boolean {
    if (!this.world || this.failure) return false;
    const queued = this.world.pending.length;
    // The log ends with this week's queued commands, in the order they were issued (issue and playerLog keep both in step).
    const at = this.log.length - queued + index;
    if (!cancelPending(this.world, index)) return false;
    if (at >= 0 && at < this.log.length && this.log[at]!.week === this.world.week) this.log.splice(at, 1);
    this.dirty = true;
    return true;
  }

  issue(cmd: unknown): CommandResult {
    const c = this.refuseEarly(cmd);
    if ('refusal' in c) return c.refusal;
    const r = issueCommand(this.world!, structuredClone(c.command));
    if (r.ok) {
      this.log.push({ week: this.world!.week, command: structuredClone(c.command) });
      this.dirty = true;
    }
    return r;
  }

  /** After each week (played or replayed): the cash history the snapshot shows. */
  private recordWeek(): void {
    this.dirty = true;
    const p = this.world!.companies[0]!;
    const lt = p.ledger.lifetime;
    // Cash change net of financing: what the business itself burns or earns.
    this.cash.push(p.ledger.balances.cash / 100, (lt.equityIssued + lt.debtDrawn - lt.debtRepaid - lt.equityFeesPaid) / 100);
  }

  /** One week; returns the pause reason if the rules say stop. */
  private stepOnce(applyRules: boolean): PauseReason | null {
    const w = this.world!;
    if (this.failNextStep) {
      this.failNextStep = false;
      throw new Error('simulated engine failure (test hook)');
    }
    const newsBefore = w.news.length;
    const qBefore = w.companies[0]!.quarters.length;
    step(w);
    this.recordWeek();
    const p = w.companies[0]!;
    if (isOver(w)) return { kind: 'over' };
    if (!applyRules) return null;
    if (this.options.autoPauseOnMajorNews) {
      for (let i = newsBefore; i < w.news.length; i++) {
        const n = w.news[i]!;
        if (n.major) return { kind: 'news', newsId: n.id };
      }
    }
    if (this.options.autoPauseOnQuarter && p.quarters.length > qBefore) {
      return { kind: 'quarter', label: p.quarters[p.quarters.length - 1]!.label };
    }
    return null;
  }

  /** Step a paused game by `weeks` (no auto-pause; stops at the end). */
  stepWeeks(weeks: number): void {
    if (!this.world || this.failure) return;
    for (let i = 0; i < weeks && !isOver(this.world); i++) this.stepOnce(false);
    if (isOver(this.world)) this.stop({ kind: 'over' });
  }

  private stop(r: PauseReason): void {
    this.paused = true;
    this.pauseReason = r;
    this.acc = 0;
    this.dirty = true;
    this.onAutoPause?.(r);
  }

  /** Fixed-timestep clock: advance by real elapsed milliseconds. Steps a bounded amount of work. */
  advance(elapsedMs: number, now: () => number): void {
    if (!this.world || this.paused || this.speed === 0 || this.failure) return;
    const weekMs = 1000 / WEEKS_PER_SECOND[this.speed];
    this.acc += Math.min(elapsedMs, 250);
    const t0 = now();
    while (this.acc >= weekMs) {
      this.acc -= weekMs;
      const r = this.stepOnce(true);
      if (r) {
        this.stop(r);
        return;
      }
      if (now() - t0 > MAX_STEP_MS_PER_CALL) {
        this.acc = Math.min(this.acc, weekMs);
        break;
      }
    }
  }

  /**
   * The engine threw: stop for good. The world may be half-stepped, so it is never stepped,
   * commanded or saved again; the player loads a save instead.
   */
  fail(message: string): void {
    this.failure = message;
    this.paused = true;
    this.speed = 0;
    this.pauseReason = { kind: 'user' };
    this.dirty = true;
  }

  /** Test hook behind `window.neocloud.simulateEngineError()`. */
  failOnNextStep(): void {
    this.failNextStep = true;
  }

  hash(): string {
    return this.world ? stateHash(this.world) : '';
  }

  get running(): boolean {
    return !!this.world && !this.paused && this.speed !== 0;
  }

  takeDirty(): boolean {
    const d = this.dirty;
    this.dirty = false;
    return d;
  }

  snapshot(): Snapshot | null {
    if (!this.world) return null;
    return makeSnapshot(this.world, {
      objectives: evaluateObjectives(this.world),
      score: score(this.world),
      seq: ++this.seq,
      speed: this.paused ? 0 : this.speed,
      paused: this.paused,
      pauseReason: this.pauseReason,
      weeklyChangeUsd: this.cash.weeklyChange(),
      commandCount: this.log.length,
      engineError: this.failure,
    });
  }

  /** What a save holds; null when there is no game or the engine failed (never save a broken world). */
  saveData(): SaveCore | null {
    if (!this.world || !this.params || this.failure) return null;
    return {
      scenario: this.params.scenario,
      seed: this.params.seed,
      strategy: this.params.strategy ?? null,
      depreciationYears: this.params.depreciationYears ?? null,
      week: this.world.week,
      log: this.log.map((l) => ({ week: l.week, command: l.command })),
    };
  }
}

/** Play a whole scenario with a built-in strategy (for the debrief's comparison). */
export function runStrategy(scenario: Scenario, seed: number, strategy: StrategyId, maxWeeks = Infinity): BenchResult {
  const w = createWorld(scenario, { seed, strategy });
  while (!isOver(w) && w.week < maxWeeks) step(w);
  const p = w.companies[0]!;
  const last = p.quarters[p.quarters.length - 1];
  return {
    strategy, quarters: p.quarters, status: w.status, statusReason: w.statusReason, restructured: p.restructured, weeks: w.week, hash: stateHash(w),
    finalCashUsd: p.ledger.balances.cash / 100, equityValueUsd: last?.equityValueUsd ?? p.lastValuationUsd,
    score: score(w), objectives: evaluateObjectives(w),
  };
}

/** One week of a replayed run, for charts and the week-by-week scrubber (figures after the week). */
export interface WeekPoint {
  week: number;
  cashUsd: number;
  debtUsd: number;
  /** Market cap if listed, else the private mark; 0 once bankrupt (metrics.equityValueUsd). */
  equityValueUsd: number;
  /** Share of installed GPUs rented, 0–1. */
  utilisation: number;
  gpusOwned: number;
}

/** A whole run replayed from scenario + seed + command log (the debrief's what-if, the class debrief). */
export interface RunSummary {
  quarters: QuarterReport[];
  weekly: WeekPoint[];
  status: World['status'];
  statusReason: string | null;
  weeks: number;
  hash: string;
  score: number;
  objectives: { label: { en: string; 'zh-CN'?: string | undefined }; met: boolean; detail: Msg }[];
  /** Every command played, in order, with the engine's answer at its tick (refused ones included). */
  played: { week: number; command: Command; ok: boolean; reason: Msg | null }[];
}

export interface RunRequest {
  scenario: Scenario;
  seed: number;
  strategy?: StrategyId | null | undefined;
  depreciationYears?: 4 | 5 | 6 | null | undefined;
  log: LoggedCommand[];
  /** Replay to this week, or to the scenario's end (or the game's) when omitted. */
  toWeek?: number | undefined;
}

/** A result file opened for the class debrief: its run's inputs and, when asked, the replayed run. */
/** A result file opened for the debrief; a failure carries its reason as an id (`why`, rendered in the page's language) and in English. */
export type OpenedResult = { ok: true; run: ResultRun; summary: RunSummary | null } | { ok: false; reason: string; why: Why };

/** Open result files (parse, resolve the scenario, replay when `replay`): one answer per text, never throws. */
export function openResults(texts: readonly string[], replay: boolean, onEach?: (done: number) => void): OpenedResult[] {
  return texts.map((text, i) => {
    const r = resultRunInputs(text);
    let out: OpenedResult;
    if (!r.ok) out = r;
    else {
      try {
        const { inputs } = r.run;
        out = { ok: true, run: r.run, summary: replay ? runLog({ scenario: inputs.scenario, seed: inputs.seed, strategy: inputs.autopilot, depreciationYears: inputs.depreciationYears, log: [...inputs.log], toWeek: inputs.week }) : null };
      } catch (e) {
        const why: Why = { id: 'internal', detail: String((e as Error)?.message ?? e) };
        out = { ok: false, reason: whyOne(why), why };
      }
    }
    onEach?.(i + 1);
    return out;
  });
}

/**
 * Replay a run with the engine's one replay (`replayInto`) and summarise it. Every command passes
 * the same check as a save's; the first malformed one is an error naming its place in the log.
 */
export function runLog(req: RunRequest): RunSummary {
  const log: LoggedCommand[] = [];
  for (let i = 0; i < req.log.length; i++) {
    const e = req.log[i]!;
    const c = checkCommand(e.command);
    if (!c.ok) throw new Error(`decision ${i + 1} (week ${e.week}): malformed command${c.path ? ` at "${c.path}"` : ''}: ${c.message}`);
    if (!Number.isInteger(e.week) || e.week < 0 || (i > 0 && e.week < req.log[i - 1]!.week)) throw new Error(`decision ${i + 1}: weeks must be whole, ≥ 0 and in order`);
    log.push({ week: e.week, command: c.command });
  }
  const w = createWorld(req.scenario, { seed: req.seed, ...(req.strategy ? { strategy: req.strategy } : {}), ...(req.depreciationYears ? { depreciationYears: req.depreciationYears } : {}) });
  const p = w.companies[0]!;
  const weekly: WeekPoint[] = [];
  const record = (): void => {
    let gpus = 0;
    for (const l of p.lots) gpus += l.count;
    weekly.push({ week: w.week, cashUsd: p.ledger.balances.cash / 100, debtUsd: p.ledger.balances.debt / 100, equityValueUsd: equityValueUsd(p), utilisation: p.last.utilization, gpusOwned: gpus });
  };
  record();
  replayInto(w, log, req.toWeek ?? w.lengthWeeks, record);
  return {
    quarters: p.quarters, weekly, status: w.status, statusReason: w.statusReason, weeks: w.week, hash: stateHash(w),
    score: score(w), objectives: evaluateObjectives(w),
    played: w.commandLog.map((r) => ({ week: r.week, command: r.command, ok: r.ok, reason: r.reason })),
  };
}
