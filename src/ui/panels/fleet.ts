/** Fleet: order GPUs by generation (price, lead time, power), deliveries, depreciation, sell. */
import { h, replace, table } from '../dom.ts';
import { t, usd, int, price, weekN, labelled, inParens } from '../i18n.ts';
import { commandForm } from '../commandForm.ts';
import { getState } from '../../store/ui.ts';
import type { Snapshot } from '../../store/snapshot.ts';
import type { Panel } from './types.ts';
import { withTerms } from '../glossary.ts';

export function fleetPanel(): Panel {
  let snap: Snapshot | null = getState().snapshot;
  const order = commandForm({
    id: 'fleet-order',
    title: t('orderGpus'),
    fields: [
      { name: 'modelId', label: t('model'), kind: 'select', options: () => (snap?.market.gens ?? []).filter((g) => g.released).map((g) => ({ value: g.modelId, label: `${g.name} · ${usd(g.installedCapexUsdPerGpu, 0)}/GPU` })), value: 'h100' },
      { name: 'count', label: t('count'), kind: 'number', value: 1000, min: 1, step: 100 },
      { name: 'vendorFinancing', label: t('vendorFinancing'), kind: 'check', value: false },
    ],
    build: (v) => (Number(v.count) > 0 && v.modelId ? { type: 'orderGpus', modelId: String(v.modelId), count: Math.floor(Number(v.count)), vendorFinancing: Boolean(v.vendorFinancing) } : null),
  });
  const sell = commandForm({
    id: 'fleet-sell',
    title: t('sellGpus'),
    fields: [
      { name: 'modelId', label: t('model'), kind: 'select', options: () => (snap?.player.fleet ?? []).map((f) => ({ value: f.modelId, label: `${f.name}${inParens(int(f.count))}` })) },
      { name: 'count', label: t('count'), kind: 'number', value: 500, min: 1, step: 100 },
    ],
    build: (v) => (Number(v.count) > 0 && v.modelId ? { type: 'sellGpus', modelId: String(v.modelId), count: Math.floor(Number(v.count)) } : null),
  });
  const dep = commandForm({
    id: 'fleet-depreciation',
    title: t('depreciation'),
    intro: t('depIntro'),
    fields: [{ name: 'years', label: t('yearsLabel'), kind: 'select', options: () => [4, 5, 6].map((y) => ({ value: String(y), label: `${y}` })), value: String(snap?.player.depreciationYears ?? 6) }],
    build: (v) => ({ type: 'setDepreciationLife', years: Number(v.years) as 4 | 5 | 6 }),
  });
  const live = h('div');
  const el = h('div', { id: 'panel-fleet' }, h('section', null, order.el), live, h('section', null, sell.el), h('section', null, dep.el));

  function render(s: Snapshot): void {
    const p = s.player;
    const unpowered = Math.max(0, p.gpusOwned - p.gpusInstalled);
    replace(live,
      h('section', null, table(t('catalogue'), [t('model'), t('price'), t('installedCapexHead'), 'kW', t('perfHead'), t('usdPerHourHead')], s.market.gens.filter((g) => g.released).map((g) => {
        const m = getState().scenario?.gpus.find((x) => x.id === g.modelId);
        return [g.name + (g.liquidCooled ? inParens(t('liquid')) : ''), usd(g.gpuPriceUsd, 0), usd(g.installedCapexUsdPerGpu, 0), g.kwPerGpu.toFixed(2),
          `${(m?.trainingPerfH100 ?? 0).toFixed(1)}/${(m?.inferencePerfH100 ?? 0).toFixed(1)}`, price(g.indexUsdPerGpuHour)];
      })), h('p', { className: 'muted' }, withTerms(`${labelled(t('leadTime'), `${Math.round(s.market.leadTimeWeeks)} ${t('weeksShort')}`)} · ${t('catalogueNote')}`))),
      h('section', null,
        table(t('fleet'), [t('model'), t('owned'), t('installed'), t('unpowered'), t('bookValue')], p.fleet.map((f) => [f.name, int(f.count), int(f.installed), int(f.count - f.installed), usd(f.bookUsd)])),
        h('p', { className: 'muted' }, `${int(p.gpusRented)} ${t('rented')} · ${int(p.gpusInstalled - p.gpusRented)} ${t('idle')} · ${int(unpowered)} ${t('unpowered')} · ${labelled(t('depreciation'), `${p.depreciationYears} ${t('years')}`)}`),
      ),
      h('section', null, table(t('deliveries'), [t('model'), t('count'), t('arrives'), t('total')], p.orders.map((o) => [
        o.name, int(o.count), `${weekN(o.deliveryWeek)}${inParens(`${Math.max(0, o.deliveryWeek - s.week)} ${t('weeksShort')}`)}`, usd(o.totalUsd),
      ]))),
    );
  }
  if (snap) render(snap);
  return { el, update(s) { snap = s; render(s); order.refresh(); sell.refresh(); dep.refresh(); } };
}
