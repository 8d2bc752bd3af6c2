/**
 * The stylised facts of economics.md §9 (issue 3), measured over 20 seeds and compared by median.
 * Nothing here is scripted: every figure comes from the agents (customers, rivals, vendor, lenders)
 * reacting to each other. Tolerances are the issue's, widened where noted; the measured medians are
 * printed so a balance change shows up as a reviewable diff of numbers (docs/calibration.md).
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, median, run, scenario, scenarioFrom, scenarioJson, total, year } from './harness.ts';
import type { QuarterReport } from '../../src/engine/reports.ts';
import type { RunResult } from '../../src/cli/run.ts';
import { createWorld, step, isOver } from '../../src/engine/api.ts';
import { annualisedRevenueUsd, capacityH100e } from '../../src/engine/metrics.ts';

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
  const margins = (sc = def, key = 'base') => {
    const op: number[] = [], ebitda: number[] = [];
    for (const seed of SEEDS) {
      const qs = run(sc, key, 'leveraged', seed, { weeks: 208 }).result.quarters;
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
  // Passes since default's lenders size on debt service (busts round 3, switched on 3 Dec with the boom
  // uncertainty; docs/calibration.md "Fact 1"): speculative build-ahead is no longer lent against, so
  // fewer halls stand empty during the build-out — EBITDA 0.572, operating margin 0.095 (seeds 1–20;
  // 101–120 measured on the same lenders in round 3: 0.571, 0.073). Before, the bundled default gave
  // EBITDA ≈0.50 (0.499 seeds 1–20, 0.516 on 101–120): colocation (21% of revenue) and overhead per
  // energised MW (16%) paid on halls 20–35% empty, plus 2% late-delivery penalties (CoreWeave Q2 2025:
  // cost of revenue 26%, other cash opex 12%). Ablation of the gap: GPUs billable on delivery
  // (`operations.rampWeeks` 0) lift the operating margin to ≈0.20 (docs/calibration.md).
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
  // Ablation: the thin margin is the build-out's — GPUs depreciate (and draw power in their halls)
  // from delivery but bill only after racking and acceptance (`operations.rampWeeks`), and in
  // hyper-growth a large share of the fleet is in that window. Billable on delivery, the same world's
  // fastest-growth year is no longer thin (docs/calibration.md measured ≈0.20 before the debt-service lenders).
  it('ablation: GPUs billable on delivery (rampWeeks 0) lift the operating margin out of single digits', () => {
    const j = scenarioJson('default');
    j.id = 'default-ramp0';
    ((j.operations ??= {}) as Record<string, unknown>).rampWeeks = 0;
    const base = margins(), billable = margins(scenarioFrom(j), 'ramp0');
    note('f1.ablation.rampWeeks0.operatingMargin', billable.op);
    note('f1.ablation.rampWeeks0.adjustedEbitdaMargin', billable.ebitda);
    expect(billable.op).toBeGreaterThanOrEqual(0.1);
    expect(billable.op).toBeGreaterThan(base.op);
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

describe('fact 7: customers are lost at renewal to a better bid, and to their own funding shocks', () => {
  // economics.md §5 and §9 fact 10: renewal 60–80% at market price; losing the top customer is a
  // crisis. Nothing is scripted here: an expiring contract is re-tendered, the incumbent re-bids
  // against rivals, and the customer moves to the best score; contract customers also default, more
  // often when sentiment sours. The ablation asks only the incumbent to renew (renewalCompetition
  // off): the losses at renewal disappear and only defaults remain.
  /**
   * Weekly revenue (GPUs × price) of the player's contracts that came up for renewal, split into kept,
   * lost to a rival and unanswered (no award: the incumbent did not bid, or bid above the customer's
   * walk-away price, e.g. while bankrupt or short of GPUs), plus what defaulted; over 2023–2026.
   */
  const losses = (sc: ReturnType<typeof scenario>, seed: number) => {
    const w = createWorld(sc, { seed, strategy: 'leveraged' });
    const pending = new Map<string, number>();
    const ends = new Map<string, number>();
    let lost = 0, kept = 0, unanswered = 0, defaulted = 0;
    while (!isOver(w) && w.week < 208) {
      const p = w.companies[0]!;
      for (const c of p.contracts) if (!ends.has(c.id)) ends.set(c.id, c.endWeek);
      step(w);
      // A renewal the player is incumbent on (or barred from, when the scripted event made the customer leave).
      for (const rfp of w.rfps) {
        if (rfp.kind !== 'renewal' || (rfp.incumbentIndex !== 0 && rfp.incumbentIndex !== -2) || pending.has(rfp.id)) continue;
        const c = p.contracts.find((x) => x.customerName === rfp.customerName && x.endWeek === rfp.startWeek);
        // The contract may have been cut short in the step that opened its renewal (the customer
        // defaulted or cancelled): that revenue is counted as defaulted below, not again here.
        const cutShort = !c && p.contracts.some((x) => x.customerName === rfp.customerName && x.renewalIssued && x.endWeek < rfp.startWeek && x.endWeek < (ends.get(x.id) ?? x.endWeek));
        pending.set(rfp.id, c ? c.gpuCount * c.usdPerGpuHour : cutShort ? 0 : NaN);
      }
      for (const rfp of w.closedRfps) {
        const v = pending.get(rfp.id);
        if (v === undefined) continue;
        if (rfp.winnerIndex === 0) kept += v; else if (rfp.winnerIndex === null) unanswered += v; else lost += v;
        pending.delete(rfp.id);
      }
      for (const c of p.contracts) {
        const e = ends.get(c.id);
        if (e !== undefined && c.endWeek < e) { defaulted += c.gpuCount * c.usdPerGpuHour; ends.set(c.id, c.endWeek); }
      }
    }
    return { lost, kept, unanswered, defaulted };
  };
  const variantOf = (id: string, f: (j: Record<string, unknown>) => void) => { const j = scenarioJson('default'); j.id = id; f(j); return scenarioFrom(j); };
  const demandOf = (j: Record<string, unknown>) => (j.market as { demand: Record<string, unknown> }).demand;
  it('a provider loses 15–70% of the contract revenue that comes up for renewal; none at renewal without rival bids (ablation); a scripted walk-away adds to it', () => {
    const base = scenario('default');
    const noCompetition = variantOf('default-no-renewal-competition', (j) => { demandOf(j).renewalCompetition = false; });
    const walkaway = variantOf('default-walkaway', (j) => {
      (j.events as unknown[]).push({ id: 'top-leaves', trigger: { type: 'date', date: '2025-01-06' }, effects: [{ type: 'topCustomerLeaves' }], headline: { en: 'Your top customer will not renew' }, explanation: { en: 'It moves to a rival.' }, pauses: false });
    });
    const on = SEEDS.map((seed) => losses(base, seed));
    const off = SEEDS.map((seed) => losses(noCompetition, seed));
    const event = SEEDS.map((seed) => losses(walkaway, seed));
    // Shares of the revenue that came up, pooled over the seeds: a seed where nothing came up for
    // renewal or defaulted in 2023–2026 (seed 307 with the walk-away: its contracts all run past 2026)
    // has no share of its own (0/0) and adds nothing to the pool rather than an undefined value; the
    // pool is required to rest on most seeds.
    const pooled = (xs: typeof on, label: string) => {
      const up = xs.reduce((a, x) => a + x.lost + x.kept + x.unanswered + x.defaulted, 0);
      expect(Number.isFinite(up), `${label}: a renewal whose contract was not found`).toBe(true);
      expect(up, `${label}: nothing came up for renewal in any seed`).toBeGreaterThan(0);
      return xs.reduce((a, x) => a + x.lost + x.unanswered + x.defaulted, 0) / up;
    };
    const cameUp = (x: (typeof on)[number]) => x.lost + x.kept + x.unanswered + x.defaulted > 0;
    note('f7.seedsWithRenewalsOrDefaults', on.filter(cameUp).length);
    expect(on.filter(cameUp).length).toBeGreaterThanOrEqual(0.75 * SEEDS.length);
    const lossShare = note('f7.revenueLostAtRenewalOrDefault', pooled(on, 'loss share'));
    const offShare = note('f7.revenueLostWithoutRenewalCompetition', pooled(off, 'loss share, ablation'));
    const eventShare = note('f7.revenueLostWithScriptedWalkaway', pooled(event, 'loss share, scripted'));
    note('f7.seedsLosingAtRenewal', on.filter((x) => x.lost > 0).length);
    // Renewal 60–80% at market price (economics §5 [E]); measured ≈ 0.5 (above it: a renewal asks for the
    // newest generation 60% of the time, which the incumbent does not yet own): required 15–70%.
    expect(lossShare).toBeGreaterThanOrEqual(0.15);
    expect(lossShare).toBeLessThanOrEqual(0.7);
    // The ablation: no rival may bid at renewal, so no revenue is lost to a rival there — only to
    // defaults, and to renewals the incumbent left unanswered (no award; before this split, seeds
    // 701–720 failed here on such a renewal, measured 4 Dec).
    expect(SEEDS.filter((_, i) => off[i]!.lost > 0), 'seeds losing a renewal to a rival without renewal competition').toEqual([]);
    expect(lossShare - offShare).toBeGreaterThan(0.1);
    // The scripted event still works, on top of what the market does.
    expect(eventShare).toBeGreaterThanOrEqual(lossShare);
  }, 900_000);
});

