/**
 * The player's starting company and the terms every company (player or rival) operates under.
 */
import { z } from 'zod';
import { Id, IsoDate, Usd, Pct, Share, Weeks, Count } from './common.ts';

export const StartingGpus = z
  .object({
    modelId: Id.describe('GPU model id from the catalogue.'),
    count: Count('How many GPUs.', 5_000_000),
    ageWeeks: Weeks('How old they are at the start, in weeks (they have been depreciating that long).'),
  })
  .strict()
  .describe('A batch of GPUs of one model owned at the start.');

export const StartingSite = z
  .object({
    regionId: Id.describe('Region id.'),
    kind: z.enum(['colo', 'campus', 'powered']).describe('colo = leased colocation; campus = owned build; powered = bought powered site.'),
    powerMw: z.number().min(0).max(100000).describe('Critical IT megawatts, energised at the start.'),
  })
  .strict()
  .describe('A powered site in use at the start.');

export const StartingDebt = z
  .object({
    kind: z.enum(['gpuLoan', 'contractFacility', 'bond', 'revolver', 'vendor']).describe('Instrument type.'),
    principalUsd: Usd('Outstanding principal, USD.'),
    annualRatePct: Pct('All-in annual interest rate, percent.'),
    remainingWeeks: Weeks('Weeks until final maturity.'),
    amortizing: z.boolean().describe('true = equal principal repayments every week; false = bullet at maturity.'),
  })
  .strict()
  .describe('A loan or bond outstanding at the start.');

export const StartingContract = z
  .object({
    customerName: z.string().min(1).max(80).describe('Customer name shown in reports.'),
    customerNameZh: z.string().min(1).max(80).optional().describe('The customer\'s name in the Chinese game (news, the Customers tab); a descriptive name such as "Other contract customers" needs one, a proper name such as "Microsoft" does not (optional, default customerName).'),
    credit: z.enum(['ig', 'nonIg', 'startup']).describe('Customer credit quality: investment grade, non-investment grade, startup.'),
    modelId: Id.describe('GPU model the contract is for.'),
    gpuCount: Count('GPUs reserved by the contract.', 5_000_000),
    usdPerGpuHour: Usd('Contract price per GPU-hour, USD.'),
    startDate: IsoDate.describe('When delivery starts.'),
    signedDate: IsoDate.optional().describe('When the contract is signed (on or before startDate). Until then it is not in the backlog and cannot back a loan; a prepayment arrives on signing. Omitted or before the game starts = signed at the start.'),
    termWeeks: z.number().int().min(1).max(520).describe('Contract length in weeks.'),
    prepaidShare: Share('Share of the total contract value paid up front (0-1).'),
    lateDeliveryPenaltyShare: Share('Penalty per undelivered GPU-hour as a share of its price (0-1).'),
  })
  .strict()
  .describe('A customer contract signed before the start, or signed later on its signedDate (history played as data).');

export const CommittedFacility = z
  .object({
    name: z.string().min(1).max(40).describe('The facility\'s name in reports and news, e.g. "DDTL 1.0".'),
    signedDate: IsoDate.describe('When the lenders commit (on or after the start: an earlier date commits at the start). Until then nothing can be drawn.'),
    commitmentUsd: Usd('The committed amount, USD: the most that can ever be drawn (a term loan: repayments do not reopen it).'),
    drawUntilDate: IsoDate.describe('End of the availability period: the commitment not drawn by this date lapses (on or after signedDate).'),
    spreadPct: Pct('Spread over the base rate of every draw, fixed at signing, percent (the customers\' credit and the lenders\' pricing when they committed).'),
    termWeeks: z.number().int().min(13).max(520).describe('Each draw matures this many weeks after it is made (to the end of the contracts it finances).'),
    amortizing: z.boolean().default(true).describe('true = each draw amortises to zero in equal weekly instalments over termWeeks (a GPU-backed DDTL repaid from the contracts\' cash flow); false = a bullet repaid at maturity (a bridge term loan; optional, default true).'),
  })
  .strict()
  .describe(
    'A committed delayed-draw term loan (DDTL, like CoreWeave\'s DDTL 1.0, $2.3B in Jul 2023, and 2.0, $7.5B in May 2024): lenders underwrite the signed contracts once, at signing, and commit to lend; ' +
      'the company draws it as it pays for the GPUs that serve those contracts. A draw is tested only against the borrowing base — all contract-facility debt after the draw within `finance.facilityAdvanceRate` × the signed contracts it can power — ' +
      'not re-underwritten (no interest-cover, debt-service or credit-cycle test: that is what a commitment buys). A `drawFacility` the commitments can cover is drawn from them first (earliest signed first); the engine also draws them before a default, like the revolver.',
  );

