/** Main screen: top bar, Phaser world view, news feed, decision panels, quarterly report, saves. */
import { h, replace } from '../dom.ts';
import { t, loc, usd, price, weekN, labelled, inParens } from '../i18n.ts';
import { getState, setState, store, type PanelId } from '../../store/ui.ts';
import type { Snapshot, Speed, PauseReason } from '../../store/snapshot.ts';
import * as app from '../app.ts';
import { classTopbarItem } from '../class/gameItem.ts';
import { download } from '../dom.ts';
import { statements } from '../statements.ts';
import type { Panel } from '../panels/types.ts';
import { financePanel } from '../panels/finance.ts';
import { fleetPanel } from '../panels/fleet.ts';
import { sitesPanel } from '../panels/sites.ts';
import { customersPanel } from '../panels/customers.ts';
import { marketPanel } from '../panels/market.ts';
import { reportsPanel } from '../panels/reports.ts';
import { msg, newsText, covenantValue, covenantLimit, gameOverText } from '../advice.ts';
import { onboarding } from '../onboarding.ts';
import { glossaryEntries, term, withTerms } from '../glossary.ts';
import type { AdvisorWarning } from '../../engine/advisor.ts';
import { createMapLayer } from '../mapLayer.ts';
import { newsList } from '../newsList.ts';
import { queuedList } from '../queuedList.ts';
import { keepGrowing } from '../steadySize.ts';

const PANELS: { id: PanelId; key: string; make: () => Panel }[] = [
  { id: 'finance', key: 'F', make: financePanel },
  { id: 'fleet', key: 'G', make: fleetPanel },
  { id: 'sites', key: 'S', make: sitesPanel },
  { id: 'customers', key: 'C', make: customersPanel },
  { id: 'market', key: 'M', make: marketPanel },
  { id: 'reports', key: 'R', make: reportsPanel },
];

const SPEEDS: { s: Speed; label: string; key: string; title: () => string }[] = [
  { s: 0, label: '❚❚', key: 'Space', title: () => t('pause') },
  { s: 1, label: '▶ 1×', key: '1', title: () => t('speed1') },
  { s: 2, label: '▶▶ 2×', key: '2', title: () => t('speed2') },
  { s: 4, label: '▶▶▶ 4×', key: '4', title: () => t('speed4') },
];

function stat(id: string, label: string | HTMLElement): HTMLElement {
  return h('div', { className: 'stat', id: `stat-${id}` }, h('span', { className: 'k' }, label), h('span', { className: 'v', 'aria-live': 'off' }, '—'));
}
function setStat(id: string, text: string, cls = ''): void {
  const v = document.querySelector<HTMLElement>(`#stat-${id} .v`);
  if (!v) return;
  if (v.textContent !== text) v.textContent = text;
  v.className = 'v ' + cls;
}

