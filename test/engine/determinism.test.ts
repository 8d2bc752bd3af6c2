/**
 * Determinism: scenario + seed + command log → the same state hash, every time; a saved world
 * (structured clone, as sent to a Web Worker) continues exactly like the original.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, issueCommand, replay, runWeeks, stateHash, step } from '../../src/engine/api.ts';
import type { Command } from '../../src/engine/commands/types.ts';
import type { World } from '../../src/engine/types.ts';
import { runScenario } from '../../src/cli/run.ts';
import { player, smallScenario } from './helpers.ts';

const scenario = smallScenario((s) => { s.finance.ipoMinAnnualRevenueUsd = 60_000_000; s.finance.revolverMinRevenueUsd = 50_000_000; });

/** A human's game: valid and invalid commands at various weeks, some referring to live ids. */
function playHuman(seed: number, weeks: number): World {
  const w = createWorld(scenario, { seed });
  const plan: Record<number, ((w: World) => unknown)[]> = {
    0: [() => ({ type: 'raiseEquity', amountUsd: 40_000_000 }), () => ({ type: 'orderGpus', modelId: 'h100', count: 1500, vendorFinancing: true }), () => ({ type: 'leaseColo', regionId: 'us-texas', powerMw: 4 })],
    2: [() => ({ type: 'takeGpuLoan', amountUsd: 30_000_000 }), () => ({ type: 'drawFacility', amountUsd: 1e12 }), () => ({ type: 'nonsense' })],
    5: [() => ({ type: 'setOnDemandPrice', priceFactor: 1.3 }), () => ({ type: 'buildCampus', regionId: 'us-texas', powerMw: 20 })],
    9: [(x) => ({ type: 'bidRfp', rfpId: x.rfps[0]?.id ?? 'r0', usdPerGpuHour: 2.1 }), () => ({ type: 'setPlatformSpend', usdPerWeek: 400_000 })],
    14: [() => ({ type: 'ipo', amountUsd: 80_000_000 }), () => ({ type: 'drawRevolver', amountUsd: 20_000_000 })],
    20: [(x) => ({ type: 'repayDebt', debtId: player(x).debts[0]?.id ?? 'd0', amountUsd: 5_000_000 }), () => ({ type: 'setDepreciationLife', years: 4 })],
    30: [() => ({ type: 'sellGpus', modelId: 'a100', count: 500 }), () => ({ type: 'buyPoweredSite', regionId: 'us-texas', powerMw: 3 })],
  };
  while (w.week < weeks) {
    for (const make of plan[w.week] ?? []) issueCommand(w, make(w));
    step(w);
  }
  return w;
}

describe('determinism', () => {
  it('the same scenario, seed and commands give the same state hash', () => {
    const a = playHuman(11, 40), b = playHuman(11, 40);
    expect(a.commandLog.length).toBeGreaterThan(8);
    expect(a.commandLog.some((r) => r.ok)).toBe(true);
    expect(stateHash(a)).toBe(stateHash(b));
    expect(stateHash(playHuman(12, 40))).not.toBe(stateHash(a));
  });

  it('replay(scenario, seed, command log) rebuilds the game bit for bit', () => {
    const original = playHuman(5, 45);
    const log = original.commandLog.map((r) => ({ week: r.week, command: r.command as Command }));
    const again = replay(scenario, { seed: 5 }, log, 45);
    expect(again.week).toBe(45);
    expect(stateHash(again)).toBe(stateHash(original));
    expect(again.commandLog).toEqual(original.commandLog);
    // A different log is a different game.
    const other = replay(scenario, { seed: 5 }, log.slice(1), 45);
    expect(stateHash(other)).not.toBe(stateHash(original));
  });

  it('replay with an autopilot and no log equals the headless run', () => {
    const { result } = runScenario(scenario, { seed: 9, strategy: 'leveraged', weeks: 80 });
    const w = replay(scenario, { seed: 9, strategy: 'leveraged' }, [], 80);
    expect(stateHash(w)).toBe(result.outcome.stateHash);
  });

  it('a saved world (structured clone) continues exactly like the original: the PRNG state lives in the world', () => {
    const w = createWorld(scenario, { seed: 3, strategy: 'random' });
    runWeeks(w, 20);
    const saved = structuredClone(w);
    expect(stateHash(saved)).toBe(stateHash(w));
    runWeeks(w, 30); runWeeks(saved, 30);
    expect(stateHash(saved)).toBe(stateHash(w));
  });

  it('different seeds give different games; the hash sees a single cent', () => {
    const a = createWorld(scenario, { seed: 1 }), b = createWorld(scenario, { seed: 2 });
    runWeeks(a, 5); runWeeks(b, 5);
    expect(stateHash(a)).not.toBe(stateHash(b));
    const h = stateHash(a);
    player(a).ledger.balances.cash += 1;
    expect(stateHash(a)).not.toBe(h);
    player(a).ledger.balances.cash -= 1;
    expect(stateHash(a)).toBe(h);
  });
});
