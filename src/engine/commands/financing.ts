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
import { addFacilityDraw, facilityDrawSpreadPct, facilityRoomParts, facilityTermWeeks } from '../finance/facility.ts';
import { addCommitment, commitmentBaseRoomUsd, commitmentDrawParts, commitmentLeftUsd, drawCommitments, nextCommitmentName } from '../finance/commitment.ts';
import { modelEquityValueUsd, privateRoundPriceUsd } from '../finance/valuation.ts';
import {
  annualisedEbitdaUsd, annualisedRevenueUsd, cashUsd, fleetValueUsd, undrawnRevolverUsd,
} from '../metrics.ts';
import { checkNumber, done, refuse } from './common.ts';
import { COMMAND_BOUNDS as B } from './bounds.ts';

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
  return since < gap ? refuse('refuse.tooSoon', { since, gap }) : null;
}

function roundName(co: Company): string {
  const n = co.capTable.filter((e) => e.holder.startsWith('Series')).length;
  return `Series ${String.fromCharCode(65 + Math.min(25, n))}`;
}

export function raiseEquity(world: World, co: Company, cmd: Of<'raiseEquity'>, execute: boolean): CommandResult {
  const f = world.scenario.finance;
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', Math.max(B.amountUsd.min, f.minRoundUsd), B.amountUsd.max);
  if (bad) return bad;
  if (co.listed) return refuse('refuse.listedNoPrivate');
  const soon = tooSoon(world, co);
  if (soon) return soon;
  if (world.market.sentiment < f.privateRoundMinSentiment) return refuse('refuse.coldMarket');
  const price = privateRoundPriceUsd(world, co);
  if (price <= 0) return refuse('refuse.noEquityValue');
  const preMoney = price * co.sharesOutstanding;
  if (cmd.amountUsd > preMoney * f.maxRoundShareOfValuation) return refuse('refuse.roundTooLarge', { maxUsd: preMoney * f.maxRoundShareOfValuation, preMoneyUsd: preMoney });
  const shares = Math.floor(cmd.amountUsd / price);
  if (shares < 1) return refuse('refuse.lessThanShare');
  const gross = shares * price;
  const fee = (gross * f.issuanceFeePct) / 100;
  const name = roundName(co);
  if (execute) {
    issueShares(world, co, name, shares, price);
    co.lastValuationUsd = preMoney + gross;
  }
  const dilution = shares / (co.sharesOutstanding + (execute ? 0 : shares));
  return done('cmd.raiseEquity', { letter: name.slice('Series '.length), shares, price, preMoneyUsd: preMoney, dilutionPct: dilution * 100 }, gross - fee, {
    shares, priceUsd: price, preMoneyUsd: preMoney, privateDiscountPct: f.privateRoundDiscountPct, feeUsd: fee, dilutionPct: dilution * 100,
  });
}

export function ipo(world: World, co: Company, cmd: Of<'ipo'>, execute: boolean): CommandResult {
  const f = world.scenario.finance;
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', Math.max(B.amountUsd.min, f.minRoundUsd), B.amountUsd.max);
  if (bad) return bad;
  if (co.listed) return refuse('refuse.alreadyListed');
  const rev = annualisedRevenueUsd(co);
  if (rev < f.ipoMinAnnualRevenueUsd) return refuse('refuse.ipoRevenue', { needUsd: f.ipoMinAnnualRevenueUsd, haveUsd: rev });
  if (world.market.sentiment < f.ipoMinSentiment) return refuse('refuse.ipoWindow');
  const fair = modelEquityValueUsd(world, co);
  const price = floorToCentUsd((fair * (1 - f.ipoDiscountPct / 100)) / Math.max(1, co.sharesOutstanding));
  if (price <= 0) return refuse('refuse.noEquityValue');
  const preMoney = price * co.sharesOutstanding;
  if (cmd.amountUsd > preMoney * f.ipoMaxShareOfValuation) return refuse('refuse.ipoTooLarge', { maxUsd: preMoney * f.ipoMaxShareOfValuation });
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
  return done('cmd.ipo', { shares, price, weeks: f.lockupWeeks }, gross * (1 - f.issuanceFeePct / 100), {
    shares, priceUsd: price, preMoneyUsd: preMoney, lockupWeeks: f.lockupWeeks,
  });
}

