/**
 * Everybody else: customers and their demand, the price mechanics, the GPU vendor, capital markets
 * and the rival companies.
 */
import { z } from 'zod';
import { Id, IsoDate, Usd, Pct, Share, Count } from './common.ts';
import { StartingGpus, StartingSite } from './company.ts';
import { growthShockFields } from './growthShock.ts';

export const PathPoint = z
  .object({ date: IsoDate.describe('From this date on (linear interpolation between points).'), value: z.number().finite().min(-1e9).max(1e9).describe('Value at that date.') })
  .strict()
  .describe('One point of a path over time; points must be in date order.');

export const Segment = z
  .object({
    id: z.enum(['hyperscaler', 'ailab', 'enterprise', 'startup']).describe('Customer segment.'),
    demandShare: Share('Share of total demand (H100-equivalents) this segment holds.'),
    agentShare: Share('Share of the customer agents that belong to this segment.'),
    credit: z.enum(['ig', 'nonIg', 'startup']).describe('Credit quality of customers in this segment.'),
    buysByRfp: z.boolean().describe('true = buys through requests for proposals (contracts); false = buys on-demand.'),
    rfpTermWeeksMin: z.number().int().min(4).max(520).describe('Shortest contract term the segment asks for, weeks.'),
    rfpTermWeeksMax: z.number().int().min(4).max(520).describe('Longest contract term the segment asks for, weeks.'),
    prepaidShare: Share('Share of contract value these customers prepay.'),
    priceSensitivity: z.number().min(0).max(10).describe('How strongly price differences move these customers between providers (0 = not at all).'),
    churnPerWeekPct: Pct('Chance per week an on-demand customer re-shops its provider, percent.'),
    defaultPerYearPct: Pct('Chance per year a customer of this segment defaults, percent.'),
    inferenceShare: Share('Share of this segment\u2019s demand that is inference (the rest training); the same share of its contract requests is for inference and asks for the generation that rents cheapest per unit of inference.'),
    lateDeliveryPenaltyShare: Share('Penalty these customers charge per undelivered contracted GPU-hour, as a share of its price (optional, default 0.25).').default(0.25),
  })
  .strict()
  .describe('A customer segment.');
export type Segment = z.infer<typeof Segment>;

