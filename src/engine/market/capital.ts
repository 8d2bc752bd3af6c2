/**
 * Capital markets: the base rate, the equity sentiment index (mean-reverting with shocks, towards
 * a long-run level authored in the scenario), share prices of listed companies and the weekly mark
 * of private ones, lock-up expiries, and how shares react to each quarter's results.
 */
import type { Company, World } from '../types.ts';
import type { QuarterReport } from '../reports.ts';
import { nextNormal } from '../rng.ts';
import { pathAt } from '../paths.ts';
import { clamp } from '../money.ts';
import { pow } from '../dmath.ts';
import { baseRatePct } from '../finance/rates.ts';
import { economicWearUsd, markPrivateValuation, updateSharePrice } from '../finance/valuation.ts';
import { pushNews } from '../news.ts';
import { msgOf } from '../msg.ts';

export function updateCapitalMarkets(world: World): void {
  const c = world.scenario.market.capital;
  const m = world.market;
  // The sector's mood has its own stream: share-price noise, drawn for each listed company, would
  // otherwise shift it whenever a company lists or fails a week earlier — and a what-if without one
  // of the player's decisions would meet another market (default seed 4: sentiment 1.47 against 1.92
  // two years on, from an order of 600 H100s).
  const rng = world.rng.sentiment;
  m.baseRatePct = baseRatePct(world);
  // While the boom is in a correction (market/demand.ts), investors mark the sector down.
  const longRun = pathAt(world.paths.sentimentLongRun, world.week) * (m.correctionQuartersLeft > 0 ? world.scenario.market.demand.growthShockCorrectionSentimentFactor : 1);
  const shock = (c.sentimentVolatilityPct / 100) * nextNormal(rng);
  m.sentiment = Math.min(5, Math.max(0.1, m.sentiment + c.sentimentReversionPerWeek * (longRun - m.sentiment) + shock * m.sentiment));
}

/** Share of all shares outstanding whose lock-up ends this week (0–1). */
export function unlockingShare(world: World, co: Company): number {
  if (co.ipoWeek === null || world.week <= co.ipoWeek || co.sharesOutstanding <= 0) return 0;
  let n = 0;
  for (const e of co.capTable) if (e.lockedUntilWeek === world.week) n += e.shares;
  return Math.min(1, n / co.sharesOutstanding);
}

/**
 * Share-price drop when locked-up stock becomes free to sell (0–1): the scenario's full-unlock drop
 * × the share that unlocks ÷ sentiment^exponent (a cold market absorbs the supply worse), capped.
 */
export function lockupDrop(world: World, unlocked: number): number {
  const f = world.scenario.finance;
  const s = Math.max(0.1, world.market.sentiment);
  return Math.min(f.lockupMaxDropPct / 100, ((f.lockupSupplyShockPct / 100) * unlocked) / pow(s, f.lockupSentimentExponent));
}

/** Weekly share prices and private marks, lock-up expiries. */
export function updateSharePrices(world: World): void {
  const rng = world.rng.capital;
  for (const co of world.companies) {
    if (co.status !== 'active') continue;
    // Private marks are for the week the player sees next (this runs before `world.week += 1`);
    // listed prices and lock-up expiries keep their week.
    if (!co.listed) { markPrivateValuation(world, co, world.week + 1); continue; }
    if (co.lockupEndWeek !== null && co.lockupEndWeek === world.week) {
      const drop = lockupDrop(world, unlockingShare(world, co));
      if (drop > 0) {
        // Holders sell at once (the price gaps down) and the overhang lingers (the shock fades).
        co.priceShock *= 1 - drop;
        if (co.sharePriceUsd !== null) co.sharePriceUsd = Math.max(0.01, Math.round(co.sharePriceUsd * (1 - drop) * 100) / 100);
      }
      if (co.index === 0) {
        pushNews(world, {
          id: `lockup-${co.id}`, kind: 'finance', major: true,
          headline: msgOf('news.lockup.h'),
          explanation: msgOf('news.lockup.e', { unlockPct: Math.round(unlockingShare(world, co) * 100), dropPct: Math.round(drop * 100) }),
        });
      }
    }
    updateSharePrice(world, co, (world.scenario.market.capital.sharePriceNoisePctPerWeek / 100) * nextNormal(rng));
  }
}

/**
 * How a listed company's shares react to a quarter's results (a shock on top of the valuation model):
 *  - revenue against guidance (last quarter × (1 + the growth it just delivered × guidanceGrowthCarry));
 *  - a wider loss than the quarter before (earnings after interest and economic GPU wear, never book
 *    depreciation), deeper in a cold market;
 *  - leverage above the level shareholders worry about and still rising.
 */
export function reactToResults(world: World, co: Company, rep: QuarterReport, prev: QuarterReport | undefined, before: QuarterReport | undefined): void {
  if (!prev) return;
  const c = world.scenario.market.capital;
  const s = Math.max(0.1, world.market.sentiment);
  let move = 1;
  const lastGrowth = before && before.revenueUsd > 0 ? clamp(prev.revenueUsd / before.revenueUsd - 1, -0.5, 1) : 0;
  const guided = prev.revenueUsd * (1 + c.guidanceGrowthCarry * lastGrowth);
  if (guided > 0) {
    const surprise = rep.revenueUsd / guided - 1;
    const pctPerTenth = surprise < 0 ? c.guidanceMissDropPct : c.guidanceBeatRisePct;
    move *= 1 + clamp((surprise * 10 * pctPerTenth) / 100, -c.earningsMaxMovePct / 100, c.earningsMaxMovePct / 100);
  }
  const wearPerQuarter = economicWearUsd(world, co) / 4;
  const earnings = (q: QuarterReport) => q.adjustedEbitdaUsd - q.interestExpenseUsd - wearPerQuarter;
  if (earnings(rep) < 0 && earnings(rep) < earnings(prev)) move *= 1 - Math.min(0.9, c.lossWideningDropPct / 100 / s);
  const lev = (q: QuarterReport) => (q.adjustedEbitdaUsd > 0 ? q.debtUsd / (4 * q.adjustedEbitdaUsd) : q.debtUsd > 0 ? Infinity : 0);
  const worry = world.scenario.finance.maxDebtToEbitda * c.leverageWarningShare;
  if (lev(rep) > worry && lev(rep) > lev(prev)) move *= 1 - c.leverageRisingDropPct / 100;
  co.priceShock *= move;
}
