import { describe, expect, it } from 'vitest';
import { createWorld, step } from '../../src/engine/api.ts';
import { privateRoundPriceUsd } from '../../src/engine/finance/valuation.ts';
import { smallScenario } from './helpers.ts';

describe('private valuation mark', () => {
  it('a private company is marked to the round price every week, so its valuation follows the business', () => {
    const world = createWorld(smallScenario(), { seed: 5, strategy: 'leveraged' });
    const player = world.companies[0]!;
    const marks: number[] = [];
    while (world.week < 52 * 3) {
      step(world);
      if (!player.listed && player.status === 'active') {
        if (world.week % 13 === 0) {
          // A quarter just closed: its report carries the mark of the closing week.
          expect(player.quarters.at(-1)!.equityValueUsd).toBe(player.lastValuationUsd);
        } else {
          // The mark was taken inside the week; the week counter has moved on since, so allow a little drift.
          const now = privateRoundPriceUsd(world, player) * player.sharesOutstanding;
          expect(Math.abs(player.lastValuationUsd / now - 1)).toBeLessThan(0.1);
        }
        marks.push(player.lastValuationUsd);
      }
    }
    expect(marks.length).toBeGreaterThan(26);
    // It moves: not stuck at the starting $600M.
    expect(new Set(marks.map((m) => Math.round(m / 1e6))).size).toBeGreaterThan(3);
  });
});

describe('run-rate and hyperscaler valuation', () => {
  it('run-rate revenue scales the weeks seen so far to a year (no false zero in the first quarter)', async () => {
    const { annualisedRevenueUsd } = await import('../../src/engine/metrics.ts');
    const world = createWorld(smallScenario(), { seed: 2 });
    const p = world.companies[0]!;
    expect(annualisedRevenueUsd(p)).toBe(0);
    step(world);
    expect(p.trailingWeeks).toBe(1);
    expect(annualisedRevenueUsd(p)).toBeCloseTo(p.trailingRevenueUsd[0]! * 52, 6);
    for (let i = 0; i < 20; i++) step(world);
    expect(p.trailingWeeks).toBe(13);
  });

  it("a hyperscaler's share price is mostly its other businesses: its GPU cloud moves it, it does not make it", () => {
    const world = createWorld(smallScenario(), { seed: 3 });
    const h = world.companies.find((c) => c.strategy === 'hyperscaler' && c.listed)!;
    expect(h.otherBusinessValueUsd).toBeGreaterThan(0);
    const start = h.sharePriceUsd!;
    let lo = start, hi = start;
    for (let i = 0; i < 52; i++) { step(world); lo = Math.min(lo, h.sharePriceUsd!); hi = Math.max(hi, h.sharePriceUsd!); }
    expect(hi / lo).toBeLessThan(2.5);
    expect(lo).toBeGreaterThan(start * 0.4);
  });
});
