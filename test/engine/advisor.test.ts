/**
 * The advisor (src/engine/advisor.ts): runway counts scheduled payments, the covenant projection
 * uses the engine's own rule, warnings come weeks before the failure they announce, and the
 * game-over reason says what ended the company.
 */
import { describe, it, expect } from 'vitest';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import { createWorld, step, issueCommand, stateHash } from '../../src/engine/api.ts';
import { advise, paymentSchedule } from '../../src/engine/advisor.ts';
import { breachNoPrepaymentCures, covenantFigures, covenantTestsOf, corporateCovenantBreached, gpuLoanExcessOf } from '../../src/engine/finance/covenants.ts';
import type { World } from '../../src/engine/types.ts';
import { defaultScenario, variant } from './helpers.ts';
import { bookCents } from '../../src/engine/ledger.ts';

function bundled(id: string) {
  const r = loadBundledScenario(id);
  if (!r.ok) throw new Error(`${id} does not load`);
  return r.scenario;
}

/** Run to the end; record the first week each warning (not info) was shown and the first covenant breach. */
function runWatching(w: World, maxWeeks: number): { firstWarn: Map<string, number>; firstBreachWeek: number | null } {
  const firstWarn = new Map<string, number>();
  let firstBreachWeek: number | null = null;
  while (w.status === 'running' && w.week < maxWeeks) {
    for (const x of advise(w).warnings) if (x.severity !== 'info' && !firstWarn.has(x.id)) firstWarn.set(x.id, w.week);
    const wk = w.week;
    step(w);
    if (firstBreachWeek === null && (w.companies[0]!.covenantBreaches > 0 || w.companies[0]!.quarters.at(-1)?.covenantBreached)) firstBreachWeek = wk;
  }
  return { firstWarn, firstBreachWeek };
}