export const Demand = z
  .object({
    customerAgents: Count('How many customer agents to simulate.', 200_000),
    startH100e: z.number().min(0).max(1e9).describe('Demand at week 0 for neocloud capacity, in H100-equivalent GPUs running full time.'),
    growthPctPerYear: z.array(PathPoint).min(1).max(200).describe('Annual growth of AI compute demand, percent, over time: the consensus forecast every agent plans on; with the growthShock* fields the realised growth departs from it at random.'),
    ...growthShockFields,
    inferenceShareBoostPerYear: Share('How much the inference share of demand rises per year.'),
    elasticity: z.number().min(0).max(5).describe('Long-run price elasticity of demand (demand falls by this % per 1% price rise over the reference).'),
    referenceUsdPerH100Hour: Usd('Price per H100-hour at which demand equals the path value, USD.'),
    segments: z.array(Segment).min(1).max(4).describe('Customer segments; demand shares should add to 1.'),
    rfpPerYear: z.number().min(0).max(500).describe('How many requests for proposals big customers issue per year on average.'),
    rfpOpenWeeks: z.number().int().min(1).max(26).describe('How long an RFP stays open for bids, weeks.'),
    rfpLeadWeeks: z.number().int().min(0).max(104).describe('Weeks between award and the contract start.'),
    rfpMaxShareOfDemand: Share('Largest single RFP as a share of the market demand at the time.'),
    elasticPriceRatioMin: z.number().min(0.01).max(1).default(0.2).describe('Demand answers the compute price only down to this ratio of the reference price: a glut that halves and halves again the price of an H100-hour does not multiply demand without end (labs are bounded by models, data and talent, not only by compute), so the elasticity\'s power law stops here. Optional, default 0.2 (rents a fifth of the reference).'),
    elasticPriceRatioMax: z.number().min(1).max(100).default(5).describe('Demand answers the compute price only up to this ratio of the reference price: beyond it the customers left are those who must train or serve at any price (and the hyperscalers cap a neocloud shortage anyway), so the power law stops cutting demand. Optional, default 5.'),
    rfpMinGpus: z.number().int().min(1).max(10000).default(8).describe('Smallest request for proposals, GPUs: one 8-GPU server (HGX/DGX boards hold 8), the unit in which providers rent contract capacity. Optional, default 8.'),
    hyperscalerPriceMultiple: z.number().min(1).max(5).describe('Hyperscalers sell at this multiple of the neocloud index; unserved demand goes to them.'),
    megaDealsPerYear: z.number().min(0).max(52).default(0).describe('Mega-deals per year: a hyperscaler or AI lab asks for a large multi-year take-or-pay block at once (Microsoft, OpenAI and Meta with CoreWeave). They make a grower\'s revenue lumpy and concentrated. The bundled default uses 4: about 16 multi-year neocloud deals of $1B or more were signed in 2023–25 (Microsoft\'s CoreWeave tranches, OpenAI ×3 and Meta with CoreWeave, Microsoft and Meta with Nebius, Microsoft with Nscale, IREN and Lambda) — ≈5 a year, most to the two or three largest neoclouds (0 = none: the ablation switch; optional, default 0).'),
    megaDealShareOfCapacityMin: Share('Smallest mega-deal as a share of the largest neocloud\'s capacity (GPUs owned and on order, H100e) when it is issued (optional, default 0.1).').default(0.1),
    megaDealShareOfCapacityMax: Share('Largest mega-deal as a share of the largest neocloud\'s capacity (optional, default 0.3).').default(0.3),
    megaDealTermWeeksMin: z.number().int().min(13).max(520).default(208).describe('Shortest mega-deal term, weeks (optional, default 208: four years).'),
    megaDealTermWeeksMax: z.number().int().min(13).max(520).default(312).describe('Longest mega-deal term, weeks (optional, default 312: six years).'),
    megaDealLeadWeeks: z.number().int().min(0).max(104).default(26).describe('Weeks between a mega-deal\'s award and its start: big buyers contract ahead for the capacity they will need (CoreWeave\'s Microsoft and OpenAI blocks came online over 6–12 months), so the block is sized against the buyer\'s demand at the start and the winner has time to order and power it (optional, default 26).'),
    megaDealLeadWeeksMax: z.number().int().min(0).max(104).default(0).describe('Longest lead between a mega-deal\'s award and its start, weeks: when above megaDealLeadWeeks, each block\'s lead is drawn evenly between the two (CoreWeave\'s Microsoft blocks of 2023 came online through 2024, 6–12 months after signing, so a grower\'s backlog runs ahead of its revenue). At or below megaDealLeadWeeks every block has that lead and nothing is drawn (optional, default 0).'),
    megaDealReservedShare: Share('Share of the big-buyer segments\' (hyperscalers and AI labs) contract demand they buy only as mega-deals; the ordinary requests for proposals cover the rest. Big buyers add neocloud capacity in blocks rather than in many small tenders: Microsoft\'s capacity at CoreWeave came in multi-billion tranches (≈62% of its 2024 revenue), OpenAI\'s in three contracts worth $22.4B in 2025, Meta\'s in one of $14.2B. Ignored while megaDealsPerYear is 0 (the ablation: all of it is tendered in ordinary requests). Optional, default 0.').default(0),
    anchorBuyerShareOfSegment: Share('Share of the investment-grade contract segment\'s demand (hyperscalers buying neocloud capacity) held at least by its single largest customer, the anchor buyer (a giant drawn larger stays as drawn); the others keep their drawn proportions of the rest. In 2023–24 one hyperscaler\'s need dwarfed the others\': Microsoft, its own build limited by power, bought most of the hyperscalers\' neocloud capacity (≈62% of CoreWeave\'s 2024 revenue, ≈$10B of CoreWeave commitments, more at Nebius, Nscale, Lambda and Oracle) while Google and Amazon built their own. With megaDealBuyersBySize its blocks dominate the mega-deals and, offered first to its provider (megaDealExpansionFirstOffer), concentrate on whoever wins its first one. 0 = the drawn Pareto sizes unchanged (the ablation). Optional, default 0.').default(0),
    megaDealBuyersBySize: z.boolean().default(false).describe('true = a mega-deal that is not a follow-on comes from a buyer of its segment drawn in proportion to its size (the agents\' Pareto weights): only a giant needs a multi-billion block — Microsoft, OpenAI, Meta and Google signed the neocloud deals of $1B or more in 2023–25, not the long tail of labs; false = every buyer of the segment equally likely (ordinary requests keep rfpBuyersBySize). Optional, default false.'),
    rfpBuyerDraws: z.number().int().min(1).max(50).default(6).describe('How many customers of a segment the market tries, at random, to find one without an open request when it issues a new RFP (optional, default 6).'),
    rfpBuyersBySize: z.boolean().default(false).describe('true = the customer issuing a request is drawn in proportion to its size (the agents\' Pareto weights: the few giants of a segment issue most requests, and each goes back to the provider already running most of its capacity), which is how one buyer grows to most of a grower\'s revenue (Microsoft ≈62% of CoreWeave\'s 2024); false = every customer of the segment equally likely (the ablation). Optional, default false.'),
    megaDealRepeatShare: Share('Chance a mega-deal comes from the big customer that already holds the most contracted capacity, as a follow-on with its provider as incumbent (buyers expand where their workloads already run; this is how one customer grows to most of a provider\'s revenue). Optional, default 0.6.').default(0.6),
    megaDealExpansionFirstOffer: z.boolean().default(false).describe('true = a mega-deal from a buyer that already runs contracted capacity with a neocloud is an expansion offered to that provider first: it takes the block whenever it bids within the buyer\'s walk-away price and could deliver it, and only otherwise does the buyer turn to the other bids (OpenAI\'s $4B and $6.5B expansions of its $11.9B CoreWeave contract in 2025 and Microsoft\'s successive CoreWeave blocks in 2023–24 were signed with the incumbent, not re-tendered); false = every mega-deal is tendered with only the incumbent\'s score discount (the ablation). Optional, default false.'),
    megaDealFollowOnByHolding: z.boolean().default(false).describe('true = a follow-on mega-deal comes from a big buyer drawn in proportion to the contracted capacity it already holds (a buyer running twice the GPUs expands twice as often: preferential attachment, so every provider\'s anchor customer grows); false = always from the single buyer holding the most. Optional, default false.'),
    incumbentScoreDiscount: Share('How much better a customer scores the provider already running most of its contracted capacity (a renewal or an expansion): its bid counts this much cheaper — moving workloads, networks and people to a new provider costs time and money (optional, default 0.05).').default(0.05),
    platformScoreDiscount: Share('How much better a customer scores a mature platform: a bid counts cheaper by this × the bidder\'s platform maturity (0–1) (optional, default 0.08).').default(0.08),
    smallBidderPenalty: z.number().min(0).max(5).default(0.1).describe('How much worse a customer scores a bidder the deal would dwarf: its bid counts dearer by this × (deal ÷ (bidder\'s capacity + deal) − smallBidderFreeShare) (optional, default 0.1).'),
    smallBidderFreeShare: Share('Share of a bidder\'s resulting capacity a deal may take before the customer worries about its size (optional, default 0.5).').default(0.5),
    awardTastePct: Pct('Customers also weigh what the model does not see (relationships, software, timing): each bid\'s score moves up or down at random by up to this percent (optional, default 5).').default(5),
    orderableGpuRiskShare: Share('Delivery risk of GPUs a bidder does not have but still has time to order before the start, per GPU short (the vendor may slip): the risk of GPUs with no time to order is 1 per GPU short (optional, default 0.3).').default(0.3),
    newestModelShare: Share('Chance a big customer\'s training request asks for the newest released generation; a request for inference (a share of the segment\'s requests equal to its inference share) asks for the generation running somewhere that rents cheapest per unit of inference instead (optional, default 0.6).').default(0.6),
    previousModelShare: Share('Chance a big customer asks for the generation before the newest (the rest ask for the one before that; optional, default 0.25).').default(0.25),
    rfpMinSizeShare: Share('Smallest new RFP as a share of the largest (rfpMaxShareOfDemand × market demand); sizes between are drawn skewed to the small end (optional, default 0.1).').default(0.1),
    renewalCompetition: z.boolean().default(true).describe('true = an expiring contract is put out to tender: the incumbent re-bids against rivals and the customer moves to the best score (losing a customer emerges from a rival\'s better bid); false = the incumbent alone is asked to renew (the ablation). Optional, default true.'),
    defaultSentimentExponent: z.number().min(0).max(5).default(1).describe('A contract customer\'s default hazard is its segment\'s rate × (1 / equity sentiment)^this: when capital markets shut, labs and startups that live on funding rounds cannot pay (a customer\'s own funding shock). 0 = defaults ignore markets (optional, default 1).'),
    defaultSentimentFloor: z.number().min(0.01).max(1).default(0.1).describe('Equity sentiment below this no longer raises contract customers\' default hazard: in the worst funding freeze the (1 / sentiment)^exponent multiple stops at (1 / this)^exponent — even in 2001–02 or 2008 most funded customers still paid (optional, default 0.1: at most 10× the segment\'s rate with exponent 1).'),
    customerSizeTailExponent: z.number().min(0.05).max(3).default(0.8).describe('Customer sizes within a segment are drawn Pareto-like, weight = 1 / (1 − u × customerSizeDrawCap)^this with u uniform: a few large customers and many small ones, as cloud spend is (the largest accounts hold most of it). Larger = a heavier tail (fewer, bigger giants). Optional, default 0.8 (tail index 1.25).'),
    customerSizeDrawCap: z.number().min(0.5).max(0.999999).default(0.999).describe('Cap on the uniform draw in the customer-size law, so no single agent is unboundedly large: the largest customer is at most (1 / (1 − this))^customerSizeTailExponent times the smallest (≈250× with the defaults). Optional, default 0.999.'),
    customerSensitivityMin: z.number().min(0).max(5).default(0.5).describe('Each customer\'s own price sensitivity, as a multiple of its segment\'s, is drawn uniformly from this to this + customerSensitivityRange: customers of one segment differ in how hard they shop (procurement teams, switching costs). Optional, default 0.5.'),
    customerSensitivityRange: z.number().min(0).max(5).default(1).describe('Width of the uniform draw of a customer\'s price-sensitivity multiple (see customerSensitivityMin; default 0.5–1.5, mean 1 so the segment\'s figure is the average). Optional, default 1.'),
    maxInferenceShare: Share('Some training always remains: a segment\'s inference share, growing by inferenceShareBoostPerYear, never passes this (labs keep training the next model while serving the last). Optional, default 0.95.').default(0.95),
    supplierDiversification: z.number().min(0).max(5).default(0.5).describe('How much a big customer avoids depending on one provider: a bid is scored as if its price were higher by this × the bidder\'s share of all contracted GPUs (0 = price and delivery only; optional, default 0.5).'),
  })
  .strict()
  .describe('Customer population and demand path.');
