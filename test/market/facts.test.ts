/**
 * The stylised facts of economics.md §9 (issue 3), measured over 20 seeds and compared by median.
 * Nothing here is scripted: every figure comes from the agents (customers, rivals, vendor, lenders)
 * reacting to each other. Tolerances are the issue's, widened where noted; the measured medians are
 * printed so a balance change shows up as a reviewable diff of numbers (docs/calibration.md).
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, median, run, scenario, scenarioFrom, scenarioJson, total, year } from './harness.ts';
import type { QuarterReport } from '../../src/engine/reports.ts';
import { createWorld, step, isOver } from '../../src/engine/api.ts';
import { annualisedRevenueUsd } from '../../src/engine/metrics.ts';

const report: Record<string, number> = {};
const note = (k: string, v: number) => { report[k] = Math.round(v * 1000) / 1000; return v; };

const YEARS = ['2023', '2024', '2025', '2026'];
/** Revenue per calendar year. */
const revenueByYear = (qs: QuarterReport[]) => YEARS.map((y) => total(year(qs, y), (q) => q.revenueUsd));

describe('fact 1: leveraged grows faster on thin GAAP margins', () => {
  const def = scenario('default');
  it('grows revenue faster than prudent', () => {
    const growth = (s: 'leveraged' | 'prudent') => median(SEEDS.map((seed) => {
      const r = revenueByYear(run(def, 'base', s, seed, { weeks: 208 }).result.quarters);
      return r[3]! / Math.max(1, r[0]!);
    }));
    const lev = note('f1.leveragedRevenueMultiple2023to2026', growth('leveraged'));
    const pru = note('f1.prudentRevenueMultiple2023to2026', growth('prudent'));
    expect(lev).toBeGreaterThan(1.5 * pru);
  });

  // Interest ≈20% of revenue (economics §9 fact 2) and "leverage kills in a bust" (fact 13) are tested
  // with their ablations in finance-lessons.test.ts.
  /** Adjusted EBITDA and GAAP operating margins of the leveraged autopilot in its fastest-growth year, per seed. */
  const margins = () => {
    const op: number[] = [], ebitda: number[] = [];
    for (const seed of SEEDS) {
      const qs = run(def, 'base', 'leveraged', seed, { weeks: 208 }).result.quarters;
      const rev = revenueByYear(qs);
      // Fastest growth among 2024–2026 (2023 has no prior year).
      let best = 1;
      for (let i = 2; i < YEARS.length; i++) if (rev[i]! / Math.max(1, rev[i - 1]!) > rev[best]! / Math.max(1, rev[best - 1]!)) best = i;
      const Q = year(qs, YEARS[best]!);
      const R = total(Q, (q) => q.revenueUsd);
      op.push(total(Q, (q) => q.operatingIncomeUsd) / R);
      ebitda.push(total(Q, (q) => q.adjustedEbitdaUsd) / R);
    }
    return { op: median(op), ebitda: median(ebitda) };
  };
  it('in its fastest-growth year: fat adjusted EBITDA, most of it eaten by depreciation and stock pay', () => {
    const m = margins();
    expect(note('f1.adjustedEbitdaMargin', m.ebitda)).toBeGreaterThan(0.5);
    expect(m.ebitda).toBeLessThan(0.7);
    expect(m.ebitda - note('f1.operatingMargin', m.op)).toBeGreaterThan(0.4);
  });
  // With the finance rules alone it came out at 10.3%; with power planning and sound starts as well,
  // 3.9% (median of 20 seeds, 2026-12-01; CoreWeave 1.6%).
  it('in its fastest-growth year: GAAP operating margin in single digits', () => {
    expect(margins().op).toBeLessThan(0.1);
  });
});

describe('fact 2: balance sheets and customer concentration', () => {
  const def = scenario('default');
  it('prudent keeps debt under ~25% of assets and its top five customers under ~35% of revenue', () => {
    const debt = median(SEEDS.map((seed) => Math.max(...run(def, 'base', 'prudent', seed, { weeks: 208 }).result.quarters.map((q) => q.debtUsd / Math.max(1, q.totalAssetsUsd)))));
    const top5 = median(SEEDS.map((seed) => median(run(def, 'base', 'prudent', seed, { weeks: 208 }).result.quarters.slice(4).map((q) => q.top5CustomerShare))));
    expect(note('f2.prudentMaxDebtToAssets', debt)).toBeLessThan(0.25);
    expect(note('f2.prudentTop5Share', top5)).toBeLessThan(0.35);
  });
  it("leveraged's top customer is above ~40% of revenue in its early years", () => {
    const top = median(SEEDS.map((seed) => Math.max(...run(def, 'base', 'leveraged', seed, { weeks: 208 }).result.quarters.slice(0, 8).map((q) => q.topCustomerShare))));
    expect(note('f2.leveragedTopCustomerEarly', top)).toBeGreaterThan(0.4);
  });
});

