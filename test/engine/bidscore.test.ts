/**
 * The award records how it scored each bid (src/engine/market/rfps.ts), so a player can see why a
 * bid lost; the player's whole won/lost history is kept.
 */
import { describe, it, expect } from 'vitest';
import { createWorld, step, issueCommand } from '../../src/engine/api.ts';
import { defaultScenario } from './helpers.ts';

describe('bid scores on closed requests', () => {
  it('every bid on a closed request has its score; the winner scored lowest among the eligible; a lost bid of the player scored higher', () => {
    const w = createWorld(defaultScenario(), { seed: 5, strategy: 'leveraged' });
    for (let i = 0; i < 80; i++) step(w);
    const closed = w.closedRfps.filter((r) => r.bids.length > 0);
    expect(closed.length).toBeGreaterThan(5);
    for (const r of closed) {
      for (const b of r.bids) expect(b.award, `${r.id} bid by ${b.companyIndex}`).toBeDefined();
      const eligible = r.bids.filter((b) => b.award!.scoreUsd !== null);
      if (r.winnerIndex === null) { expect(eligible).toEqual([]); continue; }
      const win = r.bids.find((b) => b.companyIndex === r.winnerIndex)!;
      // An expansion (a mega-deal from a buyer already running with the bidder) goes to its provider when it bid.
      const expansion = r.kind === 'megaDeal' && w.scenario.market.demand.megaDealExpansionFirstOffer && r.incumbentIndex >= 0 && eligible.some((b) => b.companyIndex === r.incumbentIndex);
      if (expansion) expect(r.winnerIndex).toBe(r.incumbentIndex);
      else for (const b of eligible) expect(win.award!.scoreUsd!).toBeLessThanOrEqual(b.award!.scoreUsd! + 1e-9);
      expect(win.usdPerGpuHour).toBe(r.winningUsdPerGpuHour);
    }
    const lost = closed.filter((r) => r.winnerIndex !== null && r.winnerIndex !== 0 && r.kind !== 'megaDeal' && r.bids.some((b) => b.companyIndex === 0 && b.award!.scoreUsd !== null));
    expect(lost.length).toBeGreaterThan(0);
    for (const r of lost) {
      const mine = r.bids.find((b) => b.companyIndex === 0)!.award!.scoreUsd!;
      const win = r.bids.find((b) => b.companyIndex === r.winnerIndex)!.award!.scoreUsd!;
      expect(mine).toBeGreaterThanOrEqual(win);
    }
  });

  it('keeps every request the player bid on, beyond the last 200', () => {
    const w = createWorld(defaultScenario(), { seed: 6, strategy: 'idle' });
    const bidOn: string[] = [];
    for (let i = 0; i < 300 && w.status === 'running'; i++) {
      for (const r of w.rfps) if (!bidOn.includes(r.id) && issueCommand(w, { type: 'bidRfp', rfpId: r.id, usdPerGpuHour: r.maxUsdPerGpuHour }).ok) bidOn.push(r.id);
      step(w);
    }
    expect(w.closedRfps.length).toBeGreaterThan(200);
    const kept = new Set(w.closedRfps.map((r) => r.id));
    const closedIds = bidOn.filter((id) => !w.rfps.some((r) => r.id === id));
    expect(closedIds.length).toBeGreaterThan(0);
    for (const id of closedIds) expect(kept.has(id), id).toBe(true);
  });
});
