/**
 * What ended the company (issue 12 item 2): a default records which payment, margin call or
 * covenant did it and by how much (`Company.defaultCause`), and the advisor's game-over reason
 * carries the record to the game-over dialog. The figures agree with the ledger at that week.
 */
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/engine/advisor.ts';
import { createWorld, runWeeks, step } from '../../src/engine/api.ts';
import { covenantTests } from '../../src/engine/finance/covenants.ts';
import { bookCents } from '../../src/engine/ledger.ts';
import { toUsd } from '../../src/engine/money.ts';
import { undrawnRevolverUsd } from '../../src/engine/metrics.ts';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import { debtsOf, exec, expectBalanced, player, variant, world } from './helpers.ts';

describe('the cause of a default is recorded', () => {
  it('price-war-2025, seed 1, doing nothing: lenders call the loans over the liquidity covenant, with its figure, limit and the debt called', () => {
    const r = loadBundledScenario('price-war-2025');
    if (!r.ok) throw new Error('price-war-2025 does not load');
    const w = createWorld(r.scenario, { seed: 1 });
    while (w.status === 'running' && w.week < w.lengthWeeks) {
      expect(player(w).defaultCause).toBeUndefined();
      step(w);
    }
    const p = player(w);
    const c = p.defaultCause!;
    expect(c).toMatchObject({ kind: 'covenant', outcome: 'bankrupt', week: p.bankruptWeek, covenantId: 'liquidity' });
    // The figure is the liquidity test's own: cash plus undrawn revolver at the end of the cure period (a bankruptcy moves no cash).
    expect(c.figure).toBeCloseTo(toUsd(p.ledger.balances.cash) + undrawnRevolverUsd(p), 2);
    expect(c.figure!).toBeLessThan(c.limit!);
    expect(c.limit).toBe(r.scenario.finance.covenantMinLiquidityUsd);
    expect(c.dueUsd).toBeCloseTo(toUsd(p.ledger.balances.debt), 2);
    expect(c.shortUsd).toBeCloseTo(toUsd(p.ledger.balances.debt - p.ledger.balances.cash), 2);
    expect(c.shortUsd).toBeGreaterThan(0);
    expect(advise(w).gameOver).toMatchObject({ kind: 'covenant', week: c.week, cause: c });
  });

  it('a bill the cash and committed credit cannot pay is a missed payment: the week\'s debt service, the largest instrument, the claims left', () => {
    const w = world(variant((s) => { s.finance.facilityAdvanceRate = 0; }));
    exec(w, { type: 'takeGpuLoan', amountUsd: 20_000_000 });
    runWeeks(w, 2);
    const p = player(w);
    const loan = debtsOf(p, 'gpuLoan')[0]!;
    bookCents(p.ledger, 'debtFeesPaid', p.ledger.balances.cash + 5_000_000_00);
    const week = w.week;
    step(w);
    const c = p.defaultCause!;
    expect(c).toMatchObject({ kind: 'missedPayment', outcome: 'bankrupt', week, debtId: loan.id, debtKind: 'gpuLoan', covenantId: null, figure: null, limit: null });
    // The shortfall is exactly the creditor claims the default left, and cash is at zero.
    const claims = debtsOf(p, 'claims');
    expect(claims.length).toBe(1);
    expect(c.shortUsd).toBe(toUsd(claims[0]!.originalCents));
    expect(c.shortUsd).toBeGreaterThan(0);
    expect(p.ledger.balances.cash).toBe(0);
    expect(c.dueUsd).toBeGreaterThan(0);
    expect(advise(w).gameOver).toMatchObject({ kind: 'payment', missingUsd: c.shortUsd, cause: c });
    expectBalanced(w);
  });

  it('a covenant waiver fee the cash cannot pay at the quarter close is a missed payment naming the covenant, the fee, the largest instrument and the claims left', () => {
    // A fee of half the debt, and no committed credit (no revolver yet, no facility room): the close's fee cannot be paid.
    const w = world(variant((s) => { s.finance.facilityAdvanceRate = 0; s.finance.covenantWaiverFeePct = 50; }));
    exec(w, { type: 'takeGpuLoan', amountUsd: 20_000_000 });
    const p = player(w);
    while (w.week < 12) step(w);
    expect(p.revolverLimitUsd).toBe(0);
    // $5M left: enough for the week's bills, below the $25M liquidity floor, short of the fee.
    bookCents(p.ledger, 'debtFeesPaid', p.ledger.balances.cash - 5_000_000_00);
    const loan = debtsOf(p, 'gpuLoan')[0]!;
    step(w); // week 12: the quarter closes
    expect(p.status).toBe('bankrupt');
    const c = p.defaultCause!;
    expect(c).toMatchObject({ kind: 'missedPayment', outcome: 'bankrupt', week: 12, debtId: loan.id, debtKind: 'gpuLoan', covenantId: 'liquidity', figure: null, limit: null });
    // What was due is the fee on the debt at the close; what was short is the creditor claims left, exactly.
    const claims = debtsOf(p, 'claims');
    expect(claims.length).toBe(1);
    expect(c.shortUsd).toBe(toUsd(claims[0]!.originalCents));
    expect(c.dueUsd).toBe(toUsd(Math.round(((p.ledger.balances.debt - claims[0]!.principalCents) * 50) / 100)));
    expect(c.shortUsd).toBeGreaterThan(0);
    expect(c.shortUsd).toBeLessThan(c.dueUsd);
    expect(p.ledger.balances.cash).toBe(0);
    expect(advise(w).gameOver).toMatchObject({ kind: 'payment', missingUsd: c.shortUsd, cause: c });
    expectBalanced(w);
  });

  it('with restructuring allowed the same default is recorded as restructured and the company goes on', () => {
    const w = world(variant((s) => { s.finance.facilityAdvanceRate = 0; s.finance.allowRestructuring = true; }));
    const p = player(w);
    bookCents(p.ledger, 'debtFeesPaid', p.ledger.balances.cash + 5_000_000_00);
    step(w);
    expect(p.status).toBe('active');
    expect(p.defaultCause).toMatchObject({ kind: 'missedPayment', outcome: 'restructured', debtId: null });
    expect(advise(w).gameOver).toBeNull();
  });

  it('a margin call the cash cannot meet: the GPU loan, the loan-to-value figure against its limit, the prepayment due and what was not paid', () => {
    const w = world(variant((s) => { s.finance.facilityAdvanceRate = 0; }));
    exec(w, { type: 'takeGpuLoan', amountUsd: 20_000_000 });
    const p = player(w);
    // The fleet is suddenly worth far less to lenders (a tenth of the loan-to-value they lend at): the quarter close calls for a prepayment.
    w.scenario.finance.gpuLoanMaxLtv /= 10;
    while (p.marginCallDueWeek === null && w.week < 14) step(w);
    const due = p.marginCallDueWeek;
    expect(due).not.toBeNull();
    // Most of the cash goes before the call falls due.
    bookCents(p.ledger, 'debtFeesPaid', p.ledger.balances.cash - 3_000_000_00);
    while (p.status === 'active' && w.week <= due!) step(w);
    const c = p.defaultCause!;
    expect(c).toMatchObject({ kind: 'marginCall', outcome: 'bankrupt', week: due, debtKind: 'gpuLoan', covenantId: 'gpuLoanToValue' });
    expect(c.figure!).toBeGreaterThan(c.limit!);
    expect(c.shortUsd).toBeGreaterThan(0);
    expect(c.shortUsd).toBeLessThanOrEqual(c.dueUsd);
    // What was paid towards the call is what the cash held: the rest is short.
    expect(p.ledger.balances.cash).toBe(0);
    expect(covenantTests(w, p).find((t) => t.id === 'gpuLoanToValue')?.pass).toBe(false);
    expect(advise(w).gameOver).toMatchObject({ kind: 'covenant', cause: c });
    expectBalanced(w);
  });
});
