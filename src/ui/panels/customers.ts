/** Customers: open RFPs to bid on, won/lost history, contracts, on-demand price, concentration. */
import { h, replace, table } from '../dom.ts';
import type { Rfp } from '../../engine/types.ts';
import { t, usd, int, pct, price, type StringKey, weekN, labelled, lang, listed, parens, inParens } from '../i18n.ts';
import { commandForm } from '../commandForm.ts';
import { getState } from '../../store/ui.ts';
import type { Snapshot } from '../../store/snapshot.ts';
import type { Panel } from './types.ts';
import { term, withTerms } from '../glossary.ts';

/** Why a bid lost, from the award's own record of how it scored each bid. */
function lossReason(r: Rfp): string {
  const mine = r.bids.find((b) => b.companyIndex === 0);
  const a = mine?.award;
  if (!mine || !a) return '';
  if (a.excluded === 'overMax') return `${t('lossOverMax')}${inParens(price(r.maxUsdPerGpuHour))}${t('sentenceEnd')}`;
  if (a.excluded) return t('lossExcluded');
  const win = r.bids.find((b) => b.companyIndex === r.winnerIndex)?.award;
  const parts: string[] = [];
  if (a.deliveryRisk > 0.005) parts.push(`${t('markDelivery')} +${pct(a.deliveryRisk)}`);
  if (a.diversification > 0.005) parts.push(`${t('markDiversify')} +${pct(a.diversification)}`);
  if (a.smallBidder > 0.005) parts.push(`${t('markSmall')} +${pct(a.smallBidder)}`);
  if (a.platformDiscount > 0.005) parts.push(`${t('markPlatform')} −${pct(a.platformDiscount)}`);
  const head = `${t('yourScore')} ${price(a.scoreUsd)} ${t('vsWinner')} ${price(win?.scoreUsd ?? null)}`;
  return `${head}${parts.length ? inParens(listed(parts)) : ''}${t('sentenceEnd')}`;
}

/** Weeks of awards the competitive range looks back over. */
const RANGE_WEEKS = 26;

/**
 * The competitive range before bidding: the winning prices of the requests awarded in the last
 * weeks, per generation (the awards' own records; lowest–highest and how many).
 */
function recentWins(s: Snapshot): HTMLElement {
  const by = new Map<string, number[]>();
  for (const r of s.closedRfps) {
    if (r.winningUsdPerGpuHour === null || r.closeWeek < s.week - RANGE_WEEKS) continue;
    const name = s.market.gens.find((g) => g.modelId === r.modelId)?.name ?? r.modelId;
    by.set(name, [...(by.get(name) ?? []), r.winningUsdPerGpuHour]);
  }
  const parts = [...by].map(([name, xs]) => `${name} ${price(Math.min(...xs))}–${price(Math.max(...xs))}${inParens(t('awardsN').replace('{n}', String(xs.length)))}`);
  return h('p', { className: 'muted', id: 'recent-wins' }, labelled(t('recentWins').replace('{weeks}', String(RANGE_WEEKS)), parts.length ? parts.join(' · ') : t('noRecentWins')));
}

/** A contract customer's name in the player's language: the scenario's `customerNameZh` in 中文 when it gives one (RFP customers' names are proper names). */
function scenarioCustomerName(name: string): string {
  if (lang() !== 'zh-CN') return name;
  return getState().scenario?.company.contracts.find((k) => k.customerName === name)?.customerNameZh ?? name;
}

