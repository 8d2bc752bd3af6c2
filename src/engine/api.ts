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

/** Preview and, when it would succeed, queue the command for the next tick. */
export function issueCommand(world: World, cmd: Command | unknown): CommandResult {
  const r = runCommand(world, 0, cmd, false);
  if (r.ok) world.pending.push(cmd as Command);
  return r;
}

export function stateHash(world: World): string {
  return hashState(world as unknown as { scenario: { id: string } } & Record<string, unknown>);
}

/** Rebuild a game from scenario + seed + strategy + the command log (what a save holds). */
export function replay(scenario: Scenario, opts: WorldOptions, log: { week: number; command: Command }[], weeks: number): World {
  const world = create(scenario, opts);
  let i = 0;
  while (world.week < weeks && !isOver(world)) {
    while (i < log.length && log[i]!.week === world.week) world.pending.push(log[i++]!.command);
    stepOnce(world);
  }
  return world;
}
