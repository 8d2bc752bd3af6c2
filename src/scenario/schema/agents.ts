/**
 * Behaviour of the company agents (rivals and the player's autopilots) that is not money-raising or
 * pricing: how they plan power before ordering or bidding, and how the hyperscaler defends its share.
 * Every field says why; teachers change them and ablation tests switch mechanisms off with them.
 */
import { z } from 'zod';
import { Share, Usd } from './common.ts';

export const PowerPlanning = z
  .object({
    marketSpaceShare: Share('Share of the colocation and powered sites for sale across all regions a company counts on winning when it plans orders and bids (its rivals want the same halls). 0 = only megawatts in hand count.'),
    maxShortfallShare: Share('A company bids on an RFP (or orders GPUs) only if the megawatts it will lack when they arrive are at most this share of what they need: nobody signs for 32k GPUs holding 5 MW.'),
    deliveryRiskWeight: z.number().finite().min(0).max(5).describe('How much a big customer marks up a bid (score × (1 + this × risk)) for each unit of delivery risk: GPUs not owned or on order in time, or megawatts not in hand by the start.'),
  })
  .strict()
  .describe('How agents check power before ordering GPUs and bidding for contracts.');


/** Financing commands an archetype may try, in its order of preference, when it needs cash. */
export const FUNDING_COMMANDS = ['drawFacility', 'takeGpuLoan', 'drawRevolver', 'issueBond', 'ipo', 'issueConvertible', 'raiseEquity', 'followOn'] as const;
const FundingOrder = (what: string) => z.array(z.enum(FUNDING_COMMANDS)).max(8).describe(what);
const PowerKind = z.enum(['colo', 'powered', 'campus']).describe('colo = lease a hall in a colocation facility (fast), powered = buy a powered site, campus = build a campus (years).');

/** How an archetype's on-demand desk prices (arguments of the toolkit's `priceByUtilization`). */
export const DeskPricing = z
  .object({
    utilizationTargetOffset: z.number().finite().min(-0.5).max(0.5).describe('Its utilisation target relative to market.pricing.targetUtilization: above 0 it runs its fleet fuller (cuts sooner to fill it), below 0 it keeps spare capacity and defends its margin.'),
    priceAdjustSpeed: z.number().finite().min(0).max(5).describe('How fast it moves its rents, as a multiple of market.pricing.adjustPerWeekPct (a small desk reprices faster than a big list-price business).'),
    maxPriceFactor: z.number().finite().min(0).max(10).describe('Its rent never exceeds this multiple of the generation\'s launch rent (what it dares to ask in a shortage).'),
  })
  .strict()
  .describe('How the archetype prices its on-demand GPUs.');

/** How an archetype bids for contracts (arguments of the toolkit's `bid`). */
export const ContractBidding = z
  .object({
    maxRfpShareOfCapacity: z.number().finite().min(0).max(20).describe('Largest request it bids for, as a share of its own capacity (H100e): a grower bids for deals several times its size, a prudent company for slices of its fleet.'),
    discount: z.number().finite().min(-1).max(1).describe('It bids at the fair contract rent × (1 − this) for a sub-investment-grade buyer (share now against margin later).'),
    investmentGradeDiscount: z.number().finite().min(-1).max(1).describe('The same for an investment-grade buyer (the deals lenders finance best, so a leveraged grower bids hardest for them).'),
    margin: z.number().finite().min(0).max(2).describe('Smallest margin over its own break-even (new GPUs repaid over the term plus cash cost) it accepts.'),
    debtFinancedShare: Share('Share of a new GPU\'s price it expects to borrow against the contract (amortised over the term). With a debt-service covenant (finance.covenantMinDebtServiceCover > 0) it never bids below the rent whose margin over cash cost covers that debt\'s service (interest at today\'s base rate plus the lenders\' spread for the buyer\'s credit, and amortisation over the term) that many times: its lenders would not fund a deal that breaches the covenant on day one. No floor when lenders size new debt on debt service at the covenant\'s cover or above (finance.lenderMinDebtServiceCover): they lend against a deal only what its cash flow services, so a cheaper contract gets a smaller loan, not a breach. 0 = it funds contracts with equity and has no such floor (optional, default 0).').default(0),
  })
  .strict()
  .describe('How the archetype bids for contracts.');