export function followOn(world: World, co: Company, cmd: Of<'followOn'>, execute: boolean): CommandResult {
  const f = world.scenario.finance;
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', Math.max(B.amountUsd.min, f.minRoundUsd), B.amountUsd.max);
  if (bad) return bad;
  if (!co.listed || co.sharePriceUsd === null) return refuse('refuse.followOnUnlisted');
  const soon = tooSoon(world, co);
  if (soon) return soon;
  const price = floorToCentUsd(co.sharePriceUsd * (1 - f.followOnDiscountPct / 100));
  const cap = co.sharePriceUsd * co.sharesOutstanding;
  if (cmd.amountUsd > f.followOnMaxShareOfMarketCap * cap) return refuse('refuse.followOnTooLarge', { maxUsd: f.followOnMaxShareOfMarketCap * cap, pct: f.followOnMaxShareOfMarketCap * 100 });
  const shares = Math.floor(cmd.amountUsd / price);
  if (shares < 1) return refuse('refuse.lessThanShare');
  const gross = shares * price;
  if (execute) {
    issueShares(world, co, 'Follow-on investors', shares, price);
    co.priceShock *= 1 - f.followOnPriceDropPct / 100; // new supply of shares weighs on the price
  }
  return done('cmd.followOn', { shares, price }, gross * (1 - f.issuanceFeePct / 100), { shares, priceUsd: price });
}

export function issueConvertible(world: World, co: Company, cmd: Of<'issueConvertible'>, execute: boolean): CommandResult {
  const f = world.scenario.finance;
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', Math.max(B.amountUsd.min, f.minRoundUsd), B.amountUsd.max);
  if (bad) return bad;
  if (!co.listed || co.sharePriceUsd === null) return refuse('refuse.convertibleUnlisted');
  if (world.market.sentiment < f.convertibleMinSentiment) return refuse('refuse.convertibleSentiment', { sentiment: world.market.sentiment, min: f.convertibleMinSentiment });
  const cap = co.sharePriceUsd * co.sharesOutstanding;
  if (cmd.amountUsd > f.convertibleMaxShareOfMarketCap * cap) return refuse('refuse.convertibleTooLarge', { maxUsd: f.convertibleMaxShareOfMarketCap * cap, pct: f.convertibleMaxShareOfMarketCap * 100 });
  const conversion = Math.round(co.sharePriceUsd * (1 + f.convertiblePremiumPct / 100) * 100) / 100;
  if (execute) {
    addDebt(world, co, { kind: 'convertible', amountUsd: cmd.amountUsd, fixedRatePct: f.convertibleCouponPct, spreadPct: 0, termWeeks: f.convertibleTermWeeks, amortizing: false, conversionPriceUsd: conversion });
    book(co.ledger, 'debtFeesPaid', (cmd.amountUsd * f.issuanceFeePct) / 100);
  }
  return done('cmd.convertible', { amountUsd: cmd.amountUsd, couponPct: f.convertibleCouponPct, conversion }, cmd.amountUsd * (1 - f.issuanceFeePct / 100), {
    couponPct: f.convertibleCouponPct, conversionPriceUsd: conversion,
  });
}

export function takeGpuLoan(world: World, co: Company, cmd: Of<'takeGpuLoan'>, execute: boolean): CommandResult {
  const f = world.scenario.finance;
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', B.loanAmountUsd.min, B.loanAmountUsd.max);
  if (bad) return bad;
  const ltv = newGpuLoanLtv(world);
  const room = ltv * fleetValueUsd(world, co) - principalOfKind(co, 'gpuLoan');
  if (cmd.amountUsd > room) return refuse('refuse.ltvCap', { ltvPct: ltv * 100, roomUsd: Math.max(0, room) });
  const spread = f.gpuLoanSpreadPct + leverageAddOnPct(world, co, cmd.amountUsd);
  const lev = lenderRefusal(world, co, cmd.amountUsd, baseRatePct(world) + spread + co.spreadStepUpPct, { amortizationWeeks: f.gpuLoanTermWeeks, residualShare: f.loanResidualShare });
  if (lev) return { ok: false, reason: lev };
  if (execute) addDebt(world, co, { kind: 'gpuLoan', amountUsd: cmd.amountUsd, fixedRatePct: null, spreadPct: spread, termWeeks: Math.min(f.gpuLoanMaturityWeeks, f.gpuLoanTermWeeks), amortizationWeeks: f.gpuLoanTermWeeks, amortizing: true, residualShare: f.loanResidualShare });
  const rate = baseRatePct(world) + spread + co.spreadStepUpPct;
  const said = { amountUsd: cmd.amountUsd, ratePct: rate, spreadPct: spread, weeks: f.gpuLoanTermWeeks };
  const balloon = f.gpuLoanMaturityWeeks < f.gpuLoanTermWeeks;
  const dueWeeks = Math.min(f.gpuLoanMaturityWeeks, f.gpuLoanTermWeeks);
  // With a residual (finance.loanResidualShare) the preview names the balloon: what the instalments repay by maturity and what is left then.
  const residualUsd = f.loanResidualShare > 0 ? cmd.amountUsd * (1 - (1 - f.loanResidualShare) * dueWeeks / f.gpuLoanTermWeeks) : 0;
  const id = residualUsd > 0 ? 'cmd.gpuLoanResidual' : balloon ? 'cmd.gpuLoanBalloon' : 'cmd.gpuLoan';
  const params = residualUsd > 0 ? { ...said, dueWeeks, residualUsd, residualPct: (residualUsd / cmd.amountUsd) * 100, amortisedPct: (1 - residualUsd / cmd.amountUsd) * 100 } : balloon ? { ...said, dueWeeks: f.gpuLoanMaturityWeeks } : said;
  return done(id, params, cmd.amountUsd, { ratePct: rate, spreadPct: spread, termWeeks: Math.min(f.gpuLoanTermWeeks, f.gpuLoanMaturityWeeks) });
}


