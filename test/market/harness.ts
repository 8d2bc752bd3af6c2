/**
 * Shared helpers for the many-seed tests (stylised facts, lessons, playthroughs): load a bundled
 * scenario (optionally patched), run many seeds in one process, reduce runs to the sweep's rows
 * (src/cli/seedRuns.ts), and take statistics that FAIL on a non-finite value (src/cli/stats.ts):
 * a busted seed whose figure is NaN or Infinity makes the test fail instead of vanishing from the
 * median. Runs are memoised per test file so several facts can share them, and stored on disk
 * (harnessCache.ts) so other test files and later runs of the same sources share them too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioObject } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import { runResultOf, runScenario, type RunResult } from '../../src/cli/run.ts';
import { replayInto } from '../../src/engine/api.ts';
import { cachedRun, storedRun } from './harnessCache.ts';
import type { StrategyId, World } from '../../src/engine/types.ts';
import type { QuarterReport } from '../../src/engine/reports.ts';
import { parseSeedList, rowOf, summarizeRows, type SweepRow } from '../../src/cli/seedRuns.ts';
import { strictMedian, strictMean, strictSummary, rate, summarize } from '../../src/cli/stats.ts';

export { strictMedian, strictMean, strictSummary, rate, summarize, summarizeRows, type SweepRow };

/**
 * The seeds every many-seed test runs: 1–20, or the list in `NEOCLOUD_SEEDS` (the sweep's syntax,
 * e.g. `NEOCLOUD_SEEDS=301-320 npx vitest run test/market`) to check the facts on seeds the model
 * was never tuned on. A bad list fails loudly rather than silently running the default seeds.
 */
export const SEEDS: readonly number[] = seedsFromEnv(process.env.NEOCLOUD_SEEDS);

function seedsFromEnv(text: string | undefined): number[] {
  if (text === undefined || text.trim() === '') return Array.from({ length: 20 }, (_, i) => i + 1);
  const r = parseSeedList(text);
  if ('error' in r) throw new Error(`NEOCLOUD_SEEDS: ${r.error}`);
  return r.seeds;
}

