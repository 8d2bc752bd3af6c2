/**
 * Every bundled scenario runs to the end with every built-in strategy, produces no NaN, and can be
 * both won (some strategy meets every objective) and lost (some strategy misses one).
 * Thresholds in the scenarios were set against the engine as of its first commit; if the engine's
 * calibration moves, re-check the objectives with this test.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/scenario/bundled.ts';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import { createWorld, runWeeks, isOver, evaluateObjectives } from '../../src/engine/api.ts';
import { STRATEGIES } from '../../src/engine/strategies/archetypes.ts';
import type { StrategyId } from '../../src/engine/types.ts';
import { nonFinite } from './nonFinite.ts';

const strategies = Object.keys(STRATEGIES) as StrategyId[];

describe('bundled scenarios play through', () => {
  for (const id of Object.keys(bundledScenarios)) {
    it(`${id}: runs to the end with every strategy, winnable and losable`, () => {
      const r = loadBundledScenario(id);
      if (!r.ok) throw new Error(`${id} invalid`);
      const outcomes: Record<string, boolean[]> = {};
      for (const strategy of strategies) {
        const world = createWorld(r.scenario, { strategy, seed: r.scenario.defaultSeed });
        runWeeks(world, r.scenario.calendar.lengthWeeks + 1);
        expect(isOver(world), `${id}/${strategy} did not finish`).toBe(true);
        expect(nonFinite(world), `${id}/${strategy}`).toEqual([]);
        outcomes[strategy] = (evaluateObjectives(world) as { met: boolean }[]).map((o) => o.met);
      }
      const won = Object.entries(outcomes).filter(([, m]) => m.every(Boolean)).map(([s]) => s);
      const lost = Object.entries(outcomes).filter(([, m]) => !m.every(Boolean)).map(([s]) => s);
      expect(won, `${id}: no strategy wins ${JSON.stringify(outcomes)}`).not.toEqual([]);
      expect(lost, `${id}: no strategy loses ${JSON.stringify(outcomes)}`).not.toEqual([]);
    });
  }
});

describe('price-war-2025', () => {
  it('the H100 rent falls by at least 30% within the first year', () => {
    const r = loadBundledScenario('price-war-2025');
    if (!r.ok) throw new Error('invalid');
    const world = createWorld(r.scenario, { strategy: 'prudent', seed: r.scenario.defaultSeed });
    runWeeks(world, 1);
    const start = world.market.h100IndexUsd;
    let low = start;
    for (let w = 1; w < 53 && !isOver(world); w++) {
      runWeeks(world, 1);
      low = Math.min(low, world.market.h100IndexUsd);
    }
    expect(low / start).toBeLessThanOrEqual(0.7);
  });
});
