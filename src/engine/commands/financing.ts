/**
 * Financing commands: equity (private round, IPO, follow-on, convertible) and debt (GPU loan,
 * contract-backed facility, bond, revolver, repayment). Equity never creates money from nothing:
 * cash in = shares issued × price per share (whole cents).
 */
import type { Company, World } from '../types.ts';
import type { Command, CommandResult } from './types.ts';
import { book, bookCents } from '../ledger.ts';
import { floorToCentUsd, toUsd, toCents } from '../money.ts';
import { addDebt, principalOfKind, repayDebt } from '../finance/debt.ts';
import { baseRatePct, leverageAddOnPct } from '../finance/rates.ts';
import { lenderRefusal } from '../finance/lending.ts';
import { newGpuLoanLtv } from '../finance/refinance.ts';
import { addFacilityDraw, facilityDrawSpreadPct, facilityRoomUsd, facilityTermWeeks } from '../finance/facility.ts';
import { modelEquityValueUsd, privateRoundPriceUsd } from '../finance/valuation.ts';
import {
  annualisedEbitdaUsd, annualisedRevenueUsd, cashUsd, fleetValueUsd, undrawnRevolverUsd,
} from '../metrics.ts';
import { checkNumber, done, refuse, usd } from './common.ts';
import { COMMAND_BOUNDS as B } from './bounds.ts';
import { groupDigits } from '../format.ts';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

function issueShares(world: World, co: Company, holder: string, shares: number, priceUsd: number): number {
  const priceCents = toCents(priceUsd);
  const cents = shares * priceCents;
  bookCents(co.ledger, 'equityIssued', cents);
  book(co.ledger, 'equityFeesPaid', (toUsd(cents) * world.scenario.finance.issuanceFeePct) / 100);
  co.capTable.push({ holder, shares, week: world.week, priceUsd, lockedUntilWeek: world.week });
  co.sharesOutstanding += shares;
  return toUsd(cents);
}

/** Weeks since the company last sold stock in a round or follow-on (Infinity if never). */
function weeksSinceLastRaise(world: World, co: Company): number {
  let last = -Infinity;
  for (const e of co.capTable) if ((e.holder.startsWith('Series') || e.holder === 'Follow-on investors' || e.holder === 'IPO investors') && e.week > last) last = e.week;
  return world.week - last;
}

/** Refusal while investors are still digesting the last raise (`finance.minWeeksBetweenEquityRaises`). */
function tooSoon(world: World, co: Company): CommandResult | null {
  const gap = world.scenario.finance.minWeeksBetweenEquityRaises;
  const since = weeksSinceLastRaise(world, co);
  return since < gap ? refuse(`Investors will not buy more stock yet: the last raise was ${since} weeks ago (a round takes ${gap} weeks to market)`) : null;
}

function roundName(co: Company): string {
  const n = co.capTable.filter((e) => e.holder.startsWith('Series')).length;
  return `Series ${String.fromCharCode(65 + Math.min(25, n))}`;
}

export function raiseEquity(world: World, co: Company, cmd: Of<'raiseEquity'>, execute: boolean): CommandResult {
  const f = world.scenario.finance;
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', Math.max(B.amountUsd.min, f.minRoundUsd), B.amountUsd.max);
  if (bad) return bad;
  if (co.listed) return refuse('A listed company raises equity with a follow-on offering, not a private round');
  const soon = tooSoon(world, co);
  if (soon) return soon;
  if (world.market.sentiment < 0.6) return refuse('Investors are not writing cheques in this market (sentiment too low)');
  const price = privateRoundPriceUsd(world, co);
  if (price <= 0) return refuse('Investors see no equity value in the company at the moment');
  const preMoney = price * co.sharesOutstanding;
  if (cmd.amountUsd > preMoney * f.maxRoundShareOfValuation) return refuse(`Too large: investors will put in at most ${usd(preMoney * f.maxRoundShareOfValuation)} at a ${usd(preMoney)} pre-money valuation`);
  const shares = Math.floor(cmd.amountUsd / price);
  if (shares < 1) return refuse('The amount buys less than one share');
  const gross = shares * price;
  const fee = (gross * f.issuanceFeePct) / 100;
  const name = roundName(co);
  if (execute) {
    issueShares(world, co, name, shares, price);
    co.lastValuationUsd = preMoney + gross;
  }
  const dilution = shares / (co.sharesOutstanding + (execute ? 0 : shares));
  return done(`${name}: sell ${groupDigits(shares)} shares at $${price.toFixed(2)} (pre-money ${usd(preMoney)}), diluting existing holders by ${(dilution * 100).toFixed(1)}%`, gross - fee, {
    shares, priceUsd: price, preMoneyUsd: preMoney, feeUsd: fee, dilutionPct: dilution * 100,
  });
}

