/**
 * The finance lessons of issue 9 over 20 seeds, each with an ablation that switches its mechanism
 * off (a scenario overlay) so the test cannot pass for the wrong reason:
 *  - ai-winter (fact 13, "in a bust, leverage kills"): the player's leveraged autopilot goes bust
 *    (bankrupt or restructured by its creditors) more often than its prudent autopilot — significantly,
 *    over twice the seeds — prudent in at most 30% of seeds, through the lenders' debt-service covenant
 *    (finance.covenantMinDebtServiceCover): when rents and renewals fall, run-rate EBITDA no longer covers
 *    the fixed interest and amortisation; after the cure period the company prepays from cash or its
 *    loans are accelerated. The equity-funded company carries little debt service and cash to prepay.
 *    Ablation: the covenant off (0) → the leveraged autopilot survives like prudent and the gap disappears.
 *  - default: leveraged grows faster; prudent rarely fails; nobody wins insolvent; a levered grower
 *    pays ≈20% of revenue in interest (fact 2), the same autopilot without lenders a fraction of it.
 *    Leveraged fails — bankrupt, restructured, or insolvent at the end (the scenario's own objective
 *    "End with positive book equity") — in 10–70% of seeds over the whole game; with the boom certain
 *    (no growth shock, no correction) at most 1 in 20.
 *  - fact 11: the lock-up drawdown scales with the share of stock that unlocks; nothing unlocking, no drop.
 * Player runs are shared (memoised in harness.ts) across the tests of a scenario.
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, fisherOneSidedP, median, overlay, run, scenario, total, year } from './harness.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import type { World } from '../../src/engine/types.ts';
import { createWorld, isOver, step } from '../../src/engine/api.ts';
import { annualisedRevenueUsd } from '../../src/engine/metrics.ts';
import { totalEquityCents } from '../../src/engine/ledger.ts';

const report: Record<string, number> = {};
const note = (k: string, v: number) => { report[k] = Math.round(v * 1000) / 1000; return v; };

type Json = Record<string, unknown>;
const market = (j: Json) => j.market as Json & { demand: Json; capital: Json };
const finance = (j: Json) => ((j.finance ??= {}) as Json);

/** Lenders lend nothing: no facility, GPU loans, vendor finance or revolver; bonds fail the interest-cover test. */
const noLeverage = (j: Json) => {
  Object.assign(finance(j), { facilityAdvanceRate: 0, gpuLoanMaxLtv: 0, vendorFinancingShare: 0, revolverLimitUsd: 0, maxDebtToAssets: 0, minInterestCover: 20 });
};

/** Did the player's company fail (bankrupt, or restructured by its creditors)? */
const bust = (w: World) => (w.companies[0]!.status === 'bankrupt' || w.companies[0]!.restructured ? 1 : 0);
/** Did it fail, or end the game insolvent — liabilities above assets (negative book equity)? */
const failedOrInsolvent = (w: World) => (bust(w) === 1 || totalEquityCents(w.companies[0]!.ledger.balances) < 0 ? 1 : 0);
const rate = (sc: Scenario, key: string, strategy: 'leveraged' | 'prudent') => SEEDS.reduce((a, seed) => a + bust(run(sc, key, strategy, seed, { weeks: WEEKS }).world), 0) / SEEDS.length;
/** The default scenario's build-out and the turn of sentiment (2023–2026), as in facts.test.ts. */
const WEEKS = 208;

