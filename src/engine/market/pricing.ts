/**
 * The GPU vendor and the published rent indices. Rents themselves are set by providers, generation
 * by generation (`rents.ts`); here the index of each generation is the capacity-weighted average
 * of what providers post for it. The vendor cuts older generations' list prices when a new one
 * launches (its price policy for GPUs, not a rent).
 */
import type { World } from '../types.ts';
import { clamp } from '../money.ts';
import { gpuModel, region } from '../lookup.ts';
import { pushNews } from '../news.ts';
import { msgOf } from '../msg.ts';
import { perfH100e } from '../metrics.ts';
import { pathAt } from '../paths.ts';
import { WEEKS_PER_YEAR } from '../money.ts';
import { performanceRentUsd, postedRentUsd } from './rents.ts';

/** Vendor price cuts on older generations when a new one launches (same vendor). */
export function vendorLaunches(world: World): void {
  const cut = world.scenario.market.vendor.oldGenPriceCutPct / 100;
  for (const g of world.market.gens) {
    if (g.releaseWeek !== world.week || world.week === 0) continue;
    const m = gpuModel(world, g.modelId);
    if (!m) continue;
    for (const old of world.market.gens) {
      const om = gpuModel(world, old.modelId);
      if (old.releaseWeek < g.releaseWeek && om && om.vendor === m.vendor) old.vendorPriceFactor *= 1 - cut;
    }
    pushNews(world, {
      id: `launch-${g.modelId}`, kind: 'market', major: false,
      headline: msgOf('news.launch.h', { model: m.name }),
      explanation: msgOf('news.launch.e', { model: m.name, train: m.trainingPerfH100, infer: m.inferencePerfH100 }),
    });
  }
}

/**
 * The vendor's order book and lead time. The vendor ships up to its capacity each week; the lead
 * time for a new order is the order book divided by that capacity (never below the normal lead time,
 * never above the shortage one). Capacity (packaging lines) expands towards what would clear the
 * book in a normal lead time, over about half a year while the market is short and a year otherwise.
 * So a buying spree first stretches lead times, then — as capacity catches up while everyone's
 * orders are still arriving — lead times collapse and a glut follows (2023 → mid-2024).
 */
export function updateLeadTime(world: World): void {
  const v = world.scenario.market.vendor;
  const m = world.market;
  let book = 0;
  for (const co of world.companies) {
    if (co.status !== 'active') continue;
    for (const o of co.orders) book += o.count * perfH100e(world, o.modelId);
  }
  if (m.vendorShipH100ePerWeek <= 0) {
    // At the start the vendor ships about half of what a year of demand growth needs.
    const growth = Math.max(v.openingMinGrowthShare, pathAt(world.paths.growthPct, 0) / 100);
    m.vendorShipH100ePerWeek = Math.max(1, (v.openingShipShareOfGrowth * world.scenario.market.demand.startH100e * growth) / WEEKS_PER_YEAR);
  }
  const cap = m.vendorShipH100ePerWeek;
  const target = clamp(book / cap, v.leadTimeWeeksNormal, v.leadTimeWeeksShortage);
  const tight = m.utilization > v.shortageUtilization;
  const wanted = book / v.leadTimeWeeksNormal;
  const speed = wanted > cap && tight ? 1 / v.capacityCatchUpWeeksShortage : 1 / v.capacityCatchUpWeeks;
  m.vendorShipH100ePerWeek = Math.max(1, cap + speed * (wanted - cap));
  let lt = m.leadTimeWeeks + v.leadTimeAdjustShare * (target - m.leadTimeWeeks);
  if (world.week < world.policy.leadTimeFloorUntilWeek) lt = Math.max(lt, world.policy.leadTimeFloorWeeks);
  m.leadTimeWeeks = lt;
}

/** Latency discount a company gives on capacity, from where its sites are (capacity-weighted). */
export function latencyDiscount(world: World, siteRegions: { regionId: string; powerMw: number }[]): number {
  let w = 0, v = 0;
  for (const s of siteRegions) {
    const r = region(world, s.regionId);
    if (!r) continue;
    w += s.powerMw;
    v += s.powerMw * r.latencyPricePct / 100;
  }
  return w > 0 ? v / w : 0;
}

/**
 * Each generation's index: the average of the rents providers post for it, weighted by the GPUs
 * each offers on demand; then the price of compute per H100e-hour across the generations on offer,
 * weighted by GPUs installed, and the H100(-equivalent) index. A generation installed but not on
 * offer anywhere (all under contract) opens at what its holders post and then moves with the price
 * of compute; a released generation nobody runs is quoted at what its performance fetches at the
 * price of compute; one not yet released keeps its list rent. When nothing at all is on offer (every
 * GPU under contract) the posted rents, weighted by GPUs installed, stand in.
 */
