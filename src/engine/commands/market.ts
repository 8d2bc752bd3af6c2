/**
 * Commercial commands: bid on a request for proposals, set the on-demand price, fund the platform.
 */
import type { Company, World } from '../types.ts';
import type { Command, CommandResult } from './types.ts';
import { gpuModel, genMarket } from '../lookup.ts';
import { checkNumber, done, refuse } from './common.ts';
import { contractValueUsd } from './assets.ts';
import { COMMAND_BOUNDS as B } from './bounds.ts';
import { followedRentUsd, postedRentUsd } from '../market/rents.ts';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

/**
 * The bid a form starts from for a request: the lower of its price ceiling and the market index of
 * its generation, rounded down to the cent — a bid the request accepts, at no more than the market.
 */
export function suggestedBidUsd(maxUsdPerGpuHour: number, indexUsdPerGpuHour: number): number {
  return Math.max(0.01, Math.floor(Math.min(maxUsdPerGpuHour, indexUsdPerGpuHour) * 100 + 1e-9) / 100);
}

export function bidRfp(world: World, co: Company, cmd: Of<'bidRfp'>, execute: boolean): CommandResult {
  const rfp = world.rfps.find((r) => r.id === cmd.rfpId);
  if (!rfp) return refuse('refuse.noRfp', { id: String(cmd.rfpId) });
  if (rfp.closeWeek < world.week) return refuse('refuse.bidClosed');
  if (rfp.incumbentIndex === -2 - co.index) return refuse('refuse.noRenew', { customer: rfp.customerName });
  const bad = checkNumber(cmd.usdPerGpuHour, 'usdPerGpuHour', B.usdPerGpuHour.min, B.usdPerGpuHour.max);
  if (bad) return bad;
  if (cmd.usdPerGpuHour > rfp.maxUsdPerGpuHour) return refuse('refuse.overMax', { customer: rfp.customerName, max: rfp.maxUsdPerGpuHour });
  const m = gpuModel(world, rfp.modelId);
  if (execute) {
    rfp.bids = rfp.bids.filter((b) => b.companyIndex !== co.index);
    rfp.bids.push({ companyIndex: co.index, usdPerGpuHour: cmd.usdPerGpuHour, week: world.week });
  }
  const value = contractValueUsd(rfp.gpuCount, cmd.usdPerGpuHour, rfp.termWeeks);
  return done('cmd.bid', { price: cmd.usdPerGpuHour, customer: rfp.customerName, count: rfp.gpuCount, model: m?.name ?? rfp.modelId, weeks: rfp.termWeeks, start: rfp.startWeek, valueUsd: value }, 0, {
    contractValueUsd: value, gpuCount: rfp.gpuCount, startWeek: rfp.startWeek,
  });
}

/**
 * On-demand rent. Without `modelId`: every generation at `priceFactor` × its market index (follow
 * the market), replacing any per-generation prices. With `modelId`: that generation at a fixed rent
 * of `priceFactor` × its list rent (launch rent), until changed.
 */
export function setOnDemandPrice(world: World, co: Company, cmd: Of<'setOnDemandPrice'>, execute: boolean): CommandResult {
  if (cmd.modelId !== undefined) {
    const bad = checkNumber(cmd.priceFactor, 'priceFactor', B.genPriceFactor.min, B.genPriceFactor.max);
    if (bad) return bad;
    const g = genMarket(world, cmd.modelId);
    const m = gpuModel(world, cmd.modelId);
    if (!g || !m) return refuse('refuse.unknownModel', { model: String(cmd.modelId) });
    const price = postedRentUsd(world, { ...co, genPriceFactors: { ...co.genPriceFactors, [g.modelId]: cmd.priceFactor } }, g);
    const index = followedRentUsd(world, co, g);
    if (execute) co.genPriceFactors[g.modelId] = cmd.priceFactor;
    return done('cmd.onDemandGen', { model: m.name, price, factor: cmd.priceFactor, index }, 0, { priceFactor: cmd.priceFactor, modelId: g.modelId });
  }
  const bad = checkNumber(cmd.priceFactor, 'priceFactor', B.priceFactor.min, B.priceFactor.max);
  if (bad) return bad;
  const h100 = genMarket(world, 'h100');
  // The rent the player will post next week: the factor × the market rent it follows (its own part left out), within the ceiling.
  const h100Usd = h100 ? postedRentUsd(world, { ...co, priceFactor: cmd.priceFactor, genPriceFactors: {} }, h100) : 0;
  if (execute) { co.priceFactor = cmd.priceFactor; co.genPriceFactors = {}; }
  const details = { priceFactor: cmd.priceFactor };
  if (h100) return done('cmd.onDemandH100', { factor: cmd.priceFactor, h100: h100Usd }, 0, details);
  return done('cmd.onDemand', { factor: cmd.priceFactor }, 0, details);
}

export function setPlatformSpend(world: World, co: Company, cmd: Of<'setPlatformSpend'>, execute: boolean): CommandResult {
  const bad = checkNumber(cmd.usdPerWeek, 'usdPerWeek', B.platformUsdPerWeek.min, B.platformUsdPerWeek.max);
  if (bad) return bad;
  if (execute) co.platformUsdPerWeek = cmd.usdPerWeek;
  void world;
  return done('cmd.platform', { usd: cmd.usdPerWeek }, 0, { usdPerWeek: cmd.usdPerWeek });
}
