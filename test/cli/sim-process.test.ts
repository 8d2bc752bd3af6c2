/**
 * `sim` as a process (what other tools call): byte-identical output for the same arguments,
 * different seeds differ, CSV and table formats, an actions file, and bad arguments or a bad
 * scenario → one line on stderr, exit code 2, no stack trace.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScenario } from '../../src/cli/run.ts';
import type { RunResult } from '../../src/cli/run.ts';
import { defaultScenario, quartersProblems } from '../engine/helpers.ts';
import { ROOT, checkSim } from './contract.ts';
import { TSX, tsxArgs } from './harness.ts';

interface Ran { code: number | null; stdout: string; stderr: string }


/** `tsx src/cli/sim.ts ARGS` (the same as `npx tsx …` / `npm run --silent sim -- …`). */
function sim(args: string[]): Promise<Ran> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(TSX, tsxArgs('sim.ts', args), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}

/** Run many invocations, two at a time (the machines have two cores). */
async function simAll(list: string[][]): Promise<Ran[]> {
  const out: Ran[] = new Array(list.length);
  let next = 0;
  const worker = async () => { while (next < list.length) { const i = next++; out[i] = await sim(list[i]!); } };
  await Promise.all([worker(), worker()]);
  return out;
}

const DEFAULT = 'scenarios/default.json';

