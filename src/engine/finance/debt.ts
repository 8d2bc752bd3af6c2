/**
 * Debt instruments: drawing, weekly interest, amortisation, maturities, repayment, conversion.
 */
import type { Company, Debt, DebtKind, World } from '../types.ts';
import { bookCents } from '../ledger.ts';
import { toCents, toUsd, WEEKS_PER_YEAR } from '../money.ts';
import { baseRatePct, debtRatePct } from './rates.ts';
import { balloonRollable, rollGpuLoanBalloon } from './refinance.ts';

export interface NewDebt {
  kind: DebtKind;
  amountUsd: number;
  fixedRatePct: number | null;
  spreadPct: number;
  termWeeks: number;
  amortizing: boolean;
  /** Weeks the instalments are sized over when longer than the term (a balloon at maturity); default the term. */
  amortizationWeeks?: number;
  conversionPriceUsd?: number | null;
  /** Share of the principal the instalments leave due at maturity (`finance.loanResidualShare`); default 0 (amortise to zero). */
  residualShare?: number;
  /** How the draw is booked: cash (default), straight into equipment (vendor financing), or an opening balance. */
  booking?: 'debtDrawn' | 'gpuVendorFinanced' | 'openingDebt';
}

/** Create an instrument and book the draw. Returns the instrument. */
export function addDebt(world: World, co: Company, nd: NewDebt): Debt {
  const cents = toCents(nd.amountUsd);
  const d: Debt = {
    id: `d${co.nextId++}`,
    kind: nd.kind,
    principalCents: cents,
    originalCents: cents,
    fixedRatePct: nd.fixedRatePct,
    spreadPct: nd.spreadPct,
    startWeek: world.week,
    maturityWeek: world.week + Math.max(1, nd.termWeeks),
    amortizing: nd.amortizing,
    amortizeToWeek: world.week + Math.max(1, nd.termWeeks, nd.amortizationWeeks ?? 0),
    conversionPriceUsd: nd.conversionPriceUsd ?? null,
  };
  if (nd.amortizing && (nd.residualShare ?? 0) > 0) d.residualCents = Math.round(cents * (nd.residualShare ?? 0));
  if (world.scenario.finance.covenantGraceFromDelivery && (nd.kind === 'contractFacility' || nd.kind === 'gpuLoan')) {
    const from = orderedGpusDeliveryWeek(co);
    if (from > world.week) d.graceFromWeek = from;
  }
  co.debts.push(d);
  bookCents(co.ledger, nd.booking ?? 'debtDrawn', cents);
  return d;
}

/**
 * When the GPUs a draw pays for arrive: the delivery week of the company's open orders, weighted by
 * the balance still to pay on each (what the money goes to, less what the vendor finances); −Infinity
 * when nothing is on order. Whole weeks.
 */
export function orderedGpusDeliveryWeek(co: Company): number {
  let w = 0, v = 0;
  for (const o of co.orders) {
    const due = (o.totalCents - o.depositCents) * (1 - o.vendorFinancedShare);
    if (due <= 0) continue;
    w += due * o.deliveryWeek; v += due;
  }
  return v > 0 ? Math.round(w / v) : -Infinity;
}

/**
 * True while debt `d` is inside the debt-service covenant's grace: `graceWeeks` from its draw, or
 * from its GPUs' delivery (`Debt.graceFromWeek`). Never with `graceWeeks` 0 (lenders underwriting
 * new money count all debt, whenever its GPUs arrive).
 */
export function inCovenantGrace(d: Debt, week: number, graceWeeks: number): boolean {
  return graceWeeks > 0 && week - (d.graceFromWeek ?? d.startWeek) < graceWeeks;
}

/**
 * This week's scheduled instalment of amortising debt on `principalCents` outstanding, whole cents
 * (0 for a bullet): what is above the residual (`Debt.residualCents`, 0 when absent) spread over the
 * weeks left to `amortizeToWeek`, so the residual is left due at maturity.
 */
export function instalmentCents(d: Debt, principalCents: number, week: number): number {
  if (!d.amortizing) return 0;
  const amortisedCents = d.residualCents === undefined ? principalCents : Math.max(0, principalCents - d.residualCents);
  return Math.round(amortisedCents / Math.max(1, d.amortizeToWeek - week));
}

