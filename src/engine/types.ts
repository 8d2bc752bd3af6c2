/**
 * The world state. Plain data only (no classes, no functions), so it can be hashed, cloned and
 * sent to a Web Worker. Money inside ledgers is integer cents; elsewhere dollar amounts carry
 * `Usd` in their names and are plain numbers.
 */
import type { Scenario } from '../scenario/schema/index.ts';
import type { Ledger } from './ledger.ts';
import type { RngState, RngStream } from './rng.ts';
import type { Command } from './commands/types.ts';
import type { QuarterReport, MarketQuarter } from './reports.ts';
import type { WeekPoint } from './paths.ts';
import type { Msg, NewsText } from './msg.ts';
import type { CovenantId } from './finance/covenants.ts';

export type StrategyId = 'leveraged' | 'prudent' | 'developer' | 'energy' | 'hyperscaler' | 'idle' | 'random' | 'player';
export type Credit = 'ig' | 'nonIg' | 'startup';
export type DebtKind = 'gpuLoan' | 'contractFacility' | 'bond' | 'revolver' | 'vendor' | 'convertible' | 'claims';

/** One debt instrument. */
export interface Debt {
  /** Unique id within the company, e.g. "d3". */
  id: string;
  kind: DebtKind;
  /** Outstanding principal, whole cents. */
  principalCents: number;
  /** Principal at origination, whole cents (for schedules). */
  originalCents: number;
  /** Fixed rate (bonds, vendor, convertibles), percent per year; for floating debt, unused. */
  fixedRatePct: number | null;
  /** Spread over the base rate for floating debt, percent per year. */
  spreadPct: number;
  /** Week it was drawn. */
  startWeek: number;
  /** Week the last principal is due. */
  maturityWeek: number;
  /** true: equal principal instalments every week until maturity; false: bullet at maturity. */
  amortizing: boolean;
  /**
   * Week the instalments of amortising debt are sized to reach zero: the maturity for most debt;
   * later for a GPU loan with a balloon (what is left at maturity must be refinanced or repaid).
   */
  amortizeToWeek: number;
  /**
   * Residual the instalments amortise to, whole cents (a balloon due at maturity, like a GPU lender's
   * expected resale value of the fleet): set only when `finance.loanResidualShare` > 0, absent otherwise.
   */
  residualCents?: number;
  /**
   * Week the debt-service covenant's grace (`finance.covenantDebtServiceGraceWeeks`) runs from when
   * it follows delivery (`finance.covenantGraceFromDelivery`): the balance-weighted delivery week of
   * the GPUs on order at the draw. Set only with that switch on (and later than the draw); absent
   * otherwise, when the grace runs from `startWeek`.
   */
  graceFromWeek?: number;
  /** Convertibles: conversion price per share, USD. */
  conversionPriceUsd: number | null;
}

/** A lot of identical GPUs delivered together. */
export interface GpuLot {
  id: string;
  modelId: string;
  /** GPUs in the lot. */
  count: number;
  /** Of them, how many are installed in powered space right now. */
  installed: number;
  /** Week the lot went into service (delivery). Depreciation starts then. */
  inServiceWeek: number;
  /** Gross cost of the GPUs still in the lot, cents. */
  costCents: number;
  /** Accumulated depreciation of the GPUs still in the lot, cents. */
  accumDepCents: number;
  /** Of them, how many are switched off (rent below cash cost): not installed, no power, still depreciating. */
  offCount: number;
  /** Week the lot's GPUs were last switched off (-1 while none is off); they are sold after `market.exits.sellAfterWeeksOff`. */
  offSinceWeek: number;
}

/** GPUs ordered and not yet delivered. */
export interface GpuOrder {
  id: string;
  modelId: string;
  count: number;
  /** Week the GPUs arrive. */
  deliveryWeek: number;
  /** Total price, cents (deposit included). */
  totalCents: number;
  /** Deposit already paid, cents. */
  depositCents: number;
  /** Share of the price the vendor finances on delivery (0–1). */
  vendorFinancedShare: number;
}

