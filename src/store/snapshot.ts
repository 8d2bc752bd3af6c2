/**
 * A compact, plain-data view of the World for the UI: derived at most once per frame (in the
 * worker or in-thread), posted to the main thread and put into the store. Nothing here feeds back
 * into the simulation.
 */
import type { World, Company, Debt, Contract, Rfp, NewsItem, CapTableEntry, SiteKind, SiteStatus, StrategyId, GenMarket } from '../engine/types.ts';
import type { Command } from '../engine/commands/types.ts';
import type { QuarterReport, MarketQuarter } from '../engine/reports.ts';
import type { Localized } from '../scenario/schema/index.ts';
import { dateOfWeek, quarterLabel, quarterIndexOfWeek } from '../engine/calendar.ts';
import { advise, type Advice } from '../engine/advisor.ts';
import { openingFigures } from '../engine/opening.ts';
import { deliveryStatus, type DeliveryStatus } from '../engine/contracts.ts';
import { rentOverIndex } from '../engine/rentOverIndex.ts';
import { suggestedBidUsd } from '../engine/commands/market.ts';
import { msgOf, type Msg } from '../engine/msg.ts';
import { commitmentViews, type CommitmentView } from '../engine/finance/commitment.ts';

export type Speed = 0 | 1 | 2 | 4;
export type PauseReason = { kind: 'user' } | { kind: 'news'; newsId: string } | { kind: 'quarter'; label: string } | { kind: 'over' };

export interface SiteView {
  id: string;
  regionId: string;
  kind: SiteKind;
  status: SiteStatus;
  powerMw: number;
  readyWeek: number;
  gridWeek: number;
  /** 0–1 progress of the site's current phase: capital paid while a campus is built, then its wait for the grid; a hall's or powered site's fit-out; 1 when energised. */
  progress: number;
  /** Share of this site's power in use (estimated from the company's total). */
  usedShare: number;
}

export interface FleetRow { modelId: string; name: string; count: number; installed: number; bookUsd: number }
export interface OrderView { id: string; modelId: string; name: string; count: number; deliveryWeek: number; totalUsd: number; vendorFinancedShare: number }

export interface PlayerView {
  name: string;
  status: Company['status'];
  /** Creditors took part of the equity and cut the debt (its one restructuring): still active, but it defaulted. */
  restructured: boolean;
  bankruptReason: string | null;
  strategy: StrategyId;
  cashUsd: number;
  debtUsd: number;
  deferredRevenueUsd: number;
  equityBookUsd: number;
  totalAssetsUsd: number;
  listed: boolean;
  sharePriceUsd: number | null;
  marketCapUsd: number | null;
  lastValuationUsd: number;
  sharesOutstanding: number;
  lockupEndWeek: number | null;
  ipoWeek: number | null;
  capTable: CapTableEntry[];
  debts: Debt[];
  revolverLimitUsd: number;
  /** Committed delayed-draw facilities (finance/commitment.ts), in signing order; empty without. */
  commitments: CommitmentView[];
  covenantBreaches: number;
  spreadStepUpPct: number;
  fleet: FleetRow[];
  gpusOwned: number;
  gpusInstalled: number;
  gpusRented: number;
  orders: OrderView[];
  sites: SiteView[];
  /** The player's contracts, each with where its delivery stands this week (`deliveryStatus`). */
  contracts: (Contract & { delivery: DeliveryStatus })[];
  depreciationYears: 4 | 5 | 6;
  priceFactor: number;
  platformUsdPerWeek: number;
  platformMaturity: number;
  last: Company['last'];
  /** Average net cash change per week over the last 13 weeks (operating + investing), USD. */
  weeklyBurnUsd: number;
  /** Weeks until a scheduled payment would be missed (the advisor's runway); null: none within its horizon. */
  runwayWeeks: number | null;
  /** Equity value as the engine reports it (0 after bankruptcy). */
  equityValueUsd: number;
  backlogUsd: number;
}

export interface RivalView {
  index: number;
  id: string;
  name: string;
  strategy: StrategyId;
  status: Company['status'];
  gpus: number;
  installed: number;
  utilization: number;
  cashUsd: number;
  debtUsd: number;
  sharePriceUsd: number | null;
  valuationUsd: number;
  priceFactor: number;
  /** What it charged on demand last week ÷ the index, GPU-weighted over its generations (`rentOverIndex`); null: it offered none or is not active. */
  rentOverIndex: number | null;
  /** Energised and planned MW per region id. */
  mwByRegion: Record<string, number>;
}

