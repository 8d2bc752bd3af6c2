/**
 * Figures derived from a company's state that lenders, investors, strategies and reports use.
 * None of them depends on book depreciation, so the depreciation life never changes decisions or cash.
 */
import type { Company, World } from './types.ts';
import { toUsd, HOURS_PER_WEEK, WEEKS_PER_YEAR } from './money.ts';
import { gpuModel, genMarket } from './lookup.ts';

export const cashUsd = (co: Company) => toUsd(co.ledger.balances.cash);
export const debtUsd = (co: Company) => toUsd(co.ledger.balances.debt);

/** Run-rate revenue: the last 13 weeks × 4 (early in the game, the weeks so far scaled to a year). */
export function annualisedRevenueUsd(co: Company): number {
  if (co.trailingWeeks <= 0) return 0;
  let s = 0;
  for (const v of co.trailingRevenueUsd) s += v;
  return (s * WEEKS_PER_YEAR) / Math.min(13, co.trailingWeeks);
}
export function annualisedEbitdaUsd(co: Company): number {
  if (co.trailingWeeks <= 0) return 0;
  let s = 0;
  for (const v of co.trailingEbitdaUsd) s += v;
  return (s * WEEKS_PER_YEAR) / Math.min(13, co.trailingWeeks);
}

/** Second-hand market value of one GPU of a model now, USD: new installed cost scaled by how far its rent has fallen. */
export function gpuUnitValueUsd(world: World, modelId: string): number {
  const m = gpuModel(world, modelId);
  const g = genMarket(world, modelId);
  if (!m || !g) return 0;
  const x = world.scenario.market.exits;
  const rentRatio = Math.min(x.usedValueMaxRentRatio, Math.max(x.usedValueMinRentRatio, g.indexUsdPerGpuHour / m.launchUsdPerGpuHour));
  return m.installedCapexUsdPerGpu * rentRatio * (1 - world.scenario.operations.secondHandHaircutShare) * (1 - x.glutValueDropShare * world.secondHandGlut);
}

/** Market value of the whole fleet (collateral for GPU loans), USD. */
export function fleetValueUsd(world: World, co: Company): number {
  let v = 0;
  // Lots come in runs of one model: look its figure up once per run.
  let modelId = '', unit = 0;
  for (const lot of co.lots) {
    if (lot.modelId !== modelId) { modelId = lot.modelId; unit = gpuUnitValueUsd(world, modelId); }
    v += lot.count * unit;
  }
  return v;
}

/** Contracted revenue over the next `weeks` weeks, USD. */
export function forwardContractRevenueUsd(world: World, co: Company, weeks: number, fromWeek: number = world.week): number {
  let v = 0;
  const from = fromWeek;
  const to = fromWeek + weeks;
  for (const c of co.contracts) {
    const a = Math.max(from, c.startWeek);
    const b = Math.min(to, c.endWeek);
    if (b > a) v += (b - a) * c.gpuCount * HOURS_PER_WEEK * c.usdPerGpuHour;
  }
  return v;
}

/** Backlog: contracted revenue not yet recognised, USD. */
export function backlogUsd(world: World, co: Company): number {
  let v = 0;
  for (const c of co.contracts) {
    const weeksLeft = c.endWeek - Math.max(world.week, c.startWeek);
    if (weeksLeft > 0) v += weeksLeft * c.gpuCount * HOURS_PER_WEEK * c.usdPerGpuHour;
  }
  return v;
}

/**
 * Share of each contracted model the company can actually deliver (0–1): GPUs it owns or has on
 * order against the GPUs its live and future contracts call for, times the power it has or has in
 * the pipeline against what its fleet and orders need. Lenders count only this part of the backlog.
 */
export function deliverableShareByModel(world: World, co: Company): Map<string, number> {
  const need = new Map<string, number>();
  for (const c of co.contracts) if (c.endWeek > world.week) need.set(c.modelId, (need.get(c.modelId) ?? 0) + c.gpuCount);
  const mwNeeded = fleetMwNeeded(world, co, true);
  const power = mwNeeded > 0 ? Math.min(1, pipelineMw(co) / mwNeeded) : 1;
  const out = new Map<string, number>();
  for (const [modelId, n] of need) out.set(modelId, n > 0 ? Math.min(1, gpusAvailableBy(co, modelId, Number.MAX_SAFE_INTEGER) / n) * power : 0);
  return out;
}

/** Contracted revenue over the next `weeks` that the company can deliver (see `deliverableShareByModel`), USD. */
export function deliverableForwardRevenueUsd(world: World, co: Company, weeks: number): number {
  const share = deliverableShareByModel(world, co);
  let v = 0;
  const to = world.week + weeks;
  for (const c of co.contracts) {
    const a = Math.max(world.week, c.startWeek);
    const b = Math.min(to, c.endWeek);
    if (b > a) v += (b - a) * c.gpuCount * HOURS_PER_WEEK * c.usdPerGpuHour * (share.get(c.modelId) ?? 0);
  }
  return v;
}

/** Backlog lenders lend against: contracted revenue not yet recognised that the company can deliver, USD. */
export function deliverableBacklogUsd(world: World, co: Company): number {
  return deliverableForwardRevenueUsd(world, co, Number.MAX_SAFE_INTEGER - world.week);
}

