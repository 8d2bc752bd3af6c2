/**
 * Queued commands can be withdrawn until their week runs (issue 12 item 6): the engine host drops
 * the command and its log entry, so the game and its save are exactly those of a player who never
 * issued it; an index that is not queued is refused and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { SimCore } from '../../src/store/sim.ts';
import { smallScenario } from '../engine/helpers.ts';

const scenario = smallScenario();
const raise = { type: 'raiseEquity', amountUsd: 50_000_000 } as const;
const price = { type: 'setOnDemandPrice', priceFactor: 0.8 } as const;
const order = { type: 'orderGpus', modelId: scenario.gpus[0]!.id, count: 200 } as const;

describe('cancel a queued command', () => {
  it('withdrawing one leaves the same game and save as never issuing it; a wrong index changes nothing', () => {
    const a = new SimCore();
    a.start({ scenario, seed: 7 });
    expect(a.issue(raise).ok).toBe(true);
    a.stepWeeks(2);
    expect(a.issue(price).ok).toBe(true);
    expect(a.issue(order).ok).toBe(true);
    expect(a.snapshot()!.queued.map((c) => c.type)).toEqual(['setOnDemandPrice', 'orderGpus']);
    const before = a.hash();
    expect(a.cancel(2)).toBe(false);
    expect(a.cancel(-1)).toBe(false);
    expect(a.cancel(0.5)).toBe(false);
    expect(a.hash()).toBe(before);
    expect(a.cancel(0)).toBe(true);
    expect(a.snapshot()!.queued.map((c) => c.type)).toEqual(['orderGpus']);

    const b = new SimCore();
    b.start({ scenario, seed: 7 });
    b.issue(raise);
    b.stepWeeks(2);
    b.issue(order);
    expect(a.hash()).toBe(b.hash());
    expect(a.saveData()!.log).toEqual(b.saveData()!.log);
    expect(a.snapshot()!.commandCount).toBe(2);
    a.stepWeeks(3);
    b.stepWeeks(3);
    expect(a.hash()).toBe(b.hash());
    // Played already: nothing is queued any more, nothing to withdraw.
    expect(a.snapshot()!.queued).toEqual([]);
    expect(a.cancel(0)).toBe(false);
  });
});