export interface RegionView {
  id: string;
  name: Localized;
  bloc: string;
  mapX: number;
  mapY: number;
  powerUsdPerMwh: number;
  pue: number;
  colocUsdPerKwMonth: number;
  colocAvailableMw: number;
  gridAvailableMw: number;
  poweredSiteAvailableMw: number;
  usedMw: number;
  capacityMw: number;
  curtailShare: number;
  buildWeeks: number;
  gridQueueWeeks: number;
  buildCapexUsdPerMw: number;
  poweredSiteUsdPerMw: number;
  colocLeadWeeks: number;
  poweredSiteLeadWeeks: number;
}

export interface GenView extends GenMarket { name: string; kwPerGpu: number; gpuPriceUsd: number; installedCapexUsdPerGpu: number; liquidCooled: boolean; released: boolean; vendor: string }

export interface MarketView {
  gens: GenView[];
  demandH100e: number;
  supplyH100e: number;
  utilization: number;
  h100IndexUsd: number;
  leadTimeWeeks: number;
  baseRatePct: number;
  sentiment: number;
  /** True at week 0: index, utilisation, sentiment, demand, supply and each generation's index/peak/installed GPUs (and rivals' utilisation) are the engine's first clearing (src/engine/opening.ts), not a traded week yet. */
  opening: boolean;
}

export interface Snapshot {
  /** Increases with every snapshot. */
  seq: number;
  scenarioId: string;
  seed: number;
  week: number;
  lengthWeeks: number;
  dateIso: string;
  quarterLabel: string;
  status: World['status'];
  statusReason: string | null;
  over: boolean;
  speed: Speed;
  paused: boolean;
  pauseReason: PauseReason | null;
  player: PlayerView;
  rivals: RivalView[];
  regions: RegionView[];
  market: MarketView;
  /** The engine's advisor: runway, payment schedule, covenant projection, warnings, game-over reason. */
  advice: Advice;
  /** Open requests, each with the bid the form starts from (`suggestedBidUsd`: the lower of its ceiling and its generation's index as shown). */
  rfps: (Rfp & { suggestedBidUsd: number })[];
  closedRfps: Rfp[];
  news: NewsItem[];
  newsTotal: number;
  /** The player's closed quarters (the runner's quarter shape). */
  quarters: QuarterReport[];
  marketQuarters: MarketQuarter[];
  /** Player commands issued so far. */
  commandCount: number;
  /** The player's commands queued for this week (not yet played), in order; each can still be withdrawn (`host.cancel(index)`). */
  queued: Command[];
  /** Player commands refused when their tick came (the game's rules, e.g. not enough cash), latest last. */
  refusedCommands: { week: number; type: string; reason: Msg }[];
  /** How many player commands were refused at their tick in the whole game. */
  refusedTotal: number;
  /** Set when the engine threw: the game is stopped and must be reloaded from a save. */
  engineError: string | null;
  /** The scenario's objectives as the engine evaluates them now, and the score (equity value per share). */
  objectives: { label: Localized; met: boolean; detail: Msg }[];
  score: number;
}

const NEWS_KEEP = 60;
const CLOSED_RFP_KEEP = 40;

function companyDebtUsd(c: Company): number {
  return c.ledger.balances.debt / 100;
}

function fleetOf(world: World, c: Company): FleetRow[] {
  const rows = new Map<string, FleetRow>();
  for (const lot of c.lots) {
    let r = rows.get(lot.modelId);
    if (!r) {
      const m = world.scenario.gpus.find((g) => g.id === lot.modelId);
      r = { modelId: lot.modelId, name: m?.name ?? lot.modelId, count: 0, installed: 0, bookUsd: 0 };
      rows.set(lot.modelId, r);
    }
    r.count += lot.count;
    r.installed += lot.installed;
    r.bookUsd += (lot.costCents - lot.accumDepCents) / 100;
  }
  return [...rows.values()];
}

