/**
 * The finance rules of issue 9 item 3 on small worlds: lenders count only deliverable backlog, a
 * covenant breach has a cure period, a shortfall draws committed credit before a default, nobody
 * wins with negative book equity, equity is worth nothing after bankruptcy, a loss-maker with
 * negative equity is worth little in a cold market, and the lock-up drop follows the unlocked share.
 */
import { describe, expect, it } from 'vitest';
import { evaluateObjectives, runWeeks, step } from '../../src/engine/api.ts';
import { addDebt } from '../../src/engine/finance/debt.ts';
import { covenantTests } from '../../src/engine/finance/covenants.ts';
import { facilityRoomUsd } from '../../src/engine/finance/facility.ts';
import { companyValuation, profitWeight } from '../../src/engine/finance/valuation.ts';
import { lockupDrop, reactToResults } from '../../src/engine/market/capital.ts';
import type { QuarterReport } from '../../src/engine/reports.ts';
import { backlogUsd, deliverableBacklogUsd, equityValueUsd } from '../../src/engine/metrics.ts';
import { bookCents, totalEquityCents } from '../../src/engine/ledger.ts';
import { declareBankrupt } from '../../src/engine/operate.ts';
import { debtsOf, exec, expectBalanced, player, refused, variant, world } from './helpers.ts';
import { engineText } from '../../src/i18n/messages.ts';

describe('lenders underwrite what can be delivered', () => {
  it('facility room counts only backlog the company has GPUs and power for; ordering the GPUs opens it', () => {
    // A contract for 3000 H100s while the company owns 1000: two thirds of it cannot be delivered.
    const w = world(variant((s) => {
      s.company.contracts = [{ ...s.company.contracts[0]!, modelId: 'h100', gpuCount: 3000, usdPerGpuHour: 2.5, termWeeks: 104 }];
      s.company.sites = [{ regionId: 'us-texas', kind: 'colo', powerMw: 20 }];
      s.company.cashUsd = 2_000_000_000;
    }));
    const p = player(w);
    const full = backlogUsd(w, p);
    expect(deliverableBacklogUsd(w, p)).toBeCloseTo(full / 3, -2);
    expect(facilityRoomUsd(w, p)).toBeCloseTo(w.scenario.finance.facilityAdvanceRate * full / 3, -2);
    expect(refused(w, { type: 'drawFacility', amountUsd: facilityRoomUsd(w, p) + 1_000_000 })).toMatch(/deliver/);
    exec(w, { type: 'orderGpus', modelId: 'h100', count: 2000, vendorFinancing: false });
    expect(deliverableBacklogUsd(w, p)).toBeCloseTo(full, -2);
  });

  it('without power in hand or in the pipeline the same GPUs support less', () => {
    const w = world(variant((s) => {
      s.company.contracts = [{ ...s.company.contracts[0]!, modelId: 'h100', gpuCount: 1000, usdPerGpuHour: 2.5, termWeeks: 104 }];
      s.company.gpus = [{ modelId: 'h100', count: 1000, ageWeeks: 0 }, { modelId: 'a100', count: 4000, ageWeeks: 52 }];
      s.company.sites = [{ regionId: 'us-texas', kind: 'colo', powerMw: 1.8 }]; // the fleet needs 3.6 MW
    }));
    const p = player(w);
    expect(deliverableBacklogUsd(w, p) / backlogUsd(w, p)).toBeCloseTo(0.5, 2);
  });

  it('lenders refuse new money when EBITDA would not cover the interest', () => {
    const loose = world(variant((s) => { s.finance.minInterestCover = 0; }));
    const strict = world(variant((s) => { s.finance.minInterestCover = 1000; })); // a cover no company reaches: the rule alone decides
    runWeeks(loose, 13); runWeeks(strict, 13);
    const amountUsd = 20_000_000;
    exec(loose, { type: 'takeGpuLoan', amountUsd });
    expect(refused(strict, { type: 'takeGpuLoan', amountUsd })).toMatch(/cover the interest/);
  });
});

