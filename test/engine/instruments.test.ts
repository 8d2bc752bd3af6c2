/**
 * Every financing instrument through the command API on the default scenario's small company:
 * interest, amortisation, bullets, borrowing limits, credit-priced spreads, the revolver, vendor
 * financing, equity (rounds, IPO and lock-up, follow-on, convertibles), covenants and default.
 */
import { describe, expect, it } from 'vitest';
import { issueCommand, previewCommand, runWeeks, step, stateHash } from '../../src/engine/api.ts';
import { baseRatePct } from '../../src/engine/finance/rates.ts';
import { backlogUsd, fleetValueUsd } from '../../src/engine/metrics.ts';
import { toCents } from '../../src/engine/money.ts';
import { bookCents } from '../../src/engine/ledger.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import type { World } from '../../src/engine/types.ts';
import { debtsOf, exec, expectBalanced, player, refused, variant, world } from './helpers.ts';
import { engineText } from '../../src/i18n/messages.ts';

/** |booked − exact| ≤ half a cent: the amount is the exact figure rounded once to whole cents. */
function expectCents(bookedCents: number, exactUsd: number) {
  expect(Number.isInteger(bookedCents)).toBe(true);
  expect(Math.abs(bookedCents - exactUsd * 100)).toBeLessThanOrEqual(0.5 + 1e-6);
}

/** Step one week, returning the cents booked on a line during it. */
function stepLine(w: World, line: keyof ReturnType<typeof player>['ledger']['lifetime']): number {
  const before = player(w).ledger.lifetime[line];
  step(w);
  return player(w).ledger.lifetime[line] - before;
}

const noLeverageLimit = (s: Scenario) => { s.finance.maxDebtToEbitda = 1e6; s.finance.maxDebtToAssets = 1e6; s.finance.minInterestCover = 0; };

describe('weekly interest accrual', () => {
  it('floating GPU loan: one week of interest = principal × (base + spread) / 52', () => {
    const w = world();
    exec(w, { type: 'takeGpuLoan', amountUsd: 20_000_000 });
    const d = debtsOf(player(w), 'gpuLoan')[0]!;
    expect(d.principalCents).toBe(20_000_000_00);
    const rate = baseRatePct(w) + d.spreadPct + player(w).spreadStepUpPct;
    expect(rate).toBeGreaterThan(d.spreadPct);
    expectCents(stepLine(w, 'interestPaid'), (20_000_000 * rate) / 100 / 52);
    expectBalanced(w);
  });

  it('fixed-coupon bond: the same weekly coupon every week, whatever the base rate does', () => {
    const w = world(variant((s) => { s.finance.bondTermWeeks = 30; s.finance.minInterestCover = 0; }));
    runWeeks(w, 13);
    const r = exec(w, { type: 'issueBond', amountUsd: 250_000_000 });
    const bond = debtsOf(player(w), 'bond')[0]!;
    expect(bond.fixedRatePct).toBeCloseTo(Number(r.details.couponPct), 12);
    const weekly = (250_000_000 * bond.fixedRatePct!) / 100 / 52;
    w.policy.baseRateShiftPct = 3; // a rate shock must not move a fixed coupon
    for (let i = 0; i < 5; i++) expectCents(stepLine(w, 'interestPaid'), weekly);
  });
});

