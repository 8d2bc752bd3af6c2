/**
 * The class results kept in this browser (src/ui/class/classStore.ts), on a Map: a class's rows and
 * its verified files' texts go in and come back; the size cap leaves whole rows out and counts
 * them; the record is untrusted on the way back — a damaged record, a newer one, one under another
 * class's key, an edited verified row (score, status flipped, text swapped) are each refused or left
 * out with a count, and nothing else kept is touched; forget deletes exactly one class.
 */
import { describe, expect, it } from 'vitest';
import { packClass, unpackClass, saveClass, loadClass, forgetClass, listClasses, memoryBackend, STORED_CLASS_VERSION } from '../../src/ui/class/classStore.ts';
import type { ClassResultRow } from '../../src/ui/class/resultsStore.ts';
import { buildResult, resultText, parseResultFile } from '../../src/class/result.ts';
import { verifyResultText } from '../../src/class/verify.ts';
import { cachedResult, defaultScenario, handPlayedLog, runOf } from './helpers.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
/** A class seed near the top of the range (2^32 − 1): rows keep whole seeds of any size. */
const SEED = 4_000_000_007;
const klass = { hash: A, title: 'Finance 101', seed: SEED, seedMode: 'shared' as const };
const file = () => cachedResult('store-13w', () => buildResult(runOf(defaultScenario(), SEED, { log: handPlayedLog(13), week: 13 }), { student: 'Ada', attempt: 1, class: klass, answers: [] }));

async function rowsAndTexts(): Promise<{ rows: ClassResultRow[]; texts: Map<number, string> }> {
  const f = await file();
  const text = resultText(f);
  const p = parseResultFile(JSON.parse(text));
  if (!p.ok) throw new Error(p.reason);
  const facts = { classHash: A, classTitle: 'Finance 101', seed: SEED, scenarioHash: f.scenarioHash, gameVersion: f.gameVersion, objectivesTotal: f.final.objectives.length, answered: 0, questions: 2 };
  // The row the results page makes: the verifier's row (a real one) with what the page read beside it.
  const row = await verifyResultText(text, { file: 'ada.ncrun.json', expectedClass: klass });
  expect(row.status).toBe('verified');
  const verified: ClassResultRow = { ...facts, ...row, seed: SEED, objectivesTotal: row.objectivesTotal ?? null, key: 1, bestAutopilotScore: 12.5 };
  const invalid: ClassResultRow = {
    key: 2, file: 'notes.txt', status: 'invalid', reason: 'not valid JSON; a truncated or edited file?', why: [{ id: 'notJson', detail: 'Unexpected token' }],
    classHash: null, classTitle: null, seed: null, scenarioHash: null, gameVersion: null, objectivesTotal: null, answered: null, questions: null, bestAutopilotScore: null,
  };
  const mismatch: ClassResultRow = { ...verified, key: 3, file: 'bo.ncrun.json', status: 'mismatch', why: [{ id: 'mismatch', parts: [{ id: 'claimScore', params: { claimed: 9, replay: 1 } }] }] };
  return { rows: [verified, invalid, mismatch], texts: new Map([[1, text], [3, text]]) };
}

