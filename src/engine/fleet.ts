/**
 * GPUs: vendor prices, delivery of orders, installation into powered space, depreciation and sale.
 */
import type { Company, GpuLot, World } from './types.ts';
import { bookCents } from './ledger.ts';
import { toCents, toUsd, WEEKS_PER_YEAR } from './money.ts';
import { gpuModel, genMarket, region, regionState } from './lookup.ts';
import { addDebt } from './finance/debt.ts';
import { gpuUnitValueUsd } from './metrics.ts';

/** Is a model barred from a region by export controls? */
export function exportBlocked(world: World, modelId: string, regionId: string): boolean {
  const bloc = region(world, regionId)?.bloc;
  for (const ec of world.policy.exportControls) if (ec.modelIds.includes(modelId) && bloc && ec.blockedBlocs.includes(bloc)) return true;
  return false;
}

function applies(list: string[] | null, id: string): boolean {
  return list === null || list.includes(id);
}

/**
 * Price per GPU a company pays the vendor now, USD: installed cost × the vendor's price factor
 * (cuts on old generations, shortage premium), plus tariffs and licence uplifts, less subsidies.
 * Regional policies apply when all of the company's sites are in the region list.
 */
export function gpuUnitPriceUsd(world: World, co: Company, modelId: string): number {
  const m = gpuModel(world, modelId);
  const g = genMarket(world, modelId);
  if (!m || !g) return 0;
  const home = co.sites[0]?.regionId ?? '';
  let uplift = 0;
  for (const t of world.policy.tariffs) if (applies(t.modelIds, modelId) && applies(t.regionIds, home)) uplift += t.pct / 100;
  for (const ec of world.policy.exportControls) if (ec.modelIds.includes(modelId)) uplift += ec.costUpliftPct / 100;
  let subsidy = 0;
  for (const s of world.policy.subsidies) {
    if (s.on !== 'gpuCapex' || world.week > s.untilWeek) continue;
    if ((s.vendors === null || s.vendors.includes(m.vendor)) && applies(s.modelIds, modelId) && applies(s.regionIds, home)) subsidy += s.sharePct / 100;
  }
  const shortage = Math.max(0, (world.market.leadTimeWeeks - world.scenario.market.vendor.leadTimeWeeksNormal) / Math.max(1, world.scenario.market.vendor.leadTimeWeeksShortage - world.scenario.market.vendor.leadTimeWeeksNormal));
  return m.installedCapexUsdPerGpu * g.vendorPriceFactor * (1 + 0.25 * shortage) * (1 + uplift) * Math.max(0, 1 - Math.min(0.9, subsidy));
}

/** Deliver orders due this week: apply the deposit, pay the balance (less vendor financing), add a lot. */
export function deliverOrders(world: World, co: Company): void {
  if (co.orders.length === 0) return;
  const keep = [];
  for (const o of co.orders) {
    if (o.deliveryWeek > world.week) { keep.push(o); continue; }
    bookCents(co.ledger, 'gpuDepositApplied', o.depositCents);
    const rest = o.totalCents - o.depositCents;
    const financed = Math.min(rest, Math.round(o.totalCents * o.vendorFinancedShare));
    bookCents(co.ledger, 'gpuBalancePaid', rest - financed);
    if (financed > 0) {
      const f = world.scenario.finance;
      addDebt(world, co, { kind: 'vendor', amountUsd: toUsd(financed), fixedRatePct: f.vendorFinancingRatePct, spreadPct: 0, termWeeks: f.vendorFinancingTermWeeks, amortizing: true, booking: 'gpuVendorFinanced' });
    }
    co.lots.push({ id: `l${co.nextId++}`, modelId: o.modelId, count: o.count, installed: 0, inServiceWeek: world.week, costCents: o.totalCents, accumDepCents: 0 });
  }
  co.orders = keep;
}

/**
 * Install GPUs into energised space, newest (most valuable) first, region by region, respecting
 * export controls and grid curtailment. Writes each lot's `installed` and returns per-region IT kW in use.
 */
