/**
 * The verifier: a run replays to every claim it makes (verified); one edited score, command or
 * checkpoint is caught with the right status and week; files that are not results, or are for
 * another class or scenario, each get their own status and a clear reason; shared and per-student
 * seeds; the row's figures for the class debrief.
 */
import { describe, expect, it } from 'vitest';
import { verifyResultText, verifyResultTexts } from '../../src/class/verify.ts';
import { buildResult, resultText, scenarioHash, type ResultFile } from '../../src/class/result.ts';
import { studentSeed } from '../../src/class/seed.ts';
import { buildId } from '../../src/class/buildId.ts';
import { resultRunInputs } from '../../src/class/resultInputs.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';
import { MAX_FILE_BYTES } from '../../src/scenario/limits.ts';
import { replay, stateHash } from '../../src/engine/api.ts';
import { cachedResult, defaultScenario, edited, englishWords, handPlayedLog, noClassMeta, runOf, typicalResult } from './helpers.ts';
import { whyText } from '../../src/class/why.ts';
import type { VerifyRow } from '../../src/class/verify.ts';

/** A row's reason is message ids: its English text is their English rendering, its Chinese has no English words. */
function expectLocalised(row: VerifyRow): void {
  expect(row.why?.length).toBeGreaterThan(0);
  expect(row.reason).toBe(whyText(row.why!, 'en'));
  const zh = whyText(row.why!, 'zh-CN');
  expect(zh).not.toMatch(/class\.why_/);
  expect(englishWords(zh, row.student ? [row.student] : []), zh).toEqual([]);
}

/** Two years of a hand-played game (8 checkpoints): cheap enough for the tampering cases. */
const twoYears = () => cachedResult('two-years', () => buildResult(runOf(defaultScenario(), 7, { log: handPlayedLog(104), week: 104 }), noClassMeta('Grace Hopper')));

const CLASS_SEED = 2026;
const classOf = (seedMode: 'shared' | 'perStudent') => ({ hash: (seedMode === 'shared' ? 'a' : 'b').repeat(64), title: 'Finance 101', seed: CLASS_SEED, seedMode });
/** A per-student class result: 26 weeks on the student's own seed. */
const perStudent = (student: string) => cachedResult(`ps-${student}`, () => buildResult(runOf(defaultScenario(), studentSeed(CLASS_SEED, student), { log: handPlayedLog(26), week: 26 }), { ...noClassMeta(student), class: classOf('perStudent') }));

