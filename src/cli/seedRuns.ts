/**
 * Many seeded runs of one scenario: the per-run row and the per-strategy summary that the `sweep`
 * command prints and the many-seed tests (test/market/harness.ts) check. One definition of each
 * metric, so a figure in a test, in the sweep and in docs/calibration.md means the same thing.
 */
import type { Scenario } from '../scenario/schema/index.ts';
import type { StrategyId, World } from '../engine/types.ts';
import type { QuarterReport } from '../engine/reports.ts';
import { evaluateObjectives } from '../engine/api.ts';
import { runScenario, type RunResult } from './run.ts';
import { rate, ratio, summarize, type Summary } from './stats.ts';

/** One run (scenario × seed × the player's autopilot), reduced to the figures a sweep compares. */
export interface SweepRow {
  scenarioId: string;
  strategy: string;
  seed: number;
  /** World status at the end: won / lost (objectives), bankrupt, or running (stopped early by `weeks`). */
  outcome: World['status'];
  /** Weeks simulated. */
  weeks: number;
  objectivesMet: number;
  objectivesTotal: number;
  /** The player's company went bankrupt. */
  bankrupt: boolean;
  /** Week of the bankruptcy; null when it survived. */
  bankruptcyWeek: number | null;
  /** Used its one restructuring (a default it survived). */
  restructured: boolean;
  /** Revenue over the whole run, USD. */
  revenueUsd: number;
  /** Revenue of the last four closed quarters, USD. */
  lastYearRevenueUsd: number;
  /** Book equity at the last quarter close, USD (negative = insolvent on the books). */
  bookEquityUsd: number;
  /** Debt principal at the last quarter close, USD. */
  debtUsd: number;
  /** Largest debt principal at any quarter close, USD. */
  peakDebtUsd: number;
  /** Largest share of owned GPUs sitting idle (not installed) at any quarter close, 0–1. */
  peakIdleShare: number;
  /** Largest quarterly revenue share of the top customer, 0–1. */
  peakTopCustomerShare: number;
  /** Top customer's revenue share in the last closed quarter, 0–1. */
  lastTopCustomerShare: number;
  /** Backlog at the last close ÷ that quarter's revenue × 4; NaN when the quarter had no revenue. */
  backlogToAnnualRevenue: number;
  /** Largest backlog ÷ annualised quarterly revenue at any close with revenue. */
  peakBacklogToAnnualRevenue: number;
  /** Cumulative GAAP operating income ÷ cumulative revenue; NaN without revenue. */
  operatingMargin: number;
  /**
   * Payback per MW in the last closed quarter, years (src/engine/payback.ts); NaN when GPUs were in
   * use but the site margin was not positive (never pays back), null when nothing was in use.
   */
  paybackYears: number | null;
  /** Valuation at the end (market cap or last private mark), USD; 0 when bankrupt. */
  equityValueUsd: number;
  stateHash: string;
}

/** Row fields in the order the CSV writes them. */
export const ROW_FIELDS: (keyof SweepRow)[] = [
  'scenarioId', 'strategy', 'seed', 'outcome', 'weeks', 'objectivesMet', 'objectivesTotal', 'bankrupt', 'bankruptcyWeek', 'restructured',
  'revenueUsd', 'lastYearRevenueUsd', 'bookEquityUsd', 'debtUsd', 'peakDebtUsd', 'peakIdleShare', 'peakTopCustomerShare',
  'lastTopCustomerShare', 'backlogToAnnualRevenue', 'peakBacklogToAnnualRevenue', 'operatingMargin', 'paybackYears', 'equityValueUsd', 'stateHash',
];

/** The numeric row fields a summary ranks (p10/p50/p90). */
export const SUMMARY_METRICS = [
  'revenueUsd', 'lastYearRevenueUsd', 'bookEquityUsd', 'debtUsd', 'peakDebtUsd', 'peakIdleShare', 'peakTopCustomerShare',
  'lastTopCustomerShare', 'backlogToAnnualRevenue', 'peakBacklogToAnnualRevenue', 'operatingMargin', 'paybackYears', 'equityValueUsd', 'bankruptcyWeek',
] as const satisfies readonly (keyof SweepRow)[];
export type SummaryMetric = (typeof SUMMARY_METRICS)[number];

const sumOf = (qs: readonly QuarterReport[], f: (q: QuarterReport) => number) => qs.reduce((a, q) => a + f(q), 0);
const maxOf = (xs: readonly number[]) => xs.reduce((a, x) => (x > a || Number.isNaN(x) ? x : a), xs.length > 0 ? -Infinity : NaN);

