/**
 * Rents from supply and demand (economics.md §9 facts 4 and 5, issue 9 item 1), over 20 seeds,
 * each with an ablation: a scenario overlay that removes the mechanism must remove the fact.
 * There is no rent decay in play: every rent below comes from providers pricing each generation by
 * the demand it draws, and customers choosing across generations by price per H100e.
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, median, run, scenarioFrom, scenarioJson } from './harness.ts';
import type { RunResult } from '../../src/cli/run.ts';

const report: Record<string, number> = {};
const note = (k: string, v: number) => { report[k] = Math.round(v * 1000) / 1000; return v; };

const h100Path = (r: RunResult) => r.market.map((m) => m.priceIndexUsdPerGpuHour.h100 ?? NaN);

/**
 * Fall of a path from its opening value to its lowest point within the first `window` points: the
 * price war of a scenario that opens with a glut. (A fall from any later peak would also count the
 * boom and bust that any world without the glut goes through once rivals' orders arrive.)
 */
function fallFromOpening(path: number[], window: number): number {
  const low = Math.min(...path.slice(0, window));
  return 1 - low / path[0]!;
}

/** Uncontracted (on-demand) gross margin of the whole market (player and rivals) per quarter. */
function onDemandMargins(r: RunResult): number[] {
  const all = [r.quarters, ...r.rivals.map((x) => x.quarters)];
  return r.quarters.map((_, i) => {
    let rev = 0, gp = 0;
    for (const qs of all) { const q = qs[i]; if (q) { rev += q.onDemandRevenueUsd; gp += q.onDemandRevenueUsd * q.onDemandGrossMargin; } }
    return rev > 0 ? gp / rev : NaN;
  });
}

type Json = Record<string, unknown>;
const market = (j: Json) => j.market as { demand: Json & { startH100e: number }; pricing: Json; rivals: { gpus: { count: number }[] }[] };

describe('fact 5 and the price-war-2025 lesson: oversupply starts a price war', () => {
  const base = scenarioFrom(scenarioJson('price-war-2025'));
  // Ablation: the same world without the glut — every rival opens with a third of its GPUs.
  const lean = scenarioJson('price-war-2025');
  lean.id = 'price-war-no-glut';
  for (const r of market(lean).rivals) for (const g of r.gpus) g.count = Math.round(g.count / 3);
  const noGlut = scenarioFrom(lean);
  const weeks = 104;

  it('the H100 rent falls ≥30% from its opening level within four quarters; without the glut it does not', () => {
    // The opening rent is the first quarter's close (the market row of 2025Q1); the low is taken over
    // that quarter and the next four.
    const fall = SEEDS.map((seed) => fallFromOpening(h100Path(run(base, 'rents', 'prudent', seed, { weeks }).result), 5));
    const fallLean = SEEDS.map((seed) => fallFromOpening(h100Path(run(noGlut, 'rents', 'prudent', seed, { weeks }).result), 5));
    expect(note('priceWar.h100FallWithin4Q', median(fall))).toBeGreaterThanOrEqual(0.3);
    expect(note('priceWar.noGlut.h100FallWithin4Q', median(fallLean))).toBeLessThan(0.15);
  }, 900_000);

  it('uncontracted gross margin falls 25+ points within six quarters; without the glut under 10', () => {
    // A run ends when the player fails; a seed whose game ended before its second quarter has no
    // margin path to read. Such seeds are counted (and must be few), not dropped silently.
    const drop = (sc: typeof base, key: string) => {
      const paths = SEEDS.map((seed) => onDemandMargins(run(sc, key, 'prudent', seed, { weeks }).result));
      const short = paths.filter((m) => m.length < 2).length;
      note(`priceWar.${sc.id}.seedsEndedInFirstQuarter`, short);
      expect(short).toBeLessThanOrEqual(2);
      return paths.filter((m) => m.length >= 2).map((m) => m[0]! - Math.min(...m.slice(1, 7)));
    };
    const d = median(drop(base, 'rents'));
    const dLean = median(drop(noGlut, 'rents'));
    note('priceWar.onDemandMarginDropPoints', d * 100);
    note('priceWar.noGlut.onDemandMarginDropPoints', dLean * 100);
    // The lesson: the glut takes 25+ points off; the world without it may wobble (its own boom and
    // bust once rivals' orders arrive) but loses less than 10.
    expect(d).toBeGreaterThanOrEqual(0.25);
    expect(dLean).toBeLessThan(0.1);
  }, 900_000);
});

