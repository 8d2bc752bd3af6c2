/**
 * Week 0's opening figures are the engine's own first tick, run on a copy: they equal what the world
 * shows after its first week, and the world they were computed from is left exactly as it was.
 */
import { describe, it, expect } from 'vitest';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import { createWorld, step, stateHash as hashState } from '../../src/engine/api.ts';
import { openingFigures } from '../../src/engine/opening.ts';
import { makeSnapshot } from '../../src/store/snapshot.ts';

const extras = { objectives: [], score: 0, seq: 1, speed: 0 as const, paused: true, pauseReason: null, weeklyChangeUsd: 0, commandCount: 0, engineError: null };

describe('opening figures (week 0)', () => {
  for (const id of ['default', 'power-crunch']) {
    it(`${id}: equal the first week's market and player figures, and change nothing`, () => {
      const r = loadBundledScenario(id);
      if (!r.ok) throw new Error(`${id} does not load`);
      const w = createWorld(r.scenario, { seed: 3 });
      const before = hashState(w);
      const o = openingFigures(w, structuredClone)!;
      expect(hashState(w)).toBe(before);
      // Not the placeholder a world holds before any trading: the reference rent at 0% utilisation.
      expect(o.marketUtilization).toBeGreaterThan(0);
      expect(o.playerPowerMwUsed).toBeGreaterThan(0);
      const snap = makeSnapshot(w, extras);
      expect(snap.market.opening).toBe(true);
      expect(snap.market.h100IndexUsd).toBe(o.h100IndexUsd);
      expect(snap.market.utilization).toBe(o.marketUtilization);
      expect(snap.player.last.powerMwUsed).toBe(o.playerPowerMwUsed);
      // The Market panel's figures at week 0: supply, installed GPUs, peaks and rivals' use are the first clearing's, not zeros.
      expect(snap.market.supplyH100e).toBe(o.supplyH100e);
      expect(o.supplyH100e).toBeGreaterThan(0);
      expect(snap.market.gens.filter((g) => g.released).every((g) => g.peakIndexUsdPerGpuHour > 0)).toBe(true);
      expect(snap.market.gens.reduce((a, g) => a + g.installedGpus, 0)).toBeGreaterThan(0);
      expect(snap.rivals.some((r) => r.utilization > 0)).toBe(true);
      expect(snap.advice.operatingUsdPerWeek).toBe(o.playerOperatingUsdPerWeek);
      // The advisor reads the opening week's MW in use: power left idle at week 0 is an alert then, as it is a week later.
      const idle0 = snap.advice.warnings.find((x) => x.id === 'alert.idlePower');
      step(w);
      const idle1 = makeSnapshot(w, extras).advice.warnings.find((x) => x.id === 'alert.idlePower');
      expect(idle0?.params.mw).toBe(idle1?.params.mw);
      if (id === 'default') expect(idle0).toBeDefined(); // 6 MW in Texas, 3.6 MW in use
      expect(w.market.demandH100e).toBe(o.demandH100e);
      expect(w.market.supplyH100e).toBe(o.supplyH100e);
      expect(w.market.gens.map((g) => [g.indexUsdPerGpuHour, g.peakIndexUsdPerGpuHour, g.installedGpus])).toEqual(o.gens.map((g) => [g.indexUsdPerGpuHour, g.peakIndexUsdPerGpuHour, g.installedGpus]));
      expect(w.companies.slice(1).map((c) => c.last.utilization)).toEqual(o.rivals.map((r) => r.utilization));
      expect(makeSnapshot(w, extras).advice.operatingUsdPerWeek).toBe(o.playerOperatingUsdPerWeek);
      expect(w.market.h100IndexUsd).toBe(o.h100IndexUsd);
      expect(w.market.utilization).toBe(o.marketUtilization);
      expect(w.market.sentiment).toBe(o.sentiment);
      expect(w.companies[0]!.last.powerMwUsed).toBe(o.playerPowerMwUsed);
      expect(w.companies[0]!.last.utilization).toBe(o.playerUtilization);
      expect(openingFigures(w, structuredClone)).toBeNull();
      expect(makeSnapshot(w, extras).market.opening).toBe(false);
    });
  }

  it('ignores the player\'s queued commands (the opening is the same whatever the player queues)', () => {
    const r = loadBundledScenario('default');
    if (!r.ok) throw new Error('default does not load');
    const a = createWorld(r.scenario, { seed: 5 });
    const b = createWorld(r.scenario, { seed: 5 });
    b.pending.push({ type: 'setOnDemandPrice', priceFactor: 0.5 });
    expect(openingFigures(b, structuredClone)).toEqual(openingFigures(a, structuredClone));
  });
});
