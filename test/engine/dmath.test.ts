import { describe, expect, it } from 'vitest';
import { exp, expApprox, ln, pow, APPROX_DECISION_MARGIN } from '../../src/engine/dmath.ts';
import { groupDigits } from '../../src/engine/format.ts';

/** Bit pattern of a double, so golden values compare exactly. */
const bits = (x: number) => {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  return v.getBigUint64(0).toString(16);
};

describe('dmath: elementary functions from + − × ÷ only', () => {
  it('agrees with Math to ~1e-14 over the ranges the engine uses', () => {
    for (let i = 0; i <= 2000; i++) {
      const x = -30 + (60 * i) / 2000;
      expect(Math.abs(exp(x) / Math.exp(x) - 1)).toBeLessThan(1e-14);
      const y = Math.exp(x / 3);
      expect(Math.abs(ln(y) - Math.log(y))).toBeLessThan(1e-14);
      expect(Math.abs(pow(y, -1.3) / Math.pow(y, -1.3) - 1)).toBeLessThan(1e-13);
    }
  });

  it('expApprox stays within 1e-14 of exp over the logit\'s range (1e-12 up to ±700), far inside APPROX_DECISION_MARGIN', () => {
    let worst = 0, worstWide = 0;
    let s = 12345;
    for (let i = 0; i < 200_000; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      const x = i < 100_000 ? -31 + 62 * (s / 4294967296) : -700 + 1400 * (s / 4294967296);
      const d = Math.abs(expApprox(x) / exp(x) - 1);
      if (i < 100_000) worst = Math.max(worst, d);
      else worstWide = Math.max(worstWide, d);
    }
    expect(worst).toBeLessThan(1e-14);
    expect(worstWide).toBeLessThan(1e-12);
    expect(worstWide * 1e3).toBeLessThan(APPROX_DECISION_MARGIN);
    expect(expApprox(0)).toBe(1);
    expect(expApprox(800)).toBe(Infinity);
    expect(expApprox(-800)).toBe(0);
  });

  it('handles the edges', () => {
    expect(ln(0)).toBe(-Infinity);
    expect(ln(-1)).toBeNaN();
    expect(ln(1)).toBe(0);
    expect(exp(0)).toBe(1);
    expect(exp(1000)).toBe(Infinity);
    expect(exp(-1000)).toBe(0);
    expect(pow(0, 2)).toBe(0);
    expect(pow(5, 0)).toBe(1);
    expect(pow(-2, 0.5)).toBeNaN();
  });

  // Golden bits: the same on every JS engine, since only exactly-rounded operations are used.
  // If this table changes, every state hash changes with it.
  it('gives the same bits as recorded', () => {
    expect([bits(exp(0.5)), bits(exp(-3.25)), bits(ln(2.5)), bits(ln(1e-6)), bits(pow(1.7, -0.6))]).toMatchInlineSnapshot(`
      [
        "3ffa61298e1e069b",
        "3fa3da368521902b",
        "3fed5240f0e0e077",
        "c02ba18a998fffa0",
        "3fe746469092fe52",
      ]
    `);
  });
});

describe('groupDigits', () => {
  it('groups thousands without Intl', () => {
    expect(groupDigits(0)).toBe('0');
    expect(groupDigits(999)).toBe('999');
    expect(groupDigits(1000)).toBe('1,000');
    expect(groupDigits(-1234567.4)).toBe('-1,234,567');
  });
});
