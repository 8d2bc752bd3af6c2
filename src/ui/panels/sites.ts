/** Sites: lease colocation, build a campus, buy a powered site; MW used/available; grid queue. */
import { h, replace, table } from '../dom.ts';
import { t, usd, loc, type StringKey, weekN, labelled } from '../i18n.ts';
import { commandForm } from '../commandForm.ts';
import { getState, setState, store } from '../../store/ui.ts';
import type { Snapshot } from '../../store/snapshot.ts';
import type { Panel } from './types.ts';
import { termSpan } from '../glossary.ts';

/** Two figures stacked in one cell (each stays on one line). */
export function stack(a: string, b: string): HTMLElement {
  return h('span', { className: 'stack' }, h('span', null, a), h('span', null, b));
}

function meter(share: number, label: string): HTMLElement {
  const cls = share > 0.95 ? 'bad' : share > 0.8 ? 'warn' : '';
  const i = h('i');
  i.style.width = `${Math.round(Math.max(0, Math.min(1, share)) * 100)}%`;
  return h('span', null, h('span', { className: 'meter ' + cls, role: 'img', 'aria-label': label }, i), `${Math.round(share * 100)}%`);
}

export function sitesPanel(): Panel {
  let snap: Snapshot | null = getState().snapshot;
  const form = commandForm({
    id: 'sites-add',
    title: `${t('leaseColo')} / ${t('buildCampus')} / ${t('buyPoweredSite')}`,
    fields: [
      { name: 'type', label: t('kind'), kind: 'select', options: () => [
        { value: 'leaseColo', label: t('leaseColo') }, { value: 'buildCampus', label: t('buildCampus') }, { value: 'buyPoweredSite', label: t('buyPoweredSite') }] },
      { name: 'regionId', label: t('region'), kind: 'select', options: () => (snap?.regions ?? []).map((r) => ({ value: r.id, label: loc(r.name) })), value: getState().selectedRegion ?? undefined },
      { name: 'powerMw', label: t('megawatts'), kind: 'number', value: 10, min: 1, step: 1 },
    ],
    build: (v) => (v.regionId && Number(v.powerMw) > 0 ? { type: v.type as 'leaseColo', regionId: String(v.regionId), powerMw: Number(v.powerMw) } : null),
  });
  const live = h('div');
  const el = h('div', { id: 'panel-sites' }, h('section', null, form.el), live);
  // A form filled in from the map: kind, region and a size, then the focus on the size.
  const applyPrefill = () => {
    const pf = getState().sitePrefill;
    if (!pf) return;
    setState({ sitePrefill: null });
    form.set('type', pf.type);
    form.set('regionId', pf.regionId);
    form.set('powerMw', pf.powerMw);
    queueMicrotask(() => el.querySelector<HTMLInputElement>('input[name="powerMw"]')?.focus());
  };
  // A panel replaced by another tab is dropped: its listener ends itself (it would otherwise take a
  // prefill meant for the new Sites panel).
  const unsub = store.subscribe((st, prev) => {
    if (!el.isConnected) { unsub(); return; }
    if (st.selectedRegion && st.selectedRegion !== prev.selectedRegion) form.set('regionId', st.selectedRegion);
    if (st.sitePrefill && st.sitePrefill !== prev.sitePrefill) applyPrefill();
  });

  function render(s: Snapshot): void {
    const p = s.player;
    const regionName = (id: string) => loc(s.regions.find((r) => r.id === id)?.name) || id;
    replace(live,
      h('section', null,
        table(t('yourSites'), [t('region'), t('kind'), 'MW', t('status'), t('useProgress')], p.sites.map((x) => [
          regionName(x.regionId), t(('site_' + x.kind) as StringKey), x.powerMw.toFixed(0),
          x.status === 'energised' ? `● ${t('st_energised')}` : x.status === 'awaitingGrid' ? `◌ ${t('st_awaitingGrid')} → ${weekN(x.gridWeek)}` : `▲ ${t(('st_' + x.status) as StringKey)} → ${weekN(x.readyWeek)}`,
          x.status === 'energised' ? meter(x.usedShare, `${t('mwUsed')} ${Math.round(x.usedShare * 100)}%`) : meter(x.progress, `${t('useProgress')} ${Math.round(x.progress * 100)}%`),
        ])),
        h('p', { className: 'muted' }, `${labelled(t('mwUsed'), p.last.powerMwUsed.toFixed(1))} / ${labelled(t('mwAvailable'), p.last.powerMwAvailable.toFixed(1))}`),
      ),
      h('section', null, table(t('regions'), [t('region'), t('powerPrice'), termSpan(t('coloHead')), t('gridHead'), t('buildHead'), t('poweredHead')], s.regions.map((r) => [
        regionName(r.id) + (r.curtailShare > 0 ? ` ! ${t('curtailed')}` : ''),
        '$' + r.powerUsdPerMwh.toFixed(0),
        stack(`${r.colocAvailableMw.toFixed(0)} MW`, `$${r.colocUsdPerKwMonth.toFixed(0)}`),
        stack(`${r.gridAvailableMw.toFixed(0)} MW`, `${r.gridQueueWeeks} ${t('weeksShort')}`),
        stack(usd(r.buildCapexUsdPerMw), `${r.buildWeeks} ${t('weeksShort')}`),
        stack(`${r.poweredSiteAvailableMw.toFixed(0)} MW`, usd(r.poweredSiteUsdPerMw)),
      ]), { className: 'compact' })),
    );
  }
  if (snap) render(snap);
  applyPrefill();
  return { el, update(s) { snap = s; render(s); form.refresh(); } };
}
