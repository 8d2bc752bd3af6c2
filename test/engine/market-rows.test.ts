/**
 * The market's quarterly rows (world.marketQuarters: the CLI's rival tables, the sweep, the JSON
 * output) report each rival's revenue in that quarter — a rival bankrupt years ago earned nothing,
 * where the row once repeated its last report's revenue ($513M a quarter in 2029 for a rival gone
 * in 2026, ai-winter seed 7).
 */
import { describe, expect, it } from 'vitest';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import { createWorld, runWeeks } from '../../src/engine/api.ts';

describe('market rows: rivals\' revenue', () => {
  it('equals the rival\'s own report for the quarter, or 0 when it filed none (out of business); ai-winter, seed 7', () => {
    const r = loadBundledScenario('ai-winter');
    if (!r.ok) throw new Error('ai-winter did not load');
    const w = createWorld(r.scenario, { seed: 7, strategy: 'leveraged' });
    runWeeks(w, r.scenario.calendar.lengthWeeks + 1);
    let gone = 0;
    for (const row of w.marketQuarters) {
      for (const rv of row.rivals) {
        const co = w.companies.find((c) => c.id === rv.id)!;
        const rep = co.quarters.find((q) => q.label === row.label);
        if (!rep) gone++;
        expect(rv.revenueUsd, `${rv.name} ${row.label}`).toBe(rep ? rep.revenueUsd : 0);
      }
    }
    // The case the rule is for occurs in this run: rivals out of business for several quarters.
    expect(gone).toBeGreaterThan(4);
  });
});