describe('advisor', () => {
  it('the covenant rule on figures (the one the quarter close uses): liquidity floor, leverage ceiling, breach with corporate debt and no EBITDA, loan-to-value, nothing binds a company without debt', () => {
    const f = defaultScenario().finance;
    const base = {
      cashUsd: f.covenantMinLiquidityUsd + 1, undrawnRevolverUsd: 0, undrawnCommitmentsUsd: 0, corporateDebtUsd: 100e6, underwrittenEbitdaUsd: 100e6 / (f.covenantMaxDebtToEbitda - 0.5),
      gpuLoansUsd: 0, fleetValueUsd: 500e6, totalDebtUsd: 100e6, runRateEbitdaUsd: 60e6, debtServiceUsd: 50e6,
    };
    const byId = (x: typeof base) => Object.fromEntries(covenantTestsOf(f, x).map((t) => [t.id, t]));
    expect(corporateCovenantBreached(covenantTestsOf(f, base))).toBe(false);
    expect(byId({ ...base, cashUsd: f.covenantMinLiquidityUsd - 1 }).liquidity!.pass).toBe(false);
    // Committed credit counts like cash: the revolver's undrawn limit, and what committed delayed-draw facilities would lend now.
    expect(byId({ ...base, cashUsd: f.covenantMinLiquidityUsd - 1, undrawnRevolverUsd: 1 }).liquidity!.pass).toBe(true);
    expect(byId({ ...base, cashUsd: f.covenantMinLiquidityUsd - 1, undrawnCommitmentsUsd: 1 }).liquidity!.pass).toBe(true);
    expect(byId({ ...base, cashUsd: 0, undrawnCommitmentsUsd: f.covenantMinLiquidityUsd - 1 }).liquidity!.pass).toBe(false);
    const lev = byId({ ...base, underwrittenEbitdaUsd: 100e6 / (f.covenantMaxDebtToEbitda + 0.5) });
    expect(lev.leverage!.pass).toBe(false);
    expect(lev.leverage!.value).toBeCloseTo(f.covenantMaxDebtToEbitda + 0.5, 6);
    const noEbitda = byId({ ...base, underwrittenEbitdaUsd: -1 });
    expect(noEbitda.leverage!.pass).toBe(false);
    expect(noEbitda.leverage!.value).toBeNull();
    const cap = f.gpuLoanMaxLtv * (1 + f.gpuLoanLtvCushionShare) * base.fleetValueUsd;
    expect(byId({ ...base, gpuLoansUsd: cap - 1, totalDebtUsd: 100e6 + cap }).gpuLoanToValue!.pass).toBe(true);
    expect(byId({ ...base, gpuLoansUsd: cap + 1e6, totalDebtUsd: 100e6 + cap }).gpuLoanToValue!.pass).toBe(false);
    expect(gpuLoanExcessOf(f, { gpuLoansUsd: cap + 1e6, fleetValueUsd: base.fleetValueUsd })).toBeCloseTo(1e6, 2);
    expect(covenantTestsOf(f, { ...base, cashUsd: 0, underwrittenEbitdaUsd: -1, totalDebtUsd: 0, corporateDebtUsd: 0 })).toEqual([]);
    // Debt-service cover: run-rate EBITDA against next year's scheduled service; 0 switches it off.
    const dscr = { ...f, covenantMinDebtServiceCover: 1.1 };
    const dsOf = (x: typeof base) => covenantTestsOf(dscr, x).find((t) => t.id === 'debtService')!;
    expect(dsOf(base).pass).toBe(true);
    expect(dsOf(base).value).toBeCloseTo(1.2, 6);
    expect(dsOf({ ...base, runRateEbitdaUsd: 50e6 }).pass).toBe(false);
    expect(corporateCovenantBreached(covenantTestsOf(dscr, { ...base, runRateEbitdaUsd: -5e6 }))).toBe(true);
    expect(covenantTestsOf({ ...f, covenantMinDebtServiceCover: 0 }, { ...base, runRateEbitdaUsd: -5e6 }).some((t) => t.id === 'debtService')).toBe(false);
    // At a cure period's end only liquidity or leverage calls the loans at once; debt service alone
    // (or a loan-to-value breach, which has its own margin call) is left to the prepayment cure.
    const dsOnly = covenantTestsOf(dscr, { ...base, runRateEbitdaUsd: -5e6 });
    expect(breachNoPrepaymentCures(dsOnly)).toBeUndefined();
    expect(breachNoPrepaymentCures(covenantTestsOf(dscr, { ...base, gpuLoansUsd: cap + 1e6, totalDebtUsd: 100e6 + cap }))).toBeUndefined();
    expect(breachNoPrepaymentCures(covenantTestsOf(dscr, { ...base, runRateEbitdaUsd: -5e6, cashUsd: 0 }))?.id).toBe('liquidity');
    expect(breachNoPrepaymentCures(covenantTestsOf(dscr, { ...base, underwrittenEbitdaUsd: -1 }))?.id).toBe('leverage');
  });

  it('is pure: advising does not change the state hash', () => {
    const w = createWorld(bundled('price-war-2025'), { seed: 4, strategy: 'idle' });
    for (let i = 0; i < 3; i++) step(w);
    const before = stateHash(w);
    advise(w);
    advise(w);
    expect(stateHash(w)).toBe(before);
  });

  it('the schedule counts interest, instalments, GPU balances on delivery and construction; the runway is finite when payments outrun cash and operating flow', () => {
    const w = createWorld(bundled('price-war-2025'), { seed: 2, strategy: 'idle' });
    step(w);
    expect(issueCommand(w, { type: 'orderGpus', modelId: 'h100', count: 200, vendorFinancing: false }).ok).toBe(true);
    step(w);
    const sched = paymentSchedule(w, w.companies[0]!, 52);
    const kinds = new Set(sched.map((p) => p.kind));
    for (const k of ['interest', 'instalment', 'gpuBalance']) expect(kinds.has(k as never), k).toBe(true);
    const a = advise(w);
    expect(a.scheduledUsd.instalment).toBeGreaterThan(0);
    // The advisor's totals are the schedule's, and the runway ends no later than cash + operating flow − payments says.
    expect(a.scheduledUsd.instalment).toBeCloseTo(sched.filter((p) => p.kind === 'instalment').reduce((x, p) => x + p.usd, 0), 2);
    const end = w.companies[0]!.ledger.balances.cash / 100 + 52 * a.operatingUsdPerWeek - sched.reduce((x, p) => x + p.usd, 0);
    if (end < 0) expect(a.runwayWeeks).not.toBeNull();
  });

  it('price-war-2025, doing nothing: a warning comes at least 4 weeks before the end; game over says what ended the company; equity is then 0', () => {
    const w = createWorld(bundled('price-war-2025'), { seed: 1, strategy: 'idle' });
    const { firstWarn } = runWatching(w, 400);
    expect(w.status).toBe('bankrupt');
    const over = advise(w).gameOver!;
    expect(['payment', 'covenant']).toContain(over.kind);
    if (over.kind === 'payment') expect(over.missingUsd).toBeGreaterThan(0);
    const covenantOrCash = [...firstWarn.entries()].filter(([id]) => id.startsWith('warn.')).map(([, wk]) => wk);
    expect(covenantOrCash.length).toBeGreaterThan(0);
    expect(over.week - Math.min(...covenantOrCash)).toBeGreaterThanOrEqual(4);
    expect(advise(w).equityValueUsd).toBe(0);
  });

  it('default, a GPU loan spent on an order too big for the cash: the liquidity covenant warning comes at least 4 weeks before the breach; the uncured breach ends the company and game over names the covenant', () => {
    // The world without mega-deals: with them (default has 4 a year) on-demand rents rise and this
    // idle company's rentals carry it through; the test is about the warning, not the market. Over
    // seeds 1–10, so the premise (a breach) does not rest on one world's path: most of them breach.
    let breached = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const w = createWorld(variant((s) => { s.market.demand.megaDealsPerYear = 0; }), { seed, strategy: 'idle' });
      step(w);
      step(w);
      // $50M: within every seed's loan-to-value room at week 2 ($52–59M).
      expect(issueCommand(w, { type: 'takeGpuLoan', amountUsd: 50_000_000 }).ok, `seed ${seed}`).toBe(true);
      expect(issueCommand(w, { type: 'orderGpus', modelId: 'h100', count: 4100, vendorFinancing: false }).ok).toBe(true);
      const { firstWarn, firstBreachWeek } = runWatching(w, 200);
      if (firstBreachWeek === null) continue;
      breached++;
      expect(firstWarn.has('warn.covenantLiquidity'), `seed ${seed}`).toBe(true);
      expect(firstBreachWeek - firstWarn.get('warn.covenantLiquidity')!, `seed ${seed}`).toBeGreaterThanOrEqual(4);
      expect(w.status, `seed ${seed}`).toBe('bankrupt');
      expect(advise(w).gameOver!.kind, `seed ${seed}`).toBe('covenant');
    }
    expect(breached).toBeGreaterThanOrEqual(5);
  });

  it('week 0 shows the opening fleet installed in its energised power, as the first week will', () => {
    for (const id of ['default', 'power-crunch']) {
      const w = createWorld(bundled(id), { seed: 1, strategy: 'idle' });
      const a0 = advise(w);
      step(w);
      const co = w.companies[0]!;
      expect(a0.gpusInstalled, id).toBe(co.lots.reduce((s, l) => s + l.installed, 0));
      expect(a0.powerMwAvailable, id).toBe(co.last.powerMwAvailable);
      expect(a0.powerMwAvailable, id).toBeGreaterThan(0);
    }
  });
});

