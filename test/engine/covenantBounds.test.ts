/**
 * Each covenant's side of its limit (COVENANT_BOUND, which the UI writes as ≥ or ≤) agrees with the
 * rule itself (covenantTestsOf): a value a little above the limit passes a floor and fails a
 * ceiling, a little below the other way round. The finance panel once wrote "≤ 1.1×" for the
 * debt-service cover, a floor.
 */
import { describe, expect, it } from 'vitest';
import { COVENANT_BOUND, covenantTestsOf, type CovenantFigures, type CovenantId } from '../../src/engine/finance/covenants.ts';
import { covenantLimit } from '../../src/ui/advice.ts';
import { world } from './helpers.ts';

/** Figures whose test `id` reads `value` (the others far from their limits). */
function figuresAt(f: ReturnType<typeof world>['scenario']['finance'], id: CovenantId, value: number): CovenantFigures {
  const x: CovenantFigures = {
    cashUsd: 1e9, undrawnRevolverUsd: 0, undrawnCommitmentsUsd: 0, corporateDebtUsd: 1e8, underwrittenEbitdaUsd: 1e9,
    gpuLoansUsd: 1e8, fleetValueUsd: 1e10, totalDebtUsd: 2e8, runRateEbitdaUsd: 1e9, debtServiceUsd: 1e8,
  };
  if (id === 'liquidity') x.cashUsd = value;
  if (id === 'leverage') x.corporateDebtUsd = value * x.underwrittenEbitdaUsd;
  if (id === 'debtService') x.runRateEbitdaUsd = value * x.debtServiceUsd;
  if (id === 'gpuLoanToValue') x.gpuLoansUsd = value * x.fleetValueUsd;
  return x;
}

describe('covenant bounds', () => {
  const w = world();
  const f = { ...w.scenario.finance, covenantMinDebtServiceCover: 1.1, covenantMinLiquidityUsd: 25_000_000 };
  for (const id of Object.keys(COVENANT_BOUND) as CovenantId[]) {
    it(`${id}: ${COVENANT_BOUND[id]}, as the rule tests it and the panel writes it`, () => {
      const limit = covenantTestsOf(f, figuresAt(f, id, 1)).find((t) => t.id === id)!.limit;
      const passAbove = covenantTestsOf(f, figuresAt(f, id, limit * 1.05)).find((t) => t.id === id)!.pass;
      const passBelow = covenantTestsOf(f, figuresAt(f, id, limit * 0.95)).find((t) => t.id === id)!.pass;
      expect([passAbove, passBelow]).toEqual(COVENANT_BOUND[id] === 'min' ? [true, false] : [false, true]);
      expect(covenantLimit(id, limit).startsWith(COVENANT_BOUND[id] === 'min' ? '≥' : '≤')).toBe(true);
    });
  }
});
