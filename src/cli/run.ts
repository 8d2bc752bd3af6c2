/**
 * Headless runs: the result object the `sim` command prints (a contract other tools rely on).
 */
import type { Scenario } from '../scenario/schema/index.ts';
import type { Command } from '../engine/commands/types.ts';
import type { StrategyId, World } from '../engine/types.ts';
import type { QuarterReport, MarketQuarter } from '../engine/reports.ts';
import { createWorld, isOver, stateHash, step } from '../engine/api.ts';

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
  strategy: StrategyId;
  weeks?: number;
  depreciationYears?: 4 | 5 | 6;
  actions?: { week: number; command: Command }[];
}

export function runScenario(scenario: Scenario, o: RunOptions): { result: RunResult; world: World } {
  const world = createWorld(scenario, { seed: o.seed, strategy: o.strategy, depreciationYears: o.depreciationYears });
  const weeks = Math.min(o.weeks ?? scenario.calendar.lengthWeeks, scenario.calendar.lengthWeeks);
  const actions = (o.actions ?? []).slice().sort((a, b) => a.week - b.week);
  let i = 0;
  while (world.week < weeks && !isOver(world)) {
    while (i < actions.length && actions[i]!.week <= world.week) world.pending.push(actions[i++]!.command);
    step(world);
  }
  const result: RunResult = {
    scenarioId: scenario.id,
    seed: world.seed,
    strategy: o.strategy,
    weeks: world.week,
    outcome: { status: world.status, week: world.week, reason: world.statusReason, stateHash: stateHash(world) },
    quarters: world.companies[0]!.quarters,
    market: world.marketQuarters,
    rivals: world.companies.slice(1).map((c) => ({ id: c.id, name: c.name, archetype: c.strategy, status: c.status, quarters: c.quarters })),
  };
  return { result, world };
}
