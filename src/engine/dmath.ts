/**
 * Deterministic elementary functions. `Math.exp`, `Math.log`, `Math.pow` and the trigonometric
 * functions are not required to be correctly rounded, and their last bit differs between engines
 * (Node 20 and current Chromium disagree), which would make the browser and the CLI diverge. These
 * use only + − × ÷ and comparisons, which IEEE 754 defines exactly, so every engine gets the same
 * bits. Accuracy is ~1e-15 relative, far more than the simulation needs.
 */

const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;

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
  let term = s;
  let sum = s;
  for (let n = 3; n <= 31; n += 2) {
    term *= s2;
    sum += term / n;
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
    sum += term;
  }
  let scale = 1;
  if (k > 0) for (let i = 0; i < k; i++) scale *= 2;
  else for (let i = 0; i < -k; i++) scale /= 2;
  return sum * scale;
}

/** x^y for x > 0 (and the simple cases x = 0, y = 0, y = 1). */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (y === 1) return x;
  if (x === 0) return y > 0 ? 0 : Infinity;
  if (x < 0) return NaN;
  return exp(y * ln(x));
}