export type Demand = z.infer<typeof Demand>;

export const Pricing = z
  .object({
    adjustPerWeekPct: Pct('Largest weekly move of a provider\u2019s rent for a generation, percent: up by this much when the generation sold out last week, down by this much when it drew no demand, in proportion to the headroom taken above its target utilisation or the share of the target missed below it.'),
    targetUtilization: Share('Utilisation of its on-demand capacity a provider aims for, per generation; demand below it makes the provider cut that generation\u2019s rent, demand above it makes it raise it.'),
    floorCashCostMultiple: z.number().min(0).max(5).describe('Providers never price a generation below this multiple of their own cash cost of running it (power, space and staff for that model\u2019s kW, at their own sites), USD per GPU-hour.'),
    openingRentDecayPctPerYear: Pct('Only for the opening state: a generation already on the market at week 0 opens at its launch rent less this much per year of age (the rent history before the game). Rents in play never decay by a rate: they move with supply, demand and substitution.'),
    newCapacityPaybackYears: z.number().min(0.5).max(15).default(4).describe('Years over which the hyperscalers price new capacity to pay back its installed cost (with its cash cost): what compute costs to build now, per H100e-hour, for the cheapest generation per unit of performance. Optional, default 4.'),
    hyperscalerMarkupOverNewCapacity: z.number().min(0.5).max(10).default(2).describe('The hyperscalers\u2019 on-demand price — the customers\u2019 outside option — as a multiple of what new capacity costs per H100e-hour. Neocloud rents above it send customers to them, so it caps a shortage. Optional, default 2.'),
    followMarketShare: Share('How far a provider leans each generation\u2019s rent towards what rivals charge for it (the published index, geometric weight); 0 = only its own utilisation counts. Optional, default 0.2.').default(0.2),
    rentCeilingLaunchMultiple: z.number().min(0.5).max(10).default(1).describe('No provider posts a rent above this multiple of the generation\u2019s launch (list) rent: in a shortage customers queue and rent from the hyperscalers rather than pay above list, so scarcity shows first as queues and lead times. Optional, default 1.'),
    contractDiscountPerYearPct: Pct('Contract discount to on-demand per year of term, percent.'),
    maxContractDiscountPct: Pct('Largest contract discount to on-demand, percent.'),
    spotVolatilityPct: Pct('Weekly noise in on-demand prices, percent.'),
    temperamentTargetSpread: Share('How far providers\u2019 target utilisations spread around the scenario\u2019s: each aims this × (its temperament − 0.5) higher (temperament 0\u20131), so rivals do not all cut in the same week. Optional, default 0.04.').default(0.04),
    maxMovePerWeekShare: Share('Largest weekly move of any rent, as a share of it, whatever the adjustment speed and the archetype\u2019s speed multiple. Optional, default 0.5.').default(0.5),
  })
  .strict()
  .describe('How rents are set: every provider prices each generation it runs from its own utilisation and what rivals charge; customers choose across generations by price per H100-equivalent.');

