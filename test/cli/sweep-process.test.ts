/**
 * `sweep` as a process: rows on worker threads equal the same runs done in this process (so the
 * number of jobs cannot change a figure), the summary matches the rows, the formats parse, and bad
 * arguments → one line on stderr, exit code 2.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { ROOT } from './contract.ts';
import { TSX, tsxArgs } from './harness.ts';
import { rowOf, runTask, summarizeRows, ROW_FIELDS, type SweepRow, type StrategySummary } from '../../src/cli/seedRuns.ts';
import { defaultScenario } from '../engine/helpers.ts';
import { toJson } from '../../src/cli/sweepFormat.ts';

interface Ran { code: number | null; stdout: string; stderr: string }

function sweep(args: string[]): Promise<Ran> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(TSX, tsxArgs('sweep.ts', args), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}

const BASE = ['--scenario', 'scenarios/default.json', '--seeds', '1-3', '--strategies', 'leveraged,prudent', '--weeks', '40'];

describe('sweep process', () => {
  it('one row per run, identical with 1 and 2 jobs and to in-process runs; summary from the rows', async () => {
    const [one, two] = await Promise.all([sweep([...BASE, '--jobs', '1', '--format', 'json']), sweep([...BASE, '--jobs', '2', '--format', 'json'])]);
    for (const r of [one, two]) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const a = JSON.parse(one.stdout) as { rows: SweepRow[]; summary: StrategySummary[]; jobs: number };
    const b = JSON.parse(two.stdout) as { rows: SweepRow[]; summary: StrategySummary[]; jobs: number };
    expect([a.jobs, b.jobs]).toEqual([1, 2]);
    expect(a.rows.map((r) => `${r.strategy}:${r.seed}`)).toEqual(['leveraged:1', 'leveraged:2', 'leveraged:3', 'prudent:1', 'prudent:2', 'prudent:3']);
    expect(b.rows).toEqual(a.rows);
    const sc = defaultScenario();
    const local = runTask(sc, { seed: 2, strategy: 'prudent', weeks: 40 }).row;
    expect(a.rows[4]).toEqual(JSON.parse(toJson(local)));
    expect(a.rows.every((r) => r.weeks === 40 && r.outcome === 'running')).toBe(true);
    expect(new Set(a.rows.map((r) => r.stateHash)).size).toBe(6);
    // The summary is computed from these rows (bankruptcy week: n/a for every survivor, not NaN).
    const mine = JSON.parse(toJson(summarizeRows(a.rows))) as StrategySummary[];
    expect(a.summary).toEqual(mine);
    expect(a.summary.map((s) => s.strategy)).toEqual(['leveraged', 'prudent']);
    expect(a.summary[0]!.metrics.revenueUsd.finite).toBe(3);
    expect(a.summary[0]!.metrics.bankruptcyWeek).toMatchObject({ notApplicable: 3, p50: 'NaN' });
    // Leveraged borrows; prudent does not (a figure that separates the strategies, not a constant).
    expect(a.summary[0]!.metrics.peakDebtUsd.p50).toBeGreaterThan(a.summary[1]!.metrics.peakDebtUsd.p50);
  }, 120_000);

  it('csv rows, csv summary and the table', async () => {
    const args = ['--scenario', 'scenarios/default.json', '--seeds', '7', '--strategies', 'prudent', '--weeks', '14', '--jobs', '1'];
    const [csv, sum, table] = await Promise.all([sweep([...args, '--format', 'csv']), sweep([...args, '--format', 'csv', '--summary']), sweep(args)]);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe(ROW_FIELDS.join(','));
    expect(lines).toHaveLength(2);
    expect(lines[1]!.startsWith('default,prudent,7,running,14,')).toBe(true);
    expect(sum.stdout.split('\n')[0]).toBe('strategy,metric,count,finite,nonFinite,notApplicable,mean,min,p10,p50,p90,max');
    expect(sum.stdout).toMatch(/^prudent,bankruptcyRate,1,1,0,0,0,/m);
    expect(sum.stdout).toMatch(/^prudent,bankruptcyWeek,1,0,0,1,NaN,/m);
    expect(table.stdout).toMatch(/^Sweep — default: 1 seeds × prudent \(1 runs, 1 jobs/);
    expect(table.stdout).toMatch(/prudent: 1 runs, bankrupt 0%/);
    for (const r of [csv, sum, table]) expect([r.code, r.stderr]).toEqual([0, '']);
  }, 120_000);

  it('bad arguments: one line on stderr, exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--seeds', '1-3'], /--scenario FILE is required/],
      [['--scenario', 'scenarios/default.json', '--seeds', '9-2'], /--seeds: .*backwards/],
      [['--scenario', 'scenarios/default.json', '--strategies', 'leveraged,energy'], /"energy" is not an autopilot/],
      [['--scenario', 'scenarios/default.json', '--jobs', '0'], /--jobs must be between 1 and 256/],
      [['--scenario', 'scenarios/default.json', '--format', 'xml'], /--format must be one of csv\|table\|json/],
      [['--scenario', 'no/such.json'], /cannot read scenario file/],
      [['--scenario', 'scenarios/default.json', '--seed', '1'], /unknown option --seed/],
    ];
    const runs: Ran[] = [];
    for (let i = 0; i < cases.length; i += 2) runs.push(...await Promise.all(cases.slice(i, i + 2).map(([args]) => sweep(args))));
    runs.forEach((r, i) => {
      expect(r.code, cases[i]![0].join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.stderr).toMatch(cases[i]![1]);
    });
  }, 120_000);
});

describe('sweep rows', () => {
  it('a bankrupt run reports its week; ratios without revenue stay NaN (counted, not zero)', () => {
    const sc = defaultScenario();
    const t = runTask(sc, { seed: 1, strategy: 'idle', weeks: 14 });
    expect(t.row).toMatchObject({ bankrupt: false, bankruptcyWeek: null, weeks: 14 });
    const p = t.world.companies[0]!;
    p.status = 'bankrupt';
    p.bankruptWeek = 9;
    for (const q of t.result.quarters) q.revenueUsd = 0;
    const r = rowOf(t.result, t.world);
    expect(r).toMatchObject({ bankrupt: true, bankruptcyWeek: 9, equityValueUsd: 0 });
    expect(r.backlogToAnnualRevenue).toBeNaN();
    expect(r.operatingMargin).toBeNaN();
    const s = summarizeRows([t.row, r]);
    expect(s[0]!.bankruptcyRate).toBe(0.5);
    expect(s[0]!.metrics.operatingMargin).toMatchObject({ finite: 1, nonFinite: 1 });
    expect(s[0]!.metrics.bankruptcyWeek).toMatchObject({ finite: 1, notApplicable: 1, p50: 9 });
  });
});
