/**
 * Loan covenants: the ONE definition of each test (liquidity, corporate leverage, debt-service cover,
 * GPU loan-to-value; which side of its limit each keeps: covenantBounds.ts).
 * Quarter close, the cure deadlines and any projection or warning (the advisor) call
 * `covenantTests`; nothing else restates a rule.
 */
import type { Company, World } from '../types.ts';
import { toUsd } from '../money.ts';
import { fleetValueUsd, underwrittenEbitdaUsd, undrawnRevolverUsd } from '../metrics.ts';
import { commitmentRoomUsd } from './commitment.ts';
import { principalOfKind } from './debt.ts';
import { scheduledDebtServiceUsd } from './lending.ts';
import { annualisedEbitdaUsd } from '../metrics.ts';
import type { CovenantId } from './covenantBounds.ts';
export { COVENANT_BOUND, type CovenantId } from './covenantBounds.ts';

export interface CovenantTest {
  id: CovenantId;
  /** What is measured, in words. */
  label: string;
  /** The measured value: USD for liquidity, a ratio otherwise; null when it cannot be measured (no EBITDA). */
  value: number | null;
  /** The limit: a minimum or a maximum, as `COVENANT_BOUND` says for the id. */
  limit: number;
  pass: boolean;
}

/** Debt that carries corporate covenants (bonds, revolver, convertibles), USD. */
export function corporateDebtUsd(co: Company): number {
  return principalOfKind(co, 'bond') + principalOfKind(co, 'revolver') + principalOfKind(co, 'convertible');
}

/** GPU loans above the loan-to-value covenant (cap × fleet market value × (1 + cushion)), USD (≥ 0). */
export function gpuLoanExcessUsd(world: World, co: Company): number {
  return gpuLoanExcessOf(world.scenario.finance, { gpuLoansUsd: principalOfKind(co, 'gpuLoan'), fleetValueUsd: fleetValueUsd(world, co) });
}

/** What the covenant tests read: the company's figures now, or a projection of them (the advisor). */
export interface CovenantFigures {
  /** Cash, USD. */
  cashUsd: number;
  /** Revolver limit not yet drawn, USD. */
  undrawnRevolverUsd: number;
  /** What the committed delayed-draw facilities would lend now (commitment.ts `commitmentRoomUsd`), USD: committed credit like the revolver. */
  undrawnCommitmentsUsd: number;
  /** Debt carrying corporate covenants (bonds, revolver, convertibles), USD. */
  corporateDebtUsd: number;
  /** EBITDA lenders underwrite (delivered run-rate, or deliverable contracts), USD a year. */
  underwrittenEbitdaUsd: number;
  /** GPU-loan principal, USD. */
  gpuLoansUsd: number;
  /** Fleet market value (second-hand), USD. */
  fleetValueUsd: number;
  /** All debt, USD: a company without debt has no covenants. */
  totalDebtUsd: number;
  /** Delivered EBITDA at its run rate (the last 13 weeks, annualised), USD a year. */
  runRateEbitdaUsd: number;
  /** Scheduled debt service of the next year (interest plus amortisation) of debt past its grace period, USD. */
  debtServiceUsd: number;
}

/**
 * The next year's scheduled debt service, USD: interest at today's rates on all debt, plus the
 * instalments of amortising debt, for debt drawn at least `covenantDebtServiceGraceWeeks` ago
 * (bullets and balloons are refinancing, not service).
 */
export function debtServiceUsd(world: World, co: Company): number {
  return scheduledDebtServiceUsd(world, co, world.scenario.finance.covenantDebtServiceGraceWeeks);
}

