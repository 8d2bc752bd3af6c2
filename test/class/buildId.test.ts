/**
 * The build id (src/class/buildId.ts, computed by src/cli/buildId.ts): Node and the Vite build
 * agree for the same sources; it changes when a replay source changes and not otherwise; the
 * game version in it is package.json's.
 */
import { describe, it, expect } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync, readFileSync, appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildId, setBuildId } from '../../src/class/buildId.ts';
import { computeBuildId } from '../../src/cli/buildId.ts';
import { GAME_VERSION } from '../../src/store/saveFormat.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('build id', () => {
  it("the id Vite injects (the unit tests run under the same define) is the one Node computes; its version is package.json's", () => {
    const id = computeBuildId(ROOT);
    expect(buildId()).toBe(id);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(GAME_VERSION).toBe(pkg.version);
    expect(id.startsWith(`${pkg.version}+`)).toBe(true);
  });

  it('changes with an engine source, a scenario source or a bundled scenario; not with UI code or CRLF line ends', () => {
    const root = mkdtempSync(join(tmpdir(), 'neocloud-buildid-'));
    try {
      for (const p of ['package.json', 'src/engine', 'src/scenario', 'scenarios']) cpSync(join(ROOT, p), join(root, p), { recursive: true });
      const base = computeBuildId(root);
      expect(base).toBe(computeBuildId(ROOT));
      mkdirSync(join(root, 'src/ui'), { recursive: true });
      writeFileSync(join(root, 'src/ui/x.ts'), 'export const x = 1;\n');
      expect(computeBuildId(root)).toBe(base);
      const step = join(root, 'src/engine/step.ts');
      const text = readFileSync(step, 'utf8');
      writeFileSync(step, text.replace(/\n/g, '\r\n'));
      expect(computeBuildId(root)).toBe(base);
      appendFileSync(step, '// changed\n');
      expect(computeBuildId(root)).not.toBe(base);
      writeFileSync(step, text);
      appendFileSync(join(root, 'scenarios/default.json'), ' ');
      expect(computeBuildId(root)).not.toBe(base);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the CLI sets it; a malformed id is refused', () => {
    const id = buildId();
    expect(() => setBuildId('<script>')).toThrow(/not a build id/);
    setBuildId('9.9.9+abcdefabcdef');
    expect(buildId()).toBe('9.9.9+abcdefabcdef');
    setBuildId(id);
  });
});
