/**
 * `bench` reports the engine against the reference kernel timed in the same run, and the kernel is
 * real work: deterministic for a seed, different for another, proportional in size.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { ROOT } from './contract.ts';
import { TSX, tsxArgs } from './harness.ts';
import { runKernel } from '../../src/cli/benchKernel.ts';

describe('bench', () => {
  it('the kernel is deterministic and does the work it is asked for', () => {
    const size = { customers: 500, providers: 4, weeks: 30, seed: 3 };
    const a = runKernel(size), b = runKernel(size), c = runKernel({ ...size, seed: 4 });
    expect(a.checksum).toBe(b.checksum);
    expect(a.checksum).not.toBe(c.checksum);
    // The hyperscalers' share is a fraction of the demand each week: between 0 and the week count.
    expect(a.checksum).toBeGreaterThan(0);
    expect(a.checksum).toBeLessThan(size.weeks);
    expect(Number.isFinite(a.wallMs)).toBe(true);
  });

  it('the process reports engine ÷ kernel from its own two figures', () => {
    const out = execFileSync(TSX, tsxArgs('bench.ts', ['--customers', '300', '--rivals', '2', '--weeks', '26', '--format', 'json']), { cwd: ROOT, encoding: 'utf8' });
    const r = JSON.parse(out) as { weeks: number; endedEarly: string | null; wallMs: number; kernelMs: number; engineToKernel: number; customers: number; rivals: number };
    expect(r.weeks).toBe(26);
    expect(r.endedEarly).toBeNull();
    expect(r.rivals).toBe(2);
    expect(r.kernelMs).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(r.engineToKernel)).toBe(true);
    if (r.kernelMs >= 5) expect(Math.abs(r.engineToKernel - r.wallMs / r.kernelMs)).toBeLessThan(0.2 * r.engineToKernel + 0.02);
  }, 60_000);
});
