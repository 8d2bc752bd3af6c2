/** The lessons' significance test (harness.ts `fisherOneSidedP`) against hand-computed tails. */
import { describe, expect, it } from 'vitest';
import { fisherOneSidedP } from './harness.ts';

describe('one-sided Fisher exact test', () => {
  it('matches the hypergeometric tail computed by hand', () => {
    // 5 of 20 against 0 of 20: C(20,5) / C(40,5) = 15504 / 658008.
    expect(fisherOneSidedP(5, 20, 0, 20)).toBeCloseTo(15504 / 658008, 12);
    // 3 of 20 against 0 of 20: C(20,3) / C(40,3) = 1140 / 9880.
    expect(fisherOneSidedP(3, 20, 0, 20)).toBeCloseTo(1140 / 9880, 12);
    // 2 of 4 against 1 of 4: P(X ≥ 2) with 3 events in 8, 4 drawn = (C(3,2)C(5,2) + C(3,3)C(5,1)) / C(8,4) = 35 / 70.
    expect(fisherOneSidedP(2, 4, 1, 4)).toBeCloseTo(0.5, 12);
    // No difference at all, or A below B: not small.
    expect(fisherOneSidedP(0, 20, 0, 20)).toBeCloseTo(1, 12);
    expect(fisherOneSidedP(1, 20, 6, 20)).toBeGreaterThan(0.9);
  });
});
