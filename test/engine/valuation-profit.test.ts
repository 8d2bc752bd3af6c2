/**
 * Markets pay for growth in a boom and for profit in a bust (economics.md §9 fact 14), in the
 * valuation model's own parts: a loss counts against value, a company that stopped growing is valued
 * on what it earns, and private rounds price off the model value (down rounds), each with its switch.
 * The market-level fact (distressed company-quarters over 20 seeds) is in test/market/finance-lessons.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { runWeeks } from '../../src/engine/api.ts';
import { companyProfitWeight, companyValuation, runRateInterestUsd, unfundedGrowthShare, economicProfitUsd, lastRoundPriceUsd, maturityShare, privateRoundPriceUsd, profitViewEvUsd, profitWeight } from '../../src/engine/finance/valuation.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import type { World } from '../../src/engine/types.ts';
import { debtsOf, exec, player, variant, world } from './helpers.ts';

/** One world five quarters in (run once: the cases below only set a year-ago quarter's revenue and read the valuation). */
let yearIn: World | null = null;
/**
 * The world five quarters in, at sentiment `sentiment`, with the player's reported revenue a year
 * before the last closed quarter set so that it grew by `growth`, and capital fields overridden.
 */
const aYearIn = (growth: number, capital: Partial<Scenario['market']['capital']> = {}, sentiment = 0.6): World => {
  if (!yearIn) { yearIn = world(); runWeeks(yearIn, 66); }
  const w: World = { ...yearIn, market: { ...yearIn.market, sentiment }, scenario: { ...yearIn.scenario, market: { ...yearIn.scenario.market, capital: { ...yearIn.scenario.market.capital, ...capital } } } };
  const qs = player(w).quarters;
  expect(qs.length).toBeGreaterThanOrEqual(5);
  qs[qs.length - 5]!.revenueUsd = qs[qs.length - 1]!.revenueUsd / (1 + growth);
  return w;
};

describe('the profit view of a loss-maker', () => {
  it('a loss takes value away: minus the loss × lossYearsToFund (0 = a loss counts as nothing)', () => {
    const w = world();
    expect(profitViewEvUsd(w, -100e6)).toBeCloseTo(-100e6 * w.scenario.market.capital.lossYearsToFund, 0);
    expect(w.scenario.market.capital.lossYearsToFund).toBeGreaterThan(0);
    w.market.sentiment = 0.8;
    expect(profitViewEvUsd(w, 100e6)).toBeCloseTo(100e6 * w.scenario.market.capital.profitMultiple * 0.8, 0);
    const off = world(variant((s) => { s.market.capital.lossYearsToFund = 0; }));
    expect(profitViewEvUsd(off, -100e6)).toBeCloseTo(0, 6);
  });

  it('in a cold market a loss-maker is worth less with the loss counted than without', () => {
    const value = (years: number) => {
      const w = world(variant((s) => { s.market.capital.lossYearsToFund = years; }));
      runWeeks(w, 13);
      const p = player(w);
      p.trailingEbitdaUsd.fill(-2_000_000);
      w.market.sentiment = 0.6;
      const v = companyValuation(w, p);
      expect(v.economicProfitUsd).toBeLessThan(0);
      return v;
    };
    const counted = value(2), ignored = value(0);
    expect(counted.profitEvUsd).toBeCloseTo(2 * counted.economicProfitUsd, 0);
    expect(ignored.profitEvUsd).toBeCloseTo(0, 6);
    expect(counted.enterpriseValueUsd).toBeLessThan(ignored.enterpriseValueUsd);
  });
});

describe('growth earns the revenue multiple; a company that stopped growing is valued on profit', () => {
  it('once sentiment has turned: no growth → the weight on profit reaches profitWeightMax; full growth → the market\'s weight; linear between', () => {
    const still = aYearIn(0);
    expect(maturityShare(still, player(still))).toBeCloseTo(1, 6);
    expect(companyProfitWeight(still, player(still))).toBeCloseTo(Math.max(profitWeight(still), still.scenario.market.capital.profitWeightMax), 6);
    const stillWeight = companyValuation(still, player(still)).profitWeight;
    const half = aYearIn(0.25);
    expect(maturityShare(half, player(half))).toBeCloseTo(0.5, 6);
    const grower = aYearIn(0.8);
    expect(maturityShare(grower, player(grower))).toBe(0);
    expect(companyProfitWeight(grower, player(grower))).toBe(profitWeight(grower));
    expect(stillWeight).toBeGreaterThan(companyValuation(grower, player(grower)).profitWeight);
  });

  it('in a warm market investors still pay the revenue multiple for a slowing grower; half-way to the growth-premium threshold, half the shift', () => {
    const warm = aYearIn(0, {}, 1.2);
    expect(maturityShare(warm, player(warm))).toBeCloseTo(1, 6);
    expect(companyProfitWeight(warm, player(warm))).toBe(profitWeight(warm));
    const c = warm.scenario.market.capital;
    const between = aYearIn(0, {}, (1 + c.growthPremiumMinSentiment) / 2);
    const market = profitWeight(between);
    expect(companyProfitWeight(between, player(between))).toBeCloseTo(market + (Math.max(market, c.profitWeightMax) - market) / 2, 6);
  });

  it('before five quarters are on record, and with revenueViewFullGrowth 0, growth does not move the weight', () => {
    const w = world();
    runWeeks(w, 52);
    expect(player(w).quarters.length).toBe(4);
    expect(maturityShare(w, player(w))).toBe(0);
    const off = aYearIn(0, { revenueViewFullGrowth: 0 });
    expect(companyProfitWeight(off, player(off))).toBe(profitWeight(off));
  });

  it('the profit weight off (all four fields 0) is a pure revenue multiple, whatever the growth', () => {
    const off = aYearIn(0, { profitWeightNeutral: 0, profitWeightPerSentiment: 0, profitWeightMin: 0, profitWeightMax: 0 });
    expect(companyProfitWeight(off, player(off))).toBe(0);
  });
});