export const CustomerChoice = z
  .object({
    unattachedReshopPerWeek: Share('Chance a week that an on-demand customer with no provider (new, or its provider has no free capacity) shops around. Optional, default 0.5.').default(0.5),
    unservedChurnMultiple: z.number().min(0).max(20).default(3).describe('An on-demand customer\u2019s churn is raised by this multiple of the share of its demand its provider could not serve (1 + this × unserved share): customers queued at a sold-out provider look elsewhere. Optional, default 3.'),
    platformUtility: z.number().min(0).max(5).default(0.6).describe('Weight of a provider\u2019s platform maturity (0\u20131) in a customer\u2019s choice (log-utility points). Optional, default 0.6.'),
    platformPricePremium: Share('Extra price a fully mature platform fetches on top of the posted rent (× platform maturity). Optional, default 0.15.').default(0.15),
    hyperscalerUtility: z.number().min(-5).max(5).default(0.3).describe('Log-utility bonus customers give the hyperscalers (brand, breadth of services) over a neocloud at the same price. Optional, default 0.3.'),
    minFreeShareUtility: Share('A nearly full offer still draws this share of the interest an empty one would (customers may queue for it). Optional, default 0.05.').default(0.05),
    spillPriceExponent: z.number().min(0).max(10).default(2).describe('Contract customers still waiting for an award rent free on-demand capacity in proportion to free capacity × (index ÷ price)^this: how strongly they prefer cheaper providers. Optional, default 2.'),
  })
  .strict()
  .describe('How on-demand customers choose among offers (every provider\u2019s every generation) and the hyperscalers.');

