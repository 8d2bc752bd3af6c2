/**
 * The scenario loader's errors as message ids (src/i18n/scenarioErrorMessages.ts): every id has an
 * English and a Chinese text with the same placeholders; every id the loader names exists; a bad
 * file's errors read in Chinese with no English template words left (only the file's own paths,
 * values and field names), and in English exactly as the CLI prints them.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EN_SCENARIO_ERRORS, ZH_SCENARIO_ERRORS, scenarioErrorText } from '../../src/i18n/scenarioErrorMessages.ts';
import { loadScenarioText } from '../../src/scenario/load.ts';
import type { ScenarioError } from '../../src/scenario/errors.ts';
import { punctuationProblem } from './zhPunctuation.ts';
import { badSaves, goodSave } from '../store/badSaves.ts';
import { prepareLoad } from '../../src/store/load.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+(?::\w+)?)\}/g)].map((m) => m[1]).sort();

/** The Chinese text of an error with the parameters' own values taken out: what the table wrote. */
function templateWords(e: ScenarioError): string {
  expect(e.msg, `${e.path}: ${e.message}`).toBeDefined();
  let text = scenarioErrorText(e.msg!, 'zh-CN');
  const values = Object.values(e.msg!.params).map(String).filter((v) => !v.startsWith('scn.')).sort((a, b) => b.length - a.length);
  for (const v of values) text = text.split(v).join(' ');
  return text;
}

/** English words a Chinese template may keep: format names, JSON's own words, units, field names (camelCase). */
const KEPT = new Set(['JSON', 'YYYY', 'MM', 'DD', 'true', 'false', 'null', 'id', 'extends', 'en', 'zh', 'CN', 'GPU', 'IPO', 'MB', 'gpus', 'calendar', 'permitting', 'HTML', 'Neocloud', 'Tycoon', 'format', 'week', 'command', 'type']);
const englishWords = (s: string) => (s.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !KEPT.has(w) && !/[a-z][A-Z]/.test(w));

