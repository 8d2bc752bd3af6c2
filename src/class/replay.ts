/**
 * The run behind a result file, replayed with the engine's one replay (`replayInto`): what the
 * student's browser does to write the file (`buildResult`) and what the verifier does to check it
 * (`verifyResultText`). One function, so the two can never disagree about what a checkpoint is.
 *
 * A checkpoint is the state hash after each quarter close: after the step that ends a quarter
 * (`world.week` a multiple of 13 after the step) and after the last step of a game that ends
 * (bankruptcy, or the scenario's end, which also closes a quarter early).
 */
import type { Scenario } from '../scenario/schema/index.ts';
import type { StrategyId, World } from '../engine/types.ts';
import { createWorld, replayInto, stateHash, isOver, type LoggedCommand } from '../engine/api.ts';

/** Weeks in a quarter: the engine closes one every 13th week (src/engine/step.ts). */
export const WEEKS_PER_QUARTER = 13;

/** What replays a run exactly: the same five inputs a save holds. */
export interface RunInputs {
  scenario: Scenario;
  /** World seed, whole, in [0, 2^32). */
  seed: number;
  /** The player's autopilot, or null when the player decided alone (the log is everything). */
  autopilot: StrategyId | null;
  depreciationYears: 4 | 5 | 6 | null;
  /** The player's commands, weeks in order (checked with `parseCommandLog`). */
  log: readonly LoggedCommand[];
  /** Replay up to this week (the week the run was handed in at); stops earlier if the game ends. */
  week: number;
}

/** State hash after a quarter close (or the game's end). */
export interface Checkpoint { week: number; hash: string }

export interface ReplayedRun {
  world: World;
  checkpoints: Checkpoint[];
  /** First week the player had a GPU order it did not start with (by hand or by autopilot); null if never. */
  firstGpuOrderWeek: number | null;
  /** True when `onCheckpoint` stopped the replay early. */
  stopped: boolean;
}

/**
 * Replay `run`. `onCheckpoint(cp, index)` runs at each checkpoint; returning false stops the
 * replay there (the verifier stops at the first hash that differs). Throws what the engine throws
 * (a NonFiniteError when a number goes non-finite); callers catch.
 */
export function replayRun(run: RunInputs, onCheckpoint?: (cp: Checkpoint, index: number) => boolean): ReplayedRun {
  const world = createWorld(run.scenario, { seed: run.seed, strategy: run.autopilot, depreciationYears: run.depreciationYears ?? undefined });
  const player = world.companies[0]!;
  const openingOrders = new Set(player.orders.map((o) => o.id));
  const checkpoints: Checkpoint[] = [];
  let firstGpuOrderWeek: number | null = null;
  try {
    replayInto(world, run.log, run.week, (w) => {
      if (firstGpuOrderWeek === null && player.orders.some((o) => !openingOrders.has(o.id))) firstGpuOrderWeek = w.week - 1; // ordered during the week just played
      if (w.week % WEEKS_PER_QUARTER !== 0 && !isOver(w)) return;
      const cp = { week: w.week, hash: stateHash(w) };
      checkpoints.push(cp);
      if (onCheckpoint && !onCheckpoint(cp, checkpoints.length - 1)) throw STOP;
    });
  } catch (e) {
    if (e !== STOP) throw e;
    return { world, checkpoints, firstGpuOrderWeek, stopped: true };
  }
  return { world, checkpoints, firstGpuOrderWeek, stopped: false };
}

/** Thrown from the per-week hook to leave the replay at a checkpoint (caught right above). */
class StopReplay extends Error {}
const STOP = new StopReplay('replay stopped at a checkpoint');