export const Exits = z
  .object({
    switchOffBelowCashCostMultiple: z.number().min(0).max(5).default(1).describe('A provider switches off its uncontracted GPUs of a generation when that generation\u2019s market rent falls below this multiple of its own cash cost of running them (they stop drawing power and still depreciate). 0 = never switch off (the ablation). Optional, default 1.'),
    switchOnAboveCashCostMultiple: z.number().min(0).max(10).default(1.2).describe('Switched-off GPUs are switched back on when the market rent climbs above this multiple of their cash cost (above the switch-off multiple, so a rent hovering at cash cost does not flip them every week). Optional, default 1.2.'),
    sellAfterWeeksOff: z.number().int().min(1).max(520).default(26).describe('Autopilots and rivals sell (or scrap, at the second-hand price) GPUs that have stayed switched off this many weeks. Optional, default 26.'),
    auctionBankruptFleets: z.boolean().default(true).describe('A bankrupt company\u2019s GPUs are auctioned at the second-hand price to companies with powered space, cash and a rent that covers their cash cost; what no one buys is scrapped: the fleet returns to supply in new hands (the second wave of a price war). false = they vanish from supply (the ablation). Optional, default true.'),
    auctionBuyerRentOverCashCost: z.number().min(0).max(10).default(1.5).describe('A company bids for a bankrupt fleet\u2019s GPUs of a generation only while its market rent is at least this multiple of the company\u2019s own cash cost of running them. Optional, default 1.5.'),
    auctionMaxShareOfBuyerCash: Share('Largest share of its cash a company spends on one bankruptcy auction. Optional, default 0.3.').default(0.3),
    glutFleetGpus: z.number().finite().min(1).max(1e8).default(50_000).describe('A bankrupt rival\u2019s fleet dumped on the second-hand market raises the glut (0–1) by its GPUs ÷ this, at most glutMaxPerBankruptcy: a fleet this large saturates buyers on its own (optional, default 50,000).'),
    glutMaxPerBankruptcy: Share('Most one bankruptcy adds to the second-hand glut (optional, default 0.6).').default(0.6),
    glutFadePerWeek: Share('Share of the second-hand glut buyers absorb each week (0.03: about half in half a year; optional, default 0.03).').default(0.03),
    glutValueDropShare: Share('How much less a used GPU is worth at a full glut (glut 1), as a share of its value without one: lenders\u2019 collateral and auction prices fall when failed fleets flood the market (optional, default 0.4).').default(0.4),
    usedValueMinRentRatio: z.number().finite().min(0).max(5).default(0.05).describe('A used GPU is valued at its new installed cost × its generation\u2019s rent index ÷ its launch rent, never below this ratio (scrap and spares keep some value; optional, default 0.05).'),
    usedValueMaxRentRatio: z.number().finite().min(0).max(5).default(1.2).describe('…and never above this ratio: in a shortage a GPU in hand is worth more than list, but buyers can still order new (optional, default 1.2).'),
  })
  .strict()
  .describe('Exit and re-entry: switching off GPUs below cash cost, selling them, and auctions of bankrupt fleets.');

