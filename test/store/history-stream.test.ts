/**
 * Streaming history fields as deltas (src/store/protocol.ts): over a whole game, week by week, the
 * page's rebuilt snapshot equals the worker's full one — including weeks where old closed requests
 * leave the kept window — while each message carries only the new entries; a new game or a
 * page with nothing held gets everything; a key the page does not hold is an error, never a gap.
 */
import { describe, it, expect } from 'vitest';
import { SimCore } from '../../src/store/sim.ts';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import { packHistory, unpackHistory, HISTORY_FIELDS, type HistoryKeys } from '../../src/store/protocol.ts';
import type { Snapshot } from '../../src/store/snapshot.ts';

function game(seed: number, strategy?: 'leveraged'): SimCore {
  const r = loadBundledScenario('default');
  if (!r.ok) throw new Error('default scenario invalid');
  const core = new SimCore();
  core.start({ scenario: r.scenario, seed, ...(strategy ? { strategy } : {}) });
  return core;
}

describe('history fields streamed as deltas', () => {
  it('the page rebuilds every week of a game exactly, from messages that hold only the new entries', () => {
    // No autopilot: the player bids on nothing, so old closed requests leave the kept window.
    const core = game(1);
    let held: HistoryKeys | null = null;
    let page: Snapshot | null = null;
    let sentEntries = 0;
    let fullEntries = 0;
    let dropped = 0;
    for (let week = 0; week < 160; week++) {
      core.stepWeeks(1);
      const full = core.snapshot()!;
      const before = held?.closedRfps ?? [];
      const packed = packHistory(full, held);
      // What crosses to the page is a structured clone: nothing shared with the worker's objects.
      const wire = structuredClone({ snap: packed.snap, delta: packed.delta });
      page = unpackHistory(wire.snap, wire.delta, page);
      held = packed.keys;
      expect(page).toEqual(full);
      for (const f of HISTORY_FIELDS) { sentEntries += (packed.snap[f] as unknown[]).length; fullEntries += (full[f] as unknown[]).length; }
      dropped += before.filter((k) => !held!.closedRfps.includes(k)).length;
    }
    expect(dropped, 'closed requests left the kept window during the game').toBeGreaterThan(0);
    expect(sentEntries * 20, `entries sent ${sentEntries} of ${fullEntries}`).toBeLessThan(fullEntries);
  });

  it('with nothing held (a new game) every field is sent whole and no delta is named', () => {
    const core = game(2, 'leveraged');
    core.stepWeeks(30);
    const full = core.snapshot()!;
    const packed = packHistory(full, null);
    expect(packed.delta).toEqual({});
    expect(unpackHistory(packed.snap, packed.delta, null)).toEqual(full);
  });

  it('a key the page does not hold is refused, not left as a gap', () => {
    const core = game(3, 'leveraged');
    core.stepWeeks(40);
    const full = core.snapshot()!;
    const keys = packHistory(full, null).keys;
    core.stepWeeks(1);
    const next = core.snapshot()!;
    const packed = packHistory(next, keys);
    expect(Object.keys(packed.delta).length).toBeGreaterThan(0);
    // The page lost its copy (e.g. a different game's snapshot): rebuilding must fail loudly.
    expect(() => unpackHistory(structuredClone(packed.snap), packed.delta, { ...full, closedRfps: [], quarters: [], marketQuarters: [] })).toThrow(/neither held nor sent/);
  });
});
