/**
 * Rents per generation, from supply and demand. Every provider posts a rent for each generation it
 * runs: its own price for it (`Company.genPriceFactors`, a multiple of the generation's fixed list
 * rent), or else its company-wide multiple (`priceFactor`) of the generation's published index —
 * what the market charged last week. Its pricing desk moves its own price with the demand the generation draws against its target utilisation
 * (`strategies/toolkit.ts` `priceByUtilization`); on-demand customers choose across every
 * provider's generations by price per H100-equivalent (`customers.ts`), so a newer chip that offers
 * more per dollar draws demand away from the older ones and their providers cut. The index is the
 * capacity-weighted average of what providers post (`pricing.ts` `updateIndices`). No rent decays
 * by a rate; each generation's floor is its provider's own cash cost of running that model.
 */
import type { Company, GenMarket, World } from '../types.ts';
import { clamp, HOURS_PER_WEEK, WEEKS_PER_YEAR } from '../money.ts';
import { gpuModel, region } from '../lookup.ts';
import { powerPriceUsdPerMwh } from '../sites.ts';
import { exp } from '../dmath.ts';
import { perfH100e } from '../metrics.ts';

/** Rent a generation opens at in week 0: its launch rent, less the opening decay for each year it has been out. */
export function openingRentUsd(launchUsdPerGpuHour: number, releaseWeek: number, decayPctPerYear: number): number {
  const ageYears = Math.max(0, -releaseWeek) / WEEKS_PER_YEAR;
  return launchUsdPerGpuHour * exp((-decayPctPerYear / 100) * ageYears);
}

/**
 * A company's cash cost of running one GPU of a model for an hour, USD: power at full draw (PUE,
 * its regions' power prices), its colocation lease and data-centre staff for that model's kW,
 * weighted by the megawatts it has energised in each region. A company without energised space
 * counts the first region's colocation.
 */
export function cashCostUsdPerGpuHour(world: World, co: Company | null, modelId: string): number {
  const m = gpuModel(world, modelId);
  if (!m) return 0;
  return cashCostFromBasis(m.kwPerGpu, cashCostBasis(world, co));
}

/**
 * What `cashCostUsdPerGpuHour` rests on for one company, the same for every model: its energised
 * megawatts and their megawatt-weighted cost per kW-hour (power, space, staff), or the first
 * region's cost per kW-hour when it has none. Taken once and applied to each model
 * (`cashCostFromBasis`) by a caller that prices several models while the company's sites and the
 * power prices stay as they are; the same sums in the same order, so the same figures to the bit.
 */
export interface CashCostBasis {
  /** Energised megawatts the weights add up to (0: none, the fallback applies). */
  weightMw: number;
  /** Σ megawatts × (power + space + staff) USD per kW-hour over the energised sites. */
  weightedUsd: number;
  /** The first region's power + colocation + staff USD per kW-hour (null: no region). */
  fallbackUsdPerKwHour: number | null;
}

export function cashCostBasis(world: World, co: Company | null): CashCostBasis {
  const staffUsdPerKwHour = world.scenario.operations.dcStaffUsdPerMwWeek / 1000 / HOURS_PER_WEEK;
  let w = 0, v = 0;
  if (co) {
    for (const s of co.sites) {
      if (s.status !== 'energised' || s.powerMw <= 0) continue;
      const r = region(world, s.regionId);
      if (!r) continue;
      const power = (r.pue * powerPriceUsdPerMwh(world, r.id)) / 1000;
      const space = s.kind === 'colo' ? (s.leaseUsdPerKwMonth * 12) / (WEEKS_PER_YEAR * HOURS_PER_WEEK) : 0;
      w += s.powerMw;
      v += s.powerMw * (power + space + staffUsdPerKwHour);
    }
  }
  let fallback: number | null = null;
  if (w <= 0) {
    const r = world.scenario.regions[0];
    if (r) {
      const power = (r.pue * powerPriceUsdPerMwh(world, r.id)) / 1000;
      const space = (r.colocUsdPerKwMonth * 12) / (WEEKS_PER_YEAR * HOURS_PER_WEEK);
      fallback = power + space + staffUsdPerKwHour;
    }
  }
  return { weightMw: w, weightedUsd: v, fallbackUsdPerKwHour: fallback };
}

/** Cash cost of running one GPU drawing `kwPerGpu` for an hour on a company's `CashCostBasis`, USD. */
export function cashCostFromBasis(kwPerGpu: number, b: CashCostBasis): number {
  if (b.weightMw <= 0) return b.fallbackUsdPerKwHour === null ? 0 : kwPerGpu * b.fallbackUsdPerKwHour;
  return (kwPerGpu * b.weightedUsd) / b.weightMw;
}


/** Highest rent anyone posts for a generation, USD per GPU-hour. */
export function rentCeilingUsd(world: World, modelId: string): number {
  const m = gpuModel(world, modelId);
  return (m?.launchUsdPerGpuHour ?? 1) * world.scenario.market.pricing.rentCeilingLaunchMultiple;
}

/**
 * The rent a company posts this week for a generation, USD per GPU-hour (before latency and
 * platform): its own price for that generation (a multiple of the generation's list rent, set by
 * its pricing desk), else its company-wide multiple of the market rent it follows (`followedRentUsd`).
 */
export function postedRentUsd(world: World, co: Company, g: GenMarket): number {
  const own = co.genPriceFactors[g.modelId];
  const rent = own !== undefined ? own * g.referenceUsdPerGpuHour : co.priceFactor * followedRentUsd(world, co, g);
  return clamp(rent, 0.01, rentCeilingUsd(world, g.modelId));
}