export const Vendor = z
  .object({
    leadTimeWeeksNormal: z.number().int().min(1).max(104).describe('GPU lead time in a normal market, weeks.'),
    leadTimeWeeksShortage: z.number().int().min(1).max(104).describe('GPU lead time in a shortage, weeks.'),
    shortagePricePremiumShare: z.number().finite().min(0).max(5).default(0.25).describe('Premium on the GPU price when the quoted lead time is the shortage lead time, as a share, rising linearly from nothing at the normal lead time: allocation goes to who pays (optional, default 0.25).'),
    shortageUtilization: Share('Market utilisation above which a shortage builds.'),
    openingShipShareOfGrowth: Share('At the start the vendor ships this share of what a year of demand growth needs (at least openingMinGrowthShare growth), so the first orders meet a supply chain that has still to catch up (optional, default 0.5).').default(0.5),
    openingMinGrowthShare: z.number().finite().min(0).max(5).default(0.2).describe('Demand growth a year the vendor plans for at the start at the least, as a share (0.2 = +20%), whatever the growth path says (optional, default 0.2).'),
    capacityCatchUpWeeks: z.number().finite().min(1).max(520).default(52).describe('The vendor moves its shipping capacity towards what its order book asks for (the book over the normal lead time) by 1 ÷ this a week: fabs, packaging and memory take about a year to follow demand (optional, default 52).'),
    capacityCatchUpWeeksShortage: z.number().finite().min(1).max(520).default(26).describe('The same, while the market is short (utilisation above shortageUtilization) and the book exceeds its capacity: the vendor expands faster when customers queue (optional, default 26).'),
    leadTimeAdjustShare: Share('Share of the gap between its lead time and the order book ÷ capacity (bounded by the normal and shortage lead times) the quoted lead time closes each week (optional, default 0.15).').default(0.15),
    oldGenPriceCutPct: Pct('Price cut on the previous generations when a new one launches, percent.'),
    backstopShare: Share('Share of a company\u2019s idle capacity the vendor rents back (0 = no backstop).'),
    backstopPriceShare: Share('Backstop rent as a share of the on-demand index.'),
    backstopUntilDate: IsoDate.describe('Last date of the backstop.'),
  })
  .strict()
  .describe('The GPU vendor.');

