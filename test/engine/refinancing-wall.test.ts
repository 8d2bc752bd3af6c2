/**
 * The refinancing wall (`finance.refinanceOnRenewalCashFlow`, finance/refinance.ts and lending.ts):
 * when a balloon falls due, the refinancing lenders size the roll on the renewal cash flow — the
 * contracts that still run, at their prices, and the rest of the installed fleet re-priced at the
 * rent a renewal contract would be signed at this week — at the lenders' debt-service cover. What
 * they will not roll is due in cash. Off (the bundled scenarios), GPU-loan balloons roll on the
 * collateral alone and facility/vendor balloons are due in cash, as before.
 */
import { describe, expect, it } from 'vitest';
import { runWeeks } from '../../src/engine/api.ts';
import { addDebt, serviceDebt } from '../../src/engine/finance/debt.ts';
import { balloonRollable } from '../../src/engine/finance/refinance.ts';
import { committedDebtServiceUsd, newDebtServiceUsd, renewalCashFlowUsd, renewalRollRoomUsd, scheduledDebtServiceUsd } from '../../src/engine/finance/lending.ts';
import { baseRatePct } from '../../src/engine/finance/rates.ts';
import { HOURS_PER_WEEK, WEEKS_PER_YEAR } from '../../src/engine/money.ts';
import type { Debt, World } from '../../src/engine/types.ts';
import { engineText } from '../../src/i18n/messages.ts';
import type { Msg } from '../../src/engine/msg.ts';
import { exec, expectBalanced, player, variant, world } from './helpers.ts';

const COVER = 1.3;
const RESIDUAL = 0.3;

/** The default world one week in (its opening fleet installed, its A100 contract running), lenders sizing at `cover`, loans with a 30% residual. */
function setup(wall: boolean, cover = COVER): World {
  const w = world(variant((s) => {
    s.company.cashUsd = 1_000_000_000;
    s.finance.lenderMinDebtServiceCover = cover;
    s.finance.loanResidualShare = RESIDUAL;
    s.finance.refinanceOnRenewalCashFlow = wall;
  }));
  runWeeks(w, 1);
  return w;
}

/** A $20M loan of `kind` with the 30% residual, brought to its maturity next week. */
function maturingLoan(w: World, kind: 'contractFacility' | 'gpuLoan'): Debt {
  const p = player(w);
  const d = addDebt(w, p, { kind, amountUsd: 20_000_000, fixedRatePct: null, spreadPct: 7, termWeeks: 104, amortizing: true, residualShare: RESIDUAL });
  d.principalCents = d.residualCents!; // the instalments have been paid: the balloon is left
  d.maturityWeek = w.week + 1;
  return d;
}

describe('renewal cash flow: contracts that still run at their prices, the rest re-priced at today\u2019s renewal rent', () => {
  it('each contract counts at its own price less commission and cash cost; its GPUs are not counted twice', () => {
    const w = setup(true);
    const p = player(w);
    expect(p.lots.some((l) => l.installed > 0)).toBe(true);
    const c = p.contracts.find((x) => x.startWeek <= w.week + 1 && x.endWeek > w.week + 1)!;
    expect(c).toBeDefined();
    const before = renewalCashFlowUsd(w, p);
    c.usdPerGpuHour += 0.1;
    const after = renewalCashFlowUsd(w, p);
    // Exactly the price step on the contract's GPUs, after the sales commission, for a year.
    const expected = c.gpuCount * HOURS_PER_WEEK * WEEKS_PER_YEAR * 0.1 * (1 - w.scenario.operations.salesRevenueShare);
    expect(after - before).toBeCloseTo(expected, 0);
  });

  it('a contract ending before maturity and a price fall both cut it: the old contract rent no longer counts', () => {
    const w = setup(true);
    const p = player(w);
    const running = renewalCashFlowUsd(w, p);
    const c = p.contracts.find((x) => x.startWeek <= w.week + 1 && x.endWeek > w.week + 1)!;
    const end = c.endWeek;
    c.endWeek = w.week + 1; // ends into the roll: its A100s are re-priced at the renewal rent (below its old $1.35)
    const ended = renewalCashFlowUsd(w, p);
    expect(ended).toBeLessThan(running);
    for (const g of w.market.gens) g.indexUsdPerGpuHour *= 0.5;
    const fallen = renewalCashFlowUsd(w, p);
    expect(fallen).toBeLessThan(ended);
    // The contract that still runs is not re-priced by the fall: with it restored, the fall costs less.
    c.endWeek = end;
    const fallenWithContract = renewalCashFlowUsd(w, p);
    expect(fallenWithContract).toBeGreaterThan(fallen);
  });
});

