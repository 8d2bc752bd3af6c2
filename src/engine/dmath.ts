/**
 * Deterministic elementary functions. `Math.exp`, `Math.log`, `Math.pow` and the trigonometric
 * functions are not required to be correctly rounded, and their last bit differs between engines
 * (Node 20 and current Chromium disagree), which would make the browser and the CLI diverge. These
 * use only + − × ÷ and comparisons, which IEEE 754 defines exactly, so every engine gets the same
 * bits. Accuracy is ~1e-15 relative, far more than the simulation needs.
 */

const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;
/** 2^55, exact. */
const TWO55 = 36028797018963968;

/** 2^k for the k exp() needs (|k| ≤ 1075), by repeated exact doubling and halving, tabled once. */
const POW2_BIAS = 1075;
const POW2 = (() => {
  const t = new Float64Array(2 * POW2_BIAS + 1);
  let up = 1, down = 1;
  t[POW2_BIAS] = 1;
  for (let i = 1; i <= POW2_BIAS; i++) {
    up *= 2; down /= 2;
    t[POW2_BIAS + i] = up;
    t[POW2_BIAS - i] = down;
  }
  return t;
})();
function pow2(k: number): number {
  return POW2[k + POW2_BIAS]!;
}

/** Natural logarithm; NaN for x < 0 or NaN, -Infinity for 0. */
export function ln(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  // x = m · 2^k with m in [1/√2, √2): scaling by 2 is exact.
  let m = x;
  let k = 0;
  while (m >= 2) { m /= 2; k++; }
  while (m < 1) { m *= 2; k--; }
  if (m > SQRT2) { m /= 2; k++; }
  // ln m = 2·atanh(s), s = (m−1)/(m+1), |s| < 0.172: the odd series converges fast.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  const mag = s < 0 ? -s : s;
  let term = s;
  let sum = s;
  for (let n = 3; n <= 31; n += 2) {
    term *= s2;
    const add = term / n;
    // Every later addend is smaller still and has the same sign: once one is below a quarter ulp
    // of the sum (|sum| ≥ |s|), no later addition can change a bit, so stopping gives the same result.
    if ((add < 0 ? -add : add) * TWO55 < mag) break;
    sum += add;
  }
  return k * LN2 + 2 * sum;
}

/** e^x; 0 below −745, Infinity above 709.8. */
export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.78) return Infinity;
  if (x < -745.1) return 0;
  // x = k·ln2 + r, |r| ≤ ln2/2; e^r by its Taylor series; then scale by 2^k exactly.
  const k = Math.round(x / LN2);
  const r = x - k * LN2;
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 22; n++) {
    term = (term * r) / n;
    // |r| < 1, so every later term is smaller in magnitude than this one (rounding is monotone), and
    // the sum is positive. Once a term is below a quarter ulp of the sum, no later addition can
    // change a bit: stopping early gives exactly the 22-term result, in a third of the work.
    if ((term < 0 ? -term : term) * TWO55 < sum) break;
    sum += term;
  }
  return sum * pow2(k);
}

/** x^y for x > 0 (and the simple cases x = 0, y = 0, y = 1). */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (y === 1) return x;
  if (x === 0) return y > 0 ? 0 : Infinity;
  if (x < 0) return NaN;
  return exp(y * ln(x));
}

/** 2^(j/32) for j = 0…31 (through `exp`, once), the table `expApprox` reduces its argument with. */
const EXP2_32 = (() => {
  const t = new Float64Array(32);
  for (let j = 0; j < 32; j++) t[j] = exp((j * LN2) / 32);
  return t;
})();

/**
 * e^x within 1e-14 of `exp` over the logit's range −30…30 (1e-12 up to |x| ≤ 700), without
 * `exp`'s bit-exact promise and several times faster: x = (32m + j)·ln2/32 + r with |r| ≤ ln2/64,
 * e^x = 2^m · 2^(j/32) · e^r, e^r by a degree-5 polynomial (truncation < 3e-15) — a table read and
 * six multiplications instead of `exp`'s ~15 series terms with a division each. Its bits are NOT
 * those of `exp`, so no state may be built from its result: a caller uses it only to take a yes/no
 * decision it can prove `exp` takes the same way — the decision clears its threshold by
 * `APPROX_DECISION_MARGIN` — and falls back to `exp` otherwise (the customers' logit and churn
 * draws in market/customers.ts, ~a quarter of the engine's time when done with `exp`).
 */
export function expApprox(x: number): number {
  if (!(x >= -700 && x <= 700)) return exp(x);
  const k = Math.round(x * (32 / LN2));
  const r = x - k * (LN2 / 32);
  const p = 1 + r * (1 + r * (1 / 2 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
  return p * EXP2_32[k & 31]! * pow2(k >> 5);
}

/**
 * Relative margin a decision taken with `expApprox` must clear to be the one `exp` takes: far above
 * the two functions' difference (< 1e-14 relative where the engine uses it, tested in
 * test/engine/dmath.test.ts) plus the rounding of the sums built from them (< 1e-13 for a few
 * hundred terms).
 */
export const APPROX_DECISION_MARGIN = 1e-9;
