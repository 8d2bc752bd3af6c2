/**
 * Committed delayed-draw term loans (DDTL; the scenario's `company.committedFacilities`), the
 * instrument CoreWeave financed its GPUs with: DDTL 1.0 ($2.3B, Jul 2023) and 2.0 ($7.5B, May 2024).
 * The lenders underwrite the signed contracts once, when they commit; afterwards the company draws
 * as it pays for the GPUs that serve those contracts. A draw is tested against the borrowing base
 * only — all contract-facility debt after the draw within `finance.facilityAdvanceRate` × the signed
 * contracts the company can power (lending.ts `contractBorrowingBaseUsd`) — not underwritten again:
 * no interest-cover, debt-service or credit-cycle test. That is what the commitment buys; the
 * uncommitted facility (facility.ts) is underwritten afresh at every draw. A company can also arrange
 * one itself (`arrangeFacility`): underwritten then like a draw of the whole amount, it pays a fee on
 * what it has not drawn (`finance.commitmentFeePctPerYear`) until the availability period ends.
 */
import type { Commitment, Company, World } from '../types.ts';
import { WEEKS_PER_YEAR, toCents, toUsd } from '../money.ts';
import { bookCents } from '../ledger.ts';
import { addDebt, principalOfKind } from './debt.ts';
import { contractBorrowingBaseUsd } from './lending.ts';
import { weekOf } from '../calendar.ts';
import { msgOf } from '../msg.ts';
import { pushNews } from '../news.ts';

/** The player's commitments from the scenario (none: undefined, so worlds without them hash as before). */
export function openingCommitments(world: World): Commitment[] | undefined {
  const start = world.scenario.calendar.startDate;
  const list = world.scenario.company.committedFacilities;
  if (list.length === 0) return undefined;
  return list.map((k) => ({
    name: k.name,
    signedWeek: Math.max(0, weekOf(start, k.signedDate)),
    drawUntilWeek: weekOf(start, k.drawUntilDate),
    commitmentCents: toCents(k.commitmentUsd),
    drawnCents: 0,
    spreadPct: k.spreadPct,
    termWeeks: k.termWeeks,
    amortizing: k.amortizing,
  })).sort((a, b) => a.signedWeek - b.signedWeek);
}

/** A commitment that can be drawn this week: signed, in its availability period, not fully drawn. */
function isOpen(world: World, c: Commitment): boolean {
  return c.signedWeek <= world.week && world.week <= c.drawUntilWeek && c.drawnCents < c.commitmentCents;
}

/** Undrawn amount of the open commitments, USD (what is left to draw before the borrowing base). */
export function commitmentLeftUsd(world: World, co: Company): number {
  let cents = 0;
  for (const c of co.commitments ?? []) if (isOpen(world, c)) cents += c.commitmentCents - c.drawnCents;
  return toUsd(cents);
}

/** Room on the borrowing base, USD (≥ 0): advance rate × the contracts it can power − contract-facility debt outstanding. */
export function commitmentBaseRoomUsd(world: World, co: Company): number {
  return Math.max(0, world.scenario.finance.facilityAdvanceRate * contractBorrowingBaseUsd(world, co) - principalOfKind(co, 'contractFacility'));
}

/** What the commitments lend now, USD: the smaller of what is left on them and the borrowing base's room. */
export function commitmentRoomUsd(world: World, co: Company): number {
  if (!co.commitments) return 0;
  const left = commitmentLeftUsd(world, co);
  return left > 0 ? Math.min(left, commitmentBaseRoomUsd(world, co)) : 0;
}

/** The commitments a draw of `amountUsd` would use, earliest signed first: name, USD and spread of each part. */
export function commitmentDrawParts(world: World, co: Company, amountUsd: number): { c: Commitment; cents: number }[] {
  let need = toCents(amountUsd);
  const parts: { c: Commitment; cents: number }[] = [];
  for (const c of co.commitments ?? []) {
    if (need <= 0) break;
    if (!isOpen(world, c)) continue;
    const cents = Math.min(need, c.commitmentCents - c.drawnCents);
    parts.push({ c, cents });
    need -= cents;
  }
  return parts;
}

