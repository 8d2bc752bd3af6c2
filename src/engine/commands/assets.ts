/**
 * Fleet and site commands: order and sell GPUs, choose the depreciation life, lease / build / buy space.
 */
import type { Company, World } from '../types.ts';
import type { Command, CommandResult } from './types.ts';
import { bookCents } from '../ledger.ts';
import { toCents, toUsd, HOURS_PER_WEEK } from '../money.ts';
import { gpuModel, genMarket, region, regionState } from '../lookup.ts';
import { exportBlocked, gpuUnitPriceUsd, sellGpus as sell } from '../fleet.ts';
import { newSite } from '../sites.ts';
import { cashUsd, gpuUnitValueUsd, gpusOwnedOf } from '../metrics.ts';
import { vendorFinancingRefusal } from '../finance/lending.ts';
import { commitmentRoomUsd, drawCommitments } from '../finance/commitment.ts';
import { nextFloat } from '../rng.ts';
import { checkInt, checkNumber, done, refuse } from './common.ts';
import { COMMAND_BOUNDS as B } from './bounds.ts';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

export function orderGpus(world: World, co: Company, cmd: Of<'orderGpus'>, execute: boolean): CommandResult {
  const bad = checkInt(cmd.count, 'count', B.orderCount.min, B.orderCount.max);
  if (bad) return bad;
  const m = gpuModel(world, cmd.modelId);
  const g = genMarket(world, cmd.modelId);
  if (!m || !g) return refuse('refuse.unknownModel', { model: String(cmd.modelId) });
  if (world.week < g.releaseWeek) return refuse('refuse.notOnSale', { model: m.name, week: g.releaseWeek });
  if (co.sites.length > 0 && co.sites.every((s) => exportBlocked(world, m.id, s.regionId))) return refuse('refuse.exportControls', { model: m.name });
  const unit = gpuUnitPriceUsd(world, co, m.id);
  const total = unit * cmd.count;
  const ops = world.scenario.operations;
  const deposit = total * ops.gpuDepositShare;
  // A delayed-draw term loan is drawn as its borrower pays the GPU vendor: the part of the deposit the
  // cash cannot cover is drawn from the open commitments (within their borrowing base), or refused.
  const drawUsd = toUsd(Math.max(0, toCents(deposit) - co.ledger.balances.cash));
  if (drawUsd > 0 && !(drawUsd <= commitmentRoomUsd(world, co))) return refuse('refuse.depositCash', { sharePct: ops.gpuDepositShare * 100, needUsd: deposit, cashUsd: cashUsd(co) });
  const f = world.scenario.finance;
  const vf = cmd.vendorFinancing === true ? f.vendorFinancingShare : 0;
  if (vf > 0) {
    const no = vendorFinancingRefusal(world, co, total * vf);
    if (no) return { ok: false, reason: no };
  }
  const lead = Math.max(1, Math.round(world.market.leadTimeWeeks));
  const deliveryWeek = world.week + lead;
  if (execute) {
    if (drawUsd > 0) drawCommitments(world, co, drawUsd);
    const totalCents = toCents(total);
    const depositCents = bookCents(co.ledger, 'gpuDepositPaid', toCents(deposit));
    co.orders.push({ id: `o${co.nextId++}`, modelId: m.id, count: cmd.count, deliveryWeek, totalCents, depositCents, vendorFinancedShare: vf });
  }
  const mw = (cmd.count * m.kwPerGpu) / 1000;
  const said = { count: cmd.count, model: m.name, totalUsd: total, unitUsd: unit, depositUsd: deposit, lead, mw, ...(drawUsd > 0 ? { drawn: 'cmd.depositDrawn', drawUsd } : {}) };
  return done(vf > 0 ? 'cmd.orderGpusVendor' : 'cmd.orderGpus', vf > 0 ? { ...said, vendorPct: vf * 100 } : said, drawUsd - deposit, {
    unitPriceUsd: unit, totalUsd: total, depositUsd: deposit, leadTimeWeeks: lead, deliveryWeek, powerMw: mw,
  });
}

export function sellGpusCmd(world: World, co: Company, cmd: Of<'sellGpus'>, execute: boolean): CommandResult {
  const bad = checkInt(cmd.count, 'count', B.sellCount.min, B.sellCount.max);
  if (bad) return bad;
  const m = gpuModel(world, cmd.modelId);
  if (!m) return refuse('refuse.unknownModel', { model: String(cmd.modelId) });
  const owned = gpusOwnedOf(co, m.id);
  if (cmd.count > owned) return refuse('refuse.ownOnly', { owned, model: m.name });
  const unit = gpuUnitValueUsd(world, m.id);
  const proceeds = execute ? sell(world, co, m.id, cmd.count) : unit * cmd.count;
  return done('cmd.sellGpus', { count: cmd.count, model: m.name, unitUsd: unit }, proceeds, { unitPriceUsd: unit });
}

export function setDepreciationLife(world: World, co: Company, cmd: Of<'setDepreciationLife'>, execute: boolean): CommandResult {
  if (!(B.depreciationYears as readonly unknown[]).includes(cmd.years)) return refuse('refuse.years', { choices: B.depreciationYears.slice(0, -1).join(', '), last: B.depreciationYears[B.depreciationYears.length - 1]! });
  if (execute) co.depreciationYears = cmd.years;
  void world;
  return done('cmd.depreciation', { years: cmd.years }, 0, { years: cmd.years });
}

/** A region's name as message parameters (`{region:loc}`: English, and Chinese when the scenario has it). */
function regionName(r: { name: { en: string; 'zh-CN'?: string | undefined } }): { region: string; region_zh?: string } {
  return r.name['zh-CN'] ? { region: r.name.en, region_zh: r.name['zh-CN'] } : { region: r.name.en };
}

