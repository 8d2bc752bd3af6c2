/**
 * Uncertainty about the boom (market.demand.growthShock*, market/demand.ts): the realised growth of
 * demand is the scenario's path × a persistent random factor, and in some quarters the boom stalls
 * into a correction of drawn growth and length; sentiment marks the sector down while it runs. Off by
 * default (the path as written in every seed), drawn only from world.rng.demand.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, step } from '../../src/engine/api.ts';
import { realisedGrowthPct, stepGrowthShock } from '../../src/engine/market/demand.ts';
import { pathAt } from '../../src/engine/paths.ts';
import { RNG_STREAMS, seedStream } from '../../src/engine/rng.ts';
import { ln } from '../../src/engine/dmath.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import type { World } from '../../src/engine/types.ts';
import { defaultScenario, smallScenario } from './helpers.ts';

type DemandFields = Scenario['market']['demand'];
const withShock = (f: Partial<DemandFields>) => smallScenario((s) => Object.assign(s.market.demand, f));

const worlds = new Map<Scenario, World>();
/** A world of this scenario at week 0 with the demand stream of `seed` (worlds are reused: only the shock's state is reset). */
function fresh(sc: Scenario, seed: number): World {
  let w = worlds.get(sc);
  if (!w) { w = createWorld(sc, { seed }); worlds.set(sc, w); }
  w.week = 0;
  w.rng.demand = seedStream(seed, 'demand');
  Object.assign(w.market, { growthShockLog: 0, correctionQuartersLeft: 0, correctionGrowthPct: 0 });
  return w;
}