describe('a genuine run verifies', () => {
  it('a hand-played 8-year game: verified, with the figures the results table and the debrief need', async () => {
    const f = await typicalResult();
    const t0 = performance.now();
    const row = await verifyResultText(resultText(f), { file: 'ada.ncrun.json' });
    console.log(`verify one 8-year file: ${(performance.now() - t0).toFixed(0)} ms`);
    expect(row).toMatchObject({ file: 'ada.ncrun.json', status: 'verified', student: 'Ada Lovelace', attempt: 1, score: f.final.score, outcome: f.final.status, firstGpuOrderWeek: 0, bankruptcyWeek: null });
    expect(row.reason).toBeUndefined();
    expect(row.objectivesMet).toBe(f.final.objectives.filter((o) => o.met).length);
    expect(row.series).toHaveLength(32);
    expect(row.series![0]!.week).toBe(13);
    for (const p of row.series!) for (const v of Object.values(p)) expect(Number.isFinite(v)).toBe(true);
    expect(row.series!.every((p) => p.utilisation >= 0 && p.utilisation <= 1)).toBe(true);
    expect(row.decisions!.length).toBeGreaterThan(10);
    expect(row.decisions![0]).toEqual({ week: 0, type: 'leaseColo' });
    expect(row.decisions!.length).toBeLessThanOrEqual(f.log.length); // refused commands are not decisions
  });

  it('an autopilot run (its decisions are not in the log; the replay makes them again)', async () => {
    const s = defaultScenario();
    const f = await buildResult(runOf(s, 5, { autopilot: 'leveraged', week: 104 }), noClassMeta('Bot'));
    expect(f.log).toHaveLength(0);
    const row = await verifyResultText(resultText(f));
    expect(row.status).toBe('verified');
    expect(row.firstGpuOrderWeek).not.toBeNull();
    expect(row.peakDebtToEbitda === null || (row.peakDebtToEbitda ?? 0) > 0).toBe(true);
    // Without its autopilot the same log is another run.
    expect((await verifyResultText(edited(f, (x) => { x.autopilot = null; }))).status).toBe('diverged');
  });

  it('a run handed in early and a run on an overlay scenario carried in the file', async () => {
    const overlay = { schemaVersion: 1, extends: 'default', id: 'class-low-cash', company: { cashUsd: 150_000_000 } };
    const loaded = loadScenarioObject(overlay);
    if (!loaded.ok) throw new Error(loaded.errors[0]!.message);
    const f = await buildResult({ ...runOf(loaded.scenario, 11, { log: handPlayedLog(30), week: 30 }), scenarioDoc: overlay }, noClassMeta('Lin'));
    expect(f.checkpoints.map((c) => c.week)).toEqual([13, 26]);
    expect(await verifyResultText(resultText(f))).toMatchObject({ status: 'verified', outcome: 'running' });
    expect((await verifyResultText(resultText(f), { expectedScenarioHash: await scenarioHash(loaded.scenario) })).status).toBe('verified');
  });

  it('Node computes the hashes the engine does (the browser runs the same modules: test/browser checks it through the page API)', async () => {
    const f = await twoYears();
    const w = replay(defaultScenario(), { seed: 7, strategy: null }, f.log, 104);
    expect(f.final.stateHash).toBe(stateHash(w));
    expect(f.checkpoints.at(-1)).toEqual({ week: 104, hash: stateHash(w) });
  });
});

describe('an edited file is caught', () => {
  it('an edited score: mismatch, naming both scores', async () => {
    const f = await twoYears();
    const row = await verifyResultText(edited(f, (x) => { x.final.score = f.final.score + 10; }));
    expect(row.status).toBe('mismatch');
    expect(row.reason).toContain(`claims score ${f.final.score + 10}, the replay scores ${f.final.score}`);
    expectLocalised(row);
    expect(whyText(row.why!, 'zh-CN')).toContain(`声称得分 ${f.final.score + 10}，重放得分 ${f.final.score}`);
    expect(row.divergesAtWeek).toBeUndefined();
  });

  it('one edited command: diverged at the first quarter close after it', async () => {
    const f = await twoYears();
    const i = f.log.findIndex((e) => e.week === 57 && e.command.type === 'orderGpus');
    expect(i).toBeGreaterThan(0);
    const row = await verifyResultText(edited(f, (x) => { (x.log[i]!.command as { count: number }).count = 255; }));
    expect(row).toMatchObject({ status: 'diverged', divergesAtWeek: 65 });
    expect(row.reason).toMatch(/week 65 differs from its replay .*weeks 52–65/);
    expectLocalised(row);
  });

  it('a removed command and an added one: diverged where they were', async () => {
    const f = await twoYears();
    const j = f.log.findIndex((e) => e.week === 20);
    expect((await verifyResultText(edited(f, (x) => { x.log.splice(j, 1); }))).divergesAtWeek).toBe(26);
    expect((await verifyResultText(edited(f, (x) => { x.log.push({ week: 100, command: { type: 'setOnDemandPrice', priceFactor: 1.5 } }); }))).divergesAtWeek).toBe(104);
  });

  it('one edited checkpoint: diverged at that week; a missing or extra one too', async () => {
    const f = await twoYears();
    expect(await verifyResultText(edited(f, (x) => { x.checkpoints[3]!.hash = '0123456789abcdef'; }))).toMatchObject({ status: 'diverged', divergesAtWeek: 52 });
    expect(await verifyResultText(edited(f, (x) => { x.checkpoints.splice(2, 1); }))).toMatchObject({ status: 'diverged', divergesAtWeek: 39 });
    expect(await verifyResultText(edited(f, (x) => { x.checkpoints.pop(); }))).toMatchObject({ status: 'diverged', divergesAtWeek: 104 });
  });

  it('an edited final hash, status or objectives: mismatch naming each', async () => {
    const f = await twoYears();
    expect((await verifyResultText(edited(f, (x) => { x.final.stateHash = 'ffffffffffffffff'; }))).reason).toMatch(/final state hash differs/);
    expect((await verifyResultText(edited(f, (x) => { x.final.status = 'won'; }))).reason).toMatch(/claims the game was won, the replay says running/);
    const row = await verifyResultText(edited(f, (x) => { for (const o of x.final.objectives) o.met = true; }));
    expect(row.status).toBe('mismatch');
    expect(row.reason).toMatch(/objectives met, the replay meets/);
    expectLocalised(row);
    expectLocalised(await verifyResultText(edited(f, (x) => { x.final.status = 'won'; x.final.stateHash = 'ffffffffffffffff'; })));
  });

  it('a week moved earlier (handed in before the end it claims): diverged or mismatch, never verified', async () => {
    const f = await twoYears();
    const row = await verifyResultText(edited(f, (x) => { x.week = 103; x.log = x.log.filter((e) => e.week <= 103); x.checkpoints.pop(); }));
    expect(row.status).toBe('mismatch');
  });
});