export function installFleet(world: World, co: Company, kwByRegion: Map<string, number>): void {
  kwByRegion.clear();
  const capKw = new Map<string, number>();
  for (const s of co.sites) {
    if (s.status !== 'energised') continue;
    const rs = regionState(world, s.regionId);
    const curtail = rs && rs.curtailUntilWeek > world.week ? rs.curtailShare : 0;
    capKw.set(s.regionId, (capKw.get(s.regionId) ?? 0) + s.powerMw * 1000 * (1 - curtail));
  }
  const value = new Map<string, number>();
  for (const l of co.lots) if (!value.has(l.modelId)) value.set(l.modelId, gpuUnitValueUsd(world, l.modelId));
  const lots = co.lots.slice().sort((a, b) => value.get(b.modelId)! - value.get(a.modelId)! || (a.id < b.id ? -1 : 1));
  const regions = [...capKw.keys()].sort();
  for (const lot of lots) {
    const kw = gpuModel(world, lot.modelId)?.kwPerGpu ?? 1;
    let left = lot.count;
    for (const r of regions) {
      if (left <= 0) break;
      if (exportBlocked(world, lot.modelId, r)) continue;
      const free = (capKw.get(r) ?? 0) - (kwByRegion.get(r) ?? 0);
      const n = Math.min(left, Math.floor(free / kw + 1e-9));
      if (n <= 0) continue;
      kwByRegion.set(r, (kwByRegion.get(r) ?? 0) + n * kw);
      left -= n;
    }
    lot.installed = lot.count - left;
  }
}

/** Straight-line depreciation of every lot: remaining book value over remaining life (a life change applies from now on). */
export function depreciateFleet(world: World, co: Company): void {
  const lifeWeeks = co.depreciationYears * WEEKS_PER_YEAR;
  for (const lot of co.lots) {
    const nbv = lot.costCents - lot.accumDepCents;
    if (nbv <= 0) continue;
    const remaining = lifeWeeks - (world.week - lot.inServiceWeek);
    const dep = remaining <= 1 ? nbv : Math.round(nbv / remaining);
    lot.accumDepCents += bookCents(co.ledger, 'gpuDepreciation', Math.min(nbv, dep));
  }
}

/** Sell `count` GPUs of a model at the second-hand price, idle ones and oldest lots first. Returns proceeds, USD. */
export function sellGpus(world: World, co: Company, modelId: string, count: number): number {
  const unit = gpuUnitValueUsd(world, modelId);
  let left = count;
  let proceedsTotal = 0;
  const lots = co.lots.filter((l) => l.modelId === modelId).sort((a, b) => a.inServiceWeek - b.inServiceWeek || (a.id < b.id ? -1 : 1));
  for (const lot of lots) {
    if (left <= 0) break;
    const n = Math.min(left, lot.count);
    const share = n / lot.count;
    const cost = n === lot.count ? lot.costCents : Math.round(lot.costCents * share);
    const dep = n === lot.count ? lot.accumDepCents : Math.round(lot.accumDepCents * share);
    const nbv = cost - dep;
    const proceeds = toCents(n * unit);
    bookCents(co.ledger, 'gpuDisposedDep', dep);
    if (proceeds >= nbv) {
      bookCents(co.ledger, 'gpuSaleProceeds', nbv);
      bookCents(co.ledger, 'gainOnSale', proceeds - nbv);
    } else {
      bookCents(co.ledger, 'gpuSaleProceeds', proceeds);
      bookCents(co.ledger, 'lossOnSale', nbv - proceeds);
    }
    lot.count -= n;
    lot.costCents -= cost;
    lot.accumDepCents -= dep;
    lot.installed = Math.min(lot.installed, lot.count);
    proceedsTotal += toUsd(proceeds);
    left -= n;
  }
  co.lots = co.lots.filter((l: GpuLot) => l.count > 0);
  return proceedsTotal;
}

/** Opening fleet at week 0: cost at installed capex, depreciation for the age already run. */
export function openingLot(world: World, co: Company, modelId: string, count: number, ageWeeks: number): void {
  const m = gpuModel(world, modelId);
  if (!m || count <= 0) return;
  const cost = toCents(count * m.installedCapexUsdPerGpu);
  const life = co.depreciationYears * WEEKS_PER_YEAR;
  const dep = Math.min(cost, Math.round((cost * Math.min(ageWeeks, life)) / life));
  bookCents(co.ledger, 'openingGpus', cost);
  bookCents(co.ledger, 'openingGpuDep', dep);
  co.lots.push({ id: `l${co.nextId++}`, modelId, count, installed: 0, inServiceWeek: -ageWeeks, costCents: cost, accumDepCents: dep });
}

