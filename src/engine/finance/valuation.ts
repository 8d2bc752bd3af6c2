/**
 * How investors value a company (economics.md §4): enterprise value is a blend of a revenue multiple
 * (growth, paid for in a warm market) and a profit multiple (economic operating profit), with the
 * weight on profit rising as sentiment cools and, once it has turned, for a company whose profit cannot
 * cover its interest while its debt exceeds its assets (no premium for growth it cannot fund);
 * equity = EV − debt + cash. When nothing is left for
 * shareholders on those numbers, equity trades at a distressed option value. `companyValuation` is
 * the one valuation model: share prices, private marks, round and IPO prices all start from it.
 */
import type { Company, World } from '../types.ts';
import { clamp, floorToCentUsd, toUsd, HOURS_PER_WEEK, WEEKS_PER_YEAR, QUARTERS_PER_YEAR } from '../money.ts';
import { annualisedEbitdaUsd, annualisedRevenueUsd, capacityH100e, contractedGpus, forwardContractRevenueUsd, fleetValueUsd } from '../metrics.ts';
import { gpuModel } from '../lookup.ts';
import { installFleet } from '../fleet.ts';
import { postedRentUsd } from '../market/rents.ts';
import { baseRatePct, debtRatePct } from './rates.ts';

/**
 * Revenue growth over the last year (quarter vs the same quarter a year earlier; before a year is on
 * record, vs the first quarter), as a fraction. With no quarter on record there is no growth to see:
 * 0, so investors pay no growth premium on a week or two of trading (a week-old run-rate against
 * nothing used to read as +100% and lift the multiple half-way, then fall back at the first close).
 */
export function revenueGrowth(co: Company): number {
  const n = co.quarters.length;
  if (n === 0) return 0;
  const now = annualisedRevenueUsd(co);
  const yearAgo = n >= 4 ? co.quarters[n - 4]!.revenueUsd * 4 : co.quarters[0]!.revenueUsd * 4;
  if (yearAgo <= 0) return now > 0 ? 1 : 0;
  return clamp(now / yearAgo - 1, -0.9, 5);
}

/**
 * Revenue run-rate investors price, USD a year: the traded weeks' (`annualisedRevenueUsd`) once a
 * week has run; at week 0, before any, what the opening state earns in its first week × 52
 * (`openingRevenueUsdPerWeek`), so the opening fleet and contracts are valued from the start.
 */
export function runRateRevenueUsd(world: World, co: Company): number {
  return co.trailingWeeks > 0 ? annualisedRevenueUsd(co) : openingRevenueUsdPerWeek(world, co) * WEEKS_PER_YEAR;
}

/**
 * What the opening state earns in one week, by the rules a week applies, USD: the contracts live now
 * at their price, plus the GPUs the first tick installs (the engine's own installer, run on copies of
 * the lots) that no contract holds, at the company's posted rent, sold at the share the opening
 * market can fill — demand over every company's GPUs, in H100-equivalents (at most 1).
 */
export function openingRevenueUsdPerWeek(world: World, co: Company): number {
  if (co.status !== 'active') return 0;
  let contractUsd = 0;
  for (const c of co.contracts) if (c.startWeek <= world.week && world.week < c.endWeek) contractUsd += c.gpuCount * HOURS_PER_WEEK * c.usdPerGpuHour;
  let supplyH100e = 0;
  for (const other of world.companies) if (other.status === 'active') supplyH100e += capacityH100e(world, other, false);
  const filledShare = supplyH100e > 0 ? Math.min(1, world.market.demandH100e / supplyH100e) : 0;
  const copy: Company = { ...co, lots: co.lots.map((l) => ({ ...l })) };
  installFleet(world, copy, new Map());
  let onDemandUsd = 0;
  for (const g of world.market.gens) {
    let installed = 0;
    for (const l of copy.lots) if (l.modelId === g.modelId) installed += l.installed;
    const free = Math.max(0, installed - contractedGpus(co, g.modelId, world.week));
    if (free > 0) onDemandUsd += free * HOURS_PER_WEEK * postedRentUsd(world, co, g) * filledShare;
  }
  return contractUsd + onDemandUsd;
}