function siteProgress(world: World, s: Company['sites'][number]): number {
  if (s.status === 'energised') return 1;
  // A campus under construction: the share of its capital cost paid (paid weekly over the build).
  if (s.kind === 'campus' && s.status === 'building' && s.facilityCostCents > 0) {
    return Math.max(0, Math.min(0.99, 1 - s.capexRemainingCents / s.facilityCostCents));
  }
  // Built, waiting for its grid connection: the wait since the building was ready.
  if (s.status === 'awaitingGrid') {
    const wait = s.gridWeek - s.readyWeek;
    return wait > 0 ? Math.max(0, Math.min(0.99, (world.week - s.readyWeek) / wait)) : 0.99;
  }
  // Fit-out of a leased hall or a bought powered site: the start week is not stored, so the
  // region's lead time estimates it.
  const region = world.scenario.regions.find((r) => r.id === s.regionId);
  const span = !region ? 26 : s.kind === 'powered' ? Math.max(region.poweredSiteLeadWeeks, 1) : Math.max(region.colocLeadWeeks, 1);
  return Math.max(0, Math.min(0.99, 1 - (s.readyWeek - world.week) / span));
}

/** Rolling per-week cash history kept by the host for the runway estimate. */
export class CashHistory {
  private values: number[] = [];
  push(cashUsd: number, financingUsd: number): void {
    this.values.push(cashUsd - financingUsd);
    if (this.values.length > 14) this.values.shift();
  }
  weeklyChange(): number {
    if (this.values.length < 2) return 0;
    return (this.values[this.values.length - 1]! - this.values[0]!) / (this.values.length - 1);
  }
  reset(): void {
    this.values = [];
  }
}

export interface SnapshotExtras {
  objectives: { label: Localized; met: boolean; detail: Msg }[];
  score: number;
  seq: number;
  speed: Speed;
  paused: boolean;
  pauseReason: PauseReason | null;
  weeklyChangeUsd: number;
  commandCount: number;
  engineError: string | null;
}

const REFUSED_KEEP = 20;