describe('GPUs waiting for power: the power already under way is counted', () => {
  // power-crunch opens with 6,000 H100s (1.4 kW each) and 5 MW: 2,429 wait in boxes, and no
  // colocation is free anywhere; a campus is the one way to order power at week 0.
  const awaiting = (w: World) => advise(w).warnings.find((x) => x.id === 'alert.gpusAwaitingPower');
  const withCampus = (mw: number) => {
    const w = createWorld(bundled('power-crunch'), { seed: 1 });
    expect(issueCommand(w, { type: 'buildCampus', regionId: 'europe-nordics', powerMw: mw }).ok).toBe(true);
    step(w);
    return w;
  };
  it('with none under way it suggests getting power (a campus or a sale when colocation and powered sites are sold out); a campus big enough for all of them is said with the weeks until it energises, and no more power is suggested', () => {
    const w0 = createWorld(bundled('power-crunch'), { seed: 1 });
    const before = awaiting(w0)!;
    expect(before.params).toMatchObject({ count: 2429, onWayMw: 0, coveredGpus: 0 });
    // Colocation and powered sites are sold out everywhere at the start: a campus, or a sale.
    expect(before.actions).toEqual(['act.buildCampus', 'act.sellGpus']);
    w0.regions[0]!.colocAvailableMw = 10;
    expect(awaiting(w0)!.actions).toEqual(['act.getPower']);
    const w = withCampus(12);
    const site = w.companies[0]!.sites.find((s) => s.kind === 'campus')!;
    const after = awaiting(w)!;
    expect(after.params).toMatchObject({ count: 2429, onWayMw: 12, coveredGpus: 2429, firstInWeeks: Math.max(site.readyWeek, site.gridWeek) - w.week });
    expect(after.params.firstInWeeks).toBeGreaterThan(100);
    expect(after.actions).toEqual([]);
  });
  it('a campus too small for them holds a share by the kW they draw, and more power is still suggested', () => {
    const a = awaiting(withCampus(2))!;
    expect(a.params).toMatchObject({ count: 2429, onWayMw: 2, coveredGpus: Math.floor(2000 / 1.4) });
    expect(a.actions).toEqual(['act.buildCampus', 'act.sellGpus']);
  });
  it('switched-off GPUs are not waiting for power', () => {
    const w = withCampus(2);
    const co = w.companies[0]!;
    const lot = co.lots.find((l) => l.count - l.installed >= 1000)!;
    lot.offCount = 1000;
    expect(awaiting(w)!.params.count).toBe(1429);
    expect(advise(w).gpusAwaitingPower).toBe(1429);
  });
});

