/**
 * Debt-service sizing (finance/lending.ts, `finance.lenderMinDebtServiceCover`): lenders size a
 * contract facility on the contracts' cash flow, not on 80% of their revenue; vendor financing and
 * GPU loans pass the same test; vendor financing open orders will draw counts before it is booked.
 * With the field at 0 (the bundled scenarios today) lending is as it was.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, isOver, step } from '../../src/engine/api.ts';
import { facilityRoomUsd } from '../../src/engine/finance/facility.ts';
import { lenderAppetite } from '../../src/engine/finance/refinance.ts';
import { committedDebtServiceUsd, contractBorrowingBaseUsd, contractCashFlowUsd, contractPowerShare, pendingVendorFinancingUsd, underwrittenCashFlowUsd } from '../../src/engine/finance/lending.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import type { Contract, World } from '../../src/engine/types.ts';
import { exec, player, refused, variant, world } from './helpers.ts';

const SIZED = 1.3;
/** A four-year H100 take-or-pay for `gpus` GPUs at `usd` an hour starting in 26 weeks, signed by the player (GPUs not yet bought). */
function sign(w: World, gpus: number, usd: number): Contract {
  const c: Contract = {
    id: `k${w.companies[0]!.nextId++}`, customerIndex: 0, customerName: 'Test lab', credit: 'ig', modelId: 'h100', gpuCount: gpus, usdPerGpuHour: usd,
    startWeek: w.week + 26, endWeek: w.week + 26 + 208, deferredCents: 0, prepaidPerWeekCents: 0, lateDeliveryPenaltyShare: 0, deliveredGpus: 0, leaving: false, renewalIssued: false,
  } as Contract;
  player(w).contracts.push(c);
  return c;
}
const withSizing = (cover: number) => variant((s) => { s.finance.lenderMinDebtServiceCover = cover; s.company.cashUsd = 1_000_000_000; });