export type SiteKind = 'colo' | 'campus' | 'powered';
export type SiteStatus = 'building' | 'awaitingGrid' | 'fitting' | 'energised';

/** A data-center site (leased hall, owned campus, or bought powered site). */
export interface Site {
  id: string;
  regionId: string;
  kind: SiteKind;
  /** Critical IT megawatts. */
  powerMw: number;
  status: SiteStatus;
  /** Week construction or fit-out finishes. */
  readyWeek: number;
  /** Week the grid connection is energised (campuses). */
  gridWeek: number;
  /** Capex still to be paid during construction, cents. */
  capexRemainingCents: number;
  /** Capex paid per week while building, cents. */
  capexPerWeekCents: number;
  /** Colocation lease rate, USD per kW-month (colo only). */
  leaseUsdPerKwMonth: number;
  /** Cost basis for depreciation once in service, cents (campus/powered). */
  facilityCostCents: number;
  /** Depreciation booked so far, cents. */
  accumDepCents: number;
}

/** A signed take-or-pay contract. */
export interface Contract {
  id: string;
  /** Customer agent index (or -1 for a scenario-defined customer). */
  customerIndex: number;
  customerName: string;
  credit: Credit;
  modelId: string;
  gpuCount: number;
  usdPerGpuHour: number;
  startWeek: number;
  /** First week after the contract. */
  endWeek: number;
  /** Deferred revenue still to recognise from the prepayment, cents. */
  deferredCents: number;
  /** Prepayment recognised per fully delivered week, cents. */
  prepaidPerWeekCents: number;
  lateDeliveryPenaltyShare: number;
  /** GPUs delivered last week (for utilisation and reporting). */
  deliveredGpus: number;
  /** The customer will not renew (event or choice). */
  leaving: boolean;
  /** A renewal RFP has been issued for this contract. */
  renewalIssued: boolean;
  /** Customer segment index (-1 for scenario-defined customers). */
  segment: number;
}

/** A company's shareholders. Founders, investors by round, public float. */
export interface CapTableEntry {
  holder: string;
  shares: number;
  /** Week the shares were issued. */
  week: number;
  /** Price per share paid, USD (0 for founders). */
  priceUsd: number;
  /** Locked up until this week (pre-IPO holders after an IPO). */
  lockedUntilWeek: number;
}

export type CompanyStatus = 'active' | 'bankrupt';

/** What made a company default: the payment, margin call or covenant, and the figures that did it. */
export interface DefaultCause {
  /**
   * 'missedPayment': the week's payments exceeded cash plus committed credit; 'marginCall': a margin
   * call on GPU loans fell due and could not be paid; 'covenant': a covenant breach was still there
   * when its cure period ended, so the lenders called the loans and the cash could not repay them.
   */
  kind: 'missedPayment' | 'marginCall' | 'covenant';
  /** 'bankrupt': the end; 'restructured': creditors took part of the equity and cut the debt, the company went on. */
  outcome: 'bankrupt' | 'restructured';
  /** Week of the default. */
  week: number;
  /** The instrument (`Debt.id`): the largest debt payment of the week (missed payment; for a waiver fee at a quarter close, the largest instrument by principal), the GPU loan left unpaid (margin call); null when none. */
  debtId: string | null;
  /** Its kind (`Debt.kind`), kept because a repaid instrument leaves `co.debts`; null with `debtId` null. */
  debtKind: DebtKind | null;
  /** The covenant still breached when the cure period ended (covenant defaults), or whose waiver fee could not be paid at a quarter close (a missed payment); null otherwise. */
  covenantId: CovenantId | null;
  /** What fell due, USD: the week's debt service or the quarter close's covenant waiver fee (missed payment), the margin call, or all the debt called (covenant). */
  dueUsd: number;
  /** What could not be paid, USD: the creditor claims left (missed payment), the unpaid margin call, the called debt above cash (covenant). */
  shortUsd: number;
  /** The covenant's figure at the end of the cure period (USD for liquidity, a ratio otherwise); null when not a covenant default or unmeasurable. */
  figure: number | null;
  /** The covenant's limit (a minimum for liquidity, a maximum otherwise); null when not a covenant default. */
  limit: number | null;
}

