/**
 * The Sites table's progress bar (the snapshot's `progress` of each site): a campus under
 * construction shows the share of its capital cost paid — near 0 in its first week (it showed half:
 * the total cost over the total plus what was left to pay) — then its wait for the grid from the
 * week the building was ready.
 */
import { describe, it, expect } from 'vitest';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import { createWorld, issueCommand, step } from '../../src/engine/api.ts';
import { makeSnapshot } from '../../src/store/snapshot.ts';
import type { World } from '../../src/engine/types.ts';

const extras = { objectives: [], score: 0, seq: 1, speed: 0 as const, paused: true, pauseReason: null, weeklyChangeUsd: 0, commandCount: 0, engineError: null };
const siteRow = (w: World, kind: string) => makeSnapshot(w, extras).player.sites.find((s) => s.kind === kind)!;

describe('site progress', () => {
  it('a campus: capital paid while it is built (rising from near 0), then the grid wait; energised 1', () => {
    const r = loadBundledScenario('power-crunch');
    if (!r.ok) throw new Error('power-crunch does not load');
    const w = createWorld(r.scenario, { seed: 1 });
    expect(issueCommand(w, { type: 'buildCampus', regionId: 'europe-nordics', powerMw: 2 }).ok).toBe(true);
    step(w);
    const site = w.companies[0]!.sites.find((s) => s.kind === 'campus')!;
    const first = siteRow(w, 'campus').progress;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(0.05);
    let last = first;
    while (site.status === 'building') {
      step(w);
      const p = siteRow(w, 'campus').progress;
      if (site.status !== 'building') break;
      expect(p).toBeGreaterThanOrEqual(last);
      last = p;
    }
    expect(last).toBeGreaterThan(0.9);
    expect(site.status).toBe('awaitingGrid');
    const wait = site.gridWeek - site.readyWeek;
    expect(wait).toBeGreaterThan(4);
    expect(siteRow(w, 'campus').progress).toBeCloseTo((w.week - site.readyWeek) / wait, 9);
    while (site.status !== 'energised') step(w);
    expect(siteRow(w, 'campus').progress).toBe(1);
  });
});