describe('the class results kept in this browser', () => {
  it('a class goes in and comes back: rows in order, the verified file with its text, the others without', async () => {
    const { rows, texts } = await rowsAndTexts();
    const store = memoryBackend();
    await saveClass(store, packClass(A, 'Finance 101', { any: 'config' }, rows, (k) => texts.get(k) ?? null, '2026-12-02T06:00:00.000Z'));
    const got = await loadClass(store, A);
    expect(got).toMatchObject({ ok: true, title: 'Finance 101', dropped: 0, leftOut: 0, config: { any: 'config' } });
    if (!got?.ok) throw new Error('not restored');
    expect(got.rows.map((r) => [r.file, r.status, r.text === null])).toEqual([['ada.ncrun.json', 'verified', false], ['notes.txt', 'invalid', true], ['bo.ncrun.json', 'mismatch', true]]);
    expect(got.rows[0]).toMatchObject({ score: rows[0]!.score, seed: SEED, bestAutopilotScore: 12.5, series: rows[0]!.series, decisions: rows[0]!.decisions });
    expect(got.rows[0]!.series!.length).toBe(1);
    expect(got.rows[1]!.why).toEqual([{ id: 'notJson', detail: 'Unexpected token' }]);
    expect(await listClasses(store)).toEqual([{ classHash: A, title: 'Finance 101', files: 3, leftOut: 0, savedAt: '2026-12-02T06:00:00.000Z' }]);
    expect(await loadClass(store, B)).toBeNull();
  });

  it('the size cap leaves whole verified rows out and counts them', async () => {
    const { rows, texts } = await rowsAndTexts();
    const text = texts.get(1)!;
    const two = [rows[0]!, { ...rows[0]!, key: 5, file: 'ada2.ncrun.json' }];
    const record = packClass(A, null, null, two, () => text, 'now', text.length * 1.5);
    expect(record.rows.length).toBe(1);
    expect(record.leftOut).toBe(1);
  });

  it('an edited or damaged record is refused or its bad rows left out, each counted; nothing else kept is touched', async () => {
    const { rows, texts } = await rowsAndTexts();
    const good = packClass(A, 'Finance 101', null, rows, (k) => texts.get(k) ?? null, 'now');
    const edit = (f: (r: ReturnType<typeof structuredClone<typeof good>>) => void) => { const c = structuredClone(good); f(c); return unpackClass(c, A); };
    expect(unpackClass(good, A)).toMatchObject({ ok: true, dropped: 0 });
    // Whole records.
    expect(unpackClass('garbage', A)).toEqual({ ok: false, problem: 'damaged' });
    expect(unpackClass(null, A)).toEqual({ ok: false, problem: 'damaged' });
    expect(edit((c) => { c.version = STORED_CLASS_VERSION + 1; })).toEqual({ ok: false, problem: 'newer' });
    expect(unpackClass(good, B)).toEqual({ ok: false, problem: 'otherClass' });
    expect(edit((c) => { (c as { rows: unknown }).rows = 'x'; })).toEqual({ ok: false, problem: 'damaged' });
    // Rows: an edited score, a verified row without its file, a swapped file, a row of the wrong shape, an unknown reason id, a text on an invalid row.
    expect(edit((c) => { c.rows[0]!.score = 999; })).toMatchObject({ ok: true, dropped: 1 });
    expect(edit((c) => { c.rows[0]!.text = null; })).toMatchObject({ ok: true, dropped: 1 });
    expect(edit((c) => { c.rows[0]!.text = c.rows[0]!.text!.replace('"student":"Ada"', '"student":"Eve"'); })).toMatchObject({ ok: true, dropped: 1 });
    expect(edit((c) => { c.rows[0]!.text = '{"format":'; })).toMatchObject({ ok: true, dropped: 1 });
    expect(edit((c) => { (c.rows[0] as { status: string }).status = 'excellent'; })).toMatchObject({ ok: true, dropped: 1 });
    expect(edit((c) => { c.rows[1]!.why = [{ id: 'notARealReason' as never }]; })).toMatchObject({ ok: true, dropped: 1 });
    expect(edit((c) => { c.rows[1]!.text = 'x'; })).toMatchObject({ ok: true, dropped: 1 });
    // A mismatch flipped to verified keeps the file's claims (its claimed score is the row's): caught when they differ.
    expect(edit((c) => { c.rows[2]!.status = 'verified'; c.rows[2]!.score = 1; })).toMatchObject({ ok: true, dropped: 1 });
    // In the store: class A's record damaged, class B's intact.
    const store = memoryBackend();
    await saveClass(store, good);
    await saveClass(store, { ...good, classHash: B, rows: good.rows.map((r) => ({ ...r })) });
    store.map.set(`data:${A}`, { format: 'neocloud-class-results', version: 1, rows: 42 });
    expect(await loadClass(store, A)).toEqual({ ok: false, problem: 'damaged' });
    const b = await loadClass(store, B);
    expect(b?.ok && b.rows.length).toBe(0 + good.rows.length);
  });

  it('forget deletes exactly that class', async () => {
    const { rows, texts } = await rowsAndTexts();
    const store = memoryBackend();
    const rec = packClass(A, 'Finance 101', null, rows, (k) => texts.get(k) ?? null, '2026-12-02T06:00:00.000Z');
    await saveClass(store, rec);
    await saveClass(store, { ...rec, classHash: B, title: 'Finance 102', savedAt: '2026-12-02T07:00:00.000Z' });
    await forgetClass(store, A);
    expect(await loadClass(store, A)).toBeNull();
    expect((await loadClass(store, B))?.ok).toBe(true);
    expect((await listClasses(store)).map((m) => m.title)).toEqual(['Finance 102']);
    expect([...store.map.keys()].sort()).toEqual([`data:${B}`, `meta:${B}`]);
  });
});
