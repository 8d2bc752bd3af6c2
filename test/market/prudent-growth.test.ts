/**
 * Issue 9 item 6: the prudent (Nebius-like) autopilot grows with the market on equity, not on debt.
 * In `default` the market's revenue (every provider's) grows many times from 2023 to 2027; prudent
 * used to hoard its cash and fall far behind. With its growth rule on (`agents.prudent`:
 * `revenueShareKept` — it wins back its place in the market after a year sat out —, and
 * `warmGrowthPerReview` — while sentiment is at least `growthEquityMinSentiment` a busy fleet grows
 * by its part of the demand the whole market turned away last quarter, with equity) its revenue
 * grows roughly with the market's (it reaches the $1B objective in a few seeds: reported, not
 * required), while it rarely fails. Ablation: both switched off (the rule it had) → its growth falls further behind the
 * market's, in most seeds (paired by seed) and in the median. Measured 4 Dec, seeds 1–20: growth ÷
 * market 0.70 (rule off 0.48; higher with the rule in 18 of 20 seeds), $1B reached in 1 seed, no
 * bust; seeds 301–320: 0.71, 1 seed.
 * Over the harness's seeds (1–20, or NEOCLOUD_SEEDS); medians fail on a non-finite value.
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, median, run, scenario, scenarioFrom, scenarioJson } from './harness.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import type { World } from '../../src/engine/types.ts';

const report: Record<string, number> = {};
const note = (k: string, v: number) => { report[k] = Math.round(v * 1000) / 1000; return v; };

/** 2023 through 2027: the build-out and the year the revenue objective is judged. */
const WEEKS = 260;

/** The market's revenue in a closed quarter: every provider's report with that label. */
function marketRevenue(w: World, label: string): number {
  let s = 0;
  for (const c of w.companies) s += c.quarters.find((q) => q.label === label)?.revenueUsd ?? 0;
  return s;
}

/** The player's revenue growth (2027's last quarter ÷ 2023's first) over the market's. */
function growthVsMarket(w: World): { mine: number; market: number } {
  const qs = w.companies[0]!.quarters;
  const first = qs[0]!, last = qs[qs.length - 1]!;
  return { mine: last.revenueUsd / Math.max(1, first.revenueUsd), market: marketRevenue(w, last.label) / Math.max(1, marketRevenue(w, first.label)) };
}

const bust = (w: World) => (w.companies[0]!.status === 'bankrupt' || w.companies[0]!.restructured ? 1 : 0);
/** Annualised revenue ≥ $1B at the end of 2027 (the default lesson's objective). */
const reachedObjective = (w: World) => {
  const qs = w.companies[0]!.quarters;
  return w.companies[0]!.status !== 'bankrupt' && qs[qs.length - 1]!.revenueUsd * 4 >= 1e9 ? 1 : 0;
};

describe('prudent grows with the market on equity (issue 9 item 6)', () => {
  // The rule is built but off in the bundled scenarios (default's agents.prudent: revenueShareKept 0,
  // warmGrowthPerReview 0, growthEquityMinSentiment 0 — the rule it had): switched on, fact 4's +40%
  // surge lifts H100 rents 24.75% (median, seeds 1–20) against the 25% the fact asks. Not because
  // Nimbus answers the surge with supply (installed supply after it is the same in 17 of 20 seeds):
  // more of the base worlds then sit at the rent ceiling, where a surge cannot lift the posted rent
  // (docs/calibration.md, measured 4 Dec). This is the
  // overlay a teacher would write; the ablation is default as bundled.
  const def: Scenario = (() => {
    const j = scenarioJson('default');
    j.id = 'default-prudent-grows';
    const agents = j.agents as { prudent: Record<string, unknown> };
    agents.prudent = { ...agents.prudent, revenueShareKept: 1, warmGrowthPerReview: 0.18, growthEquityMinSentiment: 1 };
    return scenarioFrom(j);
  })();
  const off = scenario('default');
  const runs = (sc: Scenario, key: string) => SEEDS.map((seed) => run(sc, key, 'prudent', seed, { weeks: WEEKS }).world);

  it('its revenue grows roughly with the market\'s (over half its pace) and it rarely fails', () => {
    const ws = runs(def, 'prudent-grows');
    const g = ws.map(growthVsMarket);
    const ratio = note('prudent.growthVsMarket', median(g.map((x) => x.mine / x.market), 'prudent growth ÷ market growth'));
    note('prudent.marketGrowth', median(g.map((x) => x.market), 'market growth'));
    note('prudent.revenueGrowth', median(g.map((x) => x.mine), 'prudent growth'));
    const reached = note('prudent.reachedObjectiveShare', ws.reduce((a, w) => a + reachedObjective(w), 0) / ws.length);
    const busts = note('prudent.bustShare', ws.reduce((a, w) => a + bust(w), 0) / ws.length);
    expect(ratio).toBeGreaterThan(0.5);
    // Reported, not required: it reaches the $1B objective in 1 of 20 seeds (1–20 and 301–320 alike),
    // too few for a check that must hold on seeds never run.
    void reached;
    expect(busts).toBeLessThanOrEqual(0.2);
  });

  it('ablation: with its growth rule off it hoards and falls further behind the market, in most seeds', () => {
    const onRatios = runs(def, 'prudent-grows').map(growthVsMarket).map((x) => x.mine / x.market);
    const ws = runs(off, 'base');
    const offRatios = ws.map(growthVsMarket).map((x) => x.mine / x.market);
    const ratio = note('prudent.growthVsMarketOff', median(offRatios, 'prudent growth ÷ market growth, rule off'));
    note('prudent.reachedObjectiveShareOff', ws.reduce((a, w) => a + reachedObjective(w), 0) / ws.length);
    // Paired by seed (the same market draws): the rule is what lifts it, not a lucky median.
    const behind = note('prudent.seedsBehindWithRuleOff', offRatios.filter((r, i) => r < onRatios[i]!).length / SEEDS.length);
    expect(ratio).toBeLessThan(median(onRatios));
    expect(behind).toBeGreaterThanOrEqual(2 / 3);
    console.log('prudent growth', JSON.stringify(report));
  });
});
