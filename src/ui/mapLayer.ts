/**
 * The DOM layer over the Phaser world view: the market ticker, one button per region card (click,
 * or Tab + Enter), the region's details (your sites, power to lease/buy/build and its asking price,
 * electricity price, the rivals there) with buttons that open the Sites form filled in, and the
 * rivals' legend (letter, name, archetype). The canvas itself is decoration (aria-hidden): every
 * figure it shows is here or in the panels as text.
 */
import { h, replace } from './dom.ts';
import { t, loc, usd, price, pct, labelled, type StringKey } from './i18n.ts';
import { getState, setState, store } from '../store/ui.ts';
import type { Snapshot, RegionView } from '../store/snapshot.ts';
import { mapMsg, type MapMsgId } from '../game/messages.ts';
import { rivalColorCss, rivalLetter, rackUnit } from '../game/palette.ts';
import { iconUrl, siteIcon } from '../game/assets.ts';
import type { MapCard, MapDisc, MapExtras } from '../game/WorldScene.ts';
import type { Rect } from '../game/cardLayout.ts';
import * as app from './app.ts';
import { termSpan } from './glossary.ts';
import './map.css';

const m = (id: MapMsgId, params: Record<string, string | number> = {}): string => mapMsg(getState().settings.lang, id, params);
const mw = (x: number): string => x.toFixed(x < 10 ? 1 : 0);
const archetype = (strategy: string): string => t(`strat_${strategy}` as StringKey);

/** The default size a map shortcut pre-fills (MW): a small first site, within what the region offers. */
function suggestedMw(avail: number): number {
  return Math.max(1, Math.min(10, Math.floor(avail) || 10));
}

export interface MapLayer {
  /**
   * Where the scene drew the cards (CSS pixels inside the world view). The cards, the rivals'
   * discs, the inbound box and the texts drawn in them are also written to
   * `#map-regions[data-layout]` (JSON) for the browser tests' geometry checks
   * (test/browser/mapGeometry.ts).
   */
  layout(cards: MapCard[], extras?: MapExtras | null, discs?: MapDisc[]): void;
  update(s: Snapshot): void;
  /** Height at the bottom of the map taken by the colour legend and the rivals' legend (CSS px). */
  reservedBottomPx(): number;
  /** CSS pixels at the right of the view covered by the open region card (0 when closed): the map fits its regions beside it. */
  reservedRightPx(): number;
  /** DOM boxes over the map the cards keep clear of (the market ticker), in CSS pixels of the map. */
  reservedRects(): Rect[];
  dispose(): void;
}