describe('fact 10: lumpy mega-deals with giant buyers; the prudent provider stays diversified', () => {
  // economics.md §9 facts 3 and 10 (CoreWeave: Microsoft ≈62% of 2024 revenue, backlog ≈10× revenue;
  // Nebius: top five ≈15%). Nothing is pinned: default's only scenario contract ends in 2023, so the
  // leveraged grower's 2024 book is all won in the RFP market. Mega-deals are on in default (4 a year:
  // a hyperscaler or lab asks for 10–30% of a provider's capacity for 4–6 years, 26 weeks ahead; a
  // buyer already running with a neocloud expands there first, and follow-ons come from buyers in
  // proportion to what they hold) and are won by the ordinary scoring; prudent does not bid for blocks
  // that large. The ablation switches them off (megaDealsPerYear 0): the backlog and the top customer fall back.
  const def = scenario('default');
  const ablated = (() => { const j = scenarioJson('default'); j.id = 'default-no-mega-deals'; (j.market as { demand: Record<string, unknown> }).demand.megaDealsPerYear = 0; return scenarioFrom(j); })();
  /** Revenue-weighted top-customer share over a calendar year. */
  const yearTop = (qs: QuarterReport[], y: string) => total(year(qs, y), (q) => q.topCustomerShare * q.revenueUsd) / total(year(qs, y), (q) => q.revenueUsd);
  /**
   * How far a leveraged run is played: default's to 2026 (the runs fact 1 makes, shared), an
   * ablation's only to the close of 2024Q4 (week 104), all these tests read — a third of the weeks.
   */
  const weeksOf = (sc: typeof def) => (sc === def ? 208 : 104);
  /** The 2024 quarters of a run, all four (a run cut short of 2024Q4 would skew the year): throws otherwise unless bankrupt. */
  const quarters2024 = (r: RunResult) => {
    const qs = year(r.quarters, '2024');
    if (qs.length !== 4 && r.outcome.status !== 'bankrupt') throw new Error(`${qs.length} quarters of 2024 in a run of ${r.quarters.length}`);
    return qs;
  };
  const top2024 = (sc: typeof def) => median(SEEDS.map((seed) => { const qs = quarters2024(run(sc, 'base', 'leveraged', seed, { weeks: weeksOf(sc) }).result); return yearTop(qs, '2024'); }), 'top customer 2024');
  /** Backlog ÷ annualised revenue at 2024Q4; a grower bankrupt before then has no contracts left: 0, counted (never dropped). */
  const backlog2024 = (sc: typeof def) => median(SEEDS.map((seed) => {
    const r = run(sc, 'base', 'leveraged', seed, { weeks: weeksOf(sc) }).result;
    const q = quarters2024(r).find((x) => x.label === '2024Q4');
    return q ? q.backlogUsd / (4 * q.revenueUsd) : r.outcome.status === 'bankrupt' ? 0 : NaN;
  }), 'backlog ÷ annual revenue');
  /**
   * The neoclouds' backlog ÷ annual revenue at 2024Q4, per seed, in a world whose player is idle (so
   * the world runs on whoever wins the blocks): the sum over every company but the hyperscaler. Played
   * to the close of 2024Q4 (week 103) only.
   */
  const sectorBacklog2024 = (sc: typeof def) => SEEDS.map((seed) => {
    const w = run(sc, 'base', 'idle', seed, { weeks: 104 }).world;
    let backlogUsd = 0, annualRevenueUsd = 0;
    for (const co of w.companies) {
      const q = co.strategy === 'hyperscaler' ? undefined : co.quarters.find((x) => x.label === '2024Q4');
      if (q) { backlogUsd += q.backlogUsd; annualRevenueUsd += 4 * q.revenueUsd; }
    }
    return backlogUsd / annualRevenueUsd;
  });
  // Mega-deals lengthen the neoclouds' backlog: signed 26 weeks ahead for four to six years. Read over
  // the sector, because which grower wins the few blocks a year is a draw: the leveraged player's own
  // backlog rose by 0.10–1.08× in the median across eight seed lists (in 13–16 of 20 seeds), under
  // 0.3× on two of them (801–820, 1101–1120), while the sector's rose by 0.51–0.78× on the three lists
  // measured (1–20, 801–820, 1101–1120; in 19–20 of 20 seeds). Nor is it asserted that mega-deals
  // concentrate the book: ordinary big RFPs are lumps of the same size, so without mega-deals the
  // top customer barely moves on most lists (0.262 → 0.276 on 801–820, +0.027 on 901–920, 0.278 →
  // 0.274 on 1001–1020). Concentration is the lumpy-deal ablation's, below (0.278 → 0.122 on 1001–1020).
  it('mega-deals lengthen the neoclouds\' backlog (ablation: none → shorter, in most seeds); prudent\'s top five stay under ~35% of revenue', () => {
    const on = sectorBacklog2024(def), off = sectorBacklog2024(ablated);
    const onMedian = note('f10.sectorBacklogToRevenue2024Q4', median(on, 'sector backlog ÷ revenue'));
    const offMedian = note('f10.sectorBacklogToRevenue2024Q4NoMegaDeals', median(off, 'sector backlog ÷ revenue, no mega-deals'));
    // The leveraged grower's own book, reported for docs/calibration.md (not asserted, above).
    note('f10.leveragedBacklogToRevenue2024Q4', backlog2024(def));
    note('f10.leveragedBacklogToRevenue2024Q4NoMegaDeals', backlog2024(ablated));
    note('f10.leveragedTopCustomer2024OwnAwards', top2024(def));
    note('f10.leveragedTopCustomer2024NoMegaDeals', top2024(ablated));
    // Fact 1's prudent runs (the same world and key): no second set of runs.
    const pruTop5 = note('f10.prudentTop5Share2025', median(SEEDS.map((seed) => { const qs = year(run(def, 'base', 'prudent', seed, { weeks: 208 }).result.quarters, '2025'); return total(qs, (q) => q.top5CustomerShare * q.revenueUsd) / total(qs, (q) => q.revenueUsd); }), 'prudent top five'));
    expect(onMedian - offMedian).toBeGreaterThan(0.3);
    expect(on.filter((x, i) => x > off[i]!).length).toBeGreaterThanOrEqual(0.75 * SEEDS.length);
    expect(pruTop5).toBeLessThan(0.35);
  });
  // Mega-deals are not the only lumps: an ordinary hyperscaler or lab RFP may ask for up to
  // rfpMaxShareOfDemand (0.1) of the whole market, as large as a small provider's fleet in 2023–24,
  // so without mega-deals the top customer is still ≈0.25 (and on seeds 801–820 mega-deals did not
  // raise it: 0.262 with, 0.276 without). The ablation of lumpiness itself: no mega-deals and every
  // RFP at most a fifth as large, about six times as many (rfpPerYear × 5; the engine draws whole RFPs
  // a week, so the count rounds up), the contracted volume still set by the demand gap. Measured 4 Dec:
  // top customer 0.297 → 0.107 (seeds 1–20), 0.262 → 0.124 (801–820); contract share of revenue
  // 0.91 → 0.96 and 0.93 → 0.96.
  const noLumps = (() => {
    const j = scenarioJson('default');
    j.id = 'default-no-lumpy-deals';
    const d = (j.market as { demand: Record<string, number> }).demand;
    Object.assign(d, { megaDealsPerYear: 0, rfpPerYear: d.rfpPerYear! * 5, rfpMaxShareOfDemand: d.rfpMaxShareOfDemand! / 5 });
    return scenarioFrom(j);
  })();
  /** Contract revenue ÷ revenue over 2024, per seed. */
  const contractShare2024 = (sc: typeof def) => median(SEEDS.map((seed) => { const qs = quarters2024(run(sc, 'base', 'leveraged', seed, { weeks: weeksOf(sc) }).result); return total(qs, (q) => q.contractRevenueUsd) / total(qs, (q) => q.revenueUsd); }), 'contract share of revenue 2024');
  it('concentration comes from lumpy deals: with no mega-deals and RFPs a fifth as large (about six times as many), the leveraged grower\'s 2024 top customer falls by more than half while as much of its revenue is contracted', () => {
    const topOn = top2024(def);
    const topFlat = note('f10.leveragedTopCustomer2024NoLumpyDeals', top2024(noLumps));
    expect(topFlat).toBeLessThan(0.5 * topOn);
    expect(Math.abs(contractShare2024(noLumps) - contractShare2024(def))).toBeLessThan(0.1);
  });
  // Known gap, kept visible: the issue's targets are a 2024 top customer ≥ 45% from own awards and
  // backlog 5–10× revenue (CoreWeave 62%, ≈10×); measured with mega-deals on ≈ 0.25 and ≈ 3.8× (median
  // of 20 seeds, 2 Dec). Big buyers keeping 60% of their demand for blocks of 0.3–1.0 of a provider's
  // capacity, new blocks from giants (`megaDealReservedShare`, `megaDealBuyersBySize`, built, off in
  // default) give 0.40 / 0.36 and 3.9× / 4.0× (seeds 1–20 / 101–120) but cost fact 1 (0.50 → 0.44) and a
  // third of the player's 2024 revenue (docs/calibration.md). With realistic contract prices as well
  // (leveraged discounts 0.05 ≈ 0.52× the on-demand index), 5 blocks a year and an anchor buyer
  // (`anchorBuyerShareOfSegment` 0.65, built, off): 0.48 / 0.52 and 5.6× / 4.9× (seeds 1–20 / 101–120),
  // fact 1 0.56 / 0.54, but the fastest-growth year's operating margin 9.9% / 7.9%, the anchor's ablation
  // does not separate and backlog misses on the second set: off. With the leveraged grower building ahead
  // in power and ordering GPUs only for contracts (\`buildAheadKind\` power, speculative 0): 0.60 / 0.64 and
  // 6.1× / 5.9×, mega-deals off 0.35–0.37 and 2.0–2.3×, but fact 1's operating margin 0.16 / 0.15: off.
  // Switched on in default to test it (deals, fifth session): these targets pass (0.598, 6.12×), but fact 7's
  // renewal loss goes to 1.0 (≈2 renewals a run, the grower now the highest bidder), fact 12's payback to
  // 2.45 / 2.88 years, the largest neocloud to 0.457 / 0.497 of capacity, fact 2’s interest to 8% of revenue and
  // ai-winter’s leveraged bust rate to 1/20 (docs/calibration.md): off.
  // \`it.fails\` turns red once the targets are met.
  it.fails('meets the issue\'s targets: top customer ≥ 45% of 2024 revenue and backlog ≥ 5× annual revenue', () => {
    expect(top2024(def)).toBeGreaterThanOrEqual(0.45);
    expect(backlog2024(def)).toBeGreaterThanOrEqual(5);
  });
});

