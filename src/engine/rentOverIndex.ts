/**
 * What a provider actually charges on demand, as a multiple of the market: the rents it posted
 * when last week's indices were taken (`Company.last.odPostedUsdPerGpuHour`: its own price per
 * generation when it set one, else its company-wide multiple of the rent it follows), each over
 * its generation's index, weighted by the GPUs it offered of each. Its `priceFactor` alone says
 * 1.00× for a rival whose pricing desk sets a price per generation (`genPriceFactors`).
 */
import type { Company, World } from './types.ts';

/** The GPU-weighted mean of posted rent ÷ index over the generations it offered last week; null when it offered none or is not active. */
export function rentOverIndex(world: World, co: Company): number | null {
  if (co.status !== 'active') return null;
  let weight = 0, sum = 0;
  for (const g of world.market.gens) {
    const offeredGpus = co.last.odOfferedGpus[g.modelId] ?? 0;
    const postedUsd = co.last.odPostedUsdPerGpuHour[g.modelId];
    if (offeredGpus <= 0 || postedUsd === undefined || !(g.indexUsdPerGpuHour > 0)) continue;
    weight += offeredGpus;
    sum += offeredGpus * (postedUsd / g.indexUsdPerGpuHour);
  }
  return weight > 0 ? sum / weight : null;
}