describe('shared and per-student seeds', () => {
  it('per student: the student’s own file verifies; a log copied under another name does not', async () => {
    const ada = await perStudent('Ada');
    expect((await verifyResultText(resultText(ada))).status).toBe('verified');
    // Bo hands in Ada's file under his name: the seed is not his.
    const copied = await verifyResultText(edited(ada, (x) => { x.student = 'Bo'; }));
    expect(copied.status).toBe('mismatch');
    expect(copied.reason).toMatch(/not Bo's seed in this class .*copied/);
    // … and with his own seed written in, Ada's log replays into another world.
    const reseeded = await verifyResultText(edited(ada, (x) => { x.student = 'Bo'; x.seed = studentSeed(CLASS_SEED, 'Bo'); }));
    expect(reseeded).toMatchObject({ status: 'diverged', divergesAtWeek: 13 });
    // A name typed differently is the same student.
    expect((await verifyResultText(edited(ada, (x) => { x.student = '  ADA '; }))).status).toBe('verified');
  });

  it('per student: claiming the class was shared does not help when the teacher verifies against the class', async () => {
    const ada = await perStudent('Ada');
    const cls = classOf('perStudent');
    const claimShared = edited(ada, (x) => { x.student = 'Bo'; x.class = { ...cls, seedMode: 'shared', seed: ada.seed }; });
    expect((await verifyResultText(claimShared, { expectedClass: cls })).status).toBe('mismatch');
    expect((await verifyResultText(resultText(ada), { expectedClass: cls })).status).toBe('verified');
  });

  it('shared: everyone plays the class seed; another seed is a mismatch', async () => {
    const f = await buildResult(runOf(defaultScenario(), CLASS_SEED, { week: 13 }), { ...noClassMeta('Cy'), class: classOf('shared') });
    expect((await verifyResultText(resultText(f))).status).toBe('verified');
    const row = await verifyResultText(edited(f, (x) => { x.seed = 1; }));
    expect(row).toMatchObject({ status: 'mismatch' });
    expect(row.reason).toMatch(/seed 1 is not the class seed \(2026\)/);
  });
});

describe('another class, scenario or game version: other, with the reason', () => {
  it('another class, no class, another scenario', async () => {
    const ada = await perStudent('Ada');
    expect(await verifyResultText(resultText(ada), { expectedClass: { ...classOf('perStudent'), hash: 'c'.repeat(64) } })).toMatchObject({ status: 'other', reason: 'handed in for another class ("Finance 101")' });
    const f = await twoYears();
    expect((await verifyResultText(resultText(f), { expectedClass: classOf('shared') })).reason).toMatch(/not handed in for a class/);
    expect((await verifyResultText(resultText(f), { expectedScenarioHash: 'd'.repeat(64) })).reason).toMatch(/another scenario/);
    expectLocalised(await verifyResultText(resultText(ada), { expectedClass: { ...classOf('perStudent'), hash: 'c'.repeat(64) } }));
    expectLocalised(await verifyResultText(resultText(f), { expectedClass: classOf('shared') }));
  });

  it('a bundled scenario that differs in this game, a scenario not bundled and not carried', async () => {
    const f = await twoYears();
    expect((await verifyResultText(edited(f, (x) => { x.scenarioHash = 'e'.repeat(64); }))).reason).toMatch(/different version of scenario "default"/);
    expect((await verifyResultText(edited(f, (x) => { x.scenarioId = 'my-own'; }))).reason).toMatch(/does not bundle, and the file does not carry it/);
  });

  it("the debrief's run lookup (resultRunInputs) is the verifier's: the same run, the same reasons", async () => {
    const f = await twoYears();
    const ok = resultRunInputs(resultText(f));
    expect(ok.ok && [ok.run.inputs.scenario.id, ok.run.inputs.seed, ok.run.inputs.log.length, ok.run.student]).toEqual(['default', 7, f.log.length, 'Grace Hopper']);
    for (const change of [(x: ResultFile) => { x.scenarioId = 'my-own'; }, (x: ResultFile) => { x.scenario = { schemaVersion: 2, extends: 'default', id: 'other-id' }; }]) {
      const text = edited(f, change);
      const opened = resultRunInputs(text);
      expect(opened.ok).toBe(false);
      expect((await verifyResultText(text)).reason).toContain(opened.ok ? '?' : opened.reason);
    }
  });

  it('a file from another game version that replays identically verifies with a note; one that differs is other', async () => {
    const f = await twoYears();
    const same = await verifyResultText(edited(f, (x) => { x.gameVersion = '0.0.9'; }));
    expect(same).toMatchObject({ status: 'verified' });
    expect(same.reason).toMatch(/game version 0\.0\.9/);
    const differs = await verifyResultText(edited(f, (x) => { x.gameVersion = '0.0.9'; x.checkpoints[0]!.hash = '0000000000000000'; }));
    expect(differs).toMatchObject({ status: 'other', divergesAtWeek: 13, otherVersion: true });
  });

  it('the build id: this build verifies unflagged; another build (same version) or none is flagged ⚠; a bad one is invalid', async () => {
    const f = await twoYears();
    expect(f.buildId).toBe(buildId());
    expect(f.buildId).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    const own = await verifyResultText(resultText(f));
    expect(own.status).toBe('verified');
    expect(own.otherVersion).toBeUndefined();
    expect(own.reason).toBeUndefined();
    const otherBuild = await verifyResultText(edited(f, (x) => { x.buildId = `${x.gameVersion}+0123456789ab`; }));
    expect(otherBuild).toMatchObject({ status: 'verified', otherVersion: true });
    expect(otherBuild.reason).toContain('build 0.1.0+0123456789ab');
    expect(otherBuild.reason).toContain(`this is ${f.gameVersion} (build ${buildId()})`);
    const none = await verifyResultText(edited(f, (x) => { delete (x as { buildId?: string }).buildId; }));
    expect(none).toMatchObject({ status: 'verified', otherVersion: true });
    expect(none.reason).toContain('build not recorded');
    for (const r of [otherBuild, none]) expectLocalised(r);
    const diverges = await verifyResultText(edited(f, (x) => { x.buildId = `${x.gameVersion}+0123456789ab`; x.checkpoints[2]!.hash = '0000000000000000'; }));
    expect(diverges).toMatchObject({ status: 'other', divergesAtWeek: 39, otherVersion: true });
    expect(await verifyResultText(edited(f, (x) => { x.buildId = '<b>1</b>'; }))).toMatchObject({ status: 'invalid' });
  });
});

describe('files that are not results: invalid, each with a clear reason, nothing thrown', async () => {
  const f = await twoYears();
  const text = resultText(f);
  const withScenario = (scenarioJson: string) => text.replace(/^\{/, `{"scenario":${scenarioJson},`);
  const base = JSON.stringify({ schemaVersion: 1, extends: 'default', id: 'class-x' });
  const cases: [string, unknown, RegExp][] = [
    ['truncated JSON', text.slice(0, text.length / 2), /not valid JSON; a truncated .*\(.*JSON/],
    ['empty text', '', /not valid JSON/],
    ['not text at all', { format: 'neocloud-result' }, /expected the text/],
    ['another format (a save)', JSON.stringify({ format: 'neocloud-tycoon-save', saveVersion: 1 }), /save file, not a result/],
    ['another format (a scenario)', JSON.stringify({ schemaVersion: 1, id: 'x' }), /not a Neocloud Tycoon result file/],
    ['a future version', edited(f, (x) => { (x as { version: number }).version = 9; }), /version 9 is newer than this game reads/],
    ['a huge file', text + ' '.repeat(MAX_FILE_BYTES.classResult), /may be at most 4 MB/],
    ['100,000 commands', edited(f, (x) => { x.log = Array.from({ length: 100_000 }, () => ({ week: 0, command: {} }) as never); }), /at most 20000 commands, found 100000/], // 2.4 MB: under the size cap, refused by the count
    ['a command of the wrong shape', edited(f, (x) => { (x.log[0]!.command as unknown as { powerMw: unknown }).powerMw = '4'; }), /"log\[0\]\.command\.powerMw"/],
    ['a command of the wrong type', edited(f, (x) => { (x.log[0]!.command as unknown as { type: unknown }).type = 'mintCash'; }), /"log\[0\]\.command\.type"/],
    ['a command list that is not a list', edited(f, (x) => { (x as { log: unknown }).log = { 0: 1 }; }), /"log"/],
    ['a scenario with markup', withScenario(base.replace(/\}$/, ',"title":{"en":"<img src=x onerror=alert(1)>"}}')).replace(/"scenarioId":"default"/, '"scenarioId":"class-x"'), /its scenario is not valid at "title\.en" .*markup/],
    ['a scenario with a non-finite number', withScenario(base.replace(/\}$/, ',"company":{"cashUsd":1e999}}')).replace(/"scenarioId":"default"/, '"scenarioId":"class-x"'), /its scenario is not valid at "company\.cashUsd"/],
    ['a scenario that is not one', withScenario('[1,2]'), /its scenario is not valid/],
    ['a deeply nested bomb', `{"format":"neocloud-result","version":1,"scenario":${'['.repeat(200_000)}${']'.repeat(200_000)}}`, /./],
  ];
  it.each(cases)('%s', async (_name, input, reason) => {
    const row = await verifyResultText(input, { file: 'x.ncrun.json' });
    expect(row.status).toBe('invalid');
    expect(row.file).toBe('x.ncrun.json');
    expect(row.reason).toMatch(reason);
    expect(row.reason!.length).toBeLessThan(400);
    expectLocalised(row);
  });

  it('the page API form: many texts, one row each in order, good ones unaffected by bad ones', async () => {
    const rows = await verifyResultTexts(['{', resultText(await perStudent('Ada')), 42]);
    expect(rows.map((r) => [r.file, r.status])).toEqual([['file 1', 'invalid'], ['file 2', 'verified'], ['file 3', 'invalid']]);
  });
});

export type { ResultFile };