/** Advance only the growth shock through `quarters` quarters (the draws updateDemand makes at each 13th week). */
function quarters(w: World, n: number, each: (w: World, q: number) => void = () => {}): void {
  for (let q = 1; q <= n; q++) {
    w.week = q * 13;
    stepGrowthShock(w);
    each(w, q);
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => { const m = mean(xs); return Math.sqrt(mean(xs.map((x) => (x - m) ** 2))); };

describe('growth shock off (the default): the path as written', () => {
  it('every week grows demand at the path\'s rate and draws nothing from the demand stream', () => {
    const sc = smallScenario();
    expect(sc.market.demand.growthShockSdPct).toBe(0);
    expect(sc.market.demand.growthShockCorrectionChancePerYear).toBe(0);
    const w = createWorld(sc, { seed: 7, strategy: 'prudent' });
    const fresh = seedStream(7, 'demand');
    for (let i = 0; i < 30; i++) {
      step(w);
      expect(w.market.demandGrowthPct).toBe(pathAt(w.paths.growthPct, w.week - 1));
    }
    expect(w.market.growthShockLog).toBe(0);
    expect(w.market.correctionQuartersLeft).toBe(0);
    expect(w.rng.demand).toEqual(fresh);
  });

  it('the demand stream is seeded from its own name: every other stream starts where it did before the stream was added', () => {
    const w = createWorld(defaultScenario(), { seed: 123 });
    expect(RNG_STREAMS).toContain('demand');
    // (The customers stream has already drawn the customer pool at creation.)
    for (const name of RNG_STREAMS) if (name !== 'customers') expect(w.rng[name]).toEqual(seedStream(123, name));
    const c = seedStream(123, 'customers');
    createWorld(defaultScenario(), { seed: 123 }); // the pool draws again from a fresh stream of the same name
    expect(w.rng.customers).not.toEqual(c);
    expect(createWorld(defaultScenario(), { seed: 123 }).rng.customers).toEqual(w.rng.customers);
    expect(w.rng.demand).not.toEqual(w.rng.market);
  });
});

describe('the persistent factor (growthShockSdPct, growthShockPersistencePerYear)', () => {
  it('spreads the log factor to the stated standard deviation around 0 and keeps a year\'s persistence', () => {
    const sc = withShock({ growthShockSdPct: 25, growthShockPersistencePerYear: 0.8 });
    const at40: number[] = [], x: number[] = [], xYearLater: number[] = [];
    for (let seed = 1; seed <= 400; seed++) {
      const w = fresh(sc, seed);
      let at36 = 0;
      quarters(w, 40, (ww, q) => { if (q === 36) at36 = ww.market.growthShockLog; });
      at40.push(w.market.growthShockLog);
      x.push(at36); xYearLater.push(w.market.growthShockLog);
    }
    // Stationary: sd 0.25 of the log (±15% for 400 draws), mean ≈ 0.
    expect(sd(at40)).toBeGreaterThan(0.25 * 0.85);
    expect(sd(at40)).toBeLessThan(0.25 * 1.15);
    expect(Math.abs(mean(at40))).toBeLessThan(0.05);
    // Correlation of the factor with itself four quarters later ≈ the yearly persistence (0.8).
    const mx = mean(x), my = mean(xYearLater);
    const corr = mean(x.map((v, i) => (v - mx) * (xYearLater[i]! - my))) / (sd(x) * sd(xYearLater));
    expect(corr).toBeGreaterThan(0.7);
    expect(corr).toBeLessThan(0.88);
  });

  it('the realised growth is the path × exp(factor): the same factor scales a high and a low path alike', () => {
    const w = fresh(withShock({ growthShockSdPct: 30 }), 5);
    quarters(w, 8);
    const g = realisedGrowthPct(w);
    const path = pathAt(w.paths.growthPct, w.week);
    expect(w.market.growthShockLog).not.toBe(0);
    expect(ln(g / path)).toBeCloseTo(w.market.growthShockLog, 9);
  });

  it('changes the demand path of a whole game, differently per seed; the same seed gives the same path', () => {
    const sc = smallScenario((s) => { s.market.demand.growthShockSdPct = 25; s.calendar.lengthWeeks = 40; });
    const run = (seed: number) => { const w = createWorld(sc, { seed, strategy: 'prudent' }); for (let i = 0; i < 40; i++) step(w); return w.market.baseDemandH100e; };
    const off = (() => { const w = createWorld(smallScenario((s) => { s.calendar.lengthWeeks = 40; }), { seed: 1, strategy: 'prudent' }); for (let i = 0; i < 40; i++) step(w); return w.market.baseDemandH100e; })();
    const a = run(1), b = run(2);
    expect(run(1)).toBe(a);
    expect(a).not.toBeCloseTo(off, 0);
    expect(a).not.toBeCloseTo(b, 0);
  });
});

describe('corrections (growthShockCorrection*)', () => {
  const sure = { growthShockCorrectionChancePerYear: 1, growthShockCorrectionGrowthPctMin: -30, growthShockCorrectionGrowthPctMax: -10, growthShockCorrectionQuartersMin: 3, growthShockCorrectionQuartersMax: 5 };

  it('a certain correction starts at the first draw with growth and length inside the bounds, holds growth there, then the path returns', () => {
    const sc = withShock(sure);
    for (let seed = 1; seed <= 30; seed++) {
      const w = fresh(sc, seed);
      quarters(w, 1);
      const len = w.market.correctionQuartersLeft;
      expect(len).toBeGreaterThanOrEqual(3);
      expect(len).toBeLessThanOrEqual(5);
      expect(w.market.correctionGrowthPct).toBeGreaterThanOrEqual(-30);
      expect(w.market.correctionGrowthPct).toBeLessThanOrEqual(-10);
      expect(realisedGrowthPct(w)).toBe(w.market.correctionGrowthPct);
      // It runs out after its drawn quarters (then, at chance 1, the next one starts at once).
      quarters(w, len - 1);
      expect(w.market.correctionQuartersLeft).toBe(1);
    }
  });

  it('lengths cover the whole range and the yearly chance turns into a quarterly one', () => {
    const lens = new Set<number>();
    const sc = withShock(sure);
    for (let seed = 1; seed <= 60; seed++) { const w = fresh(sc, seed); quarters(w, 1); lens.add(w.market.correctionQuartersLeft); }
    expect([...lens].sort()).toEqual([3, 4, 5]);
    // 17% a year: the first year's four draws start a correction in ≈17% of seeds.
    let started = 0;
    const yearly = withShock({ growthShockCorrectionChancePerYear: 0.17 });
    for (let seed = 1; seed <= 2000; seed++) {
      const w = fresh(yearly, seed);
      let any = false;
      quarters(w, 4, (ww) => { if (ww.market.correctionQuartersLeft > 0) any = true; });
      if (any) started++;
    }
    expect(started / 2000).toBeGreaterThan(0.14);
    expect(started / 2000).toBeLessThan(0.2);
  });

  it('a correction never raises growth: when the path is already lower, the path holds', () => {
    const w = fresh(withShock({ ...sure, growthShockCorrectionGrowthPctMin: 50, growthShockCorrectionGrowthPctMax: 60 }), 3);
    w.week = 13 * 20; // 2028: the default path is ≈40%/year
    stepGrowthShock(w);
    expect(w.market.correctionQuartersLeft).toBeGreaterThan(0);
    expect(realisedGrowthPct(w)).toBe(pathAt(w.paths.growthPct, w.week));
  });

  it('while a correction runs, sentiment reverts to the long-run path × the factor; factor 1 leaves it alone', () => {
    const run = (factor: number) => {
      const sc = smallScenario((s) => { Object.assign(s.market.demand, { ...sure, growthShockCorrectionQuartersMin: 8, growthShockCorrectionQuartersMax: 8, growthShockCorrectionSentimentFactor: factor }); s.calendar.lengthWeeks = 60; });
      const w = createWorld(sc, { seed: 11, strategy: 'prudent' });
      for (let i = 0; i < 60; i++) step(w);
      return w.market.sentiment;
    };
    const cut = run(0.5), none = run(1);
    // Reversion 6% a week over ~45 weeks: most of the way to half the long-run level.
    expect(cut).toBeLessThan(0.75 * none);
  });

  it('the scenario check refuses a minimum above its maximum', () => {
    const json = JSON.parse(JSON.stringify(defaultScenario())) as Record<string, unknown> & { market: { demand: Record<string, unknown> } };
    json.market.demand.growthShockCorrectionGrowthPctMin = 10;
    json.market.demand.growthShockCorrectionGrowthPctMax = -10;
    json.market.demand.growthShockCorrectionQuartersMin = 6;
    json.market.demand.growthShockCorrectionQuartersMax = 2;
    const r = loadScenarioObject(json);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = r.errors.map((e) => String(e.path));
      expect(paths.some((p) => p.includes('growthShockCorrectionGrowthPctMin'))).toBe(true);
      expect(paths.some((p) => p.includes('growthShockCorrectionQuartersMin'))).toBe(true);
    }
  });
});
