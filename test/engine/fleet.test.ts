/**
 * GPUs and power: depreciation life is a reported-profit lever with no cash effect; GPUs beyond
 * energised megawatts sit idle and still depreciate; grid curtailment idles GPUs.
 */
import { describe, expect, it } from 'vitest';
import { runWeeks, step } from '../../src/engine/api.ts';
import { runScenario } from '../../src/cli/run.ts';
import { WEEKS_PER_YEAR } from '../../src/engine/money.ts';
import { gpusInstalled, gpusOwned } from '../../src/engine/metrics.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import { defaultScenario, exec, expectBalanced, player, refused, variant, world } from './helpers.ts';

describe('depreciation life (4 vs 6 years)', () => {
  it('the leveraged autopilot over 8 years: identical cash every quarter, different operating income', () => {
    const s = defaultScenario();
    const four = runScenario(s, { seed: 3, strategy: 'leveraged', depreciationYears: 4 }).result;
    const six = runScenario(s, { seed: 3, strategy: 'leveraged', depreciationYears: 6 }).result;
    expect(four.quarters.length).toBe(six.quarters.length);
    expect(four.quarters.length).toBeGreaterThan(8);
    let differ = 0;
    // A shorter life books at least as much depreciation to date at every quarter (per quarter it may
    // book less once the oldest GPUs are written off under it while they still depreciate under six years).
    let dep4 = 0, dep6 = 0;
    four.quarters.forEach((q4, i) => {
      const q6 = six.quarters[i]!;
      for (const k of ['cashUsd', 'openingCashUsd', 'operatingCashFlowUsd', 'investingCashFlowUsd', 'financingCashFlowUsd', 'capexUsd', 'revenueUsd', 'adjustedEbitdaUsd', 'incomeTaxUsd', 'debtUsd', 'gpusOwned'] as const) {
        expect(q4[k], `${q4.label} ${k}`).toBe(q6[k]);
      }
      dep4 += q4.depreciationUsd; dep6 += q6.depreciationUsd;
      if (dep6 > 0) expect(dep4, q4.label).toBeGreaterThan(dep6);
      if (q4.operatingIncomeUsd !== q6.operatingIncomeUsd) differ++;
      expect(q4.operatingIncomeUsd - q6.operatingIncomeUsd).toBeCloseTo(q6.depreciationUsd - q4.depreciationUsd, 2);
    });
    expect(differ).toBe(four.quarters.length);
    // The outcome may differ only through reported figures: nobody wins with negative book equity,
    // and a shorter life lowers book equity (a reported-profit lever, never a cash one).
    if (four.outcome.status !== six.outcome.status) {
      const equity = (r: typeof four) => r.quarters.at(-1)!.totalEquityUsd;
      expect(four.outcome.status).toBe('lost');
      expect(six.outcome.status).toBe('won');
      expect(equity(four)).toBeLessThan(0);
      expect(equity(six)).toBeGreaterThanOrEqual(0);
    }
  });

  it('setDepreciationLife mid-game applies from then on, with no restatement and no cash effect', () => {
    const a = world(), b = world();
    runWeeks(a, 20); runWeeks(b, 20);
    const depBefore = player(b).ledger.lifetime.gpuDepreciation;
    expect(depBefore).toBe(player(a).ledger.lifetime.gpuDepreciation);
    const lotsBefore = player(b).lots.map((l) => ({ ...l }));
    const r = exec(b, { type: 'setDepreciationLife', years: 4 });
    expect(r.cashNowUsd).toBe(0);
    // Nothing already booked changes.
    expect(player(b).ledger.lifetime.gpuDepreciation).toBe(depBefore);
    expect(player(b).lots.map((l) => l.accumDepCents)).toEqual(lotsBefore.map((l) => l.accumDepCents));
    const aDep0 = player(a).ledger.lifetime.gpuDepreciation;
    step(a); step(b);
    // From now on each lot writes off its remaining book value over the remaining (shorter) life.
    let expected = 0;
    for (const lot of lotsBefore) {
      const nbv = lot.costCents - lot.accumDepCents;
      const remaining = 4 * WEEKS_PER_YEAR - (20 - lot.inServiceWeek);
      expected += remaining <= 1 ? nbv : Math.min(nbv, Math.round(nbv / remaining));
    }
    expect(player(b).ledger.lifetime.gpuDepreciation - depBefore).toBe(expected);
    expect(player(b).ledger.lifetime.gpuDepreciation - depBefore).toBeGreaterThan(player(a).ledger.lifetime.gpuDepreciation - aDep0);
    runWeeks(a, 30); runWeeks(b, 30);
    expect(player(b).ledger.balances.cash).toBe(player(a).ledger.balances.cash);
    expect(player(b).ledger.balances.gpuAccumDep).toBeGreaterThan(player(a).ledger.balances.gpuAccumDep);
    expectBalanced(b);
  });

  it('a lot is written off exactly to zero at the end of its life, never below', () => {
    const w = world(variant((s) => { s.company.gpus = [{ modelId: 'a100', count: 100, ageWeeks: 4 * 52 - 3 }]; s.company.depreciationYears = 4; s.company.contracts = []; }));
    const lot = player(w).lots[0]!;
    runWeeks(w, 6);
    expect(lot.accumDepCents).toBe(lot.costCents);
    expect(player(w).ledger.balances.gpuAccumDep).toBe(lot.costCents);
  });

  it('refuses a life other than 4, 5 or 6 years', () => {
    const w = world();
    for (const years of [3, 7, 4.5, '5', null]) expect(refused(w, { type: 'setDepreciationLife', years })).toMatch(/4, 5 or 6/);
  });
});