/** How much of a full growth premium investors pay at this sentiment (0 in a cold market). */
function growthAppetite(world: World): number {
  const c = world.scenario.market.capital;
  const s = world.market.sentiment;
  return Math.max(0, (s - c.growthPremiumMinSentiment) / Math.max(0.01, 1 - c.growthPremiumMinSentiment));
}

/** EV / revenue multiple investors pay now. */
export function revenueMultiple(world: World, co: Company): number {
  const c = world.scenario.market.capital;
  const g = revenueGrowth(co);
  return clamp(c.revenueMultiple * world.market.sentiment + c.growthMultipleBoost * growthAppetite(world) * Math.max(0, Math.min(g, 3)), c.multipleMin, c.multipleMax);
}

/** Weight on the profit valuation (0–1): low in a boom, high in a bust. */
export function profitWeight(world: World): number {
  const c = world.scenario.market.capital;
  return clamp(c.profitWeightNeutral + c.profitWeightPerSentiment * (1 - world.market.sentiment), c.profitWeightMin, Math.max(c.profitWeightMin, c.profitWeightMax));
}

/**
 * How far a company is from the growth story a revenue multiple pays for, 0–1, on its reported
 * growth: the last closed quarter's revenue against the same quarter a year before. 0 when that grew
 * at least `revenueViewFullGrowth`, 1 when it did not grow, linear between; 0 before five quarters are
 * on record (no year of reported growth to judge) and when the field is 0 (off). It moves only at a
 * quarter close, as investors' view does on the results.
 */
export function maturityShare(world: World, co: Company): number {
  const full = world.scenario.market.capital.revenueViewFullGrowth;
  const n = co.quarters.length;
  if (full <= 0 || n <= QUARTERS_PER_YEAR) return 0;
  const now = co.quarters[n - 1]!.revenueUsd, yearAgo = co.quarters[n - 1 - QUARTERS_PER_YEAR]!.revenueUsd;
  if (yearAgo <= 0) return now > 0 ? 0 : 1;
  return 1 - clamp((now / yearAgo - 1) / full, 0, 1);
}

/**
 * Weight on the profit view for this company (0–1): the market's (`profitWeight`, rising as sentiment
 * cools), moved towards `profitWeightMax` as the company's growth fades (`maturityShare`) by as much as
 * the market has lost its appetite for growth stories (1 − the growth appetite, see
 * `growthPremiumMinSentiment`): in a warm market investors still pay revenue multiples for a slowing
 * grower; once sentiment turns, a company that has stopped growing is valued on what it earns.
 */
export function companyProfitWeight(world: World, co: Company): number {
  const market = profitWeight(world);
  const top = Math.max(market, world.scenario.market.capital.profitWeightMax);
  const cold = clamp(1 - growthAppetite(world), 0, 1);
  return market + (top - market) * maturityShare(world, co) * cold;
}

/** Interest the company pays now, USD a year: each instrument's principal at its rate this week. */
export function runRateInterestUsd(world: World, co: Company): number {
  if (co.debts.length === 0) return 0;
  const base = baseRatePct(world);
  let cents = 0;
  for (const d of co.debts) cents += d.principalCents * debtRatePct(world, co, d, base) / 100;
  return toUsd(cents);
}

/**
 * How much of the growth premium investors withhold because the company cannot fund its growth, 0–1:
 * when its net assets at market value are negative (the shareholders' claim stands behind the debt)
 * and its economic operating profit covers its interest less than `growthPremiumMinInterestCover`
 * times, the premium fades with the cover — 0 at that cover, all of it at no cover (or a loss) — by as
 * much as the market has lost its appetite for growth (a boom funds growers that do not yet earn their
 * interest; measured ungated, a levered grower's dip in a warm market became a 10× swing, fact 8). The
 * profit view then values the company, and equity is what that EV leaves after net debt. 0 when the
 * field is 0 (off), with no debt, or with positive net assets. Market values only, so the book
 * depreciation life cannot move it (economics.md §9 fact 9).
 */