/**
 * What a generation's performance fetches at the market's price of compute, USD per GPU-hour: the
 * compute index (per H100e-hour, last week's) × its H100-equivalents. The rent a generation is given
 * when no other price stands for it: nobody runs it (its index), no rival offers it (a premium floor),
 * it alone is offered by a follower; and what the advisor compares an idle generation's rent with.
 */
export function performanceRentUsd(world: World, modelId: string): number {
  return world.market.computeIndexUsd * perfH100e(world, modelId);
}

/**
 * The market rent a price follower (a company with no price of its own for the generation: the
 * player who has not set one) multiplies: last week's index of the generation without its own part —
 * what everybody else offering it on demand posted, weighted by the GPUs each offered. Its own rent
 * left in, the index echoed it back: a follower at 0.9× cut its rent 10% a week when alone
 * (subsidy-cliff, played: H200s at $0.38 an hour while H100s rented for $1.83), and nearly as fast
 * as the dominant provider (price-war-2025, played: 1,000 B200s, most of the on-demand supply, at
 * 0.7× took the B200 index from $5.99 to $1.00 in 12 weeks while H200s rented for $4.60). When it
 * offered none last week that is the index itself; when nobody else offered any, what the
 * generation's performance fetches at the market's price of compute.
 */
export function followedRentUsd(world: World, co: Company, g: GenMarket): number {
  const n = co.last.odOfferedGpus[g.modelId] ?? 0;
  const own = co.last.odPostedUsdPerGpuHour[g.modelId];
  if (n <= 0 || own === undefined) return g.indexUsdPerGpuHour;
  const others = g.offeredGpus - n;
  // Fewer than one GPU offered by the others: nobody else offered it (the difference of two sums can leave a rounding remainder).
  if (!(others >= 1)) return performanceRentUsd(world, g.modelId);
  return clamp((g.indexUsdPerGpuHour * g.offeredGpus - n * own) / others, 0.01, rentCeilingUsd(world, g.modelId));
}

/**
 * What the hyperscalers pay for new compute, as a share of the vendor's price for the same
 * performance: their own chips (`agents.hyperscaler.ownChips`) are part of it at a fraction of the
 * cost. 1 when they have none.
 */
export function hyperscalerCapexFactor(world: World): number {
  const o = world.scenario.agents.hyperscaler.ownChips;
  return 1 - o.shareOfNewCapacity * (1 - o.capexShareOfMerchant);
}

/**
 * What new capacity costs per H100e-hour now: for the cheapest released generation per unit of
 * performance, its installed price (after the vendor's cuts, × `capexFactor` for a builder that
 * pays less than the vendor's price) recovered over `pricing.newCapacityPaybackYears` of running
 * hours plus its cash cost. Newer chips that offer more per dollar lower it — no rate of decay is involved.
 */
export function newCapacityCostUsdPerH100eHour(world: World, capexFactor = 1): number {
  const hours = world.scenario.market.pricing.newCapacityPaybackYears * WEEKS_PER_YEAR * HOURS_PER_WEEK;
  let best = Infinity;
  for (const g of world.market.gens) {
    if (g.releaseWeek > world.week) continue;
    const m = gpuModel(world, g.modelId);
    if (!m) continue;
    const perf = (m.trainingPerfH100 + m.inferencePerfH100) / 2;
    if (!(perf > 0)) continue;
    const cost = ((m.installedCapexUsdPerGpu * g.vendorPriceFactor * capexFactor) / hours + cashCostUsdPerGpuHour(world, null, g.modelId)) / perf;
    if (cost < best) best = cost;
  }
  return Number.isFinite(best) ? best : world.scenario.market.demand.referenceUsdPerH100Hour;
}

/**
 * The hyperscalers' on-demand price per H100e-hour — the customers' outside option: a markup
 * (`pricing.hyperscalerMarkupOverNewCapacity`) over what new capacity costs. Neocloud rents above it
 * send on-demand customers to the hyperscalers, so it caps a shortage; it falls as newer chips make
 * compute cheaper, and with the hyperscalers' own chips (`hyperscalerCapexFactor`).
 */
export function hyperscalerUsdPerH100eHour(world: World): number {
  return world.scenario.market.pricing.hyperscalerMarkupOverNewCapacity * newCapacityCostUsdPerH100eHour(world, hyperscalerCapexFactor(world));
}

/**
 * What the other providers post for a generation, USD per GPU-hour: the average of their rents
 * weighted by the GPUs each offered on-demand last week; when nobody else offers it, what its
 * performance fetches at the market's price of compute (the compute index × its H100e). A provider
 * that prices at a premium (the hyperscaler) sets its floor from this, not from an index that
 * includes its own price, which would ratchet upwards: alone with a generation, a floor at 1.2× its
 * own rent held the hyperscaler's B200s at their launch rent for years with 80–90% of them idle
 * (east-data-west-compute).
 */
export function rivalsRentUsd(world: World, co: Company, g: GenMarket): number {
  let w = 0, v = 0;
  for (const other of world.companies) {
    if (other === co || other.status !== 'active') continue;
    const n = other.last.odOfferedGpus[g.modelId] ?? 0;
    if (n <= 0) continue;
    w += n;
    v += n * postedRentUsd(world, other, g);
  }
  return w > 0 ? v / w : performanceRentUsd(world, g.modelId);
}