export function makeSnapshot(world: World, x: SnapshotExtras): Snapshot {
  const sc = world.scenario;
  const p = world.companies[0]!;
  const b = p.ledger.balances;
  const cashUsd = b.cash / 100;
  // Week 0: no week has been traded yet; show the opening state as the engine's first tick computes it.
  const opening = openingFigures(world, structuredClone);
  const pLast = opening ? { ...p.last, utilization: opening.playerUtilization, powerMwUsed: opening.playerPowerMwUsed, powerMwAvailable: opening.playerPowerMwAvailable } : p.last;
  const totalAvail = pLast.powerMwAvailable || 0;
  const usedShare = totalAvail > 0 ? Math.min(1, pLast.powerMwUsed / totalAvail) : 0;
  const advice0 = advise(world, 0, opening ? { powerMwUsed: opening.playerPowerMwUsed } : null);
  // Week 0: the operating cash flow of the first week (the advisor has no traded week to read yet).
  const advice = opening ? { ...advice0, operatingUsdPerWeek: opening.playerOperatingUsdPerWeek } : advice0;
  const fleet = fleetOf(world, p);
  // Week 0: the first tick installs the opening fleet; show it as it stands (the advisor runs the engine's installer on a copy).
  if (world.week === 0) for (const r of fleet) r.installed = advice.gpusInstalledByModel[r.modelId] ?? r.installed;
  const gpusOwned = fleet.reduce((a, r) => a + r.count, 0);
  const gpusInstalled = fleet.reduce((a, r) => a + r.installed, 0);
  const lastQ = p.quarters[p.quarters.length - 1];
  const burn = x.weeklyChangeUsd;
  const backlogUsd = p.contracts.reduce((a, c) => a + Math.max(0, c.endWeek - Math.max(world.week, c.startWeek)) * 168 * c.gpuCount * c.usdPerGpuHour, 0);
  const player: PlayerView = {
    name: p.name,
    status: p.status,
    restructured: p.restructured,
    bankruptReason: p.bankruptReason,
    strategy: p.strategy,
    cashUsd,
    debtUsd: b.debt / 100,
    deferredRevenueUsd: b.deferredRevenue / 100,
    equityBookUsd: (b.paidInCapital + b.retainedEarnings) / 100,
    totalAssetsUsd: (b.cash + b.gpuDeposits + b.gpuEquipment - b.gpuAccumDep + b.construction + b.facilities - b.facilitiesAccumDep) / 100,
    listed: p.listed,
    sharePriceUsd: p.sharePriceUsd,
    marketCapUsd: p.sharePriceUsd !== null ? p.sharePriceUsd * p.sharesOutstanding : null,
    lastValuationUsd: p.lastValuationUsd,
    sharesOutstanding: p.sharesOutstanding,
    lockupEndWeek: p.lockupEndWeek,
    ipoWeek: p.ipoWeek,
    capTable: p.capTable.map((e) => ({ ...e })),
    debts: p.debts.map((d) => ({ ...d })),
    revolverLimitUsd: p.revolverLimitUsd,
    commitments: commitmentViews(world, p),
    covenantBreaches: p.covenantBreaches,
    spreadStepUpPct: p.spreadStepUpPct,
    fleet,
    gpusOwned,
    gpusInstalled,
    gpusRented: Math.round(gpusInstalled * Math.max(0, Math.min(1, pLast.utilization))),
    orders: p.orders.map((o) => ({
      id: o.id, modelId: o.modelId, name: sc.gpus.find((g) => g.id === o.modelId)?.name ?? o.modelId, count: o.count,
      deliveryWeek: o.deliveryWeek, totalUsd: o.totalCents / 100, vendorFinancedShare: o.vendorFinancedShare,
    })),
    sites: p.sites.map((s) => ({
      id: s.id, regionId: s.regionId, kind: s.kind, status: s.status, powerMw: s.powerMw, readyWeek: s.readyWeek, gridWeek: s.gridWeek,
      progress: siteProgress(world, s), usedShare: s.status === 'energised' ? usedShare : 0,
    })),
    contracts: p.contracts.map((c) => ({ ...c, delivery: deliveryStatus(c, world.week) })),
    depreciationYears: p.depreciationYears,
    priceFactor: p.priceFactor,
    platformUsdPerWeek: p.platformUsdPerWeek,
    platformMaturity: p.platformMaturity,
    last: { ...pLast, powerMwAvailable: advice.powerMwAvailable },
    weeklyBurnUsd: burn,
    runwayWeeks: advice.runwayWeeks,
    equityValueUsd: advice.equityValueUsd,
    backlogUsd: lastQ && world.week % 13 === 0 ? lastQ.backlogUsd : backlogUsd,
  };
  const rivals: RivalView[] = world.companies.slice(1).map((c, k) => {
    const mwByRegion: Record<string, number> = {};
    for (const s of c.sites) mwByRegion[s.regionId] = (mwByRegion[s.regionId] ?? 0) + s.powerMw;
    let gpus = 0;
    let installed = 0;
    for (const l of c.lots) { gpus += l.count; installed += l.installed; }
    const o = opening?.rivals[k];
    return {
      index: c.index, id: c.id, name: c.name, strategy: c.strategy, status: c.status, gpus, installed: o?.installedGpus ?? installed,
      utilization: o?.utilization ?? c.last.utilization, cashUsd: c.ledger.balances.cash / 100, debtUsd: companyDebtUsd(c),
      sharePriceUsd: c.sharePriceUsd, valuationUsd: c.sharePriceUsd !== null ? c.sharePriceUsd * c.sharesOutstanding : c.lastValuationUsd,
      priceFactor: c.priceFactor, rentOverIndex: o ? o.rentOverIndex : rentOverIndex(world, c), mwByRegion,
    };
  });
  const regions: RegionView[] = sc.regions.map((r) => {
    const st = world.regions.find((s) => s.id === r.id);
    return {
      id: r.id, name: r.name, bloc: r.bloc, mapX: r.mapX, mapY: r.mapY,
      powerUsdPerMwh: st?.powerUsdPerMwh ?? r.powerUsdPerMwh, pue: r.pue, colocUsdPerKwMonth: st?.colocUsdPerKwMonth ?? r.colocUsdPerKwMonth,
      colocAvailableMw: st?.colocAvailableMw ?? r.colocAvailableMw, gridAvailableMw: st?.gridAvailableMw ?? r.gridAvailableMw,
      poweredSiteAvailableMw: st?.poweredSiteAvailableMw ?? r.poweredSiteAvailableMw, usedMw: st?.usedMw ?? 0, capacityMw: st?.capacityMw ?? 0,
      curtailShare: st && st.curtailUntilWeek > world.week ? st.curtailShare : 0,
      buildWeeks: Math.round(r.buildWeeks * (st?.buildWeeksMultiplier ?? 1)), gridQueueWeeks: Math.round(r.gridQueueWeeks * (st?.gridQueueMultiplier ?? 1)),
      buildCapexUsdPerMw: r.buildCapexUsdPerMw, poweredSiteUsdPerMw: st?.poweredSiteUsdPerMw ?? r.poweredSiteUsdPerMw, colocLeadWeeks: r.colocLeadWeeks, poweredSiteLeadWeeks: r.poweredSiteLeadWeeks,
    };
  });
  const m = world.market;
  const market: MarketView = {
    gens: m.gens.map((g0, k) => {
      const gm = sc.gpus.find((x) => x.id === g0.modelId);
      // Week 0: the first clearing's index, peak and installed GPUs (the World holds no traded week yet).
      const o = opening?.gens[k];
      const g = o ? { ...g0, indexUsdPerGpuHour: o.indexUsdPerGpuHour, peakIndexUsdPerGpuHour: o.peakIndexUsdPerGpuHour, installedGpus: o.installedGpus } : g0;
      return {
        ...g, name: gm?.name ?? g.modelId, kwPerGpu: gm?.kwPerGpu ?? 1, gpuPriceUsd: (gm?.gpuPriceUsd ?? 0) * g.vendorPriceFactor,
        installedCapexUsdPerGpu: (gm?.installedCapexUsdPerGpu ?? 0) * g.vendorPriceFactor, liquidCooled: gm?.liquidCooled ?? false,
        released: g.releaseWeek <= world.week, vendor: gm?.vendor ?? '',
      };
    }),
    demandH100e: opening?.demandH100e ?? m.demandH100e, supplyH100e: opening?.supplyH100e ?? m.supplyH100e, utilization: opening?.marketUtilization ?? m.utilization, h100IndexUsd: opening?.h100IndexUsd ?? m.h100IndexUsd,
    leadTimeWeeks: m.leadTimeWeeks, baseRatePct: opening?.baseRatePct ?? m.baseRatePct, sentiment: opening?.sentiment ?? m.sentiment, opening: opening !== null,
  };
  const over = world.status !== 'running' || world.week >= world.lengthWeeks;
  const qi = Math.min(quarterIndexOfWeek(world.week), Math.max(0, Math.ceil(world.lengthWeeks / 13) - 1));
  return {
    seq: x.seq,
    scenarioId: sc.id,
    seed: world.seed,
    week: world.week,
    lengthWeeks: world.lengthWeeks,
    dateIso: dateOfWeek(sc.calendar.startDate, world.week),
    quarterLabel: quarterLabel(sc.calendar.startDate, sc.calendar.startQuarter, qi),
    status: world.status,
    statusReason: world.statusReason,
    over,
    speed: x.speed,
    paused: x.paused,
    pauseReason: x.pauseReason,
    player,
    rivals,
    regions,
    market,
    advice,
    rfps: world.rfps.map((r) => ({
      ...r, bids: r.bids.map((bd) => ({ ...bd, ...(bd.award ? { award: { ...bd.award } } : {}) })),
      suggestedBidUsd: suggestedBidUsd(r.maxUsdPerGpuHour, market.gens.find((g) => g.modelId === r.modelId)?.indexUsdPerGpuHour ?? r.maxUsdPerGpuHour),
    })),
    // The last few closed requests, and every one the player bid on (the won/lost history with each bid's score).
    closedRfps: world.closedRfps.filter((r, i, a) => i >= a.length - CLOSED_RFP_KEEP || r.bids.some((bd) => bd.companyIndex === 0)).map((r) => ({ ...r, bids: r.bids.map((bd) => ({ ...bd, ...(bd.award ? { award: { ...bd.award } } : {}) })) })),
    news: world.news.slice(-NEWS_KEEP),
    newsTotal: world.news.length,
    quarters: p.quarters.slice(),
    marketQuarters: world.marketQuarters.slice(),
    commandCount: x.commandCount,
    queued: world.pending.map((c) => ({ ...c })),
    ...refusals(world),
    engineError: x.engineError,
    objectives: x.objectives,
    score: x.score,
  };
}

function refusals(world: World): { refusedCommands: Snapshot['refusedCommands']; refusedTotal: number } {
  const refused = world.commandLog.filter((c) => !c.ok);
  return {
    refusedCommands: refused.slice(-REFUSED_KEEP).map((c) => ({ week: c.week, type: String((c.command as { type?: unknown }).type), reason: c.reason ?? msgOf('refuse.internal', { error: 'no reason recorded' }) })),
    refusedTotal: refused.length,
  };
}