export function ipo(world: World, co: Company, cmd: Of<'ipo'>, execute: boolean): CommandResult {
  const f = world.scenario.finance;
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', Math.max(B.amountUsd.min, f.minRoundUsd), B.amountUsd.max);
  if (bad) return bad;
  if (co.listed) return refuse('Already listed');
  const rev = annualisedRevenueUsd(co);
  if (rev < f.ipoMinAnnualRevenueUsd) return refuse(`An IPO needs annualised revenue of ${usd(f.ipoMinAnnualRevenueUsd)}; you have ${usd(rev)}`);
  if (world.market.sentiment < 0.8) return refuse('The IPO window is shut (sentiment too low)');
  const fair = modelEquityValueUsd(world, co);
  const price = floorToCentUsd((fair * (1 - f.ipoDiscountPct / 100)) / Math.max(1, co.sharesOutstanding));
  if (price <= 0) return refuse('Investors see no equity value in the company at the moment');
  const preMoney = price * co.sharesOutstanding;
  if (cmd.amountUsd > preMoney * f.ipoMaxShareOfValuation) return refuse(`Too large: an IPO can sell at most ${usd(preMoney * f.ipoMaxShareOfValuation)}`);
  const shares = Math.floor(cmd.amountUsd / price);
  const gross = shares * price;
  if (execute) {
    // Pre-IPO holders: `lockupCoverageShare` of each holding is locked up; the rest may be sold now.
    for (const e of co.capTable.slice()) {
      const locked = Math.floor(e.shares * f.lockupCoverageShare);
      if (locked < e.shares) co.capTable.push({ holder: e.holder, shares: e.shares - locked, week: e.week, priceUsd: e.priceUsd, lockedUntilWeek: world.week });
      e.shares = locked;
      e.lockedUntilWeek = world.week + f.lockupWeeks;
    }
    co.capTable = co.capTable.filter((e) => e.shares > 0);
    issueShares(world, co, 'IPO investors', shares, price);
    co.listed = true;
    co.ipoWeek = world.week;
    co.lockupEndWeek = world.week + f.lockupWeeks;
    co.sharePriceUsd = price;
    co.lastValuationUsd = preMoney + gross;
  }
  return done(`IPO: sell ${groupDigits(shares)} new shares at $${price.toFixed(2)}; existing holders locked up for ${f.lockupWeeks} weeks`, gross * (1 - f.issuanceFeePct / 100), {
    shares, priceUsd: price, preMoneyUsd: preMoney, lockupWeeks: f.lockupWeeks,
  });
}

export function followOn(world: World, co: Company, cmd: Of<'followOn'>, execute: boolean): CommandResult {
  const f = world.scenario.finance;
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', Math.max(B.amountUsd.min, f.minRoundUsd), B.amountUsd.max);
  if (bad) return bad;
  if (!co.listed || co.sharePriceUsd === null) return refuse('Only a listed company can do a follow-on offering');
  const soon = tooSoon(world, co);
  if (soon) return soon;
  const price = floorToCentUsd(co.sharePriceUsd * (1 - f.followOnDiscountPct / 100));
  const cap = co.sharePriceUsd * co.sharesOutstanding;
  if (cmd.amountUsd > 0.2 * cap) return refuse(`Too large: the market will absorb at most ${usd(0.2 * cap)} (20% of market cap)`);
  const shares = Math.floor(cmd.amountUsd / price);
  if (shares < 1) return refuse('The amount buys less than one share');
  const gross = shares * price;
  if (execute) {
    issueShares(world, co, 'Follow-on investors', shares, price);
    co.priceShock *= 0.97; // new supply of shares weighs on the price
  }
  return done(`Follow-on: sell ${groupDigits(shares)} shares at $${price.toFixed(2)}`, gross * (1 - f.issuanceFeePct / 100), { shares, priceUsd: price });
}