export function renderGame(root: HTMLElement): () => void {
  const cleanups: (() => void)[] = [];
  const newsLive = h('p', { className: 'sr-only', id: 'news-live', 'aria-live': 'polite' });
  const helpDlg = h('dialog', { id: 'help-dialog', 'aria-labelledby': 'help-title' });
  const s00 = getState().snapshot;
  const guide = s00 ? onboarding(s00) : null;
  const classCap = getState().classPlay?.config.rules.maxSpeed ?? null;
  const speedBtns = SPEEDS.map((sp) => h('button', {
    // A class's speed cap (app.setSpeed refuses faster speeds too).
    disabled: classCap !== null && sp.s > classCap,
    type: 'button', 'aria-pressed': 'false', 'aria-label': `${sp.title()}${inParens(sp.key)}`, title: `${sp.title()}${inParens(sp.key)}`, 'data-speed': sp.s,
    onclick: () => { app.rememberSpeed(sp.s); app.setSpeed(sp.s); },
  }, sp.label));
  const stepBtn = h('button', { type: 'button', id: 'step-btn', 'aria-label': labelled(`+1 ${t('weeksShort')}`, `${t('stepWeek')} (.)`), title: `${t('stepWeek')} (.)`, onclick: () => void app.stepWeeks(1) }, `+1 ${t('weeksShort')} ▸`);
  const statusPill = h('span', { className: 'status-pill', id: 'run-status', role: 'status' }, t('paused'));
  const topbar = h('header', { className: 'topbar' },
    h('span', { className: 'brand', title: t('gameName') }, '◆ ', h('span', { className: 'brand-name' }, t('gameName'))),
    stat('date', t('week')), stat('cash', t('cash')), stat('runway', term('runway', t('runway'))), stat('debt', t('debt')), stat('equity', t('valuation')), stat('util', t('utilization')),
    h('div', { className: 'speed', role: 'group', 'aria-label': t('speedGroup') }, statusPill, speedBtns, stepBtn,
      h('button', { type: 'button', id: 'help-btn', 'aria-label': msg('help'), title: msg('help'), onclick: () => openHelp() }, '?'),
      h('button', { type: 'button', id: 'save-btn', onclick: () => openSaveDialog() }, t('save')),
      h('button', { type: 'button', id: 'menu-btn', onclick: () => openLeaveDialog() }, t('menu')),
      classTopbarItem(),
    ),
  );

  const world = h('section', { className: 'world', id: 'world', 'aria-label': t('worldView') },
    h('div', { className: 'legend', 'aria-hidden': 'true' },
      h('span', null, h('i', { className: 'lg-rented' }), t('legendRented')),
      h('span', null, h('i', { className: 'lg-idle' }), t('legendIdle')),
      h('span', null, h('i', { className: 'lg-unpowered' }), t('legendUnpowered')),
      h('span', null, h('i', { className: 'lg-building' }), t('legendBuilding')),
    ),
    h('p', { className: 'sr-only', id: 'world-summary', 'aria-live': 'off' }),
  );
  const newsFeed = newsList();
  const news = h('section', { className: 'news', 'aria-labelledby': 'news-h' }, h('h2', { id: 'news-h' }, t('news')), newsFeed.el, newsLive);

  const tabs = PANELS.map((p) => h('button', {
    type: 'button', role: 'tab', id: `tab-${p.id}`, 'aria-controls': 'panel', 'aria-selected': 'false', 'data-panel': p.id, tabindex: -1,
    onclick: () => { app.showPanel(p.id); revealDock(); },
  }, t(p.id), h('kbd', { 'aria-hidden': 'true' }, p.key)));
  const tablist = h('div', { className: 'tabs', role: 'tablist', 'aria-label': t('decisions') }, tabs);
  tablist.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const focused = (document.activeElement as HTMLElement | null)?.dataset.panel ?? getState().panel;
    const i = PANELS.findIndex((p) => p.id === focused);
    const next = PANELS[(i + (e.key === 'ArrowRight' ? 1 : PANELS.length - 1)) % PANELS.length]!;
    app.showPanel(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
    e.preventDefault();
  });
  const panelEl = h('div', { className: 'panel', role: 'tabpanel', id: 'panel', tabindex: 0 });
  const queued = queuedList();
  const dock = h('aside', { className: 'dock', 'aria-label': t('decisions') }, guide?.el ?? null, queued.el, tablist, panelEl);
  const quarterDlg = h('dialog', { id: 'quarter-dialog', 'aria-labelledby': 'quarter-title' });
  const newsDlg = h('dialog', { id: 'news-dialog', className: 'small', 'aria-labelledby': 'news-title' });
  const saveDlg = h('dialog', { id: 'save-dialog', className: 'small', 'aria-labelledby': 'save-title' });
  const overDlg = h('dialog', { id: 'over-dialog', className: 'small', 'aria-labelledby': 'over-title' });
  const leaveDlg = h('dialog', { id: 'leave-dialog', className: 'small', 'aria-labelledby': 'leave-title' });
  const advisorList = h('ul', { id: 'advisor-list' });
  // The strip is one line high whatever it holds (the map's size never follows it): the most
  // pressing warning, and a button that opens them all with what can be done.
  const advisorMore = h('button', { type: 'button', id: 'advisor-more', hidden: true, onclick: () => { const s = getState().snapshot; if (s) showAdvisor(byUrgency(s.advice.warnings)); } });
  const advisorEl = h('section', { className: 'advisor', id: 'advisor', 'aria-label': msg('advisor') }, advisorList, advisorMore);
  const advisorLive = h('p', { className: 'sr-only', id: 'advisor-live', 'aria-live': 'polite' });
  const advisorDlg = h('dialog', { id: 'advisor-dialog', className: 'small', 'aria-labelledby': 'advisor-title' });
  const main = h('div', { className: 'main' }, h('div', { className: 'left' }, world, news), dock);
  /** In one column (a narrow window: the main area scrolls, style.css) a chosen tab brings the decisions into view. */
  const revealDock = () => { if (main.scrollHeight > main.clientHeight + 1) dock.scrollIntoView({ block: 'nearest' }); };
  const view = h('div', { className: 'game', id: 'game' }, topbar, advisorEl, advisorLive,
    main,
    quarterDlg, newsDlg, saveDlg, overDlg, advisorDlg, leaveDlg, helpDlg);
  root.replaceChildren(view);
  // The map's size must not follow the weekly changes of the top bar's figures and the advisor's
  // warnings: each resize of its canvas redraws the whole map (see steadySize.ts).
  for (const el of topbar.querySelectorAll<HTMLElement>('.stat')) cleanups.push(keepGrowing(el, 'width'));
  cleanups.push(keepGrowing(statusPill, 'width'), keepGrowing(topbar, 'height'));

  // ----- panels -----
  let panel: Panel | null = null;
  let panelId: PanelId | null = null;
  let lastPanelUpdate = 0;
  const showPanel = (id: PanelId) => {
    if (id === panelId) return;
    panelId = id;
    for (const b of tabs) {
      const on = b.dataset.panel === id;
      b.setAttribute('aria-selected', on ? 'true' : 'false');
      b.tabIndex = on ? 0 : -1;
    }
    panelEl.setAttribute('aria-labelledby', `tab-${id}`);
    panel = PANELS.find((p) => p.id === id)!.make();
    panelEl.replaceChildren(panel.el);
    panelEl.scrollTop = 0;
  };
  showPanel(getState().panel);

  // ----- world view (Phaser, its own chunk) -----
  let destroyWorld: (() => void) | null = null;
  let disposed = false;
  const noWorld = new URLSearchParams(location.search).get('world') === '0';
  // The DOM layer over the map: ticker, region buttons and details, rivals' legend (also without the canvas).
  const mapLayer = createMapLayer(world, !noWorld);
  cleanups.push(() => mapLayer.dispose());
  if (!noWorld) void import('../../game/mount.ts').then(async (m) => {
    if (disposed) return;
    destroyWorld = await m.mountWorld(world, (cards, discs, extras) => mapLayer.layout(cards, extras, discs), () => mapLayer.reservedBottomPx(), () => mapLayer.reservedRightPx(), () => mapLayer.reservedRects());
    if (disposed) destroyWorld();
  }).catch((e) => {
    console.warn('World view failed to start', e);
    world.append(h('p', { className: 'muted' }, t('worldViewFailed')));
  });

  // ----- updates -----
  let advisorKey = '';
  let pendingNewsId: string | null = null;
  const seenDanger = new Set<string>();
  let lastNewsSeq = '';
  /** The valuation at week 0 as this screen showed it (the first quarter report compares with it). */
  let openingEquityUsd: number | null = null;
  const update = (s: Snapshot, force = false) => {
    const p = s.player;
    if (s.week === 0) openingEquityUsd = p.equityValueUsd;
    setStat('date', `${s.dateIso} · ${s.quarterLabel}`);
    setStat('cash', usd(p.cashUsd), p.cashUsd < 0 ? 'bad' : '');
    // After the end there is no runway to count (the engine projects nothing for a company that is gone).
    if (s.over) setStat('runway', msg('runwayOver'));
    else setStat('runway', p.runwayWeeks === null ? msg('runwayBeyond', { weeks: s.advice.horizonWeeks }) : `${Math.floor(p.runwayWeeks)} ${t('weeksShort')}${p.runwayWeeks < 26 ? ' ⚠' : ''}`, p.runwayWeeks !== null && p.runwayWeeks < 26 ? (p.runwayWeeks < 13 ? 'bad' : 'warn') : '');
    setStat('debt', usd(p.debtUsd));
    const eq = document.querySelector('#stat-equity .k');
    if (eq) eq.textContent = p.listed ? t('sharePrice') : t('valuation');
    setStat('equity', p.listed && p.status === 'active' ? `${price(p.sharePriceUsd)} · ${usd(p.equityValueUsd)}` : usd(p.equityValueUsd));
    renderAdvisor(s);
    setStat('util', `${Math.round(p.last.utilization * 100)}%`);
    for (const b of speedBtns) b.setAttribute('aria-pressed', String(Number(b.dataset.speed) === (s.paused ? 0 : s.speed)));
    stepBtn.disabled = !s.paused || s.over;
    const st = s.over ? t('ended') : s.paused ? t('paused') : `${t('running')} ${s.speed}×`;
    if (statusPill.textContent !== st) statusPill.textContent = st;
    statusPill.className = 'status-pill' + (s.paused ? '' : ' run');
    const sum = document.getElementById('world-summary');
    if (sum) sum.textContent = msg('world.summary', { sites: p.sites.length, owned: p.gpusOwned, rented: p.gpusRented, idle: p.gpusInstalled - p.gpusRented, unpowered: p.gpusOwned - p.gpusInstalled, orders: p.orders.length });
    const newsKey = `${s.newsTotal}:${getState().settings.lang}`;
    if (newsKey !== lastNewsSeq) {
      const announce = lastNewsSeq !== '' && lastNewsSeq.split(':')[1] === newsKey.split(':')[1];
      lastNewsSeq = newsKey;
      newsFeed.update(s, !announce);
      const latest = s.news[s.news.length - 1];
      if (announce && latest) newsLive.textContent = msg('newsArrived', { headline: newsText(latest.headline) });
    }
    guide?.update(s);
    queued.update(s);
    if (force) { lastPanelUpdate = performance.now(); panel?.update(s); } else schedulePanel();
  };
  // The panel re-renders in a task of its own (not inside the snapshot's delivery), with the newest
  // snapshot, at most every 250 ms — every second while time runs at 2× or 4× (its tables are the
  // biggest DOM rebuild; at 4× four weeks pass per second).
  let panelTimer = 0;
  function schedulePanel(): void {
    if (panelTimer) return;
    const s = getState().snapshot;
    const every = s && !s.paused && s.speed >= 2 ? 1000 : 250;
    panelTimer = window.setTimeout(() => {
      panelTimer = 0;
      const latest = getState().snapshot;
      if (!latest || !panel || disposed) return;
      lastPanelUpdate = performance.now();
      panel.update(latest);
    }, Math.max(0, lastPanelUpdate + every - performance.now()));
  }
  const s0 = getState().snapshot;
  if (s0) update(s0, true);
  cleanups.push(store.subscribe((st, prev) => {
    if (st.panel !== prev.panel) { showPanel(st.panel); revealDock(); }
    if (st.snapshot && st.snapshot !== prev.snapshot) {
      update(st.snapshot);
      if (st.snapshot.over && (!prev.snapshot?.over || (overDlg.open && !prev.snapshot.advice.gameOver))) showOver(st.snapshot);
      if (pendingNewsId && st.snapshot.news.some((x) => x.id === pendingNewsId)) showNews(pendingNewsId);
    }
  }));

  // ----- auto-pause: quarterly report and major news -----
  cleanups.push(app.onAutoPause((r: PauseReason) => {
    const s = getState().snapshot;
    if (r.kind === 'quarter') void showQuarter();
    else if (r.kind === 'news' && s) showNews(r.newsId);
    else if (r.kind === 'over' && s) showOver(s);
  }));

  // ----- advisor: warnings from the engine, auto-pause on a new danger -----
  function warningText(w: AdvisorWarning): string {
    let text = msg(w.id, w.params);
    if (w.id === 'warn.covenantLiquidity' || w.id === 'warn.covenantLeverage' || w.id === 'warn.covenantDebtService') {
      const fatal = w.id === 'warn.covenantDebtService' ? 'warn.fatalDebtService' : 'warn.fatal';
      const cure = typeof w.params.cureUsd === 'number' && w.params.cureUsd > 0;
      text += ' ' + (w.params.fatal ? msg(fatal) : cure ? msg('warn.prepayCure', w.params) : w.params.repaid ? msg('warn.repaid') : msg('warn.waiver', w.params));
    }
    if (w.id === 'alert.gpusAwaitingPower' && typeof w.params.onWayMw === 'number' && w.params.onWayMw > 0) {
      text += ' ' + msg(w.params.coveredGpus === w.params.count ? 'alert.powerOnTheWayAll' : 'alert.powerOnTheWayPart', w.params);
    }
    return text;
  }
  function warningItem(w: AdvisorWarning, withActions: boolean): HTMLElement {
    const icon = w.severity === 'danger' ? '⚠' : w.severity === 'warn' ? '!' : 'i';
    return h('li', { className: `adv adv-${w.severity}`, 'data-warning': w.id },
      h('span', { className: 'adv-sev' }, `${icon} ${msg('sev.' + w.severity)}`), ' ',
      h('span', { className: 'adv-text' }, withTerms(warningText(w))),
      withActions && w.actions.length ? h('span', { className: 'adv-actions' }, ' ' + msg('canDoList', { actions: w.actions.map((a) => msg(a)).join(' · ') })) : null,
    );
  }
  /** Dangers first, then warnings, then information (each group in the engine's order: soonest first). */
  function byUrgency(ws: readonly AdvisorWarning[]): AdvisorWarning[] {
    const rank = { danger: 0, warn: 1, info: 2 } as const;
    return ws.map((w, i) => ({ w, i })).sort((a, b) => rank[a.w.severity] - rank[b.w.severity] || a.i - b.i).map((x) => x.w);
  }
  function renderAdvisor(s: Snapshot): void {
    const ws = byUrgency(s.advice.warnings);
    const key = `${getState().settings.lang}${s.over ? '|over' : ''}|` + ws.map((w) => `${w.id}:${w.inWeeks}:${JSON.stringify(w.params)}`).join('|');
    // A new danger (or a new breach the next quarter) pauses the game and says what could be done.
    // A danger counts as seen only once the dialog has shown it: one that first appears while the
    // game is paused (by the player, or by a quarterly report or news of the same week) pauses the
    // game with the dialog as soon as time runs again.
    const fresh = ws.filter((w) => w.severity === 'danger' && !seenDanger.has(`${w.id}@${Number(w.params.week ?? 0)}`));
    if (fresh.length > 0 && !s.paused && !s.over && getState().settings.autoPauseOnMajorNews) {
      for (const w of fresh) seenDanger.add(`${w.id}@${Number(w.params.week ?? 0)}`);
      app.setSpeed(0);
      showAdvisor(fresh);
    }
    if (key === advisorKey) return;
    const idsBefore = advisorKey.split('|').slice(1).map((k) => k.split(':')[0]).join(',');
    advisorKey = key;
    // One line: the most pressing warning (the whole list, with what can be done, behind the button).
    const first = ws[0];
    // After the end, "no warnings projected" would read as good news: say the game is over instead.
    replace(advisorList, first ? warningItem(first, first.severity !== 'info') : h('li', { className: 'adv adv-none muted' }, s.over ? msg('over.strip') : msg('noWarnings', { weeks: s.advice.horizonWeeks })));
    advisorMore.hidden = ws.length === 0;
    advisorMore.textContent = ws.length > 1 ? msg('advMore', { n: ws.length - 1 }) : msg('advDetails');
    advisorEl.classList.toggle('has-danger', ws.some((w) => w.severity === 'danger'));
    // Announce only when the set of warnings changes (not every week's countdown).
    const idsNow = ws.map((w) => w.id).join(',');
    if (idsNow !== idsBefore) advisorLive.textContent = ws.filter((w) => w.severity !== 'info').map(warningText).join(' ');
  }
  // Each dialog opens with the focus on its main button (autofocus), not on the first focusable
  // glossary word in its text (which would open that word's tooltip over the dialog).
  function showAdvisor(ws: AdvisorWarning[]): void {
    replace(advisorDlg,
      h('div', { className: 'dlg-head' }, h('span', { 'aria-hidden': 'true' }, '⚠'), h('h2', { id: 'advisor-title' }, msg('advisor'))),
      h('div', { className: 'dlg-body' }, h('ul', { className: 'adv-dialog-list' }, ws.map((w) => warningItem(w, true)))),
      h('div', { className: 'dlg-foot' }, h('button', { type: 'button', className: 'primary', id: 'advisor-continue', autofocus: true, onclick: () => advisorDlg.close() }, t('continue'))),
    );
    if (!advisorDlg.open && !quarterDlg.open && !overDlg.open) advisorDlg.showModal();
  }

  async function showQuarter(): Promise<void> {
    const h0 = app.currentHost();
    const s = (await h0?.snapshotNow()) ?? getState().snapshot;
    if (!s) return;
    const qs = s.quarters;
    const q = qs[qs.length - 1];
    if (!q) return;
    const prev = qs[qs.length - 2];
    const eqNow = q.equityValueUsd;
    // The first quarter compares with the week-0 mark this screen saw (the same rule as every week's
    // mark), never with the scenario's last-round figure; a game loaded mid-quarter states the value only.
    const eqPrev = prev?.equityValueUsd ?? openingEquityUsd;
    const move = eqPrev ? (eqNow - eqPrev) / eqPrev : 0;
    const revGrowth = prev && prev.revenueUsd ? (q.revenueUsd - prev.revenueUsd) / prev.revenueUsd : null;
    const reaction = q.sharePriceUsd !== null
      ? msg(move >= 0 ? 'q.sharesUp' : 'q.sharesDown', { pct: Math.abs(move * 100), price: price(q.sharePriceUsd), cap: q.marketCapUsd ?? 0 })
      : eqPrev ? msg('q.value', { v: eqNow, sign: move >= 0 ? '+' : '−', pct: Math.abs(move * 100) }) : msg('q.valueOnly', { v: eqNow });
    const why = [
      revGrowth !== null ? msg(revGrowth >= 0 ? 'q.revUp' : 'q.revDown', { pct: Math.abs(revGrowth * 100) }) : msg('q.first'),
      msg('q.margin', { m: q.revenueUsd ? `${((q.adjustedEbitdaUsd / q.revenueUsd) * 100).toFixed(0)}%` : '—', ni: q.netIncomeUsd }),
      q.gpusIdle > 0 ? msg('q.idle', { n: q.gpusIdle }) : '',
      q.covenantBreached ? msg('q.breach') : '',
    ].filter(Boolean).join(' ');
    replace(quarterDlg,
      h('div', { className: 'dlg-head' }, h('span', { 'aria-hidden': 'true' }, '▤'), h('h2', { id: 'quarter-title' }, `${t('quarterReport')} — ${q.label}`)),
      h('div', { className: 'dlg-body' },
        h('div', { className: 'reaction ' + (move >= 0 ? 'up' : 'down') }, h('strong', null, labelled(t('marketReaction'))), (move >= 0 ? '▲ ' : '▼ ') + reaction, h('br'), h('span', { className: 'muted' }, withTerms(why))),
        h('div', { className: 'q-grid' }, statements(q, prev)),
      ),
      h('div', { className: 'dlg-foot' }, h('button', { type: 'button', className: 'primary', id: 'quarter-continue', autofocus: true, onclick: () => quarterDlg.close() }, t('continue'))),
    );
    if (!quarterDlg.open) quarterDlg.showModal();
    (document.getElementById('quarter-continue') as HTMLButtonElement | null)?.focus();
  }

  function showNews(id: string): void {
    const s = getState().snapshot;
    const n = s?.news.find((x) => x.id === id);
    // The pause can arrive before the snapshot that carries the news item: show it with that snapshot.
    if (!n) { pendingNewsId = id; return; }
    pendingNewsId = null;
    replace(newsDlg,
      h('div', { className: 'dlg-head' }, h('span', { 'aria-hidden': 'true' }, '★'), h('h2', { id: 'news-title' }, newsText(n.headline))),
      h('div', { className: 'dlg-body' }, h('p', null, h('strong', null, labelled(t('whatItMeans'))), newsText(n.explanation))),
      h('div', { className: 'dlg-foot' }, h('button', { type: 'button', className: 'primary', id: 'news-continue', autofocus: true, onclick: () => newsDlg.close() }, t('continue'))),
    );
    if (!newsDlg.open && !quarterDlg.open) newsDlg.showModal();
  }

  function showOver(s0: Snapshot): void {
    // The pause can arrive before the snapshot that says why: use the newest, and refresh an open dialog.
    const latest = getState().snapshot;
    const s = latest && latest.seq >= s0.seq ? latest : s0;
    const wasOpen = overDlg.open;
    if (wasOpen && !s.advice.gameOver) return;
    if (!wasOpen) void app.autosave();
    // Fetch the debrief's code (screen, charts, uPlot) while the player reads this dialog.
    if (!wasOpen) void Promise.all([import('./debrief.ts'), import('../charts.ts')]).catch(() => undefined);
    const title = s.status === 'bankrupt' ? t('bankrupt') : t('ended');
    // A bankrupt company can go back to the last quarter close before the end (a save cut at that week).
    const endWeek = s.advice.gameOver?.week ?? s.week;
    // Not in a class game: its rules (attempts, hand-in) hold for the game as played.
    const resumeWeek = s.status === 'bankrupt' && !getState().classPlay ? Math.floor(Math.max(0, endWeek - 1) / 13) * 13 : 0;
    const resumeLabel = s.quarters[resumeWeek / 13 - 1]?.label ?? '';
    replace(overDlg,
      h('div', { className: 'dlg-head' }, h('h2', { id: 'over-title' }, title)),
      h('div', { className: 'dlg-body' },
        h('p', { id: 'over-reason' }, s.advice.gameOver ? withTerms(gameOverText(s.advice.gameOver)) : s.dateIso),
        // Lenders called the loans (an old save, without the engine's record of the covenant): name the covenant tests failing at the end, with their figures.
        s.advice.gameOver?.kind === 'covenant' && !s.advice.gameOver.cause ? s.advice.covenantsNow.filter((c) => !c.pass).map((c) => h('p', { className: 'over-failing' }, withTerms(msg('over.failing', { test: msg('cov.' + c.id), value: covenantValue(c.id, c.value), limit: covenantLimit(c.id, c.limit) })))) : null,
        s.advice.gameOver?.kind === 'objectives' ? h('ul', null, s.objectives.filter((o) => !o.met).map((o) => h('li', null, '✕ ', withTerms(loc(o.label))))) : null,
      ),
      h('div', { className: 'dlg-foot' },
        resumeWeek > 0 ? h('button', { type: 'button', id: 'over-load-quarter', onclick: async (e: Event) => {
          (e.currentTarget as HTMLButtonElement).disabled = true;
          const r = await app.resumeQuarter(resumeWeek);
          if (r.ok) overDlg.close(); else { (e.currentTarget as HTMLButtonElement | null)?.removeAttribute('disabled'); app.toast(r.reason, 'error'); }
        } }, msg('over.loadQuarter', { week: resumeWeek, quarter: resumeLabel })) : null,
        h('button', { type: 'button', className: 'primary', id: 'go-debrief', autofocus: true, onclick: () => { overDlg.close(); quarterDlg.close(); newsDlg.close(); app.goDebrief(); } }, t('endGame') + ' ▸')),
    );
    if (quarterDlg.open) quarterDlg.close();
    if (newsDlg.open) newsDlg.close();
    if (advisorDlg.open) advisorDlg.close();
    if (!wasOpen) overDlg.showModal();
  }

  function openHelp(): void {
    app.setSpeed(0);
    replace(helpDlg,
      h('div', { className: 'dlg-head' }, h('h2', { id: 'help-title' }, msg('help'))),
      h('div', { className: 'dlg-body' },
        h('h3', null, msg('keysTitle')), h('p', null, t('keyboard')),
        h('h3', null, msg('glossary')),
        h('dl', { className: 'glossary', id: 'glossary' }, glossaryEntries().map((e) => [h('dt', null, e.term), h('dd', null, e.definition)])),
      ),
      h('div', { className: 'dlg-foot' }, h('button', { type: 'button', className: 'primary', id: 'help-close', autofocus: true, onclick: () => helpDlg.close() }, t('continue'))),
    );
    helpDlg.showModal();
  }

  function openLeaveDialog(): void {
    app.setSpeed(0);
    const s = getState().snapshot;
    replace(leaveDlg,
      h('div', { className: 'dlg-head' }, h('h2', { id: 'leave-title' }, t('leaveTitle'))),
      h('div', { className: 'dlg-body' }, h('p', null, `${t('leaveBody')} ${s ? `${weekN(s.week)} · ${s.dateIso}` : ''}`)),
      h('div', { className: 'dlg-foot' },
        h('button', { type: 'button', id: 'leave-cancel', onclick: () => leaveDlg.close() }, t('stayHere')),
        h('button', { type: 'button', className: 'primary', id: 'leave-confirm', onclick: () => { leaveDlg.close(); void app.goMenu(); } }, t('leaveConfirm')),
      ),
    );
    leaveDlg.showModal();
    (document.getElementById('leave-cancel') as HTMLButtonElement | null)?.focus();
  }

  function openSaveDialog(): void {
    app.setSpeed(0);
    const input = h('input', { type: 'text', id: 'save-name', value: `${getState().scenario?.id ?? 'game'} ${getState().snapshot?.dateIso ?? ''}`, maxlength: 80 });
    const status = h('p', { role: 'status', id: 'save-status' });
    let confirmReplace: string | null = null;
    input.addEventListener('input', () => { confirmReplace = null; confirmBtn.textContent = t('save'); });
    replace(saveDlg,
      h('div', { className: 'dlg-head' }, h('h2', { id: 'save-title' }, t('saveGame'))),
      h('div', { className: 'dlg-body' },
        h('label', { for: 'save-name' }, t('saveName'), input),
        h('label', { className: 'check' }, h('input', { type: 'checkbox', id: 'opt-news', checked: getState().settings.autoPauseOnMajorNews, onchange: (e: Event) => app.setSettings({ autoPauseOnMajorNews: (e.target as HTMLInputElement).checked }) }), t('autoPauseNews')),
        h('label', { className: 'check' }, h('input', { type: 'checkbox', id: 'opt-shortcuts', checked: getState().settings.shortcuts, onchange: (e: Event) => app.setSettings({ shortcuts: (e.target as HTMLInputElement).checked }) }), t('shortcutsOn')),
        h('label', { className: 'check' }, h('input', { type: 'checkbox', id: 'opt-quarter', checked: getState().settings.autoPauseOnQuarter, onchange: (e: Event) => app.setSettings({ autoPauseOnQuarter: (e.target as HTMLInputElement).checked }) }), t('autoPauseQuarter')),
        status,
        h('p', { className: 'muted' }, t('keyboard')),
      ),
      h('div', { className: 'dlg-foot' },
        h('button', { type: 'button', id: 'export-save', onclick: async () => {
          const f = await app.currentSave(input.value || 'save');
          if (f) download(`${(input.value || 'save').replace(/[^\w.-]+/g, '_')}.neocloud.json`, JSON.stringify(f), 'application/json');
        } }, t('exportSave')),
        h('button', { type: 'button', className: 'primary', id: 'save-confirm', onclick: async () => {
          // An existing name is replaced only on a second click ("Replace") right after the warning.
          const name = input.value.trim() || 'save';
          const r = await app.saveNamed(name, confirmReplace === name);
          confirmReplace = !r.ok && r.exists ? name : null;
          confirmBtn.textContent = confirmReplace ? t('save') + ' ↺' : t('save');
          if (r.ok) {
            status.textContent = labelled(t('saved'), r.name);
            app.toast(labelled(t('saved'), r.name), 'ok');
          } else {
            status.textContent = r.reason;
            if (!r.exists) app.toast(r.reason, 'error');
          }
        } }, t('save')),
        h('button', { type: 'button', onclick: () => saveDlg.close() }, t('dismiss')),
      ),
    );
    const confirmBtn = saveDlg.querySelector<HTMLButtonElement>('#save-confirm')!;
    saveDlg.showModal();
    input.focus();
  }

  // ----- keyboard -----
  // Space and the letters are shortcuts only when no control has the focus: Space on a focused
  // button, tab, checkbox or summary activates that control and nothing else, and a Space that
  // paused the game is swallowed at keyup too (a dialog opened meanwhile never receives it).
  let swallowSpaceUp = false;
  const INTERACTIVE = 'input, select, textarea, button, a[href], summary, [role="tab"], [role="button"], [contenteditable="true"]';
  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (!getState().settings.shortcuts) return;
    if (target.closest('input, select, textarea, [contenteditable="true"]') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (document.querySelector('dialog[open]')) return;
    const k = e.key;
    if (k === ' ') {
      if (target.closest(INTERACTIVE)) return;
      e.preventDefault();
      swallowSpaceUp = true;
      app.togglePause();
    }
    else if (k === '1' || k === '2' || k === '4') { const sp = Number(k) as Speed; app.rememberSpeed(sp); app.setSpeed(sp); }
    else if (k === '0' || k === 'p' || k === 'P') app.setSpeed(0);
    else if (k === '.' || k === 'n' || k === 'N') void app.stepWeeks(1);
    else {
      const p = PANELS.find((x) => x.key === k.toUpperCase());
      if (p) { app.showPanel(p.id); revealDock(); e.preventDefault(); }
    }
  };
  const onKeyUp = (e: KeyboardEvent) => {
    if (e.key === ' ' && swallowSpaceUp) { swallowSpaceUp = false; e.preventDefault(); e.stopPropagation(); }
  };
  document.addEventListener('keydown', onKey);
  document.addEventListener('keyup', onKeyUp, true);
  cleanups.push(() => { document.removeEventListener('keydown', onKey); document.removeEventListener('keyup', onKeyUp, true); });
  // Save when the player leaves the page.
  const onHide = () => { if (document.visibilityState === 'hidden') void app.autosave(); };
  document.addEventListener('visibilitychange', onHide);
  cleanups.push(() => document.removeEventListener('visibilitychange', onHide));

  if (s0?.over) queueMicrotask(() => showOver(s0));

  return () => {
    disposed = true;
    clearTimeout(panelTimer);
    for (const c of cleanups) c();
    destroyWorld?.();
    setState({ selectedRegion: null });
  };
}