describe('amortisation and maturities', () => {
  it('an amortising loan pays equal instalments and reaches exactly zero at maturity', () => {
    const w = world(variant((s) => { s.finance.gpuLoanTermWeeks = 10; s.finance.gpuLoanMaturityWeeks = 10; }));
    exec(w, { type: 'takeGpuLoan', amountUsd: 10_000_000 });
    const d = debtsOf(player(w), 'gpuLoan')[0]!;
    expect(d.maturityWeek).toBe(10);
    const principals: number[] = [];
    for (let week = 0; week < 10; week++) {
      const repaid = stepLine(w, 'debtRepaid');
      expect(Math.abs(repaid - 1_000_000_00), `instalment in week ${week}`).toBeLessThanOrEqual(1);
      principals.push(d.principalCents);
    }
    expect(principals.at(-1)).toBe(0);
    for (let i = 1; i < principals.length; i++) expect(principals[i]!).toBeLessThan(principals[i - 1]!);
    expect(player(w).debts).toHaveLength(0);
    expect(player(w).ledger.balances.debt).toBe(0);
    expect(player(w).ledger.lifetime.debtRepaid).toBe(10_000_000_00);
    expectBalanced(w);
  });

  it('a high-yield bond is a bullet: no principal until maturity, then all of it', () => {
    const w = world(variant((s) => { s.finance.bondTermWeeks = 20; s.finance.minInterestCover = 0; }));
    runWeeks(w, 13);
    expect(refused(w, { type: 'issueBond', amountUsd: 100_000_000 })).toMatch(/at least/);
    const feesBefore = player(w).ledger.lifetime.debtFeesPaid;
    exec(w, { type: 'issueBond', amountUsd: 250_000_000 });
    expectCents(player(w).ledger.lifetime.debtFeesPaid - feesBefore, (250_000_000 * 0.03) / 2);
    const bond = debtsOf(player(w), 'bond')[0]!;
    for (let i = 0; i < 19; i++) {
      expect(stepLine(w, 'debtRepaid')).toBe(0);
      expect(bond.principalCents).toBe(250_000_000_00);
    }
    expect(stepLine(w, 'debtRepaid')).toBe(250_000_000_00);
    expect(debtsOf(player(w), 'bond')).toHaveLength(0);
    expectBalanced(w);
  });

  it('bond investors want positive EBITDA', () => {
    const w = world(variant((s) => { s.company.contracts = []; s.company.gpus = []; }));
    expect(refused(w, { type: 'issueBond', amountUsd: 300_000_000 })).toMatch(/EBITDA/);
  });

  it('early repayment reduces principal and needs the cash', () => {
    const w = world();
    exec(w, { type: 'takeGpuLoan', amountUsd: 20_000_000 });
    const d = debtsOf(player(w), 'gpuLoan')[0]!;
    const cash = player(w).ledger.balances.cash;
    exec(w, { type: 'repayDebt', debtId: d.id, amountUsd: 5_000_000 });
    expect(d.principalCents).toBe(15_000_000_00);
    expect(player(w).ledger.balances.cash).toBe(cash - 5_000_000_00);
    expect(refused(w, { type: 'repayDebt', debtId: 'd999', amountUsd: 1 })).toMatch(/No debt/);
    const poor = world(variant((s) => { s.company.cashUsd = 1_000_000; }));
    exec(poor, { type: 'takeGpuLoan', amountUsd: 20_000_000 });
    exec(poor, { type: 'orderGpus', modelId: 'h100', count: 1800, vendorFinancing: false }); // $18M deposit
    expect(refused(poor, { type: 'repayDebt', debtId: debtsOf(player(poor), 'gpuLoan')[0]!.id, amountUsd: 10_000_000 })).toMatch(/Not enough cash/);
  });
});

