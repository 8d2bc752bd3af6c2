/**
 * What if (issue 11 item 6): the counterfactual is the engine's one replay on an edited log, so it
 * differs from the real run exactly by the edit — nothing removed or the same amount gives the same
 * state hash; one decision removed gives a run whose played log is the original minus that entry,
 * identical up to the week before it and different after; a changed amount is played as changed.
 */
import { describe, expect, it } from 'vitest';
import { replay, stateHash, type LoggedCommand } from '../../src/engine/api.ts';
import { editLog, amountOf, AMOUNT_FIELD } from '../../src/engine/counterfactual.ts';
import { COMMAND_TYPES } from '../../src/scenario/schema/commands.ts';
import { runLog } from '../../src/store/sim.ts';
import { smallScenario } from './helpers.ts';

const scenario = smallScenario();
const SEED = 11;
const WEEKS = 60;
const LOG: LoggedCommand[] = [
  { week: 0, command: { type: 'raiseEquity', amountUsd: 100e6 } },
  { week: 0, command: { type: 'leaseColo', regionId: 'us-texas', powerMw: 10 } },
  { week: 1, command: { type: 'orderGpus', modelId: 'h100', count: 1500 } },
  { week: 13, command: { type: 'setOnDemandPrice', priceFactor: 0.9 } },
  { week: 30, command: { type: 'takeGpuLoan', amountUsd: 50e6 } },
];
const run = (log: LoggedCommand[], toWeek = WEEKS) => runLog({ scenario, seed: SEED, log, toWeek });
const plain = (xs: { week: number; command: unknown }[]) => xs.map((x) => ({ week: x.week, command: x.command }));

describe('what if: counterfactual replay', () => {
  const real = run(LOG);

  it('the real run is the one replay (same hash as replay()), and every decision was accepted', () => {
    expect(real.hash).toBe(stateHash(replay(scenario, { seed: SEED }, LOG, WEEKS)));
    expect(real.played.map((p) => p.ok)).toEqual(LOG.map(() => true));
    expect(real.weekly.length).toBe(WEEKS + 1);
    expect(real.quarters.length).toBe(Math.floor(WEEKS / 13));
  });

  it('nothing removed, or an amount set to its own value → the same state hash', () => {
    expect(run(LOG.map((l) => ({ ...l }))).hash).toBe(real.hash);
    expect(run(editLog(LOG, { index: 2, kind: 'amount', value: 1500 })).hash).toBe(real.hash);
  });

  it('one decision removed → exactly that entry is missing; the same game until its week, a different one after', () => {
    const k = 3; // setOnDemandPrice in week 13
    const edited = editLog(LOG, { index: k, kind: 'remove' });
    expect(edited).toEqual(LOG.filter((_, i) => i !== k));
    const cf = run(edited);
    expect(plain(cf.played)).toEqual(plain(LOG.filter((_, i) => i !== k)));
    expect(cf.hash).not.toBe(real.hash);
    // Before the removed decision's week the two worlds are the same world.
    expect(run(edited, 12).hash).toBe(run(LOG, 12).hash);
    expect(cf.weekly.slice(0, 13)).toEqual(real.weekly.slice(0, 13));
    expect(cf.weekly.slice(14)).not.toEqual(real.weekly.slice(14));
  });

  it('a changed amount is played as changed: 500 GPUs instead of 1,500', () => {
    const cf = run(editLog(LOG, { index: 2, kind: 'amount', value: 500 }));
    expect(cf.played[2]!.command).toEqual({ type: 'orderGpus', modelId: 'h100', count: 500 });
    expect(plain(cf.played.filter((_, i) => i !== 2))).toEqual(plain(LOG.filter((_, i) => i !== 2)));
    const gpusAt = (r: typeof real) => r.weekly[WEEKS]!.gpusOwned;
    expect(gpusAt(real) - gpusAt(cf)).toBe(1000);
  });

  it('the edit never touches the original log; bad edits and malformed commands are refused with a reason', () => {
    const before = structuredClone(LOG);
    editLog(LOG, { index: 0, kind: 'amount', value: 1 });
    editLog(LOG, { index: 0, kind: 'remove' });
    expect(LOG).toEqual(before);
    expect(() => editLog(LOG, { index: 5, kind: 'remove' })).toThrow(RangeError);
    expect(() => editLog(LOG, { index: -1, kind: 'remove' })).toThrow(RangeError);
    expect(() => run(editLog(LOG, { index: 2, kind: 'amount', value: -5 }))).toThrow(/decision 3 \(week 1\): malformed command at "count"/);
  });

  it('every command type names its amount field, and that field is a number of the command', () => {
    expect(Object.keys(AMOUNT_FIELD).sort()).toEqual([...COMMAND_TYPES].sort());
    for (const l of LOG) expect(amountOf(l.command)?.value).toBe((l.command as unknown as Record<string, number>)[AMOUNT_FIELD[l.command.type]!]);
  });
});

describe('what if: the market the counterfactual meets', () => {
  // The sector's sentiment comes from the scenario's path, its noise and demand's corrections: none
  // of it depends on what the player does, so a what-if without a decision meets the same mood. Drawn
  // from the stream the share-price noise of each listed company also drew from, it shifted whenever
  // a company listed or failed a week earlier (default seed 4: 1.47 against 1.92 two years on, from an
  // order of 600 H100s), and the counterfactual's score moved with it.
  it('the sentiment path is the same week by week with and without a GPU order (two scenarios, five seeds, two years)', async () => {
    const { loadBundledScenario } = await import('../../src/scenario/load.ts');
    const { createWorld, step, issueCommand } = await import('../../src/engine/api.ts');
    for (const id of ['default', 'ai-winter']) {
      const r = loadBundledScenario(id);
      if (!r.ok) throw new Error(`${id} does not load`);
      for (const seed of [1, 2, 3, 4, 5]) {
        const paths = [true, false].map((order) => {
          const w = createWorld(r.scenario, { seed });
          expect(issueCommand(w, { type: 'raiseEquity', amountUsd: 100e6 }).ok).toBe(true);
          expect(issueCommand(w, { type: 'leaseColo', regionId: w.scenario.regions[0]!.id, powerMw: 5 }).ok).toBe(true);
          if (order) expect(issueCommand(w, { type: 'orderGpus', modelId: 'h100', count: 600 }).ok).toBe(true);
          const p: number[] = [];
          while (w.week < 104 && w.status === 'running') { step(w); p.push(w.market.sentiment); }
          return p;
        });
        expect(paths[0], `${id} seed ${seed}`).toEqual(paths[1]);
      }
    }
  });
});