function checkMw(mw: unknown): ReturnType<typeof checkNumber> {
  return checkNumber(mw, 'powerMw', B.powerMw.min, B.powerMw.max);
}

/** The region of a site command, after checking its megawatts: the region and its state, or a refusal. */
function siteTarget(world: World, cmd: { regionId: string; powerMw: number }) {
  const bad = checkMw(cmd.powerMw);
  if (bad) return bad;
  const r = region(world, cmd.regionId);
  const rs = regionState(world, cmd.regionId);
  if (!r || !rs) return refuse('refuse.unknownRegion', { region: String(cmd.regionId) });
  return { r, rs };
}

export function leaseColo(world: World, co: Company, cmd: Of<'leaseColo'>, execute: boolean): CommandResult {
  const site = siteTarget(world, cmd);
  if ('ok' in site) return site;
  const { r, rs } = site;
  if (cmd.powerMw > rs.colocAvailableMw + 1e-9) return refuse('refuse.coloFull', { mw: rs.colocAvailableMw, ...regionName(r) });
  // The asking rate today (it rises as the region fills), fixed for the life of the lease.
  const rate = Math.round(rs.colocUsdPerKwMonth * 100) / 100;
  const weekly = (cmd.powerMw * 1000 * rate * 12) / 52;
  if (execute) {
    rs.colocAvailableMw -= cmd.powerMw;
    newSite(co, { regionId: r.id, kind: 'colo', powerMw: cmd.powerMw, status: 'fitting', readyWeek: world.week + r.colocLeadWeeks, gridWeek: world.week, capexRemainingCents: 0, capexPerWeekCents: 0, leaseUsdPerKwMonth: rate, facilityCostCents: 0, accumDepCents: 0 });
  }
  return done('cmd.leaseColo', { mw: cmd.powerMw, ...regionName(r), rate, weeklyUsd: weekly, lead: r.colocLeadWeeks }, 0, {
    weeklyRentUsd: weekly, readyInWeeks: r.colocLeadWeeks,
  });
}

export function buildCampus(world: World, co: Company, cmd: Of<'buildCampus'>, execute: boolean): CommandResult {
  const site = siteTarget(world, cmd);
  if ('ok' in site) return site;
  const { r, rs } = site;
  if (cmd.powerMw > rs.gridAvailableMw + 1e-9) return refuse('refuse.gridFull', { mw: rs.gridAvailableMw, ...regionName(r) });
  const ops = world.scenario.operations;
  const capex = cmd.powerMw * (r.buildCapexUsdPerMw + ops.liquidCoolingUsdPerMw);
  if (cashUsd(co) < ops.campusMinCashShareOfCapex * capex) return refuse('refuse.contractorsCash', { capexUsd: capex, pct: ops.campusMinCashShareOfCapex * 100 });
  const buildWeeks = Math.max(13, Math.round(r.buildWeeks * rs.buildWeeksMultiplier));
  const gridWeeks = Math.round(r.gridQueueWeeks * rs.gridQueueMultiplier);
  if (execute) {
    const slip = nextFloat(world.rng.operations) < ops.buildSlipChancePct / 100 ? ops.buildSlipWeeks : 0;
    rs.gridAvailableMw -= cmd.powerMw;
    const capexCents = toCents(capex);
    newSite(co, { regionId: r.id, kind: 'campus', powerMw: cmd.powerMw, status: 'building', readyWeek: world.week + buildWeeks + slip, gridWeek: world.week + gridWeeks, capexRemainingCents: capexCents, capexPerWeekCents: Math.ceil(capexCents / buildWeeks), leaseUsdPerKwMonth: 0, facilityCostCents: capexCents, accumDepCents: 0 });
  }
  const weeks = Math.max(buildWeeks, gridWeeks);
  return done('cmd.buildCampus', { mw: cmd.powerMw, ...regionName(r), capexUsd: capex, buildWeeks, gridWeeks, weeks }, 0, {
    capexUsd: capex, buildWeeks, gridWeeks, capexPerWeekUsd: capex / buildWeeks,
  });
}

export function buyPoweredSite(world: World, co: Company, cmd: Of<'buyPoweredSite'>, execute: boolean): CommandResult {
  const site = siteTarget(world, cmd);
  if ('ok' in site) return site;
  const { r, rs } = site;
  if (cmd.powerMw > rs.poweredSiteAvailableMw + 1e-9) return refuse('refuse.poweredFull', { mw: rs.poweredSiteAvailableMw, ...regionName(r) });
  const price = cmd.powerMw * rs.poweredSiteUsdPerMw;
  if (price > cashUsd(co)) return refuse('refuse.siteCash', { priceUsd: price, cashUsd: cashUsd(co) });
  if (execute) {
    rs.poweredSiteAvailableMw -= cmd.powerMw;
    const cents = bookCents(co.ledger, 'facilityBought', toCents(price));
    newSite(co, { regionId: r.id, kind: 'powered', powerMw: cmd.powerMw, status: 'fitting', readyWeek: world.week + r.poweredSiteLeadWeeks, gridWeek: world.week, capexRemainingCents: 0, capexPerWeekCents: 0, leaseUsdPerKwMonth: 0, facilityCostCents: cents, accumDepCents: 0 });
  }
  return done('cmd.buyPoweredSite', { mw: cmd.powerMw, ...regionName(r), priceUsd: price, lead: r.poweredSiteLeadWeeks }, -price, { priceUsd: price, readyInWeeks: r.poweredSiteLeadWeeks });
}

/** Value of a contract at a price, USD. */
export function contractValueUsd(gpuCount: number, usdPerGpuHour: number, termWeeks: number): number {
  return gpuCount * usdPerGpuHour * HOURS_PER_WEEK * termWeeks;
}
