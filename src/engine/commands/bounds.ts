/**
 * The fixed limits of every command field: the one place both the command schema
 * (src/scenario/schema/commands.ts, which refuses malformed commands before they reach the engine)
 * and the engine's handlers (which check again at the tick) read them from. Limits that depend on
 * the scenario (a round's minimum size, a bond's minimum issue) are checked by the handlers only.
 * Plain constants, no zod: the engine imports this at run time.
 */
export const COMMAND_BOUNDS = {
  /** Any money amount of a financing command, USD: far above any real raise, far below overflow. */
  amountUsd: { min: 0.01, max: 1e13 },
  /** Debt draws (GPU loan, contract facility, revolver): lenders do not book loans under $100k. */
  loanAmountUsd: { min: 1e5, max: 1e13 },
  /** GPUs in one order: a very large cluster order, not more. */
  orderCount: { min: 1, max: 2_000_000 },
  /** GPUs in one second-hand sale. */
  sellCount: { min: 1, max: 5_000_000 },
  /** Megawatts of one site (colocation lease, campus, powered site). */
  powerMw: { min: 0.5, max: 5000 },
  /** A bid on a request for proposals, USD per GPU-hour. */
  usdPerGpuHour: { min: 0.05, max: 100 },
  /** Company-wide on-demand price relative to each generation's market index. */
  priceFactor: { min: 0.2, max: 5 },
  /** One generation's on-demand price relative to its list (launch) rent: old chips rent for a small fraction of it. */
  genPriceFactor: { min: 0.01, max: 5 },
  /** Weekly software platform spend, USD. */
  platformUsdPerWeek: { min: 0, max: 50_000_000 },
  /** Depreciation lives a company may choose, years. */
  depreciationYears: [4, 5, 6] as const,
} as const;
