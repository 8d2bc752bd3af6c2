/**
 * Statistics over many seeded runs, shared by the `sweep` command and the many-seed tests.
 *
 * The one rule: a non-finite value (NaN, ±Infinity) is never dropped silently. `summarize` counts
 * non-finite values and "not applicable" entries (null) separately from the finite ones it ranks;
 * `strictMedian`/`strictSummary` throw when any value is not finite, naming how many and where, so a
 * test over seeds fails instead of quietly averaging the seeds that survived.
 */

/** Order statistics and counts of one metric over runs. Quantiles use linear interpolation. */
export interface Summary {
  /** Values given (finite + non-finite + not applicable). */
  count: number;
  /** Finite values the statistics below are computed from. */
  finite: number;
  /** NaN or ±Infinity values: reported, never folded into the statistics. */
  nonFinite: number;
  /** `null` entries: the metric does not apply to that run (e.g. bankruptcy week of a survivor). */
  notApplicable: number;
  mean: number;
  min: number;
  p10: number;
  p50: number;
  p90: number;
  max: number;
}

/** Quantile q (0–1) of values already sorted ascending; NaN for an empty list. */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Summary of a metric; statistics are NaN when no value is finite. Counts say what was left out. */
export function summarize(values: readonly (number | null)[]): Summary {
  const finite: number[] = [];
  let nonFinite = 0, notApplicable = 0;
  for (const v of values) {
    if (v === null) notApplicable++;
    else if (Number.isFinite(v)) finite.push(v);
    else nonFinite++;
  }
  finite.sort((a, b) => a - b);
  let total = 0;
  for (const v of finite) total += v;
  return {
    count: values.length,
    finite: finite.length,
    nonFinite,
    notApplicable,
    mean: finite.length > 0 ? total / finite.length : NaN,
    min: finite.length > 0 ? finite[0]! : NaN,
    p10: quantileSorted(finite, 0.1),
    p50: quantileSorted(finite, 0.5),
    p90: quantileSorted(finite, 0.9),
    max: finite.length > 0 ? finite[finite.length - 1]! : NaN,
  };
}

/** Indices of values that are not finite numbers (NaN, ±Infinity, null, undefined). */
export function nonFiniteIndices(values: readonly unknown[]): number[] {
  const out: number[] = [];
  values.forEach((v, i) => { if (typeof v !== 'number' || !Number.isFinite(v)) out.push(i); });
  return out;
}

/** Throws (naming the label, how many and which) when any value is not a finite number. */
export function assertAllFinite(values: readonly unknown[], label = 'values'): asserts values is number[] {
  const bad = nonFiniteIndices(values);
  if (bad.length > 0) {
    const shown = bad.slice(0, 8).map((i) => `[${i}]=${String(values[i])}`).join(', ');
    throw new Error(`${label}: ${bad.length} of ${values.length} values are not finite (${shown}${bad.length > 8 ? ', …' : ''})`);
  }
  if (values.length === 0) throw new Error(`${label}: no values`);
}

/** Summary that throws on any non-finite or missing value (for tests: a busted seed cannot vanish). */
export function strictSummary(values: readonly unknown[], label = 'values'): Summary {
  assertAllFinite(values, label);
  return summarize(values);
}

/** Median that throws on any non-finite or missing value, or on an empty list. */
export function strictMedian(values: readonly unknown[], label = 'median'): number {
  return strictSummary(values, label).p50;
}

/** Mean that throws on any non-finite or missing value, or on an empty list. */
export function strictMean(values: readonly unknown[], label = 'mean'): number {
  return strictSummary(values, label).mean;
}

/** Share of runs where a condition holds, 0–1 (NaN for no runs). */
export function rate(flags: readonly boolean[]): number {
  if (flags.length === 0) return NaN;
  let n = 0;
  for (const f of flags) if (f) n++;
  return n / flags.length;
}

/** Ratio a / b, or NaN when b is not positive (kept non-finite so summaries count it, never 0). */
export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}