// Facts 3 (price wars from oversupply) and 4 (rents boom and bust, substitution, surges) moved to
// test/market/rents.test.ts, each with an ablation that removes its mechanism; fact 6 (exits) is in
// test/market/exits.test.ts.

describe('fact 5: power is the binding constraint', () => {
  it('in power-crunch the leveraged strategy ends up with idle GPUs for lack of megawatts', () => {
    const pc = scenario('power-crunch');
    const idle = median(SEEDS.map((seed) => Math.max(...run(pc, 'base', 'leveraged', seed).result.quarters.map((q) => q.gpusIdle / Math.max(1, q.gpusOwned)))));
    expect(note('f5.powerCrunchMaxIdleShare', idle)).toBeGreaterThan(0.05);
  });
});

describe('fact 6: depreciation life is a reported-profit lever with no cash effect', () => {
  it('same decisions, 4 vs 6 years: cash identical every quarter, operating income differs', () => {
    const def = scenario('default');
    for (const seed of SEEDS.slice(0, 5)) {
      const a = run(def, 'dep', 'leveraged', seed, { weeks: 156, depreciationYears: 4 }).result.quarters;
      const b = run(def, 'dep', 'leveraged', seed, { weeks: 156, depreciationYears: 6 }).result.quarters;
      expect(a.map((q) => q.cashUsd)).toEqual(b.map((q) => q.cashUsd));
      expect(total(a, (q) => q.operatingIncomeUsd)).toBeLessThan(total(b, (q) => q.operatingIncomeUsd));
    }
  });
});

describe('fact 7: losing the top customer at renewal is a crisis', () => {
  // Known failure, kept visible: with its control run, the scripted walk-away makes no difference
  // (0.704 with and without the event: the idle player never bids to renew, so the anchor's revenue
  // ends with its contract either way). Losing a customer must emerge from a rival's better bid at
  // renewal (issue 9 item 5, the "power" helper's); `it.fails` turns red once it does, so whoever
  // fixes the mechanism replaces this with the real test.
  it.fails('revenue falls sharply when a concentrated customer walks away (and not when it stays)', () => {
    const mk = (leaves: boolean) => {
      const j = scenarioJson('default');
      j.id = leaves ? 'default-walkaway' : 'default-anchor';
      const co = j.company as { contracts: unknown[] };
      // An anchor tenant: most of the fleet for one year, ending in the 2025 glut.
      co.contracts = [{ customerName: 'Anchor Lab', credit: 'nonIg', modelId: 'h100', gpuCount: 1000, usdPerGpuHour: 3, startDate: '2024-06-03', termWeeks: 52, prepaidShare: 0.2, lateDeliveryPenaltyShare: 0.2 },
        { customerName: 'Inflect AI', credit: 'nonIg', modelId: 'a100', gpuCount: 2000, usdPerGpuHour: 1.35, startDate: '2023-01-02', termWeeks: 52, prepaidShare: 0, lateDeliveryPenaltyShare: 0.2 }];
      if (leaves) (j.events as unknown[]).push({ id: 'anchor-leaves', trigger: { type: 'date', date: '2025-01-06' }, effects: [{ type: 'topCustomerLeaves' }], headline: { en: 'Anchor Lab will not renew' }, explanation: { en: 'It moves to a rival.' }, pauses: false });
      return scenarioFrom(j);
    };
    const leave = mk(true), stay = mk(false);
    const conc: number[] = [];
    /** Revenue 2025Q3 ÷ 2025Q1 (NaN when a quarter is missing, which fails the strict median). */
    const ratio = (sc: typeof leave, key: string, seed: number, onBefore?: (q: QuarterReport) => void) => {
      const qs = run(sc, key, 'idle', seed, { weeks: 156 }).result.quarters;
      const before = qs.find((q) => q.label === '2025Q1'), after = qs.find((q) => q.label === '2025Q3');
      if (before && onBefore) onBefore(before);
      return before && after ? after.revenueUsd / before.revenueUsd : NaN;
    };
    const drop = SEEDS.map((seed) => ratio(leave, 'x', seed, (q) => conc.push(q.topCustomerShare)));
    // The control: the same world where the anchor is free to renew (mk(false) was built but never
    // run before, so the test could not tell the loss from the contract simply ending).
    const control = SEEDS.map((seed) => ratio(stay, 'x', seed));
    expect(note('f7.topCustomerShareBeforeLoss', median(conc))).toBeGreaterThan(0.4);
    expect(note('f7.revenueAfterLossVsBefore', median(drop))).toBeLessThan(0.8);
    expect(note('f7.revenueAfterVsBeforeWithoutLoss', median(control)) - median(drop)).toBeGreaterThan(0.1);
  });
});

