/**
 * The result file: what buildResult writes for a typical 8-year game (checked against the schema,
 * under 50 KB), when the scenario is embedded, and what parseResultFile refuses.
 */
import { describe, expect, it } from 'vitest';
import { buildResult, parseResultFile, resultFileName, resultText, scenarioHash, RESULT_FORMAT, RESULT_VERSION, MAX_ANSWER_CHARS } from '../../src/class/result.ts';
import { studentSeed } from '../../src/class/seed.ts';
import { bundledScenarios } from '../../src/scenario/bundled.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';
import { MAX_LOGGED_COMMANDS } from '../../src/scenario/limits.ts';
import { replay, stateHash, score } from '../../src/engine/api.ts';
import { defaultScenario, edited, handPlayedLog, noClassMeta, runOf, typicalResult } from './helpers.ts';

const KB = 1024;

describe('buildResult', () => {
  it('writes a typical hand-played 8-year game in under 50 KB, with a checkpoint at every quarter close', async () => {
    const f = await typicalResult();
    const bytes = new TextEncoder().encode(resultText(f)).length;
    console.log(`typical 8-year result: ${f.log.length} commands, ${f.checkpoints.length} checkpoints, ${(bytes / KB).toFixed(1)} KB`);
    expect(bytes).toBeLessThan(50 * KB);
    expect(f.format).toBe(RESULT_FORMAT);
    expect(f.version).toBe(RESULT_VERSION);
    expect(f.week).toBe(416);
    expect(f.checkpoints.map((c) => c.week)).toEqual(Array.from({ length: 32 }, (_, i) => (i + 1) * 13));
    expect(f.scenario).toBeUndefined(); // bundled: identified by id + hash only
    expect(f.scenarioHash).toBe(await scenarioHash(defaultScenario()));
    expect(f.answers).toHaveLength(2);
    // The claims are the engine's own figures for that run (the one replay).
    const w = replay(defaultScenario(), { seed: 42, strategy: null }, f.log, 416);
    expect(f.final.stateHash).toBe(stateHash(w));
    expect(f.final.score).toBe(score(w));
    expect(f.final.status).toBe(w.status);
    expect(f.checkpoints.at(-1)!.hash).toBe(stateHash(w));
    expect(parseResultFile(JSON.parse(resultText(f)))).toEqual({ ok: true, result: f });
  });

  it('stays small with far more commands than a hand-played game (2,000) and at the 20,000 cap under the 4 MB file limit', async () => {
    const s = defaultScenario();
    const base = handPlayedLog(416);
    const many = Array.from({ length: 2000 }, (_, i) => base[i % base.length]!).sort((a, b) => a.week - b.week);
    // Replayed to week 52 only (the file size does not depend on how far it runs): later weeks moved to 52.
    const f = await buildResult(runOf(s, 42, { log: many.map((e) => ({ ...e, week: Math.min(e.week, 52) })), week: 52 }), noClassMeta('x'));
    expect(f.log).toHaveLength(2000);
    const bytesPerCommand = resultText(f).length / f.log.length;
    console.log(`2,000 commands: ${(resultText(f).length / KB).toFixed(1)} KB (${bytesPerCommand.toFixed(0)} bytes a command)`);
    expect(bytesPerCommand * MAX_LOGGED_COMMANDS).toBeLessThan(4 * 1024 * KB);
  });

  it('embeds the scenario document when the run was not on a bundled scenario, and it loads back to the same hash', async () => {
    const overlay = { schemaVersion: 1, extends: 'default', id: 'class-cash', company: { cashUsd: 300_000_000 } };
    const loaded = loadScenarioObject(overlay);
    if (!loaded.ok) throw new Error(loaded.errors[0]!.message);
    const f = await buildResult({ ...runOf(loaded.scenario, 3, { week: 26 }), scenarioDoc: overlay }, noClassMeta('Bo'));
    expect(f.scenario).toEqual(overlay);
    expect(f.checkpoints.map((c) => c.week)).toEqual([13, 26]);
    const again = loadScenarioObject(f.scenario);
    expect(again.ok && (await scenarioHash(again.scenario))).toBe(f.scenarioHash);
    // Without the document, the validated scenario itself is embedded; it validates to itself.
    const g = await buildResult(runOf(loaded.scenario, 3, { week: 13 }), noClassMeta('Bo'));
    const self = loadScenarioObject(g.scenario);
    expect(self.ok && (await scenarioHash(self.scenario))).toBe(g.scenarioHash);
    // A scenario that keeps a bundled id but changes its content is not that bundled scenario: embedded.
    const full = structuredClone(bundledScenarios.default) as { company: { cashUsd: number } };
    full.company.cashUsd = 300_000_000;
    const sameId = loadScenarioObject(full);
    if (!sameId.ok) throw new Error(sameId.errors[0]!.message);
    const h = await buildResult(runOf(sameId.scenario, 3, { week: 13 }), noClassMeta('Bo'));
    expect(h.scenarioId).toBe('default');
    expect(h.scenario).toBeDefined();
  });

  it('refuses a per-student class run on another student’s seed, and an empty name', async () => {
    const s = defaultScenario();
    const cls = { hash: 'a'.repeat(64), title: 'Finance 101', seed: 9, seedMode: 'perStudent' as const };
    await expect(buildResult(runOf(s, studentSeed(9, 'Bo'), { week: 13 }), { ...noClassMeta('Ada'), class: cls })).rejects.toThrow(/per-student class plays seed/);
    const ok = await buildResult(runOf(s, studentSeed(9, 'Ada'), { week: 13 }), { ...noClassMeta('  Ada '), class: cls });
    expect(ok.student).toBe('Ada');
    await expect(buildResult(runOf(s, 9, { week: 13 }), noClassMeta('   '))).rejects.toThrow(/type your name/);
    await expect(buildResult(runOf(s, 9, { week: 13 }), { ...noClassMeta('Ada'), answers: ['x'.repeat(MAX_ANSWER_CHARS + 1)] })).rejects.toThrow(/answers\[0\]/);
  });

  it('names the file <name>-<class>.ncrun.json with safe characters in any script', () => {
    expect(resultFileName('Ada Lovelace', 'Finance 101: Q3/2026')).toBe('ada-lovelace-finance-101-q3-2026.ncrun.json');
    expect(resultFileName('李雷', null)).toBe('李雷-run.ncrun.json');
    expect(resultFileName('../../etc', '***')).toBe('etc-class.ncrun.json');
  });
});