describe('default: leverage buys growth and risk; nobody wins insolvent', () => {
  // The bundled scenario as is (id `default`): its runs are the ones facts.test.ts makes, shared through the harness's cache.
  const def = scenario('default');
  const unlevered = overlay('default', 'no-leverage', noLeverage);
  const growth = (sc: Scenario, key: string, s: 'leveraged' | 'prudent') => median(SEEDS.map((seed) => {
    const qs = run(sc, key, s, seed, { weeks: WEEKS }).result.quarters;
    // Peak annualised revenue against the first quarter's: a bust seed keeps the growth it had.
    return Math.max(...qs.map((q) => q.revenueUsd)) / Math.max(1, qs[0]!.revenueUsd);
  }));

  it('leveraged grows faster than prudent; prudent goes bust in at most 20% of seeds', () => {
    expect(note('default.revenueGrowthLeveraged', growth(def, 'base', 'leveraged'))).toBeGreaterThan(note('default.revenueGrowthPrudent', growth(def, 'base', 'prudent')));
    expect(note('default.bustRatePrudent', rate(def, 'base', 'prudent'))).toBeLessThanOrEqual(0.2);
  });

  // The default lesson (issue 9): leveraged fails in 10–70% of seeds over the whole game (the
  // objectives are "stay solvent to the end of 2030" and "end with positive book equity", and a
  // correction can start in any quarter): bankrupt or restructured, or alive but insolvent at the end —
  // the levered grower whose covenants test cash flow, not its balance sheet, keeps going after its
  // losses have eaten its equity. The cause (busts round 3, docs/calibration.md): uncertainty about the
  // boom (market.demand.growthShockSdPct 25, growthShockCorrectionChancePerYear 0.17) meeting lenders
  // who write GPU loans as real ones do (finance: covenantMinDebtServiceCover 1.1,
  // covenantGraceFromDelivery true, lenderMinDebtServiceCover 1.3, loanResidualShare 0.3,
  // refinanceOnRenewalCashFlow true), and investors who stop paying for growth a company cannot fund
  // once sentiment turns (market.capital.growthPremiumMinInterestCover 1). Measured 4 Dec (session 28,
  // after cures by prepayment stopped failing on sub-cent rounding): 4/20 on seeds 1–20, 101–120 and
  // 1901–1920, 3/20 on 1401–1420; bankrupt or restructured alone 0, 2, 0, 2 of 20. Ablation: the boom
  // certain (both growth-shock fields 0) → at most 1/20 and fewer (0, 0, 1, 0).
  const failFull = (sc: Scenario, key: string) => SEEDS.reduce((a, seed) => a + failedOrInsolvent(run(sc, key, 'leveraged', seed).world), 0) / SEEDS.length;
  it('leveraged fails (bankrupt, restructured or insolvent at the end) in 10–70% of seeds over the whole game', () => {
    const r = note('default.failRateLeveraged', failFull(def, 'full'));
    note('default.bustRateLeveraged', SEEDS.reduce((a, seed) => a + bust(run(def, 'full', 'leveraged', seed).world), 0) / SEEDS.length);
    expect(r).toBeGreaterThanOrEqual(0.1);
    expect(r).toBeLessThanOrEqual(0.7);
  });

  it('ablation: with the boom certain (no growth shock, no correction) leveraged fails in at most 1 of 20 seeds, and less often', () => {
    const certain = overlay('default', 'boom-certain', (j) => { Object.assign(market(j).demand, { growthShockSdPct: 0, growthShockCorrectionChancePerYear: 0 }); });
    const r = note('default.boomCertain.failRateLeveraged', failFull(certain, 'full'));
    expect(r).toBeLessThanOrEqual(1 / SEEDS.length);
    expect(r).toBeLessThan(failFull(def, 'full'));
  });

  it('no run is won with negative book equity', () => {
    // The levered grower over the whole game (before issue 9 it won every seed with −$3B to −$8B of book equity).
    let won = 0;
    for (const seed of SEEDS) {
      const { world } = run(def, 'full', 'leveraged', seed);
      if (world.status !== 'won') continue;
      won++;
      expect(totalEquityCents(world.companies[0]!.ledger.balances), `seed ${seed}`).toBeGreaterThanOrEqual(0);
    }
    note('default.leveragedWonRuns', won);
  });

  it('fact 2: the levered grower pays ≈20% of revenue in interest (10–30%); without lenders, almost none', () => {
    const share = (sc: Scenario, key: string) => median(SEEDS.map((seed) => {
      const qs = run(sc, key, 'leveraged', seed, { weeks: WEEKS }).result.quarters;
      // Its fastest-growth calendar year with a full year of revenue.
      const years = [...new Set(qs.map((q) => q.label.slice(0, 4)))].filter((y) => year(qs, y).length === 4);
      const rev = years.map((y) => total(year(qs, y), (q) => q.revenueUsd));
      let best = 1;
      for (let i = 1; i < years.length; i++) if (rev[i]! / Math.max(1, rev[i - 1]!) > rev[best]! / Math.max(1, rev[best - 1]!)) best = i;
      const Q = year(qs, years[best]!);
      return total(Q, (q) => q.interestExpenseUsd) / Math.max(1, total(Q, (q) => q.revenueUsd));
    }));
    const lev = note('fact2.interestShareOfRevenue', share(def, 'base'));
    expect(lev).toBeGreaterThanOrEqual(0.1);
    expect(lev).toBeLessThanOrEqual(0.3);
    // Without lenders the same autopilot pays a fraction of that (convertibles and the odd bond only).
    expect(note('fact2.noLeverage.interestShareOfRevenue', share(unlevered, 'base'))).toBeLessThan(0.5 * lev);
  });
});