/** Figures for the current quarter that are not in the ledger. */
export interface QuarterOps {
  /** GPU-hours sold (contract + on-demand). */
  gpuHoursSold: number;
  /** GPU-hours available from installed GPUs. */
  gpuHoursInstalled: number;
  /** Revenue per customer key this quarter, cents ("c:<name>" contract customers, "od" on-demand). */
  revenueByCustomer: Record<string, number>;
  /** On-demand revenue this quarter, cents. */
  onDemandRevenueCents: number;
  /** Cash cost attributable to on-demand capacity this quarter, cents (for margin on uncontracted capacity). */
  onDemandCostCents: number;
  contractRevenueCents: number;
}

/** A committed delayed-draw term loan (finance/commitment.ts): lenders committed at signing; draws are tested against the borrowing base only. */
export interface Commitment {
  /** Its name in news and reports, e.g. "DDTL 1.0". */
  name: string;
  /** Week the lenders commit; nothing can be drawn before. */
  signedWeek: number;
  /** Last week a draw can be made (the availability period); the rest then lapses. */
  drawUntilWeek: number;
  /** The committed amount, whole cents. */
  commitmentCents: number;
  /** Drawn so far, whole cents (repayments do not reopen a term loan). */
  drawnCents: number;
  /** Spread over the base rate of every draw, percent (fixed at signing). */
  spreadPct: number;
  /** Each draw matures this many weeks after it is made. */
  termWeeks: number;
  /** true: each draw amortises to zero in weekly instalments; false: a bullet at maturity. */
  amortizing: boolean;
}

