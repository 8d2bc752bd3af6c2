/**
 * Commercial commands: bid on a request for proposals, set the on-demand price, fund the platform.
 */
import type { Company, World } from '../types.ts';
import type { Command, CommandResult } from './types.ts';
import { gpuModel, genMarket } from '../lookup.ts';
import { checkNumber, done, refuse, usd } from './common.ts';
import { contractValueUsd } from './assets.ts';
import { groupDigits } from '../format.ts';
import { COMMAND_BOUNDS as B } from './bounds.ts';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

export function bidRfp(world: World, co: Company, cmd: Of<'bidRfp'>, execute: boolean): CommandResult {
  const rfp = world.rfps.find((r) => r.id === cmd.rfpId);
  if (!rfp) return refuse(`No open request for proposals with id ${String(cmd.rfpId)}`);
  if (rfp.closeWeek < world.week) return refuse('Bidding has closed');
  if (rfp.incumbentIndex === -2 - co.index) return refuse(`${rfp.customerName} will not renew with you`);
  const bad = checkNumber(cmd.usdPerGpuHour, 'usdPerGpuHour', B.usdPerGpuHour.min, B.usdPerGpuHour.max);
  if (bad) return bad;
  if (cmd.usdPerGpuHour > rfp.maxUsdPerGpuHour) return refuse(`${rfp.customerName} will not pay more than $${rfp.maxUsdPerGpuHour.toFixed(2)} per GPU-hour`);
  const m = gpuModel(world, rfp.modelId);
  if (execute) {
    rfp.bids = rfp.bids.filter((b) => b.companyIndex !== co.index);
    rfp.bids.push({ companyIndex: co.index, usdPerGpuHour: cmd.usdPerGpuHour, week: world.week });
  }
  const value = contractValueUsd(rfp.gpuCount, cmd.usdPerGpuHour, rfp.termWeeks);
  return done(`Bid $${cmd.usdPerGpuHour.toFixed(2)}/GPU-hour for ${rfp.customerName}: ${groupDigits(rfp.gpuCount)} ${m?.name ?? rfp.modelId} for ${rfp.termWeeks} weeks from week ${rfp.startWeek}, worth ${usd(value)}`, 0, {
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
    if (!g || !m) return refuse(`Unknown GPU model "${String(cmd.modelId)}"`);
    if (execute) co.genPriceFactors[g.modelId] = cmd.priceFactor;
    return done(`Price on-demand ${m.name} at $${(g.referenceUsdPerGpuHour * cmd.priceFactor).toFixed(2)}/hr (${cmd.priceFactor.toFixed(2)}× its list rent; market index $${g.indexUsdPerGpuHour.toFixed(2)})`, 0, { priceFactor: cmd.priceFactor, modelId: g.modelId });
  }
  const bad = checkNumber(cmd.priceFactor, 'priceFactor', B.priceFactor.min, B.priceFactor.max);
  if (bad) return bad;
  if (execute) { co.priceFactor = cmd.priceFactor; co.genPriceFactors = {}; }
  const h100 = genMarket(world, 'h100');
  const example = h100 ? ` (H100 at $${(h100.indexUsdPerGpuHour * cmd.priceFactor).toFixed(2)}/hr now)` : '';
  return done(`Price on-demand capacity at ${cmd.priceFactor.toFixed(2)}× each generation\u2019s market index${example}`, 0, { priceFactor: cmd.priceFactor });
}

export function setPlatformSpend(world: World, co: Company, cmd: Of<'setPlatformSpend'>, execute: boolean): CommandResult {
  const bad = checkNumber(cmd.usdPerWeek, 'usdPerWeek', B.platformUsdPerWeek.min, B.platformUsdPerWeek.max);
  if (bad) return bad;
  if (execute) co.platformUsdPerWeek = cmd.usdPerWeek;
  void world;
  return done(`Spend ${usd(cmd.usdPerWeek)} a week on the software platform (raises the price customers accept and keeps them longer)`, 0, { usdPerWeek: cmd.usdPerWeek });
}
