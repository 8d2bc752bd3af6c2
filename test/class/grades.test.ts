/** Class UI's pure parts: the builder's overlay from the short form, the grades CSV and its escaping, the EN/ZH message tables. */
import { describe, it, expect } from 'vitest';
import { csvCell, gradesCsv, gradebookCsv, markOf, DEFAULT_WEIGHTS, type GradeRow } from '../../src/ui/class/csv.ts';
import { formItems, buildOverlay } from '../../src/ui/class/overlay.ts';
import { ct } from '../../src/ui/class/messages.ts';
import { EN_MESSAGES, ZH_MESSAGES } from '../../src/i18n/messages.ts';
import { loadBundledScenario, loadScenarioObject } from '../../src/scenario/load.ts';
import { classScenarioDocument } from '../../src/class/config.ts';
import { normaliseStudentName } from '../../src/class/seed.ts';

const row = (over: Partial<GradeRow> = {}): GradeRow => ({
  student: 'Ada', file: 'ada.ncrun.json', status: 'verified', score: 10, objectivesMet: 2, objectivesTotal: 4, answered: 3, questions: 3, bestAutopilotScore: 20, attempt: 1, ...over,
});

describe('grades', () => {
  it('the mark is the weighted mean of the parts; nothing unverified earns marks', () => {
    const w = { verified: 40, objectives: 30, score: 20, answers: 10 };
    // 40·1 + 30·0.5 + 20·0.5 + 10·1 = 75
    expect(markOf(row(), w).mark).toBe(75);
    for (const status of ['diverged', 'mismatch', 'invalid', 'other'] as const) expect(markOf(row({ status }), w).mark).toBe(0);
    // Beating the best autopilot caps at 1; every autopilot at zero: any positive score is full marks.
    expect(markOf(row({ score: 50 }), w).parts.score).toBe(1);
    expect(markOf(row({ bestAutopilotScore: 0 }), w).parts.score).toBe(1);
    expect(markOf(row({ score: 0, bestAutopilotScore: 0 }), w).parts.score).toBe(0);
    // Not measured yet: no mark while the score part is weighted, a mark when it is not.
    expect(markOf(row({ bestAutopilotScore: null }), w).mark).toBeNull();
    expect(markOf(row({ bestAutopilotScore: null }), { ...w, score: 0 }).mark).toBe(Math.round((1000 * (40 + 15 + 10)) / 80) / 10);
    expect(markOf(row(), { verified: 0, objectives: 0, score: 0, answers: 0 }).mark).toBe(0);
  });

  it('CSV cells are escaped: quotes, commas, line breaks, and no formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const f of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=x', '\r=x']) expect(csvCell(f).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('the grades file has one line per file; the gradebook one line per student, best mark, scaled', () => {
    const rows = [row(), row({ student: '=evil()', file: 'e.json', status: 'mismatch' }), row({ student: 'ada ', file: 'ada2.json', objectivesMet: 4 })];
    const g = gradesCsv(rows, DEFAULT_WEIGHTS).trim().split('\r\n');
    expect(g).toHaveLength(4);
    expect(g[0]!.split(',')[0]).toBe('student');
    expect(g[2]!.startsWith("'=evil()")).toBe(true);
    const b = gradebookCsv(rows, DEFAULT_WEIGHTS, 'Week 6, sim', 10, normaliseStudentName).trim().split('\r\n');
    expect(b[0]).toBe('Student,ID,"Week 6, sim"');
    expect(b).toHaveLength(3);
    const ada = b.find((l) => l.includes(',ada,'))!;
    // best of the two: 40 + 30·1 + 20·0.5 + 10 = 90 → 9 of 10
    expect(ada.split(',').at(-1)).toBe('9');
    expect(b.find((l) => l.includes('evil'))!.startsWith("'=evil()")).toBe(true);
  });
});