/** A neocloud: the player's or a rival's, run by exactly the same code. */
export interface Company {
  /** Index in world.companies (0 = player). */
  index: number;
  id: string;
  name: string;
  /** Who decides: 'player' for the human, otherwise an autopilot/archetype. */
  strategy: StrategyId;
  status: CompanyStatus;
  /** Week it went bankrupt, and why. */
  bankruptWeek: number | null;
  bankruptReason: string | null;
  ledger: Ledger;
  capTable: CapTableEntry[];
  sharesOutstanding: number;
  listed: boolean;
  ipoWeek: number | null;
  lockupEndWeek: number | null;
  /** Share price while listed, USD; null while private. */
  sharePriceUsd: number | null;
  /** Last private valuation (post-money), USD. */
  lastValuationUsd: number;
  /** Temporary share-price pressure factor (lock-up expiry, guidance miss), decays to 1. */
  priceShock: number;
  debts: Debt[];
  /** Extra spread after covenant breaches, percent. */
  spreadStepUpPct: number;
  /** Consecutive quarter closes with a covenant breach. */
  covenantBreaches: number;
  /** Week the cure period of a corporate covenant breach ends (lenders call the loans if it is not cured); null when none runs. */
  covenantCureEndsWeek: number | null;
  /** Week a margin call on GPU loans (loan-to-value breach) must be met; null when none is pending. */
  marginCallDueWeek: number | null;
  /**
   * Weeks of its cures of a debt-service breach by prepayment, kept only while the scenario limits
   * them (`finance.covenantMaxCuresPerYear` > 0; absent otherwise, so state hashes are unchanged).
   */
  prepaymentCureWeeks?: number[];
  /** Has used its one restructuring. */
  restructured: boolean;
  /**
   * The last default and what it did to the company (a restructuring, or the end); absent until a
   * default (absent, it is not hashed: the field moves state hashes only once a company fails).
   */
  defaultCause?: DefaultCause;
  /** Revolver commitment, USD (0 until granted). */
  revolverLimitUsd: number;
  /**
   * Committed delayed-draw term loans (`company.committedFacilities` of the scenario: the player's
   * only), in signing order; absent when there are none (absent, it is not hashed).
   */
  commitments?: Commitment[];
  lots: GpuLot[];
  orders: GpuOrder[];
  sites: Site[];
  contracts: Contract[];
  /** GPU useful life chosen for depreciation, years. */
  depreciationYears: 4 | 5 | 6;
  /** On-demand rent as a multiple of each generation's published index (what the market charges for it). */
  priceFactor: number;
  /** Per-generation on-demand multiples of the index that override `priceFactor` (set by the pricing desk of each generation). */
  genPriceFactors: Record<string, number>;
  /** Platform/software spend per week, USD. */
  platformUsdPerWeek: number;
  /** Platform maturity 0–1: raises the price customers accept and lowers churn. */
  platformMaturity: number;
  /** Tax losses carried forward, cents. */
  taxLossCarryForwardCents: number;
  /** Lifetime taxable-income total at the start of the tax year, cents (see tax.ts). */
  taxYearStartCents: number;
  /** Per-quarter operational counters. */
  q: QuarterOps;
  /** Last week's figures used by agents and the UI. */
  last: {
    /** Last week's on-demand GPUs offered per generation (free after contracts, past their ramp). */
    odOfferedGpus: Record<string, number>;
    /** Last week's on-demand demand (GPUs) that chose each of its generations — may exceed what it offered. */
    odDemandGpus: Record<string, number>;
    /** Last week's on-demand GPUs rented per generation: the demand that chose it up to what it offered, plus contract demand not yet under contract that rented its free capacity. */
    odServedGpus: Record<string, number>;
    /** The rent it posted for each generation it offered on demand when last week's index was taken, USD per GPU-hour: its own part of that index. */
    odPostedUsdPerGpuHour: Record<string, number>;
    onDemandGpusSold: number;
    /** Last week's on-demand sales in H100e (all generations). */
    onDemandH100eSold: number;
    utilization: number;
    revenueWeekUsd: number;
    ebitdaWeekUsd: number;
    installedGpus: number;
    powerMwUsed: number;
    powerMwAvailable: number;
  };
  /** Revenue and EBITDA of the last 13 weeks (ring buffers indexed by week % 13), USD. */
  trailingRevenueUsd: number[];
  trailingEbitdaUsd: number[];
  /** How many of those 13 slots hold a real week yet (0 at the start, then up to 13). */
  trailingWeeks: number;
  /** Value of businesses outside the GPU cloud (a hyperscaler's search, ads, software...), USD; added to its equity value. */
  otherBusinessValueUsd: number;
  /** Closed quarters, oldest first. */
  quarters: QuarterReport[];
  /** Cash at week 0, cents (opening cash of the first quarter). */
  openingCashCents: number;
  /** Counters for ids. */
  nextId: number;
}

/** A request for proposals from a big customer. */
/** How the award weighed one bid (recorded when the RFP closes, so a player can see why a bid lost). */
export interface BidScore {
  /** The price the customer compared, USD per GPU-hour after the mark-ups below (lowest wins); null when not eligible. */
  scoreUsd: number | null;
  /** Why a bid was not considered: above the customer's maximum, the bidder is no longer active, a barred incumbent, or a rival on a renewal the customer offers only to its incumbent (renewal competition off). */
  excluded: 'overMax' | 'inactive' | 'barred' | 'notInvited' | null;
  /** Mark-up for delivery risk (GPUs not owned, on order or powered in time), a share of the price. */
  deliveryRisk: number;
  /** Mark-up for a deal large for the bidder, a share of the price. */
  smallBidder: number;
  /** Mark-up for the bidder's share of all contracted GPUs (supplier diversification), a share of the price. */
  diversification: number;
  /** Discount for platform maturity, a share of the price. */
  platformDiscount: number;
  /** The incumbent's 5% discount applied. */
  incumbent: boolean;
}

export interface Rfp {
  id: string;
  customerIndex: number;
  customerName: string;
  segment: string;
  credit: Credit;
  modelId: string;
  gpuCount: number;
  termWeeks: number;
  startWeek: number;
  /** Last week bids are accepted; awarded at the end of this week. */
  closeWeek: number;
  /** The customer will not pay more than this, USD per GPU-hour. */
  maxUsdPerGpuHour: number;
  prepaidShare: number;
  lateDeliveryPenaltyShare: number;
  bids: { companyIndex: number; usdPerGpuHour: number; week: number; award?: BidScore }[];
  /** Set on award. */
  winnerIndex: number | null;
  winningUsdPerGpuHour: number | null;
  /** Incumbent provider (renewals), -1 when none. */
  incumbentIndex: number;
  /** What the request is: a new need, the re-tender of an expiring contract, or a mega-deal. */
  kind: 'new' | 'renewal' | 'megaDeal';
}