describe('down rounds', () => {
  /** A private player a quarter in whose value then falls: cold market, losses, no growth story. */
  const fallen = (anchorShare: number) => {
    const w = world(variant((s) => { s.market.capital.lastRoundAnchorShare = anchorShare; }));
    runWeeks(w, 13);
    const p = player(w);
    expect(p.listed).toBe(false);
    const before = privateRoundPriceUsd(w, p);
    // The last round priced at today's round price; then the business sours and sentiment turns.
    p.capTable.push({ holder: 'Series A', shares: 1, week: w.week, priceUsd: before, lockedUntilWeek: w.week });
    p.sharesOutstanding += 1;
    p.trailingEbitdaUsd.fill(-1_000_000);
    w.market.sentiment = 0.7;
    w.week += 13; // past the gap between raises
    return { w, p, last: lastRoundPriceUsd(p) };
  };

  it('investors price off the model value: the next round prices below the last one and issues more shares for the same money', () => {
    const { w, p, last } = fallen(0);
    const price = privateRoundPriceUsd(w, p);
    const model = companyValuation(w, p).equityUsd / p.sharesOutstanding;
    expect(price).toBeGreaterThan(0);
    expect(price).toBeLessThan(last);
    expect(price).toBeCloseTo(model * (1 - w.scenario.finance.privateRoundDiscountPct / 100), 1);
    const amountUsd = Math.floor(0.1 * price * p.sharesOutstanding);
    const r = exec(w, { type: 'raiseEquity', amountUsd });
    const shares = Number(r.details?.shares);
    expect(shares).toBeGreaterThan(Math.floor(amountUsd / last));
    // The weekly mark follows the same price: the top bar shows the down round's valuation.
    expect(p.capTable.at(-1)!.priceUsd).toBe(price);
  });

  it('ablation: sticky marks (lastRoundAnchorShare 1) hold the round at the last price × sentiment', () => {
    const { w, p, last } = fallen(1);
    const price = privateRoundPriceUsd(w, p);
    expect(price).toBeGreaterThanOrEqual(Math.floor(last * 0.7 * (1 - w.scenario.finance.privateRoundDiscountPct / 100) * 100) / 100);
    const free = fallen(0);
    expect(price).toBeGreaterThan(privateRoundPriceUsd(free.w, free.p));
  });

  it('economic profit of the fallen company is negative (the premise of the two tests above)', () => {
    const { w, p } = fallen(0);
    expect(economicProfitUsd(w, p)).toBeLessThan(0);
  });
});

describe('no growth premium for growth a company cannot fund (growthPremiumMinInterestCover)', () => {
  /** The player with a $20M GPU loan after a quarter, at sentiment `sentiment`, with the rule at `cover` (0 = off). */
  const indebted = (cover: number, sentiment: number) => {
    const w = world(variant((s) => { s.finance.facilityAdvanceRate = 0; s.market.capital.growthPremiumMinInterestCover = cover; }));
    exec(w, { type: 'takeGpuLoan', amountUsd: 20_000_000 });
    runWeeks(w, 13);
    expect(debtsOf(player(w), 'gpuLoan').length).toBeGreaterThan(0);
    w.market.sentiment = sentiment;
    return w;
  };

  it('in a cold market, with debts over assets, the premium fades with the interest cover: all of it at no cover, none at the threshold', () => {
    const w = indebted(1, 0.6);
    const p = player(w);
    const interest = runRateInterestUsd(w, p);
    expect(interest).toBeGreaterThan(0);
    expect(unfundedGrowthShare(w, p, -1e6, -1)).toBe(1);
    expect(unfundedGrowthShare(w, p, 0, -1)).toBe(1);
    expect(unfundedGrowthShare(w, p, 0.25 * interest, -1)).toBeCloseTo(0.75, 9);
    expect(unfundedGrowthShare(w, p, interest, -1)).toBe(0);
    // Net assets positive: the shareholders' claim is not behind the debt, growth keeps its premium.
    expect(unfundedGrowthShare(w, p, -1e6, 1)).toBe(0);
  });

  it('a warm market still funds the grower (none at sentiment ≥ 1, half way at half the appetite); the rule off (0) does nothing', () => {
    expect(unfundedGrowthShare(indebted(1, 1.2), player(indebted(1, 1.2)), -1e6, -1)).toBe(0);
    const c = indebted(1, 0.85);
    const min = c.scenario.market.capital.growthPremiumMinSentiment;
    expect(unfundedGrowthShare(c, player(c), -1e6, -1)).toBeCloseTo(1 - (0.85 - min) / (1 - min), 9);
    const off = indebted(0, 0.6);
    expect(unfundedGrowthShare(off, player(off), -1e6, -1)).toBe(0);
  });
});