/** The default company (6 MW leased in Texas, 3.6 MW used) plus an order that does not fit. */
function overfull(change: (s: Scenario) => void = () => {}) {
  const w = world(variant(change));
  exec(w, { type: 'orderGpus', modelId: 'h100', count: 2000, vendorFinancing: false }); // +2.8 MW
  const due = player(w).orders[0]!.deliveryWeek;
  runWeeks(w, due + 1);
  return w;
}

describe('power-limited installation', () => {
  it('GPUs beyond the energised megawatts sit idle, and still depreciate', () => {
    const w = overfull();
    const p = player(w);
    const kwNeeded = 4000 * 0.55 + 3000 * 1.4;
    expect(kwNeeded).toBeGreaterThan(6000);
    expect(gpusOwned(p)).toBe(7000);
    const idle = gpusOwned(p) - gpusInstalled(p);
    expect(idle).toBeGreaterThan(0);
    expect(p.last.powerMwUsed).toBeLessThanOrEqual(p.last.powerMwAvailable + 1e-9);
    expect(p.last.powerMwUsed).toBeGreaterThan(5.5);
    // Every lot depreciates on its full cost, installed or not.
    const lot = p.lots.find((l) => l.modelId === 'h100' && l.inServiceWeek > 0)!;
    expect(lot.accumDepCents).toBeGreaterThan(0);
    const idleLot = p.lots.find((l) => l.installed < l.count)!;
    expect(idleLot).toBeDefined();
    const nbv = idleLot.costCents - idleLot.accumDepCents;
    const remaining = p.depreciationYears * WEEKS_PER_YEAR - (w.week - idleLot.inServiceWeek);
    const acc0 = idleLot.accumDepCents;
    step(w);
    expect(idleLot.accumDepCents - acc0).toBe(Math.round(nbv / remaining));
    expect(p.lots.reduce((a, l) => a + l.accumDepCents, 0)).toBe(p.ledger.balances.gpuAccumDep);
    runWeeks(w, 13 - (w.week % 13));
    const q = p.quarters.at(-1)!;
    expect(q.gpusIdle).toBe(q.gpusOwned - q.gpusInstalled);
    expect(q.gpusIdle).toBeGreaterThan(0);
    expect(q.depreciationUsd).toBeGreaterThan(0);
  });

  it('newly leased space energises after its lead time and the idle GPUs go to work', () => {
    const w = overfull();
    const p = player(w);
    const r = exec(w, { type: 'leaseColo', regionId: 'us-texas', powerMw: 2 });
    expect(gpusOwned(p) - gpusInstalled(p)).toBeGreaterThan(0);
    runWeeks(w, Number(r.details.readyInWeeks) + 1);
    expect(gpusInstalled(p)).toBe(gpusOwned(p));
    expect(p.last.powerMwAvailable).toBe(8);
  });

  it('a campus waits for both construction and the grid; no GPUs go in before it is energised', () => {
    const w = world(variant((s) => { s.company.sites = []; s.company.contracts = []; }));
    const p = player(w);
    const r = exec(w, { type: 'buildCampus', regionId: 'us-texas', powerMw: 10 });
    const site = p.sites[0]!;
    expect(site.status).toBe('building');
    runWeeks(w, 2);
    expect(gpusInstalled(p)).toBe(0);
    expect(p.last.powerMwAvailable).toBe(0);
    expect(p.ledger.balances.construction).toBeGreaterThan(0);
    const weeks = Math.max(Number(r.details.buildWeeks), Number(r.details.gridWeeks));
    runWeeks(w, weeks + 20);
    expect(site.status).toBe('energised');
    expect(p.ledger.balances.construction).toBe(0);
    expect(p.ledger.balances.facilities).toBe(site.facilityCostCents);
    expect(gpusInstalled(p)).toBe(gpusOwned(p));
    expectBalanced(w);
  });

  it('a grid emergency curtails load: GPUs idle while it lasts, then come back', () => {
    const w = world(variant((s) => {
      s.events = [{
        id: 'test-curtailment', trigger: { type: 'date', date: '2023-01-30' },
        effects: [{ type: 'gridEmergency', curtailShare: 0.5, durationWeeks: 3, regionIds: ['us-texas'] }],
        headline: { en: 'Curtailment' }, explanation: { en: 'Test' }, pauses: false,
      }] as Scenario['events'];
    }));
    const p = player(w);
    runWeeks(w, 4);
    expect(gpusInstalled(p)).toBe(5000);
    step(w); // week 4 = 2023-01-30: half of 6 MW is 3 MW < 3.6 MW needed
    expect(w.firedEvents).toContain('test-curtailment');
    expect(gpusInstalled(p)).toBeLessThan(5000);
    expect(p.last.powerMwUsed).toBeLessThanOrEqual(3 + 1e-9);
    runWeeks(w, 3);
    expect(gpusInstalled(p)).toBe(5000);
  });
});

