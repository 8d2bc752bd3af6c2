/** What a class shows students: its title, due date, rules and the scenario's briefing (as text). */
import { h } from '../dom.ts';
import { loc } from '../i18n.ts';
import { bundledScenarios } from '../../scenario/bundled.ts';
import type { ClassConfig } from '../../class/config.ts';
import { ct } from './messages.ts';
import { fillTextParams } from '../../scenario/textParams.ts';
import { valueAt } from '../../scenario/paths.ts';

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A `{ en, zh-CN }` text from unvalidated scenario data, or null (only strings are ever shown, as text nodes). */
function textAt(doc: unknown, path: string[]): { en: string; 'zh-CN'?: string } | null {
  let v: unknown = doc;
  for (const k of path) v = isObj(v) ? v[k] : undefined;
  if (!isObj(v) || typeof v.en !== 'string') return null;
  return { en: v.en.slice(0, 4000), ...(typeof v['zh-CN'] === 'string' ? { 'zh-CN': v['zh-CN'].slice(0, 4000) } : {}) };
}

/** Longest `extends` chain followed when filling a preview's parameters (bundled files extend once). */
const MAX_EXTENDS_DEPTH = 8;

/**
 * The documents a class scenario is made of, nearest first: the class overlay, the scenario, then
 * each bundled scenario it `extends`. A parameter such as `{company.cashUsd}` takes the first value
 * found along this chain — what the loader's merge gives the same field.
 */
function documentChain(config: ClassConfig, base: unknown): unknown[] {
  const chain: unknown[] = [config.overlay, base];
  let doc = base;
  for (let i = 0; i < MAX_EXTENDS_DEPTH && isObj(doc) && typeof doc.extends === 'string'; i++) {
    doc = bundledScenarios[doc.extends];
    if (doc !== undefined) chain.push(doc);
  }
  return chain;
}

/** The class scenario's title and briefing (the overlay's own text first, then the scenario's), parameters filled. */
export function classBriefing(config: ClassConfig): { title: string; briefing: string } {
  const base: unknown = config.scenario.kind === 'bundled' ? bundledScenarios[config.scenario.id as keyof typeof bundledScenarios] : config.scenario.value;
  const pick = (path: string[]) => textAt(config.overlay, path) ?? textAt(base, path);
  const chain = documentChain(config, base);
  const lookup = (name: string) => {
    const path = name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    for (const doc of chain) { const v = valueAt(doc, path); if (v !== undefined) return v; }
    return undefined;
  };
  const b = pick(['lesson', 'teaching', 'briefing']);
  const filled = b && { en: fillTextParams(b.en, lookup, 'en'), ...(b['zh-CN'] !== undefined ? { 'zh-CN': fillTextParams(b['zh-CN'], lookup, 'zh-CN') } : {}) };
  return { title: loc(pick(['title'])) || (config.scenario.kind === 'bundled' ? config.scenario.id : ''), briefing: loc(filled) };
}

/** The class rules as a list for students. */
export function rulesList(config: ClassConfig, used: number | null): HTMLElement {
  const r = config.rules;
  return h('ul', { className: 'class-rules' },
    h('li', null, r.dueDate ? ct('dueOn', { date: r.dueDate }) : ct('noDueDate')),
    h('li', null, ct('ruleSpeed', { n: r.maxSpeed })),
    r.pauseEachQuarter && h('li', null, ct('rulePause')),
    h('li', null, r.attempts === null ? ct('ruleAttemptsUnlimited') : ct('ruleAttempts', { n: r.attempts, used: used ?? 0 })),
    h('li', null, r.handInEarly ? ct('ruleHandInEarly') : ct('ruleHandInEnd')),
    h('li', null, config.seedMode === 'shared' ? ct('seedSharedNote', { seed: config.seed }) : ct('seedPerStudentNote')),
  );
}

/** The class card: title, scenario, briefing and rules (the student screen and the builder's preview). */
export function classCard(config: ClassConfig, used: number | null, headingId: string): HTMLElement {
  const b = classBriefing(config);
  return h('div', { className: 'class-card' },
    h('p', { className: 'muted' }, `${ct('classLabel')} · ${b.title}`),
    h('h1', { id: headingId }, config.title),
    b.briefing && h('div', { className: 'story' }, b.briefing),
    h('h2', null, ct('rulesHeading')),
    rulesList(config, used),
  );
}
