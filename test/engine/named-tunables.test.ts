/**
 * Numbers that shape the market's behaviour are scenario data with a name and a why (issue 9 item
 * 10), not literals in agent code: each test moves one of them and checks the behaviour it names
 * moves with it (the vendor's supply chain, trading noise in share prices, a rival's credit shock).
 */
import { describe, expect, it } from 'vitest';
import { updateLeadTime } from '../../src/engine/market/pricing.ts';
import { updateSharePrices } from '../../src/engine/market/capital.ts';
import { runEvents } from '../../src/engine/market/events.ts';
import { modelEquityValueUsd } from '../../src/engine/finance/valuation.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDebt } from '../../src/engine/finance/debt.ts';
import { bookCents, isBalanced } from '../../src/engine/ledger.ts';
import { STRATEGIES } from '../../src/engine/strategies/archetypes.ts';
import { actor } from '../../src/engine/strategies/toolkit.ts';
import { player, variant, world } from './helpers.ts';

describe('market.vendor: how fast the supply chain follows the order book', () => {
  /** One vendor review with the shipping capacity unset (the opening) or with an order book 10× what it ships a lead time. */
  const opening = (share: number) => {
    const w = world(variant((s) => { s.market.vendor.openingShipShareOfGrowth = share; }));
    w.market.vendorShipH100ePerWeek = 0;
    updateLeadTime(w);
    return w.market.vendorShipH100ePerWeek;
  };
  const booked = (change: (v: ReturnType<typeof world>['scenario']['market']['vendor']) => void, tight: boolean) => {
    const w = world(variant((s) => change(s.market.vendor)));
    w.market.vendorShipH100ePerWeek = 1000;
    w.market.utilization = tight ? 0.99 : 0.5;
    player(w).orders.push({ id: 'o1', modelId: 'h100', count: 10 * 1000 * w.scenario.market.vendor.leadTimeWeeksNormal, deliveryWeek: 40, totalCents: 0, depositCents: 0, vendorFinancedShare: 0 });
    const lead = w.market.leadTimeWeeks;
    updateLeadTime(w);
    return { shipGrowth: w.market.vendorShipH100ePerWeek - 1000, leadMove: w.market.leadTimeWeeks - lead };
  };

  it('openingShipShareOfGrowth: the opening capacity is that share of a year of demand growth', () => {
    expect(opening(0.5)).toBeGreaterThan(1);
    expect(opening(1) / opening(0.5)).toBeCloseTo(2, 2);
  });

  it('capacityCatchUpWeeks (and its shortage twin): capacity closes 1 ÷ weeks of the gap to the book a week', () => {
    const slow = booked((v) => { v.capacityCatchUpWeeks = 52; }, false).shipGrowth;
    const fast = booked((v) => { v.capacityCatchUpWeeks = 13; }, false).shipGrowth;
    expect(slow).toBeGreaterThan(0);
    expect(fast / slow).toBeCloseTo(4, 2);
    // In a shortage the shortage pace applies, not the normal one.
    const short = booked((v) => { v.capacityCatchUpWeeks = 52; v.capacityCatchUpWeeksShortage = 26; }, true).shipGrowth;
    expect(short / slow).toBeCloseTo(2, 2);
  });

  it('leadTimeAdjustShare: the share of the way the quoted lead time moves towards book ÷ capacity; 0 = it never moves', () => {
    const some = booked((v) => { v.leadTimeAdjustShare = 0.15; }, true).leadMove;
    expect(Math.abs(some)).toBeGreaterThan(0);
    expect(booked((v) => { v.leadTimeAdjustShare = 0.3; }, true).leadMove / some).toBeCloseTo(2, 2);
    expect(booked((v) => { v.leadTimeAdjustShare = 0; }, true).leadMove).toBe(0);
  });
});

