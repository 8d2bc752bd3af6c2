/**
 * Double-entry ledger of one company, in integer cents.
 *
 * Every money movement is one booking of a *line* (a category). Each line has a fixed debit and
 * credit account, so both sides always move by the same whole number of cents and the balance
 * sheet balances exactly after every booking. Lines also carry their income-statement and
 * cash-flow classification, from which the quarterly statements are summed.
 */
import { toCents } from './money.ts';

/** Balance-sheet accounts. Assets are debit-positive; liabilities and equity credit-positive. */
export type Account =
  | 'cash'
  | 'gpuDeposits'
  | 'gpuEquipment'
  | 'gpuAccumDep'
  | 'construction'
  | 'facilities'
  | 'facilitiesAccumDep'
  | 'debt'
  | 'deferredRevenue'
  | 'paidInCapital'
  | 'retainedEarnings';

const ASSET: Record<Account, 1 | -1 | 0> = {
  cash: 1, gpuDeposits: 1, gpuEquipment: 1, gpuAccumDep: -1, construction: 1, facilities: 1, facilitiesAccumDep: -1,
  debt: 0, deferredRevenue: 0, paidInCapital: 0, retainedEarnings: 0,
};

/** Income-statement classification of a line (or none). */
type Pl = 'revenue' | 'costOfRevenue' | 'opex' | 'depreciation' | 'sbc' | 'interest' | 'other' | 'tax' | null;
/** Cash-flow classification (only for lines that touch cash). */
type Cf = 'operating' | 'investing' | 'financing' | null;

interface LineDef {
  dr: Account;
  cr: Account;
  /** Sign of the line in its P&L group: +1 adds (revenue, income), the P&L effect is on retained earnings. */
  pl: Pl;
  cf: Cf;
  /** Counts as capital expenditure in the cash-flow statement. */
  capex?: boolean;
}

