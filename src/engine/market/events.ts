/**
 * Scenario events and policies: scheduled, conditional and random triggers; effects that change
 * policy state, markets or companies; a news item explaining each.
 */
import type { Effect, ScenarioEvent } from '../../scenario/schema/index.ts';
import type { World } from '../types.ts';
import { weekOf } from '../calendar.ts';
import { chance } from '../rng.ts';
import { pushNews } from '../news.ts';
import { annualisedRevenueUsd, cashUsd, leverage } from '../metrics.ts';

function metricValue(world: World, metric: string): number {
  const p = world.companies[0]!;
  switch (metric) {
    case 'h100IndexUsd': return world.market.h100IndexUsd;
    case 'marketUtilization': return world.market.utilization;
    case 'sentiment': return world.market.sentiment;
    case 'baseRatePct': return world.market.baseRatePct;
    case 'playerDebtToEbitda': { const l = leverage(world, p); return Number.isFinite(l) ? l : 1e9; }
    case 'playerCashUsd': return cashUsd(p);
    case 'playerAnnualRevenueUsd': return annualisedRevenueUsd(p);
    case 'playerTopCustomerShare': return p.quarters[p.quarters.length - 1]?.topCustomerShare ?? 0;
    default: return NaN;
  }
}

function triggered(world: World, ev: ScenarioEvent): boolean {
  const start = world.scenario.calendar.startDate;
  const t = ev.trigger;
  switch (t.type) {
    case 'date': return weekOf(start, t.date) <= world.week;
    case 'condition': {
      if (t.fromDate && weekOf(start, t.fromDate) > world.week) return false;
      const v = metricValue(world, t.metric);
      return t.op === '<' ? v < t.value : v > t.value;
    }
    case 'random':
      return weekOf(start, t.fromDate) <= world.week && world.week <= weekOf(start, t.toDate) && chance(world.rng.events, t.chancePerWeekPct / 100);
  }
}

function applyEffect(world: World, e: Effect): void {
  const start = world.scenario.calendar.startDate;
  const pol = world.policy;
  const regionsOf = (ids?: string[]) => world.regions.filter((r) => !ids || ids.includes(r.id));
  switch (e.type) {
    case 'baseRateShift': pol.baseRateShiftPct += e.deltaPct; break;
    case 'sentimentShock': world.market.sentiment = Math.max(0.1, Math.min(5, world.market.sentiment + e.delta)); break;
    case 'demandShock': {
      const segs = world.scenario.market.demand.segments;
      for (let s = 0; s < segs.length; s++) {
        if (e.segmentIds && !e.segmentIds.includes(segs[s]!.id)) continue;
        const m = (world.market.segmentShock[s] ?? 1) * e.multiplier;
        world.market.segmentShock[s] = m;
        world.market.segmentShockRecoveryPerWeek[s] = e.recoveryWeeks > 0 ? Math.abs(1 - m) / e.recoveryWeeks : 0;
      }
      break;
    }
    case 'subsidy':
      pol.subsidies.push({ on: e.on, sharePct: e.sharePct, untilWeek: weekOf(start, e.untilDate), vendors: e.vendors ?? null, modelIds: e.modelIds ?? null, regionIds: e.regionIds ?? null });
      break;
    case 'exportControl': pol.exportControls.push({ blockedBlocs: e.blockedBlocs, costUpliftPct: e.costUpliftPct, modelIds: e.modelIds, sinceWeek: world.week }); break;
    case 'tariff': pol.tariffs.push({ pct: e.pct, modelIds: e.modelIds ?? null, regionIds: e.regionIds ?? null }); break;
    case 'taxRate': pol.taxRatePct = e.pct; break;
    case 'permitting':
      for (const r of regionsOf(e.regionIds)) { r.gridQueueMultiplier *= e.gridQueueMultiplier; r.buildWeeksMultiplier *= e.buildWeeksMultiplier; }
      break;
    case 'gridEmergency':
      for (const r of regionsOf(e.regionIds)) { r.curtailShare = e.curtailShare; r.curtailUntilWeek = world.week + e.durationWeeks; }
      break;
    case 'powerPrice':
      for (const r of regionsOf(e.regionIds)) r.powerPriceMultiplier *= e.multiplier;
      break;
    case 'leadTime':
      pol.leadTimeFloorWeeks = e.weeks;
      pol.leadTimeFloorUntilWeek = world.week + e.durationWeeks;
      world.market.leadTimeWeeks = Math.max(world.market.leadTimeWeeks, e.weeks);
      break;
    case 'topCustomerLeaves': {
      const p = world.companies[0]!;
      const byCustomer = new Map<string, number>();
      for (const c of p.contracts) byCustomer.set(c.customerName, (byCustomer.get(c.customerName) ?? 0) + c.gpuCount * c.usdPerGpuHour);
      let top = '', best = 0;
      for (const [name, v] of [...byCustomer].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (v > best) { best = v; top = name; }
      for (const c of p.contracts) if (c.customerName === top) c.leaving = true;
      break;
    }
    case 'rivalDistress': {
      const r = world.companies.find((c) => c.id === e.rivalId);
      if (r) r.spreadStepUpPct += e.spreadStepUpPct;
      break;
    }
  }
}

/** Fire the events whose triggers hold this week (each fires once). */
export function runEvents(world: World): void {
  for (const ev of world.scenario.events) {
    if (world.firedEvents.includes(ev.id)) continue;
    if (!triggered(world, ev)) continue;
    world.firedEvents.push(ev.id);
    for (const e of ev.effects) applyEffect(world, e);
    pushNews(world, { id: `event-${ev.id}`, kind: 'event', major: ev.pauses, headline: ev.headline, explanation: ev.explanation });
  }
}