/** Speculative on-demand capacity (arguments of the toolkit's `speculativeGpus`). */
export const SpeculativeOrders = z
  .object({
    everyWeeks: z.number().int().min(1).max(52).describe('Weeks between its reviews of speculative capacity.'),
    aggressiveness: z.number().finite().min(0).max(5).describe('Share of the market\'s expected shortfall (at the GPUs\' arrival) it orders for itself, relative to its share of capacity.'),
    pipelineWeight: Share('How much of the industry\'s order book it believes will arrive: below 1 every builder orders for the same gap, so a shortage over-orders and a glut follows (the bullwhip).'),
    minMarketUtil: Share('It orders nothing while the market\'s utilisation is below this (the demand brake).'),
    minOwnUtil: Share('Nor while its own fleet is less busy than this.'),
    maxGrowth: z.number().finite().min(0).max(2).describe('Largest speculative order as a share of its fleet (H100e).'),
    minShareOfShortfall: Share('The least share of the market\'s expected shortfall it counts as its own, however small its fleet: a newcomer with a sliver of the market still orders for a part of a shortage it can see (optional, default 0.03).').default(0.03),
    firstBlockGpus: z.number().int().min(0).max(100_000).default(64).describe('GPUs it may order beyond maxGrowth × its fleet at one review: a company with a small fleet (or none yet) can still order a first block of servers for a shortage (optional, default 64 = eight 8-GPU servers).'),
  })
  .strict()
  .describe('Speculative capacity ordered for on-demand customers while the market is tight.');

/** Platform (software, sales) spending, reviewed each quarter. */
export const PlatformSpending = z
  .object({
    revenueShare: Share('Platform spending per year as this share of annualised revenue (Nebius-like clouds invest several per cent of revenue in software; a wholesale grower little).'),
    minUsdPerWeek: Usd('Floor of its platform spending, USD a week (a small team keeps the platform alive).'),
    maxUsdPerWeek: Usd('Cap of its platform spending, USD a week.'),
  })
  .strict()
  .describe('How much the archetype spends on its software platform (set each quarter).');

/** Orders for GPUs its signed contracts need. */
export const ContractOrders = z
  .object({
    everyWeeks: z.number().int().min(1).max(52).describe('Weeks between its checks of the GPUs its signed contracts need.'),
    aheadWeeks: z.number().int().min(0).max(104).describe('It covers contracts starting within the lead time plus this many weeks.'),
    vendorFinancing: z.boolean().describe('Whether it takes the vendor\'s financing on those orders (a leveraged buyer does, a cash-rich one does not).'),
  })
  .strict()
  .describe('How the archetype orders the GPUs its signed contracts need.');

/** Powered space kept ahead of the fleet (arguments of the toolkit's `ensurePower`). */
export const PowerPlan = z
  .object({
    headroom: z.number().finite().min(1).max(3).describe('Megawatts it keeps secured as a multiple of what its fleet (installed and on order) needs.'),
    prefer: z.array(PowerKind).min(1).max(3).describe('Kinds of space it tries, in order (a grower leases halls first; an energy builder builds).'),
  })
  .strict()
  .describe('How the archetype keeps powered space ahead of its fleet.');


/* Each archetype's behaviour record: defaults equal the literals its strategy carried before (state hashes unchanged). */
const HYPERSCALER_CONTRACT_ORDERS = { everyWeeks: 1, aheadWeeks: 8, vendorFinancing: false };
const OWN_CHIPS_OFF = { shareOfNewCapacity: 0, capexShareOfMerchant: 0.6 };

