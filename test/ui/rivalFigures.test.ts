/**
 * The Market tab's rival figures: "Price ×" is what a rival charged on demand ÷ the index
 * (`rentOverIndex`), not its company-wide multiple, which stays 1.00× for a rival whose pricing desk
 * sets per-generation prices; a bankrupt rival's figures are not shown as current.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, step } from '../../src/engine/api.ts';
import { declareBankrupt } from '../../src/engine/operate.ts';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import { makeSnapshot } from '../../src/store/snapshot.ts';
import { rivalFigures } from '../../src/ui/panels/rivalFigures.ts';
import type { World } from '../../src/engine/types.ts';

const extras = { objectives: [], score: 0, seq: 1, speed: 0 as const, paused: true, pauseReason: null, weeklyChangeUsd: 0, commandCount: 0, engineError: null };

function priceWar(weeks: number): World {
  const r = loadBundledScenario('price-war-2025');
  if (!r.ok) throw new Error('price-war-2025 does not load');
  const w = createWorld(r.scenario, { seed: 1 });
  for (let i = 0; i < weeks; i++) step(w);
  return w;
}

describe('rival figures in the Market tab', () => {
  it('a rival with per-generation prices shows its posted rent ÷ the index, not 1.00×', () => {
    const w = priceWar(2);
    const rival = w.companies.find((c) => c.index > 0 && c.priceFactor === 1 && Object.keys(c.genPriceFactors).length > 0)!;
    expect(rival).toBeDefined();
    let n = 0, sum = 0;
    for (const g of w.market.gens) {
      const offered = rival.last.odOfferedGpus[g.modelId] ?? 0;
      const posted = rival.last.odPostedUsdPerGpuHour[g.modelId];
      if (offered > 0 && posted !== undefined) { n += offered; sum += offered * posted / g.indexUsdPerGpuHour; }
    }
    expect(Math.abs(sum / n - 1)).toBeGreaterThan(0.005);
    const view = makeSnapshot(w, extras).rivals.find((r) => r.index === rival.index)!;
    expect(rivalFigures(view).rentOverIndex).toBe(`${(sum / n).toFixed(2)}×`);
  });

  it('a bankrupt rival shows no current figures', () => {
    const w = priceWar(2);
    const rival = w.companies[1]!;
    declareBankrupt(w, rival, 'payment');
    const f = rivalFigures(makeSnapshot(w, extras).rivals.find((r) => r.index === rival.index)!);
    expect([f.gpus, f.utilization, f.debt, f.valuation, f.rentOverIndex]).toEqual(['—', '—', '—', '—', '—']);
    expect(f.perShare).toBeNull();
  });
});