describe('the refinancing wall: balloons roll only as far as the renewal cash flow services them', () => {
  it('off: a facility balloon is not offered for rolling and is paid from cash (as before the field)', () => {
    const w = setup(false);
    const p = player(w);
    const d = maturingLoan(w, 'contractFacility');
    expect(balloonRollable(w, d)).toBe(false);
    const cash = p.ledger.balances.cash;
    serviceDebt(w, p);
    expect(d.principalCents).toBe(0);
    expect(cash - p.ledger.balances.cash).toBeGreaterThanOrEqual(600_000_000);
    expectBalanced(w);
  });

  it('on, a healthy renewal: the facility balloon rolls whole on the GPU loan\u2019s schedule, residual reset', () => {
    const w = setup(true);
    const p = player(w);
    const d = maturingLoan(w, 'contractFacility');
    expect(balloonRollable(w, d)).toBe(true);
    const cents = d.principalCents;
    serviceDebt(w, p);
    expect(d.principalCents).toBe(cents);
    expect(d.maturityWeek).toBe(w.week + Math.min(w.scenario.finance.gpuLoanMaturityWeeks, w.scenario.finance.gpuLoanTermWeeks));
    expect(d.amortizeToWeek).toBe(w.week + w.scenario.finance.gpuLoanTermWeeks);
    expect(d.residualCents).toBe(Math.round(cents * RESIDUAL));
    expectBalanced(w);
  });

  it('on, rents collapsed and the contract ended: lenders roll nothing and the balloon is due in cash', () => {
    const w = setup(true);
    const p = player(w);
    for (const c of p.contracts) c.endWeek = Math.min(c.endWeek, w.week + 1);
    for (const g of w.market.gens) g.indexUsdPerGpuHour = 0.01;
    expect(renewalCashFlowUsd(w, p)).toBeLessThan(0); // overhead, no margin
    const d = maturingLoan(w, 'contractFacility');
    const cash = p.ledger.balances.cash;
    serviceDebt(w, p);
    expect(d.principalCents).toBe(0);
    expect(cash - p.ledger.balances.cash).toBeGreaterThanOrEqual(600_000_000);
    expectBalanced(w);
  });

  it('a GPU-loan balloon the collateral would roll: off, it rolls whole; on at a cover the renewal cash flow cannot meet, only the room rolls', () => {
    const rolled = (wall: boolean, cover: number) => {
      const w = setup(wall, cover);
      w.market.sentiment = 2; // warm lenders: the loan-to-value alone would roll it all
      const p = player(w);
      const d = maturingLoan(w, 'gpuLoan');
      const ratePct = baseRatePct(w) + w.scenario.finance.gpuLoanSpreadPct + p.spreadStepUpPct;
      const room = renewalRollRoomUsd(w, p, d, ratePct, { amortizationWeeks: w.scenario.finance.gpuLoanTermWeeks, residualShare: RESIDUAL });
      const cents = d.principalCents;
      serviceDebt(w, p);
      expectBalanced(w);
      return { left: d.principalCents, cents, room, w, p };
    };
    const off = rolled(false, COVER);
    expect(off.room).toBe(Infinity);
    expect(off.left).toBe(off.cents);
    // A cover so high the renewal cash flow services only part of the balloon: exactly that part rolls.
    const w0 = setup(true, COVER);
    const p0 = player(w0);
    const spare = renewalCashFlowUsd(w0, p0) - committedDebtServiceUsd(w0, p0);
    expect(spare).toBeGreaterThan(0);
    const perDollar = newDebtServiceUsd(1, baseRatePct(w0) + w0.scenario.finance.gpuLoanSpreadPct, { amortizationWeeks: w0.scenario.finance.gpuLoanTermWeeks, residualShare: RESIDUAL });
    // Choose the cover that leaves room for about half the $6M balloon.
    const cover = renewalCashFlowUsd(w0, p0) / (committedDebtServiceUsd(w0, p0) + 3_000_000 * perDollar);
    const part = rolled(true, cover);
    expect(part.room).toBeGreaterThan(1_000_000);
    expect(part.room).toBeLessThan(5_000_000);
    expect(part.left / 100).toBeCloseTo(part.room, -4); // within $10k (other instruments' instalments move the service a little)
    expect(part.left).toBeLessThan(part.cents);
    // The player is told why: the renewal cash flow, not the collateral, limited the roll.
    const news = part.w.news.at(-1)!;
    expect((news.explanation as { id: string }).id).toBe('news.refinanceWall.e');
    expect(engineText(news.explanation as Msg, 'zh-CN')).toContain('再融资之墙');
  });
});