export const OwnChips = z
  .object({
    shareOfNewCapacity: Share('Share of the compute the hyperscalers build that is their own silicon (TPU, Trainium, MTIA) instead of the vendor\u2019s GPUs. 0 = none: every hyperscaler GPU is bought from the vendor (optional, default 0).').default(0),
    capexShareOfMerchant: Share('What their own chips cost per unit of performance, installed, as a share of the vendor\u2019s GPU: no vendor margin to pay (NVIDIA\u2019s data-centre gross margin is ≈75%), though design, packaging and memory still cost (optional, default 0.6).').default(0.6),
  })
  .strict()
  .describe('The hyperscalers\u2019 own chips: they make part of their compute cheaper than anyone who buys GPUs can, which lowers the price of their cloud (the customers\u2019 outside option, market.pricing.hyperscalerMarkupOverNewCapacity × what new capacity costs them) and what the hyperscaler rival pays per GPU it adds. Off by default.');
const LEVERAGED_RECORD = {
  pricing: { utilizationTargetOffset: 0.05, priceAdjustSpeed: 1, maxPriceFactor: 2.2 },
  bidding: { maxRfpShareOfCapacity: 6, discount: 0.2, investmentGradeDiscount: 0.3, margin: 0.12, debtFinancedShare: 0.8 },
  fundingOrder: ['drawFacility', 'takeGpuLoan', 'drawRevolver', 'issueBond', 'ipo', 'issueConvertible', 'raiseEquity', 'followOn'] as (typeof FUNDING_COMMANDS)[number][],
  buildAheadFundingOrder: ['takeGpuLoan', 'drawRevolver', 'issueBond'] as (typeof FUNDING_COMMANDS)[number][],
  contractOrders: { everyWeeks: 2, aheadWeeks: 10, vendorFinancing: true },
  speculative: { everyWeeks: 4, aggressiveness: 0.5, pipelineWeight: 0.3, minMarketUtil: 0.85, minOwnUtil: 0.85, maxGrowth: 0.15, minShareOfShortfall: 0.03, firstBlockGpus: 64 },
  power: { headroom: 1.15, prefer: ['colo', 'powered', 'campus'] as ('colo' | 'powered' | 'campus')[] },
  platform: { revenueShare: 0.01, minUsdPerWeek: 0, maxUsdPerWeek: 2e6 },
};
const PRUDENT_RECORD = {
  pricing: { utilizationTargetOffset: -0.05, priceAdjustSpeed: 0.7, maxPriceFactor: 1.8 },
  bidding: { maxRfpShareOfCapacity: 0.12, discount: 0.02, investmentGradeDiscount: 0.02, margin: 0.2, debtFinancedShare: 0 },
  fundingOrder: ['ipo', 'followOn', 'raiseEquity', 'issueConvertible', 'takeGpuLoan'] as (typeof FUNDING_COMMANDS)[number][],
  contractOrders: { everyWeeks: 1, aheadWeeks: 8, vendorFinancing: false },
  power: { headroom: 1.1, prefer: ['colo', 'campus', 'powered'] as ('colo' | 'powered' | 'campus')[] },
  platform: { revenueShare: 0.04, minUsdPerWeek: 100_000, maxUsdPerWeek: 4e6 },
};
const DEVELOPER_RECORD = {
  pricing: { utilizationTargetOffset: 0.03, priceAdjustSpeed: 1.3, maxPriceFactor: 1.6 },
  fundWeeksAhead: 26,
  fundingOrder: ['takeGpuLoan', 'raiseEquity', 'ipo', 'followOn', 'drawRevolver'] as (typeof FUNDING_COMMANDS)[number][],
  speculative: { everyWeeks: 6, aggressiveness: 1.2, pipelineWeight: 0.5, minMarketUtil: 0.8, minOwnUtil: 0.85, maxGrowth: 0.12, minShareOfShortfall: 0.03, firstBlockGpus: 64 },
  vendorFinancing: false,
  power: { headroom: 1.1, prefer: ['colo', 'powered'] as ('colo' | 'powered' | 'campus')[] },
  platform: { revenueShare: 0.05, minUsdPerWeek: 80_000, maxUsdPerWeek: 1.5e6 },
};
const ENERGY_RECORD = {
  pricing: { utilizationTargetOffset: 0, priceAdjustSpeed: 1, maxPriceFactor: 1.9 },
  bidding: { maxRfpShareOfCapacity: 1, discount: 0.08, investmentGradeDiscount: 0.08, margin: 0.1, debtFinancedShare: 0.8 },
  fundWeeksAhead: 26,
  fundingOrder: ['drawFacility', 'takeGpuLoan', 'raiseEquity', 'drawRevolver', 'issueBond', 'ipo', 'followOn'] as (typeof FUNDING_COMMANDS)[number][],
  contractOrders: { everyWeeks: 1, aheadWeeks: 8, vendorFinancing: true },
  speculative: { everyWeeks: 4, aggressiveness: 1.3, pipelineWeight: 0.5, minMarketUtil: 0.85, minOwnUtil: 0.8, maxGrowth: 0.15, minShareOfShortfall: 0.03, firstBlockGpus: 64 },
  minSpareMw: 2,
  fillKwPerGpu: 2,
  power: { headroom: 1.05, prefer: ['powered', 'campus', 'colo'] as ('colo' | 'powered' | 'campus')[] },
  busyPowerHeadroom: 1.3,
  busyUtilization: 0.8,
};

