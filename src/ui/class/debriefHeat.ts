/**
 * The heat map of decisions by quarter across the class: a table (kinds of decision × quarters),
 * each cell a button counting the students who made that kind of decision then; choosing it names
 * them (who ordered GPUs before the price war, who raised equity at the top). Quarters holding a
 * scheduled event of the scenario are marked, and the events listed under the table.
 */
import { h } from '../dom.ts';
import { loc, labelled, listed } from '../i18n.ts';
import type { Scenario } from '../../scenario/schema/index.ts';
import { weekOf } from '../../engine/calendar.ts';
import { dt, type DebriefKey } from './debriefText.ts';
import { KIND_ORDER, quarterOfWeek, type DecisionKind } from './debriefData.ts';

/** Scheduled (date-triggered) events by quarter index. */
export function eventsByQuarter(sc: Pick<Scenario, 'events' | 'calendar'>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const e of sc.events) {
    if (e.trigger.type !== 'date') continue;
    const w = weekOf(sc.calendar.startDate, e.trigger.date);
    if (w < 0 || w >= sc.calendar.lengthWeeks) continue;
    const q = quarterOfWeek(w);
    out.set(q, [...(out.get(q) ?? []), loc(e.headline)]);
  }
  return out;
}

export function heatMap(opts: { heat: Record<DecisionKind, number[][]>; labels: string[]; names: string[]; events: Map<number, string[]> }): HTMLElement {
  const { heat, labels, names, events } = opts;
  const n = Math.max(1, names.length);
  const who = h('p', { id: 'cd-heat-who', 'aria-live': 'polite', className: 'cd-heat-who' }, '');
  const years: { label: string; span: number }[] = [];
  for (const l of labels) {
    const y = l.slice(0, 4);
    if (years[years.length - 1]?.label === y) years[years.length - 1]!.span++;
    else years.push({ label: y, span: 1 });
  }
  const kindName = (k: DecisionKind) => dt(`kind_${k}` as DebriefKey);
  const head = h('thead', null,
    h('tr', null, h('td', { className: 'cd-heat-corner' }), years.map((y) => h('th', { scope: 'colgroup', colspan: y.span, className: 'cd-heat-year' }, y.label))),
    h('tr', null, h('td', { className: 'cd-heat-corner' }), labels.map((l, q) => h('th', { scope: 'col', className: events.has(q) ? 'cd-heat-q cd-ev' : 'cd-heat-q', title: events.get(q)?.join(' · ') ?? null }, (events.has(q) ? '▼' : '') + l.slice(4)))),
  );
  const body = h('tbody', null, KIND_ORDER.map((k) => h('tr', null,
    h('th', { scope: 'row', className: 'cd-heat-kind' }, kindName(k)),
    labels.map((l, q) => {
      const cell = heat[k][q] ?? [];
      const level = cell.length === 0 ? 0 : Math.min(5, 1 + Math.floor((4 * cell.length) / n));
      return h('td', { className: `cd-heat-cell${events.has(q) ? ' cd-ev' : ''}` },
        h('button', {
          type: 'button', className: `cd-heat-btn heat-${level}`, 'data-kind': k, 'data-q': q,
          'aria-label': dt('cdHeatCell', { kind: kindName(k), quarter: l, n: cell.length }),
          onclick: () => { who.textContent = dt('cdHeatWho', { kind: kindName(k), quarter: l, names: cell.length ? listed(cell.map((i) => names[i]!)) : dt('cdHeatNobody') }); },
        }, cell.length ? String(cell.length) : ''),
      );
    }),
  )));
  const evList = [...events.entries()].sort((a, b) => a[0] - b[0]);
  const box = h('div', { className: 'cd-heat-wrap' },
    h('table', { className: 'cd-heat', id: 'cd-heat' }, h('caption', { className: 'sr-only' }, dt('cdHeat')), head, body),
    who,
    evList.length ? h('p', { className: 'muted small', id: 'cd-events' }, labelled(dt('cdEvents')), evList.map(([q, hs], i) => [i ? ' · ' : '', `▼ ${labels[q] ?? ''} ${hs.join(' / ')}`])) : null,
  );
  return box;
}
