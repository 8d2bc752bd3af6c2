/**
 * What a save file is: scenario + seed + autopilot + command log (+ versions and a label).
 * Constants and types only (no zod, no engine), so the main thread can build saves without
 * loading the validator. Checking an untrusted save is `saveCheck.ts` (run in the engine host).
 */
import type { Scenario } from '../scenario/schema/index.ts';
import type { StrategyId } from '../engine/types.ts';
import type { Command } from '../engine/commands/types.ts';

export const SAVE_FORMAT = 'neocloud-tycoon-save';
/** The newest save layout this game writes and reads. */
export const SAVE_VERSION = 1;
export const GAME_VERSION = '0.1.0';

/** One player command as the save file records it: issued while `world.week === week`. */
export interface LoggedCommand { week: number; command: Command }

/** What the engine host hands out for saving: enough to replay the game exactly. */
export interface SaveCore {
  scenario: Scenario;
  /** World seed: a whole number in [0, 2^32). */
  seed: number;
  /** The player's autopilot (a built-in strategy id), or null when the player decides alone. */
  strategy: StrategyId | null;
  depreciationYears: 4 | 5 | 6 | null;
  /** The week the save was taken at (the world's `week`). */
  week: number;
  /** Every accepted player command, weeks in order. */
  log: LoggedCommand[];
}

export interface SaveFile extends SaveCore {
  format: typeof SAVE_FORMAT;
  saveVersion: number;
  gameVersion: string;
  /** The name the player gave it ("autosave" for autosaves). */
  name: string;
  /** ISO time of saving (for the list only). */
  savedAt: string;
  /** `scenario.id`, repeated for the saves list. */
  scenarioId: string;
}

export function makeSaveFile(name: string, core: SaveCore, savedAt: string): SaveFile {
  return { format: SAVE_FORMAT, saveVersion: SAVE_VERSION, gameVersion: GAME_VERSION, name, savedAt, scenarioId: core.scenario.id, ...core };
}