describe('covenants: one test function, a cure period, then the loans are called', () => {
  const strict = (cure: number) => variant((s) => { s.finance.covenantMinLiquidityUsd = 1e12; s.finance.covenantCureWeeks = cure; });

  it('covenantTests reports value, limit and pass for each test; none without debt', () => {
    const w = world(strict(13));
    expect(covenantTests(w, player(w))).toEqual([]);
    exec(w, { type: 'takeGpuLoan', amountUsd: 20_000_000 });
    const tests = covenantTests(w, player(w));
    expect(tests.map((t) => t.id)).toEqual(['liquidity', 'leverage', 'gpuLoanToValue']);
    const liq = tests[0]!;
    expect(liq.pass).toBe(false);
    expect(liq.limit).toBe(1e12);
    expect(liq.value).toBeCloseTo(player(w).ledger.balances.cash / 100, 2);
    expect(tests[2]!.pass).toBe(true);
  });

  /** Spend the player's cash down to `leftUsd` (a fee paid now). */
  const spendDownTo = (w: ReturnType<typeof world>, leftUsd: number) => {
    const p = player(w);
    bookCents(p.ledger, 'debtFeesPaid', Math.max(0, p.ledger.balances.cash - leftUsd * 100));
  };

  it('the cure period is the scenario\'s: a 26-week cure survives the week a 13-week cure would default', () => {
    const run = (cure: number) => {
      const w = world(strict(cure));
      exec(w, { type: 'takeGpuLoan', amountUsd: 20_000_000 });
      runWeeks(w, 13); // breach at the first quarter close (week 12)
      expect(player(w).covenantCureEndsWeek).toBe(12 + cure);
      runWeeks(w, 8);
      // Less cash than debt when the loans are called: it cannot repay them.
      spendDownTo(w, 1_000_000);
      runWeeks(w, 5); // through week 25
      return w;
    };
    const short = run(13), long = run(26);
    expect(player(short).status).toBe('bankrupt');
    expect(player(short).bankruptReason).toMatch(/did not cure/);
    expect(player(long).status).toBe('active');
    runWeeks(long, 8);
    spendDownTo(long, 1_000_000);
    runWeeks(long, 5);
    expect(player(long).status).toBe('bankrupt');
    expect(player(long).defaultCause?.kind).toBe('covenant');
    expect(player(long).defaultCause?.week).toBe(38);
    expectBalanced(long);
  });

  it('called loans that the cash covers are repaid: the company carries on debt-free (a cash-rich hyperscaler breaching leverage is not insolvent); the same breach with less cash than debt is a default', () => {
    const called = (cashLeftUsd: number) => {
      const w = world(strict(13));
      exec(w, { type: 'takeGpuLoan', amountUsd: 20_000_000 });
      runWeeks(w, 21); // breach at week 12, cure ends at week 25
      spendDownTo(w, cashLeftUsd);
      runWeeks(w, 5);
      return w;
    };
    const rich = called(100_000_000);
    const p = player(rich);
    expect(p.status).toBe('active');
    expect(p.debts.reduce((a, d) => a + d.principalCents, 0)).toBe(0);
    expect(p.ledger.balances.debt).toBe(0);
    expect(p.covenantBreaches).toBe(0);
    const item = rich.news.find((n) => n.id.startsWith('loans-called-'));
    expect(item?.headline).toMatchObject({ id: 'news.loansCalledRepaid.h' });
    const e = item!.explanation as { id: string; params: Record<string, number> };
    expect(e.params.usd).toBeGreaterThan(15_000_000);
    expect(engineText(e as never, 'en')).toMatch(/\$[\d.]+M repaid, and the company carries on debt-free/);
    expect(engineText(e as never, 'zh-CN')).toMatch(/已还款 \$[\d.]+M，公司无债继续经营/);
    expectBalanced(rich);
    const poor = called(1_000_000);
    expect(player(poor).status).toBe('bankrupt');
    expect(player(poor).bankruptReason).toMatch(/did not cure/);
    expectBalanced(poor);
  });
});

describe('a shortfall draws committed credit before a default', () => {
  it('undrawn facility room pays a bill the cash cannot; with no room the same bill is a default', () => {
    const bill = (w: ReturnType<typeof world>) => {
      const p = player(w);
      // An unexpected bill larger than the cash: booked as a fee, paid at the end of the week.
      bookCents(p.ledger, 'debtFeesPaid', p.ledger.balances.cash + 5_000_000_00);
      step(w);
      return p;
    };
    const withRoom = bill(world());
    expect(withRoom.status).toBe('active');
    expect(debtsOf(withRoom, 'contractFacility').length).toBe(1);
    expect(withRoom.ledger.balances.cash).toBeGreaterThanOrEqual(0);
    const noRoom = bill(world(variant((s) => { s.finance.facilityAdvanceRate = 0; })));
    expect(noRoom.status).toBe('bankrupt');
    expect(noRoom.bankruptReason).toMatch(/no committed credit/);
  });
});