export function unfundedGrowthShare(world: World, co: Company, economicProfit: number, netAssetsUsd: number): number {
  const min = world.scenario.market.capital.growthPremiumMinInterestCover;
  if (min <= 0 || netAssetsUsd >= 0) return 0;
  const interest = runRateInterestUsd(world, co);
  if (interest <= 0) return 0;
  return (1 - clamp(economicProfit / interest / min, 0, 1)) * clamp(1 - growthAppetite(world), 0, 1);
}

/** The GPUs' economic wear, USD a year: installed cost over the life investors assume (`valuationGpuLifeYears`). */
export function economicWearUsd(world: World, co: Company): number {
  const life = world.scenario.market.capital.valuationGpuLifeYears;
  let wear = 0;
  let modelId = '', capex = 0;
  for (const l of co.lots) {
    if (l.modelId !== modelId) { modelId = l.modelId; capex = gpuModel(world, modelId)?.installedCapexUsdPerGpu ?? 0; }
    wear += (l.count * capex) / life;
  }
  return wear;
}

/**
 * Economic operating profit, USD a year: run-rate EBITDA less the GPUs' economic wear. It never
 * reads book depreciation, so the depreciation life a company reports cannot move its value or any
 * decision that depends on it (economics.md §9 fact 9).
 */
export function economicProfitUsd(world: World, co: Company): number {
  return annualisedEbitdaUsd(co) - economicWearUsd(world, co);
}

/**
 * EV on the profit view, USD: a profitable company at the profit multiple × sentiment; a loss-maker
 * at minus the losses investors expect to fund before it turns (its economic loss × `lossYearsToFund`),
 * so losses take value away instead of counting as nothing — the more weight investors put on
 * profit (a cold market), the more a loss-maker's value falls (economics.md §9 fact 14).
 */
export function profitViewEvUsd(world: World, economicProfitUsd: number): number {
  const c = world.scenario.market.capital;
  return economicProfitUsd >= 0 ? economicProfitUsd * c.profitMultiple * world.market.sentiment : economicProfitUsd * c.lossYearsToFund;
}

export interface Valuation {
  /** Forward revenue investors price (run-rate or next year's contracts, whichever is larger: equity buys the growth story, lenders only what can be delivered), USD. */
  forwardRevenueUsd: number;
  revenueMultiple: number;
  /** EV from the revenue multiple alone, USD. */
  revenueEvUsd: number;
  /** Economic operating profit (EBITDA − GPU wear), USD a year. */
  economicProfitUsd: number;
  /** EV from the profit view alone (negative for a loss-maker: the losses investors expect to fund), USD. */
  profitEvUsd: number;
  /** Weight on the profit view, 0–1. */
  profitWeight: number;
  enterpriseValueUsd: number;
  netDebtUsd: number;
  /** Equity value on the blended numbers (may be negative), USD. */
  fundamentalEquityUsd: number;
  /** Floors: net assets at market value, and the distressed option value, USD. */
  netAssetFloorUsd: number;
  distressedValueUsd: number;
  /** True when the fundamentals leave nothing and the equity trades at a floor. */
  distressed: boolean;
  /** Model equity value (0 once bankrupt), USD. */
  equityUsd: number;
}

