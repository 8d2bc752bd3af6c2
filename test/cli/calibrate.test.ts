/**
 * `npm run calibrate`: every figure is labelled input / mixed / output, the two output
 * targets are rows of their own, and the own-awards figure really comes from a run without the
 * pinned contracts (it differs from the pinned one).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { ROOT } from './contract.ts';
import { TSX, tsxArgs } from './harness.ts';

interface CalRow { figure: string; source: string; reported: number; model: number | string; nonFinite: number; target: string; ok: boolean }

describe('calibrate', () => {
  it('labels sources and reports the two output targets', () => {
    const out = execFileSync(TSX, tsxArgs('calibrate.ts', ['--seeds', '1-2', '--format', 'json']), { cwd: ROOT, encoding: 'utf8' });
    const j = JSON.parse(out) as { seeds: number[]; rows: CalRow[] };
    expect(j.seeds).toEqual([1, 2]);
    for (const r of j.rows) expect(['input', 'mixed', 'output'], r.figure).toContain(r.source);
    const by = (f: string) => j.rows.find((r) => r.figure === f)!;
    expect(by('Backlog, 30 Jun 2025').source).toBe('input');
    expect(by('Q2 2025 operating income').source).toBe('output');
    const margin = by('Q2 2025 GAAP operating margin');
    expect(margin).toMatchObject({ source: 'output', target: '1.6% ± 6 pts' });
    // A seed whose company is bankrupt before Q2 2025 has no margin: it is counted, never dropped,
    // and the row is then not met.
    if (margin.nonFinite === 0) expect(margin.ok).toBe(Math.abs((margin.model as number) - 19.2 / 1212.8) <= 0.06);
    else expect(margin.ok).toBe(false);
    const pinned = by('2024 top customer share'), own = by('2024 top customer, own awards');
    expect([pinned.source, own.source, own.target]).toEqual(['input', 'output', '≥ 45%']);
    expect(own.model).not.toBe(pinned.model);
    expect(own.ok).toBe((own.model as number) >= 0.45);
  }, 180_000);

  it('bad arguments: exit 2 with one line', () => {
    let err: { status?: number; stderr?: string } = {};
    try {
      execFileSync(TSX, tsxArgs('calibrate.ts', ['--seed', '1', '--seeds', '1-3']), { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.status).toBe(2);
    expect(err.stderr).toBe('error: give --seed N or --seeds LIST, not both\n');
  });
});