describe('lenders size contract-backed debt on the contracts\u2019 cash flow', () => {
  it('the facility lends what the contracts\u2019 margin services 1.3 times, far less than 80% of their revenue', () => {
    const on = world(withSizing(SIZED));
    sign(on, 2000, 1.6);
    const p = player(on);
    const roomOn = facilityRoomUsd(on, p);
    expect(roomOn).toBeGreaterThan(0);
    // The advance rate on the same backlog would lend much more: the contracts' margin could not repay it.
    expect(roomOn).toBeLessThan(0.6 * on.scenario.finance.facilityAdvanceRate * lenderAppetite(on) * contractBorrowingBaseUsd(on, p));
    // Drawn in full, the pro forma cash flow covers next year's service 1.3× (to the rounding of the draw) …
    exec(on, { type: 'drawFacility', amountUsd: Math.floor(roomOn) });
    expect(underwrittenCashFlowUsd(on, p) / committedDebtServiceUsd(on, p)).toBeCloseTo(SIZED, 1);
    expect(underwrittenCashFlowUsd(on, p) / committedDebtServiceUsd(on, p)).toBeGreaterThanOrEqual(SIZED - 0.02);
    // … and there is no more room: a further draw is refused and says why.
    expect(facilityRoomUsd(on, p)).toBeLessThan(1_000_000);
    expect(refused(on, { type: 'drawFacility', amountUsd: 50_000_000 })).toMatch(/cash flow supports at most/);
  });

  it('a dearer contract (more margin over cash cost) supports a larger facility; cash cost above price supports none', () => {
    const room = (usd: number) => { const w = world(withSizing(SIZED)); sign(w, 2000, usd); return facilityRoomUsd(w, player(w)); };
    expect(room(2.4)).toBeGreaterThan(1.5 * room(1.6));
    const w = world(withSizing(SIZED));
    const before = contractCashFlowUsd(w, player(w));
    sign(w, 2000, 0.05);
    expect(contractCashFlowUsd(w, player(w))).toBe(before);
  });

  it('the contracts\u2019 cash flow is the most they earn together in any week of their remaining life (checked week by week)', () => {
    const w = world(withSizing(SIZED));
    const p = player(w);
    // [weeks from now to the start, to the end, GPUs, USD an hour]: overlapping, some started, two sharing a start week.
    const spec: [number, number, number, number][] = [[-10, 60, 100, 2.0], [30, 90, 200, 1.8], [30, 50, 50, 2.5], [70, 200, 300, 1.5], [95, 120, 400, 2.2], [-40, -5, 500, 3.0]];
    const cs = spec.map(([from, to, gpus, usd]) => { const c = sign(w, gpus, usd); c.startWeek = w.week + from; c.endWeek = w.week + to; return c; });
    // Each contract alone (power for all of them is in hand, so the lenders count every contract in full).
    const alone = cs.map((c) => { p.contracts.splice(0, p.contracts.length, c); expect(contractPowerShare(w, p)).toBe(1); return contractCashFlowUsd(w, p); });
    p.contracts.splice(0, p.contracts.length, ...cs);
    expect(contractPowerShare(w, p)).toBe(1);
    let best = 0;
    for (let week = w.week; week < w.week + 200; week++) best = Math.max(best, cs.reduce((a, c, i) => a + (c.startWeek <= week && c.endWeek > week ? alone[i]! : 0), 0));
    // More than any one contract earns: the peak is where several overlap (weeks 95–119 here).
    expect(best).toBeGreaterThan(Math.max(...alone));
    expect(Math.abs(contractCashFlowUsd(w, p) - best) / best).toBeLessThan(1e-12);
    expect(alone[5]).toBe(0); // ended: earns nothing ahead
  });

  it('vendor financing open orders will draw counts as committed debt, and an order that would breach the sizing is refused', () => {
    const w = world(withSizing(SIZED));
    sign(w, 2000, 1.6);
    const p = player(w);
    const before = committedDebtServiceUsd(w, p);
    exec(w, { type: 'orderGpus', modelId: 'h100', count: 400, vendorFinancing: true });
    expect(pendingVendorFinancingUsd(p)).toBeGreaterThan(0);
    expect(committedDebtServiceUsd(w, p)).toBeGreaterThan(before);
    // Ordering far more than the contracts need, on vendor credit, breaches the sizing; without it the vendor lends.
    expect(refused(w, { type: 'orderGpus', modelId: 'h100', count: 8000, vendorFinancing: true })).toMatch(/interest and repayments only/);
    const loose = world(withSizing(0));
    sign(loose, 2000, 1.6);
    exec(loose, { type: 'orderGpus', modelId: 'h100', count: 400, vendorFinancing: true });
    exec(loose, { type: 'orderGpus', modelId: 'h100', count: 8000, vendorFinancing: true });
  });
});

describe('the debt-service covenant in the boom, with and without sizing (default, leveraged autopilot, one seed)', () => {
  /** The world at week 91 (or its end), and the quarter closes at which the player was in breach of a corporate covenant. */
  const run = (sc: Scenario) => {
    const w = createWorld(sc, { seed: 4, strategy: 'leveraged' });
    let breachedCloses = 0;
    while (!isOver(w) && w.week < 91 && w.companies[0]!.status === 'active') {
      const before = w.companies[0]!.covenantBreaches;
      step(w);
      if (w.companies[0]!.covenantBreaches > before) breachedCloses++;
    }
    return { w, breachedCloses };
  };
  it('lenders that lend 80% of revenue put the grower in breach during the boom more often than lenders that size at 1.3×', () => {
    const unsized = run(variant((s) => { s.finance.covenantMinDebtServiceCover = 1.1; }));
    const sized = run(variant((s) => { s.finance.covenantMinDebtServiceCover = 1.1; s.finance.lenderMinDebtServiceCover = SIZED; }));
    // In breach at more quarter closes while the market is warm (since cures by prepayment clear the
    // line, seed 4's unsized grower cures rather than fails: 2 breached closes against 1 with sizing).
    expect(unsized.breachedCloses).toBeGreaterThan(sized.breachedCloses);
    expect(unsized.w.market.sentiment).toBeGreaterThan(1);
    expect(sized.w.companies[0]!.status).toBe('active');
    expect(sized.w.week).toBe(91);
  });
});
