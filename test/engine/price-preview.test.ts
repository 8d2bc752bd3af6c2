/**
 * The on-demand price preview quotes the rent the player will actually post next week
 * (`postedRentUsd`: the factor × the market rent it follows, its own part left out, within the
 * ceiling), not the factor × the index or × the list rent.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, issueCommand, previewCommand, step } from '../../src/engine/api.ts';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import type { World } from '../../src/engine/types.ts';

function priceWar(): World {
  const r = loadBundledScenario('price-war-2025');
  if (!r.ok) throw new Error('price-war-2025 does not load');
  return createWorld(r.scenario, { seed: 1 });
}

function postedH100(w: World): number {
  return w.companies[0]!.last.odPostedUsdPerGpuHour['h100']!;
}

describe('on-demand price preview', () => {
  it('company-wide: the H100 rent quoted is the one posted the next week, after the player has offered GPUs', () => {
    const w = priceWar();
    issueCommand(w, { type: 'setOnDemandPrice', priceFactor: 0.9 });
    step(w); step(w); // the player has offered H100s: the rent it follows leaves its own part out
    const p = previewCommand(w, { type: 'setOnDemandPrice', priceFactor: 0.7 });
    if (!p.ok) throw new Error('the preview is refused');
    issueCommand(w, { type: 'setOnDemandPrice', priceFactor: 0.7 });
    step(w);
    expect(p.summary.params['h100']).toBeCloseTo(postedH100(w), 9);
  });

  it('one generation: the rent quoted is the one posted, within the ceiling', () => {
    const w = priceWar();
    step(w);
    const p = previewCommand(w, { type: 'setOnDemandPrice', priceFactor: 4, modelId: 'h100' });
    if (!p.ok) throw new Error('the preview is refused');
    issueCommand(w, { type: 'setOnDemandPrice', priceFactor: 4, modelId: 'h100' });
    step(w);
    expect(p.summary.params['price']).toBeCloseTo(postedH100(w), 9);
  });
});