describe('sim runner process', () => {
  it('prints byte-identical JSON for the same arguments, different output for a different seed', async () => {
    const args = ['--scenario', DEFAULT, '--seed', '5', '--strategy', 'leveraged', '--format', 'json'];
    const [a, b, c] = await simAll([args, args, ['--scenario', DEFAULT, '--seed', '6', '--strategy', 'leveraged', '--format', 'json']]);
    for (const r of [a!, b!, c!]) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    expect(a!.stdout.length).toBeGreaterThan(10_000);
    expect(a!.stdout.endsWith('}\n')).toBe(true);
    expect(a!.stdout.split('\n').length).toBe(2); // one JSON object on one line
    expect(b!.stdout).toBe(a!.stdout);
    expect(c!.stdout).not.toBe(a!.stdout);
    const run = JSON.parse(a!.stdout) as RunResult;
    expect(Object.keys(run).slice(0, 6)).toEqual(['scenarioId', 'seed', 'strategy', 'weeks', 'outcome', 'quarters']);
    expect(Object.keys(run.outcome)).toEqual(['status', 'week', 'reason', 'stateHash']);
    expect(run).toMatchObject({ scenarioId: 'default', seed: 5, strategy: 'leveraged' });
    expect(run.quarters.length).toBe(Math.ceil(run.weeks / 13));
    expect(quartersProblems(run.quarters)).toEqual([]);
    expect((JSON.parse(c!.stdout) as RunResult).outcome.stateHash).not.toBe(run.outcome.stateHash);
    const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
    try {
      writeFileSync(join(dir, 'a.json'), a!.stdout);
      writeFileSync(join(dir, 'c.json'), c!.stdout);
      expect(checkSim([join(dir, 'a.json'), join(dir, 'c.json')])).toMatch(/identities hold/);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  it('CSV: a header and one row per quarter; table: an industry report; depreciation life via the flag', async () => {
    const base = ['--scenario', DEFAULT, '--seed', '2', '--weeks', '52', '--strategy', 'prudent'];
    // The default scenario's company depreciates over 6 years.
    const [csv, table, dep4] = await simAll([[...base, '--format', 'csv'], [...base], [...base, '--format', 'csv', '--depreciation-years', '4']]);
    const dep6 = csv;
    expect(csv!.code).toBe(0);
    const lines = csv!.stdout.trimEnd().split('\n');
    expect(lines.length).toBe(1 + 4);
    expect(lines[0]!.startsWith('label,revenueUsd,costOfRevenueUsd,grossProfitUsd,')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['2023Q1', '2023Q2', '2023Q3', '2023Q4']);
    expect(table!.code).toBe(0);
    expect(table!.stdout).toMatch(/state hash [0-9a-f]{16}/);
    expect(table!.stdout).toMatch(/YOUR COMPANY/);
    // 4 vs 6 years: same cash, different operating income.
    const col = (out: string, name: string) => {
      const rows = out.trimEnd().split('\n').map((l) => l.split(','));
      const i = rows[0]!.indexOf(name);
      return rows.slice(1).map((r) => Number(r[i]));
    };
    expect(col(dep4!.stdout, 'cashUsd')).toEqual(col(dep6!.stdout, 'cashUsd'));
    const oi4 = col(dep4!.stdout, 'operatingIncomeUsd'), oi6 = col(dep6!.stdout, 'operatingIncomeUsd');
    oi4.forEach((v, i) => expect(v).toBeLessThan(oi6[i]!));
  });

  it('an actions file replays player commands: the same state hash as the engine run with those commands', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-actions-'));
    try {
      const actions = [
        { week: 0, command: { type: 'raiseEquity', amountUsd: 40_000_000 } },
        { week: 2, command: { type: 'orderGpus', modelId: 'h100', count: 800, vendorFinancing: true } },
        { week: 3, command: { type: 'ipo', amountUsd: 100_000_000 } }, // well-formed, refused at its tick (no revenue yet)
        { week: 4, command: { type: 'leaseColo', regionId: 'us-texas', powerMw: 3 } },
      ];
      const file = join(dir, 'actions.json');
      writeFileSync(file, JSON.stringify(actions));
      const [withActions, without] = await simAll([
        ['--scenario', DEFAULT, '--seed', '3', '--weeks', '30', '--actions', file, '--format', 'json'],
        ['--scenario', DEFAULT, '--seed', '3', '--weeks', '30', '--format', 'json'],
      ]);
      expect(withActions!.code).toBe(0);
      const r = JSON.parse(withActions!.stdout) as RunResult;
      expect(r.strategy).toBe('idle');
      expect(r.outcome.stateHash).not.toBe((JSON.parse(without!.stdout) as RunResult).outcome.stateHash);
      const { result, world } = runScenario(defaultScenario(), { seed: 3, strategy: 'idle', weeks: 30, actions: actions as never });
      expect(result.outcome.stateHash).toBe(r.outcome.stateHash);
      expect(world.commandLog.map((c) => [c.week, c.command.type, c.ok])).toEqual([
        [0, 'raiseEquity', true], [2, 'orderGpus', true], [3, 'ipo', false], [4, 'leaseColo', true],
      ]);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  it('bad arguments or a bad scenario: one line on stderr, exit code 2, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-bad-'));
    try {
      const notJson = join(dir, 'not-json.json');
      writeFileSync(notJson, '{ "id": "x", oops }');
      const invalid = join(dir, 'invalid.json');
      const raw = JSON.parse(readFileSync(join(ROOT, DEFAULT), 'utf8')) as { calendar: Record<string, unknown> };
      raw.calendar.lengthWeeks = 'long';
      writeFileSync(invalid, JSON.stringify(raw, null, 2));
      const badActions = join(dir, 'actions.json');
      writeFileSync(badActions, JSON.stringify([{ week: -1, command: { type: 'ipo' } }]));
      const cases: [string, string[], RegExp][] = [
        ['no arguments', [], /--scenario/],
        ['missing scenario file', ['--scenario', join(dir, 'nope.json')], /cannot read scenario/],
        ['scenario not JSON', ['--scenario', notJson], /not a valid scenario/],
        ['scenario fails the schema', ['--scenario', invalid], /not a valid scenario.*lengthWeeks/],
        ['unknown strategy', ['--scenario', DEFAULT, '--strategy', 'yolo'], /--strategy/],
        ['negative seed', ['--scenario', DEFAULT, '--seed', '-1'], /--seed/],
        ['weeks not a whole number', ['--scenario', DEFAULT, '--weeks', '1.5'], /--weeks/],
        ['unknown format', ['--scenario', DEFAULT, '--format', 'xml'], /--format/],
        ['bad depreciation life', ['--scenario', DEFAULT, '--depreciation-years', '3'], /--depreciation-years/],
        ['unknown option', ['--scenario', DEFAULT, '--turbo', '1'], /unknown option --turbo/],
        ['bad actions file', ['--scenario', DEFAULT, '--actions', badActions], /actions\[0\]/],
      ];
      const results = await simAll(cases.map(([, args]) => args));
      cases.forEach(([name, , pattern], i) => {
        const r = results[i]!;
        expect(r.code, name).toBe(2);
        expect(r.stdout, name).toBe('');
        expect(r.stderr.endsWith('\n'), name).toBe(true);
        expect(r.stderr.trimEnd().split('\n'), `${name}: ${r.stderr}`).toHaveLength(1);
        expect(r.stderr, name).toMatch(/^error: /);
        expect(r.stderr, name).toMatch(pattern);
        expect(r.stderr, name).not.toMatch(/\n\s+at |Error:|node:internal/);
      });
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});
