/** Market: price index per generation, rivals' public figures, sentiment, base rate. */
import { h, replace, table } from '../dom.ts';
import { t, int, pct, price, num, parens, type StringKey } from '../i18n.ts';
import { stack } from './sites.ts';
import { getState } from '../../store/ui.ts';
import type { Snapshot } from '../../store/snapshot.ts';
import type { Panel } from './types.ts';
import { rivalColorCss, rivalLetter } from '../../game/palette.ts';
import { term } from '../glossary.ts';
import { rivalFigures } from './rivalFigures.ts';

export function marketPanel(): Panel {
  const el = h('div', { id: 'panel-market' });
  function render(s: Snapshot): void {
    const m = s.market;
    replace(el,
      h('section', null, table(t('market'), ['', t('nowHead')], [
        [h('span', null, t('demand'), parens().gap, parens().open, term('h100e', 'H100e'), parens().close), num(m.demandH100e)],
        [h('span', null, t('supply'), parens().gap, parens().open, term('h100e', 'H100e'), parens().close), num(m.supplyH100e)],
        [t('utilization'), pct(m.utilization)],
        [term('h100Index', t('h100Index')), price(m.h100IndexUsd)],
        [term('sentiment', t('sentiment')), m.sentiment.toFixed(2) + (m.sentiment > 1.15 ? ` ▲ ${t('hot')}` : m.sentiment < 0.85 ? ` ▼ ${t('cold')}` : ` ● ${t('neutral')}`)],
        [t('baseRate'), m.baseRatePct.toFixed(2) + '%'],
        [t('leadTime'), `${Math.round(m.leadTimeWeeks)} ${t('weeksShort')}`],
      ])),
      h('section', null, table(t('priceIndex'), [t('model'), t('indexHead'), t('peakHead'), t('referenceHead'), t('installedGpusHead')], m.gens.filter((g) => g.released).map((g) => [
        g.name, price(g.indexUsdPerGpuHour), price(g.peakIndexUsdPerGpuHour), price(g.referenceUsdPerGpuHour), int(g.installedGpus),
      ]))),
      h('section', null, table(t('rivals'), [t('rivalHead'), t('strategy'), t('gpusHead'), t('utilShort'), t('debt'), t('valuation'), t('priceX')], s.rivals.map((r) => {
        // Its map letter in its colour, as on the map's legend (a chip, not text: "H · Hypergrid" took
        // two lines at 1280×720 and pushed the figures right).
        const chip = h('span', { className: 'rival-chip', 'aria-hidden': 'true' }, rivalLetter(r.name));
        chip.style.background = rivalColorCss(r.index);
        const f = rivalFigures(r);
        return [
          h('span', { className: 'rival-name' }, chip, h('span', null, `${r.name}${r.status === 'bankrupt' ? ` ✕ ${t('bankrupt')}` : ''}`)), h('span', { className: 'keep-words' }, t(('strat_' + r.strategy) as StringKey)), f.gpus, f.utilization,
          f.debt, f.perShare !== null ? stack(f.valuation, f.perShare) : f.valuation, f.rentOverIndex,
        ];
      }), { className: 'compact rivals', numericFrom: 2 })),
    );
  }
  const s0 = getState().snapshot;
  if (s0) render(s0);
  return { el, update: render };
}
