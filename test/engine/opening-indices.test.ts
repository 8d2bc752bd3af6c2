/**
 * Week 0's price of compute and H100 index come from the opening rents and fleets, as every later
 * week's do from the posted rents: not from the scenario's demand reference
 * (`market.demand.referenceUsdPerH100Hour`), which both read before (price-war-2025: an H100 index of
 * $2.50 beside H100s at $1.89; default: $4.70 H100s against a $2.50 market in the first week).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/engine/api.ts';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import { bundledScenarios } from '../../src/scenario/bundled.ts';

describe('opening indices', () => {
  for (const id of Object.keys(bundledScenarios)) {
    it(`${id}: week 0's compute index is the opening rents weighted by the GPUs held, per H100e; the H100 index is the H100's rent`, () => {
      const r = loadBundledScenario(id);
      if (!r.ok) throw new Error(`${id} does not load`);
      const w = createWorld(r.scenario, { seed: 1 });
      // Computed here from the scenario's own figures, not with the engine's helpers.
      let usd = 0, h100e = 0;
      for (const co of w.companies) {
        for (const l of co.lots) {
          const g = w.market.gens.find((x) => x.modelId === l.modelId)!;
          const m = r.scenario.gpus.find((x) => x.id === l.modelId)!;
          usd += l.count * g.indexUsdPerGpuHour;
          const inference = w.market.inferenceShare;
          h100e += l.count * (m.trainingPerfH100 * (1 - inference) + m.inferencePerfH100 * inference);
        }
      }
      expect(h100e).toBeGreaterThan(0);
      expect(w.market.computeIndexUsd).toBeCloseTo(usd / h100e, 9);
      const h100 = w.market.gens.find((g) => g.modelId === 'h100');
      if (h100) expect(w.market.h100IndexUsd).toBe(h100.indexUsdPerGpuHour);
    });
  }

  it('price-war-2025 opens at its own H100 rent, not the demand reference', () => {
    const r = loadBundledScenario('price-war-2025');
    if (!r.ok) throw new Error('price-war-2025 does not load');
    const w = createWorld(r.scenario, { seed: 1 });
    expect(r.scenario.market.demand.referenceUsdPerH100Hour).toBe(2.5);
    expect(w.market.h100IndexUsd).toBeCloseTo(1.89, 2);
    expect(w.market.computeIndexUsd).toBeLessThan(2.1);
  });
});