export function updateIndices(world: World): void {
  const gens = world.market.gens;
  const w = new Float64Array(gens.length), v = new Float64Array(gens.length);
  const ow = new Float64Array(gens.length), ov = new Float64Array(gens.length);
  const byModel = new Map<string, number>();
  gens.forEach((g, i) => byModel.set(g.modelId, i));
  // Each provider's posted rents are read before any index moves (a follower's depends on last
  // week's indices and its own last posted rents), and kept once all are read: a follower's own
  // part of the index it follows (`followedRentUsd`).
  const posted: Record<string, number>[] = [];
  for (const co of world.companies) {
    const own: Record<string, number> = {};
    posted.push(own);
    if (co.status !== 'active') continue;
    for (let i = 0; i < gens.length; i++) {
      const n = co.last.odOfferedGpus[gens[i]!.modelId] ?? 0;
      if (n <= 0) continue;
      const rent = postedRentUsd(world, co, gens[i]!);
      own[gens[i]!.modelId] = rent;
      ow[i] = ow[i]! + n;
      ov[i] = ov[i]! + n * rent;
    }
    for (const l of co.lots) {
      const i = byModel.get(l.modelId);
      if (i === undefined || l.installed <= 0) continue;
      w[i] = w[i]! + l.installed;
      v[i] = v[i]! + l.installed * (own[l.modelId] ?? postedRentUsd(world, co, gens[i]!));
    }
  }
  world.companies.forEach((co, c) => { co.last.odPostedUsdPerGpuHour = posted[c]!; });
  // A generation offered on demand is quoted at what its providers post for it. The price of compute
  // per H100e-hour is taken over those, weighted by GPUs installed: a generation with no on-demand
  // offer has no market price to add.
  const prevComputeUsd = world.market.computeIndexUsd;
  const wasInstalled = gens.map((g) => g.installedGpus > 0);
  let cw = 0, cv = 0;
  const anyOffered = ow.some((n) => n > 0);
  for (let i = 0; i < gens.length; i++) {
    const g = gens[i]!;
    g.installedGpus = w[i]!;
    g.offeredGpus = ow[i]!;
    // No generation offered on demand anywhere (every GPU under contract): the posted rents, weighted by GPUs installed.
    if (ow[i]! > 0) g.indexUsdPerGpuHour = ov[i]! / ow[i]!;
    else if (!anyOffered && w[i]! > 0) g.indexUsdPerGpuHour = v[i]! / w[i]!;
    else continue;
    cw += w[i]! * perfH100e(world, g.modelId);
    cv += w[i]! * g.indexUsdPerGpuHour;
  }
  if (cw > 0) world.market.computeIndexUsd = cv / cw;
  for (let i = 0; i < gens.length; i++) {
    const g = gens[i]!;
    if (g.releaseWeek > world.week) continue;
    if (ow[i]! > 0) {
      // On offer: quoted above.
    } else if (w[i]! > 0) {
      // Installed, none on offer (all under contract): a rent no customer can test. Its holders' own
      // rents stand where they were when it last sold out (a pricing desk moves a rent with the
      // on-demand demand it draws), so their average went stale — default leveraged seed 1: GB300s
      // 168 weeks at up to 1.96x what their performance fetched as the market fell, holding RFP
      // prices, used-GPU values and exits up. It opens at what its holders post (in its first week
      // installed) and then moves with the price of compute. (Nothing on offer anywhere: quoted above.)
      if (anyOffered) g.indexUsdPerGpuHour = wasInstalled[i] && prevComputeUsd > 0 ? (g.indexUsdPerGpuHour * world.market.computeIndexUsd) / prevComputeUsd : v[i]! / w[i]!;
    } else g.indexUsdPerGpuHour = performanceRentUsd(world, g.modelId); // nobody runs it: what its performance fetches at the price of compute
    g.peakIndexUsdPerGpuHour = Math.max(g.peakIndexUsdPerGpuHour, g.indexUsdPerGpuHour);
  }
  quoteH100Index(world);
}

/**
 * The price of compute and the H100 index in week 0, before any provider has posted a rent: each
 * generation's opening rent (its index in week 0), weighted by the GPUs the companies hold, the
 * weights the week's index takes. Without it week 0 read the scenario's demand reference
 * (`market.demand.referenceUsdPerH100Hour`, $2.50) for both: price-war-2025 showed an H100 index of
 * $2.50 beside H100s renting at $1.89, and default's customers shopped in the first week as if its
 * $4.70 H100s cost 1.9× the market. Call once every opening fleet is in place.
 */
export function openingIndices(world: World): void {
  const held = new Map<string, number>();
  for (const co of world.companies) for (const l of co.lots) held.set(l.modelId, (held.get(l.modelId) ?? 0) + l.count);
  let cw = 0, cv = 0;
  for (const g of world.market.gens) {
    const n = held.get(g.modelId) ?? 0;
    if (n <= 0) continue;
    cw += n * perfH100e(world, g.modelId);
    cv += n * g.indexUsdPerGpuHour;
  }
  if (cw > 0) world.market.computeIndexUsd = cv / cw;
  quoteH100Index(world);
}

/** The H100 index: the H100's, or with no H100 in the catalogue the newest released generation's per H100-equivalent. */
function quoteH100Index(world: World): void {
  const h100 = world.market.gens.find((g) => g.modelId === 'h100');
  if (h100) world.market.h100IndexUsd = h100.indexUsdPerGpuHour;
  else {
    // No H100 in the catalogue: the index per H100-equivalent of the newest released generation.
    const released = world.market.gens.filter((g) => g.releaseWeek <= world.week).sort((a, b) => b.releaseWeek - a.releaseWeek);
    const g = released[0];
    const m = g ? gpuModel(world, g.modelId) : undefined;
    if (g && m) world.market.h100IndexUsd = g.indexUsdPerGpuHour / ((m.trainingPerfH100 + m.inferencePerfH100) / 2);
  }
}
