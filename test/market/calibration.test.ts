/**
 * Calibration against CoreWeave (issue 9, "Tests that can fail"): the median over seeds 1–10 of the
 * Q2 2025 GAAP operating margin of scenarios/coreweave-2023.json (CoreWeave's recorded decisions,
 * the leveraged autopilot after June 2025) within ±6 points of the reported 1.6% — and why it misses.
 *
 * Measured (docs/calibration.md): as bundled the model's lenders refuse CoreWeave's recorded DDTL
 * draws (Aug 2023: facility room; Nov 2023 and later: the 2× interest cover on next year's
 * deliverable contracts), the recorded GPU orders those draws paid for fail for want of deposit
 * cash, and the fleet that earns in 2025 is a third smaller while leases and overheads stay: margin
 * ≈ −14%. Two causes, each switched on and off here (variants in src/cli/calibration.ts):
 * - lending: with lenders that lend every recorded draw (`lent`) every recorded decision is carried
 *   out and the margin rises to ≈ −7%, still outside the band: GPUs beyond the pinned contracts sell
 *   on demand at ~10% utilisation, where CoreWeave sold them under contracts;
 * - the contracted book: CoreWeave's contracts beyond the pinned deals (NVIDIA's $1.3B rent-back and
 *   the other customers' share of Q2 2025 revenue, sized from reported figures: `OTHER_CONTRACT_BOOK`)
 *   with the model's lenders (`book`) make it worse (≈ −40%: the draws that buy their GPUs are still
 *   refused, the contracts go undelivered); with every draw lent as well (`book-lent`) the margin
 *   lands in the band (≈ 0%; seeds 11–20 ≈ −1%).
 * So the bundled scenario misses because the model's lenders refuse draws CoreWeave's lenders made,
 * not because of its costs; the target stays an expected failure until the lending rules (the finance
 * owner's) can lend a committed, contract-secured delayed-draw facility like DDTL 1.0/2.0.
 */
import { describe, expect, it } from 'vitest';
import { run, scenarioFrom, scenarioJson, summarize } from './harness.ts';
import { Q2_2025_MARGIN, Q2_2025_MARGIN_BAND, calibrationVariantJson, q2Margin, refusedDecisions, type RefusedDecision } from '../../src/cli/calibration.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';

const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);
/** Q2 2025 closes in week 130 of the scenario (from 2 Jan 2023). */
const WEEKS = 132;

const bundled = scenarioFrom(scenarioJson('coreweave-2023'));
/** Lenders that lend every recorded draw (`EVERY_DRAW_LENT`: every company in the world); the contracted book beyond the pinned deals (`OTHER_CONTRACT_BOOK`); both. */
const lent = scenarioFrom(calibrationVariantJson(scenarioJson('coreweave-2023'), 'lent'));
const book = scenarioFrom(calibrationVariantJson(scenarioJson('coreweave-2023'), 'book'));
const bookLent = scenarioFrom(calibrationVariantJson(scenarioJson('coreweave-2023'), 'book-lent'));

interface Played { margin: number; revenueUsd: number; refused: RefusedDecision[] }
const cache = new Map<string, Played[]>();
function play(sc: Scenario): Played[] {
  let p = cache.get(sc.id);
  if (!p) {
    p = SEEDS.map((seed) => {
      const r = run(sc, 'calibration', 'leveraged', seed, { weeks: WEEKS });
      return { margin: q2Margin(r.result.quarters), revenueUsd: r.result.quarters.find((q) => q.label === '2025Q2')?.revenueUsd ?? NaN, refused: refusedDecisions(sc, r.world) };
    });
    cache.set(sc.id, p);
  }
  return p;
}
/** Median over seeds with the runs that have no Q2 2025 (bankrupt before it) counted, never dropped. */
function marginMedian(ps: Played[]): { p50: number; missing: number } {
  const s = summarize(ps.map((p) => p.margin));
  return { p50: s.p50, missing: s.nonFinite };
}

describe('calibration: CoreWeave Q2 2025 GAAP operating margin (issue 9)', () => {
  // The target. Expected to fail until the model's lenders lend what CoreWeave's did (the file
  // comment; the last test shows the rest of the gap is the contract book); `it.fails` turns red once
  // the median lands in the band.
  it.fails('median over seeds 1–10 within 1.6% ± 6 points, every seed reaching Q2 2025', () => {
    const m = marginMedian(play(bundled));
    expect(m.missing).toBe(0);
    expect(Math.abs(m.p50 - Q2_2025_MARGIN)).toBeLessThanOrEqual(Q2_2025_MARGIN_BAND);
  }, 120_000);

  it('as bundled, the lenders refuse the recorded Aug 2023 DDTL draw and the GPU order it paid for fails: history diverges (the news says why)', () => {
    for (const p of play(bundled)) {
      const draw = p.refused.find((d) => d.date === '2023-08-07' && d.type === 'drawFacility');
      expect(draw?.reasonId).toMatch(/^refuse\.(facilityRoom|facilitySized|lender)/);
      expect(p.refused.find((d) => d.date === '2023-10-02' && d.type === 'orderGpus')?.reasonId).toBe('refuse.depositCash');
    }
  }, 120_000);

  it('lending ablation: with every recorded draw lent, every recorded decision is carried out and the margin and revenue rise', () => {
    const b = play(bundled), l = play(lent);
    for (const p of l) expect(p.refused).toEqual([]);
    const mb = marginMedian(b), ml = marginMedian(l);
    expect(mb.missing).toBeLessThanOrEqual(1);
    expect(ml.missing).toBe(0);
    // Refused draws cost the margin ≥ 4 points (measured ≈ 7) and Q2 2025 revenue ≥ 10% (measured ≈ 17%).
    expect(ml.p50 - mb.p50).toBeGreaterThanOrEqual(0.04);
    expect(summarize(l.map((p) => p.revenueUsd)).p50).toBeGreaterThanOrEqual(1.1 * summarize(b.map((p) => p.revenueUsd)).p50);
    // …and it still misses the band: the rest of the gap is the contract book (next test).
    expect(ml.p50).toBeLessThan(Q2_2025_MARGIN - Q2_2025_MARGIN_BAND);
  }, 120_000);

  it('the contracted book beyond the pinned deals lands the margin in the band only with every recorded draw lent: the bundled miss is the lenders', () => {
    // With the model's lenders the book does not help: the Aug 2023 draw is still refused, the GPUs
    // for the new contracts are never bought, and the margin stays far below the band (measured ≈ −40%).
    const k = play(book);
    for (const p of k) expect(p.refused.find((d) => d.date === '2023-08-07' && d.type === 'drawFacility')).toBeDefined();
    expect(marginMedian(k).p50).toBeLessThan(Q2_2025_MARGIN - Q2_2025_MARGIN_BAND);
    // Lent and booked: every recorded decision is carried out and the median lands in the band
    // (measured 0.3%, p10–p90 −1.3%…1.1%; seeds 11–20: −0.6%).
    const kl = play(bookLent);
    for (const p of kl) expect(p.refused).toEqual([]);
    const m = marginMedian(kl);
    expect(m.missing).toBe(0);
    expect(Math.abs(m.p50 - Q2_2025_MARGIN)).toBeLessThanOrEqual(Q2_2025_MARGIN_BAND);
  }, 180_000);
});