export const HyperscalerAgent = z
  .object({
    targetShareOfSupply: Share('Share of the market\u2019s GPU supply (H100e, installed plus on order) the hyperscaler defends: below it, it orders GPUs for its own cloud whenever its fleet is busy (hyperscalers out-build neoclouds).'),
    minOwnUtilization: Share('It adds capacity only while its own fleet is at least this busy (it does not build into a glut of its own).'),
    maxGrowthPerOrder: z.number().finite().min(0).max(2).describe('Largest order as a share of its current fleet (H100e), per ordering round.'),
    orderEveryWeeks: z.number().int().min(1).max(52).describe('Weeks between its capacity reviews.'),
    priceFloorMultiple: z.number().finite().min(0).max(5).describe('Its on-demand price never falls below this multiple of the neocloud reference rent (it defends margin, not share, on price; it defends share by building).'),
    openingPriceShareOfMultiple: z.number().finite().min(0).max(2).default(0.8).describe('Its on-demand price at the start, as a share of market.demand.hyperscalerPriceMultiple × the reference rent: it opens a little under its list premium and then prices by utilisation (optional, default 0.8).'),
    maxRfpShareOfCapacity: z.number().finite().min(0).max(10).describe('Largest contract it bids for, as a share of its own capacity.'),
    utilizationTargetOffset: z.number().finite().min(-0.5).max(0.5).default(-0.15).describe('Its utilisation target relative to the market\'s (market.pricing.targetUtilization + this): a hyperscaler runs a deeper reserve of spare capacity than a neocloud, so it cuts prices only when its fleet idles well below a neocloud\'s comfort (optional, default −0.15).'),
    priceAdjustSpeed: z.number().finite().min(0).max(5).default(0.3).describe('How fast it moves its on-demand price, as a multiple of market.pricing.adjustPerWeekPct: a big list-price business reprices slowly (optional, default 0.3).'),
    rfpPremium: z.number().finite().min(0).max(2).default(0.25).describe('It bids for contracts at this share above the fair contract rent (it sells reliability and a full platform, not price; optional, default 0.25).'),
    rfpMargin: z.number().finite().min(0).max(2).default(0.3).describe('Smallest margin over its own break-even it accepts on a contract (optional, default 0.3).'),
    powerHeadroom: z.number().finite().min(1).max(3).default(1.1).describe('Megawatts it keeps secured as a multiple of what its fleet (installed and on order) needs (optional, default 1.1).'),
    cashFloorUsd: z.number().finite().min(0).max(1e12).default(1e9).describe('Below this cash, USD, it raises money that week (optional, default $1B).'),
    raiseUsd: z.number().finite().min(0).max(1e12).default(2e9).describe('How much it raises then, by bond or follow-on, USD: its parent\'s balance sheet stands behind it (optional, default $2B).'),
    curesBreaches: z.boolean().default(true).describe('In a covenant cure period it pays all its debt off from cash (convertibles excepted: they cannot be repaid), raising equity (a follow-on) for what the cash lacks to do so and keep cashFloorUsd, all or nothing: a hyperscaler whose GPU cloud\'s EBITDA turns negative in a glut breaches its leverage covenant, but a parent with a balance sheet does not default on a bond it can pay (without this, MegaCloud went bankrupt in 2 of 40 default runs with its cash within 1–10% of its bonds). false = it waits out the cure period like the other archetypes (optional, default true).'),
    contractOrders: ContractOrders.default(HYPERSCALER_CONTRACT_ORDERS).describe('How it orders the GPUs its signed contracts need: with its own cash (optional; default every week, lead time + 8 weeks, no vendor financing).'),
    ownChips: OwnChips.default(OWN_CHIPS_OFF),
  })
  .strict()
  .describe('The hyperscaler: a dominant, reactive competitor that builds to keep its share.');