describe('the hyperscaler stays dominant and no neocloud runs away', () => {
  // A hyperscaler is never bankrupt: its GPU cloud's EBITDA can turn negative in a glut and breach a
  // leverage covenant, but loans the cash covers are repaid when called, and in a cure period it pays
  // its bonds off (agents.hyperscaler.curesBreaches). Before both, MegaCloud went bankrupt in 3 of
  // seeds 1–20 and 5 of 501–520, its fleet auctioned to the largest neocloud (0.453 of capacity on 501–520).
  it('at the end of default the hyperscaler holds ≥ 10% of world capacity, has never gone bankrupt, and no neocloud holds > 45% (20 seeds, leveraged player)', () => {
    const def = scenario('default');
    const hs: number[] = [], big: number[] = [];
    const hsBankrupt: number[] = [];
    for (const seed of SEEDS) {
      const w = run(def, 'full', 'leveraged', seed).world;
      if (w.companies.find((c) => c.strategy === 'hyperscaler')!.status !== 'active') hsBankrupt.push(seed);
      const caps = w.companies.map((c) => (c.status === 'active' ? capacityH100e(w, c, false) : 0));
      const all = caps.reduce((a, b) => a + b, 0);
      hs.push(caps[w.companies.findIndex((c) => c.strategy === 'hyperscaler')]! / all);
      big.push(Math.max(...caps.filter((_x, i) => w.companies[i]!.strategy !== 'hyperscaler')) / all);
    }
    expect(hsBankrupt, 'seeds where the hyperscaler went bankrupt').toEqual([]);
    expect(note('hs.hyperscalerShareOfCapacityEnd', median(hs, 'hyperscaler share'))).toBeGreaterThanOrEqual(0.1);
    expect(note('hs.largestNeocloudShareEnd', median(big, 'largest neocloud share'))).toBeLessThanOrEqual(0.45);
  });
});

