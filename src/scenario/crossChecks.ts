/**
 * Checks across fields that a schema of single fields cannot express: references resolve, ids
 * are unique, shares add up, dates fall inside the calendar and in order, ranges are ordered.
 * Runs only on a document that already passed the schema, so every field has its type.
 */
import type { Scenario } from './schema/index.ts';
import { dayNumber, isoFromDayNumber } from './dates.ts';
import { em, type ErrMsg } from './errMsg.ts';
import type { Params } from '../i18n/render.ts';
import type { PathSegment } from './paths.ts';
import type { RawError } from './rawError.ts';
import { commandIdError, unknownIdError } from './commandRefs.ts';

const SHARE_TOLERANCE = 0.001;

/**
 * Effects that multiply (or add up) as events fire: each value is within its own schema bound, but
 * together they could overflow (16 events × 20 `demandShock` ×10 made demand Infinity). The worst
 * case — every event fires — must stay within the bound a single effect has.
 */
export const STACKED_EFFECT_LIMITS = {
  /** Product of demandShock multipliers reaching one segment. */
  demandShockProduct: 10,
  /** Product of permitting gridQueueMultiplier / buildWeeksMultiplier reaching one region. */
  permittingProduct: 10,
  /** Product of powerPrice multipliers reaching one region. */
  powerPriceProduct: 20,
  /** Sum of baseRateShift deltas, percent points (either sign). */
  baseRateShiftSumPct: 20,
} as const;

