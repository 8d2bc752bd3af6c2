/**
 * `sim --result` and `verify` as processes (what teachers run): a result written headless verifies;
 * a tampered copy, a non-result and a zip of files each get their row; rows are the same with 1 and
 * 2 workers and the same as the in-process verifier's; exit codes 0 / 1 / 2; bad arguments name
 * the problem in one line.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { ROOT } from '../cli/contract.ts';
import { parseResultFile } from '../../src/class/result.ts';
import { verifyResultText, type VerifyRow } from '../../src/class/verify.ts';
import { buildId } from '../../src/class/buildId.ts';

interface Ran { code: number | null; stdout: string; stderr: string }
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function run(script: 'sim' | 'verify', args: string[]): Promise<Ran> {
  return new Promise((done, reject) => {
    const child = spawn(TSX, [join(ROOT, 'src', 'cli', `${script}.ts`), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'ncrun-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

describe('sim --result and verify', () => {
  it('sim --result writes the file the browser would; verify replays it: exit 0 (table) — then a class of files, a zip, 1 and 2 workers', async () => {
    const sim = await run('sim', ['--scenario', 'scenarios/price-war-2025.json', '--seed', '5', '--strategy', 'prudent', '--weeks', '39', '--result', at('ada.ncrun.json'), '--student', 'Ada Lovelace', '--format', 'json']);
    expect([sim.code, sim.stderr]).toEqual([0, '']);
    const text = readFileSync(at('ada.ncrun.json'), 'utf8');
    const parsed = parseResultFile(JSON.parse(text));
    if (!parsed.ok) throw new Error(parsed.reason);
    const f = parsed.result;
    // The same run the report printed: its final state hash and weeks.
    const report = JSON.parse(sim.stdout) as { outcome: { stateHash: string; week: number } };
    expect(f).toMatchObject({ student: 'Ada Lovelace', seed: 5, autopilot: 'prudent', week: 39, class: null, scenarioId: 'price-war-2025' });
    expect(f.final.stateHash).toBe(report.outcome.stateHash);
    expect(f.checkpoints.map((c) => c.week)).toEqual([13, 26, 39]);
    expect(f.scenario).toBeUndefined(); // a bundled scenario, named by id and hash

    // The CLI stamps the build id the Vite build and these tests use (the same sources).
    expect(f.buildId).toBe(buildId());
    // A copy claiming another build still replays: verified, flagged ⚠ with both builds named.
    writeFileSync(at('old.ncrun.json'), text.replace(`"buildId":"${f.buildId}"`, `"buildId":"${f.gameVersion}+0123456789ab"`));
    const ok = await run('verify', [at('ada.ncrun.json'), at('old.ncrun.json')]);
    expect([ok.code, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toMatch(/ada\.ncrun\.json\s+✓ verified\s+Ada Lovelace/);
    expect(ok.stdout).toMatch(/old\.ncrun\.json\s+✓ verified ⚠\s+Ada Lovelace.*build 0\.1\.0\+0123456789ab.*this is 0\.1\.0 \(build /);
    expect(ok.stdout).toMatch(/2 files: 2 verified \(/);

    // A class: the good file, an edited score, an edited checkpoint, a non-result, a zip of two.
    const edit = (change: (x: Record<string, unknown> & typeof f) => void) => { const x = JSON.parse(text) as Record<string, unknown> & typeof f; change(x); return JSON.stringify(x); };
    writeFileSync(at('score.ncrun.json'), edit((x) => { x.final.score += 1; }));
    writeFileSync(at('checkpoint.ncrun.json'), edit((x) => { x.checkpoints[1]!.hash = '0123456789abcdef'; }));
    writeFileSync(at('notes.ncrun.json'), '{"format": "neocloud-result", "version": 1, "stud');
    writeFileSync(at('all.zip'), zipSync({ 'Ada_1': { 'ada.ncrun.json': strToU8(text) }, 'Bo_2': { 'bo.ncrun.json': strToU8('[]') } }));
    const files = ['ada.ncrun.json', 'score.ncrun.json', 'checkpoint.ncrun.json', 'notes.ncrun.json', 'all.zip'].map(at);
    const [two, one] = await Promise.all([run('verify', ['--format', 'json', '--jobs', '2', ...files]), run('verify', ['--format', 'json', '--jobs', '1', ...files])]);
    expect([two.code, two.stderr]).toEqual([1, '']);
    const rows = JSON.parse(two.stdout) as VerifyRow[];
    expect(rows.map((r) => [r.file.slice(dir.length + 1), r.status, r.divergesAtWeek])).toEqual([
      ['ada.ncrun.json', 'verified', undefined],
      ['score.ncrun.json', 'mismatch', undefined],
      ['checkpoint.ncrun.json', 'diverged', 26],
      ['notes.ncrun.json', 'invalid', undefined],
      ['all.zip/Ada_1/ada.ncrun.json', 'verified', undefined],
      ['all.zip/Bo_2/bo.ncrun.json', 'invalid', undefined],
    ]);
    expect(rows[3]!.reason).toMatch(/not valid JSON/);
    expect(JSON.parse(one.stdout)).toEqual(rows); // the same rows whatever the number of workers
    // … and the same as the verifier in this process (the class page's code).
    expect(JSON.parse(JSON.stringify(await verifyResultText(text, { file: files[0]! })))).toEqual(rows[0]);
  }, 300_000);

  it('bad arguments: one line on stderr, exit code 2', async () => {
    const cases: [typeof run extends (s: infer S, a: string[]) => unknown ? S : never, string[], RegExp][] = [
      ['verify', [], /give one or more result files/],
      ['verify', ['--format', 'xml', 'x.ncrun.json'], /--format must be one of json\|table/],
      ['verify', [at('missing.ncrun.json')], /cannot read .*missing\.ncrun\.json: no such file/],
      ['verify', ['--jobs', '0', 'x'], /--jobs must be between 1 and 256/],
      ['sim', ['--scenario', 'scenarios/default.json', '--student', 'Ada'], /--student names the student of a result file/],
      ['sim', ['--scenario', 'scenarios/default.json', '--result', at('x.json'), '--student', '   '], /--student: type your name/],
    ];
    const ran = await Promise.all(cases.map(([s, a]) => run(s, a)));
    ran.forEach((r, i) => {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(cases[i]![2]);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
  }, 120_000);
});