describe('fact 8: sentiment', () => {
  // The lock-up drawdown (economics §9 fact 11) is tested against the unlocked share, with its
  // ablation, in finance-lessons.test.ts.
  // economics §9 fact 11: "share prices swing 2–4× within months". Per listed neocloud (the player,
  // listed by a forced IPO, and the rivals; not the hyperscaler, whose stock is its parent's), its
  // largest swing — highest over lowest price — within any 26 weeks it traded for at least 20;
  // the median over the companies of 10 seeds. Measured 4 Dec (seeds 1–10, 11–20, 1001–1010,
  // 1301–1310): 3.12, 3.34, 3.31, 3.59 (33–36 companies each). The largest company's swing per seed
  // (the measure before: ≥ 2 asked) is reported: its median 3.4–10×, because in a quarter of the
  // unseen seeds' companies a levered grower flips between its distressed floor and its growth
  // value (docs/calibration.md "per-company share-price swings").
  it('share prices swing 2–4× within months (per listed neocloud, median over companies)', () => {
    const def = scenario('default');
    const perCompany: number[] = [], largest: number[] = [];
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
      w.companies.forEach((c, i) => {
        if (c.strategy === 'hyperscaler') return;
        const ps = prices[i]!;
        let swing = 0;
        for (let t = 0; t + 26 <= ps.length; t += 2) {
          const win = ps.slice(t, t + 26).filter((x): x is number => x !== null);
          if (win.length >= 20) swing = Math.max(swing, Math.max(...win) / Math.min(...win));
        }
        if (swing > 0) { perCompany.push(swing); best = Math.max(best, swing); }
      });
      largest.push(best);
    }
    note('f8.listedNeocloudsMeasured', perCompany.length);
    note('f8.largestSwingWithin26WeeksPerSeed', median(largest, 'largest swing per seed'));
    expect(perCompany.length, 'listed neoclouds in 10 seeds').toBeGreaterThanOrEqual(20);
    const m = note('f8.swingWithin26WeeksPerCompany', median(perCompany, 'swing per listed neocloud'));
    expect(m).toBeGreaterThanOrEqual(2);
    expect(m).toBeLessThanOrEqual(4);
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
