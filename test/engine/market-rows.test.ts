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

describe('market rows: what each rival charged', () => {
  // The rivals' tables (CLI, JSON) showed each rival's company-wide priceFactor: 1.00× for every
  // rival whose pricing desk sets a price per generation (price-war-2025: all of them but the
  // hyperscaler), whatever it charged. The row now carries what it posted over the index at the close.
  it('is its posted rents over each generation\'s index at the quarter close (rentOverIndex), not its priceFactor; price-war-2025, seed 1', async () => {
    const { rentOverIndex } = await import('../../src/engine/rentOverIndex.ts');
    const r = loadBundledScenario('price-war-2025');
    if (!r.ok) throw new Error('price-war-2025 did not load');
    const w = createWorld(r.scenario, { seed: 1, strategy: 'prudent' });
    runWeeks(w, 13);
    const row = w.marketQuarters.at(-1)!;
    expect(row.label).toBe('2025Q1');
    for (const rv of row.rivals) expect(rv.rentOverIndex, rv.name).toBe(rentOverIndex(w, w.companies.find((c) => c.id === rv.id)!));
    // Rivals that priced by generation charged something other than 1.00× the market, though their priceFactor is 1.
    const desks = row.rivals.filter((rv) => rv.priceFactor === 1 && rv.rentOverIndex !== null);
    expect(desks.length).toBeGreaterThan(3);
    expect(desks.filter((rv) => Math.abs(rv.rentOverIndex! - 1) > 0.005).length).toBeGreaterThan(0);
  });
});