export function customersPanel(): Panel {
  let snap: Snapshot | null = getState().snapshot;
  const name = (id: string) => snap?.market.gens.find((g) => g.modelId === id)?.name ?? id;
  const bid = commandForm({
    id: 'customers-bid',
    title: t('bid'),
    fields: [
      { name: 'rfpId', label: t('rfpLabel'), kind: 'select', options: () => (snap?.rfps ?? []).map((r) => ({ value: r.id, label: `${r.customerName} · ${int(r.gpuCount)} ${name(r.modelId)} · ≤ ${price(r.maxUsdPerGpuHour)}` })) },
      { name: 'usdPerGpuHour', label: t('bidPrice'), kind: 'number', value: snap?.rfps[0]?.suggestedBidUsd ?? 0, min: 0, step: 0.05 },
    ],
    build: (v) => (v.rfpId && Number(v.usdPerGpuHour) > 0 ? { type: 'bidRfp', rfpId: String(v.rfpId), usdPerGpuHour: Number(v.usdPerGpuHour) } : null),
  });
  const od = commandForm({
    id: 'customers-price',
    title: t('onDemandPrice'),
    fields: [{ name: 'priceFactor', label: t('priceFactorLabel'), kind: 'number', value: snap?.player.priceFactor ?? 1, min: 0.2, max: 5, step: 0.05 }],
    build: (v) => (Number(v.priceFactor) > 0 ? { type: 'setOnDemandPrice', priceFactor: Number(v.priceFactor) } : null),
  });
  const plat = commandForm({
    id: 'customers-platform',
    title: t('platformSpend'),
    fields: [{ name: 'usdPerWeek', label: t('usdPerWeekLabel'), kind: 'amount', value: snap?.player.platformUsdPerWeek ?? 0 }],
    build: (v) => (Number(v.usdPerWeek) >= 0 ? { type: 'setPlatformSpend', usdPerWeek: Number(v.usdPerWeek) } : null),
  });
  // The price starts at the chosen request's suggested bid, again whenever another request is chosen.
  let bidRfpId: string | null = snap?.rfps[0]?.id ?? null;
  function startBidAt(rfpId: string): void {
    bidRfpId = rfpId;
    const r = snap?.rfps.find((x) => x.id === rfpId);
    if (r) bid.set('usdPerGpuHour', r.suggestedBidUsd);
  }
  function followChosenRfp(): void {
    const chosen = bid.el.querySelector<HTMLSelectElement>('select[name="rfpId"]')?.value ?? '';
    if (chosen && chosen !== bidRfpId) startBidAt(chosen);
  }
  bid.el.addEventListener('change', (e) => { if ((e.target as HTMLElement | null)?.getAttribute('name') === 'rfpId') followChosenRfp(); });
  const rfpTable = h('div');
  const live = h('div');
  const el = h('div', { id: 'panel-customers' }, rfpTable, h('section', null, bid.el), live, h('section', null, od.el), h('section', null, plat.el));

  function render(s: Snapshot): void {
    const p = s.player;
    const lastQ = s.quarters[s.quarters.length - 1];
    replace(rfpTable, h('section', null, table(t('openRfps'), [t('customer'), t('gpusHead'), t('term'), t('maxPrice'), t('closesWeek'), t('yourBid'), ''], s.rfps.map((r) => {
      const mine = r.bids.find((b) => b.companyIndex === 0);
      return [
        h('span', null, `${r.customerName}${parens().gap}`, h('span', { className: 'keep-words' }, parens().open, r.credit === 'ig' ? term('ig', t('credit_ig')) : t(('credit_' + r.credit) as StringKey), parens().close)), `${int(r.gpuCount)} ${name(r.modelId)}`, `${Math.round(r.termWeeks / 52 * 10) / 10} ${t('years')}`,
        price(r.maxUsdPerGpuHour), String(r.closeWeek), mine ? price(mine.usdPerGpuHour) : '—',
        h('button', { type: 'button', 'data-key': `pick-${r.id}`, 'aria-label': labelled(t('bid'), r.customerName), onclick: () => { bid.set('rfpId', r.id); startBidAt(r.id); document.getElementById('customers-bid')?.querySelector('input')?.focus(); } }, t('bid')),
      ];
    }), { className: 'compact' }), recentWins(s)));
    const mineClosed = s.closedRfps.filter((r) => r.bids.some((b) => b.companyIndex === 0)).slice().reverse();
    const nameOf = (i: number | null) => (i === null ? '—' : i === 0 ? t('you') : s.rivals.find((r) => r.index === i)?.name ?? '?');
    replace(live,
      h('section', null, table(t('wonLost'), [t('customer'), t('yourBid'), t('winner'), t('result')], mineClosed.map((r) => {
        const won = r.winnerIndex === 0;
        const mine = r.bids.find((b) => b.companyIndex === 0);
        return [`${r.customerName} · ${int(r.gpuCount)} ${name(r.modelId)} · ${weekN(r.closeWeek)}`, price(mine?.usdPerGpuHour),
          r.winnerIndex === null ? t('nobody') : `${nameOf(r.winnerIndex)} ${price(r.winningUsdPerGpuHour)}`,
          h('span', { className: 'bid-result' }, h('span', { className: 'badge ' + (won ? 'ok' : 'bad') }, won ? '✓ ' + t('won') : '✕ ' + t('lost')), won ? null : h('span', { className: 'bid-reason muted', 'data-rfp': r.id }, ' ' + lossReason(r)))];
      }), { numericFrom: 1 })),
      h('p', { className: 'muted' }, withTerms(t('howAwarded'))),
      h('section', null, table(h('span', null, t('contracts'), ' · ', term('takeOrPay')), [t('customer'), t('gpusHead'), t('usdPerGpuHourHead'), t('startEnd'), t('delivered')], p.contracts.map((c) => [
        h('span', null, `${scenarioCustomerName(c.customerName)}${parens().gap}`, h('span', { className: 'keep-words' }, parens().open, c.credit === 'ig' ? term('ig', t('credit_ig')) : t(('credit_' + c.credit) as StringKey), parens().close)), `${int(c.gpuCount)} ${name(c.modelId)}`, price(c.usdPerGpuHour), `${weekN(c.startWeek)} → ${c.endWeek}`,
        c.delivery === 'notStarted' ? t('notStarted') : c.delivery === 'notMeasured' ? t('deliveryNotMeasured') : `${int(c.deliveredGpus)} / ${int(c.gpuCount)}${c.delivery === 'short' ? inParens(t('short')) : ''}`,
      ]))),
      h('section', null, h('h3', null, t('concentration')),
        h('p', null, withTerms(`${labelled(t('topCustomer'), pct(lastQ?.topCustomerShare, 0))} · ${labelled(t('top5'), pct(lastQ?.top5CustomerShare, 0))} · ${t('backlog')} ${usd(p.backlogUsd)} · ${t('onDemandPriceShort')} ${p.priceFactor.toFixed(2)}× · ${t('platformMaturity')} ${pct(p.platformMaturity)}`))),
    );
  }
  if (snap) render(snap);
  return { el, update(s) { snap = s; render(s); bid.refresh(); followChosenRfp(); od.refresh(); plat.refresh(); } };
}
