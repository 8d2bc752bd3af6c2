/**
 * Loans that amortise to a residual (`finance.loanResidualShare`, finance/debt.ts): with 0 the
 * instalments are today's (no `residualCents` on the instrument, so state hashes are unchanged);
 * with 0.3 the scheduled instalments repay 70% of the principal and 30% is left due at maturity,
 * the ledger balancing throughout; lenders sizing on debt service count the smaller instalments,
 * so they lend more against the same cash flow.
 */
import { describe, expect, it } from 'vitest';
import { previewCommand, runWeeks } from '../../src/engine/api.ts';
import { engineText } from '../../src/i18n/messages.ts';
import { addDebt, instalmentCents, serviceDebt } from '../../src/engine/finance/debt.ts';
import { facilityRoomParts } from '../../src/engine/finance/facility.ts';
import { newDebtServiceUsd } from '../../src/engine/finance/lending.ts';
import { covenantDeadlines } from '../../src/engine/operate.ts';
import { covenantFigures, covenantTests } from '../../src/engine/finance/covenants.ts';
import { toUsd, WEEKS_PER_YEAR } from '../../src/engine/money.ts';
import { debtsOf, exec, expectBalanced, player, variant, world } from './helpers.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import type { Company, World } from '../../src/engine/types.ts';

const TERM_WEEKS = 52;
const PRINCIPAL_CENTS = 1_000_000_000; // $10M

/** Draw $10M of vendor financing over `TERM_WEEKS` and service it week by week to maturity: the principal repaid each week, cents. */
function schedule(residualShare: number): { repaid: number[]; residualCents: number | undefined; hasKey: boolean } {
  const w = world(variant((s) => { s.company.cashUsd = 1_000_000_000; s.finance.loanResidualShare = residualShare; }));
  const p = player(w);
  const d = addDebt(w, p, { kind: 'vendor', amountUsd: PRINCIPAL_CENTS / 100, fixedRatePct: 8, spreadPct: 0, termWeeks: TERM_WEEKS, amortizing: true, residualShare: w.scenario.finance.loanResidualShare });
  const hasKey = 'residualCents' in d;
  const residualCents = d.residualCents;
  const debtBefore = p.ledger.balances.debt;
  const repaid: number[] = [];
  let total = 0;
  while (d.principalCents > 0) {
    const before = d.principalCents;
    const weeksLeft = d.maturityWeek - w.week;
    const expected = weeksLeft <= 1 ? before : instalmentCents(d, before, w.week);
    serviceDebt(w, p);
    expect(before - d.principalCents).toBe(expected);
    repaid.push(before - d.principalCents);
    total += before - d.principalCents;
    expectBalanced(w);
    w.week++;
  }
  // Every cent repaid left the ledger's debt (no other instrument of the player matures this year).
  expect(debtBefore - p.ledger.balances.debt).toBeGreaterThanOrEqual(total);
  expect(total).toBe(PRINCIPAL_CENTS);
  expect(repaid).toHaveLength(TERM_WEEKS);
  return { repaid, residualCents, hasKey };
}

