/**
 * Rents per generation: what it costs a company to run a GPU of a model — the test for switching it
 * off (`exits.ts`) and for bidding on a bankrupt fleet (`fleet.ts` `auctionFleet`).
 */
import type { Company, World } from '../types.ts';
import { HOURS_PER_WEEK, WEEKS_PER_YEAR } from '../money.ts';
import { gpuModel, region } from '../lookup.ts';
import { powerPriceUsdPerMwh } from '../sites.ts';

/**
 * A company's cash cost of running one GPU of a model for an hour, USD: power at full draw (PUE,
 * its regions' power prices), its colocation lease and data-centre staff for that model's kW,
 * weighted by the megawatts it has energised in each region. A company without energised space
 * counts the first region's colocation.
 */
export function cashCostUsdPerGpuHour(world: World, co: Company | null, modelId: string): number {
  const m = gpuModel(world, modelId);
  if (!m) return 0;
  const staffUsdPerKwHour = world.scenario.operations.dcStaffUsdPerMwWeek / 1000 / HOURS_PER_WEEK;
  let w = 0, v = 0;
  if (co) {
    for (const s of co.sites) {
      if (s.status !== 'energised' || s.powerMw <= 0) continue;
      const r = region(world, s.regionId);
      if (!r) continue;
      const power = (r.pue * powerPriceUsdPerMwh(world, r.id)) / 1000;
      const space = s.kind === 'colo' ? (s.leaseUsdPerKwMonth * 12) / (WEEKS_PER_YEAR * HOURS_PER_WEEK) : 0;
      w += s.powerMw;
      v += s.powerMw * (power + space + staffUsdPerKwHour);
    }
  }
  if (w <= 0) {
    const r = world.scenario.regions[0];
    if (!r) return 0;
    const power = (r.pue * powerPriceUsdPerMwh(world, r.id)) / 1000;
    const space = (r.colocUsdPerKwMonth * 12) / (WEEKS_PER_YEAR * HOURS_PER_WEEK);
    return m.kwPerGpu * (power + space + staffUsdPerKwHour);
  }
  return (m.kwPerGpu * v) / w;
}