function load(text: string): ScenarioError[] {
  const r = loadScenarioText(text);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe('scenario error messages', () => {
  it('every id has English and Chinese text with the same placeholders, and Chinese punctuation', () => {
    expect(Object.keys(ZH_SCENARIO_ERRORS).sort()).toEqual(Object.keys(EN_SCENARIO_ERRORS).sort());
    for (const [id, en] of Object.entries(EN_SCENARIO_ERRORS)) {
      const zh = ZH_SCENARIO_ERRORS[id]!;
      expect(placeholders(zh), id).toEqual(placeholders(en));
      expect(zh === '', id).toBe(en === ''); // only the empty "no suggestion" tail is empty
      expect(punctuationProblem(zh), `${id}: ${zh}`).toBeNull();
    }
  });

  it('every id named in the loader and every nested {x:msg} id it passes exists', () => {
    const ids = new Set<string>();
    // The scenario loader, the command schemas (command logs) and the save check and loader.
    for (const dir of ['src/scenario', 'src/scenario/schema', 'src/store']) {
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
        for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/'(scn\.[\w.]+)'/g)) ids.add(m[1]!);
        // Ids built from a part: `scn.what.${what}`, `scn.json.${code}`.
        for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/`(scn\.[\w.]+)\.\$\{/g)) ids.add(`${m[1]}.`);
      }
    }
    expect(ids.size).toBeGreaterThan(80);
    const missing = [...ids].filter((id) => (id.endsWith('.') ? !Object.keys(EN_SCENARIO_ERRORS).some((k) => k.startsWith(id)) : EN_SCENARIO_ERRORS[id] === undefined));
    expect(missing).toEqual([]);
  });

  it('a bad class file: Chinese rows without English template words; English as the CLI prints it', () => {
    const errors = load(readFileSync('test/scenario/fixtures/bad-class.json', 'utf8'));
    expect(errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'lesson.historyUntilDate: expected a real calendar date, found the text "2027-13-01": it is written YYYY-MM-DD, but there is no month 13',
      'company.cashUsd: must be at least 0, found the number -5',
      'company.founderShares: expected a number, found the text "lots"',
      'company.cashUSD: unknown field "cashUSD". Did you mean "cashUsd"?',
    ]);
    expect(errors.map((e) => scenarioErrorText(e.msg!, 'zh-CN'))).toEqual([
      '应为真实存在的日期，实际是文本 "2027-13-01"：格式是 YYYY-MM-DD，但没有 13 月',
      '必须不小于 0，实际是数字 -5',
      '应为数字，实际是文本 "lots"',
      '未知字段 "cashUSD"。是不是想写 "cashUsd"？',
    ]);
    // The English rendering of the id is the message itself.
    for (const e of errors) expect(scenarioErrorText(e.msg!, 'en')).toBe(e.message);
  });

  it('an unknown text parameter is reported in the same pass as a schema error', () => {
    const errors = load('{ "schemaVersion": 2, "extends": "default", "id": "x", "company": { "cashUsd": "lots" }, "lesson": { "objectives": [{ "type": "annualRevenue", "minUsd": 1e9, "byDate": "2027-12-27", "label": { "en": "Reach {minUSD}" } }] } }');
    expect(errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'company.cashUsd: expected a number, found the text "lots"',
      'lesson.objectives[0].label.en: parameter {minUSD} cannot be filled: there is no such field in the scenario',
    ]);
    expect(scenarioErrorText(errors[1]!.msg!, 'zh-CN')).toBe('无法填入参数 {minUSD}：情景里没有这个字段');
  });

  it('a bad calendar start date is reported alone, without knock-on date checks against it', () => {
    const errors = load('{ "schemaVersion": 2, "extends": "default", "id": "x", "calendar": { "startDate": "2027-13-01" } }');
    expect(errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'calendar.startDate: expected a real calendar date, found the text "2027-13-01": it is written YYYY-MM-DD, but there is no month 13',
    ]);
  });

  const cases: [string, string][] = [
    ['JSON syntax error', '{ "schemaVersion": 2, "extends": "default" "id": "x" }'],
    ['trailing comma and comment', '{ "schemaVersion": 2, // note\n "id": "x", }'],
    ['unknown extends with did you mean', '{ "schemaVersion": 2, "extends": "defualt", "id": "x" }'],
    ['extends not a text', '{ "schemaVersion": 2, "extends": 3, "id": "x" }'],
    ['extends without id', '{ "schemaVersion": 2, "extends": "default" }'],
    ['not an object', '[1, 2]'],
    ['no schemaVersion', '{ "id": "x" }'],
    ['newer version', '{ "schemaVersion": 99 }'],
    ['wrong types everywhere', '{ "schemaVersion": 2, "extends": "default", "id": "x", "calendar": { "startDate": "2027-02-30", "lengthWeeks": 1.5, "startQuarter": 7 }, "company": { "listed": "yes", "gpus": {}, "name": 4 }, "regions": [], "events": [{ "id": "e", "trigger": { "type": "atDatee" } }] }'],
    ['cross checks', '{ "schemaVersion": 2, "extends": "default", "id": "x", "company": { "cashUsd": 1, "gpus": [{ "modelId": "h1000", "count": 1 }] }, "summary": { "en": "A <b>bold</b> start" } }'],
    ['unknown text parameter', '{ "schemaVersion": 2, "extends": "default", "id": "x", "lesson": { "objectives": [{ "type": "survive", "label": { "en": "Keep {company.cashUSD}" } }] } }'],
  ];
  for (const [name, text] of cases) {
    it(`${name}: every row has an id and reads in Chinese`, () => {
      const errors = load(text);
      expect(errors.length).toBeGreaterThan(0);
      if (process.env.SHOW_ZH) for (const e of errors) console.log(`${e.path}: ${scenarioErrorText(e.msg!, 'zh-CN')}`);
      for (const e of errors) {
        expect(englishWords(templateWords(e)), `${e.path}: ${scenarioErrorText(e.msg!, 'zh-CN')}`).toEqual([]);
        expect(scenarioErrorText(e.msg!, 'en')).toBe(e.message);
        if (e.hintMsg) expect(englishWords(scenarioErrorText(e.hintMsg, 'zh-CN').replace(/\{[\w.]+\}/g, ''))).toEqual([]);
      }
    });
  }
});

describe('save and new-game errors', () => {
  // A save the game wrote (two commands in its log), then the bad-save corpus made from it.
  const goodText = goodSave().text;

  it('every refused save names its problems as message ids: Chinese rows without English template words, English as the reason says', () => {
    const corpus = badSaves(goodText);
    let rows = 0;
    for (const b of corpus) {
      const p = prepareLoad({ source: { kind: 'save', value: b.text } });
      expect(p.info.ok, b.name).toBe(false);
      if (p.info.ok) continue;
      for (const e of p.info.errors) {
        rows++;
        expect(englishWords(templateWords(e as ScenarioError)), `${b.name} · ${e.path}: ${scenarioErrorText(e.msg!, 'zh-CN')}`).toEqual([]);
        expect(scenarioErrorText(e.msg!, 'en'), b.name).toBe(e.message);
        expect(punctuationProblem(scenarioErrorText(e.msg!, 'zh-CN')), b.name).toBeNull();
      }
      // The one-line reason (CLI, page API) is the first row in English.
      const first = p.info.errors[0]!;
      expect(p.info.reason.toLowerCase(), b.name).toContain(first.message.toLowerCase().slice(0, 30));
    }
    expect(rows).toBeGreaterThanOrEqual(corpus.length);
  });

  it('a save with a broken scenario inside lists each of the scenario\'s problems under "scenario."', () => {
    const d = JSON.parse(goodText) as { scenario: { company: Record<string, unknown> } };
    d.scenario.company.cashUsd = 'lots';
    const p = prepareLoad({ source: { kind: 'save', value: JSON.stringify(d) } });
    expect(p.info.ok).toBe(false);
    if (p.info.ok) return;
    expect(p.info.errors.map((e) => e.path)).toEqual(['scenario', 'scenario.company.cashUsd']);
    expect(p.info.errors.map((e) => scenarioErrorText(e.msg!, 'zh-CN'))).toEqual(['存档里的情景无效', '应为数字，实际是文本 "lots"']);
  });

  it('a bad seed or autopilot for a new game reads in Chinese', () => {
    const seed = prepareLoad({ source: { kind: 'bundled', id: 'default' }, seed: -5 }).info;
    const pilot = prepareLoad({ source: { kind: 'bundled', id: 'default' }, strategy: 'evil' }).info;
    expect(seed.ok || pilot.ok).toBe(false);
    if (seed.ok || pilot.ok) return;
    expect(scenarioErrorText(seed.errors[0]!.msg!, 'zh-CN')).toBe('种子必须是 0 到 4,294,967,295 之间的整数；实际是 -5');
    expect(scenarioErrorText(pilot.errors[0]!.msg!, 'zh-CN')).toMatch(/^未知的自动驾驶 "evil"；请用以下之一：[a-z, ]*prudent[a-z, ]*，或者不用$/);
    expect(seed.reason).toBe('"(options)": the seed must be a whole number from 0 to 4,294,967,295; got -5.');
  });
});
