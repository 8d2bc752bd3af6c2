/**
 * The leveraged grower's build-ahead (`agents.leveraged.buildAheadKind`): in a warm market it builds
 * ahead of its contracts either in GPUs (rented on demand until a contract takes them) or in powered
 * space only, leaving the GPUs to signed contracts (issue 9 item 5: CoreWeave secured power years
 * ahead and bought GPUs against take-or-pay).
 */
import { describe, expect, it } from 'vitest';
import { createWorld, runWeeks } from '../../src/engine/api.ts';
import { gpusOwned, gpusOnOrder, pipelineMw } from '../../src/engine/metrics.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import { player, variant } from './helpers.ts';

describe('the leveraged grower builds ahead in GPUs or in power', () => {
  const warm = (growth: number, kind: 'gpus' | 'power') => variant((s) => {
    s.market.capital.sentimentStart = 2;
    s.market.capital.sentimentLongRun = [{ date: s.calendar.startDate, value: 2 }];
    s.agents.leveraged.buildAheadGrowthPerYear = growth;
    s.agents.leveraged.buildAheadKind = kind;
    // Neither speculative orders nor mega-deals: only the build-ahead separates the runs.
    s.agents.leveraged.speculative = { ...s.agents.leveraged.speculative, aggressiveness: 0 };
    s.market.demand.megaDealsPerYear = 0;
  });
  const after = (sc: Scenario) => {
    const w = createWorld(sc, { seed: 3, strategy: 'leveraged' });
    runWeeks(w, 26);
    const p = player(w);
    return { gpus: gpusOwned(p) + gpusOnOrder(p), mw: pipelineMw(p) };
  };
  it('power: more space secured than without build-ahead, and fewer GPUs than building ahead in GPUs', () => {
    const off = after(warm(0, 'power')), power = after(warm(1, 'power')), gpus = after(warm(1, 'gpus'));
    expect(power.mw).toBeGreaterThan(off.mw * 1.05);
    expect(gpus.gpus).toBeGreaterThan(power.gpus * 1.05);
  });
  it('the default builds ahead in GPUs (state hashes unchanged by the field)', () => {
    expect(variant().agents.leveraged.buildAheadKind).toBe('gpus');
  });
});
