/** Reports: quarterly statements with QoQ change, KPIs, and charts (lazy-loaded). */
import { h, replace } from '../dom.ts';
import { t } from '../i18n.ts';
import { statements } from '../statements.ts';
import { getState } from '../../store/ui.ts';
import type { Snapshot } from '../../store/snapshot.ts';
import type { Panel } from './types.ts';
import { gameCharts } from '../gameCharts.ts';

export function reportsPanel(): Panel {
  const sel = h('select', { id: 'report-quarter', 'aria-label': t('quarter') });
  const tables = h('div', { id: 'report-tables' });
  const charts = h('div', { id: 'report-charts' }, t('loadingCharts'));
  let chartsFor = -1;
  let chosen: string | null = null;
  sel.addEventListener('change', () => { chosen = sel.value; const s = getState().snapshot; if (s) render(s, true); });
  const el = h('div', { id: 'panel-reports' },
    h('section', null, h('label', { for: 'report-quarter' }, t('quarter'), sel), tables),
    h('section', null, h('h3', null, t('charts')), charts),
  );
  function render(s: Snapshot, force = false): void {
    const qs = s.quarters;
    if (sel.options.length !== qs.length) {
      sel.replaceChildren(...qs.map((q) => h('option', { value: q.label }, q.label)).reverse());
      if (!chosen || !qs.some((q) => q.label === chosen)) chosen = null;
    }
    const idx = chosen ? qs.findIndex((q) => q.label === chosen) : qs.length - 1;
    if (chosen) sel.value = chosen; else if (qs.length) sel.value = qs[qs.length - 1]!.label;
    if (force || tables.dataset.n !== `${qs.length}:${idx}`) {
      tables.dataset.n = `${qs.length}:${idx}`;
      const q = qs[idx];
      replace(tables, q ? statements(q, qs[idx - 1]) : h('p', { className: 'muted' }, t('nothing') + ' ' + t('firstQuarterAfter')));
    }
    if (chartsFor !== qs.length) {
      chartsFor = qs.length;
      void gameCharts(s, charts, Math.max(300, el.clientWidth - 30), false);
    }
  }
  const s0 = getState().snapshot;
  if (s0) render(s0);
  return { el, update: (s) => render(s) };
}
