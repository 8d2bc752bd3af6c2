/**
 * Lenders' underwriting test for new money (the incurrence test): debt / underwritten EBITDA below
 * `maxDebtToEbitda` (economics.md §4: lenders refuse above roughly 7×), underwritten EBITDA at least
 * `minInterestCover` × the interest the company would pay after the new debt, and — while there is
 * no EBITDA to speak of — debt below `maxDebtToAssets` of market-valued assets. Underwritten EBITDA
 * counts only delivered EBITDA and backlog the company can deliver (metrics.ts).
 */
import type { Company, World } from '../types.ts';
import { toUsd } from '../money.ts';
import { debtToMarketAssets, leverage, underwrittenEbitdaUsd } from '../metrics.ts';
import { baseRatePct, debtRatePct } from './rates.ts';
import { msgOf, type Msg } from '../msg.ts';

/** Interest the company pays a year at today's rates, USD. */
export function annualInterestUsd(world: World, co: Company): number {
  const base = baseRatePct(world);
  let usd = 0;
  for (const d of co.debts) usd += (toUsd(d.principalCents) * debtRatePct(world, co, d, base)) / 100;
  return usd;
}

/** Why lenders refuse `extraUsd` of new debt at `newRatePct` (a message id with parameters), or null when they lend. */
export function lenderRefusal(world: World, co: Company, extraUsd: number, newRatePct: number): Msg | null {
  const f = world.scenario.finance;
  const lev = leverage(world, co, extraUsd);
  if (Number.isFinite(lev)) {
    if (lev > f.maxDebtToEbitda) return msgOf('refuse.lenderLeverage', { lev, limit: f.maxDebtToEbitda });
    const interest = annualInterestUsd(world, co) + (extraUsd * newRatePct) / 100;
    const cover = interest > 0 ? underwrittenEbitdaUsd(world, co) / interest : Infinity;
    if (cover < f.minInterestCover) return msgOf('refuse.lenderCover', { cover, min: f.minInterestCover });
    return null;
  }
  const dta = debtToMarketAssets(world, co, extraUsd);
  if (dta > f.maxDebtToAssets) return msgOf('refuse.lenderAssets', { pct: dta * 100 });
  return null;
}
