/**
 * The contract-backed facility (a delayed-draw term loan): lenders advance a share of the backlog
 * the company can deliver, priced by its customers' credit plus a leverage add-on, repaid over the
 * contracts' remaining term. Its undrawn room is committed credit: the engine draws it before a
 * default (operate.ts) just as a player would.
 */
import type { Company, World } from '../types.ts';
import { contractBorrowingBaseUsd, debtServiceRoomUsd } from './lending.ts';
import { baseRatePct } from './rates.ts';
import { deliverableBacklogUsd } from '../metrics.ts';
import { addDebt, principalOfKind } from './debt.ts';
import { leverageAddOnPct } from './rates.ts';
import { lenderAppetite } from './refinance.ts';

/**
 * Undrawn facility room, USD (≥ 0). Without debt-service sizing (`finance.lenderMinDebtServiceCover`
 * 0): advance rate × lenders' appetite × deliverable backlog (GPUs owned or on order, and powered)
 * − facility debt outstanding. With it, the smaller of
 *  - advance rate × lenders' appetite × the contracts' borrowing base (backlog the company can power:
 *    lending.ts `contractBorrowingBaseUsd` — the draws buy the GPUs) − facility debt outstanding, and
 *  - what the debt-service sizing test leaves (lending.ts `debtServiceRoomUsd`, at the facility's
 *    rate and term): lenders size the loan on the contracts' cash flow, not on their revenue.
 * The borrowing base is re-tested at each draw, so in a cold credit market the same backlog supports
 * less (refinance.ts `lenderAppetite`).
 */
export function facilityRoomUsd(world: World, co: Company): number {
  const r = facilityRoomParts(world, co);
  return Math.min(r.advanceUsd, r.sizedUsd);
}

/** The two limits of `facilityRoomUsd`, USD: the advance on the borrowing base, and what debt-service sizing leaves (Infinity when off). */
export function facilityRoomParts(world: World, co: Company): { advanceUsd: number; sizedUsd: number } {
  const f = world.scenario.finance;
  const sized = f.lenderMinDebtServiceCover > 0;
  const backlogUsd = sized ? contractBorrowingBaseUsd(world, co) : deliverableBacklogUsd(world, co);
  const advanceUsd = Math.max(0, f.facilityAdvanceRate * lenderAppetite(world) * backlogUsd - principalOfKind(co, 'contractFacility'));
  if (!sized || advanceUsd <= 0) return { advanceUsd, sizedUsd: Infinity };
  const ratePct = baseRatePct(world) + facilityDrawSpreadPct(world, co, 0) + co.spreadStepUpPct;
  return { advanceUsd, sizedUsd: debtServiceRoomUsd(world, co, ratePct, { amortizationWeeks: facilityTermWeeks(world, co), residualShare: world.scenario.finance.loanResidualShare }) };
}

/** Value-weighted spread of the customers behind the backlog: the customer's credit sets the price. */
export function facilitySpreadPct(world: World, co: Company): number {
  const f = world.scenario.finance;
  let v = 0, w = 0;
  for (const c of co.contracts) {
    const weeksLeft = c.endWeek - Math.max(world.week, c.startWeek);
    if (weeksLeft <= 0) continue;
    const value = weeksLeft * c.gpuCount * c.usdPerGpuHour;
    const s = c.credit === 'ig' ? f.facilitySpreadIgPct : c.credit === 'nonIg' ? f.facilitySpreadNonIgPct : f.facilitySpreadStartupPct;
    v += value * s; w += value;
  }
  return w > 0 ? v / w : f.facilitySpreadStartupPct;
}

/** Amortisation term of a new draw: the value-weighted remaining contract term, weeks (at least 26). */
export function facilityTermWeeks(world: World, co: Company): number {
  let wt = 0, w = 0;
  for (const c of co.contracts) {
    const left = c.endWeek - world.week;
    if (left > 0) { wt += left * c.gpuCount * c.usdPerGpuHour; w += c.gpuCount * c.usdPerGpuHour; }
  }
  return Math.max(26, Math.round(w > 0 ? wt / w : 52));
}

/** Spread of a draw of `amountUsd`: customers' credit plus the add-on for leverage after the draw, percent. */
export function facilityDrawSpreadPct(world: World, co: Company, amountUsd: number): number {
  return facilitySpreadPct(world, co) + leverageAddOnPct(world, co, amountUsd);
}

/** Book a facility draw (the caller has checked the room). */
export function addFacilityDraw(world: World, co: Company, amountUsd: number): void {
  addDebt(world, co, { kind: 'contractFacility', amountUsd, fixedRatePct: null, spreadPct: facilityDrawSpreadPct(world, co, amountUsd), termWeeks: facilityTermWeeks(world, co), amortizing: true, residualShare: world.scenario.finance.loanResidualShare });
}
