/**
 * The opening state at week 0, before any week has run: the market's first clearing (H100 index,
 * utilisation, sentiment, base rate) and the player's first week of operation (utilisation, MW in
 * use). At week 0 the World holds no traded week yet (its market row is the scenario's reference
 * rent at 0% utilisation); the honest opening figures are what the engine's own first tick
 * produces. This runs that tick on a copy — the World passed in is never changed.
 */
import type { World } from './types.ts';
import { step } from './step.ts';
import { annualisedEbitdaUsd } from './metrics.ts';
import { WEEKS_PER_YEAR } from './money.ts';
import { rentOverIndex } from './rentOverIndex.ts';

export interface OpeningFigures {
  /** The week these figures describe (the first simulated week). */
  week: number;
  h100IndexUsd: number;
  /** Market utilisation 0–1 after the first week's trading. */
  marketUtilization: number;
  sentiment: number;
  baseRatePct: number;
  /** The player's utilisation 0–1 and MW in use in that week. */
  playerUtilization: number;
  playerPowerMwUsed: number;
  playerPowerMwAvailable: number;
  /** The player's operating cash flow in that week (adjusted EBITDA, as the advisor reads it), USD. */
  playerOperatingUsdPerWeek: number;
  /** Market demand and supply after the first week's trading, H100-equivalents. */
  demandH100e: number;
  supplyH100e: number;
  /** Each generation's index, peak and installed GPUs after the first week (same order as `market.gens`). */
  gens: { modelId: string; indexUsdPerGpuHour: number; peakIndexUsdPerGpuHour: number; installedGpus: number }[];
  /** Each rival's utilisation 0–1, installed GPUs and posted rent ÷ index (`rentOverIndex`) in that week (same order as `companies`, player excluded). */
  rivals: { index: number; utilization: number; installedGpus: number; rentOverIndex: number | null }[];
}

const cache = new WeakMap<World, OpeningFigures>();

/** A deep copy of a World. The caller passes the platform's (`structuredClone`): the engine touches no globals. */
export type DeepCopy = <T>(value: T) => T;

/**
 * The first week's figures, computed by the engine on a deep copy of a week-0 world (without the
 * player's queued commands: the opening, whatever the player does); null after week 0. Cached per
 * World (one tick, 40–300 ms cold).
 */
export function openingFigures(world: World, deepCopy: DeepCopy): OpeningFigures | null {
  if (world.week !== 0) return null;
  const hit = cache.get(world);
  if (hit) return hit;
  const copy = deepCopy(world);
  copy.pending = [];
  step(copy);
  const p = copy.companies[0]!;
  const m = copy.market;
  const out: OpeningFigures = {
    week: 0,
    h100IndexUsd: m.h100IndexUsd,
    marketUtilization: m.utilization,
    sentiment: m.sentiment,
    baseRatePct: m.baseRatePct,
    playerUtilization: p.last.utilization,
    playerPowerMwUsed: p.last.powerMwUsed,
    playerPowerMwAvailable: p.last.powerMwAvailable,
    playerOperatingUsdPerWeek: annualisedEbitdaUsd(p) / WEEKS_PER_YEAR,
    demandH100e: m.demandH100e,
    supplyH100e: m.supplyH100e,
    gens: m.gens.map((g) => ({ modelId: g.modelId, indexUsdPerGpuHour: g.indexUsdPerGpuHour, peakIndexUsdPerGpuHour: g.peakIndexUsdPerGpuHour, installedGpus: g.installedGpus })),
    rivals: copy.companies.slice(1).map((c) => ({ index: c.index, utilization: c.last.utilization, installedGpus: c.lots.reduce((a, l) => a + l.installed, 0), rentOverIndex: rentOverIndex(copy, c) })),
  };
  cache.set(world, out);
  return out;
}
