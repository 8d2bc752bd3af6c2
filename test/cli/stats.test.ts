/**
 * The shared statistics of the sweep and the many-seed tests: quantiles, and the rule that a
 * non-finite value is counted (summaries) or fails (strict helpers) — never silently dropped.
 */
import { describe, expect, it } from 'vitest';
import { quantileSorted, rate, ratio, strictMean, strictMedian, summarize } from '../../src/cli/stats.ts';
import { median } from '../market/harness.ts';
import { parseSeedList } from '../../src/cli/seedRuns.ts';

describe('stats', () => {
  it('quantiles interpolate between ranks', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([10], 0.9)).toBe(10);
    expect(quantileSorted([0, 10], 0.1)).toBeCloseTo(1);
    expect(quantileSorted([], 0.5)).toBeNaN();
    const s = summarize([5, 1, 4, 2, 3]);
    expect([s.min, s.p10, s.p50, s.p90, s.max, s.mean]).toEqual([1, 1.4, 3, 4.6, 5, 3]);
  });

  it('summaries count NaN, Infinity and n/a entries instead of dropping them unseen', () => {
    const s = summarize([1, NaN, 3, Infinity, null, -Infinity]);
    expect(s).toMatchObject({ count: 6, finite: 2, nonFinite: 3, notApplicable: 1, p50: 2, mean: 2 });
    expect(summarize([null, null]).p50).toBeNaN();
  });

  it('strict medians and means fail on a busted seed, naming where it is', () => {
    expect(strictMedian([3, 1, 2])).toBe(2);
    expect(strictMean([1, 2, 6])).toBe(3);
    expect(() => strictMedian([1, NaN, 3], 'growth')).toThrow(/growth: 1 of 3 values are not finite \(\[1\]=NaN\)/);
    expect(() => strictMedian([1, 2, -Infinity])).toThrow(/\[2\]=-Infinity/);
    expect(() => strictMean([1, null])).toThrow(/not finite/);
    expect(() => strictMedian([])).toThrow(/no values/);
    // The fact tests' median is the strict one (it used to filter NaN out).
    expect(() => median([0.4, NaN, 0.5, 0.6])).toThrow(/not finite/);
    expect(median([0.4, 0.5, 0.6, 0.7])).toBeCloseTo(0.55);
  });

  it('rates and ratios', () => {
    expect(rate([true, false, false, true])).toBe(0.5);
    expect(rate([])).toBeNaN();
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(3, 0)).toBeNaN();
  });

  it('seed lists: ranges, lists, duplicates once, clear errors', () => {
    expect(parseSeedList('1-5')).toEqual({ seeds: [1, 2, 3, 4, 5] });
    expect(parseSeedList('3,1-2,2')).toEqual({ seeds: [3, 1, 2] });
    expect(parseSeedList('5-1')).toMatchObject({ error: expect.stringMatching(/backwards/) });
    expect(parseSeedList('a')).toMatchObject({ error: expect.stringMatching(/not N or N-M/) });
    expect(parseSeedList('1-')).toMatchObject({ error: expect.stringMatching(/not N or N-M/) });
    expect(parseSeedList('1-1000', 100)).toMatchObject({ error: expect.stringMatching(/more than 100/) });
    expect(parseSeedList('4294967296')).toMatchObject({ error: expect.stringMatching(/4294967295/) });
  });
});