/** Cents a repayment of up to `usd` takes off an instrument (what `repayDebt` books). */
function repayableCents(d: Debt, usd: number): number {
  const cents = Math.min(d.principalCents, toCents(usd));
  return cents > 0 && Number.isInteger(cents) ? cents : 0;
}

/** Repay up to `usd` of one instrument in cash. Returns cents repaid. */
export function repayDebt(co: Company, d: Debt, usd: number): number {
  const cents = repayableCents(d, usd);
  if (cents <= 0) return 0;
  bookCents(co.ledger, 'debtRepaid', cents);
  d.principalCents -= cents;
  return cents;
}

/** Whole cents `book` would book for `usd` (0 when it would refuse the amount). */
function bookableCents(usd: number): number {
  const cents = toCents(usd);
  return cents > 0 && Number.isInteger(cents) ? cents : 0;
}

/**
 * Weekly debt service: interest on every instrument, scheduled principal, bullets at maturity,
 * convertibles converting (if in the money) or repaid. Paid from cash; a shortfall is handled at
 * the end of the tick (revolver, then default).
 *
 * Interest and repayments are worked out per instrument, each rounded to whole cents as if booked
 * on its own, and booked as one total per line: the ledger ends exactly where per-instrument
 * bookings would leave it (integer sums), with one booking instead of hundreds for a big borrower.
 */
export function serviceDebt(world: World, co: Company): DebtServiceWeek {
  const basePct = baseRatePct(world);
  let interestCents = 0;
  let repaidCents = 0;
  let largest: DebtServiceWeek['largest'] = null;
  for (const d of co.debts) {
    if (d.principalCents <= 0) continue;
    const interestBefore = interestCents, repaidBefore = repaidCents;
    serviceOne(d);
    const paid = interestCents - interestBefore + repaidCents - repaidBefore;
    if (paid > 0 && (largest === null || paid > largest.cents)) largest = { debtId: d.id, debtKind: d.kind, cents: paid };
  }
  function serviceOne(d: Debt): void {
    const rate = debtRatePct(world, co, d, basePct);
    interestCents += bookableCents((toUsd(d.principalCents) * rate) / 100 / WEEKS_PER_YEAR);
    const weeksLeft = d.maturityWeek - world.week;
    // A balloon (GPU loan; with the refinancing wall, any residual): lenders roll what they still will at this week's terms; the rest is due now.
    if (weeksLeft <= 1 && balloonRollable(world, d) && rollGpuLoanBalloon(world, co, d)) return;
    if (weeksLeft <= 1) {
      if (d.kind === 'convertible' && d.conversionPriceUsd !== null && co.sharePriceUsd !== null && co.sharePriceUsd > d.conversionPriceUsd) {
        const shares = Math.floor(toUsd(d.principalCents) / d.conversionPriceUsd);
        bookCents(co.ledger, 'debtConverted', d.principalCents);
        co.capTable.push({ holder: 'Convertible holders', shares, week: world.week, priceUsd: d.conversionPriceUsd, lockedUntilWeek: world.week });
        co.sharesOutstanding += shares;
        d.principalCents = 0;
      } else {
        const cents = repayableCents(d, toUsd(d.principalCents));
        repaidCents += cents;
        d.principalCents -= cents;
      }
    } else if (d.amortizing) {
      const instalment = instalmentCents(d, d.principalCents, world.week);
      if (instalment > 0) {
        repaidCents += instalment;
        d.principalCents -= instalment;
      }
    }
  }
  bookCents(co.ledger, 'interestPaid', interestCents);
  bookCents(co.ledger, 'debtRepaid', repaidCents);
  // Drop fully repaid instruments (keeps iteration short in long games).
  if (co.debts.some((d) => d.principalCents <= 0)) co.debts = co.debts.filter((d) => d.principalCents > 0);
  return { dueCents: interestCents + repaidCents, largest };
}

/** What a week's debt service asked for: read by a default that week (operate.ts `handleShortfall`). */
export interface DebtServiceWeek {
  /** Interest and principal due this week, cents. */
  dueCents: number;
  /** The instrument with the largest payment this week (interest plus principal); null when nothing was due. */
  largest: { debtId: string; debtKind: DebtKind; cents: number } | null;
}

export function principalOfKind(co: Company, kind: DebtKind): number {
  let c = 0;
  for (const d of co.debts) if (d.kind === kind) c += d.principalCents;
  return toUsd(c);
}