describe('fact 8: sentiment', () => {
  // The lock-up drawdown (economics §9 fact 11) is tested against the unlocked share, with its
  // ablation, in finance-lessons.test.ts.
  it('share prices swing 2–4× within a year', () => {
    const def = scenario('default');
    const swings: number[] = [];
    for (const seed of SEEDS.slice(0, 10)) {
      const w = createWorld(def, { seed, strategy: 'leveraged' });
      // null = not listed (or no longer active) that week; a NaN price would reach the statistics and fail them.
      const prices: (number | null)[][] = w.companies.map(() => []);
      let ipoAt = -1;
      while (!isOver(w) && w.week < 312) {
        const p = w.companies[0]!;
        if (!p.listed && ipoAt < 0 && annualisedRevenueUsd(p) > def.finance.ipoMinAnnualRevenueUsd * 1.2 && w.market.sentiment > 1) {
          w.pending.push({ type: 'ipo', amountUsd: Math.round(annualisedRevenueUsd(p) * 0.5) });
          ipoAt = w.week;
        }
        step(w);
        w.companies.forEach((c, i) => prices[i]!.push(c.listed && c.status === 'active' ? c.sharePriceUsd : null));
      }
      let best = 0;
      for (const ps of prices) {
        for (let t = 0; t + 52 < ps.length; t += 4) {
          const win = ps.slice(t, t + 52).filter((x): x is number => x !== null);
          if (win.length > 40) best = Math.max(best, Math.max(...win) / Math.min(...win));
        }
      }
      swings.push(best);
    }
    expect(note('f8.maxSwingWithinAYear', median(swings))).toBeGreaterThanOrEqual(2);
  });
});


describe('fact 12: payback per MW is 3–5 years and very sensitive to price', () => {
  const def = scenario('default');
  /**
   * A run's median payback over its 2024–2026 quarters with MW in use (src/engine/payback.ts); a
   * quarter whose margin never pays back ranks above every finite one (Infinity); NaN when the
   * company had no MW in use in those years (bankrupt before 2024), which the strict median rejects.
   */
  const payback = (qs: QuarterReport[]) => {
    const xs = qs.filter((q) => /^202[456]Q/.test(q.label) && q.powerMwUsed > 0).map((q) => q.paybackYears ?? Infinity).sort((a, b) => a - b);
    if (xs.length === 0) return NaN;
    const m = xs.length >> 1;
    return xs.length % 2 ? xs[m]! : (xs[m - 1]! + xs[m]!) / 2;
  };
  it('leveraged in default: median payback within 3–5 years over 20 seeds', () => {
    const pb = median(SEEDS.map((seed) => payback(run(def, 'base', 'leveraged', seed, { weeks: 208 }).result.quarters)), 'payback years per run');
    expect(note('f12.leveragedPaybackYears2024to2026', pb)).toBeGreaterThanOrEqual(3);
    expect(pb).toBeLessThanOrEqual(5);
  });
  it('ablation of the rent: the same fleet at 20% lower contract rents from 2025 pays back more than 25% later (20 seeds)', () => {
    // The first 20 seeds whose player is still active through 2025Q1 (a bankruptcy before then leaves
    // no fleet to compare); how many were passed over is recorded, and at most 20 may be.
    const ratios: number[] = [];
    let passedOver = 0;
    for (let seed = 1; ratios.length < SEEDS.length && seed <= 2 * SEEDS.length; seed++) {
      const base = createWorld(def, { seed, strategy: 'leveraged' });
      while (!isOver(base) && base.week < 104) step(base);
      // From here the player stops deciding, so both copies keep the same fleet and contracts.
      base.companies[0]!.strategy = 'idle';
      const cheap = structuredClone(base);
      for (const c of cheap.companies[0]!.contracts) c.usdPerGpuHour *= 0.8;
      for (const w of [base, cheap]) while (!isOver(w) && w.week < 117) step(w);
      const a = base.companies[0]!, b = cheap.companies[0]!;
      if (a.status !== 'active' || b.status !== 'active') { passedOver++; continue; }
      const qa = a.quarters.at(-1), qb = b.quarters.at(-1);
      ratios.push(qa?.label === '2025Q1' && qb?.label === '2025Q1' && qa.paybackYears !== null && qb.paybackYears !== null ? qb.paybackYears / qa.paybackYears : NaN);
    }
    note('f12.seedsPassedOverBankrupt', passedOver);
    expect(ratios.length).toBe(SEEDS.length);
    expect(note('f12.paybackAtRentMinus20PctVsBase', median(ratios, 'payback ratio'))).toBeGreaterThan(1.25);
  });
});

describe('report', () => {
  it('prints the measured medians', () => {
    console.log(`stylised facts (medians over seeds):\n${Object.entries(report).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
  });
});