describe('fact 4: rents boom and bust without any decay rate', () => {
  // The default world with no decay constant anywhere: the opening-rent decay (which only sets the
  // week-0 rent of generations already out) is zero too. Every world below runs 182 weeks (to the close of 2026Q2).
  const weeks = 182;
  const variant = (id: string, patch: (j: Json) => void) => {
    const j = scenarioJson('default');
    j.id = id;
    market(j).pricing.openingRentDecayPctPerYear = 0;
    patch(j);
    return scenarioFrom(j);
  };
  const base = variant('default-no-decay', () => {});
  const last = (sc: typeof base, seed: number) => run(sc, 'rents', 'idle', seed, { weeks }).result;

  it('once supply catches up the H100 rent falls ≥30% from its peak', () => {
    const fall = SEEDS.map((seed) => {
      const p = h100Path(last(base, seed));
      const peak = p.indexOf(Math.max(...p));
      return 1 - Math.min(...p.slice(peak)) / p[peak]!;
    });
    expect(note('f4.h100FallFromPeakNoDecay', median(fall))).toBeGreaterThanOrEqual(0.3);
  }, 900_000);

  it('a newer generation pushes the older one down through substitution; without it, no push', () => {
    const without = variant('default-no-new-gen', (j) => {
      (j as { gpus: { id: string }[] }).gpus = (j as { gpus: { id: string }[] }).gpus.filter((g) => ['a100', 'h100', 'mi300x', 'h200'].includes(g.id));
    });
    // Mid-2026: B200s, GB200s and GB300s are in volume.
    const ratio = SEEDS.map((seed) => last(base, seed).market.at(-1)!.priceIndexUsdPerGpuHour.h100! / last(without, seed).market.at(-1)!.priceIndexUsdPerGpuHour.h100!);
    expect(note('f4.h100WithNewGenVsWithout', median(ratio))).toBeLessThan(0.9);
  }, 900_000);

  // The surge holds (`recoveryWeeks` 0): demand stays 40% above the same world's through the window.
  // Until 5 Dec (session 33) it ebbed over 52 weeks, so demand was +31% at the first quarter close and
  // +21% at the second — not the +40% the fact names — and the median lift of a list of twenty sat
  // near the bar (1.17–1.29 over ten never-run lists, half below 1.25). Held, over sixteen lists
  // (1–20, 3001–3100, 4001–4060, 4101–4120, 6001–6080, 6101–6120, 6201–6220): 1.22–1.37, median 1.31; the three
  // below 1.25 (3041–3060 1.237, 6001–6020 1.248, 6101–6120 1.216) hold a third to a half of their
  // worlds still short in 2026, their H100 at the list ceiling, where a surge shows as queues rather
  // than rent (docs/calibration.md).
  it('demand +40% lifts rents 25–60% within six months against the same world without the surge', () => {
    const surge = variant('default-surge', (j) => {
      (j.events as unknown[]).push({
        id: 'surge', trigger: { type: 'date', date: '2026-01-05' }, effects: [{ type: 'demandShock', multiplier: 1.4, recoveryWeeks: 0 }],
        headline: { en: 'Agents take off' }, explanation: { en: 'Inference demand jumps.' }, pauses: false,
      });
    });
    // Within six months of the surge: the larger H100 rent ratio at the two quarter closes after it
    // (2026Q1 and 2026Q2: the runs end 26 weeks after the surge).
    const lift = SEEDS.map((seed) => {
      const a = h100Path(last(surge, seed)), b = h100Path(last(base, seed));
      return Math.max(a.at(-1)! / b.at(-1)!, a.at(-2)! / b.at(-2)!);
    });
    expect(note('f4.h100AfterSurgeVsBaseline', median(lift))).toBeGreaterThan(1.25);
    expect(median(lift)).toBeLessThan(1.6);
  }, 900_000);
});

describe('report', () => {
  it('prints the measured medians', () => {
    console.log(`rents (medians over ${SEEDS.length} seeds):\n${Object.entries(report).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
  });
});
