/**
 * GPUs: vendor prices, delivery of orders, installation into powered space, depreciation and sale.
 */
import type { Company, GpuLot, World } from './types.ts';
import { bookCents } from './ledger.ts';
import { toCents, toUsd, WEEKS_PER_YEAR } from './money.ts';
import { gpuModel, genMarket, region, regionState } from './lookup.ts';
import { addDebt } from './finance/debt.ts';
import { gpuUnitValueUsd } from './metrics.ts';
import { cashCostUsdPerGpuHour, hyperscalerCapexFactor } from './market/rents.ts';

/** Oldest lots first (then by id): the first sold, auctioned or switched off, the last to come back. */
export const oldestLotFirst = (a: GpuLot, b: GpuLot): number => a.inServiceWeek - b.inServiceWeek || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Is a model barred from a region by export controls? New GPUs are (orders, and GPUs that entered
 * service once the control was in force); GPUs in service before it — `inServiceWeek` earlier than
 * the control's week, already inside the bloc — keep running there (A100s bought before October 2022
 * still run in China).
 */
export function exportBlocked(world: World, modelId: string, regionId: string, inServiceWeek = Infinity): boolean {
  const controls = world.policy.exportControls;
  if (controls.length === 0) return false;
  const bloc = region(world, regionId)?.bloc;
  for (const ec of controls) if (ec.modelIds.includes(modelId) && bloc && ec.blockedBlocs.includes(bloc) && inServiceWeek >= ec.sinceWeek) return true;
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
  const v = world.scenario.market.vendor;
  const shortage = Math.max(0, (world.market.leadTimeWeeks - v.leadTimeWeeksNormal) / Math.max(1, v.leadTimeWeeksShortage - v.leadTimeWeeksNormal));
  // The hyperscaler rival builds part of its compute on its own chips: it pays less per GPU-equivalent.
  const own = co.strategy === 'hyperscaler' ? hyperscalerCapexFactor(world) : 1;
  return own * m.installedCapexUsdPerGpu * g.vendorPriceFactor * (1 + v.shortagePricePremiumShare * shortage) * (1 + uplift) * Math.max(0, 1 - Math.min(world.scenario.operations.subsidyMaxShare, subsidy));
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
      addDebt(world, co, { kind: 'vendor', amountUsd: toUsd(financed), fixedRatePct: f.vendorFinancingRatePct, spreadPct: 0, termWeeks: f.vendorFinancingTermWeeks, amortizing: true, residualShare: f.loanResidualShare, booking: 'gpuVendorFinanced' });
    }
    co.lots.push({ id: `l${co.nextId++}`, modelId: o.modelId, count: o.count, installed: 0, inServiceWeek: world.week, costCents: o.totalCents, accumDepCents: 0, offCount: 0, offSinceWeek: -1 });
  }
  co.orders = keep;
}

/** Order of lot ids (plain string order, as everywhere ids break ties). */
const byIdOrder = (a: GpuLot, b: GpuLot) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Installation order of a company's lots, kept between weeks (working memory, not state) for the
 * lots array it was made from: the lots sorted by id, the distinct models among them (and each
 * lot's model as a position in that list), and the last order with the model ranking it was made
 * for. Reused only while the array holds exactly the same lots in the same places; lots appended
 * since (deliveries) are inserted by id; anything else starts afresh.
 */
interface LotOrder {
  members: GpuLot[];
  byId: GpuLot[];
  models: string[];
  modelOf: Int32Array;
  ranks: Int32Array;
  order: GpuLot[];
  /** Each lot's model in `order`, as a position in `models`. */
  orderModel: Int32Array;
}
const lotOrders = new WeakMap<GpuLot[], LotOrder>();

function lotOrder(lots: GpuLot[]): LotOrder {
  const c = lotOrders.get(lots);
  let prefix = c !== undefined && c.members.length <= lots.length;
  if (c && prefix) for (let i = 0; i < c.members.length; i++) if (c.members[i] !== lots[i]) { prefix = false; break; }
  if (c && prefix && c.members.length === lots.length) return c;
  let byId: GpuLot[];
  if (c && prefix) {
    byId = c.byId.slice();
    for (let i = c.members.length; i < lots.length; i++) {
      const lot = lots[i]!;
      let lo = 0, hi = byId.length;
      while (lo < hi) { const mid = (lo + hi) >>> 1; if (byIdOrder(byId[mid]!, lot) < 0) lo = mid + 1; else hi = mid; }
      byId.splice(lo, 0, lot);
    }
  } else {
    byId = lots.slice().sort(byIdOrder);
  }
  const models: string[] = [];
  const modelOf = new Int32Array(byId.length);
  byId.forEach((l, k) => {
    let m = models.indexOf(l.modelId);
    if (m < 0) m = models.push(l.modelId) - 1;
    modelOf[k] = m;
  });
  const fresh: LotOrder = { members: lots.slice(), byId, models, modelOf, ranks: new Int32Array(0), order: byId, orderModel: modelOf };
  lotOrders.set(lots, fresh);
  return fresh;
}

/**
 * The order GPUs are installed in: most valuable model first (second-hand value per GPU), lots of
 * equally valued models by id — the order of sorting the lots by (value descending, id), without
 * comparing lots. A model's rank is how many models are worth more, so equal values share a rank.
 * The ranking rarely changes from week to week; then last week's order is reused as is.
 */
function installOrder(world: World, co: Company): LotOrder {
  const c = lotOrder(co.lots);
  const n = c.models.length;
  if (n <= 1) return c;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = gpuUnitValueUsd(world, c.models[i]!);
  const ranks = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let j = 0; j < n; j++) if (values[j]! > values[i]!) r++;
    ranks[i] = r;
  }
  let same = c.ranks.length === n;
  for (let i = 0; same && i < n; i++) same = ranks[i] === c.ranks[i];
  if (same) return c;
  const order: GpuLot[] = [];
  const orderModel = new Int32Array(c.byId.length);
  for (let r = 0; r < n; r++) {
    for (let k = 0; k < c.byId.length; k++) {
      if (ranks[c.modelOf[k]!] === r) { orderModel[order.length] = c.modelOf[k]!; order.push(c.byId[k]!); }
    }
  }
  c.ranks = ranks;
  c.order = order;
  c.orderModel = orderModel;
  return c;
}

