/** The class page's worker pool size (src/ui/class/pool.ts): one core left for the page, but two workers on a 2-core machine. */
import { describe, it, expect } from 'vitest';
import { poolSizeFor } from '../../src/ui/class/pool.ts';

describe('class worker pool size', () => {
  it('cores − 1, at least 1, and 2 on a 2-core machine', () => {
    expect([0, 1, 2, 3, 4, 8, 2.5, Number.NaN].map((c) => poolSizeFor(c))).toEqual([1, 1, 2, 2, 3, 7, 2, 1]);
  });
});
