/**
 * Market totals after the week's trading: installed supply (H100e), utilisation (contracted GPUs
 * delivered plus on-demand served, over supply) and on-demand demand nobody could serve.
 */
import type { World } from '../types.ts';
import { perfH100e } from '../metrics.ts';

export function updateMarketTotals(world: World, unservedH100e: number): void {
  let supply = 0, sold = 0;
  for (let i = 0; i < world.companies.length; i++) {
    const co = world.companies[i]!;
    if (co.status !== 'active') continue;
    for (const l of co.lots) supply += l.installed * perfH100e(world, l.modelId);
    for (const c of co.contracts) sold += c.deliveredGpus * perfH100e(world, c.modelId);
    sold += co.last.onDemandH100eSold;
  }
  world.market.supplyH100e = supply;
  world.market.utilization = supply > 0 ? Math.min(1, sold / supply) : 1;
  world.market.unservedH100e = unservedH100e;
}