describe('market.capital.sharePriceNoisePctPerWeek: trading noise around the model value', () => {
  /** How far each listed company's price lands from the noiseless step (a quarter of the way to fair value × shock). */
  const offNoiseless = (pct: number) => {
    const w = world(variant((s) => { s.market.capital.sharePriceNoisePctPerWeek = pct; }));
    const listed = w.companies.filter((c) => c.listed && c.status === 'active' && c.sharePriceUsd !== null && c.lockupEndWeek !== w.week);
    expect(listed.length).toBeGreaterThan(0);
    const expected = listed.map((c) => {
      const fair = modelEquityValueUsd(w, c) / Math.max(1, c.sharesOutstanding);
      return c.sharePriceUsd! + 0.25 * (fair * c.priceShock - c.sharePriceUsd!);
    });
    updateSharePrices(w);
    return Math.max(...listed.map((c, i) => Math.abs(c.sharePriceUsd! - expected[i]!) / expected[i]!));
  };

  it('0 leaves only the step to the model value (to the cent); a larger noise moves prices off it', () => {
    expect(offNoiseless(0)).toBeLessThan(0.001);
    expect(offNoiseless(10)).toBeGreaterThan(0.001);
  });
});

describe('events: rivalDistress.spreadStepUpPct is the size of the credit shock', () => {
  const json = () => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'default.json'), 'utf8')) as { calendar: { startDate: string }; events: unknown[] };
  const withDistress = (extra: Record<string, unknown>) => {
    const j = json();
    j.events.push({ id: 'hypergrid-distress', trigger: { type: 'date', date: j.calendar.startDate }, effects: [{ type: 'rivalDistress', rivalId: 'hypergrid', ...extra }], headline: { en: 'Lenders pull back' }, explanation: { en: 'Its lenders pull back.' }, pauses: false });
    const r = loadScenarioObject(j);
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 2)));
    return r.scenario;
  };
  const stepUp = (extra: Record<string, unknown>) => {
    const w = world(withDistress(extra));
    const rival = w.companies.find((c) => c.id === 'hypergrid')!;
    const before = rival.spreadStepUpPct;
    runEvents(w);
    return rival.spreadStepUpPct - before;
  };

  it('a file that leaves it out gets 6 points (as before the field existed); a file that sets it gets its own', () => {
    expect(stepUp({})).toBe(6);
    expect(stepUp({ spreadStepUpPct: 12 })).toBe(12);
    expect(stepUp({ spreadStepUpPct: 0 })).toBe(0);
  });
});

describe('agents.hyperscaler.curesBreaches: a parent pays its bond rather than default', () => {
  /** The hyperscaler in a cure period with a bond larger than its cash, after one of its weekly decisions. */
  const afterDecision = (cures: boolean) => {
    const w = world(variant((s) => { s.agents.hyperscaler.curesBreaches = cures; }));
    const hs = w.companies.find((c) => c.strategy === 'hyperscaler')!;
    const cashUsd = hs.ledger.balances.cash / 100;
    addDebt(w, hs, { kind: 'bond', amountUsd: cashUsd, fixedRatePct: 6, spreadPct: 0, termWeeks: 260, amortizing: false });
    // The bond's proceeds spent: it owes more than it holds.
    bookCents(hs.ledger, 'debtFeesPaid', Math.round(hs.ledger.balances.cash * 0.6));
    hs.covenantCureEndsWeek = w.week + 10;
    const owedUsd = hs.ledger.balances.debt / 100;
    expect(hs.ledger.balances.cash / 100).toBeLessThan(owedUsd);
    STRATEGIES.hyperscaler(w, hs, actor(w, hs), w.rng.rivals);
    return { w, hs, owedUsd };
  };

  it('on: it raises equity for what its cash lacks and pays every bond off, keeping its cash floor', () => {
    const { w, hs } = afterDecision(true);
    expect(hs.debts.filter((d) => d.principalCents > 0)).toEqual([]);
    // It kept (about) its cash floor: the raise covered the bond and the floor.
    expect(hs.ledger.balances.cash / 100).toBeGreaterThan(0.5 * w.scenario.agents.hyperscaler.cashFloorUsd);
    expect(isBalanced(hs.ledger)).toBe(true);
  });

  it('off (the ablation): it waits out the cure period with the bond unpaid', () => {
    const { hs, owedUsd } = afterDecision(false);
    expect(hs.ledger.balances.debt / 100).toBeCloseTo(owedUsd, 2);
  });
});