/** Book a draw on the commitments (the caller has checked `commitmentRoomUsd`): one contract-facility loan per commitment drawn, on its terms. */
export function drawCommitments(world: World, co: Company, amountUsd: number): void {
  for (const { c, cents } of commitmentDrawParts(world, co, amountUsd)) {
    addDebt(world, co, { kind: 'contractFacility', amountUsd: toUsd(cents), fixedRatePct: null, spreadPct: c.spreadPct, termWeeks: c.termWeeks, amortizing: c.amortizing, residualShare: c.amortizing ? world.scenario.finance.loanResidualShare : 0 });
    c.drawnCents += cents;
  }
}

/** News of the commitments the lenders sign this week (week 0's are part of the opening company). */
export function signCommitments(world: World): void {
  const co = world.companies[0];
  if (!co || co.status !== 'active' || world.week === 0) return;
  for (const c of co.commitments ?? []) {
    if (c.signedWeek !== world.week) continue;
    pushNews(world, {
      id: `commitment-${c.name}-${world.week}`, kind: 'company', major: true,
      headline: msgOf('news.commitment.h', { name: c.name, amountUsd: toUsd(c.commitmentCents) }),
      explanation: msgOf('news.commitment.e', { name: c.name, weeks: c.drawUntilWeek - world.week, spreadPct: c.spreadPct, advancePct: world.scenario.finance.facilityAdvanceRate * 100 }),
    });
  }
}

/** One commitment as the player sees it (read-only; the store's snapshot and the finance panel show it). */
export interface CommitmentView {
  name: string;
  commitmentUsd: number;
  drawnUsd: number;
  /** What a draw on it could take this week, USD: the smaller of what is left on it and the borrowing base's room; 0 unless open. */
  canDrawNowUsd: number;
  signedWeek: number;
  drawUntilWeek: number;
  /** pending: the lenders sign later; open: drawable now; drawn: nothing left; lapsed: the availability period has ended. */
  state: 'pending' | 'open' | 'drawn' | 'lapsed';
}

/** The company's commitments with what each could lend now. */
export function commitmentViews(world: World, co: Company): CommitmentView[] {
  const list = co.commitments ?? [];
  if (list.length === 0) return [];
  const baseUsd = commitmentBaseRoomUsd(world, co);
  return list.map((c) => {
    const state = world.week < c.signedWeek ? 'pending' : c.drawnCents >= c.commitmentCents ? 'drawn' : world.week > c.drawUntilWeek ? 'lapsed' : 'open';
    return {
      name: c.name, commitmentUsd: toUsd(c.commitmentCents), drawnUsd: toUsd(c.drawnCents),
      canDrawNowUsd: state === 'open' ? Math.min(toUsd(c.commitmentCents - c.drawnCents), baseUsd) : 0,
      signedWeek: c.signedWeek, drawUntilWeek: c.drawUntilWeek, state,
    };
  });
}

/**
 * A facility the company arranges itself (the `arrangeFacility` command; the handler has underwritten
 * it): drawable from this week for `finance.commitmentAvailabilityWeeks`, at the spread and term set
 * now. Named "DDTL n" after the commitments the company already has.
 */
export function addCommitment(world: World, co: Company, amountUsd: number, spreadPct: number, termWeeks: number): Commitment {
  const list = co.commitments ?? (co.commitments = []);
  const c: Commitment = {
    name: `DDTL ${list.length + 1}`, signedWeek: world.week, drawUntilWeek: world.week + world.scenario.finance.commitmentAvailabilityWeeks,
    commitmentCents: toCents(amountUsd), drawnCents: 0, spreadPct, termWeeks, amortizing: true,
  };
  list.push(c);
  return c;
}

/** The name the next arranged commitment gets. */
export function nextCommitmentName(co: Company): string {
  return `DDTL ${(co.commitments?.length ?? 0) + 1}`;
}

/** This week's fee on the undrawn amount of the open commitments (`finance.commitmentFeePctPerYear`), cents: booked as a financing cost. */
export function chargeCommitmentFees(world: World, co: Company): number {
  if (!co.commitments) return 0;
  const pct = world.scenario.finance.commitmentFeePctPerYear;
  let cents = 0;
  for (const c of co.commitments) if (isOpen(world, c)) cents += Math.round(((c.commitmentCents - c.drawnCents) * pct) / 100 / WEEKS_PER_YEAR);
  if (cents > 0) bookCents(co.ledger, 'debtFeesPaid', cents);
  return cents;
}