describe('valuation', () => {
  it('equity is worth nothing once bankrupt, in the report and in the objectives', () => {
    const w = world();
    const p = player(w);
    runWeeks(w, 3);
    expect(equityValueUsd(p)).toBeGreaterThan(0);
    declareBankrupt(w, p, 'payment');
    expect(equityValueUsd(p)).toBe(0);
    expect(companyValuation(w, p).equityUsd).toBe(0);
  });

  it('the weight on profit rises as sentiment cools', () => {
    const w = world();
    w.market.sentiment = 1.9; const hot = profitWeight(w);
    w.market.sentiment = 1; const neutral = profitWeight(w);
    w.market.sentiment = 0.5; const cold = profitWeight(w);
    expect(hot).toBeLessThan(neutral);
    expect(neutral).toBeLessThan(cold);
  });

  it('a loss-maker with more debt than its business is worth trades at a distressed value in a cold market, but not with the profit weight off', () => {
    const loaded = (profitOn: boolean) => {
      const w = world(variant((s) => {
        if (!profitOn) Object.assign(s.market.capital, { profitWeightNeutral: 0, profitWeightPerSentiment: 0, profitWeightMin: 0, profitWeightMax: 0 });
      }));
      runWeeks(w, 13);
      const p = player(w);
      // Pile on debt with nothing to show for it: cash in, then spent (a loss).
      exec(w, { type: 'takeGpuLoan', amountUsd: 60_000_000 });
      bookCents(p.ledger, 'debtFeesPaid', p.ledger.balances.cash - 1_000_000_00);
      p.trailingEbitdaUsd.fill(-1_000_000);
      w.market.sentiment = 0.6;
      return { w, p, v: companyValuation(w, p) };
    };
    const on = loaded(true), off = loaded(false);
    // The loss counts against value on the profit view (lossYearsToFund).
    expect(on.v.profitEvUsd).toBeCloseTo(on.v.economicProfitUsd * on.w.scenario.market.capital.lossYearsToFund, 0);
    expect(on.v.profitEvUsd).toBeLessThan(0);
    // Worth less than a year's revenue, and under a third of what a pure revenue multiple says.
    expect(on.v.equityUsd / on.v.forwardRevenueUsd).toBeLessThan(1);
    expect(on.v.equityUsd).toBeLessThan(0.3 * off.v.equityUsd);
    // More debt than the blended business is worth: the equity trades at its distressed floor.
    addDebt(on.w, on.p, { kind: 'bond', amountUsd: 100_000_000, fixedRatePct: 12, spreadPct: 0, termWeeks: 260, amortizing: false });
    bookCents(on.p.ledger, 'debtFeesPaid', on.p.ledger.balances.cash - 1_000_000_00);
    const v = companyValuation(on.w, on.p);
    expect(v.distressed).toBe(true);
    expect(v.equityUsd).toBeCloseTo(Math.max(v.distressedValueUsd, v.netAssetFloorUsd), 0);
  });
});

describe('nobody wins insolvent', () => {
  it('negative book equity at the end fails an objective with the reason, whatever else was met', () => {
    const w = world();
    const p = player(w);
    const last = evaluateObjectives(w).at(-1)!;
    expect(last.met).toBe(true);
    // Wipe out the equity: a loss bigger than it.
    bookCents(p.ledger, 'debtFeesPaid', totalEquityCents(p.ledger.balances) + 10_000_000_00);
    expect(totalEquityCents(p.ledger.balances)).toBeLessThan(0);
    const r = evaluateObjectives(w).at(-1)!;
    expect(r.met).toBe(false);
    expect(engineText(r.detail)).toMatch(/insolvent/);
  });
});

describe('lock-up', () => {
  it('the drop scales with the share that unlocks and deepens as sentiment cools; nothing unlocking is no drop', () => {
    const w = world();
    w.market.sentiment = 1;
    expect(lockupDrop(w, 0)).toBe(0);
    expect(lockupDrop(w, 0.8)).toBeCloseTo(2 * lockupDrop(w, 0.4), 12);
    const warm = lockupDrop(w, 0.5);
    w.market.sentiment = 0.6;
    expect(lockupDrop(w, 0.5)).toBeGreaterThan(warm);
  });
});

describe('shares react to results', () => {
  const q = (revenueUsd: number, adjustedEbitdaUsd = revenueUsd * 0.6, interestExpenseUsd = 0, debtUsd = 0) =>
    ({ revenueUsd, adjustedEbitdaUsd, interestExpenseUsd, debtUsd }) as QuarterReport;
  const listed = () => { const w = world(); const p = player(w); p.lots = []; w.market.sentiment = 1; return { w, p }; };

  it('a miss against guidance drops the price, a beat lifts it, by the scenario\'s points per 10%', () => {
    const c = listed();
    const cap = c.w.scenario.market.capital;
    // Guidance: 100 × (1 + 0.7 × 10% growth) = 107; revenue 96.3 is a 10% miss.
    reactToResults(c.w, c.p, q(96.3), q(100), q(100 / 1.1));
    expect(c.p.priceShock).toBeCloseTo(1 - cap.guidanceMissDropPct / 100, 6);
    const d = listed();
    reactToResults(d.w, d.p, q(117.7), q(100), q(100 / 1.1));
    expect(d.p.priceShock).toBeCloseTo(1 + cap.guidanceBeatRisePct / 100, 6);
  });

  it('a wider loss hurts more in a cold market; rising leverage above the worry line hurts too', () => {
    const run = (sentiment: number) => {
      const c = listed();
      c.w.market.sentiment = sentiment;
      // Revenue on guidance (flat), EBITDA 20, interest 30 then 40: a loss that widens.
      reactToResults(c.w, c.p, q(100, 20, 40), q(100, 20, 30), q(100));
      return c.p.priceShock;
    };
    expect(run(1)).toBeLessThan(1);
    expect(run(0.5)).toBeLessThan(run(1));
    const c = listed();
    const worry = c.w.scenario.finance.maxDebtToEbitda * c.w.scenario.market.capital.leverageWarningShare;
    reactToResults(c.w, c.p, q(100, 60, 0, 4 * 60 * (worry + 1)), q(100, 60, 0, 4 * 60 * worry), q(100));
    expect(c.p.priceShock).toBeCloseTo(1 - c.w.scenario.market.capital.leverageRisingDropPct / 100, 6);
  });
});