describe('ai-winter: in a bust, leverage kills (fact 13)', () => {
  const winter = overlay('ai-winter', 'base', () => {});
  /** The lenders' debt-service covenant off: nothing forces a levered company whose EBITDA no longer covers its service to pay up. */
  const noDscr = overlay('ai-winter', 'no-dscr', (j) => { finance(j).covenantMinDebtServiceCover = 0; });
  /**
   * The winter's lesson is read over four times the run's seeds — the list and the same seeds +
   * 1,000,000, 2,000,000 and 3,000,000 (never used elsewhere) — so "more often" can be tested for
   * significance (`fisherOneSidedP`). With twice the seeds the test had little power at the rates the
   * model gives: leveraged busts in 15–18% of winters (seeds 1–100, sweeps of 5 Dec), prudent in none,
   * so 40 seeds show four or fewer leveraged busts (p ≥ 0.058) about one list in five.
   */
  const WINTER_SEEDS = [0, 1_000_000, 2_000_000, 3_000_000].flatMap((k) => SEEDS.map((s) => s + k));
  /** Busts (bankrupt, or restructured by its creditors) over the whole winter, of WINTER_SEEDS. */
  const busts = (sc: Scenario, key: string, s: 'leveraged' | 'prudent') => WINTER_SEEDS.reduce((a, seed) => a + bust(run(sc, key, s, seed).world), 0);
  const n = WINTER_SEEDS.length;

  it('the leveraged autopilot goes bust more often than the prudent one (one-sided Fisher p < 0.05); prudent in at most 30% of seeds', () => {
    // Measured 4 Dec (session 28, after cures by prepayment stopped failing on sub-cent rounding):
    // leveraged 3/20 on seeds 1–20, 5/20 on 101–120, 6/20 on 1901–1920; prudent 0 on each.
    const lev = busts(winter, 'base', 'leveraged'), pru = busts(winter, 'base', 'prudent');
    note('aiWinter.bustRateLeveraged', lev / n);
    note('aiWinter.bustRatePrudent', pru / n);
    expect(pru / n).toBeLessThanOrEqual(0.3);
    expect(lev).toBeGreaterThan(pru);
    expect(note('aiWinter.leveragedOverPrudentP', fisherOneSidedP(lev, n, pru, n))).toBeLessThan(0.05);
  });

  it('ablation: with no debt-service covenant the leveraged autopilot survives the winter like prudent (the gap disappears)', () => {
    // (Prudent's own rate is the base run's: it carries little debt service, and the covenant can only add busts.)
    const off = busts(noDscr, 'no-dscr', 'leveraged');
    note('aiWinter.noDscr.bustRateLeveraged', off / n);
    expect(off / n).toBeLessThanOrEqual(busts(winter, 'base', 'prudent') / n + 0.1);
    expect(fisherOneSidedP(busts(winter, 'base', 'leveraged'), n, off, n)).toBeLessThan(0.05);
  });

  it('nobody wins the winter with negative book equity', () => {
    for (const [key, sc, s] of [['base', winter, 'leveraged'], ['base', winter, 'prudent'], ['no-dscr', noDscr, 'leveraged']] as const) {
      {
        for (const seed of WINTER_SEEDS) {
          const { world } = run(sc, key, s, seed);
          if (world.status === 'won') expect(totalEquityCents(world.companies[0]!.ledger.balances), `${key} ${s} seed ${seed}`).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });
});

describe('fact 11: lock-up drawdowns scale with the stock that unlocks', () => {
  /** Price change from the week before the lock-up ends to two weeks after, with the IPO done the same way in every seed. */
  const drawdowns = (coverage: number) => {
    const sc = overlay('default', `lockup-${Math.round(coverage * 100)}`, (j) => { Object.assign(finance(j), { lockupCoverageShare: coverage }); });
    const out: number[] = [];
    for (const seed of SEEDS) {
      const w = createWorld(sc, { seed, strategy: 'leveraged' });
      const prices: number[] = [];
      let ipoAt = -1;
      while (!isOver(w) && w.week < 260) {
        const p = w.companies[0]!;
        if (!p.listed && ipoAt < 0 && annualisedRevenueUsd(p) > sc.finance.ipoMinAnnualRevenueUsd * 1.2 && w.market.sentiment > 1) {
          w.pending.push({ type: 'ipo', amountUsd: Math.round(annualisedRevenueUsd(p) * 0.5) });
          ipoAt = w.week;
        }
        step(w);
        prices.push(p.listed && p.status === 'active' ? p.sharePriceUsd ?? NaN : NaN);
        if (p.lockupEndWeek !== null && w.week > p.lockupEndWeek + 2) break;
      }
      const p = w.companies[0]!;
      if (p.lockupEndWeek === null || p.lockupEndWeek + 2 >= prices.length) continue;
      out.push(prices[p.lockupEndWeek + 2]! / prices[p.lockupEndWeek - 1]! - 1);
    }
    return out;
  };

  it('full lock-up: a 30%+ drawdown; half the stock locked: a smaller one; nothing locked: no drop', () => {
    const full = drawdowns(1), half = drawdowns(0.5), none = drawdowns(0);
    for (const d of [full, half, none]) expect(d.length).toBeGreaterThanOrEqual(15);
    const f = note('fact11.lockupChangeFull', median(full));
    const h = note('fact11.lockupChangeHalf', median(half));
    const n = note('fact11.lockupChangeNothingUnlocks', median(none));
    expect(f).toBeLessThanOrEqual(-0.3);
    expect(h).toBeGreaterThan(f);
    expect(h).toBeLessThan(n);
    expect(Math.abs(n)).toBeLessThan(0.08);
  });
});

describe('report', () => {
  it('prints the measured figures', () => {
    console.log(`finance lessons (over ${SEEDS.length} seeds):\n${Object.entries(report).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
  });
});
