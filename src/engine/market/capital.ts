/**
 * Capital markets: the base rate, the equity sentiment index (mean-reverting with shocks, towards
 * a long-run level authored in the scenario) and share prices of listed companies.
 */
import type { World } from '../types.ts';
import { nextNormal } from '../rng.ts';
import { pathAt } from '../paths.ts';
import { baseRatePct } from '../finance/rates.ts';
import { updateSharePrice } from '../finance/valuation.ts';
import { pushNews } from '../news.ts';

export function updateCapitalMarkets(world: World): void {
  const c = world.scenario.market.capital;
  const m = world.market;
  const rng = world.rng.capital;
  m.baseRatePct = baseRatePct(world);
  const longRun = pathAt(world.paths.sentimentLongRun, world.week);
  const shock = (c.sentimentVolatilityPct / 100) * nextNormal(rng);
  m.sentiment = Math.min(5, Math.max(0.1, m.sentiment + c.sentimentReversionPerWeek * (longRun - m.sentiment) + shock * m.sentiment));
}

/** Weekly share prices, lock-up expiries. */
export function updateSharePrices(world: World): void {
  const rng = world.rng.capital;
  const f = world.scenario.finance;
  for (const co of world.companies) {
    if (co.status !== 'active' || !co.listed) continue;
    if (co.lockupEndWeek !== null && co.lockupEndWeek === world.week) {
      co.priceShock *= 1 - f.lockupSupplyShockPct / 100;
      if (co.index === 0) {
        pushNews(world, {
          id: `lockup-${co.id}`, kind: 'finance', major: true,
          headline: { en: 'Your IPO lock-up expires', 'zh-CN': '你的 IPO 禁售期到期' },
          explanation: { en: 'Early investors and staff may now sell. The flood of shares for sale pushes the price down even though nothing changed in the business.', 'zh-CN': '早期投资者和员工现在可以卖出股票。大量待售股票压低了股价，尽管业务本身没有任何变化。' },
        });
      }
    }
    updateSharePrice(world, co, 0.03 * nextNormal(rng));
  }
}