export const Capital = z
  .object({
    baseRatePct: z.array(PathPoint).min(1).max(200).describe('Policy rate path, percent.'),
    sentimentStart: z.number().min(0.1).max(5).describe('Equity sentiment index at the start (1 = neutral).'),
    sentimentLongRun: z.array(PathPoint).min(1).max(200).describe('Level sentiment reverts to, over time (a boom or bust is authored here).'),
    sentimentReversionPerWeek: Share('Share of the gap to the long-run level closed each week.'),
    sentimentVolatilityPct: Pct('Weekly random shock to sentiment, percent.'),
    revenueMultiple: z.number().min(0.5).max(100).describe('EV / forward revenue at neutral sentiment.'),
    multipleMin: z.number().min(0.1).max(100).describe('Lowest EV / revenue multiple.'),
    multipleMax: z.number().min(0.1).max(200).describe('Highest EV / revenue multiple.'),
    growthMultipleBoost: z.number().min(0).max(10).describe('Extra EV / revenue multiple per 100% revenue growth, paid in full at neutral sentiment and more in a warm market (see growthPremiumMinSentiment).'),
    growthPremiumMinSentiment: z.number().min(0).max(0.99).default(0.7).describe('Sentiment at or below which investors pay nothing for growth; the growth premium rises linearly from here to full at sentiment 1 and keeps rising above (economics.md §4: growth earns a premium in a warm market; optional, default 0.7).'),
    profitMultiple: z.number().min(0).max(100).default(14).describe('EV / economic operating profit (EBITDA less economic GPU wear, see valuationGpuLifeYears) at neutral sentiment, moved by sentiment like the revenue multiple (CoreWeave ≈24× EV/EBITDA in Aug 2025; optional, default 14).'),
    profitWeightNeutral: Share('Weight investors put on the profit valuation (vs the revenue multiple) at neutral sentiment (optional, default 0.3).').default(0.3),
    profitWeightPerSentiment: z.number().min(0).max(5).default(0.8).describe('How fast the profit weight rises as sentiment cools: weight = neutral + this × (1 − sentiment), clamped to [profitWeightMin, profitWeightMax] (economics.md §4: markets pay for growth in a boom and for profit in a bust; optional, default 0.8).'),
    profitWeightMin: Share('Lowest weight on profit, in the hottest market (optional, default 0.05).').default(0.05),
    profitWeightMax: Share('Highest weight on profit, in a bust (optional, default 0.95). Set profitWeightNeutral, profitWeightPerSentiment, profitWeightMin and profitWeightMax to 0 for a pure revenue multiple.').default(0.95),
    lossYearsToFund: z.number().min(0).max(10).default(2).describe('Years of today\'s economic loss (EBITDA less GPU wear) investors expect to fund before a loss-maker turns: on the profit view its EV is minus its loss × this, so losses take value away (weighted by the profit weight, which rises as sentiment cools) instead of counting as nothing. Markets pay for growth in a boom and for profit in a bust (economics.md §9 fact 14: a loss-maker with negative equity is worth little once sentiment turns). 0 = a loss counts as nothing on the profit view (optional, default 2).'),
    revenueViewFullGrowth: z.number().min(0).max(10).default(0.5).describe('Revenue growth over the last year (0.5 = +50%) at or above which investors value a company on the market\'s blend of revenue and profit multiples; below it the weight on profit rises linearly towards profitWeightMax, reached at no growth, by as much as the market has lost its appetite for growth (none at or above sentiment 1, all at or below growthPremiumMinSentiment): a revenue multiple pays for a growth story, and once sentiment turns a company that has stopped growing is valued on what it earns (economics.md §9 fact 14). Growth is the last closed quarter\'s revenue against the same quarter a year before (judged from the fifth quarter on). 0 = growth does not move the weight (optional, default 0.5).'),
    growthPremiumMinInterestCover: z.number().min(0).max(10).default(0).describe('Investors pay no growth premium for growth a company cannot fund: when its net assets at market value are negative (the shareholders stand behind the lenders) and its economic operating profit (EBITDA less economic GPU wear) covers the interest it pays less than this many times, the weight on the profit view rises towards 1 as the cover falls (all of it at no cover or a loss), by as much as the market has lost its appetite for growth (none at or above sentiment 1, all at or below growthPremiumMinSentiment: in a boom investors fund growers that do not yet earn their interest, CoreWeave 2025), so once sentiment turns its equity is what the profit view leaves after net debt — a loss-maker with negative equity is worth little (economics.md §9 fact 14). 1 = growth earns a premium only while profit pays the interest. Market values only, so the book depreciation life cannot move it. 0 = off (optional, default 0).'),
    valuationGpuLifeYears: z.number().min(1).max(15).default(5).describe('Economic life investors assume for GPUs when they value profit: EBITDA less installed cost ÷ this life per year (independent of the depreciation life a company reports; optional, default 5).'),
    distressedValueShareOfRevenue: z.number().min(0).max(5).default(0.15).describe('Option value of a distressed company (nothing left for shareholders on the numbers): this × annual revenue × sentiment (capped at 1), USD — what equity still trades for on the hope of a turnaround (optional, default 0.15).'),
    lastRoundAnchorShare: Share('Sticky marks: private investors price a round (and a private company is marked) at no less than this share of the last round\'s price × sentiment (capped at 1), as if anchored on what the last investors paid. 0 = rounds and marks follow the model value (profit, cash flow, leverage, growth and sentiment), so when it falls the next round is a down round: priced below the last and, for the same money, more dilutive (economics.md §9 fact 14: a loss-maker with negative equity is worth little once sentiment turns; optional, default 0).').default(0),
    guidanceMissDropPct: Pct('Share-price drop for each 10% by which quarterly revenue misses guidance (guidance = last quarter × (1 + the growth it just delivered × guidanceGrowthCarry)), percent.'),
    guidanceGrowthCarry: Share('Share of the last quarter-on-quarter growth management guides for next quarter (optional, default 0.7).').default(0.7),
    guidanceBeatRisePct: Pct('Share-price rise for each 10% by which quarterly revenue beats guidance, percent (optional, default 6).').default(6),
    earningsMaxMovePct: Pct('Largest share-price move on one earnings report from the revenue surprise, percent (optional, default 35).').default(35),
    lossWideningDropPct: Pct('Share-price drop when a quarter\'s net loss is wider than the previous quarter\'s (CoreWeave Q2 2025: revenue +207% but a wider loss), scaled by 1 ÷ sentiment, percent (optional, default 12).').default(12),
    leverageRisingDropPct: Pct('Share-price drop when debt / EBITDA ends a quarter above maxDebtToEbitda × leverageWarningShare and higher than the quarter before, percent (optional, default 10).').default(10),
    leverageWarningShare: Share('Share of the lenders\' debt/EBITDA limit at which shareholders start to worry about leverage (optional, default 0.7).').default(0.7),
    sharePriceAdjustPerWeek: z.number().finite().min(0.01).max(1).default(0.25).describe('Share of the gap between a listed company\u2019s share price and its target (model value × its shock × noise) closed each week: fast enough for the 2–4× swings within months of economics.md §9 fact 11 (optional, default 0.25).'),
    priceShockFadePerWeek: Share('Share of a share-price shock (an earnings reaction, a lock-up expiry, new stock) that fades each week (optional, default 0.04).').default(0.04),
    netAssetFloorShare: z.number().finite().min(0).max(5).default(0.8).describe('Equity is never valued below this share of net assets at market value (cash, fleet at second-hand value, halls and deposits, less debt) × sentiment (capped at assetValueMaxSentiment): buyers would take the assets apart (optional, default 0.8).'),
    assetValueMaxSentiment: z.number().finite().min(0).max(5).default(1.5).describe('Sentiment at which values backed by assets stop rising (the net-asset floor and a hyperscaler\u2019s other businesses): a boom lifts growth multiples, not what assets fetch, beyond this (optional, default 1.5).'),
    sharePriceNoisePctPerWeek: Pct('Weekly random move of each listed share price around its model value (one standard deviation), percent: trading noise, besides sentiment and results (optional, default 3).').default(3),
  })
  .strict()
  .describe('Base rate, equity sentiment and valuation.');

