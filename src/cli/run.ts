/**
 * Headless runs: the result object the `sim` command prints (a contract other tools rely on).
 */
import type { Scenario } from '../scenario/schema/index.ts';
import type { StrategyId, World } from '../engine/types.ts';
import type { QuarterReport, MarketQuarter } from '../engine/reports.ts';
import { createWorld, replayInto, stateHash, type LoggedCommand } from '../engine/api.ts';

export interface RunResult {
  scenarioId: string;
  seed: number;
  strategy: string;
  weeks: number;
  outcome: { status: World['status']; week: number; reason: string | null; stateHash: string };
  quarters: QuarterReport[];
  market: MarketQuarter[];
  rivals: { id: string; name: string; archetype: string; status: string; quarters: QuarterReport[] }[];
}

export interface RunOptions {
  seed?: number;
  /** The player's autopilot; null = none (the command log and any recorded history alone). */
  strategy: StrategyId | null;
  weeks?: number;
  depreciationYears?: 4 | 5 | 6;
  /** The player's commands, in week order (checked with parseCommandLog). */
  actions?: readonly LoggedCommand[];
}

export function runScenario(scenario: Scenario, o: RunOptions): { result: RunResult; world: World } {
  const world = createWorld(scenario, { seed: o.seed, strategy: o.strategy, depreciationYears: o.depreciationYears });
  const weeks = Math.min(o.weeks ?? scenario.calendar.lengthWeeks, scenario.calendar.lengthWeeks);
  replayInto(world, o.actions ?? [], weeks); // the engine's one replay
  return { result: runResultOf(scenario, world, o.strategy), world };
}

/** The runner's result object for a world already played (by `runScenario`, or by `sim --result`'s replay). */
export function runResultOf(scenario: Scenario, world: World, strategy: StrategyId | null): RunResult {
  return {
    scenarioId: scenario.id,
    seed: world.seed,
    strategy: strategy ?? 'none',
    weeks: world.week,
    outcome: { status: world.status, week: world.week, reason: world.statusReason, stateHash: stateHash(world) },
    quarters: world.companies[0]!.quarters,
    market: world.marketQuarters,
    rivals: world.companies.slice(1).map((c) => ({ id: c.id, name: c.name, archetype: c.strategy, status: c.status, quarters: c.quarters })),
  };
}