describe('borrowing limits and pricing', () => {
  it('GPU-backed loan: refused over the loan-to-value cap, granted just under it', () => {
    const w = world(variant(noLeverageLimit));
    const room = w.scenario.finance.gpuLoanMaxLtv * fleetValueUsd(w, player(w));
    expect(room).toBeGreaterThan(1e6);
    expect(refused(w, { type: 'takeGpuLoan', amountUsd: Math.ceil(room) + 1000 })).toMatch(/loan-to-value/);
    exec(w, { type: 'takeGpuLoan', amountUsd: Math.floor(room) - 200_000 });
    // The cap counts loans already drawn.
    expect(refused(w, { type: 'takeGpuLoan', amountUsd: 300_000 })).toMatch(/loan-to-value/);
  });

  it('lenders refuse new debt above the debt/EBITDA limit', () => {
    const w = world(variant((s) => { s.finance.maxDebtToEbitda = 0.5; }));
    expect(refused(w, { type: 'takeGpuLoan', amountUsd: 20_000_000 })).toMatch(/EBITDA/);
  });

  it('contract-backed facility: draws limited to the advance rate × backlog', () => {
    const w = world();
    const backlog = 2000 * 1.35 * 168 * 52; // the default scenario's one contract
    const room = w.scenario.finance.facilityAdvanceRate * backlog;
    expect(refused(w, { type: 'drawFacility', amountUsd: room + 10_000 })).toMatch(/backlog/);
    exec(w, { type: 'drawFacility', amountUsd: room - 10_000 });
    expect(refused(w, { type: 'drawFacility', amountUsd: 100_000 })).toMatch(/backlog/);
    const noContracts = world(variant((s) => { s.company.contracts = []; }));
    expect(refused(noContracts, { type: 'drawFacility', amountUsd: 1_000_000 })).toMatch(/at most \$0/);
  });

  it('a scenario contract with a later signedDate: no backlog, loan room or prepayment until the signing week, then all of it', () => {
    const signedWeek = 10;
    const w = world(variant((s) => {
      s.company.contracts = [{ ...s.company.contracts[0]!, modelId: 'h100', gpuCount: 1000, usdPerGpuHour: 2, startDate: '2023-06-05', signedDate: '2023-03-13', termWeeks: 104, prepaidShare: 0.1 }];
    }));
    const p = player(w);
    const value = 1000 * 2 * 168 * 104;
    expect(p.contracts).toHaveLength(0);
    expect(backlogUsd(w, p)).toBe(0);
    expect(refused(w, { type: 'drawFacility', amountUsd: 1_000_000 })).toMatch(/at most \$0/);
    while (w.week < signedWeek) step(w);
    expect(p.contracts).toHaveLength(0);
    step(w); // week 10: signed at the start of the tick
    expect(p.contracts).toHaveLength(1);
    expect(p.contracts[0]!.startWeek).toBe(22);
    expect(backlogUsd(w, p)).toBeCloseTo(value, -2);
    expect(w.news.some((n) => n.id.startsWith('signed-') && n.week === signedWeek)).toBe(true);
    // The prepayment arrives on signing, as deferred revenue.
    expect(p.contracts[0]!.deferredCents).toBe(toCents(value * 0.1));
    exec(w, { type: 'drawFacility', amountUsd: 0.5 * w.scenario.finance.facilityAdvanceRate * value });
    expectBalanced(w);
  });

  it("contract-backed facility: the customer's credit sets the spread (IG cheaper than non-IG cheaper than startups)", () => {
    const spreadFor = (credit: 'ig' | 'nonIg' | 'startup') => {
      const w = world(variant((s) => { s.company.contracts[0]!.credit = credit; }));
      const r = previewCommand(w, { type: 'drawFacility', amountUsd: 5_000_000 });
      if (!r.ok) throw new Error(engineText(r.reason));
      exec(w, { type: 'drawFacility', amountUsd: 5_000_000 });
      expect(debtsOf(player(w), 'contractFacility')[0]!.spreadPct).toBe(r.details.spreadPct);
      return Number(r.details.spreadPct);
    };
    const f = variant().finance;
    expect(spreadFor('ig')).toBe(f.facilitySpreadIgPct);
    expect(spreadFor('nonIg')).toBe(f.facilitySpreadNonIgPct);
    expect(spreadFor('startup')).toBe(f.facilitySpreadStartupPct);
    expect(f.facilitySpreadIgPct).toBeLessThan(f.facilitySpreadNonIgPct);
    // Mixed backlog: value-weighted between the two.
    const w = world(variant((s) => {
      const c = s.company.contracts[0]!;
      s.company.contracts = [{ ...c, credit: 'ig' }, { ...c, customerName: 'Other', credit: 'nonIg' }];
    }));
    const r = previewCommand(w, { type: 'drawFacility', amountUsd: 5_000_000 });
    expect(r.ok && r.details.spreadPct).toBeCloseTo((f.facilitySpreadIgPct + f.facilitySpreadNonIgPct) / 2, 9);
  });

  it('revolver: only once annualised revenue passes the threshold, and only up to the limit', () => {
    const w = world();
    expect(refused(w, { type: 'drawRevolver', amountUsd: 1_000_000 })).toMatch(/No revolving credit line/);
    runWeeks(w, 13); // ≈ $80M annualised revenue < $200M
    expect(player(w).revolverLimitUsd).toBe(0);
    expect(refused(w, { type: 'drawRevolver', amountUsd: 1_000_000 })).toMatch(/No revolving credit line/);

    const low = world(variant((s) => { s.finance.revolverMinRevenueUsd = 50_000_000; }));
    runWeeks(low, 12);
    expect(player(low).revolverLimitUsd).toBe(0);
    step(low); // the quarter closes: the banks look at revenue
    expect(player(low).revolverLimitUsd).toBe(low.scenario.finance.revolverLimitUsd);
    exec(low, { type: 'drawRevolver', amountUsd: 100_000_000 });
    expect(debtsOf(player(low), 'revolver')[0]!.principalCents).toBe(100_000_000_00);
    expect(refused(low, { type: 'drawRevolver', amountUsd: 450_000_000 })).toMatch(/undrawn/);
  });

  it('vendor financing: no debt at order, vendor debt for the financed share on delivery', () => {
    const w = world();
    const r = exec(w, { type: 'orderGpus', modelId: 'h100', count: 1000, vendorFinancing: true });
    const order = player(w).orders[0]!;
    expect(player(w).ledger.balances.debt).toBe(0);
    expect(order.depositCents).toBe(toCents(Number(r.details.depositUsd)));
    while (w.week <= order.deliveryWeek) step(w);
    const vendor = debtsOf(player(w), 'vendor');
    expect(vendor).toHaveLength(1);
    const financed = Math.round(order.totalCents * w.scenario.finance.vendorFinancingShare);
    expect(vendor[0]!.originalCents).toBe(financed);
    expect(vendor[0]!.fixedRatePct).toBe(w.scenario.finance.vendorFinancingRatePct);
    expect(vendor[0]!.amortizing).toBe(true);
    const l = player(w).ledger.lifetime;
    expect(l.gpuVendorFinanced).toBe(financed);
    expect(l.gpuBalancePaid).toBe(order.totalCents - order.depositCents - financed);
    expect(l.gpuDepositApplied).toBe(order.depositCents);
    expect(player(w).lots.some((lot) => lot.modelId === 'h100' && lot.costCents === order.totalCents)).toBe(true);
    expectBalanced(w);

    const cashOnly = world();
    exec(cashOnly, { type: 'orderGpus', modelId: 'h100', count: 1000, vendorFinancing: false });
    while (cashOnly.week <= order.deliveryWeek) step(cashOnly);
    expect(debtsOf(player(cashOnly), 'vendor')).toHaveLength(0);
  });
});

