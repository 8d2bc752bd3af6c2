/**
 * Behaviour of the company agents (rivals and the player's autopilots) that is not money-raising or
 * pricing: how they plan power before ordering or bidding, and how the hyperscaler defends its share.
 * Every field says why; teachers change them and ablation tests switch mechanisms off with them.
 */
import { z } from 'zod';
import { Share } from './common.ts';

export const PowerPlanning = z
  .object({
    marketSpaceShare: Share('Share of the colocation and powered sites for sale across all regions a company counts on winning when it plans orders and bids (its rivals want the same halls). 0 = only megawatts in hand count.'),
    maxShortfallShare: Share('A company bids on an RFP (or orders GPUs) only if the megawatts it will lack when they arrive are at most this share of what they need: nobody signs for 32k GPUs holding 5 MW.'),
    deliveryRiskWeight: z.number().finite().min(0).max(5).describe('How much a big customer marks up a bid (score × (1 + this × risk)) for each unit of delivery risk: GPUs not owned or on order in time, or megawatts not in hand by the start.'),
  })
  .strict()
  .describe('How agents check power before ordering GPUs and bidding for contracts.');

export const HyperscalerAgent = z
  .object({
    targetShareOfSupply: Share('Share of the market\u2019s GPU supply (H100e, installed plus on order) the hyperscaler defends: below it, it orders GPUs for its own cloud whenever its fleet is busy (hyperscalers out-build neoclouds).'),
    minOwnUtilization: Share('It adds capacity only while its own fleet is at least this busy (it does not build into a glut of its own).'),
    maxGrowthPerOrder: z.number().finite().min(0).max(2).describe('Largest order as a share of its current fleet (H100e), per ordering round.'),
    orderEveryWeeks: z.number().int().min(1).max(52).describe('Weeks between its capacity reviews.'),
    priceFloorMultiple: z.number().finite().min(0).max(5).describe('Its on-demand price never falls below this multiple of the neocloud reference rent (it defends margin, not share, on price; it defends share by building).'),
    maxRfpShareOfCapacity: z.number().finite().min(0).max(10).describe('Largest contract it bids for, as a share of its own capacity.'),
    utilizationTargetOffset: z.number().finite().min(-0.5).max(0.5).default(-0.15).describe('Its utilisation target relative to the market\'s (market.pricing.targetUtilization + this): a hyperscaler runs a deeper reserve of spare capacity than a neocloud, so it cuts prices only when its fleet idles well below a neocloud\'s comfort (optional, default −0.15).'),
    priceAdjustSpeed: z.number().finite().min(0).max(5).default(0.3).describe('How fast it moves its on-demand price, as a multiple of market.pricing.adjustPerWeekPct: a big list-price business reprices slowly (optional, default 0.3).'),
    rfpPremium: z.number().finite().min(0).max(2).default(0.25).describe('It bids for contracts at this share above the fair contract rent (it sells reliability and a full platform, not price; optional, default 0.25).'),
    rfpMargin: z.number().finite().min(0).max(2).default(0.3).describe('Smallest margin over its own break-even it accepts on a contract (optional, default 0.3).'),
    powerHeadroom: z.number().finite().min(1).max(3).default(1.1).describe('Megawatts it keeps secured as a multiple of what its fleet (installed and on order) needs (optional, default 1.1).'),
    cashFloorUsd: z.number().finite().min(0).max(1e12).default(1e9).describe('Below this cash, USD, it raises money at the next quarter\'s review (optional, default $1B).'),
    raiseUsd: z.number().finite().min(0).max(1e12).default(2e9).describe('How much it raises then, by bond or follow-on, USD: its parent\'s balance sheet stands behind it (optional, default $2B).'),
  })
  .strict()
  .describe('The hyperscaler: a dominant, reactive competitor that builds to keep its share.');

