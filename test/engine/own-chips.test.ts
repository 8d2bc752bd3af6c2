/**
 * The hyperscalers' own chips (issue 9 item 6, `agents.hyperscaler.ownChips`, off in every bundled
 * scenario): part of their compute is their own silicon at a fraction of the vendor's price, so their
 * cloud — the customers' outside option — is cheaper, and the hyperscaler rival pays less per GPU it
 * adds. Off (share 0) changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { gpuUnitPriceUsd } from '../../src/engine/fleet.ts';
import { hyperscalerCapexFactor, hyperscalerUsdPerH100eHour, newCapacityCostUsdPerH100eHour } from '../../src/engine/market/rents.ts';
import { player, variant, world } from './helpers.ts';
import type { World } from '../../src/engine/types.ts';

const mega = (w: World) => w.companies.find((c) => c.strategy === 'hyperscaler')!;
const withChips = (share: number, capexShare = 0.6) => world(variant((s) => { s.agents.hyperscaler.ownChips = { shareOfNewCapacity: share, capexShareOfMerchant: capexShare }; }));

describe('the hyperscalers\u2019 own chips', () => {
  it('off by default: they pay the vendor\u2019s price like everyone', () => {
    const w = world();
    expect(hyperscalerCapexFactor(w)).toBe(1);
    expect(gpuUnitPriceUsd(w, mega(w), 'h100')).toBe(gpuUnitPriceUsd(w, player(w), 'h100'));
    expect(hyperscalerUsdPerH100eHour(w)).toBe(w.scenario.market.pricing.hyperscalerMarkupOverNewCapacity * newCapacityCostUsdPerH100eHour(w));
  });

  it('half their compute on chips at 60% of the price: the rival pays 80% per GPU, the player the full price', () => {
    const w = withChips(0.5);
    expect(hyperscalerCapexFactor(w)).toBeCloseTo(0.8, 12);
    const off = world();
    expect(gpuUnitPriceUsd(w, mega(w), 'h100') / gpuUnitPriceUsd(off, mega(off), 'h100')).toBeCloseTo(0.8, 12);
    expect(gpuUnitPriceUsd(w, player(w), 'h100')).toBe(gpuUnitPriceUsd(off, player(off), 'h100'));
  });

  it('their cloud is cheaper by the capex saved, not more: running costs are the same silicon-for-silicon', () => {
    const off = world(), on = withChips(1, 0.5);
    const full = newCapacityCostUsdPerH100eHour(off);
    const noCapex = newCapacityCostUsdPerH100eHour(off, 0);
    // Half the capex part is saved: the price falls by half of (full − running cost), times the markup.
    const markup = off.scenario.market.pricing.hyperscalerMarkupOverNewCapacity;
    expect(hyperscalerUsdPerH100eHour(on)).toBeCloseTo(markup * (noCapex + 0.5 * (full - noCapex)), 9);
    expect(hyperscalerUsdPerH100eHour(on)).toBeLessThan(hyperscalerUsdPerH100eHour(off));
    expect(hyperscalerUsdPerH100eHour(on)).toBeGreaterThan(markup * noCapex);
  });
});