describe('equity', () => {
  it('private round: cash in = shares × price exactly, fees separate, founders diluted', () => {
    expect(refused((() => { const w0 = world(); exec(w0, { type: 'raiseEquity', amountUsd: 50_000_000 }); return w0; })(), { type: 'raiseEquity', amountUsd: 20_000_000 })).toMatch(/not buy more stock yet/);
    const w = world(variant((s) => { s.finance.minWeeksBetweenEquityRaises = 0; }));
    const p = player(w);
    const founders = p.capTable.find((e) => e.holder === 'Founders')!;
    expect(founders.shares / p.sharesOutstanding).toBeCloseTo(0.6, 12);
    const cash0 = p.ledger.balances.cash;
    const r = exec(w, { type: 'raiseEquity', amountUsd: 50_000_000 });
    const shares = Number(r.details.shares);
    const priceCents = toCents(Number(r.details.priceUsd));
    expect(Number.isInteger(shares) && shares > 0).toBe(true);
    expect(p.ledger.period.equityIssued).toBe(shares * priceCents);
    expect(p.ledger.balances.cash - cash0).toBe(shares * priceCents - p.ledger.period.equityFeesPaid);
    expectCents(p.ledger.period.equityFeesPaid, (shares * priceCents * 0.03) / 100);
    expect(shares * priceCents).toBeLessThanOrEqual(50_000_000_00);
    expect(p.sharesOutstanding).toBe(100_000_000 + shares);
    expect(p.capTable.reduce((a, e) => a + e.shares, 0)).toBe(p.sharesOutstanding);
    expect(founders.shares).toBe(60_000_000);
    expect(founders.shares / p.sharesOutstanding).toBeCloseTo(60_000_000 / (100_000_000 + shares), 12);
    expect(p.capTable.at(-1)!.holder).toBe('Series A');
    expect(p.lastValuationUsd).toBeCloseTo((100_000_000 + shares) * Number(r.details.priceUsd), 2);
    // The next round is Series B and dilutes again.
    const r2 = exec(w, { type: 'raiseEquity', amountUsd: 20_000_000 });
    expect(p.capTable.at(-1)!.holder).toBe('Series B');
    expect(p.sharesOutstanding).toBe(100_000_000 + shares + Number(r2.details.shares));
    expectBalanced(w);
  });

  it('private round refusals: too large for the valuation, a shut market, a listed company', () => {
    const w = world();
    expect(refused(w, { type: 'raiseEquity', amountUsd: 5_000_000_000 })).toMatch(/Too large/);
    w.market.sentiment = 0.5;
    expect(refused(w, { type: 'raiseEquity', amountUsd: 20_000_000 })).toMatch(/sentiment/);
    const listed = world(variant((s) => { s.company.listed = true; }));
    expect(refused(listed, { type: 'raiseEquity', amountUsd: 20_000_000 })).toMatch(/follow-on/);
  });

  it('IPO: refused below the revenue threshold; once listed, pre-IPO holders are locked up', () => {
    const w = world();
    runWeeks(w, 13);
    expect(refused(w, { type: 'ipo', amountUsd: 50_000_000 })).toMatch(/annualised revenue/);

    const easy = world(variant((s) => { s.finance.ipoMinAnnualRevenueUsd = 50_000_000; }));
    runWeeks(easy, 13);
    const p = player(easy);
    const cash0 = p.ledger.balances.cash;
    const r = exec(easy, { type: 'ipo', amountUsd: 50_000_000 });
    const gross = Number(r.details.shares) * toCents(Number(r.details.priceUsd));
    expect(p.ledger.lifetime.equityIssued).toBe(gross);
    expect(p.ledger.balances.cash - cash0).toBe(gross - p.ledger.period.equityFeesPaid);
    expect(p.listed).toBe(true);
    expect(p.sharePriceUsd).toBe(Number(r.details.priceUsd));
    expect(p.lockupEndWeek).toBe(13 + easy.scenario.finance.lockupWeeks);
    for (const e of p.capTable.filter((x) => x.holder === 'Founders' || x.holder === 'Early investors')) expect(e.lockedUntilWeek).toBe(p.lockupEndWeek);
    expect(refused(easy, { type: 'ipo', amountUsd: 50_000_000 })).toMatch(/Already listed/);
  });

  it('lock-up expiry pushes the share price down against a twin world without the lock-up shock', () => {
    const make = (shockPct: number) => {
      const w = world(variant((s) => { s.finance.ipoMinAnnualRevenueUsd = 50_000_000; s.finance.lockupSupplyShockPct = shockPct; }));
      runWeeks(w, 13);
      expect(issueCommand(w, { type: 'ipo', amountUsd: 50_000_000 }).ok).toBe(true);
      return w;
    };
    const a = make(25), b = make(0);
    const prices: [number, number][] = [];
    const end = 13 + a.scenario.finance.lockupWeeks;
    while (a.week < end + 8) {
      step(a); step(b);
      prices.push([player(a).sharePriceUsd!, player(b).sharePriceUsd!]);
      if (a.week <= end) expect(player(a).sharePriceUsd, `week ${a.week - 1}`).toBe(player(b).sharePriceUsd);
    }
    const [pa, pb] = prices.at(-1)!;
    expect(pa / pb).toBeLessThan(0.85);
    expect(a.news.some((n) => n.id === 'lockup-player')).toBe(true);
  });

  it('follow-on: only when listed, at a discount, cash in = shares × price exactly, capped by market cap', () => {
    expect(refused(world(), { type: 'followOn', amountUsd: 20_000_000 })).toMatch(/listed/);
    const w = world(variant((s) => { s.company.listed = true; }));
    const p = player(w);
    expect(p.sharePriceUsd).toBe(6);
    expect(refused(w, { type: 'followOn', amountUsd: 130_000_000 })).toMatch(/20% of market cap/);
    const cash0 = p.ledger.balances.cash;
    const r = exec(w, { type: 'followOn', amountUsd: 50_000_000 });
    expect(r.details.priceUsd).toBe(5.7);
    const shares = Math.floor(50_000_000 / 5.7);
    expect(r.details.shares).toBe(shares);
    expect(p.ledger.period.equityIssued).toBe(shares * 570);
    expect(p.ledger.balances.cash - cash0).toBe(shares * 570 - p.ledger.period.equityFeesPaid);
    expect(p.sharesOutstanding).toBe(100_000_000 + shares);
  });

  it('convertible notes: only for a listed company in a warm market; convert when in the money, else repaid', () => {
    const setup = () => {
      const w = world(variant((s) => { s.company.listed = true; s.finance.convertibleTermWeeks = 4; }));
      w.market.sentiment = 0.9;
      expect(refused(w, { type: 'issueConvertible', amountUsd: 50_000_000 })).toMatch(/sentiment/);
      w.market.sentiment = 2;
      const r = exec(w, { type: 'issueConvertible', amountUsd: 50_000_000 });
      expect(r.details.conversionPriceUsd).toBe(7.5); // $6 × 1.25
      const note = debtsOf(player(w), 'convertible')[0]!;
      expect(refused(w, { type: 'repayDebt', debtId: note.id, amountUsd: 1_000_000 })).toMatch(/cannot be repaid early/);
      runWeeks(w, 3);
      expect(note.principalCents).toBe(50_000_000_00);
      return w;
    };
    const inMoney = setup();
    const p = player(inMoney);
    const shares0 = p.sharesOutstanding;
    const cash0 = p.ledger.lifetime.debtRepaid;
    p.sharePriceUsd = 10; // above the $7.50 conversion price when the note matures
    step(inMoney);
    expect(debtsOf(p, 'convertible')).toHaveLength(0);
    expect(p.ledger.lifetime.debtConverted).toBe(50_000_000_00);
    expect(p.ledger.lifetime.debtRepaid).toBe(cash0);
    expect(p.sharesOutstanding - shares0).toBe(Math.floor(50_000_000 / 7.5));
    expect(p.capTable.at(-1)!.holder).toBe('Convertible holders');
    expectBalanced(inMoney);

    const outOfMoney = setup();
    const q = player(outOfMoney);
    const repaid0 = q.ledger.lifetime.debtRepaid;
    q.sharePriceUsd = 5;
    step(outOfMoney);
    expect(q.ledger.lifetime.debtConverted).toBe(0);
    expect(q.ledger.lifetime.debtRepaid - repaid0).toBe(50_000_000_00);
    expect(q.sharesOutstanding).toBe(100_000_000);
  });
});

