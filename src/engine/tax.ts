/**
 * Corporate income tax, paid once a year. Taxable income is built from cash-like lines: with 100%
 * bonus depreciation (US rules since 2025) capex is expensed at once and book depreciation plays no
 * part — so the depreciation life never changes cash. Losses carry forward.
 */
import type { Company, World } from './types.ts';
import { bookCents } from './ledger.ts';

/** Lifetime taxable income so far, cents. */
export function lifetimeTaxableCents(co: Company): number {
  const l = co.ledger.lifetime;
  const income = l.revenueBilled + l.revenueFromPrepaid + l.interestEarned + l.gpuSaleProceeds + l.gainOnSale + l.debtForgiven;
  const expense = l.powerCost + l.colocationCost + l.dcStaffCost + l.latePenalty + l.sgaCost + l.salesCost + l.platformCost
    + l.interestPaid + l.debtFeesPaid + l.gpuDepositPaid + l.gpuBalancePaid + l.gpuVendorFinanced + l.constructionPaid + l.facilityBought;
  return income - expense;
}

/** At the end of a tax year: pay tax on the year's taxable income after loss carry-forward. */
export function settleTax(world: World, co: Company): void {
  const now = lifetimeTaxableCents(co);
  let taxable = now - co.taxYearStartCents;
  co.taxYearStartCents = now;
  if (taxable <= 0) { co.taxLossCarryForwardCents += -taxable; return; }
  const used = Math.min(taxable, co.taxLossCarryForwardCents);
  co.taxLossCarryForwardCents -= used;
  taxable -= used;
  bookCents(co.ledger, 'incomeTaxPaid', Math.round((taxable * world.policy.taxRatePct) / 100));
}
