/**
 * Debt instruments: drawing, weekly interest, amortisation, maturities, repayment, conversion.
 */
import type { Company, Debt, DebtKind, World } from '../types.ts';
import { book, bookCents } from '../ledger.ts';
import { toCents, toUsd, WEEKS_PER_YEAR } from '../money.ts';
import { debtRatePct } from './rates.ts';

export interface NewDebt {
  kind: DebtKind;
  amountUsd: number;
  fixedRatePct: number | null;
  spreadPct: number;
  termWeeks: number;
  amortizing: boolean;
  conversionPriceUsd?: number | null;
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
    conversionPriceUsd: nd.conversionPriceUsd ?? null,
  };
  co.debts.push(d);
  bookCents(co.ledger, nd.booking ?? 'debtDrawn', cents);
  return d;
}

/** Repay up to `usd` of one instrument in cash. Returns cents repaid. */
export function repayDebt(co: Company, d: Debt, usd: number): number {
  const cents = Math.min(d.principalCents, toCents(usd));
  if (cents <= 0) return 0;
  bookCents(co.ledger, 'debtRepaid', cents);
  d.principalCents -= cents;
  return cents;
}

/**
 * Weekly debt service: interest on every instrument, scheduled principal, bullets at maturity,
 * convertibles converting (if in the money) or repaid. Paid from cash; a shortfall is handled at
 * the end of the tick (revolver, then default).
 */
export function serviceDebt(world: World, co: Company): void {
  for (const d of co.debts) {
    if (d.principalCents <= 0) continue;
    const rate = debtRatePct(world, co, d);
    book(co.ledger, 'interestPaid', (toUsd(d.principalCents) * rate) / 100 / WEEKS_PER_YEAR);
    const weeksLeft = d.maturityWeek - world.week;
    if (weeksLeft <= 1) {
      if (d.kind === 'convertible' && d.conversionPriceUsd !== null && co.sharePriceUsd !== null && co.sharePriceUsd > d.conversionPriceUsd) {
        const shares = Math.floor(toUsd(d.principalCents) / d.conversionPriceUsd);
        bookCents(co.ledger, 'debtConverted', d.principalCents);
        co.capTable.push({ holder: 'Convertible holders', shares, week: world.week, priceUsd: d.conversionPriceUsd, lockedUntilWeek: world.week });
        co.sharesOutstanding += shares;
        d.principalCents = 0;
      } else {
        repayDebt(co, d, toUsd(d.principalCents));
      }
    } else if (d.amortizing) {
      const instalment = Math.round(d.principalCents / weeksLeft);
      if (instalment > 0) {
        bookCents(co.ledger, 'debtRepaid', instalment);
        d.principalCents -= instalment;
      }
    }
  }
  // Drop fully repaid instruments (keeps iteration short in long games).
  if (co.debts.some((d) => d.principalCents <= 0)) co.debts = co.debts.filter((d) => d.principalCents > 0);
}

export function principalOfKind(co: Company, kind: DebtKind): number {
  let c = 0;
  for (const d of co.debts) if (d.kind === kind) c += d.principalCents;
  return toUsd(c);
}
