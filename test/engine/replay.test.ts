/**
 * One replay, one log (fast-check): random valid command logs — checked by the one validator —
 * replayed twice give the same state hash; the engine host (SimCore) loading the same log gets
 * that hash too; the log the world keeps (`playerLog`) replays to the same game; every number in
 * the world stays finite.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { playerLog, replay, stateHash } from '../../src/engine/api.ts';
import { fullNonFinite } from '../../src/engine/finite.ts';
import { parseCommandLog } from '../../src/scenario/schema/commands.ts';
import { SimCore } from '../../src/store/sim.ts';
import { smallScenario } from './helpers.ts';

const scenario = smallScenario();
const models = scenario.gpus.map((g) => g.id);
const regions = scenario.regions.map((r) => r.id);
const usd = fc.double({ min: 5, max: 9.5, noNaN: true }).map((e) => Math.round(10 ** e));

/** Well-formed commands only (the game may still refuse them at their tick: that is news). */
const command = fc.oneof(
  fc.record({ type: fc.constantFrom('raiseEquity', 'ipo', 'followOn', 'issueConvertible', 'takeGpuLoan', 'drawFacility', 'issueBond', 'drawRevolver'), amountUsd: usd }),
  fc.record({ type: fc.constant('repayDebt'), debtId: fc.constantFrom('d1', 'd2', 'd3'), amountUsd: usd }),
  fc.record({ type: fc.constant('orderGpus'), modelId: fc.constantFrom(...models), count: fc.integer({ min: 1, max: 4000 }), vendorFinancing: fc.boolean() }, { requiredKeys: ['type', 'modelId', 'count'] }),
  fc.record({ type: fc.constant('sellGpus'), modelId: fc.constantFrom(...models), count: fc.integer({ min: 1, max: 500 }) }),
  fc.record({ type: fc.constant('setDepreciationLife'), years: fc.constantFrom(4, 5, 6) }),
  fc.record({ type: fc.constantFrom('leaseColo', 'buildCampus', 'buyPoweredSite'), regionId: fc.constantFrom(...regions), powerMw: fc.double({ min: 0.5, max: 60, noNaN: true }) }),
  fc.record({ type: fc.constant('bidRfp'), rfpId: fc.constantFrom('r1', 'r2', 'r5', 'r9'), usdPerGpuHour: fc.double({ min: 0.5, max: 6, noNaN: true }) }),
  fc.record({ type: fc.constant('setOnDemandPrice'), priceFactor: fc.double({ min: 0.2, max: 5, noNaN: true }) }),
  fc.record({ type: fc.constant('setPlatformSpend'), usdPerWeek: fc.integer({ min: 0, max: 3_000_000 }) }),
);
const log = fc.array(fc.tuple(fc.integer({ min: 0, max: 39 }), command), { maxLength: 25 })
  .map((xs) => xs.sort((a, b) => a[0] - b[0]).map(([week, c]) => ({ week, command: c })));

describe('one replay, one log', () => {
  it('random valid logs: replayed twice → the same hash; the engine host → the same hash; finite', () => {
    fc.assert(fc.property(log, fc.integer({ min: 0, max: 1000 }), (raw, seed) => {
      const parsed = parseCommandLog(raw, ['log']);
      expect(parsed.ok ? 'ok' : parsed).toBe('ok');
      if (!parsed.ok) return;
      const a = replay(scenario, { seed, strategy: null }, parsed.log, 40);
      const b = replay(scenario, { seed, strategy: null }, parsed.log, 40);
      expect(stateHash(b)).toBe(stateHash(a));
      expect(fullNonFinite(a)).toBeNull();
      // The world's own log (commands played + queued this week) replays to the same game.
      const again = replay(scenario, { seed }, playerLog(a), 40);
      expect(stateHash(again)).toBe(stateHash(a));
      // The browser's engine host loads the same log to the same state.
      const core = new SimCore();
      core.start({ scenario, seed, log: parsed.log, toWeek: 40 });
      expect(core.hash()).toBe(stateHash(a));
    }), { numRuns: 12, seed: 42 });
  });
});