/** Market figures per GPU generation. */
export interface GenMarket {
  modelId: string;
  /** Week it can first be ordered (may be negative: already out). */
  releaseWeek: number;
  /** The generation's list rent: its launch rent (or, for one already out at week 0, its opening rent). Shown for comparison; no rent is computed from it. USD per GPU-hour. */
  referenceUsdPerGpuHour: number;
  /** On-demand price index (capacity-weighted average of providers' prices), USD per GPU-hour. */
  indexUsdPerGpuHour: number;
  /** Peak of the index so far. */
  peakIndexUsdPerGpuHour: number;
  /** Vendor price multiplier (launch = 1, cut when newer generations launch). */
  vendorPriceFactor: number;
  /** Installed GPUs across all companies. */
  installedGpus: number;
  /** GPUs offered on demand last week across all providers: the weights of the index when it is quoted from posted rents (0: nobody offered it). */
  offeredGpus: number;
}

export interface RegionState {
  id: string;
  colocAvailableMw: number;
  gridAvailableMw: number;
  poweredSiteAvailableMw: number;
  /** MW energised by all companies here. */
  usedMw: number;
  /** Capacity the region started with (for the power-price curve). */
  capacityMw: number;
  /** Policy multiplier on the power price. */
  powerPriceMultiplier: number;
  /** Current power price, USD per MWh. */
  powerUsdPerMwh: number;
  /** Share of load curtailed by a grid emergency, and until when. */
  curtailShare: number;
  curtailUntilWeek: number;
  gridQueueMultiplier: number;
  buildWeeksMultiplier: number;
  /** Asking colocation lease rate now, USD per kW-month (rises as the region fills; see market/powerSupply.ts). */
  colocUsdPerKwMonth: number;
  /** Asking price of a powered site now, USD per MW. */
  poweredSiteUsdPerMw: number;
  /** Colocation and powered-site stock in the region, MW: taken plus still for sale. */
  stockMw: number;
  /** Developer projects under way: MW that reach the market at `readyWeek`. */
  pipeline: { readyWeek: number; mw: number }[];
}

export interface PolicyState {
  subsidies: { on: 'gpuCapex' | 'power'; sharePct: number; untilWeek: number; vendors: string[] | null; modelIds: string[] | null; regionIds: string[] | null }[];
  /**
   * Export controls in force: the models may not be sold into the blocs (no orders, no new installs
   * there) from `sinceWeek`; GPUs in service before it stay where they are and keep running.
   */
  exportControls: { blockedBlocs: string[]; costUpliftPct: number; modelIds: string[]; sinceWeek: number }[];
  tariffs: { pct: number; modelIds: string[] | null; regionIds: string[] | null }[];
  taxRatePct: number;
  leadTimeFloorWeeks: number;
  leadTimeFloorUntilWeek: number;
  baseRateShiftPct: number;
}