export const PrudentAgent = z
  .object({
    marketGrowthShare: z.number().finite().min(0).max(3).describe('Prudent (Nebius-like) grows its fleet at this share of the market’s demand growth rate while its GPUs are busy: it grows with the market, funded by equity, rather than ahead of it with debt.'),
    minOwnUtilization: Share('It orders growth GPUs only while its own fleet is at least this busy (demand first, then chips).'),
    orderEveryWeeks: z.number().int().min(1).max(52).describe('Weeks between its capacity reviews.'),
    fundWeeksAhead: z.number().int().min(1).max(104).default(39).describe('Treasury: every week it raises what the payments due in this many weeks (plus planned growth) exceed its cash — equity first; a long horizon because rounds take time and it never wants to be forced to borrow (optional, default 39).'),
    revenueShareKept: Share('It aims to keep this share of its place in the market — its share of all providers\' revenue in its first closed quarter: while its fleet is busy and its last quarter\'s share has slipped below that, it grows its fleet (installed plus on order) by the ratio, not only at the market\'s pace on its own fleet (a year sat out in a glut is caught up). Nebius grew revenue +479% in 2025 with low debt, roughly with the market. 0 = off: it grows only at marketGrowthShare of demand growth (optional, default 0).').default(0),
    maxGrowthPerReview: z.number().finite().min(0).max(2).default(0.25).describe('Largest catch-up order at one review, as a share of its installed fleet (H100e): it grows in steps its platform, power and treasury can absorb (optional, default 0.25).'),
    warmGrowthPerReview: z.number().finite().min(0).max(2).default(0).describe('While its fleet is busy (utilisation ≥ minOwnUtilization) and the market is warm (sentiment ≥ growthEquityMinSentiment), at each review it grows its installed fleet (H100e) by the share by which the market\'s demand exceeded its installed supply in the last closed quarter — its part of the customers the whole industry turned away — at most this share, and raises the equity for it: a warm market sells shares at a good price (Nebius raised $1B in Dec 2024 and $4.3B in Sep 2025 and grew revenue +479% in 2025 with ≈12% debt). The market bounds it: in a glut (supply at or above demand) it adds nothing, so it grows with the market rather than at a fixed rate of its own that would take the market from its rivals; its own utilisation stops it too. The cap is a step its platform, power and treasury can absorb at one review (a fixed 0.25 of its fleet a review out-grew the leveraged grower, seeds 301–320). 0 = off (optional, default 0).'),
    growthEquityMinSentiment: z.number().finite().min(0).max(10).default(0).describe('It raises money for growth (equity first, in its funding order) only while equity sentiment is at least this — Nebius sold shares and convertibles when markets were warm; below it, growth comes only from cash in hand and it raises only what payments need (optional, default 0: always).'),
    maxDebtToAssetsForLoans: Share('It takes GPU-backed loans only while its debt is below this share of its market-valued assets (Nebius: ≈12% debt ratio); above it, equity and convertibles only (optional, default 0.15).').default(0.15),
    pricing: DeskPricing.default(PRUDENT_RECORD.pricing).describe('Its on-demand desk: a spare-capacity target below the market\'s and slow repricing — it defends margin, not share (optional).'),
    bidding: ContractBidding.default(PRUDENT_RECORD.bidding).describe('It bids for slices of its fleet near the fair rent with a healthy margin (optional).'),
    fundingOrder: FundingOrder('Its treasury\'s order: equity first, GPU-backed loans last (dropped while its debt is above maxDebtToAssetsForLoans; optional).').default(PRUDENT_RECORD.fundingOrder),
    contractOrders: ContractOrders.default(PRUDENT_RECORD.contractOrders).describe('It orders the GPUs its contracts need every week, paying cash (optional).'),
    power: PowerPlan.default(PRUDENT_RECORD.power).describe('Powered space it keeps ahead of its fleet (optional).'),
    platform: PlatformSpending.default(PRUDENT_RECORD.platform).describe('A strong platform is its edge: it spends a few per cent of revenue on it (optional).'),
  })
  .strict()
  .describe('The prudent archetype’s growth rule and treasury.');

