/** What a class shows students: its title, due date, rules and the scenario's briefing (as text). */
import { h } from '../dom.ts';
import { loc } from '../i18n.ts';
import { bundledScenarios } from '../../scenario/bundled.ts';
import type { ClassConfig } from '../../class/config.ts';
import { ct } from './messages.ts';
import { valueAt } from '../../scenario/paths.ts';
import { chainLookup, documentChain, filledText, rawText } from '../../scenario/rawPreview.ts';

/** The class scenario's title and briefing (the overlay's own text first, then the scenario's), parameters filled. */
export function classBriefing(config: ClassConfig): { title: string; briefing: string } {
  const base: unknown = config.scenario.kind === 'bundled' ? bundledScenarios[config.scenario.id as keyof typeof bundledScenarios] : config.scenario.value;
  const pick = (path: string[]) => rawText(valueAt(config.overlay, path)) ?? rawText(valueAt(base, path));
  const lookup = chainLookup(documentChain(config.overlay, base));
  const b = pick(['lesson', 'teaching', 'briefing']);
  const filled = b && filledText(b, lookup);
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
