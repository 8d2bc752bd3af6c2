/**
 * Build the world at week 0 from a validated scenario and a seed.
 */
import type { Scenario } from '../scenario/schema/index.ts';
import type { Company, StrategyId, World } from './types.ts';
import { newLedger, bookCents, resetPeriod } from './ledger.ts';
import { RNG_STREAMS, seedStream, type RngState, type RngStream } from './rng.ts';
import { toCents } from './money.ts';
import { weekOf } from './calendar.ts';
import { resolvePath, pathAt } from './paths.ts';
import { createCustomers } from './market/customers.ts';
import { openingLot } from './fleet.ts';
import { addDebt } from './finance/debt.ts';
import { markPrivateValuation } from './finance/valuation.ts';
import { newSite } from './sites.ts';
import { emptyQuarterOps } from './quarter.ts';
import { signScenarioContracts } from './contracts.ts';
import { openingCommitments } from './finance/commitment.ts';
import { region } from './lookup.ts';
import { openingRentUsd } from './market/rents.ts';
import { openingIndices } from './market/pricing.ts';

export interface WorldOptions {
  seed?: number;
  /** An autopilot plays the player's company (after any recorded history). null/undefined = a human. */
  strategy?: StrategyId | null;
  /** Override the starting depreciation life. */
  depreciationYears?: 4 | 5 | 6;
}

function newCompany(index: number, id: string, name: string, strategy: StrategyId, depreciationYears: 4 | 5 | 6): Company {
  return {
    index, id, name, strategy, status: 'active', bankruptWeek: null, bankruptReason: null,
    ledger: newLedger(), capTable: [], sharesOutstanding: 0, listed: false, ipoWeek: null, lockupEndWeek: null,
    sharePriceUsd: null, lastValuationUsd: 0, priceShock: 1, debts: [], spreadStepUpPct: 0, covenantBreaches: 0,
    covenantCureEndsWeek: null, marginCallDueWeek: null,
    restructured: false, revolverLimitUsd: 0, lots: [], orders: [], sites: [], contracts: [], depreciationYears,
    priceFactor: 1, genPriceFactors: {}, platformUsdPerWeek: 0, platformMaturity: 0, taxLossCarryForwardCents: 0, taxYearStartCents: 0,
    q: emptyQuarterOps(),
    last: { odOfferedGpus: {}, odDemandGpus: {}, odServedGpus: {}, odPostedUsdPerGpuHour: {}, onDemandGpusSold: 0, onDemandH100eSold: 0, utilization: 0, revenueWeekUsd: 0, ebitdaWeekUsd: 0, installedGpus: 0, powerMwUsed: 0, powerMwAvailable: 0 },
    trailingRevenueUsd: new Array<number>(13).fill(0),
    trailingEbitdaUsd: new Array<number>(13).fill(0),
    trailingWeeks: 0,
    otherBusinessValueUsd: 0,
    quarters: [], openingCashCents: 0, nextId: 1,
  };
}

function openingSite(world: World, co: Company, regionId: string, kind: 'colo' | 'campus' | 'powered', powerMw: number): void {
  const r = region(world, regionId);
  if (!r) return;
  const costUsd = kind === 'colo' ? 0 : powerMw * (kind === 'campus' ? r.buildCapexUsdPerMw : r.poweredSiteUsdPerMw);
  const cents = bookCents(co.ledger, 'openingFacilities', toCents(costUsd));
  newSite(co, { regionId, kind, powerMw, status: 'energised', readyWeek: 0, gridWeek: 0, capexRemainingCents: 0, capexPerWeekCents: 0, leaseUsdPerKwMonth: r.colocUsdPerKwMonth, facilityCostCents: cents, accumDepCents: 0 });
  const rs = world.regions.find((x) => x.id === regionId);
  if (!rs) return;
  rs.usedMw += powerMw;
  // Opening halls and powered sites are part of the region's stock of space, already taken.
  if (kind !== 'campus') rs.stockMw += powerMw;
}