export const LeveragedAgent = z
  .object({
    buildAheadGrowthPerYear: z.number().finite().min(0).max(5).describe('Leveraged (CoreWeave-like) builds ahead of its contracts: while sentiment is warm and its GPUs are busy it adds this share of its fleet a year (H100e) as speculative capacity, borrowing for it first with GPU-backed loans — as far as its lenders allow (loan-to-value, the incurrence test). 0 = it buys only for signed contracts and the market-shortage rule.'),
    buildAheadMinSentiment: z.number().finite().min(0).max(5).describe('It builds ahead only while equity sentiment is at least this (growth is what a warm market pays for).'),
    buildAheadKind: z.enum(['gpus', 'power']).default('gpus').describe('What it builds ahead of its contracts. `gpus`: it orders the GPUs (rented on demand until a contract takes them) and keeps space for them. `power`: it grows its powered space (held and being built) at the same rate — halls, powered sites, campuses in its preferred order — but orders no GPUs ahead (GPUs then come only for signed contracts, plus `speculative` orders in a shortage), as CoreWeave did (1.3 GW contracted at its IPO against ≈0.4 GW in use; GPUs bought against signed take-or-pay): empty halls pay rent and staff before GPUs arrive (optional, default gpus).'),
    minOwnUtilization: Share('It builds ahead only while its own fleet is at least this busy.'),
    orderEveryWeeks: z.number().int().min(1).max(52).describe('Weeks between its build-ahead reviews.'),
    fundWeeksAhead: z.number().int().min(1).max(104).default(16).describe('Treasury: every week it borrows what the payments due in this many weeks exceed its cash — facility first, then GPU loans, the revolver, bonds, then equity (a short horizon: it runs lean on cash and leans on lenders; optional, default 16).'),
    pricing: DeskPricing.default(LEVERAGED_RECORD.pricing).describe('Its on-demand desk: it runs its fleet fuller than the market and reprices at the market\'s pace (optional).'),
    bidding: ContractBidding.default(LEVERAGED_RECORD.bidding).describe('It bids for deals several times its size close to its own break-even, hardest for investment-grade buyers whose contracts its lenders finance (optional).'),
    fundingOrder: FundingOrder('Its treasury\'s order: contract-backed facility, GPU loans, revolver, bonds, then equity (optional).').default(LEVERAGED_RECORD.fundingOrder),
    buildAheadFundingOrder: FundingOrder('How it finances build-ahead capacity: GPU-backed loans first, then the revolver and bonds (optional).').default(LEVERAGED_RECORD.buildAheadFundingOrder),
    contractOrders: ContractOrders.default(LEVERAGED_RECORD.contractOrders).describe('It orders the GPUs its contracts need every other week, with vendor financing (optional).'),
    speculative: SpeculativeOrders.default(LEVERAGED_RECORD.speculative).describe('Speculative on-demand capacity in a shortage: it counts little of the industry\'s order book, so it over-orders with everybody else (optional).'),
    power: PowerPlan.default(LEVERAGED_RECORD.power).describe('Powered space it keeps ahead of its fleet: halls first (optional).'),
    platform: PlatformSpending.default(LEVERAGED_RECORD.platform).describe('A wholesale grower spends little on its platform (optional).'),
  })
  .strict()
  .describe('The leveraged archetype’s build-ahead rule: speculative capacity financed with debt, bounded by lenders.');