export function crossCheck(s: Scenario): RawError[] {
  const errors: RawError[] = [];
  const err = (path: PathSegment[], e: { message: string; msg: ErrMsg }) => errors.push({ path, ...e });

  // ---- ids unique -------------------------------------------------------------------------------
  const uniqueIds = <T>(list: readonly T[], base: PathSegment[], idOf: (t: T) => string, what: 'model' | 'region' | 'rival' | 'event' | 'segment'): Set<string> => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const id = idOf(item);
      const first = seen.get(id);
      if (first !== undefined) err([...base, i, 'id'], em('scn.x.idTwice', { what: `scn.what.${what}`, id: JSON.stringify(id), first: `${base.join('.')}[${first}]` }));
      else seen.set(id, i);
    });
    return new Set(seen.keys());
  };
  const modelIds = uniqueIds(s.gpus, ['gpus'], (g) => g.id, 'model');
  const regionIds = uniqueIds(s.regions, ['regions'], (r) => r.id, 'region');
  const rivalIds = uniqueIds(s.market.rivals, ['market', 'rivals'], (r) => r.id, 'rival');
  uniqueIds(s.events, ['events'], (e) => e.id, 'event');
  const segmentIds = uniqueIds(s.market.demand.segments, ['market', 'demand', 'segments'], (g) => g.id, 'segment');

  // ---- references ---------------------------------------------------------------------------------
  const ref = (id: string, known: Set<string>, path: PathSegment[], what: 'model' | 'region' | 'rival' | 'segment', listPath: string) => {
    if (!known.has(id)) err(path, unknownIdError(id, known, what, listPath));
  };
  const modelRef = (id: string, path: PathSegment[]) => ref(id, modelIds, path, 'model', 'gpus');
  const regionRef = (id: string, path: PathSegment[]) => ref(id, regionIds, path, 'region', 'regions');
  const modelById = new Map(s.gpus.map((g) => [g.id, g]));

  // ---- calendar --------------------------------------------------------------------------------
  const start = dayNumber(s.calendar.startDate) ?? 0;
  const end = start + s.calendar.lengthWeeks * 7; // first day after the game
  const endIso = isoFromDayNumber(end - 1);
  const month = Number(s.calendar.startDate.slice(5, 7));
  const quarterOfMonth = Math.ceil(month / 3);
  const lateInQuarter = quarterOfMonth * 3 === month && Number(s.calendar.startDate.slice(8, 10)) >= 25;
  const allowedQuarters = lateInQuarter ? [quarterOfMonth, (quarterOfMonth % 4) + 1] : [quarterOfMonth];
  if (!allowedQuarters.includes(s.calendar.startQuarter)) {
    err(['calendar', 'startQuarter'], em('scn.x.startQuarter', { date: s.calendar.startDate, quarter: quarterOfMonth, startQuarter: s.calendar.startQuarter }));
  }
  const within = (date: string, path: PathSegment[], what: string) => {
    // `what` is an id (scn.d.*) naming the date.
    const d = dayNumber(date);
    if (d === undefined) return;
    if (d < start || d >= end) err(path, em('scn.x.outside', { what, date, start: s.calendar.startDate, end: endIso, weeks: s.calendar.lengthWeeks }));
  };
  const notAfterEnd = (date: string, path: PathSegment[], what: string) => {
    const d = dayNumber(date);
    if (d !== undefined && d >= end) err(path, em('scn.x.afterEnd', { what, date, end: endIso }));
  };
  const released = (modelId: string, date: string, path: PathSegment[], who: Params) => {
    const m = modelById.get(modelId);
    const rd = m ? dayNumber(m.releaseDate) : undefined;
    const d = dayNumber(date);
    if (m && rd !== undefined && d !== undefined && rd > d) err(path, em('scn.x.notReleased', { ...who, model: JSON.stringify(modelId), date, release: m.releaseDate }));
  };
  if (!s.gpus.some((g) => (dayNumber(g.releaseDate) ?? Infinity) < end)) {
    err(['gpus'], em('scn.x.noModelReleased', { end: endIso }));
  }

  // ---- GPU catalogue -------------------------------------------------------------------------------
  s.gpus.forEach((g, i) => {
    if (g.installedCapexUsdPerGpu < g.gpuPriceUsd) err(['gpus', i, 'installedCapexUsdPerGpu'], em('scn.x.capexBelowPrice', { capex: g.installedCapexUsdPerGpu, price: g.gpuPriceUsd }));
    if (g.launchUsdPerGpuHour <= 0) err(['gpus', i, 'launchUsdPerGpuHour'], em('scn.x.gt0.rent'));
    if (g.installedCapexUsdPerGpu <= 0) err(['gpus', i, 'installedCapexUsdPerGpu'], em('scn.x.gt0'));
  });

  // ---- regions ---------------------------------------------------------------------------------
  s.regions.forEach((r, i) => {
    if (r.powerUsdPerMwh <= 0) err(['regions', i, 'powerUsdPerMwh'], em('scn.x.gt0.power'));
  });

  // ---- company ---------------------------------------------------------------------------------
  const c = s.company;
  if (c.founderShares <= 0) err(['company', 'founderShares'], em('scn.x.gt0.founder'));
  c.gpus.forEach((g, i) => {
    modelRef(g.modelId, ['company', 'gpus', i, 'modelId']);
    released(g.modelId, s.calendar.startDate, ['company', 'gpus', i, 'modelId'], { who: 'scn.who.company' });
  });
  c.sites.forEach((site, i) => regionRef(site.regionId, ['company', 'sites', i, 'regionId']));
  c.contracts.forEach((k, i) => {
    const p: PathSegment[] = ['company', 'contracts', i];
    modelRef(k.modelId, [...p, 'modelId']);
    released(k.modelId, k.startDate, [...p, 'modelId'], { who: 'scn.who.contract', whoDate: k.startDate });
    const sd = dayNumber(k.startDate);
    if (sd !== undefined && sd + k.termWeeks * 7 <= start) err([...p, 'termWeeks'], em('scn.x.contractEnded', { date: k.startDate, weeks: k.termWeeks, start: s.calendar.startDate }));
    notAfterEnd(k.startDate, [...p, 'startDate'], 'scn.d.contractStart');
    if (k.signedDate !== undefined) {
      const sg = dayNumber(k.signedDate);
      if (sg !== undefined && sd !== undefined && sg > sd) err([...p, 'signedDate'], em('scn.x.signedAfter', { signed: k.signedDate, date: k.startDate }));
      notAfterEnd(k.signedDate, [...p, 'signedDate'], 'scn.d.contractSigned');
    }
    if (k.gpuCount === 0) err([...p, 'gpuCount'], em('scn.x.contractGpus'));
  });
  (c.committedFacilities ?? []).forEach((k, i) => {
    const p: PathSegment[] = ['company', 'committedFacilities', i];
    notAfterEnd(k.signedDate, [...p, 'signedDate'], 'scn.d.commitmentSigned');
    const sg = dayNumber(k.signedDate), du = dayNumber(k.drawUntilDate);
    if (sg !== undefined && du !== undefined && du < sg) err([...p, 'drawUntilDate'], em('scn.x.drawUntilBeforeSigned', { until: k.drawUntilDate, signed: k.signedDate }));
    if (du !== undefined && du < start) err([...p, 'drawUntilDate'], em('scn.x.drawUntilBeforeStart', { until: k.drawUntilDate, start: s.calendar.startDate }));
  });
  c.debt.forEach((d, i) => {
    if (d.remainingWeeks === 0 && d.principalUsd > 0) err(['company', 'debt', i, 'remainingWeeks'], em('scn.x.debtWeeks'));
  });

  // ---- operations ------------------------------------------------------------------------------
  if (s.operations.platformUsdForFullMaturity <= 0) err(['operations', 'platformUsdForFullMaturity'], em('scn.x.gt0.platform'));

  // ---- market: demand --------------------------------------------------------------------------
  const dem = s.market.demand;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const demandSum = sum(dem.segments.map((g) => g.demandShare));
  if (Math.abs(demandSum - 1) > SHARE_TOLERANCE) err(['market', 'demand', 'segments'], em('scn.x.sum', { field: 'demandShare', sum: round(demandSum) }));
  const agentSum = sum(dem.segments.map((g) => g.agentShare));
  if (Math.abs(agentSum - 1) > SHARE_TOLERANCE) err(['market', 'demand', 'segments'], em('scn.x.sum', { field: 'agentShare', sum: round(agentSum) }));
  dem.segments.forEach((g, i) => {
    const p: PathSegment[] = ['market', 'demand', 'segments', i];
    if (g.rfpTermWeeksMin > g.rfpTermWeeksMax) err([...p, 'rfpTermWeeksMin'], em('scn.x.minMax', { minField: 'rfpTermWeeksMin', min: g.rfpTermWeeksMin, maxField: 'rfpTermWeeksMax', max: g.rfpTermWeeksMax }));
    if (g.demandShare > 0 && g.agentShare === 0) err([...p, 'agentShare'], em('scn.x.noAgents', { share: g.demandShare }));
  });
  if (dem.growthShockCorrectionGrowthPctMin > dem.growthShockCorrectionGrowthPctMax) err(['market', 'demand', 'growthShockCorrectionGrowthPctMin'], em('scn.x.minMax', { minField: 'growthShockCorrectionGrowthPctMin', min: dem.growthShockCorrectionGrowthPctMin, maxField: 'growthShockCorrectionGrowthPctMax', max: dem.growthShockCorrectionGrowthPctMax }));
  if (dem.growthShockCorrectionQuartersMin > dem.growthShockCorrectionQuartersMax) err(['market', 'demand', 'growthShockCorrectionQuartersMin'], em('scn.x.minMax', { minField: 'growthShockCorrectionQuartersMin', min: dem.growthShockCorrectionQuartersMin, maxField: 'growthShockCorrectionQuartersMax', max: dem.growthShockCorrectionQuartersMax }));
  if (dem.referenceUsdPerH100Hour <= 0) err(['market', 'demand', 'referenceUsdPerH100Hour'], em('scn.x.gt0.reference'));
  if (dem.customerAgents < dem.segments.length) err(['market', 'demand', 'customerAgents'], em('scn.x.agentsSegments', { n: dem.segments.length }));

  // ---- paths: dates in order, values in range --------------------------------------------------
  const checkPath = (pts: { date: string; value: number }[], path: PathSegment[], lo: number, hi: number, unit: string) => {
    // `unit` is an id (scn.unit.*).
    let prev: number | undefined;
    pts.forEach((pt, i) => {
      const d = dayNumber(pt.date);
      if (d !== undefined && prev !== undefined && d <= prev) err([...path, i, 'date'], em('scn.x.pathOrder', { date: pt.date, prev: String(pts[i - 1]?.date) }));
      if (d !== undefined) prev = d;
      if (pt.value < lo || pt.value > hi) err([...path, i, 'value'], em('scn.x.between', { lo, hi, unit, value: pt.value }));
    });
  };
  checkPath(dem.growthPctPerYear, ['market', 'demand', 'growthPctPerYear'], -90, 1000, 'scn.unit.growthPct');
  checkPath(s.market.capital.baseRatePct, ['market', 'capital', 'baseRatePct'], -5, 50, 'scn.unit.pct');
  checkPath(s.market.capital.sentimentLongRun, ['market', 'capital', 'sentimentLongRun'], 0.1, 5, 'scn.unit.sentiment');

  // ---- market: vendor and capital ----------------------------------------------------------------
  const v = s.market.vendor;
  if (v.leadTimeWeeksNormal > v.leadTimeWeeksShortage) err(['market', 'vendor', 'leadTimeWeeksNormal'], em('scn.x.leadTimes', { normal: v.leadTimeWeeksNormal, shortage: v.leadTimeWeeksShortage }));
  const cap = s.market.capital;
  if (cap.multipleMin > cap.multipleMax) err(['market', 'capital', 'multipleMin'], em('scn.x.minMax', { minField: 'multipleMin', min: cap.multipleMin, maxField: 'multipleMax', max: cap.multipleMax }));
  else if (cap.revenueMultiple < cap.multipleMin || cap.revenueMultiple > cap.multipleMax) err(['market', 'capital', 'revenueMultiple'], em('scn.x.neutralMultiple', { value: cap.revenueMultiple, min: cap.multipleMin, max: cap.multipleMax }));

  // ---- rivals ----------------------------------------------------------------------------------
  s.market.rivals.forEach((r, i) => {
    const p: PathSegment[] = ['market', 'rivals', i];
    if (r.shares <= 0) err([...p, 'shares'], em('scn.x.gt0.shares'));
    regionRef(r.homeRegionId, [...p, 'homeRegionId']);
    r.gpus.forEach((g, j) => {
      modelRef(g.modelId, [...p, 'gpus', j, 'modelId']);
      released(g.modelId, s.calendar.startDate, [...p, 'gpus', j, 'modelId'], { who: 'scn.who.rival', whoId: r.id });
    });
    r.sites.forEach((site, j) => regionRef(site.regionId, [...p, 'sites', j, 'regionId']));
  });

  // ---- events ----------------------------------------------------------------------------------
  const vendorsInCatalogue = new Set(s.gpus.map((g) => g.vendor));
  s.events.forEach((e, i) => {
    const p: PathSegment[] = ['events', i];
    const t = e.trigger;
    let fires: number | undefined;
    if (t.type === 'date') {
      within(t.date, [...p, 'trigger', 'date'], 'scn.d.event');
      fires = dayNumber(t.date);
    } else if (t.type === 'random') {
      const from = dayNumber(t.fromDate);
      const to = dayNumber(t.toDate);
      if (from !== undefined && to !== undefined && from > to) err([...p, 'trigger', 'toDate'], em('scn.x.windowOrder', { to: t.toDate, from: t.fromDate }));
      else if (from !== undefined && to !== undefined && (to < start || from >= end)) err([...p, 'trigger', 'fromDate'], em('scn.x.windowOutside', { from: t.fromDate, to: t.toDate, start: s.calendar.startDate, end: endIso }));
      fires = from;
    } else {
      if (t.fromDate !== undefined) within(t.fromDate, [...p, 'trigger', 'fromDate'], 'scn.d.earliest');
      fires = t.fromDate !== undefined ? dayNumber(t.fromDate) : start;
    }
    e.effects.forEach((fx, j) => {
      const q: PathSegment[] = [...p, 'effects', j];
      if ('modelIds' in fx && fx.modelIds) fx.modelIds.forEach((id, k) => modelRef(id, [...q, 'modelIds', k]));
      if ('regionIds' in fx && fx.regionIds) fx.regionIds.forEach((id, k) => regionRef(id, [...q, 'regionIds', k]));
      switch (fx.type) {
        case 'rivalDistress':
          ref(fx.rivalId, rivalIds, [...q, 'rivalId'], 'rival', 'market.rivals');
          break;
        case 'demandShock':
          fx.segmentIds?.forEach((id, k) => ref(id, segmentIds, [...q, 'segmentIds', k], 'segment', 'market.demand.segments'));
          break;
        case 'subsidy': {
          const until = dayNumber(fx.untilDate);
          if (until !== undefined && fires !== undefined && until < fires) err([...q, 'untilDate'], em('scn.x.subsidyEnds', { until: fx.untilDate }));
          fx.vendors?.forEach((vd, k) => {
            if (!vendorsInCatalogue.has(vd)) err([...q, 'vendors', k], em('scn.x.noVendorModel', { vendor: JSON.stringify(vd) }));
          });
          break;
        }
        default:
          break;
      }
    });
  });

  // ---- stacked effects: products (and sums) over every event that could fire -------------------
  const L = STACKED_EFFECT_LIMITS;
  const product = new Map<string, number>();
  const sumRate = { value: 0 };
  const grow = (key: string, by: number, limit: number, path: PathSegment[], what: string, gid: string) => {
    // `what` is an id (scn.grow.*) naming the stacked values; `gid` the segment or region.
    const before = product.get(key) ?? 1;
    const after = before * by;
    product.set(key, after);
    if (before <= limit && !(after <= limit)) err(path, em('scn.x.stacked', { what, gid, product: round(after), limit }));
  };
  s.events.forEach((e, i) => e.effects.forEach((fx, j) => {
    const q: PathSegment[] = ['events', i, 'effects', j];
    if (fx.type === 'demandShock') {
      for (const g of s.market.demand.segments) {
        if (fx.segmentIds && !fx.segmentIds.includes(g.id as never)) continue;
        grow(`demand:${g.id}`, fx.multiplier, L.demandShockProduct, [...q, 'multiplier'], 'scn.grow.demand', JSON.stringify(g.id));
      }
    } else if (fx.type === 'permitting' || fx.type === 'powerPrice') {
      for (const r of s.regions) {
        if (fx.regionIds && !fx.regionIds.includes(r.id)) continue;
        if (fx.type === 'permitting') {
          grow(`grid:${r.id}`, fx.gridQueueMultiplier, L.permittingProduct, [...q, 'gridQueueMultiplier'], 'scn.grow.grid', JSON.stringify(r.id));
          grow(`build:${r.id}`, fx.buildWeeksMultiplier, L.permittingProduct, [...q, 'buildWeeksMultiplier'], 'scn.grow.build', JSON.stringify(r.id));
        } else grow(`power:${r.id}`, fx.multiplier, L.powerPriceProduct, [...q, 'multiplier'], 'scn.grow.power', JSON.stringify(r.id));
      }
    } else if (fx.type === 'baseRateShift') {
      const before = sumRate.value;
      sumRate.value += fx.deltaPct;
      if (Math.abs(before) <= L.baseRateShiftSumPct && Math.abs(sumRate.value) > L.baseRateShiftSumPct) err([...q, 'deltaPct'], em('scn.x.baseRateSum', { sum: round(sumRate.value), limit: L.baseRateShiftSumPct }));
    }
  }));

  // ---- lesson ----------------------------------------------------------------------------------
  s.lesson.objectives.forEach((o, i) => {
    const p: PathSegment[] = ['lesson', 'objectives', i];
    if (o.type === 'annualRevenue' || o.type === 'ipo') {
      const d = dayNumber(o.byDate);
      if (d !== undefined && (d <= start || d > end)) err([...p, 'byDate'], em('scn.x.deadline', { date: o.byDate, start: s.calendar.startDate, end: isoFromDayNumber(end) }));
    }
    if (o.type === 'ipo' && s.company.listed) err([...p, 'type'], em('scn.x.listedIpo'));
  });
  let prevCmd: number | undefined;
  s.lesson.historicalCommands.forEach((h, i) => {
    const p: PathSegment[] = ['lesson', 'historicalCommands', i, 'date'];
    within(h.date, p, 'scn.d.command');
    const d = dayNumber(h.date);
    if (d !== undefined && prevCmd !== undefined && d < prevCmd) err(p, em('scn.x.historyOrder', { date: h.date }));
    if (d !== undefined) prevCmd = d;
    // The command's shape was checked by its schema; its ids must name this scenario's models and regions.
    const cmd = h.command;
    const q: PathSegment[] = ['lesson', 'historicalCommands', i, 'command'];
    const idError = commandIdError(s, cmd, q);
    if (idError) errors.push(idError);
    else if (cmd.type === 'orderGpus') released(cmd.modelId, h.date, [...q, 'modelId'], { who: 'scn.who.command' });
  });
  if (s.lesson.historyUntilDate !== undefined) {
    within(s.lesson.historyUntilDate, ['lesson', 'historyUntilDate'], 'scn.d.historyUntil');
    const until = dayNumber(s.lesson.historyUntilDate);
    s.lesson.historicalCommands.forEach((h, i) => {
      const d = dayNumber(h.date);
      if (d !== undefined && until !== undefined && d > until) err(['lesson', 'historicalCommands', i, 'date'], em('scn.x.afterHistory', { date: h.date, until: String(s.lesson.historyUntilDate) }));
    });
  }
  return errors;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