describe('the debt-service covenant\u2019s grace follows delivery (finance.covenantGraceFromDelivery)', () => {
  /** A $20M facility draw made while one H100 order (no vendor financing) is open; the covenant's service of the draw at `week`. */
  function drawWithOrderOpen(on: boolean) {
    const w = world(variant((s) => {
      s.company.cashUsd = 1_000_000_000;
      s.finance.covenantMinDebtServiceCover = 1.1;
      s.finance.covenantGraceFromDelivery = on;
    }));
    runWeeks(w, 1);
    const p = player(w);
    p.orders = [];
    exec(w, { type: 'orderGpus', modelId: 'h100', count: 200, vendorFinancing: false });
    const delivery = p.orders[0]!.deliveryWeek;
    const d = addDebt(w, p, { kind: 'contractFacility', amountUsd: 20_000_000, fixedRatePct: null, spreadPct: 7, termWeeks: 208, amortizing: true });
    const grace = w.scenario.finance.covenantDebtServiceGraceWeeks;
    const counted = (week: number) => {
      const now = w.week;
      w.week = week;
      const withIt = scheduledDebtServiceUsd(w, p, grace);
      const without = scheduledDebtServiceUsd(w, p, grace, d);
      w.week = now;
      return withIt - without > 0;
    };
    return { w, d, delivery, grace, counted, drawWeek: w.week };
  }

  it('off: no new state on the debt, and the draw is tested once the grace has run from the draw', () => {
    const x = drawWithOrderOpen(false);
    expect('graceFromWeek' in x.d).toBe(false);
    expect(x.counted(x.drawWeek + x.grace - 1)).toBe(false);
    expect(x.counted(x.drawWeek + x.grace)).toBe(true);
  });

  it('on: the grace runs from the ordered GPUs\u2019 delivery, so a lead time beyond the grace is not tested early', () => {
    const x = drawWithOrderOpen(true);
    expect(x.delivery).toBeGreaterThan(x.drawWeek);
    expect(x.d.graceFromWeek).toBe(x.delivery);
    // Lenders underwriting new money (no grace) count it at once, whenever its GPUs arrive.
    expect(scheduledDebtServiceUsd(x.w, player(x.w), 0) - scheduledDebtServiceUsd(x.w, player(x.w), 0, x.d)).toBeGreaterThan(0);
    expect(x.counted(x.drawWeek + x.grace)).toBe(false);
    expect(x.counted(x.delivery + x.grace - 1)).toBe(false);
    expect(x.counted(x.delivery + x.grace)).toBe(true);
  });
});
