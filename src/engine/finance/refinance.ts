/**
 * The credit cycle and refinancing risk (economics.md §4): lenders lend less against the same
 * collateral when the market turns cold, and a GPU loan's balloon falls due at maturity and must be
 * rolled at the terms of that week — against the collateral's value then, after the lenders'
 * incurrence test on trailing EBITDA. What they will not roll is due in cash; what cash and committed
 * credit cannot pay is a default (operate.ts `handleShortfall`).
 */
import type { Company, Debt, World } from '../types.ts';
import { clamp, toCents, toUsd } from '../money.ts';
import { fleetValueUsd } from '../metrics.ts';
import { lenderRefusal, renewalRollRoomUsd } from './lending.ts';
import { baseRatePct, leverageAddOnPct } from './rates.ts';
import { bookCents } from '../ledger.ts';
import { pushNews } from '../news.ts';
import { msgOf } from '../msg.ts';

/**
 * Lenders' appetite now, 0–1: the share of their normal loan-to-value and contract advance rate they
 * offer on new money and refinancings. `finance.lenderAppetiteFloorShare` at or below
 * `lenderAppetiteMinSentiment`, 1 at or above `lenderAppetiteFullSentiment`, a straight line between.
 */
export function lenderAppetite(world: World): number {
  const f = world.scenario.finance;
  const span = Math.max(0.01, f.lenderAppetiteFullSentiment - f.lenderAppetiteMinSentiment);
  const warmth = clamp((world.market.sentiment - f.lenderAppetiteMinSentiment) / span, 0, 1);
  return f.lenderAppetiteFloorShare + (1 - f.lenderAppetiteFloorShare) * warmth;
}

/** Loan-to-value lenders offer on new GPU loans and refinancings this week (the covenant cap × appetite). */
export function newGpuLoanLtv(world: World): number {
  return world.scenario.finance.gpuLoanMaxLtv * lenderAppetite(world);
}

/**
 * A balloon at maturity: lenders roll as much as they still will, at this week's terms, as a new
 * loan on the GPU loan's schedule (maturity `gpuLoanMaturityWeeks`, instalments over
 * `gpuLoanTermWeeks`, residual `loanResidualShare`); the rest is repaid from cash now (a shortfall
 * is handled at the end of the tick). A GPU loan rolls only what this week's loan-to-value on the
 * fleet (less the other GPU loans) allows, at this week's spread. With the refinancing wall on
 * (`finance.refinanceOnRenewalCashFlow`), every roll — a facility or vendor balloon too, at its own
 * spread or rate — is also capped by the renewal cash flow's debt-service cover
 * (lending.ts `renewalRollRoomUsd`). Every roll passes the incurrence test. Returns false when
 * lenders roll nothing (the caller treats the whole balance as due).
 */
export function rollGpuLoanBalloon(world: World, co: Company, d: Debt): boolean {
  const f = world.scenario.finance;
  const isGpuLoan = d.kind === 'gpuLoan';
  let otherCents = 0;
  for (const x of co.debts) if (x !== d && x.kind === 'gpuLoan') otherCents += x.principalCents;
  const ltvRoomUsd = isGpuLoan ? Math.max(0, newGpuLoanLtv(world) * fleetValueUsd(world, co) - toUsd(otherCents)) : Infinity;
  const spread = isGpuLoan ? f.gpuLoanSpreadPct + leverageAddOnPct(world, co, 0) : d.spreadPct;
  const ratePct = d.fixedRatePct ?? baseRatePct(world) + spread + co.spreadStepUpPct;
  const refused = lenderRefusal(world, co, 0, ratePct);
  const renewalRoomUsd = renewalRollRoomUsd(world, co, d, ratePct, { amortizationWeeks: f.gpuLoanTermWeeks, residualShare: f.loanResidualShare });
  const roomUsd = Math.min(ltvRoomUsd, renewalRoomUsd);
  const rollCents = refused ? 0 : Number.isFinite(roomUsd) ? Math.min(d.principalCents, toCents(roomUsd)) : d.principalCents;
  const dueCents = d.principalCents - rollCents;
  if (co.index === 0) balloonNews(world, d, toUsd(rollCents), toUsd(dueCents), !refused && renewalRoomUsd < Math.min(ltvRoomUsd, toUsd(d.principalCents)));
  if (rollCents <= 0) return false;
  if (dueCents > 0) { bookCents(co.ledger, 'debtRepaid', dueCents); d.principalCents -= dueCents; }
  d.spreadPct = spread;
  d.startWeek = world.week;
  delete d.graceFromWeek;
  d.maturityWeek = world.week + Math.min(f.gpuLoanMaturityWeeks, f.gpuLoanTermWeeks);
  d.amortizeToWeek = world.week + f.gpuLoanTermWeeks;
  if (f.loanResidualShare > 0) d.residualCents = Math.round(d.principalCents * f.loanResidualShare);
  else delete d.residualCents;
  return true;
}

/**
 * Whether a maturing instrument's balance is offered for rolling (`rollGpuLoanBalloon`): a GPU loan
 * with a balloon (a maturity before its amortisation ends, or a residual); with the refinancing wall
 * on, any amortising loan left with a residual (facility draws, vendor financing) too.
 */
export function balloonRollable(world: World, d: Debt): boolean {
  if (d.kind === 'gpuLoan') return d.amortizeToWeek > d.maturityWeek || d.residualCents !== undefined;
  return world.scenario.finance.refinanceOnRenewalCashFlow && d.amortizing && d.residualCents !== undefined && d.kind !== 'claims';
}

/** The player's news of a balloon: rolled whole, or what is due now — and why, when the renewal cash flow (the refinancing wall) was what limited the roll (`byRenewal`). */
function balloonNews(world: World, d: Debt, rolledUsd: number, dueUsd: number, byRenewal: boolean): void {
  if (dueUsd <= 0) {
    pushNews(world, { id: `refi-${d.id}-${world.week}`, kind: 'finance', major: false, headline: msgOf('news.refinanced.h', { rolledUsd }), explanation: msgOf('news.refinanced.e') });
    return;
  }
  pushNews(world, { id: `refi-${d.id}-${world.week}`, kind: 'finance', major: true, headline: msgOf('news.refinanceShort.h', { dueUsd }), explanation: byRenewal ? msgOf('news.refinanceWall.e', { rolledUsd, cover: world.scenario.finance.lenderMinDebtServiceCover }) : msgOf('news.refinanceShort.e', { rolledUsd }) });
}