describe('builder overlay', () => {
  const base = loadBundledScenario('subsidy-cliff-2026');
  if (!base.ok) throw new Error('subsidy-cliff-2026 does not load');
  const sc = base.scenario;

  it('lists cash, the rate shift, dated events, subsidy ends and objective thresholds', () => {
    const groups = new Set(formItems(sc).map((i) => i.group));
    expect([...groups].sort()).toEqual(['cash', 'eventDate', 'objective', 'rate', 'subsidyEnd']);
  });

  it('writes only what changed, and the overlay loads through the scenario validator', () => {
    expect(buildOverlay(sc, {}, { en: 't', 'zh-CN': 't' }).overlay).toEqual({});
    const items = formItems(sc);
    const sub = items.find((i) => i.group === 'subsidyEnd')!;
    const obj = items.find((i) => i.group === 'objective' && i.kind === 'usd')!;
    const values = { cash: '300M', rateShift: '1', [sub.key]: '2026-12-31', [obj.key]: '2B' };
    const { overlay, problems } = buildOverlay(sc, values, { en: 'class target', 'zh-CN': '本课堂目标' });
    expect(problems).toEqual([]);
    const r = loadScenarioObject(classScenarioDocument({ scenario: { kind: 'bundled', id: 'subsidy-cliff-2026' }, overlay }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.company.cashUsd).toBe(300_000_000);
    expect(r.scenario.market.capital.baseRatePct.map((p) => p.value)).toEqual(sc.market.capital.baseRatePct.map((p) => Math.round((p.value + 1) * 1e6) / 1e6));
    const i = Number(obj.key.split('.')[1]);
    expect((r.scenario.lesson.objectives[i] as { minUsd: number }).minUsd).toBe(2e9);
    // The label names the class's threshold where it named the scenario's, in each language's own
    // words (it read "Reach $300M … (class target: $2B)": two figures, and "$2B" beside 亿美元 in Chinese).
    const label = r.scenario.lesson.objectives[i]!.label;
    expect(label.en).toBe('Reach $2B of annualised revenue by 2026-06-29, before the subsidy ends (class target)');
    expect(label['zh-CN']).toBe('在补贴结束前（2026-06-29 之前）年化收入达到 20 亿美元（本课堂目标）');
    expect(JSON.stringify(r.scenario.events)).toContain('"untilDate":"2026-12-31"');
    // Everything else is the scenario's own.
    expect(r.scenario.events.length).toBe(sc.events.length);
  });

  it('a new date replaces the label\u2019s date; a leverage cap and a figure the label does not name are noted as the class target', () => {
    const items = formItems(sc);
    const key = (field: string) => items.find((i) => i.key.endsWith(field) && sc.lesson.objectives[Number(i.key.split('.')[1])]!.type === (field === 'max' ? 'maxDebtToEbitda' : 'annualRevenue'))!.key;
    const labelOf = (overlay: Record<string, unknown>, type: string) => (overlay.lesson as { objectives: { type: string; label: { en: string; 'zh-CN': string } }[] }).objectives.find((o) => o.type === type)!.label;
    const dated = labelOf(buildOverlay(sc, { [key('byDate')]: '2026-12-28' }, { en: 'class target', 'zh-CN': '本课堂目标' }).overlay, 'annualRevenue');
    expect(dated.en).toBe('Reach $300M of annualised revenue by 2026-12-28, before the subsidy ends (class target)');
    const capped = labelOf(buildOverlay(sc, { [key('max')]: '3' }, { en: 'class target', 'zh-CN': '本课堂目标' }).overlay, 'maxDebtToEbitda');
    expect(capped.en).toBe('End with debt below 4 times EBITDA (class target: ≤ 3)');
    // A label that writes its figure otherwise keeps it, and the class's follows in the note.
    const other = structuredClone(sc);
    const rev = other.lesson.objectives.find((o) => o.type === 'annualRevenue')!;
    rev.label = { en: 'Reach three hundred million dollars of revenue', 'zh-CN': '收入达到三亿美元' };
    const noted = labelOf(buildOverlay(other, { [key('minUsd')]: '2.75B' }, { en: 'class target', 'zh-CN': '本课堂目标' }).overlay, 'annualRevenue');
    expect(noted).toEqual({ en: 'Reach three hundred million dollars of revenue (class target: $2.75B)', 'zh-CN': '收入达到三亿美元（本课堂目标：27.5 亿美元）' });
  });

  it('unreadable values are problems, not overlay entries; values the scenario forbids reach the validator', () => {
    const { overlay, problems } = buildOverlay(sc, { cash: 'lots', rateShift: 'x' }, { en: 't', 'zh-CN': 't' });
    expect(overlay).toEqual({});
    expect(problems.map((p) => p.key).sort()).toEqual(['cash', 'rateShift']);
    const neg = buildOverlay(sc, { cash: '-5' }, { en: 't', 'zh-CN': 't' });
    const r = loadScenarioObject(classScenarioDocument({ scenario: { kind: 'bundled', id: 'subsidy-cliff-2026' }, overlay: neg.overlay }));
    expect(r.ok).toBe(false);
  });
});

describe('class messages', () => {
  it('are ids of the one message table, in English and Chinese with the same parameters (test/i18n/messages.test.ts checks every id)', () => {
    const ids = Object.keys(EN_MESSAGES).filter((k) => k.startsWith('class.') || k.startsWith('debrief.'));
    expect(ids.length).toBeGreaterThan(250);
    for (const k of ids) expect(ZH_MESSAGES[k]?.length ?? 0, k).toBeGreaterThan(0);
    expect(ct('summary', { verified: 3, bad: 1, other: 0, invalid: 2 })).toBe(EN_MESSAGES['class.summary']!.replace('{verified}', '3').replace('{bad}', '1').replace('{other}', '0').replace('{invalid}', '2'));
  });
});