export function issueConvertible(world: World, co: Company, cmd: Of<'issueConvertible'>, execute: boolean): CommandResult {
  const f = world.scenario.finance;
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', Math.max(B.amountUsd.min, f.minRoundUsd), B.amountUsd.max);
  if (bad) return bad;
  if (!co.listed || co.sharePriceUsd === null) return refuse('Convertible notes are sold by listed companies');
  if (world.market.sentiment < f.convertibleMinSentiment) return refuse(`Convertible buyers want a stock in favour (sentiment ${world.market.sentiment.toFixed(2)} < ${f.convertibleMinSentiment})`);
  const cap = co.sharePriceUsd * co.sharesOutstanding;
  if (cmd.amountUsd > 0.15 * cap) return refuse(`Too large: at most ${usd(0.15 * cap)} (15% of market cap)`);
  const conversion = Math.round(co.sharePriceUsd * (1 + f.convertiblePremiumPct / 100) * 100) / 100;
  if (execute) {
    addDebt(world, co, { kind: 'convertible', amountUsd: cmd.amountUsd, fixedRatePct: f.convertibleCouponPct, spreadPct: 0, termWeeks: f.convertibleTermWeeks, amortizing: false, conversionPriceUsd: conversion });
    book(co.ledger, 'debtFeesPaid', (cmd.amountUsd * f.issuanceFeePct) / 100);
  }
  return done(`Convertible notes: ${usd(cmd.amountUsd)} at ${f.convertibleCouponPct}% converting at $${conversion.toFixed(2)} per share`, cmd.amountUsd * (1 - f.issuanceFeePct / 100), {
    couponPct: f.convertibleCouponPct, conversionPriceUsd: conversion,
  });
}

export function takeGpuLoan(world: World, co: Company, cmd: Of<'takeGpuLoan'>, execute: boolean): CommandResult {
  const f = world.scenario.finance;
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', B.loanAmountUsd.min, B.loanAmountUsd.max);
  if (bad) return bad;
  const ltv = newGpuLoanLtv(world);
  const room = ltv * fleetValueUsd(world, co) - principalOfKind(co, 'gpuLoan');
  if (cmd.amountUsd > room) return refuse(`Over the loan-to-value lenders offer now (${(ltv * 100).toFixed(0)}% of the fleet's market value): the GPUs support at most ${usd(Math.max(0, room))} more`);
  const spread = f.gpuLoanSpreadPct + leverageAddOnPct(world, co, cmd.amountUsd);
  const lev = lenderRefusal(world, co, cmd.amountUsd, baseRatePct(world) + spread + co.spreadStepUpPct);
  if (lev) return refuse(lev);
  if (execute) addDebt(world, co, { kind: 'gpuLoan', amountUsd: cmd.amountUsd, fixedRatePct: null, spreadPct: spread, termWeeks: Math.min(f.gpuLoanMaturityWeeks, f.gpuLoanTermWeeks), amortizationWeeks: f.gpuLoanTermWeeks, amortizing: true });
  const rate = baseRatePct(world) + spread + co.spreadStepUpPct;
  const balloon = f.gpuLoanMaturityWeeks < f.gpuLoanTermWeeks ? `, due in ${f.gpuLoanMaturityWeeks} weeks with the rest to refinance then` : '';
  return done(`GPU-backed loan of ${usd(cmd.amountUsd)} at ${rate.toFixed(2)}% (base + ${spread.toFixed(2)}%), instalments over ${f.gpuLoanTermWeeks} weeks${balloon}`, cmd.amountUsd, { ratePct: rate, spreadPct: spread, termWeeks: Math.min(f.gpuLoanTermWeeks, f.gpuLoanMaturityWeeks) });
}