/** Every kind of booking. The table below is the chart of accounts in one place. */
export const LINES = {
  // Revenue
  revenueBilled: { dr: 'cash', cr: 'retainedEarnings', pl: 'revenue', cf: 'operating' },
  revenueFromPrepaid: { dr: 'deferredRevenue', cr: 'retainedEarnings', pl: 'revenue', cf: null },
  prepaymentReceived: { dr: 'cash', cr: 'deferredRevenue', pl: null, cf: 'operating' },
  prepaymentRefunded: { dr: 'deferredRevenue', cr: 'cash', pl: null, cf: 'operating' },
  // Cost of revenue
  powerCost: { dr: 'retainedEarnings', cr: 'cash', pl: 'costOfRevenue', cf: 'operating' },
  colocationCost: { dr: 'retainedEarnings', cr: 'cash', pl: 'costOfRevenue', cf: 'operating' },
  dcStaffCost: { dr: 'retainedEarnings', cr: 'cash', pl: 'costOfRevenue', cf: 'operating' },
  latePenalty: { dr: 'retainedEarnings', cr: 'cash', pl: 'costOfRevenue', cf: 'operating' },
  // Operating expenses
  sgaCost: { dr: 'retainedEarnings', cr: 'cash', pl: 'opex', cf: 'operating' },
  salesCost: { dr: 'retainedEarnings', cr: 'cash', pl: 'opex', cf: 'operating' },
  platformCost: { dr: 'retainedEarnings', cr: 'cash', pl: 'opex', cf: 'operating' },
  stockCompensation: { dr: 'retainedEarnings', cr: 'paidInCapital', pl: 'sbc', cf: null },
  gpuDepreciation: { dr: 'retainedEarnings', cr: 'gpuAccumDep', pl: 'depreciation', cf: null },
  facilityDepreciation: { dr: 'retainedEarnings', cr: 'facilitiesAccumDep', pl: 'depreciation', cf: null },
  // Below operating income
  interestPaid: { dr: 'retainedEarnings', cr: 'cash', pl: 'interest', cf: 'operating' },
  debtFeesPaid: { dr: 'retainedEarnings', cr: 'cash', pl: 'interest', cf: 'operating' },
  interestEarned: { dr: 'cash', cr: 'retainedEarnings', pl: 'other', cf: 'operating' },
  gainOnSale: { dr: 'cash', cr: 'retainedEarnings', pl: 'other', cf: 'investing' },
  lossOnSale: { dr: 'retainedEarnings', cr: 'gpuEquipment', pl: 'other', cf: null },
  debtForgiven: { dr: 'debt', cr: 'retainedEarnings', pl: 'other', cf: null },
  incomeTaxPaid: { dr: 'retainedEarnings', cr: 'cash', pl: 'tax', cf: 'operating' },
  // Investing
  gpuDepositPaid: { dr: 'gpuDeposits', cr: 'cash', pl: null, cf: 'investing', capex: true },
  gpuDepositApplied: { dr: 'gpuEquipment', cr: 'gpuDeposits', pl: null, cf: null },
  gpuBalancePaid: { dr: 'gpuEquipment', cr: 'cash', pl: null, cf: 'investing', capex: true },
  gpuVendorFinanced: { dr: 'gpuEquipment', cr: 'debt', pl: null, cf: null },
  gpuSaleProceeds: { dr: 'cash', cr: 'gpuEquipment', pl: null, cf: 'investing' },
  gpuDisposedDep: { dr: 'gpuAccumDep', cr: 'gpuEquipment', pl: null, cf: null },
  constructionPaid: { dr: 'construction', cr: 'cash', pl: null, cf: 'investing', capex: true },
  constructionCompleted: { dr: 'facilities', cr: 'construction', pl: null, cf: null },
  facilityBought: { dr: 'facilities', cr: 'cash', pl: null, cf: 'investing', capex: true },
  // Financing
  equityIssued: { dr: 'cash', cr: 'paidInCapital', pl: null, cf: 'financing' },
  equityFeesPaid: { dr: 'paidInCapital', cr: 'cash', pl: null, cf: 'financing' },
  debtDrawn: { dr: 'cash', cr: 'debt', pl: null, cf: 'financing' },
  debtRepaid: { dr: 'debt', cr: 'cash', pl: null, cf: 'financing' },
  debtConverted: { dr: 'debt', cr: 'paidInCapital', pl: null, cf: null },
  // Opening balances (week 0 only; equity contributed in kind)
  openingCash: { dr: 'cash', cr: 'paidInCapital', pl: null, cf: null },
  openingGpus: { dr: 'gpuEquipment', cr: 'paidInCapital', pl: null, cf: null },
  openingGpuDep: { dr: 'paidInCapital', cr: 'gpuAccumDep', pl: null, cf: null },
  openingFacilities: { dr: 'facilities', cr: 'paidInCapital', pl: null, cf: null },
  openingDebt: { dr: 'paidInCapital', cr: 'debt', pl: null, cf: null },
} as const satisfies Record<string, LineDef>;

export type Line = keyof typeof LINES;
export const LINE_NAMES = Object.keys(LINES) as Line[];

/** Account balances (cents) and the current period's per-line totals (cents). */
export interface Ledger {
  /** Balance of each account in whole cents, positive on its normal side. */
  balances: Record<Account, number>;
  /** Sum of bookings per line since the last quarter close, in cents. */
  period: Record<Line, number>;
  /** Sum of bookings per line since the start of the game, in cents. */
  lifetime: Record<Line, number>;
}

/**
 * A record with every key set to 0. Built in one go (`Object.fromEntries`) rather than key by key:
 * V8 turns an object grown by more than a dozen computed-key stores into a slow dictionary, and
 * `bookCents` reads and writes these records on every booking.
 */
function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

export function newLedger(): Ledger {
  return { balances: zeros(Object.keys(ASSET) as Account[]), period: zeros(LINE_NAMES), lifetime: zeros(LINE_NAMES) };
}

/**
 * Each line's effect on its two accounts, resolved once: the signed change of the debited and the
 * credited account per cent booked (assets grow with debits; liabilities and equity with credits).
 */
