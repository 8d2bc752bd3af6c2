/**
 * The engine's public surface, used by the CLI, the browser host (main thread or Web Worker) and tests.
 */
import type { Scenario } from '../scenario/schema/index.ts';
import type { Command, CommandResult } from './commands/types.ts';
import type { World, StrategyId } from './types.ts';
import { createWorld as create, type WorldOptions } from './create.ts';
import { step as stepOnce, isOver } from './step.ts';
import { runCommand } from './commands/apply.ts';
import { hashState } from './hash.ts';

export type { World, StrategyId, Command, CommandResult, WorldOptions };
export { isOver };
export { evaluateObjectives, score } from './objectives.ts';

export function createWorld(scenario: Scenario, opts: WorldOptions = {}): World {
  return create(scenario, opts);
}

/** Advance one week (applies queued player commands first). */
export function step(world: World): void {
  stepOnce(world);
}

/** Advance up to `weeks` weeks, stopping early if the game ends. Returns weeks run. */
export function runWeeks(world: World, weeks: number): number {
  let n = 0;
  while (n < weeks && !isOver(world)) { stepOnce(world); n++; }
  return n;
}

/** What a command would do for the player now, without changing anything. */
export function previewCommand(world: World, cmd: Command | unknown): CommandResult {
  return runCommand(world, 0, cmd, false);
}

/**
 * Withdraw a queued player command (`index` in `world.pending`) before its week is played. Issuing
 * only queues, so the world is left exactly as if the command had never been issued. False when
 * there is no such command.
 */
export function cancelPending(world: World, index: number): boolean {
  if (!Number.isInteger(index) || index < 0 || index >= world.pending.length) return false;
  world.pending.splice(index, 1);
  return true;
}

/** Preview and, when it would succeed, queue the command for the next tick. */
export function issueCommand(world: World, cmd: Command | unknown): CommandResult {
  const r = runCommand(world, 0, cmd, false);
  if (r.ok) world.pending.push(cmd as Command);
  return r;
}

export function stateHash(world: World): string {
  return hashState(world as unknown as { scenario: { id: string } } & Record<string, unknown>);
}

/** One player command as a save or an action file records it: issued while `world.week === week`. */
export interface LoggedCommand { week: number; command: Command }

/**
 * The one replay: queue each logged command in its week and step, until `toWeek` (or the game
 * ends). The commands logged for the week it stops in are queued but not yet played, exactly as a
 * paused game holds them, so a save made mid-week replays to the same state and hash. The log must
 * be in week order with whole weeks ≥ 0 (`parseCommandLog` checks files; the store and the CLI use
 * it before calling this). `afterStep` runs after each week (a host's per-week bookkeeping).
 */
export function replayInto(world: World, log: readonly LoggedCommand[], toWeek: number, afterStep?: (world: World) => void): void {
  let i = 0;
  while (i < log.length && log[i]!.week < world.week) i++; // already played (a world past week 0)
  for (;;) {
    if (isOver(world)) return;
    while (i < log.length && log[i]!.week === world.week) world.pending.push({ ...log[i++]!.command }); // commands are flat: a copy per game
    if (world.week >= toWeek) return;
    stepOnce(world);
    afterStep?.(world);
  }
}

/** Rebuild a game from scenario + seed + strategy + the command log (what a save holds). */
export function replay(scenario: Scenario, opts: WorldOptions, log: readonly LoggedCommand[], weeks: number): World {
  const world = create(scenario, opts);
  replayInto(world, log, weeks);
  return world;
}

/**
 * The player's command log, derived from the world (the one log): every command played so far
 * (`world.commandLog`, refused ones included — a refusal at the tick is news, and replaying it is
 * refused again identically) and the ones queued for this week.
 */
export function playerLog(world: World): LoggedCommand[] {
  const out: LoggedCommand[] = world.commandLog.map((r) => ({ week: r.week, command: r.command }));
  for (const c of world.pending) out.push({ week: world.week, command: c });
  return out;
}