export function createMapLayer(world: HTMLElement, mapOn: boolean): MapLayer {
  const ticker = h('div', { className: 'map-ticker', id: 'map-ticker' }, h('p', { id: 'map-ticker-1' }), h('p', { id: 'map-ticker-2', className: 'muted' }));
  const regionsEl = h('div', { className: 'map-regions', id: 'map-regions', role: 'group', 'aria-label': m('map.regionsGroup') });
  const detail = h('section', { className: 'region-detail', id: 'region-detail', 'aria-labelledby': 'region-detail-title', hidden: true });
  const rivals = h('ul', { className: 'rival-legend', id: 'rival-legend', 'aria-label': m('map.rivalsLegend') });
  world.append(ticker, regionsEl, detail, rivals);
  if (!mapOn) world.append(h('p', { className: 'map-off muted', id: 'map-off' }, m('map.off')));

  const buttons = new Map<string, HTMLButtonElement>();
  let cards: MapCard[] = [];
  let tickerKey = '';
  let rivalsKey = '';
  let detailKey = '';
  let buttonsKey = '';

  const select = (id: string | null) => setState({ selectedRegion: id });
  const close = () => {
    const id = getState().selectedRegion;
    select(null);
    if (id) buttons.get(id)?.focus();
  };
  detail.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close(); } });

  function placeButtons(): void {
    for (const c of cards) {
      let b = buttons.get(c.id);
      if (!b) {
        const id = c.id;
        b = h('button', { type: 'button', className: 'region-hit', 'data-region': id, 'aria-controls': 'region-detail', 'aria-expanded': 'false',
          onclick: () => select(getState().selectedRegion === id ? null : id),
          onkeydown: (e: KeyboardEvent) => { if (e.key === 'Escape' && getState().selectedRegion === id) { e.preventDefault(); close(); } },
        });
        buttons.set(id, b);
        regionsEl.append(b);
      }
      // Targets at least 24 × 24 px, centred on small cards.
      const w = Math.max(24, c.w), hh = Math.max(24, c.h);
      b.style.left = `${Math.round(c.x - (w - c.w) / 2)}px`;
      b.style.top = `${Math.round(c.y - (hh - c.h) / 2)}px`;
      b.style.width = `${Math.round(w)}px`;
      b.style.height = `${Math.round(hh)}px`;
    }
  }

  function labelButtons(s: Snapshot): void {
    const sel = getState().selectedRegion;
    const key = `${getState().settings.lang}|${sel}|` + s.regions.map((r) => `${r.id}:${regionFacts(s, r).join(',')}`).join('|');
    if (key === buttonsKey) return;
    buttonsKey = key;
    for (const r of s.regions) {
      const b = buttons.get(r.id);
      if (!b) continue;
      const [sites, mwHere, nRivals] = regionFacts(s, r);
      const label = m('map.regionButton', { name: loc(r.name), sites: sites!, mw: mw(mwHere!), rivals: nRivals! });
      b.setAttribute('aria-label', label);
      b.title = loc(r.name);
      b.setAttribute('aria-expanded', String(sel === r.id));
    }
  }

  function renderTicker(s: Snapshot): void {
    const mk = s.market;
    const arrow = mk.sentiment > 1.1 ? '▲' : mk.sentiment < 0.9 ? '▼' : '●';
    const l1 = m(mk.opening ? 'map.tickerOpening' : 'map.ticker', { price: price(mk.h100IndexUsd), util: pct(mk.utilization) });
    const l2 = m('map.ticker2', { sentiment: mk.sentiment.toFixed(2), arrow, rate: `${mk.baseRatePct.toFixed(2)}%`, unit: rackUnit(s.player.gpusOwned) });
    const key = l1 + l2;
    if (key === tickerKey) return;
    tickerKey = key;
    ticker.children[0]!.textContent = l1;
    ticker.children[1]!.textContent = l2;
  }

  function renderRivals(s: Snapshot): void {
    const key = getState().settings.lang + s.rivals.map((r) => `${r.index}${r.name}${r.strategy}${r.status}`).join('|');
    if (key === rivalsKey) return;
    rivalsKey = key;
    regionsEl.setAttribute('aria-label', m('map.regionsGroup'));
    rivals.setAttribute('aria-label', m('map.rivalsLegend'));
    replace(rivals, h('li', { className: 'rival-legend-head', 'aria-hidden': 'true' }, h('img', { src: iconUrl('rival'), alt: '', width: 16, height: 16 }), m('map.rivalsLegend')), s.rivals.map((r) => {
      const chip = h('span', { className: 'rival-chip', 'aria-hidden': 'true' }, rivalLetter(r.name));
      chip.style.background = rivalColorCss(r.index);
      return h('li', { className: r.status === 'bankrupt' ? 'gone' : '', 'data-rival': r.id },
        chip, m('map.rivalChip', { letter: '', name: r.name, archetype: archetype(r.strategy) }).trim());
    }));
  }

  function renderDetail(s: Snapshot): void {
    const id = getState().selectedRegion;
    const r = id ? s.regions.find((x) => x.id === id) : undefined;
    if (!r) {
      if (!detail.hidden) { detail.hidden = true; detailKey = ''; }
      world.classList.remove('rd-open');
      return;
    }
    const sites = s.player.sites.filter((x) => x.regionId === r.id);
    const here = s.rivals.filter((rv) => (rv.mwByRegion[r.id] ?? 0) > 0 && rv.status !== 'bankrupt');
    const key = JSON.stringify([getState().settings.lang, r, sites, here.map((x) => [x.name, x.strategy, x.mwByRegion[r.id]])]);
    if (key === detailKey) return;
    detailKey = key;
    detail.hidden = false;
    // Right after its region's button in the DOM: Tab from the button goes into the details.
    const btn = buttons.get(r.id);
    if (btn && btn.nextSibling !== detail) btn.after(detail);
    // Docked at the right edge of the map; the map fits its regions into the rest (reservedRightPx).
    world.classList.add('rd-open');
    const action = (type: 'leaseColo' | 'buyPoweredSite' | 'buildCampus', label: MapMsgId, avail: number, icon: 'colo' | 'powered' | 'campus') =>
      h('button', { type: 'button', className: 'region-act', 'data-act': type, onclick: () => {
        setState({ sitePrefill: { regionId: r.id, type, powerMw: suggestedMw(avail) } });
        app.showPanel('sites');
      } }, h('img', { src: iconUrl(siteIcon(icon)), alt: '', width: 16, height: 16 }), m(label));
    replace(detail,
      h('div', { className: 'rd-head' },
        h('h3', { id: 'region-detail-title' }, loc(r.name)),
        h('button', { type: 'button', className: 'rd-close', id: 'region-close', 'aria-label': labelled(m('region.close'), loc(r.name)), onclick: close }, '×'),
      ),
      h('h4', null, m('region.yourSites')),
      sites.length === 0 ? h('p', { className: 'muted' }, m('region.noSites')) : h('ul', { className: 'rd-sites' }, sites.map((x) => h('li', null,
        h('img', { src: iconUrl(siteIcon(x.kind)), alt: '', width: 16, height: 16 }),
        m('region.siteRow', { kind: m(`site.${x.kind}`), mw: mw(x.powerMw), status: m(`status.${x.status}`) })))),
      h('h4', null, m('region.power')),
      h('ul', { className: 'rd-facts' },
        h('li', { 'data-fact': 'coloc' }, termSpan(m('region.coloc', { mw: mw(r.colocAvailableMw), price: price(r.colocUsdPerKwMonth), weeks: r.colocLeadWeeks }))),
        h('li', { 'data-fact': 'powered' }, m('region.powered', { mw: mw(r.poweredSiteAvailableMw), price: usd(r.poweredSiteUsdPerMw), weeks: r.poweredSiteLeadWeeks })),
        h('li', { 'data-fact': 'grid' }, m('region.grid', { mw: mw(r.gridAvailableMw), weeks: r.gridQueueWeeks })),
        h('li', { 'data-fact': 'campus' }, m('region.campus', { price: usd(r.buildCapexUsdPerMw), weeks: r.buildWeeks })),
        r.capacityMw > 0 ? h('li', null, m('region.usage', { used: mw(r.usedMw), capacity: mw(r.capacityMw) })) : null,
      ),
      h('h4', null, m('region.prices')),
      h('ul', { className: 'rd-facts' },
        h('li', { 'data-fact': 'energy' }, termSpan(m('region.energy', { price: price(r.powerUsdPerMwh), pue: r.pue.toFixed(2) }))),
        r.curtailShare > 0 ? h('li', { className: 'warn' }, m('region.curtailedNow', { pct: pct(r.curtailShare) })) : null,
      ),
      h('h4', null, h('img', { src: iconUrl('rival'), alt: '', width: 16, height: 16 }), m('region.rivals')),
      here.length === 0 ? h('p', { className: 'muted' }, m('region.noRivals')) : h('ul', { className: 'rd-rivals' }, here.map((rv) => {
        const chip = h('span', { className: 'rival-chip', 'aria-hidden': 'true' }, rivalLetter(rv.name));
        chip.style.background = rivalColorCss(rv.index);
        return h('li', { 'data-rival': rv.id }, chip, m('region.rivalRow', { name: rv.name, archetype: archetype(rv.strategy), mw: mw(rv.mwByRegion[r.id] ?? 0) }));
      })),
      h('div', { className: 'rd-actions', role: 'group', 'aria-label': m('region.actions') },
        action('leaseColo', 'region.leaseHere', r.colocAvailableMw, 'colo'),
        action('buyPoweredSite', 'region.buyHere', r.poweredSiteAvailableMw, 'powered'),
        action('buildCampus', 'region.buildHere', r.gridAvailableMw, 'campus'),
      ),
    );
  }

  const render = (s: Snapshot) => {
    renderTicker(s);
    renderRivals(s);
    labelButtons(s);
    renderDetail(s);
  };
  const s0 = getState().snapshot;
  if (s0) render(s0);
  const unsub = store.subscribe((st, prev) => {
    if (!st.snapshot) return;
    if (st.snapshot !== prev.snapshot || st.selectedRegion !== prev.selectedRegion || st.settings.lang !== prev.settings.lang) render(st.snapshot);
  });

  return {
    layout(next, extras, discs = []) {
      cards = next;
      placeButtons();
      if (extras) regionsEl.dataset.layout = JSON.stringify({ ...extras, cards: next.map(({ id, x, y, w, h }) => ({ id, x, y, w, h })), discs: discs.map(({ regionId, x, y, r }) => ({ regionId, x, y, r })) });
      const s = getState().snapshot;
      if (s) { buttonsKey = ''; labelButtons(s); }
    },
    update: render,
    reservedRightPx() {
      if (detail.hidden) return 0;
      return Math.max(0, world.getBoundingClientRect().right - detail.getBoundingClientRect().left);
    },
    reservedRects() {
      const w = world.getBoundingClientRect();
      const r = ticker.getBoundingClientRect();
      return r.width > 0 ? [{ x: r.left - w.left, y: r.top - w.top, w: r.width, h: r.height }] : [];
    },
    reservedBottomPx() {
      const bottom = world.getBoundingClientRect().bottom;
      let top = bottom;
      for (const el of world.querySelectorAll<HTMLElement>('.legend, .rival-legend')) if (el.offsetHeight > 0) top = Math.min(top, el.getBoundingClientRect().top);
      return Math.max(0, bottom - top);
    },
    dispose() { unsub(); },
  };
}

/** [sites of the player here, the player's MW here, rivals present] */
function regionFacts(s: Snapshot, r: RegionView): number[] {
  const sites = s.player.sites.filter((x) => x.regionId === r.id);
  return [sites.length, sites.reduce((a, x) => a + x.powerMw, 0), s.rivals.filter((rv) => (rv.mwByRegion[r.id] ?? 0) > 0 && rv.status !== 'bankrupt').length];
}
