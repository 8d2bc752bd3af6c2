/**
 * The double-entry ledger: every line keeps assets = liabilities + equity exactly, the statements
 * summed from the lines add up to the balance-sheet movements, and the chart of accounts is a
 * golden file so any change to it shows up as a reviewable diff.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  LINES, LINE_NAMES, book, bookCents, isBalanced, newLedger, resetPeriod, sumPeriod,
  totalAssetsCents, totalEquityCents, totalLiabilitiesCents, type Line, type Ledger,
} from '../../src/engine/ledger.ts';
import { toCents, toUsd } from '../../src/engine/money.ts';

const OPENING = LINE_NAMES.filter((l) => l.startsWith('opening'));
const RUNNING = LINE_NAMES.filter((l) => !l.startsWith('opening'));

function snapshot(l: Ledger) {
  return { balances: { ...l.balances }, period: { ...l.period }, lifetime: { ...l.lifetime } };
}

describe('chart of accounts', () => {
  it('matches the golden table (debit, credit, P&L class, cash-flow class, capex)', async () => {
    const rows = LINE_NAMES.map((name) => {
      const d = LINES[name] as { dr: string; cr: string; pl: string | null; cf: string | null; capex?: boolean };
      return `${name.padEnd(22)} Dr ${d.dr.padEnd(19)} Cr ${d.cr.padEnd(19)} P&L ${String(d.pl ?? '-').padEnd(14)} CF ${String(d.cf ?? '-').padEnd(10)}${d.capex ? ' capex' : ''}`.trimEnd();
    });
    await expect(`${rows.join('\n')}\n`).toMatchFileSnapshot('./__snapshots__/chart-of-accounts.txt');
  });

  it('classifies consistently: P&L lines touch retained earnings, cash lines have a cash-flow class', () => {
    for (const name of LINE_NAMES) {
      const d = LINES[name] as { dr: string; cr: string; pl: string | null; cf: string | null; capex?: boolean };
      const touchesRe = d.dr === 'retainedEarnings' || d.cr === 'retainedEarnings';
      expect(touchesRe, `${name}: P&L class ${d.pl} vs retained earnings`).toBe(d.pl !== null);
      const touchesCash = d.dr === 'cash' || d.cr === 'cash';
      if (!name.startsWith('opening')) expect(d.cf !== null, `${name}: cash-flow class ${d.cf} vs cash`).toBe(touchesCash);
      if (d.capex) expect(d.cf === 'investing' && d.cr === 'cash', `${name}: capex must be investing cash out`).toBe(true);
      // Income lines credit retained earnings; expense classes debit it.
      if (d.pl === 'revenue') expect(d.cr).toBe('retainedEarnings');
      if (d.pl && !['revenue', 'other'].includes(d.pl)) expect(d.dr, name).toBe('retainedEarnings');
      expect(d.dr, name).not.toBe(d.cr);
    }
  });
});

describe('booking', () => {
  it('every line keeps the books balanced and moves exactly its two accounts by the booked cents', () => {
    for (const line of LINE_NAMES) {
      const l = newLedger();
      bookCents(l, 'openingCash', 1_000_000_00);
      const before = snapshot(l);
      expect(bookCents(l, line, 12_345_67)).toBe(12_345_67);
      expect(isBalanced(l), line).toBe(true);
      const def = LINES[line] as { dr: string; cr: string };
      for (const [acct, v] of Object.entries(l.balances)) {
        const delta = v - before.balances[acct as keyof typeof before.balances];
        if (acct === def.dr || acct === def.cr) expect(Math.abs(delta), `${line} ${acct}`).toBe(12_345_67);
        else expect(delta, `${line} ${acct}`).toBe(0);
      }
      expect(l.period[line] - before.period[line]).toBe(12_345_67);
      expect(l.lifetime[line] - before.lifetime[line]).toBe(12_345_67);
    }
  });

  it('refuses non-positive, fractional and non-finite amounts without touching anything', () => {
    const l = newLedger();
    bookCents(l, 'openingCash', 500);
    const before = snapshot(l);
    for (const bad of [0, -1, -0.5, 0.5, 1.5, Number.NaN, Infinity, -Infinity]) {
      expect(bookCents(l, 'revenueBilled', bad)).toBe(0);
    }
    for (const bad of [0, -3, Number.NaN, Infinity, -Infinity, 0.004]) expect(book(l, 'powerCost', bad)).toBe(0);
    expect(snapshot(l)).toEqual(before);
  });

  it('rounds dollars to whole cents once, at the booking', () => {
    const l = newLedger();
    expect(book(l, 'revenueBilled', 0.1 + 0.2)).toBe(30);
    expect(book(l, 'revenueBilled', 1234.565)).toBe(toCents(1234.565));
    expect(Number.isInteger(l.balances.cash)).toBe(true);
    expect(toCents(Number.NaN)).toBe(0);
    expect(toUsd(123456)).toBe(1234.56);
  });

  it('property: any sequence of bookings balances exactly; the statements explain the balance-sheet movements', () => {
    const lineArb = fc.constantFrom(...RUNNING);
    const amount = fc.oneof(fc.integer({ min: 1, max: 1_000_000_000_000 }), fc.double({ min: 0.001, max: 5e9, noNaN: true }));
    fc.assert(fc.property(fc.array(fc.tuple(lineArb, amount, fc.boolean()), { maxLength: 200 }), (ops) => {
      const l = newLedger();
      bookCents(l, 'openingCash', 10_000_000_00);
      bookCents(l, 'openingGpus', 5_000_000_00);
      resetPeriod(l);
      const cash0 = l.balances.cash;
      const re0 = l.balances.retainedEarnings;
      for (const [line, amt, asUsd] of ops) {
        if (asUsd) book(l, line as Line, amt);
        else bookCents(l, line as Line, Math.round(amt));
        if (!isBalanced(l)) return false;
      }
      for (const v of Object.values(l.balances)) if (!Number.isSafeInteger(v)) return false;
      const t = sumPeriod(l.period);
      // Cash-flow statement = change in cash.
      if (t.operatingCf + t.investingCf + t.financingCf !== l.balances.cash - cash0) return false;
      // Income statement = change in retained earnings.
      const net = t.revenue - t.costOfRevenue - t.opexCash - t.sbc - t.depreciation - t.interest + t.other - t.tax;
      if (net !== l.balances.retainedEarnings - re0) return false;
      return totalAssetsCents(l.balances) === totalLiabilitiesCents(l.balances) + totalEquityCents(l.balances);
    }), { numRuns: 300 });
  });

  it('opening lines are equity contributed in kind: balanced, and outside the cash-flow statement', () => {
    const l = newLedger();
    for (const line of OPENING) bookCents(l, line, 1_000_00);
    expect(isBalanced(l)).toBe(true);
    const t = sumPeriod(l.period);
    expect([t.operatingCf, t.investingCf, t.financingCf, t.revenue]).toEqual([0, 0, 0, 0]);
  });
});