describe('loans amortise to a residual (finance.loanResidualShare)', () => {
  it('0: today\u2019s equal instalments, no residual on the instrument; 0.3: instalments repay 70%, 30% is due at maturity', () => {
    const flat = schedule(0);
    expect(flat.hasKey).toBe(false);
    // Today's schedule: principal ÷ weeks left, rounded, each week; the last week pays what is left.
    let left = PRINCIPAL_CENTS;
    for (let k = 0; k < TERM_WEEKS - 1; k++) {
      const inst = Math.round(left / (TERM_WEEKS - k));
      expect(flat.repaid[k]).toBe(inst);
      left -= inst;
    }
    const res = schedule(0.3);
    expect(res.residualCents).toBe(0.3 * PRINCIPAL_CENTS);
    const before = (r: number[]) => r.slice(0, -1).reduce((a, b) => a + b, 0);
    // Scheduled principal before maturity is 70% of today's, week by week (to the cent's rounding) …
    for (let k = 0; k < TERM_WEEKS - 1; k++) expect(Math.abs(res.repaid[k]! - 0.7 * flat.repaid[k]!)).toBeLessThanOrEqual(1);
    expect(before(res.repaid) / PRINCIPAL_CENTS).toBeCloseTo(0.7 * (TERM_WEEKS - 1) / TERM_WEEKS, 6);
    // … and the balloon is the 30% residual plus the last (70%) instalment.
    expect(Math.abs(res.repaid.at(-1)! - (0.3 * PRINCIPAL_CENTS + (0.7 * PRINCIPAL_CENTS) / TERM_WEEKS))).toBeLessThanOrEqual(TERM_WEEKS);
  });

  it('a GPU loan taken with the residual carries it, and its balloon is offered for refinancing even with maturity = term', () => {
    const w = world(variant((s) => {
      s.company.cashUsd = 1_000_000_000;
      s.finance.loanResidualShare = 0.3;
      s.finance.gpuLoanMaturityWeeks = s.finance.gpuLoanTermWeeks;
    }));
    runWeeks(w, 13);
    exec(w, { type: 'takeGpuLoan', amountUsd: 20_000_000 });
    const d = debtsOf(player(w), 'gpuLoan').at(-1)!;
    expect(d.residualCents).toBe(600_000_000);
    expect(d.amortizeToWeek).toBe(d.maturityWeek);
    expect(instalmentCents(d, d.principalCents, w.week)).toBe(Math.round(1_400_000_000 / w.scenario.finance.gpuLoanTermWeeks));
    // At maturity (brought forward here) a warm market's lenders roll the balance for another term, residual reset on it.
    w.market.sentiment = 2;
    d.maturityWeek = w.week + 1;
    const cents = d.principalCents;
    serviceDebt(w, player(w));
    expect(d.principalCents).toBe(cents);
    expect(d.maturityWeek).toBe(w.week + w.scenario.finance.gpuLoanTermWeeks);
    expect(d.residualCents).toBe(Math.round(cents * 0.3));
    expectBalanced(w);
  });

  it('lenders sizing on debt service count the smaller instalments: more room against the same cash flow', () => {
    expect(newDebtServiceUsd(1_000_000, 10, { amortizationWeeks: 104, residualShare: 0.3 })).toBeCloseTo(0.7 * 500_000 + 100_000, 6);
    expect(newDebtServiceUsd(1_000_000, 10, { amortizationWeeks: 104, residualShare: 0 })).toBeCloseTo(500_000 + 100_000, 6);
    const sized = (share: number) => {
      const w = world(variant((s) => {
        s.company.cashUsd = 1_000_000_000;
        s.finance.lenderMinDebtServiceCover = 1.3;
        s.finance.loanResidualShare = share;
      }));
      runWeeks(w, 13);
      return facilityRoomParts(w, player(w)).sizedUsd;
    };
    const off = sized(0);
    const on = sized(0.3);
    expect(Number.isFinite(off)).toBe(true);
    expect(off).toBeGreaterThan(0);
    expect(on).toBeGreaterThan(off * 1.05);
  });
});

/** A world one week in under the debt-service covenant (1.1×, no grace for new debt), with `cashUsd` of opening cash. */
function debtServiceWorld(cashUsd: number, change: (s: Scenario) => void = () => {}) {
  const w = world(variant((s) => {
    s.company.cashUsd = cashUsd;
    s.finance.covenantMinDebtServiceCover = 1.1;
    s.finance.covenantDebtServiceGraceWeeks = 0;
    change(s);
  }));
  runWeeks(w, 1);
  return { w, p: player(w) };
}

/** Set the company's run-rate EBITDA (the last 13 weeks, annualised) to `ebitdaUsd` a year. */
function setRunRateEbitda(p: Company, ebitdaUsd: number): void {
  p.trailingEbitdaUsd = p.trailingEbitdaUsd.map(() => ebitdaUsd / WEEKS_PER_YEAR);
  p.trailingWeeks = 13;
}

