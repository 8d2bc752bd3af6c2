/**
 * The autopilots a player may hand the company to: exactly the engine's built-in strategies
 * (never an inherited property name such as "constructor", never "player").
 */
import { STRATEGIES } from '../engine/strategies/archetypes.ts';
import type { StrategyId } from '../engine/types.ts';

export type AutopilotId = keyof typeof STRATEGIES;

export const AUTOPILOT_IDS: readonly AutopilotId[] = Object.keys(STRATEGIES).sort() as AutopilotId[];

export function isAutopilotId(x: unknown): x is AutopilotId & StrategyId {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(STRATEGIES, x);
}
