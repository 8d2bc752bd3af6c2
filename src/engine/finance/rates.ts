/**
 * Interest rates: the base-rate path plus policy shifts, and what each company pays over it.
 */
import type { Company, Debt, World } from '../types.ts';
import { pathAt } from '../paths.ts';
import { leverage } from '../metrics.ts';

/** Policy (base) rate this week, percent. */
export function baseRatePct(world: World): number {
  return Math.max(0, pathAt(world.paths.baseRatePct, world.week) + world.policy.baseRateShiftPct);
}

/**
 * Annual rate a debt instrument pays now, percent. Floating = base + spread + covenant step-up.
 * `basePct` lets a loop over many instruments pass this week's base rate once.
 */
export function debtRatePct(world: World, co: Company, d: Debt, basePct?: number): number {
  if (d.fixedRatePct !== null) return d.fixedRatePct;
  return (basePct ?? baseRatePct(world)) + d.spreadPct + co.spreadStepUpPct;
}

/** Extra spread for leverage above 3× debt/EBITDA (after the new debt), percent. */
export function leverageAddOnPct(world: World, co: Company, extraDebtUsd: number): number {
  const lev = leverage(world, co, extraDebtUsd);
  const turns = Number.isFinite(lev) ? Math.max(0, lev - 3) : 4;
  return Math.min(8, turns * world.scenario.finance.spreadPerTurnAbove3xPct);
}
