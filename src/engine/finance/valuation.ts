/**
 * How investors value a company: EV = a revenue multiple (moved by sentiment and growth) times
 * forward revenue; equity = EV − debt + cash, never below a fraction of net asset value.
 */
import type { Company, World } from '../types.ts';
import { clamp, floorToCentUsd, toUsd, WEEKS_PER_YEAR } from '../money.ts';
import { annualisedRevenueUsd, forwardContractRevenueUsd, fleetValueUsd } from '../metrics.ts';

/** Revenue growth over the last year (quarter vs the same quarter a year earlier), as a fraction. */
export function revenueGrowth(co: Company): number {
  const n = co.quarters.length;
  const now = annualisedRevenueUsd(co);
  const yearAgo = n >= 4 ? co.quarters[n - 4]!.revenueUsd * 4 : n > 0 ? co.quarters[0]!.revenueUsd * 4 : 0;
  if (yearAgo <= 0) return now > 0 ? 1 : 0;
  return clamp(now / yearAgo - 1, -0.9, 5);
}

/** EV / revenue multiple investors pay now. */
export function revenueMultiple(world: World, co: Company): number {
  const c = world.scenario.market.capital;
  const g = revenueGrowth(co);
  return clamp(c.revenueMultiple * world.market.sentiment + c.growthMultipleBoost * Math.max(0, Math.min(g, 3)), c.multipleMin, c.multipleMax);
}

/** Model equity value, USD (before any private discount or share-price shock). */
export function modelEquityValueUsd(world: World, co: Company): number {
  const forwardRevenue = Math.max(annualisedRevenueUsd(co), forwardContractRevenueUsd(world, co, WEEKS_PER_YEAR));
  const ev = revenueMultiple(world, co) * forwardRevenue;
  const b = co.ledger.balances;
  const cash = toUsd(b.cash);
  const debt = toUsd(b.debt);
  const netAssets = cash + fleetValueUsd(world, co) + toUsd(b.facilities + b.construction + b.gpuDeposits) - debt;
  const equity = ev - debt + cash;
  return Math.max(equity, 0.8 * netAssets * Math.min(1.5, world.market.sentiment), 0) + co.otherBusinessValueUsd * Math.min(1.5, world.market.sentiment);
}

/** Price per share for a private round, USD, rounded to the cent (0 when investors see no value). */
export function privateRoundPriceUsd(world: World, co: Company): number {
  const f = world.scenario.finance;
  const value = Math.max(modelEquityValueUsd(world, co), 0.5 * co.lastValuationUsd * Math.min(1, world.market.sentiment));
  const perShare = (value * (1 - f.privateRoundDiscountPct / 100)) / Math.max(1, co.sharesOutstanding);
  return floorToCentUsd(perShare);
}

/** Weekly share-price update for a listed company: the model value times its temporary shock, with noise. */
export function updateSharePrice(world: World, co: Company, noise: number): void {
  if (!co.listed) return;
  const fair = modelEquityValueUsd(world, co) / Math.max(1, co.sharesOutstanding);
  const prev = co.sharePriceUsd ?? fair;
  const target = fair * co.priceShock * (1 + noise);
  // Prices move a quarter of the way to the target each week: fast enough for 2–4× swings within a year.
  const next = prev + 0.25 * (target - prev);
  co.sharePriceUsd = Math.max(0.01, Math.round(next * 100) / 100);
  // Shocks fade by 4% of the gap per week.
  co.priceShock += 0.04 * (1 - co.priceShock);
}