describe('parseResultFile refuses what is not a result, with the reason', async () => {
  const f = await typicalResult();
  const cases: [string, string, RegExp][] = [
    ['another format', edited(f, (x) => { x.format = 'neocloud-tycoon-save' as never; }), /save file, not a result/],
    ['an unknown format', edited(f, (x) => { x.format = 'zip' as never; }), /not a Neocloud Tycoon result file/],
    ['a future version', edited(f, (x) => { x.version = 2 as never; }), /version 2 is newer/],
    ['100,000 commands', edited(f, (x) => { x.log = Array.from({ length: 100_000 }, () => x.log[0]!); }), /at most 20000 commands, found 100000/],
    ['a command of the wrong shape', edited(f, (x) => { (x.log[1]!.command as unknown as Record<string, unknown>).count = 'many'; }), /"log\[1\]\.command\.count"/],
    ['a command of an unknown type', edited(f, (x) => { (x.log[1]!.command as unknown as Record<string, unknown>).type = 'printMoney'; }), /"log\[1\]\.command\.type"/],
    ['weeks out of order', edited(f, (x) => { x.log[5]!.week = 0; x.log[4]!.week = 9; }), /weeks must be in order/],
    ['a command after the hand-in week', edited(f, (x) => { x.week = 100; }), /after the hand-in week/],
    ['an unknown field', edited(f, (x) => { (x as Record<string, unknown>).signature = 'trust me'; }), /signature/],
    ['a score that is not a number', edited(f, (x) => { (x.final as Record<string, unknown>).score = '1e9'; }), /"final\.score"/],
    ['a bad checkpoint hash', edited(f, (x) => { x.checkpoints[3]!.hash = 'zz'; }), /"checkpoints\[3\]\.hash"/],
    ['an answer too long', edited(f, (x) => { x.answers = ['x'.repeat(MAX_ANSWER_CHARS + 1)]; }), /"answers\[0\]"/],
    ['a seed out of range', edited(f, (x) => { x.seed = -1; }), /"seed"/],
    ['an unknown autopilot', edited(f, (x) => { x.autopilot = 'constructor' as never; }), /"autopilot"/],
  ];
  it.each(cases)('%s', (_name, text, reason) => {
    const r = parseResultFile(JSON.parse(text));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('a list, a number and null are not result files', () => {
    for (const v of [[], 3, null, 'x']) expect(parseResultFile(v)).toEqual({ ok: false, reason: 'not a result file: expected a JSON object', why: { id: 'notObject' } });
  });
});