interface Posting { dr: Account; drSign: 1 | -1; cr: Account; crSign: 1 | -1 }
const POSTINGS: ReadonlyMap<Line, Posting> = new Map(LINE_NAMES.map((l) => {
  const def: LineDef = LINES[l];
  return [l, { dr: def.dr, drSign: ASSET[def.dr] === 1 ? 1 : -1, cr: def.cr, crSign: ASSET[def.cr] === 1 ? -1 : 1 }];
}));

/**
 * Book `usd` (rounded to whole cents) on a line. Negative or non-finite amounts are refused
 * (returns 0): a booking is always a positive movement in its line's direction.
 * Returns the cents booked.
 */
export function book(ledger: Ledger, line: Line, usd: number): number {
  const cents = toCents(usd);
  return bookCents(ledger, line, cents);
}

export function bookCents(ledger: Ledger, line: Line, cents: number): number {
  if (!(cents > 0) || !Number.isInteger(cents)) return 0;
  const p = POSTINGS.get(line)!;
  const b = ledger.balances;
  b[p.dr] += p.drSign * cents;
  b[p.cr] += p.crSign * cents;
  ledger.period[line] += cents;
  ledger.lifetime[line] += cents;
  return cents;
}

export function totalAssetsCents(b: Record<Account, number>): number {
  return b.cash + b.gpuDeposits + b.gpuEquipment - b.gpuAccumDep + b.construction + b.facilities - b.facilitiesAccumDep;
}
export function totalLiabilitiesCents(b: Record<Account, number>): number {
  return b.debt + b.deferredRevenue;
}
export function totalEquityCents(b: Record<Account, number>): number {
  return b.paidInCapital + b.retainedEarnings;
}

/** The accounting identity, exact in cents. */
export function isBalanced(ledger: Ledger): boolean {
  const b = ledger.balances;
  return totalAssetsCents(b) === totalLiabilitiesCents(b) + totalEquityCents(b);
}

/** Period totals grouped into statement lines, in cents. */
export interface PeriodTotals {
  revenue: number; costOfRevenue: number; opexCash: number; sbc: number; depreciation: number;
  interest: number; other: number; tax: number;
  operatingCf: number; investingCf: number; financingCf: number; capex: number;
}

export function sumPeriod(period: Record<Line, number>): PeriodTotals {
  const t: PeriodTotals = { revenue: 0, costOfRevenue: 0, opexCash: 0, sbc: 0, depreciation: 0, interest: 0, other: 0, tax: 0, operatingCf: 0, investingCf: 0, financingCf: 0, capex: 0 };
  for (const line of LINE_NAMES) {
    const c = period[line];
    if (c === 0) continue;
    const def: LineDef = LINES[line];
    // P&L: sign is + when the line credits retained earnings (income), - when it debits it (expense).
    const plSign = def.cr === 'retainedEarnings' ? 1 : def.dr === 'retainedEarnings' ? -1 : 0;
    switch (def.pl) {
      case 'revenue': t.revenue += c; break;
      case 'costOfRevenue': t.costOfRevenue += c; break;
      case 'opex': t.opexCash += c; break;
      case 'sbc': t.sbc += c; break;
      case 'depreciation': t.depreciation += c; break;
      case 'interest': t.interest += c; break;
      case 'other': t.other += plSign * c; break;
      case 'tax': t.tax += c; break;
      default: break;
    }
    if (def.cf) {
      const cashSign = def.dr === 'cash' ? 1 : def.cr === 'cash' ? -1 : 0;
      if (def.cf === 'operating') t.operatingCf += cashSign * c;
      else if (def.cf === 'investing') t.investingCf += cashSign * c;
      else t.financingCf += cashSign * c;
      if (def.capex) t.capex += c;
    }
  }
  return t;
}

export function resetPeriod(ledger: Ledger): void {
  for (const l of LINE_NAMES) ledger.period[l] = 0;
}