export const Company = z
  .object({
    name: z.string().min(1).max(60).describe("The player's company name."),
    cashUsd: Usd('Cash at the start, USD.'),
    founderShares: Count('Shares held by the founders at the start.', 1e12),
    investorShares: Count('Shares already held by investors at the start.', 1e12),
    lastValuationUsd: Usd('Post-money valuation of the last private round, USD (anchors the next round price).'),
    listed: z.boolean().describe('Already a public company at the start.'),
    depreciationYears: z.union([z.literal(4), z.literal(5), z.literal(6)]).describe('Useful life for GPU depreciation, years (4, 5 or 6).'),
    onDemandPriceFactor: z.number().min(0.2).max(5).describe("Starting on-demand price as a multiple of the market index (1 = at market)."),
    gpus: z.array(StartingGpus).max(50).describe('GPUs owned at the start.'),
    sites: z.array(StartingSite).max(50).describe('Sites energised at the start.'),
    debt: z.array(StartingDebt).max(50).describe('Debt outstanding at the start.'),
    contracts: z.array(StartingContract).max(200).describe('Customer contracts signed at the start.'),
    committedFacilities: z.array(CommittedFacility).max(20).default([]).describe('Committed delayed-draw term loans the lenders sign on their dates (history played as data; optional, default none).'),
  })
  .strict()
  .describe("The player's company at week 0.");
export type Company = z.infer<typeof Company>;

