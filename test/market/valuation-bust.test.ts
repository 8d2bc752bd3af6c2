/**
 * Economics §9 fact 14, "markets pay for growth in a boom and for profit in a bust": a loss-maker
 * with negative book equity is worth little once sentiment turns, because the weight on profit rises
 * and growth it cannot fund earns no premium (market.capital); valued with the profit view off, the
 * same companies at the same quarter closes keep a revenue multiple. Its own file: it steps 40 games
 * to read each quarter close (the shared runs keep only the final world), so it runs beside the
 * browser files instead of at the end with the files that reuse the shared runs.
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, median, overlay, scenario } from './harness.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import { createWorld, isOver, step } from '../../src/engine/api.ts';
import { companyValuation } from '../../src/engine/finance/valuation.ts';

const report: Record<string, number> = {};
const note = (k: string, v: number) => { report[k] = Math.round(v * 1000) / 1000; return v; };

type Json = Record<string, unknown>;
const market = (j: Json) => j.market as Json & { capital: Json };

describe('fact 14: markets pay for profit in a bust', () => {
  /**
   * Every company-quarter of default (leveraged and prudent player, whole game; the player and the rivals) that
   * closes with a net loss and negative book equity while sentiment is cold (< 0.9), valued at that
   * close ÷ its annualised revenue: by the valuation model (`companyValuation`, what investors'
   * numbers say it is worth; share prices move a quarter of the way to it each week), by the same
   * model with the profit view switched off in a scenario overlay (the ablation: the same companies
   * at the same closes, so the population cannot change with the mechanism), and by the reported
   * equity value (market cap when listed, the mark when private).
   */
  const distressed = (sc: Scenario, noProfitView: Scenario) => {
    const model: number[] = [], ablated: number[] = [], reported: number[] = [];
    for (const seed of SEEDS) for (const strategy of ['leveraged', 'prudent'] as const) {
      const w = createWorld(sc, { seed, strategy });
      const closed = w.companies.map((c) => c.quarters.length);
      while (!isOver(w)) {
        step(w);
        w.companies.forEach((c, i) => {
          if (c.quarters.length === closed[i]) return;
          closed[i] = c.quarters.length;
          const q = c.quarters.at(-1)!;
          if (c.status !== 'active' || w.market.sentiment >= 0.9 || q.netIncomeUsd >= 0 || q.totalEquityUsd >= 0 || q.revenueUsd <= 0) return;
          const annualUsd = 4 * q.revenueUsd;
          model.push(companyValuation(w, c).equityUsd / annualUsd);
          ablated.push(companyValuation({ ...w, scenario: noProfitView }, c).equityUsd / annualUsd);
          reported.push(q.equityValueUsd / annualUsd);
        });
      }
    }
    return { model, ablated, reported };
  };
  /** Investors value on revenue alone: no weight on the profit view in any market (all four profitWeight* 0) and no interest-cover rule. */
  const noProfitView = overlay('default', 'no-profit-view', (j) => {
    Object.assign(market(j).capital, { profitWeightNeutral: 0, profitWeightPerSentiment: 0, profitWeightMin: 0, profitWeightMax: 0, growthPremiumMinInterestCover: 0 });
  });

  // The cause (market.capital): investors weigh profit more as sentiment cools and, once it has
  // turned, as a company's reported growth fades; a loss counts against value (lossYearsToFund); and
  // growth a company cannot fund earns no premium (growthPremiumMinInterestCover). Measured 4 Dec
  // (session 27), model value / with the profit view off / reported, medians (n): seeds 1–20 0.381 /
  // 4.91 / 1.13 (30); 1001–1020 0.134 / 4.69 / 0.251 (54); 1401–1420 0.132 / 4.89 / 0.715 (15);
  // 1701–1720 0.133 / 4.74 / 0.620 (31); 1801–1820 0.513 / 4.84 / 0.946 (31). With the leveraged
  // player's worlds alone n fell to 5–7 on two lists, hence both players' worlds.
  // The reported figure is higher because a listed company's price lags its model value (a quarter
  // of the gap a week) and cold spells are often a few weeks long: a close soon after sentiment
  // dips shows the price of the warmer weeks (seed 10, 2028Q1: price 1.44×, model 0.12×). Before
  // session 27 this test read the reported figure in the leveraged worlds and ablated only the
  // interest-cover rule, whose worlds have other distressed companies (n 7 vs 11): an expected
  // failure (1.17× vs 1.46×).
  it('a loss-maker with negative equity in a cold market is worth under 1× revenue; the same companies valued without the profit view, over 3× that', () => {
    const { model, ablated, reported } = distressed(scenario('default'), noProfitView);
    note('fact14.samples', model.length);
    // Too few to judge is a failure, not a pass (15–54 company-quarters per 20 seeds measured).
    expect(model.length).toBeGreaterThanOrEqual(10);
    const b = note('fact14.modelEquityValueToRevenue', median(model, 'fact 14 model value ÷ revenue'));
    const o = note('fact14.noProfitView.modelEquityValueToRevenue', median(ablated, 'fact 14 value without the profit view'));
    note('fact14.reportedEquityValueToRevenue', median(reported, 'fact 14 reported equity value ÷ revenue'));
    expect(b).toBeLessThan(1);
    expect(o).toBeGreaterThan(3 * b);
    expect(o).toBeGreaterThan(1);
  });
});

describe('report', () => {
  it('prints the measured figures', () => {
    console.log(`fact 14 (over ${SEEDS.length} seeds):\n${Object.entries(report).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
  });
});