export const DeveloperAgent = z
  .object({
    pricing: DeskPricing.describe('A developer cloud\'s desk: cheap, nimble, quick to reprice.'),
    fundWeeksAhead: z.number().int().min(1).max(104).describe('Treasury: every week it raises what the payments due in this many weeks exceed its cash.'),
    fundingOrder: FundingOrder('Its treasury\'s order: GPU loans, equity, then the revolver.'),
    speculative: SpeculativeOrders.describe('It buys for on-demand demand only (no contracts), ahead of a tight market.'),
    vendorFinancing: z.boolean().describe('Whether it takes the vendor\'s financing on its orders.'),
    power: PowerPlan,
    platform: PlatformSpending.describe('Developer experience is its product: a large share of revenue goes to the platform.'),
  })
  .strict()
  .describe('The developer-cloud archetype: on-demand, cheap, small and nimble.');

export const EnergyAgent = z
  .object({
    pricing: DeskPricing,
    bidding: ContractBidding,
    fundWeeksAhead: z.number().int().min(1).max(104).describe('Treasury: every week it raises what the payments due in this many weeks exceed its cash.'),
    fundingOrder: FundingOrder('Its treasury\'s order: contract-backed facility and GPU loans, then equity.'),
    contractOrders: ContractOrders,
    speculative: SpeculativeOrders.describe('It fills its spare powered space only as far as customers want more GPUs (the demand brake).'),
    minSpareMw: z.number().finite().min(0).max(1000).describe('It fills its powered space when more than this many MW stand empty.'),
    fillKwPerGpu: z.number().finite().min(0.1).max(10).describe('kW per GPU it assumes when it converts its spare megawatts into GPUs (an 8-GPU server with its share of cooling and networking draws ≈2 kW per GPU).'),
    power: PowerPlan.describe('Power ahead of the fleet; headroom here is the margin while its GPUs are not busy.'),
    busyPowerHeadroom: z.number().finite().min(1).max(3).describe('Headroom while its GPUs are busy (utilisation above busyUtilization): it builds power ahead of demand.'),
    busyUtilization: Share('Utilisation above which it counts its fleet as busy.'),
  })
  .strict()
  .describe('The energy-first archetype: secures cheap power first, then fills it.');

/**
 * The decision toolkit's own numbers, shared by every archetype (strategies/toolkit.ts): how a
 * bidder prices a contract, reads a deal, signs for power and sizes its funding attempts.
 */
export const DecisionToolkit = z
  .object({
    maxAmortizationWeeks: z.number().int().min(13).max(520).describe('A bidder spreads a new GPU\'s price (and the loan that funds it) over the contract term, but over no more than this many weeks: five years is the useful life buyers and lenders assume for a data-centre GPU.'),
    uptimeShare: Share('Share of the term\'s hours a contracted GPU is expected to bill (maintenance and failures take the rest; ≈95% is what GPU clouds plan on).'),
    capexRecoveryShare: Share('Share of a new GPU\'s price the contract itself must repay at break-even: after the term the GPU still rents or resells, so about a third of its price is left to later years.'),
    averagePrincipalShare: Share('Interest in the debt-service bid floor is charged on this share of the loan: the average balance of a loan amortised straight-line to zero is half of it.'),
    bidJudgementSpread: z.number().finite().min(0).max(1).describe('How differently bidders read the same deal: the spread of its temperament (fixed per company) and of its judgement on each bid (drawn per bid), as a share of the fair price; ±3% each at 0.06.'),
    floorJudgementShare: Share('Share of its judgement a bidder also applies to its break-even floor (a bidder that reads a deal as better also accepts a slightly lower floor).'),
    powerBlockShare: Share('Power comes in blocks (a hall, a building): each signing is at least this share of the megawatts it already has, so a grower signs a few big leases rather than one every week.'),
    maxCampusMw: z.number().finite().min(1).max(5000).describe('Largest campus it starts at once, MW (a large single-site build).'),
    maxHallMw: z.number().finite().min(1).max(5000).describe('Largest hall lease or powered site it signs at once, MW.'),
    minSigningMw: z.number().finite().min(0.1).max(100).describe('Smallest power signing worth making, MW: a gap below this is left for the next block (half a megawatt is a few racks; leases and sites are not signed for less).'),
    soonPowerWeeks: z.number().int().min(1).max(260).default(26).describe('Halls and powered sites serve the GPUs arriving within this many weeks (a campus serves the long run): the power it counts as ready soon is what is ready by then, so a campus years away does not leave GPUs due in half a year idle (optional, default 26).'),
    powerSigningMarginMw: z.number().finite().min(0).max(100).default(2).describe('Megawatts it signs beyond the gap in one lease or site: a little headroom so the next server does not need a new signing (optional, default 2).'),
    fundingTryShares: z.array(z.number().finite().min(0.01).max(5)).min(1).max(6).describe('Amounts it asks each financing source for, as multiples of its cash gap, in order until one is granted: a little more than the gap first (fees and slippage), then smaller slices a lender may still grant.'),
  })
  .strict()
  .describe('Numbers of the decision toolkit every archetype shares (optional; defaults as the literals the toolkit carried).');