describe('a breach still there when the cure period ends', () => {
  /** The player with a $20M GPU loan and a liquidity covenant no company meets, breached at week 12 (cure to week 25), at week 16 with `cashLeftUsd`. */
  const inCure = (cashLeftUsd: number) => {
    const w = createWorld(variant((s) => { s.finance.covenantMinLiquidityUsd = 1e12; s.finance.covenantCureWeeks = 13; }), { seed: 3 });
    expect(issueCommand(w, { type: 'takeGpuLoan', amountUsd: 20_000_000 }).ok).toBe(true);
    for (let k = 0; k < 16; k++) step(w);
    expect(w.companies[0]!.covenantCureEndsWeek).toBe(25);
    bookCents(w.companies[0]!.ledger, 'debtFeesPaid', Math.max(0, w.companies[0]!.ledger.balances.cash - cashLeftUsd * 100));
    return w;
  };
  const liquidityWarning = (w: ReturnType<typeof createWorld>) => advise(w).warnings.find((x) => x.id === 'warn.covenantLiquidity');

  it('with cash for all its debt: the advisor says the called loans would be repaid (not the end), and the engine repays them', () => {
    const w = inCure(150_000_000);
    const warn = liquidityWarning(w);
    expect(warn?.params).toMatchObject({ week: 25, fatal: 0, repaid: 1 });
    expect(advise(w).gameOver).toBeNull();
    for (let k = 0; k < 10; k++) step(w);
    expect(w.companies[0]!.status).toBe('active');
    expect(w.companies[0]!.ledger.balances.debt).toBe(0);
  });

  it('with less cash than debt: the advisor says the company would end, and it does', () => {
    const w = inCure(1_000_000);
    expect(liquidityWarning(w)?.params).toMatchObject({ week: 25, fatal: 1, repaid: 0 });
    expect(liquidityWarning(w)?.severity).toBe('danger');
    for (let k = 0; k < 10; k++) step(w);
    expect(w.companies[0]!.status).toBe('bankrupt');
    expect(w.companies[0]!.defaultCause?.kind).toBe('covenant');
  });
});

