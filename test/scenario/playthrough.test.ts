/**
 * Every bundled scenario runs to the end with every built-in strategy and produces no NaN; and its
 * objectives are a real choice for a player: some strategy a player can pick and would call
 * reasonable (the leveraged or the prudent autopilot — not a rival-only archetype such as `energy`)
 * meets every objective on some seed, and one of those same reasonable strategies misses one on some
 * seed (losing only by doing nothing, `idle`, proves nothing). Seeds: the scenario's default seed and
 * the nine after it (`SEEDS_PER_STRATEGY`).
 *
 * The objectives are re-tuned to the current engine by the scenario owners (issue 9 item 8). A
 * scenario whose objectives do not yet pass the rule is listed in AWAITING_RETUNE with what fails;
 * its check is `it.fails`, so once the objectives are fixed the test fails until the entry is removed.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/scenario/bundled.ts';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import { createWorld, runWeeks, isOver, evaluateObjectives } from '../../src/engine/api.ts';
import { STRATEGIES } from '../../src/engine/strategies/archetypes.ts';
import type { StrategyId, World } from '../../src/engine/types.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import { nonFinite } from './nonFinite.ts';

const strategies = Object.keys(STRATEGIES) as StrategyId[];
/** Strategies a player can pick and a teacher would call reasonable. */
const REASONABLE = ['leveraged', 'prudent'] as const satisfies readonly StrategyId[];
/**
 * Seeds per reasonable strategy, from the scenario's default seed on. Three were too few to tell
 * "winnable" from luck: east-data-west-compute's prudent autopilot wins 9 of seeds 2022–2041 (its
 * revenue target sits at prudent's median) but lost all three of 2022–2024 (4 Dec); a scenario whose
 * reasonable strategies win about half the time loses ten runs in a row about once in a thousand.
 * Five were too few to tell "losable" from luck: ai-winter's leveraged autopilot fails in 15–20% of
 * seeds 1–100 (prudent never) and won all five of 1973–1977 once RFPs for inference asked for the
 * cheapest generation (5 Dec); of 1973–1992 it lost 5 then, 12 the day before.
 */
const SEEDS_PER_STRATEGY = 10;

/** Scenarios whose objectives fail the rule on the current engine, and why (none since the re-tune of 2026-12-02). */
const AWAITING_RETUNE: Record<string, string> = {};

const worlds = new Map<string, World>();
function played(id: string, sc: Scenario, strategy: StrategyId, seed: number): World {
  const k = `${id}|${strategy}|${seed}`;
  let w = worlds.get(k);
  if (!w) {
    w = createWorld(sc, { strategy, seed });
    runWeeks(w, sc.calendar.lengthWeeks + 1);
    worlds.set(k, w);
  }
  return w;
}
const wins = (w: World) => (evaluateObjectives(w) as { met: boolean }[]).every((o) => o.met);

describe('bundled scenarios play through', () => {
  for (const id of Object.keys(bundledScenarios)) {
    const r = loadBundledScenario(id);
    if (!r.ok) throw new Error(`${id} invalid`);
    const sc = r.scenario;
    it(`${id}: runs to the end with every strategy, no NaN`, () => {
      for (const strategy of strategies) {
        const world = played(id, sc, strategy, sc.defaultSeed);
        expect(isOver(world), `${id}/${strategy} did not finish`).toBe(true);
        expect(nonFinite(world), `${id}/${strategy}`).toEqual([]);
      }
    });
    const check = AWAITING_RETUNE[id] ? it.fails : it;
    check(`${id}: winnable by leveraged or prudent, and losable by one of them${AWAITING_RETUNE[id] ? ` (awaiting re-tune: ${AWAITING_RETUNE[id]})` : ''}`, () => {
      const outcomes: string[] = [];
      let won = 0, lost = 0;
      for (const strategy of REASONABLE) {
        for (let seed = sc.defaultSeed; seed < sc.defaultSeed + SEEDS_PER_STRATEGY; seed++) {
          const w = wins(played(id, sc, strategy, seed));
          outcomes.push(`${strategy}/${seed}: ${w ? 'won' : 'lost'}`);
          if (w) won++;
          else lost++;
        }
      }
      expect(won, `${id}: no reasonable strategy wins (${outcomes.join(', ')})`).toBeGreaterThan(0);
      expect(lost, `${id}: no reasonable strategy loses (${outcomes.join(', ')})`).toBeGreaterThan(0);
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