/** The valuation model, with every step shown (reports and the advisor can explain it). */
export function companyValuation(world: World, co: Company, asOfWeek: number = world.week): Valuation {
  const c = world.scenario.market.capital;
  const s = world.market.sentiment;
  const runRateUsd = runRateRevenueUsd(world, co);
  const forwardRevenueUsd = Math.max(runRateUsd, forwardContractRevenueUsd(world, co, WEEKS_PER_YEAR, asOfWeek));
  const mult = revenueMultiple(world, co);
  const revenueEvUsd = mult * forwardRevenueUsd;
  const profit = economicProfitUsd(world, co);
  const profitEvUsd = profitViewEvUsd(world, profit);
  const b = co.ledger.balances;
  const netAssets = toUsd(b.cash) + fleetValueUsd(world, co) + toUsd(b.facilities + b.construction + b.gpuDeposits) - toUsd(b.debt);
  const market = companyProfitWeight(world, co);
  const w = market + (1 - market) * unfundedGrowthShare(world, co, profit, netAssets);
  const ev = (1 - w) * revenueEvUsd + w * profitEvUsd;
  const netDebtUsd = toUsd(b.debt - b.cash);
  const fundamental = ev - netDebtUsd;
  const netAssetFloorUsd = Math.max(0, c.netAssetFloorShare * netAssets * Math.min(c.assetValueMaxSentiment, s));
  const distressedValueUsd = c.distressedValueShareOfRevenue * runRateUsd * Math.min(1, s);
  const floor = Math.max(netAssetFloorUsd, distressedValueUsd);
  const other = co.otherBusinessValueUsd * Math.min(c.assetValueMaxSentiment, s);
  const active = co.status === 'active';
  return {
    forwardRevenueUsd, revenueMultiple: mult, revenueEvUsd, economicProfitUsd: profit, profitEvUsd, profitWeight: w,
    enterpriseValueUsd: ev, netDebtUsd, fundamentalEquityUsd: fundamental, netAssetFloorUsd, distressedValueUsd,
    distressed: fundamental < floor,
    equityUsd: active ? Math.max(fundamental, floor, 0) + other : 0,
  };
}

/** Model equity value, USD (before any private discount or share-price shock); 0 once bankrupt. */
export function modelEquityValueUsd(world: World, co: Company, asOfWeek: number = world.week): number {
  return companyValuation(world, co, asOfWeek).equityUsd;
}

/** Price per share of the company's last sale of stock (a round, the IPO, a follow-on or the opening investors), USD; 0 if none. */
export function lastRoundPriceUsd(co: Company): number {
  let week = -1, price = 0;
  for (const e of co.capTable) if (e.priceUsd > 0 && e.week >= week) { week = e.week; price = e.priceUsd; }
  return price;
}

/**
 * Price per share for a private round, USD, rounded to the cent (0 when investors see no value):
 * the model value less the private discount. Investors price off the model, not off the last round,
 * so a company whose value fell raises a down round (below the last price: more shares for the same
 * money); a scenario may make marks sticky (`market.capital.lastRoundAnchorShare` × the last round's
 * price × sentiment, capped at 1, as a floor; 0 by default).
 */
export function privateRoundPriceUsd(world: World, co: Company, asOfWeek: number = world.week): number {
  const f = world.scenario.finance;
  const anchor = world.scenario.market.capital.lastRoundAnchorShare * lastRoundPriceUsd(co) * Math.min(1, world.market.sentiment);
  const model = modelEquityValueUsd(world, co, asOfWeek) / Math.max(1, co.sharesOutstanding);
  if (model <= 0 && co.status !== 'active') return 0;
  return floorToCentUsd(Math.max(model, anchor) * (1 - f.privateRoundDiscountPct / 100));
}

/** Weekly share-price update for a listed company: the model value times its temporary shock, with noise. */
export function updateSharePrice(world: World, co: Company, noise: number): void {
  if (!co.listed) return;
  const fair = modelEquityValueUsd(world, co) / Math.max(1, co.sharesOutstanding);
  const prev = co.sharePriceUsd ?? fair;
  const target = fair * co.priceShock * (1 + noise);
  const c = world.scenario.market.capital;
  // Prices move part of the way to the target each week (a quarter by default): fast enough for 2–4× swings within a year.
  const next = prev + c.sharePriceAdjustPerWeek * (target - prev);
  co.sharePriceUsd = Math.max(0.01, Math.round(next * 100) / 100);
  // Shocks fade by a share of the gap per week.
  co.priceShock += c.priceShockFadePerWeek * (1 - co.priceShock);
}

/**
 * Weekly mark of a private company: what its shares would fetch in a round (as a fund marks its
 * stake) in week `asOfWeek` — the week the player sees next (the step marks before `world.week += 1`,
 * so it passes week + 1: the year of contracts ahead is counted from the week a round's preview
 * prices in, and the top bar and the preview show one figure).
 */
export function markPrivateValuation(world: World, co: Company, asOfWeek: number = world.week): void {
  if (co.listed) return;
  co.lastValuationUsd = co.status === 'active' ? Math.max(0, privateRoundPriceUsd(world, co, asOfWeek) * co.sharesOutstanding) : 0;
}
