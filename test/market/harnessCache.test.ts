/**
 * The disk cache of runs the many-seed test files share (harnessCache.ts): a stored run reads back
 * equal to a fresh one, a damaged file or a different scenario or option is never read as the run,
 * a claim left by a dead process does not block, and the code key follows the sources.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedRun, cacheFile, codeKey, runCacheOn, storedRun, type CachedRun } from './harnessCache.ts';
import { stateHash } from '../../src/engine/api.ts';
import { continueRun, run, scenario, scenarioFrom, scenarioJson } from './harness.ts';
import { runScenario } from '../../src/cli/run.ts';

describe('a longer run continued from a shorter one of the same game', () => {
  it('equals the longer run made from week 0 (world and result)', () => {
    const sc = scenario('default');
    for (const seed of [77_011, 77_012]) {
      const short = runScenario(sc, { seed, strategy: 'leveraged', weeks: 30 });
      const long = runScenario(sc, { seed, strategy: 'leveraged', weeks: 60 });
      const continued = continueRun(sc, short, 'leveraged', 60);
      expect(continued.result.outcome.stateHash).toBe(long.result.outcome.stateHash);
      expect(continued.result).toStrictEqual(long.result);
      expect(continued.world).toStrictEqual(long.world);
      expect(short.world.week).toBe(30); // the shorter run's world is copied, not played on
    }
  });
});

describe.skipIf(!runCacheOn)('run cache', () => {
  const sc = scenario('default');
  // A short run, unique to this file so no other test file shares its cache entry.
  const opts = { seed: 77_001, strategy: 'leveraged' as const, weeks: 6 };
  const fresh = () => runScenario(sc, opts);

  it('stores a run and reads it back equal to a fresh run, without recomputing', () => {
    rmSync(cacheFile(sc, opts), { force: true });
    let computed = 0;
    const a = cachedRun(sc, opts, () => { computed++; return fresh(); });
    expect(computed).toBe(1);
    expect(existsSync(cacheFile(sc, opts))).toBe(true);
    const b = cachedRun(sc, opts, () => { computed++; return fresh(); });
    expect(computed).toBe(1);
    expect(b).not.toBe(a); // read from the file
    expect(b).toStrictEqual(fresh());
  });

  it('a damaged file, or one whose world does not hash to its recorded state, is recomputed', () => {
    cachedRun(sc, opts, fresh);
    writeFileSync(cacheFile(sc, opts), 'not a run');
    let computed = 0;
    expect(cachedRun(sc, opts, () => { computed++; return fresh(); })).toStrictEqual(fresh());
    expect(computed).toBe(1);
    // A well-formed file whose world was changed after the run: its state hash no longer matches.
    const r = fresh();
    r.world.companies[0]!.sharesOutstanding += 1;
    rmSync(cacheFile(sc, opts), { force: true });
    cachedRun(sc, opts, () => r);
    computed = 0;
    expect(cachedRun(sc, opts, () => { computed++; return fresh(); }).world.companies[0]!.sharesOutstanding).toBe(fresh().world.companies[0]!.sharesOutstanding);
    expect(computed).toBe(1);
  });

  it('another scenario object or other options are another entry', () => {
    const j = scenarioJson('default');
    (j.company as Record<string, unknown>).cashUsd = 123_000_000;
    const other = scenarioFrom(j);
    expect(cacheFile(other, opts)).not.toBe(cacheFile(sc, opts));
    expect(cacheFile(sc, { ...opts, seed: opts.seed + 1 })).not.toBe(cacheFile(sc, opts));
    expect(cacheFile(sc, { ...opts, strategy: 'prudent' })).not.toBe(cacheFile(sc, opts));
    expect(cacheFile(sc, { ...opts, weeks: 7 })).not.toBe(cacheFile(sc, opts));
    expect(cacheFile(sc, { ...opts, depreciationYears: 4 })).not.toBe(cacheFile(sc, opts));
  });

  it('a claim left by a process that is gone is taken over', () => {
    const file = cacheFile(sc, opts);
    rmSync(file, { force: true });
    writeFileSync(file.replace(/\.v8$/, '.claim'), '999999999'); // no such process
    let computed = 0;
    const r: CachedRun = cachedRun(sc, opts, () => { computed++; return fresh(); });
    expect(computed).toBe(1);
    expect(r.result.outcome.stateHash).toBe(fresh().result.outcome.stateHash);
    expect(existsSync(file.replace(/\.v8$/, '.claim'))).toBe(false);
  });

  it('a run with no shorter one made in this file continues from one another file stored (104 weeks here)', () => {
    // A stored 104-week run whose world carries a mark (and the state hash to match): a 110-week run
    // that continues from it keeps the mark; one played from week 0 would not.
    const seed = 77_021;
    const shortOpts = { seed, strategy: 'leveraged' as const, weeks: 104, depreciationYears: undefined };
    rmSync(cacheFile(sc, shortOpts), { force: true });
    const marked = runScenario(sc, shortOpts);
    marked.world.companies[0]!.name = 'Stored Prefix Co';
    marked.result.outcome.stateHash = stateHash(marked.world);
    cachedRun(sc, shortOpts, () => marked);
    expect(storedRun(sc, shortOpts)?.world.companies[0]!.name).toBe('Stored Prefix Co');
    const longer = run(sc, 'stored-prefix', 'leveraged', seed, { weeks: 110 });
    expect(longer.world.week).toBe(110);
    expect(longer.world.companies[0]!.name).toBe('Stored Prefix Co');
    expect(storedRun(sc, { ...shortOpts, seed: seed + 1 })).toBeNull();
    rmSync(cacheFile(sc, shortOpts), { force: true });
    rmSync(cacheFile(sc, { ...shortOpts, weeks: 110 }), { force: true });
  });

  it('the code key changes with any source, scenario, the lock file or the harness, and not with other tests', () => {
    const root = mkdtempSync(join(tmpdir(), 'run-cache-key-'));
    try {
      for (const d of ['src/engine', 'src/cli', 'scenarios', 'test/market', 'test/browser']) mkdirSync(join(root, d), { recursive: true });
      const files = ['src/engine/step.ts', 'src/cli/run.ts', 'scenarios/default.json', 'package-lock.json', 'test/market/harness.ts', 'test/market/harnessCache.ts'];
      for (const f of files) writeFileSync(join(root, f), `// ${f}\n`);
      writeFileSync(join(root, 'test/browser/x.test.ts'), '// a test\n');
      const k0 = codeKey(root);
      writeFileSync(join(root, 'test/browser/x.test.ts'), '// another test\n');
      expect(codeKey(root)).toBe(k0);
      for (const f of files) {
        const before = readFileSync(join(root, f), 'utf8');
        writeFileSync(join(root, f), before + ' ');
        expect(codeKey(root), f).not.toBe(k0);
        writeFileSync(join(root, f), before);
      }
      cpSync(join(root, 'src/engine/step.ts'), join(root, 'src/engine/new.ts'));
      expect(codeKey(root), 'a new source file').not.toBe(k0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