describe('a projected debt-service breach is announced as one', () => {
  it('warns with the debt-service covenant, its cover and its 1.1× minimum — not as a leverage breach', () => {
    const w = createWorld(variant((s) => { s.finance.covenantMinDebtServiceCover = 1.1; s.finance.covenantDebtServiceGraceWeeks = 0; }), { seed: 1 });
    expect(issueCommand(w, { type: 'takeGpuLoan', amountUsd: 20_000_000 }).ok).toBe(true);
    step(w);
    const p = w.companies[0]!;
    // Run-rate EBITDA a tenth of next year's service: the cover is far under 1.1× at the next close.
    p.trailingEbitdaUsd = p.trailingEbitdaUsd.map(() => 1);
    p.trailingWeeks = 13;
    const warnings = advise(w).warnings;
    const ds = warnings.find((x) => x.id === 'warn.covenantDebtService');
    expect(ds, JSON.stringify(warnings.map((x) => x.id))).toBeDefined();
    expect(ds!.params.limit).toBe(1.1);
    expect(ds!.params.value as number).toBeLessThan(1.1);
    expect(warnings.some((x) => x.id === 'warn.covenantLeverage')).toBe(false);
    // What mends it: more EBITDA, or less debt service (the GPU loan) — not "repay bonds or the revolver", which it has none of.
    expect(ds!.actions).toEqual(['act.growEbitda', 'act.repayGpuLoan', 'act.raiseEquity']);
  });
});

describe('a debt-service breach at the end of its cure period: the advisor sizes the engine\'s prepayment', () => {
  /**
   * ai-winter with a $190M GPU loan and 4,000 B200s on vendor credit: in the winter the debt-service
   * cover falls under 1.1× and a cure period opens (in about half the seeds). Read over seeds 1–10, as
   * which seeds breach, and whether the cover recovers within the period, follow the world's path.
   */
  const inDebtServiceCure = (seed: number): World | null => {
    const w = createWorld(bundled('ai-winter'), { seed });
    expect(issueCommand(w, { type: 'takeGpuLoan', amountUsd: 190_000_000 }).ok).toBe(true);
    expect(issueCommand(w, { type: 'orderGpus', modelId: 'b200', count: 4000, vendorFinancing: true }).ok).toBe(true);
    while (w.status === 'running' && w.companies[0]!.covenantCureEndsWeek === null && w.week < 300) step(w);
    if (w.companies[0]!.covenantCureEndsWeek === null) return null;
    expect(covenantTestsOf(w.scenario.finance, covenantFiguresOf(w)).find((t) => t.id === 'debtService')?.pass).toBe(false);
    return w;
  };
  const covenantFiguresOf = (w: World) => covenantFigures(w, w.companies[0]!);
  const dsWarning = (w: World) => advise(w).warnings.find((x) => x.id === 'warn.covenantDebtService');
  const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('with spare cash: the advisor says a prepayment of about $X cures it, or that the called loans are repaid (not the end), and the engine does so', () => {
    let sized = 0;
    for (const seed of SEEDS) {
      const w = inDebtServiceCure(seed);
      if (!w) continue;
      const warn = dsWarning(w);
      expect(warn?.params, `seed ${seed}`).toMatchObject({ fatal: 0 });
      expect(advise(w).covenantEndWeek).toBeNull();
      const debtBefore = w.companies[0]!.ledger.balances.debt;
      const end = w.companies[0]!.covenantCureEndsWeek!;
      while (w.week <= end && w.status === 'running') step(w);
      expect(w.companies[0]!.status, `seed ${seed}`).toBe('active');
      // No prepayment lifts today's (negative) EBITDA over the line: the advisor says the lenders will
      // call the loans and the cash repay them. By the period's end the EBITDA may have come back
      // enough for a prepayment to cure it (seed 3: the vendor loan and a quarter of the GPU loan);
      // either way the company lives on with less debt.
      if (warn!.params.repaid === 1) { expect(w.companies[0]!.ledger.balances.debt, `seed ${seed}`).toBeLessThan(0.9 * debtBefore); continue; }
      expect(w.companies[0]!.ledger.balances.debt).toBeGreaterThan(0);
      // A prepayment the advisor sized: within the weeks' instalments and interest of difference.
      // (0 when its cover recovers within the period on today's EBITDA.)
      if ((warn!.params.cureUsd as number) > 0) {
        sized++;
        expect(toUsdOf(debtBefore - w.companies[0]!.ledger.balances.debt), `seed ${seed}`).toBeGreaterThan(0.5 * (warn!.params.cureUsd as number));
      }
    }
    expect(sized).toBeGreaterThanOrEqual(1);
  });

  // The advisor holds today's EBITDA: "the company would end" is its projection. The engine's rule is
  // that the loans are called when the breach still stands at the period's end and cash cannot cure
  // it — so a company it called fatal ends, unless its cover recovered within the period.
  it('with the cash at the liquidity floor: the advisor says the company would end, and it does unless its cover recovered in the period', () => {
    let ended = 0;
    for (const seed of SEEDS) {
      const w = inDebtServiceCure(seed);
      if (!w) continue;
      const p = w.companies[0]!;
      bookCents(p.ledger, 'debtFeesPaid', Math.max(0, p.ledger.balances.cash - 2_000_000_000)); // $20M left: under the $25M floor, far under the debt
      const warn = dsWarning(w);
      expect(warn?.params, `seed ${seed}`).toMatchObject({ fatal: 1, repaid: 0, cureUsd: 0 });
      expect(warn?.severity).toBe('danger');
      const end = p.covenantCureEndsWeek!;
      let coverAtEnd = true;
      while (w.week <= end && w.status === 'running') {
        if (w.week === end) coverAtEnd = covenantTestsOf(w.scenario.finance, covenantFiguresOf(w)).find((t) => t.id === 'debtService')?.pass ?? true;
        step(w);
      }
      // The lenders called the loans it could not repay: a default (ai-winter allows one restructuring).
      if (p.status === 'bankrupt' || p.restructured) {
        ended++;
        expect(p.defaultCause?.kind).toBe('covenant');
      } else expect(coverAtEnd, `seed ${seed}: still in breach at the period's end, and not called`).toBe(true);
    }
    expect(ended).toBeGreaterThanOrEqual(1);
  });
});
const toUsdOf = (cents: number) => cents / 100;

