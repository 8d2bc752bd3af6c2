import { describe, expect, it } from 'vitest';
import { createWorld, step } from '../../src/engine/api.ts';
import { privateRoundPriceUsd } from '../../src/engine/finance/valuation.ts';
import { smallScenario } from './helpers.ts';

describe('private valuation mark', () => {
  it('a private company is marked to the round price at every quarter close, so its valuation follows the business', () => {
    const world = createWorld(smallScenario(), { seed: 5, strategy: 'leveraged' });
    const player = world.companies[0]!;
    const marks: number[] = [];
    while (world.week < 52 * 3) {
      const closing = world.week % 13 === 12;
      step(world);
      if (closing && !player.listed && player.status === 'active') {
        // The mark was taken inside the closing week; the week counter has moved on since, so allow a little drift.
        const now = privateRoundPriceUsd(world, player) * player.sharesOutstanding;
        expect(Math.abs(player.lastValuationUsd / now - 1)).toBeLessThan(0.1);
        expect(player.quarters.at(-1)!.equityValueUsd).toBeGreaterThan(0);
        marks.push(player.lastValuationUsd);
      }
    }
    expect(marks.length).toBeGreaterThan(4);
    // It moves: not stuck at the starting $600M.
    expect(new Set(marks.map((m) => Math.round(m / 1e6))).size).toBeGreaterThan(3);
  });
});
