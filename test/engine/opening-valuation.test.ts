/**
 * One valuation from week 0 (issue 12 item 4): in every bundled scenario the top bar's valuation
 * (the snapshot's equity value), a Series A preview's pre-money and a rival's figure in the market
 * table are the engine's one mark — the price a private round would fetch now × shares — at week 0
 * as after a week, never the scenario's last-round post-money at week 0 and the mark afterwards.
 */
import { describe, it, expect } from 'vitest';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import { bundledScenarios } from '../../src/scenario/bundled.ts';
import { createWorld, step } from '../../src/engine/api.ts';
import { runCommand } from '../../src/engine/commands/apply.ts';
import { privateRoundPriceUsd } from '../../src/engine/finance/valuation.ts';
import { makeSnapshot } from '../../src/store/snapshot.ts';
import type { World } from '../../src/engine/types.ts';

const extras = { objectives: [], score: 0, seq: 1, speed: 0 as const, paused: true, pauseReason: null, weeklyChangeUsd: 0, commandCount: 0, engineError: null };

/** Top bar vs the round preview's pre-money; each rival's table figure vs its own round price × shares. */
function expectOneValuation(w: World, where: string): void {
  const snap = makeSnapshot(w, extras);
  const p = w.companies[0]!;
  if (!p.listed) {
    const r = runCommand(w, 0, { type: 'raiseEquity', amountUsd: 10_000_000 }, false);
    if (!r.ok) throw new Error(`${where}: the Series A preview is refused (${JSON.stringify(r.reason)})`);
    expect(snap.player.equityValueUsd, `${where}: top bar vs Series A pre-money`).toBe(r.details.preMoneyUsd);
    // The discount is in both figures, and the preview names it.
    expect(r.details.privateDiscountPct).toBe(w.scenario.finance.privateRoundDiscountPct);
  }
  for (const rv of snap.rivals) {
    const co = w.companies.find((c) => c.name === rv.name)!;
    if (co.listed) continue;
    expect(rv.valuationUsd, `${where}: ${rv.name}`).toBe(privateRoundPriceUsd(w, co) * co.sharesOutstanding);
  }
}

describe('one valuation at week 0', () => {
  for (const id of Object.keys(bundledScenarios)) {
    it(`${id}: top bar = Series A pre-money at week 0 and after the first week`, () => {
      const r = loadBundledScenario(id);
      if (!r.ok) throw new Error(`${id} does not load`);
      const w = createWorld(r.scenario, { seed: 3 });
      expectOneValuation(w, `${id} week 0`);
      step(w);
      expectOneValuation(w, `${id} week 1`);
    });
  }
});