export function drawFacility(world: World, co: Company, cmd: Of<'drawFacility'>, execute: boolean): CommandResult {
  const f = world.scenario.finance;
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', B.loanAmountUsd.min, B.loanAmountUsd.max);
  if (bad) return bad;
  const room = facilityRoomUsd(world, co);
  if (cmd.amountUsd > room) return refuse(`The contracts you can deliver support at most ${usd(room)} more (${(f.facilityAdvanceRate * 100).toFixed(0)}% of the backlog your GPUs and power can serve)`);
  const spread = facilityDrawSpreadPct(world, co, cmd.amountUsd);
  const lev = lenderRefusal(world, co, cmd.amountUsd, baseRatePct(world) + spread + co.spreadStepUpPct);
  if (lev) return refuse(lev);
  const term = facilityTermWeeks(world, co);
  if (execute) addFacilityDraw(world, co, cmd.amountUsd);
  const rate = baseRatePct(world) + spread + co.spreadStepUpPct;
  return done(`Contract-backed facility draw of ${usd(cmd.amountUsd)} at ${rate.toFixed(2)}% (base + ${spread.toFixed(2)}%, set by your customers' credit and your leverage), repaid over ${term} weeks`, cmd.amountUsd, { ratePct: rate, spreadPct: spread, termWeeks: term });
}

export function issueBond(world: World, co: Company, cmd: Of<'issueBond'>, execute: boolean): CommandResult {
  const f = world.scenario.finance;
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', Math.max(B.amountUsd.min, f.bondMinIssueUsd), B.amountUsd.max);
  if (bad) return bad;
  if (annualisedEbitdaUsd(co) <= 0) return refuse('Bond investors want positive EBITDA');
  const coupon = baseRatePct(world) + f.bondSpreadPct + leverageAddOnPct(world, co, cmd.amountUsd) + co.spreadStepUpPct;
  const lev = lenderRefusal(world, co, cmd.amountUsd, coupon);
  if (lev) return refuse(lev);
  if (execute) {
    addDebt(world, co, { kind: 'bond', amountUsd: cmd.amountUsd, fixedRatePct: coupon, spreadPct: 0, termWeeks: f.bondTermWeeks, amortizing: false });
    book(co.ledger, 'debtFeesPaid', (cmd.amountUsd * f.issuanceFeePct) / 100 / 2);
  }
  return done(`High-yield bond of ${usd(cmd.amountUsd)} with a fixed ${coupon.toFixed(2)}% coupon, all due in ${f.bondTermWeeks} weeks`, cmd.amountUsd * (1 - f.issuanceFeePct / 200), { couponPct: coupon, termWeeks: f.bondTermWeeks });
}

export function drawRevolver(world: World, co: Company, cmd: Of<'drawRevolver'>, execute: boolean): CommandResult {
  const f = world.scenario.finance;
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', B.loanAmountUsd.min, B.loanAmountUsd.max);
  if (bad) return bad;
  if (co.revolverLimitUsd <= 0) return refuse(`No revolving credit line yet: banks grant one at ${usd(f.revolverMinRevenueUsd)} of annualised revenue`);
  const room = undrawnRevolverUsd(co);
  if (cmd.amountUsd > room) return refuse(`Only ${usd(room)} undrawn on the revolver`);
  if (execute) addDebt(world, co, { kind: 'revolver', amountUsd: cmd.amountUsd, fixedRatePct: null, spreadPct: f.revolverSpreadPct, termWeeks: f.revolverTermWeeks, amortizing: false });
  const rate = baseRatePct(world) + f.revolverSpreadPct + co.spreadStepUpPct;
  return done(`Draw ${usd(cmd.amountUsd)} on the revolver at ${rate.toFixed(2)}%`, cmd.amountUsd, { ratePct: rate });
}

export function repay(world: World, co: Company, cmd: Of<'repayDebt'>, execute: boolean): CommandResult {
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', B.amountUsd.min, B.amountUsd.max);
  if (bad) return bad;
  const d = co.debts.find((x) => x.id === cmd.debtId);
  if (!d) return refuse(`No debt with id ${String(cmd.debtId)}`);
  const amount = Math.min(cmd.amountUsd, toUsd(d.principalCents));
  if (amount > cashUsd(co)) return refuse(`Not enough cash: repaying ${usd(amount)} needs it in the bank (you have ${usd(cashUsd(co))})`);
  if (d.kind === 'convertible') return refuse('Convertible notes cannot be repaid early');
  if (execute) repayDebt(co, d, amount);
  void world;
  return done(`Repay ${usd(amount)} of ${d.kind} ${d.id}`, -amount, { remainingUsd: toUsd(d.principalCents) - (execute ? 0 : amount) });
}