export function createWorld(scenario: Scenario, opts: WorldOptions = {}): World {
  const seed = (opts.seed ?? scenario.defaultSeed) >>> 0;
  const rng = {} as Record<RngStream, RngState>;
  for (const s of RNG_STREAMS) rng[s] = seedStream(seed, s);
  const start = scenario.calendar.startDate;
  const paths = {
    growthPct: resolvePath(start, scenario.market.demand.growthPctPerYear),
    baseRatePct: resolvePath(start, scenario.market.capital.baseRatePct),
    sentimentLongRun: resolvePath(start, scenario.market.capital.sentimentLongRun),
  };
  const segs = scenario.market.demand.segments;
  const world: World = {
    scenario, seed, paths,
    historyUntilWeek: scenario.lesson.historyUntilDate ? weekOf(start, scenario.lesson.historyUntilDate) : scenario.lesson.historicalCommands.length > 0 ? scenario.calendar.lengthWeeks : -1,
    playerAutopilot: opts.strategy ?? null,
    week: 0,
    lengthWeeks: scenario.calendar.lengthWeeks,
    rng,
    companies: [],
    customers: createCustomers(scenario, rng.customers),
    rfps: [], closedRfps: [],
    market: {
      gens: scenario.gpus.map((g) => {
        const releaseWeek = weekOf(start, g.releaseDate);
        const opening = openingRentUsd(g.launchUsdPerGpuHour, releaseWeek, scenario.market.pricing.openingRentDecayPctPerYear);
        return { modelId: g.id, releaseWeek, referenceUsdPerGpuHour: opening, indexUsdPerGpuHour: opening, peakIndexUsdPerGpuHour: 0, vendorPriceFactor: 1, installedGpus: 0, offeredGpus: 0 };
      }),
      baseDemandH100e: scenario.market.demand.startH100e,
      segmentShock: segs.map(() => 1),
      segmentShockRecoveryPerWeek: segs.map(() => 0),
      segmentDemandH100e: segs.map((s) => s.demandShare * scenario.market.demand.startH100e),
      demandH100e: scenario.market.demand.startH100e,
      supplyH100e: 0, utilization: 0, unservedH100e: 0,
      h100IndexUsd: scenario.market.demand.referenceUsdPerH100Hour,
      computeIndexUsd: scenario.market.demand.referenceUsdPerH100Hour,
      inferenceShare: 0.4,
      leadTimeWeeks: scenario.market.vendor.leadTimeWeeksNormal,
      vendorShipH100ePerWeek: 0,
      baseRatePct: pathAt(paths.baseRatePct, 0),
      sentiment: scenario.market.capital.sentimentStart,
      demandGrowthPct: pathAt(paths.growthPct, 0), growthShockLog: 0, correctionQuartersLeft: 0, correctionGrowthPct: 0,
    },
    secondHandGlut: 0,
    regions: scenario.regions.map((r) => ({
      id: r.id, colocAvailableMw: r.colocAvailableMw, gridAvailableMw: r.gridAvailableMw, poweredSiteAvailableMw: r.poweredSiteAvailableMw,
      usedMw: 0, capacityMw: Math.max(1, r.colocAvailableMw + r.gridAvailableMw + r.poweredSiteAvailableMw),
      powerPriceMultiplier: 1, powerUsdPerMwh: r.powerUsdPerMwh, curtailShare: 0, curtailUntilWeek: -1, gridQueueMultiplier: 1, buildWeeksMultiplier: 1,
      colocUsdPerKwMonth: r.colocUsdPerKwMonth, poweredSiteUsdPerMw: r.poweredSiteUsdPerMw,
      stockMw: r.colocAvailableMw + r.poweredSiteAvailableMw + r.spaceTakenMw, pipeline: [],
    })),
    policy: { subsidies: [], exportControls: [], tariffs: [], taxRatePct: scenario.operations.taxRatePct, leadTimeFloorWeeks: 0, leadTimeFloorUntilWeek: -1, baseRateShiftPct: 0 },
    firedEvents: [], news: [], pending: [], commandLog: [], marketQuarters: [],
    status: 'running', statusReason: null, nextId: 1,
  };

  // The player's company.
  const c = scenario.company;
  const player = newCompany(0, 'player', c.name, opts.strategy ?? 'player', opts.depreciationYears ?? c.depreciationYears);
  world.companies.push(player);
  bookCents(player.ledger, 'openingCash', toCents(c.cashUsd));
  player.capTable.push({ holder: 'Founders', shares: c.founderShares, week: 0, priceUsd: 0, lockedUntilWeek: 0 });
  if (c.investorShares > 0) player.capTable.push({ holder: 'Early investors', shares: c.investorShares, week: 0, priceUsd: c.lastValuationUsd / Math.max(1, c.founderShares + c.investorShares), lockedUntilWeek: 0 });
  player.sharesOutstanding = c.founderShares + c.investorShares;
  player.lastValuationUsd = c.lastValuationUsd;
  player.listed = c.listed;
  if (c.listed) player.sharePriceUsd = c.lastValuationUsd / Math.max(1, player.sharesOutstanding);
  player.priceFactor = c.onDemandPriceFactor;
  for (const s of c.sites) openingSite(world, player, s.regionId, s.kind, s.powerMw);
  for (const g of c.gpus) openingLot(world, player, g.modelId, g.count, g.ageWeeks);
  for (const d of c.debt) {
    const fixed = d.kind === 'bond' || d.kind === 'vendor';
    addDebt(world, player, { kind: d.kind, amountUsd: d.principalUsd, fixedRatePct: fixed ? d.annualRatePct : null, spreadPct: fixed ? 0 : Math.max(0, d.annualRatePct - world.market.baseRatePct), termWeeks: d.remainingWeeks, amortizing: d.amortizing, booking: 'openingDebt' });
  }
  const commitments = openingCommitments(world);
  if (commitments) player.commitments = commitments;
  signScenarioContracts(world);

  // Rivals: the same company code, driven by their archetype.
  for (const r of scenario.market.rivals) {
    const co = newCompany(world.companies.length, r.id, r.name, r.archetype, r.archetype === 'prudent' ? 4 : 6);
    world.companies.push(co);
    bookCents(co.ledger, 'openingCash', toCents(r.cashUsd));
    co.capTable.push({ holder: 'Founders and investors', shares: r.shares, week: 0, priceUsd: 0, lockedUntilWeek: 0 });
    co.sharesOutstanding = r.shares;
    co.lastValuationUsd = r.lastValuationUsd;
    // A hyperscaler's market value is mostly its other businesses; its GPU cloud moves it only at the margin.
    if (r.archetype === 'hyperscaler') co.otherBusinessValueUsd = r.lastValuationUsd;
    co.listed = r.listed;
    if (r.listed) co.sharePriceUsd = r.lastValuationUsd / Math.max(1, r.shares);
    co.priceFactor = r.archetype === 'hyperscaler' ? scenario.market.demand.hyperscalerPriceMultiple * scenario.agents.hyperscaler.openingPriceShareOfMultiple : 1;
    for (const s of r.sites) openingSite(world, co, s.regionId, s.kind, s.powerMw);
    for (const g of r.gpus) openingLot(world, co, g.modelId, g.count, g.ageWeeks);
    if (r.debtUsd > 0) {
      addDebt(world, co, { kind: 'gpuLoan', amountUsd: r.debtUsd, fixedRatePct: null, spreadPct: scenario.finance.gpuLoanSpreadPct, termWeeks: Math.min(scenario.finance.gpuLoanMaturityWeeks, scenario.finance.gpuLoanTermWeeks), amortizationWeeks: scenario.finance.gpuLoanTermWeeks, amortizing: true, residualShare: scenario.finance.loanResidualShare, booking: 'openingDebt' });
    }
  }
  openingIndices(world);
  // Week 0 shows the mark a week shows (the price a private round would fetch now × shares, the same
  // rule as `markPrivateValuation` every week and as the round's pre-money), not the scenario's
  // last-round post-money: the top bar, the round preview and the market table agree from the start.
  for (const co of world.companies) markPrivateValuation(world, co);
  for (const co of world.companies) {
    co.openingCashCents = co.ledger.balances.cash;
    resetPeriod(co.ledger);
    co.ledger.lifetime = { ...co.ledger.period };
  }
  return world;
}