/**
 * Install GPUs into energised space, newest (most valuable) first, region by region, respecting
 * export controls and grid curtailment; switched-off GPUs are left out. Writes each lot's `installed` and returns per-region IT kW in use.
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
  if (co.lots.length === 0) return;
  const { order: lots, orderModel, models } = installOrder(world, co);
  const kwOf = models.map((m) => gpuModel(world, m)?.kwPerGpu ?? 1);
  const regions = [...capKw.keys()].sort();
  const capOf = Float64Array.from(regions, (r) => capKw.get(r)!);
  const usedOf = new Float64Array(regions.length);
  // Regions in the order they first receive GPUs: the order of `kwByRegion`, which site costs sum in.
  const firstUse: number[] = [];
  const controls = world.policy.exportControls.length > 0;
  for (let k = 0; k < lots.length; k++) {
    const lot = lots[k]!;
    const kw = kwOf[orderModel[k]!]!;
    // Switched-off GPUs (market/exits.ts) stay out of the powered space.
    const on = lot.count - lot.offCount;
    let left = on;
    for (let j = 0; j < regions.length; j++) {
      if (left <= 0) break;
      if (controls && exportBlocked(world, lot.modelId, regions[j]!, lot.inServiceWeek)) continue;
      const free = capOf[j]! - usedOf[j]!;
      const n = Math.min(left, Math.floor(free / kw + 1e-9));
      if (n <= 0) continue;
      if (!firstUse.includes(j)) firstUse.push(j);
      usedOf[j] = usedOf[j]! + n * kw;
      left -= n;
    }
    lot.installed = on - left;
  }
  for (const j of firstUse) kwByRegion.set(regions[j]!, usedOf[j]!);
}

/**
 * Straight-line depreciation of every lot: remaining book value over remaining life (a life change
 * applies from now on). Each lot's charge is whole cents; the week's charges are booked as one
 * total, which leaves the ledger exactly where lot-by-lot bookings would.
 */
export function depreciateFleet(world: World, co: Company): void {
  const lifeWeeks = co.depreciationYears * WEEKS_PER_YEAR;
  let total = 0;
  for (const lot of co.lots) {
    const nbv = lot.costCents - lot.accumDepCents;
    if (nbv <= 0) continue;
    const remaining = lifeWeeks - (world.week - lot.inServiceWeek);
    const dep = Math.min(nbv, remaining <= 1 ? nbv : Math.round(nbv / remaining));
    if (!(dep > 0) || !Number.isInteger(dep)) continue;
    lot.accumDepCents += dep;
    total += dep;
  }
  bookCents(co.ledger, 'gpuDepreciation', total);
}

