/**
 * Parameters in teaching texts: `{company.cashUsd}` in a briefing, `{minUsd}` in an objective's
 * label. Filled from the scenario itself when it is loaded, so a class overlay (`extends`) that
 * changes starting cash or an objective's threshold never leaves a text naming the old figure.
 *
 *   {a.b.0.c}   a path from the scenario's root (list positions as numbers), e.g. {company.cashUsd}
 *   {field}     in an objective's label: that objective's own field, e.g. {minUsd}, {max}, {byDate}
 *
 * Formatting follows the field's unit suffix (names carry units): `…Usd` money ($150M, 1.5 亿美元:
 * `usdWords` of src/i18n/format.ts, four significant digits, so a threshold is never rounded),
 * `…Share` a percentage (20%), anything else a number with grouped digits or the text as is.
 * Done by hand (no Intl): the filled text is part of the scenario's hash, the same in every engine.
 * Pure data in, data out; the loader reports an unknown parameter as an error at the text's path.
 */
import type { Scenario } from './schema/index.ts';
import type { RawError } from './rawError.ts';
import type { PathSegment } from './paths.ts';
import { valueAt } from './paths.ts';
import { em, enText } from './errMsg.ts';
import { usdWords, groupedInt as grouped } from '../i18n/format.ts';

/** A parameter: `{` a name or dotted path `}`. Other braces are left alone. */
const PARAM = /\{([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*)\}/g;

type Lang = 'en' | 'zh-CN';
type Localized = { en: string; 'zh-CN'?: string | undefined };

/** `x` rounded to at most one decimal, without a trailing ".0". */
const oneDecimal = (x: number) => String(Math.round(x * 10) / 10);

/** One parameter's value in words, or why it cannot be shown. */
function formatValue(value: unknown, key: string, lang: Lang): { text: string } | { problem: 'scn.param.noField' | 'scn.param.notNumber' } {
  if (typeof value === 'string') return { text: value };
  if (typeof value !== 'number' || !Number.isFinite(value)) return { problem: value === undefined ? 'scn.param.noField' : 'scn.param.notNumber' };
  if (/Usd$/.test(key)) return { text: usdWords(value, lang) };
  if (/Share$/.test(key)) return { text: `${oneDecimal(value * 100)}%` };
  return { text: Number.isInteger(value) ? grouped(value) : String(value) };
}

/** Fill one text; problems are collected with the text's path. */
function fill(text: string, lookup: (name: string) => unknown, lang: Lang, path: PathSegment[], errors: RawError[]): string {
  return text.replace(PARAM, (whole, name: string) => {
    const key = name.split('.').at(-1)!;
    const r = formatValue(lookup(name), key, lang);
    if ('text' in r) return r.text;
    const hintMsg = { id: 'scn.param.hint', params: { example: '{minUsd}' } };
    errors.push({ path, ...em('scn.param', { param: whole, problem: r.problem }), hint: enText(hintMsg), hintMsg });
    return whole;
  });
}

/**
 * Fill the parameters of one text for display before the scenario is loaded (e.g. a class card
 * showing a briefing from raw scenario documents): `lookup` resolves a dotted path; a parameter it
 * cannot fill stays as written, for the loader to report.
 */
export function fillTextParams(text: string, lookup: (name: string) => unknown, lang: Lang): string {
  return fill(text, lookup, lang, [], []);
}

function fillLocalized(loc: Localized, lookup: (name: string) => unknown, path: PathSegment[], errors: RawError[]): Localized {
  const out: Localized = { ...loc, en: fill(loc.en, lookup, 'en', [...path, 'en'], errors) };
  if (loc['zh-CN'] !== undefined) out['zh-CN'] = fill(loc['zh-CN'], lookup, 'zh-CN', [...path, 'zh-CN'], errors);
  return out;
}

/**
 * The scenario with its teaching texts filled: the briefing, learning objectives, debrief
 * questions and objective labels. A text without parameters is returned as it is (filling again
 * changes nothing). Errors name the text and the parameter.
 */
export function fillTeachingTexts(scenario: Scenario): { scenario: Scenario; errors: RawError[] } {
  const errors: RawError[] = [];
  const fromRoot = (name: string) => valueAt(scenario, name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
  const t = scenario.lesson.teaching;
  const teaching = {
    ...t,
    briefing: fillLocalized(t.briefing, fromRoot, ['lesson', 'teaching', 'briefing'], errors),
    learningObjectives: t.learningObjectives.map((l, i) => fillLocalized(l, fromRoot, ['lesson', 'teaching', 'learningObjectives', i], errors)),
    debriefQuestions: t.debriefQuestions.map((q, i) => fillLocalized(q, fromRoot, ['lesson', 'teaching', 'debriefQuestions', i], errors)),
  };
  const objectives = scenario.lesson.objectives.map((o, i) => {
    const own = (name: string) => (name.includes('.') || !Object.prototype.hasOwnProperty.call(o, name) ? fromRoot(name) : (o as Record<string, unknown>)[name]);
    return { ...o, label: fillLocalized(o.label, own, ['lesson', 'objectives', i, 'label'], errors) };
  });
  return { scenario: { ...scenario, lesson: { ...scenario.lesson, teaching, objectives } }, errors };
}
