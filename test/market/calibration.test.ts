/**
 * Calibration against CoreWeave (issue 9, "Tests that can fail"): the median over seeds 1–20 (the
 * issue asks ten; why twenty, at the test) of the Q2 2025 GAAP operating margin of
 * scenarios/coreweave-2023.json (CoreWeave's recorded decisions, the leveraged autopilot after June
 * 2025) within ±6 points of the reported 1.6%.
 *
 * What makes it land (docs/calibration.md, measured): CoreWeave's GPUs were paid for with committed
 * delayed-draw term loans — DDTL 1.0 ($2.3B, Jul 2023), a 2024 term loan ($1.0B) and DDTL 2.0 ($7.5B,
 * May 2024), pinned in the scenario as `company.committedFacilities` (finance/commitment.ts): lenders
 * that committed at signing lend each draw against the borrowing base, without underwriting it again.
 * Bundled: −1.3% (seeds 1–20), +0.4% (21–60) on 5 Dec; no run bankrupt.
 * Two ablations, each a scenario variant (src/cli/calibration.ts):
 * - `uncommitted` — the commitments removed: the model's lenders underwrite every recorded draw
 *   afresh and refuse the Aug 2023 draw (nothing lent against contracts whose GPUs are not yet
 *   bought), the GPU orders it paid for fail, and the margin falls to ≈ −40% (some runs bankrupt);
 * - `no-book` — the contracts beyond the named deals removed (NVIDIA's rent-back, the other contract
 *   customers: `BOOK_CUSTOMERS`): GPUs sell on demand instead and the margin falls to ≈ −7…−10%.
 */
import { describe, expect, it } from 'vitest';
import { run, scenarioFrom, scenarioJson, summarize } from './harness.ts';
import { Q2_2025_MARGIN, Q2_2025_MARGIN_BAND, calibrationVariantJson, q2Margin, refusedDecisions, type RefusedDecision } from '../../src/cli/calibration.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';

const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);
/**
 * The band and the mechanism tests read twice as many seeds: a median of ten moved by 4–5 points
 * between worlds that differed only in their paths (no-book's gap to bundled: 0.036–0.093 on seeds 1–10 and 11–20
 * across three versions of the model, 0.064–0.077 over twenty).
 */
const MECHANISM_SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
/** Q2 2025 closes in week 130 of the scenario (from 2 Jan 2023). */
const WEEKS = 132;

const bundled = scenarioFrom(scenarioJson('coreweave-2023'));
/** The commitments removed (every draw underwritten afresh); the contracts beyond the named deals removed. */
const uncommitted = scenarioFrom(calibrationVariantJson(scenarioJson('coreweave-2023'), 'uncommitted'));
const noBook = scenarioFrom(calibrationVariantJson(scenarioJson('coreweave-2023'), 'no-book'));

interface Played { margin: number; revenueUsd: number; refused: RefusedDecision[] }
const cache = new Map<string, Played>();
function play(sc: Scenario, seeds: readonly number[] = SEEDS): Played[] {
  return seeds.map((seed) => {
    const key = `${sc.id} ${seed}`;
    let p = cache.get(key);
    if (!p) {
      const r = run(sc, 'calibration', 'leveraged', seed, { weeks: WEEKS });
      p = { margin: q2Margin(r.result.quarters), revenueUsd: r.result.quarters.find((q) => q.label === '2025Q2')?.revenueUsd ?? NaN, refused: refusedDecisions(sc, r.world) };
      cache.set(key, p);
    }
    return p;
  });
}
/** Median over seeds with the runs that have no Q2 2025 (bankrupt before it) counted, never dropped. */
function marginMedian(ps: Played[]): { p50: number; missing: number } {
  const s = summarize(ps.map((p) => p.margin));
  return { p50: s.p50, missing: s.nonFinite };
}

describe('calibration: CoreWeave Q2 2025 GAAP operating margin (issue 9)', () => {
  // Read over twenty seeds, not ten: the margin is bimodal. In a quarter of the runs (15 of seeds
  // 1–60, 5 Dec) the Oct 2023 H100s arrive before the Mar 2024 order (the model's lead time then is
  // 17–27 weeks; the record's 36–52), their payment leaves $0.41–0.46B against a $0.53–0.54B deposit,
  // the order is refused and Q2 2025 lands at −13…−16% instead of −2…+3%. A median of ten then falls
  // between the modes whenever five of the ten draw the low one (≈ 8% of seed lists; seeds 1–10 did
  // after the week-0 compute index was fixed: −8.6%, while 1–20 read −1.3% and 21–60 +0.4%); of
  // twenty, ≈ 1.4%.
  it('median over seeds 1–20 within 1.6% ± 6 points, every seed reaching Q2 2025', () => {
    const m = marginMedian(play(bundled, MECHANISM_SEEDS));
    expect(m.missing).toBe(0);
    expect(Math.abs(m.p50 - Q2_2025_MARGIN)).toBeLessThanOrEqual(Q2_2025_MARGIN_BAND);
  }, 120_000);

  it('as bundled, the committed facilities lend every recorded draw; history diverges at most at the Mar 2024 order, when the delivered Oct 2023 GPUs have taken the cash for its deposit', () => {
    const ps = play(bundled, MECHANISM_SEEDS);
    let whole = 0;
    for (const p of ps) {
      for (const d of p.refused) expect(`${d.date} ${d.type} ${d.reasonId}`).toBe('2024-03-04 orderGpus refuse.depositCash');
      if (p.refused.length === 0) whole++;
    }
    // Most seeds carry out every recorded decision. Measured on seeds 1–20: 16 (4 Dec), 14 (5 Dec, session 31).
    expect(whole).toBeGreaterThan(ps.length / 2);
  }, 120_000);

  it('ablation: without the commitments the model\'s lenders refuse the Aug 2023 draw, its GPU order fails, and the margin falls far below the band', () => {
    const u = play(uncommitted);
    for (const p of u) expect(p.refused.find((d) => d.date === '2023-08-07' && d.type === 'drawFacility')?.reasonId).toMatch(/^refuse\.(facilityRoom|facilitySized|lender)/);
    const mb = marginMedian(play(bundled)), mu = marginMedian(u);
    // Measured ≈ −40% (seeds 1–10). A run bankrupt before Q2 2025 has no margin: counted in `missing`, and the median of the
    // rest can only be higher than with it, so the test is the stricter for it.
    expect(mu.p50).toBeLessThan(Q2_2025_MARGIN - Q2_2025_MARGIN_BAND - 0.15);
    expect(mb.p50 - mu.p50).toBeGreaterThanOrEqual(0.2);
  }, 120_000);

  it('ablation: without the contracted book beyond the named deals the GPUs sell on demand and the margin leaves the band', () => {
    const mb = marginMedian(play(bundled, MECHANISM_SEEDS)), mn = marginMedian(play(noBook, MECHANISM_SEEDS));
    expect(mn.missing).toBe(0);
    // Measured −7.2% (seeds 1–10), −9.7% (11–20); over seeds 1–20 −6.7% against bundled's 0.0% (5 Dec,
    // session 31): ≥ 4 points below bundled and under the band.
    expect(mb.p50 - mn.p50).toBeGreaterThanOrEqual(0.04);
    expect(mn.p50).toBeLessThan(Q2_2025_MARGIN - Q2_2025_MARGIN_BAND);
  }, 180_000);
});