export interface MarketState {
  gens: GenMarket[];
  /** Demand path level before shocks and price response, H100-equivalents. */
  baseDemandH100e: number;
  /** Multiplicative demand shock per segment (1 = none), and how much of it recovers each week. */
  segmentShock: number[];
  segmentShockRecoveryPerWeek: number[];
  /** Demand per segment this week, H100e. */
  segmentDemandH100e: number[];
  /** Demand this week, H100-equivalents (after shocks and price response). */
  demandH100e: number;
  /** Installed supply across companies, H100-equivalents. */
  supplyH100e: number;
  /** Sold / installed across companies. */
  utilization: number;
  /** Demand not served by any neocloud (went to hyperscalers), H100e. */
  unservedH100e: number;
  /** On-demand index of the H100 generation, USD per GPU-hour. */
  h100IndexUsd: number;
  /** Market price of compute: on-demand USD per H100-equivalent hour across all installed generations. */
  computeIndexUsd: number;
  inferenceShare: number;
  leadTimeWeeks: number;
  /** The GPU vendor's shipping capacity (packaging lines), H100e per week; 0 until first set. It expands towards its order book with a lag. */
  vendorShipH100ePerWeek: number;
  baseRatePct: number;
  sentiment: number;
  /** Realised growth of AI compute demand this week, percent per year: the scenario's path × the growth shock, or a correction's growth (market/demand.ts). */
  demandGrowthPct: number;
  /** The persistent growth shock: the log of the factor on the path's growth rate (AR(1), 0 = the path as written). */
  growthShockLog: number;
  /** Quarters of the running correction still to come (0 = no correction). */
  correctionQuartersLeft: number;
  /** Annual demand growth while the running correction lasts, percent (drawn at its start). */
  correctionGrowthPct: number;
}

/** Customer agents as parallel typed arrays (one entry per agent), mutated in place. */
export interface CustomerPool {
  count: number;
  /** Segment index into scenario.market.demand.segments. */
  segment: Uint8Array;
  /** Share of its segment's demand this agent holds. */
  weight: Float64Array;
  /** Price sensitivity multiplier around the segment's. */
  sensitivity: Float32Array;
  /** Current on-demand offer (company index × generations + generation index); −1 = none yet (shops around), −2 = the hyperscalers by choice (`AT_HYPERSCALERS`). */
  provider: Int16Array;
  /** Demand served last week / wanted (0–1), drives re-shopping. */
  fillRatio: Float32Array;
  /** 1 while the agent has an open RFP. */
  rfpOpen: Uint8Array;
  /** Contracted H100e of each RFP-segment agent (sum over its live contracts). */
  contractedH100e: Float64Array;
  /** Generation (incremented on default/replacement) so names change. */
  generation: Uint16Array;
  /** First agent index of each segment, and one past the last. */
  segStart: number[];
  segEnd: number[];
}

export interface NewsItem {
  week: number;
  id: string;
  kind: 'event' | 'rfp' | 'company' | 'market' | 'finance';
  /** A message id with parameters (src/i18n/messages.ts), or a scenario event's own text. */
  headline: NewsText;
  explanation: NewsText;
  /** Major: the UI may auto-pause. */
  major: boolean;
}

export interface CommandRecord {
  week: number;
  command: Command;
  ok: boolean;
  /** Why it was refused (a message id with parameters), null when applied. */
  reason: Msg | null;
}

export interface World {
  /** The validated scenario (read-only data; not part of the state hash). */
  scenario: Scenario;
  /** Scenario date paths resolved to week indices at creation. */
  paths: { growthPct: WeekPoint[]; baseRatePct: WeekPoint[]; sentimentLongRun: WeekPoint[] };
  /** Week until which the scenario's historical commands drive the player (-1 = none). */
  historyUntilWeek: number;
  /** Strategy that plays the player's company when no human does (null = human). */
  playerAutopilot: StrategyId | null;
  seed: number;
  /** Weeks elapsed; the next tick simulates week `week`. */
  week: number;
  lengthWeeks: number;
  rng: Record<RngStream, RngState>;
  companies: Company[];
  customers: CustomerPool;
  rfps: Rfp[];
  /** Recently closed RFPs (kept for the player's won/lost history). */
  closedRfps: Rfp[];
  market: MarketState;
  /** Second-hand glut from liquidated rivals: 0 none … 1 severe; fades over time. */
  secondHandGlut: number;
  regions: RegionState[];
  policy: PolicyState;
  /** Event ids that have fired. */
  firedEvents: string[];
  news: NewsItem[];
  /** Commands waiting for the next tick (the player's). */
  pending: Command[];
  /** Every player command applied or refused, in order: with scenario and seed it defines the game. */
  commandLog: CommandRecord[];
  marketQuarters: MarketQuarter[];
  status: 'running' | 'bankrupt' | 'won' | 'lost';
  statusReason: string | null;
  nextId: number;
}