const raw = new Map<string, unknown>();
/** The scenario file as plain JSON (a fresh deep copy, safe to patch). */
export function scenarioJson(id: string): Record<string, unknown> {
  if (!raw.has(id)) raw.set(id, JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', `${id}.json`), 'utf8')));
  return structuredClone(raw.get(id)) as Record<string, unknown>;
}

/** Validate a scenario object (resolving `extends`); throws with the errors when invalid. */
export function scenarioFrom(json: Record<string, unknown>): Scenario {
  const r = loadScenarioObject(json);
  if (!r.ok) throw new Error(`invalid scenario: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return r.scenario;
}

/**
 * A bundled scenario changed by `change` (applied to its JSON) and validated: an overlay a test
 * switches a mechanism off with. Its id is `<id>-<key>`, so its runs are kept apart from the original's.
 */
export function overlay(id: string, key: string, change: (j: Record<string, unknown>) => void): Scenario {
  const j = scenarioJson(id);
  j.id = `${id}-${key}`;
  change(j);
  return scenarioFrom(j);
}

const loaded = new Map<string, Scenario>();
export function scenario(id: string): Scenario {
  if (!loaded.has(id)) loaded.set(id, scenarioFrom(scenarioJson(id)));
  return loaded.get(id)!;
}

export interface Run { result: RunResult; world: World }
const runs = new Map<string, Run>();
/**
 * The runs made so far of each game — the same scenario object, strategy, seed and depreciation —
 * by length: a longer run of a game continues from a deep copy of the world of the longest shorter
 * one instead of replaying its first weeks (facts.test.ts plays `default` to 2026 for 20 seeds and
 * then the same games to 2030) — or, when none was made in this process, of one another file stored
 * on disk at a common length (`STORED_PREFIX_WEEKS`). A deep copy steps exactly as the original (the engine keeps no
 * state outside the World; `continueRun` is checked against a fresh run in harnessCache.test.ts).
 */
const games = new WeakMap<Scenario, Map<string, { weeks: number; run: Run }[]>>();

/** `prefix` (a run of the same game, shorter) played on to `weeks`, as `runScenario` would play the whole. */
export function continueRun(sc: Scenario, prefix: Run, strategy: StrategyId, weeks: number | undefined): Run {
  const world = structuredClone(prefix.world);
  replayInto(world, [], Math.min(weeks ?? sc.calendar.lengthWeeks, sc.calendar.lengthWeeks));
  return { result: runResultOf(sc, world, strategy), world };
}

/** Lengths of the runs the test files often make, longest first: a longer run continues from a stored one (`run`). */
const STORED_PREFIX_WEEKS = [260, 208, 104];

/** Run (memoised by key) one seed of a scenario with the player on an autopilot. */
export function run(sc: Scenario, key: string, strategy: StrategyId, seed: number, o: { weeks?: number; depreciationYears?: 4 | 5 | 6 } = {}): Run {
  const k = `${sc.id}|${key}|${strategy}|${seed}|${o.weeks ?? ''}|${o.depreciationYears ?? ''}`;
  let r = runs.get(k);
  if (!r) {
    const opts = { seed, strategy, weeks: o.weeks, depreciationYears: o.depreciationYears };
    const weeks = Math.min(o.weeks ?? sc.calendar.lengthWeeks, sc.calendar.lengthWeeks);
    if (!games.has(sc)) games.set(sc, new Map());
    const byGame = games.get(sc)!;
    const game = `${strategy}|${seed}|${o.depreciationYears ?? ''}`;
    const made = byGame.get(game) ?? [];
    let prefix: { weeks: number; run: Run } | undefined;
    for (const m of made) if (m.weeks < weeks && (!prefix || m.weeks > prefix.weeks)) prefix = m;
    // None made here: another file may have stored a shorter run of the same game (prudent-growth's
    // 2023–2027 runs of default continue from facts' 2023–2026 ones).
    for (const w of STORED_PREFIX_WEEKS) {
      if (prefix || w >= weeks) continue;
      const stored = storedRun(sc, { seed, strategy, weeks: w, depreciationYears: o.depreciationYears });
      if (stored) prefix = { weeks: w, run: stored };
    }
    // Shared across test files through the disk cache (keyed by the sources and the scenario object, see harnessCache.ts).
    r = cachedRun(sc, opts, () => (prefix ? continueRun(sc, prefix.run, strategy, o.weeks) : runScenario(sc, opts)));
    runs.set(k, r);
    made.push({ weeks, run: r });
    byGame.set(game, made);
  }
  return r;
}

/** Run many seeds (memoised like `run`). */
export function runSeeds(sc: Scenario, key: string, strategy: StrategyId, seeds: readonly number[] = SEEDS, o: { weeks?: number; depreciationYears?: 4 | 5 | 6 } = {}): Run[] {
  return seeds.map((seed) => run(sc, key, strategy, seed, o));
}

/** The sweep's row for a run (outcome, bankruptcy week, peak idle share, top customer, …). */
export function row(r: Run): SweepRow {
  return rowOf(r.result, r.world);
}

/**
 * Median over seeds that throws when any value is NaN, ±Infinity or missing (the error names the
 * seeds' positions), so a run that broke cannot silently drop out. Pass a label for the message.
 */
export function median(xs: readonly number[], label = 'median over seeds'): number {
  return strictMedian(xs, label);
}

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Quarters of one calendar year ("2024"). */
export function year(qs: QuarterReport[], y: string): QuarterReport[] {
  return qs.filter((q) => q.label.startsWith(y));
}

/** Sum of a field over quarters. */
export function total(qs: QuarterReport[], f: (q: QuarterReport) => number): number {
  return sum(qs.map(f));
}

/**
 * One-sided Fisher exact test: the chance, were both groups' rates the same, of group A showing at
 * least `a` events of `nA` when the two groups show `a + b` between them (`b` of `nB` in group B) —
 * the hypergeometric tail. A lesson "A fails more often than B" over a few dozen seeds asks it to
 * be small, so a difference of a seed or two cannot pass as one.
 */
export function fisherOneSidedP(a: number, nA: number, b: number, nB: number): number {
  const choose = (n: number, k: number) => { let c = 1; for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i; return c; };
  const events = a + b, n = nA + nB;
  let p = 0;
  for (let x = a; x <= Math.min(events, nA); x++) p += (choose(events, x) * choose(n - events, nA - x)) / choose(n, nA);
  return p;
}
