/**
 * The hyperscaler's parent stands behind it: below its cash floor (`agents.hyperscaler.cashFloorUsd`)
 * it raises money that week. At a quarterly review only, GPUs ordered and campuses begun while cash
 * was ample fell due together between two reviews: default, leveraged player, seed 6 — MegaCloud
 * had $4.0B at one review, paid $1.5B of deliveries and builds in six weeks and missed a payment
 * before the next (bankrupt in week 363 with $6.6B of book equity and $0.5B of debt).
 */
import { describe, expect, it } from 'vitest';
import { createWorld, step } from '../../src/engine/api.ts';
import { STRATEGIES } from '../../src/engine/strategies/archetypes.ts';
import { runCommand } from '../../src/engine/commands/apply.ts';
import type { Command } from '../../src/engine/commands/types.ts';
import { variant } from './helpers.ts';

describe('the hyperscaler below its cash floor', () => {
  it('raises money in any week, not only at a quarter\'s review; above the floor it does not', () => {
    for (const floorUsd of [1e12, 0]) {
      const w = createWorld(variant((s) => { s.agents.hyperscaler.cashFloorUsd = floorUsd; }), { seed: 1 });
      const hs = w.companies.find((c) => c.strategy === 'hyperscaler')!;
      for (let k = 0; k < 14; k++) step(w);
      expect(w.week % 13).not.toBe(0);
      const asked: Command['type'][] = [];
      STRATEGIES.hyperscaler(w, hs, (cmd) => { asked.push(cmd.type); return runCommand(w, hs.index, cmd, true); }, w.rng.rivals);
      const raised = asked.filter((t) => t === 'issueBond' || t === 'followOn');
      if (floorUsd > 0) expect(raised.length, `floor $${floorUsd}`).toBeGreaterThan(0);
      else expect(raised).toEqual([]);
    }
  });
});
