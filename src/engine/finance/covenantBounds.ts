/**
 * The covenants by id and which side of its limit each must stay on. Kept apart from the rule
 * (covenants.ts) with no imports, so the UI can read it without pulling the engine into its chunk.
 */
export type CovenantId = 'liquidity' | 'leverage' | 'debtService' | 'gpuLoanToValue';

/**
 * 'min': the value must stay at or above the limit (liquidity, debt-service cover); 'max': at or
 * below it (leverage, loan-to-value). The UI writes ≥ or ≤ from this, so a new covenant states its
 * direction once, here; test/engine/covenantBounds.test.ts checks it against the rule.
 */
export const COVENANT_BOUND: Readonly<Record<CovenantId, 'min' | 'max'>> = { liquidity: 'min', debtService: 'min', leverage: 'max', gpuLoanToValue: 'max' };
