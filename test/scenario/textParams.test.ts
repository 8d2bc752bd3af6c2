/**
 * Parameters in teaching texts (issue 9 item 8): a class overlay that changes starting cash, a
 * count or an objective's threshold changes the briefing and the labels with it, in English and
 * Chinese; a parameter that names nothing is an error at the text's path; bundled texts read as
 * they did before they used parameters.
 */
import { describe, expect, it } from 'vitest';
import { loadBundledScenario, loadScenarioObject } from '../../src/scenario/load.ts';
import { bundledScenarios } from '../../src/scenario/bundled.ts';
import { fillTeachingTexts } from '../../src/scenario/textParams.ts';
import { usdWords, usdResult } from '../../src/i18n/format.ts';

const load = (doc: unknown) => {
  const r = loadScenarioObject(doc);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.scenario;
};
const overlay = (extra: Record<string, unknown>, base = 'default') => ({ schemaVersion: 1, extends: base, id: 'class-overlay', ...extra });

describe('teaching-text parameters', () => {
  it('formats money, shares and counts by the field’s unit, the same in every engine (no Intl)', () => {
    expect([150e6, 1e9, 1.5e9, 476e6, 2.5e6, 40_000].map((x) => usdWords(x, 'en'))).toEqual(['$150M', '$1B', '$1.5B', '$476M', '$2.5M', '$40,000']);
    expect([150e6, 1e9, 476e6, 40e6, 40_000, 500].map((x) => usdWords(x, 'zh-CN'))).toEqual(['1.5 亿美元', '10 亿美元', '4.76 亿美元', '4,000 万美元', '4 万美元', '500 美元']);
  });

  it('a threshold is never rounded past a result read against it: four significant digits, both languages', () => {
    // $2.75B written "$2.8B" (one decimal) made an equity value of $2.76B, met, look like a miss.
    expect([2.75e9, 275e6, 2.796e9, 12_345_678, 1_234_567_890].map((x) => usdWords(x, 'en'))).toEqual(['$2.75B', '$275M', '$2.796B', '$12.35M', '$1.235B']);
    expect([2.75e9, 275e6, 12_345_678, 12_345].map((x) => usdWords(x, 'zh-CN'))).toEqual(['27.5 亿美元', '2.75 亿美元', '1,235 万美元', '1.235 万美元']);
    expect(usdWords(-3e9, 'en')).toBe('-$3B');
  });

  it('the result beside such a label reads in the label’s units: 亿美元 in Chinese, $ in English', () => {
    expect(usdResult(276.9e6, 'zh-CN')).toBe('2.77 亿美元');
    expect(usdResult(2_760_000_000, 'zh-CN', 2)).toBe('27.60 亿美元');
    expect(usdResult(-41_230_000, 'zh-CN')).toBe('−4,123 万美元');
    expect(usdResult(276.9e6, 'en')).toBe('$276.9M');
    expect(usdResult(2_764_000_000, 'en', 2)).toBe('$2.76B');
    expect(usdResult(Number.NaN, 'zh-CN')).toBe('—');
  });

  it('default: an overlay with other starting cash changes the briefing in both languages', () => {
    const base = load(bundledScenarios.default);
    expect(base.lesson.teaching.briefing.en).toContain('$150M in the bank');
    expect(base.lesson.teaching.briefing['zh-CN']).toContain('银行里有 1.5 亿美元');
    const s = load(overlay({ company: { cashUsd: 300_000_000 } }));
    expect(s.lesson.teaching.briefing.en).toContain('$300M in the bank');
    expect(s.lesson.teaching.briefing.en).not.toContain('$150M');
    expect(s.lesson.teaching.briefing['zh-CN']).toContain('银行里有 3 亿美元');
  });

  it('an overlay that changes an objective’s threshold changes its label', () => {
    const base = load(bundledScenarios.default);
    const objectives = structuredClone(base.lesson.objectives);
    const rev = objectives.find((o) => o.type === 'annualRevenue')!;
    expect(rev.label.en).toContain('$1B');
    // The class builder writes the whole list (an overlay's list replaces the inherited one), labels with parameters.
    const raw = structuredClone((bundledScenarios.default as { lesson: { objectives: { type: string; minUsd?: number; label: { en: string } }[] } }).lesson.objectives);
    raw.find((o) => o.type === 'annualRevenue')!.minUsd = 2_500_000_000;
    const s = load(overlay({ lesson: { objectives: raw } }));
    const label = s.lesson.objectives.find((o) => o.type === 'annualRevenue')!.label;
    expect(label.en).toContain('$2.5B');
    expect(label['zh-CN']).toContain('25 亿美元');
  });

  it('price-war-2025: the fleet, the loans and their rates come from the company block', () => {
    const debt = [
      { kind: 'gpuLoan', principalUsd: 50_000_000, annualRatePct: 11, remainingWeeks: 156, amortizing: true },
      { kind: 'vendor', principalUsd: 90_000_000, annualRatePct: 9, remainingWeeks: 156, amortizing: true },
    ];
    const s = load(overlay({ company: { gpus: [{ modelId: 'h100', count: 6000, ageWeeks: 52 }], debt } }, 'price-war-2025'));
    expect(s.lesson.teaching.briefing.en).toContain('Your 6,000 H100s');
    expect(s.lesson.teaching.briefing.en).toContain('$50M of GPU loans at 11% and $90M of vendor financing at 9%');
  });

  it('a parameter that names nothing (or not a figure) is an error at the text’s path, with a hint', () => {
    const r = loadScenarioObject(overlay({ lesson: { teaching: { briefing: { en: 'You hold {company.cashUSD}.', 'zh-CN': '你有 {company}。' } } } }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.path, e.message])).toEqual([
      ['lesson.teaching.briefing.en', 'parameter {company.cashUSD} cannot be filled: there is no such field in the scenario'],
      ['lesson.teaching.briefing.zh-CN', 'parameter {company} cannot be filled: it is not a number or a text'],
    ]);
    expect(r.errors[0]!.hint).toMatch(/\{company\.cashUsd\}/);
  });

  it('braces that are not a parameter stay; filling twice changes nothing; every bundled text is filled', () => {
    const s = load(overlay({ lesson: { teaching: { briefing: { en: 'A set {1, 2} and { spaced } stay; {company.cashUsd} is filled.' } } } }));
    expect(s.lesson.teaching.briefing.en).toBe('A set {1, 2} and { spaced } stay; $150M is filled.');
    expect(fillTeachingTexts(s)).toEqual({ scenario: s, errors: [] });
    for (const id of Object.keys(bundledScenarios)) {
      const r = loadBundledScenario(id);
      expect(r.ok, id).toBe(true);
      if (r.ok) expect(JSON.stringify(r.scenario.lesson), id).not.toMatch(/\{[A-Za-z][A-Za-z0-9.]*\}/);
    }
  });
});