describe('covenants and default', () => {
  const strict = () => variant((s) => { s.finance.covenantMinLiquidityUsd = 1e12; });

  it('a covenant breach costs a waiver fee and a spread step-up; two in a row, with less cash than debt, is bankruptcy', () => {
    const w = world(strict());
    const p = player(w);
    exec(w, { type: 'takeGpuLoan', amountUsd: 20_000_000 });
    const loan = debtsOf(p, 'gpuLoan')[0]!;
    runWeeks(w, 12);
    const fees0 = p.ledger.lifetime.debtFeesPaid;
    step(w); // week 12: the first quarter closes
    expect(p.covenantBreaches).toBe(1);
    expect(p.quarters[0]!.covenantBreached).toBe(true);
    expect(p.spreadStepUpPct).toBe(w.scenario.finance.covenantStepUpPct);
    expect(p.ledger.lifetime.debtFeesPaid - fees0).toBe(Math.round(loan.principalCents * w.scenario.finance.covenantWaiverFeePct / 100));
    expect(w.news.some((n) => n.id.startsWith('covenant-'))).toBe(true);
    // Floating debt now pays the step-up.
    const rate = baseRatePct(w) + loan.spreadPct + 2;
    const principal = loan.principalCents / 100;
    expectCents(stepLine(w, 'interestPaid'), (principal * rate) / 100 / 52);
    runWeeks(w, 11);
    expect(w.status).toBe('running');
    // Spend the cash below the debt (a fee paid now): called loans the cash covers would be repaid
    // (finance-rules.test.ts), so only a company that cannot repay them fails.
    bookCents(p.ledger, 'debtFeesPaid', p.ledger.balances.cash - toCents(1_000_000));
    step(w); // week 25: the second quarter closes in breach
    expect(p.status).toBe('bankrupt');
    expect(w.status).toBe('bankrupt');
    expect(p.bankruptReason).toMatch(/covenants/);
    expectBalanced(w);
  });

  it('a clean quarter after a breach resets the count', () => {
    const w = world(strict());
    exec(w, { type: 'takeGpuLoan', amountUsd: 20_000_000 });
    runWeeks(w, 13);
    expect(player(w).covenantBreaches).toBe(1);
    w.scenario.finance.covenantMinLiquidityUsd = 0;
    runWeeks(w, 13);
    expect(player(w).covenantBreaches).toBe(0);
    expect(w.status).toBe('running');
  });

  it('no debt, no covenants', () => {
    const w = world(strict());
    runWeeks(w, 26);
    expect(player(w).covenantBreaches).toBe(0);
    expect(w.status).toBe('running');
  });

  // No committed credit either: the facility room (undrawn contract-backed credit) would pay a shortfall first.
  const broke = (change: (s: Scenario) => void = () => {}) => world(variant((s) => { s.operations.sgaBaseUsdPerWeek = 400_000_000; s.finance.facilityAdvanceRate = 0; change(s); }));

  it('a missed payment (cash below zero, no revolver) is bankruptcy; cash never shows below zero', () => {
    const w = broke();
    const p = player(w);
    step(w);
    expect(p.status).toBe('bankrupt');
    expect(w.status).toBe('bankrupt');
    expect(p.bankruptReason).toMatch(/missed a payment/);
    expect(p.ledger.balances.cash).toBe(0);
    expect(debtsOf(p, 'claims')).toHaveLength(1);
    expectBalanced(w);
    const h = stateHash(w);
    step(w); // the game is over: nothing moves
    expect(stateHash(w)).toBe(h);
    expect(issueCommand(w, { type: 'setPlatformSpend', usdPerWeek: 0 }).ok).toBe(false);
  });

  it('with restructuring allowed: creditors take 90% and half the debt is forgiven, once', () => {
    const w = broke((s) => { s.finance.allowRestructuring = true; });
    const p = player(w);
    step(w);
    expect(w.status).toBe('running');
    expect(p.status).toBe('active');
    expect(p.restructured).toBe(true);
    expect(p.sharesOutstanding).toBe(1_000_000_000);
    const founders = p.capTable.find((e) => e.holder === 'Founders')!;
    expect(founders.shares / p.sharesOutstanding).toBeCloseTo(0.06, 12);
    const claims = debtsOf(p, 'claims')[0]!;
    expect(p.ledger.lifetime.debtForgiven).toBe(claims.originalCents - claims.principalCents);
    expect(claims.principalCents).toBe(Math.ceil(claims.originalCents / 2));
    expect(claims.amortizing).toBe(true);
    expectBalanced(w);
    step(w); // still losing $400M a week: the second miss is fatal
    expect(w.status).toBe('bankrupt');
  });

  it('a revolver covers a shortfall automatically instead of a default', () => {
    const w = world(variant((s) => { s.finance.revolverMinRevenueUsd = 50_000_000; }));
    const p = player(w);
    runWeeks(w, 13);
    expect(p.revolverLimitUsd).toBeGreaterThan(0);
    const cash = p.ledger.balances.cash / 100;
    w.scenario.operations.sgaBaseUsdPerWeek = cash + 100_000_000;
    step(w);
    w.scenario.operations.sgaBaseUsdPerWeek = 150_000;
    expect(p.status).toBe('active');
    const rev = debtsOf(p, 'revolver');
    expect(rev).toHaveLength(1);
    expect(rev[0]!.principalCents).toBeGreaterThan(90_000_000_00);
    expect(p.ledger.balances.cash).toBe(0);
    expectBalanced(w);
  });

  it('a covenant waiver fee the company cannot pay is a missed payment, not negative cash', () => {
    // Little cash and a big bond: liquidity breaches the covenant and 1% of the debt exceeds the cash.
    const w = world(variant((s) => {
      s.company.cashUsd = 5_000_000;
      s.finance.facilityAdvanceRate = 0; // no committed credit to pay the fee with
      s.company.debt = [{ kind: 'bond', principalUsd: 1_500_000_000, annualRatePct: 2, remainingWeeks: 400, amortizing: false }] as Scenario['company']['debt'];
    }));
    runWeeks(w, 13);
    const p = player(w);
    expect(p.quarters[0]!.covenantBreached).toBe(true);
    expect(p.quarters[0]!.cashUsd).toBeGreaterThanOrEqual(0);
    expect(p.ledger.balances.cash).toBeGreaterThanOrEqual(0);
    expect(p.status).toBe('bankrupt');
    expect(p.bankruptWeek).toBe(12);
    expectBalanced(w);
  });
});