export const Finance = z
  .object({
    gpuLoanMaxLtv: Share('Loan-to-value cap for GPU-backed loans (0-1) on the fleet market value.'),
    gpuLoanTermWeeks: z.number().int().min(13).max(520).describe('Amortisation period of GPU-backed loans, weeks.'),
    gpuLoanSpreadPct: Pct('Spread over the base rate of GPU-backed loans before leverage add-ons, percent.'),
    gpuLoanMaturityWeeks: z.number().int().min(13).max(520).default(104).describe('Maturity of GPU-backed loans, weeks: instalments are sized to `gpuLoanTermWeeks`, so a shorter maturity leaves a balloon that falls due here and must be refinanced at that week\'s terms — lenders roll only what the collateral\'s value then and their incurrence test allow; the rest is due in cash (refinancing risk, economics.md §4). Set it to `gpuLoanTermWeeks` or more and loans amortise to zero with nothing to refinance (optional, default 104).'),
    lenderAppetiteFloorShare: Share('Lenders\' appetite in a cold credit market: at or below `lenderAppetiteMinSentiment` they advance only this share of their normal loan-to-value and contract advance rate on new money and on refinancings (a cold credit market lends less against the same collateral). 1 = lending terms ignore the credit cycle (optional, default 0.5).').default(0.5),
    lenderAppetiteMinSentiment: z.number().min(0).max(5).default(0.6).describe('Equity sentiment at or below which lenders\' appetite is at its floor (optional, default 0.6).'),
    lenderAppetiteFullSentiment: z.number().min(0).max(5).default(1.1).describe('Equity sentiment at or above which lenders advance their full loan-to-value and contract advance rate; in between appetite rises in a straight line (optional, default 1.1).'),
    facilityAdvanceRate: Share('Share of remaining signed contract value a contract-backed facility lends against (0-1).'),
    commitmentAvailabilityWeeks: z.number().int().min(1).max(260).default(52).describe('How long a delayed-draw facility the player arranges (`arrangeFacility`) can be drawn, weeks; what is not drawn then lapses. GPU-backed DDTLs are drawn over 9–18 months as the GPUs arrive (optional, default 52).'),
    commitmentFeePctPerYear: Pct('Fee on the undrawn amount of an open committed facility (arranged or pinned in `company.committedFacilities`), percent a year, paid weekly as a financing cost: lenders charge for holding the money ready (≈0.5–1% on delayed-draw loans and revolvers). 0 = a free option (optional, default 0.75).').default(0.75),
    facilitySpreadIgPct: Pct('Facility spread over base when the contracts are with investment-grade customers, percent.'),
    facilitySpreadNonIgPct: Pct('Facility spread over base for non-investment-grade customers, percent.'),
    facilitySpreadStartupPct: Pct('Facility spread over base for startup customers, percent.'),
    bondSpreadPct: Pct('High-yield bond spread over base at issue before leverage add-ons, percent.'),
    bondTermWeeks: z.number().int().min(52).max(780).describe('Bond maturity, weeks (bullet).'),
    bondMinIssueUsd: Usd('Smallest bond the market will take, USD.'),
    revolverLimitUsd: Usd('Revolving credit line commitment, USD (a bank line sized at signing).'),
    revolverSpreadPct: Pct('Revolver spread over base, percent.'),
    revolverMinRevenueUsd: Usd('Annualised revenue a company needs before a bank grants the revolver, USD.'),
    vendorFinancingShare: Share('Share of a GPU order the vendor will finance (0-1).'),
    vendorFinancingRatePct: Pct('All-in annual rate of vendor financing, percent.'),
    vendorFinancingTermWeeks: z.number().int().min(13).max(520).describe('Amortisation period of vendor financing, weeks.'),
    spreadPerTurnAbove3xPct: Pct('Extra spread per turn of debt/EBITDA above 3x, percent.'),
    maxDebtToEbitda: z.number().min(1).max(50).describe('Lenders refuse new debt above this debt / annualised EBITDA (when EBITDA is positive).'),
    maxDebtToAssets: Share('Lenders refuse new debt above this debt / total assets while EBITDA is not meaningful.'),
    minInterestCover: z.number().min(0).max(20).default(2).describe('Lenders refuse new debt when underwritten EBITDA would cover the interest (after the new debt, at its rate) fewer than this many times — the 2.0× fixed-charge coverage incurrence test of high-yield debt; with spreads rising with leverage, it bounds how much debt a borrower can carry at high rates (optional, default 2).'),
    underwrittenContractMarginShare: Share('Share of next year\'s deliverable contracted revenue lenders count as EBITDA when it beats the run-rate (a signed take-or-pay contract is future EBITDA, but only for GPUs the company owns or has on order and can power). Lower it and lenders lend only on delivered EBITDA (optional, default 0.6).').default(0.6),
    loanResidualShare: z.number().finite().min(0).max(0.9).default(0).describe('Share of the principal GPU-backed loans, contract-facility draws and vendor financing amortise to rather than to zero: scheduled instalments repay principal × (1 − share) over the term and principal × share is due at maturity (a GPU loan\'s balloon is offered for refinancing at that week\'s terms, as with `gpuLoanMaturityWeeks`; the rest is repaid from cash). Lenders to GPU fleets amortise to the GPUs\' expected resale value at maturity, typically 20–40% of principal (CoreWeave\'s delayed-draw term loans, vendor financing), so the smaller instalments also count in debt-service sizing (`lenderMinDebtServiceCover`): a lender lends more against the same contract cash flow, and the borrower carries refinancing risk at maturity. 0 = loans amortise to zero (optional, default 0).'),
    lenderMinDebtServiceCover: z.number().finite().min(0).max(10).default(0).describe('Lenders size new debt on debt service: a facility draw, GPU loan, vendor financing, bond or revolver draw is lent only while the cash flow they underwrite — the larger of underwritten EBITDA and the signed contracts\' cash flow at full ramp (price less the company\'s own cash cost, for contracts it can power) — covers next year\'s interest plus instalments on all its debt, the new loan included, at least this many times; the contract facility\'s room is sized the same way. Contracted-infrastructure and GPU-backed term loans are sized at a DSCR of ≈1.2–1.4× (1.3× typical), above the ≈1.1× event-of-default covenant, so a borrower starts with headroom and breaches only when its cash flow falls. 0 = lenders size on revenue and interest cover alone (the ablation; optional, default 0).'),
    refinanceOnRenewalCashFlow: z.boolean().default(false).describe('The refinancing wall: when a loan\'s balloon falls due (a GPU loan at `gpuLoanMaturityWeeks`, or any GPU loan, contract-facility draw or vendor financing that amortises to a residual, `loanResidualShare`), the refinancing lenders size the roll on the renewal cash flow — the contracts that will still run after maturity at their own prices, and the rest of the installed fleet re-priced at the rent a renewal contract over the roll\'s term would be signed at that week (the on-demand index less the market\'s term discount, not the old contract rents), less cash costs and fixed overhead — at the same debt-service cover as new money (`lenderMinDebtServiceCover`; no effect while that is 0). A grower whose contracts end into a price fall cannot roll and must pay the balloon from cash and committed credit or default: refinancing risk from lenders meeting prices (economics.md §4). Facility and vendor balloons are offered for rolling on the GPU loan\'s terms. false = GPU-loan balloons roll on the collateral\'s value and the incurrence test only, other balloons are due in cash (the ablation; optional, default false).'),
    covenantCureWeeks: Weeks('Cure period after a covenant breach, weeks: the company has this long to restore liquidity or leverage before lenders call the loans — all debt due at once, repaid from cash if it covers it, else a default (economics.md §4; optional, default 13 — one quarter).').default(13),
    gpuLoanLtvCushionShare: Share('Cushion over the loan-to-value cap before the covenant test fails (0.1 = GPU loans may reach 110% of the cap; optional, default 0.1).').default(0.1),
    marginCallCureWeeks: Weeks('Weeks a borrower has to prepay the excess of GPU loans over the loan-to-value cap (a margin call) before it is a default; at the deadline the engine pays from cash and committed credit (optional, default 4).').default(4),
    covenantMinLiquidityUsd: Usd('Covenant: cash + undrawn committed credit (the revolver, and what committed delayed-draw facilities would lend now) must stay above this at each quarter close, USD.'),
    covenantMaxDebtToEbitda: z.number().min(1).max(50).describe('Covenant: debt / annualised EBITDA tested at quarter close (only once EBITDA is positive).'),
    covenantMinDebtServiceCover: z.number().finite().min(0).max(10).default(0).describe('Covenant: run-rate EBITDA (the last 13 weeks, annualised) must cover the next year\'s scheduled debt service — interest on all debt plus the amortisation of term loans, GPU loans, vendor financing and contract facilities — at least this many times at each quarter close (a debt-service coverage ratio, DSCR). Breached, the company has the cure period; still breached at its end (after a prepayment from cash above the liquidity floor that may cure it), the lenders call the loans: the debt falls due at once and is paid from cash, or it is a default. Project-finance and asset-backed credit agreements set the event-of-default DSCR at ≈1.05–1.20× (1.10× is common). 0 = no such covenant (the ablation; optional, default 0).'),
    covenantDebtServiceGraceWeeks: Weeks('Debt drawn within this many weeks is left out of the debt-service covenant: a delayed-draw loan is first tested once the GPUs it paid for are delivered and earning (the first test date of such loans falls one to two quarters after a draw; optional, default 26).').default(26),
    covenantGraceFromDelivery: z.boolean().default(false).describe('The debt-service covenant\'s grace (`covenantDebtServiceGraceWeeks`) for a contract-facility draw or GPU loan runs from the delivery of the GPUs it pays for — the delivery week of the orders open at the draw, weighted by the balance still to pay — rather than from the draw: a delayed-draw loan\'s first test date follows the GPUs\' delivery and the first quarters of their earnings, so a lead time longer than the grace does not test debt against GPUs not yet earning. false = the grace runs from the draw (optional, default false).'),
    covenantMaxCuresPerYear: z.number().int().min(0).max(4).default(0).describe('Cure rights: how many debt-service breaches the lenders let the company cure by prepaying debt from cash in any 52 weeks. Credit agreements cap cures (commonly no more than two in four consecutive quarters, and five over the loan\'s life), so a borrower whose cash flow keeps falling cannot buy its way past every quarter\'s test; once they are used up, a breach still standing at the end of its cure period calls the loans — repaid from cash if it covers all the debt, else a default. 0 = no limit (optional, default 0).'),
    covenantWaiverFeePct: Pct('Fee on outstanding debt for a covenant waiver after a first breach, percent.'),
    covenantStepUpPct: Pct('Permanent spread step-up on all floating debt after a breach, percent.'),
    revolverTermWeeks: z.number().int().min(13).max(520).default(260).describe('Maturity of each revolver draw, weeks (a bank line typically runs five years; optional, default 260).'),
    claimsPenaltyRatePct: Pct('Unpaid amounts after a missed payment become creditor claims at the base rate plus this penalty, percent (optional, default 8).').default(8),
    claimsTermWeeks: Weeks('Weeks until creditor claims from a missed payment fall due (optional, default 26).').default(26),
    restructuringCreditorShare: Share('In a restructuring, the share of the company creditors receive in new shares (0.9 = old shareholders keep a tenth; optional, default 0.9).').default(0.9),
    restructuringDebtCutShare: Share('In a restructuring, the share of every debt\'s principal creditors forgive (optional, default 0.5).').default(0.5),
    restructuredClaimsTermWeeks: z.number().int().min(13).max(520).default(156).describe('In a restructuring, creditor claims become a term loan amortising over this many weeks (optional, default 156).'),
    restructuringPriceShockShare: Share('Share price after a restructuring as a share of what it was (a fading shock: the market marks the old equity down; optional, default 0.3).').default(0.3),
    allowRestructuring: z.boolean().describe('If true a missed payment triggers one restructuring (equity wiped to 10%, debt halved) instead of bankruptcy.'),
    privateRoundDiscountPct: Pct('Discount private investors take to the model valuation, percent.'),
    minWeeksBetweenEquityRaises: Weeks('Weeks after a private round, IPO or follow-on before investors will buy more stock (marketing a round takes weeks to months; CoreWeave\'s Series B extension came six weeks after the round; optional, default 6).').default(6),
    minRoundUsd: Usd('Smallest equity round investors will do, USD.'),
    maxRoundShareOfValuation: Share('Largest round as a share of pre-money valuation (0-1).'),
    ipoMinAnnualRevenueUsd: Usd('Annualised revenue needed to IPO, USD.'),
    ipoDiscountPct: Pct('IPO price discount to the model valuation, percent.'),
    privateRoundMinSentiment: z.number().finite().min(0).max(5).default(0.6).describe('Below this sentiment index private investors write no cheques: the venture market shuts in a cold market (optional, default 0.6).'),
    ipoMinSentiment: z.number().finite().min(0).max(5).default(0.8).describe('Below this sentiment index the IPO window is shut (optional, default 0.8).'),
    ipoMaxShareOfValuation: Share('Largest IPO raise as a share of pre-money valuation.'),
    lockupWeeks: Weeks('Lock-up after the IPO, weeks: pre-IPO holders cannot sell until then.'),
    lockupSupplyShockPct: Pct('Share-price drop if every share outstanding unlocked at once at neutral sentiment (1), percent; the drop scales with the share of stock that actually unlocks and with sentiment (CoreWeave: 84% unlocked, −33% in two days).'),
    lockupSentimentExponent: z.number().min(0).max(3).default(0.5).describe('How much a cold market deepens the lock-up drop: the drop is divided by sentiment to this power (0 = sentiment does not matter; optional, default 0.5).'),
    lockupMaxDropPct: Pct('Largest share-price drop a lock-up expiry can cause, percent (optional, default 60).').default(60),
    lockupCoverageShare: Share('Share of the pre-IPO holders\' stock that is locked up at the IPO (the rest may be sold at once). 0 = nothing unlocks later, so the expiry moves nothing (optional, default 1).').default(1),
    followOnDiscountPct: Pct('Discount to the share price for a follow-on offering, percent.'),
    followOnMaxShareOfMarketCap: Share('Largest follow-on offering as a share of market capitalisation: what the market absorbs at once (optional, default 0.2).').default(0.2),
    followOnPriceDropPct: Pct('Share-price drop a follow-on causes, percent: new supply of shares weighs on the price (a shock that fades like the others; optional, default 3).').default(3),
    issuanceFeePct: Pct('Underwriting / arrangement fee on every raise, percent of the amount.'),
    convertibleMinSentiment: z.number().min(0).max(5).describe('Sentiment index needed to sell convertible notes.'),
    convertibleMaxShareOfMarketCap: Share('Largest convertible issue as a share of market capitalisation (optional, default 0.15).').default(0.15),
    convertibleCouponPct: Pct('Convertible note coupon, percent.'),
    convertiblePremiumPct: Pct('Conversion premium over the share price at issue, percent.'),
    convertibleTermWeeks: z.number().int().min(52).max(520).describe('Convertible maturity, weeks.'),
    autopilotCashReserveWeeks: Weeks('Treasury policy of every autopilot and rival: before placing a GPU order it sets aside the payments due in this many weeks (delivery balances, construction, debt service, burn, the liquidity covenant) and spends only the rest on deposits (optional, default 13).').default(13),
    cashInterestPct: Pct('Interest earned on cash as a spread below base (percent points below base, floored at 0).'),
  })
  .strict()
  .describe('Terms of every financing instrument, the same for the player and rivals.');
