/** The start order of test files (test/sequencer.ts): facts first, the files reusing its runs last, the rest in vitest's order. */
import { describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import { RunSharingSequencer } from './sequencer.ts';

describe('test file order', () => {
  it('starts facts first and finance-lessons, power and contract-growth last (in that order); keeps the order of the others', async () => {
    const root = '/repo';
    const names = ['test/browser/inputs.test.ts', 'test/market/power.test.ts', 'test/cli/contract-growth.test.ts', 'test/browser/class.test.ts', 'test/market/finance-lessons.test.ts', 'test/market/facts.test.ts', 'test/engine/ledger.test.ts'];
    const size = new Map(names.map((n, i) => [`:${n}`, { size: 100 - i }])); // vitest's own order: largest first = as listed
    const ctx = { config: { root }, cache: { getFileTestResults: () => undefined, getFileStats: (k: string) => size.get(k) } } as unknown as Vitest;
    const spec = (n: string) => ({ moduleId: `${root}/${n}`, project: { name: '', config: { sequence: { groupOrder: 0 }, isolate: true } } }) as unknown as TestSpecification;
    const order = (await new RunSharingSequencer(ctx).sort(names.map(spec))).map((s) => s.moduleId.slice(root.length + 1));
    expect(order).toEqual([
      'test/market/facts.test.ts',
      'test/browser/inputs.test.ts', 'test/browser/class.test.ts', 'test/engine/ledger.test.ts',
      'test/market/finance-lessons.test.ts', 'test/market/power.test.ts', 'test/cli/contract-growth.test.ts',
    ]);
  });
});