describe('GPU orders and sales', () => {
  it('an order pays the deposit now and the balance on delivery; refused without the deposit in cash', () => {
    const w = world();
    const p = player(w);
    const cash0 = p.ledger.balances.cash;
    const r = exec(w, { type: 'orderGpus', modelId: 'h100', count: 100, vendorFinancing: false });
    expect(cash0 - p.ledger.balances.cash).toBe(Math.round(Number(r.details.depositUsd) * 100));
    expect(p.ledger.balances.gpuDeposits).toBe(cash0 - p.ledger.balances.cash);
    expect(() => exec(w, { type: 'orderGpus', modelId: 'h100', count: 1_000_000, vendorFinancing: false })).toThrow(/deposit/);
    expect(() => exec(w, { type: 'orderGpus', modelId: 'rubin', count: 8, vendorFinancing: false })).toThrow(/not on sale yet|Unknown/);
  });

  it('second-hand sale: proceeds in cash, gain or loss against book value, books balanced', () => {
    const w = world();
    runWeeks(w, 5);
    const p = player(w);
    const lot = p.lots.find((l) => l.modelId === 'a100')!;
    const nbvPerGpu = (lot.costCents - lot.accumDepCents) / lot.count;
    const cash0 = p.ledger.balances.cash;
    const r = exec(w, { type: 'sellGpus', modelId: 'a100', count: 1000 });
    expect(p.ledger.balances.cash - cash0).toBe(Math.round(r.cashNowUsd * 100));
    const l = p.ledger.lifetime;
    const gainOrLoss = l.gainOnSale - l.lossOnSale;
    expect(Math.abs(gainOrLoss - (r.cashNowUsd * 100 - nbvPerGpu * 1000))).toBeLessThanOrEqual(2);
    expect(gpusOwned(p)).toBe(4000);
    expectBalanced(w);
    expect(() => exec(w, { type: 'sellGpus', modelId: 'a100', count: 3001 })).toThrow(/own only/);
  });
});

