/**
 * The headless runner's contract, checked over full 8-year runs of the default scenario:
 * exact identities in cents (`npm run check`, src/cli/check.ts, as a process) for the player and
 * every rival, CSV with one row per quarter, determinism across runs, seeds that differ.
 * Shared by the per-strategy test files so vitest can run them in parallel.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runScenario, type RunResult } from '../../src/cli/run.ts';
import { QUARTER_COLUMNS, toCsv } from '../../src/cli/format.ts';
import type { StrategyId } from '../../src/engine/types.ts';
import { defaultScenario, quartersProblems } from '../engine/helpers.ts';
import { run as sharedRun } from '../market/harness.ts';
import { TSX, tsxArgs } from './harness.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** `npm run --silent check -- FILES` as a process: its exit code and output. */
export function runCheck(files: string[]): { code: number; stdout: string; stderr: string } {
  try {
    return { code: 0, stdout: execFileSync(TSX, tsxArgs('check.ts', files), { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }), stderr: '' };
  } catch (e) {
    const x = e as { status?: number; stdout?: string; stderr?: string };
    return { code: x.status ?? -1, stdout: x.stdout ?? '', stderr: x.stderr ?? '' };
  }
}

/** Run the project's identity checker on JSON files; returns its output, throws with it when it fails. */
export function checkSim(files: string[]): string {
  const r = runCheck(files);
  if (r.code !== 0) throw new Error(`npm run check failed (exit ${r.code}):\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

export function contractSuite(strategies: StrategyId[], seeds: number[]): void {
  const scenario = defaultScenario();
  // Memoised and shared with the market tests through test/market/harness.ts (the same full runs of
  // `default`); the determinism test below recomputes one afresh and compares it byte for byte.
  const run = (strategy: StrategyId, seed: number): RunResult => sharedRun(scenario, 'contract', strategy, seed).result;

  for (const strategy of strategies) {
    describe(`strategy ${strategy}`, () => {
      for (const seed of seeds) {
        it(`seed ${seed}: a full run keeps every identity exactly, for the player and every rival`, () => {
          const r = run(strategy, seed);
          expect(r.scenarioId).toBe('default');
          expect(r.seed).toBe(seed);
          expect(r.strategy).toBe(strategy);
          expect(['running', 'bankrupt', 'won', 'lost']).toContain(r.outcome.status);
          expect(r.outcome.stateHash).toMatch(/^[0-9a-f]{16}$/);
          // Runs to the scenario's end unless the player went bankrupt; a quarter per 13 weeks, and the
          // last (possibly partial) quarter is closed when the game ends.
          if (r.outcome.status !== 'bankrupt') expect(r.weeks).toBe(scenario.calendar.lengthWeeks);
          expect(r.outcome.week).toBe(r.weeks);
          expect(r.quarters.length).toBe(Math.ceil(r.weeks / 13));
          expect(r.quarters[0]!.label).toBe('2023Q1');
          expect(quartersProblems(r.quarters)).toEqual([]);
          expect(r.rivals.length).toBe(scenario.market.rivals.length);
          for (const rv of r.rivals) {
            expect(rv.quarters.length, rv.id).toBeGreaterThan(0);
            expect(quartersProblems(rv.quarters).map((p) => `${rv.id} ${p}`)).toEqual([]);
          }
          expect(r.market.length).toBe(r.quarters.length);
        });
      }

      it('npm run check accepts every run, and every rival as if it were a player', () => {
        const dir = mkdtempSync(join(tmpdir(), 'sim-contract-'));
        try {
          const files: string[] = [];
          for (const seed of seeds) {
            const r = run(strategy, seed);
            const f = join(dir, `${strategy}-${seed}.json`);
            writeFileSync(f, JSON.stringify(r));
            files.push(f);
            r.rivals.forEach((rv, i) => {
              const rf = join(dir, `${strategy}-${seed}-rival${i}.json`);
              writeFileSync(rf, JSON.stringify({ ...r, strategy: rv.archetype, quarters: rv.quarters }));
              files.push(rf);
            });
          }
          expect(checkSim(files)).toMatch(/^identities hold over \d+ quarters/);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });

      it('the same arguments give the same run; different seeds give different runs', () => {
        const [a, b] = seeds;
        const again = runScenario(scenario, { seed: a!, strategy }).result;
        expect(JSON.stringify(again)).toBe(JSON.stringify(run(strategy, a!)));
        expect(run(strategy, b!).outcome.stateHash).not.toBe(run(strategy, a!).outcome.stateHash);
        expect(JSON.stringify(run(strategy, b!).quarters)).not.toBe(JSON.stringify(run(strategy, a!).quarters));
      });

      it('CSV: a header and one row per quarter, the same figures as the JSON', () => {
        const r = run(strategy, seeds[0]!);
        const lines = toCsv(r.quarters).trimEnd().split('\n');
        expect(lines.length).toBe(r.quarters.length + 1);
        const header = lines[0]!.split(',');
        expect(header).toEqual(QUARTER_COLUMNS);
        for (const k of ['label', 'revenueUsd', 'netIncomeUsd', 'cashUsd', 'totalAssetsUsd', 'gpusIdle', 'sharePriceUsd', 'marketCapUsd']) expect(header).toContain(k);
        lines.slice(1).forEach((line, i) => {
          const cells = line.split(',');
          expect(cells.length).toBe(header.length);
          const q = r.quarters[i]!;
          expect(cells[0]).toBe(q.label);
          for (const k of ['revenueUsd', 'netIncomeUsd', 'cashUsd', 'debtUsd'] as const) expect(Number(cells[header.indexOf(k)])).toBe(q[k]);
          expect(cells[header.indexOf('sharePriceUsd')]).toBe(q.sharePriceUsd === null ? '' : String(q.sharePriceUsd));
        });
      });
    });
  }
}