const TOOLKIT_DEFAULTS = { maxAmortizationWeeks: 260, uptimeShare: 0.95, capexRecoveryShare: 0.67, averagePrincipalShare: 0.5, bidJudgementSpread: 0.06, floorJudgementShare: 0.5, powerBlockShare: 0.1, maxCampusMw: 300, maxHallMw: 150, minSigningMw: 0.5, soonPowerWeeks: 26, powerSigningMarginMw: 2, fundingTryShares: [1.2, 0.6, 0.3] };

/** The leveraged build-ahead rule's defaults (as in default.json). */
const LEVERAGED_DEFAULTS = { buildAheadGrowthPerYear: 0.5, buildAheadMinSentiment: 1.2, buildAheadKind: 'gpus' as const, minOwnUtilization: 0.8, orderEveryWeeks: 4, fundWeeksAhead: 16, ...LEVERAGED_RECORD };

export const Agents = z
  .object({
    powerPlanning: PowerPlanning,
    hyperscaler: HyperscalerAgent,
    prudent: PrudentAgent,
    leveraged: LeveragedAgent.default(LEVERAGED_DEFAULTS),
    developer: DeveloperAgent.default(DEVELOPER_RECORD).describe('The developer cloud\'s record (optional; defaults as in the schema).'),
    energy: EnergyAgent.default(ENERGY_RECORD).describe('The energy-first builder\'s record (optional; defaults as in the schema).'),
    toolkit: DecisionToolkit.default(TOOLKIT_DEFAULTS),
  })
  .strict()
  .describe('Agent behaviour: power planning and the hyperscaler\u2019s reaction (optional; defaults as in default.json).');
export type Agents = z.infer<typeof Agents>;

export const AGENTS_DEFAULTS: Agents = {
  powerPlanning: { marketSpaceShare: 0.3, maxShortfallShare: 0.2, deliveryRiskWeight: 0.4 },
  hyperscaler: { targetShareOfSupply: 0.3, minOwnUtilization: 0.6, maxGrowthPerOrder: 0.25, orderEveryWeeks: 8, priceFloorMultiple: 1.2, openingPriceShareOfMultiple: 0.8, maxRfpShareOfCapacity: 0.3, utilizationTargetOffset: -0.15, priceAdjustSpeed: 0.3, rfpPremium: 0.25, rfpMargin: 0.3, powerHeadroom: 1.1, cashFloorUsd: 1e9, raiseUsd: 2e9, curesBreaches: true, contractOrders: HYPERSCALER_CONTRACT_ORDERS, ownChips: OWN_CHIPS_OFF },
  prudent: { marketGrowthShare: 1, minOwnUtilization: 0.78, orderEveryWeeks: 8, fundWeeksAhead: 39, revenueShareKept: 0, maxGrowthPerReview: 0.25, warmGrowthPerReview: 0, growthEquityMinSentiment: 0, maxDebtToAssetsForLoans: 0.15, ...PRUDENT_RECORD },
  leveraged: LEVERAGED_DEFAULTS,
  developer: DEVELOPER_RECORD,
  energy: ENERGY_RECORD,
  toolkit: TOOLKIT_DEFAULTS,
};
export type DeskPricing = z.infer<typeof DeskPricing>;
export type ContractBidding = z.infer<typeof ContractBidding>;
export type PlatformSpending = z.infer<typeof PlatformSpending>;