describe('idle GPUs: the advisor says so, with their price against what the market pays for the same compute', () => {
  const idleAlert = (w: World) => advise(w).warnings.find((x) => x.id.startsWith('alert.idleGpus'));
  // Over seeds, not one: how fast reshopping customers fill the cheaper GPUs is the world's draw.
  // Measured 5 Dec on seeds 1–12: the alert stands at week 60 in 6 of them; a quarter after the cut it
  // has cleared in all 6, the idle GPUs down to 0–44% of what they were (before the week-0 compute
  // index was fixed: in 9, cleared in 7, idle down to 0–59%). Seed 1 had been checked alone at 8 weeks.
  it('default, doing nothing: in the 2024 glut a fifth or more of the fleet finds no customer at the index; lowering the price as advised fills most of it within a quarter', () => {
    let premise = 0, cleared = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const w = createWorld(bundled('default'), { seed });
      while (w.week < 60) step(w);
      const a = idleAlert(w);
      if (a?.id !== 'alert.idleGpus') continue;
      premise++;
      const co = w.companies[0]!;
      const idleGpus = () => Object.entries(co.last.odOfferedGpus).reduce((s, [id, n]) => s + Math.max(0, n - (co.last.odServedGpus[id] ?? 0)), 0);
      const idle = idleGpus();
      expect(a.params.idle, `seed ${seed}`).toBe(Math.round(idle));
      expect(idle, `seed ${seed}`).toBeGreaterThanOrEqual(0.2 * (a.params.installed as number));
      expect(a.params.rentUsd as number, `seed ${seed}`).toBeGreaterThan(1.05 * (a.params.marketUsd as number));
      expect(a.actions[0]).toBe('act.lowerPrice');
      // At about what the market pays for their compute the same GPUs find customers within weeks (those
      // already renting elsewhere reshop over time). Whether 0.6× the generation's index is already
      // under what the market pays for its compute, so that the price is no longer called dear
      // meanwhile, depends on how far that index sits above the price of compute: not asserted (on
      // the model before the week-0 fix, seed 3 was still called dear for a week).
      expect(issueCommand(w, { type: 'setOnDemandPrice', priceFactor: 0.6 }).ok).toBe(true);
      for (let k = 0; k < 13; k++) step(w);
      if (!idleAlert(w)) cleared++;
      expect(idleGpus(), `seed ${seed}`).toBeLessThan(0.75 * idle);
    }
    expect(premise).toBeGreaterThanOrEqual(3);
    expect(cleared).toBeGreaterThanOrEqual(0.5 * premise);
  });
  it('default, just after a cut below what the market pays for the compute: still idle while customers reshop — the advice is bids and the platform, not a lower price', () => {
    const w = createWorld(bundled('default'), { seed: 1 });
    while (w.week < 60) step(w);
    expect(issueCommand(w, { type: 'setOnDemandPrice', priceFactor: 0.4 }).ok).toBe(true);
    step(w);
    const a = idleAlert(w)!;
    expect(a.id).toBe('alert.idleGpusCheap');
    expect(a.params.rentUsd as number).toBeLessThanOrEqual(1.05 * (a.params.marketUsd as number));
    expect(a.actions).toEqual(['act.bid', 'act.platform']);
  });
});