export const Rival = z
  .object({
    id: Id.describe('Rival id.'),
    name: z.string().min(1).max(60).describe('Company name.'),
    archetype: z.enum(['leveraged', 'prudent', 'developer', 'energy', 'hyperscaler']).describe('Strategy archetype driving its decisions.'),
    cashUsd: Usd('Cash at the start, USD.'),
    shares: Count('Shares outstanding.', 1e12),
    lastValuationUsd: Usd('Last valuation, USD.'),
    listed: z.boolean().describe('Listed at the start.'),
    gpus: z.array(StartingGpus).max(20).describe('GPUs at the start.'),
    sites: z.array(StartingSite).max(20).describe('Sites at the start.'),
    debtUsd: Usd('GPU-backed debt at the start, USD.'),
    homeRegionId: Id.describe('Region where it builds first.'),
  })
  .strict()
  .describe('A rival company.');
export type Rival = z.infer<typeof Rival>;

export const Market = z
  .object({
    demand: Demand,
    pricing: Pricing,
    customerChoice: CustomerChoice.default({ unattachedReshopPerWeek: 0.5, unservedChurnMultiple: 3, platformUtility: 0.6, platformPricePremium: 0.15, hyperscalerUtility: 0.3, minFreeShareUtility: 0.05, spillPriceExponent: 2 }).describe('How on-demand customers choose (optional; every field has a default).'),
    exits: Exits.default({ switchOffBelowCashCostMultiple: 1, switchOnAboveCashCostMultiple: 1.2, sellAfterWeeksOff: 26, auctionBankruptFleets: true, auctionBuyerRentOverCashCost: 1.5, auctionMaxShareOfBuyerCash: 0.3, glutFleetGpus: 50_000, glutMaxPerBankruptcy: 0.6, glutFadePerWeek: 0.03, glutValueDropShare: 0.4, usedValueMinRentRatio: 0.05, usedValueMaxRentRatio: 1.2 }).describe('Exit and re-entry (optional; every field has a default).'),
    vendor: Vendor,
    capital: Capital,
    rivals: z.array(Rival).max(64).describe('Rival companies.'),
  })
  .strict()
  .describe('Everybody else: customers and demand, how rents are set, the GPU vendor, capital markets and rivals.');
export type Market = z.infer<typeof Market>;
