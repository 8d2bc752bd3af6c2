/**
 * Sites and power: construction, grid connection, energising, lease and power bills, facility depreciation.
 */
import type { Company, Site, World } from './types.ts';
import { book, bookCents } from './ledger.ts';
import { HOURS_PER_WEEK, WEEKS_PER_YEAR } from './money.ts';
import { region, regionState } from './lookup.ts';

/** Advance construction and fit-out; energise sites whose building and grid are both ready. */
export function progressSites(world: World, co: Company): void {
  for (const s of co.sites) {
    if (s.status === 'energised') continue;
    if (s.capexRemainingCents > 0) {
      const pay = Math.min(s.capexRemainingCents, s.capexPerWeekCents);
      s.capexRemainingCents -= bookCents(co.ledger, 'constructionPaid', pay);
    }
    if (world.week >= s.readyWeek && s.capexRemainingCents <= 0) {
      if (s.status === 'building') {
        bookCents(co.ledger, 'constructionCompleted', s.facilityCostCents);
        s.status = 'awaitingGrid';
      }
      if (s.status === 'fitting' || (s.status === 'awaitingGrid' && world.week >= s.gridWeek)) {
        s.status = 'energised';
        const rs = regionState(world, s.regionId);
        if (rs) rs.usedMw += s.powerMw;
      }
    }
  }
}

/** Power price in a region now, USD/MWh: base × policy × (1 + sensitivity × how full the region is). */
export function powerPriceUsdPerMwh(world: World, regionId: string): number {
  const r = region(world, regionId);
  const rs = regionState(world, regionId);
  if (!r || !rs) return 0;
  const fill = rs.capacityMw > 0 ? Math.min(world.scenario.operations.powerPriceMaxFill, rs.usedMw / rs.capacityMw) : 0;
  let subsidy = 0;
  for (const s of world.policy.subsidies) {
    if (s.on === 'power' && world.week <= s.untilWeek && (s.regionIds === null || s.regionIds.includes(regionId))) subsidy += s.sharePct / 100;
  }
  return r.powerUsdPerMwh * rs.powerPriceMultiplier * (1 + r.powerPriceSensitivity * fill) * Math.max(0, 1 - Math.min(world.scenario.operations.subsidyMaxShare, subsidy));
}

export interface SiteCosts { powerUsd: number; leaseUsd: number; staffUsd: number }

/**
 * Weekly site costs: power for installed GPUs (busy ones at full draw, idle ones at the idle share)
 * × PUE × regional price; colocation rent for leased MW; data-center staff per energised MW.
 */
export function siteCosts(world: World, co: Company, kwByRegion: Map<string, number>, busyShare: number): SiteCosts {
  const ops = world.scenario.operations;
  let powerUsd = 0, leaseUsd = 0, staffUsd = 0;
  const draw = busyShare + (1 - busyShare) * ops.idlePowerShare;
  for (const [regionId, kw] of kwByRegion) {
    const r = region(world, regionId);
    if (!r) continue;
    powerUsd += (kw * draw * r.pue * HOURS_PER_WEEK / 1000) * powerPriceUsdPerMwh(world, regionId);
  }
  for (const s of co.sites) {
    if (s.status !== 'energised') continue;
    staffUsd += s.powerMw * ops.dcStaffUsdPerMwWeek;
    if (s.kind === 'colo') leaseUsd += (s.powerMw * 1000 * s.leaseUsdPerKwMonth * 12) / WEEKS_PER_YEAR;
  }
  return { powerUsd, leaseUsd, staffUsd };
}

export function bookSiteCosts(co: Company, c: SiteCosts): number {
  return book(co.ledger, 'powerCost', c.powerUsd) + book(co.ledger, 'colocationCost', c.leaseUsd) + book(co.ledger, 'dcStaffCost', c.staffUsd);
}

/** Buildings and powered sites depreciate straight-line over the campus life once energised. */
export function depreciateFacilities(world: World, co: Company): void {
  const lifeWeeks = world.scenario.operations.campusLifeYears * WEEKS_PER_YEAR;
  for (const s of co.sites) {
    if (s.kind === 'colo' || s.status !== 'energised' || s.facilityCostCents <= 0) continue;
    const left = s.facilityCostCents - s.accumDepCents;
    if (left <= 0) continue;
    s.accumDepCents += bookCents(co.ledger, 'facilityDepreciation', Math.min(left, Math.round(s.facilityCostCents / lifeWeeks)));
  }
}

export function newSite(co: Company, fields: Omit<Site, 'id'>): Site {
  const s: Site = { id: `s${co.nextId++}`, ...fields };
  co.sites.push(s);
  return s;
}