export type Finance = z.infer<typeof Finance>;

export const Operations = z
  .object({
    gpuDepositShare: Share('Share of a GPU order paid as a deposit at order; the rest on delivery.'),
    secondHandHaircutShare: Share('Discount buyers take on second-hand GPUs versus the model value (0-1).'),
    idlePowerShare: Share('Share of full power an installed but idle GPU draws.'),
    dcStaffUsdPerMwWeek: Usd('Data-center operations staff and maintenance per energised MW per week, USD (cost of revenue).'),
    sgaBaseUsdPerWeek: Usd('Fixed corporate overhead per week, USD.'),
    sgaUsdPerMwWeek: Usd('Overhead that scales with energised MW, USD per MW per week.'),
    salesRevenueShare: Share('Sales & marketing as a share of revenue.'),
    sbcRevenueShare: Share('Stock-based compensation as a share of revenue (non-cash; added back in adjusted EBITDA).'),
    subsidyMaxShare: Share('Most of a cost (GPU capex, or power) that subsidies in force together may pay: however many programmes stack, the state leaves the buyer part of the bill (optional, default 0.9).').default(0.9),
    campusMinCashShareOfCapex: Share('Contractors start a campus only with this share of its capex in the bank (optional, default 0.1).').default(0.1),
    powerPriceMaxFill: z.number().finite().min(0).max(10).default(1.5).describe('The most a region\u2019s fill (MW in use ÷ its capacity) counts in its power price: power costs at most base × (1 + the region\u2019s powerPriceSensitivity × this) however over-subscribed the region (optional, default 1.5).'),
    rampWeeks: z.number().int().min(0).max(26).default(6).describe('Weeks from delivery until a GPU is billable: racking, burn-in and acceptance testing (economics.md §5: a 1-3 month ramp). Ramping GPUs draw power and depreciate but earn nothing (optional, default 6).'),
    taxRatePct: Pct('Corporate income tax rate on positive taxable income after loss carry-forward, percent.'),
    campusLifeYears: z.number().int().min(5).max(40).describe('Depreciation life of campus buildings and powered sites, years.'),
    buildSlipChancePct: Pct('Chance a campus build slips, percent.'),
    buildSlipWeeks: Weeks('How long a slip lasts, weeks.'),
    liquidCoolingUsdPerMw: Usd('Extra build cost per MW for liquid cooling, USD.'),
    platformMaxPremiumPct: Pct('Price premium customers pay at full platform maturity, percent.'),
    platformUsdForFullMaturity: Usd('Cumulative platform spend that reaches full maturity, USD.'),
    platformDecayPerWeekPct: Pct('How fast platform maturity decays without spending, percent per week.'),
  })
  .strict()
  .describe('Operating costs and mechanics shared by every company.');
export type Operations = z.infer<typeof Operations>;
