/**
 * Regional supply of powered space answers its price (economics.md §9 fact 7). Each week, per region:
 *  1. developer projects that are ready come to market (colocation halls and powered sites);
 *  2. the asking lease rate and powered-site price follow occupancy: base × (1 + sensitivity × occupancy²);
 *  3. while the price a developer expects — occupancy counting the projects already announced — is
 *     above its hurdle, developers start new projects in proportion to the premium. They arrive
 *     `developerLeadWeeks` later, so a crunch lasts years and then eases.
 * Switch it off with `powerSupply.developerResponsePctPerYear: 0` (space then never grows).
 */
import type { RegionState, World } from '../types.ts';
import { WEEKS_PER_YEAR } from '../money.ts';
import { region } from '../lookup.ts';

/** Price multiple of the base rent for a region at this occupancy (0–1). */
export function leasePriceMultiple(world: World, occupancy: number): number {
  const o = Math.min(1, Math.max(0, occupancy));
  return 1 + world.scenario.powerSupply.leasePriceSensitivity * o * o;
}

/** MW of colocation and powered sites still for sale in a region. */
export function spaceForSaleMw(rs: RegionState): number {
  return rs.colocAvailableMw + rs.poweredSiteAvailableMw;
}

/** MW that developers have under way in a region. */
export function pipelineSupplyMw(rs: RegionState): number {
  let mw = 0;
  for (const p of rs.pipeline) mw += p.mw;
  return mw;
}

/** Share of a region's space already taken (0 = all free, 1 = sold out). */
export function occupancy(rs: RegionState): number {
  return rs.stockMw > 0 ? 1 - spaceForSaleMw(rs) / rs.stockMw : 1;
}

export function updatePowerSupply(world: World): void {
  const ps = world.scenario.powerSupply;
  for (const rs of world.regions) {
    const r = region(world, rs.id);
    if (!r) continue;
    // 1. Projects that are ready come to market.
    if (rs.pipeline.length > 0 && rs.pipeline[0]!.readyWeek <= world.week) {
      let mw = 0;
      while (rs.pipeline.length > 0 && rs.pipeline[0]!.readyWeek <= world.week) mw += rs.pipeline.shift()!.mw;
      rs.poweredSiteAvailableMw += mw * ps.poweredShareOfNewSupply;
      rs.colocAvailableMw += mw * (1 - ps.poweredShareOfNewSupply);
      rs.stockMw += mw;
      rs.capacityMw += mw;
    }
    // 2. Asking prices follow occupancy.
    const mult = leasePriceMultiple(world, occupancy(rs));
    rs.colocUsdPerKwMonth = r.colocUsdPerKwMonth * mult;
    rs.poweredSiteUsdPerMw = r.poweredSiteUsdPerMw * mult;
    // 3. Developers build while the price they expect (counting announced projects) beats the hurdle.
    if (ps.developerResponsePctPerYear <= 0) continue;
    const stock = Math.max(ps.minStockMw, rs.stockMw);
    const taken = rs.stockMw - spaceForSaleMw(rs);
    const expected = leasePriceMultiple(world, taken / (stock + pipelineSupplyMw(rs)));
    const premium = expected - ps.developerHurdleMultiple;
    if (premium <= 0) continue;
    const mw = (stock * ps.developerResponsePctPerYear / 100 / WEEKS_PER_YEAR) * premium;
    if (mw > 0) rs.pipeline.push({ readyWeek: world.week + ps.developerLeadWeeks, mw });
  }
}