export function drawFacility(world: World, co: Company, cmd: Of<'drawFacility'>, execute: boolean): CommandResult {
  const f = world.scenario.finance;
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', B.loanAmountUsd.min, B.loanAmountUsd.max);
  if (bad) return bad;
  // A draw the committed facilities can cover is theirs: tested against the borrowing base only.
  if (cmd.amountUsd <= commitmentLeftUsd(world, co)) return drawCommitted(world, co, cmd.amountUsd, execute);
  const room = facilityRoomParts(world, co);
  if (cmd.amountUsd > room.advanceUsd) return refuse('refuse.facilityRoom', { roomUsd: room.advanceUsd, advancePct: f.facilityAdvanceRate * 100 });
  if (cmd.amountUsd > room.sizedUsd) return refuse('refuse.facilitySized', { roomUsd: room.sizedUsd, min: f.lenderMinDebtServiceCover });
  const spread = facilityDrawSpreadPct(world, co, cmd.amountUsd);
  const term = facilityTermWeeks(world, co);
  // Underwritten on the contracts that secure it (their cash flow at full ramp), not on next year's alone.
  const lev = lenderRefusal(world, co, cmd.amountUsd, baseRatePct(world) + spread + co.spreadStepUpPct, { amortizationWeeks: term, residualShare: f.loanResidualShare }, true);
  if (lev) return { ok: false, reason: lev };
  if (execute) addFacilityDraw(world, co, cmd.amountUsd);
  const rate = baseRatePct(world) + spread + co.spreadStepUpPct;
  return done('cmd.facility', { amountUsd: cmd.amountUsd, ratePct: rate, spreadPct: spread, weeks: term }, cmd.amountUsd, { ratePct: rate, spreadPct: spread, termWeeks: term });
}

/** A draw on the committed facilities (finance/commitment.ts): the commitment left and the borrowing base, nothing else. */
function drawCommitted(world: World, co: Company, amountUsd: number, execute: boolean): CommandResult {
  const f = world.scenario.finance;
  const baseRoomUsd = commitmentBaseRoomUsd(world, co);
  if (amountUsd > baseRoomUsd) return refuse('refuse.commitmentBase', { roomUsd: baseRoomUsd, advancePct: f.facilityAdvanceRate * 100 });
  const parts = commitmentDrawParts(world, co, amountUsd);
  const first = parts[0]!.c;
  const leftUsd = commitmentLeftUsd(world, co) - amountUsd;
  const rate = baseRatePct(world) + first.spreadPct + co.spreadStepUpPct;
  if (execute) drawCommitments(world, co, amountUsd);
  return done('cmd.commitment', { name: parts.map((p) => p.c.name).join(' + '), amountUsd, ratePct: rate, spreadPct: first.spreadPct, weeks: first.termWeeks, leftUsd }, amountUsd, { ratePct: rate, spreadPct: first.spreadPct, termWeeks: first.termWeeks });
}

/**
 * Ask lenders to commit a delayed-draw term loan (finance/commitment.ts): underwritten now exactly as
 * a draw of the whole amount on top of what open commitments may still draw — the borrowing base at
 * today's appetite, debt-service sizing, the incurrence test on the contracts — then drawable with
 * `drawFacility` for `finance.commitmentAvailabilityWeeks` without being underwritten again. No cash moves now.
 */
