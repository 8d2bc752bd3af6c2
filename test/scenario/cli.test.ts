/** `npm run scenario:check` and `npm run schema -- --check`: exit codes and output formats. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TSX, tsxArgs } from '../cli/harness.ts';

const root = join(import.meta.dirname, '..', '..');
const run = (script: string, args: string[]) => spawnSync(TSX, tsxArgs(script, args), { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('scenario:check CLI', () => {
  it('exits 0 for valid files, 1 when any is invalid, with JSON output', () => {
    const r = run('scenario-check.ts', ['--format', 'json', 'scenarios/default.json', 'test/scenario/bad/type-cash-string.json', 'no-such-file.json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { file: string; valid: boolean; errors: { path: string; message: string }[] }[];
    expect(out.map((x) => [x.file, x.valid])).toEqual([
      ['scenarios/default.json', true],
      ['test/scenario/bad/type-cash-string.json', false],
      ['no-such-file.json', false],
    ]);
    expect(out[0]?.errors).toEqual([]);
    expect(out[1]?.errors[0]).toMatchObject({ path: 'company.cashUsd', message: expect.stringMatching(/expected a number/) });
    expect(out[2]?.errors[0]).toMatchObject({ path: '(file)', message: 'cannot read the file: no such file' });
  });

  it('prints readable errors with a caret in text format, and exits 0 when all are valid', () => {
    const bad = run('scenario-check.ts', ['test/scenario/bad/unknown-key-nested.json']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/unknown-key-nested\.json:\d+:\d+ company\.cashUSD/);
    expect(bad.stdout).toMatch(/Did you mean "cashUsd"\?/);
    expect(bad.stdout).toMatch(/\|\s+\^+/);
    const good = run('scenario-check.ts', ['scenarios/price-war-2025.json', 'scenarios/ai-winter.json']);
    expect(good.status).toBe(0);
  });

  it('exits 2 for bad arguments', () => {
    expect(run('scenario-check.ts', []).status).toBe(2);
    expect(run('scenario-check.ts', ['--format', 'xml', 'a.json']).status).toBe(2);
    expect(run('scenario-check.ts', ['--nope', 'a.json']).status).toBe(2);
  });
});
