/**
 * Shared helpers for the engine tests: the default scenario (validated once), variants of it with
 * a few fields changed, and small worlds to run commands against.
 */
import { loadBundledScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import { createWorld, stateHash, type WorldOptions } from '../../src/engine/api.ts';
import { runCommand } from '../../src/engine/commands/apply.ts';
import type { Command, CommandResult } from '../../src/engine/commands/types.ts';
import type { Company, Debt, World } from '../../src/engine/types.ts';
import type { QuarterReport } from '../../src/engine/reports.ts';
import { isBalanced, totalAssetsCents, totalEquityCents, totalLiabilitiesCents } from '../../src/engine/ledger.ts';

let cached: Scenario | null = null;

/** The validated default scenario (never mutate it: use `variant`). */
export function defaultScenario(): Scenario {
  if (!cached) {
    const r = loadBundledScenario('default');
    if (!r.ok) throw new Error(`default scenario does not load: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    cached = r.scenario;
  }
  return cached;
}

/** A deep copy of the default scenario with some fields changed. */
export function variant(change: (s: Scenario) => void = () => {}): Scenario {
  const s = structuredClone(defaultScenario());
  change(s);
  return s;
}

/** A cheaper scenario for long randomised runs: fewer customer agents. */
export function smallScenario(change: (s: Scenario) => void = () => {}): Scenario {
  return variant((s) => {
    s.market.demand.customerAgents = 300;
    change(s);
  });
}

export function world(scenario: Scenario = defaultScenario(), opts: WorldOptions = {}): World {
  return createWorld(scenario, { seed: 7, ...opts });
}

export const player = (w: World): Company => w.companies[0]!;

/** Execute a command for the player right now (as the tick does), asserting it succeeds. */
export function exec(w: World, cmd: Command): Extract<CommandResult, { ok: true }> {
  const r = runCommand(w, 0, cmd, true);
  if (!r.ok) throw new Error(`${cmd.type} refused: ${r.reason}`);
  return r;
}

/** Execute a command for the player and expect a refusal; returns the reason. */
export function refused(w: World, cmd: unknown): string {
  const before = stateHash(w);
  const r = runCommand(w, 0, cmd, true);
  if (r.ok) throw new Error(`expected a refusal, got: ${r.summary}`);
  if (stateHash(w) !== before) throw new Error('a refused command changed the state');
  return r.reason;
}

export function debtsOf(co: Company, kind: Debt['kind']): Debt[] {
  return co.debts.filter((d) => d.kind === kind);
}

/** Exact balance-sheet identity of every company, with a readable failure. */
export function expectBalanced(w: World): void {
  for (const co of w.companies) {
    if (!isBalanced(co.ledger)) {
      const b = co.ledger.balances;
      throw new Error(`${co.id} week ${w.week}: assets ${totalAssetsCents(b)} != liabilities ${totalLiabilitiesCents(b)} + equity ${totalEquityCents(b)}`);
    }
  }
}

const cents = (usd: number) => Math.round(usd * 100);

const MONEY_AND_COUNTS = [
  'revenueUsd', 'costOfRevenueUsd', 'grossProfitUsd', 'operatingExpensesUsd', 'depreciationUsd', 'operatingIncomeUsd', 'interestExpenseUsd',
  'otherIncomeUsd', 'incomeTaxUsd', 'netIncomeUsd', 'adjustedEbitdaUsd', 'operatingCashFlowUsd', 'investingCashFlowUsd', 'financingCashFlowUsd',
  'capexUsd', 'openingCashUsd', 'cashUsd', 'totalAssetsUsd', 'totalLiabilitiesUsd', 'totalEquityUsd', 'debtUsd', 'backlogUsd', 'gpusOwned',
  'gpusInstalled', 'gpusIdle', 'powerMwAvailable', 'powerMwUsed', 'utilization', 'topCustomerShare', 'top5CustomerShare',
  'marketPriceUsdPerGpuHour', 'sharesOutstanding',
] as const;

/**
 * The runner contract for one quarter, exact in cents: the statement identities, cash continuity,
 * finite figures and sane ranges. Returns the problems found (empty when the quarter is right).
 */
export function quarterProblems(q: QuarterReport, prev: QuarterReport | undefined): string[] {
  const p: string[] = [];
  if (!/^\d{4}Q[1-4]$/.test(q.label)) p.push(`label ${q.label}`);
  for (const k of MONEY_AND_COUNTS) if (typeof q[k] !== 'number' || !Number.isFinite(q[k])) p.push(`${k} = ${q[k]}`);
  for (const k of ['sharePriceUsd', 'marketCapUsd'] as const) if (q[k] !== null && !Number.isFinite(q[k])) p.push(`${k} = ${q[k]}`);
  if (cents(q.grossProfitUsd) !== cents(q.revenueUsd) - cents(q.costOfRevenueUsd)) p.push('gross profit != revenue - cost of revenue');
  if (cents(q.operatingIncomeUsd) !== cents(q.grossProfitUsd) - cents(q.operatingExpensesUsd)) p.push('operating income != gross profit - opex');
  if (cents(q.netIncomeUsd) !== cents(q.operatingIncomeUsd) - cents(q.interestExpenseUsd) + cents(q.otherIncomeUsd) - cents(q.incomeTaxUsd)) p.push('net income identity');
  if (cents(q.totalAssetsUsd) !== cents(q.totalLiabilitiesUsd) + cents(q.totalEquityUsd)) p.push('assets != liabilities + equity');
  if (cents(q.cashUsd) - cents(q.openingCashUsd) !== cents(q.operatingCashFlowUsd) + cents(q.investingCashFlowUsd) + cents(q.financingCashFlowUsd)) p.push('cash change != CFO + CFI + CFF');
  if (prev && cents(prev.cashUsd) !== cents(q.openingCashUsd)) p.push('opening cash != previous closing cash');
  if (cents(q.adjustedEbitdaUsd) !== cents(q.operatingIncomeUsd) + cents(q.depreciationUsd) + cents(q.stockCompensationUsd)) p.push('adjusted EBITDA != operating income + depreciation + stock compensation');
  if (q.cashUsd < 0) p.push('negative cash');
  for (const k of ['debtUsd', 'backlogUsd', 'interestExpenseUsd', 'capexUsd', 'depreciationUsd', 'revenueUsd', 'incomeTaxUsd'] as const) if (q[k] < 0) p.push(`negative ${k}`);
  if (q.gpusInstalled > q.gpusOwned || q.gpusIdle !== q.gpusOwned - q.gpusInstalled || q.gpusIdle < 0) p.push('GPU counts');
  if (q.powerMwUsed > q.powerMwAvailable + 1e-9) p.push('power used > available');
  for (const k of ['utilization', 'topCustomerShare', 'top5CustomerShare'] as const) if (!(q[k] >= 0 && q[k] <= 1)) p.push(`${k} = ${q[k]}`);
  if (q.top5CustomerShare < q.topCustomerShare) p.push('top five share below top customer share');
  if (!(q.marketPriceUsdPerGpuHour > 0)) p.push('market price not positive');
  if ((q.sharePriceUsd === null) !== (q.marketCapUsd === null)) p.push('share price and market cap disagree on listing');
  return p.map((m) => `${q.label}: ${m}`);
}

/** Problems over a whole list of quarters. */
export function quartersProblems(qs: QuarterReport[]): string[] {
  return qs.flatMap((q, i) => quarterProblems(q, qs[i - 1]));
}