describe('ramp after delivery (operations.rampWeeks)', () => {
  it('delivered GPUs earn nothing until the ramp is over, but depreciate from delivery; the opening fleet runs from week 0', () => {
    const w = world(variant((s) => { s.operations.rampWeeks = 5; s.market.demand.customerAgents = 300; }));
    const p = player(w);
    step(w);
    const opening = p.last.installedGpus;
    expect(opening).toBe(5000); // the opening fleet is billable at once
    exec(w, { type: 'orderGpus', modelId: 'h100', count: 200, vendorFinancing: false });
    const due = p.orders[0]!.deliveryWeek;
    while (w.week < due) step(w);
    const depBefore = p.ledger.lifetime.gpuDepreciation;
    step(w); // delivery week
    const lot = p.lots.find((l) => l.inServiceWeek === due)!;
    expect(lot.installed).toBe(200);
    expect(p.ledger.lifetime.gpuDepreciation - depBefore).toBeGreaterThan(0);
    for (let k = 0; k < 5; k++) {
      expect(p.last.installedGpus, `week ${w.week - 1}`).toBe(opening);
      step(w);
    }
    expect(p.last.installedGpus).toBe(opening + 200);
    expectBalanced(w);
  });
});

describe('export controls', () => {
  // east-data-west-compute: 3,000 A100s bought before the controls and 4,000 domestic chips in a
  // Shanghai hall; the controls on NVIDIA for China take effect in its first week. Its news says the A100s
  // you already own keep running — they were switched off (3,000 "waiting for power" all game).
  it('GPUs in service before a control keep running in the blocked bloc; GPUs entering service after it may not be installed there, nor ordered for it', async () => {
    const { loadBundledScenario } = await import('../../src/scenario/load.ts');
    const { createWorld, issueCommand } = await import('../../src/engine/api.ts');
    const { exportBlocked } = await import('../../src/engine/fleet.ts');
    const r = loadBundledScenario('east-data-west-compute');
    if (!r.ok) throw new Error('east-data-west-compute does not load');
    const w = createWorld(r.scenario, { seed: 1 });
    const co = w.companies[0]!;
    step(w);
    const installedAtStart = gpusInstalled(co);
    expect(installedAtStart).toBe(gpusOwned(co));
    runWeeks(w, 12);
    expect(w.policy.exportControls.length).toBeGreaterThan(0);
    const since = w.policy.exportControls[0]!.sinceWeek;
    expect(since).toBeLessThan(w.week);
    expect(co.lots.filter((l) => l.modelId === 'a100').every((l) => l.installed === l.count)).toBe(true);
    // New A100s: blocked from the week the control took effect, refused as an order for China sites.
    expect(exportBlocked(w, 'a100', 'china-east', since - 1)).toBe(false);
    expect(exportBlocked(w, 'a100', 'china-east', since)).toBe(true);
    expect(exportBlocked(w, 'a100', 'china-east')).toBe(true);
    expect(exportBlocked(w, 'dc910', 'china-east', since)).toBe(false);
    expect(issueCommand(w, { type: 'orderGpus', modelId: 'a100', count: 100 }).ok).toBe(false);
  });
});
