/**
 * The physical and economic world of a scenario: calendar, GPU catalogue, regions and power.
 */
import { z } from 'zod';
import { Id, IsoDate, Localized, Usd, Pct, Share, Weeks } from './common.ts';

export const Calendar = z
  .object({
    startDate: IsoDate.describe('First day of week 0 (YYYY-MM-DD). Quarters are 13-week blocks counted from here.'),
    startQuarter: z.number().int().min(1).max(4).describe('Calendar quarter (1-4) that week 0 belongs to; labels read e.g. 2024Q1.'),
    lengthWeeks: z.number().int().min(13).max(1040).describe('How many weeks the game lasts (52 a year).'),
  })
  .strict()
  .describe('The game clock: one tick is one week.');

export const GpuModel = z
  .object({
    id: Id.describe('GPU model id used by orders, contracts and events, e.g. "h100".'),
    name: z.string().min(1).max(60).describe('Display name, e.g. "H100".'),
    vendor: z.enum(['nvidia', 'amd', 'domestic']).describe('Who makes it (export controls and subsidies can target a vendor).'),
    releaseDate: IsoDate.describe('First date it can be ordered.'),
    gpuPriceUsd: Usd('List price of one GPU at launch, USD (what the vendor charges for the chip).'),
    installedCapexUsdPerGpu: Usd('All-in installed cost per GPU at launch (GPU + server + network + storage), USD.'),
    kwPerGpu: z.number().finite().min(0.05).max(20).describe('All-in IT power per GPU in kW (server, network share), before PUE.'),
    trainingPerfH100: z.number().finite().min(0.01).max(100).describe('Training performance relative to an H100 (H100 = 1).'),
    inferencePerfH100: z.number().finite().min(0.01).max(100).describe('Inference performance relative to an H100 (H100 = 1).'),
    launchUsdPerGpuHour: Usd('On-demand rent per GPU-hour the market pays at launch under balanced supply, USD.'),
    liquidCooled: z.boolean().describe('Needs liquid-cooled space (adds build cost per MW).'),
    gpusPerServer: z.number().int().min(1).max(1000).default(8).describe('GPUs in the smallest unit it is sold and racked in: an 8-GPU HGX/DGX board for most generations, a 72-GPU NVL72 rack for GB200 and GB300. The autopilots and rivals size capacity in whole units and never order fewer than one (a player may order any count; optional, default 8).'),
  })
  .strict()
  .describe('One GPU generation in the vendor catalogue.');
export type GpuModel = z.infer<typeof GpuModel>;

export const Region = z
  .object({
    id: Id.describe('Region id, e.g. "us-texas".'),
    name: Localized.describe('Region name shown on the map.'),
    bloc: z.enum(['us', 'allied', 'china', 'other']).describe('Export-control bloc the region belongs to.'),
    mapX: z.number().min(0).max(1).describe('Horizontal position on the world map, 0 (west) to 1 (east).'),
    mapY: z.number().min(0).max(1).describe('Vertical position on the world map, 0 (north) to 1 (south).'),
    powerUsdPerMwh: Usd('Industrial power price at the start, USD per MWh.'),
    powerPriceSensitivity: z.number().min(0).max(5).describe('How much the power price rises as data centers fill the region (0 = flat; 1 = +100% when the grid is full).'),
    pue: z.number().min(1).max(3).describe('Power usage effectiveness of a typical facility here (1.1 liquid to 1.6 air).'),
    colocUsdPerKwMonth: Usd('Colocation lease rate, USD per kW of IT load per month.'),
    colocAvailableMw: z.number().min(0).max(100000).describe('Megawatts of colocation space for lease at the start.'),
    colocLeadWeeks: Weeks('Weeks from signing a colocation lease to energised space.'),
    buildCapexUsdPerMw: Usd('Cost to build a campus, USD per MW of critical IT load.'),
    buildWeeks: Weeks('Construction time of a campus in weeks.'),
    gridQueueWeeks: Weeks('Wait for a new grid connection, in weeks, counted from the build order.'),
    gridAvailableMw: z.number().min(0).max(1000000).describe('Megawatts the grid can still connect for new campuses.'),
    poweredSiteUsdPerMw: Usd('Price of an already powered site (e.g. a former crypto mine), USD per MW.'),
    poweredSiteAvailableMw: z.number().min(0).max(100000).describe('Megawatts of powered sites for sale at the start.'),
    poweredSiteLeadWeeks: Weeks('Weeks to take over and fit out a powered site.'),
    spaceTakenMw: z.number().min(0).max(1000000).default(0).describe('Megawatts of colocation and powered sites already taken at the start by companies outside the game (hyperscalers, enterprises). With the space for sale it sets how full the region is, which drives asking rents and developers (powerSupply). Optional, default 0.'),
    latencyPricePct: Pct('Price discount customers ask for capacity here because it is far from users (percent).'),
  })
  .strict()
  .describe('A region with its power market, space and grid.');
export type Region = z.infer<typeof Region>;

/**
 * How the supply of powered space answers its price (economics.md §9 fact 7: "high lease prices call
 * forth new supply in years"). Each region's asking lease rate and powered-site price rise as its
 * space fills; while they are above what pays for building, developers start new halls and powered
 * sites, which come to market years later.
 */
export const PowerSupply = z
  .object({
    leasePriceSensitivity: z.number().finite().min(0).max(5).describe('How much a region\u2019s asking colocation rate and powered-site price rise as its space fills: price = base × (1 + this × occupancy²), occupancy = share of the region\u2019s colocation and powered-site stock already taken (0 = prices never move).'),
    developerHurdleMultiple: z.number().finite().min(1).max(5).describe('Developers start new space only while the asking price is above this multiple of the scenario\u2019s base price (the base pays for building; the margin above it pays for the risk).'),
    developerResponsePctPerYear: z.number().finite().min(0).max(2000).describe('New space developers start per year, as a percent of the region\u2019s stock, for each 1.0 of price multiple above the hurdle (0 = supply never answers the price: the ablation switch).'),
    developerLeadWeeks: Weeks('Weeks from a developer starting a project to the space being on the market (permits, grid connection, construction: years, not months).'),
    poweredShareOfNewSupply: Share('Share of new developer space sold as powered sites (the rest is leased as colocation).'),
    minStockMw: z.number().finite().min(0).max(10000).describe('Stock a region is treated as having when it has almost none, MW (so a tiny market can still grow).'),
  })
  .strict()
  .describe('How powered space answers its price: asking rents rise as regions fill, and developers build when they are high.');
export type PowerSupply = z.infer<typeof PowerSupply>;

/** Defaults: rents up to 1.6× in a full region; developers answer a 30% premium with ~+40%/yr of stock, 1.5 years later. */
export const POWER_SUPPLY_DEFAULTS: PowerSupply = {
  leasePriceSensitivity: 0.6,
  developerHurdleMultiple: 1.15,
  developerResponsePctPerYear: 250,
  developerLeadWeeks: 78,
  poweredShareOfNewSupply: 0.3,
  minStockMw: 20,
};
