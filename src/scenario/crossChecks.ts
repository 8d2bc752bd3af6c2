/**
 * Checks across fields that a schema of single fields cannot express: references resolve, ids
 * are unique, shares add up, dates fall inside the calendar and in order, ranges are ordered.
 * Runs only on a document that already passed the schema, so every field has its type.
 */
import type { Scenario } from './schema/index.ts';
import { dayNumber, isoFromDayNumber } from './dates.ts';
import { didYouMean } from './suggest.ts';
import type { PathSegment } from './paths.ts';
import type { RawError } from './rawError.ts';
import { commandIdError } from './commandRefs.ts';

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
  const err = (path: PathSegment[], message: string) => errors.push({ path, message });

  // ---- ids unique -------------------------------------------------------------------------------
  const uniqueIds = <T>(list: readonly T[], base: PathSegment[], idOf: (t: T) => string, what: string): Set<string> => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const id = idOf(item);
      const first = seen.get(id);
      if (first !== undefined) err([...base, i, 'id'], `${what} id ${JSON.stringify(id)} is used twice (also at ${base.join('.')}[${first}]); ids must be unique`);
      else seen.set(id, i);
    });
    return new Set(seen.keys());
  };
  const modelIds = uniqueIds(s.gpus, ['gpus'], (g) => g.id, 'GPU model');
  const regionIds = uniqueIds(s.regions, ['regions'], (r) => r.id, 'region');
  const rivalIds = uniqueIds(s.market.rivals, ['market', 'rivals'], (r) => r.id, 'rival');
  uniqueIds(s.events, ['events'], (e) => e.id, 'event');
  const segmentIds = uniqueIds(s.market.demand.segments, ['market', 'demand', 'segments'], (g) => g.id, 'segment');

  // ---- references ---------------------------------------------------------------------------------
  const ref = (id: string, known: Set<string>, path: PathSegment[], what: string, listPath: string) => {
    if (!known.has(id)) err(path, `${JSON.stringify(id)} is not a ${what} defined in ${listPath}.${didYouMean(id, known)} Known: ${[...known].join(', ') || '(none)'}`);
  };
  const modelRef = (id: string, path: PathSegment[]) => ref(id, modelIds, path, 'GPU model', 'gpus');
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
    err(['calendar', 'startQuarter'], `the start date ${s.calendar.startDate} is in quarter ${quarterOfMonth}, but startQuarter is ${s.calendar.startQuarter}`);
  }
  const within = (date: string, path: PathSegment[], what: string) => {
    const d = dayNumber(date);
    if (d === undefined) return;
    if (d < start || d >= end) err(path, `${what} ${date} is outside the game (${s.calendar.startDate} to ${endIso}; calendar.lengthWeeks = ${s.calendar.lengthWeeks})`);
  };
  const notAfterEnd = (date: string, path: PathSegment[], what: string) => {
    const d = dayNumber(date);
    if (d !== undefined && d >= end) err(path, `${what} ${date} is after the game ends (${endIso})`);
  };
  const released = (modelId: string, date: string, path: PathSegment[], who: string) => {
    const m = modelById.get(modelId);
    const rd = m ? dayNumber(m.releaseDate) : undefined;
    const d = dayNumber(date);
    if (m && rd !== undefined && d !== undefined && rd > d) err(path, `${who} has ${JSON.stringify(modelId)} on ${date}, but that model is only released on ${m.releaseDate}`);
  };
  if (!s.gpus.some((g) => (dayNumber(g.releaseDate) ?? Infinity) < end)) {
    err(['gpus'], `no GPU model in the catalogue is released before the game ends (${endIso}); nothing could ever be bought`);
  }

  // ---- GPU catalogue -------------------------------------------------------------------------------
  s.gpus.forEach((g, i) => {
    if (g.installedCapexUsdPerGpu < g.gpuPriceUsd) err(['gpus', i, 'installedCapexUsdPerGpu'], `the installed cost per GPU (${g.installedCapexUsdPerGpu}) is below the GPU's own price (gpuPriceUsd ${g.gpuPriceUsd}); installed cost includes the GPU`);
    if (g.launchUsdPerGpuHour <= 0) err(['gpus', i, 'launchUsdPerGpuHour'], 'must be greater than 0: a GPU nobody pays rent for cannot be priced');
    if (g.installedCapexUsdPerGpu <= 0) err(['gpus', i, 'installedCapexUsdPerGpu'], 'must be greater than 0');
  });

  // ---- regions ---------------------------------------------------------------------------------
  s.regions.forEach((r, i) => {
    if (r.powerUsdPerMwh <= 0) err(['regions', i, 'powerUsdPerMwh'], 'must be greater than 0: free power breaks the cost floor of every price');
  });

  // ---- company ---------------------------------------------------------------------------------
  const c = s.company;
  if (c.founderShares <= 0) err(['company', 'founderShares'], 'must be greater than 0: the score is equity value per founder share');
  c.gpus.forEach((g, i) => {
    modelRef(g.modelId, ['company', 'gpus', i, 'modelId']);
    released(g.modelId, s.calendar.startDate, ['company', 'gpus', i, 'modelId'], 'the company');
  });
  c.sites.forEach((site, i) => regionRef(site.regionId, ['company', 'sites', i, 'regionId']));
  c.contracts.forEach((k, i) => {
    const p: PathSegment[] = ['company', 'contracts', i];
    modelRef(k.modelId, [...p, 'modelId']);
    released(k.modelId, k.startDate, [...p, 'modelId'], `the contract starting ${k.startDate}`);
    const sd = dayNumber(k.startDate);
    if (sd !== undefined && sd + k.termWeeks * 7 <= start) err([...p, 'termWeeks'], `the contract started ${k.startDate} and ran ${k.termWeeks} weeks, so it ended before the game starts (${s.calendar.startDate})`);
    notAfterEnd(k.startDate, [...p, 'startDate'], 'the contract start date');
    if (k.signedDate !== undefined) {
      const sg = dayNumber(k.signedDate);
      if (sg !== undefined && sd !== undefined && sg > sd) err([...p, 'signedDate'], `the contract is signed on ${k.signedDate}, after it starts (${k.startDate}); a contract is signed on or before its start`);
      notAfterEnd(k.signedDate, [...p, 'signedDate'], 'the contract signing date');
    }
    if (k.gpuCount === 0) err([...p, 'gpuCount'], 'a contract must be for at least 1 GPU');
  });
  c.debt.forEach((d, i) => {
    if (d.remainingWeeks === 0 && d.principalUsd > 0) err(['company', 'debt', i, 'remainingWeeks'], 'debt with principal outstanding must have at least 1 week to maturity');
  });

  // ---- operations ------------------------------------------------------------------------------
  if (s.operations.platformUsdForFullMaturity <= 0) err(['operations', 'platformUsdForFullMaturity'], 'must be greater than 0 (platform maturity is spend divided by this)');

  // ---- market: demand --------------------------------------------------------------------------
  const dem = s.market.demand;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const demandSum = sum(dem.segments.map((g) => g.demandShare));
  if (Math.abs(demandSum - 1) > SHARE_TOLERANCE) err(['market', 'demand', 'segments'], `the segments' demandShare values add up to ${round(demandSum)}; they must add up to 1`);
  const agentSum = sum(dem.segments.map((g) => g.agentShare));
  if (Math.abs(agentSum - 1) > SHARE_TOLERANCE) err(['market', 'demand', 'segments'], `the segments' agentShare values add up to ${round(agentSum)}; they must add up to 1`);
  dem.segments.forEach((g, i) => {
    const p: PathSegment[] = ['market', 'demand', 'segments', i];
    if (g.rfpTermWeeksMin > g.rfpTermWeeksMax) err([...p, 'rfpTermWeeksMin'], `rfpTermWeeksMin (${g.rfpTermWeeksMin}) is greater than rfpTermWeeksMax (${g.rfpTermWeeksMax})`);
    if (g.demandShare > 0 && g.agentShare === 0) err([...p, 'agentShare'], `the segment holds ${g.demandShare} of demand but no customer agents (agentShare 0); give it some agents or set demandShare to 0`);
  });
  if (dem.growthShockCorrectionGrowthPctMin > dem.growthShockCorrectionGrowthPctMax) err(['market', 'demand', 'growthShockCorrectionGrowthPctMin'], `growthShockCorrectionGrowthPctMin (${dem.growthShockCorrectionGrowthPctMin}) is greater than growthShockCorrectionGrowthPctMax (${dem.growthShockCorrectionGrowthPctMax})`);
  if (dem.growthShockCorrectionQuartersMin > dem.growthShockCorrectionQuartersMax) err(['market', 'demand', 'growthShockCorrectionQuartersMin'], `growthShockCorrectionQuartersMin (${dem.growthShockCorrectionQuartersMin}) is greater than growthShockCorrectionQuartersMax (${dem.growthShockCorrectionQuartersMax})`);
  if (dem.referenceUsdPerH100Hour <= 0) err(['market', 'demand', 'referenceUsdPerH100Hour'], 'must be greater than 0 (demand is scaled by price relative to this)');
  if (dem.customerAgents < dem.segments.length) err(['market', 'demand', 'customerAgents'], `must be at least the number of segments (${dem.segments.length})`);

  // ---- paths: dates in order, values in range --------------------------------------------------
  const checkPath = (pts: { date: string; value: number }[], path: PathSegment[], lo: number, hi: number, unit: string) => {
    let prev: number | undefined;
    pts.forEach((pt, i) => {
      const d = dayNumber(pt.date);
      if (d !== undefined && prev !== undefined && d <= prev) err([...path, i, 'date'], `path points must be in date order: ${pt.date} is not after the previous point (${pts[i - 1]?.date})`);
      if (d !== undefined) prev = d;
      if (pt.value < lo || pt.value > hi) err([...path, i, 'value'], `must be between ${lo} and ${hi} (${unit}), found ${pt.value}`);
    });
  };
  checkPath(dem.growthPctPerYear, ['market', 'demand', 'growthPctPerYear'], -90, 1000, 'percent growth per year');
  checkPath(s.market.capital.baseRatePct, ['market', 'capital', 'baseRatePct'], -5, 50, 'percent');
  checkPath(s.market.capital.sentimentLongRun, ['market', 'capital', 'sentimentLongRun'], 0.1, 5, 'sentiment index, 1 = neutral');

  // ---- market: vendor and capital ----------------------------------------------------------------
  const v = s.market.vendor;
  if (v.leadTimeWeeksNormal > v.leadTimeWeeksShortage) err(['market', 'vendor', 'leadTimeWeeksNormal'], `the normal lead time (${v.leadTimeWeeksNormal} weeks) is longer than the shortage lead time (leadTimeWeeksShortage ${v.leadTimeWeeksShortage})`);
  const cap = s.market.capital;
  if (cap.multipleMin > cap.multipleMax) err(['market', 'capital', 'multipleMin'], `multipleMin (${cap.multipleMin}) is greater than multipleMax (${cap.multipleMax})`);
  else if (cap.revenueMultiple < cap.multipleMin || cap.revenueMultiple > cap.multipleMax) err(['market', 'capital', 'revenueMultiple'], `the neutral multiple (${cap.revenueMultiple}) must lie between multipleMin (${cap.multipleMin}) and multipleMax (${cap.multipleMax})`);

  // ---- rivals ----------------------------------------------------------------------------------
  s.market.rivals.forEach((r, i) => {
    const p: PathSegment[] = ['market', 'rivals', i];
    if (r.shares <= 0) err([...p, 'shares'], 'must be greater than 0 (share price is value divided by shares)');
    regionRef(r.homeRegionId, [...p, 'homeRegionId']);
    r.gpus.forEach((g, j) => {
      modelRef(g.modelId, [...p, 'gpus', j, 'modelId']);
      released(g.modelId, s.calendar.startDate, [...p, 'gpus', j, 'modelId'], `rival ${r.id}`);
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
      within(t.date, [...p, 'trigger', 'date'], 'the event date');
      fires = dayNumber(t.date);
    } else if (t.type === 'random') {
      const from = dayNumber(t.fromDate);
      const to = dayNumber(t.toDate);
      if (from !== undefined && to !== undefined && from > to) err([...p, 'trigger', 'toDate'], `the window ends (${t.toDate}) before it starts (fromDate ${t.fromDate})`);
      else if (from !== undefined && to !== undefined && (to < start || from >= end)) err([...p, 'trigger', 'fromDate'], `the window ${t.fromDate} to ${t.toDate} lies entirely outside the game (${s.calendar.startDate} to ${endIso}); the event could never fire`);
      fires = from;
    } else {
      if (t.fromDate !== undefined) within(t.fromDate, [...p, 'trigger', 'fromDate'], 'the earliest date');
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
          if (until !== undefined && fires !== undefined && until < fires) err([...q, 'untilDate'], `the subsidy ends (${fx.untilDate}) before the event can fire; it would never apply`);
          fx.vendors?.forEach((vd, k) => {
            if (!vendorsInCatalogue.has(vd)) err([...q, 'vendors', k], `no GPU model in the catalogue is made by ${JSON.stringify(vd)}; add one to gpus or remove the vendor`);
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
  const grow = (key: string, by: number, limit: number, path: PathSegment[], what: string) => {
    const before = product.get(key) ?? 1;
    const after = before * by;
    product.set(key, after);
    if (before <= limit && !(after <= limit)) err(path, `${what} multiply to ${round(after)} when every event fires (at most ${limit}); a multiplier within its own limit can still overflow when stacked, so lower it or use fewer such effects`);
  };
  s.events.forEach((e, i) => e.effects.forEach((fx, j) => {
    const q: PathSegment[] = ['events', i, 'effects', j];
    if (fx.type === 'demandShock') {
      for (const g of s.market.demand.segments) {
        if (fx.segmentIds && !fx.segmentIds.includes(g.id as never)) continue;
        grow(`demand:${g.id}`, fx.multiplier, L.demandShockProduct, [...q, 'multiplier'], `the demandShock multipliers reaching segment ${JSON.stringify(g.id)}`);
      }
    } else if (fx.type === 'permitting' || fx.type === 'powerPrice') {
      for (const r of s.regions) {
        if (fx.regionIds && !fx.regionIds.includes(r.id)) continue;
        if (fx.type === 'permitting') {
          grow(`grid:${r.id}`, fx.gridQueueMultiplier, L.permittingProduct, [...q, 'gridQueueMultiplier'], `the permitting gridQueueMultiplier values reaching region ${JSON.stringify(r.id)}`);
          grow(`build:${r.id}`, fx.buildWeeksMultiplier, L.permittingProduct, [...q, 'buildWeeksMultiplier'], `the permitting buildWeeksMultiplier values reaching region ${JSON.stringify(r.id)}`);
        } else grow(`power:${r.id}`, fx.multiplier, L.powerPriceProduct, [...q, 'multiplier'], `the powerPrice multipliers reaching region ${JSON.stringify(r.id)}`);
      }
    } else if (fx.type === 'baseRateShift') {
      const before = sumRate.value;
      sumRate.value += fx.deltaPct;
      if (Math.abs(before) <= L.baseRateShiftSumPct && Math.abs(sumRate.value) > L.baseRateShiftSumPct) err([...q, 'deltaPct'], `the baseRateShift deltas add up to ${round(sumRate.value)} percent points when every event fires (at most ±${L.baseRateShiftSumPct})`);
    }
  }));

  // ---- lesson ----------------------------------------------------------------------------------
  s.lesson.objectives.forEach((o, i) => {
    const p: PathSegment[] = ['lesson', 'objectives', i];
    if (o.type === 'annualRevenue' || o.type === 'ipo') {
      const d = dayNumber(o.byDate);
      if (d !== undefined && (d <= start || d > end)) err([...p, 'byDate'], `the deadline ${o.byDate} must fall inside the game (after ${s.calendar.startDate}, at the latest ${isoFromDayNumber(end)})`);
    }
    if (o.type === 'ipo' && s.company.listed) err([...p, 'type'], 'the company is already listed at the start (company.listed is true), so an IPO objective can never be met');
  });
  let prevCmd: number | undefined;
  s.lesson.historicalCommands.forEach((h, i) => {
    const p: PathSegment[] = ['lesson', 'historicalCommands', i, 'date'];
    within(h.date, p, 'the command date');
    const d = dayNumber(h.date);
    if (d !== undefined && prevCmd !== undefined && d < prevCmd) err(p, `historical commands must be in date order: ${h.date} comes before the previous command`);
    if (d !== undefined) prevCmd = d;
    // The command's shape was checked by its schema; its ids must name this scenario's models and regions.
    const cmd = h.command;
    const q: PathSegment[] = ['lesson', 'historicalCommands', i, 'command'];
    const idError = commandIdError(s, cmd, q);
    if (idError) errors.push(idError);
    else if (cmd.type === 'orderGpus') released(cmd.modelId, h.date, [...q, 'modelId'], 'the command');
  });
  if (s.lesson.historyUntilDate !== undefined) {
    within(s.lesson.historyUntilDate, ['lesson', 'historyUntilDate'], 'historyUntilDate');
    const until = dayNumber(s.lesson.historyUntilDate);
    s.lesson.historicalCommands.forEach((h, i) => {
      const d = dayNumber(h.date);
      if (d !== undefined && until !== undefined && d > until) err(['lesson', 'historicalCommands', i, 'date'], `the command date ${h.date} is after historyUntilDate (${s.lesson.historyUntilDate}); it would never be played`);
    });
  }
  return errors;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