/** Sell `count` GPUs of a model at the second-hand price, idle ones and oldest lots first. Returns proceeds, USD. */
export function sellGpus(world: World, co: Company, modelId: string, count: number): number {
  const unit = gpuUnitValueUsd(world, modelId);
  let left = count;
  let proceedsTotal = 0;
  for (const lot of co.lots.filter((l) => l.modelId === modelId).sort(oldestLotFirst)) {
    if (left <= 0) break;
    const n = Math.min(left, lot.count);
    const proceeds = toCents(n * unit);
    disposeFromLot(co, lot, n, proceeds);
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
  co.lots.push({ id: `l${co.nextId++}`, modelId, count, installed: 0, inServiceWeek: -ageWeeks, costCents: cost, accumDepCents: dep, offCount: 0, offSinceWeek: -1 });
}

/**
 * A bankrupt company's GPUs go to auction at the second-hand price (already pushed down by the
 * glut the bankruptcy adds). Lot by lot, oldest first, companies bid while the generation's rent
 * covers their own cash cost by `market.exits.auctionBuyerRentOverCashCost`, for what fits their
 * idle powered space and a share of their cash (`auctionMaxShareOfBuyerCash`); the company with the
 * most idle space buys first. The buyer pays cash for a new lot (in service now, ramping like any
 * delivery); the bankrupt estate books the proceeds against the GPUs' book value. What nobody buys is
 * scrapped (written off). The fleet returns to supply in new hands — the second wave of a price war.
 * Returns the GPUs sold and scrapped.
 */
export function auctionFleet(world: World, co: Company): { sold: number; scrapped: number } {
  const x = world.scenario.market.exits;
  let sold = 0, scrapped = 0;
  if (!x.auctionBankruptFleets) return { sold, scrapped };
  const budget = new Map<number, number>();
  const freeKw = new Map<number, number>();
  const buyers = world.companies.filter((b) => b !== co && b.status === 'active' && (b.index > 0 || (world.playerAutopilot !== null && world.playerAutopilot !== 'player')));
  for (const b of buyers) {
    budget.set(b.index, Math.max(0, toUsd(b.ledger.balances.cash) * x.auctionMaxShareOfBuyerCash));
    freeKw.set(b.index, Math.max(0, (b.last.powerMwAvailable - b.last.powerMwUsed) * 1000));
  }
  const lots = co.lots.slice().sort(oldestLotFirst);
  for (const lot of lots) {
    const m = gpuModel(world, lot.modelId);
    const g = genMarket(world, lot.modelId);
    if (!m || !g) continue;
    const unit = gpuUnitValueUsd(world, lot.modelId);
    const ranked = buyers
      .filter((b) => g.indexUsdPerGpuHour >= x.auctionBuyerRentOverCashCost * cashCostUsdPerGpuHour(world, b, lot.modelId) && b.sites.some((s) => !exportBlocked(world, lot.modelId, s.regionId)))
      .sort((a, b) => freeKw.get(b.index)! - freeKw.get(a.index)! || a.index - b.index);
    let left = lot.count;
    for (const b of ranked) {
      if (left <= 0) break;
      const n = Math.min(left, Math.floor(freeKw.get(b.index)! / m.kwPerGpu), unit > 0 ? Math.floor(budget.get(b.index)! / unit) : left);
      if (n <= 0) continue;
      const cents = bookCents(b.ledger, 'gpuBalancePaid', toCents(n * unit));
      b.lots.push({ id: `l${b.nextId++}`, modelId: lot.modelId, count: n, installed: 0, inServiceWeek: world.week, costCents: cents, accumDepCents: 0, offCount: 0, offSinceWeek: -1 });
      budget.set(b.index, budget.get(b.index)! - toUsd(cents));
      freeKw.set(b.index, freeKw.get(b.index)! - n * m.kwPerGpu);
      disposeFromLot(co, lot, n, cents);
      sold += n;
      left -= n;
    }
    if (left > 0) { disposeFromLot(co, lot, left, 0); scrapped += left; }
  }
  co.lots = co.lots.filter((l) => l.count > 0);
  return { sold, scrapped };
}

/** Take `n` GPUs out of a lot for `proceedsCents`, booking the disposal against their book value. */
function disposeFromLot(co: Company, lot: GpuLot, n: number, proceedsCents: number): void {
  const whole = n === lot.count;
  const cost = whole ? lot.costCents : Math.round((lot.costCents * n) / lot.count);
  const dep = whole ? lot.accumDepCents : Math.round((lot.accumDepCents * n) / lot.count);
  const nbv = cost - dep;
  bookCents(co.ledger, 'gpuDisposedDep', dep);
  if (proceedsCents >= nbv) {
    bookCents(co.ledger, 'gpuSaleProceeds', nbv);
    bookCents(co.ledger, 'gainOnSale', proceedsCents - nbv);
  } else {
    bookCents(co.ledger, 'gpuSaleProceeds', proceedsCents);
    bookCents(co.ledger, 'lossOnSale', nbv - proceedsCents);
  }
  lot.count -= n;
  lot.costCents -= cost;
  lot.accumDepCents -= dep;
  lot.offCount = Math.min(lot.offCount, lot.count);
  if (lot.offCount === 0) lot.offSinceWeek = -1;
  lot.installed = Math.min(lot.installed, lot.count - lot.offCount);
}
