/**
 * Where a contract's delivery stands (`deliveryStatus`, shown in the Customers tab): at week 0 the
 * opening contracts (those signed before the game began too) have not had a week played, so
 * nothing has been measured — not "short".
 */
import { describe, expect, it } from 'vitest';
import { createWorld, step } from '../../src/engine/api.ts';
import { deliveryStatus } from '../../src/engine/contracts.ts';
import { makeSnapshot } from '../../src/store/snapshot.ts';
import { defaultScenario } from './helpers.ts';

const extras = { objectives: [], score: 0, seq: 1, speed: 0 as const, paused: true, pauseReason: null, weeklyChangeUsd: 0, commandCount: 0, engineError: null };

describe('contract delivery status', () => {
  it('week 0: the opening contracts are not yet measured; a week later they are full or short', () => {
    const w = createWorld(defaultScenario(), { seed: 1 });
    const at0 = makeSnapshot(w, extras).player.contracts;
    expect(at0.length).toBeGreaterThan(0);
    for (const c of at0) expect(c.delivery).toBe(c.startWeek > 0 ? 'notStarted' : 'notMeasured');
    step(w);
    const at1 = makeSnapshot(w, extras).player.contracts.filter((c) => c.startWeek === 0);
    for (const c of at1) expect(c.delivery).toBe(c.deliveredGpus < c.gpuCount ? 'short' : 'full');
  });

  it('before, in and after the start week', () => {
    const c = { startWeek: 10, gpuCount: 100, deliveredGpus: 0 };
    expect(deliveryStatus(c, 9)).toBe('notStarted');
    expect(deliveryStatus(c, 10)).toBe('notMeasured');
    expect(deliveryStatus(c, 11)).toBe('short');
    expect(deliveryStatus({ ...c, deliveredGpus: 100 }, 11)).toBe('full');
  });

  it('a contract signed before the game began is not measured at week 0, only after it', () => {
    const c = { startWeek: -27, gpuCount: 3000, deliveredGpus: 0 };
    expect(deliveryStatus(c, 0)).toBe('notMeasured');
    expect(deliveryStatus(c, 1)).toBe('short');
  });
});
