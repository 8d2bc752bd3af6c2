/**
 * The builder's short form → an `extends` overlay. The form lists what a teacher commonly changes
 * in the scenario it starts from (already validated): starting cash, a shift of the whole
 * base-rate path, the dates of dated events, when each subsidy ends, objective thresholds. Only
 * changed values go into the overlay; lists (events, objectives, the rate path) are written whole,
 * because `extends` replaces lists. The result is checked by the scenario loader, never here.
 * Pure (no DOM): tested in Node.
 */
import type { Scenario } from '../../scenario/schema/index.ts';
import { parseAmount } from '../commandForm.ts';
import { usdWords } from '../../i18n/format.ts';

/** One editable number or date of the base scenario. */
export interface FormItem {
  /** Stable key of the form field. */
  key: string;
  kind: 'usd' | 'number' | 'date';
  /** The scenario's value, as the field shows it. */
  base: string;
  /** What it is (English and Chinese texts from the scenario, or an id). */
  label: { en: string; 'zh-CN'?: string };
  group: 'cash' | 'rate' | 'eventDate' | 'subsidyEnd' | 'objective';
}

/** Everything the short form offers for this scenario. */
export function formItems(base: Scenario): FormItem[] {
  const items: FormItem[] = [
    { key: 'cash', kind: 'usd', base: String(base.company.cashUsd), label: { en: 'cash' }, group: 'cash' },
    { key: 'rateShift', kind: 'number', base: '0', label: { en: 'rate' }, group: 'rate' },
  ];
  base.events.forEach((ev, i) => {
    if (ev.trigger.type === 'date') items.push({ key: `event.${i}.date`, kind: 'date', base: ev.trigger.date, label: ev.headline ?? { en: ev.id }, group: 'eventDate' });
    ev.effects.forEach((ef, j) => {
      if (ef.type === 'subsidy') items.push({ key: `event.${i}.effect.${j}.untilDate`, kind: 'date', base: ef.untilDate, label: { en: `${ev.id} · ${ef.on}` }, group: 'subsidyEnd' });
    });
  });
  base.lesson.objectives.forEach((o, i) => {
    if ('minUsd' in o) items.push({ key: `objective.${i}.minUsd`, kind: 'usd', base: String(o.minUsd), label: o.label, group: 'objective' });
    if ('max' in o) items.push({ key: `objective.${i}.max`, kind: 'number', base: String(o.max), label: o.label, group: 'objective' });
    if ('byDate' in o) items.push({ key: `objective.${i}.byDate`, kind: 'date', base: o.byDate, label: o.label, group: 'objective' });
  });
  return items;
}

export type FormValues = Record<string, string>;

/** A field the form could not read (the overlay leaves it out; the builder shows why). */
export interface FormProblem { key: string; kind: 'usd' | 'number' }

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

/** `text` with the figure `from` (not part of a longer number) replaced by `to`, or null when it does not name it. */
function replaceFigure(text: string, from: string, to: string): string | null {
  const at = new RegExp(`(?<![\\d.,])${from.replace(/[.*+?^${}()|[\]\\$]/g, '\\$&')}(?![\\d])`);
  return at.test(text) ? text.replace(at, () => to) : null;
}

/**
 * The overlay for the form's values over `base`: only what differs from the scenario. Values the
 * form cannot read come back as problems (and are left out); a value the scenario forbids
 * (negative cash, a date outside the calendar) goes in, for the validator to explain.
 */
