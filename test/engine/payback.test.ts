/**
 * Payback per MW (src/engine/payback.ts, fact 12): the quarter report's figures follow their
 * definition, and the same fleet at a lower rent takes more than proportionally longer to pay back
 * (cash costs per MW do not fall with the rent) — the sensitivity the fact names.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, runWeeks } from '../../src/engine/api.ts';
import { capexInUseUsd } from '../../src/engine/payback.ts';
import type { World } from '../../src/engine/types.ts';
import { defaultScenario, variant } from './helpers.ts';

/** Run to just before a quarter close, then close it. */
function toQuarterEnd(w: World, quarters: number): void {
  runWeeks(w, quarters * 13 - w.week);
}

describe('payback per MW', () => {
  it('quarter figures follow the definition (capex in use ÷ MW; payback = capex per MW ÷ site EBITDA per MW-year)', () => {
    const w = createWorld(defaultScenario(), { seed: 3, strategy: 'leveraged' });
    toQuarterEnd(w, 8);
    const p = w.companies[0]!;
    const q = p.quarters.at(-1)!;
    expect(q.label).toBe('2024Q4');
    expect(q.powerMwUsed).toBeGreaterThan(0);
    expect(q.capexPerMwUsd).toBeCloseTo(capexInUseUsd(p) / q.powerMwUsed, 0);
    expect(q.paybackYears).toBeCloseTo(q.capexPerMwUsd! / q.siteEbitdaPerMwYearUsd!, 9);
    // Site EBITDA is the quarter's gross profit, annualised, per average MW in use: within the
    // closing MW's ballpark (the fleet grows inside a quarter, so the average MW is smaller).
    const perClosingMw = (q.grossProfitUsd * 4) / q.powerMwUsed;
    expect(q.siteEbitdaPerMwYearUsd!).toBeGreaterThanOrEqual(perClosingMw * 0.999);
    expect(q.siteEbitdaPerMwYearUsd!).toBeLessThan(perClosingMw * 2);
    // An H100-class megawatt costs tens of millions (GPUs ≈ $50k installed, ≈ 700 per MW).
    expect(q.capexPerMwUsd!).toBeGreaterThan(15e6);
    expect(q.capexPerMwUsd!).toBeLessThan(80e6);
  });

  it('nothing in use: no figures (null, not NaN or 0)', () => {
    const w = createWorld(defaultScenario(), { seed: 3, strategy: 'idle' });
    const p = w.companies[0]!;
    for (const lot of p.lots) lot.installed = 0;
    p.sites = [];
    runWeeks(w, 13);
    const q = p.quarters.at(-1)!;
    expect(q.powerMwUsed).toBe(0);
    expect([q.capexPerMwUsd, q.siteEbitdaPerMwYearUsd, q.paybackYears]).toEqual([null, null, null]);
  });

  it('the same fleet at 20% lower contract rents pays back later by more than its revenue falls (fixed cash costs per MW)', () => {
    // One seed without mega-deals (a fixture); the same comparison over 20 seeds with them is fact 12 in test/market/facts.test.ts.
    const base = createWorld(variant((s) => { s.market.demand.megaDealsPerYear = 0; }), { seed: 5, strategy: 'leveraged' });
    toQuarterEnd(base, 8);
    // From here the player stops deciding, so both worlds keep the same fleet and contracts.
    base.companies[0]!.strategy = 'idle';
    const cheap = structuredClone(base);
    for (const c of cheap.companies[0]!.contracts) c.usdPerGpuHour *= 0.8;
    toQuarterEnd(base, 9);
    toQuarterEnd(cheap, 9);
    const a = base.companies[0]!.quarters.at(-1)!, b = cheap.companies[0]!.quarters.at(-1)!;
    expect(b.label).toBe('2025Q1');
    expect(b.capexPerMwUsd).toBeCloseTo(a.capexPerMwUsd!, -3);
    // Only the contracted part of revenue is cut: revenue falls by 20% × that share (14% on this
    // fixture, 5 Dec; 17% before RFPs for inference asked for the cheapest generation).
    const revenue = b.revenueUsd / a.revenueUsd;
    expect(revenue).toBeLessThan(0.9);
    // The cash costs per MW stay: EBITDA per MW falls by more than revenue, and payback lengthens by
    // more than revenue falls (1.24× against 1 / 0.86 = 1.17×). Costs that scaled with revenue would
    // move all three alike.
    expect(b.siteEbitdaPerMwYearUsd! / a.siteEbitdaPerMwYearUsd!).toBeLessThan(revenue - 0.03);
    expect(b.paybackYears! / a.paybackYears!).toBeGreaterThan(1 / revenue + 0.03);
  });
});