/** A covenant breach whose cure period ends this week: the engine's deadline runs. */
function endCurePeriod(w: World, p: Company): void {
  p.covenantBreaches = 1;
  p.covenantCureEndsWeek = w.week;
  covenantDeadlines(w, p);
}

describe('a mandatory prepayment to cure the debt-service covenant ranks a residual loan by what prepaying it saves', () => {
  it('prepays the part above the residual, then the next-heaviest loan — not the residual, which saves only interest', () => {
    const { w, p } = debtServiceWorld(1_000_000_000);
    const pre = toUsd(p.ledger.balances.cash) - w.scenario.finance.covenantMinLiquidityUsd;
    // A: 90% residual over half a year (its service per dollar is the heaviest, but only its top 10% amortises); B: vendor financing over a year.
    const a = addDebt(w, p, { kind: 'contractFacility', amountUsd: pre, fixedRatePct: null, spreadPct: 7, termWeeks: 26, amortizing: true, residualShare: 0.9 });
    const b = addDebt(w, p, { kind: 'vendor', amountUsd: pre, fixedRatePct: 9.5, spreadPct: 0, termWeeks: 52, amortizing: true });
    const serviceUsd = covenantFigures(w, p).debtServiceUsd;
    // Run-rate EBITDA that needs the service cut by A's amortising part and about half of B.
    const cutUsd = 0.1 * pre * 1.1 + 0.5 * pre * 1.095;
    const ebitda = 1.1 * (serviceUsd - cutUsd) + 1_000_000; // $1M clear of the line (the cure aims at it exactly)
    setRunRateEbitda(p, ebitda);
    expect(covenantTests(w, p).find((t) => t.id === 'debtService')!.pass).toBe(false);
    endCurePeriod(w, p);
    // Cured without the lenders accelerating: A keeps its residual, B is partly prepaid, the company is active.
    expect(p.status).toBe('active');
    expect(covenantTests(w, p).find((t) => t.id === 'debtService')!.pass).toBe(true);
    expect(a.residualCents! - a.principalCents).toBeLessThan(100); // its residual kept (to cents of rounding)
    expect(a.residualCents! - a.principalCents).toBeGreaterThanOrEqual(0);
    expect(b.principalCents).toBeGreaterThan(0);
    expect(toUsd(b.principalCents)).toBeLessThan(0.7 * pre);
    expectBalanced(w);
  });
});

describe('a cure by prepayment clears the covenant line, not just reaches it', () => {
  it('with run-rate EBITDA anywhere within a few dollars of what the cure needs, the prepayment cures every time and the company goes on', () => {
    // Next year's service counts weekly instalments in whole cents, so a prepayment aimed at the line
    // itself can leave the cover a hair under it (seed 1916 of default, boom certain: bankrupt at a
    // cover of 1.0999999999587 with $582M of spare cash).
    let cured = 0;
    const tries = 40;
    for (let k = 0; k < tries; k++) {
      const { w, p } = debtServiceWorld(1_000_000_000);
      for (let i = 0; i < 6; i++) addDebt(w, p, { kind: 'vendor', amountUsd: 37_000_000 + i * 1_234_567.89, fixedRatePct: 9.5, spreadPct: 0, termWeeks: 60 + 13 * i, amortizing: true });
      const serviceUsd = covenantFigures(w, p).debtServiceUsd;
      // EBITDA that needs about $20M less service, at offsets of 0.37 dollars.
      const ebitda = 1.1 * (serviceUsd - 20_000_000) + 0.37 * k;
      setRunRateEbitda(p, ebitda);
      expect(covenantTests(w, p).find((t) => t.id === 'debtService')!.pass).toBe(false);
      const cashBefore = p.ledger.balances.cash;
      endCurePeriod(w, p);
      // Cured: still active, still owing (had the lenders called the loans, its cash would have repaid them all), the cover above the line.
      if (p.status === 'active' && covenantTests(w, p).find((t) => t.id === 'debtService')?.pass === true) cured++;
      // What the cure took: about the $20M of service at these loans' service per dollar, not the whole debt.
      if (p.ledger.balances.debt > 0) expect(toUsd(cashBefore - p.ledger.balances.cash)).toBeLessThan(60_000_000);
      expectBalanced(w);
    }
    expect(cured).toBe(tries);
  });
});