export function buildOverlay(base: Scenario, values: FormValues, classTarget: { en: string; 'zh-CN': string }): { overlay: Record<string, unknown>; problems: FormProblem[] } {
  const overlay: Record<string, unknown> = {};
  const problems: FormProblem[] = [];
  const items = formItems(base);
  const changed = (it: FormItem): string | null => {
    const v = (values[it.key] ?? '').trim();
    if (v === '' || v === it.base) return null;
    if (it.kind === 'usd' && !Number.isFinite(parseAmount(v))) { problems.push({ key: it.key, kind: 'usd' }); return null; }
    if (it.kind === 'number' && !Number.isFinite(Number(v.replace(/[−–]/g, '-')))) { problems.push({ key: it.key, kind: 'number' }); return null; }
    if (it.kind === 'usd' && parseAmount(v) === Number(it.base)) return null;
    if (it.kind === 'number' && Number(v.replace(/[−–]/g, '-')) === Number(it.base)) return null;
    return it.kind === 'number' ? v.replace(/[−–]/g, '-') : v;
  };
  const byKey = new Map(items.map((it) => [it.key, it]));
  const val = (key: string) => { const it = byKey.get(key); return it ? changed(it) : null; };

  const cash = val('cash');
  if (cash !== null) overlay.company = { cashUsd: parseAmount(cash) };

  const shift = val('rateShift');
  if (shift !== null) {
    const d = Number(shift);
    overlay.market = { capital: { baseRatePct: base.market.capital.baseRatePct.map((p) => ({ ...p, value: round(p.value + d) })) } };
  }

  let events: Scenario['events'] | null = null;
  base.events.forEach((ev, i) => {
    const date = val(`event.${i}.date`);
    if (date !== null && ev.trigger.type === 'date') { events ??= clone(base.events); (events[i]!.trigger as { date: string }).date = date; }
    ev.effects.forEach((ef, j) => {
      const until = val(`event.${i}.effect.${j}.untilDate`);
      if (until !== null && ef.type === 'subsidy') { events ??= clone(base.events); (events[i]!.effects[j] as { untilDate: string }).untilDate = until; }
    });
  });
  if (events) overlay.events = events;

  let objectives: Scenario['lesson']['objectives'] | null = null;
  base.lesson.objectives.forEach((o, i) => {
    // The label as the class will read it: a threshold the label names (filled from {minUsd}, or
    // written the same way) is replaced by the class's, so no label names two figures; whatever it
    // does not name (a date, a leverage cap, a figure written otherwise) follows as the class
    // target, in each language's own words ($1.5B / 15 亿美元).
    let en = o.label.en;
    let zh = o.label['zh-CN'] ?? o.label.en;
    const notes: { en: string; zh: string }[] = [];
    let changed = false;
    for (const field of ['minUsd', 'max', 'byDate'] as const) {
      const v = val(`objective.${i}.${field}`);
      if (v === null) continue;
      changed = true;
      objectives ??= clone(base.lesson.objectives);
      const target = objectives[i] as Record<string, unknown>;
      target[field] = field === 'byDate' ? v : field === 'minUsd' ? parseAmount(v) : Number(v);
      // The old and new figure as each label writes it (a leverage cap is a bare number: too
      // easily another figure in the text, so it is only noted).
      const words = field === 'minUsd' && 'minUsd' in o
        ? { en: [usdWords(o.minUsd, 'en'), usdWords(parseAmount(v), 'en')], zh: [usdWords(o.minUsd, 'zh-CN'), usdWords(parseAmount(v), 'zh-CN')] }
        : field === 'byDate' && 'byDate' in o ? { en: [o.byDate, v], zh: [o.byDate, v] } : null;
      if (words) {
        const enNew = replaceFigure(en, words.en[0]!, words.en[1]!);
        const zhNew = replaceFigure(zh, words.zh[0]!, words.zh[1]!);
        if (enNew !== null && (zhNew !== null || o.label['zh-CN'] === undefined)) { en = enNew; zh = zhNew ?? enNew; continue; }
        notes.push({ en: words.en[1]!, zh: words.zh[1]! });
      } else notes.push({ en: `≤ ${Number(v)}`, zh: `≤ ${Number(v)}` });
    }
    if (changed && objectives) {
      const enNote = notes.length ? `${classTarget.en}: ${notes.map((n) => n.en).join(', ')}` : classTarget.en;
      const zhNote = notes.length ? `${classTarget['zh-CN']}：${notes.map((n) => n.zh).join('，')}` : classTarget['zh-CN'];
      objectives[i]!.label = { en: `${en} (${enNote})`, 'zh-CN': `${zh}（${zhNote}）` };
    }
  });
  if (objectives) overlay.lesson = { objectives };
  return { overlay, problems };
}