export function arrangeFacility(world: World, co: Company, cmd: Of<'arrangeFacility'>, execute: boolean): CommandResult {
  const f = world.scenario.finance;
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', B.loanAmountUsd.min, B.loanAmountUsd.max);
  if (bad) return bad;
  const openUsd = commitmentLeftUsd(world, co);
  const room = facilityRoomParts(world, co);
  if (cmd.amountUsd > room.advanceUsd - openUsd) return refuse('refuse.facilityRoom', { roomUsd: Math.max(0, room.advanceUsd - openUsd), advancePct: f.facilityAdvanceRate * 100 });
  if (cmd.amountUsd > room.sizedUsd - openUsd) return refuse('refuse.facilitySized', { roomUsd: Math.max(0, room.sizedUsd - openUsd), min: f.lenderMinDebtServiceCover });
  const spread = facilityDrawSpreadPct(world, co, cmd.amountUsd + openUsd);
  const term = facilityTermWeeks(world, co);
  const rate = baseRatePct(world) + spread + co.spreadStepUpPct;
  const lev = lenderRefusal(world, co, cmd.amountUsd + openUsd, rate, { amortizationWeeks: term, residualShare: f.loanResidualShare }, true);
  if (lev) return { ok: false, reason: lev };
  const name = nextCommitmentName(co);
  if (execute) addCommitment(world, co, cmd.amountUsd, spread, term);
  return done('cmd.arrangeFacility', { name, amountUsd: cmd.amountUsd, weeks: f.commitmentAvailabilityWeeks, ratePct: rate, spreadPct: spread, termWeeks: term, feePct: f.commitmentFeePctPerYear }, 0, {
    ratePct: rate, spreadPct: spread, termWeeks: term, availabilityWeeks: f.commitmentAvailabilityWeeks, undrawnFeePct: f.commitmentFeePctPerYear,
  });
}

export function issueBond(world: World, co: Company, cmd: Of<'issueBond'>, execute: boolean): CommandResult {
  const f = world.scenario.finance;
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', Math.max(B.amountUsd.min, f.bondMinIssueUsd), B.amountUsd.max);
  if (bad) return bad;
  if (annualisedEbitdaUsd(co) <= 0) return refuse('refuse.bondEbitda');
  const coupon = baseRatePct(world) + f.bondSpreadPct + leverageAddOnPct(world, co, cmd.amountUsd) + co.spreadStepUpPct;
  const lev = lenderRefusal(world, co, cmd.amountUsd, coupon, { amortizationWeeks: 0 });
  if (lev) return { ok: false, reason: lev };
  if (execute) {
    addDebt(world, co, { kind: 'bond', amountUsd: cmd.amountUsd, fixedRatePct: coupon, spreadPct: 0, termWeeks: f.bondTermWeeks, amortizing: false });
    book(co.ledger, 'debtFeesPaid', (cmd.amountUsd * f.issuanceFeePct) / 100 / 2);
  }
  return done('cmd.bond', { amountUsd: cmd.amountUsd, couponPct: coupon, weeks: f.bondTermWeeks }, cmd.amountUsd * (1 - f.issuanceFeePct / 200), { couponPct: coupon, termWeeks: f.bondTermWeeks });
}

export function drawRevolver(world: World, co: Company, cmd: Of<'drawRevolver'>, execute: boolean): CommandResult {
  const f = world.scenario.finance;
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', B.loanAmountUsd.min, B.loanAmountUsd.max);
  if (bad) return bad;
  if (co.revolverLimitUsd <= 0) return refuse('refuse.noRevolver', { needUsd: f.revolverMinRevenueUsd });
  const room = undrawnRevolverUsd(co);
  if (cmd.amountUsd > room) return refuse('refuse.revolverRoom', { roomUsd: room });
  if (execute) addDebt(world, co, { kind: 'revolver', amountUsd: cmd.amountUsd, fixedRatePct: null, spreadPct: f.revolverSpreadPct, termWeeks: f.revolverTermWeeks, amortizing: false });
  const rate = baseRatePct(world) + f.revolverSpreadPct + co.spreadStepUpPct;
  return done('cmd.revolver', { amountUsd: cmd.amountUsd, ratePct: rate }, cmd.amountUsd, { ratePct: rate });
}

export function repay(world: World, co: Company, cmd: Of<'repayDebt'>, execute: boolean): CommandResult {
  const bad = checkNumber(cmd.amountUsd, 'amountUsd', B.amountUsd.min, B.amountUsd.max);
  if (bad) return bad;
  const d = co.debts.find((x) => x.id === cmd.debtId);
  if (!d) return refuse('refuse.noDebt', { id: String(cmd.debtId) });
  const amount = Math.min(cmd.amountUsd, toUsd(d.principalCents));
  if (amount > cashUsd(co)) return refuse('refuse.repayCash', { amountUsd: amount, cashUsd: cashUsd(co) });
  if (d.kind === 'convertible') return refuse('refuse.convertibleRepay');
  if (execute) repayDebt(co, d, amount);
  void world;
  return done('cmd.repay', { amountUsd: amount, kind: `debtKind.${d.kind}`, id: d.id }, -amount, { remainingUsd: toUsd(d.principalCents) - (execute ? 0 : amount) });
}