describe('cure rights (finance.covenantMaxCuresPerYear): prepayment cures are limited per 52 weeks', () => {
  /** Breach the debt-service covenant at the end of a cure period twice, 26 weeks apart; the player's status and debt after each. */
  const twice = (maxCures: number) => {
    const { w, p } = debtServiceWorld(400_000_000, (s) => { s.finance.covenantMaxCuresPerYear = maxCures; });
    for (let i = 0; i < 4; i++) addDebt(w, p, { kind: 'vendor', amountUsd: 150_000_000, fixedRatePct: 9.5, spreadPct: 0, termWeeks: 104 + 26 * i, amortizing: true });
    const breach = () => {
      setRunRateEbitda(p, 1.1 * (covenantFigures(w, p).debtServiceUsd - 10_000_000));
      endCurePeriod(w, p);
      return { status: p.status, debtUsd: toUsd(p.ledger.balances.debt) };
    };
    const first = breach();
    w.week += 26;
    const second = breach();
    expectBalanced(w);
    return { first, second, cures: p.prepaymentCureWeeks };
  };

  it('one a year: the first breach is cured by prepaying, the second within the year calls the loans; no limit or two a year: both cured; without a limit no record is kept', () => {
    const one = twice(1);
    expect(one.first.status).toBe('active');
    expect(one.first.debtUsd).toBeGreaterThan(0);
    expect(one.cures).toHaveLength(1);
    // Called: all the debt falls due at once; the cash the loans brought in repays it (with less cash it would be a default).
    expect(one.second.debtUsd).toBe(0);
    const none = twice(0);
    expect(none.first.status).toBe('active');
    expect(none.second.status).toBe('active');
    expect(none.second.debtUsd).toBeGreaterThan(0);
    expect(none.second.debtUsd).toBeLessThan(none.first.debtUsd);
    expect(none.cures).toBeUndefined();
    const two = twice(2);
    expect(two.second.status).toBe('active');
    expect(two.cures).toHaveLength(2);
  });
});

describe('the GPU-loan preview names the balloon a residual leaves', () => {
  it('residual 0.3 at maturity = term: 70% repaid by instalments, a 30% balloon; maturity at half the term: 65% left; off: today\u2019s text', () => {
    const preview = (residual: number, maturityWeeks: number | null) => {
      const w = world(variant((s) => {
        s.company.cashUsd = 1_000_000_000;
        s.finance.loanResidualShare = residual;
        if (maturityWeeks !== null) s.finance.gpuLoanMaturityWeeks = maturityWeeks;
        else s.finance.gpuLoanMaturityWeeks = s.finance.gpuLoanTermWeeks;
      }));
      runWeeks(w, 13);
      const r = previewCommand(w, { type: 'takeGpuLoan', amountUsd: 20_000_000 });
      if (!r.ok) throw new Error(engineText(r.reason));
      return { r, term: w.scenario.finance.gpuLoanTermWeeks };
    };
    const full = preview(0.3, null);
    expect(full.r.ok && full.r.summary.id).toBe('cmd.gpuLoanResidual');
    if (!full.r.ok) return;
    expect(full.r.summary.params.residualUsd).toBeCloseTo(6_000_000, 2);
    expect(full.r.summary.params.dueWeeks).toBe(full.term);
    for (const lang of ['en', 'zh-CN'] as const) {
      const text = engineText(full.r.summary, lang);
      expect(text).not.toMatch(/[{}]/);
      expect(text).toContain('6');
      if (lang === 'zh-CN') expect(text).toContain('尾款');
    }
    const half = preview(0.3, 104);
    if (!half.r.ok) return;
    expect(half.r.summary.params.residualUsd).toBeCloseTo(20_000_000 * (1 - 0.7 * 104 / half.term), 2);
    const off = preview(0, null);
    expect(off.r.ok && off.r.summary.id).toBe('cmd.gpuLoan');
  });
});
