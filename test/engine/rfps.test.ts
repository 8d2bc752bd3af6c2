/**
 * RFP awards: big customers weigh price against delivery risk, standing and how much of the market's
 * contracted capacity the bidder already holds (supplier diversification).
 */
import { describe, expect, it } from 'vitest';
import { awardRfps, contractShares } from '../../src/engine/market/rfps.ts';
import type { Rfp, World } from '../../src/engine/types.ts';
import { player, variant, world } from './helpers.ts';

function rfpWithBids(w: World, bids: [number, number][]): Rfp {
  const rfp: Rfp = {
    id: 'rtest', customerIndex: -1, customerName: 'Test Lab', segment: 'hyperscaler', credit: 'ig', modelId: 'h100', gpuCount: 200, termWeeks: 156,
    startWeek: w.week + 30, closeWeek: w.week, maxUsdPerGpuHour: 10, prepaidShare: 0, lateDeliveryPenaltyShare: 0.25,
    bids: bids.map(([companyIndex, usdPerGpuHour]) => ({ companyIndex, usdPerGpuHour, week: w.week })), winnerIndex: null, winningUsdPerGpuHour: null, incumbentIndex: -1,
  };
  w.rfps.push(rfp);
  return rfp;
}

describe('supplier diversification', () => {
  it('contract shares: each company\'s part of all contracted H100e, summing to 1', () => {
    const w = world();
    const s = contractShares(w);
    expect(s[0]).toBe(1); // only the player starts with a contract
    expect(s.slice(1).every((x) => x === 0)).toBe(true);
  });

  it('a bidder that already holds the market\'s contracts loses to a dearer one when customers diversify, and wins when they do not', () => {
    const winner = (diversify: number) => {
      const w = world(variant((s) => { s.market.demand.supplierDiversification = diversify; s.market.demand.customerAgents = 300; }));
      // The player holds 100% of contracted GPUs and bids 20% below the rival (both own H100s).
      const rfp = rfpWithBids(w, [[0, 1.6], [1, 2.0]]);
      awardRfps(w);
      expect(player(w).contracts.length + w.companies[1]!.contracts.length).toBe(2);
      return rfp.winnerIndex;
    };
    expect(winner(0)).toBe(0);
    expect(winner(2)).toBe(1);
  });
});
