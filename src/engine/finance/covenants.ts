/**
 * Loan covenants: the ONE definition of each test (liquidity, corporate leverage, GPU loan-to-value).
 * Quarter close, the cure deadlines and any projection or warning (the advisor) call
 * `covenantTests`; nothing else restates a rule.
 */
import type { Company, World } from '../types.ts';
import { toUsd } from '../money.ts';
import { fleetValueUsd, underwrittenEbitdaUsd, undrawnRevolverUsd } from '../metrics.ts';
import { principalOfKind } from './debt.ts';

export type CovenantId = 'liquidity' | 'leverage' | 'gpuLoanToValue';

export interface CovenantTest {
  id: CovenantId;
  /** What is measured, in words. */
  label: string;
  /** The measured value: USD for liquidity, a ratio otherwise; null when it cannot be measured (no EBITDA). */
  value: number | null;
  /** The limit: a minimum for liquidity, a maximum otherwise. */
  limit: number;
  pass: boolean;
}

/** Debt that carries corporate covenants (bonds, revolver, convertibles), USD. */
export function corporateDebtUsd(co: Company): number {
  return principalOfKind(co, 'bond') + principalOfKind(co, 'revolver') + principalOfKind(co, 'convertible');
}

/** GPU loans above the loan-to-value covenant (cap × fleet market value × (1 + cushion)), USD (≥ 0). */
export function gpuLoanExcessUsd(world: World, co: Company): number {
  const f = world.scenario.finance;
  return Math.max(0, principalOfKind(co, 'gpuLoan') - f.gpuLoanMaxLtv * (1 + f.gpuLoanLtvCushionShare) * fleetValueUsd(world, co));
}

/**
 * Every covenant test as of now, with value, limit and pass/fail. A company without debt has no
 * covenants (an empty list).
 */
export function covenantTests(world: World, co: Company): CovenantTest[] {
  if (co.ledger.balances.debt <= 0) return [];
  const f = world.scenario.finance;
  const liquidity = toUsd(co.ledger.balances.cash) + undrawnRevolverUsd(co);
  const corporate = corporateDebtUsd(co);
  // The same EBITDA lenders underwrite new money on (delivered run-rate, or deliverable contracts).
  const ebitda = underwrittenEbitdaUsd(world, co);
  const lev = ebitda > 0 ? corporate / ebitda : null;
  const fleet = fleetValueUsd(world, co);
  const gpuLoans = principalOfKind(co, 'gpuLoan');
  const ltvLimit = f.gpuLoanMaxLtv * (1 + f.gpuLoanLtvCushionShare);
  return [
    { id: 'liquidity', label: 'Cash + undrawn revolver', value: liquidity, limit: f.covenantMinLiquidityUsd, pass: liquidity >= f.covenantMinLiquidityUsd },
    { id: 'leverage', label: 'Bonds, revolver and convertibles / underwritten EBITDA', value: corporate > 0 ? lev : 0, limit: f.covenantMaxDebtToEbitda, pass: corporate <= 0 || (lev !== null && lev <= f.covenantMaxDebtToEbitda) },
    { id: 'gpuLoanToValue', label: 'GPU loans / fleet market value', value: fleet > 0 ? gpuLoans / fleet : gpuLoans > 0 ? null : 0, limit: ltvLimit, pass: gpuLoans <= ltvLimit * fleet },
  ];
}

/** True when a corporate covenant (liquidity or leverage) fails — the tests a cure period applies to. */
export function corporateCovenantBreached(tests: CovenantTest[]): boolean {
  return tests.some((t) => t.id !== 'gpuLoanToValue' && !t.pass);
}