/** The company's covenant figures as of now. */
export function covenantFigures(world: World, co: Company): CovenantFigures {
  return {
    cashUsd: toUsd(co.ledger.balances.cash),
    undrawnRevolverUsd: undrawnRevolverUsd(co),
    undrawnCommitmentsUsd: commitmentRoomUsd(world, co),
    corporateDebtUsd: corporateDebtUsd(co),
    underwrittenEbitdaUsd: underwrittenEbitdaUsd(world, co),
    gpuLoansUsd: principalOfKind(co, 'gpuLoan'),
    fleetValueUsd: fleetValueUsd(world, co),
    totalDebtUsd: toUsd(co.ledger.balances.debt),
    runRateEbitdaUsd: annualisedEbitdaUsd(co),
    debtServiceUsd: world.scenario.finance.covenantMinDebtServiceCover > 0 ? debtServiceUsd(world, co) : 0,
  };
}

/**
 * The rule itself, on figures: every covenant test with value, limit and pass/fail. No debt, no
 * covenants (an empty list). Quarter close tests the company's figures; the advisor tests its
 * projection of them with this same function.
 */
export function covenantTestsOf(f: World['scenario']['finance'], x: CovenantFigures): CovenantTest[] {
  if (x.totalDebtUsd <= 0) return [];
  const liquidity = x.cashUsd + x.undrawnRevolverUsd + x.undrawnCommitmentsUsd;
  const corporate = x.corporateDebtUsd;
  const ebitda = x.underwrittenEbitdaUsd;
  const lev = ebitda > 0 ? corporate / ebitda : null;
  const fleet = x.fleetValueUsd;
  const gpuLoans = x.gpuLoansUsd;
  const ltvLimit = f.gpuLoanMaxLtv * (1 + f.gpuLoanLtvCushionShare);
  const service = x.debtServiceUsd;
  const dscr = f.covenantMinDebtServiceCover > 0 && service > 0 ? [
    { id: 'debtService' as const, label: 'Run-rate EBITDA / next year\'s debt service', value: x.runRateEbitdaUsd / service, limit: f.covenantMinDebtServiceCover, pass: x.runRateEbitdaUsd >= f.covenantMinDebtServiceCover * service },
  ] : [];
  return [
    { id: 'liquidity', label: 'Cash + undrawn committed credit', value: liquidity, limit: f.covenantMinLiquidityUsd, pass: liquidity >= f.covenantMinLiquidityUsd },
    { id: 'leverage', label: 'Bonds, revolver and convertibles / underwritten EBITDA', value: corporate > 0 ? lev : 0, limit: f.covenantMaxDebtToEbitda, pass: corporate <= 0 || (lev !== null && lev <= f.covenantMaxDebtToEbitda) },
    ...dscr,
    { id: 'gpuLoanToValue', label: 'GPU loans / fleet market value', value: fleet > 0 ? gpuLoans / fleet : gpuLoans > 0 ? null : 0, limit: ltvLimit, pass: gpuLoans <= ltvLimit * fleet },
  ];
}

/** GPU-loan principal above the loan-to-value covenant on figures (what a margin call asks), USD (≥ 0). */
export function gpuLoanExcessOf(f: World['scenario']['finance'], x: Pick<CovenantFigures, 'gpuLoansUsd' | 'fleetValueUsd'>): number {
  return Math.max(0, x.gpuLoansUsd - f.gpuLoanMaxLtv * (1 + f.gpuLoanLtvCushionShare) * x.fleetValueUsd);
}

/** Every covenant test as of now (the rule `covenantTestsOf` on the company's figures). */
export function covenantTests(world: World, co: Company): CovenantTest[] {
  return covenantTestsOf(world.scenario.finance, covenantFigures(world, co));
}

/** True when a corporate covenant (liquidity, leverage or debt service) fails — the tests a cure period applies to. */
export function corporateCovenantBreached(tests: CovenantTest[]): boolean {
  return tests.some((t) => t.id !== 'gpuLoanToValue' && !t.pass);
}

/**
 * The corporate breach that calls the loans as soon as its cure period ends — liquidity or leverage
 * (undefined when only debt service fails, which a prepayment from spare cash may still cure first:
 * operate.ts `curePrepayments`). The engine and the advisor's projection both apply it.
 */
export function breachNoPrepaymentCures(tests: CovenantTest[]): CovenantTest | undefined {
  return tests.find((t) => t.id !== 'gpuLoanToValue' && t.id !== 'debtService' && !t.pass);
}
