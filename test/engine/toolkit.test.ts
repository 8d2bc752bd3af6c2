/**
 * The decision toolkit's numbers are scenario data (`agents.toolkit`), not literals: each one moves
 * the decision it names (bid floors, funding attempts, power blocks).
 */
import { describe, expect, it } from 'vitest';
import { breakEvenUsdPerGpuHour, cashCostPerGpuHour, debtServiceFloorUsdPerGpuHour, actor, ensurePower, fund, securePower, speculativeGpus } from '../../src/engine/strategies/toolkit.ts';
import { capacityH100e } from '../../src/engine/metrics.ts';
import type { Command, CommandResult } from '../../src/engine/commands/types.ts';
import type { Rfp } from '../../src/engine/types.ts';
import { player, variant, world } from './helpers.ts';

const rfp = { id: 'r1', modelId: 'h100', gpuCount: 800, termWeeks: 416, credit: 'ig', startWeek: 26, maxUsdPerGpuHour: 5, bids: [] } as unknown as Rfp;
/** An act that records the commands and grants only what `grant` says. */
const recorder = (grant: (c: Command) => boolean) => {
  const seen: Command[] = [];
  const act = (c: Command): CommandResult => { seen.push(c); return (grant(c) ? { ok: true, cashNowUsd: 'amountUsd' in c ? c.amountUsd : 0 } : { ok: false }) as unknown as CommandResult; };
  return { seen, act };
};

describe('agents.toolkit drives the shared decisions', () => {
  it('break-even: the capex share and the amortisation cap set the floor; at capex share 0 only cash cost and margin remain', () => {
    const w = world();
    const p = player(w);
    const base = breakEvenUsdPerGpuHour(w, p, rfp, 0.1);
    const none = world(variant((s) => { s.agents.toolkit.capexRecoveryShare = 0; }));
    expect(breakEvenUsdPerGpuHour(none, player(none), rfp, 0.1)).toBeCloseTo(cashCostPerGpuHour(none, 'h100', player(none)) * 1.1, 10);
    // An eight-year contract is amortised over five years by default; let it run eight and the floor falls.
    const long = world(variant((s) => { s.agents.toolkit.maxAmortizationWeeks = 416; }));
    expect(breakEvenUsdPerGpuHour(long, player(long), rfp, 0.1)).toBeLessThan(base);
  });

  it('debt-service floor: interest on the average balance; no interest share → a lower floor', () => {
    const sc = (share: number) => variant((s) => { s.finance.covenantMinDebtServiceCover = 1.1; s.agents.toolkit.averagePrincipalShare = share; });
    const half = world(sc(0.5)), none = world(sc(0));
    expect(debtServiceFloorUsdPerGpuHour(half, player(half), rfp, 0.8)).toBeGreaterThan(debtServiceFloorUsdPerGpuHour(none, player(none), rfp, 0.8));
  });

  it('debt-service floor: none when lenders size new debt on debt service at the covenant\'s cover or above (the loan follows the price)', () => {
    const sc = (sizing: number) => variant((s) => { s.finance.covenantMinDebtServiceCover = 1.1; s.finance.lenderMinDebtServiceCover = sizing; });
    const off = world(sc(0)), under = world(sc(1.05)), at = world(sc(1.1)), above = world(sc(1.3));
    const cash = cashCostPerGpuHour(off, 'h100', player(off));
    // Lenders that size on revenue: the bidder prices the covenant on its expected loan into the bid.
    expect(debtServiceFloorUsdPerGpuHour(off, player(off), rfp, 0.8)).toBeGreaterThan(cash);
    // Sizing looser than the covenant could still lend a deal into breach: the floor stays.
    expect(debtServiceFloorUsdPerGpuHour(under, player(under), rfp, 0.8)).toBeCloseTo(debtServiceFloorUsdPerGpuHour(off, player(off), rfp, 0.8), 10);
    // Sizing at the covenant's cover or above lends only what the deal's cash flow services: no floor.
    expect(debtServiceFloorUsdPerGpuHour(at, player(at), rfp, 0.8)).toBe(0);
    expect(debtServiceFloorUsdPerGpuHour(above, player(above), rfp, 0.8)).toBe(0);
  });

  it('funding attempts follow fundingTryShares of the gap, in order, until one is granted', () => {
    const w = world(variant((s) => { s.agents.toolkit.fundingTryShares = [2, 1, 0.5]; }));
    const { seen, act } = recorder((c) => 'amountUsd' in c && c.amountUsd <= 100_000_000);
    fund(w, player(w), act, 100_000_000, ['raiseEquity']);
    expect(seen.map((c) => ('amountUsd' in c ? c.amountUsd : 0))).toEqual([200_000_000, 100_000_000]);
  });

  it('power comes in blocks no larger than maxHallMw', () => {
    const w = world(variant((s) => { s.agents.toolkit.maxHallMw = 3; }));
    const { seen, act } = recorder(() => true);
    player(w).orders.push({ id: 'o1', modelId: 'h100', count: 40_000, deliveryWeek: 20, totalCents: 0, depositCents: 0, vendorFinancedShare: 0 });
    ensurePower(w, player(w), act, 1.2, ['colo']);
    const leases = seen.filter((c) => c.type === 'leaseColo');
    expect(leases.length).toBeGreaterThan(0);
    for (const c of leases) expect(c.type === 'leaseColo' && c.powerMw).toBeLessThanOrEqual(3);
  });

  it('powerSigningMarginMw: a lease is the gap plus that margin', () => {
    const first = (margin: number) => {
      const w = world(variant((s) => { s.agents.toolkit.powerSigningMarginMw = margin; s.agents.toolkit.maxHallMw = 1000; }));
      player(w).orders.push({ id: 'o1', modelId: 'h100', count: 4000, deliveryWeek: 20, totalCents: 0, depositCents: 0, vendorFinancedShare: 0 });
      const { seen, act } = recorder(() => true);
      ensurePower(w, player(w), act, 1.2, ['colo']);
      const c = seen.find((x) => x.type === 'leaseColo');
      return c && c.type === 'leaseColo' ? c.powerMw : 0;
    };
    expect(first(0)).toBeGreaterThan(0);
    expect(first(5) - first(0)).toBeCloseTo(5, 0);
  });

  it('soonPowerWeeks: power still being readied counts as soon only within that many weeks', () => {
    // A lease signed for everything the company needs, ready after the region's lead time (8–12 weeks).
    const signsMore = (weeks: number) => {
      const w = world(variant((s) => { s.agents.toolkit.soonPowerWeeks = weeks; }));
      player(w).orders.push({ id: 'o1', modelId: 'h100', count: 4000, deliveryWeek: 20, totalCents: 0, depositCents: 0, vendorFinancedShare: 0 });
      ensurePower(w, player(w), actor(w, player(w)), 1.2, ['colo']);
      const { seen, act } = recorder(() => true);
      ensurePower(w, player(w), act, 1.2, ['colo']);
      return seen.filter((c) => c.type === 'leaseColo').length;
    };
    expect(signsMore(26)).toBe(0);
    expect(signsMore(1)).toBeGreaterThan(0);
  });

  it('power ahead (securePower): signs what was asked in signings of at most maxHallMw, in the preferred kinds\' order, and no more', () => {
    const w = world(variant((s) => { s.agents.toolkit.maxHallMw = 4; }));
    const { seen, act } = recorder(() => true);
    expect(securePower(w, player(w), act, 10, ['powered', 'colo'])).toBeCloseTo(10, 6);
    expect(seen.map((c) => c.type)).toEqual(['buyPoweredSite', 'buyPoweredSite', 'buyPoweredSite']);
    expect(seen.map((c) => (c.type === 'buyPoweredSite' ? c.powerMw : 0))).toEqual([4, 4, 2]);
    // Refused signings are not counted: the next kind is tried.
    const r = recorder((c) => c.type === 'leaseColo');
    expect(securePower(w, player(w), r.act, 3, ['powered', 'colo'])).toBeCloseTo(3, 6);
    expect(r.seen.at(-1)?.type).toBe('leaseColo');
  });

  it('minSigningMw: a gap below the smallest signing is left for the next block; above it, it is signed', () => {
    const ask = (min: number) => {
      const w = world(variant((s) => { s.agents.toolkit.minSigningMw = min; }));
      const { seen, act } = recorder(() => true);
      return { signed: securePower(w, player(w), act, 2, ['colo']), seen };
    };
    expect(ask(0.5).signed).toBeCloseTo(2, 6);
    const big = ask(3);
    expect(big.signed).toBe(0);
    expect(big.seen).toEqual([]);
  });
});