/**
 * EBITDA lenders underwrite: the larger of the delivered run-rate and a share
 * (`finance.underwrittenContractMarginShare`) of next year's contracted revenue the company can deliver.
 */
export function underwrittenEbitdaUsd(world: World, co: Company): number {
  return Math.max(annualisedEbitdaUsd(co), world.scenario.finance.underwrittenContractMarginShare * deliverableForwardRevenueUsd(world, co, WEEKS_PER_YEAR));
}

/** Debt / underwritten EBITDA; Infinity when there is debt and no EBITDA. */
export function leverage(world: World, co: Company, extraDebtUsd = 0): number {
  const d = debtUsd(co) + extraDebtUsd;
  if (d <= 0) return 0;
  const e = underwrittenEbitdaUsd(world, co);
  return e > 0 ? d / e : Infinity;
}

/** Debt / market value of assets (cash + fleet value + facilities at cost + deposits + construction). */
export function debtToMarketAssets(world: World, co: Company, extraDebtUsd = 0): number {
  const b = co.ledger.balances;
  const assets = toUsd(b.cash + b.facilities + b.construction + b.gpuDeposits) + fleetValueUsd(world, co) + extraDebtUsd;
  const d = debtUsd(co) + extraDebtUsd;
  return assets > 0 ? d / assets : d > 0 ? Infinity : 0;
}

export function gpusOwned(co: Company): number {
  let n = 0;
  for (const l of co.lots) n += l.count;
  return n;
}
export function gpusInstalled(co: Company): number {
  let n = 0;
  for (const l of co.lots) n += l.installed;
  return n;
}
export function gpusOnOrder(co: Company, modelId?: string): number {
  let n = 0;
  for (const o of co.orders) if (!modelId || o.modelId === modelId) n += o.count;
  return n;
}
export function gpusOwnedOf(co: Company, modelId: string): number {
  let n = 0;
  for (const l of co.lots) if (l.modelId === modelId) n += l.count;
  return n;
}

/** Installed capacity in H100-equivalents (training and inference averaged by the market's inference share). */
export function capacityH100e(world: World, co: Company, installedOnly = true): number {
  let h = 0;
  let modelId = '', perf = 0;
  for (const l of co.lots) {
    if (l.modelId !== modelId) { modelId = l.modelId; perf = perfH100e(world, modelId); }
    h += (installedOnly ? l.installed : l.count) * perf;
  }
  return h;
}

/** Blended H100-equivalence of one GPU given today's mix of training and inference demand. */
export function perfH100e(world: World, modelId: string): number {
  const m = gpuModel(world, modelId);
  if (!m) return 0;
  const inf = world.market.inferenceShare;
  return m.trainingPerfH100 * (1 - inf) + m.inferencePerfH100 * inf;
}

/** Energised MW (sites ready and connected). */
export function energisedMw(co: Company): number {
  let mw = 0;
  for (const s of co.sites) if (s.status === 'energised') mw += s.powerMw;
  return mw;
}
/** MW energised or under way. */
export function pipelineMw(co: Company): number {
  let mw = 0;
  for (const s of co.sites) mw += s.powerMw;
  return mw;
}

/** IT MW the fleet (and optionally open orders) needs. */
export function fleetMwNeeded(world: World, co: Company, includeOrders: boolean): number {
  let kw = 0;
  let modelId = '', kwPerGpu = 0;
  for (const l of co.lots) {
    if (l.modelId !== modelId) { modelId = l.modelId; kwPerGpu = gpuModel(world, modelId)?.kwPerGpu ?? 0; }
    kw += l.count * kwPerGpu;
  }
  if (includeOrders) for (const o of co.orders) kw += o.count * (gpuModel(world, o.modelId)?.kwPerGpu ?? 0);
  return kw / 1000;
}

/** Contracted GPUs of a model live at a week. */
export function contractedGpus(co: Company, modelId: string, week: number): number {
  let n = 0;
  for (const c of co.contracts) if (c.modelId === modelId && c.startWeek <= week && week < c.endWeek) n += c.gpuCount;
  return n;
}

/** GPUs of a model the company will have (owned + arriving by `week`). */
export function gpusAvailableBy(co: Company, modelId: string, week: number): number {
  let n = gpusOwnedOf(co, modelId);
  for (const o of co.orders) if (o.modelId === modelId && o.deliveryWeek <= week) n += o.count;
  return n;
}

/**
 * Equity value: market cap if listed, else the private mark (both follow `companyValuation` in
 * finance/valuation.ts, updated every week); 0 once bankrupt — shareholders get nothing.
 */
export function equityValueUsd(co: Company): number {
  if (co.status !== 'active') return 0;
  return co.listed && co.sharePriceUsd !== null ? co.sharePriceUsd * co.sharesOutstanding : co.lastValuationUsd;
}

export function undrawnRevolverUsd(co: Company): number {
  let drawn = 0;
  for (const d of co.debts) if (d.kind === 'revolver') drawn += d.principalCents;
  return Math.max(0, co.revolverLimitUsd - toUsd(drawn));
}
