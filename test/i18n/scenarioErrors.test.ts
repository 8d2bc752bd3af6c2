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
const KEPT = new Set(['JSON', 'YYYY', 'MM', 'DD', 'true', 'false', 'null', 'id', 'extends', 'en', 'zh', 'CN', 'GPU', 'IPO', 'MB', 'gpus', 'calendar', 'permitting', 'HTML']);
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
    const dir = 'src/scenario';
    const ids = new Set<string>();
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/'(scn\.[\w.]+)'/g)) ids.add(m[1]!);
      // Ids built from a part: `scn.what.${what}`, `scn.json.${code}`.
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/`(scn\.[\w.]+)\.\$\{/g)) ids.add(`${m[1]}.`);
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