describe('speculative orders: the small-fleet terms are scenario data (agents.<archetype>.speculative)', () => {
  /** A market of `supplyH100e` short of 40% of it, every GPU busy: the speculative rule's trigger. */
  const tight = (w: ReturnType<typeof world>, supplyH100e = 1_000_000) => {
    w.market.utilization = 1;
    w.market.supplyH100e = supplyH100e;
    w.market.demandH100e = 1.4 * supplyH100e;
    player(w).last.utilization = 1;
    return w;
  };
  const base = { aggressiveness: 1, pipelineWeight: 0, minMarketUtil: 0.8, minOwnUtil: 0.8, maxGrowth: 0.1, minShareOfShortfall: 0.03, firstBlockGpus: 64 };

  it('a company with no fleet orders a first block of at most firstBlockGpus; with none allowed, nothing', () => {
    const w = tight(world());
    player(w).lots = [];
    expect(capacityH100e(w, player(w), false)).toBe(0);
    const first = speculativeGpus(w, player(w), 'h100', base);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(64);
    expect(first % 8).toBe(0);
    expect(speculativeGpus(w, player(w), 'h100', { ...base, firstBlockGpus: 256 })).toBeGreaterThan(first);
    expect(speculativeGpus(w, player(w), 'h100', { ...base, firstBlockGpus: 0 })).toBe(0);
  });

  it('its share of the shortfall is at least minShareOfShortfall: a larger floor orders more for the same gap', () => {
    // A fleet of a thousandth of the market's supply: its own share is below either floor.
    const probe = world();
    const w = tight(probe, 1000 * capacityH100e(probe, player(probe), false));
    expect(capacityH100e(w, player(w), false)).toBeGreaterThan(0);
    const o = { ...base, firstBlockGpus: 10_000_000 };
    const small = speculativeGpus(w, player(w), 'h100', { ...o, minShareOfShortfall: 0.01 });
    const large = speculativeGpus(w, player(w), 'h100', { ...o, minShareOfShortfall: 0.05 });
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeCloseTo(5, 1);
  });
});