/** Reduce a finished run to its row. Pure: the same run gives the same row. */
export function rowOf(result: RunResult, world: World): SweepRow {
  const qs = result.quarters;
  const p = world.companies[0]!;
  const last = qs[qs.length - 1];
  const revenue = sumOf(qs, (q) => q.revenueUsd);
  const backlogRatios = qs.filter((q) => q.revenueUsd > 0).map((q) => q.backlogUsd / (q.revenueUsd * 4));
  const objectives = evaluateObjectives(world);
  return {
    scenarioId: result.scenarioId,
    strategy: result.strategy,
    seed: result.seed,
    outcome: result.outcome.status,
    weeks: result.weeks,
    objectivesMet: objectives.filter((o) => o.met).length,
    objectivesTotal: objectives.length,
    bankrupt: p.status === 'bankrupt',
    bankruptcyWeek: p.status === 'bankrupt' ? p.bankruptWeek : null,
    restructured: p.restructured,
    revenueUsd: revenue,
    lastYearRevenueUsd: sumOf(qs.slice(-4), (q) => q.revenueUsd),
    bookEquityUsd: last?.totalEquityUsd ?? NaN,
    debtUsd: last?.debtUsd ?? NaN,
    peakDebtUsd: maxOf(qs.map((q) => q.debtUsd)),
    peakIdleShare: maxOf(qs.map((q) => (q.gpusOwned > 0 ? q.gpusIdle / q.gpusOwned : 0))),
    peakTopCustomerShare: maxOf(qs.map((q) => q.topCustomerShare)),
    lastTopCustomerShare: last?.topCustomerShare ?? NaN,
    backlogToAnnualRevenue: last ? ratio(last.backlogUsd, last.revenueUsd * 4) : NaN,
    peakBacklogToAnnualRevenue: backlogRatios.length > 0 ? maxOf(backlogRatios) : NaN,
    operatingMargin: ratio(sumOf(qs, (q) => q.operatingIncomeUsd), revenue),
    paybackYears: !last || last.powerMwUsed <= 0 ? null : (last.paybackYears ?? NaN),
    equityValueUsd: p.status === 'active' ? (last?.equityValueUsd ?? NaN) : 0,
    stateHash: result.outcome.stateHash,
  };
}

export interface RunTask { seed: number; strategy: StrategyId; weeks?: number }

/** Run one task and reduce it to a row (also returns the full result and world for tests). */
export function runTask(scenario: Scenario, t: RunTask): { row: SweepRow; result: RunResult; world: World } {
  const { result, world } = runScenario(scenario, { seed: t.seed, strategy: t.strategy, weeks: t.weeks });
  return { row: rowOf(result, world), result, world };
}

/** Per-strategy summary: rates over runs and p10/p50/p90 of each metric, with non-finite counts. */
export interface StrategySummary {
  strategy: string;
  runs: number;
  bankruptcyRate: number;
  restructuredRate: number;
  wonRate: number;
  /** Runs ending with negative book equity while not bankrupt (insolvent on the books). */
  insolventRate: number;
  metrics: Record<SummaryMetric, Summary>;
}

export function summarizeRows(rows: readonly SweepRow[]): StrategySummary[] {
  const strategies = [...new Set(rows.map((r) => r.strategy))];
  return strategies.map((strategy) => {
    const rs = rows.filter((r) => r.strategy === strategy);
    const metrics = {} as Record<SummaryMetric, Summary>;
    for (const m of SUMMARY_METRICS) metrics[m] = summarize(rs.map((r) => r[m]));
    return {
      strategy,
      runs: rs.length,
      bankruptcyRate: rate(rs.map((r) => r.bankrupt)),
      restructuredRate: rate(rs.map((r) => r.restructured)),
      wonRate: rate(rs.map((r) => r.outcome === 'won')),
      insolventRate: rate(rs.map((r) => !r.bankrupt && r.bookEquityUsd < 0)),
      metrics,
    };
  });
}

/**
 * Seed list syntax: comma-separated whole numbers or inclusive ranges, e.g. "1-200", "1,5,9-12".
 * Returns an error message (not a throw) so the CLI can print one line.
 */
export function parseSeedList(text: string, maxCount = 100_000): { seeds: number[] } | { error: string } {
  const seeds: number[] = [];
  const seen = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) return { error: `bad seed list "${text}": "${part}" is not N or N-M` };
    const a = Number(m[1]), b = m[2] === undefined ? a : Number(m[2]);
    if (a > 4294967295 || b > 4294967295) return { error: `bad seed list "${text}": seeds go up to 4294967295` };
    if (b < a) return { error: `bad seed list "${text}": range ${a}-${b} runs backwards` };
    if (seeds.length + (b - a + 1) > maxCount) return { error: `bad seed list "${text}": more than ${maxCount} seeds` };
    for (let s = a; s <= b; s++) if (!seen.has(s)) { seen.add(s); seeds.push(s); }
  }
  return { seeds };
}