export const PrudentAgent = z
  .object({
    marketGrowthShare: z.number().finite().min(0).max(3).describe('Prudent (Nebius-like) grows its fleet at this share of the market’s demand growth rate while its GPUs are busy: it grows with the market, funded by equity, rather than ahead of it with debt.'),
    minOwnUtilization: Share('It orders growth GPUs only while its own fleet is at least this busy (demand first, then chips).'),
    orderEveryWeeks: z.number().int().min(1).max(52).describe('Weeks between its capacity reviews.'),
    fundWeeksAhead: z.number().int().min(1).max(104).default(39).describe('Treasury: every week it raises what the payments due in this many weeks (plus planned growth) exceed its cash — equity first; a long horizon because rounds take time and it never wants to be forced to borrow (optional, default 39).'),
    maxDebtToAssetsForLoans: Share('It takes GPU-backed loans only while its debt is below this share of its market-valued assets (Nebius: ≈12% debt ratio); above it, equity and convertibles only (optional, default 0.15).').default(0.15),
  })
  .strict()
  .describe('The prudent archetype’s growth rule and treasury.');

export const LeveragedAgent = z
  .object({
    buildAheadGrowthPerYear: z.number().finite().min(0).max(5).describe('Leveraged (CoreWeave-like) builds ahead of its contracts: while sentiment is warm and its GPUs are busy it adds this share of its fleet a year (H100e) as speculative capacity, borrowing for it first with GPU-backed loans — as far as its lenders allow (loan-to-value, the incurrence test). 0 = it buys only for signed contracts and the market-shortage rule.'),
    buildAheadMinSentiment: z.number().finite().min(0).max(5).describe('It builds ahead only while equity sentiment is at least this (growth is what a warm market pays for).'),
    minOwnUtilization: Share('It builds ahead only while its own fleet is at least this busy.'),
    orderEveryWeeks: z.number().int().min(1).max(52).describe('Weeks between its build-ahead reviews.'),
    fundWeeksAhead: z.number().int().min(1).max(104).default(16).describe('Treasury: every week it borrows what the payments due in this many weeks exceed its cash — facility first, then GPU loans, the revolver, bonds, then equity (a short horizon: it runs lean on cash and leans on lenders; optional, default 16).'),
  })
  .strict()
  .describe('The leveraged archetype’s build-ahead rule: speculative capacity financed with debt, bounded by lenders.');

/** The leveraged build-ahead rule's defaults (as in default.json). */
const LEVERAGED_DEFAULTS = { buildAheadGrowthPerYear: 0.5, buildAheadMinSentiment: 1.2, minOwnUtilization: 0.8, orderEveryWeeks: 4, fundWeeksAhead: 16 };

export const Agents = z
  .object({
    powerPlanning: PowerPlanning,
    hyperscaler: HyperscalerAgent,
    prudent: PrudentAgent,
    leveraged: LeveragedAgent.default(LEVERAGED_DEFAULTS),
  })
  .strict()
  .describe('Agent behaviour: power planning and the hyperscaler\u2019s reaction (optional; defaults as in default.json).');
export type Agents = z.infer<typeof Agents>;

export const AGENTS_DEFAULTS: Agents = {
  powerPlanning: { marketSpaceShare: 0.3, maxShortfallShare: 0.2, deliveryRiskWeight: 0.4 },
  hyperscaler: { targetShareOfSupply: 0.3, minOwnUtilization: 0.6, maxGrowthPerOrder: 0.25, orderEveryWeeks: 8, priceFloorMultiple: 1.2, maxRfpShareOfCapacity: 0.3, utilizationTargetOffset: -0.15, priceAdjustSpeed: 0.3, rfpPremium: 0.25, rfpMargin: 0.3, powerHeadroom: 1.1, cashFloorUsd: 1e9, raiseUsd: 2e9 },
  prudent: { marketGrowthShare: 1, minOwnUtilization: 0.78, orderEveryWeeks: 8, fundWeeksAhead: 39, maxDebtToAssetsForLoans: 0.15 },
  leveraged: LEVERAGED_DEFAULTS,
};
