/**
 * Quarterly statements, in the shape the headless runner prints (a contract other tools rely on).
 */

/** One closed quarter of one company. Money in USD (from exact cents), counts as numbers. */
export interface QuarterReport {
  label: string;
  revenueUsd: number;
  costOfRevenueUsd: number;
  grossProfitUsd: number;
  operatingExpensesUsd: number;
  depreciationUsd: number;
  operatingIncomeUsd: number;
  interestExpenseUsd: number;
  otherIncomeUsd: number;
  incomeTaxUsd: number;
  netIncomeUsd: number;
  adjustedEbitdaUsd: number;
  operatingCashFlowUsd: number;
  investingCashFlowUsd: number;
  financingCashFlowUsd: number;
  capexUsd: number;
  openingCashUsd: number;
  cashUsd: number;
  totalAssetsUsd: number;
  totalLiabilitiesUsd: number;
  totalEquityUsd: number;
  debtUsd: number;
  backlogUsd: number;
  gpusOwned: number;
  gpusInstalled: number;
  gpusIdle: number;
  powerMwAvailable: number;
  powerMwUsed: number;
  utilization: number;
  topCustomerShare: number;
  top5CustomerShare: number;
  marketPriceUsdPerGpuHour: number;
  sharesOutstanding: number;
  sharePriceUsd: number | null;
  marketCapUsd: number | null;
  /** Extra figures beyond the runner contract. */
  contractRevenueUsd: number;
  onDemandRevenueUsd: number;
  /** Gross margin on uncontracted (on-demand) capacity, 0–1 (can be negative). */
  onDemandGrossMargin: number;
  stockCompensationUsd: number;
  deferredRevenueUsd: number;
  /** Valuation: market cap if listed, else the last private valuation. */
  equityValueUsd: number;
  covenantBreached: boolean;
  /** Payback per MW (fact 12; definition in payback.ts): capex tied up per MW of IT load in use, USD. */
  capexPerMwUsd: number | null;
  /** Site-level EBITDA (gross profit) per MW in use per year at the quarter's run rate, USD. */
  siteEbitdaPerMwYearUsd: number | null;
  /** Years for that EBITDA to repay that capex; null with nothing in use or EBITDA ≤ 0. */
  paybackYears: number | null;
}

/** One quarter of market-wide figures. */
export interface MarketQuarter {
  label: string;
  /** On-demand price index per GPU generation (launched ones), USD per GPU-hour. */
  priceIndexUsdPerGpuHour: Record<string, number>;
  demandH100e: number;
  supplyH100e: number;
  utilization: number;
  sentiment: number;
  baseRatePct: number;
  leadTimeWeeks: number;
  rivals: { id: string; name: string; archetype: string; revenueUsd: number; gpus: number; capacityH100e: number; debtUsd: number; sharePriceUsd: number | null; status: string;
    /** Its company-wide on-demand multiple (1 for a rival whose pricing desk sets a price per generation). */
    priceFactor: number;
    /** What it charged on demand over the market at the close: its posted rents ÷ each generation's index, GPU-weighted (`rentOverIndex`); null when it offered none. */
    rentOverIndex: number | null }[];
}

/** Every quarter field in the order the CSV exports (CLI and browser) write them. */
export const QUARTER_FIELDS: (keyof QuarterReport)[] = [
  'label', 'revenueUsd', 'costOfRevenueUsd', 'grossProfitUsd', 'operatingExpensesUsd', 'depreciationUsd', 'operatingIncomeUsd',
  'interestExpenseUsd', 'otherIncomeUsd', 'incomeTaxUsd', 'netIncomeUsd', 'adjustedEbitdaUsd', 'operatingCashFlowUsd',
  'investingCashFlowUsd', 'financingCashFlowUsd', 'capexUsd', 'openingCashUsd', 'cashUsd', 'totalAssetsUsd', 'totalLiabilitiesUsd',
  'totalEquityUsd', 'debtUsd', 'backlogUsd', 'gpusOwned', 'gpusInstalled', 'gpusIdle', 'powerMwAvailable', 'powerMwUsed',
  'utilization', 'topCustomerShare', 'top5CustomerShare', 'marketPriceUsdPerGpuHour', 'sharesOutstanding', 'sharePriceUsd', 'marketCapUsd',
  'contractRevenueUsd', 'onDemandRevenueUsd', 'onDemandGrossMargin', 'stockCompensationUsd', 'deferredRevenueUsd', 'equityValueUsd', 'covenantBreached',
  'capexPerMwUsd', 'siteEbitdaPerMwYearUsd', 'paybackYears',
];