describe('GPUs switched off below their cash cost are said, not hidden', () => {
  // A company switches off the uncontracted GPUs of a generation whose rent no longer covers its cash
  // cost (market/exits.ts). They left the powered space, so they are neither installed nor waiting for
  // power: before, the player saw fewer GPUs installed and no word why (subsidy-cliff, 2,000 of 8,500
  // in 2027). An A100 rent of a cent, as the week begins, forces it.
  it('the alert counts them and gives the rent against the company\'s own cash cost of running one', () => {
    const w = createWorld(bundled('default'), { seed: 1 });
    step(w);
    w.market.gens.find((g) => g.modelId === 'a100')!.indexUsdPerGpuHour = 0.01;
    step(w);
    const co = w.companies[0]!;
    const off = co.lots.reduce((a, l) => a + l.offCount, 0);
    expect(off).toBeGreaterThan(0);
    const a = advise(w).warnings.find((x) => x.id === 'alert.gpusSwitchedOff')!;
    expect(a.params.count).toBe(off);
    const model = co.lots.find((l) => l.offCount > 0)!.modelId;
    expect(a.params.costUsd as number).toBeGreaterThan(0);
    expect(model).toBe('a100');
    expect(a.params.model).toBe('A100');
    expect(advise(w).gpusAwaitingPower).toBe(0);
    // At the market's own rents nothing is switched off in those weeks, and nothing is said.
    const w2 = createWorld(bundled('default'), { seed: 1 });
    step(w2);
    step(w2);
    expect(advise(w2).warnings.some((x) => x.id === 'alert.gpusSwitchedOff')).toBe(false);
  });
});

describe('a grid emergency curtails the power: the GPUs it switches off come back when it ends', () => {
  // price-war-2025, played: in a two-week Texas curtailment the advisor said "2,358 GPUs are waiting
  // for power… lease colocation or buy a powered site" — a site takes 8–10 weeks.
  it('default (a full Texas hall and more GPUs than it holds): says how many are off and until when, counts only the rest as waiting for power, and that many run again when it ends', () => {
    const w = createWorld(bundled('default'), { seed: 1, strategy: 'idle' });
    expect(issueCommand(w, { type: 'orderGpus', modelId: 'h100', count: 2000 }).ok).toBe(true);
    const texas = () => w.regions.find((r) => r.id === 'us-texas')!;
    while (w.week < 400 && !(texas().curtailUntilWeek > w.week)) step(w);
    expect(texas().curtailUntilWeek).toBeGreaterThan(w.week);
    const co = w.companies[0]!;
    const installed = co.lots.reduce((a, l) => a + l.installed, 0);
    const advice = advise(w);
    const cut = advice.warnings.find((x) => x.id === 'alert.gpusCurtailed');
    expect(cut, JSON.stringify(advice.warnings.map((x) => x.id))).toBeDefined();
    expect(cut!.params.count as number).toBeGreaterThan(0);
    expect(cut!.params.week).toBe(texas().curtailUntilWeek);
    expect(cut!.actions).toEqual([]);
    // The rest wait for power as before (the hall never held them all).
    const waiting = advice.warnings.find((x) => x.id === 'alert.gpusAwaitingPower');
    expect((waiting?.params.count as number | undefined ?? 0) + (cut!.params.count as number)).toBe(advice.gpusAwaitingPower);
    const until = texas().curtailUntilWeek;
    while (w.week <= until) step(w);
    expect(co.lots.reduce((a, l) => a + l.installed, 0)).toBe(installed + (cut!.params.count as number));
    expect(advise(w).warnings.some((x) => x.id === 'alert.gpusCurtailed')).toBe(false);
  });
});
